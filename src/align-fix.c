/*
 * The aligner's post-fixes (align-int.h): the beads the programme found,
 * looked at again with more to go on than it had. The pairs of versions
 * the pivot composed are costed directly (fix_check_pairs()); a sentence
 * that pairs with two is cut at the matching clause, or the bead split
 * where a translator left one out (fix_split_merged()).
 */
#include "config.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/utf8.h>

#include "align-int.h"

/*
 * How far a cut's share of a sentence may be from the references' share;
 * a weak boundary (a lost full stop) within it is taken before any
 * clause's end.
 */
#define FIX_SHAREDIFF	0.12

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
		if (an[i].kind == ANCHOR_NUMBER &&
		    feat_anchor_key(&an[i], &keys[n]))
			n++;
	}
	free(an);
	feat_keys_sort(keys, n);
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

void
memo_init(struct sent_memo *m, const struct alignment *al)
{
	size_t	v, s;

	memset(m, 0, sizeof *m);
	for (v = 0; v < al->nvers; v++) {
		m->an[v] = xcalloc(al->nsents[v] + 1, sizeof *m->an[v]);
		m->n[v] = xcalloc(al->nsents[v] + 1, sizeof *m->n[v]);
		for (s = 0; s < al->nsents[v]; s++)
			m->n[v][s] = SIZE_MAX;
	}
}

void
memo_free(struct sent_memo *m, const struct alignment *al)
{
	size_t	v, s;

	for (v = 0; v < al->nvers; v++) {
		for (s = 0; s < al->nsents[v]; s++)
			free(m->an[v][s]);
		free(m->an[v]);
		free(m->n[v]);
	}
	memset(m, 0, sizeof *m);
}

const struct text_anchor *
memo_anchors(struct sent_memo *m, const struct alignment *al, size_t v,
    size_t s, size_t *n, struct text_anchor **mine)
{
	const struct text_sentence	*t = &al->sents[v][s];
	struct text_anchor		*an;
	size_t				 na;

	*mine = NULL;
	if (m != NULL && m->n[v][s] != SIZE_MAX) {
		*n = m->n[v][s];
		return (m->an[v][s]);
	}
	na = text_anchors(al->docs[v]->blocks[t->block].text + t->start,
	    t->end - t->start, al->docs[v]->lang, &an);
	*n = na;
	if (m == NULL)
		*mine = an;
	else {
		m->an[v][s] = an;
		m->n[v][s] = na;
	}
	return (an);
}

/* The name keys of version v's sentences in bead bd (at most max). */
static size_t
bead_names(const struct alignment *al, struct sent_memo *m, size_t v,
    const struct align_bead *bd, char (*keys)[48], size_t n, size_t max)
{
	const struct text_anchor	*an;
	struct text_anchor		*mine;
	size_t				 k, i, na;

	for (k = 0; k < bd->count[v]; k++) {
		an = memo_anchors(m, al, v, bd->first[v] + k, &na, &mine);
		for (i = 0; i < na && n < max; i++) {
			if (an[i].kind == ANCHOR_NAME)
				memcpy(keys[n++], an[i].key, sizeof keys[0]);
		}
		free(mine);
	}
	return (n);
}

size_t
fix_weak_cuts(const struct alignment *al, struct sent_memo *m, size_t w,
    size_t t, const struct align_bead *bd, size_t *out, int *named, size_t max)
{
	const struct text_sentence	*ts = &al->sents[w][t];
	const char			*txt;
	const struct text_anchor	*an;
	struct text_anchor		*mine;
	char				 names[64][48];
	size_t				 off[32], nb, na, nn = 0, v, i, k, n = 0;
	int				 shared;

	if (al->docs[w]->presegmented)
		return (0);
	txt = al->docs[w]->blocks[ts->block].text + ts->start;
	nb = text_weak_breaks(txt, ts->end - ts->start, off, nitems(off));
	if (nb == 0)
		return (0);
	for (v = 0; v < al->nvers; v++) {
		if (v != w)
			nn = bead_names(al, m, v, bd, names, nn, nitems(names));
	}
	an = memo_anchors(m, al, w, t, &na, &mine);
	for (i = 0; i < nb && n < max; i++) {
		if (off[i] < 6 || ts->end - ts->start - off[i] < 6)
			continue;
		/* A name the other versions hold is no boundary. */
		shared = 0;
		for (k = 0; k < na && !shared; k++) {
			if (an[k].kind != ANCHOR_NAME || an[k].start < off[i] ||
			    an[k].start > off[i] + 4)
				continue;
			for (v = 0; v < nn && !shared; v++)
				shared = text_name_similarity(an[k].key,
				    names[v]) >= 0.7;
		}
		if (shared && named == NULL)
			continue;
		if (named != NULL)
			named[n] = shared;
		out[n++] = ts->start + off[i];
	}
	free(mine);
	return (n);
}

