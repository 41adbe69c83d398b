/*
 * polyread extract: the article a page holds, as the extractor finds it,
 * for scripts and for comparing with other extractors. One input after
 * another; each is opened alone (no alternates), from a file or a URL.
 *
 *   text      the body alone: no title, byline, date or captions; blocks
 *             separated by a blank line, list items as "- ", headings as
 *             their text
 *   markdown  CommonMark: "# title", a line in italics with the byline,
 *             date and site (those the page states), then the body:
 *             headings as "##".."######", lists ("- ", "3. ") nested by
 *             indentation, quotations as "> " nested by level, captions
 *             as lines in italics, preformatted text fenced, and the
 *             emphasis, strong, code and links of the text
 *   json      one object per input on one line (JSON Lines): the metadata
 *             (null when absent; authors and alternates are arrays, empty
 *             when absent), found, body (the text format's output) and
 *             blocks (kind, level and text of every block but the headline,
 *             captions included)
 *
 * Several inputs in text or Markdown are each preceded by "==> NAME <==",
 * as head(1) does. An input that cannot be read gives one line on stderr
 * and the exit status 1; the others are still extracted.
 *
 * The Markdown is written so that a CommonMark parser gives back the same
 * text: every character that would start a construct is escaped where it
 * would (a "-" or "1." at the start of a line, "*", "_", "`", "[", "<",
 * an "&" that reads as an entity), and a mark the syntax cannot express
 * where it falls (emphasis that starts or ends inside a word next to
 * punctuation, a link inside a link, marks that overlap) is left out
 * rather than written as stray asterisks. tests/unit/u-extract.c parses
 * the output back with libcmark to hold it to that.
 *
 * Why not libcmark's own writer (a node tree and cmark_render_commonmark())?
 * In libcmark 0.30.2 it does not give the text back: "~~~" opening a
 * paragraph is not escaped (it reads back as a code fence and the text is
 * lost), and "*" and "_" are written without the flanking rules, so
 * emphasis inside a word or next to punctuation, or two emphases side by
 * side, read back as literal asterisks (3000 random paragraphs: 2898
 * failed). libcmark stays the judge, in the tests.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "cmd.h"
#include "extract.h"
#include "safe.h"

static const char extract_usage[] =
    "usage: polyread extract [--format=text|markdown|json] [--lang L] "
    "FILE|URL...\n"
    "Print the article each page holds, without the page's furniture.\n"
    "  text      the body alone, blocks separated by a blank line\n"
    "  markdown  title, byline, date and site, then the body (CommonMark)\n"
    "  json      the metadata and the body, one JSON object per line\n";

/* The deepest list nesting written as such; deeper items stay at it. */
#define MD_MAX_DEPTH	32

/* How a run of text is placed (md_text(), md_inline()). */
#define MD_LINE_START	0x1	/* it starts a line: block syntax applies */
#define MD_HEADING	0x2	/* in a heading: '#' is escaped */
#define MD_EMPH		0x4	/* inside emphasis the caller writes */
#define MD_BEFORE_PUNCT	0x8	/* the caller writes punctuation after it */

/*
 * A character's class for the emphasis rules of CommonMark (6.2). Symbols
 * outside ASCII are punctuation for CommonMark 0.31 but not for 0.30;
 * MD_MAYBE lets the checks count them the unfavourable way.
 */
enum md_class {
	MD_SPACE,		/* white space, or the start or end of a line */
	MD_PUNCT,
	MD_MAYBE,
	MD_OTHER
};

/* A mark written open, waiting for its end. */
struct md_open {
	enum span_kind	 kind;
	size_t		 start;
	size_t		 end;
	const char	*target;
};

/* Is block b part of the body (not the title, not a caption)? */
static int
extract_is_body(const struct doc_block *b)
{
	return (!b->headline && b->kind != BLOCK_CAPTION);
}

int
extract_format_parse(const char *s, enum extract_format *fmt)
{
	if (strcmp(s, "text") == 0)
		*fmt = EXTRACT_TEXT;
	else if (strcmp(s, "markdown") == 0)
		*fmt = EXTRACT_MARKDOWN;
	else if (strcmp(s, "json") == 0)
		*fmt = EXTRACT_JSON;
	else
		return (-1);
	return (0);
}

/*
 * Append the text of a block escaped for the terminal; preformatted text
 * keeps its tabs and newlines.
 */
static void
extract_escape(struct strbuf *sb, const char *s, size_t len, int pre)
{
	const char	*nl;

	while (pre && (nl = memchr(s, '\n', len)) != NULL) {
		safe_escape(sb, s, (size_t)(nl - s), 1);
		strbuf_addch(sb, '\n');
		len -= (size_t)(nl - s) + 1;
		s = nl + 1;
	}
	safe_escape(sb, s, len, pre);
}

/* The body as text. */
static void
extract_text(struct strbuf *sb, const struct doc *d)
{
	const struct doc_block	*b;
	size_t			 i;
	int			 first = 1;

	for (i = 0; i < d->nblocks; i++) {
		b = &d->blocks[i];
		if (!extract_is_body(b))
			continue;
		if (!first)
			strbuf_addch(sb, '\n');
		first = 0;
		if (b->kind == BLOCK_ITEM)
			strbuf_addstr(sb, "- ");
		extract_escape(sb, b->text, b->len, b->kind == BLOCK_PRE);
		strbuf_addch(sb, '\n');
	}
}

