#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "check-int.h"
#include "plan.h"

/*
 * tlsgpo check: a backup's state.txt, the "FIELD|FIELD|..." lines the
 * apply scripts write, as the state of the plan's values.
 */

/* A record's five fields at most, split at '|' in place; "" past its end. */
static void
state_fields(char *line, char *f[5])
{
	char	*q;
	int	 nf;
	size_t	 i;

	for (nf = 0, q = line; nf < 5; nf++) {
		f[nf] = q;
		if (nf < 4 && (q = strchr(q, '|')) != NULL)
			*q++ = '\0';
		else {
			nf++;
			break;
		}
	}
	for (i = (size_t)nf; i < 5; i++)
		f[i] = "";
}

/*
 * A text value's data as the scripts record it, which is how reg query
 * shows it: a REG_SZ as it is, a REG_MULTI_SZ's strings with "\0" between
 * them. Into Windows' form ("a\0b\0\0"). A string that itself holds "\0"
 * reads as two: the record cannot tell (rollback.ps1 restores from its
 * raw record, which check does not read).
 */
static void
state_text(struct reg_obs_value *v, const char *d)
{
	struct buf	 b;
	const char	*sep;
	size_t		 n;

	buf_init(&b);
	if (v->type != REG_TYPE_MULTI_SZ)
		buf_add(&b, d, strlen(d) + 1);
	else {
		while (*d != '\0') {
			sep = strstr(d, "\\0");
			n = sep != NULL ? (size_t)(sep - d) : strlen(d);
			buf_add(&b, d, n);
			buf_addc(&b, '\0');
			if (sep == NULL)
				break;
			d = sep + 2;
		}
		buf_addc(&b, '\0');
	}
	reg_obs_value_set_utf8(v, b.data, b.len);
	buf_free(&b);
}

/*
 * "value|IDX|absent" or "value|IDX|present|TYPE|DATA" (IDX counts the
 * plan's operations from 1): -1 when the record is not one a backup holds.
 */
static int
state_value(struct checker *c, struct machine *m, char *f[5], const char *file,
    int n)
{
	char		*q;
	unsigned long	 idx, data;
	size_t		 i, k;

	idx = strtoul(f[1], &q, 10);
	if (*q != '\0' || idx == 0 || idx > c->pl->n) {
		machine_error(m, file, n, "a value record of no "
		    "value of the plan");
		return -1;
	}
	for (k = 0; k < c->nvalues; k++)
		if (c->op_of[k] == idx - 1)
			break;
	if (k == c->nvalues)
		return 0;
	reg_obs_value_clear(&m->obs.value[k]);
	m->obs.value[k].line = n;
	if (strcmp(f[2], "absent") == 0) {
		m->obs.value[k].seen = VAL_DELETED;
		return 0;
	}
	if (strcmp(f[2], "present") != 0) {
		machine_error(m, file, n, "a value neither "
		    "present nor absent");
		return -1;
	}
	m->obs.value[k].seen = VAL_PRESENT;
	m->obs.value[k].type = OBS_TYPE_UNNAMED;
	for (i = 0; i < 12; i++) {
		if (strcmp(f[3], type_name((uint32_t)i)) == 0)
			m->obs.value[k].type = (uint32_t)i;
	}
	if (m->obs.value[k].type == REG_TYPE_SZ ||
	    m->obs.value[k].type == REG_TYPE_EXPAND_SZ ||
	    m->obs.value[k].type == REG_TYPE_MULTI_SZ)
		state_text(&m->obs.value[k], f[4]);
	if (m->obs.value[k].type == REG_TYPE_DWORD) {
		data = strtoul(f[4], &q, 16);
		if (strncmp(f[4], "0x", 2) != 0 || *q != '\0' ||
		    data > 0xffffffffUL || strlen(f[4]) > 10) {
			machine_error(m, file, n, "a REG_DWORD "
			    "without 0x data");
			return -1;
		}
		m->obs.value[k].data = (uint32_t)data;
	}
	return 0;
}

/*
 * A backup's state.txt (apply.cmd / apply.ps1): the state before apply,
 * value by value. Its records name the plan's values by position, so it
 * must be a complete backup ("end|N") of this very plan ("plan|ID").
 */
void
read_state(struct checker *c, struct machine *m, FILE *fp, const char *file)
{
	char		 line[4096], id[17], *f[5], *q;
	unsigned long	 endn = 0;
	size_t		 records = 0, nkeys;
	struct plan_key	*keys;
	int		 n = 0, plan_seen = 0, ended = 0;

	plan_id(c->pl, id);
	nkeys = plan_keys(c->pl, &keys);
	plan_keys_free(keys, nkeys);
	while (fgets(line, sizeof line, fp) != NULL) {
		n++;
		if (strchr(line, '\n') == NULL && !feof(fp)) {
			machine_error(m, file, n, "a line longer than 4 KB: "
			    "not a backup the apply scripts write");
			return;
		}
		line[strcspn(line, "\r\n")] = '\0';
		if (line[0] == '#' || line[0] == '\0')
			continue;
		if (ended) {
			machine_error(m, file, n, "a record after \"end\"");
			return;
		}
		state_fields(line, f);
		if (strcmp(f[0], "format") == 0) {
			if (strcmp(f[1], "2") != 0) {
				machine_error(m, file, n, "a backup of another "
				    "format than 2");
				return;
			}
		} else if (strcmp(f[0], "plan") == 0) {
			if (strcmp(f[1], id) != 0) {
				/* Quoted only when it is an id (no control
				 * characters to the terminal). */
				buf_printf(&m->errors, "%s:%d: a backup of plan "
				    "%s, not of this policy's plan %s\n", file, n,
				    strlen(f[1]) == 16 && strspn(f[1],
				    "0123456789abcdef") == 16 ? f[1] : "(not an id)",
				    id);
				m->unreadable = 1;
				return;
			}
			plan_seen = 1;
		} else if (strcmp(f[0], "end") == 0) {
			ended = n;
			endn = strtoul(f[1], &q, 10);
			if (*q != '\0' || f[1][0] == '\0')
				endn = (unsigned long)-1;
		} else if (strcmp(f[0], "value") == 0) {
			records++;
			if (state_value(c, m, f, file, n) == -1)
				return;
		} else if (strcmp(f[0], "key") == 0)
			records++;
	}
	if (!plan_seen || !ended)
		machine_error(m, file, n, !plan_seen ? "a backup without its "
		    "plan record" : "a backup cut short (no \"end\" record)");
	else if (endn != records || records != c->pl->n + nkeys) {
		buf_printf(&m->errors, "%s:%d: \"end|%s\" after %zu records; a "
		    "complete backup of this plan has %zu\n", file, ended,
		    endn == (unsigned long)-1 ? "?" : "N", records,
		    c->pl->n + nkeys);
		m->unreadable = 1;
	}
}
