/*
 * Quotations.
 *
 * One pass over the document's blocks, mark by mark, with a stack of open
 * quotations, so the work is linear in the size of the document:
 *
 * - The pairs are the Unicode quotation marks (“ ” ‘ ’ « » ‹ › „ “ ‚ ‘)
 *   and the locale's own delimiters (ICU ulocdata: 「 」 in Japanese, ” ”
 *   in Swedish). A closing mark closes the innermost open quotation it
 *   pairs with; the quotations opened inside that one and still open are
 *   dropped. A mark that can both close and open (“ closes „ and opens
 *   “...”) closes when it can.
 * - Straight quotation marks (and pairs whose two marks are the same) are
 *   paired by position within a block, with their sides as a guide: one
 *   that can only open (after a space, before a word) opens, so quotes
 *   nest ("qu'il ... au "fiqh" notamment ... dessus"); one that can only
 *   close (after a word, before a space or punctuation) closes the
 *   innermost open one, or is ignored; any other (the French spaced
 *   " Je veux mourir ") closes the one open in the block, else opens.
 * - ’ and ‘ between two letters are apostrophes (l’homme, don’t), so is
 *   a straight " there (d"être), and the straight ' is never a quotation
 *   mark.
 * - A quotation still open at the end of a block may go on in the next
 *   one: when that block starts with the same opening mark again (« at
 *   the start of each paragraph in French and Russian, “ in English) the
 *   mark is a repeat and the quotation goes on; otherwise the next block
 *   may still close it, but it is dropped at the end of that block. A
 *   straight " that starts a block is a repeat only when the block's own
 *   straight marks are odd in number. In a presegmented document, blocks
 *   of one paragraph (cont) simply go on.
 * - The stack holds at most QUOTE_MAXDEPTH quotations; deeper openings are
 *   ignored, so no input makes the search quadratic.
 *
 * The text inside the marks is reported without its surrounding spaces
 * (the no-break spaces of « ... »).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/ulocdata.h>
#include <unicode/ustring.h>
#include <unicode/utf8.h>

#include "text.h"
#include "text-icu.h"

#define QUOTE_MAXDEPTH	32
#define QUOTE_MAXPAIRS	16

struct quote_pair {
	UChar32	open;
	UChar32	close;
};

/* The pairs every language knows. */
static const struct quote_pair quote_pairs[] = {
	{ 0x201c, 0x201d },	/* “ ” */
	{ 0x2018, 0x2019 },	/* ‘ ’ */
	{ 0x00ab, 0x00bb },	/* « » */
	{ 0x2039, 0x203a },	/* ‹ › */
	{ 0x201e, 0x201c },	/* „ “ */
	{ 0x201a, 0x2018 },	/* ‚ ‘ */
	{ '"', '"' }
};

struct quote_set {
	struct quote_pair	pairs[QUOTE_MAXPAIRS];
	size_t			n;
	int			extra;	/* marks outside U+2018-U+203A */
};

/* An open quotation. */
struct open_quote {
	UChar32		mark;
	struct doc_pos	open;		/* the opening mark */
	size_t		after;		/* bytes after the mark */
	size_t		alive;		/* last block it lives in */
};

struct quote_state {
	const struct doc	*d;
	struct quote_set	 set;
	struct open_quote	 stack[QUOTE_MAXDEPTH];
	size_t			 n;
	struct text_quote	*out;
	size_t			 nout, aout;
};

/* Is c one of the marks of the usual ranges? */
static int
usual_mark(UChar32 c)
{
	return (c == '"' || c == 0xab || c == 0xbb || (c >= 0x2018 &&
	    c <= 0x203a));
}

/* Add a pair unless it is known. */
static void
set_add(struct quote_set *qs, UChar32 open, UChar32 close)
{
	size_t	i;

	if (open <= 0 || close <= 0 || qs->n == QUOTE_MAXPAIRS)
		return;
	for (i = 0; i < qs->n; i++) {
		if (qs->pairs[i].open == open && qs->pairs[i].close == close)
			return;
	}
	qs->pairs[qs->n].open = open;
	qs->pairs[qs->n].close = close;
	qs->n++;
	if (!usual_mark(open) || !usual_mark(close))
		qs->extra = 1;
}