/* The class of code point c (-1: the start or end of a line). */
static enum md_class
md_class(int32_t c)
{
	if (c < 0 || c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
	    c == '\f')
		return (MD_SPACE);
	/* Written as a visible escape: "\<U+202E>", "^[". */
	if (char_is_unsafe(c))
		return (MD_PUNCT);
	if (c < 0x80) {
		if ((c >= '!' && c <= '/') || (c >= ':' && c <= '@') ||
		    (c >= '[' && c <= '`') || (c >= '{' && c <= '~'))
			return (MD_PUNCT);
		return (MD_OTHER);
	}
	switch (u_charType(c)) {
	case U_SPACE_SEPARATOR:
		return (MD_SPACE);
	case U_CONNECTOR_PUNCTUATION:
	case U_DASH_PUNCTUATION:
	case U_START_PUNCTUATION:
	case U_END_PUNCTUATION:
	case U_INITIAL_PUNCTUATION:
	case U_FINAL_PUNCTUATION:
	case U_OTHER_PUNCTUATION:
		return (MD_PUNCT);
	case U_MATH_SYMBOL:
	case U_CURRENCY_SYMBOL:
	case U_MODIFIER_SYMBOL:
	case U_OTHER_SYMBOL:
		return (MD_MAYBE);
	default:
		return (MD_OTHER);
	}
}

/* The code point at byte i of s (len bytes), or -1 at the end. */
static int32_t
md_cp_at(const char *s, size_t len, size_t i)
{
	int32_t	 j = (int32_t)i, n = (int32_t)len;
	UChar32	 c;

	if (i >= len)
		return (-1);
	U8_NEXT(s, j, n, c);
	return (c < 0 ? 0xfffd : c);
}

/* The code point before byte i of s, or -1 at the start. */
static int32_t
md_cp_before(const char *s, size_t i)
{
	int32_t	 j = (int32_t)i;
	UChar32	 c;

	if (i == 0)
		return (-1);
	U8_PREV(s, 0, j, c);
	return (c < 0 ? 0xfffd : c);
}

/*
 * Could a '*' run between characters of classes prev and next open
 * emphasis (is it left-flanking)? Unsure classes count against.
 */
static int
md_can_open(enum md_class prev, enum md_class next)
{
	if (next == MD_SPACE)
		return (0);
	if (next == MD_OTHER)
		return (1);
	return (prev == MD_SPACE || prev == MD_PUNCT);
}

/* Could it close emphasis (is it right-flanking)? */
static int
md_can_close(enum md_class prev, enum md_class next)
{
	if (prev == MD_SPACE)
		return (0);
	if (prev == MD_OTHER)
		return (1);
	return (next == MD_SPACE || next == MD_PUNCT);
}

/* Might it close emphasis (unsure classes count for)? */
static int
md_may_close(enum md_class prev, enum md_class next)
{
	return (prev != MD_SPACE && (prev != MD_PUNCT || next != MD_OTHER));
}

/* Might it open emphasis? */
static int
md_may_open(enum md_class prev, enum md_class next)
{
	return (next != MD_SPACE && (next != MD_PUNCT || prev != MD_OTHER));
}

/* Does s at i hold something CommonMark reads as an entity ("&amp;")? */
static int
md_entity_at(const char *s, size_t len, size_t i)
{
	size_t	j = i + 1, n = 0;

	if (j < len && s[j] == '#') {
		j++;
		if (j < len && (s[j] == 'x' || s[j] == 'X'))
			j++;
	}
	while (j < len && n <= 32 && ((s[j] >= '0' && s[j] <= '9') ||
	    (s[j] >= 'a' && s[j] <= 'z') || (s[j] >= 'A' && s[j] <= 'Z'))) {
		j++;
		n++;
	}
	return (n != 0 && j < len && s[j] == ';');
}

/* Append ASCII text with every punctuation character backslashed. */
static void
md_escape_all(struct strbuf *sb, const char *s, size_t len)
{
	size_t	i;

	for (i = 0; i < len; i++) {
		if (md_class((unsigned char)s[i]) == MD_PUNCT)
			strbuf_addch(sb, '\\');
		strbuf_addch(sb, s[i]);
	}
}

/*
 * Where a line that starts with s (len bytes) has the '.' or ')' of an
 * ordered list marker ("1. ", "2024) "), which must be escaped; or
 * DOC_NOPOS.
 */
static size_t
md_marker_end(const char *s, size_t len)
{
	size_t	r = strspn(s, "0123456789");

	if (r > 0 && r <= 9 && r < len && (s[r] == '.' || s[r] == ')') &&
	    (r + 1 == len || s[r + 1] == ' '))
		return (r);
	return (DOC_NOPOS);
}

