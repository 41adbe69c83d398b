/*
 * Alignment of the versions of an article.
 *
 * The versions are aligned one after another into a growing profile: the
 * pivot (the first version, or --pivot) first, then each other version
 * against the beads found so far, so that every version already aligned
 * witnesses for the next one (a sentence one translator dropped is still
 * in the others). Each step is a dynamic programme over bead types in the
 * manner of Gale and Church, in two passes:
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
 *
 * Quotations are linked inside each bead: pivot quotations to each
 * version's by an order-preserving programme over their relative
 * position, length and anchors; then the quotations left over in the
 * other versions are linked among themselves the same way.
 */
#include "config.h"

#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <unicode/utf8.h>

#include "align.h"
#include "parallel.h"

/* What the programme knows of one unit (a sentence or a block). */
struct feat {
	int32_t		 len;		/* characters, spaces excluded */
	int32_t		 nquotes;	/* quotations opening in it */
	uint32_t	 koff;		/* its anchor keys: keys[koff..koff+nk) */
	uint8_t		 nk;		/* at most 64 */
	uint8_t		 heading;	/* a heading (or the title) */
	uint8_t		 quest;		/* ends with a question mark */
	uint8_t		 excl;		/* ends with an exclamation mark */
	uint8_t		 parstart;	/* first unit of a paragraph */
};

/* One version as a sequence of units. */
struct side {
	struct feat	*f;
	size_t		 n;
	uint32_t	*keys;		/* anchor keys, sorted per unit */
	size_t		 nkeys, akeys;
	double		 total;		/* sum of lengths */
	/*
	 * The keys of units i..i+1 (view[0][i]) and i..i+2 (view[1][i])
	 * merged once (side_views()), so that the programme, which asks for
	 * them in every cell of the band, does not merge them each time.
	 * NULL: merged on demand.
	 */
	struct kview	*view[2];
	uint32_t	*vkeys;
	size_t		 nvkeys, avkeys;
};

struct kview {
	uint32_t	 off;		/* in vkeys (side_views() checks) */
	uint32_t	 n;
};

/*
 * A bead of the profile: struct align_bead with 32-bit positions. A step
 * holds two profiles while it merges; align_create() widens the last one
 * into the alignment's beads (profile_widen()).
 */
struct pbd {
	uint32_t	first[ALIGN_MAXVERS];	/* PBD_NONE: none */
	uint32_t	count[ALIGN_MAXVERS];
	double		confidence;
};
#define PBD_NONE	UINT32_MAX

/* The first unit of version u in profile bead b, or DOC_NOPOS. */
static inline size_t
pbd_first(const struct pbd *b, size_t u)
{
	return (b->first[u] == PBD_NONE ? DOC_NOPOS : b->first[u]);
}

/*
 * The profile: the beads aligned so far, over the versions included. The
 * next version (side B) is aligned to it.
 */
struct profile {
	size_t			 nvers;
	const struct side	*side[ALIGN_MAXVERS];	/* NULL: not yet */
	struct pbd		*beads;
	size_t			 n, alloc;
	double			 ratio[ALIGN_MAXVERS];	/* B length per u's */
	double			 var[ALIGN_MAXVERS];	/* variance per char */
};

/* A bead of a step: a profile units from ai, b units of B from bj. */
struct pbead {
	size_t	ai, bj;
	int	a, b;
	double	cost;
};

struct btype {
	int	a, b;
	double	prior;		/* -log probability */
};

/*
 * Sentence beads. The gold standards the priors were checked on are
 * mostly 1-1; real translations merge and split more, which the block
 * pass and the length costs carry.
 */
static const struct btype sent_types[] = {
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
};

/*
 * Default variance per character: news translations measure about 2 with
 * normal tails; with the linear tails of tail_cost() a softer 3.5 works
 * better.
 */
#define ALIGN_VAR	3.5

/*
 * The most cells a banded programme fills for na x nb units: a band that
 * would grow past it stops growing and the best path inside is taken.
 * Normal articles never come near it; it keeps hostile pairs (10 MB of
 * one sentence repeated, with different sentence counts) linear in time
 * and memory instead of filling the whole na x nb matrix.
 */
#define ALIGN_MAXCELLS(na, nb)	((size_t)4 * 1024 * 1024 + \
				    (size_t)64 * ((na) + (nb)))

/* Key tags in the top bits. */
#define KEY_NUMBER	0x10000000u
#define KEY_NAME	0x20000000u
#define KEY_MASK	0x0fffffffu

/* FNV-1a of a string, folded to 28 bits. */
static uint32_t
key_hash(const char *s, uint32_t tag)
{
	uint32_t	h = 2166136261u;

	for (; *s != '\0'; s++) {
		h ^= (unsigned char)*s;
		h *= 16777619u;
	}
	return (tag | ((h ^ (h >> 28)) & KEY_MASK));
}

/*
 * A spelling-free skeleton of a transliterated name, so that the spellings
 * of one name in two scripts meet: Putin/Putin, Volkov/Volkov, Khalvorsen/
 * Halvorsen, Zinov'yev/Zinoviev all give the same skeleton. Vowels after the
 * first letter go, kh becomes h, similar consonants merge and doubled
 * letters collapse. Returns the number of consonants kept.
 */
static int
name_skeleton(const char *key, char *out, size_t outsz)
{
	size_t	i, n = 0;
	int	cons = 0;
	char	c, prev = 0;

	for (i = 0; key[i] != '\0' && n + 1 < outsz; i++) {
		c = key[i];
		if (c < 'a' || c > 'z')
			continue;
		if (c == 'k' && key[i + 1] == 'h') {
			c = 'h';
			i++;
		} else if ((c == 't' || c == 'd') && key[i + 1] == 's') {
			c = 's';
			i++;
		}
		switch (c) {
		case 'c': case 'q': case 'g':
			c = 'k';
			break;
		case 'w': case 'f':
			c = 'v';
			break;
		case 'z':
			c = 's';
			break;
		case 'j': case 'y':
			c = 'i';
			break;
		case 'x':
			c = 'k';
			break;
		case 'p':
			c = 'b';
			break;
		case 't':
			c = 'd';
			break;
		}
		if (n > 0 && strchr("aeiou", c) != NULL)
			continue;
		if (c == prev)
			continue;
		out[n++] = c;
		prev = c;
		if (strchr("aeiou", c) == NULL)
			cons++;
	}
	out[n] = '\0';
	return (cons);
}

/* Sort a few keys (insertion sort: they are few). */
static void
keys_sort(uint32_t *k, size_t n)
{
	size_t		i, j;
	uint32_t	v;

	for (i = 1; i < n; i++) {
		v = k[i];
		for (j = i; j > 0 && k[j - 1] > v; j--)
			k[j] = k[j - 1];
		k[j] = v;
	}
}

/* Is c one of the characters that open or close a quotation? */
static int
is_quote_char(UChar32 c)
{
	return (c == '"' || c == 0xab || c == 0xbb || c == 0x201c ||
	    c == 0x201d || c == 0x201e || c == 0x2039 || c == 0x203a ||
	    c == 0x2019 || c == 0x2018 || c == ')' || c == 0xa0 ||
	    c == 0x202f || c == ' ');
}

