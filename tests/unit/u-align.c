/*
 * Unit tests: alignment. The versions are built sentence by sentence
 * (presegmented) from the bundled sample article (data/sample/), written
 * for polyread in English, French and Russian, so the tests do not depend
 * on the sentence splitter; edits to one version make the bead types.
 */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "unit.h"

#include "align.h"

static const char *en[] = {
	"#The Northern Sea Route: a shortcut that divides the Arctic",
	"When the Arctic Council’s working groups met in Tromsø on June 21, "
	"2024, the agenda said little about shipping.",
	"Yet the Northern Sea Route was on everyone’s mind: last year 1,402 "
	"transits were recorded along the Russian coast, 12.5% more than the "
	"year before, that is, some 156 more ships.",
	"",
	"Norway’s Minister of Fisheries, Ingrid Halvorsen, was blunt.",
	"“The Arctic cannot become a toll road run by one country,” she told "
	"reporters, adding that Oslo would “keep every channel open, but not "
	"at any price”.",
	"",
	"In Moscow the tone was different.",
	"Sergei Volkov, deputy head of the Rosatom department in charge of "
	"the route, said the figures spoke for themselves: “Ships choose the "
	"shortest way.",
	"Nobody forces them; they come because it saves 12 days and 4,500 "
	"kilometres.”",
	NULL
};

static const char *fr[] = {
	"#La route maritime du Nord : un raccourci qui divise l’Arctique",
	"Lorsque les groupes de travail du Conseil de l’Arctique se sont "
	"réunis à Tromsø le 21 juin 2024, l’ordre du jour parlait peu de "
	"navigation.",
	"Pourtant, la route maritime du Nord était dans tous les esprits : "
	"l’an dernier, 1 402 transits ont été enregistrés le long des côtes "
	"russes, soit 12,5 % de plus que l’année précédente, c’est-à-dire "
	"quelque 156 navires de plus.",
	"",
	"La ministre norvégienne de la Pêche, Ingrid Halvorsen, n’a pas mâché "
	"ses mots.",
	"« L’Arctique ne peut pas devenir une route à péage gérée par un seul "
	"pays », a-t-elle déclaré aux journalistes, ajoutant qu’Oslo « gardera "
	"tous les canaux ouverts, mais pas à n’importe quel prix ».",
	"",
	"À Moscou, le ton était différent.",
	"Sergueï Volkov, chef adjoint du département de Rosatom chargé de la "
	"route, a estimé que les chiffres parlaient d’eux-mêmes : « Les "
	"navires choisissent le chemin le plus court.",
	"Personne ne les y oblige ; ils viennent parce que cela fait gagner "
	"12 jours et 4 500 kilomètres. »",
	NULL
};

static const char *ru[] = {
	"#Северный морской путь: короткая дорога, которая разделяет Арктику",
	"Когда рабочие группы Арктического совета собрались в Тромсё 21 июня "
	"2024 г., о судоходстве в повестке дня говорилось немного.",
	"Однако Северный морской путь был у всех на уме: в прошлом году вдоль "
	"российского побережья зарегистрировано 1 402 транзитных рейса, на "
	"12,5 % больше, чем годом ранее, т. е. примерно на 156 судов больше.",
	"",
	"Министр рыболовства Норвегии Ингрид Халворсен высказалась прямо.",
	"«Арктика не может стать платной дорогой, которой управляет одна "
	"страна», — заявила она журналистам, добавив, что Осло «сохранит все "
	"каналы открытыми, но не любой ценой».",
	"",
	"В Москве тон был иным.",
	"Сергей Волков, заместитель руководителя департамента «Росатома», "
	"отвечающего за трассу, сказал, что цифры говорят сами за себя: «Суда "
	"выбирают самый короткий путь.",
	"Никто их не заставляет; они приходят, потому что это экономит "
	"12 дней и 4 500 километров».",
	NULL
};

struct fixture {
	struct article		 a;
	struct alignment	*al;
};

static void
fx_align(struct fixture *fx, const char *pivot)
{
	struct align_opts	 ao;
	char			*cause = NULL;

	memset(&ao, 0, sizeof ao);
	ao.pivot = pivot;
	fx->al = align_create(&fx->a, &ao, &cause);
	assert_non_null(fx->al);
	free(cause);
	/* A real article is always aligned within the budget. */
	assert_null(fx->al->fallback);
}

static void
fx_free(struct fixture *fx)
{
	align_free(fx->al);
	article_release(&fx->a);
}

/* Count the beads with these sentence counts. */
static size_t
count_beads(const struct alignment *al, size_t e, size_t f, size_t r)
{
	size_t	b, n = 0;

	for (b = 0; b < al->nbeads; b++) {
		if (al->beads[b].count[0] == e && al->beads[b].count[1] == f &&
		    al->beads[b].count[2] == r)
			n++;
	}
	return (n);
}

