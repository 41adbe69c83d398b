/*
 * Unit tests: sentences, words and search (text-sentence.c,
 * text-search.c), on EN, FR and RU text.
 *
 * The sentences come from the bundled sample (data/sample/commentary.*)
 * and from the evaluation corpora (WMT newstest2013, NTREX-128), as named
 * above each test; tests/data/text-engine/README lists them. The few that
 * are made up for an abbreviation no source holds say so.
 */
#include "config.h"

#include <stdlib.h>

#include <unicode/unorm2.h>
#include <unicode/ustring.h>

#include "unit.h"
#include "doc.h"
#include "text.h"

/* s in NFD (e + U+0301 for é); you own the result. */
static char *
to_nfd(const char *s)
{
	UErrorCode		 ec = U_ZERO_ERROR;
	const UNormalizer2	*nfd = unorm2_getNFDInstance(&ec);
	UChar			*u, *v;
	int32_t			 n, m, len = (int32_t)strlen(s);
	char			*out;

	u = xcalloc((size_t)len + 1, sizeof *u);
	v = xcalloc(4 * (size_t)len + 1, sizeof *v);
	u_strFromUTF8(u, len + 1, &n, s, len, &ec);
	m = unorm2_normalize(nfd, u, n, v, 4 * len + 1, &ec);
	out = xcalloc(4 * (size_t)len + 1, 1);
	u_strToUTF8(out, 4 * len + 1, NULL, v, m, &ec);
	assert_true(U_SUCCESS(ec));
	free(u);
	free(v);
	return (out);
}

/* Split s and compare with want (NULL-terminated). */
static void
check_sentences(const char *s, const char *lang, const char *const *want)
{
	struct text_range	*r;
	size_t			 n, i;

	n = text_sentences(s, strlen(s), lang, &r);
	for (i = 0; want[i] != NULL; i++) {
		if (i >= n)
			fail_msg("sentence %zu missing: '%s'", i, want[i]);
		if (r[i].end - r[i].start != strlen(want[i]) ||
		    memcmp(s + r[i].start, want[i], strlen(want[i])) != 0)
			fail_msg("sentence %zu: got '%.*s', want '%s'", i,
			    (int)(r[i].end - r[i].start), s + r[i].start,
			    want[i]);
	}
	if (n != i)
		fail_msg("%zu sentences, want %zu; extra: '%.*s'", n, i,
		    (int)(r[i].end - r[i].start), s + r[i].start);
	free(r);
}

/* Sample, commentary.en, paragraphs 7 and 8: U.S., Mr., Dr. */
static void
test_sentences_en_abbrev(void **state)
{
	static const char *const want7[] = {
		"The dispute is less about ice than about law.",
		"Russia treats the Vilkitsky and Sannikov straits as internal "
		"waters; the U.S. and most European states call them "
		"international.",
		"Mr. Volkov dismissed the objection: “Those who speak of "
		"‘freedom of navigation’ rarely send their own icebreakers.”",
		NULL
	};
	static const char *const want8[] = {
		"Dr. Marie-Claire Dubois, who studies polar law at the "
		"University of Rennes, sees room for compromise.",
		"In her view, “a shared code of conduct for search and rescue "
		"would cost little and save lives”.",
		"She notes that only 155 km separate the nearest rescue bases "
		"on either side.",
		NULL
	};

	check_sentences("The dispute is less about ice than about law. "
	    "Russia treats the Vilkitsky and Sannikov straits as internal "
	    "waters; the U.S. and most European states call them "
	    "international. Mr. Volkov dismissed the objection: “Those who "
	    "speak of ‘freedom of navigation’ rarely send their own "
	    "icebreakers.”", "en", want7);
	check_sentences("Dr. Marie-Claire Dubois, who studies polar law at the "
	    "University of Rennes, sees room for compromise. In her view, “a "
	    "shared code of conduct for search and rescue would cost little "
	    "and save lives”. She notes that only 155 km separate the nearest "
	    "rescue bases on either side.", "en", want8);
}

/*
 * newstest2013: an initial (039, "Daniel J. Oates"), capitals with full
 * stops before an opener (038, "N.Y.U. But"), a question quoted before its
 * verb (040), a sentence that starts with a number (028).
 */
/*
 * Check that s has n weak boundaries, the first ones (up to a NULL in
 * starts) starting with the texts given.
 */
