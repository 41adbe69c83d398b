/*
 * Unit tests: layout_column() on lists: bullets, an ordered list's
 * numbers (from the HTML and the Markdown loaders), the lines that hang
 * under an item's text, and the marker only where the item starts. The
 * items are sentences of the sample commentary (data/sample) in English,
 * French and Russian.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "unit.h"

#include "doc.h"
#include "layout.h"
#include "load.h"

static struct doc *
load_str(const char *name, const char *s)
{
	struct doc	*d;
	char		*cause = NULL;

	d = load_buffer(name, s, strlen(s), NULL, &cause);
	if (d == NULL)
		fail_msg("%s: %s", name, cause != NULL ? cause : "?");
	return (d);
}

/* Lay out the whole of every block of d in a column of width. */
static size_t
lay_out(const struct doc *d, int width, struct layout_line **lines)
{
	struct layout_piece	*p;
	size_t			 i, n = 0, alloc = 0;

	p = calloc(d->nblocks + 1, sizeof *p);
	assert_non_null(p);
	for (i = 0; i < d->nblocks; i++) {
		p[i].block = i;
		p[i].start = 0;
		p[i].end = d->blocks[i].len;
	}
	*lines = NULL;
	layout_column(d, d->lang, p, d->nblocks, width, lines, &n, &alloc);
	free(p);
	return (n);
}

/* The index of the first line starting block b, or fail. */
static size_t
first_line(const struct layout_line *l, size_t n, size_t b)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		if (l[i].block == b)
			return (i);
	}
	fail_msg("block %zu has no line", b);
	return (0);
}

static void
test_ordered_html(void **state)
{
	struct doc		*d;
	struct layout_line	*l;
	size_t			 n, i;

	(void)state;
	d = load_str("t.en.html", "<html lang=en><body><article>"
	    "<p>The figures:</p><ol>"
	    "<li>1,402 transits in 2023;</li>"
	    "<li>155 km between the nearest rescue bases, which is a long "
	    "way in a storm.<ol><li>Murmansk.</li></ol>And back.</li>"
	    "</ol><ol start=\"9\" reversed><li>Nine.</li>"
	    "<li value=\"4\">Four.</li><li>Three.</li></ol>"
	    "<ul><li>A bullet.</li></ul></article></body></html>");
	assert_string_equal(d->blocks[1].text, "1,402 transits in 2023;");
	assert_string_equal(d->blocks[1].marker, "1. ");
	assert_string_equal(d->blocks[2].marker, "2. ");
	/* The nested list numbers from 1; the text after it, spaces. */
	assert_string_equal(d->blocks[3].text, "Murmansk.");
	assert_string_equal(d->blocks[3].marker, "1. ");
	assert_int_equal(d->blocks[3].level, 2);
	assert_string_equal(d->blocks[4].text, "And back.");
	assert_string_equal(d->blocks[4].marker, "   ");
	/* start, reversed, value. */
	assert_string_equal(d->blocks[5].marker, "9. ");
	assert_string_equal(d->blocks[6].marker, "4. ");
	assert_string_equal(d->blocks[7].marker, "3. ");
	/* An unordered list: a bullet. */
	assert_null(d->blocks[8].marker);

	n = lay_out(d, 40, &l);
	i = first_line(l, n, 2);
	assert_string_equal(l[i].prefix, "2. ");
	assert_int_equal(l[i].indent, 0);
	/* Its other lines hang under its text, past "2. ". */
	assert_int_equal(l[i + 1].block, 2);
	assert_null(l[i + 1].prefix);
	assert_int_equal(l[i + 1].indent, 3);
	assert_true(l[i].width <= 40 - 3);
	/* The block after the nested list: spaces, hanging. */
	i = first_line(l, n, 4);
	assert_string_equal(l[i].prefix, "   ");
	assert_int_equal(l[i].indent, 0);
	/* The bullet. */
	i = first_line(l, n, 8);
	assert_string_equal(l[i].prefix, "\xe2\x80\xa2 ");
	free(l);
	doc_free(d);
}