/* Every sentence is in exactly one bead, in order. */
static void
check_cover(const struct alignment *al)
{
	size_t	v, b, next;

	for (v = 0; v < al->nvers; v++) {
		next = 0;
		for (b = 0; b < al->nbeads; b++) {
			if (al->beads[b].count[v] == 0)
				continue;
			assert_int_equal(al->beads[b].first[v], next);
			next += al->beads[b].count[v];
		}
		assert_int_equal(next, al->nsents[v]);
	}
}

/* Align three versions of paragraphs (sentences: one a line). */
static void
fx_three(struct fixture *fx, const char **e, const char **f, const char **r,
    int sentences)
{
	memset(fx, 0, sizeof *fx);
	fx->a.docs[0] = mkdoc(e, "en", "en", sentences, -1, -1);
	fx->a.docs[1] = mkdoc(f, "fr", "fr", sentences, -1, -1);
	fx->a.docs[2] = mkdoc(r, "ru", "ru", sentences, -1, -1);
	fx->a.n = 3;
	fx_align(fx, NULL);
	check_cover(fx->al);
}

static void
test_one_to_one(void **state)
{
	struct fixture	fx;
	size_t		b;

	memset(&fx, 0, sizeof fx);
	fx.a.docs[0] = mkdoc(en, "en", "en", 1, -1, -1);
	fx.a.docs[1] = mkdoc(fr, "fr", "fr", 1, -1, -1);
	fx.a.docs[2] = mkdoc(ru, "ru", "ru", 1, -1, -1);
	fx.a.n = 3;
	fx_align(&fx, NULL);
	check_cover(fx.al);
	assert_int_equal(fx.al->nsents[0], 8);
	assert_int_equal(fx.al->nbeads, 8);
	for (b = 0; b < fx.al->nbeads; b++) {
		assert_int_equal(fx.al->beads[b].first[0], b);
		assert_int_equal(fx.al->beads[b].first[1], b);
		assert_int_equal(fx.al->beads[b].first[2], b);
		assert_true(fx.al->beads[b].confidence > 0.3);
	}
	fx_free(&fx);
}

static void
test_dropped_sentence(void **state)
{
	struct fixture	fx;

	/* The French translator left out "was blunt" (index 4). */
	memset(&fx, 0, sizeof fx);
	fx.a.docs[0] = mkdoc(en, "en", "en", 1, -1, -1);
	fx.a.docs[1] = mkdoc(fr, "fr", "fr", 1, 4, -1);
	fx.a.docs[2] = mkdoc(ru, "ru", "ru", 1, -1, -1);
	fx.a.n = 3;
	fx_align(&fx, NULL);
	check_cover(fx.al);
	assert_int_equal(count_beads(fx.al, 1, 0, 1), 1);
	assert_int_equal(count_beads(fx.al, 1, 1, 1), 7);
	/* The bead without French is the minister's sentence. */
	assert_int_equal(fx.al->beads[3].count[1], 0);
	assert_int_equal(fx.al->beads[3].first[0], 3);
	assert_int_equal(fx.al->beads[3].first[2], 3);
	fx_free(&fx);
}

static void
test_merged_sentences(void **state)
{
	struct fixture	fx;

	/* The Russian translator made one sentence of two (1 and 2). */
	memset(&fx, 0, sizeof fx);
	fx.a.docs[0] = mkdoc(en, "en", "en", 1, -1, -1);
	fx.a.docs[1] = mkdoc(fr, "fr", "fr", 1, -1, -1);
	fx.a.docs[2] = mkdoc(ru, "ru", "ru", 1, -1, 1);
	fx.a.n = 3;
	fx_align(&fx, NULL);
	check_cover(fx.al);
	assert_int_equal(count_beads(fx.al, 2, 2, 1), 1);
	assert_int_equal(fx.al->beads[1].count[0], 2);
	assert_int_equal(fx.al->beads[1].count[2], 1);
	assert_int_equal(count_beads(fx.al, 1, 1, 1), 6);
	fx_free(&fx);
}

static void
test_pivot(void **state)
{
	struct fixture	fx;

	memset(&fx, 0, sizeof fx);
	fx.a.docs[0] = mkdoc(en, "en", "en", 1, -1, -1);
	fx.a.docs[1] = mkdoc(fr, "fr", "fr", 1, 4, -1);
	fx.a.docs[2] = mkdoc(ru, "ru", "ru", 1, -1, -1);
	fx.a.n = 3;
	fx_align(&fx, "ru");
	assert_int_equal(fx.al->pivot, 2);
	check_cover(fx.al);
	assert_int_equal(count_beads(fx.al, 1, 0, 1), 1);
	assert_int_equal(count_beads(fx.al, 1, 1, 1), 7);
	fx_free(&fx);

	memset(&fx, 0, sizeof fx);
	fx.a.docs[0] = mkdoc(en, "en", "en", 1, -1, -1);
	fx.a.n = 1;
	{
		struct align_opts	 ao;
		char			*cause = NULL;

		memset(&ao, 0, sizeof ao);
		ao.pivot = "de";
		assert_null(align_create(&fx.a, &ao, &cause));
		assert_non_null(cause);
		free(cause);
	}
	article_release(&fx.a);
}

