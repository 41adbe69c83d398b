/*
 * Unit tests: the reader's view without a terminal (issue 5): bead rows
 * level in the columns for EN/FR/RU text that wraps differently, scrolling,
 * focus, layouts, resize, the grid's escapes and widths, themes and the
 * config file; the article header above each column's body.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/utf8.h>

#include "unit.h"

#include "align.h"
#include "article.h"
#include "grid.h"
#include "layout.h"
#include "safe.h"
#include "settings.h"
#include "text.h"
#include "theme.h"
#include "view.h"

/*
 * The test article: three paragraphs in each language, given sentence by
 * sentence (NULL ends a paragraph's list). The French and Russian
 * sentences wrap differently from the English ones; the second paragraph
 * has two English sentences for one French and one Russian (a 2:1 bead).
 */
static const char *en[] = {
	"For forty years, Marie Kerlan kept the lighthouse at the end of "
	"the harbour wall.",
	"When the light was automated in 1994, she asked the town for one "
	"thing: permission to leave her books behind.",
	NULL,
	"Today the library holds 2,300 volumes.",
	"They come in eleven languages.",
	"Sailors leave a book and take another; the rule is written on a "
	"brass plate by the door.",
	NULL,
	"Only nine volumes were lost.",
	NULL,
	NULL
};
static const char *fr[] = {
	"Pendant quarante ans, Marie Kerlan a gardé le phare situé au bout "
	"de la jetée.",
	"Lorsque le feu a été automatisé en 1994, elle n'a demandé qu'une "
	"chose à la commune : l'autorisation de laisser ses livres sur "
	"place.",
	NULL,
	"Aujourd'hui, la bibliothèque compte 2 300 volumes en onze langues.",
	"Les marins déposent un livre et en emportent un autre ; la règle "
	"est gravée sur une plaque de laiton près de la porte.",
	NULL,
	"Seuls neuf volumes ont été perdus.",
	NULL,
	NULL
};
static const char *ru[] = {
	"Сорок лет Мари Керлан служила смотрительницей маяка в конце "
	"портового мола.",
	"Когда в 1994 году огонь перевели на автоматику, она попросила у "
	"города только одного: разрешения оставить свои книги.",
	NULL,
	"Сегодня в библиотеке 2300 томов на одиннадцати языках.",
	"Моряки оставляют одну книгу и берут другую; правило выгравировано "
	"на латунной табличке у двери.",
	NULL,
	"Пропало всего девять томов.",
	NULL,
	NULL
};

struct fixture {
	struct article		 a;
	struct text_sentence	*sents[3];
	size_t			 nsents[3];
	struct settings		 set;
};

/* Build a document from sentence lists, recording the sentences. */
static struct doc *
make_doc(const char *lang, const char **s, struct text_sentence **out,
    size_t *nout)
{
	struct doc	*d = doc_create(lang, "text");
	struct strbuf	 sb = STRBUF_INIT;
	size_t		 i = 0, n = 0, block = 0;

	doc_set_lang(d, lang);
	*out = xcalloc(32, sizeof **out);
	while (s[i] != NULL) {
		strbuf_reset(&sb);
		for (; s[i] != NULL; i++) {
			if (sb.len > 0)
				strbuf_addch(&sb, ' ');
			(*out)[n].block = block;
			(*out)[n].start = sb.len;
			strbuf_addstr(&sb, s[i]);
			(*out)[n].end = sb.len;
			n++;
		}
		doc_add_block(d, BLOCK_PARA, 0, sb.buf, sb.len);
		block++;
		i++;
	}
	doc_finish(d);
	strbuf_release(&sb);
	*nout = n;
	return (d);
}

/*
 * The alignment of the fixture, by hand: beads per paragraph with the
 * given counts (EN, FR, RU).
 */
static struct alignment *
make_alignment(struct fixture *f)
{
	static const size_t	 counts[][3] = {
		{ 1, 1, 1 }, { 1, 1, 1 }, { 2, 1, 1 }, { 1, 1, 1 }, { 1, 1, 1 }
	};
	struct alignment	*al = xcalloc(1, sizeof *al);
	size_t			 b, v, k, next[3] = { 0, 0, 0 };

	al->nvers = 3;
	al->nbeads = nitems(counts);
	al->beads = xcalloc(al->nbeads, sizeof *al->beads);
	for (v = 0; v < 3; v++) {
		al->docs[v] = f->a.docs[v];
		al->nsents[v] = f->nsents[v];
		al->sents[v] = xcalloc(f->nsents[v], sizeof *al->sents[v]);
		memcpy(al->sents[v], f->sents[v],
		    f->nsents[v] * sizeof *al->sents[v]);
		al->bead_of[v] = xcalloc(f->nsents[v],
		    sizeof *al->bead_of[v]);
	}
	for (b = 0; b < al->nbeads; b++) {
		al->beads[b].confidence = b == 2 ? 0.2 : 0.9;
		for (v = 0; v < 3; v++) {
			al->beads[b].first[v] = next[v];
			al->beads[b].count[v] = counts[b][v];
			for (k = 0; k < counts[b][v]; k++)
				al->bead_of[v][next[v] + k] = b;
			next[v] += counts[b][v];
		}
	}
	for (v = 0; v < 3; v++)
		assert_int_equal(next[v], f->nsents[v]);
	return (al);
}

static int
setup(void **state)
{
	struct fixture	*f = xcalloc(1, sizeof *f);

	f->a.docs[0] = make_doc("en", en, &f->sents[0], &f->nsents[0]);
	f->a.docs[1] = make_doc("fr", fr, &f->sents[1], &f->nsents[1]);
	f->a.docs[2] = make_doc("ru", ru, &f->sents[2], &f->nsents[2]);
	f->a.n = 3;
	settings_init(&f->set);
	*state = f;
	return (0);
}

static int
teardown(void **state)
{
	struct fixture	*f = *state;
	size_t		 v;

	for (v = 0; v < 3; v++) {
		doc_free(f->a.docs[v]);
		free(f->sents[v]);
	}
	settings_release(&f->set);
	free(f);
	text_cleanup();
	return (0);
}

