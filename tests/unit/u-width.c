/*
 * Unit tests: grapheme clusters, display widths and line wrapping
 * (text-width.c) on EN, FR and RU text.
 *
 * The sentences come from the bundled sample (data/sample/commentary.*);
 * the emoji, CJK and Hangul strings are made up (no source has them). See
 * tests/data/text-engine/README.
 */
#include "config.h"

#include <stdlib.h>

#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utf8.h>

#include "unit.h"
#include "grid.h"
#include "text.h"

/* Sample, commentary.fr.html, paragraph 7 (no-break spaces kept). */
static const char fr7[] =
    "Le différend porte moins sur la glace que sur le droit. La Russie "
    "considère les détroits de Vilkitski et de Sannikov comme des eaux "
    "intérieures\u202f; les États-Unis et la plupart des États européens "
    "les jugent internationaux. M.\u00a0Volkov a balayé l’objection\u00a0: "
    "«\u00a0Ceux qui parlent de “liberté de navigation” envoient rarement "
    "leurs propres brise-glaces.\u00a0»";

/* Sample, commentary.fr.txt, paragraph 4 (ordinary spaces). */
static const char fr4[] =
    "La ministre norvégienne de la Pêche, Ingrid Halvorsen, n’a pas mâché "
    "ses mots. « L’Arctique ne peut pas devenir une route à péage gérée "
    "par un seul pays », a-t-elle déclaré aux journalistes, ajoutant "
    "qu’Oslo « gardera tous les canaux ouverts, mais pas à n’importe "
    "quel prix ».";

/* Sample, commentary.en, paragraph 8. */
static const char en8[] =
    "Dr. Marie-Claire Dubois, who studies polar law at the University of "
    "Rennes, sees room for compromise. In her view, “a shared code of "
    "conduct for search and rescue would cost little and save lives”. She "
    "notes that only 155 km separate the nearest rescue bases on either "
    "side.";

/* Sample, commentary.ru, paragraph 11. */
static const char ru11[] =
    "Пока трасса остаётся российским делом с иностранными грузами. "
    "Большая часть транзитов в 2023 году пришлась на китайские "
    "судоходные компании, тогда как западные страховщики держались в "
    "стороне. Изменят ли что-то переговоры в Тромсё, станет ясно осенью, "
    "когда вернётся лёд и будут выданы разрешения на следующий сезон.";

/* s in NFD; you own the result. */
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

/* Is the code point at s[i] a combining mark? */
static int
mark_at(const char *s, size_t len, size_t i)
{
	int32_t	j = (int32_t)i;
	UChar32	c;

	if (i >= len)
		return (0);
	U8_NEXT(s, j, (int32_t)len, c);
	return (u_charType(c) == U_NON_SPACING_MARK);
}

/*
 * Walk s by graphemes both ways: the same boundaries, never before a
 * combining mark. Returns the number of graphemes.
 */
static size_t
walk(const char *s)
{
	size_t	len = strlen(s), pos = 0, n = 0, *b, k;

	b = xcalloc(len + 2, sizeof *b);
	b[n++] = 0;
	while (pos < len) {
		pos = text_next_grapheme(s, len, pos);
		assert_true(pos > b[n - 1]);
		assert_false(mark_at(s, len, pos));
		b[n++] = pos;
	}
	assert_int_equal(pos, len);
	for (k = n - 1; k > 0; k--) {
		pos = text_prev_grapheme(s, len, b[k]);
		assert_int_equal(pos, b[k - 1]);
	}
	assert_int_equal(text_prev_grapheme(s, len, 0), 0);
	assert_int_equal(text_next_grapheme(s, len, len), len);
	free(b);
	return (n - 1);
}