static void
check_breaks(const char *s, size_t n, const char *const *starts)
{
	size_t	off[8], got, i;

	got = text_weak_breaks(s, strlen(s), off, nitems(off));
	assert_int_equal(got, n);
	for (i = 0; i < n && starts[i] != NULL; i++)
		assert_int_equal(strncmp(s + off[i], starts[i],
		    strlen(starts[i])), 0);
}

/*
 * Weak boundaries: where a full stop may have been lost (ntrex128, the
 * Guardian; newstest2013, rosbalt.ru). Names after a word are offered
 * too: the aligner sorts them out.
 */
static void
test_weak_breaks(void **state)
{
	static const char *const en[] = { "When ", "Momentum's", NULL };
	static const char *const ru[] = { "Виктор", "Баранец", "Чтобы",
	    NULL };
	static const char *const none[] = { NULL };
	const char	*ru_s = "военный обозреватель Виктор Баранец Чтобы "
	    "достать ствол, мне нужен знакомый, - рассказывает продавец.";
	size_t		 off[8];

	(void)state;
	check_breaks("It is intolerant of those who speak their minds When "
	    "Momentum's activists voted to censure me, it was hardly a "
	    "surprise.", 2, en);
	check_breaks(ru_s, 3, ru);
	check_breaks("Il a dit, « c'est fini », puis il est parti.", 0, none);
	/* At most max. */
	assert_int_equal(text_weak_breaks(ru_s, strlen(ru_s), off, 1), 1);
}

/*
 * Weak boundaries after a word of three letters, before a word of one
 * capital, and after an abbreviation's full stop (NTREX-128, CC BY-SA 4.0:
 * Daily Mail, The Independent, ABC News, BBC); not after a word of two
 * letters ("в", "in": names follow), nor before a lowercase word or an
 * initial.
 */
static void
test_weak_breaks_short(void **state)
{
	static const char *const fr[] = { "Ce cours", NULL };
	static const char *const ru[] = { "(Elvie", "А вот", NULL };
	static const char *const en[] = { "A New", "York", NULL };
	static const char *const en2[] = { "Rosa", NULL };
	static const char *const none[] = { NULL };

	(void)state;
	check_breaks("ne savent pas prendre soin d’eux Ce cours, dans le cadre "
	    "du programme", 1, fr);
	check_breaks("ее сын был отличным поваром в Лидни", 0, none);
	check_breaks("под специальный бюстгальтер (Elvie/Mother) А вот другой "
	    "комментарий", 2, ru);
	/* York too: the aligner drops a name the others hold. */
	check_breaks("NY nanny sues couple over firing after \"racist\" text A "
	    "New York nanny is suing", 2, en);
	check_breaks("into the southwest U.S. Rosa will bring up to 10 inches of "
	    "rain", 1, en2);
	check_breaks("joué par un musicien noir, Dionisio A. lind, qui", 0,
	    none);
	/* English's "I" is a capital inside any sentence. */
	check_breaks("The advert is a little mad but I took it for what it "
	    "was.", 0, none);
}

static void
test_sentences_en_initials_quotes(void **state)
{
	static const char *const oates[] = {
		"\"This thing is evolving so quickly that I don't know what's "
		"going to happen next,\" said Daniel J. Oates, the police "
		"chief in Aurora, just east of Denver.",
		NULL
	};
	static const char *const pitt[] = {
		"\"Do Thatcherites refuse to learn French or are they just "
		"stupid?\" he demanded.",
		"The other undergraduates giggled.",
		"Tears pricked the back of my eyes.",
		NULL
	};
	static const char *const orphans[] = {
		"The Voices for Africa Association has found sponsors in "
		"Germany for 180 AIDS orphans in the village of Esitjeni.",
		"70 of these attend a secondary school.",
		NULL
	};

	static const char *const nyu[] = {
		"\"Boredom is the brain's way to tell you you should be doing "
		"something else,\" said Gary Marcus, a professor of psychology "
		"at N.Y.U.",
		"But the brain doesn't always know the most appropriate thing "
		"to do.",
		NULL
	};

	check_sentences(oates[0], "en", oates);
	check_sentences("\"Boredom is the brain's way to tell you you should be "
	    "doing something else,\" said Gary Marcus, a professor of "
	    "psychology at N.Y.U. But the brain doesn't always know the most "
	    "appropriate thing to do.", "en", nyu);
	check_sentences("\"Do Thatcherites refuse to learn French or are they "
	    "just stupid?\" he demanded. The other undergraduates giggled. "
	    "Tears pricked the back of my eyes.", "en", pitt);
	check_sentences("The Voices for Africa Association has found sponsors "
	    "in Germany for 180 AIDS orphans in the village of Esitjeni. 70 of "
	    "these attend a secondary school.", "en", orphans);
}

