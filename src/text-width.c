/*
 * Grapheme clusters, display widths and line breaking, all on ICU.
 *
 * Break iterators are costly to open, so one per (kind, language) is kept
 * in a small cache and pointed at each new string through a UText over the
 * UTF-8 bytes: offsets come back as byte offsets with no conversion.
 *
 * Display width follows the usual terminal rules (wcwidth), but from ICU's
 * properties: combining marks, enclosing marks and format characters are
 * 0 columns, East Asian wide and full-width characters and characters with
 * emoji presentation are 2, the rest 1. A grapheme cluster is as wide as its
 * widest code point (a base letter with its accents is 1; a text-style
 * emoji followed by U+FE0F is 2).
 */
#include "config.h"

#include <string.h>

#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include "text.h"
#include "text-icu.h"

int
text_cp_width(int32_t c)
{
	int8_t	gc;
	int	ea;

	if (c < 0x20 || (c >= 0x7f && c < 0xa0))
		return (0);
	if (c < 0x300)
		return (1);
	if (c == 0x200b || c == 0x200c || c == 0x200d || c == 0x2060 ||
	    (c >= 0x1160 && c <= 0x11ff))
		return (0);
	gc = (int8_t)u_charType(c);
	if (gc == U_NON_SPACING_MARK || gc == U_ENCLOSING_MARK ||
	    gc == U_FORMAT_CHAR)
		return (0);
	if (u_hasBinaryProperty(c, UCHAR_EMOJI_PRESENTATION))
		return (2);
	ea = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
	if (ea == U_EA_WIDE || ea == U_EA_FULLWIDTH)
		return (2);
	return (1);
}

/*
 * Does s hold an unsafe code point (char_is_unsafe())? Their UTF-8 starts
 * with a control byte or with 0xc2 (C1), 0xd8 (U+061C) or 0xe2 (the bidi
 * controls), so most clusters are passed by their bytes alone.
 */
static int
unsafe_in(const char *s, size_t len)
{
	int32_t	i = 0, n = (int32_t)len;
	UChar32	c;
	size_t	k;

	for (k = 0; k < len; k++) {
		if ((unsigned char)s[k] < 0x20 || s[k] == 0x7f ||
		    (unsigned char)s[k] == 0xc2 ||
		    (unsigned char)s[k] == 0xd8 || (unsigned char)s[k] == 0xe2)
			break;
	}
	if (k == len)
		return (0);
	while (i < n) {
		U8_NEXT(s, i, n, c);
		if (c >= 0 && char_is_unsafe(c))
			return (1);
	}
	return (0);
}

/*
 * The width of a cluster holding an unsafe code point, as the grid shows
 * it (grid.c): each unsafe one as its escape ("^A", "<U+200F>"), the
 * others at their width, a lone tab as a space.
 */
static int
escaped_width(const char *s, size_t len)
{
	int32_t	i = 0, n = (int32_t)len;
	UChar32	c;
	int	w = 0;

	if (len == 1 && *s == '\t')
		return (1);
	while (i < n) {
		U8_NEXT(s, i, n, c);
		if (c < 0)
			c = 0xfffd;
		if (!char_is_unsafe(c))
			w += text_cp_width(c);
		else if (c < 0x20 || c == 0x7f)
			w += 2;		/* ^A, ^? */
		else
			w += c > 0xffff ? 9 : 8;	/* <U+200F> */
	}
	return (w);
}

int
text_grapheme_width(const char *s, size_t len)
{
	int32_t	i = 0, n = (int32_t)len;
	UChar32	c, base = 0;
	int	w = 0, cw;

	if (unsafe_in(s, len))
		return (escaped_width(s, len));
	while (i < n) {
		U8_NEXT(s, i, n, c);
		if (c < 0)
			c = 0xfffd;
		if (i == U8_LENGTH(c))
			base = c;
		if (c == 0xfe0f && u_hasBinaryProperty(base, UCHAR_EMOJI)) {
			w = 2;	/* emoji presentation selector */
			continue;
		}
		cw = text_cp_width(c);
		if (base == c && cw == 0 && c >= 0x300)
			cw = 1;	/* a lone mark still takes a cell */
		if (cw > w)
			w = cw;
	}
	return (w);
}