/*
 * What the versions that hold two sentences in bead bd say of a cut: the
 * first one's mean share of their length (*share) and the number keys of
 * each side (r1, r2, sorted). Returns how many versions spoke.
 */
static int
clause_refs(const struct alignment *al, const struct align_bead *bd,
    double *share, uint32_t *r1, size_t *nr1, uint32_t *r2, size_t *nr2)
{
	const struct text_sentence	*a, *b;
	const char			*bt;
	uint32_t			 k[16];
	double				 la, lb;
	size_t				 v, i, nn;
	int				 nref = 0;

	*share = 0;
	*nr1 = *nr2 = 0;
	for (v = 0; v < al->nvers; v++) {
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
		*share += la / (la + lb);
		nref++;
		nn = number_keys(al->docs[v]->blocks[a->block].text + a->start,
		    a->end - a->start, al->docs[v]->lang, k, nitems(k));
		for (i = 0; i < nn && *nr1 < 64; i++)
			r1[(*nr1)++] = k[i];
		nn = number_keys(al->docs[v]->blocks[b->block].text + b->start,
		    b->end - b->start, al->docs[v]->lang, k, nitems(k));
		for (i = 0; i < nn && *nr2 < 64; i++)
			r2[(*nr2)++] = k[i];
	}
	if (nref > 0)
		*share /= nref;
	feat_keys_sort(r1, *nr1);
	feat_keys_sort(r2, *nr2);
	return (nref);
}

/*
 * A cut offered at txt[i]: before the capital of a weak boundary (a lost
 * full stop, weak[*wk]), after ", ; :" and a space, before a spaced dash;
 * 0 when none.
 */