/*
 * Sample, commentary.fr.html, paragraph 7 with its no-break spaces: M.,
 * « guillemets » whose closing mark follows a no-break space.
 */
static const char fr_para7[] =
    "Le différend porte moins sur la glace que sur le droit. La Russie "
    "considère les détroits de Vilkitski et de Sannikov comme des eaux "
    "intérieures\u202f; les États-Unis et la plupart des États européens "
    "les jugent internationaux. M.\u00a0Volkov a balayé l’objection\u00a0: "
    "«\u00a0Ceux qui parlent de “liberté de navigation” envoient rarement "
    "leurs propres brise-glaces.\u00a0»";

static void
test_sentences_fr_guillemets(void **state)
{
	static const char *const want[] = {
		"Le différend porte moins sur la glace que sur le droit.",
		"La Russie considère les détroits de Vilkitski et de Sannikov "
		"comme des eaux intérieures\u202f; les États-Unis et la "
		"plupart des États européens les jugent internationaux.",
		"M.\u00a0Volkov a balayé l’objection\u00a0: «\u00a0Ceux qui "
		"parlent de “liberté de navigation” envoient rarement leurs "
		"propres brise-glaces.\u00a0»",
		NULL
	};
	/* NTREX-128, 003 (fr): "?/!" inside « », then ", explique". */
	static const char *const shark[] = {
		"En arrivant près du jeune homme, Hammel remarqua qu’il "
		"présentait une fracture ouverte de la clavicule.",
		"«\u00a0Je hurlais pour que tout le monde sorte de "
		"l’eau\u00a0: Il y a un requin\u00a0!\u00a0», explique Chad.",
		NULL
	};
	/* Sample, commentary.fr.html, paragraph 5: a sentence ends inside. */
	static const char *const moscou[] = {
		"À Moscou, le ton était différent.",
		"Sergueï Volkov, chef adjoint du département de Rosatom chargé "
		"de la route, a estimé que les chiffres parlaient "
		"d’eux-mêmes\u00a0: «\u00a0Les navires choisissent le chemin "
		"le plus court.",
		"Personne ne les y oblige\u202f; ils viennent parce que cela "
		"fait gagner 12\u00a0jours et "
		"4\u202f500\u00a0kilomètres.\u00a0»",
		NULL
	};

	check_sentences(fr_para7, "fr", want);
	check_sentences("En arrivant près du jeune homme, Hammel remarqua "
	    "qu’il présentait une fracture ouverte de la clavicule. «\u00a0Je "
	    "hurlais pour que tout le monde sorte de l’eau\u00a0: Il y a un "
	    "requin\u00a0!\u00a0», explique Chad.", "fr", shark);
	check_sentences("À Moscou, le ton était différent. Sergueï Volkov, "
	    "chef adjoint du département de Rosatom chargé de la route, a "
	    "estimé que les chiffres parlaient d’eux-mêmes\u00a0: «\u00a0Les "
	    "navires choisissent le chemin le plus court. Personne ne les y "
	    "oblige\u202f; ils viennent parce que cela fait gagner "
	    "12\u00a0jours et 4\u202f500\u00a0kilomètres.\u00a0»", "fr",
	    moscou);
}

/* The same paragraph in NFD (é as e + U+0301) splits the same way. */
static void
test_sentences_fr_nfd(void **state)
{
	struct text_range	*a, *b;
	char			*nfd = to_nfd(fr_para7);
	size_t			 na, nb, i;

	assert_true(strstr(nfd, "e\xcc\x81") != NULL);
	na = text_sentences(fr_para7, strlen(fr_para7), "fr", &a);
	nb = text_sentences(nfd, strlen(nfd), "fr", &b);
	assert_int_equal(na, 3);
	assert_int_equal(nb, na);
	for (i = 0; i < na; i++) {
		/* Same last byte, and the NFD text is longer by its marks. */
		assert_int_equal(fr_para7[a[i].end - 1], nfd[b[i].end - 1]);
		assert_true(b[i].end - b[i].start >= a[i].end - a[i].start);
	}
	assert_memory_equal(nfd + b[2].start, "M.\xc2\xa0Volkov", 9);
	free(a);
	free(b);
	free(nfd);
}

/*
 * French abbreviations: initials "J.R. Ewing" (newstest2013 050); "p. ex."
 * and "M." with "J.-P." (made up: no source sentence holds them).
 */
