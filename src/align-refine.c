/*
 * Bead refinement (align-int.h): the finest beads the versions support.
 *
 * After the programme and fix_split_merged(), each bead is tried in two:
 * every version's part cut at one of its sentence boundaries, or inside
 * one of its sentences at a weak boundary (fix_weak_cuts(): a full stop
 * that may have been lost), a part possibly empty in some versions (a
 * headline one version ran into the next sentence stands alone). The
 * split is kept when the two beads cost less than the one, every pair of
 * versions costed directly on the pieces' lengths, anchors and marks;
 * a cut inside a sentence costs more than a boundary, so that it is made
 * only where the other versions support it. The parts are tried again.
 * Presegmented versions are cut at their lines only.
 */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "align-int.h"

/* Options of one version: at most this many places to split. */
#define REFINE_MAXOPT	10
/* A bead is refined at most this deep (2^depth beads). */
#define REFINE_DEPTH	3
/*
 * The cost of a cut inside a sentence (a weak boundary), and what each
 * other version that splits the bead at the same place takes off: three
 * versions with a capital after a word at matching places are unlikely
 * to agree by chance (names the others hold are not offered).
 */
#define REFINE_WEAK	1.0
#define REFINE_SUPPORT	3.0
#define REFINE_NAMED	0.5
/* The confidence of a bead cut at a weak boundary (under 0.5: doubtful). */
#define REFINE_WEAKCONF	0.45
/*
 * A sentence one version leaves out could as well be its neighbour when
 * moving the gap costs less than this more: both beads are doubtful.
 */
#define REFINE_SHIFT	3.0

/*
 * Where version v's part of a bead is split: before sentence k, cut at
 * byte cut of its block (0: at the sentence boundary).
 */
struct ropt {
	size_t	k;
	size_t	cut;
	int	colon;		/* the cut is after a colon, not a weak one */
	int	named;		/* before a name the others hold: half support */
	int	units[2];	/* pieces in each part */
};

/*
 * One version's part of a bead: sentences [first, first + count), the
 * first possibly starting at byte head, the last ending at byte tail.
 */
struct rpart {
	size_t	first, count;
	size_t	head, tail;	/* 0: the sentence's own */
};

/* A bead being refined: its parts in each version. */
struct rbead {
	struct rpart	p[ALIGN_MAXVERS];
	double		confidence;
	int		weak;
};

struct refine {
	struct alignment	*al;
	struct sent_memo	*memo;
	const double		*total;
	struct rbead		*out;
	size_t			 n, alloc;
};

/* Sentence s of version v, restricted to the part. */
static void
part_sentence(const struct alignment *al, size_t v, const struct rpart *p,
    size_t s, struct text_sentence *t)
{
	*t = al->sents[v][s];
	if (s == p->first && p->head != 0)
		t->start = p->head;
	if (s == p->first + p->count - 1 && p->tail != 0)
		t->end = p->tail;
}

/*
 * A part that starts inside a sentence (at a weak or colon cut) opens
 * with a word that is a name in the whole sentence (Palu after
 * "Sulawesi:"), but not as the first word of the part: when another
 * version of bead bd has the name too, add its key to the part's unit in
 * l, so that cutting the sentence does not lose a name the versions
 * share (a capital that is no name, "Man:", "When", stays out).
 */
/* Does a version of bead bd other than v have the anchor key key? */
static int
bead_has_key(const struct alignment *al, struct sent_memo *m,
    const struct align_bead *bd, size_t v, uint32_t key)
{
	const struct text_anchor	*an;
	struct text_anchor		*mine;
	size_t				 u, s, na, i;
	uint32_t			 k;
	int				 found = 0;

	for (u = 0; u < al->nvers && !found; u++) {
		if (u == v)
			continue;
		for (s = bd->first[u]; s < bd->first[u] + bd->count[u] &&
		    !found; s++) {
			an = memo_anchors(m, al, u, s, &na, &mine);
			for (i = 0; i < na && !found; i++)
				found = feat_anchor_key(&an[i], &k) && k == key;
			free(mine);
		}
	}
	return (found);
}

