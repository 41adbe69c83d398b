/*
 * Unit tests: the library (issue 16) without a terminal: the model
 * (entries from the store with their titles, languages and notes; a
 * folder's articles; paths from file: URIs; the filter, case and accents
 * ignored) and the library screen driven by events (filter, forgetting
 * with its question, the notes of every article, choosing).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/utf8.h>

#include "unit.h"

#include "grid.h"
#include "library.h"
#include "note.h"
#include "store.h"
#include "text.h"
#include "view-library.h"

/* A store with two articles: one read (two versions, two notes), one not. */
static struct store *
mkstore(char **dirp)
{
	struct store		*st;
	struct store_version	 v[2];
	struct store_note	 n;
	int64_t			 a, ids[2];
	char			*cause = NULL;
	const char		*quotes[2] = { "les États", "toll" };
	size_t			 i;

	*dirp = tmpdir("u-library");
	assert_int_equal(store_open(&st, *dirp, &cause), 0);
	memset(v, 0, sizeof v);
	v[0].source = "file:///srv/a%20b/bridge.en.txt";
	v[0].hash = "fnv1a64:1";
	v[0].lang = "en";
	v[1].source = "file:///srv/a%20b/bridge.fr.txt";
	v[1].hash = "fnv1a64:2";
	v[1].lang = "fr";
	v[1].title = "Le pont";
	assert_int_equal(store_article_resolve(st, v, 2, &a, ids, &cause), 0);
	for (i = 0; i < 2; i++) {
		memset(&n, 0, sizeof n);
		n.version = ids[i];
		n.sel.exact = xstrdup(quotes[i]);
		n.sel.prefix = xstrdup("");
		n.sel.suffix = xstrdup("");
		n.sel.end = 4;
		n.text = xstrdup(i == 0 ? "note one" : "note two");
		assert_int_equal(store_note_add(st, &n, &cause), 0);
		store_note_release(&n);
	}
	memset(v, 0, sizeof v);
	v[0].source = "https://news.example/ru/station";
	v[0].hash = "fnv1a64:3";
	v[0].lang = "ru";
	v[0].title = "Станция";
	assert_int_equal(store_article_resolve(st, v, 1, &a, ids, &cause), 0);
	assert_int_equal(store_article_read(st, a, NULL, "Новости", &cause),
	    0);
	return (st);
}

static void
test_model(void **state)
{
	struct store		*st;
	struct library		 lib;
	struct text_search	*ts;
	char			*dir, *cause = NULL, *p;

	st = mkstore(&dir);
	assert_int_equal(library_load(&lib, st, 0, &cause), 0);
	assert_int_equal(lib.n, 2);
	/* Read first; a version's title stands in for the article's. */
	assert_str(lib.v[0].title, "Станция");
	assert_str(lib.v[0].langs, "ru");
	assert_str(lib.v[0].site, "Новости");
	assert_non_null(lib.v[0].read);
	assert_str(lib.v[0].paths[0], "https://news.example/ru/station");
	assert_str(lib.v[1].title, "Le pont");
	assert_str(lib.v[1].langs, "en fr");
	assert_null(lib.v[1].read);
	assert_int_equal(lib.v[1].notes, 2);
	/* A file: URI opens as its path, unescaped. */
	assert_str(lib.v[1].paths[0], "/srv/a b/bridge.en.txt");
	p = library_path("file:///x/%C3%A9t%C3%A9.txt");
	assert_str(p, "/x/été.txt");
	free(p);
	/* The filter: case and accents ignored, on the site and sources. */
	ts = text_search_create("PONT", NULL);
	assert_true(library_match(&lib.v[1], ts));
	assert_false(library_match(&lib.v[0], ts));
	text_search_free(ts);
	ts = text_search_create("новости", NULL);
	assert_true(library_match(&lib.v[0], ts));
	text_search_free(ts);
	ts = text_search_create("bridge.fr", NULL);
	assert_true(library_match(&lib.v[1], ts));
	text_search_free(ts);
	assert_true(library_exists(dir));
	library_release(&lib);
	store_close(st);
	free(dir);
	dir = tmpdir("u-library");
	assert_false(library_exists(dir));
	free(dir);
}

static void
test_folder(void **state)
{
	struct library	 lib;
	char		*dir = tmpdir("u-library"), *cause = NULL, *f;
	const char	*names[] = { "b.fr.txt", "b.en.txt", "a.ru.md",
			    "a.en.md", "a.en.txt", "readme.txt" };
	size_t		 i;
	FILE		*fp;

	for (i = 0; i < nitems(names); i++) {
		f = xstrprintf("%s/%s", dir, names[i]);
		assert_non_null(fp = fopen(f, "w"));
		fputs("Text.\n", fp);
		fclose(fp);
		free(f);
	}
	assert_int_equal(library_scan_dir(&lib, dir, &cause), 2);
	assert_null(lib.st);
	assert_str(lib.name, dir);
	assert_str(lib.v[0].title, "a");
	/* One file per language, en first. */
	assert_int_equal(lib.v[0].n, 2);
	assert_str(lib.v[0].langs, "en ru");
	assert_str(lib.v[1].title, "b");
	assert_str(lib.v[1].langs, "en fr");
	f = xstrprintf("%s/b.fr.txt", dir);
	assert_str(lib.v[1].paths[1], f);
	free(f);
	library_release(&lib);
	free(dir);
}