/* A view of the fixture, w x h, in layout. */
static struct view *
make_view(struct fixture *f, enum view_layout layout, int w, int h)
{
	struct view_opts	o;

	memset(&o, 0, sizeof o);
	o.layout = layout;
	o.maxw = 0;
	o.mouse = 1;
	o.settings = &f->set;
	return (view_create(&f->a, &o, w, h));
}

/* Row y of the grid, as text (a static buffer). */
static const char *
row(struct grid *g, int y)
{
	static struct strbuf	sb = STRBUF_INIT;

	strbuf_reset(&sb);
	grid_row_text(g, y, &sb);
	return (sb.buf);
}

/* The text of column c of row y (columns of width colw from x). */
static char *
cell_text(struct grid *g, int x, int w, int y)
{
	struct strbuf		 sb = STRBUF_INIT;
	const struct grid_cell	*c;
	const char		*t;
	size_t			 n;
	int			 i;

	for (i = x; i < x + w && i < g->w; i++) {
		c = grid_cell(g, i, y);
		t = grid_cell_text(g, c, &n);
		strbuf_add(&sb, t, n);
	}
	while (sb.len > 0 && sb.buf[sb.len - 1] == ' ')
		sb.len--;
	strbuf_setlen(&sb, sb.len);
	return (strbuf_detach(&sb, NULL));
}

/* The start of each column for the columns layout at width w. */
static void
columns_x(int w, int *x, int *colw)
{
	struct layout_geom	g;
	int			c;

	layout_geometry(w - 2, 3, 0, 3, &g);
	for (c = 0; c < 3; c++)
		x[c] = 2 + g.left + c * (g.colw + g.gutter);
	*colw = g.colw;
}

/*
 * Check that every bead on screen starts on one row in all its columns,
 * that the row shows each version's first sentence, and that the next
 * bead starts after the tallest column.
 */
static void
check_level(struct fixture *f, struct view *v, struct alignment *al,
    struct grid *g, int w)
{
	int	x[3], colw, r, r2, rows, tallest, c, y, used, seen = 0;
	size_t	b, s;
	char	*t, word[16];

	columns_x(w, x, &colw);
	for (b = 0; b < al->nbeads; b++) {
		r = view_sentence_row(v, 0, al->beads[b].first[0]);
		if (r < 0)
			continue;
		for (c = 0; c < 3; c++) {
			s = al->beads[b].first[c];
			assert_int_equal(view_sentence_row(v, (size_t)c, s), r);
			/* The row starts with the sentence's first word. */
			snprintf(word, sizeof word, "%.*s", (int)strcspn(
			    f->a.docs[c]->blocks[f->sents[c][s].block].text +
			    f->sents[c][s].start, " "),
			    f->a.docs[c]->blocks[f->sents[c][s].block].text +
			    f->sents[c][s].start);
			t = cell_text(g, x[c], colw, r);
			if (strncmp(t, word, strlen(word)) != 0)
				fail_msg("bead %zu, column %d, row %d: '%s' "
				    "does not start with '%s'", b, c, r, t,
				    word);
			free(t);
		}
		if (b + 1 >= al->nbeads)
			continue;
		r2 = view_sentence_row(v, 0, al->beads[b + 1].first[0]);
		if (r2 < 0)
			continue;
		/* The tallest column fills the rows before the next bead. */
		rows = r2 - r;
		tallest = 0;
		for (c = 0; c < 3; c++) {
			used = 0;
			for (y = r; y < r2; y++) {
				t = cell_text(g, x[c], colw, y);
				if (*t != '\0')
					used = y - r + 1;
				free(t);
			}
			if (used > tallest)
				tallest = used;
		}
		/* A new paragraph has a blank row before it. */
		if (f->sents[0][al->beads[b + 1].first[0]].block !=
		    f->sents[0][al->beads[b].first[0]].block)
			tallest++;
		assert_int_equal(rows, tallest);
		seen++;
	}
	assert_true(seen >= 2);
}

static void
test_level_beads(void **state)
{
	struct fixture		*f = *state;
	struct alignment	*al = make_alignment(f);
	struct view		*v = make_view(f, LAYOUT_COLUMNS, 90, 16);
	struct grid		 g;
	int			 r0;

	grid_init(&g);
	view_set_alignment(v, al);
	assert_true(view_aligned(v));
	view_render(v, &g);
	check_level(f, v, al, &g, 90);
	/* The columns are narrow: the French sentence wraps more. */
	assert_true(view_sentence_row(v, 1, 1) - view_sentence_row(v, 1, 0) >
	    2);
	/* Scrolled by a line, still level, one row up. */
	r0 = view_sentence_row(v, 0, 2);
	view_action(v, ACT_DOWN);
	view_render(v, &g);
	assert_int_equal(view_sentence_row(v, 0, 2), r0 - 1);
	check_level(f, v, al, &g, 90);
	/* Wider: fewer rows, still level. */
	view_resize(v, 150, 16);
	view_render(v, &g);
	check_level(f, v, al, &g, 150);
	view_free(v);
	grid_release(&g);
}

static void
test_provisional_level(void **state)
{
	struct fixture	*f = *state;
	struct view	*v = make_view(f, LAYOUT_COLUMNS, 90, 40);
	struct grid	 g;
	size_t		 b, c;
	int		 r;

	grid_init(&g);
	view_render(v, &g);
	assert_false(view_aligned(v));
	/* Until the alignment: block i of every version on one row. */
	for (b = 0; b < 3; b++) {
		r = view_sentence_row(v, 0, b);
		assert_true(r > 0);
		for (c = 1; c < 3; c++)
			assert_int_equal(view_sentence_row(v, c, b), r);
	}
	assert_true(strstr(row(&g, 39), "columns") != NULL);
	view_free(v);
	grid_release(&g);
}