static void
head_name_keys(const struct alignment *al, struct sent_memo *m, size_t v,
    const struct rpart *p, const struct align_bead *bd, struct lside *l)
{
	const struct text_sentence	*ts = &al->sents[v][p->first];
	const char			*txt;
	const struct text_anchor	*an;
	struct text_anchor		*mine = NULL;
	struct feat			*f = &l->f[0];
	size_t				 na, i, at, end;
	uint32_t			 key;

	if (p->head <= ts->start || f->nk >= 64)
		return;
	txt = al->docs[v]->blocks[ts->block].text + ts->start;
	at = p->head - ts->start;
	end = (p->count == 1 && p->tail != 0 ? p->tail : ts->end) - ts->start;
	if (end == ts->end - ts->start)
		an = memo_anchors(m, al, v, p->first, &na, &mine);
	else {
		na = text_anchors(txt, end, al->docs[v]->lang, &mine);
		an = mine;
	}
	for (i = 0; i < na; i++) {
		if (an[i].kind != ANCHOR_NAME || an[i].start < at ||
		    an[i].start > at + 4 || !feat_anchor_key(&an[i], &key) ||
		    !bead_has_key(al, m, bd, v, key))
			continue;
		XGROW(l->sd.keys, l->sd.akeys, l->sd.nkeys + 1);
		l->sd.keys[l->sd.nkeys++] = key;
		f->nk++;
		feat_keys_sort(l->sd.keys + f->koff, f->nk);
		break;
	}
	free(mine);
}

/*
 * The features of version v's part p of bead bd, as one unit of l.
 */
static void
part_side(const struct refine *r, size_t v, const struct rpart *p,
    const struct align_bead *bd, struct lside *l)
{
	const struct alignment	*al = r->al;
	struct text_sentence	 t;
	char			*buf = NULL;
	size_t			 s, n = 0, alloc = 0, len;
	const char		*txt;

	memset(l, 0, sizeof *l);
	for (s = p->first; s < p->first + p->count; s++) {
		part_sentence(al, v, p, s, &t);
		txt = al->docs[v]->blocks[t.block].text + t.start;
		len = t.end - t.start;
		XGROW(buf, alloc, n + len + 2);
		if (n > 0)
			buf[n++] = ' ';
		memcpy(buf + n, txt, len);
		n += len;
	}
	fix_lside_add(l, buf == NULL ? "" : buf, n, al->docs[v]->lang);
	free(buf);
	if (p->count > 0 && p->head != 0)
		head_name_keys(al, r->memo, v, p, bd, l);
}

/* -log of a bead type's probability, for a and b units (0 < a + b). */
static double
type_prior(int a, int b)
{
	size_t	k;

	for (k = 0; k < nitems(dp_sent_types); k++) {
		if (dp_sent_types[k].a == a && dp_sent_types[k].b == b)
			return (dp_sent_types[k].prior);
	}
	return (dp_sent_types[5].prior + 1.5 * (a + b - 4));
}

/* The cost of a bead of parts l (units[v] each; 0: none). */
static double
bead_cost(const struct refine *r, struct lside *l, const int *units)
{
	const struct alignment	*al = r->al;
	size_t			 u, w;
	double			 c = 0, ratio;

	for (u = 0; u < al->nvers; u++) {
		for (w = u + 1; w < al->nvers; w++) {
			if (units[u] == 0 && units[w] == 0)
				continue;
			if (r->total[u] <= 0 || r->total[w] <= 0)
				continue;
			ratio = r->total[w] / r->total[u];
			if (units[w] == 0) {
				c += dp_sent_types[1].prior +
				    log1p(l[u].f[0].len * ratio / 200.0);
			} else if (units[u] == 0) {
				c += dp_sent_types[2].prior +
				    log1p(l[w].f[0].len / ratio / 200.0);
			} else {
				c += type_prior(units[u], units[w]) +
				    dp_pair_cost(&l[u].sd, 0, 1, &l[w].sd, 0,
				    1, ratio);
			}
		}
	}
	return (c);
}

