/*
 * The view's core, below its modes and its key actions: the focus, the
 * screen rows of sentences, scrolling to a sentence, relayout, the text
 * under a cell, the status message, and the mode open over the text.
 * view-draw.c, the modes (view-list.c, view-find.c, view-notes.c) and
 * view.c's actions build on it; it calls none of them (view-int.h).
 */
#include "config.h"

#include <assert.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "view-int.h"

/* Set the status line message. */
void
view_message(struct view *v, const char *fmt, ...)
{
	va_list	ap;

	free(v->msg);
	va_start(ap, fmt);
	v->msg = xvstrprintf(fmt, ap);
	va_end(ap);
}

/* The column of the focused version. */
int
v_focus_col(struct view *v)
{
	return (vl_track_of(v, v->fv));
}

/* The rows of the focused sentence; -1 when it has none. */
int
v_focus_rows(struct view *v, size_t *u, int *r0, int *r1)
{
	if (v->fv >= v->cur->nvers || v->fs >= v->cur->nsents[v->fv])
		return (-1);
	return (vl_sentence_rows(v, v->fv, v->fs, u, r0, r1));
}

/* Set the top of column c, or of every column when they are linked. */
void
v_set_top(struct view *v, int c, struct vpos p)
{
	int	i;

	vl_clamp(v, &p);
	if (!v->lay->columns || v->linked) {
		for (i = 0; i < VMAXV; i++)
			v->top[i] = p;
	} else
		v->top[c] = p;
}

/* The screen row of a sentence, or -1. */
int
view_sentence_row(struct view *v, size_t w, size_t s)
{
	struct vpos	p;
	size_t		u;
	int		r0, r1;
	long		d;

	if (v->small || w >= v->cur->nvers || s >= v->cur->nsents[w] ||
	    vl_sentence_rows(v, w, s, &u, &r0, &r1) != 0)
		return (-1);
	p.unit = u;
	p.row = r0;
	d = vl_dist(v, v->top[vl_track_of(v, w)], p, v->text_rows);
	if (d < 0 || d >= v->text_rows)
		return (-1);
	return (v->text_y + (int)d);
}

/* The focus's row in the text area, or -1 when it is not on screen. */
int
v_focus_screen_row(struct view *v)
{
	struct vpos	p;
	size_t		u;
	int		r0, r1;
	long		d;

	if (v_focus_rows(v, &u, &r0, &r1) != 0)
		return (-1);
	p.unit = u;
	p.row = r0;
	d = vl_dist(v, v->top[v_focus_col(v)], p, v->text_rows);
	if (d < 0 || d >= v->text_rows)
		return (-1);
	return ((int)d);
}

/* Scroll so that the focus starts on row r of the text area. */
static void
focus_to_row(struct view *v, int r)
{
	struct vpos	p;
	size_t		u;
	int		r0, r1, c = v_focus_col(v), i;

	if (v_focus_rows(v, &u, &r0, &r1) != 0) {
		for (i = 0; i < VMAXV; i++)
			vl_clamp(v, &v->top[i]);
		return;
	}
	if (r < 0)
		r = 0;
	if (r >= v->text_rows)
		r = v->text_rows - 1;
	p.unit = u;
	p.row = r0;
	vl_back(v, &p, r);
	v_set_top(v, c, p);
}

/* Scroll just enough to show the focus. */
void
v_ensure_visible(struct view *v)
{
	struct vpos	a, b, p;
	size_t		u;
	int		r0, r1, c = v_focus_col(v);
	long		d0, d1;

	if (v_focus_rows(v, &u, &r0, &r1) != 0)
		return;
	a.unit = b.unit = u;
	a.row = r0;
	b.row = r1;
	d0 = vl_dist(v, v->top[c], a, v->text_rows);
	if (d0 < 0) {
		v_set_top(v, c, a);
		return;
	}
	d1 = vl_dist(v, v->top[c], b, v->text_rows);
	if (d0 < v->text_rows && d1 < v->text_rows)
		return;
	p = b;
	vl_back(v, &p, v->text_rows - 1);
	if (vl_dist(v, p, a, v->text_rows) < 0)
		p = a;
	v_set_top(v, c, p);
}

/*
 * Focus a sentence and scroll it to the top; the first sentence, to the
 * very top when it still starts on screen there (the article header above
 * it stays in view).
 */