static void
test_sentences_fr_abbrev(void **state)
{
	static const char *const hagman[] = {
		"Larry Hagman, dont le rôle de magnat du pétrole sans scrupule "
		"J.R. Ewing dans la série télévisée \"Dallas\" est devenu un "
		"symbole de l'avarice dans les années 1980, est décédé.",
		"Il avait 81 ans.",
		NULL
	};
	static const char *const want[] = {
		"Certains pays, p. ex. la Norvège, demandent des règles "
		"communes.",
		"M. J.-P. Martin, de Rennes, est d’accord.",
		"Voir p. 5 du rapport.",
		NULL
	};

	check_sentences("Larry Hagman, dont le rôle de magnat du pétrole sans "
	    "scrupule J.R. Ewing dans la série télévisée \"Dallas\" est "
	    "devenu un symbole de l'avarice dans les années 1980, est décédé. "
	    "Il avait 81 ans.", "fr", hagman);
	check_sentences("Certains pays, p. ex. la Norvège, demandent des "
	    "règles communes. M. J.-P. Martin, de Rennes, est d’accord. Voir "
	    "p. 5 du rapport.", "fr", want);
}

/* Sample, commentary.ru, paragraph 3: "т. е.", "2024 г., о". */
static void
test_sentences_ru_sample(void **state)
{
	static const char *const want[] = {
		"Когда рабочие группы Арктического совета собрались в Тромсё "
		"21 июня 2024 г., о судоходстве в повестке дня говорилось "
		"немного.",
		"Однако Северный морской путь был у всех на уме: в прошлом "
		"году вдоль российского побережья зарегистрировано 1 402 "
		"транзитных рейса, на 12,5 % больше, чем годом ранее, т. е. "
		"примерно на 156 судов больше.",
		NULL
	};

	check_sentences("Когда рабочие группы Арктического совета собрались в "
	    "Тромсё 21 июня 2024 г., о судоходстве в повестке дня говорилось "
	    "немного. Однако Северный морской путь был у всех на уме: в "
	    "прошлом году вдоль российского побережья зарегистрировано 1 402 "
	    "транзитных рейса, на 12,5 % больше, чем годом ранее, т. е. "
	    "примерно на 156 судов больше.", "ru", want);
}

/*
 * Russian abbreviations before a capital: "т.е. Инстаграмма" (NTREX-128,
 * 085), "В 1991 г. Рид Ларсон" (newstest2013, 038) but "в 2001 г. Они"
 * (newstest2013, 007); "им.", "ул." and the initials "А. В." are made up
 * (no source holds them).
 */
static void
test_sentences_ru_abbrev(void **state)
{
	static const char *const insta[] = {
		"Опрос 20 000 учащихся средних школ выявил быстрый рост числа "
		"фейковых аккаунтов «инсты» — т.е. Инстаграмма, сайта для "
		"обмена фотографиями.",
		"Эта новость усилила опасения по поводу публикаций контента "
		"сексуального характера.",
		NULL
	};
	static const char *const larson[] = {
		"Однако в целом подростки вообще часто скучают.",
		"В 1991\u00a0г. Рид Ларсон, профессор личностного и "
		"общественного развития в Университете Иллинойса, провел "
		"эксперимент, в ходе которого он связывался с помощью пейджера "
		"почти с 400 подростками и их родителями 7-8 раз в день.",
		NULL
	};
	static const char *const taliban[] = {
		"Основные персонажи антисоветской войны вернулись к власти в "
		"2001 г.",
		"Они превратились в дельцов, захватывающих государственные "
		"земли, чтобы перепродать их под застройку репатриантам, "
		"вернувшимся из Ирана и Пакистана, пользуясь огромными "
		"американскими контрактами субподряда.",
		NULL
	};
	static const char *const made[] = {
		"Библиотека им. Ленина стоит на ул. Воздвиженка.",
		"Там тихо.",
		"Её проектировал А. В. Щусев.",
		NULL
	};

	check_sentences("Опрос 20 000 учащихся средних школ выявил быстрый "
	    "рост числа фейковых аккаунтов «инсты» — т.е. Инстаграмма, сайта "
	    "для обмена фотографиями. Эта новость усилила опасения по поводу "
	    "публикаций контента сексуального характера.", "ru", insta);
	check_sentences("Однако в целом подростки вообще часто скучают. В "
	    "1991\u00a0г. Рид Ларсон, профессор личностного и общественного "
	    "развития в Университете Иллинойса, провел эксперимент, в ходе "
	    "которого он связывался с помощью пейджера почти с 400 "
	    "подростками и их родителями 7-8 раз в день.", "ru", larson);
	check_sentences("Основные персонажи антисоветской войны вернулись к "
	    "власти в 2001 г. Они превратились в дельцов, захватывающих "
	    "государственные земли, чтобы перепродать их под застройку "
	    "репатриантам, вернувшимся из Ирана и Пакистана, пользуясь "
	    "огромными американскими контрактами субподряда.", "ru", taliban);
	check_sentences("Библиотека им. Ленина стоит на ул. Воздвиженка. Там "
	    "тихо. Её проектировал А. В. Щусев.", "ru", made);
}

