/*
 * Unit tests: anchoring notes. The approximate search against a plain
 * dynamic programme; selectors; re-anchoring after edits to the article
 * (insertions before the passage, changes inside it, the passage deleted)
 * on the bundled sample article (data/sample/, written for polyread, see
 * its README) as presegmented paragraphs; notes shown on their
 * counterparts in the French and Russian versions.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "unit.h"

#include "align.h"
#include "note.h"
#include "store.h"

static const char *en[] = {
	"#The Northern Sea Route: a shortcut that divides the Arctic",
	"When the Arctic Council’s working groups met in Tromsø on June 21, "
	"2024, the agenda said little about shipping. Yet the Northern Sea "
	"Route was on everyone’s mind: last year 1,402 transits were recorded "
	"along the Russian coast, 12.5% more than the year before.",
	"Norway’s Minister of Fisheries, Ingrid Halvorsen, was blunt. “The "
	"Arctic cannot become a toll road run by one country,” she told "
	"reporters, adding that Oslo would “keep every channel open, but not "
	"at any price”.",
	"In Moscow the tone was different. Sergei Volkov, deputy head of the "
	"Rosatom department in charge of the route, said the figures spoke "
	"for themselves: “Ships choose the shortest way.”",
	NULL
};

static const char *fr[] = {
	"#La route maritime du Nord : un raccourci qui divise l’Arctique",
	"Lorsque les groupes de travail du Conseil de l’Arctique se sont "
	"réunis à Tromsø le 21 juin 2024, l’ordre du jour parlait peu de "
	"navigation. Pourtant, la route maritime du Nord était dans tous les "
	"esprits : l’an dernier, 1 402 transits ont été enregistrés le long "
	"des côtes russes, soit 12,5 % de plus que l’année précédente.",
	"La ministre norvégienne de la Pêche, Ingrid Halvorsen, n’a pas mâché "
	"ses mots. « L’Arctique ne peut pas devenir une route à péage gérée "
	"par un seul pays », a-t-elle déclaré aux journalistes, ajoutant "
	"qu’Oslo « gardera tous les canaux ouverts, mais pas à n’importe "
	"quel prix ».",
	"À Moscou, le ton était différent. Sergueï Volkov, chef adjoint du "
	"département de Rosatom chargé de la route, a estimé que les chiffres "
	"parlaient d’eux-mêmes : « Les navires choisissent le chemin le plus "
	"court. »",
	NULL
};

static const char *ru[] = {
	"#Северный морской путь: короткая дорога, которая разделяет Арктику",
	"Когда рабочие группы Арктического совета собрались в Тромсё 21 июня "
	"2024 г., о судоходстве в повестке дня говорилось немного. Однако "
	"Северный морской путь был у всех на уме: в прошлом году вдоль "
	"российского побережья зарегистрировано 1 402 транзитных рейса, на "
	"12,5 % больше, чем годом ранее.",
	"Министр рыболовства Норвегии Ингрид Халворсен высказалась прямо. "
	"«Арктика не может стать платной дорогой, которой управляет одна "
	"страна», — сказала она журналистам, добавив, что Осло «будет держать "
	"все каналы открытыми, но не любой ценой».",
	"В Москве тон был иным. Сергей Волков, заместитель руководителя "
	"департамента Росатома, отвечающего за трассу, заявил, что цифры "
	"говорят сами за себя: «Суда выбирают кратчайший путь».",
	NULL
};

/* The position of the first occurrence of s in d. */
static struct doc_pos
find(const struct doc *d, const char *s, int at_end)
{
	struct doc_pos	p = { DOC_NOPOS, 0 };
	const char	*x;
	size_t		 b;

	for (b = 0; b < d->nblocks; b++) {
		if ((x = strstr(d->blocks[b].text, s)) != NULL) {
			p.block = b;
			p.off = (size_t)(x - d->blocks[b].text) +
			    (at_end ? strlen(s) : 0);
			return (p);
		}
	}
	fail_msg("'%s' not in the document", s);
	return (p);
}

/* The text a match covers (you own it). */
static char *
match_text(const struct doc *d, const struct note_text *t,
    const struct note_match *m)
{
	return (note_range_text(d, note_text_pos(t, m->start),
	    note_text_pos(t, m->end)));
}

/* ---- Approximate search ---- */

/* Edit distance of p against t[..j) with a free start: D[m][j] for all j. */
static void
naive_column(const int32_t *t, size_t n, const int32_t *p, size_t m,
    size_t *last)
{
	size_t	*col, i, j, diag, up;

	col = calloc(m + 1, sizeof *col);
	for (i = 0; i <= m; i++)
		col[i] = i;
	last[0] = m;
	for (j = 1; j <= n; j++) {
		diag = col[0];
		col[0] = 0;
		for (i = 1; i <= m; i++) {
			up = col[i];
			col[i] = PR_MIN(PR_MIN(up + 1, col[i - 1] + 1),
			    diag + (p[i - 1] != t[j - 1]));
			diag = up;
		}
		last[j] = col[m];
	}
	free(col);
}

/* Global edit distance. */
static size_t
naive_distance(const int32_t *a, size_t n, const int32_t *b, size_t m)
{
	size_t	*col, i, j, diag, up, r;

	col = calloc(m + 1, sizeof *col);
	for (i = 0; i <= m; i++)
		col[i] = i;
	for (j = 1; j <= n; j++) {
		diag = col[0];
		col[0] = j;
		for (i = 1; i <= m; i++) {
			up = col[i];
			col[i] = PR_MIN(PR_MIN(up + 1, col[i - 1] + 1),
			    diag + (b[i - 1] != a[j - 1]));
			diag = up;
		}
	}
	r = col[m];
	free(col);
	return (r);
}