/* The first code point of a UTF-16 delimiter (one code point expected). */
static UChar32
delim_cp(ULocaleData *ld, ULocaleDataDelimiterType type)
{
	UErrorCode	ec = U_ZERO_ERROR;
	UChar		buf[8];
	int32_t		n, i = 0;
	UChar32		c;

	n = ulocdata_getDelimiter(ld, type, buf, nitems(buf), &ec);
	if (U_FAILURE(ec) || n <= 0 || n > (int32_t)nitems(buf))
		return (-1);
	U16_NEXT(buf, i, n, c);
	return (i == n ? c : -1);
}

/* The pairs for lang: the universal ones and the locale's delimiters. */
static void
set_init(struct quote_set *qs, const char *lang)
{
	UErrorCode	 ec = U_ZERO_ERROR;
	ULocaleData	*ld;
	size_t		 i;

	qs->n = 0;
	qs->extra = 0;
	for (i = 0; i < nitems(quote_pairs); i++)
		set_add(qs, quote_pairs[i].open, quote_pairs[i].close);
	ld = ulocdata_open(text_icu_locale(lang), &ec);
	if (U_FAILURE(ec) || ld == NULL)
		return;
	set_add(qs, delim_cp(ld, ULOCDATA_QUOTATION_START),
	    delim_cp(ld, ULOCDATA_QUOTATION_END));
	set_add(qs, delim_cp(ld, ULOCDATA_ALT_QUOTATION_START),
	    delim_cp(ld, ULOCDATA_ALT_QUOTATION_END));
	ulocdata_close(ld);
}

/* Can c open a quotation? */
static int
can_open(const struct quote_set *qs, UChar32 c)
{
	size_t	i;

	for (i = 0; i < qs->n; i++) {
		if (qs->pairs[i].open == c)
			return (1);
	}
	return (0);
}

/* Do open and close make a pair? */
static int
is_pair(const struct quote_set *qs, UChar32 open, UChar32 close)
{
	size_t	i;

	for (i = 0; i < qs->n; i++) {
		if (qs->pairs[i].open == open && qs->pairs[i].close == close)
			return (1);
	}
	return (0);
}

/* Is c a mark of any pair? */
static int
is_mark(const struct quote_set *qs, UChar32 c)
{
	size_t	i;

	for (i = 0; i < qs->n; i++) {
		if (qs->pairs[i].open == c || qs->pairs[i].close == c)
			return (1);
	}
	return (0);
}

/* Is c a space, no-break ones included? */
static int
is_space(UChar32 c)
{
	return (c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
	    c == 0xa0 || c == 0x202f || (c >= 0x2000 && c <= 0x200a) ||
	    c == 0x3000);
}

/* Can c not follow an opening mark (, . ; : ! ? and closers)? */
static int
ends_text(UChar32 c)
{
	int	t = u_charType(c);

	return (t == U_OTHER_PUNCTUATION || t == U_END_PUNCTUATION ||
	    t == U_FINAL_PUNCTUATION);
}

/* Can c not come before a closing mark (openers and dashes)? */
static int
starts_text(UChar32 c)
{
	int	t = u_charType(c);

	return (t == U_START_PUNCTUATION || t == U_INITIAL_PUNCTUATION ||
	    t == U_DASH_PUNCTUATION);
}

/* The code point before s[i] (-1 at the start). */
static UChar32
cp_before(const char *s, size_t i)
{
	int32_t	j = (int32_t)i;
	UChar32	c;

	if (i == 0)
		return (-1);
	U8_PREV(s, 0, j, c);
	return (c < 0 ? 0xfffd : c);
}

/* The code point at s[i] (-1 at the end). */
static UChar32
cp_at(const char *s, size_t len, size_t i)
{
	int32_t	j = (int32_t)i;
	UChar32	c;

	if (i >= len)
		return (-1);
	U8_NEXT(s, j, (int32_t)len, c);
	return (c < 0 ? 0xfffd : c);
}

/* Skip spaces forward from i in s. */
static size_t
skip_spaces(const char *s, size_t len, size_t i)
{
	int32_t	j;
	UChar32	c;

	while (i < len) {
		j = (int32_t)i;
		U8_NEXT(s, j, (int32_t)len, c);
		if (!is_space(c))
			break;
		i = (size_t)j;
	}
	return (i);
}

/* Skip spaces backward from i in s. */
static size_t
skip_spaces_back(const char *s, size_t from, size_t i)
{
	int32_t	j;
	UChar32	c;

	while (i > from) {
		j = (int32_t)i;
		U8_PREV(s, (int32_t)from, j, c);
		if (!is_space(c))
			break;
		i = (size_t)j;
	}
	return (i);
}