/*
 * Append the character c, at s[prev, i), if it is not plain ASCII: a bad
 * sequence as U+FFFD, an unsafe character as its visible escape with the
 * punctuation backslashed ("\<U+202E>"), others as they are. Returns 0
 * for plain ASCII, which it leaves to the caller.
 */
static int
md_text_special(struct strbuf *sb, const char *s, size_t prev, size_t i,
    int32_t c)
{
	struct strbuf	 tmp = STRBUF_INIT;

	if (c < 0)
		strbuf_add(sb, "\xef\xbf\xbd", 3);
	else if (char_is_unsafe(c)) {
		safe_escape(&tmp, s + prev, i - prev, 0);
		md_escape_all(sb, tmp.buf, tmp.len);
		strbuf_release(&tmp);
	} else if (c >= 0x80)
		strbuf_add(sb, s + prev, i - prev);
	else
		return (0);
	return (1);
}

/*
 * Would ASCII character c, at s[prev, i) at the start of a line, begin a
 * block: a heading (one to six '#' and a space), a quotation, a list item,
 * a thematic break or a code fence?
 */
static int
md_block_start(const char *s, size_t len, size_t prev, size_t i, int32_t c)
{
	size_t	r;

	switch (c) {
	case '#':
		for (r = prev; r < len && s[r] == '#';)
			r++;
		return (r - prev <= 6 && (r == len || s[r] == ' '));
	case '>':
		return (1);
	case '-':
		return (i == len || s[i] == ' ' || s[i] == '-');
	case '+':
		return (i == len || s[i] == ' ');
	case '~':
		return (i < len && s[i] == '~');
	}
	return (0);
}

/*
 * Must ASCII character c at byte prev of s be backslashed wherever it
 * stands: could it open or close emphasis, code, a link or raw HTML, or
 * begin an entity?
 */
static int
md_is_special(const char *s, size_t len, size_t prev, int32_t c)
{
	switch (c) {
	case '\\':
	case '`':
	case '*':
	case '_':
	case '[':
	case ']':
	case '<':
		return (1);
	case '&':
		return (md_entity_at(s, len, prev));
	}
	return (0);
}

/*
 * Append s[from, to) (of a string of len bytes) as Markdown text that reads
 * back as itself; flags say where it stands (MD_*), dot is the byte of an
 * ordered list marker to escape (md_marker_end()) or DOC_NOPOS.
 */
static void
md_text(struct strbuf *sb, const char *s, size_t from, size_t to, size_t len,
    int flags, size_t dot)
{
	size_t		 i = from, prev;
	int32_t		 c, j, n = (int32_t)len;
	int		 start;

	while (i < to) {
		prev = i;
		start = (flags & MD_LINE_START) && i == from;
		j = (int32_t)i;
		U8_NEXT(s, j, n, c);
		i = (size_t)j;
		if (md_text_special(sb, s, prev, i, c))
			continue;
		/* Leading or trailing white space would be dropped. */
		if (c == ' ' && (start || (i == len &&
		    (flags & MD_BEFORE_PUNCT) == 0))) {
			strbuf_addstr(sb, "&#32;");
			continue;
		}
		/* A '!' before a link's '[' would make it an image. */
		if ((start && md_block_start(s, len, prev, i, c)) ||
		    md_is_special(s, len, prev, c) || prev == dot ||
		    (c == '#' && (flags & MD_HEADING)) ||
		    (c == '!' && i == to && to < len))
			strbuf_addch(sb, '\\');
		strbuf_addch(sb, (char)c);
	}
}

/*
 * Append a code span: as many backticks as the longest run inside plus
 * one, and a space inside each end when the text starts or ends with a
 * backtick or with spaces at both ends (CommonMark strips one).
 */
static void
md_code(struct strbuf *sb, const char *s, size_t len)
{
	size_t	i, run = 0, longest = 0, all_space = 1;
	int	pad;

	for (i = 0; i < len; i++) {
		run = s[i] == '`' ? run + 1 : 0;
		if (run > longest)
			longest = run;
		if (s[i] != ' ')
			all_space = 0;
	}
	pad = s[0] == '`' || s[len - 1] == '`' ||
	    (s[0] == ' ' && s[len - 1] == ' ' && !all_space);
	for (i = 0; i <= longest; i++)
		strbuf_addch(sb, '`');
	if (pad)
		strbuf_addch(sb, ' ');
	safe_escape(sb, s, len, 0);
	if (pad)
		strbuf_addch(sb, ' ');
	for (i = 0; i <= longest; i++)
		strbuf_addch(sb, '`');
}

/*
 * Append a link destination: white space, controls and bidi marks
 * percent-encoded, the characters that would end it backslashed.
 */
static void
md_dest(struct strbuf *sb, const char *s)
{
	size_t	len = strlen(s), i = 0, prev, k;
	int32_t	c, j, n = (int32_t)len;

	while (i < len) {
		prev = i;
		j = (int32_t)i;
		U8_NEXT(s, j, n, c);
		i = (size_t)j;
		if (c < 0 || c == ' ' || char_is_unsafe(c) ||
		    md_class(c) == MD_SPACE) {
			for (k = prev; k < i; k++)
				strbuf_addf(sb, "%%%02X", (unsigned char)s[k]);
			continue;
		}
		if (c == '\\' || c == '(' || c == ')' || c == '<' ||
		    c == '>' || (c == '&' && md_entity_at(s, len, prev)))
			strbuf_addch(sb, '\\');
		strbuf_add(sb, s + prev, i - prev);
	}
}

