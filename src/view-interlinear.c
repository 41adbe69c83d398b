/*
 * The interlinear layout: each bead's versions stacked in one column,
 * each version's lines labelled with its language. A layout (struct
 * vlayout, view-int.h) above view-layout.c; view.c picks it.
 */
#include "config.h"

#include "view-int.h"

/* One column, after the labels. */
static void
interlinear_geometry(struct view *v)
{
	struct layout_geom	g;

	v->ncols = 1;
	v->labelw = 4;
	layout_geometry(v->w - VIEW_MARGIN - v->labelw, 1, v->maxw, 0, &g);
	v->colx[0] = VIEW_MARGIN + v->labelw + g.left;
	v->colver[0] = v->fv;
	v->colw = g.colw;
}

/* Bead u: every version's sentences, one after the other. */
static void
interlinear_lay(struct view *v, size_t u, struct vunit *e)
{
	size_t	w;

	for (w = 0; w < v->nvers; w++)
		vl_lay_bead(v, u, w, &e->tracks[0]);
}

const struct vlayout vlayout_interlinear = {
	.name = "interlinear",
	.labels = 1,
	.geometry = interlinear_geometry,
	.units = vl_bead_units,
	.sep = vl_sep_each,
	.lay = interlinear_lay,
	.unit_of = vl_bead_of
};
