/*
 * The list drawn over the text: the contents, the links, the help and the
 * notes are kinds of it (struct vlist_kind: what Enter, a click and the
 * kind's own keys do, the hint line). It is a mode (struct vmode): open,
 * it takes the keys and the mouse and draws itself last. Above view-core.c
 * and view-draw.c's grid; below the kinds (view-find.c, view-notes.c).
 *
 * Nothing is cut silently: an item too wide for its row ends in "…", and
 * a scrolled kind (the help) wraps its items to the list's width, so its
 * lines are screen lines, laid out again when the width changes.
 */
#include "config.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "view-int.h"

static int	vlist_key(struct view *, int32_t);
static int	vlist_mouse(struct view *, const struct view_event *);
static void	vlist_draw(struct view *, struct grid *);

const struct vmode vlist_mode = {
	.name = "list",
	.key = vlist_key,
	.mouse = vlist_mouse,
	.draw = vlist_draw,
	.close = vlist_close
};

void
vlist_close(struct view *v)
{
	size_t	i;

	for (i = 0; i < v->menu.n; i++)
		free(v->menu.items[i]);
	free(v->menu.items);
	free(v->menu.block);
	free(v->menu.url);
	free(v->menu.title);
	free(v->menu.lines);
	memset(&v->menu, 0, sizeof v->menu);
	if (v->mode == &vlist_mode)
		v->mode = NULL;
}

void
vlist_begin(struct view *v, const struct vlist_kind *kind, char *title)
{
	assert(kind != NULL && kind->hint != NULL);
	v_mode_enter(v, &vlist_mode);
	v->menu.kind = kind;
	v->menu.title = title;
	v->menu.v = v->fv;
}

void
vlist_add(struct view *v, char *text, size_t block, const char *url)
{
	struct vmenu	*m = &v->menu;

	if (m->n + 1 > m->alloc) {
		XGROW(m->items, m->alloc, m->n + 1);
		m->block = xreallocarray(m->block, m->alloc, sizeof *m->block);
		m->url = xreallocarray(m->url, m->alloc, sizeof *m->url);
	}
	m->items[m->n] = text;
	m->block[m->n] = block;
	m->url[m->n] = url;
	m->n++;
}

/* Run the selected item. */
static int
vlist_activate(struct view *v)
{
	struct vmenu	*m = &v->menu;

	if (m->n == 0 || m->sel >= m->n || m->kind->activate == NULL)
		return (VIEW_REDRAW);
	return (m->kind->activate(v, m->sel));
}

/* The rows a list moves over: its items, or a scrolled kind's lines. */
static size_t
vlist_count(const struct vmenu *m)
{
	return (m->kind->scroll ? m->nlines : m->n);
}

/* Move *p by `by` within n rows (view-int.h). */
void
vlist_step(size_t *p, size_t n, long by)
{
	size_t	max = n > 0 ? n - 1 : 0;

	if (by < 0 && (size_t)-by > *p)
		*p = 0;
	else if (by < 0)
		*p -= (size_t)-by;
	else if (*p + (size_t)by > max)
		*p = max;
	else
		*p += (size_t)by;
}

/* The lists' movement keys (view-int.h). */
int
vlist_nav(int32_t key, size_t *p, size_t n, long page)
{
	switch (key) {
	case 'j':
	case PRKEY_DOWN:
	case PRKEY_CTRL('n'):
		vlist_step(p, n, 1);
		break;
	case 'k':
	case PRKEY_UP:
	case PRKEY_CTRL('p'):
		vlist_step(p, n, -1);
		break;
	case ' ':
	case 'f':
	case PRKEY_PGDN:
	case PRKEY_CTRL('f'):
		vlist_step(p, n, page);
		break;
	case 'b':
	case PRKEY_PGUP:
	case PRKEY_CTRL('b'):
		vlist_step(p, n, -page);
		break;
	case 'g':
	case PRKEY_HOME:
		*p = 0;
		break;
	case 'G':
	case PRKEY_END:
		vlist_step(p, n, (long)n);
		break;
	default:
		return (0);
	}
	return (1);
}