/* NFD text (e + U+0301, и + U+0306, е + U+0308) moves by whole letters. */
static void
test_graphemes(void **state)
{
	char	*fr = to_nfd(fr7), *ru = to_nfd(ru11);
	size_t	 i;

	assert_true(strstr(fr, "e\xcc\x81") != NULL);
	assert_true(strstr(ru, "\xd0\xb5\xcc\x88") != NULL);
	/* As many graphemes as the NFC text has code points. */
	assert_int_equal(walk(fr), walk(fr7));
	assert_int_equal(walk(ru), walk(ru11));
	/* "é" in NFD is one step of 3 bytes. */
	i = (size_t)(strstr(fr, "e\xcc\x81") - fr);
	assert_int_equal(text_next_grapheme(fr, strlen(fr), i), i + 3);
	assert_int_equal(text_prev_grapheme(fr, strlen(fr), i + 3), i);
	/* In the middle of a grapheme, the next boundary is its end. */
	assert_int_equal(text_next_grapheme(fr, strlen(fr), i + 1), i + 3);
	free(fr);
	free(ru);
	/* CR LF is one grapheme; so are a flag and a ZWJ family. */
	assert_int_equal(text_next_grapheme("a\r\nb", 4, 1), 3);
	assert_int_equal(text_prev_grapheme("a\r\nb", 4, 3), 1);
	assert_int_equal(walk("\U0001F1EB\U0001F1F7"), 1);
	assert_int_equal(walk("\U0001F468\u200d\U0001F469\u200d\U0001F467"),
	    1);
}

/* Widths of code points. */
static void
test_cp_width(void **state)
{
	assert_int_equal(text_cp_width('a'), 1);
	assert_int_equal(text_cp_width(0x0451), 1);	/* ё */
	assert_int_equal(text_cp_width(0x00a0), 1);
	assert_int_equal(text_cp_width(0x202f), 1);
	assert_int_equal(text_cp_width(0x00ab), 1);	/* « */
	assert_int_equal(text_cp_width(0x0301), 0);
	assert_int_equal(text_cp_width(0x0306), 0);
	assert_int_equal(text_cp_width(0x200d), 0);
	assert_int_equal(text_cp_width(0xfe0f), 0);
	assert_int_equal(text_cp_width(0x200e), 0);
	assert_int_equal(text_cp_width('\n'), 0);
	assert_int_equal(text_cp_width(0x7f), 0);
	assert_int_equal(text_cp_width(0x9b), 0);
	assert_int_equal(text_cp_width(0x65e5), 2);	/* 日 */
	assert_int_equal(text_cp_width(0xff21), 2);	/* Ａ */
	assert_int_equal(text_cp_width(0x3000), 2);
	assert_int_equal(text_cp_width(0x1100), 2);	/* Hangul L */
	assert_int_equal(text_cp_width(0x1161), 0);	/* Hangul V */
	assert_int_equal(text_cp_width(0x1f600), 2);
	assert_int_equal(text_cp_width(0x1f1eb), 2);
	assert_int_equal(text_cp_width(0x2764), 1);	/* text style */
}

/* Widths of graphemes and strings, NFC and NFD alike. */
static void
test_width(void **state)
{
	char	*fr = to_nfd(fr7), *ru = to_nfd(ru11);
	size_t	 len, pos, next;
	int	 sum = 0;

	assert_int_equal(text_width("e\xcc\x81", 3), 1);
	assert_int_equal(text_grapheme_width("e\xcc\x81", 3), 1);
	assert_int_equal(text_grapheme_width("\xcc\x81", 2), 1);
	assert_int_equal(text_width("Тромсё", strlen("Тромсё")), 6);
	assert_int_equal(text_width(fr, strlen(fr)), text_width(fr7,
	    strlen(fr7)));
	assert_int_equal(text_width(ru, strlen(ru)), text_width(ru11,
	    strlen(ru11)));
	/* The NFC paragraph: one column per code point. */
	len = strlen(ru11);
	for (pos = 0; pos < len; pos++)
		sum += ((unsigned char)ru11[pos] & 0xc0) != 0x80;
	assert_int_equal(text_width(ru11, len), sum);
	/* Grapheme by grapheme adds up. */
	len = strlen(fr);
	sum = 0;
	for (pos = 0; pos < len; pos = next) {
		next = text_next_grapheme(fr, len, pos);
		sum += text_grapheme_width(fr + pos, next - pos);
	}
	assert_int_equal(sum, text_width(fr, len));
	free(fr);
	free(ru);
	/* Emoji presentation is 2, a text-style emoji with U+FE0F too. */
	assert_int_equal(text_width("\u2764", 3), 1);
	assert_int_equal(text_width("\u2764\ufe0f", 6), 2);
	assert_int_equal(text_width("\U0001F1EB\U0001F1F7", 8), 2);
	assert_int_equal(text_width("\U0001F468\u200d\U0001F469\u200d"
	    "\U0001F467", 18), 2);
	assert_int_equal(text_width("日本", 6), 4);
	assert_int_equal(text_width("\u1100\u1161\u11a8", 9), 2);
	/* As the grid shows them: a tab as a space, ESC as "^[". */
	assert_int_equal(text_width("a\tb\x1b", 4), 5);
	assert_int_equal(text_width("", 0), 0);
}

