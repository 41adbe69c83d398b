/*
 * Unit tests: layout_column() on lists: bullets, an ordered list's
 * numbers (from the HTML and the Markdown loaders), the lines that hang
 * under an item's text, and the marker only where the item starts. The
 * items are sentences of the sample commentary (data/sample) in English,
 * French and Russian. Then the article header (layout_header_*): the
 * title once, from the headline block or the metadata, and the meta line
 * byline · date · site, cut and escaped, at every width.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "unit.h"

#include "doc.h"
#include "layout.h"
#include "load.h"
#include "safe.h"
#include "text.h"

#include <unicode/utf8.h>

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
	    "<ul><li>A bullet.</li></ul></article></body></html>", NULL);
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
	    "- une puce\n", NULL);
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
	    "разделяет Арктику.</li></ol></article></body></html>", NULL);
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
	    "Oslo</li></ul></article></body></html>", NULL);
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
	    "start=\"100\"><li>Ships wait.</li></ol></article></body></html>", NULL);
	assert_string_equal(d->blocks[0].marker, "100. ");
	n = lay_out(d, 7, &l);
	for (i = 0; i < n; i++) {
		assert_null(l[i].prefix);
		assert_int_equal(l[i].indent, 0);
	}
	free(l);
	doc_free(d);
}

/* The sample's three versions: title, authors, date, site, body. */
static const struct {
	const char	*lang;
	const char	*title;
	const char	*authors[2];
	const char	*date;
	const char	*site;
	const char	*body;
	const char	*meta;		/* the meta line expected */
} hdr_docs[] = {
	{ "en", "The Northern Sea Route: a shortcut that divides the Arctic",
	    { "Elena Marchetti", "Ingrid Halvorsen" },
	    "2024-07-12T09:30:00+02:00", "Polar Review",
	    "When the Arctic Council’s working groups met in Tromsø, the "
	    "agenda said little about shipping.",
	    "Elena Marchetti, Ingrid Halvorsen \xc2\xb7 2024-07-12 \xc2\xb7 "
	    "Polar Review" },
	{ "fr", "La route maritime du Nord : un raccourci qui divise "
	    "l’Arctique", { "Elena Marchetti", NULL }, "12 juillet 2024",
	    "Revue polaire",
	    "Lorsque les groupes de travail du Conseil de l’Arctique se sont "
	    "réunis à Tromsø, l’ordre du jour parlait peu de navigation.",
	    "Elena Marchetti \xc2\xb7 12 juillet 2024 \xc2\xb7 Revue polaire" },
	{ "ru", "Северный морской путь: короткая дорога, которая разделяет "
	    "Арктику", { "Елена Маркетти", NULL }, "2024-07-12", NULL,
	    "Когда рабочие группы Арктического совета собрались в Тромсё, о "
	    "судоходстве в повестке дня говорилось немного.",
	    "Елена Маркетти \xc2\xb7 2024-07-12" }
};

/*
 * Version k of the sample with its metadata set through the builder
 * calls; with headline, the title is also its first block, marked.
 */
static struct doc *
hdr_doc(size_t k, int headline)
{
	struct doc	*d = doc_create(hdr_docs[k].lang, "html");
	size_t		 i;

	doc_set_lang(d, hdr_docs[k].lang);
	doc_set_title(d, hdr_docs[k].title);
	for (i = 0; i < 2; i++) {
		if (hdr_docs[k].authors[i] != NULL)
			doc_add_author(d, hdr_docs[k].authors[i]);
	}
	doc_set_date(d, hdr_docs[k].date);
	doc_set_site(d, hdr_docs[k].site);
	if (headline)
		doc_add_block(d, BLOCK_HEADING, 1, hdr_docs[k].title,
		    strlen(hdr_docs[k].title));
	doc_add_block(d, BLOCK_PARA, 0, hdr_docs[k].body,
	    strlen(hdr_docs[k].body));
	doc_finish(d);
	if (headline)
		d->blocks[0].headline = 1;
	return (d);
}

