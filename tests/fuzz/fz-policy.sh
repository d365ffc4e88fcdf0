# Sourced by tests/fuzz/run and tests/fuzz-regress.sh.
# fz_policy SRCDIR: prints fuzz-check's fixed policy, taken from the
# harness's own source (one text, so the seeds and the replay cannot drift
# from what the harness audits against).
fz_policy() {
	sed -n '/^static const char policy/,/;$/p' "$1/tests/fuzz/fuzz-check.c" |
		grep '"' | sed 's/^ *"//; s/\\n"[;]*$//'
}
