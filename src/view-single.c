/*
 * The single layout: one version full width, block by block (1-6, Tab or
 * a click in the header switch it). A layout (struct vlayout, view-int.h)
 * above view-layout.c; view.c picks it.
 */
#include "config.h"

#include "view-int.h"

/* One column, the version shown. */
static void
single_geometry(struct view *v)
{
	struct layout_geom	g;

	v->ncols = 1;
	layout_geometry(v->w - VIEW_MARGIN, 1, v->maxw, 0, &g);
	v->colx[0] = VIEW_MARGIN + g.left;
	v->colver[0] = v->sv;
	v->colw = g.colw;
}

/* The blocks of the version shown are the units. */
static size_t
single_units(const struct view *v)
{
	return (v->a->docs[v->sv]->nblocks);
}

/* Block u of the version shown, whole. */
static void
single_lay(struct view *v, size_t u, struct vunit *e)
{
	const struct doc	*d = v->a->docs[v->sv];
	struct vtrack		*tr = &e->tracks[0];
	struct layout_piece	 p;
	size_t			 from = tr->n;

	if (u >= d->nblocks)
		return;
	p.block = u;
	p.start = 0;
	p.end = d->blocks[u].len;
	layout_column(d, d->lang, &p, 1, v->colw, &tr->lines, &tr->n,
	    &tr->alloc);
	vl_lay_end(v, u, v->sv, from, tr);
}

/* A sentence's unit is its block. */
static size_t
single_unit_of(const struct view *v, size_t w, size_t s)
{
	return (v->cur->sents[w][s].block);
}

const struct vlayout vlayout_single = {
	.name = "single",
	.one_version = 1,
	.geometry = single_geometry,
	.units = single_units,
	.sep = vl_sep_each,
	.lay = single_lay,
	.unit_of = single_unit_of
};
