/*
 * Unit tests: the HTML and XML loaders (doc-load-html.c, doc-load-xml.c),
 * checked on the document model: blocks, kinds, levels, spans, metadata,
 * alternates, and the page furniture that must not be there.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "file.h"
#include "unit.h"
#include "load.h"

/* Load a file through load_buffer(). */
static struct doc *
load_path(const char *path)
{
	char		*data, *cause = NULL;
	size_t		 len;
	struct doc	*d;

	if (file_read(path, LOAD_MAX_SIZE, &data, &len, &cause) != 0) {
		print_message("# %s\n", cause);
		free(cause);
		return (NULL);
	}
	d = load_buffer(path, data, len, NULL, &cause);
	if (d == NULL) {
		print_message("# %s\n", cause);
		free(cause);
	}
	free(data);
	return (d);
}

/* Load a string that must fail; return the message (free it). */
static char *
load_fails(const char *name, const char *s)
{
	char		*cause = NULL;
	struct doc	*d;

	d = load_buffer(name, s, strlen(s), NULL, &cause);
	assert_null(d);
	assert_non_null(cause);
	return (cause);
}

/* Check span k of block i: kind, covered text and target. */
static void
check_span(const struct doc *d, size_t i, size_t k, enum span_kind kind,
    const char *text, const char *target)
{
	const struct doc_block	*b = &d->blocks[i];
	const struct doc_span	*s;

	assert_true(k < b->nspans);
	s = &b->spans[k];
	assert_int_equal(s->kind, kind);
	assert_true(s->end <= b->len && s->start < s->end);
	assert_int_equal(s->end - s->start, strlen(text));
	assert_memory_equal(b->text + s->start, text, strlen(text));
	if (target == NULL)
		assert_null(s->target);
	else
		assert_str(s->target, target);
}

/* None of the furniture strings appears in d. */
static void
check_clean(const struct doc *d, const char *const *bad, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		if (has_text(d, bad[i]))
			print_message("# furniture left: '%s'\n", bad[i]);
		assert_false(has_text(d, bad[i]));
	}
}

static void
test_sample_en(void **state)
{
	static const char *const bad[] = {
		"cookies", "Accept all", "Politics", "EN", "Share this",
		"Facebook", "More on this topic", "Icebreakers for hire",
		"All rights reserved", "Polar Review",
		/* The byline line goes to the metadata. */
		"July 12, 2024"
	};
	struct doc	*d = load_path(SRCDATADIR "/sample/commentary.en.html");

	assert_non_null(d);
	assert_str(d->format, "html");
	assert_str(d->title,
	    "The Northern Sea Route: a shortcut that divides the Arctic");
	assert_str(d->byline, "Elena Marchetti");
	assert_str(d->date, "2024-07-12");
	assert_str(d->lang, "en");
	assert_int_equal(d->nalts, 3);
	assert_str(d->alts[0].lang, "en");
	assert_str(d->alts[1].lang, "fr");
	assert_str(d->alts[1].href, "commentary.fr.html");
	assert_str(d->alts[2].lang, "ru");
	assert_int_equal(d->nblocks, 11);
	check_block(d, 0, BLOCK_HEADING, 1,
	    "The Northern Sea Route: a shortcut that divides the Arctic");
	assert_true(d->blocks[0].headline);
	check_block(d, 1, BLOCK_PARA, 0, NULL);
	assert_false(d->blocks[1].headline);
	check_block(d, 4, BLOCK_HEADING, 2, "A question of rules");
	check_block(d, 6, BLOCK_PARA, 0, NULL);
	check_span(d, 6, 0, SPAN_LINK, "University of Rennes",
	    "https://www.univ-rennes.fr/");
	check_block(d, 7, BLOCK_QUOTE, 1, NULL);
	check_block(d, 8, BLOCK_HEADING, 2, "What comes next");
	check_span(d, 9, 0, SPAN_EMPH, "foreign", NULL);
	check_span(d, 10, 0, SPAN_STRONG, "who picks up the phone", NULL);
	check_clean(d, bad, nitems(bad));
	doc_free(d);
}

static void
test_sample_fr_ru(void **state)
{
	static const char *const bad[] = {
		"cookie", "Facebook", "Telegram", "EN", "FR", "RU", "2024 "
	};
	struct doc	*d;

	d = load_path(SRCDATADIR "/sample/commentary.fr.html");
	assert_non_null(d);
	assert_str(d->lang, "fr");
	assert_str(d->byline, "Elena Marchetti");
	assert_str(d->date, "2024-07-12");
	assert_int_equal(d->nalts, 3);
	assert_int_equal(d->nblocks, 11);
	assert_int_equal(d->blocks[0].kind, BLOCK_HEADING);
	assert_int_equal(d->blocks[7].kind, BLOCK_QUOTE);
	assert_null(strstr(d->title, "|"));
	check_clean(d, bad, 6);
	doc_free(d);

	d = load_path(SRCDATADIR "/sample/commentary.ru.html");
	assert_non_null(d);
	assert_str(d->lang, "ru");
	assert_str(d->title, "\xd0\xa1\xd0\xb5\xd0\xb2\xd0\xb5\xd1\x80\xd0"
	    "\xbd\xd1\x8b\xd0\xb9 \xd0\xbc\xd0\xbe\xd1\x80\xd1\x81\xd0\xba"
	    "\xd0\xbe\xd0\xb9 \xd0\xbf\xd1\x83\xd1\x82\xd1\x8c: \xd0\xba"
	    "\xd0\xbe\xd1\x80\xd0\xbe\xd1\x82\xd0\xba\xd0\xb0\xd1\x8f "
	    "\xd0\xb4\xd0\xbe\xd1\x80\xd0\xbe\xd0\xb3\xd0\xb0, \xd0\xba"
	    "\xd0\xbe\xd1\x82\xd0\xbe\xd1\x80\xd0\xb0\xd1\x8f \xd1\x80\xd0"
	    "\xb0\xd0\xb7\xd0\xb4\xd0\xb5\xd0\xbb\xd1\x8f\xd0\xb5\xd1\x82 "
	    "\xd0\x90\xd1\x80\xd0\xba\xd1\x82\xd0\xb8\xd0\xba\xd1\x83");
	assert_int_equal(d->nblocks, 11);
	assert_int_equal(d->blocks[4].kind, BLOCK_HEADING);
	assert_int_equal(d->blocks[4].level, 2);
	check_clean(d, bad, 6);
	doc_free(d);
}