/* The class of the character written last to sb. */
static enum md_class
md_class_last(const struct strbuf *sb)
{
	if (sb->len == 0)
		return (MD_SPACE);
	return (md_class(md_cp_before(sb->buf, sb->len)));
}

/* Order spans by start, then as they were (seq in target's place). */
static int
md_span_cmp(const void *a, const void *b)
{
	const struct doc_span	*x = a, *y = b;

	if (x->start != y->start)
		return (x->start < y->start ? -1 : 1);
	return (x->end > y->end ? -1 : x->end < y->end);
}

/* Writing the text of one block with its marks (md_inline()). */
struct md_inline_ctx {
	const struct doc_block	*b;
	struct doc_span		*sp;	/* the marks, by start */
	size_t			 n;
	size_t			 k;	/* the next mark to open */
	struct md_open		*st;	/* the open ones, innermost last */
	size_t			 nst;
	size_t			 pos;	/* the next byte of the text */
	size_t			 last_close; /* sb->len after a closing run */
	size_t			 dot;	/* md_marker_end() or DOC_NOPOS */
	int			 at_start; /* MD_LINE_START until written */
	int			 label;	/* in "[" that starts the line */
	int			 flags;	/* MD_* but MD_LINE_START */
};

/*
 * Do marks nested in sp[k] (over [pos, end)) start where it starts or end
 * where it ends, so that their delimiter runs join its own?
 */
static void
md_nested_runs(const struct md_inline_ctx *c, size_t k, size_t end,
    int *at_start, int *at_end)
{
	size_t	j;

	*at_start = *at_end = 0;
	for (j = k + 1; j < c->n && c->sp[j].start < end; j++) {
		if (c->sp[j].start == c->pos)
			*at_start = 1;
		if (c->sp[j].end >= end)
			*at_end = 1;
	}
}

/* The class of what follows the closing run of a mark that ends at end. */
static enum md_class
md_after_end(const struct md_inline_ctx *c, size_t end)
{
	/* The closing run of the mark around it. */
	if (c->nst > 0 && c->st[c->nst - 1].end == end)
		return (MD_PUNCT);
	if (end == c->b->len)
		return ((c->flags & MD_BEFORE_PUNCT) ? MD_PUNCT : MD_SPACE);
	return (md_class(md_cp_at(c->b->text, c->b->len, end)));
}

/* Is the text here inside emphasis or strong, ours or the caller's? */
static int
md_in_emph(const struct md_inline_ctx *c)
{
	size_t	j;

	if (c->flags & MD_EMPH)
		return (1);
	for (j = 0; j < c->nst; j++) {
		if (c->st[j].kind == SPAN_EMPH || c->st[j].kind == SPAN_STRONG)
			return (1);
	}
	return (0);
}

/*
 * Does a mark opening here share its delimiter run with the mark around
 * it: the innermost open one (not a link: '[' is no delimiter) starts here
 * too, or none is open and the caller's emphasis starts with the text?
 */
static int
md_shares_open(const struct md_inline_ctx *c)
{
	if (c->nst == 0)
		return (c->pos == 0 && (c->flags & MD_EMPH));
	return (c->st[c->nst - 1].start == c->pos &&
	    c->st[c->nst - 1].kind != SPAN_LINK);
}

/* Does a mark that ends at end share its closing run so? */
static int
md_shares_close(const struct md_inline_ctx *c, size_t end)
{
	if (c->nst == 0)
		return (end == c->b->len && (c->flags & MD_EMPH));
	return (c->st[c->nst - 1].end == end &&
	    c->st[c->nst - 1].kind != SPAN_LINK);
}

/*
 * Should emphasis or strong sp[k], over [pos, end) of the block, be
 * written? Only when its delimiters would open and close where they stand.
 */
static int
md_show_emph(const struct strbuf *sb, const struct md_inline_ctx *c,
    size_t k, size_t end)
{
	const struct doc_block	*b = c->b;
	enum md_class		 prev, next, before_end, after_end;
	int			 inner_start, inner_end;

	/* A closing run just written would join the opening one. */
	if (sb->len == c->last_close)
		return (0);
	md_nested_runs(c, k, end, &inner_start, &inner_end);
	prev = md_class_last(sb);
	next = md_class(md_cp_at(b->text, b->len, c->pos));
	if (inner_start && next == MD_OTHER)
		next = MD_MAYBE;
	before_end = md_class(md_cp_before(b->text, end));
	if (inner_end && before_end == MD_OTHER)
		before_end = MD_MAYBE;
	after_end = md_after_end(c, end);
	if (!md_can_open(prev, next) || !md_can_close(before_end, after_end))
		return (0);
	/*
	 * Inside emphasis, an opening run must not be able to close it
	 * ("*a*b*c*" is not em(a em(b) c)).
	 */
	if (md_in_emph(c) && md_may_close(prev, next))
		return (0);
	/*
	 * A run that could both open and close obeys the rule of 3 (6.2,
	 * rule 9): it matches no run whose length makes a multiple of 3 with
	 * its own. Runs of one mark (1 or 2 asterisks) always match; where
	 * marks share a run, both ends must be one-sided.
	 */
	if (md_shares_open(c))
		inner_start = 1;
	if (md_shares_close(c, end))
		inner_end = 1;
	if ((inner_start || inner_end) && (md_may_close(prev, next) ||
	    md_may_open(before_end, after_end)))
		return (0);
	return (1);
}