/* Version v's part p cut at option o: the first part (0) or the second. */
static void
part_cut(const struct rpart *p, const struct ropt *o, int which,
    struct rpart *q)
{
	*q = *p;
	if (which == 0) {
		q->count = o->k + (o->cut != 0);
		if (o->cut != 0)
			q->tail = o->cut;
		else if (q->count < p->count)
			q->tail = 0;
	} else {
		q->first = p->first + o->k;
		q->count = p->count - o->k;
		if (o->k > 0)
			q->head = 0;
		if (o->cut != 0)
			q->head = o->cut;
	}
	if (q->count == 0)
		q->head = q->tail = 0;
}

/* Is c a mark that may open a quotation or a bracket (ICU's classes)? */
static int
opening_mark(UChar32 c)
{
	int8_t	ty = (int8_t)u_charType(c);

	return (ty == U_START_PUNCTUATION || ty == U_INITIAL_PUNCTUATION ||
	    u_hasBinaryProperty(c, UCHAR_QUOTATION_MARK));
}

/*
 * Colons inside s that introduce a new sentence: ':' then spaces, maybe
 * opening marks, then a capital ("on the island of Sulawesi: Palu is the
 * capital"; "Dale Evans: Man: \"What..."), by ICU's character properties.
 * Stores where the second part would start (at most max) in out and
 * returns their number.
 */
static size_t
colon_cuts(const char *s, size_t len, size_t *out, size_t max)
{
	int32_t	i = 0, j, at, n = (int32_t)PR_MIN(len, INT32_MAX);
	size_t	k = 0;
	UChar32	c = 0;

	while (i < n && k < max) {
		U8_NEXT(s, i, n, c);
		if (c != ':')
			continue;
		for (j = at = i; j < n; at = j) {
			U8_NEXT(s, j, n, c);
			if (!u_isUWhiteSpace(c))
				break;
		}
		if (at == i || j >= n)
			continue;
		while (opening_mark(c) && j < n)
			U8_NEXT(s, j, n, c);
		if ((u_isupper(c) || u_istitle(c)) && n - at >= 6)
			out[k++] = (size_t)at;
	}
	return (k);
}

/*
 * The colon cuts (colon_cuts()) of sentence t of version v, as byte
 * offsets in its block; none in a presegmented version.
 */
static size_t
sentence_colon_cuts(const struct alignment *al, size_t v,
    const struct text_sentence *t, size_t *out, size_t max)
{
	size_t	n, i;

	if (al->docs[v]->presegmented)
		return (0);
	n = colon_cuts(al->docs[v]->blocks[t->block].text + t->start,
	    t->end - t->start, out, max);
	for (i = 0; i < n; i++)
		out[i] += t->start;
	return (n);
}

/* Add the cuts inside sentence k of a part as options of o (*n of max). */
static void
add_cuts(struct ropt *o, size_t *n, size_t k, const struct text_sentence *t,
    const size_t *cuts, const int *named, size_t nc, int colon)
{
	size_t	i;

	for (i = 0; i < nc && *n < REFINE_MAXOPT; i++) {
		if (cuts[i] <= t->start || cuts[i] >= t->end)
			continue;
		o[*n].k = k;
		o[*n].colon = colon;
		o[*n].named = named != NULL && named[i];
		o[(*n)++].cut = cuts[i];
	}
}

/* The places to split version v's part p (k = 0 and k = count first). */
static size_t
part_options(const struct refine *r, size_t v, const struct rpart *p,
    const struct align_bead *bd, struct ropt *o)
{
	const struct alignment	*al = r->al;
	struct text_sentence	 t;
	size_t			 n = 0, k, cuts[8], nc;
	int			 named[8];

	for (k = 0; k <= p->count && n < REFINE_MAXOPT; k++) {
		o[n].k = k;
		o[n].colon = o[n].named = 0;
		o[n++].cut = 0;
	}
	for (k = 0; k < p->count && n < REFINE_MAXOPT; k++) {
		part_sentence(al, v, p, p->first + k, &t);
		nc = fix_weak_cuts(al, r->memo, v, p->first + k, bd, cuts, named,
		    nitems(cuts));
		add_cuts(o, &n, k, &t, cuts, named, nc, 0);
		nc = sentence_colon_cuts(al, v, &t, cuts, nitems(cuts));
		add_cuts(o, &n, k, &t, cuts, NULL, nc, 1);
	}
	return (n);
}