static void
test_approx_matches_naive(void **state)
{
	/* Letters of three scripts, few of them: many near matches. */
	static const int32_t	 alpha[] = { 'a', 'b', 'c', 0x0436, 0x0451,
				    0x00e9 };
	int32_t			 text[700], pat[200];
	size_t			 last[701], n, m, k, i, j, nh, e, best;
	struct note_hit		 hits[256];
	unsigned int		 seed = 12345;
	int			 round;

	for (round = 0; round < 60; round++) {
		n = 100 + (size_t)(rand_r(&seed) % 600);
		m = 1 + (size_t)(rand_r(&seed) % 199);
		if (m > n)
			m = n;
		for (i = 0; i < n; i++)
			text[i] = alpha[rand_r(&seed) % nitems(alpha)];
		/* The pattern: a slice of the text with some edits. */
		j = (size_t)rand_r(&seed) % (n - m + 1);
		for (i = 0; i < m; i++)
			pat[i] = text[j + i];
		for (i = 0; i < m / 8; i++)
			pat[(size_t)rand_r(&seed) % m] =
			    alpha[rand_r(&seed) % nitems(alpha)];
		k = PR_MIN(256, m / 2);
		naive_column(text, n, pat, m, last);
		nh = note_approx_search(text, n, pat, m, k, hits,
		    nitems(hits));
		best = m;
		for (j = 1; j <= n; j++)
			best = PR_MIN(best, last[j]);
		if (best > k || k == 0) {
			assert_int_equal(nh, 0);
			continue;
		}
		assert_true(nh > 0);
		e = m;
		for (i = 0; i < nh; i++) {
			/* Each hit is the distance at its end... */
			assert_int_equal(hits[i].errors, last[hits[i].end]);
			assert_true(hits[i].errors <= k);
			/* ...and its start gives that distance. */
			assert_true(hits[i].start <= hits[i].end);
			assert_int_equal(naive_distance(text + hits[i].start,
			    hits[i].end - hits[i].start, pat, m),
			    hits[i].errors);
			e = PR_MIN(e, hits[i].errors);
		}
		/* The best match is among them. */
		assert_int_equal(e, best);
		/* Every local minimum within k is a hit (few enough here). */
		if (nh < nitems(hits)) {
			for (j = 1; j <= n; j++) {
				if (last[j] > k || (j < n && last[j + 1] <=
				    last[j]) || last[j - 1] < last[j])
					continue;
				for (i = 0; i < nh; i++) {
					if (hits[i].end == j)
						break;
				}
				assert_true(i < nh);
			}
		}
	}
}

/* ---- Text and selectors ---- */

static void
test_text_offsets(void **state)
{
	struct doc		*d = mkdoc(ru, "ru", "ru.txt", 0, -1, -1);
	struct note_text	*t = note_text_create(d);
	struct doc_pos		 p, q;
	size_t			 cp;

	/* Code points, not bytes: the heading is 65 characters. */
	p.block = 1;
	p.off = 0;
	cp = note_text_offset(t, p);
	assert_int_equal(cp, 65 + 2);
	q = note_text_pos(t, cp);
	assert_int_equal(q.block, 1);
	assert_int_equal(q.off, 0);
	/* Round trip through every fifth character of block 2. */
	for (p.block = 2, p.off = 0; p.off < d->blocks[2].len; p.off++) {
		if ((d->blocks[2].text[p.off] & 0xc0) == 0x80)
			continue;
		q = note_text_pos(t, note_text_offset(t, p));
		assert_int_equal(q.block, p.block);
		assert_int_equal(q.off, p.off);
	}
	assert_int_equal(strncmp(note_text_hash(t), "fnv1a64:", 8), 0);
	assert_int_equal(strlen(note_text_hash(t)), 8 + 16);
	note_text_free(t);
	doc_free(d);
}

/*
 * The hash and the length are those of the blocks joined by blank lines,
 * though the joined text is only built when a note needs it: the hash
 * names the version in the store, so it must not change.
 */
static void
test_text_hash(void **state)
{
	struct doc		*d = mkdoc(ru, "ru", "ru.txt", 0, -1, -1);
	struct note_text	*t = note_text_create(d);
	uint64_t		 h = 0xcbf29ce484222325ULL;
	size_t			 i, k, cps = 0;
	char			 want[32];
	struct doc_pos		 p;

	for (i = 0; i < d->nblocks; i++) {
		const char	*s = d->blocks[i].text;
		size_t		 n = d->blocks[i].len;

		if (i > 0) {
			for (k = 0; k < 2; k++) {
				h ^= '\n';
				h *= 0x100000001b3ULL;
			}
			cps += 2;
		}
		for (k = 0; k < n; k++) {
			h ^= (unsigned char)s[k];
			h *= 0x100000001b3ULL;
			if (((unsigned char)s[k] & 0xc0) != 0x80)
				cps++;
		}
	}
	snprintf(want, sizeof want, "fnv1a64:%016llx", (unsigned long long)h);
	assert_str(note_text_hash(t), want);
	assert_int_equal(note_text_length(t), cps);
	/* The last block's end is the text's end. */
	p.block = d->nblocks - 1;
	p.off = d->blocks[p.block].len;
	assert_int_equal(note_text_offset(t, p), cps);
	note_text_free(t);
	doc_free(d);
}

