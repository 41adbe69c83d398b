/*
 * Unit tests: polyread extract's formats (extract_write()) on documents
 * built with the builder calls of doc.h and on the test pages. The
 * Markdown is parsed back with libcmark and must give the same text, block
 * by block, with the same links, emphasis, lists and quotations; the JSON
 * is parsed back with jansson.
 */
#include "config.h"

#include <stdlib.h>

#include <cmark.h>
#include <jansson.h>

#include "unit.h"

#include "doc.h"
#include "extract.h"
#include "load.h"
#include "safe.h"
#include "text.h"

/*
 * Marks in the text given to add(): control characters, which doc_text()
 * would drop, so they cannot be taken for content.
 */
#define E	"\001"			/* emphasis */
#define S	"\002"			/* strong */
#define C	"\003"			/* code */
#define L(u)	"\004" u "\005"		/* a link to u */
#define END	"\006"			/* end of the innermost mark */

/* Add a block of kind at level whose text holds the marks above. */
static void
add(struct doc *d, enum block_kind kind, int level, const char *m)
{
	enum span_kind	 stack[16];
	size_t		 n = 0, run;
	const char	*t;
	char		*target;

	doc_block_begin(d, kind, level);
	while (*m != '\0') {
		run = strcspn(m, E S C "\004" END);
		if (run != 0) {
			doc_text(d, m, run);
			m += run;
			continue;
		}
		switch (*m++) {
		case '\001':
			stack[n++] = SPAN_EMPH;
			doc_span_begin(d, SPAN_EMPH, NULL);
			break;
		case '\002':
			stack[n++] = SPAN_STRONG;
			doc_span_begin(d, SPAN_STRONG, NULL);
			break;
		case '\003':
			stack[n++] = SPAN_CODE;
			doc_span_begin(d, SPAN_CODE, NULL);
			break;
		case '\004':
			t = strchr(m, '\005');
			target = xstrndup(m, (size_t)(t - m));
			stack[n++] = SPAN_LINK;
			doc_span_begin(d, SPAN_LINK, target);
			free(target);
			m = t + 1;
			break;
		case '\006':
			assert_true(n > 0);
			n--;
			doc_span_end(d, stack[n]);
			break;
		}
	}
	doc_block_end(d);
}

/* The document in fmt, as a string you own. */
static char *
render(const struct doc *d, enum extract_format fmt)
{
	struct strbuf	sb = STRBUF_INIT;

	extract_write(&sb, d, fmt);
	return (strbuf_detach(&sb, NULL));
}

/* The Markdown of d is expected; and it must read back as d (below). */
static void check_md_roundtrip(const struct doc *, const char *md);

static void
check_md(const struct doc *d, const char *expected)
{
	char	*md = render(d, EXTRACT_MARKDOWN);

	if (expected != NULL)
		assert_str(md, expected);
	check_md_roundtrip(d, md);
	free(md);
}

/*
 * What libcmark makes of some Markdown: the text of each leaf block
 * (paragraph, heading, code block) with its kind, and counts of the
 * inline marks and containers.
 */
struct md_read {
	struct strbuf	 text[256];
	cmark_node_type	 type[256];
	int		 depth[256];	/* block quotations around it */
	size_t		 n;
	int		 emph, strong, code, links, html, lists, quotes;
	int		 maxquote;
	char		*urls[64];
	size_t		 nurls;
};

