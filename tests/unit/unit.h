/*
 * unit.h: what every cmocka unit test includes, and the helpers the tests
 * share: load_str() (a page from a string), mkdoc() (a document from a
 * list of sentences or paragraphs), has_text() and check_block() (what a
 * document holds), tmpdir() (a scratch folder).
 */
#ifndef POLYREAD_UNIT_H
#define POLYREAD_UNIT_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "util.h"

#include "doc.h"
#include "load.h"

/* Assert two NUL-terminated strings are equal (with a readable message). */
#define assert_str(a, b) assert_string_equal((a), (b))

/*
 * Load the string s as a file called name (its name and content pick the
 * format) with opts (NULL for the defaults). The test fails, naming the
 * loader's cause, when it does not load.
 */
static inline struct doc *
load_str(const char *name, const char *s, const struct load_opts *opts)
{
	struct doc	*d;
	char		*cause = NULL;

	d = load_buffer(name, s, strlen(s), opts, &cause);
	if (d == NULL)
		fail_msg("%s: %s", name, cause != NULL ? cause : "?");
	return (d);
}

/*
 * A document called source in lang, one block for each string of lines
 * (NULL-terminated): a leading '#' makes a level 1 heading, anything else
 * a paragraph; "" ends a paragraph and adds no block. String skip is left
 * out, and string join is glued to the next one with a space (-1: none).
 * With sentences set the document is presegmented: each block is one
 * sentence, and the sentences of a paragraph are joined by cont.
 */
static inline struct doc *
mkdoc(const char *const *lines, const char *lang, const char *source,
    int sentences, int skip, int join)
{
	struct doc	*d = doc_create(source, "text");
	struct strbuf	 sb = STRBUF_INIT;
	int		 i, cont = 0;
	size_t		 before;

	d->presegmented = sentences;
	for (i = 0; lines[i] != NULL; i++) {
		if (i == skip)
			continue;
		if (*lines[i] == '\0') {
			cont = 0;
			continue;
		}
		strbuf_reset(&sb);
		strbuf_addstr(&sb, lines[i]);
		if (i == join && lines[i + 1] != NULL) {
			strbuf_addch(&sb, ' ');
			strbuf_addstr(&sb, lines[++i]);
		}
		before = d->nblocks;
		if (*sb.buf == '#')
			doc_add_block(d, BLOCK_HEADING, 1, sb.buf + 1,
			    sb.len - 1);
		else
			doc_add_block(d, BLOCK_PARA, 0, sb.buf, sb.len);
		if (sentences && d->nblocks > before) {
			d->blocks[d->nblocks - 1].cont = cont;
			cont = 1;
		}
	}
	doc_finish(d);
	doc_set_lang(d, lang);
	strbuf_release(&sb);
	return (d);
}

/* True if the text of a block of d holds needle. */
static inline int
has_text(const struct doc *d, const char *needle)
{
	size_t	i;

	for (i = 0; i < d->nblocks; i++) {
		if (strstr(d->blocks[i].text, needle) != NULL)
			return (1);
	}
	return (0);
}

/*
 * Check block i of d: its kind, its level and, unless text is NULL, its
 * text and length. The block is printed when its kind or level differ.
 */
static inline void
check_block(const struct doc *d, size_t i, enum block_kind kind, int level,
    const char *text)
{
	assert_true(i < d->nblocks);
	if (d->blocks[i].kind != kind || d->blocks[i].level != level)
		print_message("# block %zu: %s %d '%s'\n", i,
		    block_kind_name(d->blocks[i].kind), d->blocks[i].level,
		    d->blocks[i].text);
	assert_str(block_kind_name(d->blocks[i].kind), block_kind_name(kind));
	assert_int_equal(d->blocks[i].level, level);
	if (text == NULL)
		return;
	assert_str(d->blocks[i].text, text);
	assert_int_equal(d->blocks[i].len, strlen(text));
}

/*
 * A new empty folder $TMPDIR/name.XXXXXX (under /tmp without TMPDIR); you
 * own the path. The test fails when it cannot be made.
 */
static inline char *
tmpdir(const char *name)
{
	const char	*base = getenv("TMPDIR");
	char		*p = xstrprintf("%s/%s.XXXXXX",
			    base != NULL ? base : "/tmp", name);

	if (mkdtemp(p) == NULL)
		fail_msg("mkdtemp %s failed", p);
	return (p);
}

#endif
