/*
 * Unit tests: notes in the reader's view without a terminal (issue 6):
 * the editor (typing, misspellings, suggestions, saving, a store that
 * refuses), the gutter markers, visual mode, a mouse drag, the notes list
 * with its delete confirmation, and notes off.
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
#include "note.h"
#include "settings.h"
#include "spell.h"
#include "store.h"
#include "text.h"
#include "theme.h"
#include "view.h"

struct fx {
	struct article		 a;
	struct alignment	*al;
	struct store		*st;
	struct notes		*ns;
	struct spell		*sp;
	struct settings		 set;
	struct view		*v;
	struct grid		 g;
	char			*dir;
};

static struct fx	*F;

static int
setup(void **state)
{
	struct article_opts	 ao;
	struct align_opts	 lo;
	struct view_opts	 vo;
	const char		*td = getenv("TESTDATA"), *base = getenv("TMPDIR");
	char			*paths[3], *cause = NULL;
	size_t			 i;

	F = xcalloc(1, sizeof *F);
	F->dir = xstrprintf("%s/u-view-notes.XXXXXX", base != NULL ? base :
	    "/tmp");
	assert_non_null(mkdtemp(F->dir));
	paths[0] = xstrprintf("%s/text/commentary.en.txt", td);
	paths[1] = xstrprintf("%s/text/commentary.fr.txt", td);
	paths[2] = xstrprintf("%s/text/commentary.ru.txt", td);
	memset(&ao, 0, sizeof ao);
	assert_int_equal(article_open(&F->a, paths, 3, &ao, &cause), 0);
	for (i = 0; i < 3; i++)
		free(paths[i]);
	memset(&lo, 0, sizeof lo);
	F->al = align_create(&F->a, &lo, &cause);
	assert_non_null(F->al);
	assert_int_equal(store_open(&F->st, F->dir, &cause), 0);
	assert_int_equal(notes_open(&F->ns, F->st, &F->a, &cause), 0);
	F->sp = spell_create("en,fr,ru", F->dir);
	settings_init(&F->set);
	memset(&vo, 0, sizeof vo);
	vo.layout = LAYOUT_COLUMNS;
	vo.mouse = 1;
	vo.settings = &F->set;
	F->v = view_create(&F->a, &vo, 150, 35);
	view_set_notes(F->v, F->ns, F->sp, NULL);
	view_set_alignment(F->v, F->al);
	grid_init(&F->g);
	*state = F;
	return (0);
}

static int
teardown(void **state)
{
	char	*cmd;

	(void)state;
	view_free(F->v);
	notes_free(F->ns);
	store_close(F->st);
	spell_free(F->sp);
	settings_release(&F->set);
	grid_release(&F->g);
	article_release(&F->a);
	cmd = xstrprintf("rm -rf '%s'", F->dir);
	if (system(cmd) != 0)
		fprintf(stderr, "cannot remove %s\n", F->dir);
	free(cmd);
	free(F->dir);
	free(F);
	return (0);
}

static int
key(int32_t k)
{
	struct view_event	ev;

	memset(&ev, 0, sizeof ev);
	ev.kind = VIEW_EV_KEY;
	ev.key = k;
	return (view_event(F->v, &ev));
}

static void
mouse(int button, int x, int y)
{
	struct view_event	ev;

	memset(&ev, 0, sizeof ev);
	ev.kind = VIEW_EV_MOUSE;
	ev.button = button;
	ev.x = x;
	ev.y = y;
	view_event(F->v, &ev);
}

static void
type(const char *s)
{
	size_t	i = 0, n = strlen(s);
	int32_t	c;

	while (i < n) {
		U8_NEXT(s, i, n, c);
		key(c);
	}
}

/* Render, and the screen as text (you own it). */
static char *
screen(void)
{
	struct strbuf	sb = STRBUF_INIT;
	int		y;

	view_render(F->v, &F->g);
	for (y = 0; y < F->g.h; y++) {
		grid_row_text(&F->g, y, &sb);
		strbuf_addch(&sb, '\n');
	}
	return (strbuf_detach(&sb, NULL));
}

/* Does any cell have slot? */
static int
has_slot(int slot)
{
	int	i;

	for (i = 0; i < F->g.w * F->g.h; i++) {
		if (F->g.cells[i].slot == slot)
			return (1);
	}
	return (0);
}