static void
md_read(const char *md, struct md_read *r)
{
	cmark_node		*doc, *node;
	cmark_iter		*it;
	cmark_event_type	 ev;
	cmark_node_type		 t;
	const char		*lit;
	int			 quote = 0, in_leaf = 0;

	memset(r, 0, sizeof *r);
	doc = cmark_parse_document(md, strlen(md), CMARK_OPT_DEFAULT);
	assert_non_null(doc);
	it = cmark_iter_new(doc);
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		node = cmark_iter_get_node(it);
		t = cmark_node_get_type(node);
		lit = cmark_node_get_literal(node);
		switch (t) {
		case CMARK_NODE_PARAGRAPH:
		case CMARK_NODE_HEADING:
			if (ev == CMARK_EVENT_ENTER) {
				assert_true(r->n < 256);
				strbuf_init(&r->text[r->n], 0);
				r->type[r->n] = t;
				r->depth[r->n] = quote;
				in_leaf = 1;
			} else {
				r->n++;
				in_leaf = 0;
			}
			break;
		case CMARK_NODE_CODE_BLOCK:
			assert_true(r->n < 256);
			strbuf_init(&r->text[r->n], 0);
			strbuf_addstr(&r->text[r->n], lit);
			/* The literal ends with a newline. */
			if (r->text[r->n].len > 0)
				strbuf_setlen(&r->text[r->n],
				    r->text[r->n].len - 1);
			r->type[r->n] = t;
			r->depth[r->n] = quote;
			r->n++;
			break;
		case CMARK_NODE_TEXT:
		case CMARK_NODE_CODE:
			assert_true(in_leaf);
			strbuf_addstr(&r->text[r->n], lit);
			if (t == CMARK_NODE_CODE)
				r->code++;
			break;
		case CMARK_NODE_SOFTBREAK:
		case CMARK_NODE_LINEBREAK:
			/* Never: every block is one line. */
			strbuf_addstr(&r->text[r->n], "<BREAK>");
			break;
		case CMARK_NODE_HTML_INLINE:
		case CMARK_NODE_HTML_BLOCK:
			r->html++;
			break;
		case CMARK_NODE_EMPH:
			r->emph += ev == CMARK_EVENT_ENTER;
			break;
		case CMARK_NODE_STRONG:
			r->strong += ev == CMARK_EVENT_ENTER;
			break;
		case CMARK_NODE_LINK:
			if (ev == CMARK_EVENT_ENTER && r->nurls < 64)
				r->urls[r->nurls++] =
				    xstrdup(cmark_node_get_url(node));
			r->links += ev == CMARK_EVENT_ENTER;
			break;
		case CMARK_NODE_LIST:
			r->lists += ev == CMARK_EVENT_ENTER;
			break;
		case CMARK_NODE_BLOCK_QUOTE:
			if (ev == CMARK_EVENT_ENTER) {
				r->quotes++;
				quote++;
				if (quote > r->maxquote)
					r->maxquote = quote;
			} else
				quote--;
			break;
		default:
			break;
		}
	}
	cmark_iter_free(it);
	cmark_node_free(doc);
}

static void
md_read_free(struct md_read *r)
{
	size_t	i;

	for (i = 0; i < r->n; i++)
		strbuf_release(&r->text[i]);
	for (i = 0; i < r->nurls; i++)
		free(r->urls[i]);
}

/* The text a block should read back as: escaped as the terminal sees it. */
static char *
visible(const char *s, size_t len, int pre)
{
	struct strbuf	 sb = STRBUF_INIT;
	size_t		 i;

	safe_escape(&sb, s, len, pre);
	/* safe_escape() shows a newline as ^J; pre keeps it. */
	for (i = 0; pre && i + 1 < sb.len; i++) {
		if (sb.buf[i] == '^' && sb.buf[i + 1] == 'J') {
			sb.buf[i] = '\n';
			memmove(sb.buf + i + 1, sb.buf + i + 2,
			    sb.len - i - 2);
			strbuf_setlen(&sb, sb.len - 1);
		}
	}
	return (strbuf_detach(&sb, NULL));
}

/*
 * The Markdown of d reads back, block by block, as the title, the metadata
 * line, then every block but the headline, with the same text; with no
 * raw HTML, and with a link for every link mark (of its target).
 */
