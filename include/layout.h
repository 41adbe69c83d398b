/*
 * layout.h: pure layout, no terminal. Turns pieces of documents into
 * display lines of a column width, and groups of pieces (one list per
 * version) into rows that start level across the columns. The dump command
 * prints these rows; the reader paints them.
 */
#ifndef POLYREAD_LAYOUT_H
#define POLYREAD_LAYOUT_H

#include <stddef.h>

#include "doc.h"

#define LAYOUT_MAXCOLS	6

/* A piece of text to lay out: bytes [start, end) of one block. */
struct layout_piece {
	size_t	block;
	size_t	start;
	size_t	end;
};

/*
 * One display line of a column. piece < npieces is the first piece the
 * line shows (DOC_NOPOS for a blank separator line); [start, end) are bytes
 * of block's text; indent columns come before, then the prefix (a bullet).
 */
struct layout_line {
	size_t		 block;		/* DOC_NOPOS: blank line */
	size_t		 start;
	size_t		 end;
	int		 width;		/* of the text, without indent */
	int		 indent;
	const char	*prefix;	/* "• " or "3. " on an item's first
					   line, or NULL */
};

/*
 * Lay out the pieces of one version in a column of width: pieces of one
 * block that follow each other flow together; a new block starts after a
 * blank line. Appends to *lines (grown with XGROW) from index *n.
 */
void	layout_column(const struct doc *, const char *lang,
	    const struct layout_piece *, size_t npieces, int width,
	    struct layout_line **lines, size_t *n, size_t *alloc);

struct alignment;
/*
 * Lay out the sentences version v has in bead b of an alignment (none: no
 * line) in a column of width, like layout_column().
 */
void	layout_bead(const struct alignment *, size_t b, size_t v, int width,
	    struct layout_line **lines, size_t *n, size_t *alloc);
/* True if bead b starts a paragraph (block) in some version. */
int	layout_bead_starts_block(const struct alignment *, size_t b);

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