/*
 * Take the white space off the ends of emphasis or strong s: it would stop
 * the delimiters from opening or closing.
 */
static void
md_trim_span(const struct doc_block *b, struct doc_span *s)
{
	while (s->start < s->end && md_class(md_cp_at(b->text, s->end,
	    s->start)) == MD_SPACE)
		s->start += U8_LENGTH(md_cp_at(b->text, s->end, s->start));
	while (s->end > s->start && md_class(md_cp_before(b->text,
	    s->end)) == MD_SPACE)
		s->end -= U8_LENGTH(md_cp_before(b->text, s->end));
}

/*
 * The marks of block b to write, by start (*n of them): links with a
 * target, and emphasis, strong and code that hold some text.
 */
static struct doc_span *
md_spans(const struct doc_block *b, size_t *n)
{
	struct doc_span	*sp, s;
	size_t		 i;

	sp = xreallocarray(NULL, b->nspans + 1, sizeof *sp);
	*n = 0;
	for (i = 0; i < b->nspans; i++) {
		s = b->spans[i];
		if (s.end > b->len)
			s.end = b->len;
		if (s.kind == SPAN_LINK && s.target == NULL)
			continue;
		if (s.kind == SPAN_EMPH || s.kind == SPAN_STRONG)
			md_trim_span(b, &s);
		if (s.start < s.end)
			sp[(*n)++] = s;
	}
	qsort(sp, *n, sizeof *sp, md_span_cmp);
	return (sp);
}

/* Close the marks that end at the position reached. */
static void
md_close_marks(struct strbuf *sb, struct md_inline_ctx *c)
{
	const struct md_open	*o;

	while (c->nst > 0 && c->st[c->nst - 1].end == c->pos) {
		o = &c->st[--c->nst];
		switch (o->kind) {
		case SPAN_EMPH:
			strbuf_addch(sb, '*');
			c->last_close = sb->len;
			break;
		case SPAN_STRONG:
			strbuf_addstr(sb, "**");
			c->last_close = sb->len;
			break;
		case SPAN_LINK:
			c->label = 0;
			strbuf_addstr(sb, "](");
			md_dest(sb, o->target);
			strbuf_addch(sb, ')');
			break;
		case SPAN_CODE:
			break;
		}
	}
}

/* Write the code span at the position reached, up to end, and pass it. */
static void
md_code_at(struct strbuf *sb, struct md_inline_ctx *c, size_t end)
{
	const struct doc_block	*b = c->b;

	/*
	 * "[`a]:b`..." at the start of a line would read as a link reference
	 * definition: the code goes as text there.
	 */
	if (c->label && memmem(b->text + c->pos, end - c->pos, "]:", 2) != NULL)
		md_text(sb, b->text, c->pos, end, b->len, c->flags, DOC_NOPOS);
	else
		md_code(sb, b->text + c->pos, end - c->pos);
	c->pos = end;
	c->at_start = 0;
}

/* Is a link open (a link inside it cannot be written)? */
static int
md_in_link(const struct md_inline_ctx *c)
{
	size_t	i;

	for (i = 0; i < c->nst; i++) {
		if (c->st[i].kind == SPAN_LINK)
			return (1);
	}
	return (0);
}

/*
 * Write the opening of link, emphasis or strong s, up to end: 1, or 0 when
 * it is left out (a link in a link, emphasis that would not read back).
 */
static int
md_open_mark(struct strbuf *sb, struct md_inline_ctx *c,
    const struct doc_span *s, size_t end)
{
	if (s->kind == SPAN_LINK) {
		if (md_in_link(c))
			return (0);
		strbuf_addch(sb, '[');
		c->label = c->at_start;
		return (1);
	}
	if (!md_show_emph(sb, c, c->k - 1, end))
		return (0);
	strbuf_addstr(sb, s->kind == SPAN_EMPH ? "*" : "**");
	return (1);
}

/*
 * Open the marks that start at the position reached, nested in the open
 * ones. A code span is written whole, and ends it: returns 1 after one.
 */
static int
md_open_marks(struct strbuf *sb, struct md_inline_ctx *c)
{
	const struct doc_span	*s;
	struct md_open		*o;
	size_t			 end;

	while (c->k < c->n && c->sp[c->k].start <= c->pos) {
		s = &c->sp[c->k++];
		if (s->start < c->pos)
			continue;	/* inside a code span */
		end = s->end;
		if (c->nst > 0 && end > c->st[c->nst - 1].end)
			end = c->st[c->nst - 1].end;
		if (s->kind == SPAN_CODE) {
			md_code_at(sb, c, end);
			return (1);
		}
		if (!md_open_mark(sb, c, s, end))
			continue;
		c->at_start = 0;
		o = &c->st[c->nst++];
		o->kind = s->kind;
		o->start = c->pos;
		o->end = end;
		o->target = s->target;
	}
	return (0);
}