static void
test_news_page(void **state)
{
	static const char *const bad[] = {
		"partners", "Accept", "Skip to content", "Subscribe",
		"Sign in", "Economy", "Transport\xe2\x80\xba", "Facebook",
		"Copy link", "Read also", "Metro line E", "Night buses:",
		"Advertisement", "Nightlife", "Report an error",
		"Get the Courier", "morning briefing", "comments",
		"lyonnais69", "Eighteen months", "Most read", "Fourvi",
		"independent journalism", "All rights reserved", "Privacy",
		"dataLayer", "@context", "window.", "stats.example",
		/* The byline and dateline go to the metadata. */
		"city reporter", "5 March 2024"
	};
	struct doc	*d = load_path(TESTDATA "/html/news.en.html");

	assert_non_null(d);
	assert_str(d->title,
	    "Night trams return to Lyon after a decade of debate");
	assert_str(d->byline, "Tom\xc3\xa1s Ferreira");
	assert_str(d->date, "2024-03-05T06:30:00+01:00");
	assert_str(d->lang, "en");
	/* hreflang="x-default" is not a language. */
	assert_int_equal(d->nalts, 3);
	assert_str(d->alts[2].href,
	    "https://courier.example/ru/2024/03/nochnye-tramvai");
	assert_int_equal(d->nblocks, 11);
	check_block(d, 0, BLOCK_HEADING, 1,
	    "Night trams return to Lyon after a decade of debate");
	check_block(d, 1, BLOCK_PARA, 0, NULL);
	check_block(d, 2, BLOCK_CAPTION, 0, "A T2 tram at Perrache station, "
	    "where the new night service will start.");
	check_block(d, 6, BLOCK_PARA, 0, NULL);
	check_span(d, 6, 0, SPAN_EMPH, "cautiously", NULL);
	check_span(d, 6, 1, SPAN_LINK, "authority\xe2\x80\x99s full report",
	    "https://tcl.example/night-trial.pdf");
	check_block(d, 7, BLOCK_QUOTE, 1, "\xe2\x80\x9c" "A city that asks "
	    "people to work at night has to get them home at night."
	    "\xe2\x80\x9d");
	check_block(d, 8, BLOCK_HEADING, 2, "Who pays");
	check_block(d, 10, BLOCK_PARA, 0, NULL);
	check_clean(d, bad, nitems(bad));
	doc_free(d);
}

static void
test_news_fr_ru(void **state)
{
	static const char *const bad_fr[] = {
		"cookies", "S\xe2\x80\x99" "abonner", "Lire aussi",
		"M\xc3\xa9tro E",
		"Publicit\xc3\xa9", "Vie nocturne", "Recevez", "commentaires",
		"lyonnais69", "Les plus lus", "Tous droits", "Partager",
		"Accueil", "Fran\xc3\xa7" "ais"
	};
	static const char *const bad_ru[] = {
		"cookie", "\xd0\x92\xd0\x9a\xd0\xbe\xd0\xbd\xd1\x82\xd0\xb0"
		"\xd0\xba\xd1\x82\xd0\xb5", "Telegram", "lyonnais69", "EN FR",
		"\xd0\xa7\xd0\xb8\xd1\x82\xd0\xb0\xd0\xb9\xd1\x82\xd0\xb5",
		"\xd0\xa0\xd0\xb5\xd0\xba\xd0\xbb\xd0\xb0\xd0\xbc\xd0\xb0"
	};
	struct doc	*d;

	d = load_path(TESTDATA "/html/news.fr.html");
	assert_non_null(d);
	assert_str(d->lang, "fr");
	assert_str(d->byline, "Tom\xc3\xa1s Ferreira");
	assert_str(d->title,
	    "Le retour des trams de nuit \xc3\xa0 Lyon apr\xc3\xa8s dix ans de "
	    "d\xc3\xa9" "bat");
	assert_int_equal(d->nalts, 3);
	/* "Par Tomás Ferreira, le 5 mars 2024" went to the metadata. */
	assert_int_equal(d->nblocks, 10);
	check_block(d, 0, BLOCK_HEADING, 1, NULL);
	check_block(d, 6, BLOCK_QUOTE, 1, NULL);
	check_block(d, 7, BLOCK_HEADING, 2, "Qui paie\xc2\xa0?");
	check_clean(d, bad_fr, nitems(bad_fr));
	doc_free(d);

	d = load_path(TESTDATA "/html/news.ru.html");
	assert_non_null(d);
	assert_str(d->lang, "ru");
	/* The byline element's author link, without the "Author:" prefix. */
	assert_str(d->byline, "\xd0\xa2\xd0\xbe\xd0\xbc\xd0\xb0\xd1\x81 "
	    "\xd0\xa4\xd0\xb5\xd1\x80\xd1\x80\xd0\xb5\xd0\xb9\xd1\x80\xd0\xb0");
	assert_int_equal(d->nblocks, 10);
	check_block(d, 6, BLOCK_QUOTE, 1, NULL);
	check_block(d, 7, BLOCK_HEADING, 2, NULL);
	check_clean(d, bad_ru, nitems(bad_ru));
	doc_free(d);
}

