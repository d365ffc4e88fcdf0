#!/bin/bash
# tlsgpo build when writing fails (issue 12): a file size limit (EFBIG),
# a full file system (a small tmpfs), an immutable parent, an -o that is a
# symlink or a file, a parent that moves or disappears while the build
# runs, a package that another process is reading, and every write,
# fsync, rename, mkdir, open and close failing in turn (an LD_PRELOAD shim,
# tests/faultshim.c, fails the Nth call, N over every call site). Every
# time: exit 3 (2 for a refusal), a message naming the path and the error,
# no temporary directory left beside the target, and an earlier package
# untouched byte for byte; or exit 0 and a complete package.
. "${srcdir:-$(dirname "$0")/..}/tests/lib.sh"

pol=$srcdir/policies/office365-tls12.ini
leftovers() { (cd "$1" && ls -A | grep -c -E '^\.(.*)\.tmp-') || true; }
# tree_sum DIR: the tree's entries with their types and modes, and every
# file's content, as one checksum.
tree_sum() { (cd "$1" && { find . -printf '%y %m %p\n' | LC_ALL=C sort; find . -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum; } | sha256sum | cut -d' ' -f1); }

# A file size limit of 8 KB: the package's larger files cannot be written.
mkdir -p "$WORK/a"
out=$( (ulimit -f 8; trap '' XFSZ; "$TLSGPO" build "$pol" -o "$WORK/a/pkg") 2>&1 >/dev/null)
rc=$?
check_eq "a write fails (EFBIG): exit 3" "$rc" 3
check "...the message names the package and the error" grep -q "^tlsgpo build: $WORK/a/pkg: cannot write .*: File too large" <<<"$out"
check_eq "...no package and no temporary directory left" "$(ls -A "$WORK/a" | wc -l)" 0

# --force over an earlier package, the new one failing: the earlier stays.
"$TLSGPO" build "$pol" -o "$WORK/a/pkg" >/dev/null 2>&1
before=$(tree_sum "$WORK/a/pkg")
out=$( (ulimit -f 8; trap '' XFSZ; "$TLSGPO" build --force "$srcdir/policies/server-hardening.ini" -o "$WORK/a/pkg") 2>&1 >/dev/null)
rc=$?
check_eq "--force, the new build failing: exit 3" "$rc" 3
check_eq "...the earlier package byte for byte, nothing left beside it" "$(tree_sum "$WORK/a/pkg")|$(leftovers "$WORK/a")" "$before|0"

# An immutable parent (chattr +i: even root cannot create in it).
mkdir -p "$WORK/ro"
if chattr +i "$WORK/ro" 2>/dev/null; then
	out=$("$TLSGPO" build "$pol" -o "$WORK/ro/pkg" 2>&1 >/dev/null)
	rc=$?
	chattr -i "$WORK/ro"
	check_eq "an immutable parent: exit 3" "$rc" 3
	check "...saying it cannot create the temporary directory" grep -q "^tlsgpo build: $WORK/ro/pkg: cannot create a temporary directory beside it: Operation not permitted" <<<"$out"
	check_eq "...and nothing is there" "$(ls -A "$WORK/ro" | wc -l)" 0
else
	skip "build into an immutable parent" "chattr +i is not possible here (not root, or the filesystem has no immutable flag)"
fi

# -o a symlink to a package elsewhere: refused, the target untouched.
"$TLSGPO" build "$pol" -o "$WORK/elsewhere" >/dev/null 2>&1
before=$(tree_sum "$WORK/elsewhere")
ln -s "$WORK/elsewhere" "$WORK/link"
out=$("$TLSGPO" build "$pol" -o "$WORK/link" 2>&1 >/dev/null)
check_eq "-o a symlink: exit 2, already exists" "$?|$(tail -1 <<<"$out")" "2|tlsgpo build: $WORK/link: already exists; use --force to replace it"
out=$("$TLSGPO" build --force "$pol" -o "$WORK/link" 2>&1 >/dev/null)
check_eq "-o a symlink with --force: refused (exit 2)" "$?" 2
check_eq "...the link and its target untouched" "$(readlink "$WORK/link")|$(tree_sum "$WORK/elsewhere")" "$WORK/elsewhere|$before"

