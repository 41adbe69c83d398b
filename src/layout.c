/*
 * Pure layout: pieces of text to display lines. No terminal here, so the
 * tests check it directly and dump and the reader share it.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "align.h"
#include "layout.h"
#include "text.h"

/*
 * Indent and marker of a block kind: a list item's bullet or number
 * ("3. ", doc_block.marker) and its width, by which its other lines hang
 * (an item's later blocks have spaces for a marker and hang alike).
 */
static void
block_decor(const struct doc_block *b, int width, int *indent,
    const char **prefix, int *pw)
{
	*indent = 0;
	*prefix = NULL;
	*pw = 0;
	switch (b->kind) {
	case BLOCK_QUOTE:
		*indent = 2 * (b->level > 0 ? b->level : 1);
		break;
	case BLOCK_ITEM:
		*indent = 2 * (b->level > 1 ? b->level - 1 : 0);
		if (b->marker == NULL) {
			*prefix = "\xe2\x80\xa2 ";	/* "• " */
			*pw = 2;
		} else {
			/* ASCII: "12. ", or spaces on an item's later
			 * blocks. */
			*prefix = b->marker;
			*pw = (int)strlen(b->marker);
		}
		break;
	case BLOCK_PRE:
		*indent = 2;
		break;
	default:
		break;
	}
	/* Never let decoration eat a narrow column. */
	if (*indent + 2 > width / 3)
		*indent = 0;
	if (width < 8 || *pw > width / 3) {
		*prefix = NULL;
		*pw = 0;
	}
}

void
layout_column(const struct doc *d, const char *lang,
    const struct layout_piece *pieces, size_t npieces, int width,
    struct layout_line **lines, size_t *n, size_t *alloc)
{
	struct text_line	*tl = NULL;	/* threads lay out too */
	size_t			 atl = 0;
	size_t			 i = 0, j, k, ntl, prev_block = DOC_NOPOS;
	const struct doc_block	*b;
	int			 indent, avail, pw;
	const char		*prefix;

	while (i < npieces) {
		size_t	start = pieces[i].start, end = pieces[i].end;

		if (pieces[i].block >= d->nblocks) {
			i++;
			continue;
		}
		b = &d->blocks[pieces[i].block];
		/* Merge the following pieces of the same block. */
		for (j = i + 1; j < npieces &&
		    pieces[j].block == pieces[i].block; j++) {
			if (pieces[j].start < start)
				start = pieces[j].start;
			if (pieces[j].end > end)
				end = pieces[j].end;
		}
		if (end > b->len)
			end = b->len;
		if (start > end)
			start = end;
		if (prev_block != DOC_NOPOS) {
			XGROW(*lines, *alloc, *n + 1);
			memset(&(*lines)[*n], 0, sizeof **lines);
			(*lines)[*n].block = DOC_NOPOS;
			(*n)++;
		}
		block_decor(b, width, &indent, &prefix, &pw);
		/* The marker goes where the item starts, not mid-item. */
		if (start > 0)
			prefix = NULL;
		avail = width - indent - pw;
		if (avail < 1)
			avail = 1;
		ntl = text_wrap(b->text + start, end - start, avail, lang, &tl,
		    &atl);
		for (k = 0; k < ntl; k++) {
			struct layout_line	*l;

			XGROW(*lines, *alloc, *n + 1);
			l = &(*lines)[(*n)++];
			l->block = pieces[i].block;
			l->start = start + tl[k].start;
			l->end = start + tl[k].end;
			l->width = tl[k].width;
			l->indent = indent + (prefix != NULL && k == 0 ? 0 :
			    pw);
			l->prefix = k == 0 ? prefix : NULL;
		}
		prev_block = pieces[i].block;
		i = j;
	}
	free(tl);
}

void
layout_geometry(int total, int ncols, int maxw, int gutter,
    struct layout_geom *g)
{
	int	used;

	if (ncols < 1)
		ncols = 1;
	if (total < ncols)
		total = ncols;
	g->ncols = ncols;
	g->gutter = ncols > 1 ? gutter : 0;
	g->colw = (total - g->gutter * (ncols - 1)) / ncols;
	if (g->colw < 1) {
		g->gutter = 0;
		g->colw = total / ncols;
	}
	if (maxw > 0 && g->colw > maxw)
		g->colw = maxw;
	used = g->colw * ncols + g->gutter * (ncols - 1);
	g->left = (total - used) / 2;
}

void
layout_bead(const struct alignment *al, size_t b, size_t v, int width,
    struct layout_line **lines, size_t *n, size_t *alloc)
{
	const struct align_bead		*bd = &al->beads[b];
	struct layout_piece		 stack[8], *pieces = stack;
	size_t				 s;

	if (bd->count[v] == 0)
		return;
	if (bd->count[v] > nitems(stack))
		pieces = xreallocarray(NULL, bd->count[v], sizeof *pieces);
	for (s = 0; s < bd->count[v]; s++) {
		const struct text_sentence	*t =
		    &al->sents[v][bd->first[v] + s];

		pieces[s].block = t->block;
		pieces[s].start = t->start;
		pieces[s].end = t->end;
	}
	layout_column(al->docs[v], al->docs[v]->lang, pieces, bd->count[v],
	    width, lines, n, alloc);
	if (pieces != stack)
		free(pieces);
}

int
layout_bead_starts_block(const struct alignment *al, size_t b)
{
	const struct align_bead	*bd = &al->beads[b];
	size_t			 v, s;

	if (b == 0)
		return (1);
	for (v = 0; v < al->nvers; v++) {
		if (bd->count[v] == 0)
			continue;
		s = bd->first[v];
		if (s == 0)
			return (1);
		if (al->docs[v]->presegmented) {
			if (!al->docs[v]->blocks[al->sents[v][s].block].cont)
				return (1);
		} else if (al->sents[v][s - 1].block !=
		    al->sents[v][s].block)
			return (1);
	}
	return (0);
}
