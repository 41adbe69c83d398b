/*
 * Unit tests: quotations (text-quote.c) on EN, FR and RU text.
 *
 * The paragraphs come from the bundled sample (data/sample/commentary.*),
 * WMT newstest2013 and NTREX-128, as named above each test (see
 * tests/data/text-engine/README).
 */
#include "config.h"

#include <stdlib.h>

#include "unit.h"
#include "doc.h"
#include "text.h"

/* The text inside quotation q when it is within one block. */
static void
check_inside(const struct doc *d, const struct text_quote *q,
    const char *want)
{
	const char	*t = d->blocks[q->start.block].text;
	size_t		 n = q->end.off - q->start.off;

	if (q->start.block != q->end.block)
		fail_msg("quotation spans blocks %zu-%zu, want '%s'",
		    q->start.block, q->end.block, want);
	if (n != strlen(want) || memcmp(t + q->start.off, want, n) != 0)
		fail_msg("got '%.*s', want '%s'", (int)n, t + q->start.off,
		    want);
}

/*
 * Sample, commentary.en, paragraphs 4 and 7: curly quotes, a nested
 * ‘single’ one, and apostrophes (Norway’s) that are none.
 */
static void
test_quotes_en(void **state)
{
	static const char *const paras[] = {
		"Norway’s Minister of Fisheries, Ingrid Halvorsen, was blunt. "
		"“The Arctic cannot become a toll road run by one country,” "
		"she told reporters, adding that Oslo would “keep every "
		"channel open, but not at any price”.",
		"Mr. Volkov dismissed the objection: “Those who speak of "
		"‘freedom of navigation’ rarely send their own icebreakers.”",
		NULL
	};
	struct doc		*d = mkdoc(paras, "en", "test", 0, -1, -1);
	struct text_quote	*q;
	size_t			 n;

	n = text_quotes(d, NULL, &q);
	assert_int_equal(n, 4);
	check_inside(d, &q[0], "The Arctic cannot become a toll road run by "
	    "one country,");
	assert_int_equal(q[0].open.block, 0);
	assert_int_equal(q[0].open.off, strlen("Norway’s Minister of "
	    "Fisheries, Ingrid Halvorsen, was blunt. "));
	assert_int_equal(q[0].close.off, q[0].end.off + strlen("”"));
	assert_int_equal(q[0].depth, 0);
	assert_int_equal(q[0].parent, DOC_NOPOS);
	check_inside(d, &q[1], "keep every channel open, but not at any price");
	check_inside(d, &q[2], "Those who speak of ‘freedom of navigation’ "
	    "rarely send their own icebreakers.");
	check_inside(d, &q[3], "freedom of navigation");
	assert_int_equal(q[3].depth, 1);
	assert_int_equal(q[3].parent, 2);
	free(q);
	doc_free(d);
}

/*
 * Straight quotes paired by position (newstest2013 040, en) and spaced
 * the French way with apostrophes inside (newstest2013 003, fr); one used
 * as an apostrophe (d"être, newstest2013 008, fr) and nested straight
 * quotes (newstest2013 008, fr).
 */
