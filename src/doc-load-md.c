/*
 * The Markdown loader, with libcmark (CommonMark).
 *
 * An optional YAML front matter block ("---" lines around "key: value"
 * lines) at the very top gives the title, author, date and language. The
 * rest is parsed by cmark_parse_document() without the "smart" option, so
 * the author's quotation marks stay as typed, and the tree is walked with
 * cmark's iterator (no recursion, however deep the nesting):
 *
 *	heading		heading of the same level
 *	paragraph	paragraph, or the kind of its quotation or list item
 *	block_quote	quote, level = quotation depth
 *	item		item, level = list depth; an ordered list's items
 *			are numbered from its start (up to MD_MAXLEVEL
 *			lists deep; deeper ones have bullets)
 *	code_block	preformatted
 *	html_block	dropped: HTML inside Markdown is never interpreted
 *	thematic_break	nothing
 *
 * Inlines: emph, strong and code become spans, a link a link span with
 * its URL, an image its alternative text, a soft break a space, a hard
 * break doc_line_break(); inline HTML is dropped.
 *
 * cmark keeps a node of some 200 bytes for every delimiter, bracket and
 * nesting level, so a hostile file of 32 MiB of "[" or "> > > ..." would
 * take gigabytes. A file with more than MD_MAXMARKS markup characters is
 * read as plain text instead: no real article comes near it. A paragraph
 * with more than MD_MAXBRACKETS '[' is refused (md_brackets()).
 */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include <cmark.h>

#include "load.h"

/* Deeper quotations and lists than this keep this level. */
#define MD_MAXLEVEL	16

/* More markup characters than this and the file is read as text. */
#define MD_MAXMARKS	(1000 * 1000)
/*
 * The most '[' in one paragraph: libcmark 0.30.2 looks back over all of a
 * paragraph's open brackets at each link or image it closes ("![[]()"
 * repeated: time quadratic in them). Past it the file is refused.
 */
#define MD_MAXBRACKETS	1000

struct md_state {
	struct doc	*d;
	int		 quotes;		/* quotation depth */
	int		 lists;			/* list depth */
	int		 title_block;		/* the first h1 is the title */
	/* Ordered lists open: the next item's number (0: a bullet list). */
	long		 next[MD_MAXLEVEL];
	int		 ordered[MD_MAXLEVEL];
};

/* The front matter keys read, and what each sets. */
static const struct {
	const char	*key;
	void		(*set)(struct doc *, const char *);
} md_keys[] = {
	{ "title",	doc_set_title },
	{ "author",	doc_set_byline },
	{ "byline",	doc_set_byline },
	{ "date",	doc_set_date },
	{ "lang",	doc_set_lang },
	{ "language",	doc_set_lang },
	{ "locale",	doc_set_lang }
};

/* Strip matching quotes and white space around a front matter value. */
static char *
md_value(const char *v, size_t len)
{
	while (len > 0 && (*v == ' ' || *v == '\t')) {
		v++;
		len--;
	}
	while (len > 0 && (v[len - 1] == ' ' || v[len - 1] == '\t' ||
	    v[len - 1] == '\r'))
		len--;
	if (len >= 2 && (v[0] == '"' || v[0] == '\'') && v[len - 1] == v[0]) {
		v++;
		len -= 2;
	}
	return (xstrndup(v, len));
}

/* The end of the line at p: its '\n', or end. */
static const char *
md_eol(const char *p, const char *end)
{
	const char	*eol;

	if ((eol = memchr(p, '\n', (size_t)(end - p))) == NULL)
		return (end);
	return (eol);
}

/* Does a front matter line starting with c hold no "key: value" pair? */
static int
md_fm_skip(char c)
{
	return (c == ' ' || c == '\t' || c == '#' || c == '-');
}

/* Is the line [p, eol) "---" or "..." alone, which closes front matter? */
static int
md_fm_is_fence(const char *p, const char *eol)
{
	if (eol - p != 3 && (eol - p != 4 || p[3] != '\r'))
		return (0);
	return (strncmp(p, "---", 3) == 0 || strncmp(p, "...", 3) == 0);
}