/*
 * Russian initials (newstest2013 019, 021, 015) and a line of dialogue
 * after a dash (newstest2013 034).
 */
static void
test_sentences_ru_initials_dialogue(void **state)
{
	static const char *const one[] = {
		"Напомню, к примеру, о лекции А. Штернфельда, который 6 "
		"декабря 1933 года представлял в Варшавской астрономической "
		"обсерватории идеи из своей новаторской работы \"Введение в "
		"космонавтику\".",
		NULL
	};
	static const char *const two[] = {
		"\"Это Венера и Марс\", - считает старший научный сотрудник "
		"Государственного астрономического института имени П.К. "
		"Штернберга (ГАИШ) Владимир Сурдин.",
		NULL
	};
	static const char *const manning[] = {
		"\"Мой мир сжался до базы Кэмп-Арифжан, до размеров моей "
		"тюрьмы, - сказал Мэннинг в четверг.",
		"- Я думал, что я умру в этой клетке\".",
		NULL
	};

	check_sentences(one[0], "ru", one);
	check_sentences(two[0], "ru", two);
	check_sentences("\"Мой мир сжался до базы Кэмп-Арифжан, до размеров "
	    "моей тюрьмы, - сказал Мэннинг в четверг. - Я думал, что я умру в "
	    "этой клетке\".", "ru", manning);
}

/* --lang matters: "т.е. Инстаграмма" is two sentences for English. */
static void
test_sentences_lang(void **state)
{
	static const char	s[] = "фейковых аккаунтов «инсты» — т.е. "
	    "Инстаграмма, сайта для обмена фотографиями.";
	struct text_range	*r;

	assert_int_equal(text_sentences(s, strlen(s), "ru", &r), 1);
	free(r);
	assert_int_equal(text_sentences(s, strlen(s), "en", &r), 2);
	free(r);
	assert_int_equal(text_sentences(s, strlen(s), NULL, &r), 2);
	free(r);
	assert_int_equal(text_sentences("", 0, "en", &r), 0);
	free(r);
	assert_int_equal(text_sentences("   ", 3, "en", &r), 0);
	free(r);
}

/*
 * A document (sample, commentary.en, paragraph 5 and the heading after
 * it): sentences in block order; presegmented blocks are whole.
 */
static void
test_doc_sentences(void **state)
{
	struct doc		*d;
	struct text_sentence	*t;
	size_t			 n;
	static const char	 p1[] = "In Moscow the tone was different. "
	    "Sergei Volkov, deputy head of the Rosatom department in charge "
	    "of the route, said the figures spoke for themselves: “Ships "
	    "choose the shortest way. Nobody forces them; they come because "
	    "it saves 12 days and 4,500 kilometres.”";
	static const char	 p2[] = "A question of rules ";

	d = doc_create("test", "text");
	doc_add_block(d, BLOCK_PARA, 0, p1, strlen(p1));
	doc_add_block(d, BLOCK_HEADING, 2, p2, strlen(p2));
	doc_finish(d);
	n = text_doc_sentences(d, "en", &t);
	assert_int_equal(n, 4);
	assert_int_equal(t[0].block, 0);
	assert_int_equal(t[0].start, 0);
	assert_int_equal(t[0].end, 33);
	assert_int_equal(t[1].block, 0);
	assert_int_equal(t[1].start, 34);
	assert_int_equal(t[2].end, d->blocks[0].len);
	assert_int_equal(t[3].block, 1);
	assert_int_equal(t[3].start, 0);
	assert_int_equal(t[3].end, strlen("A question of rules"));
	free(t);
	d->presegmented = 1;
	n = text_doc_sentences(d, "en", &t);
	assert_int_equal(n, 2);
	assert_int_equal(t[0].end, d->blocks[0].len);
	free(t);
	doc_free(d);
}