/* The row of the screen holding s, or -1. */
static int
row_of(const char *s)
{
	struct strbuf	sb = STRBUF_INIT;
	int		y, r = -1;

	view_render(F->v, &F->g);
	for (y = 0; y < F->g.h && r < 0; y++) {
		strbuf_reset(&sb);
		grid_row_text(&F->g, y, &sb);
		if (strstr(sb.buf, s) != NULL)
			r = y;
	}
	strbuf_release(&sb);
	return (r);
}

static void
test_editor_save(void **state)
{
	char	*s;
	int	 dicts = spell_has(F->sp, "en");

	(void)state;
	key('}');
	key('}');
	key('a');
	assert_true(view_editing(F->v));
	s = screen();
	assert_non_null(strstr(s, "> When the Arctic Council"));
	assert_non_null(strstr(s, "C-s save  Esc cancel  C-z undo"));
	free(s);
	type("Ships recieve");
	assert_str(view_editor_text(F->v), "Ships recieve");
	s = screen();
	free(s);
	if (dicts) {
		assert_true(has_slot(SLOT_MISSPELLING));
		key(PRKEY_TAB);
		s = screen();
		assert_non_null(strstr(s, "1 en: receive"));
		free(s);
		key(PRKEY_ENTER);
		assert_str(view_editor_text(F->v), "Ships receive");
		s = screen();
		free(s);
		assert_false(has_slot(SLOT_MISSPELLING));
	}
	/* Undo, redo by typing. */
	key(PRKEY_CTRL('z'));
	key(PRKEY_CTRL('z'));
	assert_str(view_editor_text(F->v), "Ships ");
	type("receive");
	key(PRKEY_CTRL('s'));
	assert_false(view_editing(F->v));
	assert_int_equal(F->ns->n, 1);
	assert_str(F->ns->v[0].rec.text, "Ships receive");
	assert_str(F->ns->v[0].rec.lang, "en");
	/* Markers: the passage, and its counterparts in FR and RU. */
	s = screen();
	assert_non_null(strstr(s, "\xe2\x9c\x8eWhen the Arctic"));
	assert_non_null(strstr(s, "\xe2\x89\x88Lorsque les groupes"));
	assert_non_null(strstr(s, "\xe2\x89\x88\xd0\x9a\xd0\xbe\xd0\xb3\xd0"
	    "\xb4\xd0\xb0"));
	assert_true(has_slot(SLOT_NOTE));
	free(s);
	/* a on the noted sentence edits its note. */
	key('a');
	assert_str(view_editor_text(F->v), "Ships receive");
	s = screen();
	assert_non_null(strstr(s, "Edit note"));
	free(s);
	key(PRKEY_ESC);
	assert_false(view_editing(F->v));
}

static void
test_visual_and_drag(void **state)
{
	struct doc_pos	a, b;
	size_t		w;
	char		*s;
	int		y;

	(void)state;
	key('g');
	key('v');
	assert_int_equal(view_selection(F->v, &w, &a, &b), 1);
	assert_int_equal(a.block, b.block);
	key(')');
	assert_int_equal(view_selection(F->v, &w, &a, &b), 1);
	assert_true(b.block > a.block);
	key('w');
	assert_int_equal(view_selection(F->v, &w, &a, &b), 1);
	s = note_range_text(F->a.docs[0], a, b);
	assert_non_null(strstr(s, "Elena Marchetti, July 12, 2024\n\nWhen"));
	free(s);
	key('b');
	key('b');
	assert_int_equal(view_selection(F->v, &w, &a, &b), 1);
	s = note_range_text(F->a.docs[0], a, b);
	assert_non_null(strstr(s, "Elena Marchetti, July 12"));
	assert_null(strstr(s, "2024"));
	free(s);
	s = screen();
	assert_non_null(strstr(s, "VISUAL"));
	assert_true(has_slot(SLOT_SELECTED));
	free(s);
	key(PRKEY_ESC);
	assert_int_equal(view_selection(F->v, &w, &a, &b), 0);

	/* A drag in the English column selects "When the". */
	y = row_of("When the Arctic Council");
	assert_true(y > 0);
	mouse(VIEW_BUTTON1, 2, y);
	mouse(VIEW_DRAG1, 5, y);
	mouse(VIEW_RELEASE1, 9, y);
	assert_int_equal(view_selection(F->v, &w, &a, &b), 1);
	assert_int_equal(w, 0);
	s = note_range_text(F->a.docs[0], a, b);
	assert_str(s, "When the");
	free(s);
	/* Backwards works too. */
	mouse(VIEW_BUTTON1, 9, y);
	mouse(VIEW_RELEASE1, 2, y);
	assert_int_equal(view_selection(F->v, &w, &a, &b), 1);
	s = note_range_text(F->a.docs[0], a, b);
	assert_str(s, "When the");
	free(s);
	s = screen();
	assert_non_null(strstr(s, "a: annotate"));
	free(s);
	key('a');
	assert_true(view_editing(F->v));
	s = screen();
	assert_non_null(strstr(s, "> When the"));
	free(s);
	type("two words");
	key(PRKEY_CTRL('s'));
	assert_int_equal(F->ns->n, 1);
	assert_str(F->ns->v[0].rec.sel.exact, "When the");
	/* A click without a drag selects nothing. */
	mouse(VIEW_BUTTON1, 2, y);
	mouse(VIEW_RELEASE1, 2, y);
	assert_int_equal(view_selection(F->v, &w, &a, &b), 0);
}

