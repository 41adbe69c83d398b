/*
 * Rendering: the view into a grid. A frame is the header row (the
 * language of each column), the text area and the status line, with a
 * list or the help drawn over the text when one is open.
 *
 * Each display line gets a style per byte before it is written: the
 * block's slot (heading, quotation), then inline marks, quotations, the
 * focus and its counterparts, and search matches, later layers on top.
 */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "view-int.h"

/* The file name of version w. */
static const char *
vfile(const struct view *v, size_t w)
{
	const struct doc	*d = v->a->docs[w];
	const char		*p;

	if (d->source == NULL)
		return ("");
	p = strrchr(d->source, '/');
	return (p != NULL && p[1] != '\0' ? p + 1 : d->source);
}

/*
 * The title of version w as its article header shows it (the headline
 * block's text, else its own), else its file name.
 */
static const char *
vtitle(const struct view *v, size_t w)
{
	const struct doc	*d = v->a->docs[w];
	size_t			 hb = v->hdr[w].headline;

	if (hb != DOC_NOPOS && hb < d->nblocks)
		return (d->blocks[hb].text);
	if (d->title != NULL && *d->title != '\0')
		return (d->title);
	return (vfile(v, w));
}

/*
 * What the header row names version w by: nothing when its article header
 * shows a title (the title is shown once), else its file name.
 */
static const char *
vname(const struct view *v, size_t w)
{
	if (layout_header_has_title(&v->hdr[w]))
		return ("");
	return (vfile(v, w));
}

/*
 * Write s clipped to [x, xmax), ending in an ellipsis when cut: a title,
 * a name or a list's entry, in visual order (layout_visual()), cut at its
 * logical end (on the left of a right-to-left one).
 */
int
vd_clipped(struct grid *g, int x, int y, int xmax, const char *s,
    size_t len, int slot, int flags)
{
	static const char	 ell[] = "\xe2\x80\xa6";
	struct strbuf		 vis = STRBUF_INIT;
	size_t			*map = NULL, amap = 0, n;
	int			 rtl, cut;

	cut = x + grid_text_width(s, len) > xmax && xmax - x >= 2;
	n = cut ? layout_fit(s, len, xmax - x - 1, NULL) : len;
	rtl = layout_rtl(s, len, NULL);
	if (!layout_visual(s, n, rtl, &vis, &map, &amap)) {
		x = grid_text(g, x, y, cut ? xmax - 1 : xmax, s, n, slot,
		    flags);
		if (cut)
			x = grid_text(g, x, y, xmax, ell, 3, slot, flags);
		return (x);
	}
	if (cut && rtl)
		x = grid_text(g, x, y, xmax, ell, 3, slot, flags);
	x = grid_text(g, x, y, cut && !rtl ? xmax - 1 : xmax, vis.buf,
	    vis.len, slot, flags);
	if (cut && !rtl)
		x = grid_text(g, x, y, xmax, ell, 3, slot, flags);
	strbuf_release(&vis);
	free(map);
	return (x);
}

/* The same for a C string. */
static int
draw_clipped(struct grid *g, int x, int y, int xmax, const char *s,
    int slot, int flags)
{
	return (vd_clipped(g, x, y, xmax, s, strlen(s), slot, flags));
}

/* Add a styled range. */
static void
add_range(struct view *v, size_t w, struct doc_pos a, struct doc_pos b,
    int slot, int flags)
{
	XGROW(v->ranges, v->aranges, v->nranges + 1);
	v->ranges[v->nranges].v = w;
	v->ranges[v->nranges].a = a;
	v->ranges[v->nranges].b = b;
	v->ranges[v->nranges].slot = slot;
	v->ranges[v->nranges].flags = flags;
	v->nranges++;
}

/* Add the ranges of a sentence. */
static void
add_sentence(struct view *v, size_t w, size_t s, int slot)
{
	const struct text_sentence	*t;
	struct doc_pos			 a, b;

	if (s >= v->cur->nsents[w])
		return;
	t = &v->cur->sents[w][s];
	a.block = b.block = t->block;
	a.off = t->start;
	b.off = t->end;
	add_range(v, w, a, b, slot, 0);
}

