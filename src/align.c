/*
 * Alignment of the versions of an article: the preparation of the
 * versions, creation and release (align-int.h lists the parts).
 *
 * The versions are aligned one after another into a growing profile: the
 * pivot (the first version, or --pivot) first, then each other version
 * against the beads found so far, so that every version already aligned
 * witnesses for the next one (a sentence one translator dropped is still
 * in the others). Each step is a banded dynamic programme over bead
 * types, first on blocks, then on sentences (align-dp.c). With more than
 * two versions each is then aligned again against all the others. The
 * beads are checked and mended (align-fix.c), and the quotations linked
 * inside each (align-quote.c).
 */
#include "config.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "align-int.h"
#include "parallel.h"

/* The warm-up thread of align_warm(). */
static pthread_t	warm_thread;
static int		warm_running;
static pthread_mutex_t	warm_lock = PTHREAD_MUTEX_INITIALIZER;

static void *
warm_main(void *arg)
{
	(void)arg;
	dp_init();
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

/* Has the caller cancelled? */
static int
cancelled(const struct align_opts *opts)
{
	return (opts != NULL && opts->cancel != NULL && *opts->cancel);
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
	feat_side_build(al, v, &vs[v].sent, &vs[v].block, &vs[v].sblock);
	/* The sentence side's come later: see prep_job(). */
	dp_side_views(&vs[v].block);
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

	if (cancelled(o))
		return;
	if (pp->pass == PREP_BLOCKS) {
		if (v != pp->al->pivot)
			dp_align_blocks(pp->al->nvers, pp->al->pivot, pp->vs,
			    v);
		return;
	}
	if (pp->pass == PREP_VIEWS) {
		feat_side_thin(&pp->vs[v].block);
		dp_side_views(&pp->vs[v].sent);
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
		if (cancelled(opts))
			return (-1);
		/* The names are keyed: their cache goes before the blocks. */
		if (pp.pass == PREP_SIDES)
			text_anchors_forget();
	}
	return (0);
}

/*
 * Choose the pivot: the first version in opts->pivot's language, else
 * the first. Returns -1 with *cause when no version has that language.
 */
static int
choose_pivot(struct alignment *al, const struct align_opts *opts,
    char **cause)
{
	size_t	v;

	al->pivot = DOC_NOPOS;
	for (v = 0; v < al->nvers; v++) {
		if (opts != NULL && opts->pivot != NULL &&
		    al->pivot == DOC_NOPOS && al->docs[v]->lang != NULL &&
		    strcmp(al->docs[v]->lang, opts->pivot) == 0)
			al->pivot = v;
	}
	if (al->pivot == DOC_NOPOS) {
		if (opts != NULL && opts->pivot != NULL) {
			*cause = xstrprintf("no version in '%s' to use as "
			    "the pivot", opts->pivot);
			return (-1);
		}
		al->pivot = 0;
	}
	return (0);
}

/*
 * Align every version into profile P, which holds the pivot: each in
 * turn, then (more than two) each again against all the others, so that
 * the versions aligned after it witness for it too. Returns -1 when
 * cancelled.
 */
static int
align_versions(struct profile *P, struct alignment *al, struct vside *vs,
    const struct align_opts *opts)
{
	size_t	 v, done = 0, n = al->nvers;
	double	*prev;

	for (v = 0; v < n; v++) {
		if (v == al->pivot)
			continue;
		dp_align_step(P, al->pivot, vs, v, NULL);
		done++;
		if (opts != NULL && opts->progress != NULL)
			*opts->progress = 300 + (int)(650 * done /
			    (2 * (n - 1)));
		if (cancelled(opts))
			return (-1);
	}
	for (v = 0; v < n && n > 2; v++) {
		if (v == al->pivot)
			continue;
		prev = dp_profile_take_out(P, v);
		dp_align_step(P, al->pivot, vs, v, prev);
		free(prev);
		if (cancelled(opts))
			return (-1);
	}
	return (0);
}

/* Free the sides of the versions (total[v] receives each's length). */
static void
vsides_free(struct vside *vs, size_t n, double *total)
{
	size_t	v;

	for (v = 0; v < n; v++) {
		total[v] = vs[v].sent.total;
		feat_side_release(&vs[v].sent);
		feat_side_release(&vs[v].block);
		free(vs[v].sblock);
		free(vs[v].bb);
		vs[v].sblock = NULL;
		vs[v].bb = NULL;
	}
}

/*
 * Has a version gone over the programme's budget? *cells receives the
 * cells filled on them all.
 */
static int
over_budget(const struct vside *vs, size_t n, size_t *cells)
{
	size_t	v;
	int	over = 0;

	*cells = 0;
	for (v = 0; v < n; v++) {
		*cells += vs[v].bud.cells;
		over |= vs[v].bud.over;
	}
	return (over);
}

struct alignment *
align_create(const struct article *a, const struct align_opts *opts,
    char **cause)
{
	struct alignment	*al;
	struct vside		 vs[ALIGN_MAXVERS];
	struct profile		 P;
	size_t			 v, cells, pivot;
	double			 total[ALIGN_MAXVERS];
	const char		*e;

	dp_init();
	if (a->n == 0 || a->n > ALIGN_MAXVERS) {
		*cause = xstrdup("no versions to align");
		return (NULL);
	}
	al = xcalloc(1, sizeof *al);
	al->nvers = a->n;
	for (v = 0; v < a->n; v++)
		al->docs[v] = a->docs[v];
	if (choose_pivot(al, opts, cause) != 0) {
		free(al);
		return (NULL);
	}
	memset(vs, 0, sizeof vs);
	/* For the tests: a small budget, that a small pair reaches. */
	if ((e = getenv("POLYREAD_ALIGN_BUDGET")) != NULL) {
		for (v = 0; v < a->n; v++)
			vs[v].bud.base = strtoul(e, NULL, 10);
	}
	if (prep_all(al, vs, opts) != 0) {
		warm_join();
		goto stopped;
	}
	warm_join();
	/* The blocks over budget: the sentences would be too. */
	if (over_budget(vs, a->n, &cells))
		goto fallback;
	dp_profile_of_side(&P, a->n, al->pivot, &vs[al->pivot].sent);
	if (align_versions(&P, al, vs, opts) != 0) {
		free(P.beads);
		goto stopped;
	}
	if (over_budget(vs, a->n, &cells)) {
		free(P.beads);
		goto fallback;
	}
	al->cells = cells;
	al->beads = dp_profile_widen(&P);
	al->nbeads = P.n;
	if (a->n > 2)
		fix_check_pairs(al, vs);
	/* The sides are done with: freed before the arrays below. */
	vsides_free(vs, a->n, total);
	if (a->n > 1) {
		fix_split_merged(al, total);
		refine_beads(al, total);
		refine_mark_shifts(al, total);
	}
	index_beads(al);
	quote_link_beads(al);
	if (opts != NULL && opts->progress != NULL)
		*opts->progress = 1000;
	return (al);

fallback:
	/* Past the budget: the paragraphs in order, and the reader told. */
	vsides_free(vs, a->n, total);
	pivot = al->pivot;
	align_free(al);
	al = align_create_blocks(a, NULL, 0, NULL);
	al->pivot = pivot;
	al->fallback = "the versions are too different to align sentence by "
	    "sentence: paragraphs paired in order";
	al->cells = cells;
	if (opts != NULL && opts->progress != NULL)
		*opts->progress = 1000;
	return (al);

stopped:
	vsides_free(vs, a->n, total);
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

/*
 * The beads of the top t to keep: those up to the last one, in the first
 * three quarters, after which every version starts a paragraph; the end
 * of the top (where a version's share may have cut a paragraph its
 * translation did not) is left to the whole alignment. Returns their
 * number (0: none), and in keep[v] the sentences of each version they
 * hold.
 */
static size_t
top_cut(const struct alignment *t, size_t *keep)
{
	size_t	pos[ALIGN_MAXVERS], v, i, n, cut = 0;
	int	ok;

	memset(pos, 0, sizeof pos);
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
			memcpy(keep, pos, sizeof pos);
		}
	}
	return (cut);
}