/* Move the list's selection (or a scrolled kind's top) by n. */
static void
vlist_move(struct view *v, long n)
{
	struct vmenu	*m = &v->menu;

	vlist_step(m->kind->scroll ? &m->top : &m->sel, vlist_count(m), n);
}

/* Handle a key: the kind's own first, then the list's. */
static int
vlist_key(struct view *v, int32_t key)
{
	struct vmenu	*m = &v->menu;
	long		 page = m->h > 3 ? m->h - 2 : 1;
	int		 r;

	if (m->kind->key != NULL && (r = m->kind->key(v, key)) >= 0)
		return (r);
	if (vlist_nav(key, m->kind->scroll ? &m->top : &m->sel, vlist_count(m),
	    page))
		return (VIEW_REDRAW);
	switch (key) {
	case PRKEY_ENTER:
		if (m->kind->scroll)
			vlist_move(v, 1);
		else
			return (vlist_activate(v));
		break;
	case 'q':
	case 'Q':
	case PRKEY_ESC:
	case PRKEY_CTRL('g'):
	case 'h':
	case PRKEY_F1:
	case 't':
	case 'o':
		v_mode_leave(v);
		break;
	default:
		return (0);
	}
	return (VIEW_REDRAW);
}

/* Handle the mouse over the list. */
static int
vlist_mouse(struct view *v, const struct view_event *ev)
{
	struct vmenu	*m = &v->menu;
	size_t		 i;

	if (ev->button == VIEW_WHEEL_UP) {
		vlist_move(v, -3);
		return (VIEW_REDRAW);
	}
	if (ev->button == VIEW_WHEEL_DOWN) {
		vlist_move(v, 3);
		return (VIEW_REDRAW);
	}
	if (ev->button != VIEW_BUTTON1)
		return (0);
	if (ev->x < m->x || ev->x >= m->x + m->w || ev->y < m->y ||
	    ev->y >= m->y + m->h) {
		v_mode_leave(v);
		return (VIEW_REDRAW);
	}
	if (m->kind->scroll || ev->y == m->y || ev->y == m->y + m->h - 1)
		return (0);
	i = m->top + (size_t)(ev->y - m->y - 1);
	if (i >= m->n)
		return (0);
	m->sel = i;
	return (vlist_activate(v));
}

/* Add a screen line to a scrolled list. */
static void
vlist_line(struct vmenu *m, size_t item, size_t ks, size_t ke, size_t s,
    size_t e, int x)
{
	struct vlist_line	*l;

	XGROW(m->lines, m->alines, m->nlines + 1);
	l = &m->lines[m->nlines++];
	l->item = item;
	l->ks = ks;
	l->ke = ke;
	l->s = s;
	l->e = e;
	l->x = x;
}

/*
 * Wrap bytes [s, e) of item into lines of width columns at column x; the
 * first line carries the key column [ks, ke) when ke > ks.
 */
static void
vlist_wrap_text(struct vmenu *m, size_t item, size_t ks, size_t ke,
    size_t s, size_t e, int x, int width)
{
	struct text_line	*tl = NULL;
	size_t			 atl = 0;
	const char		*t = m->items[item];
	size_t			 n, i;

	if (width < 1)
		width = 1;
	n = text_wrap(t + s, e - s, width, "en", &tl, &atl);
	for (i = 0; i < n; i++) {
		vlist_line(m, item, ks, ke, s + tl[i].start, s + tl[i].end,
		    x);
		ks = ke = 0;
	}
	free(tl);
}

/*
 * Lay a scrolled list out into screen lines of width columns. An item
 * "KEYS\tTEXT" is two columns when there is room: KEYS, and TEXT wrapped
 * beside it (under KEYS when KEYS does not fit its column); else TEXT
 * goes under KEYS, indented.
 */
