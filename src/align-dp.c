/*
 * The aligner's programme (align-int.h). The versions are aligned one
 * after another into a growing profile (see align.c); each step is a
 * dynamic programme over bead types in the manner of Gale and Church, in
 * two passes:
 *
 * 1. blocks: the paragraphs (headings, quotes, items) of the pivot and the
 *    new version, with beads 0-1, 1-0, 1-1, 1-2, 2-1, 2-2, 1-3 and 3-1,
 *    costed on the length ratio (characters, the ratio estimated for this
 *    pair of documents) and on anchors (numbers, names across scripts,
 *    quotation counts, question marks, block kinds). The programme runs in
 *    a band around the diagonal that widens only when the best path touches
 *    its edge.
 *
 * 2. sentences: the same programme between the profile's beads and the new
 *    version's sentences, in a band that follows the block path (the
 *    sentences of a block may pair with those of the aligned blocks and of
 *    their neighbours), so translators' merged and split paragraphs are
 *    followed and a wrong block bead can be mended. The cost of a bead is
 *    the mean of its costs against each version of the profile. The pass
 *    runs twice: the second time with the length variance of each pair
 *    estimated from the first.
 *
 * Both passes store only the cells of their band: time and memory grow
 * linearly with the article.
 */
#include "config.h"

#include <math.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "align-int.h"

/*
 * Sentence beads. The gold standards the priors were checked on are
 * mostly 1-1; real translations merge and split more, which the block
 * pass and the length costs carry.
 */
const struct btype dp_sent_types[8] = {
	{ 1, 1, 0.163 },	/* 0.85 */
	{ 1, 0, 3.50 },		/* 0.03 */
	{ 0, 1, 3.50 },
	{ 2, 1, 4.00 },		/* 0.018 */
	{ 1, 2, 4.00 },
	{ 2, 2, 6.50 },		/* 0.0015 */
	{ 3, 1, 5.30 },		/* 0.005 */
	{ 1, 3, 5.30 },
};

/* Block beads. */
static const struct btype block_types[] = {
	{ 1, 1, 0.223 },	/* 0.8 */
	{ 1, 0, 4.60 },
	{ 0, 1, 4.60 },
	{ 2, 1, 2.30 },		/* 0.1 */
	{ 1, 2, 2.30 },
	{ 2, 2, 4.00 },
	{ 3, 1, 3.50 },
	{ 1, 3, 3.50 },
};

struct params {
	const struct btype	*types;
	size_t			 ntypes;
	double			 boundary;	/* cost of a paragraph break
						   inside a bead */
	/* Sentence pass: the block bead of each sentence of hint_v and B. */
	size_t			 hint_v;
	const size_t		*hint_a;
	const size_t		*hint_b;
	/* In dp_run(): the cost of leaving out one unit of A, of B. */
	const double		*del_a, *del_b;
	struct dpbudget		*bud;		/* the cells are counted in */
};

/*
 * Default variance per character: news translations measure about 2 with
 * normal tails; with the linear tails of tail_cost() a softer 3.5 works
 * better.
 */
#define ALIGN_VAR	3.5

/*
 * The budget (struct dpbudget). A band holds at most the base cells and
 * 32 per unit (band_max()); a band that would grow past a quarter of that
 * stops growing, its last try is trimmed to the whole (band_fit()), and a
 * pass fills at most a few bands. Normal articles never come near it; it
 * keeps hostile pairs (10 MB of one sentence repeated, with different
 * sentence counts; 160,000 paragraphs against their reverse order, 14 M
 * cells instead of 154 M) linear in time and memory instead of filling
 * the whole na x nb matrix. A pass whose last band stopped at the budget
 * with the best path still on its edge marks the version over:
 * align_create() pairs the paragraphs instead.
 */
#define ALIGN_BASECELLS	((size_t)4 * 1024 * 1024)
#define ALIGN_UNITCELLS	32

/*
 * The keys of units [i, i+n), sorted: a unit's own array when n is 1, else
 * its sorted runs merged into buf. Returns the count; *out points at them.
 */
static size_t
keys_view(const struct side *sd, size_t i, int n, uint32_t *buf,
    size_t bufsz, const uint32_t **out)
{
	const struct feat	*f = &sd->f[i];
	const uint32_t		*r[3];
	size_t			 rn[3], m = 0;
	int			 u, best;

	if (n == 1) {
		*out = sd->keys + f->koff;
		return ((size_t)f->nk);
	}
	if (sd->view[0] != NULL && i + (n > 2 ? 2 : 1) < sd->n) {
		const struct kview	*kv = &sd->view[n > 2][i];

		*out = sd->vkeys + kv->off;
		return (kv->n);
	}
	for (u = 0; u < n && u < 3; u++) {
		r[u] = sd->keys + f[u].koff;
		rn[u] = (size_t)f[u].nk;
	}
	while (m < bufsz) {
		best = -1;
		for (u = 0; u < n && u < 3; u++) {
			if (rn[u] > 0 && (best < 0 || *r[u] < *r[best]))
				best = u;
		}
		if (best < 0)
			break;
		buf[m++] = *r[best]++;
		rn[best]--;
	}
	*out = buf;
	return (m);
}