static void
check_md_roundtrip(const struct doc *d, const char *md)
{
	struct md_read	 r;
	size_t		 i, j, k = 0;
	char		*want;
	const char	*title = d->title;

	md_read(md, &r);
	for (i = 0; title == NULL && i < d->nblocks; i++) {
		if (d->blocks[i].headline)
			title = d->blocks[i].text;
	}
	if (title != NULL) {
		want = visible(title, strlen(title), 0);
		assert_true(k < r.n);
		assert_int_equal(r.type[k], CMARK_NODE_HEADING);
		assert_str(r.text[k].buf, want);
		free(want);
		k++;
	}
	if (d->byline != NULL || d->date != NULL || d->site != NULL) {
		assert_true(k < r.n);
		assert_int_equal(r.type[k], CMARK_NODE_PARAGRAPH);
		if (d->date != NULL)
			assert_non_null(strstr(r.text[k].buf, d->date));
		k++;
	}
	for (i = 0; i < d->nblocks; i++) {
		const struct doc_block	*b = &d->blocks[i];

		if (b->headline)
			continue;
		want = visible(b->text, b->len, b->kind == BLOCK_PRE);
		/* A number CommonMark cannot hold is written as text. */
		if (b->kind == BLOCK_ITEM && b->marker != NULL &&
		    b->marker[0] == '-') {
			char	*t = want;

			want = xstrprintf("%s%s", b->marker, t);
			free(t);
		}
		if (k >= r.n || strcmp(r.text[k].buf, want) != 0) {
			for (j = 0; j < b->nspans; j++)
				print_message("span %d [%zu, %zu)\n",
				    (int)b->spans[j].kind, b->spans[j].start,
				    b->spans[j].end);
			fail_msg("block %zu reads back as '%s', not '%s' "
			    "in:\n%s", i, k < r.n ? r.text[k].buf : "(none)",
			    want, md);
		}
		if (r.type[k] != (b->kind == BLOCK_HEADING ?
		    CMARK_NODE_HEADING : b->kind == BLOCK_PRE ?
		    CMARK_NODE_CODE_BLOCK : CMARK_NODE_PARAGRAPH) ||
		    r.depth[k] != (b->kind == BLOCK_QUOTE ? b->level : 0))
			fail_msg("block %zu is not a %s (level %d) in:\n%s", i,
			    block_kind_name(b->kind), b->level, md);
		free(want);
		for (j = 0; j < b->nspans; j++) {
			size_t	u;
			int	found = 0;

			if (b->spans[j].kind != SPAN_LINK)
				continue;
			/*
			 * A link inside a link is text (CommonMark 6.3), and
			 * one that starts in code too.
			 */
			for (u = 0; u < b->nspans && !found; u++) {
				const struct doc_span	*o = &b->spans[u];

				found = u != j && ((u < j &&
				    o->kind == SPAN_LINK &&
				    o->end >= b->spans[j].end) ||
				    (o->kind == SPAN_CODE &&
				    o->start <= b->spans[j].start &&
				    o->end > b->spans[j].start));
			}
			for (u = 0; u < r.nurls && !found; u++)
				found = strcmp(r.urls[u], b->spans[j].target)
				    == 0;
			if (!found && strchr(b->spans[j].target, ' ') == NULL)
				fail_msg("no link to '%s' in:\n%s",
				    b->spans[j].target, md);
		}
		k++;
	}
	assert_int_equal(k, r.n);
	assert_int_equal(r.html, 0);
	md_read_free(&r);
}

/* The text format: the body alone, pre with its newlines and tabs. */
static void
test_text(void **state)
{
	struct doc	*d = doc_create("test.html", "html");
	char		*s;

	(void)state;
	doc_set_title(d, "The title");
	doc_set_byline(d, "Elena Marchetti");
	add(d, BLOCK_HEADING, 1, "The title");
	add(d, BLOCK_PARA, 0, "A " E "first" END " paragraph.");
	add(d, BLOCK_CAPTION, 0, "A caption.");
	add(d, BLOCK_ITEM, 1, "an item");
	add(d, BLOCK_PRE, 0, "int\tx;\n  y = 1;");
	add(d, BLOCK_HEADING, 2, "Section");
	doc_finish(d);
	d->blocks[0].headline = 1;
	s = render(d, EXTRACT_TEXT);
	assert_str(s, "A first paragraph.\n\n- an item\n\nint\tx;\n  y = 1;\n\n"
	    "Section\n");
	free(s);
	doc_free(d);
}