static void
test_quotes_straight(void **state)
{
	static const char *const en[] = {
		"\"Do Thatcherites refuse to learn French or are they just "
		"stupid?\" he demanded. The other undergraduates giggled. "
		"Tears pricked the back of my eyes. \"I suggest you take some "
		"basic French lessons in your spare time - that is, if you're "
		"not too busy socialising,\" Pitt snarled.",
		NULL
	};
	static const char *const fr[] = {
		"Le cancer de la prostate qui le rongeait lui avait laissé un "
		"répit de deux ans. \" Ils m'avaient donné cinq ans à vivre, "
		"j'ai fait sept ans \", dit-il, mi-figue mi-raisin, allongé "
		"dans son lit à la maison de soins palliatifs Victor-Gadbois, "
		"de Beloeil, où il est arrivé la veille.",
		"Le texte, qui était encore en train d\"être voté hier soir, "
		"comporte 234 articles.",
		"Mais il reconnaît \"qu'il peut y avoir une ambiguïté autour "
		"de l'article 220, car les termes employés empruntent au "
		"vocabulaire religieux. On y fait référence au \"fiqh\" "
		"notamment [jurisprudence islamique, ndlr]. Et la question "
		"pourrait à l'avenir se poser de savoir dans quelle mesure des "
		"juges civils sont compétents pour se prononcer dessus\".",
		NULL
	};
	struct doc		*d;
	struct text_quote	*q;
	size_t			 n;

	d = mkdoc(en, "en", "test", 0, -1, -1);
	n = text_quotes(d, NULL, &q);
	assert_int_equal(n, 2);
	check_inside(d, &q[0], "Do Thatcherites refuse to learn French or are "
	    "they just stupid?");
	check_inside(d, &q[1], "I suggest you take some basic French lessons "
	    "in your spare time - that is, if you're not too busy "
	    "socialising,");
	free(q);
	doc_free(d);

	d = mkdoc(fr, "fr", "test", 0, -1, -1);
	n = text_quotes(d, NULL, &q);
	assert_int_equal(n, 3);
	check_inside(d, &q[0], "Ils m'avaient donné cinq ans à vivre, j'ai "
	    "fait sept ans");
	assert_int_equal(q[1].open.block, 2);
	assert_int_equal(q[1].depth, 0);
	check_inside(d, &q[2], "fiqh");
	assert_int_equal(q[2].depth, 1);
	assert_int_equal(q[2].parent, 1);
	free(q);
	doc_free(d);
}

/*
 * Sample, commentary.fr.html, paragraphs 7 (no-break spaces inside the
 * guillemets) and 4 (ordinary spaces), and NTREX-128 003 (fr): « ... ! »,
 * then a comma.
 */
static void
test_quotes_fr(void **state)
{
	static const char *const paras[] = {
		"M.\u00a0Volkov a balayé l’objection\u00a0: «\u00a0Ceux qui "
		"parlent de “liberté de navigation” envoient rarement leurs "
		"propres brise-glaces.\u00a0»",
		"La ministre norvégienne de la Pêche, Ingrid Halvorsen, n’a "
		"pas mâché ses mots. « L’Arctique ne peut pas devenir une "
		"route à péage gérée par un seul pays », a-t-elle déclaré aux "
		"journalistes, ajoutant qu’Oslo « gardera tous les canaux "
		"ouverts, mais pas à n’importe quel prix ».",
		"«\u00a0Je hurlais pour que tout le monde sorte de "
		"l’eau\u00a0: Il y a un requin\u00a0!\u00a0», explique Chad.",
		NULL
	};
	struct doc		*d = mkdoc(paras, "fr", "test", 0, -1, -1);
	struct text_quote	*q;
	size_t			 n;

	n = text_quotes(d, NULL, &q);
	assert_int_equal(n, 5);
	check_inside(d, &q[0], "Ceux qui parlent de “liberté de navigation” "
	    "envoient rarement leurs propres brise-glaces.");
	check_inside(d, &q[1], "liberté de navigation");
	assert_int_equal(q[1].parent, 0);
	assert_int_equal(q[1].depth, 1);
	check_inside(d, &q[2], "L’Arctique ne peut pas devenir une route à "
	    "péage gérée par un seul pays");
	check_inside(d, &q[3], "gardera tous les canaux ouverts, mais pas à "
	    "n’importe quel prix");
	check_inside(d, &q[4], "Je hurlais pour que tout le monde sorte de "
	    "l’eau\u00a0: Il y a un requin\u00a0!");
	assert_int_equal(q[4].open.off, 0);
	assert_int_equal(q[4].close.off, strlen("«\u00a0Je hurlais pour que "
	    "tout le monde sorte de l’eau\u00a0: Il y a un requin\u00a0!"
	    "\u00a0»"));
	free(q);
	doc_free(d);
}