/* The bead of parts p as an align_bead (for fix_weak_cuts()). */
static void
rbead_bead(const struct alignment *al, const struct rbead *rb,
    struct align_bead *bd)
{
	size_t	v;

	memset(bd, 0, sizeof *bd);
	for (v = 0; v < al->nvers; v++) {
		bd->first[v] = rb->p[v].first;
		bd->count[v] = rb->p[v].count;
	}
}

/*
 * A bead of a sentence (or none) per version is split only at weak
 * boundaries: worth trying when every version has one, or when one that
 * has is longer than the others by a fifth (a headline or a sentence the
 * others do not have ran into it). Cheap, before the anchors.
 */
static int
worth_trying(const struct refine *r, const struct rbead *rb)
{
	const struct alignment	*al = r->al;
	struct text_sentence	 t;
	const char		*txt;
	size_t			 v, off[1], i, with = 0, nv = 0, u, nother;
	double			 len[ALIGN_MAXVERS], other;
	int			 has[ALIGN_MAXVERS];

	for (v = 0; v < al->nvers; v++) {
		if (rb->p[v].count > 1)
			return (1);
		len[v] = 0;
		has[v] = 0;
		if (rb->p[v].count == 0 || r->total[v] <= 0)
			continue;
		nv++;
		part_sentence(al, v, &rb->p[v], rb->p[v].first, &t);
		txt = al->docs[v]->blocks[t.block].text;
		for (i = t.start; i < t.end; i++) {
			if (((unsigned char)txt[i] & 0xc0) != 0x80 &&
			    txt[i] != ' ')
				len[v]++;
		}
		len[v] /= r->total[v];
		if ((!al->docs[v]->presegmented && text_weak_breaks(txt +
		    t.start, t.end - t.start, off, nitems(off)) > 0) ||
		    sentence_colon_cuts(al, v, &t, off, nitems(off)) > 0) {
			with++;
			has[v] = 1;
		}
	}
	if (with == 0 || with == nv)
		return (with > 0);
	for (v = 0; v < al->nvers; v++) {
		if (!has[v])
			continue;
		other = 0;
		nother = 0;
		for (u = 0; u < al->nvers; u++) {
			if (u != v && len[u] > 0) {
				other += len[u];
				nother++;
			}
		}
		if (nother > 0 && len[v] > 1.2 * other / (double)nother)
			return (1);
	}
	return (0);
}

static void refine_bead(struct refine *, const struct rbead *, int);

/* Emit rb as it is. */
static void
refine_emit(struct refine *r, const struct rbead *rb)
{
	XGROW(r->out, r->alloc, r->n + 1);
	r->out[r->n++] = *rb;
}

/*
 * The ways of cutting one bead in two: each version's options and the
 * sides (features) of its two parts under each, and of its whole part.
 */
struct rtry {
	struct ropt	 opt[ALIGN_MAXVERS][REFINE_MAXOPT];
	size_t		 nopt[ALIGN_MAXVERS];
	struct lside	 whole[ALIGN_MAXVERS];
	struct lside	 side[ALIGN_MAXVERS][REFINE_MAXOPT][2];
	int		 own[ALIGN_MAXVERS][REFINE_MAXOPT][2];
	int		 units[ALIGN_MAXVERS];
};

/*
 * Fill t with rb's options; 0 when there is nothing to split (a sentence
 * each, no weak boundary) or too much to try, else 1 (free with
 * rtry_free()).
 */
static int
rtry_prepare(struct refine *r, const struct rbead *rb, size_t nv,
    struct rtry *t)
{
	const struct alignment	*al = r->al;
	struct align_bead	 bd;
	struct rpart		 q;
	size_t			 v, k, combos = 1;
	int			 w;

