#!/bin/bash
# tlsgpo validate over tests/gpo-corpus: GPO backups written by hand in the
# shape GPMC's "Back Up" writes (see tests/gpo-corpus/README). Each case is
# the backup in base/ changed as the case says (remove: paths to delete,
# files/: files to add or replace, mkdirs: empty folders to make, as git
# keeps none); validate must exit as rc says and print exactly the lines
# of stderr (the case's folder written ROOT).
. "${srcdir:-$(dirname "$0")/..}/tests/lib.sh"

corpus=$srcdir/tests/gpo-corpus
for dir in "$corpus"/*/; do
	name=$(basename "$dir")
	[ "$name" = base ] && continue
	root=$WORK/$name
	cp -R "$corpus/base" "$root"
	chmod -R u+w "$root"	# make distcheck's source tree is read-only
	if [ -f "$dir/remove" ]; then
		while IFS= read -r p; do rm -r "${root:?}/$p"; done < "$dir/remove"
	fi
	if [ -d "$dir/files" ]; then
		cp -R "$dir/files/." "$root/"
		chmod -R u+w "$root"
	fi
	if [ -f "$dir/mkdirs" ]; then
		while IFS= read -r p; do mkdir -p "$root/$p"; done < "$dir/mkdirs"
	fi
	want_rc=$(cat "$dir/rc")
	run_tool validate "$root"
	check_eq "$name: $(cat "$dir/what")" \
		"$rc|${err//$root/ROOT}" "$want_rc|$(cat "$dir/stderr")"
	if [ "$want_rc" = 0 ]; then
		check_eq "$name: the summary says 1 GPO backup valid" \
			"$(grep -c '; 1 GPO backup valid' <<<"$out")" 1
	fi
done

done_testing
