/*
 * The aligner's quotation links (align-int.h). Quotations are linked
 * inside each bead: pivot quotations to each version's by an
 * order-preserving programme over their relative position, length and
 * anchors; then the quotations left over in the other versions are linked
 * among themselves the same way.
 */
#include "config.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "align-int.h"

/* Features of a quotation for linking. */
struct qfeat {
	size_t		 q;		/* index in the version's quotes */
	double		 pos;		/* relative position in the bead */
	double		 len;		/* characters inside */
	uint32_t	 keys[16];
	size_t		 nk;
	int		 depth;
};

/* Features of the quotations of version v that open inside bead b. */
static size_t
quote_feats(const struct alignment *al, size_t v, const struct align_bead *b,
    size_t *qcursor, struct qfeat **out, size_t *alloc)
{
	const struct doc		*d = al->docs[v];
	const struct text_sentence	*s1, *s2;
	struct doc_pos			 from, to;
	size_t				 n = 0, q;
	double				 total = 0, at;
	struct side			 tmp;
	struct feat			 f;

	if (b->count[v] == 0)
		return (0);
	s1 = &al->sents[v][b->first[v]];
	s2 = &al->sents[v][b->first[v] + b->count[v] - 1];
	from.block = s1->block;
	from.off = s1->start;
	to.block = s2->block;
	to.off = s2->end;
	for (q = b->first[v]; q < b->first[v] + b->count[v]; q++)
		total += al->sents[v][q].end - al->sents[v][q].start;
	memset(&tmp, 0, sizeof tmp);
	for (q = *qcursor; q < al->nquotes[v]; q++) {
		const struct text_quote	*tq = &al->quotes[v][q];
		struct qfeat		*qf;
		size_t			 k, qs;

		if (doc_pos_cmp(tq->open, from) < 0) {
			*qcursor = q + 1;
			continue;
		}
		if (doc_pos_cmp(tq->open, to) >= 0)
			break;
		XGROW(*out, *alloc, n + 1);
		qf = &(*out)[n++];
		memset(qf, 0, sizeof *qf);
		qf->q = q;
		qf->depth = tq->depth;
		/* Position: bytes before the mark inside the bead. */
		at = 0;
		for (qs = b->first[v]; qs < b->first[v] + b->count[v]; qs++) {
			const struct text_sentence *ts = &al->sents[v][qs];

			if (ts->block < tq->open.block ||
			    (ts->block == tq->open.block &&
			    ts->end <= tq->open.off))
				at += ts->end - ts->start;
			else {
				if (ts->block == tq->open.block &&
				    tq->open.off > ts->start)
					at += tq->open.off - ts->start;
				break;
			}
		}
		qf->pos = total > 0 ? at / total : 0;
		if (tq->start.block == tq->end.block) {
			const struct doc_block	*blk =
			    &d->blocks[tq->start.block];

			tmp.nkeys = 0;
			feat_text(&tmp, &f, blk->text + tq->start.off,
			    tq->end.off > tq->start.off ?
			    tq->end.off - tq->start.off : 0, d->lang);
			qf->len = f.len;
			for (k = 0; k < (size_t)f.nk && k < nitems(qf->keys);
			    k++)
				qf->keys[qf->nk++] = tmp.keys[f.koff + k];
		} else
			qf->len = 200;
	}
	free(tmp.keys);
	return (n);
}

/* The cost of linking two quotations (lower is better). */
static double
quote_cost(const struct qfeat *a, const struct qfeat *b, double ratio)
{
	double	c, la = a->len * ratio, lb = b->len;
	size_t	i, j;
	int	match = 0;

	c = 4 * fabs(a->pos - b->pos);
	c += fabs(log((la + 5) / (lb + 5)));
	for (i = 0; i < a->nk; i++) {
		for (j = 0; j < b->nk; j++) {
			if (a->keys[i] == b->keys[j]) {
				match++;
				break;
			}
		}
	}
	c -= 0.7 * match;
	if (a->depth != b->depth)
		c += 0.5;
	return (c);
}

/* The most cells of the quotation programme: a bead rarely has ten. */
#define QUOTE_MAXCELLS	((size_t)1024 * 1024)

/* The cost of leaving a quotation out of the links. */
#define QUOTE_SKIP	1.6

/*
 * The same number of quotations on both sides: linked in order, unless
 * one pair is clearly wrong. Returns 1 when linked.
 */
static int
quote_in_order(const struct qfeat *a, const struct qfeat *b, size_t n,
    double ratio, size_t *link)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		if (quote_cost(&a[i], &b[i], ratio) > 2 * QUOTE_SKIP)
			return (0);
	}
	for (i = 0; i < n; i++)
		link[i] = i;
	return (1);
}

/*
 * Too many for the programme (only hostile text has them): in order, each
 * to the nearest by position that is left.
 */
