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
 * Walk the clusters of s from x: the core of grid_text*() and of the
 * measuring functions (g NULL: measure only). Stops before column xmax
 * (xmax < 0: no limit) or, when stop_col >= 0, at the cluster covering
 * stop_col, storing its offset in *stop_off.
 */
static int
walk(struct grid *g, int x, int y, int xmax, const char *s, size_t len,
    const uint8_t *slots, const uint8_t *flagv, int slot, int flags,
    int stop_col, size_t *stop_off)
{
	size_t		 i = 0, next, k, elen;
	int32_t		 j;
	UChar32		 c;
	char		 esc[16], nb[8];
	int		 w, tab, sl, fl, x0 = x;
	unsigned char	 ch;

	while (i < len) {
		sl = slots != NULL ? slots[i] : slot;
		fl = flagv != NULL ? flagv[i] : flags;
		ch = (unsigned char)s[i];
		if (ch >= 0x20 && ch < 0x7f && (i + 1 == len ||
		    (unsigned char)s[i + 1] < 0x80)) {
			if (xmax >= 0 && x + 1 > xmax)
				break;
			if (stop_col >= 0 && x - x0 + 1 > stop_col) {
				*stop_off = i;
				return (x);
			}
			if (g != NULL)
				put(g, x, y, s + i, 1, 1, sl, fl);
			x++;
			i++;
			continue;
		}
		next = next_cluster(s, len, i);
		if (next <= i)
			next = i + 1;
		if (cluster_unsafe(s, i, next, &tab) && !tab) {
			/* Escape code point by code point. */
			j = (int32_t)i;
			while (j < (int32_t)next) {
				k = (size_t)j;
				U8_NEXT(s, j, (int32_t)next, c);
				if (c < 0) {
					c = 0xfffd;
				}
				if (!char_is_unsafe(c)) {
					w = text_cp_width(c);
					if (w == 0)
						continue;
					if (xmax >= 0 && x + w > xmax)
						return (x);
					if (g != NULL)
						x = put(g, x, y, s + k,
						    (size_t)j - k, w, sl, fl);
					else
						x += w;
					continue;
				}
				elen = escape_cp(c, esc, sizeof esc);
				if (xmax >= 0 && x + (int)elen > xmax)
					return (x);
				if (stop_col >= 0 && x - x0 + (int)elen >
				    stop_col) {
					*stop_off = i;
					return (x);
				}
				for (k = 0; k < elen; k++) {
					if (g != NULL)
						put(g, x, y, esc + k, 1, 1,
						    SLOT_DOUBTFUL, 0);
					x++;
				}
			}
			i = next;
			continue;
		}
		if (tab) {
			w = 1;
			if (xmax >= 0 && x + 1 > xmax)
				break;
			if (stop_col >= 0 && x - x0 + 1 > stop_col) {
				*stop_off = i;
				return (x);
			}
			if (g != NULL)
				put(g, x, y, " ", 1, 1, sl, fl);
			x++;
			i = next;
			continue;
		}
		if ((w = text_grapheme_width(s + i, next - i)) == 0) {
			i = next;
			continue;
		}
		if (xmax >= 0 && x + w > xmax)
			break;
		if (stop_col >= 0 && x - x0 + w > stop_col) {
			*stop_off = i;
			return (x);
		}
		if (g != NULL) {
			j = (int32_t)i;
			U8_NEXT(s, j, (int32_t)next, c);
			if (c < 0) {
				/* Invalid UTF-8 shows as U+FFFD. */
				put(g, x, y, "\xef\xbf\xbd", 3, 1, sl, fl);
			} else if (text_cp_width(c) == 0 && next - i < 6) {
				/* A lone mark gets a no-break space base. */
				memcpy(nb, "\xc2\xa0", 2);
				memcpy(nb + 2, s + i, next - i);
				put(g, x, y, nb, 2 + next - i, w, sl, fl);
			} else
				put(g, x, y, s + i, next - i, w, sl, fl);
		}
		x += w;
		i = next;
	}
	if (stop_col >= 0)
		*stop_off = len;
	return (x);
}

/* Write a string in one style. */
int
grid_text(struct grid *g, int x, int y, int xmax, const char *s, size_t len,
    int slot, int flags)
{
	return (walk(g, x, y, xmax, s, len, NULL, NULL, slot, flags, -1,
	    NULL));
}

/* Write a string with a style per byte. */
int
grid_text_styled(struct grid *g, int x, int y, int xmax, const char *s,
    size_t len, const uint8_t *slots, const uint8_t *flags)
{
	return (walk(g, x, y, xmax, s, len, slots, flags, SLOT_TEXT, 0, -1,
	    NULL));
}

/* The width a string takes in a grid. */
int
grid_text_width(const char *s, size_t len)
{
	return (walk(NULL, 0, 0, -1, s, len, NULL, NULL, 0, 0, -1, NULL));
}

/* The byte of a string shown at a column. */
size_t
grid_text_offset(const char *s, size_t len, int col)
{
	size_t	off = len;

	if (col < 0)
		return (0);
	walk(NULL, 0, 0, -1, s, len, NULL, NULL, 0, 0, col, &off);
	return (off);
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