# -o an existing file: refused, with or without --force; the file stays.
echo "not a package" > "$WORK/afile"
out=$("$TLSGPO" build "$pol" -o "$WORK/afile" 2>&1 >/dev/null)
check_eq "-o an existing file: exit 2" "$?" 2
out=$("$TLSGPO" build --force "$pol" -o "$WORK/afile" 2>&1 >/dev/null)
check_eq "-o an existing file with --force: exit 2, saying it is not a package, the file untouched" \
	"$?|$(tail -1 <<<"$out")|$(cat "$WORK/afile")" \
	"2|tlsgpo build: $WORK/afile: exists and is not a tlsgpo package (no MANIFEST.sha256); refusing to replace it|not a package"

# A full file system: a 64 KB tmpfs (a package is larger).
mkdir -p "$WORK/full"
if mount -t tmpfs -o size=64k tmpfs "$WORK/full" 2>/dev/null; then
	out=$("$TLSGPO" build "$pol" -o "$WORK/full/pkg" 2>&1 >/dev/null)
	rc=$?
	check_eq "a full file system (ENOSPC): exit 3" "$rc" 3
	check "...the message names the package and the error" grep -q "^tlsgpo build: $WORK/full/pkg: cannot write .*: No space left on device" <<<"$out"
	check_eq "...nothing left on it" "$(ls -A "$WORK/full" | wc -l)" 0
	umount "$WORK/full"
else
	skip "build onto a full file system" "cannot mount a tmpfs here (not root, or in a container without CAP_SYS_ADMIN)"
fi
# A read-only file system (EROFS), holding an earlier package --force
# would replace.
mkdir -p "$WORK/rofs"
if mount -t tmpfs -o size=1m tmpfs "$WORK/rofs" 2>/dev/null; then
	"$TLSGPO" build "$pol" -o "$WORK/rofs/pkg" >/dev/null 2>&1
	before=$(tree_sum "$WORK/rofs/pkg")
	mount -o remount,ro "$WORK/rofs"
	out=$("$TLSGPO" build --force "$srcdir/policies/server-hardening.ini" -o "$WORK/rofs/pkg" 2>&1 >/dev/null)
	rc=$?
	check_eq "a read-only file system (EROFS), --force over an earlier package: exit 3, naming the package and the error" \
		"$rc|$(tail -1 <<<"$out")" "3|tlsgpo build: $WORK/rofs/pkg: cannot create a temporary directory beside it: Read-only file system"
	check_eq "...the earlier package untouched, nothing beside it" "$(tree_sum "$WORK/rofs/pkg")|$(ls -A "$WORK/rofs" | tr '\n' ' ')" "$before|pkg "
	umount "$WORK/rofs"
else
	skip "build onto a read-only file system" "cannot mount a tmpfs here (not root, or in a container without CAP_SYS_ADMIN)"
fi

# A package another process is reading while --force replaces it: a file
# it has open keeps its content to the end; the new package is in place;
# nothing is left beside it.
"$TLSGPO" build "$srcdir/policies/server-hardening.ini" -o "$WORK/busy" >/dev/null 2>&1
cp "$WORK/busy/scripts/apply.ps1" "$WORK/busy.ps1"
(cd "$WORK/busy/scripts" && exec 3< apply.ps1 && head -c 100 <&3 >/dev/null && echo go > "$WORK/busy.go" &&
	for i in $(seq 600); do [ -f "$WORK/busy.done" ] && break; sleep 0.05; done && cat <&3 > "$WORK/busy.rest") &
reader=$!
for i in $(seq 600); do [ -f "$WORK/busy.go" ] && break; sleep 0.05; done
"$TLSGPO" build --force "$pol" -o "$WORK/busy" >/dev/null 2>&1
rc=$?
touch "$WORK/busy.done"
wait "$reader"
check_eq "--force while another process has a file of the package open: exit 0" "$rc" 0
check_eq "...the reader got the rest of the earlier file" "$(cat "$WORK/busy.rest" 2>/dev/null | sha256sum)" "$(tail -c +101 "$WORK/busy.ps1" | sha256sum)"
check "...the new package is in place and complete" bash -c 'cd "$1" && sha256sum --quiet -c MANIFEST.sha256 && grep -q office365 scripts/apply.ps1' _ "$WORK/busy"
check_eq "...nothing left beside it" "$(leftovers "$WORK")" 0

# ---- The LD_PRELOAD shim: each call site failing in turn --------------------
CC=${CC:-cc}
if ! $CC -shared -fPIC -O1 -o "$WORK/faultshim.so" "$srcdir/tests/faultshim.c" -ldl 2>"$WORK/cc.err"; then
	not_ok "the fault shim builds ($CC)"
	sed 's/^/#   /' "$WORK/cc.err"
	done_testing
	exit