/* Append the text of block b with its marks (flags: MD_*). */
static void
md_inline(struct strbuf *sb, const struct doc_block *b, int flags)
{
	struct md_inline_ctx	 c;
	size_t			 next;

	memset(&c, 0, sizeof c);
	c.b = b;
	c.sp = md_spans(b, &c.n);
	c.st = xreallocarray(NULL, b->nspans + 1, sizeof *c.st);
	c.last_close = DOC_NOPOS;
	c.at_start = flags & MD_LINE_START;
	c.dot = c.at_start ? md_marker_end(b->text, b->len) : DOC_NOPOS;
	c.flags = flags & ~MD_LINE_START;
	for (;;) {
		md_close_marks(sb, &c);
		if (c.pos >= b->len)
			break;
		if (md_open_marks(sb, &c))
			continue;

		/* The text up to the next mark's start or end. */
		next = b->len;
		if (c.nst > 0 && c.st[c.nst - 1].end < next)
			next = c.st[c.nst - 1].end;
		if (c.k < c.n && c.sp[c.k].start < next)
			next = c.sp[c.k].start;
		md_text(sb, b->text, c.pos, next, b->len, c.flags | c.at_start,
		    c.dot);
		c.at_start = 0;
		c.pos = next;
	}
	free(c.st);
	free(c.sp);
}

/* Is marker a list item marker CommonMark reads as ordered ("3. ")? */
static int
md_ordered_marker(const char *m)
{
	size_t	n = strspn(m, "0123456789");

	return (n >= 1 && n <= 9 && strcmp(m + n, ". ") == 0);
}

/* Append a fenced code block. */
static void
md_pre(struct strbuf *sb, const struct doc_block *b)
{
	size_t	i, run = 0, longest = 0, fence;

	for (i = 0; i < b->len; i++) {
		run = b->text[i] == '`' ? run + 1 : 0;
		if (run > longest)
			longest = run;
	}
	fence = longest < 3 ? 3 : longest + 1;
	for (i = 0; i < fence; i++)
		strbuf_addch(sb, '`');
	strbuf_addch(sb, '\n');
	extract_escape(sb, b->text, b->len, 1);
	strbuf_addch(sb, '\n');
	for (i = 0; i < fence; i++)
		strbuf_addch(sb, '`');
}

/*
 * Append a line in italics (a caption, the metadata line): the text of
 * block b, or of s when b is NULL. Without the italics when the text
 * starts or ends with white space, which would stop them.
 */
static void
md_italic(struct strbuf *sb, const struct doc_block *b, const char *s)
{
	struct doc_block	 tmp;
	int			 wrap;

	if (b == NULL) {
		memset(&tmp, 0, sizeof tmp);
		tmp.text = s;
		tmp.len = strlen(s);
		b = &tmp;
	}
	wrap = md_class(md_cp_at(b->text, b->len, 0)) != MD_SPACE &&
	    md_class(md_cp_before(b->text, b->len)) != MD_SPACE;
	if (!wrap) {
		md_inline(sb, b, MD_LINE_START);
		return;
	}
	strbuf_addch(sb, '*');
	md_inline(sb, b, MD_EMPH | MD_BEFORE_PUNCT);
	strbuf_addch(sb, '*');
}

/* The title and the metadata line; 1 if anything was written. */
static int
md_header(struct strbuf *sb, const struct doc *d)
{
	struct strbuf	 meta = STRBUF_INIT;
	const char	*title = d->title;
	size_t		 i;
	int		 any = 0;

	for (i = 0; title == NULL && i < d->nblocks; i++) {
		if (d->blocks[i].headline)
			title = d->blocks[i].text;
	}
	if (title != NULL && *title != '\0') {
		strbuf_addstr(sb, "# ");
		md_text(sb, title, 0, strlen(title), strlen(title),
		    MD_HEADING, DOC_NOPOS);
		strbuf_addch(sb, '\n');
		any = 1;
	}
	/* As the reader's header: byline · date · site, in no language. */
	if (d->byline != NULL)
		strbuf_addstr(&meta, d->byline);
	if (d->date != NULL) {
		if (meta.len != 0)
			strbuf_addstr(&meta, " · ");
		strbuf_addstr(&meta, d->date);
	}
	if (d->site != NULL) {
		if (meta.len != 0)
			strbuf_addstr(&meta, " · ");
		strbuf_addstr(&meta, d->site);
	}
	if (meta.len != 0) {
		if (any)
			strbuf_addch(sb, '\n');
		md_italic(sb, NULL, meta.buf);
		strbuf_addch(sb, '\n');
		any = 1;
	}
	strbuf_release(&meta);
	return (any);
}

/* The lists written: the column of each level's text, and the depth. */
struct md_lists {
	size_t	ind[MD_MAX_DEPTH + 1];
	size_t	depth;
};