static void
test_scroll(void **state)
{
	struct fixture	*f = *state;
	struct view	*v = make_view(f, LAYOUT_COLUMNS, 60, 12);
	struct grid	 g;
	size_t		 ver, s;
	int		 r, i;

	grid_init(&g);
	view_set_alignment(v, make_alignment(f));
	view_render(v, &g);
	assert_int_equal(view_sentence_row(v, 0, 0), 1);
	/* Idle layout ahead ends, and changes nothing on screen. */
	for (i = 0; view_idle(v); i++)
		assert_true(i < 100);
	assert_int_equal(view_sentence_row(v, 0, 0), 1);
	view_action(v, ACT_PAGE_DOWN);
	view_render(v, &g);
	assert_int_equal(view_sentence_row(v, 0, 0), -1);
	/* The focus followed onto the screen. */
	s = view_focus(v, &ver);
	assert_int_equal(ver, 0);
	assert_true(view_sentence_row(v, 0, s) > 0);
	view_action(v, ACT_BOTTOM);
	view_render(v, &g);
	assert_true(view_sentence_row(v, 0, 5) > 0);
	assert_true(strstr(row(&g, 11), "100%") != NULL);
	view_action(v, ACT_TOP);
	view_render(v, &g);
	assert_int_equal(view_sentence_row(v, 0, 0), 1);
	/* Moving the focus scrolls just enough. */
	view_action(v, ACT_NEXT_SENTENCE);
	view_action(v, ACT_NEXT_SENTENCE);
	view_action(v, ACT_NEXT_SENTENCE);
	view_action(v, ACT_NEXT_SENTENCE);
	s = view_focus(v, NULL);
	assert_int_equal(s, 4);
	r = view_sentence_row(v, 0, s);
	assert_true(r > 0 && r < 11);
	/* Resize keeps the focus on screen. */
	view_resize(v, 40, 9);
	view_render(v, &g);
	assert_true(view_sentence_row(v, 0, 4) > 0);
	view_resize(v, 10, 3);
	view_render(v, &g);
	assert_true(strstr(row(&g, 0), "too small") != NULL);
	view_resize(v, 80, 20);
	view_render(v, &g);
	assert_true(view_sentence_row(v, 0, 4) > 0);
	view_free(v);
	grid_release(&g);
}

static void
test_single_switch(void **state)
{
	struct fixture	*f = *state;
	struct view	*v = make_view(f, LAYOUT_SINGLE, 100, 20);
	struct grid	 g;
	size_t		 ver, s;
	int		 r;

	grid_init(&g);
	view_set_alignment(v, make_alignment(f));
	view_action(v, ACT_NEXT_SENTENCE);
	view_action(v, ACT_NEXT_SENTENCE);
	view_action(v, ACT_NEXT_SENTENCE);
	view_render(v, &g);
	s = view_focus(v, &ver);
	assert_int_equal(s, 3);
	r = view_sentence_row(v, 0, 3);
	assert_true(r > 0);
	/* Single: the other versions are not shown. */
	assert_int_equal(view_sentence_row(v, 1, 2), -1);
	assert_true(strstr(row(&g, r), "They come in eleven") != NULL);
	view_action(v, ACT_VERSION_2);
	view_render(v, &g);
	s = view_focus(v, &ver);
	assert_int_equal(ver, 1);
	assert_int_equal(s, 2);
	/* On screen where the English one was (the top allowing). */
	assert_true(view_sentence_row(v, 1, 2) >= r &&
	    view_sentence_row(v, 1, 2) <= r + 1);
	assert_true(strstr(row(&g, view_sentence_row(v, 1, 2)),
	    "Aujourd'hui") != NULL);
	/* Further down, with room above: exactly the same row. */
	view_action(v, ACT_NEXT_SENTENCE);
	view_action(v, ACT_NEXT_SENTENCE);
	view_resize(v, 60, 8);
	view_render(v, &g);
	s = view_focus(v, &ver);
	assert_int_equal(s, 4);
	r = view_sentence_row(v, 1, 4);
	assert_true(r > 1);
	view_action(v, ACT_VERSION_3);
	view_render(v, &g);
	s = view_focus(v, &ver);
	assert_int_equal(ver, 2);
	assert_int_equal(s, 4);
	assert_int_equal(view_sentence_row(v, 2, 4), r);
	assert_true(strstr(row(&g, r), "Пропало") != NULL);
	/* Interlinear, then back to columns. */
	view_action(v, ACT_LAYOUT);
	assert_int_equal(view_get_layout(v), LAYOUT_INTERLINEAR);
	view_render(v, &g);
	assert_int_equal(view_sentence_row(v, 2, 4), r);
	/* Interlinear shows the other versions of the bead too. */
	view_resize(v, 60, 20);
	view_render(v, &g);
	assert_true(view_sentence_row(v, 0, 5) > 0);
	assert_true(view_sentence_row(v, 1, 4) > 0);
	view_action(v, ACT_LAYOUT);
	assert_int_equal(view_get_layout(v), LAYOUT_COLUMNS);
	view_free(v);
	grid_release(&g);
}

static void
test_doubtful_marker(void **state)
{
	struct fixture	*f = *state;
	struct view	*v = make_view(f, LAYOUT_COLUMNS, 90, 40);
	struct grid	 g;
	int		 r;

	grid_init(&g);
	view_set_alignment(v, make_alignment(f));
	view_render(v, &g);
	/* Bead 2 (the 2:1 one) is doubtful: a ? in the margin. */
	r = view_sentence_row(v, 0, 2);
	assert_true(r > 0);
	assert_memory_equal(row(&g, r), "?", 1);
	assert_true(row(&g, view_sentence_row(v, 0, 0))[0] == ' ');
	view_action(v, ACT_NEXT_DOUBTFUL);
	assert_int_equal(view_focus(v, NULL), 2);
	view_free(v);
	grid_release(&g);
}

/* Send a key to the view. */
static int
key(struct view *v, int32_t k)
{
	struct view_event	ev;

	memset(&ev, 0, sizeof ev);
	ev.kind = VIEW_EV_KEY;
	ev.key = k;
	return (view_event(v, &ev));
}

