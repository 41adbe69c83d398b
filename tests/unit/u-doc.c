/*
 * Unit tests: the document model and its builder (doc.c), on sentences of
 * the bundled sample article (data/sample) in English, French and Russian:
 * blocks and their kinds, the cleaning of text on the way in (whitespace,
 * controls, soft hyphens, invalid UTF-8, NFC), preformatted text, spans
 * (offsets kept exact through NFC, cut and reopened around a nested
 * block), the nesting rules, list markers, metadata, the limits
 * (DOC_MAX_BLOCK_LEN, DOC_MAX_BLOCKS) and the builder after doc_finish().
 */
#include "config.h"

#include <unicode/utf8.h>

#include "unit.h"

#include "doc.h"

/* Append a string's text; add a whole block of a string. */
#define text(d, s) doc_text((d), (s), strlen(s))
#define add(d, kind, level, s) doc_add_block((d), (kind), (level), (s), \
	strlen(s))

/* The span of kind in block b; fails the test when there is none. */
static const struct doc_span *
span_of(const struct doc *d, size_t b, enum span_kind kind)
{
	size_t	i;

	assert_true(b < d->nblocks);
	for (i = 0; i < d->blocks[b].nspans; i++) {
		if (d->blocks[b].spans[i].kind == kind)
			return (&d->blocks[b].spans[i]);
	}
	fail_msg("block %zu has no span of kind %d", b, (int)kind);
	return (NULL);
}

/* The text of [start, end) of block b, as a string you own. */
static char *
span_text(const struct doc *d, size_t b, const struct doc_span *s)
{
	assert_true(s->start < s->end);
	assert_true(s->end <= d->blocks[b].len);
	return (xstrndup(d->blocks[b].text + s->start, s->end - s->start));
}

/* Whole blocks in three languages: kinds, levels, text, sizes, names. */
static void
test_blocks(void **state)
{
	static const char *const	 t[] = {
		"The Northern Sea Route: a shortcut that divides the Arctic",
		"In Moscow the tone was different.",
		"La route maritime du Nord : un raccourci qui divise "
		"l’Arctique",
		"À Moscou, le ton était différent.",
		"Северный морской путь: короткая дорога, которая разделяет "
		"Арктику",
		"В Москве тон был иным."
	};
	static const char *const	 langs[] = { "en", "fr", "ru" };
	struct doc			*d;
	size_t				 k;

	for (k = 0; k < 3; k++) {
		d = doc_create("commentary.html", "html");
		assert_str(d->source, "commentary.html");
		assert_str(d->format, "html");
		doc_set_lang(d, langs[k]);
		doc_add_block(d, BLOCK_HEADING, 1, t[2 * k],
		    strlen(t[2 * k]));
		doc_add_block(d, BLOCK_PARA, 0, t[2 * k + 1],
		    strlen(t[2 * k + 1]));
		add(d, BLOCK_CAPTION, 0, "");	/* empty */
		add(d, BLOCK_PARA, 0, " \n\t ");	/* blank */
		doc_finish(d);
		assert_null(d->build);
		assert_str(d->lang, langs[k]);
		assert_int_equal(d->nblocks, 2);
		check_block(d, 0, BLOCK_HEADING, 1, t[2 * k]);
		check_block(d, 1, BLOCK_PARA, 0, t[2 * k + 1]);
		assert_int_equal(d->blocks[0].nspans, 0);
		assert_null(d->blocks[1].marker);
		assert_int_equal(doc_text_size(d),
		    strlen(t[2 * k]) + strlen(t[2 * k + 1]));
		assert_false(d->too_many);
		assert_false(d->too_long);
		doc_free(d);
	}
	/* No source or format: "" and "text". A heading of level 0 is 1. */
	d = doc_create(NULL, NULL);
	assert_str(d->source, "");
	assert_str(d->format, "text");
	doc_add_block(d, BLOCK_HEADING, 0, t[4], strlen(t[4]));
	doc_finish(d);
	check_block(d, 0, BLOCK_HEADING, 1, t[4]);
	doc_free(d);

	assert_str(block_kind_name(BLOCK_PARA), "paragraph");
	assert_str(block_kind_name(BLOCK_HEADING), "heading");
	assert_str(block_kind_name(BLOCK_QUOTE), "quote");
	assert_str(block_kind_name(BLOCK_ITEM), "item");
	assert_str(block_kind_name(BLOCK_PRE), "pre");
	assert_str(block_kind_name(BLOCK_CAPTION), "caption");
}