static void
test_single_version(void **state)
{
	struct fixture	fx;

	memset(&fx, 0, sizeof fx);
	fx.a.docs[0] = mkdoc(fr, "fr", "fr", 1, -1, -1);
	fx.a.n = 1;
	fx_align(&fx, NULL);
	assert_int_equal(fx.al->nbeads, fx.al->nsents[0]);
	check_cover(fx.al);
	fx_free(&fx);
}

/*
 * The block-by-block stand-in without a head: bead i holds block i of each
 * version that has one, whole, with confidence 1; the shorter version
 * ends first; every sentence (a block here) is in the bead of its index.
 */
static void
test_blocks_standin(void **state)
{
	struct fixture		 fx;
	struct alignment	*p;
	size_t			 v, b, n[2];

	(void)state;
	memset(&fx, 0, sizeof fx);
	fx.a.docs[0] = mkdoc(en, "en", "en", 1, -1, -1);
	fx.a.docs[1] = mkdoc(ru, "ru", "ru", 1, 2, -1);	/* a block less */
	fx.a.n = 2;
	p = align_create_blocks(&fx.a, NULL, 0, NULL);
	assert_non_null(p);
	n[0] = fx.a.docs[0]->nblocks;
	n[1] = fx.a.docs[1]->nblocks;
	assert_true(n[1] < n[0]);
	assert_int_equal(p->nvers, 2);
	assert_int_equal(p->nbeads, n[0]);
	assert_int_equal(p->nquotes[0] + p->nquotes[1], 0);
	for (b = 0; b < p->nbeads; b++) {
		assert_true(p->beads[b].confidence == 1);
		for (v = 0; v < 2; v++) {
			assert_int_equal(p->beads[b].count[v], b < n[v]);
			if (b >= n[v])
				continue;
			assert_int_equal(p->beads[b].first[v], b);
			assert_int_equal(p->sents[v][b].block, b);
			assert_int_equal(p->sents[v][b].start, 0);
			assert_int_equal(p->sents[v][b].end,
			    fx.a.docs[v]->blocks[b].len);
			assert_int_equal(p->bead_of[v][b], b);
		}
	}
	align_free(p);
	fx_free(&fx);
}

/* lines repeated k times (a long article), "" between the copies. */
static const char **
repeat_lines(const char **lines, int k)
{
	const char	**out;
	int		  n, i, j, o = 0;

	for (n = 0; lines[n] != NULL; n++)
		;
	out = calloc((size_t)(n + 1) * (size_t)k + 1, sizeof *out);
	assert_non_null(out);
	for (j = 0; j < k; j++) {
		for (i = 0; i < n; i++)
			out[o++] = lines[i];
		out[o++] = "";
	}
	out[o] = NULL;
	return (out);
}

/*
 * The top of a long article aligned first: real beads, then paragraphs
 * paired as a stand-in; every sentence of the top and every paragraph
 * after it covered once, in order; the first beads are the whole
 * alignment's. A short article has no top.
 */
static void
test_top(void **state)
{
	struct fixture		 fx;
	struct alignment	*h;
	const char		**le = repeat_lines(en, 40);
	const char		**lf = repeat_lines(fr, 40);
	const char		**lr = repeat_lines(ru, 40);
	size_t			 v, b, last;

	(void)state;
	memset(&fx, 0, sizeof fx);
	fx.a.docs[0] = mkdoc(le, "en", "en", 1, -1, -1);
	fx.a.docs[1] = mkdoc(lf, "fr", "fr", 1, -1, -1);
	fx.a.docs[2] = mkdoc(lr, "ru", "ru", 1, -1, -1);
	fx.a.n = 3;
	fx_align(&fx, NULL);
	h = align_create_top(&fx.a, NULL, 3000);
	assert_non_null(h);
	check_cover(h);
	assert_true(h->nbeads > 8);
	/* The first beads: the whole alignment's. */
	for (b = 0; b < 8; b++) {
		for (v = 0; v < 3; v++) {
			assert_int_equal(h->beads[b].first[v],
			    fx.al->beads[b].first[v]);
			assert_int_equal(h->beads[b].count[v],
			    fx.al->beads[b].count[v]);
		}
	}
	for (v = 0; v < 3; v++) {
		/* The top's sentences are the whole's... */
		assert_int_equal(h->sents[v][3].start,
		    fx.al->sents[v][3].start);
		assert_int_equal(h->sents[v][3].block,
		    fx.al->sents[v][3].block);
		/* ...and the stand-in ends on the last paragraph, whole. */
		last = h->nsents[v] - 1;
		assert_int_equal(h->sents[v][last].block,
		    fx.a.docs[v]->nblocks - 1);
		assert_int_equal(h->sents[v][last].start, 0);
		assert_int_equal(h->sents[v][last].end,
		    fx.a.docs[v]->blocks[fx.a.docs[v]->nblocks - 1].len);
		assert_int_equal(h->bead_of[v][last], h->nbeads - 1 -
		    (h->beads[h->nbeads - 1].count[v] == 0 ? 1 : 0));
	}
	align_free(h);
	/* Too short for a top of 3,000 characters: none. */
	assert_null(align_create_top(&fx.a, NULL, 30000));
	fx_free(&fx);
	free(le);
	free(lf);
	free(lr);
}

