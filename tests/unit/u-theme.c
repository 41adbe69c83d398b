/*
 * Unit tests: the themes as the reader uses them (issue 16). In every
 * bundled theme, at every colour depth a terminal may have, the selection,
 * the focus and the focus's counterparts look different from each other
 * and from the text; the themes say which background they suit, and the
 * terminal's background is read from an OSC 11 reply or $COLORFGBG.
 */
#include "config.h"

#include <sys/stat.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "unit.h"

#include "theme.h"

/* Do two resolved styles look the same? */
static int
same_style(const struct theme_style *a, const struct theme_style *b)
{
	return (a->attrs == b->attrs && a->fg.kind == b->fg.kind &&
	    a->bg.kind == b->bg.kind &&
	    (a->fg.kind == COLOUR_DEFAULT || a->fg.value == b->fg.value) &&
	    (a->bg.kind == COLOUR_DEFAULT || a->bg.value == b->bg.value));
}

/* The background an OSC 11 reply tells. */
static enum theme_background
osc(const char *reply)
{
	return (theme_background_osc11(reply, strlen(reply)));
}

static void
test_distinct(void **state)
{
	static const int	 depths[] = { 8, 16, 256, 1 << 24 };
	static const int	 slots[] = {
		SLOT_TEXT, SLOT_FOCUS, SLOT_LINKED, SLOT_SELECTED
	};
	struct theme		 t;
	struct theme_style	 st[nitems(slots)];
	char			*cause = NULL, **names;
	size_t			 n, i, d, k, j;

	n = theme_list(&names);
	/* The four shipped themes at least (the test's config is empty). */
	assert_true(n >= 4);
	for (i = 0; i < n; i++) {
		if (theme_load(&t, names[i], &cause) != 0)
			fail_msg("%s: %s", names[i], cause);
		for (d = 0; d < nitems(depths); d++) {
			for (k = 0; k < nitems(slots); k++)
				theme_resolve(&t.slots[slots[k]], depths[d],
				    &st[k]);
			for (k = 0; k < nitems(slots); k++) {
				for (j = k + 1; j < nitems(slots); j++) {
					if (!same_style(&st[k], &st[j]))
						continue;
					fail_msg("theme %s, %d colours: %s "
					    "looks like %s", names[i],
					    depths[d],
					    theme_slot_name(slots[j]),
					    theme_slot_name(slots[k]));
				}
			}
		}
		theme_release(&t);
		free(names[i]);
	}
	free(names);

	/* Without colours (NO_COLOR) the reader shows the built-in mono. */
	theme_mono(&t);
	for (k = 0; k < nitems(slots); k++)
		theme_resolve(&t.slots[slots[k]], 0, &st[k]);
	for (k = 0; k < nitems(slots); k++) {
		for (j = k + 1; j < nitems(slots); j++)
			assert_false(same_style(&st[k], &st[j]));
	}
	theme_release(&t);
}

