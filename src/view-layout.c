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

/* Compute the columns of the current layout. */
void
vl_geometry(struct view *v)
{
	v->text_y = 1;
	v->text_rows = v->h - 2;
	v->labelw = 0;
	/* The layout chosen, or its fallback when it does not fit. */
	if (v->wide != NULL) {
		v->lay = v->wide;
		v->wide = NULL;
	}
	if (v->lay->narrow != NULL && !v->lay->fits(v)) {
		v->wide = v->lay;
		v->lay = v->lay->narrow;
	}
	v->lay->geometry(v);
	v->small = v->w < 20 || v->h < 4 || v->colw < 4;
	if (v->text_rows < 1)
		v->text_rows = 1;
}

/* Drop the laid-out units and heights (resize, layout). */
void
vl_invalidate(struct view *v)
{
	size_t	n, i, want;

	v->gen++;
	v->nunits = v->lay->units(v);
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

/*
 * After version w's lines of unit u were appended to track tr from line
 * from on: the article header when u is the first unit, and the lines'
 * version.
 */
void
vl_lay_end(struct view *v, size_t u, size_t w, size_t from,
    struct vtrack *tr)
{
	const struct doc	*d = v->a->docs[w];
	size_t			 i;

	layout_header_add(&v->hdr[w], d, d->lang, v->colw, u == 0,
	    &tr->lines, from, &tr->n, &tr->alloc);
	if (tr->n > tr->avers) {
		tr->ver = xrealloc(tr->ver, tr->alloc);
		tr->avers = tr->alloc;
	}
	for (i = from; i < tr->n; i++)
		tr->ver[i] = (uint8_t)w;
}

/* Lay out version w's sentences in bead u, appending to track tr. */
void
vl_lay_bead(struct view *v, size_t u, size_t w, struct vtrack *tr)
{
	const struct alignment	*al = v->cur;
	const struct doc	*d = v->a->docs[w];
	size_t			 first = al->beads[u].first[w];
	size_t			 n = al->beads[u].count[w], from = tr->n;

	if (first >= al->nsents[w])
		n = 0;
	else if (n > al->nsents[w] - first)
		n = al->nsents[w] - first;
	if (n > 0)
		layout_sentences(d, d->lang, al->sents[w] + first, n,
		    v->colw, &tr->lines, &tr->n, &tr->alloc);
	vl_lay_end(v, u, w, from, tr);
}

/* The beads of the alignment shown are the units (columns, interlinear). */
size_t
vl_bead_units(const struct view *v)
{
	return (v->cur->nbeads);
}

/* A sentence's unit is its bead (columns, interlinear). */
size_t
vl_bead_of(const struct view *v, size_t w, size_t s)
{
	return (v->cur->bead_of[w][s]);
}

/* A blank row before every unit but the first (single, interlinear). */
int
vl_sep_each(const struct view *v, size_t u)
{
	return (u != 0);
}

/* Unit u laid out, from the cache or now. */
struct vunit *
vl_unit(struct view *v, size_t u)
{
	struct vunit	*e;
	int		 c, hmax = 0;

	if (u >= v->nunits)
		return (NULL);
	e = &v->cache[u % v->ncache];
	if (e->unit == u && e->gen == v->gen)
		return (e);
	e->unit = u;
	e->gen = v->gen;
	e->sep = v->lay->sep(v, u);
	for (c = 0; c < VMAXV; c++)
		e->tracks[c].n = 0;
	v->lay->lay(v, u, e);
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
	return (v->lay->unit_of(v, w, s));
}

/* The track (column) showing version w. */
int
vl_track_of(struct view *v, size_t w)
{
	int	c;

	if (!v->lay->columns)
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

	if (v->lay->one_version && w != v->sv)
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
	if (v->lay->one_version || v->al == NULL ||
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
