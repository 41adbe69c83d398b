/*
 * libFuzzer target: the aligner on small versions. The input holds two or
 * three plain-text versions separated by NUL bytes (without one, it is cut
 * in two at the line nearest its middle); the first byte picks their
 * languages. They are loaded, aligned (beads and quote links), every
 * sentence and quotation of each version is mapped into the others, and
 * the alignment is dumped. The beads must cover every sentence once, in
 * order, and every mapped range must lie inside its document.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "align.h"
#include "article.h"
#include "cmd.h"
#include "fuzz.h"
#include "load.h"

/* The largest input aligned: the target is for logic, not for size. */
#define FUZZ_ALIGN_MAX	8192

static const char *const langsets[][3] = {
	{ "en", "fr", "ru" },
	{ "en", "ru", "fr" },
	{ "fr", "ru", "en" },
	{ "ru", "en", "fr" },
	{ "en", "en", "en" },
	{ "fr", "en", "de" }
};

/* Is pos inside document d (an offset up to a block's length)? */
static int
pos_ok(const struct doc *d, struct doc_pos p)
{
	return (p.block < d->nblocks && p.off <= d->blocks[p.block].len);
}

/* Check that the beads cover each version's sentences once, in order. */
static void
check_beads(const struct alignment *al)
{
	size_t	v, b, next;

	for (v = 0; v < al->nvers; v++) {
		next = 0;
		for (b = 0; b < al->nbeads; b++) {
			if (al->beads[b].count[v] == 0)
				continue;
			if (al->beads[b].first[v] != next)
				abort();
			next += al->beads[b].count[v];
		}
		if (next != al->nsents[v])
			abort();
	}
	for (b = 0; b < al->nbeads; b++) {
		if (!(al->beads[b].confidence >= 0 &&
		    al->beads[b].confidence <= 1))
			abort();
	}
}

/* Map [start, end) of version from into every other version. */
static void
map_range(const struct alignment *al, size_t from, struct doc_pos start,
    struct doc_pos end)
{
	struct doc_pos	os, oe;
	size_t		to;

	for (to = 0; to < al->nvers; to++) {
		if (align_map(al, from, start, end, to, &os, &oe) != 0)
			continue;
		if (!pos_ok(al->docs[to], os) || !pos_ok(al->docs[to], oe))
			abort();
	}
}

/* Map every sentence and quotation, and check the quote links. */
static void
check_maps(const struct alignment *al)
{
	const struct text_sentence	*t;
	const struct text_quote		*q;
	struct doc_pos			 a, b;
	size_t				 v, i, s;

	for (v = 0; v < al->nvers; v++) {
		for (i = 0; i < al->nsents[v]; i++) {
			t = &al->sents[v][i];
			a.block = b.block = t->block;
			a.off = t->start;
			b.off = t->end;
			if (!pos_ok(al->docs[v], a) || !pos_ok(al->docs[v], b))
				abort();
			s = align_sentence_at(al, v, a);
			if (s == DOC_NOPOS || s >= al->nsents[v] ||
			    align_bead_of(al, v, i) >= al->nbeads)
				abort();
			map_range(al, v, a, b);
			/* A part of the sentence: its second half. */
			a.off = t->start + (t->end - t->start) / 2;
			map_range(al, v, a, b);
		}
		for (i = 0; i < al->nquotes[v]; i++) {
			q = &al->quotes[v][i];
			map_range(al, v, q->start, q->end);
		}
	}
	for (i = 0; i < al->nqlinks; i++) {
		for (v = 0; v < al->nvers; v++) {
			s = al->qlinks[i].quote[v];
			if (s != DOC_NOPOS && s >= al->nquotes[v])
				abort();
		}
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const names[] = { "a.txt", "b.txt", "c.txt" };
	struct article		 a;
	struct align_opts	 ao;
	struct load_opts	 lo;
	struct alignment	*al;
	const char		*s, *end, *p, *cut, *const *ls;
	char			*cause = NULL;
	size_t			 v, n;

	if (size < 2 || size > FUZZ_ALIGN_MAX)
		return (0);
	ls = langsets[data[0] % nitems(langsets)];
	s = (const char *)data + 1;
	end = (const char *)data + size;

	memset(&a, 0, sizeof a);
	memset(&lo, 0, sizeof lo);
	lo.format = "text";
	lo.force_lang = 1;
	lo.presegmented = data[0] >= 128;
	for (v = 0; v < 3 && s < end; v++) {
		if ((p = memchr(s, '\0', (size_t)(end - s))) == NULL) {
			p = end;
			if (v == 0) {
				/* No NUL: cut at the line nearest the middle. */
				cut = s + (size_t)(end - s) / 2;
				while (cut < end && *cut != '\n')
					cut++;
				p = cut;
			}
		}
		n = (size_t)(p - s);
		lo.lang = ls[v];
		a.docs[a.n] = load_buffer(names[v], s, n, &lo, &cause);
		if (a.docs[a.n] == NULL) {
			free(cause);
			cause = NULL;
		} else
			fuzz_check_doc(a.docs[a.n++]);
		s = p + 1;
	}
	if (a.n < 2)
		goto done;

	memset(&ao, 0, sizeof ao);
	ao.pivot = (data[0] & 0x40) ? ls[1] : NULL;
	if ((al = align_create(&a, &ao, &cause)) == NULL) {
		free(cause);
		goto done;
	}
	if (al->nvers != a.n)
		abort();
	check_beads(al);
	check_maps(al);
	dump_article(fuzz_null(), &a, al, 30 * (int)a.n);
	align_free(al);

done:
	for (v = 0; v < a.n; v++)
		doc_free(a.docs[v]);
	return (0);
}