static void
test_div_soup(void **state)
{
	static const char *const bad[] = {
		"Sections", "Archive", "Latest:", "Share on", "Tweet", "Print",
		"More in Farming", "Weather", "Most read", "Legal notice",
		"Home", "_gaq", "Publicit", "Imprimer", "Dans la m\xc3\xaame",
		"Pere", "golfs", "Dossiers", "Annonces"
	};
	static const char *const files[] = { "en", "fr", "ru" };
	/* The dateline and byline went to the metadata. */
	static const size_t nblocks[] = { 6, 6, 6 };
	char		 path[256];
	struct doc	*d;
	size_t		 k;

	for (k = 0; k < nitems(files); k++) {
		snprintf(path, sizeof path, "%s/html/divsoup.%s.html",
		    TESTDATA, files[k]);
		d = load_path(path);
		assert_non_null(d);
		assert_str(d->lang, files[k]);
		assert_str(d->date, "2024-05-21");
		assert_non_null(d->byline);
		assert_int_equal(d->nblocks, nblocks[k]);
		check_block(d, 0, BLOCK_HEADING, 1, NULL);
		assert_str(d->title, d->blocks[0].text);
		check_clean(d, bad, nitems(bad));
		doc_free(d);
	}
	d = load_path(TESTDATA "/html/divsoup.en.html");
	/* Paragraphs made of text and <br><br> inside a <div>. */
	check_block(d, 1, BLOCK_PARA, 0, "The water in the irrigation channels "
	    "of Deltebre is lower than it should be in May. For the second "
	    "year running, the farmers of the Ebro delta are sowing rice "
	    "knowing that the river may not give them enough water to finish "
	    "the season.");
	assert_str(d->byline, "N\xc3\xbaria Puig");
	doc_free(d);
}

static void
test_headings_page(void **state)
{
	static const int want[][2] = {
		{ BLOCK_HEADING, 1 }, { BLOCK_HEADING, 2 },
		{ BLOCK_HEADING, 2 }, { BLOCK_PARA, 0 }, { BLOCK_PARA, 0 },
		{ BLOCK_HEADING, 2 }, { BLOCK_HEADING, 3 }, { BLOCK_PARA, 0 },
		{ BLOCK_HEADING, 3 }, { BLOCK_PARA, 0 }, { BLOCK_CAPTION, 0 },
		{ BLOCK_PARA, 0 }, { BLOCK_PARA, 0 }, { BLOCK_PARA, 0 },
		{ BLOCK_PARA, 0 }, { BLOCK_PARA, 0 }, { BLOCK_PARA, 0 },
		{ BLOCK_HEADING, 2 }, { BLOCK_PARA, 0 }, { BLOCK_ITEM, 1 },
		{ BLOCK_ITEM, 1 }, { BLOCK_ITEM, 1 }, { BLOCK_PARA, 0 }
	};
	static const char *const bad[] = {
		"Long reads", "Menu", "Contents", "hotel that moves",
		"h\xc3\xb4tel qui roule", "writes about", "Newsletter",
		"You may also like", "independent magazine", "Share"
	};
	static const char *const files[] = { "en", "fr", "ru" };
	char		 path[256];
	struct doc	*d;
	size_t		 k, i;

	for (k = 0; k < nitems(files); k++) {
		snprintf(path, sizeof path, "%s/html/headings.%s.html",
		    TESTDATA, files[k]);
		d = load_path(path);
		assert_non_null(d);
		assert_str(d->lang, files[k]);
		assert_str(d->date, "2023-12-10");
		assert_int_equal(d->nalts, 3);
		assert_int_equal(d->nblocks, nitems(want));
		for (i = 0; i < nitems(want); i++)
			check_block(d, i, want[i][0], want[i][1], NULL);
		check_clean(d, bad, nitems(bad));
		doc_free(d);
	}
	d = load_path(TESTDATA "/html/headings.en.html");
	assert_str(d->title, "Why Europe\xe2\x80\x99s night trains keep coming "
	    "back");
	assert_str(d->byline, "Lena Kova\xc4\x8d");
	check_block(d, 1, BLOCK_HEADING, 2, "Written off twice, the sleeper is "
	    "back on a dozen routes. Can it pay its way this time?");
	check_block(d, 10, BLOCK_CAPTION, 0,
	    "Night routes launched since 2020");
	check_block(d, 13, BLOCK_PARA, 0, "Vienna \xe2\x80\x93 Paris");
	doc_free(d);
}

static void
test_inline(void **state)
{
	struct doc	*d;

	d = load_str("t.html", "<html lang=en><body><p>An <em>emphasised</em>, "
	    "<i>italic</i>, <strong>strong</strong> and <b>bold</b> word, "
	    "<code>x = 1</code>, <kbd>Ctrl</kbd>, a <a href=\"https://e.org/"
	    "a?b=1&amp;c=2\">link</a>, a <a href=\"javascript:void(0)\">fake"
	    "</a> one and a <a name=\"n\">bare</a> anchor.</p></body></html>", NULL);
	assert_non_null(d);
	assert_int_equal(d->nblocks, 1);
	assert_str(d->blocks[0].text, "An emphasised, italic, strong and bold "
	    "word, x = 1, Ctrl, a link, a fake one and a bare anchor.");
	assert_int_equal(d->blocks[0].nspans, 7);
	check_span(d, 0, 0, SPAN_EMPH, "emphasised", NULL);
	check_span(d, 0, 1, SPAN_EMPH, "italic", NULL);
	check_span(d, 0, 2, SPAN_STRONG, "strong", NULL);
	check_span(d, 0, 3, SPAN_STRONG, "bold", NULL);
	check_span(d, 0, 4, SPAN_CODE, "x = 1", NULL);
	check_span(d, 0, 5, SPAN_CODE, "Ctrl", NULL);
	check_span(d, 0, 6, SPAN_LINK, "link", "https://e.org/a?b=1&c=2");
	doc_free(d);

	/* Nested marks, and a link around a whole paragraph. */
	d = load_str("t.html", "<p>Il a dit <a href=\"/x\"><em>non</em> "
	    "<strong>deux fois</strong></a>.</p>", NULL);
	assert_non_null(d);
	assert_str(d->blocks[0].text, "Il a dit non deux fois.");
	check_span(d, 0, 0, SPAN_EMPH, "non", NULL);
	check_span(d, 0, 1, SPAN_LINK, "non deux fois", "/x");
	check_span(d, 0, 2, SPAN_STRONG, "deux fois", NULL);
	doc_free(d);
}

