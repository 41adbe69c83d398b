/*
 * Alignment. NEEDSWORK: this first version pairs the blocks by position
 * (block i with block i); the real aligner comes with issue 4.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "align.h"

struct alignment *
align_create(const struct article *a, const struct align_opts *opts,
    char **cause)
{
	struct alignment	*al;
	size_t			 v, b, s[ALIGN_MAXVERS], nb = 0, maxb = 0;
	struct align_bead	*bead;

	if (a->n == 0 || a->n > ALIGN_MAXVERS) {
		*cause = xstrdup("no versions to align");
		return (NULL);
	}
	al = xcalloc(1, sizeof *al);
	al->nvers = a->n;
	for (v = 0; v < a->n; v++) {
		al->docs[v] = a->docs[v];
		al->nsents[v] = text_doc_sentences(a->docs[v],
		    a->docs[v]->lang, &al->sents[v]);
		al->nquotes[v] = text_quotes(a->docs[v], a->docs[v]->lang,
		    &al->quotes[v]);
		al->bead_of[v] = xcalloc(al->nsents[v] + 1,
		    sizeof *al->bead_of[v]);
		if (a->docs[v]->nblocks > maxb)
			maxb = a->docs[v]->nblocks;
		s[v] = 0;
	}
	al->beads = xcalloc(maxb + 1, sizeof *al->beads);
	for (b = 0; b < maxb; b++) {
		bead = &al->beads[nb];
		for (v = 0; v < a->n; v++) {
			bead->first[v] = s[v];
			while (s[v] < al->nsents[v] &&
			    al->sents[v][s[v]].block == b) {
				al->bead_of[v][s[v]] = nb;
				s[v]++;
			}
			bead->count[v] = s[v] - bead->first[v];
		}
		bead->confidence = 0.5;
		nb++;
	}
	al->nbeads = nb;
	return (al);
}

void
align_free(struct alignment *al)
{
	size_t	v;

	if (al == NULL)
		return;
	for (v = 0; v < al->nvers; v++) {
		free(al->sents[v]);
		free(al->quotes[v]);
		free(al->bead_of[v]);
	}
	free(al->beads);
	free(al->qlinks);
	free(al);
}

size_t
align_bead_of(const struct alignment *al, size_t v, size_t s)
{
	if (v >= al->nvers || s >= al->nsents[v])
		return (DOC_NOPOS);
	return (al->bead_of[v][s]);
}

size_t
align_sentence_at(const struct alignment *al, size_t v, struct doc_pos pos)
{
	size_t	lo = 0, hi, mid;
	const struct text_sentence *t;

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

int
align_map(const struct alignment *al, size_t from, struct doc_pos start,
    struct doc_pos end, size_t to, struct doc_pos *ostart,
    struct doc_pos *oend)
{
	size_t			 s, e, bs, be;
	const struct align_bead	*b1, *b2;
	size_t			 first, last;

	if (from >= al->nvers || to >= al->nvers)
		return (-1);
	s = align_sentence_at(al, from, start);
	e = align_sentence_at(al, from, end);
	if (s == DOC_NOPOS || e == DOC_NOPOS)
		return (-1);
	bs = al->bead_of[from][s];
	be = al->bead_of[from][e];
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