#define CLEAN_FR "Sergue\xc3\xaf\tVolkov\n\xc2\xad:\x07 r\xc3\xa9unis"
#define CLEAN_EN "Volkov\n\tsaid e\xcc\x81"

/*
 * Text is cleaned on the way in: whitespace runs collapse, controls, soft
 * hyphens and byte order marks go, invalid bytes become U+FFFD, and the
 * result is NFC (é, ё and й given decomposed).
 */
static void
test_clean(void **state)
{
	static const char	*const raw[] = {
		"  When the  Arctic Council’s\n\tworking groups met\r\n in "
		"Troms\xc3\xb8 ",
		"Lorsque les groupes de tra\xc2\xadvail se sont re\xcc\x81"
		"unis \xc2\x85à Tromsø.",
		"\xef\xbb\xbf\xd0\x9a\xd0\xbe\xd0\xb3\xd0\xb4\xd0\xb0 \x01"
		"\xd0\xb2 \xd0\xa2\xd1\x80\xd0\xbe\xd0\xbc\xd1\x81\xd0\xb5"
		"\xcc\x88 \xd0\xb8 \xd0\xa1\xd0\xb5\xd1\x80\xd0\xb3\xd0\xb5"
		"\xd0\xb8\xcc\x86 \xc2\x9b\xc2\xad\xff\xd0"
	};
	struct doc	*d = doc_create("clean.txt", "text");
	char		*s;
	size_t		 len, i;

	for (i = 0; i < nitems(raw); i++)
		doc_add_block(d, BLOCK_PARA, 0, raw[i], strlen(raw[i]));
	doc_finish(d);
	assert_int_equal(d->nblocks, 3);
	check_block(d, 0, BLOCK_PARA, 0,
	    "When the Arctic Council’s working groups met in Tromsø");
	/* Soft hyphen and a C1 control gone, e + U+0301 made é. */
	check_block(d, 1, BLOCK_PARA, 0,
	    "Lorsque les groupes de travail se sont réunis à Tromsø.");
	/* BOM and controls gone; ё, й composed; a bad byte, a cut one. */
	check_block(d, 2, BLOCK_PARA, 0,
	    "Когда в Тромсё и Сергей \xef\xbf\xbd\xef\xbf\xbd");
	doc_free(d);

	/* doc_clean_text: the same, newlines kept only when asked. */
	s = doc_clean_text(CLEAN_FR, strlen(CLEAN_FR), 1, &len);
	assert_str(s, "Sergueï\tVolkov\n: réunis");
	assert_int_equal(len, strlen(s));
	free(s);
	s = doc_clean_text(CLEAN_EN, strlen(CLEAN_EN), 0, &len);
	assert_str(s, "Volkovsaid é");
	assert_int_equal(len, strlen("Volkovsaid é"));
	free(s);
}

/*
 * Preformatted text keeps its spaces, tabs and newlines; leading blank
 * lines and trailing whitespace go, and so does \r. A line break is a
 * newline there and a space elsewhere.
 */
static void
test_pre(void **state)
{
	struct doc	*d = doc_create("pre.md", "markdown");
	static const char	 code[] = "\n  \n  transits  1 402\r\n"
	    "\tсудов\t156\n\n  ";

	doc_block_begin(d, BLOCK_PRE, 0);
	doc_text(d, code, strlen(code));
	doc_block_end(d);
	doc_block_begin(d, BLOCK_PRE, 0);
	text(d, "Ships choose");
	doc_line_break(d);
	text(d, "the shortest way.");
	doc_block_end(d);
	doc_block_begin(d, BLOCK_PARA, 0);
	text(d, "Ships choose");
	doc_line_break(d);
	text(d, "the shortest way.");
	doc_block_end(d);
	doc_block_begin(d, BLOCK_PARA, 0);
	doc_line_break(d);		/* a break first adds nothing */
	text(d, "Суда");
	doc_block_end(d);
	doc_finish(d);
	assert_int_equal(d->nblocks, 4);
	check_block(d, 0, BLOCK_PRE, 0, "  transits  1 402\n\tсудов\t156");
	check_block(d, 1, BLOCK_PRE, 0, "Ships choose\nthe shortest way.");
	check_block(d, 2, BLOCK_PARA, 0, "Ships choose the shortest way.");
	check_block(d, 3, BLOCK_PARA, 0, "Суда");
	doc_free(d);
}