/* Lay out d with its header at width, as the first unit. */
static size_t
lay_out_header(const struct doc *d, const struct layout_header *h,
    int width, struct layout_line **lines)
{
	struct layout_piece	*p;
	size_t			 i, n = 0, alloc = 0;

	p = calloc(d->nblocks + 1, sizeof *p);
	assert_non_null(p);
	for (i = 0; i < d->nblocks; i++) {
		p[i].block = i;
		p[i].end = d->blocks[i].len;
	}
	*lines = NULL;
	layout_column(d, d->lang, p, d->nblocks, width, lines, &n, &alloc);
	layout_header_add(h, d, d->lang, width, 1, lines, 0, &n, &alloc);
	free(p);
	return (n);
}

/* The text of the lines of one kind (title lines joined by a space). */
static char *
lines_text(const struct doc *d, const struct layout_header *h,
    const struct layout_line *l, size_t n, int kind, int width)
{
	struct strbuf	sb = STRBUF_INIT;
	size_t		i;

	for (i = 0; i < n; i++) {
		if (kind == LAYOUT_META && l[i].header == LAYOUT_META) {
			assert_int_equal(l[i].block, DOC_NOPOS);
			layout_header_meta(h, width, &sb);
		} else if (kind == LAYOUT_TITLE &&
		    l[i].header == LAYOUT_TITLE) {
			assert_int_equal(l[i].block, DOC_NOPOS);
			if (sb.len > 0)
				strbuf_addch(&sb, ' ');
			strbuf_add(&sb, h->title + l[i].start,
			    l[i].end - l[i].start);
		} else if (kind == 0 && l[i].block != DOC_NOPOS) {
			if (sb.len > 0)
				strbuf_addch(&sb, ' ');
			strbuf_add(&sb, d->blocks[l[i].block].text +
			    l[i].start, l[i].end - l[i].start);
		}
	}
	return (strbuf_detach(&sb, NULL));
}

/* How many times needle is in s. */
static int
count(const char *s, const char *needle)
{
	int	n = 0;

	while ((s = strstr(s, needle)) != NULL) {
		n++;
		s += strlen(needle);
	}
	return (n);
}

/*
 * No headline block: the title from the metadata, wrapped, then the meta
 * line (the authors joined, an ISO timestamp's date, a stated date as
 * stated, the site), a blank line, then the body; the title once.
 */
static void
test_header_from_metadata(void **state)
{
	struct layout_header	 h;
	struct layout_line	*l;
	struct doc		*d;
	char			*title, *meta, *body;
	size_t			 k, n, i, nt;

	(void)state;
	for (k = 0; k < nitems(hdr_docs); k++) {
		d = hdr_doc(k, 0);
		layout_header_init(&h, d);
		assert_int_equal(h.headline, DOC_NOPOS);
		assert_true(layout_header_has_title(&h));
		n = lay_out_header(d, &h, 30, &l);
		title = lines_text(d, &h, l, n, LAYOUT_TITLE, 30);
		meta = lines_text(d, &h, l, n, LAYOUT_META, 30);
		body = lines_text(d, &h, l, n, 0, 30);
		assert_string_equal(title, hdr_docs[k].title);
		/* Cut to 30 columns, or whole: the start is the byline. */
		assert_true(strncmp(meta, hdr_docs[k].authors[0],
		    strlen(hdr_docs[k].authors[0]) > 10 ? 10 :
		    strlen(hdr_docs[k].authors[0])) == 0);
		assert_int_equal(count(body, hdr_docs[k].title), 0);
		/* Title lines, one meta line, a blank line, the body. */
		for (nt = 0; nt < n && l[nt].header == LAYOUT_TITLE; nt++)
			assert_true(l[nt].width <= 30);
		assert_true(nt >= 2);		/* the title wraps */
		assert_int_equal(l[nt].header, LAYOUT_META);
		assert_int_equal(layout_header_row(l, 0, n), (int)nt);
		assert_int_equal(l[nt + 1].block, DOC_NOPOS);
		assert_int_equal(l[nt + 1].header, 0);
		assert_int_equal(l[nt + 2].block, 0);
		for (i = nt + 2; i < n; i++)
			assert_int_not_equal(l[i].header, LAYOUT_TITLE);
		free(title);
		free(meta);
		free(body);
		free(l);
		/* Wide enough: the whole meta line. */
		n = lay_out_header(d, &h, 200, &l);
		meta = lines_text(d, &h, l, n, LAYOUT_META, 200);
		assert_string_equal(meta, hdr_docs[k].meta);
		assert_int_equal(l[1].width, text_width(meta, strlen(meta)));
		free(meta);
		free(l);
		/* Not the first unit: no header. */
		l = NULL;
		n = 0;
		i = 0;
		layout_header_add(&h, d, d->lang, 40, 0, &l, 0, &n, &i);
		assert_int_equal(n, 0);
		free(l);
		layout_header_release(&h);
		doc_free(d);
	}
}