/* Title, metadata line, heading levels; the headline is not repeated. */
static void
test_md_header(void **state)
{
	struct doc	*d = doc_create("test.html", "html");

	(void)state;
	doc_set_title(d, "Night trams *return* to Lyon");
	doc_add_author(d, "Elena Marchetti");
	doc_add_author(d, "Tomás Ferreira");
	doc_set_date(d, "2024-07-12");
	doc_set_site(d, "The Rhône Courier");
	add(d, BLOCK_HEADING, 1, "Night trams *return* to Lyon");
	add(d, BLOCK_PARA, 0, "Body.");
	add(d, BLOCK_HEADING, 2, "Who pays");
	add(d, BLOCK_HEADING, 3, "In C#");
	add(d, BLOCK_HEADING, 1, "A second h1");
	add(d, BLOCK_CAPTION, 0, "A tram at Perrache.");
	doc_finish(d);
	d->blocks[0].headline = 1;
	check_md(d, "# Night trams \\*return\\* to Lyon\n\n"
	    "*Elena Marchetti, Tomás Ferreira · 2024-07-12 · "
	    "The Rhône Courier*\n\n"
	    "Body.\n\n## Who pays\n\n### In C\\#\n\n## A second h1\n\n"
	    "*A tram at Perrache.*\n");
	doc_free(d);

	/* Only some parts; none; a byline as the page gives it. */
	d = doc_create("test.html", "html");
	doc_set_date(d, "2024-07-12");
	add(d, BLOCK_PARA, 0, "Body.");
	doc_finish(d);
	check_md(d, "*2024-07-12*\n\nBody.\n");
	doc_free(d);
	d = doc_create("test.html", "html");
	add(d, BLOCK_PARA, 0, "Body.");
	doc_finish(d);
	check_md(d, "Body.\n");
	doc_free(d);
	d = doc_create("test.html", "html");
	doc_set_byline(d, "By Claire Dumont");
	add(d, BLOCK_PARA, 0, "Body.");
	doc_finish(d);
	check_md(d, "*By Claire Dumont*\n\nBody.\n");
	doc_free(d);

	/*
	 * The body opens with a list (<ol start=3>, a quotation): a blank
	 * line after the metadata line, or the item, which may not
	 * interrupt a paragraph, would continue it.
	 */
	d = doc_create("test.html", "html");
	doc_set_byline(d, "Ann Smith");
	doc_block_begin(d, BLOCK_ITEM, 1);
	doc_item_number(d, 3);
	doc_text(d, "Mix.", 4);
	doc_block_end(d);
	doc_finish(d);
	check_md(d, "*Ann Smith*\n\n3. Mix.\n");
	doc_free(d);
	d = doc_create("test.html", "html");
	doc_set_byline(d, "Ann Smith");
	add(d, BLOCK_QUOTE, 1, "Said.");
	doc_finish(d);
	check_md(d, "*Ann Smith*\n\n> Said.\n");
	doc_free(d);
}

/* Characters Markdown would read as syntax are escaped, only those. */
static void
test_md_escape(void **state)
{
	static const struct {
		const char	*text;
		const char	*md;
	} cases[] = {
		{ "Plain text, with 2 a.m. and €3 — fine!",
		  "Plain text, with 2 a.m. and €3 — fine!" },
		{ "*not emphasis* and _not_ either, snake_case",
		  "\\*not emphasis\\* and \\_not\\_ either, snake\\_case" },
		{ "# not a heading", "\\# not a heading" },
		{ "#hashtag stays", "#hashtag stays" },
		{ "1. not a list", "1\\. not a list" },
		{ "2024) nor this", "2024\\) nor this" },
		{ "1.5 million", "1.5 million" },
		{ "- not a bullet", "\\- not a bullet" },
		{ "---", "\\---" },
		{ "-5 degrees", "-5 degrees" },
		{ "+ plus", "\\+ plus" },
		{ "> not a quote, a > b", "\\> not a quote, a > b" },
		{ "~~~ not a fence", "\\~~~ not a fence" },
		{ "<b>not html</b> <http://x.example>",
		  "\\<b>not html\\</b> \\<http://x.example>" },
		{ "[not a link](x) ![nor an image](y)",
		  "\\[not a link\\](x) !\\[nor an image\\](y)" },
		{ "back\\slash, `tick`", "back\\\\slash, \\`tick\\`" },
		{ "AT&T, &amp; and &#42; stay text",
		  "AT&T, \\&amp; and \\&#42; stay text" },
		{ "\xc2\xab Les trams de nuit \xc2\xbb, a dit M. Dupont.",
		  "\xc2\xab Les trams de nuit \xc2\xbb, a dit M. Dupont." },
		{ "\xd0\x9d\xd0\xbe\xd1\x87\xd0\xbd\xd1\x8b\xd0\xb5 *"
		  "\xd1\x82\xd1\x80\xd0\xb0\xd0\xbc\xd0\xb2\xd0\xb0\xd0\xb8*",
		  "\xd0\x9d\xd0\xbe\xd1\x87\xd0\xbd\xd1\x8b\xd0\xb5 \\*"
		  "\xd1\x82\xd1\x80\xd0\xb0\xd0\xbc\xd0\xb2\xd0\xb0\xd0\xb8\\*" },
		/* A bidi override is shown, never written raw. */
		{ "evil \xe2\x80\xaegnp.exe", "evil \\<U\\+202E\\>gnp.exe" },
	};
	struct doc	*d;
	char		*want;
	size_t		 i;

	(void)state;
	for (i = 0; i < nitems(cases); i++) {
		d = doc_create("test.html", "html");
		add(d, BLOCK_PARA, 0, cases[i].text);
		doc_finish(d);
		want = xstrprintf("%s\n", cases[i].md);
		check_md(d, want);
		free(want);
		doc_free(d);
	}

	/* The same at the start of a list item and a quotation. */
	d = doc_create("test.html", "html");
	add(d, BLOCK_ITEM, 1, "- an item that starts with a dash");
	add(d, BLOCK_ITEM, 1, "3. an item that starts with a number");
	add(d, BLOCK_QUOTE, 1, "> a quotation that starts with >");
	add(d, BLOCK_QUOTE, 1, "# and with #");
	doc_finish(d);
	check_md(d, "- \\- an item that starts with a dash\n"
	    "- 3\\. an item that starts with a number\n\n"
	    "> \\> a quotation that starts with >\n>\n> \\# and with #\n");
	doc_free(d);
}