/* The text inside quotation q of version v (its first block's part). */
static char *
quote_text(const struct alignment *al, size_t v, size_t q)
{
	const struct text_quote	*tq = &al->quotes[v][q];
	const struct doc_block	*b = &al->docs[v]->blocks[tq->start.block];
	size_t			 end;

	end = tq->end.block == tq->start.block ? tq->end.off : b->len;
	return (xstrndup(b->text + tq->start.off, end - tq->start.off));
}

static void
test_quote_links(void **state)
{
	struct fixture	 fx;
	size_t		 i, found = 0;
	char		*e, *f, *r;

	memset(&fx, 0, sizeof fx);
	fx.a.docs[0] = mkdoc(en, "en", "en", 1, -1, -1);
	fx.a.docs[1] = mkdoc(fr, "fr", "fr", 1, -1, -1);
	fx.a.docs[2] = mkdoc(ru, "ru", "ru", 1, -1, -1);
	fx.a.n = 3;
	fx_align(&fx, NULL);
	for (i = 0; i < fx.al->nqlinks; i++) {
		const struct align_qlink	*l = &fx.al->qlinks[i];

		if (l->quote[0] == DOC_NOPOS || l->quote[1] == DOC_NOPOS ||
		    l->quote[2] == DOC_NOPOS)
			continue;
		e = quote_text(fx.al, 0, l->quote[0]);
		f = quote_text(fx.al, 1, l->quote[1]);
		r = quote_text(fx.al, 2, l->quote[2]);
		if (strncmp(e, "The Arctic cannot", 17) == 0) {
			assert_true(strstr(f, "L’Arctique ne peut pas") != NULL);
			assert_true(strncmp(r, "Арктика не может", 16) == 0);
			found++;
		}
		if (strncmp(e, "keep every channel", 18) == 0) {
			assert_true(strstr(f, "gardera tous") != NULL);
			assert_true(strncmp(r, "сохранит все", 12) == 0);
			found++;
		}
		free(e);
		free(f);
		free(r);
	}
	assert_int_equal(found, 2);
	/* «Росатома» is quoted in Russian only: linked to nothing else. */
	for (i = 0; i < fx.al->nqlinks; i++) {
		const struct align_qlink	*l = &fx.al->qlinks[i];

		if (l->quote[2] == DOC_NOPOS)
			continue;
		r = quote_text(fx.al, 2, l->quote[2]);
		if (strcmp(r, "Росатома") == 0) {
			assert_int_equal(l->quote[0], DOC_NOPOS);
			assert_int_equal(l->quote[1], DOC_NOPOS);
			found++;
		}
		free(r);
	}
	assert_int_equal(found, 3);
	fx_free(&fx);
}

/* The text of a mapped range (one block). */
static char *
range_text(const struct alignment *al, size_t v, struct doc_pos a,
    struct doc_pos b)
{
	assert_int_equal(a.block, b.block);
	return (xstrndup(al->docs[v]->blocks[a.block].text + a.off,
	    b.off - a.off));
}

static void
test_span_map(void **state)
{
	struct fixture		 fx;
	struct doc_pos		 s, e, os, oe;
	const struct doc_block	*b;
	const char		*at;
	char			*t;
	size_t			 i;

	memset(&fx, 0, sizeof fx);
	fx.a.docs[0] = mkdoc(en, "en", "en", 1, -1, -1);
	fx.a.docs[1] = mkdoc(fr, "fr", "fr", 1, -1, -1);
	fx.a.docs[2] = mkdoc(ru, "ru", "ru", 1, -1, -1);
	fx.a.n = 3;
	fx_align(&fx, NULL);

	/* A whole sentence maps to its translation. */
	b = &fx.a.docs[0]->blocks[5];
	s.block = e.block = 5;
	s.off = 0;
	e.off = b->len;
	assert_int_equal(align_map(fx.al, 0, s, e, 1, &os, &oe), 0);
	t = range_text(fx.al, 1, os, oe);
	assert_string_equal(t, "À Moscou, le ton était différent.");
	free(t);

	/* "1,402 transits" lands on "1 402 transits" (a shared number). */
	b = &fx.a.docs[0]->blocks[2];
	at = strstr(b->text, "1,402 transits");
	s.block = e.block = 2;
	s.off = (size_t)(at - b->text);
	e.off = s.off + strlen("1,402 transits");
	assert_int_equal(align_map(fx.al, 0, s, e, 2, &os, &oe), 0);
	t = range_text(fx.al, 2, os, oe);
	assert_non_null(strstr(t, "402"));
	assert_true(strlen(t) < 80);
	free(t);

	/* A quotation maps to the linked quotation. */
	for (i = 0; i < fx.al->nquotes[0]; i++) {
		const struct text_quote	*q = &fx.al->quotes[0][i];

		t = quote_text(fx.al, 0, i);
		if (strncmp(t, "keep every", 10) == 0) {
			assert_int_equal(align_map(fx.al, 0, q->start, q->end,
			    1, &os, &oe), 0);
			free(t);
			t = range_text(fx.al, 1, os, oe);
			assert_non_null(strstr(t, "gardera tous les canaux"));
		}
		free(t);
	}
	fx_free(&fx);
}