/* The features of the text s of a unit. */
static void
feat_text(struct side *sd, struct feat *f, const char *s, size_t len,
    const char *lang)
{
	struct text_anchor	*an = NULL;
	size_t			 i, na;
	int32_t			 k;
	UChar32			 c;
	char			 skel[32];

	f->len = 0;
	for (i = 0; i < len; i++) {
		unsigned char	b = (unsigned char)s[i];

		if ((b & 0xc0) != 0x80 && b != ' ')
			f->len++;
	}
	/* The last character that is not a quote mark or a space. */
	k = (int32_t)len;
	f->quest = f->excl = 0;
	while (k > 0) {
		U8_PREV(s, 0, k, c);
		if (is_quote_char(c))
			continue;
		f->quest = c == '?' || c == 0xbf;
		f->excl = c == '!';
		break;
	}
	na = text_anchors(s, len, lang, &an);
	/* Never NULL, so that keys + koff is defined even without keys. */
	XGROW(sd->keys, sd->akeys, sd->nkeys + 1);
	f->koff = (uint32_t)sd->nkeys;
	f->nk = 0;
	/* Offsets are 32 bits: past 4G keys, units have none. */
	if (sd->nkeys > UINT32_MAX - 64)
		na = 0;
	for (i = 0; i < na && f->nk < 64; i++) {
		uint32_t	key;

		if (an[i].kind == ANCHOR_NUMBER)
			key = key_hash(an[i].key, KEY_NUMBER);
		else {
			if (name_skeleton(an[i].key, skel, sizeof skel) < 2)
				continue;
			key = key_hash(skel, KEY_NAME);
		}
		XGROW(sd->keys, sd->akeys, sd->nkeys + 1);
		sd->keys[sd->nkeys++] = key;
		f->nk++;
	}
	keys_sort(sd->keys + f->koff, (size_t)f->nk);
	free(an);
}

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
static void
side_views(struct side *sd)
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
		cost += 0.4 * PR_MIN(abs(qa - qb), 3);
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
	return (-2.0 * match + 0.6 * (PR_MIN(miss_a, 3) + PR_MIN(miss_b, 3)) +
	    0.3 * (PR_MIN(nmiss_a, 3) + PR_MIN(nmiss_b, 3)));
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
	size_t		 i, j, k, *off, total = 0, n = 0, pi, pj, w;
	float		*cost;
	uint8_t		*type;
	size_t		 t, na = P->n, nb = B->n;
	struct pbead	*beads;
	struct params	 q;
	double		 best, c, *del_a, *del_b;
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
	p = &q;
	off = xreallocarray(NULL, na + 2, sizeof *off);
	for (i = 0; i <= na; i++) {
		off[i] = total;
		total += hi[i] - lo[i] + 1;
	}
	cost = xreallocarray(NULL, total, sizeof *cost);
	type = xreallocarray(NULL, total, sizeof *type);
	for (i = 0; i <= na; i++) {
		for (j = lo[i]; j <= hi[i]; j++) {
			w = off[i] + (j - lo[i]);
			if (i == 0 && j == 0) {
				cost[w] = 0;
				type[w] = 0xff;
				continue;
			}
			best = INFINITY;
			bt = -1;
			for (t = 0; t < p->ntypes; t++) {
				const struct btype	*ty = &p->types[t];

				if ((size_t)ty->a > i || (size_t)ty->b > j)
					continue;
				pi = i - (size_t)ty->a;
				pj = j - (size_t)ty->b;
				if (pj < lo[pi] || pj > hi[pi])
					continue;
				c = cost[off[pi] + (pj - lo[pi])];
				if (!isfinite(c))
					continue;
				/*
				 * A bead's cost is at least its prior less
				 * what B's keys could take off (2 each, see
				 * pair_anchors()): past the best so far, the
				 * bead cannot win. Most 2-2 and 3-1 beads go
				 * here without their costs counted.
				 */
				if (ty->a > 0 && ty->b > 0) {
					int	kb = 0, u;

					for (u = 0; u < ty->b; u++)
						kb += B->f[pj + (size_t)u].nk;
					if (c + ty->prior - 2.0 * kb > best +
					    1e-9)
						continue;
				}
				c += bead_cost(P, pi, ty->a, B, pj, ty->b, p,
				    ty->prior, best - c);
				if (c < best) {
					best = c;
					bt = (int)t;
				}
			}
			cost[w] = (float)best;
			type[w] = bt < 0 ? 0xfe : (uint8_t)bt;
		}
	}
	if (nb < lo[na] || nb > hi[na] ||
	    !isfinite(cost[off[na] + (nb - lo[na])])) {
		free(off);
		free(cost);
		free(type);
		free(del_a);
		free(del_b);
		*out = NULL;
		return ((size_t)-1);
	}
	/* Walk back: once to count the beads, once to fill them in. */
	for (i = na, j = nb; i > 0 || j > 0; i = pi, j = pj) {
		w = off[i] + (j - lo[i]);
		if ((j == lo[i] && lo[i] != 0) || (j == hi[i] && hi[i] != nb))
			*edge = 1;
		pi = i - (size_t)p->types[type[w]].a;
		pj = j - (size_t)p->types[type[w]].b;
		n++;
	}
	beads = xreallocarray(NULL, n == 0 ? 1 : n, sizeof *beads);
	for (i = na, j = nb, k = n; i > 0 || j > 0; i = pi, j = pj) {
		const struct btype	*ty;

		w = off[i] + (j - lo[i]);
		ty = &p->types[type[w]];
		pi = i - (size_t)ty->a;
		pj = j - (size_t)ty->b;
		k--;
		beads[k].ai = pi;
		beads[k].bj = pj;
		beads[k].a = ty->a;
		beads[k].b = ty->b;
		beads[k].cost = cost[w] - cost[off[pi] + (pj - lo[pi])] -
		    ty->prior;
	}
	free(off);
	free(cost);
	free(type);
	free(del_a);
	free(del_b);
	*out = beads;
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
	size_t	*lo, *hi, *cj = NULL, k = 12, n, i, g, big = PR_MAX(P->n, B->n);
	int	 edge, last;

	lo = xreallocarray(NULL, P->n + 1, sizeof *lo);
	hi = xreallocarray(NULL, P->n + 1, sizeof *hi);
	for (;;) {
		if (k >= big)
			k = big;
		if (cj == NULL)
			band_diagonal(P, B, k, lo, hi);
		else {
			/*
			 * Widen the band where the last path ran near its
			 * edge, on that side, to the new margin; elsewhere
			 * the path had room and the band stays.
			 */
			for (i = 0; i <= P->n; i++) {
				if (cj[i] < lo[i] + k / 2)
					lo[i] = cj[i] > k ? cj[i] - k : 0;
				if (cj[i] + k / 2 > hi[i])
					hi[i] = cj[i] + k < B->n ? cj[i] + k :
					    B->n;
			}
			for (i = P->n; i > 0; i--) {
				if (lo[i - 1] > lo[i])
					lo[i - 1] = lo[i];
			}
			for (i = 1; i <= P->n; i++) {
				if (hi[i] < hi[i - 1])
					hi[i] = hi[i - 1];
			}
		}
		/* The last try: full, or the next one would be too big. */
		last = k >= big || band_cells(lo, hi, P->n) >
		    ALIGN_MAXCELLS(P->n, B->n) / 4;
		if (last) {
			/* Rows that overlap: a path of 1-0 and 0-1 fits. */
			for (i = 1; i <= P->n; i++) {
				if (lo[i] > hi[i - 1])
					lo[i] = hi[i - 1];
			}
		}
		n = dp_run(P, B, lo, hi, p, out, &edge);
		if (n != (size_t)-1 && (!edge || last))
			break;
		if (n != (size_t)-1) {
			/* The B prefix of the path at each profile prefix. */
			if (cj == NULL)
				cj = xreallocarray(NULL, P->n + 1,
				    sizeof *cj);
			cj[0] = 0;
			for (g = 0; g < n; g++) {
				for (i = 1; i <= (size_t)(*out)[g].a; i++)
					cj[(*out)[g].ai + i] = (*out)[g].bj +
					    (*out)[g].b;
			}
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
			break;
		}
	}
	free(cj);
	free(lo);
	free(hi);
	return (n);
}

