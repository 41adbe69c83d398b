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

int
text_grapheme_width(const char *s, size_t len)
{
	int32_t	i = 0, n = (int32_t)len;
	UChar32	c, base = 0;
	int	w = 0, cw;

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
			w += (unsigned char)s[i] >= 0x20 &&
			    (unsigned char)s[i] != 0x7f;
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

size_t
text_wrap(const char *s, size_t len, int width, const char *lang,
    struct text_line **lines, size_t *alloc)
{
	UBreakIterator	*lbi, *cbi = NULL;
	size_t		 n = 0, pos = 0, b, wend, lstart = 0, lend = 0;
	int		 lw = 0, pending = 0, ww, sw, hard, french;
	int32_t		 r;

	if (width < 1)
		width = 1;
	french = lang != NULL && strncmp(lang, "fr", 2) == 0;
	lbi = len == 0 ? NULL : text_icu_break(UBRK_LINE, lang, s, len);

#define EMIT(a, z, w) do {						\
	XGROW(*lines, *alloc, n + 1);					\
	(*lines)[n].start = (a);					\
	(*lines)[n].end = (z);						\
	(*lines)[n].width = (w);					\
	n++;								\
} while (0)

	while (pos < len) {
		/* The next break that is not suppressed. */
		b = pos;
		hard = 0;
		for (;;) {
			if (lbi != NULL) {
				/* Onwards from the last break: next(), the
				 * iterator's fast path. */
				if (ubrk_current(lbi) == (int32_t)b)
					r = ubrk_next(lbi);
				else
					r = ubrk_following(lbi, (int32_t)b);
				b = r == UBRK_DONE ? len : (size_t)r;
				hard = b < len &&
				    ubrk_getRuleStatus(lbi) >= UBRK_LINE_HARD;
			} else
				b = len;
			if (b >= len || hard || !suppress_break(s, len, b,
			    french))
				break;
		}
		if (b > len)
			b = len;
		if (b == len && len > 0 && s[len - 1] == '\n')
			hard = 1;
		wend = b;
		while (wend > pos && is_break_space(s[wend - 1]))
			wend--;
		ww = width_range(&cbi, s, len, pos, wend);
		sw = width_range(&cbi, s, len, wend, b);

		if (lend > lstart && lw + pending + ww > width) {
			/* Does not fit: end the line before this word. */
			EMIT(lstart, lend, lw);
			lstart = lend = pos;
			lw = pending = 0;
		}
		if (lend == lstart && ww > width) {
			/* A word wider than the line: cut at graphemes. */
			size_t	i = pos, next, cut;
			int	gw;

			lstart = pos;
			lw = 0;
			while (i < wend) {
				next = text_next_grapheme(s, len, i);
				if (next > wend)
					next = wend;
				gw = width_range(&cbi, s, len, i, next);
				if (lw + gw > width && i > lstart) {
					cut = sticky_cut(s, len, lstart, i);
					EMIT(lstart, cut, width_range(&cbi, s,
					    len, lstart, cut));
					lw = width_range(&cbi, s, len, cut, i);
					lstart = cut;
				}
				lw += gw;
				i = next;
			}
			lend = wend;
			pending = sw;
		} else {
			/*
			 * Spaces that start the text or follow a hard break
			 * (indentation in preformatted text) stay on the
			 * line and count in its width when the word still
			 * fits after them; otherwise they go.
			 */
			if (lend == lstart && pending + ww > width) {
				lstart = pos;
				pending = 0;
			}
			lw += pending + ww;
			lend = wend;
			pending = sw;
		}
		pos = b;
		if (hard) {
			EMIT(lstart, lend, lw);
			lstart = lend = pos;
			lw = pending = 0;
			if (pos == len)
				return (n);
		}
	}
	if (n == 0 || lend > lstart)
		EMIT(lstart, lend, lw);
#undef EMIT
	return (n);
}