/*
 * The start of the line that closes the front matter opened at data, or
 * NULL if there is none.
 */
static const char *
md_fm_close(const char *data, const char *end)
{
	const char	*p, *eol;

	for (p = data + 3; p < end; p = eol + 1) {
		eol = md_eol(p, end);
		if (p != data + 3 && md_fm_is_fence(p, eol))
			return (p);
		if (eol == end)
			break;
	}
	return (NULL);
}

/*
 * Does the line [p, eol) start with a key ("title", "og_site-name") and a
 * colon, then white space or the end of the line?
 */
static int
md_fm_is_pair(const char *p, const char *eol)
{
	const char	*colon;

	for (colon = p; colon < eol &&
	    (isalnum((unsigned char)*colon) || *colon == '_' ||
	    *colon == '-'); colon++)
		;
	if (colon == p || colon == eol || *colon != ':')
		return (0);
	return (colon + 1 == eol || colon[1] == ' ' || colon[1] == '\t' ||
	    colon[1] == '\r');
}

/*
 * Is every line of [p, end) YAML: "key: value", blank, indented, a comment
 * or a list entry? Else the block is a thematic break, and text.
 */
static int
md_fm_is_yaml(const char *p, const char *end)
{
	const char	*eol;

	for (; p < end; p = eol + 1) {
		eol = md_eol(p, end);
		if (p == eol || *p == '\r' || md_fm_skip(*p))
			continue;
		if (!md_fm_is_pair(p, eol))
			return (0);
	}
	return (1);
}

/* Read the front matter line [p, eol) into the document if it is ours. */
static void
md_fm_line(struct doc *d, const char *p, const char *eol)
{
	const char	*colon;
	char		 key[32], *val;
	size_t		 klen, i;

	colon = memchr(p, ':', (size_t)(eol - p));
	if (colon == NULL || (klen = (size_t)(colon - p)) == 0 ||
	    klen >= sizeof key)
		return;
	for (i = 0; i < klen; i++)
		key[i] = (char)(p[i] >= 'A' && p[i] <= 'Z' ?
		    p[i] - 'A' + 'a' : p[i]);
	key[klen] = '\0';
	val = md_value(colon + 1, (size_t)(eol - colon - 1));
	/* Block scalars and lists are not ours. */
	if (*val != '\0' && strchr("|>[{", *val) == NULL) {
		for (i = 0; i < nitems(md_keys); i++) {
			if (strcmp(key, md_keys[i].key) == 0) {
				md_keys[i].set(d, val);
				break;
			}
		}
	}
	free(val);
}

/*
 * Read YAML front matter at the top of data into the document: simple
 * "key: value" lines only. Returns the bytes it spans (0 if there is none).
 */
static size_t
md_front_matter(struct doc *d, const char *data, size_t len)
{
	const char	*p, *end = data + len, *fence, *eol;

	if (len < 4 || strncmp(data, "---", 3) != 0 ||
	    (data[3] != '\n' && data[3] != '\r'))
		return (0);
	/* Find the closing line first: without one it is no front matter. */
	if ((fence = md_fm_close(data, end)) == NULL)
		return (0);
	if (!md_fm_is_yaml(data + 4, fence))
		return (0);
	for (p = data + 4; p < fence; p = eol + 1) {
		eol = md_eol(p, fence);
		if (!md_fm_skip(*p))
			md_fm_line(d, p, eol);
	}
	/* Skip the closing line. */
	eol = memchr(fence, '\n', (size_t)(end - fence));
	return (eol == NULL ? len : (size_t)(eol + 1 - data));
}

/* Add inline text (cmark's literals are NUL-terminated). */
static void
md_text(struct md_state *st, const char *s)
{
	if (s != NULL)
		doc_text(st->d, s, strlen(s));
}

/* Clamp a nesting depth to a block level. */
static int
md_level(int depth)
{
	return (depth < 1 ? 1 : depth > MD_MAXLEVEL ? MD_MAXLEVEL : depth);
}