static void
test_breaks_pre(void **state)
{
	struct doc	*d;

	d = load_str("t.html", "<div>first line<br>same paragraph<br><br>\n"
	    "<br>new paragraph</div><pre>  code\n    indented<br>after br\n"
	    "</pre>", NULL);
	assert_non_null(d);
	assert_int_equal(d->nblocks, 3);
	check_block(d, 0, BLOCK_PARA, 0, "first line same paragraph");
	check_block(d, 1, BLOCK_PARA, 0, "new paragraph");
	check_block(d, 2, BLOCK_PRE, 0, "  code\n    indented\nafter br");
	doc_free(d);
}

static void
test_blocks(void **state)
{
	struct doc	*d;

	d = load_str("t.html", "<body><div>Text in a div<div>inner div</div>"
	    "tail text</div><blockquote>outer<blockquote><p>inner "
	    "quote</p></blockquote>back out</blockquote><ul><li>one<ul><li>"
	    "one.one</li></ul></li><li>two</li></ul><ol><li><p>para in item"
	    "</p></li></ol><dl><dt>Term</dt><dd>Definition</dd></dl><figure>"
	    "<img src=a.jpg alt=\"photo alt\"><figcaption>A caption"
	    "</figcaption></figure><p>before rule<hr>after rule</p>"
	    "<h3>Level three</h3><h6>Level six</h6><p>Under it.</p></body>", NULL);
	assert_non_null(d);
	check_block(d, 0, BLOCK_PARA, 0, "Text in a div");
	check_block(d, 1, BLOCK_PARA, 0, "inner div");
	check_block(d, 2, BLOCK_PARA, 0, "tail text");
	check_block(d, 3, BLOCK_QUOTE, 1, "outer");
	check_block(d, 4, BLOCK_QUOTE, 2, "inner quote");
	check_block(d, 5, BLOCK_QUOTE, 1, "back out");
	check_block(d, 6, BLOCK_ITEM, 1, "one");
	check_block(d, 7, BLOCK_ITEM, 2, "one.one");
	check_block(d, 8, BLOCK_ITEM, 1, "two");
	check_block(d, 9, BLOCK_ITEM, 1, "para in item");
	check_block(d, 10, BLOCK_PARA, 0, "Term");
	check_block(d, 11, BLOCK_PARA, 0, "Definition");
	check_block(d, 12, BLOCK_CAPTION, 0, "A caption");
	check_block(d, 13, BLOCK_PARA, 0, "before rule");
	check_block(d, 14, BLOCK_PARA, 0, "after rule");
	check_block(d, 15, BLOCK_HEADING, 3, "Level three");
	check_block(d, 16, BLOCK_HEADING, 6, "Level six");
	check_block(d, 17, BLOCK_PARA, 0, "Under it.");
	assert_int_equal(d->nblocks, 18);
	assert_false(has_text(d, "photo alt"));
	doc_free(d);
}

static void
test_images(void **state)
{
	struct doc	*d;

	/* Alt text counts inside running text only. */
	d = load_str("t.html", "<p>Rated <img src=s.png alt=\"five stars\"> "
	    "by readers.</p><p><img src=big.jpg alt=\"A photo of the harbour"
	    "\"></p><div><img src=x.jpg alt=\"Decorative\"></div>", NULL);
	assert_non_null(d);
	assert_int_equal(d->nblocks, 1);
	check_block(d, 0, BLOCK_PARA, 0, "Rated five stars by readers.");
	doc_free(d);
}

static void
test_q_marks(void **state)
{
	struct doc	*d;

	d = load_str("t.html", "<html lang=en><p>She said <q>go <q>now</q>"
	    "</q>.</p></html>", NULL);
	assert_non_null(d);
	assert_str(d->blocks[0].text, "She said \xe2\x80\x9cgo \xe2\x80\x98now"
	    "\xe2\x80\x99\xe2\x80\x9d.");
	doc_free(d);
	d = load_str("t.html", "<html lang=fr-FR><p>Elle a dit <q>oui</q>."
	    "</p></html>", NULL);
	assert_str(d->blocks[0].text, "Elle a dit \xc2\xab\xc2\xa0oui\xc2\xa0"
	    "\xc2\xbb.");
	doc_free(d);
	d = load_str("t.html", "<html lang=ru><p><q>\xd0\x94\xd0\xb0</q></p>"
	    "</html>", NULL);
	assert_str(d->blocks[0].text, "\xc2\xab\xd0\x94\xd0\xb0\xc2\xbb");
	doc_free(d);
}