/* Spans: offsets, targets, order, NFC, empty and unbalanced ones. */
static void
test_spans(void **state)
{
	struct doc		*d = doc_create("spans.html", "html");
	const struct doc_span	*s;
	char			*x;
	size_t			 i;

	/* French: the emphasised word given in NFD shrinks, its span too. */
	doc_block_begin(d, BLOCK_PARA, 0);
	text(d, "Les groupes se sont ");
	doc_span_begin(d, SPAN_EMPH, NULL);
	text(d, "re\xcc\x81unis");
	doc_span_end(d, SPAN_EMPH);
	text(d, " à ");
	doc_span_begin(d, SPAN_LINK, "  https://example.org/\n  tromso ");
	doc_span_begin(d, SPAN_STRONG, NULL);
	text(d, "Tromsø");
	doc_span_end(d, SPAN_STRONG);
	doc_span_end(d, SPAN_LINK);
	text(d, ".");
	doc_span_begin(d, SPAN_CODE, NULL);	/* empty: dropped */
	doc_span_end(d, SPAN_CODE);
	doc_span_end(d, SPAN_EMPH);		/* none open: ignored */
	doc_block_end(d);

	/* English: a span left open ends with its block. */
	doc_block_begin(d, BLOCK_PARA, 0);
	text(d, "Ingrid Halvorsen was ");
	doc_span_begin(d, SPAN_CODE, NULL);
	text(d, "blunt.");
	doc_block_end(d);
	doc_finish(d);

	assert_int_equal(d->nblocks, 2);
	check_block(d, 0, BLOCK_PARA, 0, "Les groupes se sont réunis à Tromsø.");
	assert_int_equal(d->blocks[0].nspans, 3);
	for (i = 1; i < d->blocks[0].nspans; i++)
		assert_true(d->blocks[0].spans[i - 1].start <=
		    d->blocks[0].spans[i].start);
	s = span_of(d, 0, SPAN_EMPH);
	assert_int_equal(s->start, 20);
	x = span_text(d, 0, s);
	assert_str(x, "réunis");
	free(x);
	assert_null(s->target);
	s = span_of(d, 0, SPAN_LINK);
	x = span_text(d, 0, s);
	assert_str(x, "Tromsø");
	free(x);
	assert_str(s->target, "https://example.org/ tromso");
	s = span_of(d, 0, SPAN_STRONG);
	x = span_text(d, 0, s);
	assert_str(x, "Tromsø");
	free(x);

	check_block(d, 1, BLOCK_PARA, 0, "Ingrid Halvorsen was blunt.");
	assert_int_equal(d->blocks[1].nspans, 1);
	s = span_of(d, 1, SPAN_CODE);
	x = span_text(d, 1, s);
	assert_str(x, "blunt.");
	free(x);
	doc_free(d);
}

/*
 * Nesting: the text of an outer block is cut around an inner one, a
 * paragraph inside a quotation or an item takes the outer kind and
 * level, an open span is cut at the inner block and reopens in it, and
 * text outside any block makes a paragraph.
 */