/*
 * n sentences, per to a paragraph, a long sentence in the first half and
 * a short one in the second, in English; the same in French in reverse
 * order (made here, not committed). Free with free_lines().
 */
static const char **
reversed_lines(size_t n, size_t per, int french)
{
	const char	**out;
	struct strbuf	  sb = STRBUF_INIT;
	size_t		  i, k, o = 0;
	int		  longer;

	out = calloc(2 * n + 1, sizeof *out);
	assert_non_null(out);
	for (k = 0; k < n; k++) {
		i = french ? n - 1 - k : k;
		longer = i < n / 2;
		if (sb.len > 0)
			strbuf_addch(&sb, ' ');
		if (french)
			strbuf_addf(&sb, "La phrase numéro %zu a été lue "
			    "à haute voix par le président%s.", i + 1, longer ?
			    ", qui a ensuite demandé aux délégués de toutes "
			    "les régions s'ils souhaitaient la commenter" : "");
		else
			strbuf_addf(&sb, "Sentence number %zu was read "
			    "aloud by the chairman%s.", i + 1, longer ? ", who "
			    "then asked the delegates from every region "
			    "whether they wished to comment on it" : "");
		if ((k + 1) % per == 0 || k + 1 == n) {
			out[o++] = xstrdup(sb.buf);
			out[o++] = xstrdup("");
			strbuf_reset(&sb);
		}
	}
	out[o] = NULL;
	strbuf_release(&sb);
	return (out);
}

static void
free_lines(const char **lines)
{
	size_t	i;

	for (i = 0; lines[i] != NULL; i++)
		free((char *)lines[i]);
	free(lines);
}

/*
 * Issue 18: paragraphs against a version in reverse order made the block
 * band collapse to the whole n x n matrix (160,000 paragraphs: 154 M
 * cells, 47 s, 1 GB), sentences in reverse order inside few paragraphs
 * the sentence band (40,000 sentences in 100 paragraphs: 94 s, 1.6 GB).
 * With a small budget (POLYREAD_ALIGN_BUDGET), so that a small pair
 * reaches it: the cells filled stay within a few bands of base + 32 per
 * unit (a fraction of the n x n matrix), the alignment says it fell
 * back, and the paragraphs are paired in order.
 */
static void
reversed_budget(size_t per)
{
	struct fixture	 fx;
	const char	**le, **lf;
	char		 *cause = NULL;
	size_t		  b, n = 1000, base = 10000, band;
	size_t		  np = (n + per - 1) / per;	/* paragraphs */

	le = reversed_lines(n, per, 0);
	lf = reversed_lines(n, per, 1);
	memset(&fx, 0, sizeof fx);
	fx.a.docs[0] = mkdoc(le, "en", "en", 0, -1, -1);
	fx.a.docs[1] = mkdoc(lf, "fr", "fr", 0, -1, -1);
	fx.a.n = 2;
	assert_int_equal(setenv("POLYREAD_ALIGN_BUDGET", "10000", 1), 0);
	fx.al = align_create(&fx.a, NULL, &cause);
	unsetenv("POLYREAD_ALIGN_BUDGET");
	assert_non_null(fx.al);
	free(cause);
	assert_non_null(fx.al->fallback);
	assert_non_null(strstr(fx.al->fallback, "paragraphs paired in order"));
	/* A few bands of the sentences (or of the blocks, then stopped). */
	band = base + 32 * (n + n);
	assert_true(fx.al->cells > 0);
	assert_true(fx.al->cells <= 4 * band);
	assert_true(fx.al->cells < n * n / 4);
	assert_int_equal(fx.al->nbeads, np);
	check_cover(fx.al);
	for (b = 0; b < np; b++) {
		assert_int_equal(fx.al->beads[b].first[0], b);
		assert_int_equal(fx.al->beads[b].first[1], b);
	}
	fx_free(&fx);
	free_lines(le);
	free_lines(lf);
}

/*
 * Three sentences of "Key facts about Palu" (Reuters, 2018-09-29, as in
 * NTREX-128, Microsoft, CC BY-SA 4.0; news translated from English),
 * a paragraph each: the second sentence runs on after a colon in every
 * version ("Sulawesi: Palu is the capital"), where the translators'
 * segments end.
 */