/* Remove stack entry k (it is not reported). */
static void
drop(struct quote_state *st, size_t k)
{
	memmove(&st->stack[k], &st->stack[k + 1],
	    (st->n - k - 1) * sizeof st->stack[0]);
	st->n--;
}

/* Close stack entry k with the mark at [off, after) of block b. */
static void
close_quote(struct quote_state *st, size_t k, size_t b, size_t off,
    size_t after)
{
	const struct open_quote	*o = &st->stack[k];
	const struct doc_block	*ob = &st->d->blocks[o->open.block];
	const struct doc_block	*cb = &st->d->blocks[b];
	struct text_quote	*q;
	size_t			 from;

	XGROW(st->out, st->aout, st->nout + 1);
	q = &st->out[st->nout++];
	q->open = o->open;
	q->start.block = o->open.block;
	q->start.off = skip_spaces(ob->text, ob->len, o->after);
	q->close.block = b;
	q->close.off = after;
	q->end.block = b;
	from = o->open.block == b ? q->start.off : 0;
	q->end.off = skip_spaces_back(cb->text, from, off);
	if (q->start.block == q->end.block && q->start.off > q->end.off)
		q->start.off = q->end.off;
	q->depth = 0;
	q->parent = DOC_NOPOS;
	st->n = k;
}

/* Open a quotation with the mark at [off, after) of block b. */
static void
open_quote(struct quote_state *st, UChar32 c, size_t b, size_t off,
    size_t after)
{
	struct open_quote	*o;

	if (st->n == QUOTE_MAXDEPTH)
		return;
	o = &st->stack[st->n++];
	o->mark = c;
	o->open.block = b;
	o->open.off = off;
	o->after = after;
	o->alive = b;
}

/* Are prev and next letters (the mark between them an apostrophe)? */
static int
between_letters(UChar32 prev, UChar32 next)
{
	return (prev > 0 && next > 0 && u_isalpha(prev) && u_isalpha(next));
}

/* The innermost open quotation opened by c, plus one (0: none). */
static size_t
innermost(const struct quote_state *st, UChar32 c)
{
	size_t	k;

	for (k = st->n; k > 0; k--) {
		if (st->stack[k - 1].mark == c)
			break;
	}
	return (k);
}

/* Can a mark between prev and next open: after a space, before a word? */
static int
left_flank(UChar32 prev, UChar32 next)
{
	return (next > 0 && !is_space(next) && !ends_text(next) &&
	    (prev < 0 || is_space(prev) || u_ispunct(prev)));
}

/* Can a mark between prev and next close: after a word, before a space? */
static int
right_flank(UChar32 prev, UChar32 next)
{
	return (prev > 0 && !is_space(prev) && !starts_text(prev) &&
	    (next < 0 || is_space(next) || u_ispunct(next)));
}

/*
 * Handle the mark c at [off, after) of block b, between prev and next,
 * when it is both marks of a pair (the straight "): its sides tell whether
 * it opens or closes; when they do not, it pairs by position in a block.
 */
static void
mark_straight(struct quote_state *st, UChar32 c, size_t b, size_t off,
    size_t after, UChar32 prev, UChar32 next)
{
	size_t	k;
	int	lflank, rflank;

	if (c == '"' && between_letters(prev, next))
		return;		/* d"être: an apostrophe */
	lflank = left_flank(prev, next);
	rflank = right_flank(prev, next);
	if (lflank && !rflank) {
		open_quote(st, c, b, off, after);
		return;
	}
	k = innermost(st, c);
	if (rflank && !lflank) {
		if (k > 0)
			close_quote(st, k - 1, b, off, after);
		return;
	}
	/* Either way: paired by position, in this block. */
	if (k > 0 && st->stack[k - 1].open.block == b)
		close_quote(st, k - 1, b, off, after);
	else
		open_quote(st, c, b, off, after);
}

/* Handle the mark c at [off, after) of block b. */
static void
mark(struct quote_state *st, UChar32 c, size_t b, size_t off, size_t after)
{
	const struct doc_block	*blk = &st->d->blocks[b];
	UChar32			 prev, next;
	size_t			 k;

	prev = cp_before(blk->text, off);
	next = cp_at(blk->text, blk->len, after);
	if ((c == 0x2019 || c == 0x2018) && between_letters(prev, next))
		return;		/* an apostrophe */
	if (is_pair(&st->set, c, c)) {
		mark_straight(st, c, b, off, after, prev, next);
		return;
	}
	for (k = st->n; k > 0; k--) {
		if (is_pair(&st->set, st->stack[k - 1].mark, c)) {
			close_quote(st, k - 1, b, off, after);
			return;
		}
	}
	if (can_open(&st->set, c))
		open_quote(st, c, b, off, after);
}

