/*
 * The cell grid. Cells are fixed-size records; the bytes of their grapheme
 * clusters live in one arena per grid, emptied by grid_clear(), so that a
 * frame costs no allocation once the arena has grown to a screenful.
 *
 * Text is cut into grapheme clusters by the text engine (ICU), with a fast
 * path for plain ASCII. A cluster holding a code point that must not reach
 * a terminal is written as a visible escape in the doubtful style; zero
 * width clusters (a lone joiner) are dropped; a tab becomes a space.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "grid.h"
#include "safe.h"
#include "text.h"
#include "theme.h"

/* Set up an empty grid. */
void
grid_init(struct grid *g)
{
	memset(g, 0, sizeof *g);
	strbuf_init(&g->arena, 0);
	g->cx = g->cy = -1;
}

/* Free the cells and the arena of a grid. */
void
grid_release(struct grid *g)
{
	free(g->cells);
	strbuf_release(&g->arena);
	memset(g, 0, sizeof *g);
	g->cx = g->cy = -1;
}

/* Resize a grid and clear it. */
void
grid_resize(struct grid *g, int w, int h, int slot)
{
	if (w < 1)
		w = 1;
	if (h < 1)
		h = 1;
	if (w != g->w || h != g->h) {
		free(g->cells);
		g->cells = xcalloc((size_t)w * (size_t)h, sizeof *g->cells);
		g->w = w;
		g->h = h;
	}
	grid_clear(g, slot);
}

/* Clear every cell to a space of slot. */
void
grid_clear(struct grid *g, int slot)
{
	size_t	i, n = (size_t)g->w * (size_t)g->h;

	for (i = 0; i < n; i++) {
		g->cells[i].off = 0;
		g->cells[i].len = 0;
		g->cells[i].width = 1;
		g->cells[i].slot = (uint8_t)slot;
		g->cells[i].flags = 0;
	}
	strbuf_reset(&g->arena);
	g->cx = g->cy = -1;
}

/* The cell at x, y, or NULL outside the grid. */
struct grid_cell *
grid_cell(struct grid *g, int x, int y)
{
	if (x < 0 || y < 0 || x >= g->w || y >= g->h)
		return (NULL);
	return (&g->cells[(size_t)y * (size_t)g->w + (size_t)x]);
}

/* The bytes a cell shows. */
const char *
grid_cell_text(const struct grid *g, const struct grid_cell *c, size_t *len)
{
	if (c->len == 0) {
		*len = c->width == 0 ? 0 : 1;
		return (c->width == 0 ? "" : " ");
	}
	*len = c->len;
	return (g->arena.buf + c->off);
}

/* Fill n cells with spaces of slot. */
void
grid_fill(struct grid *g, int x, int y, int n, int slot)
{
	struct grid_cell	*c;
	int			 i;

	for (i = 0; i < n; i++) {
		if ((c = grid_cell(g, x + i, y)) == NULL)
			continue;
		c->len = 0;
		c->width = 1;
		c->slot = (uint8_t)slot;
		c->flags = 0;
	}
}

/* Store one cluster of width w at x, y; returns the next column. */
static int
put(struct grid *g, int x, int y, const char *s, size_t len, int w,
    int slot, int flags)
{
	struct grid_cell	*c, *c2;

	if ((c = grid_cell(g, x, y)) == NULL)
		return (x + w);
	c->width = (uint8_t)w;
	c->slot = (uint8_t)slot;
	c->flags = (uint8_t)flags;
	if (len == 1 && s[0] == ' ')
		c->len = 0;
	else {
		if (len > UINT16_MAX)
			len = UINT16_MAX;
		c->off = (uint32_t)g->arena.len;
		c->len = (uint16_t)len;
		strbuf_add(&g->arena, s, len);
	}
	if (w == 2 && (c2 = grid_cell(g, x + 1, y)) != NULL) {
		c2->len = 0;
		c2->width = 0;
		c2->slot = (uint8_t)slot;
		c2->flags = (uint8_t)flags;
	}
	return (x + w);
}