/* Is the byte at s[i] the start of a grapheme that is plain ASCII? */
static inline int
ascii_cluster(const char *s, size_t len, size_t i)
{
	return ((unsigned char)s[i] < 0x80 && (i + 1 == len ||
	    (unsigned char)s[i + 1] < 0x80));
}

/*
 * The length of the grapheme at s[i] when ICU's properties alone settle
 * it: a code point of Grapheme_Cluster_Break Other (no Prepend, Hangul,
 * regional indicator or control) followed by one that does not join it
 * (no Extend, ZWJ or SpacingMark) is a cluster of its own (UAX #29, GB999).
 * 0: ask the break iterator. Most Cyrillic and accented Latin text is
 * settled here, at a fraction of the iterator's cost.
 */
static inline size_t
simple_cluster(const char *s, size_t len, size_t i)
{
	int32_t	j = (int32_t)i, n = len > INT32_MAX ? INT32_MAX : (int32_t)len;
	UChar32	c;
	int	g;

	U8_NEXT(s, j, n, c);
	if (c < 0 || u_getIntPropertyValue(c, UCHAR_GRAPHEME_CLUSTER_BREAK) !=
	    U_GCB_OTHER)
		return (0);
	if (j < n) {
		int32_t	k = j;
		UChar32	d;

		U8_NEXT(s, k, n, d);
		if (d < 0)
			return (0);
		g = u_getIntPropertyValue(d, UCHAR_GRAPHEME_CLUSTER_BREAK);
		if (g == U_GCB_EXTEND || g == U_GCB_ZWJ ||
		    g == U_GCB_SPACING_MARK)
			return (0);
	}
	return ((size_t)j - i);
}

size_t
text_next_grapheme(const char *s, size_t len, size_t pos)
{
	UBreakIterator	*bi;
	int32_t		 r;
	size_t		 k;

	if (pos >= len)
		return (len);
	if (ascii_cluster(s, len, pos) && s[pos] != '\r')
		return (pos + 1);
	if ((k = simple_cluster(s, len, pos)) > 0)
		return (pos + k);
	bi = text_icu_break(UBRK_CHARACTER, NULL, s, len);
	if (bi == NULL)
		return (pos + 1);
	r = ubrk_following(bi, (int32_t)pos);
	return (r == UBRK_DONE ? len : (size_t)r);
}

size_t
text_prev_grapheme(const char *s, size_t len, size_t pos)
{
	UBreakIterator	*bi;
	int32_t		 r;

	if (pos == 0)
		return (0);
	if (pos > len)
		pos = len;
	if ((unsigned char)s[pos - 1] < 0x80 && (pos == len ||
	    (unsigned char)s[pos] < 0x80) && s[pos - 1] != '\n')
		return (pos - 1);
	bi = text_icu_break(UBRK_CHARACTER, NULL, s, len);
	if (bi == NULL)
		return (pos - 1);
	r = ubrk_preceding(bi, (int32_t)pos);
	return (r == UBRK_DONE ? 0 : (size_t)r);
}

/* Width of [from, to) of s, with bi a character iterator on s or NULL. */
static int
width_range(UBreakIterator **bip, const char *s, size_t len, size_t from,
    size_t to)
{
	size_t	i = from, next;
	int	w = 0;
	int32_t	r;

	while (i < to) {
		if (ascii_cluster(s, len, i)) {
			/* A control shows as "^A" (grid.c), a tab as a space. */
			if ((unsigned char)s[i] >= 0x20 &&
			    (unsigned char)s[i] != 0x7f)
				w++;
			else
				w += s[i] == '\t' ? 1 : 2;
			i++;
			continue;
		}
		if ((next = simple_cluster(s, len, i)) > 0 && i + next <= to) {
			w += text_grapheme_width(s + i, next);
			i += next;
			continue;
		}
		if (*bip == NULL)
			*bip = text_icu_break(UBRK_CHARACTER, NULL, s, len);
		if (*bip == NULL) {
			w++;
			i++;
			continue;
		}
		r = ubrk_following(*bip, (int32_t)i);
		next = r == UBRK_DONE ? len : (size_t)r;
		if (next > to)
			next = to;
		w += text_grapheme_width(s + i, next - i);
		i = next;
	}
	return (w);
}

int
text_width(const char *s, size_t len)
{
	UBreakIterator	*bi = NULL;

	return (width_range(&bi, s, len, 0, len));
}