/* Send key k (a code point or PRKEY_*) to lv; its VIEW_* bits. */
static int
key(struct libview *lv, int32_t k)
{
	struct view_event	ev;

	memset(&ev, 0, sizeof ev);
	ev.kind = VIEW_EV_KEY;
	ev.key = k;
	return (libview_event(lv, &ev));
}

/* Type text into lv. */
static void
type(struct libview *lv, const char *s)
{
	int32_t	i = 0, n = (int32_t)strlen(s);
	UChar32	c;

	while (i < n) {
		U8_NEXT(s, i, n, c);
		key(lv, c);
	}
}

/* Does row y of the screen hold s? */
static int
row_has(struct libview *lv, struct grid *g, int y, const char *s)
{
	struct strbuf	sb = STRBUF_INIT;
	int		r;

	libview_render(lv, g);
	grid_row_text(g, y, &sb);
	r = strstr(sb.buf, s) != NULL;
	strbuf_release(&sb);
	return (r);
}

static void
test_screen(void **state)
{
	const struct library_entry	*e;
	struct store			*st;
	struct library			 lib;
	struct libview			*lv;
	struct grid			 g;
	char				*dir, *cause = NULL;
	int64_t				 note;

	st = mkstore(&dir);
	assert_int_equal(library_load(&lib, st, 0, &cause), 0);
	grid_init(&g);
	lv = libview_create(&lib, 0, 100, 12);
	assert_true(row_has(lv, &g, 0, "Library: 2 articles"));
	assert_true(row_has(lv, &g, 2, "Станция"));
	assert_true(row_has(lv, &g, 3, "Le pont"));
	assert_true(row_has(lv, &g, 3, "2 notes"));
	assert_true(row_has(lv, &g, 11, "q: quit"));
	/* The filter, typed: the rows that match, the prompt. */
	key(lv, '/');
	type(lv, "pont");
	assert_true(row_has(lv, &g, 0, "filter 'pont': 1 shown"));
	assert_true(row_has(lv, &g, 2, "Le pont"));
	assert_true(row_has(lv, &g, 11, "/pont"));
	assert_int_equal(g.cy, 11);
	key(lv, PRKEY_ENTER);
	assert_int_equal(key(lv, PRKEY_ENTER) & LIBVIEW_OPEN, LIBVIEW_OPEN);
	e = libview_chosen(lv, &note);
	assert_str(e->title, "Le pont");
	assert_int_equal(note, 0);
	/* Esc clears the filter, q quits (nothing behind). */
	key(lv, PRKEY_ESC);
	assert_true(row_has(lv, &g, 2, "Станция"));
	/* The notes of every article, grouped: one opens at its note. */
	key(lv, 'm');
	assert_true(row_has(lv, &g, 0, "Notes of the library (2)"));
	assert_true(row_has(lv, &g, 2, "Le pont"));
	assert_true(row_has(lv, &g, 3, "en \"les États\"  note one"));
	assert_true(row_has(lv, &g, 4, "fr \"toll\"  note two"));
	key(lv, '/');
	type(lv, "etats");
	key(lv, PRKEY_ENTER);
	assert_false(row_has(lv, &g, 4, "note two"));
	key(lv, 'j');
	assert_int_equal(key(lv, PRKEY_ENTER) & LIBVIEW_OPEN, LIBVIEW_OPEN);
	e = libview_chosen(lv, &note);
	assert_str(e->title, "Le pont");
	assert_true(note > 0);
	key(lv, PRKEY_ESC);
	key(lv, 'm');
	/* d asks; n keeps it; y forgets it, its notes kept. */
	key(lv, 'j');
	key(lv, 'd');
	assert_true(row_has(lv, &g, 11, "Forget 'Le pont'? y: yes, keep its "
	    "2 notes  D: with its notes  n: no"));
	key(lv, 'n');
	assert_true(row_has(lv, &g, 11, "not forgotten"));
	assert_int_equal(lib.n, 2);
	key(lv, 'd');
	key(lv, 'y');
	assert_int_equal(lib.n, 1);
	assert_true(row_has(lv, &g, 0, "Library: 1 article"));
	assert_true(row_has(lv, &g, 11, "forgot 'Le pont'; its 2 notes are "
	    "kept"));
	assert_int_equal(key(lv, 'q') & VIEW_QUIT, VIEW_QUIT);
	libview_free(lv);
	/* Over an article: q and B go back. */
	lv = libview_create(&lib, 1, 60, 8);
	assert_true(row_has(lv, &g, 7, "q: back"));
	assert_int_equal(key(lv, 'B') & LIBVIEW_BACK, LIBVIEW_BACK);
	assert_int_equal(key(lv, 'q') & LIBVIEW_BACK, LIBVIEW_BACK);
	libview_free(lv);
	grid_release(&g);
	library_release(&lib);
	store_close(st);
	free(dir);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_model),
		cmocka_unit_test(test_folder),
		cmocka_unit_test(test_screen),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