/*
 * A headline block: it is the title (a block, not a header line), the
 * meta line right after it, then the body; the title once.
 */
static void
test_header_headline(void **state)
{
	struct layout_header	 h;
	struct layout_line	*l;
	struct doc		*d;
	char			*title, *meta, *body;
	size_t			 k, n, i, last = 0;

	(void)state;
	for (k = 0; k < nitems(hdr_docs); k++) {
		d = hdr_doc(k, 1);
		layout_header_init(&h, d);
		assert_int_equal(h.headline, 0);
		assert_null(h.title);
		assert_true(layout_header_has_title(&h));
		n = lay_out_header(d, &h, 200, &l);
		title = lines_text(d, &h, l, n, LAYOUT_TITLE, 200);
		meta = lines_text(d, &h, l, n, LAYOUT_META, 200);
		body = lines_text(d, &h, l, n, 0, 200);
		assert_string_equal(title, "");
		assert_string_equal(meta, hdr_docs[k].meta);
		assert_int_equal(count(body, hdr_docs[k].title), 1);
		for (i = 0; i < n; i++) {
			if (l[i].block == 0)
				last = i;
		}
		assert_int_equal(l[last + 1].header, LAYOUT_META);
		assert_int_equal(l[last + 2].block, DOC_NOPOS);
		assert_int_equal(l[last + 3].block, 1);
		free(title);
		free(meta);
		free(body);
		free(l);
		/* A part without the headline's end gets no meta line. */
		l = NULL;
		n = 0;
		i = 0;
		XGROW(l, i, 1);
		memset(l, 0, sizeof *l);
		l[0].block = 1;
		l[0].end = d->blocks[1].len;
		n = 1;
		layout_header_add(&h, d, d->lang, 40, 1, &l, 0, &n, &i);
		assert_int_equal(n, 1);
		free(l);
		layout_header_release(&h);
		doc_free(d);
	}
}

/*
 * The loaders that take the title from a heading (plain text, Markdown)
 * do not mark it: a heading near the start whose text is the title is the
 * headline. No title line then, and no meta line when there is nothing
 * to say.
 */
static void
test_header_heading_is_title(void **state)
{
	struct layout_header	 h;
	struct layout_line	*l;
	struct doc		*d;
	size_t			 n, i;

	(void)state;
	d = load_str("t.ru.md", "# Северный морской путь\n\n"
	    "Короткая дорога.\n", NULL);
	assert_string_equal(d->title, "Северный морской путь");
	layout_header_init(&h, d);
	assert_int_equal(h.headline, 0);
	n = lay_out_header(d, &h, 40, &l);
	for (i = 0; i < n; i++)
		assert_int_equal(l[i].header, 0);
	free(l);
	layout_header_release(&h);
	doc_free(d);
	/* Nothing at all: no header, the file name stands in. */
	d = load_str("t.fr.txt", "pendant quarante ans, le phare a tenu.\n", NULL);
	layout_header_init(&h, d);
	assert_false(layout_header_has_title(&h));
	n = lay_out_header(d, &h, 40, &l);
	for (i = 0; i < n; i++)
		assert_int_equal(l[i].header, 0);
	free(l);
	layout_header_release(&h);
	doc_free(d);
}