fi
# ASan wants its runtime first in the library list; the shim comes first.
export ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0
NOEX=""
shim() {	# CALL N ARGS...: tlsgpo under the shim ($NOEX: no exchange); leaves $rc, $out, $log
	local call=$1 n=$2
	shift 2
	rm -f "$WORK/shim.log"
	out=$(env $NOEX FAULT_CALL="$call" FAULT_N="$n" FAULT_LOG="$WORK/shim.log" LD_PRELOAD="$WORK/faultshim.so" "$TLSGPO" "$@" 2>&1 >/dev/null)
	rc=$?
	log=$(cat "$WORK/shim.log" 2>/dev/null)
}
complete() { (cd "$1" && sha256sum --quiet -c MANIFEST.sha256 >/dev/null 2>&1); }
strerr_enospc="No space left on device"
# The earlier package --force replaces, and what the new one must be.
rm -rf "$WORK/s"
mkdir -p "$WORK/s"
"$TLSGPO" build "$srcdir/policies/server-hardening.ini" -o "$WORK/s/old" >/dev/null 2>&1
old_sum=$(tree_sum "$WORK/s/old")
"$TLSGPO" build "$pol" -o "$WORK/s/want" >/dev/null 2>&1
new_sum=$(tree_sum "$WORK/s/want")
pkg_files=$(cd "$WORK/s/want" && find . -type f | wc -l)
pkg_dirs=$(cd "$WORK/s/want" && find . -type d | wc -l)
rm -rf "$WORK/s/want"
# Every call site fails in turn, N = 1, 2, ... until the shim is not
# reached. An injected failure must end in exit 3, a message naming the
# package and the error, no temporary directory, no package (new) or the
# earlier one byte for byte (--force); the only failure that may end in
# exit 0 is removing the earlier package once the new one is in place,
# and then a warning names what is left. With FAULT_NOEXCHANGE the file
# system has no RENAME_EXCHANGE / RENAME_NOREPLACE (NFS, SMB, vfat): the
# fallbacks (move aside, then rename) fail in turn too.
for fs in exchange noexchange; do
	calls="write fsync rename mkdir open close" NOEX=""
	[ "$fs" = noexchange ] && calls="rename fsync" NOEX=FAULT_NOEXCHANGE=1
	for call in $calls; do
		for mode in new force; do
			bad="" sites=0 n=0
			while [ "$n" -lt 400 ]; do
				n=$((n + 1))
				rm -rf "$WORK/s/pkg" "$WORK/s"/.pkg.tmp-*
				if [ "$mode" = force ]; then
					cp -a "$WORK/s/old" "$WORK/s/pkg"
					set -- build --force "$pol" -o "$WORK/s/pkg"
				else
					set -- build "$pol" -o "$WORK/s/pkg"
				fi
				shim "$call" "$n" "$@"
				left=$(leftovers "$WORK/s")
				case "$rc|$log" in
				"0|not reached"*)
					# Past the last call site: a complete package.
					[ "$(tree_sum "$WORK/s/pkg")|$left" = "$new_sum|0" ] || bad="$bad; N=$n (no fault): not the package, or leftovers"
					break ;;
				"0|injected close"*)
					# close(2) of a descriptor only read (a
					# directory): nothing was lost. (Each written
					# file's close is a site: exit 3.)
					[ "$(tree_sum "$WORK/s/pkg")|$left" = "$new_sum|0" ] || bad="$bad; N=$n: exit 0 after a close failed, and the package is not complete, or leftovers" ;;
				"0|injected"*)
					# Only removing the earlier package may fail
					# with exit 0: the new one complete, a warning
					# naming what is left.
					if [ "$mode" != force ] || [ "$left" = 0 ] ||
						[ "$(tree_sum "$WORK/s/pkg")" != "$new_sum" ] ||
						! grep -q "^tlsgpo build: warning: the earlier package, moved aside to $WORK/s/\.pkg\.tmp-[a-z0-9]*\(\.old\)\?, could not be removed completely: $strerr_enospc$" <<<"$out"; then
						bad="$bad; N=$n: a failure passed over: exit 0, $left left [$(tail -1 <<<"$out")]"
					fi ;;
				"3|injected"*)
					sites=$((sites + 1))
					grep -q "^tlsgpo build: $WORK/s/pkg: .*$strerr_enospc" <<<"$out" || bad="$bad; N=$n: message [$(tail -1 <<<"$out")]"
					if [ "$mode" = force ]; then
						[ "$(tree_sum "$WORK/s/pkg")|$left" = "$old_sum|0" ] || bad="$bad; N=$n: the earlier package changed, or leftovers ($left) [$(tail -1 <<<"$out")]"
					else
						[ ! -e "$WORK/s/pkg" ] && [ "$left" = 0 ] || bad="$bad; N=$n: a package or leftovers ($left) after the failure [$(tail -1 <<<"$out")]"
					fi ;;
				*)
					bad="$bad; N=$n: exit $rc, shim [$log], [$(tail -1 <<<"$out")]" ;;
				esac
			done
			[ "$n" -lt 400 ] || bad="$bad; still failing at N=400"
			what="no package"
			[ "$mode" = force ] && what="the earlier package untouched"
			check_eq "$fs: every $call failing in turn ($mode package, $sites call sites): exit 3, the path and the error named, nothing left, $what; past the last, a complete package" "${bad#; }" ""
			# A shim that never fires would pass everything above.
			case $fs.$call in
			exchange.fsync)
				# Each file, each directory, the parent: no fsync
				# whose failure is ignored.
				check_eq "...fsync: one failing call site per file ($pkg_files), directory ($pkg_dirs) and the parent" "$sites" "$((pkg_files + pkg_dirs + 1))" ;;
			exchange.close)
				check_eq "...close: one failing call site per file written ($pkg_files)" "$sites" "$pkg_files" ;;
			*)
				check "...$fs $call: the shim failed at least one call site (it is in effect)" [ "$sites" -gt 0 ] ;;
			esac
		done
	done