static void
quote_nearest(const struct qfeat *a, size_t na, const struct qfeat *b,
    size_t nb, double ratio, size_t *link)
{
	size_t	i, j;

	for (i = 0, j = 0; i < na && j < nb; i++) {
		while (j + 1 < nb && fabs(b[j + 1].pos - a[i].pos) <=
		    fabs(b[j].pos - a[i].pos))
			j++;
		if (quote_cost(&a[i], &b[j], ratio) < 2 * QUOTE_SKIP)
			link[i] = j++;
	}
}

/*
 * Fill the table of the programme: D[i * (nb + 1) + j] the best cost of
 * a[0..i) against b[0..j), T the last step (1: a link, 2: a[i - 1] left
 * out, 3: b[j - 1] left out).
 */
static void
quote_table(const struct qfeat *a, size_t na, const struct qfeat *b,
    size_t nb, double ratio, double *D, uint8_t *T)
{
	size_t	i, j, w = nb + 1;
	double	best, c;
	uint8_t	t;

	D[0] = 0;
	T[0] = 0;
	for (i = 0; i <= na; i++) {
		for (j = i == 0 ? 1 : 0; j <= nb; j++) {
			best = INFINITY;
			t = 0;
			if (i > 0 && j > 0) {
				c = D[(i - 1) * w + j - 1] +
				    quote_cost(&a[i - 1], &b[j - 1], ratio);
				if (c < best) {
					best = c;
					t = 1;
				}
			}
			if (i > 0 && D[(i - 1) * w + j] + QUOTE_SKIP < best) {
				best = D[(i - 1) * w + j] + QUOTE_SKIP;
				t = 2;
			}
			if (j > 0 && D[i * w + j - 1] + QUOTE_SKIP < best) {
				best = D[i * w + j - 1] + QUOTE_SKIP;
				t = 3;
			}
			D[i * w + j] = best;
			T[i * w + j] = t;
		}
	}
}

/*
 * Link two lists of quotations in order (an edit-distance programme where
 * a link costs quote_cost and leaving one out costs QUOTE_SKIP). link[i]
 * receives the index in b linked to a[i], or DOC_NOPOS.
 */
static void
quote_match(const struct qfeat *a, size_t na, const struct qfeat *b,
    size_t nb, double ratio, size_t *link)
{
	double	*D;
	uint8_t	*T;
	size_t	 i, j, w = nb + 1;

	for (i = 0; i < na; i++)
		link[i] = DOC_NOPOS;
	if (na == 0 || nb == 0)
		return;
	if (na == nb && quote_in_order(a, b, na, ratio, link))
		return;
	if (na + 1 > QUOTE_MAXCELLS / w) {
		quote_nearest(a, na, b, nb, ratio, link);
		return;
	}
	D = xreallocarray(NULL, (na + 1) * w, sizeof *D);
	T = xreallocarray(NULL, (na + 1) * w, sizeof *T);
	quote_table(a, na, b, nb, ratio, D, T);
	for (i = na, j = nb; i > 0 || j > 0;) {
		switch (T[i * w + j]) {
		case 1:
			if (quote_cost(&a[i - 1], &b[j - 1], ratio) <
			    2 * QUOTE_SKIP)
				link[i - 1] = j - 1;
			i--;
			j--;
			break;
		case 2:
			i--;
			break;
		default:
			j--;
			break;
		}
	}
	free(D);
	free(T);
}

/* Add a quote link. */
static struct align_qlink *
qlink_new(struct alignment *al, size_t *alloc)
{
	struct align_qlink	*l;
	size_t			 v;

	XGROW(al->qlinks, *alloc, al->nqlinks + 1);
	l = &al->qlinks[al->nqlinks++];
	for (v = 0; v < ALIGN_MAXVERS; v++)
		l->quote[v] = DOC_NOPOS;
	return (l);
}

/*
 * The length of each version's sentences (len[v]) and its ratio to the
 * pivot's (ratio[v]).
 */
static void
quote_lengths(const struct alignment *al, double *len, double *ratio)
{
	size_t	v, k;

	for (v = 0; v < al->nvers; v++) {
		len[v] = 0;
		for (k = 0; k < al->nsents[v]; k++)
			len[v] += al->sents[v][k].end - al->sents[v][k].start;
	}
	for (v = 0; v < al->nvers; v++)
		ratio[v] = len[al->pivot] > 0 ? len[v] / len[al->pivot] : 1;
}

/*
 * The quotations of qf[0..nq) not used yet, copied to rest with their
 * indexes in idx. Returns their number.
 */
static size_t
quote_unused(const struct qfeat *qf, size_t nq, const size_t *used,
    struct qfeat *rest, size_t *idx)
{
	size_t	i, n = 0;

	for (i = 0; i < nq; i++) {
		if (!used[i]) {
			idx[n] = i;
			rest[n++] = qf[i];
		}
	}
	return (n);
}

/*
 * A link for each of the pivot's quotations of a bead, with its
 * counterparts in the other versions (marked used).
 */