static void
test_selector(void **state)
{
	struct doc		*d = mkdoc(en, "en", "en.txt", 0, -1, -1);
	struct note_text	*t = note_text_create(d);
	struct note_selector	 sel;
	char			*cause = NULL;

	assert_int_equal(note_selector_make(t, find(d, "The Arctic cannot",
	    0), find(d, "by one country", 1), &sel, &cause), 0);
	assert_str(sel.exact, "The Arctic cannot become a toll road run by "
	    "one country");
	/* 32 characters each side, counted in code points. */
	assert_str(sel.prefix, ", Ingrid Halvorsen, was blunt. “");
	assert_str(sel.suffix, ",” she told reporters, adding th");
	assert_int_equal(sel.end - sel.start, strlen(sel.exact));
	store_selector_release(&sel);
	/* At the start of the text: no prefix; across blocks: "\n\n". */
	assert_int_equal(note_selector_make(t, find(d, "The Northern", 0),
	    find(d, "When the", 1), &sel, &cause), 0);
	assert_str(sel.prefix, "");
	assert_int_equal(sel.start, 0);
	assert_non_null(strstr(sel.exact, "Arctic\n\nWhen the"));
	store_selector_release(&sel);
	/* Empty passages are refused. */
	assert_int_equal(note_selector_make(t, find(d, "Moscow", 0),
	    find(d, "Moscow", 0), &sel, &cause), -1);
	assert_non_null(cause);
	free(cause);
	note_text_free(t);
	doc_free(d);
}

/*
 * Make a selector on "from".."to" of doc a, then anchor it in doc b:
 * returns the match and the text it covers.
 */
static char *
reanchor(const char **va, const char **vb, const char *from, const char *to,
    struct note_match *m)
{
	struct doc		*a = mkdoc(va, "en", "x.txt", 0, -1, -1);
	struct doc		*b = mkdoc(vb, "en", "x.txt", 0, -1, -1);
	struct note_text	*ta = note_text_create(a);
	struct note_text	*tb = note_text_create(b);
	struct note_selector	 sel;
	char			*cause = NULL, *s = NULL;

	assert_int_equal(note_selector_make(ta, find(a, from, 0),
	    find(a, to, 1), &sel, &cause), 0);
	note_anchor(tb, &sel, m);
	if (m->state != NOTE_ORPHAN)
		s = match_text(b, tb, m);
	store_selector_release(&sel);
	note_text_free(ta);
	note_text_free(tb);
	doc_free(a);
	doc_free(b);
	return (s);
}

static void
test_anchor_unchanged(void **state)
{
	struct note_match	 m;
	char			*s;

	s = reanchor(en, en, "keep every channel", "at any price", &m);
	assert_int_equal(m.state, NOTE_AT_POSITION);
	assert_str(s, "keep every channel open, but not at any price");
	free(s);
}

static void
test_anchor_insert_before(void **state)
{
	const char		*v2[8];
	struct note_match	 m;
	char			*s;
	int			 i;

	/* A new paragraph and a new sentence before the passage. */
	v2[0] = en[0];
	v2[1] = "Editor’s note: this article was updated on July 14.";
	v2[2] = en[1];
	v2[3] = "Correction: Norway’s Minister of Fisheries, Ingrid "
	    "Halvorsen, spoke first and was blunt. “The Arctic cannot become "
	    "a toll road run by one country,” she told reporters, adding "
	    "that Oslo would “keep every channel open, but not at any "
	    "price”.";
	for (i = 3; en[i] != NULL; i++)
		v2[i + 1] = en[i];
	v2[i + 1] = NULL;
	s = reanchor(en, v2, "The Arctic cannot", "one country", &m);
	assert_int_equal(m.state, NOTE_EXACT);
	assert_str(s, "The Arctic cannot become a toll road run by one "
	    "country");
	free(s);
}

static void
test_anchor_change_inside(void **state)
{
	const char		*v2[8];
	struct note_match	 m;
	char			*s;
	int			 i;

	for (i = 0; en[i] != NULL; i++)
		v2[i] = en[i];
	v2[i] = NULL;
	/* Two words changed inside the passage, one before it. */
	v2[2] = "Norway’s Minister of Fisheries, Ingrid Halvorsen, was "
	    "very blunt. “The Arctic must never become a toll road run by "
	    "one country,” she told reporters, adding that Oslo would “keep "
	    "every channel open, but not at any price”.";
	s = reanchor(en, v2, "The Arctic cannot", "one country", &m);
	assert_int_equal(m.state, NOTE_FUZZY);
	assert_str(s, "The Arctic must never become a toll road run by one "
	    "country");
	assert_true(m.score >= NOTE_MIN_SCORE && m.score < 1.0);
	free(s);
}

static void
test_anchor_deleted(void **state)
{
	const char		*v2[8];
	struct note_match	 m;
	char			*s;

	/* The paragraph of the passage is gone. */
	v2[0] = en[0];
	v2[1] = en[1];
	v2[2] = en[3];
	v2[3] = NULL;
	s = reanchor(en, v2, "Ingrid Halvorsen, was blunt", "one country",
	    &m);
	assert_int_equal(m.state, NOTE_ORPHAN);
	assert_null(s);
	/* A short quote whose words are elsewhere too: still an orphan. */
	s = reanchor(en, v2, "toll road", "toll road", &m);
	assert_int_equal(m.state, NOTE_ORPHAN);
	free(s);
}