/*
 * Hostile input: a megabyte of abbreviations, quoted sentences, ellipses
 * and runs of dots and quotes, one period (25 bytes) over and over. Each
 * period is the same three sentences, at the same offsets: "Mr." does not
 * end one, ".»" stays with its sentence, and "…" and '...."""' stand
 * alone. (How long it takes is measured by bench/bench-text -H, not
 * here.)
 */
static void
test_sentences_big(void **state)
{
	static const char	 period[] = "Mr. «Да.» … ....\"\"\"";
	static const size_t	 start[] = { 0, 14, 18 }, end[] = { 13, 17, 25 };
	struct strbuf		 sb = STRBUF_INIT;
	struct text_range	*r;
	size_t			 n, i, k;

	assert_int_equal(sizeof period - 1, 25);
	while (sb.len < 1024 * 1024)
		strbuf_addstr(&sb, period);
	k = sb.len / (sizeof period - 1);
	n = text_sentences(sb.buf, sb.len, "en", &r);
	assert_int_equal(n, 3 * k);
	for (i = 0; i < n; i++) {
		if (r[i].start != (i / 3) * 25 + start[i % 3] ||
		    r[i].end != (i / 3) * 25 + end[i % 3])
			fail_msg("sentence %zu: [%zu, %zu) '%.*s'", i,
			    r[i].start, r[i].end, (int)(r[i].end - r[i].start),
			    sb.buf + r[i].start);
	}
	free(r);
	strbuf_release(&sb);
}

/* Words: apostrophes stay inside (don't, l’objection, aujourd’hui). */
static void
test_words(void **state)
{
	static const char	 en[] = "\"This thing is evolving so quickly "
	    "that I don't know what's going to happen next,\"";
	static const char	 fr[] = "Aujourd’hui, «\u00a0on ne se "
	    "fréquente plus de la même façon, explique-t-il.";
	struct text_range	*w;
	char			*nfd;
	size_t			 n;

	n = text_words(en, strlen(en), "en", &w);
	assert_int_equal(n, 15);
	assert_memory_equal(en + w[0].start, "This", 4);
	assert_int_equal(w[8].end - w[8].start, 5);
	assert_memory_equal(en + w[8].start, "don't", 5);
	free(w);
	n = text_words(fr, strlen(fr), "fr", &w);
	assert_int_equal(w[0].start, 0);
	assert_int_equal(w[0].end, strlen("Aujourd’hui"));
	assert_int_equal(n, 13);
	free(w);
	/* Сергей in NFD: й is и + U+0306, still one word. */
	nfd = to_nfd("Сергей Волков");
	n = text_words(nfd, strlen(nfd), "ru", &w);
	assert_int_equal(n, 2);
	assert_int_equal(w[0].end, strlen("Сергеи\xcc\x86"));
	free(w);
	free(nfd);
}

/* Search: "etats" finds "États" (both of them), in NFC and NFD. */
static void
test_search_fr(void **state)
{
	struct text_search	*ts;
	struct text_range	 m;
	char			*nfd;
	const char		*p;

	ts = text_search_create("etats", "fr");
	assert_non_null(ts);
	assert_int_equal(text_search_next(ts, fr_para7, strlen(fr_para7), 0,
	    &m), 1);
	p = strstr(fr_para7, "États-Unis");
	assert_int_equal(m.start, (size_t)(p - fr_para7));
	assert_int_equal(m.end, m.start + strlen("États"));
	assert_int_equal(text_search_next(ts, fr_para7, strlen(fr_para7),
	    m.end, &m), 1);
	p = strstr(fr_para7, "États européens");
	assert_int_equal(m.start, (size_t)(p - fr_para7));
	assert_int_equal(text_search_next(ts, fr_para7, strlen(fr_para7),
	    m.end, &m), 0);
	/* The same search on another text (NFD: E + U+0301). */
	nfd = to_nfd(fr_para7);
	assert_int_equal(text_search_next(ts, nfd, strlen(nfd), 0, &m), 1);
	assert_memory_equal(nfd + m.start, "E\xcc\x81tats", m.end - m.start);
	free(nfd);
	text_search_free(ts);

	/* An accented pattern finds the plain text too. */
	ts = text_search_create("DÉTROITS", "fr");
	assert_int_equal(text_search_next(ts, fr_para7, strlen(fr_para7), 0,
	    &m), 1);
	assert_memory_equal(fr_para7 + m.start, "détroits", 9);
	text_search_free(ts);
}