static void
side_release(struct side *s)
{
	free(s->f);
	free(s->keys);
	free(s->view[0]);
	free(s->view[1]);
	free(s->vkeys);
	memset(s, 0, sizeof *s);
}

/* Free what a side holds but its number of units and their total. */
static void
side_thin(struct side *s)
{
	size_t	n = s->n;
	double	total = s->total;

	side_release(s);
	s->n = n;
	s->total = total;
}

/*
 * The sentence side of version v, the block side made of it (a block is
 * the sum of its sentences) and the block of each sentence.
 */
static void
side_build(const struct alignment *al, size_t v, struct side *ss,
    struct side *bs, size_t **sblock)
{
	const struct doc	*d = al->docs[v];
	const char		*lang = d->lang;
	size_t			 s, q, nb = 0, prevblock = DOC_NOPOS;
	struct feat		*f;
	size_t			 lo, hi, mid;

	memset(ss, 0, sizeof *ss);
	memset(bs, 0, sizeof *bs);
	ss->n = al->nsents[v];
	ss->f = xcalloc(ss->n + 1, sizeof *ss->f);
	*sblock = xcalloc(ss->n + 1, sizeof **sblock);
	for (s = 0; s < ss->n; s++) {
		const struct text_sentence	*t = &al->sents[v][s];
		const struct doc_block		*b = &d->blocks[t->block];

		f = &ss->f[s];
		feat_text(ss, f, b->text + t->start, t->end - t->start, lang);
		f->heading = b->kind == BLOCK_HEADING;
		if (d->presegmented)
			f->parstart = s == 0 || !b->cont;
		else
			f->parstart = t->block != prevblock;
		if (f->parstart)
			nb++;
		(*sblock)[s] = nb - 1;
		prevblock = t->block;
		ss->total += f->len;
	}
	/* Quotations opening in each sentence. */
	for (q = 0; q < al->nquotes[v] && ss->n > 0; q++) {
		struct doc_pos	op = al->quotes[v][q].open;

		lo = 0;
		hi = ss->n;
		while (lo + 1 < hi) {
			mid = (lo + hi) / 2;
			if (al->sents[v][mid].block < op.block ||
			    (al->sents[v][mid].block == op.block &&
			    al->sents[v][mid].start <= op.off))
				lo = mid;
			else
				hi = mid;
		}
		ss->f[lo].nquotes++;
	}
	/* Blocks (paragraphs) as sums of their sentences. */
	bs->n = nb;
	bs->f = xcalloc(nb + 1, sizeof *bs->f);
	XGROW(bs->keys, bs->akeys, 1);	/* never NULL: see feat_text() */
	for (s = 0; s < ss->n; s++) {
		struct feat	*bf = &bs->f[(*sblock)[s]];
		int		 k;

		f = &ss->f[s];
		if (f->parstart) {
			bf->koff = (uint32_t)bs->nkeys;
			bf->parstart = 1;
			bf->heading = f->heading;
		}
		bf->len += f->len;
		bf->nquotes += f->nquotes;
		bf->quest = f->quest;
		bf->excl = f->excl;
		for (k = 0; k < f->nk && bf->nk < 16; k++) {
			XGROW(bs->keys, bs->akeys, bs->nkeys + 1);
			bs->keys[bs->nkeys++] = ss->keys[f->koff + (size_t)k];
			bf->nk++;
		}
		bs->total += f->len;
	}
	for (s = 0; s < nb; s++)
		keys_sort(bs->keys + bs->f[s].koff, (size_t)bs->f[s].nk);
	XSHRINK(ss->keys, ss->akeys, ss->nkeys);
	XSHRINK(bs->keys, bs->akeys, bs->nkeys);
	side_views(bs);		/* the sentence side's: see prep_loop() */
}

/* The warm-up thread of align_warm(). */
static pthread_t	warm_thread;
static int		warm_running;
static pthread_mutex_t	warm_lock = PTHREAD_MUTEX_INITIALIZER;

static void *
warm_main(void *arg)
{
	(void)arg;
	pthread_once(&tail_once, tail_init);
	text_anchors_warm();
	return (NULL);
}

/* Wait for the warm-up thread, if it runs (before exit: ICU's data). */
static void
warm_join(void)
{
	pthread_mutex_lock(&warm_lock);
	if (warm_running == 1) {
		pthread_join(warm_thread, NULL);
		warm_running = 2;
	}
	pthread_mutex_unlock(&warm_lock);
}