static void
test_hidden(void **state)
{
	struct doc	*d;

	d = load_str("t.html", "<body><p>Visible text stays.</p>"
	    "<p hidden>Hidden attribute.</p><div aria-hidden=\"true\">Aria "
	    "hidden.</div><p style=\"color: red; DISPLAY : none\">No display."
	    "</p><span style=\"visibility:hidden\">Invisible.</span>"
	    "<div class=\"sr-only\">Screen reader only.</div>"
	    "<noscript>Enable JavaScript.</noscript><template><p>Template."
	    "</p></template><svg><text>Svg text.</text></svg>"
	    "<script>var x = \"Script.\";</script><style>p{}</style>"
	    "<form><p>Form text.</p><textarea>Text area.</textarea></form>"
	    "<button>Button.</button><select><option>Option.</option>"
	    "</select><iframe src=x>Frame.</iframe>"
	    "<p aria-hidden=\"false\">Not hidden.</p></body>", NULL);
	assert_non_null(d);
	assert_int_equal(d->nblocks, 2);
	check_block(d, 0, BLOCK_PARA, 0, "Visible text stays.");
	check_block(d, 1, BLOCK_PARA, 0, "Not hidden.");
	doc_free(d);
}

static void
test_furniture(void **state)
{
	struct doc	*d;

	/*
	 * A wrapper or header whose class names furniture is kept when it
	 * holds the article or the headline; "commentary" is no comment.
	 */
	d = load_str("t.html", "<body><div class=\"page has-sidebar\">"
	    "<div class=\"article-header top-banner\"><h1>The headline</h1>"
	    "</div><div class=\"commentary-body\"><p>First paragraph of the "
	    "commentary, long enough to count as running text.</p><p>Second "
	    "paragraph, with a comma, and more words in it.</p></div>"
	    "<div class=\"comments\"><p>A reader's comment that is quite long "
	    "and has plenty of words in it, more than the article.</p></div>"
	    "<div class=\"social-links\"><p>Follow us</p></div></div>"
	    "<div class=\"sidebar\"><p>Sidebar text.</p></div></body>", NULL);
	assert_non_null(d);
	assert_int_equal(d->nblocks, 3);
	check_block(d, 0, BLOCK_HEADING, 1, "The headline");
	check_block(d, 1, BLOCK_PARA, 0, NULL);
	check_block(d, 2, BLOCK_PARA, 0, NULL);
	assert_str(d->title, "The headline");
	doc_free(d);

	/* Inside the article: a box that is mostly links goes. */
	d = load_str("t.html", "<article><h1>Title</h1><p>Body text of the "
	    "article.</p><div class=\"box\"><b>See:</b> <a href=/1>another "
	    "story with a long title</a></div><ul><li><a href=/t1>tag one"
	    "</a></li><li><a href=/t2>tag two</a></li></ul><p>A paragraph "
	    "with <a href=/l>a link</a> in it stays.</p></article>", NULL);
	assert_non_null(d);
	assert_int_equal(d->nblocks, 3);
	check_block(d, 2, BLOCK_PARA, 0, "A paragraph with a link in it "
	    "stays.");
	doc_free(d);
}

static void
test_main_and_headline(void **state)
{
	struct doc	*d;

	/* <main> without <article>; the h1 before it comes along. */
	d = load_str("t.html", "<body><div class=top><h1>Headline outside"
	    "</h1></div><nav><a href=/>Home</a></nav><main><p>The main text "
	    "of the page, in a paragraph.</p><p>More text.</p></main><footer>"
	    "Footer</footer></body>", NULL);
	assert_non_null(d);
	assert_int_equal(d->nblocks, 3);
	check_block(d, 0, BLOCK_HEADING, 1, "Headline outside");
	check_block(d, 1, BLOCK_PARA, 0, "The main text of the page, in a "
	    "paragraph.");
	doc_free(d);
}

static void
test_logo_h1(void **state)
{
	struct doc	*d;

	/*
	 * A site's name in an h1 is no headline: it stays out, and a short
	 * paragraph that is only a link (a kicker) goes too.
	 */
	d = load_str("t.html", "<head><title>Ice roads open late this winter | "
	    "Polar Review</title></head><body><div class=top><h1><a href=/>"
	    "Polar Review</a></h1></div><main><p><a href=/arctic>Arctic</a>"
	    "</p><h2>Ice roads open late this winter</h2><p>The winter roads "
	    "across the lakes opened three weeks late, on 2 February.</p>"
	    "</main></body>", NULL);
	assert_non_null(d);
	assert_int_equal(d->nblocks, 2);
	check_block(d, 0, BLOCK_HEADING, 2, "Ice roads open late this winter");
	assert_str(d->title, "Ice roads open late this winter");
	doc_free(d);
}

static void
test_sibling_articles(void **state)
{
	struct doc	*d;

	/* As in the UDHR page: h1, a preamble, then sibling articles. */
	d = load_str("t.html", "<body><h1>Declaration</h1><header><h2>"
	    "Preamble</h2><p>Whereas the first consideration holds,</p>"
	    "</header><article><h2>Article 1</h2><p>All are born free.</p>"
	    "</article><article><h2>Article 2</h2><ol><li>Everyone has "
	    "rights.</li><li>No distinction.</li></ol></article><article>"
	    "<h2>Article 3</h2><p>Everyone has the right to life.</p>"
	    "</article></body>", NULL);
	assert_non_null(d);
	assert_int_equal(d->nblocks, 10);
	check_block(d, 0, BLOCK_HEADING, 1, "Declaration");
	check_block(d, 1, BLOCK_HEADING, 2, "Preamble");
	check_block(d, 2, BLOCK_PARA, 0, NULL);
	check_block(d, 3, BLOCK_HEADING, 2, "Article 1");
	check_block(d, 6, BLOCK_ITEM, 1, "Everyone has rights.");
	check_block(d, 9, BLOCK_PARA, 0, "Everyone has the right to life.");
	doc_free(d);

	d = load_path(SRCDATADIR "/sample/udhr/udhr.en.html");
	assert_non_null(d);
	assert_str(d->title, "Universal Declaration of Human Rights");
	check_block(d, 0, BLOCK_HEADING, 1,
	    "Universal Declaration of Human Rights");
	check_block(d, 1, BLOCK_HEADING, 2, "Preamble");
	check_block(d, d->nblocks - 2, BLOCK_HEADING, 2, "Article 30");
	assert_int_equal(d->nblocks, 92);
	doc_free(d);
}