/* Search in Russian and English: е finds ё, case does not matter. */
static void
test_search_ru_en(void **state)
{
	/* Sample, commentary.ru, paragraph 11. */
	static const char	 ru[] = "Изменят ли что-то переговоры в "
	    "Тромсё, станет ясно осенью, когда вернётся лёд и будут выданы "
	    "разрешения на следующий сезон.";
	static const char	 en[] = "Mr. Volkov dismissed the objection: "
	    "“Those who speak of ‘freedom of navigation’ rarely send their own "
	    "icebreakers.”";
	struct text_search	*ts;
	struct text_range	 m;

	ts = text_search_create("елка", "ru");
	assert_int_equal(text_search_next(ts, "ёлка", strlen("ёлка"), 0, &m),
	    1);
	assert_int_equal(m.start, 0);
	assert_int_equal(m.end, strlen("ёлка"));
	text_search_free(ts);
	ts = text_search_create("ЛЕД", "ru");
	assert_int_equal(text_search_next(ts, ru, strlen(ru), 0, &m), 1);
	assert_memory_equal(ru + m.start, "лёд", m.end - m.start);
	text_search_free(ts);
	ts = text_search_create("тромсе", "ru");
	assert_int_equal(text_search_next(ts, ru, strlen(ru), 0, &m), 1);
	assert_memory_equal(ru + m.start, "Тромсё", m.end - m.start);
	text_search_free(ts);
	ts = text_search_create("VOLKOV", "en");
	assert_int_equal(text_search_next(ts, en, strlen(en), 0, &m), 1);
	assert_int_equal(m.start, 4);
	assert_int_equal(m.end, 10);
	assert_int_equal(text_search_next(ts, en, strlen(en), 5, &m), 0);
	assert_int_equal(text_search_next(ts, en, strlen(en), 1000, &m), 0);
	assert_int_equal(text_search_next(ts, "", 0, 0, &m), 0);
	text_search_free(ts);
	assert_null(text_search_create("", "en"));
	assert_null(text_search_create(NULL, "en"));
	text_search_free(NULL);
}

/* The first match of a search for pat (flags) in lang in s, as a string. */
static char *
first_match(const char *pat, const char *lang, int flags, const char *s)
{
	struct text_search	*ts;
	struct text_range	 m;
	char			*r = NULL;

	ts = text_search_open(pat, lang, flags, NULL);
	assert_non_null(ts);
	if (text_search_next(ts, s, strlen(s), 0, &m))
		r = xstrndup(s + m.start, m.end - m.start);
	text_search_free(ts);
	return (r);
}

/* The number of matches of pat (flags) in lang in s. */
static int
count_matches(const char *pat, const char *lang, int flags, const char *s)
{
	struct text_search	*ts;
	struct text_range	 m;
	size_t			 from = 0;
	int			 n = 0;

	ts = text_search_open(pat, lang, flags, NULL);
	assert_non_null(ts);
	while (text_search_next(ts, s, strlen(s), from, &m)) {
		n++;
		from = m.end;
	}
	text_search_free(ts);
	return (n);
}

/*
 * Regular expressions (issue 16): ICU's syntax, case and accents folded as
 * the plain search folds them, matches mapped back to the text's bytes.
 */