static void
test_search(void **state)
{
	struct fixture		*f = *state;
	struct text_search	*ts = text_search_create("x", "en");
	struct view		*v;
	struct grid		 g;
	const char		*p;

	if (ts == NULL)
		skip();
	text_search_free(ts);
	v = make_view(f, LAYOUT_COLUMNS, 120, 30);
	grid_init(&g);
	view_set_alignment(v, make_alignment(f));
	key(v, '/');
	for (p = "VOLUMES"; *p != '\0'; p++)
		key(v, *p);
	key(v, PRKEY_ENTER);
	view_render(v, &g);
	/* EN 2, FR 2, RU none ("томов"): four matches, in reading order. */
	assert_non_null(strstr(row(&g, 29), "match 1/4"));
	key(v, 'n');
	view_render(v, &g);
	assert_non_null(strstr(row(&g, 29), "match 2/4"));
	key(v, 'N');
	key(v, 'N');
	view_render(v, &g);
	assert_non_null(strstr(row(&g, 29), "match 4/4"));
	key(v, 'S');
	view_render(v, &g);
	/* The last match is French: the scope is now French only. */
	assert_non_null(strstr(row(&g, 29), "(FR only)"));
	key(v, '/');
	for (p = "zzz"; *p != '\0'; p++)
		key(v, *p);
	key(v, PRKEY_BACKSPACE);
	key(v, 'q');
	view_render(v, &g);
	assert_non_null(strstr(row(&g, 29), "/zzq"));
	key(v, PRKEY_ENTER);
	view_render(v, &g);
	/* Not found says where it looked: French only, after S. */
	assert_non_null(strstr(row(&g, 29),
	    "pattern not found in FR only: zzq"));
	view_free(v);
	grid_release(&g);
}

static void
test_links(void **state)
{
	struct article	 a;
	struct settings	 set;
	struct view_opts o;
	struct view	*v;
	struct grid	 g;
	struct doc	*d = doc_create("links", "html");

	doc_set_lang(d, "en");
	doc_block_begin(d, BLOCK_PARA, 0);
	doc_text(d, "Read ", 5);
	doc_span_begin(d, SPAN_LINK, "https://example.org/x");
	doc_text(d, "this", 4);
	doc_span_end(d, SPAN_LINK);
	doc_text(d, " or ", 4);
	doc_span_begin(d, SPAN_LINK, "javascript:alert(1)");
	doc_text(d, "that", 4);
	doc_span_end(d, SPAN_LINK);
	doc_text(d, ".", 1);
	doc_block_end(d);
	doc_finish(d);
	memset(&a, 0, sizeof a);
	a.docs[0] = d;
	a.n = 1;
	settings_init(&set);
	memset(&o, 0, sizeof o);
	o.settings = &set;
	v = view_create(&a, &o, 80, 10);
	grid_init(&g);
	assert_int_equal(key(v, 'o'), VIEW_REDRAW);
	view_render(v, &g);
	assert_non_null(strstr(row(&g, 1), "Links"));
	assert_non_null(strstr(row(&g, 2), "this  <https://example.org/x>"));
	assert_int_equal(key(v, PRKEY_ENTER), VIEW_OPEN | VIEW_REDRAW);
	assert_string_equal(view_url(v), "https://example.org/x");
	if (d->blocks[0].nspans == 2) {
		/* A javascript: link is refused. */
		key(v, 'o');
		key(v, 'j');
		assert_int_equal(key(v, PRKEY_ENTER), VIEW_REDRAW);
		view_render(v, &g);
		assert_non_null(strstr(row(&g, 9), "not opening"));
	}
	view_free(v);
	grid_release(&g);
	settings_release(&set);
	doc_free(d);
}

static void
test_hostile_cells(void **state)
{
	static const char	 hostile[] = "A \xe2\x80\xae" "evil\xe2\x80\xac"
	    " \xe2\x81\xa6x\xe2\x81\xa9 \xe4\xb8\xad\xe6\x96\x87 e\xcc\x81 "
	    "\xf0\x9f\x98\x80 end";
	struct article		 a;
	struct view_opts	 o;
	struct view		*v;
	struct grid		 g;
	struct doc		*d = doc_create("hostile", "text");
	const struct grid_cell	*c;
	const char		*t;
	size_t			 n;
	int32_t			 i;
	UChar32			 cp;
	int			 x, y;

	doc_set_lang(d, "en");
	doc_add_block(d, BLOCK_PARA, 0, hostile, sizeof hostile - 1);
	doc_finish(d);
	memset(&a, 0, sizeof a);
	a.docs[0] = d;
	a.n = 1;
	memset(&o, 0, sizeof o);
	v = view_create(&a, &o, 60, 6);
	grid_init(&g);
	view_render(v, &g);
	assert_non_null(strstr(row(&g, 1), "A <U+202E>evil<U+202C> "
	    "<U+2066>x<U+2069>"));
	for (y = 0; y < g.h; y++) {
		for (x = 0; x < g.w; x++) {
			c = grid_cell(&g, x, y);
			t = grid_cell_text(&g, c, &n);
			for (i = 0; i < (int32_t)n;) {
				U8_NEXT(t, i, (int32_t)n, cp);
				assert_true(cp >= 0);
				assert_false(char_is_unsafe(cp));
			}
		}
	}
	view_free(v);
	grid_release(&g);
	doc_free(d);
}

static void
test_grid(void **state)
{
	struct grid		 g;
	const struct grid_cell	*c;
	const char		*t;
	size_t			 n;
	int			 x;

	grid_init(&g);
	grid_resize(&g, 20, 2, SLOT_TEXT);
	x = grid_text(&g, 0, 0, 20, "\xe4\xb8\xad" "a", 4, SLOT_TEXT, 0);
	assert_int_equal(x, 3);
	c = grid_cell(&g, 0, 0);
	assert_int_equal(c->width, 2);
	assert_int_equal(grid_cell(&g, 1, 0)->width, 0);
	/* e + combining acute: one cell. */
	x = grid_text(&g, 0, 1, 20, "e\xcc\x81z", 4, SLOT_FOCUS, GRID_BOLD);
	assert_int_equal(x, 2);
	c = grid_cell(&g, 0, 1);
	t = grid_cell_text(&g, c, &n);
	assert_int_equal(n, 3);
	assert_memory_equal(t, "e\xcc\x81", 3);
	assert_int_equal(c->slot, SLOT_FOCUS);
	assert_int_equal(c->flags, GRID_BOLD);
	/* A wide character does not fit in the last cell. */
	x = grid_text(&g, 18, 0, 20, "a\xe4\xb8\xad", 4, SLOT_TEXT, 0);
	assert_int_equal(x, 19);
	/* Controls become caret escapes in the doubtful style. */
	grid_clear(&g, SLOT_TEXT);
	x = grid_text(&g, 0, 0, 20, "a\x1b[2Jb", 6, SLOT_TEXT, 0);
	assert_string_equal(row(&g, 0), "a^[[2Jb");
	assert_int_equal(grid_cell(&g, 1, 0)->slot, SLOT_DOUBTFUL);
	assert_int_equal(grid_text_width("a\xe2\x80\xae", 4), 9);
	assert_int_equal(grid_text_offset("ab\xe4\xb8\xad" "c", 6, 3), 2);
	assert_int_equal(grid_text_offset("ab\xe4\xb8\xad" "c", 6, 4), 5);
	assert_int_equal(grid_text_offset("ab", 2, 9), 2);
	grid_release(&g);
}