static void
test_metadata(void **state)
{
	struct doc	*d;

	/* <title> without the site; rel=author; <time>; http-equiv. */
	d = load_str("t.html", "<html><head><title>A headline with words | "
	    "Site</title><meta http-equiv=\"Content-Language\" content=\"fr-CA"
	    "\"></head><body><p class=\"byline\">Par <a rel=\"author\" href=/a>"
	    "Jeanne Roy</a>, le <time datetime=\"2022-01-02\">2 janvier</time>"
	    "</p><p>Un texte assez long pour compter.</p></body></html>", NULL);
	assert_non_null(d);
	assert_str(d->title, "A headline with words");
	assert_str(d->byline, "Jeanne Roy");
	assert_str(d->date, "2022-01-02");
	assert_str(d->lang, "fr");
	doc_free(d);

	/* "Site - Headline" matched against the h1; og:locale; dc.date. */
	d = load_str("t.html", "<head><title>Delta Weekly - Short title</title>"
	    "<meta property=\"og:locale\" content=\"ru_RU\"><meta name="
	    "\"DC.date\" content=\"2021-05-06\"><meta property=\"article:author"
	    "\" content=\"https://x.example/me\"></head><body><h1>Short title"
	    "</h1><p class=\"byline\">By Ivan Petrov</p><p>\xd0\xa2\xd0\xb5"
	    "\xd0\xba\xd1\x81\xd1\x82.</p></body>", NULL);
	assert_non_null(d);
	assert_str(d->title, "Short title");
	assert_str(d->lang, "ru");
	assert_str(d->date, "2021-05-06");
	assert_str(d->byline, "Ivan Petrov");
	doc_free(d);

	/* No <title>: the h1; a one-word <title> is the site's name. */
	d = load_str("t.html", "<body><h1>Only an h1</h1><p>Text.</p></body>", NULL);
	assert_str(d->title, "Only an h1");
	doc_free(d);
	d = load_str("t.html", "<title>English</title><h1>The real title</h1>"
	    "<p>Text.</p>", NULL);
	assert_str(d->title, "The real title");
	doc_free(d);
	/* Separators inside a short title are kept. */
	d = load_str("t.html", "<title>War - and peace</title><p>Text.</p>", NULL);
	assert_str(d->title, "War - and peace");
	doc_free(d);

	/* Alternates: hreflang and href needed; x-default skipped. */
	d = load_str("t.html", "<head><link rel=\"alternate\" hreflang=\"en\" "
	    "href=\"/en\"><link rel=\"Alternate\" hreflang=\"ru-RU\" href=\"/ru"
	    "\"><link rel=\"alternate\" hreflang=\"x-default\" href=\"/\">"
	    "<link rel=\"alternate\" href=\"/feed\" type=\"application/rss+xml"
	    "\"><link rel=\"stylesheet\" hreflang=\"fr\" href=\"/s.css\">"
	    "</head><p>Text.</p>", NULL);
	assert_int_equal(d->nalts, 2);
	assert_str(d->alts[0].lang, "en");
	assert_str(d->alts[0].href, "/en");
	assert_str(d->alts[1].lang, "ru-RU");
	doc_free(d);
}

static void
test_entities(void **state)
{
	struct doc	*d = load_path(TESTDATA "/html/entities.fr.html");

	assert_non_null(d);
	assert_int_equal(d->nblocks, 3);
	check_block(d, 0, BLOCK_HEADING, 1, "Les entit\xc3\xa9s\xc2\xa0: \xc2"
	    "\xab\xc2\xa0" "bien\xc2\xa0\xc2\xbb d\xe2\x80\x99" "abord");
	check_block(d, 1, BLOCK_PARA, 0, "L\xe2\x80\x99\xc3\xa9t\xc3\xa9 "
	    "dernier, le prix est pass\xc3\xa9 de 3\xc2\xa0\xe2\x82\xac "
	    "\xc3\xa0 4,50\xc2\xa0\xe2\x82\xac\xc2\xa0: \xc2\xab\xc2\xa0"
	    "c\xe2\x80\x99" "est trop\xc2\xa0\xc2\xbb, dit-elle \xe2\x80\x94 "
	    "<sic> & \"voil\xc3\xa0\".");
	/* NFC: e + U+0301 becomes U+00E9. */
	assert_non_null(strstr(d->blocks[2].text,
	    "Caf\xc3\xa9 vs Caf\xc3\xa9,"));
	assert_non_null(strstr(d->blocks[2].text, "&amp; stays &amp;"));
	assert_str(d->title, "Entit\xc3\xa9s & guillemets");
	doc_free(d);
}

static void
test_boilerplate_only(void **state)
{
	char		*data, *cause = NULL;
	size_t		 len;
	struct doc	*d;

	/*
	 * Nothing but furniture: its text all the same, said to be no
	 * article (a page with text never gives "no text found").
	 */
	assert_int_equal(file_read(TESTDATA "/html/boilerplate.en.html",
	    LOAD_MAX_SIZE, &data, &len, &cause), 0);
	d = load_buffer("boilerplate.en.html", data, len, NULL, &cause);
	assert_non_null(d);
	assert_int_equal(d->found, DOC_FOUND_FALLBACK);
	check_block(d, 0, BLOCK_PARA, 0,
	    "We use cookies to improve your experience. Cookie settings");
	doc_free(d);
	free(data);
	d = load_str("e.html", "<html lang=fr><body><script>x()</script>"
	    "<nav><a href=/>Accueil</a></nav></body></html>", NULL);
	assert_non_null(d);
	assert_int_equal(d->found, DOC_FOUND_FALLBACK);
	check_block(d, 0, BLOCK_PARA, 0, "Accueil");
	doc_free(d);
	/* No text at all: the one refusal left. */
	cause = load_fails("e.html", "<html><body><script>x()</script>"
	    "<img src=a.png></body></html>");
	assert_str(cause, "no text found in 'e.html'");
	free(cause);
}