	rbead_bead(al, rb, &bd);
	for (v = 0; v < al->nvers; v++) {
		t->nopt[v] = 1;
		if (rb->p[v].count == 0)
			continue;
		t->nopt[v] = part_options(r, v, &rb->p[v], &bd, t->opt[v]);
		combos *= t->nopt[v];
	}
	if (combos <= ((size_t)1 << nv) || combos > 4096)
		return (0);
	for (v = 0; v < al->nvers; v++) {
		t->units[v] = (int)rb->p[v].count;
		if (rb->p[v].count == 0)
			continue;
		part_side(r, v, &rb->p[v], &bd, &t->whole[v]);
		for (k = 0; k < t->nopt[v]; k++) {
			for (w = 0; w < 2; w++) {
				part_cut(&rb->p[v], &t->opt[v][k], w, &q);
				memset(&t->side[v][k][w], 0,
				    sizeof t->side[v][k][w]);
				t->own[v][k][w] = 0;
				if (q.count == rb->p[v].count && q.head ==
				    rb->p[v].head && q.tail == rb->p[v].tail)
					t->side[v][k][w] = t->whole[v];
				else if (q.count > 0) {
					part_side(r, v, &q, &bd,
					    &t->side[v][k][w]);
					t->own[v][k][w] = 1;
				}
			}
			t->opt[v][k].units[0] = (int)(t->opt[v][k].k +
			    (t->opt[v][k].cut != 0));
			t->opt[v][k].units[1] = (int)(rb->p[v].count -
			    t->opt[v][k].k);
		}
	}
	return (1);
}

/* Free what rtry_prepare() made. */
static void
rtry_free(const struct alignment *al, const struct rbead *rb,
    struct rtry *t)
{
	size_t	v, k;
	int	w;

	for (v = 0; v < al->nvers; v++) {
		if (rb->p[v].count == 0)
			continue;
		free(t->whole[v].sd.keys);
		for (k = 0; k < t->nopt[v]; k++) {
			for (w = 0; w < 2; w++) {
				if (t->own[v][k][w])
					free(t->side[v][k][w].sd.keys);
			}
		}
	}
}

/*
 * The cost of cutting rb by the options idx names, into *c: 0, or -1
 * when a half is empty in every version. A weak cut costs, less for each
 * other version that splits there too (at its boundary or a weak one of
 * its own).
 */
static int
rtry_cost(struct refine *r, const struct rbead *rb, const struct rtry *t,
    const size_t *idx, double *c)
{
	struct lside	l1[ALIGN_MAXVERS], l2[ALIGN_MAXVERS];
	int		u1[ALIGN_MAXVERS], u2[ALIGN_MAXVERS];
	int		e1 = 1, e2 = 1, weak = 0;
	double		penalty = 0, nsplit = 0;
	size_t		v;

	for (v = 0; v < r->al->nvers; v++) {
		if (rb->p[v].count == 0) {
			u1[v] = u2[v] = 0;
			continue;
		}
		u1[v] = t->opt[v][idx[v]].units[0];
		u2[v] = t->opt[v][idx[v]].units[1];
		l1[v] = t->side[v][idx[v]][0];
		l2[v] = t->side[v][idx[v]][1];
		weak += t->opt[v][idx[v]].cut != 0;
		if (u1[v] > 0 && u2[v] > 0)
			nsplit += t->opt[v][idx[v]].named ? REFINE_NAMED : 1;
		if (u1[v] > 0)
			e1 = 0;
		if (u2[v] > 0)
			e2 = 0;
	}
	if (e1 || e2)
		return (-1);
	if (weak > 0)
		penalty = REFINE_WEAK * weak - REFINE_SUPPORT * fmax(nsplit - 1,
		    0);
	*c = penalty + bead_cost(r, l1, u1) + bead_cost(r, l2, u2);
	return (0);
}

/*
 * Try every combination of the versions' options (the odometer in idx):
 * 1 with the cheapest in best when it beats rb whole, else 0.
 */