/*
 * Wrap s at width w and check the lines: within the width, widths that
 * match the text, no space at either end, and nothing lost. Returns the
 * number of lines; *lp gets them (free it).
 */
static size_t
wrap_check(const char *s, int w, const char *lang, struct text_line **lp)
{
	struct text_line	*l = NULL;
	size_t			 alloc = 0, n, i, len = strlen(s);
	struct strbuf		 sb = STRBUF_INIT;

	n = text_wrap(s, len, w, lang, &l, &alloc);
	assert_true(n >= 1);
	for (i = 0; i < n; i++) {
		assert_true(l[i].start <= l[i].end);
		assert_true(l[i].end <= len);
		assert_int_equal(l[i].width, text_width(s + l[i].start,
		    l[i].end - l[i].start));
		if (l[i].width > w && text_next_grapheme(s, len,
		    l[i].start) != l[i].end)
			fail_msg("line %zu wider than %d: '%.*s'", i, w,
			    (int)(l[i].end - l[i].start), s + l[i].start);
		assert_true(l[i].end == l[i].start || s[l[i].end - 1] != ' ');
		assert_true(l[i].end == l[i].start || s[l[i].start] != ' ');
		if (i > 0 && l[i].start > l[i - 1].end)
			strbuf_addch(&sb, ' ');
		strbuf_add(&sb, s + l[i].start, l[i].end - l[i].start);
	}
	if (strcmp(sb.buf, s) != 0)
		fail_msg("lost text at width %d: '%s'", w, sb.buf);
	strbuf_release(&sb);
	if (lp != NULL)
		*lp = l;
	else
		free(l);
	return (n);
}

/* English, Russian (NFC and NFD) at every width from 10 to 80. */
static void
test_wrap_widths(void **state)
{
	char	*ru = to_nfd(ru11);
	int	 w;

	for (w = 10; w <= 80; w++) {
		wrap_check(en8, w, "en", NULL);
		wrap_check(ru11, w, "ru", NULL);
		assert_int_equal(wrap_check(ru, w, "ru", NULL),
		    wrap_check(ru11, w, "ru", NULL));
	}
	free(ru);
	assert_int_equal(wrap_check(en8, 1000, "en", NULL), 1);
}

/*
 * What the grid shows escaped (a bidi control as "<U+200F>", a control
 * as "^A", a tab as a space) is measured as it is shown, so that a line
 * holding one is laid out within its width (a dump's column overflowed).
 */
static void
test_width_escaped(void **state)
{
	static const char	*s[] = {
		"a\xe2\x80\x8f" "b",			/* RLM */
		"\xd0\x94\xd0\xb0\xe2\x80\xae\xd0\xbd\xd0\xb5\xd1\x82",	/* Да<RLO>нет */
		"x\ty", "a\x01" "b", "\xc2\x85", "\xd8\x9c", "e\xcc\x81\xe2\x81\xa6",
		"Hello there \xe2\x80\x8f\xe2\x80\x8f and more"
	};
	static const int	 w[] = { 10, 13, 3, 4, 8, 8, 9, 37 };
	size_t			 i;

	(void)state;
	for (i = 0; i < nitems(s); i++) {
		assert_int_equal(text_width(s[i], strlen(s[i])), w[i]);
		assert_int_equal(grid_text_width(s[i], strlen(s[i])), w[i]);
	}
	for (i = 10; i <= 40; i++)
		wrap_check(s[7], (int)i, "en", NULL);
}