static size_t
clause_at(const char *txt, size_t i, const size_t *weak, size_t nweak,
    size_t *wk)
{
	while (*wk < nweak && weak[*wk] < i + 1)
		(*wk)++;
	if (*wk < nweak && weak[*wk] == i + 1)
		return (weak[(*wk)++]);
	if ((txt[i] == ',' || txt[i] == ';' || txt[i] == ':') &&
	    txt[i + 1] == ' ')
		return (i + 1);
	if (txt[i] == ' ' && (strncmp(txt + i + 1, "\xe2\x80\x94", 3) == 0 ||
	    strncmp(txt + i + 1, "\xe2\x80\x93", 3) == 0 ||
	    (txt[i + 1] == '-' && txt[i + 2] == ' ')))
		return (i);
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
	uint32_t			 n1[16], n2[16], r1[64], r2[64];
	size_t				 nr1, nr2, i, best = 0, total, cut;
	size_t				 nn, weak[16], nweak, wk;
	double				 share, bestw = 1, dd, dw;

	/* A presegmented line is the user's unit: it is never cut. */
	if (clause_refs(al, bd, &share, r1, &nr1, r2, &nr2) == 0 ||
	    d->presegmented)
		return (0);
	total = char_count(txt + ts->start, ts->end - ts->start);
	if (total < 20)
		return (0);
	nweak = fix_weak_cuts(al, NULL, w, t, bd, weak, NULL, nitems(weak));
	for (i = ts->start + 1, wk = 0; i + 1 < ts->end; i++) {
		if ((cut = clause_at(txt, i, weak, nweak, &wk)) == 0)
			continue;
		dd = fabs((double)char_count(txt + ts->start, cut - ts->start) /
		    (double)total - share);
		/* A lost full stop is likelier than a clause's end. */
		dw = dd - (wk > 0 && weak[wk - 1] == cut ? FIX_SHAREDIFF : 0);
		if (dw >= bestw || dd >= FIX_SHAREDIFF)
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
		bestw = dw;
		best = cut;
	}
	return (best);
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

void
fix_lside_add(struct lside *l, const char *s, size_t len, const char *lang)
{
	struct feat	*f = &l->f[l->sd.n];

	l->sd.f = l->f;
	memset(f, 0, sizeof *f);
	feat_text(&l->sd, f, s, len, lang);
	f->nquotes = count_quote_opens(s, len);
	l->sd.total += f->len;
	l->sd.n++;
}

enum { FIX_KEEP, FIX_SPLIT, FIX_FIRST, FIX_SECOND };

/*
 * The two parts of sentence t cut at cut (a byte offset in the text of
 * its block, txt): the first ends before the spaces there, the second
 * starts after them. t may be t1.
 */
static void
clause_parts(const char *txt, const struct text_sentence *t, size_t cut,
    struct text_sentence *t1, struct text_sentence *t2)
{
	struct text_sentence	s = *t;

	*t1 = s;
	*t2 = s;
	t1->end = cut;
	while (t1->end > t1->start && txt[t1->end - 1] == ' ')
		t1->end--;
	t2->start = cut;
	while (t2->start < t2->end && txt[t2->start] == ' ')
		t2->start++;
}

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
	struct text_sentence		 t1, t2;
	struct lside			 T, R;
	double				 c[4] = { 0, 0, 0, 0 }, ratio, best;
	size_t				 v;
	int				 nref = 0, k, choice;

	*cut = clause_cut(al, w, bd->first[w], bd);
	memset(&T, 0, sizeof T);
	fix_lside_add(&T, txt + t->start, t->end - t->start, lang);
	if (*cut != 0) {
		clause_parts(txt, t, *cut, &t1, &t2);
		fix_lside_add(&T, txt + t1.start, t1.end - t1.start, lang);
		fix_lside_add(&T, txt + t2.start, t2.end - t2.start, lang);
	}
	for (v = 0; v < al->nvers; v++) {
		const struct text_sentence	*a, *b;

		if (bd->count[v] != 2 || total[v] <= 0)
			continue;
		a = &al->sents[v][bd->first[v]];
		b = &al->sents[v][bd->first[v] + 1];
		memset(&R, 0, sizeof R);
		fix_lside_add(&R, al->docs[v]->blocks[a->block].text + a->start,
		    a->end - a->start, al->docs[v]->lang);
		fix_lside_add(&R, al->docs[v]->blocks[b->block].text + b->start,
		    b->end - b->start, al->docs[v]->lang);
		ratio = total[w] / total[v];
		c[FIX_KEEP] += dp_sent_types[3].prior + dp_pair_cost(&R.sd,
		    0, 2, &T.sd, 0, 1, ratio);
		c[FIX_FIRST] += dp_sent_types[0].prior + dp_pair_cost(&R.sd,
		    0, 1, &T.sd, 0, 1, ratio) + dp_sent_types[1].prior +
		    log1p(R.f[1].len * ratio / 200.0);
		c[FIX_SECOND] += dp_sent_types[1].prior +
		    log1p(R.f[0].len * ratio / 200.0) + dp_sent_types[0].prior +
		    dp_pair_cost(&R.sd, 1, 1, &T.sd, 0, 1, ratio);
		if (*cut != 0)
			c[FIX_SPLIT] += 2 * dp_sent_types[0].prior +
			    dp_pair_cost(&R.sd, 0, 1, &T.sd, 1, 1, ratio) +
			    dp_pair_cost(&R.sd, 1, 1, &T.sd, 2, 1, ratio);
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
void
fix_check_pairs(struct alignment *al, const struct vside *vs)
{
	size_t	b, u, w;
	double	c, conf;

	for (b = 0; b < al->nbeads; b++) {
		struct align_bead	*bd = &al->beads[b];

		for (u = 0; u < al->nvers; u++) {
			if (u == al->pivot || bd->count[u] == 0)
				continue;
			for (w = u + 1; w < al->nvers; w++) {
				if (w == al->pivot || bd->count[w] == 0 ||
				    vs[u].sent.total <= 0)
					continue;
				c = dp_pair_cost(&vs[u].sent, bd->first[u],
				    (int)bd->count[u], &vs[w].sent, bd->first[w],
				    (int)bd->count[w], vs[w].sent.total /
				    vs[u].sent.total);
				conf = dp_bead_confidence(c, (int)bd->count[u],
				    (int)bd->count[w]);
				if (conf < bd->confidence)
					bd->confidence = conf;
			}
		}
	}
}

/*
 * The beads and sentences fix_split_merged() makes: the alignment's own
 * copies, which replace its arrays.
 */
struct resplit {
	struct align_bead	*nb;
	size_t			 n, alloc;
	struct text_sentence	*ns[ALIGN_MAXVERS];
	size_t			 nn[ALIGN_MAXVERS], an[ALIGN_MAXVERS];
};

/*
 * Is bead bd to be split? It must hold two sentences in some versions
 * and one in the others, and each version with one must be fixed (fix[v]
 * and cut[v] receive the decision of merge_or_drop()).
 */
static int
split_decide(const struct alignment *al, const struct align_bead *bd,
    const double *total, int *fix, size_t *cut)
{
	size_t	v;
	int	two = 0, one = 0, ok = 1;

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
	return (ok && two > 0 && one > 0);
}

/* Copy bead bd and its sentences. */
static void
split_copy(const struct alignment *al, const struct align_bead *bd,
    struct resplit *r)
{
	struct align_bead	*x;
	size_t			 v, k;

	XGROW(r->nb, r->alloc, r->n + 1);
	x = &r->nb[r->n++];
	*x = *bd;
	for (v = 0; v < al->nvers; v++) {
		x->first[v] = r->nn[v];
		for (k = 0; k < bd->count[v]; k++) {
			XGROW(r->ns[v], r->an[v], r->nn[v] + 1);
			r->ns[v][r->nn[v]++] = al->sents[v][bd->first[v] + k];
		}
	}
}

/*
 * Version v's part of bead bd split in two, x and y: its two sentences
 * one each, its one sentence to the first (FIX_FIRST) or the second
 * (FIX_SECOND), or cut at cut, a part each (FIX_SPLIT).
 */
static void
split_version(const struct alignment *al, size_t v,
    const struct align_bead *bd, int fix, size_t cut, struct align_bead *x,
    struct align_bead *y, struct resplit *r)
{
	struct text_sentence	t1, t2;

	t1 = al->sents[v][bd->first[v]];
	x->count[v] = y->count[v] = 0;
	XGROW(r->ns[v], r->an[v], r->nn[v] + 2);
	if (bd->count[v] == 2)
		t2 = al->sents[v][bd->first[v] + 1];
	else if (fix == FIX_FIRST || fix == FIX_SECOND) {
		if (fix == FIX_SECOND)
			x = y;
		x->first[v] = r->nn[v];
		x->count[v] = 1;
		r->ns[v][r->nn[v]++] = t1;
		return;
	} else {
		clause_parts(al->docs[v]->blocks[t1.block].text, &t1, cut,
		    &t1, &t2);
	}
	x->first[v] = r->nn[v];
	x->count[v] = 1;
	r->ns[v][r->nn[v]++] = t1;
	y->first[v] = r->nn[v];
	y->count[v] = 1;
	r->ns[v][r->nn[v]++] = t2;
}

/* Bead bd split in two (see split_decide()). */
static void
split_two(const struct alignment *al, const struct align_bead *bd,
    const int *fix, const size_t *cut, struct resplit *r)
{
	struct align_bead	*x, *y;
	size_t			 v;

	XGROW(r->nb, r->alloc, r->n + 2);
	x = &r->nb[r->n++];
	y = &r->nb[r->n++];
	*x = *bd;
	*y = *bd;
	for (v = 0; v < al->nvers; v++)
		split_version(al, v, bd, fix[v], cut[v], x, y, r);
	if (fix[0] == FIX_FIRST || fix[0] == FIX_SECOND)
		x->confidence = y->confidence = bd->confidence;
}

/*
 * Beads that hold two sentences in some versions and one in others are
 * decided again with more to go on than the programme had: where a
 * translator made one sentence of two, the sentence is cut at the clause
 * that matches so that each part pairs with its own sentence; where one
 * was left out, the bead becomes two, one without that version. The
 * alignment's sentences are its own copy; the document is not touched.
 */
void
fix_split_merged(struct alignment *al, const double *total)
{
	struct resplit	 r;
	size_t		 b, v, cut[ALIGN_MAXVERS];
	int		 fix[ALIGN_MAXVERS];

	memset(&r, 0, sizeof r);
	for (b = 0; b < al->nbeads; b++) {
		if (split_decide(al, &al->beads[b], total, fix, cut))
			split_two(al, &al->beads[b], fix, cut, &r);
		else
			split_copy(al, &al->beads[b], &r);
	}
	XSHRINK(r.nb, r.alloc, r.n);
	for (v = 0; v < al->nvers; v++) {
		XSHRINK(r.ns[v], r.an[v], r.nn[v]);
		free(al->sents[v]);
		al->sents[v] = r.ns[v];
		al->nsents[v] = r.nn[v];
		for (b = r.n; b > 0; b--) {
			if (r.nb[b - 1].count[v] == 0)
				r.nb[b - 1].first[v] = b < r.n ?
				    r.nb[b].first[v] : r.nn[v];
		}
	}
	free(al->beads);
	al->beads = r.nb;
	al->nbeads = r.n;
}