static int
rtry_best(struct refine *r, const struct rbead *rb, struct rtry *t,
    size_t *best, int forced)
{
	size_t	idx[ALIGN_MAXVERS], v, nvers = r->al->nvers;
	double	c, bestc = bead_cost(r, t->whole, t->units);
	int	found = 0;

	if (forced)
		bestc = HUGE_VAL;

	memset(idx, 0, sizeof idx);
	for (;;) {
		if (rtry_cost(r, rb, t, idx, &c) == 0 && c < bestc) {
			bestc = c;
			memcpy(best, idx, nvers * sizeof *best);
			found = 1;
		}
		for (v = 0; v < nvers; v++) {
			if (++idx[v] < t->nopt[v])
				break;
			idx[v] = 0;
		}
		if (v == nvers)
			break;
	}
	return (found);
}

/*
 * Split rb at its cheapest cut when it beats rb whole (forced: even when
 * it does not) and refine each half: 0 when there is no cut to try or
 * none is kept.
 */
static int
refine_split(struct refine *r, const struct rbead *rb, size_t nv, int depth,
    int forced)
{
	const struct alignment	*al = r->al;
	struct rtry		*t;
	struct rbead		 x, y;
	size_t			 best[ALIGN_MAXVERS], v;
	int			 weak = 0, found;

	/* On the heap: the halves are refined from inside this frame. */
	t = xcalloc(1, sizeof *t);
	if (!rtry_prepare(r, rb, nv, t)) {
		free(t);
		return (0);
	}
	found = rtry_best(r, rb, t, best, forced);
	rtry_free(al, rb, t);
	if (!found) {
		free(t);
		return (0);
	}
	x = *rb;
	y = *rb;
	for (v = 0; v < al->nvers; v++) {
		if (rb->p[v].count == 0)
			continue;
		part_cut(&rb->p[v], &t->opt[v][best[v]], 0, &x.p[v]);
		part_cut(&rb->p[v], &t->opt[v][best[v]], 1, &y.p[v]);
		if (x.p[v].count == 0)
			x.p[v].first = y.p[v].first;
		if (y.p[v].count == 0)
			y.p[v].first = rb->p[v].first + rb->p[v].count;
		weak += t->opt[v][best[v]].cut != 0 &&
		    !t->opt[v][best[v]].colon;
	}
	free(t);
	x.weak = y.weak = rb->weak || weak > 0;
	refine_bead(r, &x, depth + 1);
	refine_bead(r, &y, depth + 1);
	return (1);
}

/* Keep the cheapest split of rb when it beats rb whole, and so on. */
static void
refine_bead(struct refine *r, const struct rbead *rb, int depth)
{
	size_t	v, nv = 0;

	for (v = 0; v < r->al->nvers; v++)
		nv += rb->p[v].count > 0;
	/* Two versions at least. */
	if (depth >= REFINE_DEPTH || nv < 2 || !worth_trying(r, rb) ||
	    !refine_split(r, rb, nv, depth, 0))
		refine_emit(r, rb);
}

/* Bead b as it came from the programme. */
static void
rbead_of(const struct alignment *al, size_t b, struct rbead *rb)
{
	size_t	v;

	memset(rb, 0, sizeof *rb);
	for (v = 0; v < al->nvers; v++) {
		rb->p[v].first = al->beads[b].first[v];
		rb->p[v].count = al->beads[b].count[v];
	}
	rb->confidence = al->beads[b].confidence;
}

/* The number of versions with sentences in bead b. */
static size_t
bead_versions(const struct alignment *al, size_t b)
{
	size_t	v, with = 0;

	for (v = 0; v < al->nvers; v++)
		with += al->beads[b].count[v] > 0;
	return (with);
}

/* Does bead b leave a version out? */
static int
omission_bead(const struct alignment *al, size_t b)
{
	size_t	with = bead_versions(al, b);

	return (with > 0 && with < al->nvers);
}

/*
 * Bead a, next to bead o that leaves versions out: has each of those
 * versions a weak boundary in its sentence next to o (the last of a when
 * o follows, else the first)? Then o's sentences may be in there, run
 * into their neighbour by a lost full stop.
 */