static void
test_theme(void **state)
{
	static const char	 text[] =
	    "# a theme\n"
	    "text = 250 #101010\n"
	    "focus = black #ffd75f bold,underline\n"
	    "heading = bright-red\n"
	    "bogus = red\n"
	    "match = 16 214 blinking\n";
	struct theme		 t;
	struct theme_style	 st;
	const char		*names[] = { "dark", "light", "mono",
				     "high-contrast" };
	char			*cause = NULL, **list;
	size_t			 i, n;

	theme_parse(&t, "t", "t.theme", text, sizeof text - 1);
	assert_int_equal(t.slots[SLOT_TEXT].fg.kind, COLOUR_INDEX);
	assert_int_equal(t.slots[SLOT_TEXT].fg.value, 250);
	assert_int_equal(t.slots[SLOT_TEXT].bg.kind, COLOUR_RGB);
	assert_int_equal(t.slots[SLOT_TEXT].bg.value, 0x101010);
	assert_int_equal(t.slots[SLOT_FOCUS].fg.value, 0);
	assert_int_equal(t.slots[SLOT_FOCUS].attrs,
	    THEME_BOLD | THEME_UNDERLINE);
	assert_int_equal(t.slots[SLOT_HEADING].fg.value, 9);
	/* Left out: the text slot's background. */
	assert_int_equal(t.slots[SLOT_HEADING].bg.value, 0x101010);
	assert_int_equal(t.slots[SLOT_GUTTER].fg.value, 250);
	assert_string_equal(t.warning, "t.theme:5: unknown slot 'bogus'");
	theme_release(&t);

	assert_int_equal(theme_rgb_to_256(0xff0000), 196);
	assert_int_equal(theme_rgb_to_256(0x000000), 16);
	assert_int_equal(theme_rgb_to_256(0xffffff), 231);
	assert_int_equal(theme_rgb_to_256(0x808080), 244);
	assert_int_equal(theme_rgb_to_256(0x005f87), 24);
	assert_int_equal(theme_index_rgb(196), 0xff0000);
	assert_int_equal(theme_rgb_to_basic(0xee0000, 8), 1);
	assert_int_equal(theme_rgb_to_basic(0xffff00, 16), 11);

	memset(&st, 0, sizeof st);
	st.fg.kind = COLOUR_RGB;
	st.fg.value = 0xd70000;
	st.bg.kind = COLOUR_INDEX;
	st.bg.value = 214;
	st.attrs = THEME_BOLD;
	theme_resolve(&st, 256, &st);
	assert_int_equal(st.fg.kind, COLOUR_INDEX);
	assert_int_equal(st.fg.value, 160);
	assert_int_equal(st.bg.value, 214);
	st.fg.kind = COLOUR_RGB;
	st.fg.value = 0xd70000;
	theme_resolve(&st, 8, &st);
	assert_int_equal(st.fg.value, 1);
	assert_int_equal(st.bg.value, 3);
	st.fg.kind = COLOUR_INDEX;
	st.fg.value = 160;
	theme_resolve(&st, 1 << 24, &st);
	assert_int_equal(st.fg.kind, COLOUR_RGB);
	assert_int_equal(st.fg.value, 0xd70000);
	theme_resolve(&st, 0, &st);
	assert_int_equal(st.fg.kind, COLOUR_DEFAULT);
	assert_int_equal(st.attrs, THEME_BOLD);

	/* The shipped themes load cleanly and come first in the list. */
	for (i = 0; i < nitems(names); i++) {
		if (theme_load(&t, names[i], &cause) != 0)
			fail_msg("%s", cause);
		assert_null(t.warning);
		theme_release(&t);
	}
	assert_int_equal(theme_load(&t, "no-such-theme", &cause), -1);
	assert_string_equal(cause, "no theme 'no-such-theme'");
	free(cause);
	cause = NULL;
	assert_int_equal(theme_load(&t, "../etc", &cause), -1);
	free(cause);
	n = theme_list(&list);
	assert_true(n >= 4);
	for (i = 0; i < n; i++) {
		if (i < nitems(names))
			assert_string_equal(list[i], names[i]);
		free(list[i]);
	}
	free(list);
}