static void
test_nesting(void **state)
{
	struct doc		*d = doc_create("nest.html", "html");
	const struct doc_span	*s;
	char			*x;

	/* French: a quotation, a paragraph inside it, more quotation. */
	doc_block_begin(d, BLOCK_QUOTE, 1);
	text(d, "La ministre a déclaré :");
	doc_block_begin(d, BLOCK_PARA, 0);
	text(d, "« L’Arctique ne peut pas devenir une route à péage. »");
	doc_block_end(d);
	text(d, "aux journalistes.");
	doc_block_begin(d, BLOCK_QUOTE, 2);
	text(d, "Oslo gardera tous les canaux ouverts.");
	doc_block_end(d);
	doc_block_end(d);

	/* Russian: a strong span cut by a quotation, reopened in it. */
	doc_block_begin(d, BLOCK_PARA, 0);
	doc_span_begin(d, SPAN_STRONG, NULL);
	text(d, "Северный морской путь");
	doc_block_begin(d, BLOCK_QUOTE, 1);
	text(d, "короткая дорога");
	doc_span_end(d, SPAN_STRONG);
	text(d, ", которая разделяет Арктику");
	doc_block_end(d);
	doc_block_end(d);

	/* English: a paragraph in a list item is an item; loose text. */
	doc_block_begin(d, BLOCK_ITEM, 1);
	doc_block_begin(d, BLOCK_PARA, 0);
	text(d, "Nobody forces them.");
	doc_block_end(d);
	doc_block_end(d);
	doc_block_begin(d, BLOCK_CAPTION, 0);
	doc_block_begin(d, BLOCK_PARA, 0);
	text(d, "The route in 2024.");
	doc_block_end(d);
	doc_block_end(d);
	text(d, "Ships choose the shortest way.");
	doc_finish(d);

	assert_int_equal(d->nblocks, 9);
	check_block(d, 0, BLOCK_QUOTE, 1, "La ministre a déclaré :");
	check_block(d, 1, BLOCK_QUOTE, 1,
	    "« L’Arctique ne peut pas devenir une route à péage. »");
	check_block(d, 2, BLOCK_QUOTE, 1, "aux journalistes.");
	check_block(d, 3, BLOCK_QUOTE, 2,
	    "Oslo gardera tous les canaux ouverts.");
	check_block(d, 4, BLOCK_PARA, 0, "Северный морской путь");
	s = span_of(d, 4, SPAN_STRONG);
	assert_int_equal(s->start, 0);
	assert_int_equal(s->end, d->blocks[4].len);
	check_block(d, 5, BLOCK_QUOTE, 1,
	    "короткая дорога, которая разделяет Арктику");
	assert_int_equal(d->blocks[5].nspans, 1);
	s = span_of(d, 5, SPAN_STRONG);
	x = span_text(d, 5, s);
	assert_str(x, "короткая дорога");
	free(x);
	assert_int_equal(s->start, 0);
	check_block(d, 6, BLOCK_ITEM, 1, "Nobody forces them.");
	check_block(d, 7, BLOCK_CAPTION, 0, "The route in 2024.");
	check_block(d, 8, BLOCK_PARA, 0, "Ships choose the shortest way.");
	doc_free(d);
}

/*
 * List markers: an ordered item's number on its first block and as many
 * spaces on its later ones; a bullet item's first block has none, its
 * later ones two spaces; a number outside an item is ignored.
 */
static void
test_items(void **state)
{
	struct doc	*d = doc_create("list.html", "html");

	doc_block_begin(d, BLOCK_ITEM, 1);
	doc_item_number(d, 12);
	text(d, "Tromsø, 21 juin 2024");
	doc_block_begin(d, BLOCK_PARA, 0);
	text(d, "les groupes de travail");
	doc_block_end(d);
	doc_block_end(d);
	doc_block_begin(d, BLOCK_ITEM, 1);
	text(d, "Москва");
	doc_block_begin(d, BLOCK_ITEM, 2);
	doc_item_number(d, -1);
	text(d, "Росатом");
	doc_block_end(d);
	text(d, "Мурманск");
	doc_block_end(d);
	doc_block_begin(d, BLOCK_PARA, 0);
	doc_item_number(d, 5);
	text(d, "Oslo");
	doc_block_end(d);
	doc_finish(d);

	assert_int_equal(d->nblocks, 6);
	check_block(d, 0, BLOCK_ITEM, 1, "Tromsø, 21 juin 2024");
	assert_str(d->blocks[0].marker, "12. ");
	check_block(d, 1, BLOCK_ITEM, 1, "les groupes de travail");
	assert_str(d->blocks[1].marker, "    ");
	check_block(d, 2, BLOCK_ITEM, 1, "Москва");
	assert_null(d->blocks[2].marker);
	check_block(d, 3, BLOCK_ITEM, 2, "Росатом");
	assert_str(d->blocks[3].marker, "-1. ");
	check_block(d, 4, BLOCK_ITEM, 1, "Мурманск");
	assert_str(d->blocks[4].marker, "  ");
	check_block(d, 5, BLOCK_PARA, 0, "Oslo");
	assert_null(d->blocks[5].marker);
	doc_free(d);
}