static void
test_ordered_markdown(void **state)
{
	struct doc		*d;
	struct layout_line	*l;
	size_t			 n, i;

	(void)state;
	d = load_str("t.fr.md", "Les chiffres :\n\n"
	    "3. 1 402 transits en 2023 ;\n"
	    "4. 155 km entre les bases de secours les plus proches.\n"
	    "   - Mourmansk\n\n"
	    "- une puce\n");
	assert_string_equal(d->blocks[1].marker, "3. ");
	assert_string_equal(d->blocks[2].marker, "4. ");
	assert_null(d->blocks[3].marker);	/* the nested bullet */
	assert_null(d->blocks[4].marker);
	n = lay_out(d, 30, &l);
	i = first_line(l, n, 2);
	assert_string_equal(l[i].prefix, "4. ");
	assert_int_equal(l[i + 1].block, 2);
	assert_int_equal(l[i + 1].indent, 3);
	free(l);
	doc_free(d);
}

/* A piece that starts inside an item (a later sentence): no marker. */
static void
test_marker_where_item_starts(void **state)
{
	struct doc		*d;
	struct layout_line	*l = NULL;
	struct layout_piece	 p;
	size_t			 n = 0, alloc = 0;
	const char		*s;

	(void)state;
	d = load_str("t.ru.html", "<html lang=ru><body><article><ol>"
	    "<li>Северный морской путь. Короткая дорога, которая "
	    "разделяет Арктику.</li></ol></article></body></html>");
	s = strstr(d->blocks[0].text, "Короткая");
	assert_non_null(s);
	p.block = 0;
	p.start = (size_t)(s - d->blocks[0].text);
	p.end = d->blocks[0].len;
	layout_column(d, "ru", &p, 1, 40, &l, &n, &alloc);
	assert_true(n >= 1);
	assert_null(l[0].prefix);
	assert_int_equal(l[0].indent, 3);
	free(l);
	n = 0;
	alloc = 0;
	l = NULL;
	p.start = 0;
	layout_column(d, "ru", &p, 1, 40, &l, &n, &alloc);
	assert_string_equal(l[0].prefix, "1. ");
	free(l);
	doc_free(d);
}

/* An item of two paragraphs, and text after a nested list (French). */
static void
test_item_paragraphs(void **state)
{
	struct doc	*d;

	(void)state;
	d = load_str("t.fr.html", "<html lang=fr><body><article><ul><li>"
	    "<p>La route maritime du Nord.</p><p>Un raccourci qui divise "
	    "l'Arctique.</p></li><li>Tromsø<ul><li>Mourmansk</li></ul>"
	    "Oslo</li></ul></article></body></html>");
	assert_string_equal(d->blocks[0].text, "La route maritime du Nord.");
	assert_null(d->blocks[0].marker);		/* the bullet */
	assert_string_equal(d->blocks[1].marker, "  ");	/* same item */
	assert_null(d->blocks[2].marker);		/* Tromsø */
	assert_null(d->blocks[3].marker);		/* Mourmansk */
	assert_int_equal(d->blocks[3].level, 2);
	assert_string_equal(d->blocks[4].text, "Oslo");
	assert_string_equal(d->blocks[4].marker, "  ");
	doc_free(d);
}

/* A column too narrow for decoration: no marker, no hanging. */
static void
test_narrow(void **state)
{
	struct doc		*d;
	struct layout_line	*l;
	size_t			 n, i;

	(void)state;
	d = load_str("t.en.html", "<html lang=en><body><article><ol "
	    "start=\"100\"><li>Ships wait.</li></ol></article></body></html>");
	assert_string_equal(d->blocks[0].marker, "100. ");
	n = lay_out(d, 7, &l);
	for (i = 0; i < n; i++) {
		assert_null(l[i].prefix);
		assert_int_equal(l[i].indent, 0);
	}
	free(l);
	doc_free(d);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ordered_html),
		cmocka_unit_test(test_ordered_markdown),
		cmocka_unit_test(test_marker_where_item_starts),
		cmocka_unit_test(test_item_paragraphs),
		cmocka_unit_test(test_narrow),
	};

	return (cmocka_run_group_tests_name("layout", tests, NULL, NULL));
}