/* Decode the code point at s[i] (U+FFFD on bad input). */
static UChar32
cp_at(const char *s, size_t len, size_t i)
{
	int32_t	j = (int32_t)i;
	UChar32	c;

	U8_NEXT(s, j, (int32_t)len, c);
	return (c < 0 ? 0xfffd : c);
}

/* Decode the code point ending before s[i]. */
static UChar32
cp_before(const char *s, size_t i)
{
	int32_t	j = (int32_t)i;
	UChar32	c;

	U8_PREV(s, 0, j, c);
	return (c < 0 ? 0xfffd : c);
}

/*
 * Breakable spaces: ordinary space, tab, newline and carriage return (not
 * no-break ones).
 */
static inline int
is_break_space(char c)
{
	return (c == ' ' || c == '\t' || c == '\n' || c == '\r');
}

/*
 * Should the break at b (after the spaces that end [.., b)) be suppressed?
 * An opening guillemet keeps to the next word, a closing one to the
 * previous word, and in French the high punctuation (; : ! ?) written after
 * an ordinary space keeps to its word too.
 */
static int
suppress_break(const char *s, size_t len, size_t b, int french)
{
	size_t	k = b;
	UChar32	before, after;

	if (b == 0 || b >= len)
		return (0);
	if (s[b - 1] == '\n')
		return (0);
	while (k > 0 && is_break_space(s[k - 1]))
		k--;
	if (k == 0)
		return (0);
	before = cp_before(s, k);
	after = cp_at(s, len, b);
	if (before == 0xab || before == 0x2039)		/* « ‹ */
		return (1);
	if (after == 0xbb || after == 0x203a)		/* » › */
		return (1);
	if (french && k != b && (after == ';' || after == ':' ||
	    after == '!' || after == '?'))
		return (1);
	return (0);
}

/* Does c keep to the text before it (closing marks, no-break spaces)? */
static int
sticks_left(UChar32 c)
{
	int	t = u_charType(c);

	return (c == 0xa0 || c == 0x202f || c == 0x2007 || c == 0x2060 ||
	    t == U_END_PUNCTUATION || t == U_FINAL_PUNCTUATION ||
	    t == U_OTHER_PUNCTUATION);
}

/* Does c keep to the text after it (opening marks, no-break spaces)? */
static int
sticks_right(UChar32 c)
{
	int	t = u_charType(c);

	return (c == 0xa0 || c == 0x202f || c == 0x2007 || c == 0x2060 ||
	    t == U_START_PUNCTUATION || t == U_INITIAL_PUNCTUATION);
}

/*
 * Where to cut an overlong word that overflows at cut: the grapheme
 * boundary at or before cut (but after from) that does not part a no-break
 * space or a guillemet from its word ("glace|s. »", not "glaces. |»").
 */
static size_t
sticky_cut(const char *s, size_t len, size_t from, size_t cut)
{
	size_t	c = cut, first = text_next_grapheme(s, len, from);

	while (c > first && (sticks_left(cp_at(s, len, c)) ||
	    sticks_right(cp_before(s, c))))
		c = text_prev_grapheme(s, len, c);
	return (c > first ? c : cut);
}

/* A text being wrapped: the lines so far and the one being filled. */
struct wrap {
	const char		 *s;
	size_t			  len;
	int			  width;
	int			  french;
	UBreakIterator		 *lbi;		/* lines; NULL for no text */
	UBreakIterator		 *cbi;		/* graphemes, made if needed */
	struct text_line	**lines;
	size_t			 *alloc;
	size_t			  n;
	size_t			  lstart;	/* the line: [lstart, lend) */
	size_t			  lend;
	int			  lw;		/* its width */
	int			  pending;	/* the spaces after it */
};

/* Add the line [start, end) of width w. */
static void
wrap_emit(struct wrap *wr, size_t start, size_t end, int w)
{
	XGROW(*wr->lines, *wr->alloc, wr->n + 1);
	(*wr->lines)[wr->n].start = start;
	(*wr->lines)[wr->n].end = end;
	(*wr->lines)[wr->n].width = w;
	wr->n++;
}

/* End the line and start the next at pos. */
static void
wrap_newline(struct wrap *wr, size_t pos)
{
	wrap_emit(wr, wr->lstart, wr->lend, wr->lw);
	wr->lstart = wr->lend = pos;
	wr->lw = wr->pending = 0;
}

/*
 * The next break after pos that is not suppressed; *hard is set when it
 * must be taken (a newline).
 */