/* Merge the keys of every two and three consecutive units of a side. */
void
dp_side_views(struct side *sd)
{
	uint32_t	 buf[400];
	const uint32_t	*k;
	struct kview	*kv[2] = { NULL, NULL };
	size_t		 i, n;
	int		 w;

	for (w = 0; w < 2; w++) {
		kv[w] = NULL;
		if (sd->n < (size_t)w + 2)
			continue;
		kv[w] = xreallocarray(NULL, sd->n, sizeof *kv[w]);
		for (i = 0; i + (size_t)w + 1 < sd->n; i++) {
			/* sd->view is still NULL: this merges. */
			n = keys_view(sd, i, w + 2, buf, nitems(buf), &k);
			if (sd->nvkeys + n >= UINT32_MAX) {
				/* Too many for 32-bit offsets: on demand. */
				free(kv[0]);
				free(kv[1]);
				free(sd->vkeys);
				sd->vkeys = NULL;
				sd->nvkeys = sd->avkeys = 0;
				return;
			}
			XGROW(sd->vkeys, sd->avkeys, sd->nvkeys + n + 1);
			memcpy(sd->vkeys + sd->nvkeys, k, n * sizeof *k);
			kv[w][i].off = (uint32_t)sd->nvkeys;
			kv[w][i].n = (uint32_t)n;
			sd->nvkeys += n;
		}
	}
	XSHRINK(sd->vkeys, sd->avkeys, sd->nvkeys);
	if (kv[0] == NULL)
		return;
	sd->view[0] = kv[0];
	sd->view[1] = kv[1];
}

/*
 * -log of the two-sided tail of the normal distribution at z, with tails
 * made linear beyond 1.5 standard deviations: translations have more long
 * outliers than a normal law, and a squared cost would rather merge two
 * sentences than accept one loose translation.
 */
#define TAIL_KNEE	1.5
#define TAIL_SLOPE	1.2
#define TAIL_STEPS	3000	/* table steps up to the knee */

static double	tail_table[TAIL_STEPS + 2];
static pthread_once_t tail_once = PTHREAD_ONCE_INIT;

static void
tail_init(void)
{
	int	k;

	for (k = 0; k <= TAIL_STEPS + 1; k++)
		tail_table[k] = -log(erfc(TAIL_KNEE * k / TAIL_STEPS /
		    M_SQRT2));
}

/* Make the table of tail_cost() (once). */
void
dp_init(void)
{
	pthread_once(&tail_once, tail_init);
}

/*
 * Read from a table (the programme asks for it in every cell; erfc and
 * log cost more than the rest of a cell), linear between its steps of
 * 0.0005: off by less than 1e-6.
 */
static double
tail_cost(double z)
{
	double	x;
	int	k;

	z = fabs(z);
	if (z >= TAIL_KNEE)
		return (tail_table[TAIL_STEPS] + TAIL_SLOPE * (z - TAIL_KNEE));
	x = z * (TAIL_STEPS / TAIL_KNEE);
	k = (int)x;
	return (tail_table[k] + (x - k) * (tail_table[k + 1] - tail_table[k]));
}

/* Sum of the lengths of units [i, i+n) of a side. */
static double
side_len(const struct side *sd, size_t i, int n)
{
	double	l = 0;
	int	u;

	for (u = 0; u < n; u++)
		l += sd->f[i + (size_t)u].len;
	return (l);
}

/*
 * The cost of pairing units [i, i+a) of A with [j, j+b) of B (both a, b
 * > 0), without the bead's prior and without the anchors: length, kinds,
 * marks, paragraph breaks. *bonus receives the most the anchors could take
 * off (every key of the smaller side matched).
 */
static double
pair_base(const struct side *A, size_t i, int a, const struct side *B,
    size_t j, int b, double ratio, double var, const struct params *p,
    int hint, double *bonus)
{
	double	la = 0, lb = 0, mean, cost = 0;
	int	u, ha = 0, hb = 0, qa = 0, qb = 0, quest_a = 0, quest_b = 0;
	int	ka = 0, kb = 0;

	for (u = 0; u < a; u++) {
		const struct feat	*f = &A->f[i + (size_t)u];

		la += f->len;
		ha += f->heading;
		qa += f->nquotes;
		ka += f->nk;
		quest_a |= f->quest | f->excl;
		if (u > 0 && f->parstart)
			cost += p->boundary;
	}
	for (u = 0; u < b; u++) {
		const struct feat	*f = &B->f[j + (size_t)u];

		lb += f->len;
		hb += f->heading;
		qb += f->nquotes;
		kb += f->nk;
		quest_b |= f->quest | f->excl;
		if (u > 0 && f->parstart)
			cost += p->boundary;
	}
	mean = (la * ratio + lb) / 2;
	if (mean < 1)
		mean = 1;
	cost += tail_cost((lb - la * ratio) / sqrt(var * mean));
	if ((ha != 0) != (hb != 0))
		cost += 4;
	if (qa != qb)
		cost += 1.0 * PR_MIN(abs(qa - qb), 3);
	if (quest_a != quest_b)
		cost += 0.8;
	/* Stay with the aligned blocks. */
	if (hint && p->hint_a != NULL && (p->hint_a[i] != p->hint_b[j] ||
	    p->hint_a[i + (size_t)a - 1] != p->hint_b[j + (size_t)b - 1]))
		cost += 1.0;
	*bonus = 2.0 * PR_MIN(ka, kb);
	return (cost);
}

/*
 * The anchors' part of the cost of pairing units [i, i+a) of A with
 * [j, j+b) of B: numbers and names both share take cost off, numbers (and,
 * less, names) only one side has add some.
 */