static int
ran_into(const struct refine *r, size_t a, size_t o)
{
	const struct alignment	*al = r->al;
	const struct align_bead	*ba = &al->beads[a], *bo = &al->beads[o];
	const struct text_sentence *t;
	size_t			 v, off[1], n = 0;

	for (v = 0; v < al->nvers; v++) {
		if (bo->count[v] > 0)
			continue;
		if (ba->count[v] == 0 || al->docs[v]->presegmented)
			return (0);
		t = &al->sents[v][ba->first[v] + (o > a ? ba->count[v] - 1 :
		    0)];
		if (text_weak_breaks(al->docs[v]->blocks[t->block].text +
		    t->start, t->end - t->start, off, nitems(off)) == 0)
			return (0);
		n++;
	}
	return (n > 0);
}

/*
 * Beads a and a + 1, one of them leaving versions out that have a weak
 * boundary in the other (ran_into()), are cut again as one: at their
 * cheapest cut, the programme's among them. 0 when not tried.
 */
static int
refine_pair(struct refine *r, size_t a)
{
	const struct alignment	*al = r->al;
	struct rbead		 m, n;
	size_t			 v, nv = 0;
	int			 gap;

	if (a + 1 >= al->nbeads)
		return (0);
	gap = omission_bead(al, a);
	if (gap == omission_bead(al, a + 1) ||
	    !ran_into(r, gap ? a + 1 : a, gap ? a : a + 1))
		return (0);
	rbead_of(al, a, &m);
	rbead_of(al, a + 1, &n);
	for (v = 0; v < al->nvers; v++) {
		if (m.p[v].count == 0)
			m.p[v].first = n.p[v].first;
		m.p[v].count += n.p[v].count;
		nv += m.p[v].count > 0;
	}
	m.confidence = fmin(m.confidence, n.confidence);
	return (refine_split(r, &m, nv, 0, 1));
}

void
refine_beads(struct alignment *al, const double *total)
{
	struct refine		 r;
	struct rbead		 rb;
	struct text_sentence	*ns[ALIGN_MAXVERS], t;
	size_t			 nn[ALIGN_MAXVERS], an[ALIGN_MAXVERS];
	size_t			 b, v, s, last;
	struct align_bead	*nb;
	struct sent_memo	 memo;

	memset(&r, 0, sizeof r);
	r.al = al;
	r.total = total;
	memo_init(&memo, al);
	r.memo = &memo;
	for (b = 0; b < al->nbeads; b++) {
		if (refine_pair(&r, b)) {
			b++;
			continue;
		}
		rbead_of(al, b, &rb);
		refine_bead(&r, &rb, 0);
	}
	/* Before the sentence lists change. */
	memo_free(&memo, al);
	/* The new sentences and beads. */
	memset(nn, 0, sizeof nn);
	memset(an, 0, sizeof an);
	memset(ns, 0, sizeof ns);
	nb = xcalloc(r.n + 1, sizeof *nb);
	for (b = 0; b < r.n; b++) {
		struct rbead	*x = &r.out[b];

		/*
		 * A bead cut at a weak boundary rests on a full stop the
		 * text did not have: the reader marks it doubtful.
		 */
		nb[b].confidence = x->weak ? PR_MIN(x->confidence,
		    REFINE_WEAKCONF) : x->confidence;
		for (v = 0; v < al->nvers; v++) {
			nb[b].first[v] = nn[v];
			nb[b].count[v] = x->p[v].count;
			for (s = x->p[v].first; s < x->p[v].first +
			    x->p[v].count; s++) {
				part_sentence(al, v, &x->p[v], s, &t);
				/* Spaces at a weak cut stay out. */
				while (t.end > t.start && al->docs[v]->blocks[
				    t.block].text[t.end - 1] == ' ')
					t.end--;
				XGROW(ns[v], an[v], nn[v] + 1);
				ns[v][nn[v]++] = t;
			}
		}
	}
	for (v = 0; v < al->nvers; v++) {
		last = nn[v];
		for (b = r.n; b > 0; b--) {
			if (nb[b - 1].count[v] == 0)
				nb[b - 1].first[v] = last;
			else
				last = nb[b - 1].first[v];
		}
		if (ns[v] == NULL)
			ns[v] = xcalloc(1, sizeof *ns[v]);
		free(al->sents[v]);
		al->sents[v] = ns[v];
		al->nsents[v] = nn[v];
	}
	free(al->beads);
	al->beads = nb;
	al->nbeads = r.n;
	free(r.out);
}