/* Emphasis, strong, code and links; marks Markdown cannot hold go. */
static void
test_md_inline(void **state)
{
	struct doc	*d;

	(void)state;
	d = doc_create("test.html", "html");
	add(d, BLOCK_PARA, 0, "An " E "emphasis" END ", a " S "strong "
	    E "nested" END END " and " C "code" END ".");
	add(d, BLOCK_PARA, 0, "Read the " L("https://tcl.example/report.pdf")
	    "full " E "report" END END " now.");
	add(d, BLOCK_PARA, 0, "A URL with " L("https://x.example/a_(b)?q=1&r=2")
	    "parens" END " and one with " L("https://x.example/a b")
	    "a space" END ".");
	add(d, BLOCK_PARA, 0, "Wow!" L("https://x.example/") "not an image"
	    END);
	add(d, BLOCK_PARA, 0, "Emphasis with its spaces" E " inside " END
	    "and around.");
	/* Inside a word next to punctuation: '*' could not open there. */
	add(d, BLOCK_PARA, 0, "l'" E "\xc2\xab aube \xc2\xbb" END "x");
	add(d, BLOCK_PARA, 0, "in" E "side" END "word");
	add(d, BLOCK_PARA, 0, E "one" END E "two" END " adjacent");
	add(d, BLOCK_PARA, 0, L("https://a.example/") "outer "
	    L("https://b.example/") "inner" END END " link");
	add(d, BLOCK_PARA, 0, "Code with " C "a `tick` and *stars*" END
	    " and " C "`edge`" END ".");
	add(d, BLOCK_PARA, 0, "\xd0\xa1\xd0\xbc. " L("https://ria.example/"
	    "\xd1\x82\xd1\x80\xd0\xb0\xd0\xbc") "\xd0\xbe\xd1\x82\xd1\x87"
	    "\xd1\x91\xd1\x82" END ".");
	doc_finish(d);
	check_md(d, "An *emphasis*, a **strong *nested*** and `code`.\n\n"
	    "Read the [full *report*](https://tcl.example/report.pdf) now."
	    "\n\n"
	    "A URL with [parens](https://x.example/a_\\(b\\)?q=1&r=2) and "
	    "one with [a space](https://x.example/a%20b).\n\n"
	    "Wow\\![not an image](https://x.example/)\n\n"
	    "Emphasis with its spaces *inside* and around.\n\n"
	    "l'« aube »x\n\n"
	    "in*side*word\n\n"
	    "*one*two adjacent\n\n"
	    "[outer inner](https://a.example/) link\n\n"
	    "Code with ``a `tick` and *stars*`` and `` `edge` ``.\n\n"
	    "См. [отчёт](https://ria.example/трам).\n");
	doc_free(d);
}