/* Is s free of code points that must not reach a terminal? */
static int
all_safe(const char *s)
{
	int32_t	i = 0, n = (int32_t)strlen(s);
	UChar32	c;

	while (i < n) {
		U8_NEXT(s, i, n, c);
		if (c < 0 || char_is_unsafe(c))
			return (0);
	}
	return (1);
}

/*
 * Narrow columns and long or hostile metadata: a long byline is cut with
 * "…" before the date and site; too narrow for that, the whole line is
 * cut; bidi controls are escaped; nothing is wider than the column, down
 * to one column.
 */
static void
test_header_narrow_hostile(void **state)
{
	struct layout_header	 h;
	struct layout_line	*l;
	struct strbuf		 sb = STRBUF_INIT;
	struct doc		*d;
	size_t			 n, i;
	int			 width, w;

	(void)state;
	d = doc_create("x", "html");
	doc_set_lang(d, "fr");
	doc_set_title(d, "Le \xe2\x80\xae" "titre \xe2\x81\xa6piégé");
	doc_add_author(d, "Marie-Claire Dubois");
	doc_add_author(d, "Jean-Baptiste de La Tour d’Auvergne");
	doc_add_author(d, "Ingrid \xe2\x80\x8fHalvorsen");
	doc_set_date(d, "2024-07-12T23:30:00-05:00");
	doc_set_site(d, "Revue polaire");
	doc_add_block(d, BLOCK_PARA, 0, "Un paragraphe.", 15);
	doc_finish(d);
	layout_header_init(&h, d);
	assert_non_null(strstr(h.title, "<U+202E>"));
	assert_non_null(strstr(h.byline, "<U+200F>"));
	assert_true(all_safe(h.title) && all_safe(h.byline) &&
	    all_safe(h.rest));
	assert_string_equal(h.rest, "2024-07-12 \xc2\xb7 Revue polaire");
	/* 40 columns: the byline cut, the date and site kept. */
	w = layout_header_meta(&h, 40, &sb);
	assert_int_equal(w, text_width(sb.buf, sb.len));
	assert_true(w <= 40);
	assert_non_null(strstr(sb.buf, "\xe2\x80\xa6 \xc2\xb7 2024-07-12 "
	    "\xc2\xb7 Revue polaire"));
	assert_true(strncmp(sb.buf, "Marie-Clai\xe2\x80\xa6 ", 14) == 0);
	for (width = -2; width <= 40; width++) {
		strbuf_reset(&sb);
		w = layout_header_meta(&h, width, &sb);
		assert_int_equal(w, text_width(sb.buf, sb.len));
		assert_true(w <= (width > 0 ? width : 0));
		assert_null(strchr(sb.buf, '\n'));
		if (width >= 1)
			assert_non_null(strstr(sb.buf, "\xe2\x80\xa6"));
		n = lay_out_header(d, &h, width, &l);
		for (i = 0; i < n; i++)
			assert_true(l[i].width <= (width > 1 ? width : 1));
		assert_int_equal(layout_header_row(l, 0, n) < 0, 0);
		free(l);
	}
	strbuf_release(&sb);
	layout_header_release(&h);
	doc_free(d);
}

/*
 * Meta lines under titles of different heights are put on one row, the
 * body after them; at some widths the titles do wrap differently.
 */
