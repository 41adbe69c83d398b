/*
 * layout.h: pure layout, no terminal. Turns pieces of documents into
 * display lines of a column width, and groups of pieces (one list per
 * version) into rows that start level across the columns. The dump command
 * prints these rows; the reader paints them.
 *
 * Where it sits: after the aligner, before the output; dump and the view
 * call it, and it calls only the text engine.
 */
#ifndef POLYREAD_LAYOUT_H
#define POLYREAD_LAYOUT_H

#include <stddef.h>

#include "doc.h"

/* A piece of text to lay out: bytes [start, end) of one block. */
struct layout_piece {
	size_t	block;
	size_t	start;
	size_t	end;
};

/*
 * One display line of a column: [start, end) are bytes of block's text;
 * indent columns come before, then the prefix (a bullet). A line with
 * block DOC_NOPOS shows no block: a blank separator line, or (header set)
 * a line of the article header made from the document's metadata, which
 * is for display only (no focus, search or note reaches it).
 */
struct layout_line {
	size_t		 block;		/* DOC_NOPOS: blank or header line */
	size_t		 start;
	size_t		 end;
	int		 width;		/* of the text, without indent */
	int		 indent;
	const char	*prefix;	/* "• " or "3. " on an item's first
					   line, or NULL */
	int		 header;	/* LAYOUT_TITLE, LAYOUT_META or 0 */
	int		 rtl;		/* a right-to-left paragraph's line:
					   right-aligned, prefix on the right */
};

/* Header lines (block DOC_NOPOS). */
#define LAYOUT_TITLE	1	/* [start, end) of the header's title */
#define LAYOUT_META	2	/* the meta line: layout_header_meta() */

/*
 * Lay out the pieces of one version in a column of width: pieces of one
 * block that follow each other flow together; a new block starts after a
 * blank line. Appends to *lines (grown with XGROW) from index *n.
 */
void	layout_column(const struct doc *, const char *lang,
	    const struct layout_piece *, size_t npieces, int width,
	    struct layout_line **lines, size_t *n, size_t *alloc);

struct text_sentence;
/*
 * Lay out sentences t[0..nt) of a document (the ones a version has in a
 * bead of an alignment; none: no line) in a column of width, like
 * layout_column().
 */
void	layout_sentences(const struct doc *, const char *lang,
	    const struct text_sentence *t, size_t nt, int width,
	    struct layout_line **lines, size_t *n, size_t *alloc);

/*
 * The article header of a column: the title, then one meta line (byline ·
 * date · site, the parts there are), then the body. When the document has
 * a headline block (doc_block.headline, or else a heading among its first
 * blocks whose text is the title) that block is the title: it stays a
 * block (aligned, focused, annotated) and the meta line follows it. Else
 * the title comes from doc->title, as header lines. The strings are the
 * metadata with controls and bidi characters escaped (safe.h), the date
 * cut to its date part when it is an ISO 8601 timestamp.
 */
struct layout_header {
	size_t	 headline;	/* the title's block, or DOC_NOPOS */
	char	*title;		/* no headline block: doc->title; or NULL */
	char	*byline;	/* or NULL */
	char	*rest;		/* "date · site", the parts there are, or
				   NULL */
};

/* Make the header of a document; free it with layout_header_release(). */
void	layout_header_init(struct layout_header *, const struct doc *);
void	layout_header_release(struct layout_header *);
/* Does the header show a title (a headline block or doc->title)? */
int	layout_header_has_title(const struct layout_header *);
/*
 * Append the meta line for a column of width to sb: on one line, a long
 * byline cut with "…" before the date and site, or the whole line cut
 * when too narrow for that. Returns its display width (0: no meta line).
 */
int	layout_header_meta(const struct layout_header *, int width,
	    struct strbuf *sb);
/*
 * Add the header to lines [from, *n), just laid out for one document's
 * part of a unit (a bead, a block): the meta line right after the line
 * that ends the headline block, when the part has it; with no headline
 * block and first set (the unit that starts the article), the title lines
 * and the meta line before the part, and a blank line before its text.
 */
void	layout_header_add(const struct layout_header *, const struct doc *,
	    const char *lang, int width, int first, struct layout_line **lines,
	    size_t from, size_t *n, size_t *alloc);
/*
 * The row of the meta line among lines [from, n) (counted from from), or
 * -1 when they have none.
 */
int	layout_header_row(const struct layout_line *, size_t from, size_t n);
/*
 * Move the meta line among lines [from, *n) down to row (from from) with
 * blank lines before it, so that the meta lines of columns whose titles
 * wrap to different heights are level. Nothing when it is there or lower.
 */
void	layout_header_level(struct layout_line **lines, size_t from,
	    size_t *n, size_t *alloc, int row);
/*
 * The bytes of the longest start of s no wider than width, in whole
 * grapheme clusters (its width in *w when w is not NULL).
 */
size_t	layout_fit(const char *s, size_t len, int width, int *w);

/*
 * Is the paragraph s right to left? Its first strong character says
 * (UAX #9 rules P2, P3, ICU's u_charDirection()); with none, the
 * language's script does (uloc_isRightToLeft()).
 */
int	layout_rtl(const char *s, size_t len, const char *lang);
/*
 * One display line s in visual order, left to right, by ICU's bidi
 * algorithm (ubidi) at the paragraph's direction (rtl): right-to-left runs
 * are written grapheme by grapheme from their end, a mirrored character
 * (brackets, guillemets) swapped for its mirror image. Bidi controls in s
 * order nothing (they stay, for safe.c and the grid to show escaped). Fills
 * out (reset first) and map (map[i]: the byte of s where the grapheme
 * that visual byte i belongs to starts) and returns 1; returns 0, leaving
 * both alone, when the line shows in its own order.
 */
int	layout_visual(const char *s, size_t len, int rtl, struct strbuf *out,
	    size_t **map, size_t *amap);

/*
 * The narrowest column worth reading side by side: below it the versions
 * are stacked (interlinear) rather than cut into columns of a few words.
 * About 30 cells a version with its gutter and the margin: a terminal of
 * 80 columns still shows three versions side by side (24 cells each), as
 * it always did.
 */
#define LAYOUT_MIN_COLUMN	24

/* Column geometry for ncols columns in total width with a gutter. */
struct layout_geom {
	int	ncols;
	int	colw;		/* width of each column */
	int	gutter;		/* columns between two columns */
	int	left;		/* left margin (centring) */
};
/*
 * Compute the geometry: columns no wider than maxw (0: no limit), centred
 * in total when narrower.
 */
void	layout_geometry(int total, int ncols, int maxw, int gutter,
	    struct layout_geom *);

#endif