static void
test_deep_and_many(void **state)
{
	struct strbuf	 sb = STRBUF_INIT;
	struct doc	*d;
	char		*cause = NULL;
	size_t		 i;

	/* 10,000 nested elements: refused past the depth limit, named. */
	strbuf_addstr(&sb, "<html><body><p>Before the deep part.</p>");
	for (i = 0; i < 10000; i++)
		strbuf_addstr(&sb, i % 2 ? "<div>" : "<span><b>");
	strbuf_addstr(&sb, "deep text");
	for (i = 0; i < 10000; i++)
		strbuf_addstr(&sb, i % 2 ? "</div>" : "</b></span>");
	strbuf_addstr(&sb, "</body></html>");
	d = load_buffer("deep.html", sb.buf, sb.len, NULL, &cause);
	assert_null(d);
	assert_non_null(strstr(cause, "more than 256 deep"));
	free(cause);
	cause = NULL;

	/* 200 levels, under the limit: the deep text is kept. */
	strbuf_reset(&sb);
	strbuf_addstr(&sb, "<html><body><p>Before the deep part.</p>");
	for (i = 0; i < 200; i++)
		strbuf_addstr(&sb, "<div>");
	strbuf_addstr(&sb, "<p>Deep text.</p>");
	for (i = 0; i < 200; i++)
		strbuf_addstr(&sb, "</div>");
	strbuf_addstr(&sb, "</body></html>");
	d = load_buffer("deep.html", sb.buf, sb.len, NULL, &cause);
	assert_non_null(d);
	check_block(d, 0, BLOCK_PARA, 0, "Before the deep part.");
	check_block(d, 1, BLOCK_PARA, 0, "Deep text.");
	doc_free(d);

	/* 100,000 paragraphs. */
	strbuf_reset(&sb);
	strbuf_addstr(&sb, "<html><body><article><h1>Many</h1>");
	for (i = 0; i < 100000; i++)
		strbuf_addf(&sb, "<p>Paragraph %zu, with <em>some</em> words."
		    "</p>\n", i);
	strbuf_addstr(&sb, "</article></body></html>");
	d = load_buffer("many.html", sb.buf, sb.len, NULL, &cause);
	assert_non_null(d);
	assert_int_equal(d->nblocks, 100001);
	check_block(d, 100000, BLOCK_PARA, 0,
	    "Paragraph 99999, with some words.");
	check_span(d, 100000, 0, SPAN_EMPH, "some", NULL);
	doc_free(d);
	strbuf_release(&sb);
}

static void
test_corpus_page(void **state)
{
	struct doc	*d;

	/* The evaluation pages: <article><h1><p>, one block each. */
	d = load_str("c.html", "<!DOCTYPE html>\n<html lang=\"ru\">\n<head>\n"
	    "<meta charset=\"utf-8\">\n<title>\xd0\x97\xd0\xb0\xd0\xb3\xd0\xbe"
	    "\xd0\xbb\xd0\xbe\xd0\xb2\xd0\xbe\xd0\xba</title>\n</head>\n"
	    "<body>\n<article>\n<h1>\xd0\x97\xd0\xb0\xd0\xb3\xd0\xbe\xd0\xbb"
	    "\xd0\xbe\xd0\xb2\xd0\xbe\xd0\xba</h1>\n<p>Short.</p>\n"
	    "<p>\"Quoted\", he said.</p>\n</article>\n</body>\n</html>\n", NULL);
	assert_non_null(d);
	assert_int_equal(d->nblocks, 3);
	check_block(d, 1, BLOCK_PARA, 0, "Short.");
	check_block(d, 2, BLOCK_PARA, 0, "\"Quoted\", he said.");
	doc_free(d);
}

static void
test_xml_tei(void **state)
{
	struct doc	*d = load_path(TESTDATA "/xml/tei.xml");

	assert_non_null(d);
	assert_str(d->format, "tei");
	assert_str(d->title, "The river that changed its mind");
	assert_str(d->byline, "Anna Lindqvist");
	assert_str(d->date, "2023-09-18");
	assert_str(d->lang, "en");
	assert_int_equal(d->nblocks, 12);
	check_block(d, 0, BLOCK_HEADING, 1, "The river that changed its mind");
	/* The note is left out. */
	check_block(d, 1, BLOCK_PARA, 0, "For three summers the Vuoksi ran "
	    "lower than anyone in Imatra could remember. Then, in the spring "
	    "of 2023, it rose by almost two metres in a fortnight.");
	check_span(d, 1, 0, SPAN_STRONG, "almost two metres", NULL);
	check_span(d, 2, 0, SPAN_EMPH, "hysteresis", NULL);
	check_block(d, 3, BLOCK_QUOTE, 1, NULL);
	/* <choice>: the correction, not the error. */
	check_block(d, 4, BLOCK_HEADING, 2, "What the engineers propose");
	check_block(d, 6, BLOCK_ITEM, 1, "a new spillway on the eastern bank;");
	check_span(d, 7, 0, SPAN_LINK, "the Russian side",
	    "https://example.org/partners");
	check_block(d, 9, BLOCK_ITEM, 2, "for drainage,");
	check_block(d, 11, BLOCK_PARA, 0, "The cost is put at 41 million "
	    "euros. Work could start in 2025.");
	assert_false(has_text(d, "Front matter"));
	assert_false(has_text(d, "Back matter"));
	assert_false(has_text(d, "Tainionkoski"));
	doc_free(d);

	/* Parallel versions in one file: the first language. */
	d = load_path(TESTDATA "/xml/tei-parallel.xml");
	assert_non_null(d);
	assert_str(d->lang, "fr");
	assert_int_equal(d->nblocks, 2);
	check_block(d, 0, BLOCK_HEADING, 1, "La rivi\xc3\xa8re qui a chang\xc3"
	    "\xa9 d\xe2\x80\x99" "avis");
	doc_free(d);
}