/* Quotations nested by level; lists, ordered and nested. */
static void
test_md_blocks(void **state)
{
	struct doc	*d;
	struct md_read	 r;
	char		*md;

	(void)state;
	d = doc_create("test.html", "html");
	add(d, BLOCK_QUOTE, 1, "Outer.");
	doc_block_begin(d, BLOCK_QUOTE, 1);
	add(d, BLOCK_QUOTE, 2, "Inner.");
	add(d, BLOCK_QUOTE, 3, "Innermost.");
	doc_block_end(d);
	add(d, BLOCK_QUOTE, 1, "Outer again.");
	add(d, BLOCK_PARA, 0, "After.");
	doc_finish(d);
	check_md(d, "> Outer.\n>\n> > Inner.\n> >\n> > > Innermost.\n>\n"
	    "> Outer again.\n\nAfter.\n");
	md = render(d, EXTRACT_MARKDOWN);
	md_read(md, &r);
	assert_int_equal(r.maxquote, 3);
	md_read_free(&r);
	free(md);
	doc_free(d);

	/*
	 * <ol start=3><li>three<ul><li>nested</li></ul>after</li>
	 * <li>four</li></ol><ul><li>bullet</li></ul>
	 */
	d = doc_create("test.html", "html");
	add(d, BLOCK_PARA, 0, "Before.");
	doc_block_begin(d, BLOCK_ITEM, 1);
	doc_item_number(d, 3);
	doc_text(d, "three", 5);
	add(d, BLOCK_ITEM, 2, "nested");
	doc_text(d, "after", 5);
	doc_block_end(d);
	doc_block_begin(d, BLOCK_ITEM, 1);
	doc_item_number(d, 4);
	doc_text(d, "four", 4);
	doc_block_end(d);
	doc_block_begin(d, BLOCK_ITEM, 1);
	doc_item_number(d, 10);
	doc_text(d, "ten", 3);
	add(d, BLOCK_ITEM, 2, "under ten");
	doc_block_end(d);
	add(d, BLOCK_PARA, 0, "Between.");
	add(d, BLOCK_ITEM, 1, "bullet");
	add(d, BLOCK_ITEM, 2, "sub-bullet");
	doc_block_begin(d, BLOCK_ITEM, 1);
	doc_item_number(d, -1);
	doc_text(d, "minus one", 9);
	doc_block_end(d);
	doc_finish(d);
	check_md(d, "Before.\n\n3. three\n   - nested\n\n   after\n4. four\n"
	    "10. ten\n    - under ten\n\nBetween.\n\n- bullet\n  - sub-bullet\n"
	    "- \\-1\\. minus one\n");
	md = render(d, EXTRACT_MARKDOWN);
	md_read(md, &r);
	/* The ordered list, its two nested ones, the bullets and theirs. */
	assert_int_equal(r.lists, 5);
	md_read_free(&r);
	free(md);
	doc_free(d);
}

/* Preformatted text is fenced, with a longer fence than it holds. */
static void
test_md_pre(void **state)
{
	struct doc	*d;

	(void)state;
	d = doc_create("test.html", "html");
	add(d, BLOCK_PRE, 0, "$ polyread extract page.html\n\tindented");
	add(d, BLOCK_PRE, 0, "```\ncode in Markdown\n````");
	doc_finish(d);
	check_md(d, "```\n$ polyread extract page.html\n\tindented\n```\n\n"
	    "`````\n```\ncode in Markdown\n````\n`````\n");
	doc_free(d);
}

/* A string field of a parsed JSON object, or NULL if it is null. */
static const char *
jstr(json_t *o, const char *name)
{
	json_t	*v = json_object_get(o, name);

	assert_non_null(v);
	if (json_is_null(v))
		return (NULL);
	assert_true(json_is_string(v));
	return (json_string_value(v));
}

