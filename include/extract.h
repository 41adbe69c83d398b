/*
 * extract.h: a document written out as polyread extract prints it (see
 * src/cmd-extract.c for the three formats and docs/polyread.1 for the
 * contract scripts rely on).
 *
 * Where it sits: at the top, beside the other commands; it reads a loaded
 * document and its metadata, nothing of the aligner or the view.
 */
#ifndef POLYREAD_EXTRACT_H
#define POLYREAD_EXTRACT_H

#include "doc.h"
#include "util.h"

enum extract_format {
	EXTRACT_TEXT,		/* the body alone, as plain text */
	EXTRACT_MARKDOWN,	/* title, metadata line and body: CommonMark */
	EXTRACT_JSON		/* one JSON object on one line */
};

/* The format named s ("text", "markdown", "json"); 0, or -1 if unknown. */
int	extract_format_parse(const char *s, enum extract_format *);

/*
 * Append document d to sb in format fmt, ending with a newline (JSON: the
 * object and a newline). Nothing is written raw that a terminal would take
 * for a control sequence: controls and bidi marks are escaped visibly (text,
 * Markdown) or as \uXXXX (JSON).
 */
void	extract_write(struct strbuf *sb, const struct doc *d,
	    enum extract_format fmt);

#endif