static void
test_xml_generic(void **state)
{
	struct doc	*d = load_path(TESTDATA "/xml/generic.xml");

	assert_non_null(d);
	assert_str(d->format, "xml");
	assert_str(d->lang, "fr");
	assert_str(d->title, "Le fleuve et la ville");
	check_block(d, 0, BLOCK_HEADING, 1, "Le fleuve et la ville");
	check_block(d, 1, BLOCK_PARA, 0, "polyread test data");
	check_block(d, 2, BLOCK_HEADING, 2, "Un printemps pr\xc3\xa9" "coce");
	check_span(d, 3, 0, SPAN_EMPH, "deux semaines", NULL);
	check_span(d, 4, 0, SPAN_LINK, "un message",
	    "https://example.org/alertes");
	check_block(d, 5, BLOCK_HEADING, 3, "Ce qui a chang\xc3\xa9");
	doc_free(d);
}

static void
test_xml_hostile(void **state)
{
	struct doc	*d;
	char		*cause;

	/* An external entity never brings the file in. */
	d = load_path(TESTDATA "/xml/xxe-file.xml");
	assert_non_null(d);
	assert_int_equal(d->nblocks, 2);
	check_block(d, 0, BLOCK_PARA, 0, "Published by Polar Review in "
	    "Troms\xc3\xb8.");
	check_block(d, 1, BLOCK_PARA, 0, "Before the entity. After the "
	    "entity.");
	assert_false(has_text(d, "root:"));
	doc_free(d);

	d = load_path(TESTDATA "/xml/xxe-param.xml");
	assert_non_null(d);
	assert_int_equal(d->nblocks, 1);
	assert_false(has_text(d, "root:"));
	doc_free(d);

	d = load_path(TESTDATA "/xml/dtd-external.xml");
	assert_non_null(d);
	assert_int_equal(d->nblocks, 1);
	doc_free(d);

	d = load_path(TESTDATA "/xml/xxe-net.xml");
	assert_non_null(d);
	check_block(d, 0, BLOCK_PARA, 0, "Network entity: never fetched.");
	doc_free(d);

	/* Billion laughs: refused by libxml2. */
	cause = load_fails("laughs.xml",
	    "<?xml version=\"1.0\"?><!DOCTYPE l [<!ENTITY a \"aaaaaaaaaa\">"
	    "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">"
	    "<!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">"
	    "<!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\">"
	    "<!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\">"
	    "<!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\">"
	    "<!ENTITY g \"&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;\">"
	    "<!ENTITY h \"&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;\">"
	    "<!ENTITY i \"&h;&h;&h;&h;&h;&h;&h;&h;&h;&h;\">]>"
	    "<l><p>&i;</p></l>");
	assert_non_null(strstr(cause, "not well-formed XML"));
	free(cause);

	/* Not well-formed. */
	cause = load_fails("bad.xml", "<?xml version=\"1.0\"?><a><b></a>");
	assert_non_null(strstr(cause, "'bad.xml' is not well-formed XML "
	    "(line 1: "));
	free(cause);
}

static void
test_xml_quadratic(void **state)
{
	struct strbuf	 sb = STRBUF_INIT;
	struct doc	*d;
	char		*cause = NULL;
	size_t		 i;

	/*
	 * A 20 kB entity used 5,000 times: libxml2 lets it through (100 MB
	 * of text); the loader stops expanding after 1 MiB and refuses the
	 * file rather than show it cut short (issue 18).
	 */
	strbuf_addstr(&sb, "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY a \"");
	for (i = 0; i < 20000; i++)
		strbuf_addch(&sb, 'x');
	strbuf_addstr(&sb, "\">]><d><p>");
	for (i = 0; i < 5000; i++)
		strbuf_addstr(&sb, "&a;");
	strbuf_addstr(&sb, "</p></d>");
	d = load_buffer("quad.xml", sb.buf, sb.len, NULL, &cause);
	assert_null(d);
	assert_non_null(cause);
	assert_non_null(strstr(cause, "more than 1.0 MiB of text"));
	free(cause);
	strbuf_release(&sb);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sample_en),
		cmocka_unit_test(test_sample_fr_ru),
		cmocka_unit_test(test_news_page),
		cmocka_unit_test(test_news_fr_ru),
		cmocka_unit_test(test_div_soup),
		cmocka_unit_test(test_headings_page),
		cmocka_unit_test(test_inline),
		cmocka_unit_test(test_breaks_pre),
		cmocka_unit_test(test_blocks),
		cmocka_unit_test(test_images),
		cmocka_unit_test(test_q_marks),
		cmocka_unit_test(test_hidden),
		cmocka_unit_test(test_furniture),
		cmocka_unit_test(test_main_and_headline),
		cmocka_unit_test(test_logo_h1),
		cmocka_unit_test(test_sibling_articles),
		cmocka_unit_test(test_metadata),
		cmocka_unit_test(test_entities),
		cmocka_unit_test(test_boilerplate_only),
		cmocka_unit_test(test_deep_and_many),
		cmocka_unit_test(test_corpus_page),
		cmocka_unit_test(test_xml_tei),
		cmocka_unit_test(test_xml_generic),
		cmocka_unit_test(test_xml_hostile),
		cmocka_unit_test(test_xml_quadratic),
	};

	return (cmocka_run_group_tests_name("html", tests, NULL, NULL));
}
