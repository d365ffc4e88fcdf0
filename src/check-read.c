#include "config.h"

#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "buf.h"
#include "check-int.h"
#include "regfile.h"
#include "utf8.h"
#include "xmalloc.h"

/*
 * tlsgpo check: one MACHINE argument, read into the plan's wanted values.
 * A machine is a file (.reg export, Registry.pol or a backup's state.txt,
 * told apart by their first bytes) or a directory of them, a GPO's
 * Machine and User folders included; "-" is standard input.
 */

void
machine_error(struct machine *m, const char *file, int line, const char *msg)
{
	if (line > 0)
		buf_printf(&m->errors, "%s:%d: %s\n", file, line, msg);
	else
		buf_printf(&m->errors, "%s: %s\n", file, msg);
	m->unreadable = 1;
}

/* The folder a Registry.pol lies in: "User" (any case) means HKCU. */
static enum reg_hive
pol_hive(const char *file)
{
	char		*dir = xstrdup(file), *slash, *real = NULL, *base;
	enum reg_hive	 h = HIVE_HKLM;

	/*
	 * The folder the name lies in, as written (a link's target folder
	 * does not count); resolved only when it is "." or "..".
	 */
	slash = strrchr(dir, '/');
	if (slash != NULL)
		*slash = '\0';
	else {
		free(dir);
		dir = xstrdup(".");
	}
	base = strrchr(dir, '/');
	base = base == NULL ? dir : base + 1;
	if (strcmp(base, ".") == 0 || strcmp(base, "..") == 0 ||
	    *base == '\0') {
		real = realpath(*dir == '\0' ? "/" : dir, NULL);
		if (real != NULL) {
			base = strrchr(real, '/');
			base = base == NULL ? real : base + 1;
		}
	}
	if (strcasecmp(base, "User") == 0)
		h = HIVE_HKCU;
	free(dir);
	free(real);
	return h;
}

static void
read_file(struct checker *c, struct machine *m, const char *file)
{
	unsigned char	 head[16];
	struct stat	 sb;
	ssize_t		 n, got;
	int		 fd, line, flags;
	char		 err[256];

	/* O_NONBLOCK: a FIFO given as a machine must not hang the audit. */
	fd = strcmp(file, "-") == 0 ? 0 : open(file, O_RDONLY | O_NONBLOCK);
	if (fd == -1) {
		machine_error(m, file, 0, strerror(errno));
		return;
	}
	if (fd != 0) {
		if (fstat(fd, &sb) == -1 || !S_ISREG(sb.st_mode)) {
			machine_error(m, file, 0, "not a regular file");
			close(fd);
			return;
		}
		flags = fcntl(fd, F_GETFL);
		if (flags != -1)
			fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
	}
	/*
	 * Registry.pol starts "PReg", a backup's state.txt "# tlsgpo backup";
	 * anything else is read as a .reg. The first bytes are read from the
	 * stream itself (standard input cannot be read twice).
	 */
	for (n = 0; n < (ssize_t)sizeof head; n += got) {
		got = read(fd, head + n, sizeof head - (size_t)n);
		if (got == -1 && errno == EINTR) {
			got = 0;
			continue;
		}
		if (got <= 0)
			break;
	}
	if (n >= 4 && memcmp(head, "PReg", 4) == 0)
		read_pol(m, fd, head, (size_t)n, file, pol_hive(file));
	else if (n >= 8 && memcmp(head, "# tlsgpo", 8) == 0) {
		FILE	*fp;

		if (fd == 0 || lseek(fd, 0, SEEK_SET) == -1 ||
		    (fp = fdopen(fd, "r")) == NULL)
			machine_error(m, file, 0, "a state.txt is read from a "
			    "file, not from standard input");
		else {
			read_state(c, m, fp, file);
			fclose(fp);
			return;
		}
	} else if (regfile_read(fd, head, (size_t)n, &m->obs, &line, err,
	    sizeof err) == -1)
		machine_error(m, file, line, err);
	if (fd != 0)
		close(fd);
}

/* In a directory: *.reg and *.pol files; the rest is not an export. */
static int
export_name(const char *name)
{
	size_t	n = strlen(name);

	return (n > 4 && (strcasecmp(name + n - 4, ".reg") == 0 ||
	    strcasecmp(name + n - 4, ".pol") == 0)) ||
	    strcasecmp(name, "state.txt") == 0;
}

/* dir/Registry.pol, in any case, when there is one. */
static void
add_registry_pol(const char *dir, char ***names, size_t *n)
{
	DIR		*d = opendir(dir);
	struct dirent	*e;

	if (d == NULL)
		return;
	while ((e = readdir(d)) != NULL) {
		if (strcasecmp(e->d_name, "Registry.pol") != 0)
			continue;
		*names = xreallocarray(*names, *n + 1, sizeof **names);
		(*names)[(*n)++] = xasprintf("%s/%s", dir, e->d_name);
	}
	closedir(d);
}

static int
cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* A machine: a file, or the files of a directory in name order. */
void
read_machine(struct checker *c, struct machine *m, const char *arg)
{
	struct stat	 sb;
	DIR		*d;
	struct dirent	*e;
	char		**names = NULL, *path, *t;
	size_t		 n = 0, i;

	memset(m, 0, sizeof *m);
	buf_init(&m->errors);
	reg_obs_init(&m->obs, c->keys, c->nkeys, c->values, c->nvalues);
	m->path = arg;
	t = xstrdup(arg);
	while (strlen(t) > 1 && t[strlen(t) - 1] == '/')
		t[strlen(t) - 1] = '\0';
	m->name = text_escape_dup(strcmp(t, "-") == 0 ? "(stdin)" :
	    strrchr(t, '/') != NULL ? strrchr(t, '/') + 1 : t);
	free(t);
	if (strcmp(arg, "-") == 0 || stat(arg, &sb) == -1 ||
	    !S_ISDIR(sb.st_mode)) {
		read_file(c, m, arg);
		return;
	}
	if ((d = opendir(arg)) == NULL) {
		machine_error(m, arg, 0, strerror(errno));
		return;
	}
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		path = xasprintf("%s/%s", arg, e->d_name);
		if (export_name(e->d_name)) {
			/* Even one it cannot read: read_file says why. */
			names = xreallocarray(names, n + 1, sizeof *names);
			names[n++] = path;
		} else if (stat(path, &sb) == 0 && S_ISDIR(sb.st_mode) &&
		    (strcasecmp(e->d_name, "Machine") == 0 ||
		    strcasecmp(e->d_name, "User") == 0)) {
			/* A GPO's Machine and User folders: their Registry.pol. */
			add_registry_pol(path, &names, &n);
			free(path);
		} else
			free(path);
	}
	closedir(d);
	if (n == 0)
		machine_error(m, arg, 0, "no .reg or .pol file in this directory");
	qsort(names, n, sizeof *names, cmp_names);
	for (i = 0; i < n; i++) {
		read_file(c, m, names[i]);
		free(names[i]);
	}
	free(names);
}

void
machine_free(struct machine *m)
{
	reg_obs_free(&m->obs);
	buf_free(&m->errors);
	free(m->name);
}
