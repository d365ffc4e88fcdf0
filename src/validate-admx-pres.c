#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "validate.h"
#include "xmalloc.h"

/*
 * A policy's elements against its presentation in one ADML, which the
 * schema cannot see: element ids unique in the policy; each box of the
 * presentation names an element of the policy of a kind it can show
 * (Microsoft's schema documents which: decimalTextBox a decimal or text,
 * textBox a text, multiTextBox a multiText, checkBox a boolean,
 * dropdownList an enum, comboBox a text, listBox a list); a number's
 * default within the element's minValue and maxValue (0 and 9999 by the
 * schema's defaults); a text's default no longer than its maxLength (1023).
 */

static const struct {
	const char	*box;
	const char	*element;
	const char	*element2;	/* another it may show, or NULL */
} shows[] = {
	{ "decimalTextBox", "decimal", "text" },
	{ "textBox", "text", NULL },
	{ "multiTextBox", "multiText", NULL },
	{ "checkBox", "boolean", NULL },
	{ "dropdownList", "enum", NULL },
	{ "comboBox", "text", NULL },
	{ "listBox", "list", NULL },
};

/* The element of the policy's elements whose id is id, or NULL. */
static xmlNodePtr
element_by_id(xmlNodePtr elements, const char *id)
{
	xmlNodePtr	 n;
	char		*v;
	int		 same;

	for (n = elements != NULL ? elements->children : NULL; n != NULL;
	    n = n->next) {
		if (n->type != XML_ELEMENT_NODE ||
		    (v = xml_prop(n, "id")) == NULL)
			continue;
		same = strcmp(v, id) == 0;
		free(v);
		if (same)
			return n;
	}
	return NULL;
}

/* An unsigned attribute, or dflt when it is absent. */
static unsigned long
prop_number(xmlNodePtr n, const char *attr, unsigned long dflt)
{
	char		*v = xml_prop(n, attr);
	unsigned long	 x = dflt;

	if (v != NULL)
		x = strtoul(v, NULL, 10);
	free(v);
	return x;
}

/* A number's default in its range; a text's within its maxLength. */
static void
check_default(struct vctx *v, const char *adml, xmlNodePtr box,
    xmlNodePtr el, const char *id)
{
	xmlNodePtr	 d;
	char		*text;
	unsigned long	 x, lo, hi;

	if (strcmp((const char *)box->name, "decimalTextBox") == 0 &&
	    strcmp((const char *)el->name, "decimal") == 0) {
		x = prop_number(box, "defaultValue", 1);
		lo = prop_number(el, "minValue", 0);
		hi = prop_number(el, "maxValue", 9999);
		if (x < lo || x > hi)
			verr(v, adml, xmlGetLineNo(box), "default %lu of '%s' "
			    "lies outside its element's %lu to %lu", x, id, lo,
			    hi);
	} else if (strcmp((const char *)box->name, "textBox") == 0 &&
	    (d = xml_child(box, "defaultValue")) != NULL) {
		text = xml_text(d);
		hi = prop_number(el, "maxLength", 1023);
		/* maxLength counts characters: UTF-8 lead bytes. */
		for (x = 0, lo = 0; text[lo] != '\0'; lo++)
			x += ((unsigned char)text[lo] & 0xC0) != 0x80;
		if (x > hi)
			verr(v, adml, xmlGetLineNo(d), "default of '%s' has %lu "
			    "characters, more than its element's maxLength %lu",
			    id, x, hi);
		free(text);
	}
}

/* One box of a presentation against the policy's elements. */
static void
check_box(struct vctx *v, const char *adml, xmlNodePtr box,
    xmlNodePtr elements, const char *policy)
{
	xmlNodePtr	 el;
	char		*id;
	size_t		 i;

	for (i = 0; i < sizeof shows / sizeof shows[0]; i++) {
		if (strcmp((const char *)box->name, shows[i].box) == 0)
			break;
	}
	if (i == sizeof shows / sizeof shows[0] ||
	    (id = xml_prop(box, "refId")) == NULL)
		return;
	if ((el = element_by_id(elements, id)) == NULL)
		verr(v, adml, xmlGetLineNo(box), "%s refId '%s' is not an "
		    "element of policy '%s'", shows[i].box, id, policy);
	else if (strcmp((const char *)el->name, shows[i].element) != 0 &&
	    (shows[i].element2 == NULL ||
	    strcmp((const char *)el->name, shows[i].element2) != 0))
		verr(v, adml, xmlGetLineNo(box), "%s refId '%s' names a %s "
		    "element of policy '%s' (line %d), which it cannot show",
		    shows[i].box, id, (const char *)el->name, policy,
		    (int)xmlGetLineNo(el));
	else
		check_default(v, adml, box, el, id);
	free(id);
}

/* The presentation with id pid in the ADML's presentationTable. */
static xmlNodePtr
presentation(xmlNodePtr n, const char *pid)
{
	xmlNodePtr	 found;
	char		*id;
	int		 same;

	for (; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (strcmp((const char *)n->name, "presentation") == 0 &&
		    (id = xml_prop(n, "id")) != NULL) {
			same = strcmp(id, pid) == 0;
			free(id);
			if (same)
				return n;
		}
		if ((found = presentation(n->children, pid)) != NULL)
			return found;
	}
	return NULL;
}

/* Element ids unique within the policy (only in the first ADML pass). */
static void
check_ids(struct vctx *v, const char *admx, xmlNodePtr elements,
    const char *policy)
{
	struct names	 ids = { 0 };
	xmlNodePtr	 n;
	char		*id;

	for (n = elements->children; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE ||
		    (id = xml_prop(n, "id")) == NULL)
			continue;
		if (names_find(&ids, id) != -1)
			verr(v, admx, xmlGetLineNo(n), "element id '%s' of "
			    "policy '%s' is used twice (first on line %d)", id,
			    policy, ids.line[names_find(&ids, id)]);
		else
			names_add(&ids, id, xmlGetLineNo(n));
		free(id);
	}
	names_free(&ids);
}

/* Every policy of the ADMX below n whose presentation is $(presentation.X). */
void
check_presentations(struct vctx *v, const char *admx, xmlNodePtr n,
    const char *adml, xmlNodePtr adml_root, int first)
{
	xmlNodePtr	 elements, pres, box;
	char		*name, *ref;

	for (; n != NULL; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (strcmp((const char *)n->name, "policy") != 0) {
			check_presentations(v, admx, n->children, adml,
			    adml_root, first);
			continue;
		}
		elements = xml_child(n, "elements");
		name = xml_prop(n, "name");
		ref = xml_prop(n, "presentation");
		if (elements != NULL && first)
			check_ids(v, admx, elements, name != NULL ? name : "");
		if (ref != NULL && strncmp(ref, "$(presentation.", 15) == 0 &&
		    strchr(ref, ')') != NULL) {
			*strchr(ref, ')') = '\0';
			pres = presentation(adml_root, ref + 15);
			for (box = pres != NULL ? pres->children : NULL;
			    box != NULL; box = box->next) {
				if (box->type == XML_ELEMENT_NODE)
					check_box(v, adml, box, elements,
					    name != NULL ? name : "");
			}
		}
		free(name);
		free(ref);
	}
}