/* The cost of bead bd as it stands, every pair of versions costed. */
static double
whole_cost(const struct refine *r, const struct align_bead *bd)
{
	const struct alignment	*al = r->al;
	struct lside		 l[ALIGN_MAXVERS];
	struct rpart		 p;
	int			 units[ALIGN_MAXVERS];
	size_t			 v;
	double			 c;

	for (v = 0; v < al->nvers; v++) {
		memset(&l[v], 0, sizeof l[v]);
		units[v] = (int)bd->count[v];
		if (bd->count[v] == 0)
			continue;
		memset(&p, 0, sizeof p);
		p.first = bd->first[v];
		p.count = bd->count[v];
		part_side(r, v, &p, bd, &l[v]);
	}
	c = bead_cost(r, l, units);
	for (v = 0; v < al->nvers; v++)
		free(l[v].sd.keys);
	return (c);
}

/*
 * Beads a and b = a + 1, one of which leaves version w out while the
 * other holds one sentence of it: the cost of moving that sentence to the
 * other bead, less the cost as they stand.
 */
static double
shift_gain(const struct refine *r, size_t a, size_t w)
{
	const struct alignment	*al = r->al;
	struct align_bead	 x = al->beads[a], y = al->beads[a + 1];
	double			 now;

	now = whole_cost(r, &x) + whole_cost(r, &y);
	if (x.count[w] == 0) {
		x.first[w] = y.first[w];
		x.count[w] = 1;
		y.count[w] = 0;
	} else {
		y.first[w] = x.first[w];
		y.count[w] = 1;
		x.count[w] = 0;
	}
	return (whole_cost(r, &x) + whole_cost(r, &y) - now);
}

/* Move version w's sentence between beads a and a + 1 (shift_gain()). */
static void
shift_move(struct alignment *al, size_t a, size_t w)
{
	struct align_bead	*x = &al->beads[a], *y = &al->beads[a + 1];

	if (x->count[w] == 0) {
		x->first[w] = y->first[w];
		x->count[w] = 1;
		y->count[w] = 0;
		y->first[w] = x->first[w] + 1;
	} else {
		y->first[w] = x->first[w];
		y->count[w] = 1;
		x->count[w] = 0;
	}
}

/*
 * The version bead b leaves out when every other version has sentences
 * in it, or DOC_NOPOS.
 */
static size_t
gap_version(const struct alignment *al, size_t b)
{
	size_t	v, w = DOC_NOPOS, n = 0;

	for (v = 0; v < al->nvers; v++) {
		if (al->beads[b].count[v] == 0) {
			w = v;
			n++;
		}
	}
	return (n == 1 ? w : DOC_NOPOS);
}

void
refine_mark_shifts(struct alignment *al, const double *total)
{
	struct refine	 r;
	size_t		 b, w, n;
	struct align_bead *bd;
	double		 g;

	memset(&r, 0, sizeof r);
	r.al = al;
	r.total = total;
	for (b = 0; b < al->nbeads; b++) {
		if ((w = gap_version(al, b)) == DOC_NOPOS)
			continue;
		for (n = b > 0 ? b - 1 : b + 1; n <= b + 1 && n < al->nbeads;
		    n += 2) {
			bd = &al->beads[n];
			if (bd->count[w] != 1 ||
			    bead_versions(al, n) != al->nvers)
				continue;
			g = shift_gain(&r, PR_MIN(b, n), w);
			if (g >= REFINE_SHIFT)
				continue;
			bd->confidence = PR_MIN(bd->confidence, REFINE_WEAKCONF);
			al->beads[b].confidence = PR_MIN(al->beads[b].confidence,
			    REFINE_WEAKCONF);
			if (g < 0) {
				/* Bead b is a gap no more. */
				shift_move(al, PR_MIN(b, n), w);
				break;
			}
		}
	}
}