/* JSON: one line, every field, escaping, null for what is absent. */
static void
test_json(void **state)
{
	struct doc	*d;
	json_t		*o, *a;
	json_error_t	 err;
	char		*s;
	size_t		 i;

	(void)state;
	d = doc_create("test.html", "html");
	doc_set_title(d, "A \"quoted\" title with a back\\slash");
	doc_add_author(d, "Елена Маркетти");
	doc_add_author(d, "Jean \"Le Grand\" Dupont");
	doc_set_date(d, "2024-07-12");
	doc_set_lang(d, "ru");
	doc_add_alt(d, "fr", "https://x.example/fr/");
	doc_add_alt(d, "en", "https://x.example/en/");
	add(d, BLOCK_HEADING, 1, "A \"quoted\" title with a back\\slash");
	add(d, BLOCK_PARA, 0, "Text with \xe2\x80\xae a bidi override.");
	add(d, BLOCK_PRE, 0, "tab\there\nnewline");
	add(d, BLOCK_CAPTION, 0, "Caption.");
	add(d, BLOCK_ITEM, 2, "item");
	doc_finish(d);
	d->blocks[0].headline = 1;
	d->found = DOC_FOUND_FALLBACK;
	s = render(d, EXTRACT_JSON);

	/* One line, no raw control or bidi characters. */
	assert_non_null(strchr(s, '\n'));
	assert_int_equal(strchr(s, '\n') - s, (long)strlen(s) - 1);
	for (i = 0; s[i + 1] != '\0'; i++)
		assert_true((unsigned char)s[i] >= 0x20);
	assert_null(strstr(s, "\xe2\x80\xae"));
	assert_non_null(strstr(s, "\\u202e"));
	assert_non_null(strstr(s, "\"title\":\"A \\\"quoted\\\" title with a "
	    "back\\\\slash\""));
	assert_non_null(strstr(s, "\"text\":\"tab\\there\\nnewline\""));

	o = json_loads(s, 0, &err);
	if (o == NULL)
		fail_msg("not JSON (%s): %s", err.text, s);
	assert_str(jstr(o, "source"), "test.html");
	assert_str(jstr(o, "title"), "A \"quoted\" title with a back\\slash");
	assert_null(jstr(o, "subtitle"));
	assert_null(jstr(o, "modified"));
	assert_null(jstr(o, "site"));
	assert_null(jstr(o, "canonical"));
	assert_str(jstr(o, "byline"),
	    "Елена Маркетти, Jean \"Le Grand\" Dupont");
	assert_str(jstr(o, "date"), "2024-07-12");
	assert_str(jstr(o, "lang"), "ru");
	assert_str(jstr(o, "found"), "fallback");
	a = json_object_get(o, "authors");
	assert_int_equal(json_array_size(a), 2);
	assert_str(json_string_value(json_array_get(a, 1)),
	    "Jean \"Le Grand\" Dupont");
	a = json_object_get(o, "alternates");
	assert_int_equal(json_array_size(a), 2);
	assert_str(jstr(json_array_get(a, 0), "lang"), "fr");
	assert_str(jstr(json_array_get(a, 0), "href"), "https://x.example/fr/");
	/* body is the text format's output, exactly. */
	free(s);
	s = render(d, EXTRACT_TEXT);
	assert_str(jstr(o, "body"), s);
	/* blocks: all but the headline, captions too. */
	a = json_object_get(o, "blocks");
	assert_int_equal(json_array_size(a), 4);
	assert_str(jstr(json_array_get(a, 0), "kind"), "paragraph");
	assert_str(jstr(json_array_get(a, 0), "text"),
	    "Text with \xe2\x80\xae a bidi override.");
	assert_str(jstr(json_array_get(a, 1), "kind"), "pre");
	assert_str(jstr(json_array_get(a, 2), "kind"), "caption");
	assert_str(jstr(json_array_get(a, 3), "kind"), "item");
	assert_int_equal(json_integer_value(json_object_get(
	    json_array_get(a, 3), "level")), 2);
	json_decref(o);
	free(s);
	doc_free(d);

	/* Nothing known: null, empty arrays, "article". */
	d = doc_create("test.html", "html");
	add(d, BLOCK_PARA, 0, "Only text.");
	doc_finish(d);
	s = render(d, EXTRACT_JSON);
	assert_str(s, "{\"source\":\"test.html\",\"title\":null,"
	    "\"subtitle\":null,\"authors\":[],\"byline\":null,\"date\":null,"
	    "\"modified\":null,\"site\":null,\"lang\":null,\"canonical\":null,"
	    "\"alternates\":[],\"found\":\"article\","
	    "\"body\":\"Only text.\\n\",\"blocks\":[{\"kind\":\"paragraph\","
	    "\"level\":0,\"text\":\"Only text.\"}]}\n");
	free(s);
	doc_free(d);
}

