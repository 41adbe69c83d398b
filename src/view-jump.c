/*
 * Jumps: the jump list (C-o or '' back, C-r forward, as vim's C-o and
 * C-i and less's ''), the count typed before a key (50% or 50p: half way
 * through the focused version) and the percentage jump.
 *
 * A jump is a move that leaves the reading place: a search (Enter, n, N),
 * the contents, a note, x and X, g and G, a percentage. Each records where
 * it left from (vj_mark() before, vj_commit() after, when the focus has
 * moved), as a version and the start of the focused sentence, never a
 * sentence number: the real alignment arriving renumbers the sentences,
 * not the text. Going back records where it goes back from, so that
 * forward returns there, as a browser's history.
 *
 * Above view-core.c (focus, v_goto()); view-find.c, view-notes.c and
 * view.c's actions call it.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "view-int.h"

/* The jump list keeps the last VJ_MAX places. */
#define VJ_MAX	100

/* The place of the focus: its version and its sentence's start. */
static void
here(const struct view *v, struct vjump *j)
{
	const struct text_sentence	*t;

	j->v = v->fv;
	j->p.block = j->p.off = 0;
	if (v->fv < v->cur->nvers && v->fs < v->cur->nsents[v->fv]) {
		t = &v->cur->sents[v->fv][v->fs];
		j->p.block = t->block;
		j->p.off = t->start;
	}
}

/* Are two places the same? */
static int
same(const struct vjump *a, const struct vjump *b)
{
	return (a->v == b->v && doc_pos_cmp(a->p, b->p) == 0);
}

/* Append a place, dropping the oldest past VJ_MAX. */
static void
append(struct view *v, const struct vjump *j)
{
	if (v->njumps > 0 && same(&v->jumps[v->njumps - 1], j))
		return;
	if (v->njumps == VJ_MAX) {
		memmove(v->jumps, v->jumps + 1,
		    (VJ_MAX - 1) * sizeof *v->jumps);
		v->njumps--;
	}
	XGROW(v->jumps, v->ajumps, v->njumps + 1);
	v->jumps[v->njumps++] = *j;
}

/* Note where a jump leaves from (vj_commit() records it if it moves). */
void
vj_mark(const struct view *v, struct vjump *mark)
{
	here(v, mark);
}

/* After a jump: record where it left from, if the focus has moved. */
void
vj_commit(struct view *v, const struct vjump *mark)
{
	struct vjump	now;

	here(v, &now);
	if (same(&now, mark))
		return;
	/* A new jump after going back forgets the places ahead. */
	if (v->jcur < v->njumps)
		v->njumps = v->jcur;
	append(v, mark);
	v->jcur = v->njumps;
}

/* Go to a place of the list. */
static void
go(struct view *v, size_t i)
{
	const struct vjump	*j = &v->jumps[i];

	v->jcur = i;
	v_goto(v, j->v, j->p, 0);
	view_message(v, "jump %zu/%zu", i + 1, v->njumps);
}

/* Go back to where the last jump left from. */
void
vj_back(struct view *v)
{
	struct vjump	now;

	here(v, &now);
	if (v->jcur >= v->njumps) {
		/* Keep the place left, for forward. */
		append(v, &now);
		v->jcur = v->njumps - 1;
	}
	if (v->jcur == 0 || v->njumps == 0) {
		view_message(v, "no earlier place (search, contents, notes, "
		    "x, g, G and %% jumps are kept)");
		return;
	}
	go(v, v->jcur - 1);
}

/* Go forward again, after going back. */
void
vj_forward(struct view *v)
{
	if (v->jcur + 1 >= v->njumps) {
		view_message(v, "no later place (C-o goes back)");
		return;
	}
	go(v, v->jcur + 1);
}

/* Forget the jump list. */
void
vj_free(struct view *v)
{
	free(v->jumps);
	v->jumps = NULL;
	v->njumps = v->ajumps = v->jcur = 0;
}

/*
 * A digit before a key: add it to the count. The first digit keeps the
 * focus, which its own binding (1-6 switch the version) may change and
 * the percentage takes back.
 */
void
vj_count_digit(struct view *v, int digit)
{
	if (!v->counted) {
		here(v, &v->count_at);
		v->count_sv = v->sv;
		v->counted = 1;
	}
	if (v->count < 100000)
		v->count = v->count * 10 + (unsigned long)digit;
}

/* Take back what the count's digits did to the focus and the version. */
static void
count_undo(struct view *v)
{
	size_t	s, w = v->count_at.v;

	if (w >= v->cur->nvers)
		return;
	s = vl_sentence_at(v->cur, w, v->count_at.p.block,
	    v->count_at.p.off);
	if (s == DOC_NOPOS)
		return;
	if (v->lay->one_version && v->sv != v->count_sv &&
	    v->count_sv < v->nvers) {
		v->sv = v->count_sv;
		v->fv = w;
		v->fs = s;
		v->fq = DOC_NOPOS;
		v_relayout(v, 0);
	}
	v_set_focus(v, w, s);
}

/*
 * Go pct percent of the way through the focused version's text (by
 * bytes, as less's %), centred; pct 0 asks for a count.
 */
void
vj_percent(struct view *v, unsigned long pct, int counted)
{
	const struct doc		*d;
	const struct text_sentence	*t;
	struct vjump			 mark;
	size_t				 i, n, total = 0, at, cum, s;

	if (!counted) {
		view_message(v, "type a percentage first: 50%% or 50p goes "
		    "half way");
		return;
	}
	count_undo(v);
	if (v->fv >= v->cur->nvers || (n = v->cur->nsents[v->fv]) == 0)
		return;
	if (pct > 100)
		pct = 100;
	d = v->a->docs[v->fv];
	for (i = 0; i < d->nblocks; i++)
		total += d->blocks[i].len;
	at = (size_t)((double)total * (double)pct / 100.0);
	/* The first sentence that ends after byte at of the text. */
	t = v->cur->sents[v->fv];
	cum = 0;
	i = 0;
	for (s = 0; s < n; s++) {
		for (; i < t[s].block && i < d->nblocks; i++)
			cum += d->blocks[i].len;
		if (cum + t[s].end > at)
			break;
	}
	if (s >= n)
		s = n - 1;
	vj_mark(v, &mark);
	v->search.cmatch = DOC_NOPOS;
	v_set_focus(v, v->fv, s);
	v_show_centred(v);
	vj_commit(v, &mark);
	view_message(v, "%lu%%", pct);
}