/* Handle entering node. */
static void
md_enter(struct md_state *st, cmark_node *node)
{
	struct doc	*d = st->d;
	const char	*url;

	switch (cmark_node_get_type(node)) {
	case CMARK_NODE_HEADING:
		doc_block_begin(d, BLOCK_HEADING,
		    cmark_node_get_heading_level(node));
		break;
	case CMARK_NODE_PARAGRAPH:
		doc_block_begin(d, BLOCK_PARA, 0);
		break;
	case CMARK_NODE_BLOCK_QUOTE:
		st->quotes++;
		doc_block_begin(d, BLOCK_QUOTE, md_level(st->quotes));
		break;
	case CMARK_NODE_LIST:
		st->lists++;
		if (st->lists <= MD_MAXLEVEL) {
			st->ordered[st->lists - 1] =
			    cmark_node_get_list_type(node) ==
			    CMARK_ORDERED_LIST;
			st->next[st->lists - 1] =
			    cmark_node_get_list_start(node);
		}
		break;
	case CMARK_NODE_ITEM:
		doc_block_begin(d, BLOCK_ITEM, md_level(st->lists));
		if (st->lists >= 1 && st->lists <= MD_MAXLEVEL &&
		    st->ordered[st->lists - 1])
			doc_item_number(d, st->next[st->lists - 1]++);
		break;
	case CMARK_NODE_CODE_BLOCK:
		doc_block_begin(d, BLOCK_PRE, 0);
		url = cmark_node_get_literal(node);
		if (url != NULL)
			doc_text(d, url, strlen(url));
		doc_block_end(d);
		break;
	case CMARK_NODE_TEXT:
		md_text(st, cmark_node_get_literal(node));
		break;
	case CMARK_NODE_SOFTBREAK:
		md_text(st, " ");
		break;
	case CMARK_NODE_LINEBREAK:
		doc_line_break(d);
		break;
	case CMARK_NODE_CODE:
		doc_span_begin(d, SPAN_CODE, NULL);
		md_text(st, cmark_node_get_literal(node));
		doc_span_end(d, SPAN_CODE);
		break;
	case CMARK_NODE_EMPH:
		doc_span_begin(d, SPAN_EMPH, NULL);
		break;
	case CMARK_NODE_STRONG:
		doc_span_begin(d, SPAN_STRONG, NULL);
		break;
	case CMARK_NODE_LINK:
		url = cmark_node_get_url(node);
		doc_span_begin(d, SPAN_LINK, url != NULL && *url != '\0' ?
		    url : NULL);
		break;
	default:
		/* Images: their children are the alternative text. */
		break;
	}
}

/* Handle leaving node. */
static void
md_exit(struct md_state *st, cmark_node *node)
{
	struct doc	*d = st->d;
	size_t		 before;

	switch (cmark_node_get_type(node)) {
	case CMARK_NODE_HEADING:
		before = d->nblocks;
		doc_block_end(d);
		/* No title in the front matter: the first h1. */
		if (d->title == NULL && !st->title_block &&
		    d->nblocks > before &&
		    cmark_node_get_heading_level(node) == 1) {
			st->title_block = 1;
			doc_set_title(d, d->blocks[d->nblocks - 1].text);
		}
		break;
	case CMARK_NODE_PARAGRAPH:
		doc_block_end(d);
		break;
	case CMARK_NODE_BLOCK_QUOTE:
		st->quotes--;
		doc_block_end(d);
		break;
	case CMARK_NODE_LIST:
		st->lists--;
		break;
	case CMARK_NODE_ITEM:
		doc_block_end(d);
		break;
	case CMARK_NODE_EMPH:
		doc_span_end(d, SPAN_EMPH);
		break;
	case CMARK_NODE_STRONG:
		doc_span_end(d, SPAN_STRONG);
		break;
	case CMARK_NODE_LINK:
		doc_span_end(d, SPAN_LINK);
		break;
	default:
		break;
	}
}

/*
 * Count the characters that make cmark nodes: delimiters, brackets and
 * nesting markers. Stops counting past MD_MAXMARKS.
 */
