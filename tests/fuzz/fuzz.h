/*
 * Shared by the libFuzzer harnesses (make fuzz): each runs a tlsgpo command
 * the way the binary does (the command table's entry, getopt and all) on
 * the fuzzer's bytes written to a file, and asserts the tool's contract,
 * not only "no crash": the exit statuses the manual promises, and on a
 * refusal a message that names the file and the line (or byte offset).
 * A broken contract aborts, which libFuzzer reports as a crash.
 */
#ifndef TLSGPO_FUZZ_H
#define TLSGPO_FUZZ_H

#include <stddef.h>
#include <stdint.h>

#include "cmd.h"

/* The harness's private folder (made once); path of a file in it. */
const char	*fuzz_dir(void);
char		*fuzz_path(const char *);
/* Writes the bytes to the file, replacing it. */
void		 fuzz_write(const char *, const uint8_t *, size_t);
/*
 * Runs the command with argv (NULL-terminated, argv[0] the command name)
 * as main() would: stdout to /dev/null, stderr caught. Returns its exit
 * status; *err is what it printed on stderr, NUL-terminated (until the
 * next call).
 */
int		 fuzz_run(const struct cmd_entry *, char **, const char **);
/* Aborts, printing what was broken and the command's stderr. */
void		 fuzz_fail(const char *, const char *, ...)
		    __attribute__((format(printf, 2, 3), noreturn));
/*
 * Every line of err starts with "FILE:" (or "FILE2:", when not NULL);
 * when want_line, at least one is "FILE:NUMBER: ..." (a line, or a byte
 * offset).
 */
void		 fuzz_expect_messages(const char *, const char *, const char *,
		    int);

#endif