/* Metadata: cleaned and collapsed; authors and alternates deduplicated. */
static void
test_meta(void **state)
{
	struct doc	*d = doc_create("meta.html", "html");

	doc_set_title(d, "  La route maritime\n du Nord :\tun raccourci ");
	assert_str(d->title, "La route maritime du Nord : un raccourci");
	doc_set_title(d, " \n ");
	assert_null(d->title);
	doc_set_title(d, "Северный морской путь");
	doc_set_title(d, NULL);
	assert_null(d->title);
	doc_set_subtitle(d, "A shortcut that\ndivides the Arctic");
	assert_str(d->subtitle, "A shortcut that divides the Arctic");
	doc_set_date(d, "2024-07-12");
	assert_str(d->date, "2024-07-12");
	doc_set_site(d, "Revue\xc2\xad polaire");
	assert_str(d->site, "Revue polaire");
	doc_set_lang(d, "ru");
	assert_str(d->lang, "ru");
	doc_set_charset(d, "windows-1251");
	assert_str(d->charset, "windows-1251");
	doc_set_format(d, "xml");
	assert_str(d->format, "xml");
	doc_set_canonical(d, "https://example.org/arctic");
	assert_str(d->canonical, "https://example.org/arctic");
	doc_set_modified(d, "2024-07-13");
	assert_str(d->modified, "2024-07-13");

	doc_add_author(d, "Elena  Marchetti");
	doc_add_author(d, "Елена Маркетти");
	doc_add_author(d, "ELENA MARCHETTI");	/* already there */
	doc_add_author(d, " ");
	assert_int_equal(d->nauthors, 2);
	assert_str(d->authors[0], "Elena Marchetti");
	assert_str(d->authors[1], "Елена Маркетти");
	assert_str(d->byline, "Elena Marchetti, Елена Маркетти");
	doc_set_byline(d, "Sergueï Volkov");
	assert_str(d->byline, "Sergueï Volkov");

	doc_add_alt(d, "fr", "commentary.fr.html");
	doc_add_alt(d, "ru", "commentary.ru.html");
	doc_add_alt(d, "fr", "commentary.fr.html");	/* again */
	doc_add_alt(d, "en", "");			/* no href */
	doc_add_alt(d, NULL, "commentary.en.html");	/* no lang */
	assert_int_equal(d->nalts, 2);
	assert_str(d->alts[0].lang, "fr");
	assert_str(d->alts[1].href, "commentary.ru.html");
	assert_false(d->alts[0].switcher);
	doc_finish(d);
	assert_int_equal(d->nblocks, 0);
	doc_free(d);
}

/*
 * The limits: a block of DOC_MAX_BLOCK_LEN bytes is kept, one byte more
 * is dropped with too_long set, and the builder takes no more text.
 */
static void
test_max_block_len(void **state)
{
	struct doc	*d = doc_create("long.txt", "text");
	char		*big = xmalloc(DOC_MAX_BLOCK_LEN + 1);

	memset(big, 'a', DOC_MAX_BLOCK_LEN + 1);
	doc_add_block(d, BLOCK_PARA, 0, big, DOC_MAX_BLOCK_LEN);
	assert_int_equal(d->nblocks, 1);
	assert_int_equal(d->blocks[0].len, DOC_MAX_BLOCK_LEN);
	assert_false(d->too_long);
	add(d, BLOCK_PARA, 0, "Ships choose.");
	doc_add_block(d, BLOCK_PARA, 0, big, DOC_MAX_BLOCK_LEN + 1);
	assert_true(d->too_long);
	assert_int_equal(d->nblocks, 2);
	add(d, BLOCK_PARA, 0, "Суда выбирают.");
	doc_finish(d);
	assert_int_equal(d->nblocks, 2);
	check_block(d, 1, BLOCK_PARA, 0, "Ships choose.");
	assert_false(d->too_many);
	doc_free(d);
	free(big);
}

/* DOC_MAX_BLOCKS blocks are kept; the one after is dropped, too_many. */
static void
test_max_blocks(void **state)
{
	struct doc	*d = doc_create("many.txt", "text");
	size_t		 i;

	for (i = 0; i < DOC_MAX_BLOCKS; i++)
		doc_add_block(d, BLOCK_PARA, 0, i % 2 ? "я" : "é", 2);
	assert_int_equal(d->nblocks, DOC_MAX_BLOCKS);
	assert_false(d->too_many);
	add(d, BLOCK_PARA, 0, "Oslo");
	assert_true(d->too_many);
	add(d, BLOCK_PARA, 0, "Oslo");
	doc_finish(d);
	assert_int_equal(d->nblocks, DOC_MAX_BLOCKS);
	assert_str(d->blocks[DOC_MAX_BLOCKS - 1].text, "я");
	assert_int_equal(doc_text_size(d), 2 * (size_t)DOC_MAX_BLOCKS);
	doc_free(d);
}

/*
 * Removing blocks; once finished, beginning a block, text, a line break,
 * a span or a block's end does nothing.
 */