done

# --force never removes what it did not check. put_back NAME FS WHAT
# SHIM-SETTINGS...: --force onto $WORK/NAME/pkg under the shim, which puts
# a user's directory (holding important.txt) there meanwhile: exit 3, that
# directory left as it is, nothing beside it.
put_back() {
	local d=$WORK/$1 fs=$2 what=$3 noex=""
	shift 3
	[ "$fs" = noexchange ] && noex=FAULT_NOEXCHANGE=1
	env $noex "$@" LD_PRELOAD="$WORK/faultshim.so" "$TLSGPO" build --force "$pol" -o "$d/pkg" >/dev/null 2>"$d.err"
	check_eq "$fs: --force, $what: exit 3, that directory left as it is, nothing beside it" \
		"$?|$(tail -1 "$d.err")|$(cat "$d/pkg/important.txt" 2>&1)|$(ls -A "$d" | tr '\n' ' ')" \
		"3|tlsgpo build: $d/pkg: something else was put there while the package was built; left as it is|keep|pkg "
}
for fs in exchange noexchange; do
	# Another directory moved onto the (empty) target.
	rm -rf "$WORK/sw"
	mkdir -p "$WORK/sw/pkg" "$WORK/sw/userdata"
	echo keep > "$WORK/sw/userdata/important.txt"
	put_back sw "$fs" "and another directory is put in the package's place meanwhile" \
		FAULT_CALL=mkdir FAULT_N=1 FAULT_MOVE="$WORK/sw/userdata:$WORK/sw/pkg"
	# The earlier package removed and a directory made in its place (the
	# inode number could come back, but the checked directory is held
	# open until the swap).
	rm -rf "$WORK/ir"
	mkdir -p "$WORK/ir"
	cp -a "$WORK/s/old" "$WORK/ir/pkg"
	put_back ir "$fs" "and the earlier package is removed and a directory made in its place meanwhile" \
		FAULT_CALL=mkdir FAULT_N=1 FAULT_EXEC="rm -rf '$WORK/ir/pkg' && mkdir '$WORK/ir/pkg' && echo keep > '$WORK/ir/pkg/important.txt'"