static void
test_anchor_context_decides(void **state)
{
	const char		*v1[] = {
		"The ice returns in the autumn. The route closes.",
		"Shipping grows each year. The route closes in winter, when "
		"the ice returns.",
		NULL
	};
	const char		*v2[] = {
		"A new first paragraph pushes everything down by a good many "
		"characters, so that the old position points elsewhere.",
		"The ice returns in the autumn. The route closes.",
		"Shipping grows each year. The route closes in winter, when "
		"the ice returns.",
		NULL
	};
	struct note_match	 m;
	char			*s;

	/* "The route closes" twice: the one followed by "in winter". */
	s = reanchor(v1, v2, "The route closes in", "in winter", &m);
	assert_int_equal(m.state, NOTE_EXACT);
	assert_str(s, "The route closes in winter");
	free(s);
	s = reanchor(v1, v2, "The route closes.", "The route closes.", &m);
	assert_int_equal(m.state, NOTE_EXACT);
	assert_str(s, "The route closes.");
	free(s);
}

static void
test_anchor_hostile(void **state)
{
	struct doc		*d = mkdoc(en, "en", "h.txt", 0, -1, -1);
	struct note_text	*t = note_text_create(d);
	struct note_selector	 sel;
	struct note_match	 m;
	struct strbuf		 big = STRBUF_INIT;
	size_t			 i;

	/* Huge context (an imported selector): bounded work, found. */
	for (i = 0; i < 200000; i++)
		strbuf_addch(&big, "ab"[i % 2]);
	memset(&sel, 0, sizeof sel);
	sel.exact = xstrdup("Sergei Volkov, deputy head");
	sel.prefix = xstrdup(big.buf);
	sel.suffix = xstrdup(big.buf);
	sel.start = 3;
	sel.end = 4;
	note_anchor(t, &sel, &m);
	assert_int_equal(m.state, NOTE_EXACT);
	store_selector_release(&sel);
	/* A quote longer than any passage: exact search only, an orphan. */
	sel.exact = strbuf_detach(&big, NULL);
	sel.prefix = xstrdup("");
	sel.suffix = xstrdup("");
	note_anchor(t, &sel, &m);
	assert_int_equal(m.state, NOTE_ORPHAN);
	store_selector_release(&sel);
	/* An empty text. */
	{
		struct doc		*e = doc_create("empty", "text");
		struct note_text	*te;

		doc_finish(e);
		te = note_text_create(e);
		assert_int_equal(note_text_length(te), 0);
		sel.exact = xstrdup("anything");
		sel.prefix = xstrdup("");
		sel.suffix = xstrdup("");
		note_anchor(te, &sel, &m);
		assert_int_equal(m.state, NOTE_ORPHAN);
		store_selector_release(&sel);
		note_text_free(te);
		doc_free(e);
	}
	note_text_free(t);
	doc_free(d);
}

static void
test_find_quote(void **state)
{
	struct doc		*d = mkdoc(fr, "fr", "fr.txt", 0, -1, -1);
	struct note_text	*t = note_text_create(d);
	struct note_match	 m;
	size_t			 s, e;
	char			*x;

	assert_int_equal(note_find_quote(t, d, "Ingrid Halvorsen", &s, &e), 0);
	m.start = s;
	m.end = e;
	x = match_text(d, t, &m);
	assert_str(x, "Ingrid Halvorsen");
	free(x);
	/* Case, accents and spaces do not matter. */
	assert_int_equal(note_find_quote(t, d, "la  MINISTRE norvegienne",
	    &s, &e), 0);
	m.start = s;
	m.end = e;
	x = match_text(d, t, &m);
	assert_str(x, "La ministre norvégienne");
	free(x);
	/* A typo or two. */
	assert_int_equal(note_find_quote(t, d, "gardera tous les canots "
	    "ouvert", &s, &e), 0);
	m.start = s;
	m.end = e;
	x = match_text(d, t, &m);
	assert_str(x, "gardera tous les canaux ouvert");
	free(x);
	assert_int_equal(note_find_quote(t, d, "rien à voir ici du tout",
	    &s, &e), -1);
	note_text_free(t);
	doc_free(d);
}

/* ---- The notes of an article, with the store ---- */

static void
test_counterparts(void **state)
{
	struct article		 a;
	struct alignment	*al;
	struct align_opts	 ao;
	struct store		*st;
	struct notes		*ns;
	const struct note_mark	*mk;
	char			*dir = tmpdir("u-note"), *cause = NULL, *s;
	size_t			 i, nmark[3] = { 0, 0, 0 };
	int			 idx;

	memset(&a, 0, sizeof a);
	a.docs[0] = mkdoc(en, "en", "art.en.txt", 0, -1, -1);
	a.docs[1] = mkdoc(fr, "fr", "art.fr.txt", 0, -1, -1);
	a.docs[2] = mkdoc(ru, "ru", "art.ru.txt", 0, -1, -1);
	a.n = 3;
	assert_int_equal(store_open(&st, dir, &cause), 0);
	assert_int_equal(notes_open(&ns, st, &a, &cause), 0);
	assert_int_equal(ns->n, 0);
	idx = notes_add(ns, 0, find(a.docs[0], "The Arctic cannot", 0),
	    find(a.docs[0], "one country", 1), "Who runs it now?", NULL,
	    NULL, 0, &cause);
	assert_true(idx >= 0);
	assert_str(ns->v[idx].rec.lang, "en");
	memset(&ao, 0, sizeof ao);
	al = align_create(&a, &ao, &cause);
	assert_non_null(al);
	notes_map(ns, al);
	for (i = 0; i < ns->nmarks; i++) {
		mk = &ns->marks[i];
		nmark[mk->vers]++;
		s = note_range_text(a.docs[mk->vers], mk->start, mk->end);
		if (mk->vers == 1)
			assert_non_null(strstr(s, "ne peut pas devenir une "
			    "route à péage"));
		if (mk->vers == 2)
			assert_non_null(strstr(s, "не может стать платной "
			    "дорогой"));
		assert_int_equal(mk->counterpart, mk->vers != 0);
		free(s);
	}
	assert_int_equal(nmark[0], 1);
	assert_int_equal(nmark[1], 1);
	assert_int_equal(nmark[2], 1);
	/* Lookups for the reader. */
	mk = notes_mark_at(ns, 1, find(a.docs[1], "route à péage", 0));
	assert_non_null(mk);
	assert_int_equal(mk->note, idx);
	assert_null(notes_mark_at(ns, 1, find(a.docs[1], "Moscou", 0)));
	assert_true(notes_block_marked(ns, 2, 2));
	assert_false(notes_block_marked(ns, 2, 3));
	/* A note made on the Russian version shows on the English one. */
	idx = notes_add(ns, 2, find(a.docs[2], "Суда выбирают", 0),
	    find(a.docs[2], "кратчайший путь", 1), "Короче некуда.", NULL,
	    NULL, 0, &cause);
	assert_true(idx >= 0);
	mk = notes_mark_at(ns, 0, find(a.docs[0], "Ships choose", 0));
	assert_non_null(mk);
	assert_int_equal(mk->counterpart, 1);
	assert_str(ns->v[mk->note].rec.text, "Короче некуда.");
	notes_map(ns, NULL);
	align_free(al);
	notes_free(ns);

	/* Reopened: both notes, anchored where they were. */
	assert_int_equal(notes_open(&ns, st, &a, &cause), 0);
	assert_int_equal(ns->n, 2);
	for (i = 0; i < ns->n; i++)
		assert_int_equal(ns->v[i].state, NOTE_AT_POSITION);
	notes_free(ns);
	store_close(st);
	article_release(&a);
	free(dir);
}

