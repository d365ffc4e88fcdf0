#!/bin/sh
# install-deps.sh: installs, on Debian 12 as root, what tlsgpo needs to build
# and every real consumer its tests run: Wine's regedit/reg/cmd (wine,
# wine64), jq, groff. Idempotent.
set -eu
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends -o DPkg::Lock::Timeout=300 \
	build-essential autoconf automake pkg-config \
	libinih-dev libxml2-dev libssl-dev \
	wine wine64 jq groff-base ca-certificates >/dev/null