struct alignment *
align_create_top(const struct article *a, const struct align_opts *opts,
    size_t want)
{
	struct article		 sa;
	struct doc		 sd[ALIGN_MAXVERS];
	struct align_opts	 o;
	struct alignment	*t, *h;
	size_t			 v, b, total, cum, maxtotal = 0, cut;
	size_t			 keep[ALIGN_MAXVERS];
	char			*cause = NULL;
	double			 share;

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

	if ((cut = top_cut(t, keep)) == 0) {
		align_free(t);
		return (NULL);
	}

	/* The kept beads, then the paragraphs after them, one by one. */
	h = align_create_blocks(a, t, cut, keep);
	align_free(t);
	return (h);
}

struct alignment *
align_create_blocks(const struct article *a, const struct alignment *head,
    size_t nbeads, const size_t *nsents)
{
	struct alignment	*al;
	struct align_bead	*bd;
	size_t			 v, i, b, nb, nrest = 0;
	size_t			 keep[ALIGN_MAXVERS], from[ALIGN_MAXVERS];

	al = xcalloc(1, sizeof *al);
	al->nvers = a->n;
	al->pivot = head != NULL ? head->pivot : 0;
	for (v = 0; v < al->nvers; v++) {
		al->docs[v] = a->docs[v];
		keep[v] = head != NULL ? nsents[v] : 0;
		from[v] = head != NULL ? head->sents[v][keep[v]].block : 0;
		nb = a->docs[v]->nblocks - from[v];
		if (nb > nrest)
			nrest = nb;
		al->nsents[v] = keep[v] + nb;
		al->sents[v] = xcalloc(al->nsents[v] + 1,
		    sizeof *al->sents[v]);
		if (keep[v] > 0)
			memcpy(al->sents[v], head->sents[v],
			    keep[v] * sizeof *head->sents[v]);
		for (b = 0; b < nb; b++) {
			al->sents[v][keep[v] + b].block = from[v] + b;
			al->sents[v][keep[v] + b].start = 0;
			al->sents[v][keep[v] + b].end =
			    a->docs[v]->blocks[from[v] + b].len;
		}
	}
	al->nbeads = nbeads + nrest;
	al->beads = xcalloc(al->nbeads + 1, sizeof *al->beads);
	if (nbeads > 0)
		memcpy(al->beads, head->beads, nbeads * sizeof *head->beads);
	for (i = 0; i < nrest; i++) {
		bd = &al->beads[nbeads + i];
		for (v = 0; v < al->nvers; v++) {
			nb = a->docs[v]->nblocks - from[v];
			bd->first[v] = keep[v] + (i < nb ? i : nb);
			bd->count[v] = i < nb;
		}
		bd->confidence = 1;
	}
	index_beads(al);
	return (al);
}
