/*
 * Unit tests: spell-checking notes with the hunspell dictionaries of
 * Debian (hunspell-en-us, hunspell-fr, hunspell-ru): English, French and
 * Russian notes, words of another script (a Russian name in an English
 * note, English and French words in a Russian one), ICU word boundaries
 * (elisions, hyphenated words), the personal dictionary, ignoring, a
 * missing dictionary, and the dictionaries of any language installed.
 * Sentences are about the bundled sample article.
 */
#include "config.h"

#include <sys/stat.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "file.h"
#include "unit.h"

#include "spell.h"
#include "text.h"

/*
 * The dictionaries of the tests are installed by ./setup; without the
 * one for lang, the test is skipped (reported as such, not as a pass),
 * freeing sp and dir (may be NULL) first.
 */
static void
need(struct spell *sp, const char *lang, char *dir)
{
	if (spell_has(sp, lang))
		return;
	print_message("# no hunspell dictionary for '%s'\n", lang);
	spell_free(sp);
	free(dir);
	skip();
}

/* The misspelled words of s, joined by "|" (you own it). */
static char *
wrong(struct spell *sp, const char *lang, const char *s,
    const struct spell_ignore *ign)
{
	struct spell_error	*e;
	struct strbuf		 sb = STRBUF_INIT;
	size_t			 n, i;

	n = spell_check(sp, lang, s, strlen(s), ign, &e);
	for (i = 0; i < n; i++) {
		if (i > 0)
			strbuf_addch(&sb, '|');
		strbuf_add(&sb, s + e[i].start, e[i].end - e[i].start);
		strbuf_addch(&sb, '@');
		strbuf_addstr(&sb, e[i].lang);
	}
	free(e);
	return (strbuf_detach(&sb, NULL));
}

/* True if word is among the suggestions for w, from dictionary lang. */
static int
suggests(struct spell *sp, const char *lang, const char *w,
    const char *word, const char *from)
{
	struct spell_suggestion	*s;
	size_t			 n, i;
	int			 found = 0;

	n = spell_suggest(sp, lang, w, strlen(w), &s);
	for (i = 0; i < n; i++) {
		if (strcmp(s[i].word, word) == 0 &&
		    strcmp(s[i].lang, from) == 0)
			found = 1;
	}
	spell_suggestions_free(s, n);
	return (found);
}

static void
test_english(void **state)
{
	struct spell	*sp = spell_create(NULL, NULL);
	char		*w;

	need(sp, "en", NULL);
	w = wrong(sp, "en", "The minister was blunt: the Arctic cannot "
	    "becmoe a toll road, and nobody should recieve teh fees. It "
	    "doesn't matter what the well-known A380 costs in 2024.", NULL);
	assert_str(w, "becmoe@en|recieve@en|teh@en");
	free(w);
	assert_true(suggests(sp, "en", "recieve", "receive", "en"));
	assert_true(suggests(sp, "en", "teh", "the", "en"));
	/* A typographic apostrophe is an apostrophe. */
	assert_true(spell_word_ok(sp, "en", "doesn’t", strlen("doesn’t")));
	spell_free(sp);
}

static void
test_french(void **state)
{
	struct spell	*sp = spell_create(NULL, NULL);
	char		*w;

	need(sp, "fr", NULL);
	/* Elisions, aujourd'hui, hyphenated words: one word each. */
	w = wrong(sp, "fr", "La ministre a-t-elle déclaré aujourd’hui que "
	    "l'homme, c'est-à-dire l’Arctique, ne peut pas devenir une "
	    "route à péaje ? Peut-être gardera-t-on les canaux ouvers.",
	    NULL);
	assert_str(w, "péaje@fr|ouvers@fr");
	free(w);
	assert_true(suggests(sp, "fr", "péaje", "péage", "fr"));
	assert_true(suggests(sp, "fr", "ouvers", "ouverts", "fr"));
	spell_free(sp);
}

static void
test_russian(void **state)
{
	struct spell	*sp = spell_create(NULL, NULL);
	char		*w;

	need(sp, "ru", NULL);
	w = wrong(sp, "ru", "Арктика не может стать платной дорогой, "
	    "которой управляет одна страна, — сказала министр журналистм.",
	    NULL);
	assert_str(w, "журналистм@ru");
	free(w);
	assert_true(suggests(sp, "ru", "журналистм", "журналистам", "ru"));
	/* ё and е. */
	assert_true(spell_word_ok(sp, "ru", "ещё", strlen("ещё")));
	spell_free(sp);
}

