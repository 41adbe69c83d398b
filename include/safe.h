/*
 * safe.h: terminal-safe output. Nothing from a document, a note, a file
 * name or a config value reaches a terminal or an output stream as a control
 * sequence: C0 and C1 controls, DEL and bidirectional formatting characters
 * (U+202A-U+202E, U+2066-U+2069, U+200E/F, U+061C) are written as visible
 * escapes (<U+202E>, ^[) instead.
 *
 * Where it sits: the base, above util.c; every stage that writes text
 * a terminal may show goes through it.
 */
#ifndef POLYREAD_SAFE_H
#define POLYREAD_SAFE_H

#include <stdio.h>

#include "util.h"

/* Append s with unsafe characters escaped (tab kept if keep_tab). */
void	safe_escape(struct strbuf *, const char *s, size_t len, int keep_tab);
/*
 * Append s as a JSON string (quoted; controls and bidi marks as \uXXXX
 * escapes, invalid UTF-8 as \ufffd).
 */
void	safe_json(struct strbuf *, const char *s, size_t len);
/*
 * Append s as a TSV field: backslash, tab, newline and CR as \\, \t, \n
 * and \r, the rest as safe_escape().
 */
void	safe_tsv(struct strbuf *, const char *s);
/* A copy of s escaped, to name it in a message. You own the result. */
char	*safe_strdup(const char *s);
/* Write s escaped to f. */
void	safe_fwrite(FILE *, const char *s, size_t len);
void	safe_fputs(FILE *, const char *s);

#endif
