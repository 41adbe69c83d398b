/*
 * Unit tests: the note editor's text buffer (issue 6): editing by
 * grapheme cluster in English, French and Russian, combining marks, emoji
 * ZWJ sequences, undo, lines and the cursor's moves.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <unicode/utf8.h>

#include "unit.h"

#include "editbuf.h"
#include "text.h"

/* Type a UTF-8 string key by key. */
static void
type(struct editbuf *eb, const char *s)
{
	size_t	i = 0, n = strlen(s);
	int32_t	c;

	while (i < n) {
		U8_NEXT(s, i, n, c);
		eb_insert_cp(eb, c);
	}
}

static void
test_insert_backspace(void **state)
{
	struct editbuf	eb;

	(void)state;
	eb_init(&eb, NULL);
	assert_str(eb_text(&eb), "");
	assert_int_equal(eb_backspace(&eb), 0);
	type(&eb, "Ships recieve");
	assert_str(eb_text(&eb), "Ships recieve");
	assert_int_equal(eb.cur, 13);
	assert_true(eb.modified);
	assert_int_equal(eb_backspace(&eb), 1);
	assert_str(eb_text(&eb), "Ships reciev");
	eb_home(&eb);
	assert_int_equal(eb.cur, 0);
	assert_int_equal(eb_delete(&eb), 1);
	assert_str(eb_text(&eb), "hips reciev");
	eb_end(&eb);
	assert_int_equal(eb.cur, strlen("hips reciev"));
	assert_int_equal(eb_delete(&eb), 0);
	eb_release(&eb);
}

static void
test_graphemes(void **state)
{
	struct editbuf	eb;
	/* e + combining acute; a family emoji (ZWJ); a flag. */
	const char	*s = "Cafe\xcc\x81 "
			    "\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9"
			    "\xe2\x80\x8d\xf0\x9f\x91\xa7 "
			    "\xf0\x9f\x87\xab\xf0\x9f\x87\xb7";

	(void)state;
	eb_init(&eb, s);
	/* The flag goes at once (two regional indicators). */
	assert_int_equal(eb_backspace(&eb), 1);
	assert_str(eb_text(&eb), "Cafe\xcc\x81 "
	    "\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9"
	    "\xe2\x80\x8d\xf0\x9f\x91\xa7 ");
	eb_backspace(&eb);
	/* The whole ZWJ family. */
	assert_int_equal(eb_backspace(&eb), 1);
	assert_str(eb_text(&eb), "Cafe\xcc\x81 ");
	eb_left(&eb);
	assert_int_equal(eb.cur, strlen("Cafe\xcc\x81"));
	/* Left over e + acute is one step. */
	eb_left(&eb);
	assert_int_equal(eb.cur, 3);
	eb_right(&eb);
	assert_int_equal(eb.cur, strlen("Cafe\xcc\x81"));
	assert_int_equal(eb_backspace(&eb), 1);
	assert_str(eb_text(&eb), "Caf ");
	eb_release(&eb);

	/* French and Russian text. */
	eb_init(&eb, NULL);
	type(&eb, "l'été à Мурманск");
	assert_str(eb_text(&eb), "l'été à Мурманск");
	eb_backspace(&eb);
	eb_backspace(&eb);
	assert_str(eb_text(&eb), "l'été à Мурман");
	eb_home(&eb);
	eb_right(&eb);
	eb_right(&eb);
	eb_right(&eb);
	assert_int_equal(eb.cur, strlen("l'é"));
	eb_delete(&eb);
	assert_str(eb_text(&eb), "l'éé à Мурман");
	eb_release(&eb);
}

static void
test_undo(void **state)
{
	struct editbuf	eb;

	(void)state;
	eb_init(&eb, "Note:");
	assert_false(eb.modified);
	assert_int_equal(eb_undo(&eb), 0);
	type(&eb, " the Arctic");
	/* A word typed in one go undoes at once, with its spaces. */
	assert_int_equal(eb_undo(&eb), 1);
	assert_str(eb_text(&eb), "Note: the ");
	assert_int_equal(eb_undo(&eb), 1);
	assert_str(eb_text(&eb), "Note: ");
	assert_int_equal(eb_undo(&eb), 1);
	assert_str(eb_text(&eb), "Note:");
	assert_int_equal(eb_undo(&eb), 0);
	type(&eb, " recieve");
	eb_replace(&eb, 6, 13, "receive", 7);
	assert_str(eb_text(&eb), "Note: receive");
	assert_int_equal(eb.cur, 13);
	eb_undo(&eb);
	assert_str(eb_text(&eb), "Note: recieve");
	eb_backspace(&eb);
	eb_backspace(&eb);
	assert_str(eb_text(&eb), "Note: recie");
	eb_undo(&eb);
	assert_str(eb_text(&eb), "Note: reciev");
	eb_undo(&eb);
	assert_str(eb_text(&eb), "Note: recieve");
	eb_release(&eb);
}

static void
test_lines(void **state)
{
	struct editbuf		 eb;
	struct text_line	*l = NULL;
	size_t			 al = 0, n, k;
	int			 col;

	(void)state;
	eb_init(&eb, "one two three four\n\nПривет мир");
	n = eb_wrap(&eb, 10, "en", &l, &al);
	/* "one two", "three four", "", "Привет мир". */
	assert_int_equal(n, 4);
	assert_int_equal(l[0].start, 0);
	assert_int_equal(l[1].start, 8);
	assert_int_equal(l[2].start, l[2].end);
	k = eb_cursor_line(&eb, l, n, &col);
	assert_int_equal(k, 3);
	assert_int_equal(col, 10);
	assert_int_equal(eb_vertical(&eb, l, n, -1), 1);
	assert_int_equal(eb.cur, l[2].start);
	assert_int_equal(eb_vertical(&eb, l, n, -1), 1);
	k = eb_cursor_line(&eb, l, n, &col);
	assert_int_equal(k, 1);
	assert_int_equal(col, 0);
	eb_right(&eb);
	eb_right(&eb);
	assert_int_equal(eb_vertical(&eb, l, n, -1), 1);
	assert_int_equal(eb.cur, 2);
	assert_int_equal(eb_vertical(&eb, l, n, -1), 0);
	/* Down to the Russian line keeps the column by graphemes. */
	eb_vertical(&eb, l, n, 1);
	eb_vertical(&eb, l, n, 1);
	eb_vertical(&eb, l, n, 1);
	k = eb_cursor_line(&eb, l, n, &col);
	assert_int_equal(k, 3);
	assert_int_equal(col, 0);
	eb_insert(&eb, "\n", 1);
	n = eb_wrap(&eb, 10, "en", &l, &al);
	assert_int_equal(n, 5);
	free(l);
	eb_release(&eb);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_insert_backspace),
		cmocka_unit_test(test_graphemes),
		cmocka_unit_test(test_undo),
		cmocka_unit_test(test_lines),
	};

	return (cmocka_run_group_tests(tests, NULL, NULL));
}
