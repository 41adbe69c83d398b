/*
 * The view's core, below its modes and its key actions: the focus, the
 * screen rows of sentences, scrolling to a sentence, relayout, the text
 * under a cell, the status message, and the mode open over the text.
 * view-draw.c, the modes (view-list.c, view-find.c, view-notes.c) and
 * view.c's actions build on it; it calls none of them (view-int.h).
 */
#include "config.h"

#include <assert.h>
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
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
		v_show_centred(v);
	}
}

/*
 * Show the focus after a jump: left where it is when it is on screen,
 * else scrolled to the middle of the text area (as vim's n and less's
 * jumps), not to its last rows where scrolling just enough would put it.
 */
void
v_show_centred(struct view *v)
{
	v_show_at(v, NULL);
}

/* The row in unit u of position p of the focused version, or -1. */
static int
pos_row(struct view *v, size_t u, struct doc_pos p)
{
	struct vunit		*e = vl_unit(v, u);
	const struct vtrack	*tr;
	size_t			 i;
	int			 r = -1;

	if (e == NULL)
		return (-1);
	tr = &e->tracks[v_focus_col(v)];
	for (i = 0; i < tr->n; i++) {
		if (tr->ver[i] == v->fv && tr->lines[i].block == p.block &&
		    tr->lines[i].start <= p.off)
			r = e->sep + (int)i;
	}
	return (r);
}

/*
 * The same for a position inside the focus (a search match, p not NULL):
 * in a sentence taller than the screen, the row that holds p is the one
 * shown, centred.
 */
void
v_show_at(struct view *v, const struct doc_pos *p)
{
	struct vpos	a, b;
	size_t		u;
	int		r0, r1, c = v_focus_col(v), h, row, rp;
	long		d0, d1;

	if (v_focus_rows(v, &u, &r0, &r1) != 0)
		return;
	h = r1 - r0 + 1;
	if (p != NULL && h > v->text_rows && (rp = pos_row(v, u, *p)) >= r0 &&
	    rp <= r1)
		r0 = r1 = rp;
	a.unit = b.unit = u;
	a.row = r0;
	b.row = r1;
	d0 = vl_dist(v, v->top[c], a, v->text_rows);
	d1 = vl_dist(v, v->top[c], b, v->text_rows);
	if (d0 >= 0 && d0 < v->text_rows && d1 >= 0 && d1 < v->text_rows)
		return;
	h = r1 - r0 + 1;
	row = h >= v->text_rows ? 0 : (v->text_rows - h) / 2;
	vl_back(v, &a, row);
	v_set_top(v, c, a);
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

/*
 * The scope is the same in every layout: all versions, or the focused one
 * after S. In the single layout a match in another version shows that
 * version (view-find.c's go_match()).
 */
int
v_search_scope(const struct view *v, size_t w)
{
	return (v->search.sall || w == v->fv);
}

/* The upper-case language code of version w ("V2" when it has none). */
const char *
v_lang_code(const struct view *v, size_t w, char *buf, size_t size)
{
	const char	*l = w < v->nvers ? v->a->docs[w]->lang : NULL;
	size_t		 i;

	if (l == NULL || *l == '\0')
		snprintf(buf, size, "V%zu", w + 1);
	else
		snprintf(buf, size, "%s", l);
	for (i = 0; buf[i] != '\0'; i++)
		buf[i] = (char)toupper((unsigned char)buf[i]);
	return (buf);
}

/* The offset in text of cell x of a row, in visual order (view-int.h). */
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

/*
 * The passage a note or a copy takes: the selection, else the focused
 * quotation, else the focused sentence; 0 with its version and range, or
 * -1 when nothing is focused.
 */
int
v_passage(const struct view *v, size_t *w, struct doc_pos *a,
    struct doc_pos *b)
{
	const struct alignment		*al = v->cur;
	const struct text_sentence	*t;

	if (v->sel.on) {
		*w = v->sel.v;
		*a = v->sel.a;
		*b = v->sel.b;
		return (0);
	}
	if (v->fv >= al->nvers || v->fs >= al->nsents[v->fv])
		return (-1);
	*w = v->fv;
	if (v->fq != DOC_NOPOS && v->fq < al->nquotes[v->fv]) {
		*a = al->quotes[v->fv][v->fq].open;
		*b = al->quotes[v->fv][v->fq].close;
		return (0);
	}
	t = &al->sents[v->fv][v->fs];
	a->block = b->block = t->block;
	a->off = t->start;
	b->off = t->end;
	return (0);
}