/* The escape for an unsafe code point, in buf; returns its length. */
static size_t
escape_cp(int32_t c, char *buf, size_t size)
{
	int	n;

	if (c >= 0 && c < 0x20)
		n = snprintf(buf, size, "^%c", (char)(c + '@'));
	else if (c == 0x7f)
		n = snprintf(buf, size, "^?");
	else
		n = snprintf(buf, size, "<U+%04X>", (unsigned)c);
	return (n < 0 ? 0 : (size_t)n);
}

/*
 * The end of the grapheme cluster at s[i]. The common case is decided
 * from ICU's Grapheme_Cluster_Break property alone: after a code point of
 * class Other, UAX #29 breaks before anything but Extend, ZWJ and
 * SpacingMark (rule GB999; no other rule starts from Other), which saves
 * a break iterator call per letter of Cyrillic or accented text. Anything
 * else goes to the text engine's iterator.
 */
static size_t
next_cluster(const char *s, size_t len, size_t i)
{
	int32_t	j = (int32_t)i, k, n = (int32_t)len;
	UChar32	a, b;
	int	g;

	U8_NEXT(s, j, n, a);
	if (a >= 0 && u_getIntPropertyValue(a, UCHAR_GRAPHEME_CLUSTER_BREAK) ==
	    U_GCB_OTHER) {
		if (j >= n)
			return (len);
		k = j;
		U8_NEXT(s, k, n, b);
		if (b >= 0) {
			g = u_getIntPropertyValue(b,
			    UCHAR_GRAPHEME_CLUSTER_BREAK);
			if (g != U_GCB_EXTEND && g != U_GCB_ZWJ &&
			    g != U_GCB_SPACING_MARK)
				return ((size_t)j);
		}
	}
	return (text_next_grapheme(s, len, i));
}

/*
 * Does the cluster [i, next) hold an unsafe code point? Sets *tab when it
 * is a lone tab.
 */
static int
cluster_unsafe(const char *s, size_t i, size_t next, int *tab)
{
	int32_t	j = (int32_t)i, n = (int32_t)next;
	UChar32	c;

	*tab = next == i + 1 && s[i] == '\t';
	while (j < n) {
		U8_NEXT(s, j, n, c);
		if (c >= 0 && char_is_unsafe(c))
			return (1);
	}
	return (0);
}

/*
 * A walk over the cells a text takes, step by step: a grapheme cluster
 * per step, but a cluster holding an unsafe code point is broken up into
 * its code points, each unsafe one shown as its escape, and plain ASCII
 * (most of any text, Russian included: its spaces and punctuation) comes
 * as a run of one-byte clusters in one step. Drawing, measuring and
 * hit-testing take the same steps, so what is drawn is what is measured
 * and clicked. Zero width clusters take no step.
 */
enum cell_kind {
	CELL_ASCII,		/* a run of ASCII, a cell per byte */
	CELL_TEXT,		/* one cell of text shown as it is */
	CELL_GRAPHEME,		/* a grapheme, through draw_grapheme() */
	CELL_ESCAPE		/* an escape of one cluster, a cell per byte */
};

struct cells {
	const char	*s;
	size_t		 len;
	size_t		 i;		/* the next cluster */
	size_t		 j;		/* the next code point of ... */
	size_t		 end;		/* ... the escaped cluster [at, end) */
	char		 esc[16];

	/* The step. */
	enum cell_kind	 kind;
	size_t		 at;		/* its (first) cluster */
	const char	*text;
	size_t		 n;
	int		 width;
};

/* The style drawn with: one, or one per byte of the text. */
struct pen {
	const uint8_t	*slots;		/* NULL: slot everywhere */
	const uint8_t	*flagv;
	int		 slot;
	int		 flags;
};

static void
cells_init(struct cells *c, const char *s, size_t len)
{
	c->s = s;
	c->len = len;
	c->i = c->j = c->end = 0;
}