static double
pair_anchors(const struct side *A, size_t i, int a, const struct side *B,
    size_t j, int b)
{
	uint32_t	 bufa[400], bufb[400];
	const uint32_t	*ka, *kb;
	size_t		 na, nb, x = 0, y = 0;
	int		 match = 0, miss_a = 0, miss_b = 0, nmiss_a = 0;
	int		 nmiss_b = 0;

	na = keys_view(A, i, a, bufa, nitems(bufa), &ka);
	nb = keys_view(B, j, b, bufb, nitems(bufb), &kb);
	if (na == 0 && nb == 0)
		return (0);
	while (x < na && y < nb) {
		if (ka[x] == kb[y]) {
			match++;
			x++;
			y++;
		} else if (ka[x] < kb[y]) {
			nmiss_a += (ka[x] & KEY_NAME) != 0;
			miss_a += (ka[x++] & KEY_NUMBER) != 0;
		} else {
			nmiss_b += (kb[y] & KEY_NAME) != 0;
			miss_b += (kb[y++] & KEY_NUMBER) != 0;
		}
	}
	for (; x < na; x++) {
		nmiss_a += (ka[x] & KEY_NAME) != 0;
		miss_a += (ka[x] & KEY_NUMBER) != 0;
	}
	for (; y < nb; y++) {
		nmiss_b += (kb[y] & KEY_NAME) != 0;
		miss_b += (kb[y] & KEY_NUMBER) != 0;
	}
	/* A version that never shows a name cannot miss one. */
	if (A->nonames)
		nmiss_b = 0;
	if (B->nonames)
		nmiss_a = 0;
	return (-2.0 * match + 0.6 * (PR_MIN(miss_a, 3) + PR_MIN(miss_b, 3)) +
	    0.3 * (PR_MIN(nmiss_a, 3) + PR_MIN(nmiss_b, 3)));
}

/* The cost of pairing [i, i+a) of A with [j, j+b) of B, anchors in. */
double
dp_pair_cost(const struct side *A, size_t i, int a, const struct side *B,
    size_t j, int b, double ratio)
{
	struct params	p;
	double		bonus;

	memset(&p, 0, sizeof p);
	p.hint_v = DOC_NOPOS;
	return (pair_base(A, i, a, B, j, b, ratio, ALIGN_VAR, &p, 0, &bonus) +
	    pair_anchors(A, i, a, B, j, b));
}

/*
 * The run of version u's units that profile beads [i, i+a) hold: returns
 * their number and the first in *first.
 */
static size_t
profile_run(const struct profile *P, size_t u, size_t i, int a,
    size_t *first)
{
	size_t	k, count = 0;

	*first = DOC_NOPOS;
	for (k = i; k < i + (size_t)a; k++) {
		const struct pbd	*bd = &P->beads[k];

		if (bd->count[u] == 0)
			continue;
		if (*first == DOC_NOPOS)
			*first = bd->first[u];
		count = bd->first[u] + bd->count[u] - *first;
	}
	return (count);
}

/* Length of profile beads [i, i+a) in B's characters. */
static double
profile_len(const struct profile *P, size_t i, int a)
{
	size_t	u, first, n;
	double	l = 0;
	int	k = 0;

	for (u = 0; u < P->nvers; u++) {
		if (P->side[u] == NULL)
			continue;
		n = profile_run(P, u, i, a, &first);
		if (n == 0)
			continue;
		l += side_len(P->side[u], first, (int)n) * P->ratio[u];
		k++;
	}
	return (k > 0 ? l / k : 0);
}

/*
 * The cost of a bead of a profile units at i and b units of B at j: the
 * mean of its costs against every version of the profile. When even the
 * best the anchors could do cannot bring it under budget, a lower bound
 * (at least budget) comes back without the anchors being compared.
 */
static double
bead_cost(const struct profile *P, size_t i, int a, const struct side *B,
    size_t j, int b, const struct params *p, double prior, double budget)
{
	size_t	u, first[ALIGN_MAXVERS], n[ALIGN_MAXVERS];
	double	sum = 0, bonus, bonuses = 0;
	int	k = 0;

	if (b == 0)
		return (prior + (a == 1 && p->del_a != NULL ? p->del_a[i] :
		    log1p(profile_len(P, i, a) / 200.0)));
	if (a == 0)
		return (prior + (b == 1 && p->del_b != NULL ? p->del_b[j] :
		    log1p(side_len(B, j, b) / 200.0)));
	for (u = 0; u < P->nvers; u++) {
		n[u] = 0;
		if (P->side[u] == NULL)
			continue;
		n[u] = profile_run(P, u, i, a, &first[u]);
		if (n[u] == 0)
			continue;
		sum += pair_base(P->side[u], first[u], (int)n[u], B, j, b,
		    P->ratio[u], P->var[u], p, u == p->hint_v, &bonus);
		bonuses += bonus;
		k++;
	}
	if (k == 0)
		return (prior + log1p(side_len(B, j, b) / 200.0));
	if (prior + (sum - bonuses) / k >= budget)
		return (prior + (sum - bonuses) / k);
	for (u = 0; u < P->nvers; u++) {
		if (n[u] != 0)
			sum += pair_anchors(P->side[u], first[u], (int)n[u], B,
			    j, b);
	}
	return (prior + sum / k);
}

/*
 * The cells of a band: prefix i's start at off[i]; in each, the best
 * cost into it and the type of its last bead (0xff: the start, 0xfe: no
 * way in).
 */
struct dpband {
	size_t	*off;
	float	*cost;
	uint8_t	*type;
};

/*
 * The best way into cell (i, j) of the band lo..hi: returns its cost
 * (INFINITY: none) and sets *bt to the type of its last bead (-1: none).
 */
static double
dp_cell(const struct profile *P, const struct side *B, const size_t *lo,
    const size_t *hi, const struct params *p, const struct dpband *d,
    size_t i, size_t j, int *bt)
{
	double	best = INFINITY, c;
	size_t	t, pi, pj;
	int	kb, u;

	*bt = -1;
	for (t = 0; t < p->ntypes; t++) {
		const struct btype	*ty = &p->types[t];

		if ((size_t)ty->a > i || (size_t)ty->b > j)
			continue;
		pi = i - (size_t)ty->a;
		pj = j - (size_t)ty->b;
		if (pj < lo[pi] || pj > hi[pi])
			continue;
		c = d->cost[d->off[pi] + (pj - lo[pi])];
		if (!isfinite(c))
			continue;
		/*
		 * A bead's cost is at least its prior less what B's keys
		 * could take off (2 each, see pair_anchors()): past the best
		 * so far, the bead cannot win. Most 2-2 and 3-1 beads go
		 * here without their costs counted.
		 */
		if (ty->a > 0 && ty->b > 0) {
			kb = 0;
			for (u = 0; u < ty->b; u++)
				kb += B->f[pj + (size_t)u].nk;
			if (c + ty->prior - 2.0 * kb > best + 1e-9)
				continue;
		}
		c += bead_cost(P, pi, ty->a, B, pj, ty->b, p, ty->prior,
		    best - c);
		if (c < best) {
			best = c;
			*bt = (int)t;
		}
	}
	return (best);
}