static const char *colon_en[] = {
	"In Palu, more than 16,000 people were evacuated after the disaster "
	"struck.",
	"",
	"Here are some key facts about Palu and Donggala, on the island of "
	"Sulawesi: Palu is the capital of Central Sulawesi province, located "
	"at the end of a narrow bay on the west coast of Sulawesi island, with "
	"an estimated population of 379,800 in 2017.",
	NULL
};

static const char *colon_fr[] = {
	"À Palu, plus de 16\u00a0000\u00a0personnes ont été évacuées suite à "
	"la catastrophe.",
	"",
	"Quelques faits essentiels à propos de Palu et Donggala, sur l’île de "
	"Sulawesi\u00a0: Palu est la capitale de la province centrale de "
	"Sulawesi, située à la pointe d’une étroite baie sur la côte ouest de "
	"l’île Sulawesi, dont la population était estimée à 379\u00a0800 "
	"habitants en\u00a02017.",
	NULL
};

static const char *colon_ru[] = {
	"В Палу в результате стихийного бедствия были эвакуированы более "
	"16 000 человек.",
	"",
	"Вот некоторые ключевые факты о Палу и Донггала, расположенных на "
	"острове Сулавеси: Палу — столица провинции Центрального Сулавеси, "
	"расположенная в конце узкой бухты на западном побережье острова "
	"Сулавеси, с предполагаемой численностью населения 379 800 человек "
	"(данные на 2017 год).",
	NULL
};

/* The last character of sentence s of version v. */
static char
sentence_last(const struct alignment *al, size_t v, size_t s)
{
	const struct text_sentence	*t = &al->sents[v][s];

	return (al->docs[v]->blocks[t->block].text[t->end - 1]);
}

/*
 * A colon then a capital in every version, where the name after it (Palu)
 * is in every version too: the bead is cut after the colon.
 */
static void
test_colon_cut(void **state)
{
	struct fixture	fx;
	size_t		b, v;

	(void)state;
	fx_three(&fx, colon_en, colon_fr, colon_ru, 0);
	assert_int_equal(fx.al->nbeads, 3);
	b = 1;
	for (v = 0; v < 3; v++) {
		assert_int_equal(fx.al->beads[b].count[v], 1);
		assert_int_equal(sentence_last(fx.al, v,
		    fx.al->beads[b].first[v]), ':');
	}
	fx_free(&fx);
}

/*
 * Four sentences of "Micronesia plane crash: Air Niugini now says one man
 * missing" (CBS News, 2018-09-29, as in NTREX-128, Microsoft, CC BY-SA
 * 4.0), one a line. The French leaves out the third (the airline did not
 * respond), whose length fits the French second as well as the English
 * second does.
 */
static const char *shift_en[] = {
	"Air Niugini said in a release that as of Saturday afternoon, it was "
	"unable to account for a male passenger.",
	"The airline said it was working with local authorities, hospitals "
	"and investigators to try to find the man.",
	"The airline did not immediately respond to requests for more details "
	"about the passenger, such as his age or nationality.",
	"Local boats helped rescue the other passengers and crew after the "
	"plane hit the water while trying to land at the Chuuk Island "
	"airport.",
	NULL
};

static const char *shift_fr[] = {
	"Air Niugini a affirmé dans un communiqué que depuis samedi "
	"après-midi, elle n’était pas en mesure de retrouver la trace d’un "
	"passager masculin.",
	"La compagnie aérienne a indiqué qu’elle collaborait avec les "
	"autorités locales, les hôpitaux et les enquêteurs afin de tenter de "
	"localiser l’homme en question.",
	"Des bateaux locaux ont participé au sauvetage des autres passagers et "
	"de l’équipage après que l’avion a heurté l’eau en essayant "
	"d’atterrir à l’aéroport de l’île Chuuk.",
	NULL
};

static const char *shift_ru[] = {
	"В сообщении Air Niugini говорится, что по состоянию на субботу днем, "
	"она не имеет никакой информации об одном пассажире мужского пола.",
	"Авиакомпания заявила, что сотрудничает с местными властями, "
	"больницами и полицией, предпринимая попытки найти этого человека.",
	"Авиакомпания не смогла немедленно ответить на запросы о "
	"предоставлении более подробной информации о пассажире, например, о "
	"его возрасте или национальности.",
	"Местные моряки помогли спасти других пассажиров и команду самолета "
	"после того, как он упал на воду, пытаясь приземлиться в аэропорту "
	"острова Чуук.",
	NULL
};

/* The number of doubtful beads of an alignment. */
static size_t
count_doubtful(const struct alignment *al)
{
	size_t	b, n = 0;

	for (b = 0; b < al->nbeads; b++)
		n += al->beads[b].confidence < ALIGN_DOUBTFUL;
	return (n);
}