static void
test_reanchor_saved(void **state)
{
	struct article		 a;
	struct store		*st;
	struct notes		*ns;
	const char		*v2[8];
	char			*dir = tmpdir("u-note"), *cause = NULL, *s;
	size_t			 i;
	int			 orphans = 0, moved = 0, fuzzy = 0;

	memset(&a, 0, sizeof a);
	a.docs[0] = mkdoc(en, "en", "edited.en.txt", 0, -1, -1);
	a.n = 1;
	assert_int_equal(store_open(&st, dir, &cause), 0);
	assert_int_equal(notes_open(&ns, st, &a, &cause), 0);
	assert_true(notes_add(ns, 0, find(a.docs[0], "Sergei Volkov", 0),
	    find(a.docs[0], "Sergei Volkov", 1), "moves", NULL, NULL, 0,
	    &cause) >= 0);
	assert_true(notes_add(ns, 0, find(a.docs[0], "The Arctic cannot",
	    0), find(a.docs[0], "one country", 1), "changes", NULL, NULL, 0,
	    &cause) >= 0);
	assert_true(notes_add(ns, 0, find(a.docs[0], "1,402 transits", 0),
	    find(a.docs[0], "Russian coast", 1), "goes", NULL, NULL, 0,
	    &cause) >= 0);
	notes_free(ns);
	article_release(&a);

	/* The article changes: same source, new text. */
	v2[0] = en[0];
	v2[1] = "An introduction nobody asked for.";
	v2[2] = "When the Arctic Council’s working groups met in Tromsø, "
	    "the agenda said little about shipping.";
	v2[3] = "Norway’s Minister of Fisheries, Ingrid Halvorsen, was "
	    "blunt. “The Arctic cannot ever become a toll road run by a "
	    "single country,” she told reporters.";
	v2[4] = en[3];
	v2[5] = NULL;
	memset(&a, 0, sizeof a);
	a.docs[0] = mkdoc(v2, "en", "edited.en.txt", 0, -1, -1);
	a.n = 1;
	assert_int_equal(notes_open(&ns, st, &a, &cause), 0);
	assert_null(ns->warning);
	assert_int_equal(ns->n, 3);
	for (i = 0; i < ns->n; i++) {
		struct note	*n = &ns->v[i];

		if (strcmp(n->rec.text, "goes") == 0) {
			assert_int_equal(n->state, NOTE_ORPHAN);
			assert_true(n->rec.orphan);
			orphans++;
		} else if (strcmp(n->rec.text, "moves") == 0) {
			assert_int_equal(n->state, NOTE_EXACT);
			/* Saved at its new place. */
			assert_int_equal(n->rec.sel.start,
			    note_text_offset(ns->text[0], n->start));
			moved++;
		} else {
			assert_int_equal(n->state, NOTE_FUZZY);
			s = note_range_text(a.docs[0], n->start, n->end);
			assert_str(s, "The Arctic cannot ever become a toll "
			    "road run by a single country");
			free(s);
			/* The quote it was made on is kept. */
			assert_str(n->rec.sel.exact, "The Arctic cannot become a "
			    "toll road run by one country");
			fuzzy++;
		}
	}
	assert_int_equal(orphans + moved + fuzzy, 3);
	/* The orphan is listed last, never dropped. */
	assert_int_equal(ns->v[ns->n - 1].state, NOTE_ORPHAN);
	notes_free(ns);
	article_release(&a);

	/* Back to the first text: the orphan finds its passage again. */
	memset(&a, 0, sizeof a);
	a.docs[0] = mkdoc(en, "en", "edited.en.txt", 0, -1, -1);
	a.n = 1;
	assert_int_equal(notes_open(&ns, st, &a, &cause), 0);
	for (i = 0; i < ns->n; i++) {
		assert_int_not_equal(ns->v[i].state, NOTE_ORPHAN);
		assert_false(ns->v[i].rec.orphan);
	}
	notes_free(ns);
	article_release(&a);
	store_close(st);
	free(dir);
}