/*
 * The best path through a filled band, from its last cell (na, nb) back:
 * walked once to count the beads, once to fill them in. Writes them to
 * *out (you own it), returns their number and sets *edge when the path
 * touches the band's edge.
 */
static size_t
dp_path(const struct params *p, const size_t *lo, const size_t *hi,
    size_t na, size_t nb, const struct dpband *d, struct pbead **out,
    int *edge)
{
	const struct btype	*ty;
	struct pbead		*beads;
	size_t			 i, j, k, n = 0, pi, pj, w;

	for (i = na, j = nb; i > 0 || j > 0; i = pi, j = pj) {
		w = d->off[i] + (j - lo[i]);
		if ((j == lo[i] && lo[i] != 0) || (j == hi[i] && hi[i] != nb))
			*edge = 1;
		pi = i - (size_t)p->types[d->type[w]].a;
		pj = j - (size_t)p->types[d->type[w]].b;
		n++;
	}
	beads = xreallocarray(NULL, n == 0 ? 1 : n, sizeof *beads);
	for (i = na, j = nb, k = n; i > 0 || j > 0; i = pi, j = pj) {
		w = d->off[i] + (j - lo[i]);
		ty = &p->types[d->type[w]];
		pi = i - (size_t)ty->a;
		pj = j - (size_t)ty->b;
		k--;
		beads[k].ai = pi;
		beads[k].bj = pj;
		beads[k].a = ty->a;
		beads[k].b = ty->b;
		beads[k].cost = d->cost[w] - d->cost[d->off[pi] + (pj -
		    lo[pi])] - ty->prior;
	}
	*out = beads;
	return (n);
}

/*
 * The banded programme. For each prefix i of the profile (0..P->n), B
 * prefixes lo[i]..hi[i] are allowed; both bounds never decrease. Writes the
 * best beads to *out (you own it) and returns their number; sets *edge when
 * the path touches the band's edge (a wider band might do better); returns
 * (size_t)-1 when no path fits in the band.
 */
static size_t
dp_run(const struct profile *P, const struct side *B, const size_t *lo,
    const size_t *hi, const struct params *p, struct pbead **out, int *edge)
{
	struct dpband	 d;
	struct params	 q;
	size_t		 i, j, w, total = 0, n, na = P->n, nb = B->n;
	double		*del_a, *del_b;
	int		 bt;

	*edge = 0;
	/* Leaving out one unit: the same in every cell, so once. */
	del_a = xreallocarray(NULL, na + 1, sizeof *del_a);
	del_b = xreallocarray(NULL, nb + 1, sizeof *del_b);
	for (i = 0; i < na; i++)
		del_a[i] = log1p(profile_len(P, i, 1) / 200.0);
	for (j = 0; j < nb; j++)
		del_b[j] = log1p(side_len(B, j, 1) / 200.0);
	q = *p;
	q.del_a = del_a;
	q.del_b = del_b;
	d.off = xreallocarray(NULL, na + 2, sizeof *d.off);
	for (i = 0; i <= na; i++) {
		d.off[i] = total;
		total += hi[i] - lo[i] + 1;
	}
	if (p->bud != NULL)
		p->bud->cells += total;
	d.cost = xreallocarray(NULL, total, sizeof *d.cost);
	d.type = xreallocarray(NULL, total, sizeof *d.type);
	for (i = 0; i <= na; i++) {
		for (j = lo[i]; j <= hi[i]; j++) {
			w = d.off[i] + (j - lo[i]);
			if (i == 0 && j == 0) {
				d.cost[w] = 0;
				d.type[w] = 0xff;
				continue;
			}
			d.cost[w] = (float)dp_cell(P, B, lo, hi, &q, &d, i, j,
			    &bt);
			d.type[w] = bt < 0 ? 0xfe : (uint8_t)bt;
		}
	}
	if (nb < lo[na] || nb > hi[na] ||
	    !isfinite(d.cost[d.off[na] + (nb - lo[na])])) {
		*out = NULL;
		n = (size_t)-1;
	} else
		n = dp_path(&q, lo, hi, na, nb, &d, out, edge);
	free(d.off);
	free(d.cost);
	free(d.type);
	free(del_a);
	free(del_b);
	return (n);
}

/* The number of cells of the band lo..hi over prefixes 0..n. */
static size_t
band_cells(const size_t *lo, const size_t *hi, size_t n)
{
	size_t	i, t = 0;

	for (i = 0; i <= n; i++)
		t += hi[i] - lo[i] + 1;
	return (t);
}

/* The most cells one band may have for na x nb units. */
static size_t
band_max(const struct dpbudget *bud, size_t na, size_t nb)
{
	return ((bud != NULL && bud->base != 0 ? bud->base : ALIGN_BASECELLS) +
	    (size_t)ALIGN_UNITCELLS * (na + nb));
}

/*
 * Trim the band lo..hi over prefixes 0..n of nb units to at most max
 * cells (at least 2 * (nb + n) + 4): each row to the w + 1 cells around
 * its middle, the corners kept, both bounds still never decreasing and
 * each row reaching the one before, so that a path of 1-0 and 0-1 beads
 * fits. Rows then hold (n + 1)(w + 1) cells, the overlaps and the corners
 * at most 2 nb + 2 more. Returns 1 when it trimmed.
 */