/* The level of a quotation or list item block, 1 at least. */
static size_t
md_level(const struct doc_block *b)
{
	return (b->level < 1 ? 1 : (size_t)b->level);
}

/*
 * Is b a list item's later block (after a nested list, a second
 * paragraph), which goes under its item: at the column of its text?
 */
static int
md_item_cont(const struct doc_block *prev, const struct doc_block *b,
    const struct md_lists *l)
{
	return (b->kind == BLOCK_ITEM && b->marker != NULL &&
	    b->marker[0] == ' ' && prev != NULL &&
	    prev->kind == BLOCK_ITEM && md_level(b) <= l->depth);
}

/* Between blocks: a blank line, but in a tight list. */
static void
md_between(struct strbuf *sb, const struct doc_block *prev,
    const struct doc_block *b, int cont)
{
	size_t	q;

	if (prev->kind == BLOCK_QUOTE && b->kind == BLOCK_QUOTE) {
		q = PR_MIN(md_level(prev), md_level(b));
		while (q-- > 1)
			strbuf_addstr(sb, "> ");
		strbuf_addstr(sb, ">\n");
	} else if (prev->kind != BLOCK_ITEM || b->kind != BLOCK_ITEM || cont)
		strbuf_addch(sb, '\n');
}

/* Append a heading: "##" to "######" (the title has "#"). */
static void
md_heading(struct strbuf *sb, const struct doc_block *b)
{
	size_t	q;

	q = b->level < 2 ? 2 : b->level > 6 ? 6 : (size_t)b->level;
	while (q-- > 0)
		strbuf_addch(sb, '#');
	strbuf_addch(sb, ' ');
	md_inline(sb, b, MD_HEADING);
}

/* Append a paragraph of a quotation, "> " for each level. */
static void
md_quote(struct strbuf *sb, const struct doc_block *b)
{
	size_t	q;

	for (q = md_level(b); q > 0; q--)
		strbuf_addstr(sb, "> ");
	md_inline(sb, b, MD_LINE_START);
}

/* Append list item b, or with cont a later block of the item before. */
static void
md_item(struct strbuf *sb, const struct doc_block *b, struct md_lists *l,
    int cont)
{
	size_t	lv = md_level(b);

	if (cont) {
		l->depth = lv;
		strbuf_addspaces(sb, l->ind[lv]);
		md_inline(sb, b, MD_LINE_START);
		return;
	}
	/* One level deeper than the last item at most. */
	if (lv > l->depth + 1)
		lv = l->depth + 1;
	if (lv > MD_MAX_DEPTH)
		lv = MD_MAX_DEPTH;
	strbuf_addspaces(sb, l->ind[lv - 1]);
	if (b->marker != NULL && md_ordered_marker(b->marker)) {
		strbuf_addstr(sb, b->marker);
		l->ind[lv] = l->ind[lv - 1] + strlen(b->marker);
		md_inline(sb, b, MD_LINE_START);
	} else {
		strbuf_addstr(sb, "- ");
		l->ind[lv] = l->ind[lv - 1] + 2;
		/* A number CommonMark cannot hold ("-1. "). */
		if (b->marker != NULL && b->marker[0] != ' ')
			md_escape_all(sb, b->marker, strlen(b->marker));
		md_inline(sb, b, b->marker != NULL && b->marker[0] != ' ' ?
		    0 : MD_LINE_START);
	}
	l->depth = lv;
}

/* The document as CommonMark. */
static void
extract_markdown(struct strbuf *sb, const struct doc *d)
{
	/* What the header is to the first block: a paragraph. */
	static const struct doc_block	 header = { .kind = BLOCK_PARA };
	const struct doc_block	*b, *prev = NULL;
	struct md_lists		 lists;
	size_t			 i;
	int			 cont;

	lists.ind[0] = 0;
	lists.depth = 0;
	if (md_header(sb, d))
		prev = &header;
	for (i = 0; i < d->nblocks; i++) {
		b = &d->blocks[i];
		if (b->headline)
			continue;
		cont = md_item_cont(prev, b, &lists);
		if (prev != NULL)
			md_between(sb, prev, b, cont);
		if (b->kind != BLOCK_ITEM)
			lists.depth = 0;
		prev = b;

		switch (b->kind) {
		case BLOCK_PARA:
			md_inline(sb, b, MD_LINE_START);
			break;
		case BLOCK_HEADING:
			md_heading(sb, b);
			break;
		case BLOCK_QUOTE:
			md_quote(sb, b);
			break;
		case BLOCK_ITEM:
			md_item(sb, b, &lists, cont);
			break;
		case BLOCK_PRE:
			md_pre(sb, b);
			break;
		case BLOCK_CAPTION:
			md_italic(sb, b, NULL);
			break;
		}
		strbuf_addch(sb, '\n');
	}
}

/* Append "name":value for a string that may be absent (null). */
static void
json_field(struct strbuf *sb, const char *name, const char *value)
{
	strbuf_addf(sb, ",\"%s\":", name);
	if (value == NULL)
		strbuf_addstr(sb, "null");
	else
		safe_json(sb, value, strlen(value));
}

