/*
 * The columns layout: a column per version, each bead of the alignment
 * starting on the same row in all of them; L unlinks the focused column,
 * which then scrolls alone. A screen too narrow for the columns shows the
 * interlinear layout instead (columns_fit()). A layout (struct vlayout,
 * view-int.h) above view-layout.c; view.c picks it.
 */
#include "config.h"

#include "view-int.h"

/* A column per version, side by side, with gutters between them. */
static void
columns_geometry(struct view *v)
{
	struct layout_geom	g;
	int			c;

	v->ncols = (int)v->nvers;
	layout_geometry(v->w - VIEW_MARGIN, v->ncols, v->maxw, 3, &g);
	for (c = 0; c < v->ncols; c++) {
		v->colx[c] = VIEW_MARGIN + g.left + c * (g.colw + g.gutter);
		v->colver[c] = (size_t)c;
	}
	v->colw = g.colw;
}

/*
 * Do the columns fit: LAYOUT_MIN_COLUMN at least each? Narrower ones would
 * hold a few words a line, cut mid-word: the view falls back to
 * interlinear.
 */
static int
columns_fit(const struct view *v)
{
	int	n = (int)v->nvers;

	if (n < 2)
		return (1);
	return ((v->w - VIEW_MARGIN - 3 * (n - 1)) / n >= LAYOUT_MIN_COLUMN);
}

/*
 * A blank row before bead u when it starts a paragraph in some version;
 * none between the sentences of one paragraph.
 */
static int
columns_sep(const struct view *v, size_t u)
{
	const struct alignment	*al = v->cur;
	const struct align_bead	*b;
	size_t			 w, s;

	if (u == 0)
		return (0);
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

/* Bead u: each version's sentences in its column. */
static void
columns_lay(struct view *v, size_t u, struct vunit *e)
{
	int	c;

	for (c = 0; c < v->ncols; c++)
		vl_lay_bead(v, u, v->colver[c], &e->tracks[c]);
	level_headers(v, e);
}

const struct vlayout vlayout_columns = {
	.name = "columns",
	.columns = 1,
	.geometry = columns_geometry,
	.units = vl_bead_units,
	.sep = columns_sep,
	.lay = columns_lay,
	.unit_of = vl_bead_of,
	.narrow = &vlayout_interlinear,
	.fits = columns_fit
};
