/*
 * The list drawn over the text: the contents, the links, the help and the
 * notes are kinds of it (struct vlist_kind: what Enter, a click and the
 * kind's own keys do, the hint line). It is a mode (struct vmode): open,
 * it takes the keys and the mouse and draws itself last. Above view-core.c
 * and view-draw.c's grid; below the kinds (view-find.c, view-notes.c).
 */
#include "config.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

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

	vlist_step(m->kind->scroll ? &m->top : &m->sel, m->n, n);
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
	if (vlist_nav(key, m->kind->scroll ? &m->top : &m->sel, m->n, page))
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
	if (m->kind->scroll) {
		if (m->n > rows && m->top > m->n - rows)
			m->top = m->n - rows;
		if (m->n <= rows)
			m->top = 0;
	} else {
		if (m->sel < m->top)
			m->top = m->sel;
		if (m->sel >= m->top + rows)
			m->top = m->sel - rows + 1;
	}
	for (y = m->y; y < m->y + m->h; y++)
		grid_fill(g, m->x, y, m->w, SLOT_MENU);
	grid_text(g, m->x + 1, m->y, m->x + m->w - 1, m->title,
	    strlen(m->title), SLOT_HEADER, GRID_BOLD);
	for (i = 0; i < rows && m->top + i < m->n; i++) {
		y = m->y + 1 + (int)i;
		slot = !m->kind->scroll && m->top + i == m->sel ?
		    SLOT_SELECTED : SLOT_MENU;
		grid_fill(g, m->x, y, m->w, slot);
		grid_text(g, m->x + 1, y, m->x + m->w - 1, m->items[m->top + i],
		    strlen(m->items[m->top + i]), slot, 0);
	}
	grid_text(g, m->x + 1, m->y + m->h - 1, m->x + m->w - 1,
	    m->kind->hint, strlen(m->kind->hint), SLOT_GUTTER, 0);
}