static int
band_fit(size_t *lo, size_t *hi, size_t n, size_t nb, size_t max)
{
	size_t	i, w, mid, a;

	if (band_cells(lo, hi, n) <= max)
		return (0);
	w = max > 2 * nb + 2 * (n + 1) + 2 ? (max - 2 * nb - 2) / (n + 1) - 1 :
	    1;
	for (i = 0; i <= n; i++) {
		mid = lo[i] + (hi[i] - lo[i]) / 2;
		a = mid > w / 2 ? mid - w / 2 : 0;
		if (lo[i] < a)
			lo[i] = a;
		if (hi[i] > a + w)
			hi[i] = a + w;
	}
	lo[0] = 0;
	hi[n] = nb;
	for (i = 1; i <= n; i++) {
		if (lo[i] > hi[i - 1])
			lo[i] = hi[i - 1];
	}
	return (1);
}

/*
 * Widen the band [lo, hi] where the last path (cj: its B prefix at each
 * profile prefix) ran near its edge, on that side, to the margin k;
 * elsewhere the path had room and the band stays. Rows stay monotone.
 */
static void
band_widen(const size_t *cj, size_t k, size_t pn, size_t bn, size_t *lo,
    size_t *hi)
{
	size_t	i;

	for (i = 0; i <= pn; i++) {
		if (cj[i] < lo[i] + k / 2)
			lo[i] = cj[i] > k ? cj[i] - k : 0;
		if (cj[i] + k / 2 > hi[i])
			hi[i] = cj[i] + k < bn ? cj[i] + k : bn;
	}
	for (i = pn; i > 0; i--) {
		if (lo[i - 1] > lo[i])
			lo[i - 1] = lo[i];
	}
	for (i = 1; i <= pn; i++) {
		if (hi[i] < hi[i - 1])
			hi[i] = hi[i - 1];
	}
}

/* The B prefix of a path of n beads at each profile prefix, into cj. */
static void
path_prefixes(const struct pbead *path, size_t n, size_t *cj)
{
	size_t	g, i;

	cj[0] = 0;
	for (g = 0; g < n; g++) {
		for (i = 1; i <= (size_t)path[g].a; i++)
			cj[path[g].ai + i] = path[g].bj + path[g].b;
	}
}

/*
 * A diagonal band of half-width k: for each prefix of the profile, the B
 * prefixes whose share of B's length is near the profile's share, and
 * those whose share of B's units is near the profile's share of units.
 * Translations keep their paragraphs more often than their proportions:
 * over a book of articles translated more or less tersely, the length
 * share drifts by dozens of paragraphs where the count share stays on
 * the path, so a band holding both rarely needs widening.
 */
static void
band_diagonal(const struct profile *P, const struct side *B, size_t k,
    size_t *lo, size_t *hi)
{
	size_t	 i, j = 0, c, cn;
	double	*cum, ca, cb = 0, fa;

	cum = xreallocarray(NULL, P->n + 1, sizeof *cum);
	cum[0] = 0;
	for (i = 0; i < P->n; i++)
		cum[i + 1] = cum[i] + profile_len(P, i, 1);
	for (i = 0; i <= P->n; i++) {
		ca = cum[i];
		fa = cum[P->n] > 0 ? ca / cum[P->n] : 0;
		while (j < B->n && (cb + B->f[j].len / 2.0) / (B->total > 0 ?
		    B->total : 1) < fa) {
			cb += B->f[j].len;
			j++;
		}
		c = j;
		cn = P->n > 0 ? (size_t)((double)i * (double)B->n /
		    (double)P->n + 0.5) : 0;
		lo[i] = PR_MIN(c, cn) > k ? PR_MIN(c, cn) - k : 0;
		hi[i] = PR_MAX(c, cn) + k < B->n ? PR_MAX(c, cn) + k : B->n;
		if (i > 0 && lo[i] < lo[i - 1])
			lo[i] = lo[i - 1];
		if (i > 0 && hi[i] < hi[i - 1])
			hi[i] = hi[i - 1];
	}
	lo[0] = 0;
	hi[P->n] = B->n;
	free(cum);
}

/* Align in a diagonal band, widening it as needed. */
static size_t
align_diagonal(const struct profile *P, const struct side *B,
    const struct params *p, struct pbead **out)
{
	size_t	*lo, *hi, *cj = NULL, k = 12, n, i, big = PR_MAX(P->n, B->n);
	size_t	 max = band_max(p->bud, P->n, B->n);
	size_t	 start = p->bud != NULL ? p->bud->cells : 0;
	int	 edge, last, fit = 0;

	lo = xreallocarray(NULL, P->n + 1, sizeof *lo);
	hi = xreallocarray(NULL, P->n + 1, sizeof *hi);
	for (;;) {
		if (k >= big)
			k = big;
		if (cj == NULL)
			band_diagonal(P, B, k, lo, hi);
		else
			band_widen(cj, k, P->n, B->n, lo, hi);
		/*
		 * The last try: full, or the next one would be too big, or
		 * the pass has filled its budget's worth already.
		 */
		last = k >= big || band_cells(lo, hi, P->n) > max / 4 ||
		    (p->bud != NULL && p->bud->cells - start >= max);
		if (last) {
			/* Rows that overlap: a path of 1-0 and 0-1 fits. */
			for (i = 1; i <= P->n; i++) {
				if (lo[i] > hi[i - 1])
					lo[i] = hi[i - 1];
			}
			fit = band_fit(lo, hi, P->n, B->n, max);
		}
		n = dp_run(P, B, lo, hi, p, out, &edge);
		if (n != (size_t)-1 && (!edge || last)) {
			/* Stopped short of the path: over budget. */
			if (edge && (fit || k < big) && p->bud != NULL)
				p->bud->over = 1;
			break;
		}
		if (n != (size_t)-1) {
			if (cj == NULL)
				cj = xreallocarray(NULL, P->n + 1,
				    sizeof *cj);
			path_prefixes(*out, n, cj);
			k *= 2;
		} else {
			free(cj);
			cj = NULL;
			k *= 4;
		}
		free(*out);
		*out = NULL;
		if (last) {
			n = 0;
			if (p->bud != NULL)
				p->bud->over = 1;
			break;
		}
	}
	free(cj);
	free(lo);
	free(hi);
	return (n);
}