done
# ...and when putting it back fails too (the second rename: the swap's
# undo), the message says where that directory now is (and, swapped, that
# the new package is in the target's place).
for fs in exchange noexchange; do
	d=$WORK/pb
	rm -rf "$d"
	mkdir -p "$d/pkg" "$d/userdata"
	echo keep > "$d/userdata/important.txt"
	noex=""
	want=""
	if [ "$fs" = noexchange ]; then noex=FAULT_NOEXCHANGE=1; else want=", the new package in $d/pkg"; fi
	env $noex FAULT_CALL=mkdir FAULT_N=1 FAULT_MOVE="$d/userdata:$d/pkg" FAULT2_CALL=rename FAULT2_N=2 \
		LD_PRELOAD="$WORK/faultshim.so" "$TLSGPO" build --force "$pol" -o "$d/pkg" >/dev/null 2>"$d.err"
	rc=$?
	msg=$(tail -1 "$d.err")
	at=$(sed -n 's/.*could not be put back (No space left on device): it is in \([^,]*\).*/\1/p' <<<"$msg")
	check_eq "$fs: --force, a directory put in the target's place and putting it back fails: exit 3, the message names where it is" \
		"$rc|${at:+$(cat "$at/important.txt" 2>&1)}|${msg#*: it is in "$at"}" "3|keep|$want"
done
# ...nor what was swapped in between the first look and the check: the
# target is a user's directory F; before the check opens it, a package P
# is put there (and F moved aside).
rm -rf "$WORK/race"
mkdir -p "$WORK/race/pkg"
echo keep > "$WORK/race/pkg/important.txt"
cp -a "$WORK/s/old" "$WORK/race/P"
FAULT_CALL=open FAULT_N=2 FAULT_EXEC="mv '$WORK/race/pkg' '$WORK/race/F' && mv '$WORK/race/P' '$WORK/race/pkg'" \
	LD_PRELOAD=$WORK/faultshim.so "$TLSGPO" build --force "$pol" -o "$WORK/race/pkg" >/dev/null 2>"$WORK/race.err"
rc=$?
check_eq "--force, the target swapped between the first look and the check: exit 3, nothing removed" \
	"$rc|$(tail -1 "$WORK/race.err")|$(cat "$WORK/race/F/important.txt" 2>&1)|$(tree_sum "$WORK/race/pkg")|$(ls -A "$WORK/race" | tr '\n' ' ')" \
	"3|tlsgpo build: $WORK/race/pkg: changed while it was being checked; left as it is|keep|$old_sum|F pkg "

# Undoing fails too: the parent's fsync fails (the last fsync), and then
# the rename that would put the earlier package back. The message says
# where each package is; the new one stays in place (no DIR at all would
# be worse).
last_fsync=$((pkg_files + pkg_dirs + 1))
for fs in exchange noexchange; do
	rm -rf "$WORK/u"
	mkdir -p "$WORK/u"
	cp -a "$WORK/s/old" "$WORK/u/pkg"
	NOEX="" second=2 aside='\.pkg\.tmp-[a-z0-9]*'
	[ "$fs" = noexchange ] && NOEX=FAULT_NOEXCHANGE=1 second=4 aside='\.pkg\.tmp-[a-z0-9]*\.old'
	env $NOEX FAULT_CALL=fsync FAULT_N=$last_fsync FAULT2_CALL=rename FAULT2_N=$second \
		LD_PRELOAD=$WORK/faultshim.so "$TLSGPO" build --force "$pol" -o "$WORK/u/pkg" >/dev/null 2>"$WORK/u.err"
	rc=$?
	msg=$(tail -1 "$WORK/u.err")
	moved=$(sed -n "s|.*the earlier one in $WORK/u/\($aside\)\$|\1|p" <<<"$msg")
	check "$fs: the parent's fsync fails and so does putting the earlier package back: exit 3, naming where it is" \
		bash -c '[ "$1" = 3 ] && grep -q "^tlsgpo build: $2: cannot sync the directory it is in (.*) to disk: No space left on device, nor put the earlier package back (No space left on device): the new package is in place, the earlier one in " <<<"$3" && [ -n "$4" ]' _ "$rc" "$WORK/u/pkg" "$msg" "$moved"
	check_eq "...the new package in place, the earlier one where the message says" \
		"$(tree_sum "$WORK/u/pkg")|$( [ -n "$moved" ] && tree_sum "$WORK/u/$moved")" "$new_sum|$old_sum"
done

# A parent that moves away between the checks and the writing (at the
# first mkdir: the temporary directory): the package goes where the
# directory that was checked now is, complete; nothing at the old path.
rm -rf "$WORK/mv"
mkdir -p "$WORK/mv/a"
out=$(FAULT_CALL=mkdir FAULT_N=1 FAULT_MOVE="$WORK/mv/a:$WORK/mv/b" LD_PRELOAD=$WORK/faultshim.so "$TLSGPO" build "$pol" -o "$WORK/mv/a/pkg" 2>&1 >/dev/null)
rc=$?
check_eq "a parent moved away while the build runs: exit 0, the package complete in the moved directory, nothing at the old path" \
	"$rc|$(complete "$WORK/mv/b/pkg" && echo complete)|$(ls -A "$WORK/mv/b" | tr '\n' ' ')|$([ -e "$WORK/mv/a" ] && echo there)" "0|complete|pkg |"