/*
 * The reader makes the versions' texts on a thread while it lays out its
 * first screen (notes_prepare()): the notes opened on them are those
 * notes_open() finds, and texts made but not used are freed.
 */
static void
test_open_prepared(void **state)
{
	struct article		 a;
	struct store		*st;
	struct notes		*ns, *np;
	char			*dir = tmpdir("u-note"), *cause = NULL;
	size_t			 i;

	(void)state;
	memset(&a, 0, sizeof a);
	a.docs[0] = mkdoc(en, "en", "prep.en.txt", 0, -1, -1);
	a.docs[1] = mkdoc(ru, "ru", "prep.ru.txt", 0, -1, -1);
	a.n = 2;
	assert_int_equal(store_open(&st, dir, &cause), 0);
	assert_int_equal(notes_open_prepared(&ns, st, notes_prepare(&a),
	    &cause), 0);
	assert_true(notes_add(ns, 0, find(a.docs[0], "Sergei Volkov", 0),
	    find(a.docs[0], "Sergei Volkov", 1), "en", NULL, NULL, 0,
	    &cause) >= 0);
	assert_true(notes_add(ns, 1, find(a.docs[1], "Тромсё", 0),
	    find(a.docs[1], "Тромсё", 1), "ru", NULL, NULL, 0, &cause) >= 0);
	notes_free(ns);

	assert_int_equal(notes_open(&ns, st, &a, &cause), 0);
	assert_int_equal(notes_open_prepared(&np, st, notes_prepare(&a),
	    &cause), 0);
	assert_int_equal(np->article_id, ns->article_id);
	assert_int_equal(np->n, 2);
	assert_int_equal(np->n, ns->n);
	for (i = 0; i < a.n; i++) {
		assert_int_equal(np->version_id[i], ns->version_id[i]);
		assert_str(note_text_hash(np->text[i]),
		    note_text_hash(ns->text[i]));
		assert_int_equal(note_text_length(np->text[i]),
		    note_text_length(ns->text[i]));
	}
	for (i = 0; i < ns->n; i++) {
		assert_int_equal(np->v[i].state, NOTE_AT_POSITION);
		assert_int_equal(np->v[i].state, ns->v[i].state);
		assert_int_equal(np->v[i].vers, ns->v[i].vers);
		assert_int_equal(doc_pos_cmp(np->v[i].start, ns->v[i].start),
		    0);
		assert_int_equal(doc_pos_cmp(np->v[i].end, ns->v[i].end), 0);
	}
	notes_free(np);
	notes_free(ns);
	notes_prep_free(notes_prepare(&a));
	notes_prep_free(NULL);
	article_release(&a);
	store_close(st);
	free(dir);
}

static void
test_edit_delete_position(void **state)
{
	struct article	 a;
	struct store	*st;
	struct notes	*ns;
	struct doc_pos	 pos, got;
	char		*dir = tmpdir("u-note"), *cause = NULL;
	char		 t1[] = "law", t2[] = "arctic";
	char		*tags[] = { t1, t2 };
	size_t		 vers;
	int		 idx;

	memset(&a, 0, sizeof a);
	a.docs[0] = mkdoc(en, "en", "pos.en.txt", 0, -1, -1);
	a.docs[1] = mkdoc(ru, "ru", "pos.ru.txt", 0, -1, -1);
	a.n = 2;
	assert_int_equal(store_open(&st, dir, &cause), 0);
	assert_int_equal(notes_open(&ns, st, &a, &cause), 0);
	assert_int_equal(notes_get_position(ns, &vers, &got), -1);
	idx = notes_add(ns, 1, find(a.docs[1], "Сергей Волков", 0),
	    find(a.docs[1], "Сергей Волков", 1), "Кто это?", "ru", tags, 2,
	    &cause);
	assert_true(idx >= 0);
	assert_int_equal(ns->v[idx].rec.ntags, 2);
	assert_int_equal(notes_edit(ns, (size_t)idx, "Who is he?", "en", NULL,
	    0, &cause), 0);
	assert_str(ns->v[idx].rec.text, "Who is he?");
	assert_str(ns->v[idx].rec.lang, "en");
	assert_int_equal(ns->v[idx].rec.ntags, 2);
	pos.block = 2;
	pos.off = 10;
	assert_int_equal(notes_save_position(ns, 1, pos, &cause), 0);
	notes_free(ns);

	assert_int_equal(notes_open(&ns, st, &a, &cause), 0);
	assert_int_equal(ns->n, 1);
	assert_str(ns->v[0].rec.text, "Who is he?");
	assert_str(ns->v[0].rec.tags[0], "arctic");
	assert_int_equal(notes_get_position(ns, &vers, &got), 0);
	assert_int_equal(vers, 1);
	assert_int_equal(got.block, 2);
	assert_int_equal(got.off, 10);
	/* A note too long is refused, and nothing changes. */
	{
		char	*big = calloc(1, NOTE_MAX_TEXT + 2);

		memset(big, 'a', NOTE_MAX_TEXT + 1);
		assert_true(notes_edit(ns, 0, big, NULL, NULL, 0, &cause) < 0);
		free(cause);
		cause = NULL;
		free(big);
	}
	assert_str(ns->v[0].rec.text, "Who is he?");
	assert_int_equal(notes_delete(ns, 0, &cause), 0);
	assert_int_equal(ns->n, 0);
	notes_free(ns);
	assert_int_equal(notes_open(&ns, st, &a, &cause), 0);
	assert_int_equal(ns->n, 0);
	notes_free(ns);
	store_close(st);
	article_release(&a);
	free(dir);
}