/* « guillemets » and ; : ! ? never leave their word, in French. */
static void
test_wrap_french(void **state)
{
	const char *const	 texts[] = { fr7, fr4 };
	struct text_line	*l;
	size_t			 n, i, t;
	int			 w;
	const char		*s;

	for (t = 0; t < nitems(texts); t++) {
		s = texts[t];
		for (w = 8; w <= 80; w++) {
			n = wrap_check(s, w, "fr", &l);
			for (i = 0; i < n; i++) {
				const char *a = s + l[i].start;
				size_t	    k = l[i].end - l[i].start;

				if (strncmp(a, "»", 2) == 0 || *a == ';' ||
				    *a == ':' || *a == '?' || *a == '!' ||
				    (k >= 2 && strncmp(a + k - 2, "«", 2) ==
				    0))
					fail_msg("width %d: '%.*s'", w,
					    (int)k, a);
			}
			free(l);
		}
	}
}

/* A word wider than the line breaks between graphemes (NFD ё kept). */
static void
test_wrap_long_word(void **state)
{
	/* Sample, commentary.ru, paragraph 13: "Шахтёрский посёлок". */
	char			*s = to_nfd("Шахтёрский посёлок");
	struct text_line	*l;
	size_t			 n, i, len = strlen(s);

	n = wrap_check(s, 4, "ru", &l);
	assert_int_equal(n, 5);
	for (i = 0; i < n; i++) {
		assert_true(l[i].width <= 4);
		assert_false(mark_at(s, len, l[i].end));
	}
	assert_int_equal(l[1].width, 4);	/* "тёрс" */
	assert_int_equal(l[1].end - l[1].start, strlen("те\xcc\x88рс"));
	free(l);
	free(s);
	/* Wide characters: whole graphemes, even past the width. */
	n = wrap_check("日本語のテキスト", 5, NULL, &l);
	assert_int_equal(n, 4);
	assert_int_equal(l[0].width, 4);
	free(l);
	n = wrap_check("日本", 1, NULL, &l);
	assert_int_equal(n, 2);
	assert_int_equal(l[0].width, 2);
	free(l);
}

/* Hard breaks, indentation, empty text. */
static void
test_wrap_pre(void **state)
{
	static const char	 pre[] = "Вопрос правил\n    Спор идёт\nне "
	    "столько о льде";
	struct text_line	*l = NULL;
	size_t			 alloc = 0, n;

	n = text_wrap(pre, strlen(pre), 40, "ru", &l, &alloc);
	assert_int_equal(n, 3);
	assert_int_equal(l[0].end, strlen("Вопрос правил"));
	/* The indentation stays, and counts (it was lost before). */
	assert_int_equal(l[1].start, strlen("Вопрос правил\n"));
	assert_int_equal(l[1].width, 13);
	assert_int_equal(l[2].width, 17);
	/* At 10 columns "    Спор" fits; at 6 its indentation goes. */
	n = text_wrap(pre, strlen(pre), 10, "ru", &l, &alloc);
	assert_int_equal(l[2].start, strlen("Вопрос правил\n"));
	assert_int_equal(l[2].width, 8);
	assert_int_equal(n, 6);
	n = text_wrap(pre, strlen(pre), 6, "ru", &l, &alloc);
	assert_int_equal(l[2].start, strlen("Вопрос правил\n    "));
	assert_int_equal(l[2].width, 4);
	n = text_wrap("", 0, 10, "en", &l, &alloc);
	assert_int_equal(n, 1);
	assert_int_equal(l[0].start, 0);
	assert_int_equal(l[0].end, 0);
	assert_int_equal(l[0].width, 0);
	n = text_wrap("a\r\nb", 4, 10, "en", &l, &alloc);
	assert_int_equal(n, 2);
	assert_int_equal(l[0].end, 1);
	n = text_wrap("word", 4, 0, "en", &l, &alloc);
	assert_int_equal(n, 4);
	free(l);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_graphemes),
		cmocka_unit_test(test_cp_width),
		cmocka_unit_test(test_width),
		cmocka_unit_test(test_wrap_widths),
		cmocka_unit_test(test_width_escaped),
		cmocka_unit_test(test_wrap_french),
		cmocka_unit_test(test_wrap_long_word),
		cmocka_unit_test(test_wrap_pre),
	};
	int	r;

	r = cmocka_run_group_tests_name("width", tests, NULL, NULL);
	text_cleanup();
	return (r);
}
