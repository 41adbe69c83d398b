/*
 * The alignment's runtime queries (align-int.h), for the view, the notes
 * and the dump: the bead of a sentence, the sentence at a position, and
 * span mapping, which turns a byte range of one version into the
 * corresponding range of another through the beads, the quotation links
 * and, inside a bead, the anchors both versions share.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "align-int.h"

size_t
align_bead_of(const struct alignment *al, size_t v, size_t s)
{
	if (v >= al->nvers || s >= al->nsents[v] || al->bead_of[v] == NULL)
		return (DOC_NOPOS);
	return (al->bead_of[v][s]);
}

size_t
align_sentence_at(const struct alignment *al, size_t v, struct doc_pos pos)
{
	size_t				 lo = 0, hi, mid;
	const struct text_sentence	*t;

	if (v >= al->nvers || al->nsents[v] == 0)
		return (DOC_NOPOS);
	hi = al->nsents[v];
	while (lo + 1 < hi) {
		mid = (lo + hi) / 2;
		t = &al->sents[v][mid];
		if (t->block < pos.block ||
		    (t->block == pos.block && t->start <= pos.off))
			lo = mid;
		else
			hi = mid;
	}
	return (lo);
}

/* A point of a bead's text: the offset from the bead's start, and a key. */
struct mpoint {
	double		at;
	uint32_t	key;
};

/*
 * The anchors of version v in bead b, as offsets from the bead's start
 * (the lengths of its sentences added up). Returns their number.
 */
static size_t
bead_points(const struct alignment *al, size_t v, size_t b,
    struct mpoint **out, size_t *total)
{
	const struct align_bead	*bd = &al->beads[b];
	const struct doc	*d = al->docs[v];
	struct text_anchor	*an;
	size_t			 s, i, na, n = 0, alloc = 0, base = 0;

	*out = NULL;
	for (s = bd->first[v]; s < bd->first[v] + bd->count[v]; s++) {
		const struct text_sentence	*t = &al->sents[v][s];
		const char			*txt;

		txt = d->blocks[t->block].text + t->start;
		na = text_anchors(txt, t->end - t->start, d->lang, &an);
		for (i = 0; i < na; i++) {
			uint32_t	key;

			if (!feat_anchor_key(&an[i], &key))
				continue;
			XGROW(*out, alloc, n + 1);
			(*out)[n].at = (double)(base + an[i].start);
			(*out)[n].key = key;
			n++;
		}
		free(an);
		base += t->end - t->start;
	}
	*total = base;
	return (n);
}

/* The offset of pos from the start of bead b of version v. */
static double
bead_offset(const struct alignment *al, size_t v, size_t b,
    struct doc_pos pos)
{
	const struct align_bead	*bd = &al->beads[b];
	size_t			 s, base = 0;

	for (s = bd->first[v]; s < bd->first[v] + bd->count[v]; s++) {
		const struct text_sentence	*t = &al->sents[v][s];

		if (t->block == pos.block && pos.off >= t->start &&
		    pos.off <= t->end)
			return ((double)(base + pos.off - t->start));
		base += t->end - t->start;
	}
	return ((double)base);
}

/*
 * The position at offset at from the start of bead b of version v,
 * moved to a word boundary: back to the word's start when start is set,
 * else on to its end.
 */
static struct doc_pos
bead_position(const struct alignment *al, size_t v, size_t b, double at,
    int start)
{
	const struct align_bead	*bd = &al->beads[b];
	const struct doc	*d = al->docs[v];
	struct text_range	*w;
	struct doc_pos		 pos;
	size_t			 s, base = 0, off, nw, i, len;

	for (s = bd->first[v]; s < bd->first[v] + bd->count[v]; s++) {
		const struct text_sentence	*t = &al->sents[v][s];

		len = t->end - t->start;
		if (at <= (double)(base + len) ||
		    s + 1 == bd->first[v] + bd->count[v])
			break;
		base += len;
	}
	{
		const struct text_sentence	*t = &al->sents[v][s];
		const char			*txt;

		len = t->end - t->start;
		off = at <= (double)base ? 0 : (size_t)(at - (double)base);
		if (off > len)
			off = len;
		txt = d->blocks[t->block].text + t->start;
		nw = text_words(txt, len, d->lang, &w);
		for (i = 0; i < nw; i++) {
			if (start && w[i].end > off) {
				off = PR_MIN(off, w[i].start);
				break;
			}
			if (!start && w[i].end >= off) {
				off = PR_MAX(off, w[i].start < off ?
				    w[i].end : off);
				break;
			}
		}
		if (!start && nw > 0 && i == nw)
			off = len;
		free(w);
		pos.block = t->block;
		pos.off = t->start + off;
	}
	return (pos);
}

/* Map an offset through control points (piecewise linear). */
static double
map_through(const double *xa, const double *xb, size_t n, double at)
{
	size_t	i;

	for (i = 1; i < n; i++) {
		if (at <= xa[i] || i + 1 == n) {
			if (xa[i] <= xa[i - 1])
				return (xb[i - 1]);
			return (xb[i - 1] + (at - xa[i - 1]) *
			    (xb[i] - xb[i - 1]) / (xa[i] - xa[i - 1]));
		}
	}
	return (xb[0]);
}