static void
test_mixed_scripts(void **state)
{
	struct spell	*sp = spell_create("en,fr,ru", NULL);
	char		*w;

	need(sp, "en", NULL);
	need(sp, "ru", NULL);
	need(sp, "fr", NULL);
	/* A Russian name in an English note: checked in Russian. */
	w = wrong(sp, "en", "Putin quoted Путин and Путинн in Moscow.",
	    NULL);
	assert_str(w, "Путинн@ru");
	free(w);
	assert_true(suggests(sp, "en", "Путинн", "Путин", "ru"));
	/* English and French words in a Russian note: either may know it. */
	w = wrong(sp, "ru", "Он сказал hello, потом bonjour, потом helo.",
	    NULL);
	assert_str(w, "helo@en");
	free(w);
	/* Suggestions from both Latin dictionaries, labelled. */
	assert_true(suggests(sp, "ru", "helo", "hello", "en"));
	{
		struct spell_suggestion	*s;
		size_t			 n, i;
		int			 fr = 0;

		n = spell_suggest(sp, "ru", "bonjoure", strlen("bonjoure"),
		    &s);
		for (i = 0; i < n; i++)
			fr |= strcmp(s[i].lang, "fr") == 0;
		spell_suggestions_free(s, n);
		assert_true(fr);
	}
	/* A French word in an English note is an English misspelling. */
	w = wrong(sp, "en", "The word déclaré is French.", NULL);
	assert_str(w, "déclaré@en");
	free(w);
	spell_free(sp);
}

static void
test_personal_dictionary(void **state)
{
	struct spell	*sp;
	char		*dir = tmpdir("u-spell"), *w, *cause = NULL, *path, *data;
	size_t		 len;

	sp = spell_create(NULL, dir);
	need(sp, "en", dir);
	need(sp, "ru", dir);
	w = wrong(sp, "en", "Halvorsen met Халворсен.", NULL);
	assert_str(w, "Halvorsen@en|Халворсен@ru");
	free(w);
	assert_int_equal(spell_add(sp, "en", "Halvorsen", 9, &cause), 0);
	/* The Cyrillic one goes to the Russian dictionary. */
	assert_int_equal(spell_add(sp, "en", "Халворсен",
	    strlen("Халворсен"), &cause), 0);
	w = wrong(sp, "en", "Halvorsen met Халворсен.", NULL);
	assert_str(w, "");
	free(w);
	spell_free(sp);
	path = xstrprintf("%s/dict/en.txt", dir);
	assert_int_equal(file_read(path, 4096, &data, &len, &cause), 0);
	assert_str(data, "Halvorsen\n");
	free(data);
	free(path);
	path = xstrprintf("%s/dict/ru.txt", dir);
	assert_int_equal(file_read(path, 4096, &data, &len, &cause), 0);
	assert_str(data, "Халворсен\n");
	free(data);
	free(path);
	/* Loaded at start by the next checker. */
	sp = spell_create(NULL, dir);
	w = wrong(sp, "en", "Ingrid Halvorsen, Халворсен.", NULL);
	assert_str(w, "");
	free(w);
	/* Not words. */
	assert_int_equal(spell_add(sp, "en", "two words", 9, &cause), -1);
	free(cause);
	spell_free(sp);
	free(dir);
}

static void
test_ignore(void **state)
{
	struct spell		*sp = spell_create(NULL, NULL);
	struct spell_ignore	 ign;
	char			*w;

	need(sp, "en", NULL);
	memset(&ign, 0, sizeof ign);
	spell_ignore_add(&ign, "Rosatom", 7);
	w = wrong(sp, "en", "Rosatom and Rosatomm", &ign);
	assert_str(w, "Rosatomm@en");
	free(w);
	spell_ignore_clear(&ign);
	assert_int_equal(ign.n, 0);
	spell_free(sp);
}