# A parent removed between the checks and the writing: exit 3, nothing.
rm -rf "$WORK/rm"
mkdir -p "$WORK/rm/a"
out=$(FAULT_CALL=mkdir FAULT_N=1 FAULT_RMDIR="$WORK/rm/a" LD_PRELOAD=$WORK/faultshim.so "$TLSGPO" build "$pol" -o "$WORK/rm/a/pkg" 2>&1 >/dev/null)
rc=$?
check_eq "a parent removed while the build runs: exit 3, naming the package and the error, nothing made" \
	"$rc|$(tail -1 <<<"$out")|$(ls -A "$WORK/rm" | wc -l)" \
	"3|tlsgpo build: $WORK/rm/a/pkg: cannot create a temporary directory beside it: No such file or directory|0"

# The data on disk before the rename: each file and directory of the
# package fsynced (strace -y names what each descriptor is), then the
# rename, then the parent.
if command -v strace >/dev/null 2>&1; then
	rm -rf "$WORK/st"
	mkdir -p "$WORK/st"
	strace -f -qq -y -e trace=fsync,renameat2,renameat,rename -o "$WORK/strace" "$TLSGPO" build "$pol" -o "$WORK/st/pkg" >/dev/null 2>&1
	# "fsync PATH" (PATH inside the package, "." its root, "PARENT" the
	# directory holding it) or the call's name, in order.
	seq=$(grep -v -e '+++' -e '---' "$WORK/strace" | sed 's/^[0-9]* *//' |
		awk -v st="$WORK/st" '
			/^fsync\(/ {
				p = $0; sub(/^fsync\([0-9]*</, "", p); sub(/>\).*$/, "", p)
				if (p == st) { print "fsync PARENT"; next }
				sub("^" st "/\\.pkg\\.tmp-[a-z0-9]*", ".", p); sub(/^\.\//, "./", p)
				print "fsync " p; next }
			{ sub(/\(.*/, ""); print }')
	want=$( (cd "$WORK/st/pkg" && find . | sort | sed 's/^/fsync /'); echo renameat2; echo "fsync PARENT")
	check_eq "strace: fsync of each of the package's files and directories (any order), then the rename, then fsync of the directory holding it" \
		"$( (grep -v -e '^renameat2$' -e '^fsync PARENT$' <<<"$seq" | sort; grep -e '^renameat2$' -e '^fsync PARENT$' <<<"$seq") | tr '\n' ' ')" "$(tr '\n' ' ' <<<"$want")"
	check "...and every package fsync comes before the rename" bash -c '! sed -n "/^renameat2\$/,\$p" <<<"$1" | grep -q "^fsync \."' _ "$seq"
else
	skip "the order of fsync and rename" "strace is not installed (apt-get install strace)"
fi

# A directory one may write in and search but not list (0733), as a user
# who is not root: the build works there (the parent is opened O_PATH).
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null 2>&1; then
	nb=$WORK/nb
	mkdir -p "$nb/wx"
	cp "$TLSGPO" "$pol" "$nb/"
	chmod 0711 "$WORK" "$nb"
	chmod 0755 "$nb/tlsgpo"
	chmod 0644 "$nb/$(basename "$pol")"
	chmod 0733 "$nb/wx"
	out=$(cd "$nb" && setpriv --reuid=65534 --regid=65534 --clear-groups ./tlsgpo build "$(basename "$pol")" -o wx/pkg 2>&1 >/dev/null)
	rc=$?
	check_eq "a parent one may write in but not read (0733), not as root: exit 0, a complete package" \
		"$rc|$(complete "$nb/wx/pkg" && echo complete)|$(ls -A "$nb/wx" | tr '\n' ' ')" "0|complete|pkg "
	[ "$rc" = 0 ] || printf '%s\n' "$out" | tail -3 | sed 's/^/#   /'
	chmod 0700 "$WORK"
else
	skip "a parent that cannot be read" "needs root and setpriv, to run as nobody"
fi

done_testing
