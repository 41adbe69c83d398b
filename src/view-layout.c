/*
 * The view's layout: geometry, units, the cache of laid-out units and the
 * positions that scrolling moves.
 *
 * Only the units that are drawn or crossed are laid out; their heights are
 * remembered (one int per unit) so that scrolling back over them costs
 * nothing, and the cache keeps the lines of the last few screenfuls. A
 * resize or a layout switch bumps the generation, which drops both.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "view-int.h"

/* Width of the marker margin left of the text. */
#define MARGIN	2

/* Compute the columns of the current layout. */
void
vl_geometry(struct view *v)
{
	struct layout_geom	g;
	int			c, avail;

	v->text_y = 1;
	v->text_rows = v->h - 2;
	v->labelw = 0;
	switch (v->layout) {
	case LAYOUT_COLUMNS:
		v->ncols = (int)v->nvers;
		layout_geometry(v->w - MARGIN, v->ncols, v->maxw, 3, &g);
		for (c = 0; c < v->ncols; c++) {
			v->colx[c] = MARGIN + g.left + c * (g.colw + g.gutter);
			v->colver[c] = (size_t)c;
		}
		v->colw = g.colw;
		break;
	case LAYOUT_SINGLE:
		v->ncols = 1;
		layout_geometry(v->w - MARGIN, 1, v->maxw, 0, &g);
		v->colx[0] = MARGIN + g.left;
		v->colver[0] = v->sv;
		v->colw = g.colw;
		break;
	case LAYOUT_INTERLINEAR:
		v->ncols = 1;
		v->labelw = 4;
		avail = v->w - MARGIN - v->labelw;
		layout_geometry(avail, 1, v->maxw, 0, &g);
		v->colx[0] = MARGIN + v->labelw + g.left;
		v->colver[0] = v->fv;
		v->colw = g.colw;
		break;
	}
	v->small = v->w < 20 || v->h < 4 || v->colw < 4;
	if (v->text_rows < 1)
		v->text_rows = 1;
}

/* The number of units of the current layout. */
static size_t
unit_count(struct view *v)
{
	if (v->layout == LAYOUT_SINGLE)
		return (v->a->docs[v->sv]->nblocks);
	return (v->cur->nbeads);
}

/* Drop the laid-out units and heights (resize, layout). */
void
vl_invalidate(struct view *v)
{
	size_t	n, i, want;

	v->gen++;
	v->nunits = unit_count(v);
	n = v->nunits + 1;
	if (n > v->aheights) {
		free(v->heights);
		v->heights = xreallocarray(NULL, n, sizeof *v->heights);
		v->aheights = n;
	}
	for (i = 0; i < n; i++)
		v->heights[i] = -1;
	/* Enough cache for every unit a frame and its scrolling touch. */
	want = 256;
	while (want < (size_t)v->text_rows * 4 + 64)
		want *= 2;
	if (want > v->ncache) {
		v->cache = xreallocarray(v->cache, want, sizeof *v->cache);
		memset(v->cache + v->ncache, 0,
		    (want - v->ncache) * sizeof *v->cache);
		for (i = v->ncache; i < want; i++)
			v->cache[i].unit = DOC_NOPOS;
		/* Units moved slots: drop everything. */
		for (i = 0; i < v->ncache; i++)
			v->cache[i].unit = DOC_NOPOS;
		v->ncache = want;
	}
}

/* Does unit u start a paragraph (a blank row before it)? */
static int
unit_sep(struct view *v, size_t u)
{
	const struct alignment	*al = v->cur;
	const struct align_bead	*b;
	size_t			 w, s;

	if (u == 0)
		return (0);
	if (v->layout != LAYOUT_COLUMNS)
		return (1);
	b = &al->beads[u];
	for (w = 0; w < al->nvers; w++) {
		if (b->count[w] == 0)
			continue;
		s = b->first[w];
		if (s == 0 || s >= al->nsents[w] ||
		    al->sents[w][s - 1].block != al->sents[w][s].block)
			return (1);
	}
	return (0);
}