static void
vlist_wrap(struct vmenu *m, int width)
{
	const char	*t, *tab;
	size_t		 i, len, k;
	int		 tw = m->kind->tabw;

	if (m->lw == width && m->lines != NULL)
		return;
	m->nlines = 0;
	m->lw = width;
	for (i = 0; i < m->n; i++) {
		t = m->items[i];
		len = strlen(t);
		if ((tab = strchr(t, '\t')) == NULL || tw <= 0) {
			vlist_wrap_text(m, i, 0, 0, 0, len, 0, width);
			continue;
		}
		k = (size_t)(tab - t);
		if (width >= tw + 20 && text_width(t, k) < tw) {
			vlist_wrap_text(m, i, 0, k, k + 1, len, tw,
			    width - tw);
			continue;
		}
		vlist_wrap_text(m, i, 0, 0, 0, k, 0, width);
		if (width >= tw + 20)
			vlist_wrap_text(m, i, 0, 0, k + 1, len, tw,
			    width - tw);
		else
			vlist_wrap_text(m, i, 0, 0, k + 1, len, 2, width - 2);
	}
}

/* Draw a scrolled list's lines from its top. */
static void
vlist_draw_lines(struct view *v, struct grid *g, size_t rows)
{
	struct vmenu		*m = &v->menu;
	const struct vlist_line	*l;
	const char		*t;
	size_t			 i;
	int			 y, x = m->x + 1, xmax = m->x + m->w - 1;

	vlist_wrap(m, xmax - x);
	if (m->nlines > rows && m->top > m->nlines - rows)
		m->top = m->nlines - rows;
	if (m->nlines <= rows)
		m->top = 0;
	for (i = 0; i < rows && m->top + i < m->nlines; i++) {
		y = m->y + 1 + (int)i;
		l = &m->lines[m->top + i];
		t = m->items[l->item];
		if (l->ke > l->ks)
			vd_clipped(g, x, y, xmax, t + l->ks, l->ke - l->ks,
			    SLOT_MENU, 0);
		vd_clipped(g, x + l->x, y, xmax, t + l->s, l->e - l->s,
		    SLOT_MENU, 0);
	}
}

/* Draw the list over the text. */
static void
vlist_draw(struct view *v, struct grid *g)
{
	struct vmenu	*m = &v->menu;
	size_t		 i, rows;
	int		 y, slot;

	m->w = v->w - 4 < 100 ? v->w - 4 : 100;
	m->h = v->text_rows;
	if (m->w < 10 || m->h < 3) {
		m->w = v->w;
		m->h = v->text_rows;
	}
	m->x = (v->w - m->w) / 2;
	m->y = v->text_y;
	rows = (size_t)(m->h - 2);
	for (y = m->y; y < m->y + m->h; y++)
		grid_fill(g, m->x, y, m->w, SLOT_MENU);
	vd_clipped(g, m->x + 1, m->y, m->x + m->w - 1, m->title,
	    strlen(m->title), SLOT_HEADER, GRID_BOLD);
	vd_clipped(g, m->x + 1, m->y + m->h - 1, m->x + m->w - 1,
	    m->kind->hint, strlen(m->kind->hint), SLOT_GUTTER, 0);
	if (m->kind->scroll) {
		vlist_draw_lines(v, g, rows);
		return;
	}
	if (m->sel < m->top)
		m->top = m->sel;
	if (m->sel >= m->top + rows)
		m->top = m->sel - rows + 1;
	for (i = 0; i < rows && m->top + i < m->n; i++) {
		y = m->y + 1 + (int)i;
		slot = m->top + i == m->sel ? SLOT_SELECTED : SLOT_MENU;
		grid_fill(g, m->x, y, m->w, slot);
		vd_clipped(g, m->x + 1, y, m->x + m->w - 1,
		    m->items[m->top + i], strlen(m->items[m->top + i]), slot,
		    0);
	}
}