/* The next code point of an escaped cluster; 0 when it takes no cell. */
static int
cells_escaped(struct cells *c)
{
	int32_t	j = (int32_t)c->j;
	size_t	k = c->j;
	UChar32	cp;

	U8_NEXT(c->s, j, (int32_t)c->end, cp);
	c->j = (size_t)j;
	if (cp < 0)
		cp = 0xfffd;
	if (!char_is_unsafe(cp)) {
		if ((c->width = text_cp_width(cp)) == 0)
			return (0);
		c->kind = CELL_TEXT;
		c->text = c->s + k;
		c->n = (size_t)j - k;
		return (1);
	}
	c->kind = CELL_ESCAPE;
	c->text = c->esc;
	c->n = escape_cp(cp, c->esc, sizeof c->esc);
	c->width = (int)c->n;
	return (1);
}

/*
 * The next cluster, not plain ASCII; 0 when it takes no cell or is to be
 * escaped (then cells_escaped() takes its code points).
 */
static int
cells_cluster(struct cells *c)
{
	size_t	next;
	int	tab;

	next = next_cluster(c->s, c->len, c->i);
	if (next <= c->i)
		next = c->i + 1;
	c->at = c->i;
	c->i = next;
	if (cluster_unsafe(c->s, c->at, next, &tab) && !tab) {
		c->j = c->at;
		c->end = next;
		return (0);
	}
	if (tab) {
		c->kind = CELL_TEXT;
		c->text = " ";
		c->n = 1;
		c->width = 1;
		return (1);
	}
	if ((c->width = text_grapheme_width(c->s + c->at, next - c->at)) == 0)
		return (0);
	c->kind = CELL_GRAPHEME;
	c->text = c->s + c->at;
	c->n = next - c->at;
	return (1);
}

/* Is s[i] printable ASCII and a cluster of its own (no mark follows)? */
static inline int
cells_ascii(const char *s, size_t len, size_t i)
{
	unsigned char	ch = (unsigned char)s[i];

	return (ch >= 0x20 && ch < 0x7f && (i + 1 == len ||
	    (unsigned char)s[i + 1] < 0x80));
}

/* Take the next step; 0 at the end of the text. */
static inline int
cells_next(struct cells *c)
{
	for (;;) {
		if (c->j < c->end) {
			if (cells_escaped(c))
				return (1);
			continue;
		}
		if (c->i >= c->len)
			return (0);
		if (cells_ascii(c->s, c->len, c->i)) {
			c->kind = CELL_ASCII;
			c->at = c->i;
			c->text = c->s + c->i;
			while (++c->i < c->len && cells_ascii(c->s, c->len,
			    c->i))
				/* nothing */;
			c->n = c->i - c->at;
			c->width = (int)c->n;
			return (1);
		}
		if (cells_cluster(c))
			return (1);
	}
}

/* Store a grapheme at x, y; returns the next column. */
static int
draw_grapheme(struct grid *g, int x, int y, const struct cells *c, int slot,
    int flags)
{
	int32_t	j = 0;
	UChar32	cp;
	char	nb[8];

	U8_NEXT(c->text, j, (int32_t)c->n, cp);
	if (cp < 0) {
		/* Invalid UTF-8 shows as U+FFFD. */
		put(g, x, y, "\xef\xbf\xbd", 3, 1, slot, flags);
	} else if (text_cp_width(cp) == 0 && c->n < 6) {
		/* A lone mark gets a no-break space base. */
		memcpy(nb, "\xc2\xa0", 2);
		memcpy(nb + 2, c->text, c->n);
		put(g, x, y, nb, 2 + c->n, c->width, slot, flags);
	} else
		put(g, x, y, c->text, c->n, c->width, slot, flags);
	return (x + c->width);
}

/*
 * Store a run of ASCII at x, y, a style per byte, as far as it fits before
 * xmax; returns the next column.
 */