static void
test_missing_dictionary(void **state)
{
	struct spell	*sp;
	char		*dir = tmpdir("u-spell"), *w, *msg;

	setenv("DICPATH", dir, 1);
	sp = spell_create(NULL, NULL);
	assert_false(spell_has(sp, "en"));
	/* Nothing flagged, and the reason said once. */
	w = wrong(sp, "en", "teh recieve Путинн", NULL);
	assert_str(w, "");
	free(w);
	msg = spell_warning(sp);
	assert_non_null(msg);
	assert_non_null(strstr(msg, "no hunspell dictionary for 'en'"));
	assert_non_null(strstr(msg, "'ru'"));
	free(msg);
	w = wrong(sp, "en", "teh", NULL);
	free(w);
	assert_null(spell_warning(sp));
	spell_free(sp);
	unsetenv("DICPATH");
	free(dir);
}

/* Write a small hunspell dictionary NAME.aff/.dic of words into dir. */
static void
write_dict(const char *dir, const char *name, const char *const *words,
    size_t n)
{
	char	*path;
	FILE	*f;
	size_t	 i;

	path = xstrprintf("%s/%s.aff", dir, name);
	f = fopen(path, "w");
	assert_non_null(f);
	fputs("SET UTF-8\n", f);
	fclose(f);
	free(path);
	path = xstrprintf("%s/%s.dic", dir, name);
	f = fopen(path, "w");
	assert_non_null(f);
	fprintf(f, "%zu\n", n);
	for (i = 0; i < n; i++)
		fprintf(f, "%s\n", words[i]);
	fclose(f);
	free(path);
}

/*
 * Every dictionary installed is used (issue 16): a Greek word in a note in
 * English goes to the Greek dictionary found in the folder, a German note
 * to the German one, and of two Portuguese dictionaries the one of ICU's
 * likely region (pt_BR). The dictionaries are made here, of words of the
 * UDHR (article 1 in German and Greek).
 */
static void
test_installed_dictionaries(void **state)
{
	static const char *const de[] = {
		"Alle", "Menschen", "sind", "frei", "und", "gleich", "geboren"
	};
	static const char *const el[] = {
		"\xce\x8c\xce\xbb\xce\xbf\xce\xb9",	/* Όλοι */
		"\xce\xac\xce\xbd\xce\xb8\xcf\x81\xcf\x89\xcf\x80\xce\xbf\xce"
		"\xb9"					/* άνθρωποι */
	};
	static const char *const pt_ao[] = { "nascem" };
	static const char *const pt_br[] = { "nascem", "livres" };
	struct spell	*sp;
	char		*dir = tmpdir("u-spell-inst"), *w;

	(void)state;
	write_dict(dir, "de_DE", de, nitems(de));
	write_dict(dir, "el_GR", el, nitems(el));
	write_dict(dir, "pt_AO", pt_ao, nitems(pt_ao));
	write_dict(dir, "pt_BR", pt_br, nitems(pt_br));
	/* Hyphenation patterns are no dictionary. */
	write_dict(dir, "hyph_de_DE", de, nitems(de));
	setenv("DICPATH", dir, 1);
	sp = spell_create("en", NULL);
	w = wrong(sp, "de", "Alle Menschen sind frei und gleich gebohren",
	    NULL);
	assert_str(w, "gebohren@de");
	free(w);
	/* English has no dictionary here; the Greek words still go to el. */
	w = wrong(sp, "en", "They said \xce\x8c\xce\xbb\xce\xbf\xce\xb9 "
	    "\xce\xac\xce\xbd\xce\xb8\xcf\x81\xcf\x89\xcf\x80\xce\xbf\xce\xb9"
	    "\xce\xb9.", NULL);
	assert_str(w, "\xce\xac\xce\xbd\xce\xb8\xcf\x81\xcf\x89\xcf\x80\xce"
	    "\xbf\xce\xb9\xce\xb9@el");
	free(w);
	w = wrong(sp, "pt", "nascem livres", NULL);
	assert_str(w, "");
	free(w);
	spell_free(sp);
	unsetenv("DICPATH");
	free(dir);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_english),
		cmocka_unit_test(test_french),
		cmocka_unit_test(test_russian),
		cmocka_unit_test(test_mixed_scripts),
		cmocka_unit_test(test_personal_dictionary),
		cmocka_unit_test(test_ignore),
		cmocka_unit_test(test_missing_dictionary),
		cmocka_unit_test(test_installed_dictionaries),
	};
	int	r;

	r = cmocka_run_group_tests_name("spell", tests, NULL, NULL);
	text_cleanup();
	return (r);
}