static void
test_settings(void **state)
{
	static const char	 conf[] =
	    "# config\n"
	    "theme = light\n"
	    "layout interlinear\n"
	    "width 0\n"
	    "mouse off\n"
	    "bind C-x quit\n"
	    "bind F5 help   # a comment\n"
	    "bind # toc\n"
	    "bogus 1\n"
	    "width 5\n"
	    "bind q\n"
	    "bind j none\n";
	struct settings		 s;
	char			 buf[64];
	int32_t			 k, keys[] = { 'j', ' ', PRKEY_CTRL('d'),
				     PRKEY_PGDN, PRKEY_F1 + 11, PRKEY_BTAB,
				     0x451 };
	size_t			 i;

	settings_init(&s);
	assert_null(s.layout);
	assert_int_equal(view_layout_of(&s), LAYOUT_COLUMNS);
	assert_int_equal(settings_action(&s, 'j'), ACT_DOWN);
	assert_int_equal(settings_parse(&s, "cfg", conf, sizeof conf - 1), 3);
	assert_string_equal(s.theme, "light");
	assert_string_equal(s.layout, "interlinear");
	assert_int_equal(view_layout_of(&s), LAYOUT_INTERLINEAR);
	assert_int_equal(s.width, 0);
	assert_int_equal(s.mouse, 0);
	assert_int_equal(settings_action(&s, PRKEY_CTRL('x')), ACT_QUIT);
	assert_int_equal(settings_action(&s, PRKEY_F1 + 4), ACT_HELP);
	assert_int_equal(settings_action(&s, '#'), ACT_TOC);
	assert_int_equal(settings_action(&s, 'j'), ACT_NONE);
	assert_int_equal(settings_action(&s, PRKEY_DOWN), ACT_DOWN);
	assert_string_equal(s.errors[0], "cfg:9: unknown setting 'bogus'");
	assert_string_equal(s.errors[1],
	    "cfg:10: bad width '5' (0, or 20 to 1000)");
	assert_string_equal(s.errors[2], "cfg:11: usage: bind KEY ACTION");
	settings_keys_of(&s, ACT_QUIT, buf, sizeof buf);
	assert_string_equal(buf, "q, Q, C-x");
	settings_release(&s);

	/* Where y copies (issue 16). */
	settings_init(&s);
	assert_int_equal(s.clipboard, CLIPBOARD_AUTO);
	assert_int_equal(settings_action(&s, 'y'), ACT_COPY);
	assert_int_equal(settings_action(&s, PRKEY_CTRL('o')), ACT_JUMP_BACK);
	assert_int_equal(settings_parse(&s, "cfg", "clipboard file\n"
	    "clipboard osc52\nclipboard x\n", 43), 1);
	assert_int_equal(s.clipboard, CLIPBOARD_OSC52);
	assert_string_equal(s.errors[0], "cfg:3: bad value 'x' for clipboard "
	    "(auto, osc52 or file)");
	settings_release(&s);

	for (i = 0; i < nitems(keys); i++) {
		settings_key_name(keys[i], buf, sizeof buf);
		assert_int_equal(settings_key_parse(buf, &k), 0);
		assert_int_equal(k, keys[i]);
	}
	assert_int_equal(settings_key_parse("C-", &k), -1);
	assert_int_equal(settings_key_parse("F13", &k), -1);
	assert_int_equal(settings_key_parse("\x1b", &k), -1);
	for (i = 1; i < ACT_COUNT; i++) {
		assert_int_equal(action_find(action_name((enum action)i)),
		    (int)i);
		assert_true(*action_help((enum action)i) != '\0');
	}
	assert_int_equal(layout_find("single"), LAYOUT_SINGLE);
	assert_int_equal(layout_find("rows"), -1);
	assert_string_equal(layout_name(LAYOUT_INTERLINEAR), "interlinear");

	/* An unknown layout is the view's to report, with its line. */
	settings_init(&s);
	assert_int_equal(settings_parse(&s, "cfg", "\nlayout rows\n", 13), 0);
	assert_int_equal(view_layout_of(&s), LAYOUT_COLUMNS);
	assert_int_equal(s.nerrors, 1);
	assert_string_equal(s.errors[0], "cfg:2: unknown layout 'rows' "
	    "(columns, single, interlinear)");
	assert_int_equal(settings_parse(&s, "cfg", "layout ../x\n", 12), 1);
	assert_string_equal(s.errors[1], "cfg:1: bad layout name '../x'");
	settings_release(&s);
}

/*
 * Every action, in every layout, at several sizes, on a view of nvers
 * versions with nsents[i] sentences in version i: the grid takes the
 * width, and the focus stays on a sentence there is (0 in a version that
 * has none).
 */
static void
all_actions(struct view *v, struct grid *g, size_t nvers,
    const size_t *nsents)
{
	static const int	 sizes[][2] = {
		{ 80, 24 }, { 19, 3 }, { 1, 1 }, { 300, 10 }, { 45, 7 }
	};
	size_t			 i, s, ver;
	int			 a, l;

	for (i = 0; i < nitems(sizes); i++) {
		view_resize(v, sizes[i][0], sizes[i][1]);
		for (l = 0; l < 3; l++) {
			for (a = 1; a < ACT_COUNT; a++) {
				if (a == ACT_QUIT || a == ACT_SEARCH ||
				    a == ACT_SEARCH_BACK)
					continue;
				view_action(v, (enum action)a);
				view_render(v, g);
				/* Lists and help open: close them again. */
				key(v, 'j');
				key(v, 'G');
				view_render(v, g);
				key(v, PRKEY_ESC);
				view_render(v, g);
				assert_int_equal(g->w, sizes[i][0]);
				s = view_focus(v, &ver);
				assert_true(ver < nvers);
				if (nsents[ver] == 0)
					assert_int_equal(s, 0);
				else
					assert_true(s < nsents[ver]);
			}
			view_action(v, ACT_LAYOUT);
		}
	}
}

static void
test_robust(void **state)
{
	struct fixture	*f = *state;
	struct article	 empty;
	struct doc	*d = doc_create("empty", "text");
	struct view	*v;
	struct grid	 g;
	uint32_t	 seed = 12345;
	int32_t		 k;
	int		 i;
	static const int32_t keys[] = {
		'j', 'k', ' ', 'b', 'd', 'u', 'g', 'G', ')', '(', '}', '{', ']',
		'[', 'x', 'X', PRKEY_TAB, PRKEY_BTAB, '1', '2', '3', '4', 'l',
		'L', '/', '?', 'n', 'N', 'S', 't', 'o', 'T', 'h', PRKEY_ENTER,
		PRKEY_ESC, PRKEY_BACKSPACE, PRKEY_UP, PRKEY_DOWN, PRKEY_PGDN,
		0x451, 'e', 'z', PRKEY_CTRL('w'), PRKEY_CTRL('u')
	};

	grid_init(&g);
	/* An article whose only version has no text at all. */
	doc_finish(d);
	memset(&empty, 0, sizeof empty);
	empty.docs[0] = d;
	empty.n = 1;
	v = view_create(&empty, &(struct view_opts){ .settings = &f->set },
	    40, 10);
	view_render(v, &g);
	all_actions(v, &g, 1, (size_t[]){ 0 });
	view_free(v);
	doc_free(d);

	/* The fixture, provisional then aligned. */
	v = make_view(f, LAYOUT_COLUMNS, 70, 20);
	all_actions(v, &g, 3, f->nsents);
	view_set_alignment(v, make_alignment(f));
	all_actions(v, &g, 3, f->nsents);
	/* Random keys and mouse events. */
	view_resize(v, 90, 25);
	for (i = 0; i < 3000; i++) {
		struct view_event	ev;

		seed = seed * 1103515245 + 12345;
		memset(&ev, 0, sizeof ev);
		if ((seed >> 16) % 10 == 0) {
			ev.kind = VIEW_EV_MOUSE;
			ev.x = (int)((seed >> 8) % 100) - 5;
			ev.y = (int)((seed >> 4) % 30) - 2;
			ev.button = (seed >> 20) % 3 == 0 ? VIEW_WHEEL_DOWN :
			    (seed >> 20) % 3 == 1 ? VIEW_WHEEL_UP :
			    VIEW_BUTTON1;
			view_event(v, &ev);
		} else if ((seed >> 16) % 50 == 1) {
			view_resize(v, 10 + (int)((seed >> 8) % 150),
			    2 + (int)((seed >> 4) % 50));
		} else {
			k = keys[(seed >> 16) % nitems(keys)];
			if (k == 'q')
				continue;
			key(v, k);
		}
		view_render(v, &g);
	}
	view_free(v);
	grid_release(&g);
}