void
align_warm(void)
{
	pthread_mutex_lock(&warm_lock);
	if (warm_running == 0) {
		if (pthread_create(&warm_thread, NULL, warm_main, NULL) == 0) {
			warm_running = 1;
			atexit(warm_join);
		} else
			warm_running = 2;	/* then on first use */
	}
	pthread_mutex_unlock(&warm_lock);
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
static void
profile_of_side(struct profile *P, size_t nvers, size_t v,
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
static struct align_bead *
profile_widen(struct profile *P)
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
static double
bead_confidence(double cost, int a, int b)
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
		nb->confidence = bead_confidence(pb[k].cost, pb[k].a,
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

/* What the alignment of the versions needs of each. */
struct vside {
	struct side	 sent;
	struct side	 block;
	size_t		*sblock;	/* sentence -> block */
	struct pbead	*bb;		/* its blocks aligned to the pivot's */
	size_t		 nbb;
	double		 var;		/* variance per char with the pivot */
};

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
	size_t	 i, m = 0, k;

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
	for (i = 1; i < m; i++) {
		double	x = r[i];

		for (k = i; k > 0 && r[k - 1] > x; k--)
			r[k] = r[k - 1];
		r[k] = x;
	}
	v = r[m / 2] / 0.455;
	free(r);
	return (v < 2.5 ? 2.5 : v > 40 ? 40 : v);
}


/*
 * Align the blocks (paragraphs) of version v to the pivot's, and estimate
 * the variance of their lengths: the frame of the sentence programme.
 * Depends on the two versions only, so the versions' run in parallel.
 */
static void
align_blocks(size_t nvers, size_t pivot, struct vside *vs, size_t v)
{
	struct profile	BP;
	struct params	p;
	double		ratio;

	memset(&p, 0, sizeof p);
	profile_of_side(&BP, nvers, pivot, &vs[pivot].block);
	ratio = vs[pivot].block.total > 0 ? vs[v].block.total /
	    vs[pivot].block.total : 1;
	BP.ratio[pivot] = ratio;
	p.types = block_types;
	p.ntypes = nitems(block_types);
	p.hint_v = DOC_NOPOS;
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
static void
align_step(struct profile *P, size_t pivot, struct vside *vs, size_t v,
    const double *prev)
{
	struct params	 p;
	const struct pbead *bb;
	struct pbead	*sb = NULL;
	struct side	*B = &vs[v].sent;
	size_t		 nbb, nsb = 0, *lo, *hi, m, *ga, *gb, g, k, u;
	size_t		*blo, *bhi, kd, big;
	double		*centre, var;
	int		 edge, last;

	/* 1. Blocks of the pivot against blocks of v (once). */
	memset(&p, 0, sizeof p);
	if (vs[v].bb == NULL)
		align_blocks(P->nvers, pivot, vs, v);
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
	p.types = sent_types;
	p.ntypes = nitems(sent_types);
	p.boundary = 2.0;
	p.hint_v = pivot;
	p.hint_a = ga;
	p.hint_b = gb;
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
		/* The last try: full, or the next one would be too big. */
		last = (m > nbb && kd >= big) || band_cells(lo, hi, P->n) >
		    ALIGN_MAXCELLS(P->n, B->n) / 4;
		nsb = dp_run(P, B, lo, hi, &p, &sb, &edge);
		if (nsb != (size_t)-1 && (!edge || last))
			break;
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
static double *
profile_take_out(struct profile *P, size_t v)
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

/*
 * Link two lists of quotations in order (an edit-distance programme where
 * a link costs quote_cost and leaving one out costs skip). link[i] receives
 * the index in b linked to a[i], or DOC_NOPOS.
 */
static void
quote_match(const struct qfeat *a, size_t na, const struct qfeat *b,
    size_t nb, double ratio, size_t *link)
{
	double	*D, skip = 1.6, c;
	uint8_t	*T;
	size_t	 i, j, w = nb + 1;

	for (i = 0; i < na; i++)
		link[i] = DOC_NOPOS;
	if (na == 0 || nb == 0)
		return;
	if (na == nb && na > 0) {
		/* The same number: in order, unless clearly wrong. */
		for (i = 0; i < na; i++) {
			if (quote_cost(&a[i], &b[i], ratio) > 2 * skip)
				break;
		}
		if (i == na) {
			for (i = 0; i < na; i++)
				link[i] = i;
			return;
		}
	}
	if (na + 1 > QUOTE_MAXCELLS / w) {
		/*
		 * Too many for the programme (only hostile text has them):
		 * in order, each to the nearest by position that is left.
		 */
		for (i = 0, j = 0; i < na && j < nb; i++) {
			while (j + 1 < nb && fabs(b[j + 1].pos - a[i].pos) <=
			    fabs(b[j].pos - a[i].pos))
				j++;
			if (quote_cost(&a[i], &b[j], ratio) < 2 * skip)
				link[i] = j++;
		}
		return;
	}
	D = xreallocarray(NULL, (na + 1) * w, sizeof *D);
	T = xreallocarray(NULL, (na + 1) * w, sizeof *T);
	for (i = 0; i <= na; i++) {
		for (j = 0; j <= nb; j++) {
			double	best = INFINITY;
			uint8_t	t = 0;

			if (i == 0 && j == 0) {
				D[0] = 0;
				T[0] = 0;
				continue;
			}
			if (i > 0 && j > 0) {
				c = D[(i - 1) * w + j - 1] +
				    quote_cost(&a[i - 1], &b[j - 1], ratio);
				if (c < best) {
					best = c;
					t = 1;
				}
			}
			if (i > 0 && D[(i - 1) * w + j] + skip < best) {
				best = D[(i - 1) * w + j] + skip;
				t = 2;
			}
			if (j > 0 && D[i * w + j - 1] + skip < best) {
				best = D[i * w + j - 1] + skip;
				t = 3;
			}
			D[i * w + j] = best;
			T[i * w + j] = t;
		}
	}
	i = na;
	j = nb;
	while (i > 0 || j > 0) {
		switch (T[i * w + j]) {
		case 1:
			if (quote_cost(&a[i - 1], &b[j - 1], ratio) < 2 * skip)
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

/* Link the quotations inside every bead. */
static void
link_quotes(struct alignment *al)
{
	struct qfeat		*qf[ALIGN_MAXVERS] = { NULL };
	size_t			 nq[ALIGN_MAXVERS], aq[ALIGN_MAXVERS];
	size_t			 cursor[ALIGN_MAXVERS], *link, *used[ALIGN_MAXVERS];
	size_t			 bi, v, w, i, k, alloc = 0, p = al->pivot;
	double			 ratio[ALIGN_MAXVERS];
	double			 len[ALIGN_MAXVERS];
	struct align_qlink	*l;

	memset(aq, 0, sizeof aq);
	memset(cursor, 0, sizeof cursor);
	for (v = 0; v < al->nvers; v++) {
		len[v] = 0;
		for (k = 0; k < al->nsents[v]; k++)
			len[v] += al->sents[v][k].end - al->sents[v][k].start;
	}
	for (v = 0; v < al->nvers; v++)
		ratio[v] = len[p] > 0 ? len[v] / len[p] : 1;
	link = xcalloc(64, sizeof *link);
	for (v = 0; v < al->nvers; v++)
		used[v] = NULL;
	for (bi = 0; bi < al->nbeads; bi++) {
		const struct align_bead	*b = &al->beads[bi];
		size_t			 maxq = 0;

		for (v = 0; v < al->nvers; v++) {
			nq[v] = quote_feats(al, v, b, &cursor[v], &qf[v],
			    &aq[v]);
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
		/* The pivot's quotations, each with its counterparts. */
		{
			size_t	first = al->nqlinks;

			for (i = 0; i < nq[p]; i++) {
				l = qlink_new(al, &alloc);
				l->quote[p] = qf[p][i].q;
			}
			for (v = 0; v < al->nvers; v++) {
				if (v == p)
					continue;
				quote_match(qf[p], nq[p], qf[v], nq[v],
				    ratio[v], link);
				for (i = 0; i < nq[p]; i++) {
					if (link[i] == DOC_NOPOS)
						continue;
					al->qlinks[first + i].quote[v] =
					    qf[v][link[i]].q;
					used[v][link[i]] = 1;
				}
			}
		}
		/* What is left in the other versions, among themselves. */
		for (v = 0; v < al->nvers; v++) {
			struct qfeat	*rest_v;
			size_t		 nrv = 0, *idx_v;

			if (v == p)
				continue;
			rest_v = xreallocarray(NULL, nq[v] + 1, sizeof *rest_v);
			idx_v = xreallocarray(NULL, nq[v] + 1, sizeof *idx_v);
			for (i = 0; i < nq[v]; i++) {
				if (!used[v][i]) {
					idx_v[nrv] = i;
					rest_v[nrv++] = qf[v][i];
				}
			}
			for (i = 0; i < nrv; i++) {
				l = qlink_new(al, &alloc);
				l->quote[v] = rest_v[i].q;
				used[v][idx_v[i]] = 1;
				for (w = v + 1; w < al->nvers; w++) {
					struct qfeat	*rest_w;
					size_t		 nrw = 0, j, *idx_w;
					size_t		*lk;

					if (w == p)
						continue;
					rest_w = xreallocarray(NULL, nq[w] + 1,
					    sizeof *rest_w);
					idx_w = xreallocarray(NULL, nq[w] + 1,
					    sizeof *idx_w);
					for (j = 0; j < nq[w]; j++) {
						if (!used[w][j]) {
							idx_w[nrw] = j;
							rest_w[nrw++] =
							    qf[w][j];
						}
					}
					lk = xreallocarray(NULL, nrv + 1,
					    sizeof *lk);
					quote_match(rest_v, nrv, rest_w, nrw,
					    len[v] > 0 ? len[w] / len[v] : 1,
					    lk);
					if (lk[i] != DOC_NOPOS) {
						l->quote[w] = rest_w[lk[i]].q;
						used[w][idx_w[lk[i]]] = 1;
					}
					free(lk);
					free(rest_w);
					free(idx_w);
				}
			}
			free(rest_v);
			free(idx_v);
		}
	}
	for (v = 0; v < al->nvers; v++) {
		free(qf[v]);
		free(used[v]);
	}
	free(link);
}

/* Characters of s (code points that are not spaces). */
static size_t
char_count(const char *s, size_t len)
{
	size_t	i, n = 0;

	for (i = 0; i < len; i++) {
		if (((unsigned char)s[i] & 0xc0) != 0x80 && s[i] != ' ')
			n++;
	}
	return (n);
}

/* The number keys of s, sorted; returns their number (at most max). */
static size_t
number_keys(const char *s, size_t len, const char *lang, uint32_t *keys,
    size_t max)
{
	struct text_anchor	*an;
	size_t			 i, na, n = 0;

	na = text_anchors(s, len, lang, &an);
	for (i = 0; i < na && n < max; i++) {
		if (an[i].kind == ANCHOR_NUMBER)
			keys[n++] = key_hash(an[i].key, KEY_NUMBER);
	}
	free(an);
	keys_sort(keys, n);
	return (n);
}

/* Does a key of a (sorted) appear in b (sorted)? */
static int
keys_meet(const uint32_t *a, size_t na, const uint32_t *b, size_t nb)
{
	size_t	x = 0, y = 0;

	while (x < na && y < nb) {
		if (a[x] == b[y])
			return (1);
		if (a[x] < b[y])
			x++;
		else
			y++;
	}
	return (0);
}

/*
 * Where to cut sentence t of version w so that its two parts match the two
 * sentences the reference versions have in the bead: at a clause boundary
 * (after , ; : or before a dash) whose share of the sentence is nearest the
 * references' share, with no number on the wrong side. Returns the byte
 * offset of the cut in the block (the second part starts after the
 * spaces), or 0.
 */
static size_t
clause_cut(const struct alignment *al, size_t w, size_t t,
    const struct align_bead *bd)
{
	const struct text_sentence	*ts = &al->sents[w][t];
	const struct doc		*d = al->docs[w];
	const char			*txt = d->blocks[ts->block].text;
	uint32_t			 n1[16], n2[16], r1[64], r2[64], k[16];
	size_t				 nr1 = 0, nr2 = 0, v, i, best = 0, total;
	size_t				 len = ts->end - ts->start, nn;
	double				 share = 0, bestd = 1, dd;
	int				 nref = 0;

	for (v = 0; v < al->nvers; v++) {
		const struct text_sentence	*a, *b;
		const char			*bt;
		double				 la, lb;

		if (bd->count[v] != 2)
			continue;
		a = &al->sents[v][bd->first[v]];
		b = &al->sents[v][bd->first[v] + 1];
		bt = al->docs[v]->blocks[a->block].text;
		la = (double)char_count(bt + a->start, a->end - a->start);
		bt = al->docs[v]->blocks[b->block].text;
		lb = (double)char_count(bt + b->start, b->end - b->start);
		if (la + lb <= 0)
			continue;
		share += la / (la + lb);
		nref++;
		nn = number_keys(al->docs[v]->blocks[a->block].text + a->start,
		    a->end - a->start, al->docs[v]->lang, k, nitems(k));
		for (i = 0; i < nn && nr1 < nitems(r1); i++)
			r1[nr1++] = k[i];
		nn = number_keys(al->docs[v]->blocks[b->block].text + b->start,
		    b->end - b->start, al->docs[v]->lang, k, nitems(k));
		for (i = 0; i < nn && nr2 < nitems(r2); i++)
			r2[nr2++] = k[i];
	}
	if (nref == 0)
		return (0);
	share /= nref;
	keys_sort(r1, nr1);
	keys_sort(r2, nr2);
	total = char_count(txt + ts->start, len);
	if (total < 20)
		return (0);
	for (i = ts->start + 1; i + 1 < ts->end; i++) {
		size_t	cut;

		if ((txt[i] == ',' || txt[i] == ';' || txt[i] == ':') &&
		    txt[i + 1] == ' ')
			cut = i + 1;
		else if (txt[i] == ' ' && (strncmp(txt + i + 1, "\xe2\x80\x94",
		    3) == 0 || strncmp(txt + i + 1, "\xe2\x80\x93", 3) == 0 ||
		    (txt[i + 1] == '-' && txt[i + 2] == ' ')))
			cut = i;
		else
			continue;
		dd = fabs((double)char_count(txt + ts->start, cut - ts->start) /
		    (double)total - share);
		if (dd >= bestd)
			continue;
		/* Numbers must fall on the side that has them. */
		nn = number_keys(txt + ts->start, cut - ts->start, d->lang, n1,
		    nitems(n1));
		if (keys_meet(n1, nn, r2, nr2) && !keys_meet(n1, nn, r1, nr1))
			continue;
		nn = number_keys(txt + cut, ts->end - cut, d->lang, n2,
		    nitems(n2));
		if (keys_meet(n2, nn, r1, nr1) && !keys_meet(n2, nn, r2, nr2))
			continue;
		bestd = dd;
		best = cut;
	}
	return (bestd < 0.12 ? best : 0);
}

/* Quotation marks that open a quotation in s (for local decisions). */
static int
count_quote_opens(const char *s, size_t len)
{
	int32_t	i = 0, n = (int32_t)PR_MIN(len, INT32_MAX);
	UChar32	c;
	int	k = 0, straight = 0;

	while (i < n) {
		U8_NEXT(s, i, n, c);
		if (c == 0x201c || c == 0xab || c == 0x201e || c == 0x2039)
			k++;
		else if (c == '"')
			straight++;
	}
	return (k + straight / 2);
}

/* A side of a few pieces of text, for deciding about one bead. */
struct lside {
	struct side	sd;
	struct feat	f[4];
};

static void
lside_add(struct lside *l, const char *s, size_t len, const char *lang)
{
	struct feat	*f = &l->f[l->sd.n];

	l->sd.f = l->f;
	memset(f, 0, sizeof *f);
	feat_text(&l->sd, f, s, len, lang);
	f->nquotes = count_quote_opens(s, len);
	l->sd.total += f->len;
	l->sd.n++;
}

/* The cost of pairing [i, i+a) of A with [j, j+b) of B, anchors in. */
static double
lcost(const struct side *A, size_t i, int a, const struct side *B, size_t j,
    int b, double ratio)
{
	struct params	p;
	double		bonus;

	memset(&p, 0, sizeof p);
	p.hint_v = DOC_NOPOS;
	return (pair_base(A, i, a, B, j, b, ratio, ALIGN_VAR, &p, 0, &bonus) +
	    pair_anchors(A, i, a, B, j, b));
}

enum { FIX_KEEP, FIX_SPLIT, FIX_FIRST, FIX_SECOND };

/*
 * A bead pairs two sentences of some versions with one sentence of target
 * version w: did the translator merge the two (cut the sentence at the
 * matching clause: FIX_SPLIT), or leave one out (the sentence goes with
 * the first, FIX_FIRST, or the second, FIX_SECOND)? Decided on the costs
 * of each reading against every version with two sentences, with the
 * pieces' own anchors and quotation marks. *cut receives the clause cut.
 */
static int
merge_or_drop(const struct alignment *al, size_t w,
    const struct align_bead *bd, const double *total, size_t *cut)
{
	const struct text_sentence	*t = &al->sents[w][bd->first[w]];
	const char			*txt = al->docs[w]->blocks[t->block].text;
	const char			*lang = al->docs[w]->lang;
	struct lside			 T, R;
	double				 c[4] = { 0, 0, 0, 0 }, ratio, best;
	size_t				 v, p1e, p2s;
	int				 nref = 0, k, choice;

	*cut = clause_cut(al, w, bd->first[w], bd);
	memset(&T, 0, sizeof T);
	lside_add(&T, txt + t->start, t->end - t->start, lang);
	if (*cut != 0) {
		p1e = *cut;
		while (p1e > t->start && txt[p1e - 1] == ' ')
			p1e--;
		p2s = *cut;
		while (p2s < t->end && txt[p2s] == ' ')
			p2s++;
		lside_add(&T, txt + t->start, p1e - t->start, lang);
		lside_add(&T, txt + p2s, t->end - p2s, lang);
	}
	for (v = 0; v < al->nvers; v++) {
		const struct text_sentence	*a, *b;

		if (bd->count[v] != 2 || total[v] <= 0)
			continue;
		a = &al->sents[v][bd->first[v]];
		b = &al->sents[v][bd->first[v] + 1];
		memset(&R, 0, sizeof R);
		lside_add(&R, al->docs[v]->blocks[a->block].text + a->start,
		    a->end - a->start, al->docs[v]->lang);
		lside_add(&R, al->docs[v]->blocks[b->block].text + b->start,
		    b->end - b->start, al->docs[v]->lang);
		ratio = total[w] / total[v];
		c[FIX_KEEP] += sent_types[3].prior + lcost(&R.sd, 0, 2, &T.sd,
		    0, 1, ratio);
		c[FIX_FIRST] += sent_types[0].prior + lcost(&R.sd, 0, 1,
		    &T.sd, 0, 1, ratio) + sent_types[1].prior +
		    log1p(R.f[1].len * ratio / 200.0);
		c[FIX_SECOND] += sent_types[1].prior +
		    log1p(R.f[0].len * ratio / 200.0) + sent_types[0].prior +
		    lcost(&R.sd, 1, 1, &T.sd, 0, 1, ratio);
		if (*cut != 0)
			c[FIX_SPLIT] += 2 * sent_types[0].prior +
			    lcost(&R.sd, 0, 1, &T.sd, 1, 1, ratio) +
			    lcost(&R.sd, 1, 1, &T.sd, 2, 1, ratio);
		free(R.sd.keys);
		nref++;
	}
	free(T.sd.keys);
	if (nref == 0)
		return (FIX_KEEP);
	choice = FIX_KEEP;
	best = c[FIX_KEEP];
	for (k = FIX_SPLIT; k <= FIX_SECOND; k++) {
		if (k == FIX_SPLIT && *cut == 0)
			continue;
		if (c[k] < best) {
			best = c[k];
			choice = k;
		}
	}
	return (choice);
}

/*
 * Check the pairs the pivot composed (EN-FR and EN-RU give FR-RU): the
 * sentences of two other versions in one bead are costed against each
 * other directly, and a poor pair lowers the bead's confidence.
 */
static void
check_pairs(struct alignment *al, const struct vside *vs)
{
	struct params	 p;
	size_t		 b, u, w;
	double		 c, bonus, conf;

	memset(&p, 0, sizeof p);
	p.hint_v = DOC_NOPOS;
	for (b = 0; b < al->nbeads; b++) {
		struct align_bead	*bd = &al->beads[b];

		for (u = 0; u < al->nvers; u++) {
			if (u == al->pivot || bd->count[u] == 0)
				continue;
			for (w = u + 1; w < al->nvers; w++) {
				if (w == al->pivot || bd->count[w] == 0 ||
				    vs[u].sent.total <= 0)
					continue;
				c = pair_base(&vs[u].sent, bd->first[u],
				    (int)bd->count[u], &vs[w].sent, bd->first[w],
				    (int)bd->count[w], vs[w].sent.total /
				    vs[u].sent.total, ALIGN_VAR, &p, 0, &bonus) +
				    pair_anchors(&vs[u].sent, bd->first[u],
				    (int)bd->count[u], &vs[w].sent, bd->first[w],
				    (int)bd->count[w]);
				conf = bead_confidence(c, (int)bd->count[u],
				    (int)bd->count[w]);
				if (conf < bd->confidence)
					bd->confidence = conf;
			}
		}
	}
}

/*
 * Beads that hold two sentences in some versions and one in others are
 * decided again with more to go on than the programme had: where a
 * translator made one sentence of two, the sentence is cut at the clause
 * that matches so that each part pairs with its own sentence; where one
 * was left out, the bead becomes two, one without that version. The
 * alignment's sentences are its own copy; the document is not touched.
 */
static void
split_merged(struct alignment *al, const double *total)
{
	struct align_bead	*nb = NULL;
	struct text_sentence	*ns[ALIGN_MAXVERS];
	size_t			 nn[ALIGN_MAXVERS], an[ALIGN_MAXVERS];
	size_t			 b, v, k, cut[ALIGN_MAXVERS], n = 0, alloc = 0;
	int			 two, one, ok, fix[ALIGN_MAXVERS];

	for (v = 0; v < al->nvers; v++) {
		ns[v] = NULL;
		nn[v] = an[v] = 0;
	}
	for (b = 0; b < al->nbeads; b++) {
		const struct align_bead	*bd = &al->beads[b];
		struct align_bead	*x, *y;

		two = one = 0;
		ok = 1;
		for (v = 0; v < al->nvers; v++) {
			cut[v] = 0;
			fix[v] = FIX_KEEP;
			if (bd->count[v] == 2)
				two++;
			else if (bd->count[v] == 1)
				one++;
			else
				ok = 0;
		}
		for (v = 0; ok && two > 0 && one > 0 && v < al->nvers; v++) {
			if (bd->count[v] != 1)
				continue;
			fix[v] = merge_or_drop(al, v, bd, total, &cut[v]);
			if (fix[v] == FIX_KEEP)
				ok = 0;
		}
		if (!ok || two == 0 || one == 0) {
			/* Copy the bead and its sentences. */
			XGROW(nb, alloc, n + 1);
			x = &nb[n++];
			*x = *bd;
			for (v = 0; v < al->nvers; v++) {
				x->first[v] = nn[v];
				for (k = 0; k < bd->count[v]; k++) {
					XGROW(ns[v], an[v], nn[v] + 1);
					ns[v][nn[v]++] =
					    al->sents[v][bd->first[v] + k];
				}
			}
			continue;
		}
		XGROW(nb, alloc, n + 2);
		x = &nb[n++];
		y = &nb[n++];
		*x = *bd;
		*y = *bd;
		for (v = 0; v < al->nvers; v++) {
			struct text_sentence	t1, t2;
			const char		*txt;

			t1 = al->sents[v][bd->first[v]];
			x->count[v] = y->count[v] = 0;
			XGROW(ns[v], an[v], nn[v] + 2);
			if (bd->count[v] == 2) {
				t2 = al->sents[v][bd->first[v] + 1];
			} else if (fix[v] == FIX_FIRST) {
				x->first[v] = nn[v];
				x->count[v] = 1;
				ns[v][nn[v]++] = t1;
				continue;
			} else if (fix[v] == FIX_SECOND) {
				y->first[v] = nn[v];
				y->count[v] = 1;
				ns[v][nn[v]++] = t1;
				continue;
			} else {
				txt = al->docs[v]->blocks[t1.block].text;
				t2 = t1;
				t1.end = cut[v];
				while (t1.end > t1.start &&
				    txt[t1.end - 1] == ' ')
					t1.end--;
				t2.start = cut[v];
				while (t2.start < t2.end &&
				    txt[t2.start] == ' ')
					t2.start++;
			}
			x->first[v] = nn[v];
			x->count[v] = 1;
			ns[v][nn[v]++] = t1;
			y->first[v] = nn[v];
			y->count[v] = 1;
			ns[v][nn[v]++] = t2;
		}
		if (fix[0] == FIX_FIRST || fix[0] == FIX_SECOND)
			x->confidence = y->confidence = bd->confidence;
	}
	XSHRINK(nb, alloc, n);
	for (v = 0; v < al->nvers; v++) {
		XSHRINK(ns[v], an[v], nn[v]);
		free(al->sents[v]);
		al->sents[v] = ns[v];
		al->nsents[v] = nn[v];
		for (b = n; b > 0; b--) {
			if (nb[b - 1].count[v] == 0)
				nb[b - 1].first[v] = b < n ?
				    nb[b].first[v] : nn[v];
		}
	}
	free(al->beads);
	al->beads = nb;
	al->nbeads = n;
}

/* Make al->bead_of: the bead of each sentence of each version. */
static void
index_beads(struct alignment *al)
{
	size_t	v, b, s;

	for (v = 0; v < al->nvers; v++) {
		al->bead_of[v] = xcalloc(al->nsents[v] + 1,
		    sizeof *al->bead_of[v]);
		for (b = 0; b < al->nbeads; b++) {
			for (s = 0; s < al->beads[b].count[v]; s++)
				al->bead_of[v][al->beads[b].first[v] + s] = b;
		}
	}
}

/* The preparation of the versions, shared by the threads doing it. */
enum { PREP_SIDES, PREP_BLOCKS, PREP_VIEWS };
struct prep {
	struct alignment	*al;
	struct vside		*vs;
	const struct align_opts	*opts;
	int			 pass;		/* see prep_job() */
	_Atomic size_t		 done;
};

/* Segment version v, find its quotations and build its sides. */
static void
prep_version(struct alignment *al, struct vside *vs, size_t v)
{
	const struct doc	*d = al->docs[v];

	al->nsents[v] = text_doc_sentences(d, d->lang, &al->sents[v]);
	al->nquotes[v] = text_quotes(d, d->lang, &al->quotes[v]);
	side_build(al, v, &vs[v].sent, &vs[v].block, &vs[v].sblock);
}

/*
 * Prepare version v (a parallel_for() job), in three passes: segment it
 * and build its sides (PREP_SIDES); align its blocks to the pivot's
 * (PREP_BLOCKS); free its block side but the sizes, which is all the
 * sentences' programme reads of it, and merge the key views of its
 * sentence side (PREP_VIEWS). The views are made after the blocks are
 * aligned, which do not need them, so that the two are not held at once.
 * The calling thread reports the progress.
 */
static void
prep_job(void *arg, size_t v, size_t thread)
{
	struct prep		*pp = arg;
	const struct align_opts	*o = pp->opts;
	size_t			 done;

	if (o != NULL && o->cancel != NULL && *o->cancel)
		return;
	if (pp->pass == PREP_BLOCKS) {
		if (v != pp->al->pivot)
			align_blocks(pp->al->nvers, pp->al->pivot, pp->vs, v);
		return;
	}
	if (pp->pass == PREP_VIEWS) {
		side_thin(&pp->vs[v].block);
		side_views(&pp->vs[v].sent);
		return;
	}
	prep_version(pp->al, pp->vs, v);
	done = atomic_fetch_add(&pp->done, 1) + 1;
	if (thread == 0 && o != NULL && o->progress != NULL)
		*o->progress = (int)(300 * done / pp->al->nvers);
}

/*
 * Prepare every version, then align the blocks of each to the pivot's, on
 * as many threads as there are processors (up to the number of versions),
 * the largest versions first: a version's segmentation and features
 * depend on nothing else, its blocks on the pivot's only, and the two are
 * half the work on a book. Returns -1 when cancelled.
 */
static int
prep_all(struct alignment *al, struct vside *vs,
    const struct align_opts *opts)
{
	struct prep	 pp;
	size_t		 v, size[ALIGN_MAXVERS];

	memset(&pp, 0, sizeof pp);
	pp.al = al;
	pp.vs = vs;
	pp.opts = opts;
	for (v = 0; v < al->nvers; v++)
		size[v] = doc_text_size(al->docs[v]);
	atomic_init(&pp.done, 0);
	for (pp.pass = PREP_SIDES; pp.pass <= PREP_VIEWS; pp.pass++) {
		parallel_for(al->nvers, size, prep_job, &pp, text_cleanup);
		if (opts != NULL && opts->cancel != NULL && *opts->cancel)
			return (-1);
		/* The names are keyed: their cache goes before the blocks. */
		if (pp.pass == PREP_SIDES)
			text_anchors_forget();
	}
	return (0);
}

struct alignment *
align_create(const struct article *a, const struct align_opts *opts,
    char **cause)
{
	struct alignment	*al;
	struct vside		 vs[ALIGN_MAXVERS];
	struct profile		 P;
	size_t			 v, done = 0;
	double			*prev, total[ALIGN_MAXVERS];

	pthread_once(&tail_once, tail_init);
	if (a->n == 0 || a->n > ALIGN_MAXVERS) {
		*cause = xstrdup("no versions to align");
		return (NULL);
	}
	al = xcalloc(1, sizeof *al);
	al->nvers = a->n;
	al->pivot = DOC_NOPOS;
	for (v = 0; v < a->n; v++) {
		al->docs[v] = a->docs[v];
		if (opts != NULL && opts->pivot != NULL &&
		    al->pivot == DOC_NOPOS && a->docs[v]->lang != NULL &&
		    strcmp(a->docs[v]->lang, opts->pivot) == 0)
			al->pivot = v;
	}
	if (al->pivot == DOC_NOPOS) {
		if (opts != NULL && opts->pivot != NULL) {
			*cause = xstrprintf("no version in '%s' to use as "
			    "the pivot", opts->pivot);
			free(al);
			return (NULL);
		}
		al->pivot = 0;
	}
	memset(vs, 0, sizeof vs);
	if (prep_all(al, vs, opts) != 0) {
		warm_join();
		goto cancelled;
	}
	warm_join();
	profile_of_side(&P, a->n, al->pivot, &vs[al->pivot].sent);
	for (v = 0; v < a->n; v++) {
		if (v == al->pivot)
			continue;
		align_step(&P, al->pivot, vs, v, NULL);
		done++;
		if (opts != NULL && opts->progress != NULL)
			*opts->progress = 300 + (int)(650 * done /
			    (2 * (a->n - 1)));
		if (opts != NULL && opts->cancel != NULL && *opts->cancel) {
			free(P.beads);
			goto cancelled;
		}
	}
	/*
	 * Refine: align each version again against all the others, so that
	 * the versions aligned after it witness for it too.
	 */
	for (v = 0; v < a->n && a->n > 2; v++) {
		if (v == al->pivot)
			continue;
		prev = profile_take_out(&P, v);
		align_step(&P, al->pivot, vs, v, prev);
		free(prev);
		if (opts != NULL && opts->cancel != NULL && *opts->cancel) {
			free(P.beads);
			goto cancelled;
		}
	}
	al->beads = profile_widen(&P);
	al->nbeads = P.n;
	if (a->n > 2)
		check_pairs(al, vs);
	/* The sides are done with: freed before the arrays below. */
	for (v = 0; v < a->n; v++) {
		total[v] = vs[v].sent.total;
		side_release(&vs[v].sent);
		side_release(&vs[v].block);
		free(vs[v].sblock);
		free(vs[v].bb);
		vs[v].sblock = NULL;
		vs[v].bb = NULL;
	}
	if (a->n > 1)
		split_merged(al, total);
	index_beads(al);
	link_quotes(al);
	if (opts != NULL && opts->progress != NULL)
		*opts->progress = 1000;
	return (al);

cancelled:
	for (v = 0; v < a->n; v++) {
		side_release(&vs[v].sent);
		side_release(&vs[v].block);
		free(vs[v].sblock);
		free(vs[v].bb);
	}
	align_free(al);
	*cause = xstrdup("cancelled");
	return (NULL);
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

struct alignment *
align_create_top(const struct article *a, const struct align_opts *opts,
    size_t want)
{
	struct article		 sa;
	struct doc		 sd[ALIGN_MAXVERS];
	struct align_opts	 o;
	struct alignment	*t, *h;
	size_t			 v, i, b, n, total, cum, maxtotal = 0, cut;
	size_t			 pos[ALIGN_MAXVERS], keep[ALIGN_MAXVERS];
	size_t			 from[ALIGN_MAXVERS], nrest, nb;
	char			*cause = NULL;
	double			 share;
	int			 ok;

	if (a->n < 2 || a->n > ALIGN_MAXVERS)
		return (NULL);
	for (v = 0; v < a->n; v++) {
		total = doc_text_size(a->docs[v]);
		if (total > maxtotal)
			maxtotal = total;
	}
	/* Less than four times the top: the whole comes soon enough. */
	if (maxtotal == 0 || want > maxtotal / 4)
		return (NULL);
	share = (double)want / (double)maxtotal;

	/* The first blocks of each version, to the same share of its text. */
	memset(&sa, 0, sizeof sa);
	sa.n = a->n;
	for (v = 0; v < a->n; v++) {
		sd[v] = *a->docs[v];
		total = doc_text_size(a->docs[v]);
		for (b = cum = 0; b < sd[v].nblocks &&
		    (double)cum < share * (double)total; b++)
			cum += sd[v].blocks[b].len;
		sd[v].nblocks = b;
		sa.docs[v] = &sd[v];
	}
	memset(&o, 0, sizeof o);
	if (opts != NULL) {
		o.pivot = opts->pivot;
		o.cancel = opts->cancel;
	}
	if ((t = align_create(&sa, &o, &cause)) == NULL) {
		free(cause);
		return (NULL);
	}

	/*
	 * Keep the beads up to the last one, in the first three quarters,
	 * after which every version starts a paragraph: the end of the top
	 * (where a version's share may have cut a paragraph its translation
	 * did not) is left to the whole alignment.
	 */
	memset(pos, 0, sizeof pos);
	cut = 0;
	for (i = 0; i < t->nbeads && i < t->nbeads * 3 / 4; i++) {
		for (v = 0; v < t->nvers; v++) {
			n = t->beads[i].first[v] + t->beads[i].count[v];
			if (t->beads[i].count[v] > 0 && n > pos[v])
				pos[v] = n;
		}
		ok = 1;
		for (v = 0; v < t->nvers && ok; v++) {
			if (pos[v] == 0 || pos[v] >= t->nsents[v] ||
			    t->sents[v][pos[v]].block ==
			    t->sents[v][pos[v] - 1].block)
				ok = 0;
		}
		if (ok) {
			cut = i + 1;
			memcpy(keep, pos, sizeof keep);
		}
	}
	if (cut == 0) {
		align_free(t);
		return (NULL);
	}

	/* The kept beads, then the paragraphs after them, one by one. */
	h = xcalloc(1, sizeof *h);
	h->nvers = t->nvers;
	h->pivot = t->pivot;
	nrest = 0;
	for (v = 0; v < h->nvers; v++) {
		h->docs[v] = a->docs[v];
		from[v] = t->sents[v][keep[v]].block;
		nb = a->docs[v]->nblocks - from[v];
		if (nb > nrest)
			nrest = nb;
		h->nsents[v] = keep[v] + nb;
		h->sents[v] = xcalloc(h->nsents[v] + 1, sizeof *h->sents[v]);
		memcpy(h->sents[v], t->sents[v], keep[v] * sizeof *t->sents[v]);
		for (b = 0; b < nb; b++) {
			h->sents[v][keep[v] + b].block = from[v] + b;
			h->sents[v][keep[v] + b].start = 0;
			h->sents[v][keep[v] + b].end =
			    a->docs[v]->blocks[from[v] + b].len;
		}
	}
	h->nbeads = cut + nrest;
	h->beads = xcalloc(h->nbeads + 1, sizeof *h->beads);
	memcpy(h->beads, t->beads, cut * sizeof *t->beads);
	for (i = 0; i < nrest; i++) {
		struct align_bead	*bd = &h->beads[cut + i];

		for (v = 0; v < h->nvers; v++) {
			nb = a->docs[v]->nblocks - from[v];
			bd->first[v] = keep[v] + (i < nb ? i : nb);
			bd->count[v] = i < nb;
		}
		bd->confidence = 1;
	}
	index_beads(h);
	align_free(t);
	return (h);
}

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
	char			 skel[32];

	*out = NULL;
	for (s = bd->first[v]; s < bd->first[v] + bd->count[v]; s++) {
		const struct text_sentence	*t = &al->sents[v][s];
		const char			*txt;

		txt = d->blocks[t->block].text + t->start;
		na = text_anchors(txt, t->end - t->start, d->lang, &an);
		for (i = 0; i < na; i++) {
			uint32_t	key;

			if (an[i].kind == ANCHOR_NUMBER)
				key = key_hash(an[i].key, KEY_NUMBER);
			else if (name_skeleton(an[i].key, skel,
			    sizeof skel) >= 2)
				key = key_hash(skel, KEY_NAME);
			else
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