/*
 * Re-anchor "from".."to" of paragraph a in paragraph b, both in lang:
 * the text the match covers, NULL for an orphan.
 */
static char *
reanchor_para(const char *a, const char *b, const char *lang,
    const char *from, const char *to, struct note_match *m)
{
	const char	*va[] = { a, NULL }, *vb[] = { b, NULL };
	struct doc	*da = mkdoc(va, lang, "x.txt", 0, -1, -1);
	struct doc	*db = mkdoc(vb, lang, "x.txt", 0, -1, -1);
	struct note_text	*ta = note_text_create(da);
	struct note_text	*tb = note_text_create(db);
	struct note_selector	 sel;
	char		*cause = NULL, *s = NULL;

	assert_int_equal(note_selector_make(ta, find(da, from, 0),
	    find(da, to, 1), &sel, &cause), 0);
	note_anchor(tb, &sel, m);
	if (m->state != NOTE_ORPHAN)
		s = match_text(db, tb, m);
	store_selector_release(&sel);
	note_text_free(ta);
	note_text_free(tb);
	doc_free(da);
	doc_free(db);
	return (s);
}

/* Issue 16: a re-anchored passage starts and ends on word boundaries. */
static void
test_anchor_word_edges(void **state)
{
	static const struct {
		const char	*lang, *a, *b, *from, *to, *want;
	} c[] = {
		/* The last word changed: the match ended "rather dism". */
		{ "en", "Yet the mood in the room was rather dire, one "
		  "delegate said, and nobody smiled.", "Yet the mood in the "
		  "room was rather dismal, one delegate said, and nobody "
		  "smiled.", "the mood", "rather dire",
		  "the mood in the room was rather dismal" },
		/* The first word changed: it began "here in the room". */
		{ "en", "Yet the mood in the room was rather dire, one "
		  "delegate said.", "Yet the atmosphere in the room was "
		  "rather dire, one delegate said.", "mood in", "dire",
		  "atmosphere in the room was rather dire" },
		{ "fr", "L’ambiance dans la salle était plutôt sombre, a dit "
		  "un délégué.", "L’ambiance dans la salle était plutôt "
		  "désastreuse, a dit un délégué.", "ambiance",
		  "plutôt sombre",
		  "ambiance dans la salle était plutôt désastreuse" },
		{ "ru", "Настроение в зале было довольно мрачным, сказал "
		  "один делегат.", "Атмосфера в зале была довольно "
		  "мрачной, сказал один делегат.", "Настроение в",
		  "довольно", "Атмосфера в зале была довольно" },
		/* A part of a word chosen on purpose stays one. */
		{ "en", "Yet the mood in the room was rather dire, one "
		  "delegate said.", "Yet the mood in the room was rather "
		  "different, one delegate said.", "the mood", "rather di",
		  "the mood in the room was rather di" },
	};
	struct note_match	 m;
	char			*s;
	size_t			 i;

	for (i = 0; i < nitems(c); i++) {
		s = reanchor_para(c[i].a, c[i].b, c[i].lang, c[i].from,
		    c[i].to, &m);
		assert_non_null(s);
		if (strcmp(s, c[i].want) != 0)
			fail_msg("case %zu: '%s', not '%s'", i, s, c[i].want);
		free(s);
	}
}

/*
 * Issue 18: the orphan cache. An orphan is remembered for the text it was
 * searched in, so that the next opening does not search again; a search
 * cut by the time budget is remembered as such (listed as an orphan by a
 * budgeted opening, searched again without a budget); a new text, a
 * deleted note forget it. Deterministic: a deadline already past, never a
 * measured time.
 */
