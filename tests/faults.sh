#!/bin/bash
# tlsgpo build when writing fails (issue 12, first part): a file size limit
# (EFBIG, as a full disk gives ENOSPC), an immutable parent, an -o that is
# a symlink. Every time: exit 3 (2 for a refusal), a message naming the
# path and the error, no temporary directory left beside the target, and
# an earlier package untouched byte for byte.
. "${srcdir:-$(dirname "$0")/..}/tests/lib.sh"

pol=$srcdir/policies/office365-tls12.ini
leftovers() { (cd "$1" && ls -A | grep -c -E '^\.(.*)\.tmp-|\.old-') || true; }
tree_sum() { (cd "$1" && find . -type f -print0 | sort -z | xargs -0 sha256sum | sha256sum | cut -d' ' -f1); }

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

done_testing