/*
 * Random paragraphs of awkward pieces with random marks: the Markdown
 * always reads back as the text (a fixed seed, so failures repeat).
 */
static void
test_md_random(void **state)
{
	static const char	*pieces[] = {
		"a", "word", " ", " ", "*", "**", "_", "`", "``", "\\", "[",
		"]", "(", ")", "!", "#", "-", "+", ">", "<", "&amp;", "&",
		"1.", "2)", "~~~", "\xc2\xab ", " \xc2\xbb", "\xe2\x80\x94",
		"\xe2\x82\xac", "\xc3\xa9t\xc3\xa9", "\xd0\xbc\xd0\xb8\xd1\x80",
		"'", "\"", ".", ",", "\xc2\xa0", "|", "=", ":", "http://x.y",
		"]:", "***", "__", "<!--", "x_", "*a", "b*", "1", "9.", "* ",
		"\xe2\x80\xae", "a\tb",
	};
	static const char	 marks[] = { '\001', '\002', '\003', '\004' };
	struct strbuf		 m = STRBUF_INIT;
	struct doc		*d;
	unsigned long		 seed = 12345;
	size_t			 i, j, n, open;
	int			 kind;

	(void)state;
#define RND(n)	((((seed = seed * 1103515245 + 12345) >> 16) & 0x7fff) % (n))
	for (i = 0; i < 3000; i++) {
		d = doc_create("test.html", "html");
		for (j = 0; j < 8; j++) {
			strbuf_reset(&m);
			open = 0;
			for (n = 1 + RND(12); n > 0; n--) {
				if (RND(4) == 0 && open < 3) {
					kind = marks[RND(4)];
					strbuf_addch(&m, kind);
					if (kind == '\004')
						strbuf_addstr(&m,
						    "http://x.example/(p)\005");
					open++;
				} else if (open > 0 && RND(3) == 0) {
					strbuf_addch(&m, '\006');
					open--;
				}
				strbuf_addstr(&m, pieces[RND(nitems(pieces))]);
			}
			while (open-- > 0)
				strbuf_addch(&m, '\006');
			kind = (int)RND(5);
			add(d, kind == 0 ? BLOCK_HEADING : kind == 1 ?
			    BLOCK_QUOTE : kind == 2 ? BLOCK_ITEM : kind == 3 ?
			    BLOCK_CAPTION : BLOCK_PARA, 1 + (int)RND(2), m.buf);
		}
		doc_finish(d);
		check_md(d, NULL);
		doc_free(d);
	}
#undef RND
	strbuf_release(&m);
}

/* The test pages, loaded for real, read back from their Markdown. */
static void
test_md_pages(void **state)
{
	static const char	*pages[] = {
		"extract/wire.en.html", "extract/wire.fr.html",
		"extract/wire.ru.html", "html/news.en.html",
		"html/news.fr.html", "html/news.ru.html",
		"html/headings.en.html", "html/headings.fr.html",
		"html/headings.ru.html", "html/divsoup.en.html",
		"html/entities.fr.html", "html/messy.en.html",
		"md/commentary.ru.md", "reader/links.en.html",
	};
	struct load_opts	 opts;
	struct doc		*d;
	char			*path, *cause = NULL;
	size_t			 i;

	(void)state;
	memset(&opts, 0, sizeof opts);
	for (i = 0; i < nitems(pages); i++) {
		path = xstrprintf("%s/%s", TESTDATA, pages[i]);
		d = load_file(path, &opts, &cause);
		if (d == NULL)
			fail_msg("%s: %s", path, cause);
		check_md(d, NULL);
		doc_free(d);
		free(path);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_text),
		cmocka_unit_test(test_md_header),
		cmocka_unit_test(test_md_escape),
		cmocka_unit_test(test_md_inline),
		cmocka_unit_test(test_md_blocks),
		cmocka_unit_test(test_md_pre),
		cmocka_unit_test(test_md_random),
		cmocka_unit_test(test_json),
		cmocka_unit_test(test_md_pages),
	};
	int	rc;

	rc = cmocka_run_group_tests_name("extract", tests, NULL, NULL);
	text_cleanup();		/* the loader's break iterators */
	return (rc);
}
