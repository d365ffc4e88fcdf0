#!/bin/sh
# install-deps.sh: installs, on Debian 12 as root, what tlsgpo needs to build
# and every real consumer its tests run: Wine's regedit/reg/cmd (wine,
# wine64), jq, groff, xmllint (libxml2-utils), Samba's PReg parser
# (python3-samba), and the tree-sitter PowerShell grammar (npm, into
# tests/ps/node_modules). Idempotent.
set -eu
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends -o DPkg::Lock::Timeout=300 \
	build-essential autoconf automake pkg-config \
	libinih-dev libxml2-dev libssl-dev \
	wine wine64 jq groff-base libxml2-utils python3-samba strace ca-certificates >/dev/null
command -v npm >/dev/null 2>&1 ||
	apt-get install -y -qq --no-install-recommends -o DPkg::Lock::Timeout=300 nodejs npm >/dev/null
# The grammar ships as .wasm: no native build, no install scripts.
cd "$(dirname "$0")/ps"
npm ci --ignore-scripts --legacy-peer-deps --no-audit --no-fund >/dev/null