static void
test_header_level(void **state)
{
	struct layout_header	 h[3];
	struct layout_line	*l[3];
	struct doc		*d[3];
	size_t			 n[3], alloc[3], k;
	int			 row, r, width, differ = 0;

	(void)state;
	for (k = 0; k < 3; k++) {
		d[k] = hdr_doc(k, 1);
		layout_header_init(&h[k], d[k]);
	}
	for (width = 16; width <= 60; width++) {
		row = -1;
		for (k = 0; k < 3; k++) {
			n[k] = lay_out_header(d[k], &h[k], width, &l[k]);
			alloc[k] = n[k];
			r = layout_header_row(l[k], 0, n[k]);
			assert_true(r > 0);
			if (row >= 0 && r != row)
				differ = 1;
			if (r > row)
				row = r;
		}
		for (k = 0; k < 3; k++) {
			layout_header_level(&l[k], 0, &n[k], &alloc[k], row);
			assert_int_equal(layout_header_row(l[k], 0, n[k]),
			    row);
			/* The body follows after a blank line. */
			assert_int_equal(l[k][row + 1].block, DOC_NOPOS);
			assert_int_equal(l[k][row + 2].block, 1);
			free(l[k]);
		}
	}
	assert_true(differ);
	for (k = 0; k < 3; k++) {
		layout_header_release(&h[k]);
		doc_free(d[k]);
	}
}

/* Load a file of the test data, failing the test if it does not load. */
static struct doc *
load_data_file(const char *rel)
{
	struct doc	*d;
	char		*path, *cause = NULL;

	path = xstrprintf("%s/%s", TESTDATA, rel);
	d = load_file(path, NULL, &cause);
	if (d == NULL)
		fail_msg("%s: %s", path, cause);
	free(path);
	return (d);
}

/* The words of the Arabic UDHR (tests/data/lang/udhr.ar.txt). */
#define AR_MADDA	"\xd8\xa7\xd9\x84\xd9\x85\xd8\xa7\xd8\xaf\xd8\xa9"
#define AR_MADDA_VIS	"\xd8\xa9\xd8\xaf\xd8\xa7\xd9\x85\xd9\x84\xd8\xa7"

/* layout_visual() of s must be want (NULL: shown as it is). */
static void
check_visual(const char *s, int rtl, const char *want)
{
	struct strbuf	 out = STRBUF_INIT;
	size_t		*map = NULL, amap = 0, i;
	int		 r;

	r = layout_visual(s, strlen(s), rtl, &out, &map, &amap);
	if (want == NULL) {
		if (r != 0)
			fail_msg("'%s' reordered to '%s'", s, out.buf);
	} else {
		if (r == 0)
			fail_msg("'%s' not reordered", s);
		assert_int_equal(out.len, strlen(want));
		assert_memory_equal(out.buf, want, out.len);
		/* Every byte shown comes from the text. */
		for (i = 0; i < out.len; i++)
			assert_true(map[i] < strlen(s));
	}
	strbuf_release(&out);
	free(map);
}

/*
 * Right-to-left text in visual order (issue 16): terminals show what they
 * are given left to right, so an Arabic line is reordered by ICU's bidi
 * algorithm, its numbers kept left to right, its brackets mirrored, its
 * marks on their letters; bidi controls order nothing.
 */