static void
test_list_delete(void **state)
{
	char	*s;

	(void)state;
	key('m');
	s = screen();
	assert_non_null(strstr(s, "no notes"));
	free(s);
	key('}');
	key('a');
	type("first");
	key(PRKEY_CTRL('s'));
	key(')');
	key('a');
	type("second");
	key(PRKEY_CTRL('s'));
	assert_int_equal(F->ns->n, 2);
	key('m');
	s = screen();
	assert_non_null(strstr(s, "Notes (2)"));
	assert_non_null(strstr(s, "first  [en]"));
	free(s);
	key('d');
	s = screen();
	assert_non_null(strstr(s, "delete this note? (y/n)"));
	free(s);
	key('n');
	assert_int_equal(F->ns->n, 2);
	key('j');
	key('d');
	key('y');
	assert_int_equal(F->ns->n, 1);
	assert_str(F->ns->v[0].rec.text, "first");
	s = screen();
	assert_non_null(strstr(s, "Notes (1)"));
	free(s);
	/* e edits; Esc after a change asks, n keeps editing. */
	key('e');
	assert_str(view_editor_text(F->v), "first");
	type(" edited");
	key(PRKEY_ESC);
	assert_true(view_editing(F->v));
	key('n');
	assert_true(view_editing(F->v));
	key(PRKEY_CTRL('s'));
	assert_str(F->ns->v[0].rec.text, "first edited");
	/* Enter jumps. */
	key('G');
	key('m');
	key(PRKEY_ENTER);
	s = screen();
	assert_null(strstr(s, "Notes (1)"));
	free(s);
}

static void
test_full_store(void **state)
{
	char	*s, *big;

	(void)state;
	store_limit_pages(F->st, 1);
	key('}');
	key('a');
	big = xcalloc(1, 6001);
	memset(big, 'x', 6000);
	type(big);
	free(big);
	key(PRKEY_CTRL('s'));
	assert_true(view_editing(F->v));
	assert_int_equal(strlen(view_editor_text(F->v)), 6000);
	s = screen();
	assert_non_null(strstr(s, "not saved: no space left"));
	free(s);
	assert_int_equal(F->ns->n, 0);
}

static void
test_notes_off(void **state)
{
	char	*s;

	(void)state;
	view_set_notes(F->v, NULL, F->sp, "the notes database is damaged");
	key('m');
	s = screen();
	assert_non_null(strstr(s, "notes are off: the notes database is "
	    "damaged"));
	free(s);
	key('a');
	assert_true(view_editing(F->v));
	type("kept");
	key(PRKEY_CTRL('s'));
	assert_true(view_editing(F->v));
	assert_str(view_editor_text(F->v), "kept");
	s = screen();
	assert_non_null(strstr(s, "not saved: notes are off"));
	free(s);
	key(PRKEY_ESC);
	key('y');
	assert_false(view_editing(F->v));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_editor_save, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_visual_and_drag, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_list_delete, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_full_store, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_notes_off, setup,
		    teardown),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