/*
 * Next to a sentence one version leaves out, where the neighbour's
 * sentence would fit the gap as well, the bead without it and the
 * neighbour are doubtful; the same sentences without the omission are not.
 */
static void
test_shift_doubtful(void **state)
{
	struct fixture	fx;
	size_t		b, gap = 0;

	(void)state;
	fx_three(&fx, shift_en, shift_fr, shift_ru, 1);
	assert_int_equal(count_beads(fx.al, 1, 0, 1), 1);
	for (b = 0; b < fx.al->nbeads; b++) {
		if (fx.al->beads[b].count[1] == 0)
			gap = b;
	}
	assert_true(gap > 0);
	assert_true(fx.al->beads[gap].confidence < ALIGN_DOUBTFUL);
	assert_true(fx.al->beads[gap - 1].confidence < ALIGN_DOUBTFUL ||
	    fx.al->beads[gap + 1].confidence < ALIGN_DOUBTFUL);
	assert_true(fx.al->beads[0].confidence >= ALIGN_DOUBTFUL);
	fx_free(&fx);

	/* No omission: nothing doubtful. */
	memset(&fx, 0, sizeof fx);
	fx.a.docs[0] = mkdoc(shift_en, "en", "en", 1, 2, -1);
	fx.a.docs[1] = mkdoc(shift_fr, "fr", "fr", 1, -1, -1);
	fx.a.docs[2] = mkdoc(shift_ru, "ru", "ru", 1, 2, -1);
	fx.a.n = 3;
	fx_align(&fx, NULL);
	check_cover(fx.al);
	assert_int_equal(count_beads(fx.al, 1, 1, 1), 3);
	assert_int_equal(count_doubtful(fx.al), 0);
	fx_free(&fx);
}

/*
 * A headline's bullet points run together without full stops, and the
 * Russian puts the third in a paragraph of its own (NTREX-128, Daily
 * Mail, CC BY-SA 4.0: 052_dailymail in the perturbed set).
 */
static const char *run_en[] = {
	"Vaccine teaches immune system to recognise rogue cells as part of "
	"treatment Method involves extracting immune cells from a patient, "
	"altering them in lab They can then 'see' a protein common to many "
	"cancers and then reinjected",
	"",
	"A trial vaccine is showing promising results in patients with a "
	"range of cancers.",
	NULL
};

static const char *run_fr[] = {
	"Dans le cadre du traitement, le vaccin indique au système immunitaire "
	"comment reconnaître les cellules cancéreuses Cette technique consiste "
	"à extraire des cellules immunitaires d’un patient et à les modifier "
	"en laboratoire Elles peuvent alors « déceler » une protéine qui est "
	"commune à de nombreux cancers, et sont ensuite réinjectées",
	"",
	"Un vaccin expérimental montre des résultats encourageants chez des "
	"patients atteints de différents types de cancer.",
	NULL
};

static const char *run_ru[] = {
	"Часть лечебного действия вакцины заключается в том, чтобы научить "
	"иммунную систему распознавать аномальные клетки Метод заключается в "
	"извлечении иммунных клеток у пациента и их изменение в лабораторных "
	"условиях",
	"",
	"В результате этого изменения клетки получают способность «увидеть» "
	"тип белка, характерный для многих видов рака, затем клетки должны "
	"быть введены повторно",
	"",
	"Пробная вакцина показывает многообещающие результаты у пациентов с "
	"различными видами рака.",
	NULL
};

/* Does sentence s of version v start with p? */
static int
sentence_starts(const struct alignment *al, size_t v, size_t s,
    const char *p)
{
	const struct text_sentence	*t = &al->sents[v][s];

	return (strncmp(al->docs[v]->blocks[t->block].text + t->start, p,
	    strlen(p)) == 0);
}

/*
 * Every version runs bullet points together: each is a bead of its own,
 * cut where the versions have a capital after a word (a name, Method and
 * Метод, among them), and the paragraph the Russian gave the third joins
 * the cut rather than standing alone. The cuts are doubtful.
 */
static void
test_run_in_bullets(void **state)
{
	static const char	*first[][3] = {
		{ "Vaccine", "Dans", "Часть" },
		{ "Method", "Cette", "Метод" },
		{ "They", "Elles", "В результате" },
		{ "A trial", "Un vaccin", "Пробная" },
	};
	struct fixture		 fx;
	size_t			 b, v;

	(void)state;
	fx_three(&fx, run_en, run_fr, run_ru, 0);
	assert_int_equal(fx.al->nbeads, 4);
	for (b = 0; b < 4; b++) {
		for (v = 0; v < 3; v++) {
			assert_int_equal(fx.al->beads[b].count[v], 1);
			assert_true(sentence_starts(fx.al, v,
			    fx.al->beads[b].first[v], first[b][v]));
		}
	}
	assert_true(fx.al->beads[1].confidence < ALIGN_DOUBTFUL);
	assert_true(fx.al->beads[3].confidence >= ALIGN_DOUBTFUL);
	fx_free(&fx);
}

