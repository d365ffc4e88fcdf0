#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "json.h"
#include "os.h"
#include "plan.h"
#include "suites.h"

/*
 * tlsgpo plan's second part when the policy changes which cipher suites
 * Windows may use: per target and Windows release (suites.h's pages), per
 * TLS version left on, the suites that remain, most preferred first
 * (policy-suites.c decides). Releases of one target with the same result
 * are shown together.
 */

#define SUITES_MAX	128

static const char *const side_words[] = { "client only", "server only",
	"client and server" };

/* Which sides have protocol PR on: 1 client, 2 server, 3 both; 0 none. */
static int
sides_on(const struct policy *p, const struct os_target *t, int pr)
{
	return ((policy_tls_after(p, t, SIDE_CLIENT) >> pr) & 1) |
	    (((policy_tls_after(p, t, SIDE_SERVER) >> pr) & 1) << 1);
}

/* One release's lines: "    TLS 1.2 (client and server):", then one
 * suite a line, or ": none". */
static void
page_lines(const struct policy *p, const struct os_target *t,
    const struct cs_page *pg, struct buf *out)
{
	const struct cs_suite	*u[SUITES_MAX];
	size_t			 n, i;
	int			 pr, on;

	for (pr = PROTO_TLS10; pr <= PROTO_TLS13; pr++) {
		if ((on = sides_on(p, t, pr)) == 0)
			continue;
		n = policy_usable_suites(p, pg, pr, u, SUITES_MAX, NULL);
		buf_printf(out, "    %s (%s):%s\n", protocols[pr].display,
		    side_words[on - 1], n == 0 ? " none" : "");
		for (i = 0; i < n && i < SUITES_MAX; i++)
			buf_printf(out, "      %s\n", u[i]->name);
	}
}

static void
target_table(const struct policy *p, const struct os_target *t,
    struct buf *out)
{
	const struct cs_page	*pgs[CS_PAGES_MAX];
	struct buf		 cur, prev;
	size_t			 j, n;
	int			 open = 0;

	n = cs_pages_for_target(t, pgs, CS_PAGES_MAX);
	buf_init(&prev);
	buf_adds(&prev, "");
	for (j = 0; j < n; j++) {
		buf_init(&cur);
		buf_adds(&cur, "");
		page_lines(p, t, pgs[j], &cur);
		if (open && strcmp(cur.data, prev.data) == 0)
			buf_printf(out, "; %s", pgs[j]->display);
		else {
			if (open)
				buf_printf(out, ")\n%s", prev.data);
			buf_printf(out, "  %s (%s", t->name, pgs[j]->display);
			open = 1;
		}
		buf_free(&prev);
		prev = cur;
	}
	if (open)
		buf_printf(out, ")\n%s", prev.data);
	buf_free(&prev);
}

void
plan_write_suites(const struct plan *pl, struct buf *out)
{
	const struct policy	*p = pl->policy;
	size_t			 i;

	if (!policy_has_suite_rules(p))
		return;
	buf_adds(out, "\nCipher suites each Windows may use once the policy "
	    "applies, most preferred first\n(per target, per release of it "
	    "that has its own list, per TLS version left on):\n");
	for (i = 0; i < os_target_count; i++) {
		if (policy_targets(p) & (1U << i))
			target_table(p, &os_targets[i], out);
	}
}

static void
page_json(const struct policy *p, const struct os_target *t,
    const struct cs_page *pg, struct buf *out)
{
	const struct cs_suite	*u[SUITES_MAX];
	size_t			 n, i;
	int			 pr, on, first = 1;

	buf_adds(out, "{\"target\": ");
	json_string(out, t->name);
	buf_adds(out, ", \"release\": ");
	json_string(out, pg->id);
	buf_adds(out, ", \"os\": ");
	json_string(out, pg->display);
	buf_adds(out, ", \"protocols\": [");
	for (pr = PROTO_TLS10; pr <= PROTO_TLS13; pr++) {
		if ((on = sides_on(p, t, pr)) == 0)
			continue;
		n = policy_usable_suites(p, pg, pr, u, SUITES_MAX, NULL);
		buf_printf(out, "%s{\"protocol\": \"%s\", \"client\": %s, "
		    "\"server\": %s, \"suites\": [", first ? "" : ", ",
		    protocols[pr].display, on & 1 ? "true" : "false",
		    on & 2 ? "true" : "false");
		for (i = 0; i < n && i < SUITES_MAX; i++) {
			buf_adds(out, i == 0 ? "" : ", ");
			json_string(out, u[i]->name);
		}
		buf_adds(out, "]}");
		first = 0;
	}
	buf_adds(out, "]}");
}

void
plan_write_suites_json(const struct plan *pl, struct buf *out)
{
	const struct policy	*p = pl->policy;
	const struct cs_page	*pgs[CS_PAGES_MAX];
	size_t			 i, j, n;
	int			 first = 1;

	buf_adds(out, "[");
	for (i = 0; i < os_target_count && policy_has_suite_rules(p); i++) {
		if (!(policy_targets(p) & (1U << i)))
			continue;
		n = cs_pages_for_target(&os_targets[i], pgs, CS_PAGES_MAX);
		for (j = 0; j < n; j++) {
			buf_adds(out, first ? "\n    " : ",\n    ");
			page_json(p, &os_targets[i], pgs[j], out);
			first = 0;
		}
	}
	buf_adds(out, first ? "]" : "\n  ]");
}