static size_t
md_marks(const char *data, size_t len)
{
	size_t	i, n = 0;

	for (i = 0; i < len && n <= MD_MAXMARKS; i++) {
		switch (data[i]) {
		case '[': case ']': case '*': case '_': case '`': case '<':
		case '>': case '!': case '&': case '\\':
			n++;
			break;
		case '-': case '+':
			if (i + 1 < len && (data[i + 1] == ' ' ||
			    data[i + 1] == '\t'))
				n++;
			break;
		}
	}
	return (n);
}

/*
 * Does the line at p start a block that ends any paragraph before it? A
 * blank line (also in quotations: only '>' and blanks), or a bullet item
 * with text ("- x", "* x", "+ x"), which always interrupts a paragraph,
 * after at most three spaces and any '>' markers. Other lines may
 * continue a paragraph, so counting from here on never counts fewer
 * brackets in one than libcmark sees.
 */
static int
md_splits(const char *p, const char *end)
{
	const char	*q = p;

	while (q < end && q - p < 3 && *q == ' ')
		q++;
	while (q < end && (*q == '>' || *q == ' ' || *q == '\t'))
		q++;
	if (q >= end || *q == '\n' || *q == '\r')
		return (1);
	if ((*q == '-' || *q == '*' || *q == '+') && q + 2 < end &&
	    (q[1] == ' ' || q[1] == '\t')) {
		for (q += 2; q < end && (*q == ' ' || *q == '\t'); q++)
			;
		return (q < end && *q != '\n' && *q != '\r');
	}
	return (0);
}

/*
 * The most '[' in one paragraph, counted on stretches of lines that no
 * line ending a paragraph splits (md_splits()): an upper bound.
 */
static size_t
md_brackets(const char *data, size_t len)
{
	const char	*p = data, *end = data + len, *eol;
	size_t		 n = 0, most = 0;

	while (p < end) {
		if ((eol = memchr(p, '\n', (size_t)(end - p))) == NULL)
			eol = end;
		if (md_splits(p, eol))
			n = 0;
		for (; p < eol; p++)
			n += *p == '[';
		most = PR_MAX(most, n);
		p = eol + 1;
	}
	return (most);
}

int
load_markdown(struct doc *d, const char *data, size_t len, char **cause)
{
	struct md_state		 st;
	cmark_node		*root, *node;
	cmark_iter		*iter;
	cmark_event_type	 ev;
	size_t			 skip, i;

	if (md_marks(data, len) > MD_MAXMARKS)
		return (load_text(d, data, len, NULL, cause));
	if (md_brackets(data, len) > MD_MAXBRACKETS) {
		*cause = xstrprintf("'%s' has a Markdown paragraph with more "
		    "than %d '[' (the limit); --input-format text reads it "
		    "as plain text", d->source, MD_MAXBRACKETS);
		return (-1);
	}
	memset(&st, 0, sizeof st);
	st.d = d;
	skip = md_front_matter(d, data, len);
	root = cmark_parse_document(data + skip, len - skip,
	    CMARK_OPT_DEFAULT | CMARK_OPT_VALIDATE_UTF8);
	if (root == NULL) {
		*cause = xstrdup("cannot parse the Markdown");
		return (-1);
	}
	iter = cmark_iter_new(root);
	while ((ev = cmark_iter_next(iter)) != CMARK_EVENT_DONE) {
		node = cmark_iter_get_node(iter);
		/* Raw HTML, block or inline, is never shown or read. */
		if (cmark_node_get_type(node) == CMARK_NODE_HTML_BLOCK ||
		    cmark_node_get_type(node) == CMARK_NODE_HTML_INLINE)
			continue;
		if (ev == CMARK_EVENT_ENTER)
			md_enter(&st, node);
		else if (ev == CMARK_EVENT_EXIT)
			md_exit(&st, node);
	}
	cmark_iter_free(iter);
	cmark_node_free(root);
	for (i = 0; i < d->nblocks; i++)
		d->blocks[i].cont = 0;
	return (0);
}