void
v_scroll_to_sentence_top(struct view *v, size_t w, size_t s)
{
	struct vpos	p;
	size_t		u;
	int		r0, r1;

	v_set_focus(v, w, s);
	if (v_focus_rows(v, &u, &r0, &r1) != 0)
		return;
	p.unit = u;
	p.row = u == 0 && s == 0 && r0 < v->text_rows ? 0 : r0;
	v_set_top(v, v_focus_col(v), p);
}

/* Focus a sentence. */
void
v_set_focus(struct view *v, size_t w, size_t s)
{
	if (w >= v->cur->nvers || s >= v->cur->nsents[w])
		return;
	v->fv = w;
	v->fs = s;
	v->fq = DOC_NOPOS;
}

/* Relayout keeping the focus on its screen row. */
void
v_relayout(struct view *v, int row)
{
	const struct vlayout	*was = v->wide;
	int			 i;

	vl_geometry(v);
	if (v->wide != NULL && was == NULL)
		view_message(v, "too narrow for columns: interlinear");
	else if (v->wide == NULL && was != NULL)
		view_message(v, "layout: %s", v->lay->name);
	vl_invalidate(v);
	for (i = 0; i < VMAXV; i++) {
		if (v->top[i].unit > v->nunits)
			v->top[i].unit = v->nunits;
		v->top[i].row = 0;
	}
	focus_to_row(v, row < 0 ? 0 : row);
}

/*
 * The text position under cell x, y: 1 with its version and position, or
 * 0 when there is no text there.
 */
int
v_pos_at(struct view *v, int x, int y, size_t *w, struct doc_pos *p)
{
	const struct vrowmap	*rm;
	const struct doc_block	*b;
	size_t			 off;
	int			 c;

	if (y < 0 || y >= v->h)
		return (0);
	for (c = 0; c < v->ncols; c++) {
		rm = &v->rowmap[(size_t)y * VMAXV + (size_t)c];
		if (rm->v < 0 || x < v->colx[c] || x >= v->colx[c] + v->colw)
			continue;
		b = &v->a->docs[rm->v]->blocks[rm->block];
		off = rm->start + vc_text_offset(v, rm, b->text + rm->start,
		    rm->end - rm->start, x);
		if (x < rm->x && !rm->rtl)
			off = rm->start;
		if (off >= rm->end && off > rm->start)
			off = rm->end - 1;
		*w = (size_t)rm->v;
		p->block = rm->block;
		p->off = off;
		return (1);
	}
	return (0);
}

/* Go to a position of version w: focus its sentence (top: at the top). */
void
v_goto(struct view *v, size_t w, struct doc_pos p, int top)
{
	size_t	s;

	if (w >= v->cur->nvers)
		return;
	s = vl_sentence_at(v->cur, w, p.block, p.off);
	if (s == DOC_NOPOS)
		return;
	if (v->lay->one_version && v->sv != w) {
		v->sv = w;
		v->fv = w;
		v->fs = s;
		v->fq = DOC_NOPOS;
		v_relayout(v, 0);
	}
	v->search.cmatch = DOC_NOPOS;
	if (top)
		v_scroll_to_sentence_top(v, w, s);
	else {
		v_set_focus(v, w, s);
		v_ensure_visible(v);
	}
}

void
v_mode_enter(struct view *v, const struct vmode *m)
{
	assert(m != NULL && m->key != NULL);
	v_mode_leave(v);
	v->mode = m;
}

void
v_mode_leave(struct view *v)
{
	const struct vmode	*m = v->mode;

	v->mode = NULL;
	if (m != NULL && m->close != NULL)
		m->close(v);
}

size_t
v_shown(const struct view *v)
{
	return (v->lay->one_version ? v->sv : v->fv);
}

int
v_search_scope(const struct view *v, size_t w)
{
	if (v->lay->one_version)
		return (w == v->sv);
	return (v->search.sall || w == v->fv);
}

size_t
vc_text_offset(struct view *v, const struct vrowmap *rm, const char *text,
    size_t len, int x)
{
	size_t	off;

	x -= rm->x;
	if (!layout_visual(text, len, rm->rtl, &v->vis, &v->vmap, &v->avmap))
		return (grid_text_offset(text, len, x));
	/* Left of a right-to-left line is past its logical end. */
	if (x < 0)
		return (rm->rtl ? len : 0);
	off = grid_text_offset(v->vis.buf, v->vis.len, x);
	if (off >= v->vis.len)
		return (rm->rtl ? 0 : len);
	return (v->vmap[off]);
}