/*
 * The header test's versions: title, author, date, site, a paragraph
 * (twice).
 */
static const struct {
	const char	*lang;
	const char	*title;
	const char	*author;
	const char	*date;
	const char	*site;
	const char	*meta;
	const char	*body;
} hv[] = {
	{ "en", "The Lighthouse Library of Port-Aven", "Jonas Le Bihan",
	    "2024-07-12T09:30:00+02:00", "Coast Review",
	    "Jonas Le Bihan \xc2\xb7 2024-07-12 \xc2\xb7 Coast Review",
	    "For forty years, Marie Kerlan kept the lighthouse at the end of "
	    "the harbour wall." },
	{ "fr", "La bibliothèque du phare de Port-Aven, une histoire de "
	    "marins et de livres", "Jonas Le Bihan", "12 juillet 2024",
	    "Revue côte",
	    "Jonas Le Bihan \xc2\xb7 12 juillet 2024 \xc2\xb7 Revue côte",
	    "Pendant quarante ans, Marie Kerlan a gardé le phare situé au "
	    "bout de la jetée." },
	{ "ru", "Библиотека маяка в Порт-Авене", "Жонас Ле Биан",
	    "2024-07-12", NULL, "Жонас Ле Биан \xc2\xb7 2024-07-12",
	    "Сорок лет Мари Керлан служила смотрительницей маяка в конце "
	    "портового мола." }
};

/* Version k of the header test, its title a headline block or not. */
static struct doc *
header_doc(size_t k, int headline)
{
	struct doc	*d = doc_create(hv[k].lang, "html");

	doc_set_lang(d, hv[k].lang);
	doc_set_title(d, hv[k].title);
	doc_add_author(d, hv[k].author);
	doc_set_date(d, hv[k].date);
	doc_set_site(d, hv[k].site);
	if (headline)
		doc_add_block(d, BLOCK_HEADING, 1, hv[k].title,
		    strlen(hv[k].title));
	doc_add_block(d, BLOCK_PARA, 0, hv[k].body, strlen(hv[k].body));
	doc_add_block(d, BLOCK_PARA, 0, hv[k].body, strlen(hv[k].body));
	doc_finish(d);
	if (headline)
		d->blocks[0].headline = 1;
	return (d);
}

/* Column c's text rows of the screen joined by spaces (you own it). */
static char *
column_text(struct grid *g, int x, int colw, int rows)
{
	struct strbuf	 sb = STRBUF_INIT;
	char		*t;
	int		 y;

	for (y = 1; y < rows; y++) {
		t = cell_text(g, x, colw, y);
		if (*t != '\0') {
			if (sb.len > 0)
				strbuf_addch(&sb, ' ');
			strbuf_addstr(&sb, t);
		}
		free(t);
	}
	return (strbuf_detach(&sb, NULL));
}

/* The number of times needle is in s. */
static int
occurs(const char *s, const char *needle)
{
	int	n = 0;

	while ((s = strstr(s, needle)) != NULL) {
		n++;
		s += strlen(needle);
	}
	return (n);
}

/*
 * The header above each column: the title once (the headline block, or
 * the metadata's title when there is none; not in the header row or the
 * status line as well), then the meta line, on one row in every column
 * however the titles wrap; the bodies start level. The header lines are
 * for display only: no sentence, no search match.
 */
static void
test_header(void **state)
{
	struct fixture		 f;
	struct view		*v;
	struct grid		 g;
	char			*t;
	const char		*p;
	struct doc_pos		 pos;
	size_t			 k, ver;
	int			 headline, x[3], colw, c, y, meta, r, body;

	(void)state;
	memset(&f, 0, sizeof f);
	settings_init(&f.set);
	grid_init(&g);
	for (headline = 1; headline >= 0; headline--) {
		for (k = 0; k < 3; k++)
			f.a.docs[k] = header_doc(k, headline);
		f.a.n = 3;
		v = make_view(&f, LAYOUT_COLUMNS, 150, 24);
		view_render(v, &g);
		columns_x(150, x, &colw);
		meta = -1;
		body = -1;
		for (c = 0; c < 3; c++) {
			/* The title once in its column, nowhere else. */
			t = column_text(&g, x[c], colw, 23);
			if (occurs(t, hv[c].title) != 1)
				fail_msg("column %d: '%s' not once in '%s'",
				    c, hv[c].title, t);
			free(t);
			assert_null(strstr(row(&g, 0), hv[c].title));
			assert_null(strstr(row(&g, 23), hv[c].title));
			/* The meta line, on the same row in every column. */
			for (y = 1, r = -1; y < 23 && r < 0; y++) {
				t = cell_text(&g, x[c], colw, y);
				if (strcmp(t, hv[c].meta) == 0)
					r = y;
				free(t);
			}
			assert_true(r > 1);
			if (meta < 0)
				meta = r;
			assert_int_equal(r, meta);
			/* The body: level, after a blank row. */
			if (body < 0)
				body = view_sentence_row(v, (size_t)c,
				    headline ? 1 : 0);
			assert_int_equal(view_sentence_row(v, (size_t)c,
			    headline ? 1 : 0), body);
			assert_int_equal(body, meta + 2);
			/* The headline is a block, on the first row. */
			if (headline)
				assert_int_equal(view_sentence_row(v,
				    (size_t)c, 0), 1);
		}
		/* The French title wraps to more rows: meta lines levelled. */
		t = cell_text(&g, x[0], colw, meta - 1);
		assert_string_equal(t, "");
		free(t);
		/* Scrolled away from the top, the status line names it. */
		view_resize(v, 150, 6);
		view_action(v, ACT_TOP);
		view_action(v, ACT_DOWN);
		view_render(v, &g);
		assert_non_null(strstr(row(&g, 5), hv[0].title));
		view_resize(v, 150, 24);
		memset(&pos, 0, sizeof pos);
		view_goto(v, 0, pos);
		assert_int_equal(view_focus(v, &ver), 0);
		/* The next sentence is the body's: the header holds none. */
		view_action(v, ACT_NEXT_SENTENCE);
		assert_int_equal(view_focus(v, &ver), 1);
		assert_int_equal(ver, 0);
		if (headline) {
			view_action(v, ACT_PREV_SENTENCE);
			assert_int_equal(view_focus(v, &ver), 0);
		}
		/*
		 * Going to the first sentence (a saved reading position) keeps
		 * the header above it in view.
		 */
		view_resize(v, 150, 8);
		view_action(v, ACT_BOTTOM);
		view_goto(v, 1, pos);
		view_render(v, &g);
		assert_int_equal(view_focus(v, &ver), 0);
		assert_int_equal(ver, 1);
		assert_int_equal(view_sentence_row(v, 1, 0), headline ? 1 :
		    body);
		view_resize(v, 150, 24);
		/* The byline is not searched: it is not in the text. */
		key(v, '/');
		for (p = "Bihan"; *p != '\0'; p++)
			key(v, *p);
		key(v, PRKEY_ENTER);
		view_render(v, &g);
		assert_non_null(strstr(row(&g, 23), "not found"));
		view_free(v);
		/* Single and interlinear: the title once too. */
		for (k = 0; k < 2; k++) {
			v = make_view(&f, k == 0 ? LAYOUT_SINGLE :
			    LAYOUT_INTERLINEAR, 150, 24);
			view_render(v, &g);
			t = column_text(&g, 0, 150, 23);
			assert_int_equal(occurs(t, hv[0].title), 1);
			assert_int_equal(occurs(t, hv[0].meta), 1);
			if (k == 1)
				assert_int_equal(occurs(t, hv[2].meta), 1);
			free(t);
			assert_null(strstr(row(&g, 0), hv[0].title));
			view_free(v);
		}
		for (k = 0; k < 3; k++)
			doc_free(f.a.docs[k]);
	}
	grid_release(&g);
	settings_release(&f.set);
}