/* Add an empty bead to a profile. */
static struct pbd *
profile_add(struct profile *P)
{
	struct pbd	*b;
	size_t		 v;

	XGROW(P->beads, P->alloc, P->n + 1);
	b = &P->beads[P->n++];
	memset(b, 0, sizeof *b);
	for (v = 0; v < ALIGN_MAXVERS; v++)
		b->first[v] = PBD_NONE;
	b->confidence = 1;
	return (b);
}

/* Versions without sentences in a bead point at their next sentence. */
static void
profile_fix_firsts(struct profile *P, size_t v, size_t nsents)
{
	size_t		 k;
	uint32_t	 next = (uint32_t)nsents;
	struct pbd	*b;

	for (k = P->n; k > 0; k--) {
		b = &P->beads[k - 1];
		if (b->count[v] == 0)
			b->first[v] = next;
		else
			next = b->first[v];
	}
}

/* A profile of one side, a unit per bead. */
void
dp_profile_of_side(struct profile *P, size_t nvers, size_t v,
    const struct side *sd)
{
	struct pbd	*b;
	size_t		 i;

	memset(P, 0, sizeof *P);
	P->nvers = nvers;
	P->side[v] = sd;
	P->alloc = sd->n;
	P->beads = xreallocarray(NULL, sd->n == 0 ? 1 : sd->n,
	    sizeof *P->beads);
	for (i = 0; i < sd->n; i++) {
		b = profile_add(P);
		b->first[v] = (uint32_t)i;
		b->count[v] = 1;
	}
	P->var[v] = ALIGN_VAR;
}

/*
 * The profile's beads as the alignment's (you own them; the profile's are
 * gone). In place: the array grows to the wider beads and each is widened
 * from the last, which only overwrites beads already widened.
 */
struct align_bead *
dp_profile_widen(struct profile *P)
{
	struct align_bead	*ab;
	struct pbd		 b;
	size_t			 k, u;

	ab = xreallocarray(P->beads, P->n == 0 ? 1 : P->n, sizeof *ab);
	P->beads = NULL;
	P->alloc = 0;
	for (k = P->n; k > 0; k--) {
		memcpy(&b, (struct pbd *)(void *)ab + (k - 1), sizeof b);
		for (u = 0; u < ALIGN_MAXVERS; u++) {
			ab[k - 1].first[u] = pbd_first(&b, u);
			ab[k - 1].count[u] = b.count[u];
		}
		ab[k - 1].confidence = b.confidence;
	}
	return (ab);
}

/* Turn a bead's cost into a confidence in [0, 1]. */
double
dp_bead_confidence(double cost, int a, int b)
{
	double	c = exp(-(cost > 1 ? cost - 1 : 0) / 5);

	if (a == 0 || b == 0)
		c *= 0.5;
	else if (a + b > 3)
		c *= 0.8;
	return (c < 0 ? 0 : c > 1 ? 1 : c);
}

/* Merge the beads of a step into a new profile that includes B as v. */
static void
profile_merge(struct profile *P, const struct pbead *pb, size_t npb,
    size_t v, const struct side *B)
{
	struct profile	 N;
	struct pbd	*nb;
	size_t		 k, u, first, n;
	int		 m;

	N = *P;
	N.n = 0;
	N.alloc = npb;		/* a bead each: the exact size */
	N.beads = xreallocarray(NULL, npb == 0 ? 1 : npb, sizeof *N.beads);
	for (k = 0; k < npb; k++) {
		nb = profile_add(&N);
		nb->confidence = dp_bead_confidence(pb[k].cost, pb[k].a,
		    pb[k].b);
		for (u = 0; u < P->nvers; u++) {
			if (P->side[u] == NULL)
				continue;
			n = profile_run(P, u, pb[k].ai, pb[k].a, &first);
			if (n == 0)
				continue;
			nb->first[u] = (uint32_t)first;
			nb->count[u] = (uint32_t)n;
		}
		for (m = 0; m < pb[k].a; m++)
			nb->confidence = PR_MIN(nb->confidence,
			    P->beads[pb[k].ai + (size_t)m].confidence);
		if (pb[k].b > 0) {
			nb->first[v] = (uint32_t)pb[k].bj;
			nb->count[v] = (uint32_t)pb[k].b;
		}
	}
	N.side[v] = B;
	free(P->beads);
	*P = N;
	for (u = 0; u < P->nvers; u++) {
		if (P->side[u] != NULL)
			profile_fix_firsts(P, u, P->side[u]->n);
	}
}

/*
 * The expected B position of each profile prefix (centre[0..P->n]) and the
 * bounds of the block path around it (blo/bhi with a margin of m block
 * beads): pivot sentences of block bead g meet the B sentences of beads
 * g-m..g+m, and inside a bead the centre moves in proportion. Profile beads
 * are placed by their pivot sentence.
 */