/*
 * Sample, commentary.ru, paragraphs 5 and 7: «ёлочки» with „лапки“
 * inside.
 */
static void
test_quotes_ru(void **state)
{
	static const char *const paras[] = {
		"Сергей Волков, заместитель руководителя департамента "
		"«Росатома», отвечающего за трассу, сказал, что цифры говорят "
		"сами за себя: «Суда выбирают самый короткий путь. Никто их не "
		"заставляет; они приходят, потому что это экономит 12 дней и "
		"4 500 километров».",
		"Г-н Волков отмёл это возражение: «Те, кто говорит о „свободе "
		"судоходства“, редко посылают собственные ледоколы».",
		NULL
	};
	struct doc		*d = mkdoc(paras, "ru", "test", 0, -1, -1);
	struct text_quote	*q;
	size_t			 n;

	n = text_quotes(d, NULL, &q);
	assert_int_equal(n, 4);
	check_inside(d, &q[0], "Росатома");
	check_inside(d, &q[1], "Суда выбирают самый короткий путь. Никто их "
	    "не заставляет; они приходят, потому что это экономит 12 дней и "
	    "4 500 километров");
	check_inside(d, &q[2], "Те, кто говорит о „свободе судоходства“, "
	    "редко посылают собственные ледоколы");
	check_inside(d, &q[3], "свободе судоходства");
	assert_int_equal(q[3].depth, 1);
	assert_int_equal(q[3].parent, 2);
	free(q);
	doc_free(d);
}

/*
 * A quotation over three paragraphs, its « repeated at the start of the
 * second (NTREX-128 077, ru); the third closes it.
 */
static void
test_quotes_paragraphs(void **state)
{
	static const char *const paras[] = {
		"Выступая в видео в Instagram, в котором у футболиста 142 "
		"миллиона подписчиков, спустя несколько часов после сообщения "
		"об обвинениях, 33-летний Роналду назвал эту информацию "
		"«фейковыми новостями». «Нет, нет, нет, нет, нет. То, что они "
		"рассказали сегодня — это все фейковые новости, — утверждает "
		"пятикратный победитель Ballon d'Or на камеру.",
		"«Они просто хотят пропиариться, используя мое имя. Это "
		"нормально. Они хотят стать знаменитыми, произнося мое имя, но "
		"это всего лишь часть их работы.",
		"Я — счастливый человек, и все у меня отлично», — добавляет "
		"спортсмен с улыбкой.",
		NULL
	};
	struct doc		*d = mkdoc(paras, "ru", "test", 0, -1, -1);
	struct text_quote	*q;
	size_t			 n;

	n = text_quotes(d, NULL, &q);
	assert_int_equal(n, 2);
	check_inside(d, &q[0], "фейковыми новостями");
	assert_int_equal(q[1].open.block, 0);
	assert_int_equal(q[1].start.block, 0);
	assert_int_equal(q[1].end.block, 2);
	assert_int_equal(q[1].close.block, 2);
	assert_int_equal(q[1].end.off, strlen("Я — счастливый человек, и все "
	    "у меня отлично"));
	assert_int_equal(q[1].depth, 0);
	free(q);
	doc_free(d);
}

/*
 * An unclosed quotation does not swallow the next paragraph when that one
 * neither repeats nor closes it (NTREX-128 002, fr: the translator left
 * the first « open).
 */
static void
test_quotes_unclosed(void **state)
{
	static const char *const paras[] = {
		"Aujourd’hui, «\u00a0on ne se fréquente plus de la même façon, "
		"explique-t-il. «\u00a0Avant, on allait au bar comme chez son "
		"voisin, mais ce n’est plus le cas.\u00a0»",
		"En 1939, un incendie ravagea le bâtiment, mais les "
		"paroissiens du Père Johnson se préparaient à rebâtir et "
		"commandèrent un nouveau carillon, que le fils et successeur "
		"du Père Johnson à la direction de l’église de Saint Martin, "
		"le Révérend David Johnson, appelait avec fierté les "
		"«\u00a0cloches des gens pauvres\u00a0».",
		NULL
	};
	struct doc		*d = mkdoc(paras, "fr", "test", 0, -1, -1);
	struct text_quote	*q;
	size_t			 n;

	n = text_quotes(d, NULL, &q);
	assert_int_equal(n, 2);
	check_inside(d, &q[0], "Avant, on allait au bar comme chez son "
	    "voisin, mais ce n’est plus le cas.");
	check_inside(d, &q[1], "cloches des gens pauvres");
	assert_int_equal(q[1].depth, 0);
	free(q);
	doc_free(d);
}