/*
 * A quotation opens at the end of a paragraph and runs into the next
 * (NTREX-128, CNN, CC BY-SA 4.0: 036_cnn in the perturbed set); the French
 * closes it after its first sentence.
 */
static const char *omq_en[] = {
	"Democrats, he said, are on a mission to \"resist and obstruct.\" "
	"\"And you see that over the last four days,\" he said, calling the "
	"Democrats \"angry and mean and nasty and untruthful.\" "
	"He referenced Senate Judiciary Committee ranking Democratic Sen. "
	"Dianne Feinstein by name, which received loud boos from the "
	"audience. \"Remember her answer?",
	"",
	"Did you leak the document? Uh, uh, what. No, uh no, I wait one - "
	"that was really bad body language - the worst body language I've "
	"ever seen.\"",
	NULL
};

static const char *omq_fr[] = {
	"Les démocrates sont en mission de «\u00a0résistance et d’obstruction\u00a0». "
	"«\u00a0Vous pouvez le constater sur les quatre derniers jours\u00a0», a-t-il "
	"ajouté, avant de qualifier les démocrates de personnes «\u00a0en colère, "
	"méchantes et menteuses.\u00a0» "
	"Il a évoqué le Comité judiciaire du Sénat des États-Unis et la "
	"sénatrice démocrate Dianne Feinstein, ce qui lui a valu de se faire "
	"huer par le public. «\u00a0Vous vous souvenez de sa réponse\u00a0?\u00a0»",
	"",
	"Avez-vous divulgué le document\u00a0? Ha ha, bien sûr. Non, non. J’en "
	"attends un. C’était un très mauvais langage corporel, le pire que "
	"j’ai jamais vu.\u00a0»",
	NULL
};

static const char *omq_ru[] = {
	"Демократы, утверждает он, задались целью «противостоять и "
	"препятствовать». «И вы наблюдаете это в течение последних четырех "
	"дней», — сказал он, назвав демократов «злыми, подлыми, гадкими и "
	"лживыми». "
	"Он сослался на Юридический комитет Сената, упомянув "
	"сенатора-демократа Дайэнн Файнстайн, что вызвало громкие возгласы из "
	"зала. «Вы помните ее ответ?",
	"",
	"Вы допустили утечку содержания этого документа? Ммм... ммм..., "
	"какого документа? Нет, нет. Язык тела выдал ее, я никогда еще не "
	"видел, чтобы язык тела настолько опровергал слова».",
	NULL
};

/* The bead that holds sentence s of version v. */
static size_t
bead_of(const struct alignment *al, size_t v, size_t s)
{
	size_t	b;

	for (b = 0; b < al->nbeads; b++) {
		if (s >= al->beads[b].first[v] && s < al->beads[b].first[v] +
		    al->beads[b].count[v])
			return (b);
	}
	return (SIZE_MAX);
}

/*
 * A sentence that opens a quotation pairs with the ones that open it in
 * the other versions, though the quotation closes elsewhere in each.
 */
static void
test_quote_opening(void **state)
{
	struct fixture	fx;
	size_t		b;

	(void)state;
	fx_three(&fx, omq_en, omq_fr, omq_ru, 0);
	assert_true(sentence_starts(fx.al, 0, 3, "\"Remember"));
	assert_true(sentence_starts(fx.al, 1, 3, "«\u00a0Vous"));
	assert_true(sentence_starts(fx.al, 2, 3, "«Вы"));
	b = bead_of(fx.al, 0, 3);
	assert_int_equal(bead_of(fx.al, 1, 3), b);
	assert_int_equal(bead_of(fx.al, 2, 3), b);
	fx_free(&fx);
}

/* One sentence a paragraph: the blocks' band. */
static void
test_reversed_budget(void **state)
{
	(void)state;
	reversed_budget(1);
}

/* A hundred sentences a paragraph: the sentences' band. */
static void
test_reversed_sentences_budget(void **state)
{
	(void)state;
	reversed_budget(100);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_one_to_one),
		cmocka_unit_test(test_dropped_sentence),
		cmocka_unit_test(test_merged_sentences),
		cmocka_unit_test(test_pivot),
		cmocka_unit_test(test_single_version),
		cmocka_unit_test(test_top),
		cmocka_unit_test(test_blocks_standin),
		cmocka_unit_test(test_quote_links),
		cmocka_unit_test(test_span_map),
		cmocka_unit_test(test_reversed_budget),
		cmocka_unit_test(test_reversed_sentences_budget),
		cmocka_unit_test(test_colon_cut),
		cmocka_unit_test(test_shift_doubtful),
		cmocka_unit_test(test_run_in_bullets),
		cmocka_unit_test(test_quote_opening),
	};
	int	r;

	r = cmocka_run_group_tests_name("align", tests, NULL, NULL);
	text_cleanup();
	return (r);
}
