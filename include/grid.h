/*
 * grid.h: a grid of cells, the model of the screen.
 *
 * Where it sits: between the view (view-draw.c renders into it) and the
 * terminal (tty.c paints it); above text.h.
 *
 * The view renders into a grid; the terminal code (tty.c) paints it. Each
 * cell holds one grapheme cluster (its bytes live in the grid's arena), its
 * display width and a style: a theme slot plus attribute flags. A wide
 * grapheme takes two cells, the second a continuation cell of width 0.
 *
 * Text enters a grid only through grid_text() and friends, which cut it
 * into grapheme clusters with the text engine and turn every code point
 * char_is_unsafe() refuses into a visible escape (<U+202E>, ^[) in the
 * doubtful style: nothing written to a grid is ever a control sequence.
 */
#ifndef POLYREAD_GRID_H
#define POLYREAD_GRID_H

#include <stddef.h>
#include <stdint.h>

#include "util.h"

/* Attribute flags of a cell, added to its slot's style. */
#define GRID_BOLD	0x1
#define GRID_ITALIC	0x2
#define GRID_UNDERLINE	0x4
#define GRID_REVERSE	0x8

struct grid_cell {
	uint32_t	off;		/* bytes in the arena */
	uint16_t	len;		/* 0: a space (or a continuation) */
	uint8_t		width;		/* 1 or 2; 0 for a continuation */
	uint8_t		slot;		/* enum theme_slot */
	uint8_t		flags;		/* GRID_* */
};

struct grid {
	int			 w;
	int			 h;
	struct grid_cell	*cells;
	struct strbuf		 arena;
	int			 cx;	/* cursor, or -1 when hidden */
	int			 cy;
};

void	grid_init(struct grid *);
void	grid_release(struct grid *);
/* Resize to w x h and clear to spaces of slot. */
void	grid_resize(struct grid *, int w, int h, int slot);
/* Clear every cell to a space of slot; the cursor is hidden. */
void	grid_clear(struct grid *, int slot);
/* The cell at x, y (NULL when outside). */
struct grid_cell *grid_cell(struct grid *, int x, int y);
/* The bytes of a cell (" " for a space, "" for a continuation). */
const char *grid_cell_text(const struct grid *, const struct grid_cell *,
	    size_t *len);
/* Fill n cells from x, y with spaces of slot. */
void	grid_fill(struct grid *, int x, int y, int n, int slot);
/*
 * Write s at x, y, stopping before column xmax: grapheme by grapheme, with
 * unsafe code points escaped. Returns the column after the last cell.
 */
int	grid_text(struct grid *, int x, int y, int xmax, const char *s,
	    size_t len, int slot, int flags);
/*
 * The same with a style per byte of s (slots[i], flags[i] for the grapheme
 * starting at byte i).
 */
int	grid_text_styled(struct grid *, int x, int y, int xmax,
	    const char *s, size_t len, const uint8_t *slots,
	    const uint8_t *flags);
/* Display width s would take in a grid (escapes included). */
int	grid_text_width(const char *s, size_t len);
/*
 * The byte offset of s shown at column col when s is written from column
 * 0 (len when col is past the end).
 */
size_t	grid_text_offset(const char *s, size_t len, int col);
/* Append row y as text (no trailing spaces) to sb. */
void	grid_row_text(const struct grid *, int y, struct strbuf *sb);

#endif