static void
test_orphan_cache(void **state)
{
	struct article		 a;
	struct store		*st;
	struct notes		*ns;
	struct note_match	 m;
	struct note_selector	 sel;
	struct store_orphan	 o;
	struct timespec		 past = { 0, 0 };
	const char		*v2[3];
	char			*dir = tmpdir("u-note"), *cause = NULL;
	char			*hash;
	int64_t			 id, id2;

	(void)state;
	memset(&a, 0, sizeof a);
	a.docs[0] = mkdoc(en, "en", "cached.en.txt", 0, -1, -1);
	a.n = 1;
	assert_int_equal(store_open(&st, dir, &cause), 0);
	assert_int_equal(notes_open(&ns, st, &a, &cause), 0);
	assert_true(notes_add(ns, 0, find(a.docs[0], "1,402 transits", 0),
	    find(a.docs[0], "Russian coast", 1), "goes", NULL, NULL, 0,
	    &cause) >= 0);
	assert_true(notes_add(ns, 0, find(a.docs[0], "The Arctic cannot", 0),
	    find(a.docs[0], "one country", 1), "fuzzy", NULL, NULL, 0,
	    &cause) >= 0);
	id = ns->v[0].rec.id;
	id2 = ns->v[1].rec.id;
	if (strcmp(ns->v[0].rec.text, "goes") != 0) {
		id = ns->v[1].rec.id;
		id2 = ns->v[0].rec.id;
	}
	/* A deadline already past cuts the approximate search. */
	assert_int_equal(note_selector_make(ns->text[0],
	    find(a.docs[0], "The Arctic cannot", 0),
	    find(a.docs[0], "one country", 1), &sel, &cause), 0);
	free(sel.exact);
	sel.exact = xstrdup("The Arctic cannot become a toll road run by "
	    "only one countri");
	note_anchor_until(ns->text[0], &sel, &past, &m);
	assert_int_equal(m.state, NOTE_ORPHAN);
	assert_true(m.cut);
	note_anchor_until(ns->text[0], &sel, NULL, &m);
	assert_int_equal(m.state, NOTE_FUZZY);
	assert_false(m.cut);
	store_selector_release(&sel);
	notes_free(ns);
	article_release(&a);

	/* The passage is gone: an orphan, remembered for this text. */
	v2[0] = en[0];
	v2[1] = "The Arctic cannot become a toll road run by one country.";
	v2[2] = NULL;
	memset(&a, 0, sizeof a);
	a.docs[0] = mkdoc(v2, "en", "cached.en.txt", 0, -1, -1);
	a.n = 1;
	assert_int_equal(notes_open(&ns, st, &a, &cause), 0);
	hash = xstrdup(note_text_hash(ns->text[0]));
	assert_int_equal(ns->v[ns->n - 1].state, NOTE_ORPHAN);
	assert_int_equal(ns->v[ns->n - 1].rec.id, id);
	assert_int_equal(ns->ncut, 0);
	assert_int_equal(store_orphan_get(st, id, hash, &cause),
	    STORE_ORPHAN_COMPLETE);
	assert_int_equal(store_orphan_get(st, id2, hash, &cause), 0);
	assert_int_equal(store_orphan_get(st, id, "fnv1a64:0", &cause), 0);
	notes_free(ns);

	/* Opened again: an orphan without a search, the cache unchanged. */
	assert_int_equal(notes_open(&ns, st, &a, &cause), 0);
	assert_int_equal(ns->v[ns->n - 1].state, NOTE_ORPHAN);
	assert_null(ns->warning);
	notes_free(ns);

	/*
	 * A search cut by the budget: a budgeted opening lists the note as
	 * an orphan not searched in full and says so; one without a budget
	 * searches, finds it (here the cut entry is made up, for a note
	 * that is there) and forgets the entry.
	 */
	o.note = id2;
	o.hash = hash;
	o.complete = 0;
	/* (Only an orphan is looked up: mark it one, as a cut search does.) */
	{
		struct store_note	*r = NULL;
		size_t			 i;

		assert_int_equal(notes_open_budget(&ns, st, &a, 0, &cause), 0);
		for (i = 0; i < ns->n; i++)
			if (ns->v[i].rec.id == id2)
				r = &ns->v[i].rec;
		assert_non_null(r);
		r->orphan = 1;
		assert_int_equal(store_notes_reanchor(st, &r, 1, &cause), 0);
		notes_free(ns);
	}
	assert_int_equal(store_orphans_put(st, &o, 1, &cause), 0);
	assert_int_equal(store_orphan_get(st, id2, hash, &cause),
	    STORE_ORPHAN_CUT);
	assert_int_equal(notes_open(&ns, st, &a, &cause), 0);
	assert_int_equal(ns->ncut, 1);
	assert_non_null(ns->warning);
	assert_non_null(strstr(ns->warning, "1 note not searched in full"));
	assert_int_equal(ns->v[notes_find_id(ns, id2)].state, NOTE_ORPHAN);
	notes_free(ns);
	assert_int_equal(notes_open_budget(&ns, st, &a, 0, &cause), 0);
	assert_int_equal(ns->ncut, 0);
	assert_null(ns->warning);
	assert_int_not_equal(ns->v[notes_find_id(ns, id2)].state,
	    NOTE_ORPHAN);
	assert_int_equal(store_orphan_get(st, id2, hash, &cause), 0);
	notes_free(ns);
	article_release(&a);

	/* A new text is searched again; a deleted note takes its entry. */
	memset(&a, 0, sizeof a);
	a.docs[0] = mkdoc(en, "en", "cached.en.txt", 0, -1, -1);
	a.n = 1;
	assert_int_equal(notes_open(&ns, st, &a, &cause), 0);
	assert_int_equal(ns->v[notes_find_id(ns, id)].state,
	    NOTE_AT_POSITION);
	notes_free(ns);
	/* Found again: the new selectors forget the entry. */
	assert_int_equal(store_orphan_get(st, id, hash, &cause), 0);
	o.note = id;
	o.complete = 1;
	assert_int_equal(store_orphans_put(st, &o, 1, &cause), 0);
	assert_int_equal(store_orphan_get(st, id, hash, &cause),
	    STORE_ORPHAN_COMPLETE);
	assert_int_equal(store_note_delete(st, id, &cause), 0);
	assert_int_equal(store_orphan_get(st, id, hash, &cause), 0);
	assert_int_equal(store_check(st, &cause), 0);
	free(hash);
	store_close(st);
	article_release(&a);
	free(dir);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_approx_matches_naive),
		cmocka_unit_test(test_text_offsets),
		cmocka_unit_test(test_text_hash),
		cmocka_unit_test(test_selector),
		cmocka_unit_test(test_anchor_unchanged),
		cmocka_unit_test(test_anchor_insert_before),
		cmocka_unit_test(test_anchor_change_inside),
		cmocka_unit_test(test_anchor_deleted),
		cmocka_unit_test(test_anchor_context_decides),
		cmocka_unit_test(test_anchor_hostile),
		cmocka_unit_test(test_find_quote),
		cmocka_unit_test(test_counterparts),
		cmocka_unit_test(test_reanchor_saved),
		cmocka_unit_test(test_orphan_cache),
		cmocka_unit_test(test_open_prepared),
		cmocka_unit_test(test_edit_delete_position),
		cmocka_unit_test(test_anchor_word_edges),
	};
	int	r;

	r = cmocka_run_group_tests_name("note", tests, NULL, NULL);
	text_cleanup();
	return (r);
}
