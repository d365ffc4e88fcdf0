/*
 * Thin helpers over libxml2's xmlTextWriter for the XML emitters (ADMX,
 * ADML, the GPO backup): escaping is always the writer's, never ours.
 */
#ifndef TLSGPO_XMLW_H
#define TLSGPO_XMLW_H

#include <libxml/xmlwriter.h>

#include "buf.h"

/* A writer into memory, indenting by two spaces; declaration: <?xml ...?>. */
xmlTextWriterPtr xw_open(xmlBufferPtr *, int declaration);
/* Ends the document and appends its bytes to out. */
void	xw_close(xmlTextWriterPtr, xmlBufferPtr, struct buf *);
void	xw_start(xmlTextWriterPtr, const char *);
void	xw_attr(xmlTextWriterPtr, const char *, const char *);
void	xw_end(xmlTextWriterPtr);
/* <NAME><![CDATA[text]]></NAME>, text holding "]]>" or not. */
void	xw_cdata(xmlTextWriterPtr, const char *, const char *);

#endif