static void
quote_link_pivot(struct alignment *al, struct qfeat *const *qf,
    const size_t *nq, const double *ratio, size_t *link, size_t *const *used,
    size_t *alloc)
{
	struct align_qlink	*l;
	size_t			 first = al->nqlinks, i, v, p = al->pivot;

	for (i = 0; i < nq[p]; i++) {
		l = qlink_new(al, alloc);
		l->quote[p] = qf[p][i].q;
	}
	for (v = 0; v < al->nvers; v++) {
		if (v == p)
			continue;
		quote_match(qf[p], nq[p], qf[v], nq[v], ratio[v], link);
		for (i = 0; i < nq[p]; i++) {
			if (link[i] == DOC_NOPOS)
				continue;
			al->qlinks[first + i].quote[v] = qf[v][link[i]].q;
			used[v][link[i]] = 1;
		}
	}
}

/*
 * Add to link l the counterpart in version w (quotations qw[0..nqw), those
 * used marked in usedw) of quotation i of rest[0..nrest), the unused of
 * another version, whose length is ratio times w's.
 */
static void
quote_link_rest_to(struct align_qlink *l, size_t w, const struct qfeat *rest,
    size_t nrest, size_t i, const struct qfeat *qw, size_t nqw,
    size_t *usedw, double ratio)
{
	struct qfeat	*rest_w;
	size_t		 nrw, *idx_w, *lk;

	rest_w = xreallocarray(NULL, nqw + 1, sizeof *rest_w);
	idx_w = xreallocarray(NULL, nqw + 1, sizeof *idx_w);
	nrw = quote_unused(qw, nqw, usedw, rest_w, idx_w);
	lk = xreallocarray(NULL, nrest + 1, sizeof *lk);
	quote_match(rest, nrest, rest_w, nrw, ratio, lk);
	if (lk[i] != DOC_NOPOS) {
		l->quote[w] = rest_w[lk[i]].q;
		usedw[idx_w[lk[i]]] = 1;
	}
	free(lk);
	free(rest_w);
	free(idx_w);
}

/*
 * The quotations of version v in a bead that no pivot quotation took: a
 * link each, with their counterparts among what is left of the versions
 * after v.
 */
static void
quote_link_rest(struct alignment *al, size_t v, struct qfeat *const *qf,
    const size_t *nq, const double *len, size_t *const *used, size_t *alloc)
{
	struct align_qlink	*l;
	struct qfeat		*rest_v;
	size_t			 nrv, *idx_v, i, w;

	rest_v = xreallocarray(NULL, nq[v] + 1, sizeof *rest_v);
	idx_v = xreallocarray(NULL, nq[v] + 1, sizeof *idx_v);
	nrv = quote_unused(qf[v], nq[v], used[v], rest_v, idx_v);
	for (i = 0; i < nrv; i++) {
		l = qlink_new(al, alloc);
		l->quote[v] = rest_v[i].q;
		used[v][idx_v[i]] = 1;
		for (w = v + 1; w < al->nvers; w++) {
			if (w == al->pivot)
				continue;
			quote_link_rest_to(l, w, rest_v, nrv, i, qf[w], nq[w],
			    used[w], len[v] > 0 ? len[w] / len[v] : 1);
		}
	}
	free(rest_v);
	free(idx_v);
}

/* Link the quotations inside every bead. */
void
quote_link_beads(struct alignment *al)
{
	struct qfeat	*qf[ALIGN_MAXVERS] = { NULL };
	size_t		 nq[ALIGN_MAXVERS], aq[ALIGN_MAXVERS];
	size_t		 cursor[ALIGN_MAXVERS], *link, *used[ALIGN_MAXVERS];
	size_t		 bi, v, i, maxq, alloc = 0;
	double		 ratio[ALIGN_MAXVERS], len[ALIGN_MAXVERS];

	memset(aq, 0, sizeof aq);
	memset(cursor, 0, sizeof cursor);
	quote_lengths(al, len, ratio);
	link = xcalloc(64, sizeof *link);
	for (v = 0; v < al->nvers; v++)
		used[v] = NULL;
	for (bi = 0; bi < al->nbeads; bi++) {
		maxq = 0;
		for (v = 0; v < al->nvers; v++) {
			nq[v] = quote_feats(al, v, &al->beads[bi], &cursor[v],
			    &qf[v], &aq[v]);
			maxq = PR_MAX(maxq, nq[v]);
		}
		if (maxq == 0)
			continue;
		link = xreallocarray(link, maxq + 1, sizeof *link);
		for (v = 0; v < al->nvers; v++) {
			used[v] = xreallocarray(used[v], maxq + 1,
			    sizeof *used[v]);
			for (i = 0; i < nq[v]; i++)
				used[v][i] = 0;
		}
		quote_link_pivot(al, qf, nq, ratio, link, used, &alloc);
		/* What is left in the other versions, among themselves. */
		for (v = 0; v < al->nvers; v++) {
			if (v != al->pivot)
				quote_link_rest(al, v, qf, nq, len, used,
				    &alloc);
		}
	}
	for (v = 0; v < al->nvers; v++) {
		free(qf[v]);
		free(used[v]);
	}
	free(link);
}
