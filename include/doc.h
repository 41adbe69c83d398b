/*
 * doc.h: the document model.
 *
 * Where it sits: the model every stage shares; the loaders build it, the
 * text engine, the aligner, the layout, the view and the notes read it.
 *
 * A document is one version of an article: metadata (title, byline, date,
 * language, source, the hreflang alternates a page declares) and a sequence
 * of blocks. Each block is one heading, paragraph, block quotation, list
 * item, preformatted text or caption, with inline marks (spans) for
 * emphasis, strong, links and code.
 *
 * Text is NFC-normalised UTF-8 without control characters (tab and newline
 * are kept in preformatted blocks only). Offsets are bytes and are stable:
 * a block's text never changes after the loader has finished, so later
 * stages (sentences, alignment, notes) point into it with (block, offset)
 * ranges, never with pointers.
 *
 * All strings of a document live in its pool and are freed by doc_free().
 *
 * Loaders build a document with the builder calls: doc_block_begin(),
 * doc_text(), doc_span_begin()/doc_span_end(), doc_block_end(), then
 * doc_finish(). Blocks may nest (a paragraph inside a quotation or a list
 * item): text of an outer block is cut into separate blocks around the inner
 * one, and a paragraph inside a quotation or list item takes the outer kind.
 */
#ifndef POLYREAD_DOC_H
#define POLYREAD_DOC_H

#include <stddef.h>

#include "util.h"

/* "No position" sentinel for byte offsets. */
#define DOC_NOPOS ((size_t)-1)

/* A position in a document: a block and a byte offset in its text. */
struct doc_pos {
	size_t	block;
	size_t	off;
};

/* Order positions: negative, 0 or positive as a is before, at or after b. */
static inline int
doc_pos_cmp(struct doc_pos a, struct doc_pos b)
{
	if (a.block != b.block)
		return (a.block < b.block ? -1 : 1);
	if (a.off != b.off)
		return (a.off < b.off ? -1 : 1);
	return (0);
}

/*
 * The most blocks a document holds. Blocks past it are dropped and
 * too_many is set; load_buffer() then refuses the input with a message.
 */
#define DOC_MAX_BLOCKS	2000000
/*
 * The longest block (a paragraph: in plain text, the lines up to a blank
 * one), in bytes of UTF-8. A longer one is dropped and too_long is set;
 * load_buffer() then refuses the input with a message.
 */
#define DOC_MAX_BLOCK_LEN	((size_t)4 * 1024 * 1024)

enum block_kind {
	BLOCK_PARA,		/* a paragraph */
	BLOCK_HEADING,		/* a heading; level 1 to 6 */
	BLOCK_QUOTE,		/* a block quotation; level = nesting depth */
	BLOCK_ITEM,		/* a list item; level = list depth */
	BLOCK_PRE,		/* preformatted: whitespace kept */
	BLOCK_CAPTION		/* a figure or table caption */
};

enum span_kind {
	SPAN_EMPH,
	SPAN_STRONG,
	SPAN_LINK,		/* target holds the URL */
	SPAN_CODE
};

/* An inline mark over [start, end) of its block's text. */
struct doc_span {
	enum span_kind	 kind;
	size_t		 start;
	size_t		 end;
	const char	*target;	/* link target, or NULL */
};

struct doc_block {
	enum block_kind	 kind;
	int		 level;
	const char	*text;		/* NFC UTF-8, NUL-terminated */
	size_t		 len;		/* bytes, without the NUL */
	struct doc_span	*spans;		/* sorted by start */
	size_t		 nspans;
	int		 cont;		/* presegmented: continues the
					   previous block's paragraph */
	int		 headline;	/* the article's title as the page
					   shows it (HTML: the headline h1) */
	const char	*marker;	/* list items: "3. " on the first
					   block of an ordered list's item,
					   NULL on an unordered list's (a
					   bullet), spaces as wide as the
					   item's marker on its later blocks
					   (after a nested list, a second
					   paragraph) */
};

/*
 * An alternate version the page declares (<link rel=alternate hreflang>)
 * or links from its language switcher (switcher set).
 */
struct doc_alt {
	const char	*lang;
	const char	*href;
	int		 switcher;
};

struct doc_build;

struct doc {
	const char	*source;	/* path or URL it was loaded from */
	const char	*format;	/* "html", "xml", "tei", "text", "markdown" */
	const char	*title;		/* NULL when unknown */
	const char	*subtitle;	/* the deck or standfirst */
	const char	*byline;	/* the authors, joined by ", " */
	const char	*date;		/* published (ISO 8601 when the page
					   states it in a machine form) */
	const char	*modified;	/* last modified, the same way */
	const char	*site;		/* the site's name */
	const char	*canonical;	/* the page's canonical URL */
	const char	*lang;		/* BCP 47 tag ("en", "fr", "ru"), or NULL */
	const char	*charset;	/* the charset the input was read in */
	int		 presegmented;	/* each block is one sentence; blocks
					   with cont set share a paragraph */