static int
draw_ascii(struct grid *g, int x, int y, int xmax, const struct cells *c,
    const struct pen *pen)
{
	size_t	k, at;
	int	slot, flags;

	k = c->n;
	if (xmax >= 0 && x + c->width > xmax)
		k = xmax > x ? (size_t)(xmax - x) : 0;
	for (at = c->at; at < c->at + k; at++) {
		slot = pen->slots != NULL ? pen->slots[at] : pen->slot;
		flags = pen->flagv != NULL ? pen->flagv[at] : pen->flags;
		x = put(g, x, y, c->s + at, 1, 1, slot, flags);
	}
	return (x);
}

/*
 * Draw s at x, y with pen, stopping before the first cluster that would
 * pass column xmax (xmax < 0: no limit). Returns the column after the last.
 */
static int
draw(struct grid *g, int x, int y, int xmax, const char *s, size_t len,
    const struct pen *pen)
{
	struct cells	c;
	size_t		k;
	int		slot, flags, end;

	cells_init(&c, s, len);
	while (cells_next(&c)) {
		if (c.kind == CELL_ASCII) {
			end = x + c.width;
			if ((x = draw_ascii(g, x, y, xmax, &c, pen)) != end)
				break;	/* cut at xmax */
			continue;
		}
		if (xmax >= 0 && x + c.width > xmax)
			break;
		slot = pen->slots != NULL ? pen->slots[c.at] : pen->slot;
		flags = pen->flagv != NULL ? pen->flagv[c.at] : pen->flags;
		switch (c.kind) {
		case CELL_TEXT:
			x = put(g, x, y, c.text, c.n, c.width, slot, flags);
			break;
		case CELL_GRAPHEME:
			x = draw_grapheme(g, x, y, &c, slot, flags);
			break;
		case CELL_ESCAPE:
			for (k = 0; k < c.n; k++)
				x = put(g, x, y, c.text + k, 1, 1,
				    SLOT_DOUBTFUL, 0);
			break;
		case CELL_ASCII:
			break;
		}
	}
	return (x);
}

/* Write a string in one style. */
int
grid_text(struct grid *g, int x, int y, int xmax, const char *s, size_t len,
    int slot, int flags)
{
	struct pen	pen = { NULL, NULL, slot, flags };

	return (draw(g, x, y, xmax, s, len, &pen));
}

/* Write a string with a style per byte. */
int
grid_text_styled(struct grid *g, int x, int y, int xmax, const char *s,
    size_t len, const uint8_t *slots, const uint8_t *flags)
{
	struct pen	pen = { slots, flags, SLOT_TEXT, 0 };

	return (draw(g, x, y, xmax, s, len, &pen));
}

/* The width a string takes in a grid. */
int
grid_text_width(const char *s, size_t len)
{
	struct cells	c;
	int		w = 0;

	cells_init(&c, s, len);
	while (cells_next(&c))
		w += c.width;
	return (w);
}

/* The byte of a string shown at a column: the start of its cluster. */
size_t
grid_text_offset(const char *s, size_t len, int col)
{
	struct cells	c;
	int		x = 0;

	if (col < 0)
		return (0);
	cells_init(&c, s, len);
	while (cells_next(&c)) {
		if (x + c.width > col) {
			if (c.kind == CELL_ASCII)
				return (c.at + (size_t)(col - x));
			return (c.at);
		}
		x += c.width;
	}
	return (len);
}

/* Append a row as text. */
void
grid_row_text(const struct grid *g, int y, struct strbuf *sb)
{
	const struct grid_cell	*c;
	const char		*t;
	size_t			 n, mark;
	int			 x;

	if (y < 0 || y >= g->h)
		return;
	mark = sb->len;
	for (x = 0; x < g->w; x++) {
		c = &g->cells[(size_t)y * (size_t)g->w + (size_t)x];
		t = grid_cell_text(g, c, &n);
		strbuf_add(sb, t, n);
	}
	while (sb->len > mark && sb->buf[sb->len - 1] == ' ')
		sb->len--;
	strbuf_setlen(sb, sb->len);
}