static void
test_background(void **state)
{
	static const char	 text[] =
	    "background = light\n"
	    "text = 235 default\n";
	struct theme		 t;

	theme_parse(&t, "t", "t.theme", text, sizeof text - 1);
	assert_int_equal(t.background, THEME_BG_LIGHT);
	assert_null(t.warning);
	theme_release(&t);
	theme_parse(&t, "t", "t.theme", "background = beige\n", 19);
	assert_int_equal(t.background, THEME_BG_ANY);
	assert_string_equal(t.warning,
	    "t.theme:1: background is dark, light or any 'beige'");
	theme_release(&t);

	/* What T cycles through on each kind of terminal. */
	assert_true(theme_suits("dark", THEME_BG_DARK));
	assert_false(theme_suits("light", THEME_BG_DARK));
	assert_true(theme_suits("light", THEME_BG_LIGHT));
	assert_false(theme_suits("dark", THEME_BG_LIGHT));
	/* Not known: dark, the usual terminal. */
	assert_true(theme_suits("dark", THEME_BG_ANY));
	assert_false(theme_suits("light", THEME_BG_ANY));
	assert_true(theme_suits("mono", THEME_BG_DARK));
	assert_true(theme_suits("mono", THEME_BG_LIGHT));
	assert_true(theme_suits("high-contrast", THEME_BG_DARK));
	assert_true(theme_suits("high-contrast", THEME_BG_LIGHT));
	assert_false(theme_suits("no-such-theme", THEME_BG_DARK));

	/* Replies to OSC 11: xterm's 16-bit, 8-bit, ST or BEL, rgba. */
	assert_int_equal(osc("\033]11;rgb:0000/0000/0000\033\\"),
	    THEME_BG_DARK);
	assert_int_equal(osc("\033]11;rgb:ffff/ffff/dddd\007"),
	    THEME_BG_LIGHT);
	assert_int_equal(osc("\033]11;rgb:fd/f6/e3\007"), THEME_BG_LIGHT);
	assert_int_equal(osc("\033]11;rgba:2e2e/3434/3636/ffff\033\\"),
	    THEME_BG_DARK);
	/* Not a reply: a DA1 answer, bad digits, nothing. */
	assert_int_equal(osc("\033[?62;c"), THEME_BG_ANY);
	assert_int_equal(osc("\033]11;rgb:zz/00/00\007"), THEME_BG_ANY);
	assert_int_equal(osc("\033]11;"), THEME_BG_ANY);

	assert_int_equal(theme_background_colorfgbg("15;0"), THEME_BG_DARK);
	assert_int_equal(theme_background_colorfgbg("0;15"), THEME_BG_LIGHT);
	assert_int_equal(theme_background_colorfgbg("0;default;15"),
	    THEME_BG_LIGHT);
	assert_int_equal(theme_background_colorfgbg("7;8"), THEME_BG_DARK);
	assert_int_equal(theme_background_colorfgbg("15;default"),
	    THEME_BG_ANY);
	assert_int_equal(theme_background_colorfgbg("15"), THEME_BG_ANY);
	assert_int_equal(theme_background_colorfgbg("15;99"), THEME_BG_ANY);
	assert_int_equal(theme_background_colorfgbg(NULL), THEME_BG_ANY);
}

/*
 * Issue 18: a theme that is a FIFO (or a symlink to one) is refused at
 * once with a message naming it, instead of blocking in open() before the
 * reader can be quit. Runs last: the folders are fixed by the first call.
 */
static void
test_fifo(void **state)
{
	struct theme	 t;
	const char	*x = getenv("XDG_CONFIG_HOME");
	char		*dir, *fifo, *link, *cause = NULL;
	time_t		 t0;

	(void)state;
	if (x == NULL || *x != '/')
		skip();
	dir = xstrprintf("%s/polyread", x);
	(void)mkdir(dir, 0700);
	free(dir);
	dir = xstrprintf("%s/polyread/themes", x);
	(void)mkdir(dir, 0700);
	fifo = xstrprintf("%s/fifo", dir);
	link = xstrprintf("%s/linked", dir);
	assert_int_equal(mkfifo(fifo, 0600), 0);
	assert_int_equal(symlink(fifo, link), 0);
	t0 = time(NULL);
	assert_int_equal(theme_load(&t, "fifo", &cause), -1);
	assert_non_null(strstr(cause, "/fifo' is a FIFO"));
	free(cause);
	cause = NULL;
	assert_int_equal(theme_load(&t, "linked", &cause), -1);
	assert_non_null(strstr(cause, "not a regular file"));
	free(cause);
	assert_false(theme_suits("linked", THEME_BG_DARK));
	assert_true(time(NULL) - t0 < 10);	/* a hang guard, not a timing */
	unlink(link);
	unlink(fifo);
	free(link);
	free(fifo);
	free(dir);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_distinct),
		cmocka_unit_test(test_background),
		cmocka_unit_test(test_fifo),
	};

	return (cmocka_run_group_tests_name("theme", tests, NULL, NULL));
}
