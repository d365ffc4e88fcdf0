#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fuzz.h"
#include "utf8.h"

static char	*dir;
static char	*errtext;
static size_t	 errcap;

static void
die(const char *what)
{
	fprintf(stderr, "fuzz: %s: %s\n", what, strerror(errno));
	abort();
}

const char *
fuzz_dir(void)
{
	char	 tmpl[4096];
	const char *t = getenv("TMPDIR");

	if (dir != NULL)
		return dir;
	snprintf(tmpl, sizeof tmpl, "%s/tlsgpo-fuzz.XXXXXX",
	    t != NULL && *t != '\0' ? t : "/tmp");
	if (mkdtemp(tmpl) == NULL)
		die("mkdtemp");
	dir = strdup(tmpl);
	if (dir == NULL)
		die("strdup");
	return dir;
}

char *
fuzz_path(const char *name)
{
	char	*p;

	if (asprintf(&p, "%s/%s", fuzz_dir(), name) == -1)
		die("asprintf");
	return p;
}

void
fuzz_write(const char *path, const uint8_t *data, size_t len)
{
	int	 fd;
	ssize_t	 n;

	if ((fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600)) == -1)
		die(path);
	while (len > 0) {
		if ((n = write(fd, data, len)) == -1) {
			if (errno == EINTR)
				continue;
			die(path);
		}
		data += n;
		len -= (size_t)n;
	}
	if (close(fd) == -1)
		die(path);
}

int
fuzz_run(const struct cmd_entry *c, char **argv, const char **err)
{
	static FILE	*capture;
	FILE		*real;
	int		 argc, rc;
	long		 size;

	/*
	 * The command's messages go to a file of ours through the stderr
	 * stream; descriptor 2 stays the terminal, so that a sanitizer's or
	 * libFuzzer's own report is seen when the command crashes.
	 */
	if (capture == NULL) {
		if ((capture = tmpfile()) == NULL)
			die("tmpfile");
		if (freopen("/dev/null", "w", stdout) == NULL)
			die("/dev/null");
	}
	for (argc = 0; argv[argc] != NULL; argc++)
		continue;
	rewind(capture);
	if (ftruncate(fileno(capture), 0) == -1)
		die("ftruncate");
	real = stderr;
	stderr = capture;
	optind = 0;		/* glibc: start getopt afresh */
	rc = c->exec(argc, argv);
	fflush(stdout);
	fflush(capture);
	stderr = real;
	if ((size = ftell(capture)) == -1)
		die("ftell");
	if ((size_t)size + 1 > errcap) {
		errcap = (size_t)size + 1;
		if ((errtext = realloc(errtext, errcap)) == NULL)
			die("realloc");
	}
	rewind(capture);
	if (fread(errtext, 1, (size_t)size, capture) != (size_t)size)
		die("fread");
	errtext[size] = '\0';
	*err = errtext;
	return rc;
}

void
fuzz_fail(const char *err, const char *fmt, ...)
{
	va_list	 ap;

	fputs("tlsgpo fuzz: contract broken: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\n--- the command's stderr ---\n%s---\n",
	    err != NULL ? err : "");
	abort();
}

void
fuzz_expect_messages(const char *err, const char *file, const char *file2,
    int want_line)
{
	const char	*line, *p, *f;
	size_t		 flen, n, left;
	uint32_t	 cp;
	int		 numbered = 0;

	/*
	 * Input text quoted in a message must not carry control characters
	 * to the terminal (escape sequences, CR): none but the line ends, and
	 * nothing that is not UTF-8.
	 */
	for (p = err, left = strlen(err); left > 0; p += n, left -= n) {
		n = utf8_decode((const unsigned char *)p, left, &cp);
		if (n == 0)
			fuzz_fail(err, "a byte that is not UTF-8 (0x%02x) in a "
			    "message", (unsigned char)*p);
		if ((cp < 0x20 && cp != '\n') || (cp >= 0x7f && cp <= 0x9f))
			fuzz_fail(err, "a control character (U+%04X) in a "
			    "message", (unsigned)cp);
	}
	for (line = err; *line != '\0'; line = p + 1) {
		if (strchr(line, '\n') == NULL)
			fuzz_fail(err, "stderr does not end with a newline");
		f = file;
		flen = strlen(f);
		if ((strncmp(line, f, flen) != 0 || line[flen] != ':') &&
		    file2 != NULL) {
			f = file2;
			flen = strlen(f);
		}
		if (strncmp(line, f, flen) != 0 || line[flen] != ':')
			fuzz_fail(err, "a stderr line does not start with "
			    "\"%s:\"", file);
		p = line + flen + 1;
		if (*p >= '0' && *p <= '9') {
			while (*p >= '0' && *p <= '9')
				p++;
			if (*p == ':')
				numbered = 1;
		}
		p = strchr(line, '\n');
	}
	if (want_line && !numbered)
		fuzz_fail(err, "no \"%s:NUMBER:\" message", file);
}