/*
 * Presegmented (sample, commentary.en, paragraph 5, a sentence a block):
 * the blocks of one paragraph share their quotations.
 */
static void
test_quotes_presegmented(void **state)
{
	static const char *const paras[] = {
		"In Moscow the tone was different.",
		"Sergei Volkov, deputy head of the Rosatom department in "
		"charge of the route, said the figures spoke for themselves: "
		"“Ships choose the shortest way.",
		"Nobody forces them; they come because it saves 12 days and "
		"4,500 kilometres.”",
		NULL
	};
	struct doc		*d = mkdoc(paras, "en", "test", 0, -1, -1);
	struct text_quote	*q;
	size_t			 n;

	d->presegmented = 1;
	d->blocks[1].cont = 1;
	d->blocks[2].cont = 1;
	n = text_quotes(d, NULL, &q);
	assert_int_equal(n, 1);
	assert_int_equal(q[0].open.block, 1);
	assert_int_equal(q[0].close.block, 2);
	free(q);
	d->blocks[2].cont = 0;
	n = text_quotes(d, NULL, &q);
	assert_int_equal(n, 1);		/* the next block may still close */
	free(q);
	doc_free(d);
}

/* The length of the quotation mark at s, or 0 if there is none. */
static size_t
mark_len(const char *s)
{
	static const char *const	 marks[] = {
		"«", "»", "“", "”", "„", "‘", "’", "‹", "›", "\""
	};
	size_t				 i;

	for (i = 0; i < nitems(marks); i++) {
		if (strncmp(s, marks[i], strlen(marks[i])) == 0)
			return (strlen(marks[i]));
	}
	return (0);
}

/* The length of the quotation mark that ends at t[off], or 0. */
static size_t
mark_before(const char *t, size_t off)
{
	size_t	n;

	for (n = 1; n <= 3 && n <= off; n++) {
		if (mark_len(t + off - n) == n)
			return (n);
	}
	return (0);
}

/* True if t[a, b) holds nothing but spaces and no-break spaces. */
static int
spaces_only(const char *t, size_t a, size_t b)
{
	while (a < b) {
		if (t[a] == ' ')
			a++;
		else if (strncmp(t + a, "\u00a0", 2) == 0)
			a += 2;
		else
			return (0);
	}
	return (a == b);
}

/*
 * Hostile input: a megabyte paragraph of unbalanced marks of every kind,
 * a period of 130 pieces (416 bytes) over and over. Every quotation found
 * is well formed (marks at both ends, nested inside its parent, in
 * order), and once the unclosed openings have filled what the finder
 * keeps, the quotations of each period are those of the one before,
 * shifted: the result does not drift over a megabyte. (How long it takes
 * is measured by bench/bench-text -H, not here.)
 */
