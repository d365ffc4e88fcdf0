#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xmalloc.h"
#include "xmlw.h"

xmlTextWriterPtr
xw_open(xmlBufferPtr *xb, int declaration)
{
	xmlTextWriterPtr	w;

	*xb = xmlBufferCreate();
	w = *xb == NULL ? NULL : xmlNewTextWriterMemory(*xb, 0);
	if (w == NULL) {
		fputs("tlsgpo: out of memory (libxml2)\n", stderr);
		abort();
	}
	xmlTextWriterSetIndent(w, 1);
	xmlTextWriterSetIndentString(w, BAD_CAST "  ");
	if (declaration)
		xmlTextWriterStartDocument(w, "1.0", "utf-8", NULL);
	return w;
}

void
xw_close(xmlTextWriterPtr w, xmlBufferPtr xb, struct buf *out)
{
	xmlTextWriterEndDocument(w);
	xmlFreeTextWriter(w);
	buf_add(out, xmlBufferContent(xb), (size_t)xmlBufferLength(xb));
	xmlBufferFree(xb);
}

void
xw_start(xmlTextWriterPtr w, const char *name)
{
	xmlTextWriterStartElement(w, BAD_CAST name);
}

void
xw_attr(xmlTextWriterPtr w, const char *name, const char *value)
{
	xmlTextWriterWriteAttribute(w, BAD_CAST name, BAD_CAST value);
}

void
xw_end(xmlTextWriterPtr w)
{
	xmlTextWriterEndElement(w);
}

/*
 * <NAME><![CDATA[text]]></NAME>. A CDATA section cannot hold "]]>": it is
 * split after "]]", so that "a]]>b" becomes two sections "a]]" and ">b".
 */
void
xw_cdata(xmlTextWriterPtr w, const char *name, const char *text)
{
	const char	*p = text, *q;
	char		*part;

	xw_start(w, name);
	for (;;) {
		q = strstr(p, "]]>");
		if (q == NULL) {
			xmlTextWriterWriteCDATA(w, BAD_CAST p);
			break;
		}
		part = xstrndup(p, (size_t)(q + 2 - p));
		xmlTextWriterWriteCDATA(w, BAD_CAST part);
		free(part);
		p = q + 2;
	}
	xw_end(w);
}