/* The straight quotation marks of a block, but those between letters. */
static size_t
straight_count(const struct doc_block *blk)
{
	const char	*p = blk->text, *end = blk->text + blk->len;
	size_t		 n = 0, at;
	UChar32		 prev, next;

	while ((p = memchr(p, '"', (size_t)(end - p))) != NULL) {
		at = (size_t)(p - blk->text);
		prev = cp_before(blk->text, at);
		next = cp_at(blk->text, blk->len, at + 1);
		if (!between_letters(prev, next))
			n++;
		p++;
	}
	return (n);
}

/*
 * Start block b: quotations carried from earlier blocks go on when it
 * starts with their opening mark again (or continues their paragraph).
 * Returns where the scan of the block starts.
 */
static size_t
block_start(struct quote_state *st, size_t b)
{
	const struct doc_block	*blk = &st->d->blocks[b];
	size_t			 i, k, j;
	int32_t			 e;
	UChar32			 c;

	if (st->n == 0)
		return (0);
	if (st->d->presegmented && blk->cont) {
		for (k = 0; k < st->n; k++)
			st->stack[k].alive = b;
		return (0);
	}
	i = skip_spaces(blk->text, blk->len, 0);
	if (i >= blk->len)
		return (0);
	e = (int32_t)i;
	U8_NEXT(blk->text, e, (int32_t)blk->len, c);
	if (c == '"' && straight_count(blk) % 2 == 0)
		return (0);	/* they pair in this block */
	if ((k = innermost(st, c)) == 0)
		return (0);
	/* A repeat: the quotations opened inside it end here. */
	st->n = k;
	for (j = 0; j < k; j++)
		st->stack[j].alive = b;
	return ((size_t)e);
}

/* End block b: drop what was carried into it and did not go on. */
static void
block_end(struct quote_state *st, size_t b)
{
	size_t	k;

	for (k = st->n; k > 0; k--) {
		if (st->stack[k - 1].alive < b)
			drop(st, k - 1);
	}
}

/* Order quotations by opening position. */
static int
cmp_quote(const void *a, const void *b)
{
	const struct text_quote	*x = a, *y = b;

	return (doc_pos_cmp(x->open, y->open));
}

/* Fill depth and parent of the sorted, properly nested quotations. */
static void
nest(struct text_quote *q, size_t n)
{
	size_t	*stack, ns = 0, i;

	if (n == 0)
		return;
	stack = xcalloc(n, sizeof *stack);
	for (i = 0; i < n; i++) {
		while (ns > 0 && doc_pos_cmp(q[i].open, q[stack[ns - 1]].close) >= 0)
			ns--;
		q[i].parent = ns > 0 ? stack[ns - 1] : DOC_NOPOS;
		q[i].depth = (int)ns;
		stack[ns++] = i;
	}
	free(stack);
}

size_t
text_quotes(const struct doc *d, const char *lang, struct text_quote **out)
{
	struct quote_state	*st;
	const struct doc_block	*blk;
	const unsigned char	*s;
	size_t			 b, i, len, at;
	int32_t			 j;
	UChar32			 c;

	st = xcalloc(1, sizeof *st);
	st->d = d;
	set_init(&st->set, lang != NULL ? lang : d->lang);
	for (b = 0; b < d->nblocks; b++) {
		blk = &d->blocks[b];
		s = (const unsigned char *)blk->text;
		len = blk->len;
		if (len > INT32_MAX)
			continue;
		i = block_start(st, b);
		while (i < len) {
			if (s[i] < 0x80) {
				if (s[i] == '"' && is_mark(&st->set, '"'))
					mark(st, '"', b, i, i + 1);
				i++;
				continue;
			}
			at = i;
			j = (int32_t)i;
			U8_NEXT(s, j, (int32_t)len, c);
			i = (size_t)j;
			if ((usual_mark(c) || st->set.extra) &&
			    is_mark(&st->set, c))
				mark(st, c, b, at, i);
		}
		block_end(st, b);
	}
	if (st->nout > 1)
		qsort(st->out, st->nout, sizeof *st->out, cmp_quote);
	nest(st->out, st->nout);
	XSHRINK(st->out, st->aout, st->nout);
	*out = st->out;
	if (*out == NULL)
		*out = xcalloc(1, sizeof **out);
	b = st->nout;
	free(st);
	return (b);
}