static void
band_blocks(const struct profile *P, size_t pivot, const struct vside *pv,
    const struct vside *bv, const struct pbead *bb, size_t nbb, size_t m,
    double *centre, size_t *blo, size_t *bhi)
{
	size_t	*bstart, *bend, *gof, *pstart, *pend, g, i, b, s, gi;
	size_t	 first, last, ps, npa = pv->sent.n, nb = bv->sent.n;

	bstart = xcalloc(nbb + 1, sizeof *bstart);
	bend = xcalloc(nbb + 1, sizeof *bend);
	pstart = xcalloc(nbb + 1, sizeof *pstart);
	pend = xcalloc(nbb + 1, sizeof *pend);
	gof = xcalloc(pv->block.n + 1, sizeof *gof);
	for (g = 0, s = 0, i = 0; g < nbb; g++) {
		for (b = 0; b < (size_t)bb[g].a; b++)
			gof[bb[g].ai + b] = g;
		bstart[g] = s;
		while (s < nb && bv->sblock[s] < bb[g].bj + (size_t)bb[g].b)
			s++;
		bend[g] = s;
		pstart[g] = i;
		while (i < npa && pv->sblock[i] < bb[g].ai + (size_t)bb[g].a)
			i++;
		pend[g] = i;
	}
	for (i = 0; i <= P->n; i++) {
		ps = i < P->n ? pbd_first(&P->beads[i], pivot) : npa;
		if (nbb == 0) {
			blo[i] = 0;
			bhi[i] = nb;
			centre[i] = npa > 0 ? (double)ps * nb / npa : 0;
			continue;
		}
		gi = ps < npa ? gof[pv->sblock[ps]] : nbb - 1;
		first = gi > m ? gi - m : 0;
		last = gi + m < nbb ? gi + m : nbb - 1;
		blo[i] = bstart[first];
		bhi[i] = bend[last];
		if (ps >= npa)
			centre[i] = nb;
		else if (pend[gi] > pstart[gi])
			centre[i] = bstart[gi] + (double)(bend[gi] -
			    bstart[gi]) * (ps - pstart[gi]) /
			    (pend[gi] - pstart[gi]);
		else
			centre[i] = bstart[gi];
	}
	free(bstart);
	free(bend);
	free(pstart);
	free(pend);
	free(gof);
}

/*
 * Make a band of half-width k around centre, inside [blo, bhi]; both
 * bounds never decrease, the corners are in.
 */
static void
band_make(size_t n, size_t nb, const double *centre, const size_t *blo,
    const size_t *bhi, size_t k, size_t *lo, size_t *hi)
{
	size_t	i;
	double	c;

	for (i = 0; i <= n; i++) {
		c = centre[i];
		lo[i] = c > (double)k ? (size_t)(c - (double)k) : 0;
		hi[i] = (size_t)(c + (double)k + 1);
		if (lo[i] < blo[i])
			lo[i] = blo[i];
		if (hi[i] > bhi[i])
			hi[i] = bhi[i];
		if (hi[i] > nb)
			hi[i] = nb;
		if (lo[i] > hi[i])
			lo[i] = hi[i];
	}
	lo[0] = 0;
	hi[n] = nb;
	for (i = 1; i <= n; i++) {
		if (lo[i] < lo[i - 1])
			lo[i] = lo[i - 1];
	}
	for (i = n; i > 0; i--) {
		if (hi[i - 1] > hi[i])
			hi[i - 1] = hi[i];
	}
	for (i = 0; i <= n; i++) {
		if (lo[i] > hi[i])
			lo[i] = hi[i];
	}
}

/* qsort() order of doubles. */
static int
cmp_double(const void *a, const void *b)
{
	double	x = *(const double *)a, y = *(const double *)b;

	return ((x > y) - (x < y));
}

/*
 * The variance per character of the lengths of two versions, from their
 * 1-1 block beads (a robust estimate: the median of the squared residuals
 * over that of a squared normal).
 */
static double
estimate_var(const struct side *A, const struct side *B,
    const struct pbead *pb, size_t n, double ratio)
{
	double	*r, v, la, lb, mean;
	size_t	 i, m = 0;

	r = xreallocarray(NULL, n + 1, sizeof *r);
	for (i = 0; i < n; i++) {
		if (pb[i].a != 1 || pb[i].b != 1)
			continue;
		la = A->f[pb[i].ai].len;
		lb = B->f[pb[i].bj].len;
		mean = (la * ratio + lb) / 2;
		if (mean < 10)
			continue;
		r[m++] = (lb - la * ratio) * (lb - la * ratio) / mean;
	}
	if (m < 8) {
		free(r);
		return (ALIGN_VAR);
	}
	/* Sorted in n log n: a book has a hundred thousand 1-1 beads. */
	qsort(r, m, sizeof *r, cmp_double);
	v = r[m / 2] / 0.455;
	free(r);
	return (v < 2.5 ? 2.5 : v > 40 ? 40 : v);
}

/*
 * Align the blocks (paragraphs) of version v to the pivot's, and estimate
 * the variance of their lengths: the frame of the sentence programme.
 * Depends on the two versions only, so the versions' run in parallel.
 */
void
dp_align_blocks(size_t nvers, size_t pivot, struct vside *vs, size_t v)
{
	struct profile	BP;
	struct params	p;
	double		ratio;

	memset(&p, 0, sizeof p);
	dp_profile_of_side(&BP, nvers, pivot, &vs[pivot].block);
	ratio = vs[pivot].block.total > 0 ? vs[v].block.total /
	    vs[pivot].block.total : 1;
	BP.ratio[pivot] = ratio;
	p.types = block_types;
	p.ntypes = nitems(block_types);
	p.hint_v = DOC_NOPOS;
	p.bud = &vs[v].bud;
	vs[v].nbb = align_diagonal(&BP, &vs[v].block, &p, &vs[v].bb);
	free(BP.beads);
	if (vs[v].bb == NULL)
		vs[v].bb = xcalloc(1, sizeof *vs[v].bb);
	vs[v].var = estimate_var(&vs[pivot].block, &vs[v].block, vs[v].bb,
	    vs[v].nbb, ratio);
}