static void
test_quotes_big(void **state)
{
	static const char	*const pieces[] = {
		"«\u00a0", "“", "‹", "\" ", "„", "‘a ", "» ", "›", "”", " \"x"
	};
	enum { PERIOD_PIECES = 130, FIRST = 64 };
	struct strbuf		 sb = STRBUF_INIT;
	struct text_quote	*q, *p;
	struct doc		*d;
	const char		*t;
	size_t			 n, i, k, period = 0, nperiods, first = 0;
	size_t			 per = 0, m;

	for (i = 0; sb.len < 1024 * 1024 || i % PERIOD_PIECES != 0; i++) {
		if (i == PERIOD_PIECES)
			period = sb.len;
		strbuf_addstr(&sb, pieces[(i * 7 + i / 13) % nitems(pieces)]);
	}
	assert_int_equal(period, 416);
	nperiods = sb.len / period;
	d = doc_create("big", "text");
	doc_add_block(d, BLOCK_PARA, 0, sb.buf, sb.len);
	doc_add_block(d, BLOCK_PARA, 0, sb.buf, sb.len / 2);
	doc_finish(d);
	assert_int_equal(d->blocks[0].len, sb.len);
	n = text_quotes(d, "fr", &q);
	assert_true(n > nperiods * 20);
	for (i = 0; i < n; i++) {
		assert_true(q[i].open.block < d->nblocks);
		assert_true(doc_pos_cmp(q[i].open, q[i].start) < 0);
		assert_true(doc_pos_cmp(q[i].start, q[i].end) <= 0);
		assert_true(doc_pos_cmp(q[i].end, q[i].close) < 0);
		/* A mark, spaces, the text, spaces, a mark. */
		t = d->blocks[q[i].open.block].text;
		m = mark_len(t + q[i].open.off);
		assert_true(m > 0);
		if (q[i].start.block == q[i].open.block)
			assert_true(spaces_only(t, q[i].open.off + m,
			    q[i].start.off));
		t = d->blocks[q[i].close.block].text;
		m = mark_before(t, q[i].close.off);
		assert_true(m > 0);
		if (q[i].end.block == q[i].close.block)
			assert_true(spaces_only(t, q[i].end.off,
			    q[i].close.off - m));
		if (i > 0)
			assert_true(doc_pos_cmp(q[i - 1].open, q[i].open) < 0);
		if (q[i].parent == DOC_NOPOS) {
			assert_int_equal(q[i].depth, 0);
			continue;
		}
		assert_true(q[i].parent < i);
		p = &q[q[i].parent];
		assert_int_equal(q[i].depth, p->depth + 1);
		assert_true(doc_pos_cmp(p->start, q[i].open) <= 0);
		assert_true(doc_pos_cmp(q[i].close, p->end) <= 0);
	}
	/* Period FIRST's quotations, then each later one's, compared. */
	while (first < n && (q[first].open.block != 0 ||
	    q[first].open.off < FIRST * period))
		first++;
	for (per = 0; first + per < n && q[first + per].open.block == 0 &&
	    q[first + per].open.off < (FIRST + 1) * period; per++)
		;
	assert_true(per > 0);
	for (k = FIRST + 1; k + 1 < nperiods; k++) {
		for (m = 0; m < per; m++) {
			p = &q[first + m];
			i = first + (k - FIRST) * per + m;
			assert_true(i < n);
			assert_int_equal(q[i].open.block, 0);
			assert_int_equal(q[i].open.off, p->open.off +
			    (k - FIRST) * period);
			assert_int_equal(q[i].close.off - q[i].open.off,
			    p->close.off - p->open.off);
			assert_int_equal(q[i].start.off - q[i].open.off,
			    p->start.off - p->open.off);
			assert_int_equal(q[i].end.off - q[i].open.off,
			    p->end.off - p->open.off);
			assert_int_equal(q[i].depth, p->depth);
		}
	}
	free(q);
	doc_free(d);
	strbuf_release(&sb);

	d = doc_create("empty", "text");
	doc_finish(d);
	assert_int_equal(text_quotes(d, "en", &q), 0);
	free(q);
	doc_free(d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_quotes_en),
		cmocka_unit_test(test_quotes_straight),
		cmocka_unit_test(test_quotes_fr),
		cmocka_unit_test(test_quotes_ru),
		cmocka_unit_test(test_quotes_paragraphs),
		cmocka_unit_test(test_quotes_unclosed),
		cmocka_unit_test(test_quotes_presegmented),
		cmocka_unit_test(test_quotes_big),
	};
	int	r;

	r = cmocka_run_group_tests_name("quote", tests, NULL, NULL);
	text_cleanup();
	return (r);
}