/* Lay out version w's part of unit u, appending to track tr. */
static void
lay_version(struct view *v, size_t u, size_t w, struct vtrack *tr)
{
	const struct alignment	*al = v->cur;
	const struct doc	*d = v->a->docs[w];
	const struct align_bead	*b;
	const struct text_sentence *t;
	size_t			 n = 0, i, from = tr->n;

	if (v->layout == LAYOUT_SINGLE) {
		if (u >= d->nblocks)
			return;
		XGROW(v->pieces, v->apieces, 1);
		v->pieces[0].block = u;
		v->pieces[0].start = 0;
		v->pieces[0].end = d->blocks[u].len;
		n = 1;
	} else {
		b = &al->beads[u];
		for (i = 0; i < b->count[w]; i++) {
			if (b->first[w] + i >= al->nsents[w])
				break;
			t = &al->sents[w][b->first[w] + i];
			XGROW(v->pieces, v->apieces, n + 1);
			v->pieces[n].block = t->block;
			v->pieces[n].start = t->start;
			v->pieces[n].end = t->end;
			n++;
		}
	}
	if (n > 0)
		layout_column(d, d->lang, v->pieces, n, v->colw, &tr->lines,
		    &tr->n, &tr->alloc);
	layout_header_add(&v->hdr[w], d, d->lang, v->colw, u == 0,
	    &tr->lines, from, &tr->n, &tr->alloc);
	if (tr->n > tr->avers) {
		tr->ver = xrealloc(tr->ver, tr->alloc);
		tr->avers = tr->alloc;
	}
	for (i = from; i < tr->n; i++)
		tr->ver[i] = (uint8_t)w;
}

/*
 * Put the meta lines of the article headers in unit e's columns on one
 * row, under titles that wrap to different heights.
 */
static void
level_headers(struct view *v, struct vunit *e)
{
	struct vtrack	*tr;
	size_t		 i;
	int		 c, r, row = -1;

	for (c = 0; c < v->ncols; c++) {
		tr = &e->tracks[c];
		if ((r = layout_header_row(tr->lines, 0, tr->n)) > row)
			row = r;
	}
	for (c = 0; row > 0 && c < v->ncols; c++) {
		tr = &e->tracks[c];
		layout_header_level(&tr->lines, 0, &tr->n, &tr->alloc, row);
		if (tr->n > tr->avers) {
			tr->ver = xrealloc(tr->ver, tr->alloc);
			tr->avers = tr->alloc;
		}
		for (i = 0; i < tr->n; i++)
			tr->ver[i] = (uint8_t)v->colver[c];
	}
}

/* Unit u laid out, from the cache or now. */
struct vunit *
vl_unit(struct view *v, size_t u)
{
	struct vunit	*e;
	size_t		 w;
	int		 c, hmax = 0;

	if (u >= v->nunits)
		return (NULL);
	e = &v->cache[u % v->ncache];
	if (e->unit == u && e->gen == v->gen)
		return (e);
	e->unit = u;
	e->gen = v->gen;
	e->sep = unit_sep(v, u);
	for (c = 0; c < VMAXV; c++)
		e->tracks[c].n = 0;
	switch (v->layout) {
	case LAYOUT_COLUMNS:
		for (c = 0; c < v->ncols; c++)
			lay_version(v, u, v->colver[c], &e->tracks[c]);
		level_headers(v, e);
		break;
	case LAYOUT_SINGLE:
		lay_version(v, u, v->sv, &e->tracks[0]);
		break;
	case LAYOUT_INTERLINEAR:
		for (w = 0; w < v->nvers; w++)
			lay_version(v, u, w, &e->tracks[0]);
		break;
	}
	for (c = 0; c < v->ncols; c++) {
		if ((int)e->tracks[c].n > hmax)
			hmax = (int)e->tracks[c].n;
	}
	e->height = e->sep + hmax;
	v->heights[u] = e->height;
	return (e);
}

/* The height of unit u. */
int
vl_height(struct view *v, size_t u)
{
	if (u >= v->nunits)
		return (0);
	if (v->heights[u] < 0)
		vl_unit(v, u);
	return (v->heights[u]);
}

/* Move a position down n rows (stopping at the end). */
void
vl_fwd(struct view *v, struct vpos *p, long n)
{
	int	h;

	if (p->unit >= v->nunits) {
		p->unit = v->nunits;
		p->row = 0;
		return;
	}
	while (n > 0) {
		h = vl_height(v, p->unit);
		if (p->row + n < h) {
			p->row += (int)n;
			return;
		}
		n -= h - p->row;
		p->row = 0;
		if (++p->unit >= v->nunits) {
			p->unit = v->nunits;
			return;
		}
	}
}

/* Move a position up n rows (stopping at the start). */
void
vl_back(struct view *v, struct vpos *p, long n)
{
	if (p->unit > v->nunits) {
		p->unit = v->nunits;
		p->row = 0;
	}
	while (n > 0) {
		if (p->row >= n) {
			p->row -= (int)n;
			return;
		}
		n -= p->row;
		p->row = 0;
		if (p->unit == 0)
			return;
		p->unit--;
		p->row = vl_height(v, p->unit);
	}
}

/* The rows from a down to b, -1 if b is above, limit + 1 if far. */
long
vl_dist(struct view *v, struct vpos a, struct vpos b, long limit)
{
	long	d = 0;
	size_t	u;
	int	row = a.row;

	if (b.unit < a.unit || (b.unit == a.unit && b.row < a.row))
		return (-1);
	for (u = a.unit; u < b.unit; u++) {
		d += vl_height(v, u) - row;
		row = 0;
		if (d > limit)
			return (limit + 1);
	}
	return (d + b.row - row);
}