/*
 * Issue 16: the jump list, a percentage, copying, without a terminal (the
 * tmux tests drive the same through the binary).
 */
static void
test_jumps_copy(void **state)
{
	struct fixture	*f = *state;
	struct view	*v;
	size_t		 w;

	v = make_view(f, LAYOUT_SINGLE, 60, 7);
	view_set_alignment(v, make_alignment(f));
	/* G is a jump: C-o comes back, C-r goes again. */
	assert_int_equal(view_focus(v, &w), 0);
	key(v, 'G');
	assert_int_equal(view_focus(v, &w), 5);
	key(v, PRKEY_CTRL('o'));
	assert_int_equal(view_focus(v, &w), 0);
	key(v, PRKEY_CTRL('r'));
	assert_int_equal(view_focus(v, &w), 5);
	key(v, '\'');
	key(v, '\'');
	assert_int_equal(view_focus(v, &w), 0);
	/* 3 shows Russian, 0 makes 30: 30% of the English text. */
	key(v, '3');
	assert_int_equal(view_focus(v, &w), 0);
	assert_int_equal(w, 2);
	key(v, '0');
	key(v, '%');
	assert_int_equal(view_focus(v, &w), 1);
	assert_int_equal(w, 0);
	/* 100p: the last sentence; p alone asks for a count. */
	key(v, '1');
	key(v, '0');
	key(v, '0');
	key(v, 'p');
	assert_int_equal(view_focus(v, &w), 5);
	key(v, 'p');
	assert_int_equal(view_focus(v, &w), 5);
	/* y copies the sentence, Y with its translations. */
	assert_int_equal(key(v, 'y') & VIEW_COPY, VIEW_COPY);
	assert_string_equal(view_clip(v), "Only nine volumes were lost.");
	assert_int_equal(key(v, 'Y') & VIEW_COPY, VIEW_COPY);
	assert_string_equal(view_clip(v), "Only nine volumes were lost.\n"
	    "Seuls neuf volumes ont été perdus.\n"
	    "Пропало всего девять томов.");
	/* In Russian: its sentence first in the version order still. */
	key(v, '3');
	key(v, 'Y');
	assert_string_equal(view_clip(v), "Only nine volumes were lost.\n"
	    "Seuls neuf volumes ont été perdus.\n"
	    "Пропало всего девять томов.");
	key(v, 'y');
	assert_string_equal(view_clip(v), "Пропало всего девять томов.");
	view_free(v);
}

/*
 * Issue 16: a match far into a sentence taller than the screen is shown,
 * not the sentence's first rows alone.
 */
static void
test_search_tall(void **state)
{
	struct fixture		*f = *state;
	struct text_search	*ts = text_search_create("x", "en");
	struct view		*v;
	struct grid		 g;
	const char		*p;
	int			 y, seen = 0;

	if (ts == NULL)
		skip();
	text_search_free(ts);
	v = make_view(f, LAYOUT_SINGLE, 24, 6);
	grid_init(&g);
	view_set_alignment(v, make_alignment(f));
	key(v, '/');
	for (p = "behind"; *p != '\0'; p++)
		key(v, *p);
	key(v, PRKEY_ENTER);
	view_render(v, &g);
	for (y = 1; y < 5; y++) {
		if (strstr(row(&g, y), "behind") != NULL)
			seen = 1;
	}
	assert_true(seen);
	view_free(v);
	grid_release(&g);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_level_beads, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_provisional_level, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_scroll, setup, teardown),
		cmocka_unit_test_setup_teardown(test_single_switch, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_doubtful_marker, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_search, setup, teardown),
		cmocka_unit_test_setup_teardown(test_jumps_copy, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_search_tall, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_robust, setup, teardown),
		cmocka_unit_test(test_header),
		cmocka_unit_test(test_links),
		cmocka_unit_test(test_hostile_cells),
		cmocka_unit_test(test_grid),
		cmocka_unit_test(test_theme),
		cmocka_unit_test(test_settings),
	};

	return (cmocka_run_group_tests_name("view", tests, NULL, NULL));
}