static void
test_visual(void **state)
{
	struct strbuf	 out = STRBUF_INIT;
	size_t		*map = NULL, amap = 0;
	struct doc	*d;
	struct layout_line *lines;
	size_t		 n, i;

	(void)state;
	/* Left to right alone: as it is (and no work for most lines). */
	check_visual("All human beings are born free.", 0, NULL);
	check_visual("\xe4\xba\xba\xe4\xba\xba\xe7\x94\x9f", 0, NULL);
	/* "Article 1": the letters last first, the number whole. */
	check_visual(AR_MADDA " 1", 1, "1 " AR_MADDA_VIS);
	check_visual(AR_MADDA " 12", 1, "12 " AR_MADDA_VIS);
	/* Brackets and guillemets mirrored: still (...) and « ». */
	check_visual("(" AR_MADDA ")", 1, "(" AR_MADDA_VIS ")");
	check_visual("\xc2\xab" AR_MADDA "\xc2\xbb", 1,
	    "\xc2\xab" AR_MADDA_VIS "\xc2\xbb");
	/* A mark stays after its letter: "ahraran" with its tanween. */
	check_visual("\xd8\xa3\xd8\xad\xd8\xb1\xd8\xa7\xd8\xb1\xd9\x8b\xd8\xa7",
	    1, "\xd8\xa7\xd8\xb1\xd9\x8b\xd8\xa7\xd8\xb1\xd8\xad\xd8\xa3");
	/* An Arabic word in an English line: reversed in place. */
	check_visual("the word " AR_MADDA " here", 0,
	    "the word " AR_MADDA_VIS " here");
	/* A right-to-left override orders nothing: Latin stays as is. */
	check_visual("abc\xe2\x80\xae" "def", 0, NULL);
	assert_int_equal(layout_visual(AR_MADDA " \xe2\x80\xae" "abc",
	    strlen(AR_MADDA " \xe2\x80\xae" "abc"), 1, &out, &map, &amap), 1);
	assert_non_null(strstr(out.buf, "abc"));
	/* The control is still there, once, for the grid to escape. */
	assert_non_null(strstr(out.buf, "\xe2\x80\xae"));
	assert_int_equal(out.len, strlen(AR_MADDA " \xe2\x80\xae" "abc"));
	/* The map takes the shown bytes back: the number is at 13. */
	layout_visual(AR_MADDA " 1", strlen(AR_MADDA " 1"), 1, &out, &map,
	    &amap);
	assert_int_equal(map[0], 13);
	assert_int_equal(map[1], 12);
	assert_int_equal(map[2], 10);
	assert_int_equal(map[3], 10);
	/*
	 * Hostile lines: invalid UTF-8, an encoded surrogate, nested
	 * overrides and isolates, marks without a letter, a lone mirror. The
	 * bytes shown are the line's own, each once (a mirror aside).
	 */
	{
		static const char *const bad[] = {
			"\xd8\xa7\xff\xd8\xa8 \xc3(",
			"\xed\xa0\x80\xd8\xa7",
			"\xe2\x80\xae\xe2\x80\xae\xe2\x81\xa7\xd8\xa7"
			    "\xe2\x80\xac\xe2\x81\xa9x",
			"\xd9\x8b\xd9\x8b\xd9\x8b\xd8\xa7",
			")", "\xd8\xa7[", "\xd8"
		};
		size_t	k, j;

		for (k = 0; k < nitems(bad); k++) {
			for (j = 0; j < 2; j++) {
				if (!layout_visual(bad[k], strlen(bad[k]),
				    (int)j, &out, &map, &amap))
					continue;
				assert_int_equal(out.len, strlen(bad[k]));
				for (i = 0; i < out.len; i++)
					assert_true(map[i] < strlen(bad[k]));
			}
		}
	}

	strbuf_release(&out);
	free(map);

	/* A paragraph's direction: its first strong letter, else its lang. */
	assert_int_equal(layout_rtl(AR_MADDA " 1", strlen(AR_MADDA) + 2,
	    "en"), 1);
	assert_int_equal(layout_rtl("1 " AR_MADDA, strlen(AR_MADDA) + 2,
	    "en"), 1);
	assert_int_equal(layout_rtl("Article 1", 9, "ar"), 0);
	assert_int_equal(layout_rtl("1948", 4, "ar"), 1);
	assert_int_equal(layout_rtl("1948", 4, "en"), 0);
	assert_int_equal(layout_rtl("1948", 4, NULL), 0);

	/* Every line of the Arabic UDHR is right to left, none English. */
	d = load_data_file("lang/udhr.ar.txt");
	n = lay_out(d, 30, &lines);
	assert_true(n > 10);
	for (i = 0; i < n; i++)
		assert_true(lines[i].block == DOC_NOPOS || lines[i].rtl);
	free(lines);
	doc_free(d);
	d = load_data_file("lang/udhr.en.txt");
	n = lay_out(d, 30, &lines);
	for (i = 0; i < n; i++)
		assert_false(lines[i].rtl);
	free(lines);
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
		cmocka_unit_test(test_header_from_metadata),
		cmocka_unit_test(test_header_headline),
		cmocka_unit_test(test_header_heading_is_title),
		cmocka_unit_test(test_header_narrow_hostile),
		cmocka_unit_test(test_header_level),
		cmocka_unit_test(test_visual),
	};

	return (cmocka_run_group_tests_name("layout", tests, NULL, NULL));
}