/* Does the screen from top reach the end? */
int
vl_at_end(struct view *v, struct vpos top)
{
	struct vpos	end = { v->nunits, 0 };

	return (vl_dist(v, top, end, v->text_rows) <= v->text_rows);
}

/* Keep a top position inside the article. */
void
vl_clamp(struct view *v, struct vpos *top)
{
	struct vpos	end = { v->nunits, 0 };

	if (top->unit > v->nunits)
		*top = end;
	if (top->row < 0)
		top->row = 0;
	while (top->unit < v->nunits && top->row >= vl_height(v, top->unit)) {
		top->row -= vl_height(v, top->unit);
		top->unit++;
	}
	if (top->unit >= v->nunits) {
		top->unit = v->nunits;
		top->row = 0;
	}
	if (vl_dist(v, *top, end, v->text_rows) < v->text_rows) {
		*top = end;
		vl_back(v, top, v->text_rows);
	}
}

/* The unit holding sentence s of version w. */
size_t
vl_unit_of(struct view *v, size_t w, size_t s)
{
	const struct alignment	*al = v->cur;

	if (w >= al->nvers || s >= al->nsents[w])
		return (DOC_NOPOS);
	if (v->layout == LAYOUT_SINGLE)
		return (al->sents[w][s].block);
	return (al->bead_of[w][s]);
}

/* The track (column) showing version w. */
int
vl_track_of(struct view *v, size_t w)
{
	int	c;

	if (v->layout != LAYOUT_COLUMNS)
		return (0);
	for (c = 0; c < v->ncols; c++) {
		if (v->colver[c] == w)
			return (c);
	}
	return (0);
}

/* The unit and the first and last rows of a sentence. */
int
vl_sentence_rows(struct view *v, size_t w, size_t s, size_t *unit, int *r0,
    int *r1)
{
	const struct text_sentence	*t;
	struct vunit			*e;
	struct vtrack			*tr;
	size_t				 u, i;
	int				 first = -1, last = -1;

	if (v->layout == LAYOUT_SINGLE && w != v->sv)
		return (-1);
	if ((u = vl_unit_of(v, w, s)) == DOC_NOPOS ||
	    (e = vl_unit(v, u)) == NULL)
		return (-1);
	t = &v->cur->sents[w][s];
	tr = &e->tracks[vl_track_of(v, w)];
	for (i = 0; i < tr->n; i++) {
		if (tr->ver[i] != w || tr->lines[i].block != t->block)
			continue;
		if (first < 0 && (tr->lines[i].end > t->start ||
		    tr->lines[i].start >= t->start))
			first = (int)i;
		if (first >= 0 && (tr->lines[i].start < t->end ||
		    (int)i == first))
			last = (int)i;
	}
	if (first < 0)
		return (-1);
	*unit = u;
	*r0 = e->sep + first;
	*r1 = e->sep + last;
	return (0);
}

/* The sentence of version w at a position. */
size_t
vl_sentence_at(const struct alignment *al, size_t w, size_t block,
    size_t off)
{
	const struct text_sentence	*t;
	size_t				 lo = 0, hi, mid;

	if (w >= al->nvers || al->nsents[w] == 0)
		return (DOC_NOPOS);
	hi = al->nsents[w];
	while (lo + 1 < hi) {
		mid = lo + (hi - lo) / 2;
		t = &al->sents[w][mid];
		if (t->block < block || (t->block == block && t->start <= off))
			lo = mid;
		else
			hi = mid;
	}
	return (lo);
}

/* Is unit u a doubtful bead? */
int
vl_doubtful(struct view *v, size_t u)
{
	if (v->layout == LAYOUT_SINGLE || v->al == NULL ||
	    v->cur != v->al || u >= v->cur->nbeads)
		return (0);
	return (v->cur->beads[u].confidence < VIEW_DOUBTFUL);
}

/*
 * Build the provisional alignment: block i of every version
 * (align_create_blocks(), moved into the view).
 */
void
vl_provisional(struct view *v)
{
	struct alignment	*p;

	p = align_create_blocks(v->a, NULL, 0, NULL);
	v->prov = *p;
	free(p);
}

/* Free the provisional alignment: what align_free() would, but itself. */
void
vl_free_provisional(struct view *v)
{
	size_t	w;

	for (w = 0; w < v->prov.nvers; w++) {
		free(v->prov.sents[w]);
		free(v->prov.quotes[w]);
		free(v->prov.bead_of[w]);
	}
	free(v->prov.beads);
	free(v->prov.qlinks);
	memset(&v->prov, 0, sizeof v->prov);
}