/* The focus and what lights up with it. */
static void
focus_ranges(struct view *v)
{
	const struct alignment	*al = v->cur;
	const struct align_bead	*b;
	const struct text_quote	*q;
	size_t			 w, s, k, qi;

	v->nranges = 0;
	if (v->fv >= al->nvers || v->fs >= al->nsents[v->fv])
		return;
	if (v->fq != DOC_NOPOS && v->fq < al->nquotes[v->fv]) {
		k = v->qlink_of[v->fv] != NULL ? v->qlink_of[v->fv][v->fq] :
		    DOC_NOPOS;
		for (w = 0; k != DOC_NOPOS && w < al->nvers; w++) {
			qi = al->qlinks[k].quote[w];
			if (w == v->fv || qi == DOC_NOPOS ||
			    qi >= al->nquotes[w])
				continue;
			q = &al->quotes[w][qi];
			add_range(v, w, q->open, q->close, SLOT_LINKED, 0);
		}
		q = &al->quotes[v->fv][v->fq];
		add_range(v, v->fv, q->open, q->close, SLOT_FOCUS, 0);
		return;
	}
	b = &al->beads[al->bead_of[v->fv][v->fs]];
	for (w = 0; w < al->nvers; w++) {
		for (s = b->first[w]; s < b->first[w] + b->count[w]; s++) {
			if (w != v->fv || s != v->fs)
				add_sentence(v, w, s, SLOT_LINKED);
		}
	}
	add_sentence(v, v->fv, v->fs, SLOT_FOCUS);
}

/* Style bytes [a, b) of line l (of version w's block l->block). */
static void
paint(struct view *v, const struct layout_line *l, struct doc_pos a,
    struct doc_pos b, int slot, int flags)
{
	size_t	s, e, i;

	if (b.block < l->block || (b.block == l->block && b.off <= l->start))
		return;
	if (a.block > l->block || (a.block == l->block && a.off >= l->end))
		return;
	s = a.block < l->block || a.off < l->start ? l->start : a.off;
	e = b.block > l->block || b.off > l->end ? l->end : b.off;
	for (i = s; i < e; i++) {
		if (slot >= 0)
			v->sslots[i - l->start] = (uint8_t)slot;
		v->sflags[i - l->start] |= (uint8_t)flags;
	}
}

/* Style the matches on line l of version w. */
static void
paint_matches(struct view *v, size_t w, const struct layout_line *l)
{
	const struct vmatch	*m;
	size_t			 lo, hi, mid;
	struct doc_pos		 a, b;

	if (v->search.nmatches == 0 || !v_search_scope(v, w))
		return;
	lo = v->search.vfirst[w];
	hi = v->search.vfirst[w + 1];
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		m = &v->search.matches[mid];
		if (m->block < l->block || (m->block == l->block &&
		    m->end <= l->start))
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < v->search.vfirst[w + 1]; lo++) {
		m = &v->search.matches[lo];
		if (m->block > l->block || m->start >= l->end)
			break;
		a.block = b.block = m->block;
		a.off = m->start;
		b.off = m->end;
		paint(v, l, a, b, SLOT_MATCH, lo == v->search.cmatch ?
		    GRID_REVERSE | GRID_BOLD : 0);
	}
}