/* The document as one JSON object on one line. */
static void
extract_json(struct strbuf *sb, const struct doc *d)
{
	struct strbuf		 body = STRBUF_INIT;
	const struct doc_block	*b;
	size_t			 i;
	int			 first;

	strbuf_addstr(sb, "{\"source\":");
	safe_json(sb, d->source, strlen(d->source));
	json_field(sb, "title", d->title);
	json_field(sb, "subtitle", d->subtitle);
	strbuf_addstr(sb, ",\"authors\":[");
	for (i = 0; i < d->nauthors; i++) {
		if (i != 0)
			strbuf_addch(sb, ',');
		safe_json(sb, d->authors[i], strlen(d->authors[i]));
	}
	strbuf_addch(sb, ']');
	json_field(sb, "byline", d->byline);
	json_field(sb, "date", d->date);
	json_field(sb, "modified", d->modified);
	json_field(sb, "site", d->site);
	json_field(sb, "lang", d->lang);
	json_field(sb, "canonical", d->canonical);
	strbuf_addstr(sb, ",\"alternates\":[");
	for (i = 0; i < d->nalts; i++) {
		strbuf_addstr(sb, i != 0 ? ",{\"lang\":" : "{\"lang\":");
		if (d->alts[i].lang == NULL)
			strbuf_addstr(sb, "null");
		else
			safe_json(sb, d->alts[i].lang,
			    strlen(d->alts[i].lang));
		json_field(sb, "href", d->alts[i].href);
		strbuf_addch(sb, '}');
	}
	strbuf_addch(sb, ']');
	json_field(sb, "found",
	    d->found == DOC_FOUND_FALLBACK ? "fallback" : "article");
	extract_text(&body, d);
	strbuf_addstr(sb, ",\"body\":");
	safe_json(sb, body.buf, body.len);
	strbuf_release(&body);
	strbuf_addstr(sb, ",\"blocks\":[");
	first = 1;
	for (i = 0; i < d->nblocks; i++) {
		b = &d->blocks[i];
		if (b->headline)
			continue;
		strbuf_addf(sb, "%s{\"kind\":\"%s\",\"level\":%d,\"text\":",
		    first ? "" : ",", block_kind_name(b->kind), b->level);
		safe_json(sb, b->text, b->len);
		strbuf_addch(sb, '}');
		first = 0;
	}
	strbuf_addstr(sb, "]}\n");
}

void
extract_write(struct strbuf *sb, const struct doc *d, enum extract_format fmt)
{
	switch (fmt) {
	case EXTRACT_TEXT:
		extract_text(sb, d);
		break;
	case EXTRACT_MARKDOWN:
		extract_markdown(sb, d);
		break;
	case EXTRACT_JSON:
		extract_json(sb, d);
		break;
	}
}

/*
 * Extract one input to sb, with a "==> NAME <==" line before each version
 * when head is set or when it opens several (a folder), and a blank line
 * before that when *printed (anything written before; set here); 0, or -1
 * after a message.
 */
static int
extract_one(struct strbuf *sb, char *path, const struct cmd_opts *o,
    enum extract_format fmt, int head, int *printed)
{
	struct article	 a;
	size_t		 v;
	int		 rc = 0;

	if (cmd_open(&a, &path, 1, o) != 0)
		return (-1);
	if (a.warning != NULL) {
		error_msg("%s", a.warning);
		rc = -1;
	}
	if (a.n > 1)
		head = 1;
	for (v = 0; v < a.n; v++) {
		const struct doc	*d = a.docs[v];

		if (head && fmt != EXTRACT_JSON) {
			if (*printed)
				strbuf_addch(sb, '\n');
			strbuf_addstr(sb, "==> ");
			safe_escape(sb, d->source, strlen(d->source), 0);
			strbuf_addstr(sb, " <==\n");
		}
		extract_write(sb, d, fmt);
		*printed = 1;
	}
	article_release(&a);
	return (rc);
}

int
cmd_extract(int argc, char **argv)
{
	struct cmd_opts		 o;
	struct strbuf		 sb = STRBUF_INIT;
	enum extract_format	 fmt = EXTRACT_TEXT;
	int			 first, i, failed = 0, printed = 0;

	first = cmd_parse(argc, argv, "extract", OPT_LANG | OPT_FORMAT |
	    OPT_INPUT, extract_usage, &o);
	if (first < 0)
		return (first == -2 ? 0 : 2);
	if (o.format != NULL && extract_format_parse(o.format, &fmt) != 0) {
		error_msg("extract: unknown format '%s' (text, markdown, "
		    "json)", o.format);
		return (2);
	}
	if (argc - first < 1) {
		error_msg("extract: expected a file or URL (see --help)");
		return (2);
	}
	for (i = first; i < argc; i++) {
		if (extract_one(&sb, argv[i], &o, fmt, argc - first > 1,
		    &printed) != 0)
			failed = 1;
		fwrite(sb.buf, 1, sb.len, stdout);
		strbuf_reset(&sb);
	}
	strbuf_release(&sb);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		error_msg("cannot write the output");
		return (1);
	}
	return (failed);
}