static void
test_search_regex(void **state)
{
	static const char	 ru[] = "Изменят ли что-то переговоры в "
	    "Тромсё, станет ясно осенью, когда вернётся лёд.";
	/* молоко́ with a combining stress mark, and йод. */
	static const char	 stress[] = "Вкусное молоко\xcc\x81 и йод.";
	struct text_search	*ts;
	struct text_range	 m;
	char			*r, *cause = NULL;

	r = first_match("[ée]tats?-unis", "fr", TEXT_SEARCH_REGEX, fr_para7);
	assert_string_equal(r, "États-Unis");
	free(r);
	r = first_match("d[ée]troits de \\w+", "fr", TEXT_SEARCH_REGEX,
	    fr_para7);
	assert_string_equal(r, "détroits de Vilkitski");
	free(r);
	/* An accented pattern folds as the text does. */
	r = first_match("ÉTATS (européens|africains)", "fr",
	    TEXT_SEARCH_REGEX, fr_para7);
	assert_string_equal(r, "États européens");
	free(r);
	r = first_match("тромсе|осло", "ru", TEXT_SEARCH_REGEX, ru);
	assert_string_equal(r, "Тромсё");
	free(r);
	r = first_match("л[её]д\\.$", "ru", TEXT_SEARCH_REGEX, ru);
	assert_string_equal(r, "лёд.");
	free(r);
	/* The stress mark is ignored, and inside the match it ends. */
	r = first_match("молоко\\b", "ru", TEXT_SEARCH_REGEX, stress);
	assert_string_equal(r, "молоко\xcc\x81");
	free(r);
	/* Russian й is a letter of its own, as in the plain search. */
	assert_null(first_match("иод", "ru", TEXT_SEARCH_REGEX, stress));
	assert_null(first_match("иод", "ru", 0, stress));
	/* Empty matches are none; x+ after them is found. */
	assert_null(first_match("z*", "en", TEXT_SEARCH_REGEX, "abc"));
	r = first_match("z*c", "en", TEXT_SEARCH_REGEX, "abc");
	assert_string_equal(r, "c");
	free(r);

	/* A bad pattern says what is wrong and where. */
	assert_null(text_search_open("[ée", "fr", TEXT_SEARCH_REGEX, &cause));
	assert_non_null(cause);
	assert_non_null(strstr(cause, "bad regular expression: "));
	assert_non_null(strstr(cause, "(at character"));
	free(cause);
	cause = NULL;
	assert_null(text_search_open("(?<", "en", TEXT_SEARCH_REGEX, &cause));
	assert_non_null(cause);
	free(cause);

	/* A pattern that would backtrack for ever gives up, and says so. */
	ts = text_search_open("(a+)+$", "en", TEXT_SEARCH_REGEX, NULL);
	assert_non_null(ts);
	{
		char	big[4096];

		memset(big, 'a', sizeof big - 2);
		big[sizeof big - 2] = 'b';
		big[sizeof big - 1] = '\0';
		assert_int_equal(text_search_next(ts, big, strlen(big), 0, &m),
		    0);
	}
	assert_true(text_search_timed_out(ts));
	text_search_free(ts);
}

/* Whole words (\\< \\>), for the plain search and regular expressions. */
static void
test_search_words(void **state)
{
	static const char	 en[] = "By the riverbank, the bank was "
	    "banking.";
	static const char	 fr[] = "Il parle de l’homme et des hommes.";
	char			*r;
	int			 w = TEXT_SEARCH_WORD_START |
				     TEXT_SEARCH_WORD_END;

	/* bank, as a word, alone in riverbank, bank, banking. */
	assert_int_equal(count_matches("bank", "en", 0, en), 3);
	assert_int_equal(count_matches("bank", "en", w, en), 1);
	assert_int_equal(count_matches("bank", "en", TEXT_SEARCH_WORD_START,
	    en), 2);
	assert_int_equal(count_matches("bank", "en", TEXT_SEARCH_WORD_END,
	    en), 2);
	r = first_match("bank", "en", w, en);
	assert_string_equal(r, "bank");
	free(r);
	r = first_match("\\w*bank", "en", TEXT_SEARCH_REGEX |
	    TEXT_SEARCH_WORD_END, en);
	assert_string_equal(r, "riverbank");
	free(r);
	/* An elided article is no part of the word. */
	r = first_match("HOMME", "fr", w, fr);
	assert_string_equal(r, "homme");
	free(r);
	r = first_match("hommes?", "fr", w | TEXT_SEARCH_REGEX, fr);
	assert_string_equal(r, "homme");
	free(r);
	assert_null(first_match("omme", "fr", w, fr));
	/* Russian: words of Cyrillic letters. */
	assert_null(first_match("лед", "ru", w, "ледокол"));
	r = first_match("лед", "ru", w, "тонкий лёд.");
	assert_string_equal(r, "лёд");
	free(r);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sentences_en_abbrev),
		cmocka_unit_test(test_sentences_en_initials_quotes),
		cmocka_unit_test(test_weak_breaks),
		cmocka_unit_test(test_weak_breaks_short),
		cmocka_unit_test(test_sentences_fr_guillemets),
		cmocka_unit_test(test_sentences_fr_nfd),
		cmocka_unit_test(test_sentences_fr_abbrev),
		cmocka_unit_test(test_sentences_ru_sample),
		cmocka_unit_test(test_sentences_ru_abbrev),
		cmocka_unit_test(test_sentences_ru_initials_dialogue),
		cmocka_unit_test(test_sentences_lang),
		cmocka_unit_test(test_doc_sentences),
		cmocka_unit_test(test_sentences_big),
		cmocka_unit_test(test_words),
		cmocka_unit_test(test_search_fr),
		cmocka_unit_test(test_search_ru_en),
		cmocka_unit_test(test_search_regex),
		cmocka_unit_test(test_search_words),
	};
	int	r;

	r = cmocka_run_group_tests_name("text", tests, NULL, NULL);
	text_cleanup();
	return (r);
}