/* Style the quotations on line l of version w. */
static void
paint_quotes(struct view *v, size_t w, const struct layout_line *l)
{
	const struct alignment	*al = v->cur;
	const struct text_quote	*qs = al->quotes[w];
	struct doc_pos		 p0, p1;
	size_t			 lo = 0, hi = al->nquotes[w], mid, k;

	if (hi == 0 || v->qreach[w] == NULL)
		return;
	p0.block = p1.block = l->block;
	p0.off = l->start;
	p1.off = l->end;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (doc_pos_cmp(qs[mid].open, p1) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (k = lo; k > 0; k--) {
		if (doc_pos_cmp(v->qreach[w][k - 1], p0) <= 0)
			break;
		if (doc_pos_cmp(qs[k - 1].close, p0) > 0)
			paint(v, l, qs[k - 1].open, qs[k - 1].close,
			    SLOT_QUOTATION, 0);
	}
}

/* Tint the noted passages (and their counterparts) on line l. */
static void
paint_notes(struct view *v, size_t w, const struct layout_line *l)
{
	const struct note_mark	*mk;
	size_t			 i;

	if (v->notes == NULL)
		return;
	for (i = 0; i < v->notes->nmarks; i++) {
		mk = &v->notes->marks[i];
		if (mk->vers == w)
			paint(v, l, mk->start, mk->end, SLOT_NOTE, 0);
	}
}

/*
 * The note marker of line l of version w: 2 when a note's own passage
 * touches it, 1 when only a counterpart does, else 0.
 */
static int
note_marker(struct view *v, size_t w, const struct layout_line *l)
{
	const struct note_mark	*mk;
	struct doc_pos		 a, b;
	size_t			 i;
	int			 r = 0;

	if (v->notes == NULL || l->block == DOC_NOPOS)
		return (0);
	a.block = b.block = l->block;
	a.off = l->start;
	b.off = l->end > l->start ? l->end : l->start + 1;
	for (i = 0; i < v->notes->nmarks; i++) {
		mk = &v->notes->marks[i];
		if (mk->vers != w || doc_pos_cmp(mk->start, b) >= 0 ||
		    doc_pos_cmp(a, mk->end) >= 0)
			continue;
		if (!mk->counterpart)
			return (2);
		r = 1;
	}
	return (r);
}

void
vd_style_room(struct view *v, size_t n)
{
	if (n > v->astyle) {
		v->sslots = xrealloc(v->sslots, n);
		v->sflags = xrealloc(v->sflags, n);
		v->astyle = n;
	}
}

/*
 * Draw a line of version w's article header made from its metadata: the
 * title as a heading, the meta line quieter. Not a block: no focus,
 * search match or note reaches it, and a click finds nothing.
 */
static void
draw_header_line(struct view *v, struct grid *g, int x, int y, size_t w,
    const struct layout_line *l)
{
	const struct layout_header	*h = &v->hdr[w];
	int				 xmax = x + v->colw;

	switch (l->header) {
	case LAYOUT_TITLE:
		if (h->title == NULL || l->end <= l->start)
			break;
		if (l->rtl && l->width < v->colw)
			x = xmax - l->width;
		if (layout_visual(h->title + l->start, l->end - l->start,
		    l->rtl, &v->vis, &v->vmap, &v->avmap))
			grid_text(g, x, y, xmax, v->vis.buf, v->vis.len,
			    SLOT_HEADING, GRID_BOLD);
		else
			grid_text(g, x, y, xmax, h->title + l->start,
			    l->end - l->start, SLOT_HEADING, GRID_BOLD);
		break;
	case LAYOUT_META:
		strbuf_reset(&v->sb);
		layout_header_meta(h, v->colw, &v->sb);
		grid_text(g, x, y, xmax, v->sb.buf, v->sb.len, SLOT_GUTTER, 0);
		break;
	}
}

/* Draw display line l of version w at x, y in column c. */
static void
draw_line(struct view *v, struct grid *g, int c, int x, int y, size_t w,
    const struct layout_line *l)
{
	const struct doc_block	*b;
	const struct doc_span	*sp;
	struct vrowmap		*rm;
	size_t			 n, i, k;
	int			 xmax = x + v->colw, base, fl, pw;

	if (l->block == DOC_NOPOS) {
		draw_header_line(v, g, x, y, w, l);
		return;
	}
	b = &v->a->docs[w]->blocks[l->block];
	if (l->rtl) {
		/* Right-aligned, the marker on the right. */
		pw = l->prefix != NULL ? text_width(l->prefix,
		    strlen(l->prefix)) : 0;
		if (x + l->indent + pw + l->width < xmax)
			x = xmax - l->indent - pw - l->width;
		if (l->prefix != NULL && layout_visual(l->prefix,
		    strlen(l->prefix), 1, &v->vis, &v->vmap, &v->avmap))
			grid_text(g, x + l->width, y, xmax, v->vis.buf,
			    v->vis.len, SLOT_TEXT, 0);
	} else {
		x += l->indent;
		if (l->prefix != NULL)
			x = grid_text(g, x, y, xmax, l->prefix,
			    strlen(l->prefix), SLOT_TEXT, 0);
	}
	rm = &v->rowmap[(size_t)y * VMAXV + (size_t)c];
	rm->v = (int)w;
	rm->block = l->block;
	rm->start = l->start;
	rm->end = l->end;
	rm->x = x;
	rm->rtl = l->rtl;
	n = l->end > l->start ? l->end - l->start : 0;
	if (n == 0)
		return;
	vd_style_room(v, n);
	base = SLOT_TEXT;
	if (b->kind == BLOCK_HEADING)
		base = SLOT_HEADING;
	else if (b->kind == BLOCK_QUOTE)
		base = SLOT_QUOTATION;
	memset(v->sslots, base, n);
	memset(v->sflags, 0, n);
	for (k = 0; k < b->nspans; k++) {
		struct doc_pos	a, z;

		sp = &b->spans[k];
		if (sp->start >= l->end)
			break;
		if (sp->end <= l->start)
			continue;
		a.block = z.block = l->block;
		a.off = sp->start;
		z.off = sp->end;
		switch (sp->kind) {
		case SPAN_EMPH:
			fl = GRID_ITALIC;
			break;
		case SPAN_STRONG:
			fl = GRID_BOLD;
			break;
		case SPAN_LINK:
			fl = GRID_UNDERLINE;
			break;
		default:
			fl = 0;
			break;
		}
		paint(v, l, a, z, sp->kind == SPAN_LINK && base == SLOT_TEXT ?
		    SLOT_LINK : -1, fl);
	}
	paint_quotes(v, w, l);
	paint_notes(v, w, l);
	for (i = 0; i < v->nranges; i++) {
		if (v->ranges[i].v == w)
			paint(v, l, v->ranges[i].a, v->ranges[i].b,
			    v->ranges[i].slot, v->ranges[i].flags);
	}
	if (v->sel.on && v->sel.v == w)
		paint(v, l, v->sel.a, v->sel.b, SLOT_SELECTED, 0);
	paint_matches(v, w, l);
	if (!layout_visual(b->text + l->start, n, l->rtl, &v->vis, &v->vmap,
	    &v->avmap)) {
		grid_text_styled(g, x, y, xmax, b->text + l->start, n,
		    v->sslots, v->sflags);
		return;
	}
	/* Visual order: each byte takes the style of its place in the text. */
	if (v->vis.len > v->avstyle) {
		v->vslots = xrealloc(v->vslots, v->vis.len);
		v->vflags = xrealloc(v->vflags, v->vis.len);
		v->avstyle = v->vis.len;
	}
	for (i = 0; i < v->vis.len; i++) {
		v->vslots[i] = v->sslots[v->vmap[i]];
		v->vflags[i] = v->sflags[v->vmap[i]];
	}
	grid_text_styled(g, x, y, xmax, v->vis.buf, v->vis.len, v->vslots,
	    v->vflags);
}

/* Draw column c from its top. */
static void
draw_column(struct view *v, struct grid *g, int c)
{
	struct vunit	*e;
	struct vtrack	*tr;
	struct vpos	 p = v->top[c];
	char		 code[16];
	int		 y = v->text_y, end = v->text_y + v->text_rows, r, i;
	int		 doubt, mx = v->colx[c] - 2;

	if (v->lay->labels)
		mx = v->colx[c] - v->labelw - 2;
	while (y < end && p.unit < v->nunits) {
		e = vl_unit(v, p.unit);
		tr = &e->tracks[c];
		doubt = vl_doubtful(v, p.unit);
		for (r = p.row; r < e->height && y < end; r++, y++) {
			i = r - e->sep;
			if (i < 0)
				continue;
			if (doubt && mx >= 0)
				grid_text(g, mx, y, mx + 1, r == e->sep ? "?" :
				    "\xe2\x94\x8a", r == e->sep ? 1 : 3,
				    SLOT_DOUBTFUL, r == e->sep ? GRID_BOLD : 0);
			if ((size_t)i >= tr->n)
				continue;
			switch (note_marker(v, tr->ver[i], &tr->lines[i])) {
			case 2:
				grid_text(g, v->colx[c] - 1, y, v->colx[c],
				    "\xe2\x9c\x8e", 3, SLOT_NOTE, GRID_BOLD);
				break;
			case 1:
				grid_text(g, v->colx[c] - 1, y, v->colx[c],
				    "\xe2\x89\x88", 3, SLOT_NOTE, 0);
				break;
			}
			if (v->lay->labels && (i == 0 ||
			    tr->ver[i - 1] != tr->ver[i])) {
				v_lang_code(v, tr->ver[i], code, sizeof code);
				grid_text(g, v->colx[c] - v->labelw, y,
				    v->colx[c] - 1, code, strlen(code),
				    tr->ver[i] == v->fv ? SLOT_SELECTED :
				    SLOT_GUTTER, 0);
			}
			draw_line(v, g, c, v->colx[c], y, tr->ver[i],
			    &tr->lines[i]);
		}
		p.unit++;
		p.row = 0;
	}
}

/* The header row: the languages and titles. */
static void
draw_header(struct view *v, struct grid *g)
{
	const char	*t;
	char		 code[16];
	size_t		 w;
	int		 x, c, xmax;

	grid_fill(g, 0, 0, v->w, SLOT_HEADER);
	for (w = 0; w < VMAXV; w++)
		v->hdrx[w] = v->hdrw[w] = -1;
	if (v->lay->columns) {
		for (c = 0; c < v->ncols; c++) {
			w = v->colver[c];
			x = v->colx[c];
			xmax = x + v->colw;
			v_lang_code(v, w, code, sizeof code);
			v->hdrx[w] = x;
			x = grid_text(g, x, 0, xmax, code, strlen(code),
			    w == v->fv ? SLOT_SELECTED : SLOT_HEADER,
			    GRID_BOLD);
			v->hdrw[w] = x - v->hdrx[w];
			x = grid_text(g, x, 0, xmax, "  ", 2, SLOT_HEADER, 0);
			draw_clipped(g, x, 0, xmax, vname(v, w), SLOT_HEADER,
			    0);
		}
		return;
	}
	x = v->colx[0] - v->labelw;
	xmax = v->w;
	for (w = 0; w < v->nvers; w++) {
		if (w > 0)
			x = grid_text(g, x, 0, xmax, " | ", 3, SLOT_HEADER, 0);
		v_lang_code(v, w, code, sizeof code);
		v->hdrx[w] = x;
		x = grid_text(g, x, 0, xmax, code, strlen(code),
		    w == v_shown(v) ?
		    SLOT_SELECTED : SLOT_HEADER, GRID_BOLD);
		v->hdrw[w] = x - v->hdrx[w];
	}
	x = grid_text(g, x, 0, xmax, "   ", 3, SLOT_HEADER, 0);
	t = vname(v, v_shown(v));
	/* The columns chosen did not fit: say why they are stacked. */
	if (v->wide != NULL)
		t = "too narrow for columns";
	draw_clipped(g, x, 0, v->colx[0] + v->colw, t, SLOT_HEADER, 0);
}

/* The gutters between the columns. */
static void
draw_gutters(struct view *v, struct grid *g)
{
	struct grid_cell	*cell;
	int			 c, y, x;

	if (!v->lay->columns)
		return;
	for (c = 1; c < v->ncols; c++) {
		x = v->colx[c] - 2;
		for (y = v->text_y; y < v->text_y + v->text_rows; y++) {
			/* Keep a doubtful marker drawn there. */
			cell = grid_cell(g, x, y);
			if (cell != NULL && cell->slot == SLOT_DOUBTFUL)
				continue;
			grid_text(g, x, y, x + 1, "\xe2\x94\x82", 3,
			    SLOT_GUTTER, 0);
		}
	}
}

/* The reading position in percent. */
static int
position_pct(struct view *v)
{
	struct vpos	p = v->top[v_focus_col(v)];

	if (v->nunits == 0 || vl_at_end(v, p))
		return (100);
	vl_fwd(v, &p, v->text_rows - 1);
	return ((int)((p.unit + 1) * 100 / v->nunits));
}

/*
 * Is the focused column at the top of the article, where its header shows
 * the title? The status line names the article only away from it.
 */
static int
header_on_screen(struct view *v)
{
	struct vpos	p = v->top[v_focus_col(v)];

	return (p.unit == 0 && p.row == 0);
}

/* The status line. */
static void
draw_status(struct view *v, struct grid *g)
{
	struct strbuf	*sb = &v->sb;
	const char	*left;
	char		 code[16];
	size_t		 w, k;
	int		 y = v->h - 1, rw, x, slot = SLOT_STATUS;

	grid_fill(g, 0, y, v->w, SLOT_STATUS);
	strbuf_reset(sb);
	if (v->progress >= 0)
		strbuf_addf(sb, "aligning %d%%  ", v->progress / 10);
	if (v->search.pattern != NULL && v->search.nmatches > 0) {
		k = v->search.cord;
		if (v->search.cmatch != DOC_NOPOS && k < v->search.norder &&
		    v->search.order[k] == v->search.cmatch)
			strbuf_addf(sb, "match %zu/%zu  ", k + 1, v->search.norder);
		else
			strbuf_addf(sb, "%zu matches  ", v->search.norder);
		if (!v->search.sall)
			strbuf_addf(sb, "(%s only)  ", v_lang_code(v, v->fv, code,
			    sizeof code));
	}
	for (w = 0; w < v->nvers; w++) {
		v_lang_code(v, w, code, sizeof code);
		if (w == v->fv)
			strbuf_addf(sb, "[%s]", code);
		else
			strbuf_addf(sb, " %s ", code);
	}
	strbuf_addf(sb, "  %s", v->lay->name);
	if (v->lay->columns && !v->linked)
		strbuf_addstr(sb, " unlinked");
	strbuf_addf(sb, "  %3d%% ", position_pct(v));
	rw = grid_text_width(sb->buf, sb->len);
	if (rw > v->w)
		rw = v->w;
	grid_text(g, v->w - rw, y, v->w, sb->buf, sb->len, SLOT_STATUS, 0);
	if (v->search.prompt) {
		x = grid_text(g, 0, y, v->w - rw - 1, v->search.prompt == '/' ? "/" :
		    "?", 1, SLOT_STATUS, GRID_BOLD);
		x = grid_text(g, x, y, v->w - rw - 1, v->search.input.buf,
		    v->search.input.len, SLOT_STATUS, 0);
		g->cx = x;
		g->cy = y;
		return;
	}
	if (v->msg != NULL) {
		left = v->msg;
		slot = SLOT_STATUS;
	} else if (v->visual)
		left = "-- VISUAL -- ) ( w b: extend  a: annotate  Esc: cancel";
	else if (v->sel.on)
		left = "selection: a or Enter: annotate  Esc: clear";
	else if (header_on_screen(v))
		left = "";
	else
		left = vtitle(v, v_shown(v));
	x = grid_text(g, 0, y, v->w - rw - 1, " ", 1, slot, 0);
	draw_clipped(g, x, y, v->w - rw - 1, left, slot,
	    v->msg != NULL ? GRID_BOLD : 0);
}

/* Render the whole screen. */
void
vd_render(struct view *v, struct grid *g)
{
	static const char	small[] = "too small";
	size_t			i;
	int			c;

	grid_resize(g, v->w, v->h, SLOT_TEXT);
	for (i = 0; i < (size_t)v->h * VMAXV; i++)
		v->rowmap[i].v = -1;
	if (v->small) {
		grid_text(g, 0, 0, v->w, small, sizeof small - 1, SLOT_STATUS,
		    0);
		return;
	}
	if (!v->lay->columns || v->linked) {
		for (c = 1; c < VMAXV; c++)
			v->top[c] = v->top[0];
	}
	focus_ranges(v);
	draw_header(v, g);
	for (c = 0; c < v->ncols; c++)
		draw_column(v, g, c);
	draw_gutters(v, g);
	draw_status(v, g);
	if (v->mode != NULL && v->mode->draw != NULL)
		v->mode->draw(v, g);
}