static void
test_remove_finish(void **state)
{
	static const char *const	 ru[] = {
		"В Москве тон был иным.",
		"#Вопрос правил",
		"Суда выбирают самый короткий путь.",
		NULL
	};
	struct doc			*d = mkdoc(ru, "ru", "ru.txt", 0, -1,
					    -1);

	assert_int_equal(d->nblocks, 3);
	check_block(d, 1, BLOCK_HEADING, 1, "Вопрос правил");
	doc_remove_block(d, 1);
	assert_int_equal(d->nblocks, 2);
	check_block(d, 1, BLOCK_PARA, 0, "Суда выбирают самый короткий путь.");
	doc_remove_block(d, 2);				/* past the end */
	assert_int_equal(d->nblocks, 2);
	add(d, BLOCK_PARA, 0, "Oslo");	/* finished */
	doc_block_begin(d, BLOCK_QUOTE, 1);
	doc_text(d, "Осло", strlen("Осло"));
	doc_line_break(d);
	doc_span_begin(d, SPAN_EMPH, NULL);
	doc_span_end(d, SPAN_EMPH);
	doc_block_end(d);
	doc_finish(d);
	assert_int_equal(d->nblocks, 2);
	check_block(d, 0, BLOCK_PARA, 0, "В Москве тон был иным.");
	doc_free(d);
}

/* Pieces of text for test_text_runs(): words, spaces of every kind. */
static const char *const run_pieces[] = {
	"a", "word", ".", "\xc3\xa9t\xc3\xa9", "\xd0\x96\xd0\xb8",
	"\xe2\x82\xac", " ", " ", " ", "  ", "\t", "\n", "\xc2\xa0",
	"\xc2\xad", "\x01", "e\xcc\x81"
};

/*
 * A text goes in by runs of plain characters and the single spaces between
 * them: the block is the one made of it a character at a time, spans
 * (opened between two calls) starting at the same place.
 */
static void
test_text_runs(void **state)
{
	struct strbuf	 sb = STRBUF_INIT;
	struct doc	*a, *b;
	unsigned int	 seed = 6;
	size_t		 i, n, k;
	int32_t		 off, next;
	int		 round;

	(void)state;
	for (round = 0; round < 300; round++) {
		strbuf_reset(&sb);
		n = 1 + (size_t)rand_r(&seed) % 30;
		for (i = 0; i < n; i++)
			strbuf_addstr(&sb, run_pieces[(size_t)rand_r(&seed) %
			    nitems(run_pieces)]);
		a = doc_create("a", "text");
		b = doc_create("b", "text");
		doc_block_begin(a, BLOCK_PARA, 0);
		doc_block_begin(b, BLOCK_PARA, 0);
		doc_text(a, "x ", 2);
		doc_text(b, "x ", 2);
		doc_span_begin(a, SPAN_EMPH, NULL);
		doc_span_begin(b, SPAN_EMPH, NULL);
		doc_text(a, sb.buf, sb.len);
		for (off = 0; off < (int32_t)sb.len; off = next) {
			next = off;
			U8_FWD_1(sb.buf, next, (int32_t)sb.len);
			doc_text(b, sb.buf + off, (size_t)(next - off));
		}
		doc_span_end(a, SPAN_EMPH);
		doc_span_end(b, SPAN_EMPH);
		doc_block_end(a);
		doc_block_end(b);
		doc_finish(a);
		doc_finish(b);
		assert_int_equal(a->nblocks, 1);
		assert_int_equal(b->nblocks, 1);
		assert_str(a->blocks[0].text, b->blocks[0].text);
		assert_int_equal(a->blocks[0].nspans, b->blocks[0].nspans);
		for (k = 0; k < a->blocks[0].nspans; k++) {
			assert_int_equal(a->blocks[0].spans[k].start,
			    b->blocks[0].spans[k].start);
			assert_int_equal(a->blocks[0].spans[k].end,
			    b->blocks[0].spans[k].end);
		}
		doc_free(a);
		doc_free(b);
	}
	strbuf_release(&sb);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_blocks),
		cmocka_unit_test(test_clean),
		cmocka_unit_test(test_pre),
		cmocka_unit_test(test_spans),
		cmocka_unit_test(test_nesting),
		cmocka_unit_test(test_items),
		cmocka_unit_test(test_meta),
		cmocka_unit_test(test_max_block_len),
		cmocka_unit_test(test_max_blocks),
		cmocka_unit_test(test_remove_finish),
		cmocka_unit_test(test_text_runs),
	};

	return (cmocka_run_group_tests_name("doc", tests, NULL, NULL));
}