/*
 * Map a range inside one bead: through the anchors both versions share
 * (in order), linearly in between, out to whole words.
 */
static void
map_in_bead(const struct alignment *al, size_t from, size_t to, size_t b,
    struct doc_pos start, struct doc_pos end, struct doc_pos *ostart,
    struct doc_pos *oend)
{
	struct mpoint	*pa, *pb;
	size_t		 na, nb, ta, tb, i, j = 0, n = 0;
	double		*xa, *xb;

	na = bead_points(al, from, b, &pa, &ta);
	nb = bead_points(al, to, b, &pb, &tb);
	xa = xreallocarray(NULL, na + 2, sizeof *xa);
	xb = xreallocarray(NULL, na + 2, sizeof *xb);
	xa[n] = 0;
	xb[n++] = 0;
	for (i = 0; i < na; i++) {
		size_t	k;

		for (k = j; k < nb; k++) {
			if (pb[k].key == pa[i].key)
				break;
		}
		if (k == nb || pa[i].at <= xa[n - 1] || pb[k].at <= xb[n - 1])
			continue;
		xa[n] = pa[i].at;
		xb[n++] = pb[k].at;
		j = k + 1;
	}
	xa[n] = (double)ta;
	xb[n++] = (double)tb;
	*ostart = bead_position(al, to, b, map_through(xa, xb, n,
	    bead_offset(al, from, b, start)), 1);
	*oend = bead_position(al, to, b, map_through(xa, xb, n,
	    bead_offset(al, from, b, end)), 0);
	if (oend->block < ostart->block || (oend->block == ostart->block &&
	    oend->off < ostart->off))
		*oend = *ostart;
	free(pa);
	free(pb);
	free(xa);
	free(xb);
}

/* Is the range exactly the inside (or the whole) of a linked quotation? */
static int
map_quote(const struct alignment *al, size_t from, struct doc_pos start,
    struct doc_pos end, size_t to, struct doc_pos *ostart,
    struct doc_pos *oend)
{
	size_t				 i, q;
	const struct text_quote		*a, *b;

	for (i = 0; i < al->nqlinks; i++) {
		q = al->qlinks[i].quote[from];
		if (q == DOC_NOPOS || al->qlinks[i].quote[to] == DOC_NOPOS)
			continue;
		a = &al->quotes[from][q];
		if (!((doc_pos_cmp(a->start, start) == 0 &&
		    doc_pos_cmp(a->end, end) == 0) ||
		    (doc_pos_cmp(a->open, start) == 0 &&
		    doc_pos_cmp(a->close, end) == 0)))
			continue;
		b = &al->quotes[to][al->qlinks[i].quote[to]];
		if (doc_pos_cmp(a->start, start) == 0) {
			*ostart = b->start;
			*oend = b->end;
		} else {
			*ostart = b->open;
			*oend = b->close;
		}
		return (1);
	}
	return (0);
}

int
align_map(const struct alignment *al, size_t from, struct doc_pos start,
    struct doc_pos end, size_t to, struct doc_pos *ostart,
    struct doc_pos *oend)
{
	size_t				 s, e, bs, be, first, last;
	const struct align_bead		*b1, *b2;
	const struct text_sentence	*ts, *te;

	if (from >= al->nvers || to >= al->nvers)
		return (-1);
	if (from == to) {
		*ostart = start;
		*oend = end;
		return (0);
	}
	if (map_quote(al, from, start, end, to, ostart, oend))
		return (0);
	s = align_sentence_at(al, from, start);
	e = align_sentence_at(al, from, end);
	if (s == DOC_NOPOS || e == DOC_NOPOS)
		return (-1);
	/* A range ending at the start of a sentence stops before it. */
	if (e > s && al->sents[from][e].block == end.block &&
	    al->sents[from][e].start >= end.off)
		e--;
	bs = al->bead_of[from][s];
	be = al->bead_of[from][e];
	ts = &al->sents[from][s];
	te = &al->sents[from][e];
	/* Part of a bead: refine inside it. */
	if (bs == be && al->beads[bs].count[to] > 0 &&
	    (start.off > ts->start || end.off < te->end ||
	    start.block != ts->block || end.block != te->block)) {
		map_in_bead(al, from, to, bs, start, end, ostart, oend);
		return (0);
	}
	b1 = &al->beads[bs];
	b2 = &al->beads[be];
	while (b1->count[to] == 0 && b1 < b2)
		b1++;
	while (b2->count[to] == 0 && b2 > b1)
		b2--;
	if (b1->count[to] == 0)
		return (-1);
	first = b1->first[to];
	last = b2->first[to] + b2->count[to] - 1;
	ostart->block = al->sents[to][first].block;
	ostart->off = al->sents[to][first].start;
	oend->block = al->sents[to][last].block;
	oend->off = al->sents[to][last].end;
	return (0);
}

int
align_bead_starts_block(const struct alignment *al, size_t b)
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