/*
 * Align version v (side B) to the profile: blocks of the pivot and v
 * first, then sentences in a band that follows the block path. When prev
 * is not NULL (v is being aligned again), the band follows v's previous
 * place instead: prev[i] is the B prefix expected at profile prefix i.
 */
void
dp_align_step(struct profile *P, size_t pivot, struct vside *vs, size_t v,
    const double *prev)
{
	struct params	 p;
	const struct pbead *bb;
	struct pbead	*sb = NULL;
	struct side	*B = &vs[v].sent;
	size_t		 nbb, nsb = 0, *lo, *hi, m, *ga, *gb, g, k, u;
	size_t		*blo, *bhi, kd, big, max, start;
	double		*centre, var;
	int		 edge, last, full;

	/* 1. Blocks of the pivot against blocks of v (once). */
	memset(&p, 0, sizeof p);
	if (vs[v].bb == NULL)
		dp_align_blocks(P->nvers, pivot, vs, v);
	bb = vs[v].bb;
	nbb = vs[v].nbb;
	var = vs[v].var;

	/* The block bead of each pivot and B sentence. */
	ga = xcalloc(vs[pivot].sent.n + 1, sizeof *ga);
	gb = xcalloc(B->n + 1, sizeof *gb);
	{
		size_t	*gofa = xcalloc(vs[pivot].block.n + 1, sizeof *gofa);
		size_t	*gofb = xcalloc(vs[v].block.n + 1, sizeof *gofb);

		for (g = 0; g < nbb; g++) {
			for (k = 0; k < (size_t)bb[g].a; k++)
				gofa[bb[g].ai + k] = g;
			for (k = 0; k < (size_t)bb[g].b; k++)
				gofb[bb[g].bj + k] = g;
		}
		for (k = 0; k < vs[pivot].sent.n; k++)
			ga[k] = gofa[vs[pivot].sblock[k]];
		for (k = 0; k < B->n; k++)
			gb[k] = gofb[vs[v].sblock[k]];
		free(gofa);
		free(gofb);
	}

	/* 2. Sentences. */
	for (u = 0; u < P->nvers; u++) {
		if (P->side[u] == NULL)
			continue;
		P->ratio[u] = P->side[u]->total > 0 ? B->total /
		    P->side[u]->total : 1;
		P->var[u] = var;
	}
	p.types = dp_sent_types;
	p.ntypes = nitems(dp_sent_types);
	p.boundary = 2.0;
	p.hint_v = pivot;
	p.hint_a = ga;
	p.hint_b = gb;
	p.bud = &vs[v].bud;
	max = band_max(p.bud, P->n, B->n);
	start = p.bud->cells;
	lo = xreallocarray(NULL, P->n + 1, sizeof *lo);
	hi = xreallocarray(NULL, P->n + 1, sizeof *hi);
	blo = xreallocarray(NULL, P->n + 1, sizeof *blo);
	bhi = xreallocarray(NULL, P->n + 1, sizeof *bhi);
	centre = xreallocarray(NULL, P->n + 1, sizeof *centre);
	big = PR_MAX(P->n, B->n) + 1;
	/*
	 * The band: around the expected place, inside the block path; both
	 * widen while the best path touches the band's edge.
	 */
	for (m = 1, kd = prev != NULL ? 2 : 8;; m *= 2, kd *= 4) {
		band_blocks(P, pivot, &vs[pivot], &vs[v], bb, nbb, m,
		    centre, blo, bhi);
		if (prev != NULL) {
			for (k = 0; k <= P->n; k++) {
				centre[k] = prev[k];
				blo[k] = 0;
				bhi[k] = B->n;
			}
		}
		band_make(P->n, B->n, centre, blo, bhi, kd, lo, hi);
		/*
		 * The last try: full, or the next one would be too big, or
		 * the pass has filled its budget's worth already.
		 */
		full = m > nbb && kd >= big;
		last = full || band_cells(lo, hi, P->n) > max / 4 ||
		    vs[v].bud.cells - start >= max;
		if (last && band_fit(lo, hi, P->n, B->n, max))
			full = 0;
		nsb = dp_run(P, B, lo, hi, &p, &sb, &edge);
		if (nsb != (size_t)-1 && (!edge || last)) {
			/* Stopped short of the path: over budget. */
			if (edge && !full)
				vs[v].bud.over = 1;
			break;
		}
		free(sb);
		sb = NULL;
		if (last) {
			/* Nothing fits: a plain diagonal band. */
			p.hint_a = p.hint_b = NULL;
			nsb = align_diagonal(P, B, &p, &sb);
			break;
		}
	}
	profile_merge(P, sb, nsb, v, B);
	free(sb);
	free(lo);
	free(hi);
	free(blo);
	free(bhi);
	free(centre);
	free(ga);
	free(gb);
}

/*
 * Take version v out of the profile and return, for each prefix of the
 * profile that remains, the B prefix v had there (you own it).
 */
double *
dp_profile_take_out(struct profile *P, size_t v)
{
	double	*prev;
	size_t	 k, n = 0, u, at = 0;
	int	 empty;

	prev = xreallocarray(NULL, P->n + 1, sizeof *prev);
	for (k = 0; k < P->n; k++) {
		size_t	here = at;

		if (P->beads[k].count[v] != 0)
			at = P->beads[k].first[v] + P->beads[k].count[v];
		P->beads[k].count[v] = 0;
		P->beads[k].first[v] = PBD_NONE;
		empty = 1;
		for (u = 0; u < P->nvers; u++) {
			if (P->beads[k].count[u] != 0)
				empty = 0;
		}
		if (empty)
			continue;
		prev[n] = (double)here;
		P->beads[n++] = P->beads[k];
	}
	prev[n] = (double)at;
	P->n = n;
	P->side[v] = NULL;
	return (prev);
}