	struct doc_alt	*alts;
	size_t		 nalts;

	const char	**authors;	/* each author's name, in order */
	size_t		 nauthors;

	/*
	 * How the body was found (HTML): DOC_FOUND_ARTICLE when the extractor
	 * recognised an article, DOC_FOUND_FALLBACK when nothing scored and
	 * the largest text region stands in for it (say so to the user).
	 */
	int		 found;

	struct doc_block *blocks;
	size_t		 nblocks;

	struct pool	 pool;
	char		*input;		/* the loader's input, holding blocks
					   (doc_input_take()); or NULL */
	struct doc_build *build;	/* builder state while loading */
	size_t		 ablocks, aalts, aauthors;
	int		 too_many;	/* blocks past DOC_MAX_BLOCKS dropped */
	int		 too_long;	/* a block past DOC_MAX_BLOCK_LEN */
};

enum {
	DOC_FOUND_ARTICLE = 0,
	DOC_FOUND_FALLBACK = 1
};

/* Create an empty document for source; free it with doc_free(). */
struct doc	*doc_create(const char *source, const char *format);
void		 doc_free(struct doc *);

/* Set a metadata field (copied; whitespace collapsed; NULL or "" clears). */
void		 doc_set_title(struct doc *, const char *);
void		 doc_set_byline(struct doc *, const char *);
void		 doc_set_date(struct doc *, const char *);
void		 doc_set_subtitle(struct doc *, const char *);
void		 doc_set_modified(struct doc *, const char *);
void		 doc_set_site(struct doc *, const char *);
void		 doc_set_canonical(struct doc *, const char *);
/*
 * Add an author (copied, whitespace collapsed; an empty name or one
 * already there is ignored) and set the byline to the authors joined.
 */
void		 doc_add_author(struct doc *, const char *);
void		 doc_set_lang(struct doc *, const char *);
void		 doc_set_charset(struct doc *, const char *);
void		 doc_set_format(struct doc *, const char *);
void		 doc_add_alt(struct doc *, const char *lang, const char *href);

/* Start a block of kind at level; see the nesting rules above. */
void		 doc_block_begin(struct doc *, enum block_kind, int level);
/*
 * Number the list item just begun (an ordered list's, n may be 0 or
 * negative): its first block stored gets the marker "n. ", its later ones
 * as many spaces (see doc_block.marker).
 */
void		 doc_item_number(struct doc *, long n);
/*
 * Append text (UTF-8; invalid bytes become U+FFFD, control characters are
 * dropped, whitespace runs collapse to one space outside preformatted
 * blocks). Text outside any block starts a paragraph.
 */
void		 doc_text(struct doc *, const char *, size_t);
/* A hard line break (<br>): a newline in pre, a space elsewhere. */
void		 doc_line_break(struct doc *);
void		 doc_span_begin(struct doc *, enum span_kind, const char *target);
void		 doc_span_end(struct doc *, enum span_kind);
/* End the innermost block. Empty blocks are dropped. */
void		 doc_block_end(struct doc *);
/* Close every open block and release the builder. */
void		 doc_finish(struct doc *);

/*
 * Give the document its loader's input (malloc'd UTF-8; the document owns
 * it from now on and frees it with itself). Blocks are then stored over
 * the input already read, at its front, rather than in fresh pool memory:
 * on an 8 MB text, 8 MB less memory touched before the first screen, and
 * the first touch of a page is the dear part of a copy. Only bytes the
 * loader has said it is done with (doc_input_read()) are written over.
 */
void		 doc_input_take(struct doc *, char *input);
/*
 * The loader will not look at the input before p again (p points into the
 * input given to doc_input_take()). An earlier p than before is allowed:
 * it only narrows what may be written over.
 */
void		 doc_input_read(struct doc *, const char *p);

/* Remove block i (loaders use it to drop page furniture). */
void		 doc_remove_block(struct doc *, size_t i);
/*
 * Add a whole block at once (a shorthand for begin, text, end): the text is
 * cleaned like doc_text(). Used by loaders that segment text themselves.
 */
void		 doc_add_block(struct doc *, enum block_kind, int level,
		     const char *text, size_t len);

/* Total text bytes of all blocks. */
size_t		 doc_text_size(const struct doc *);

const char	*block_kind_name(enum block_kind);

/*
 * Clean a UTF-8 string for the model: invalid sequences become U+FFFD,
 * C0/C1 controls (but tab and newline when keep_newlines), soft hyphens and
 * byte order marks are dropped, and the result is NFC. You own the result.
 */
char		*doc_clean_text(const char *, size_t, int keep_newlines,
		     size_t *outlen);

#endif