static size_t
wrap_break(struct wrap *wr, size_t pos, int *hard)
{
	size_t	b = pos;
	int32_t	r;

	*hard = 0;
	for (;;) {
		if (wr->lbi != NULL) {
			/* Onwards from the last break: next(), the
			 * iterator's fast path. */
			if (ubrk_current(wr->lbi) == (int32_t)b)
				r = ubrk_next(wr->lbi);
			else
				r = ubrk_following(wr->lbi, (int32_t)b);
			b = r == UBRK_DONE ? wr->len : (size_t)r;
			*hard = b < wr->len &&
			    ubrk_getRuleStatus(wr->lbi) >= UBRK_LINE_HARD;
		} else
			b = wr->len;
		if (b >= wr->len || *hard || !suppress_break(wr->s, wr->len,
		    b, wr->french))
			break;
	}
	if (b > wr->len)
		b = wr->len;
	if (b == wr->len && wr->len > 0 && wr->s[wr->len - 1] == '\n')
		*hard = 1;
	return (b);
}

/*
 * Put the word [pos, wend), wider than a line, on lines of its own: cut
 * at graphemes, where sticky_cut() allows. The last piece starts a line.
 */
static void
wrap_cut(struct wrap *wr, size_t pos, size_t wend)
{
	size_t	i = pos, next, cut;
	int	gw;

	wr->lstart = pos;
	wr->lw = 0;
	while (i < wend) {
		next = text_next_grapheme(wr->s, wr->len, i);
		if (next > wend)
			next = wend;
		gw = width_range(&wr->cbi, wr->s, wr->len, i, next);
		if (wr->lw + gw > wr->width && i > wr->lstart) {
			cut = sticky_cut(wr->s, wr->len, wr->lstart, i);
			wrap_emit(wr, wr->lstart, cut, width_range(&wr->cbi,
			    wr->s, wr->len, wr->lstart, cut));
			wr->lw = width_range(&wr->cbi, wr->s, wr->len, cut, i);
			wr->lstart = cut;
		}
		wr->lw += gw;
		i = next;
	}
}

/* Place the word [pos, wend) of width ww, followed by spaces up to b. */
static void
wrap_word(struct wrap *wr, size_t pos, size_t wend, size_t b, int ww)
{
	int	sw = width_range(&wr->cbi, wr->s, wr->len, wend, b);

	if (wr->lend > wr->lstart && wr->lw + wr->pending + ww > wr->width) {
		/* Does not fit: end the line before this word. */
		wrap_newline(wr, pos);
	}
	if (wr->lend == wr->lstart && ww > wr->width)
		wrap_cut(wr, pos, wend);
	else {
		/*
		 * Spaces that start the text or follow a hard break
		 * (indentation in preformatted text) stay on the line and
		 * count in its width when the word still fits after them;
		 * otherwise they go.
		 */
		if (wr->lend == wr->lstart && wr->pending + ww > wr->width) {
			wr->lstart = pos;
			wr->pending = 0;
		}
		wr->lw += wr->pending + ww;
	}
	wr->lend = wend;
	wr->pending = sw;
}

size_t
text_wrap(const char *s, size_t len, int width, const char *lang,
    struct text_line **lines, size_t *alloc)
{
	struct wrap	wr;
	size_t		pos = 0, b, wend;
	int		hard;

	memset(&wr, 0, sizeof wr);
	wr.s = s;
	wr.len = len;
	wr.width = width < 1 ? 1 : width;
	wr.french = lang != NULL && strncmp(lang, "fr", 2) == 0;
	wr.lbi = len == 0 ? NULL : text_icu_break(UBRK_LINE, lang, s, len);
	wr.lines = lines;
	wr.alloc = alloc;
	while (pos < len) {
		b = wrap_break(&wr, pos, &hard);
		wend = b;
		while (wend > pos && is_break_space(s[wend - 1]))
			wend--;
		wrap_word(&wr, pos, wend, b, width_range(&wr.cbi, s, len, pos,
		    wend));
		pos = b;
		if (hard) {
			wrap_newline(&wr, pos);
			if (pos == len)
				return (wr.n);
		}
	}
	if (wr.n == 0 || wr.lend > wr.lstart)
		wrap_emit(&wr, wr.lstart, wr.lend, wr.lw);
	return (wr.n);
}
