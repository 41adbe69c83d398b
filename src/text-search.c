/*
 * Search: case- and accent-insensitive matching with ICU's string search
 * (usearch) and a collator of the language at primary strength, so "etats"
 * finds "États" and "елка" finds "ёлка".
 *
 * usearch works on UTF-16: the text is converted once and kept, with a map
 * from each UTF-16 unit to its byte offset, until the caller passes another
 * text (another pointer or length, and other bytes), so finding every
 * match of a block costs one conversion. Collators are slow to open, so
 * each thread keeps a few (one per language), and each search takes its
 * own clone (cheap: the clone shares the rules), so a search never depends
 * on the cache.
 *
 * A regular expression (TEXT_SEARCH_REGEX) is ICU's uregex, case-
 * insensitive, on the text and the pattern folded alike with the same
 * collator: a character that the collator takes for its base letter at
 * primary strength becomes that letter (é is e in French; ё is е in
 * Russian, й stays й), one it ignores is dropped (a stress mark), so
 * "etats" and "[ée]tats" find "États". The folded text keeps a map back to
 * the bytes, as the plain search's UTF-16 does. Whole words
 * (TEXT_SEARCH_WORD_START, _END) are checked on the match's edges: no
 * letter, digit or mark just outside it.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/ucol.h>
#include <unicode/unorm2.h>
#include <unicode/uregex.h>
#include <unicode/usearch.h>
#include <unicode/ustring.h>
#include <unicode/utf8.h>
#include <unicode/utf16.h>
#include <unicode/uvernum.h>

#include "text.h"
#include "text-icu.h"

/* Folded characters remembered (a direct-mapped cache). */
#define FOLD_CACHE	256
/* The regular expression's budget per block (ICU's steps, ~ms). */
#define REGEX_TIME	300

struct text_search {
	UCollator	*coll;
	UStringSearch	*us;
	UChar		*pat;
	int		 flags;
	URegularExpression *re;
	int		 timed_out;
	UChar32		 fold_from[FOLD_CACHE];
	UChar32		 fold_to[FOLD_CACHE];	/* -1: dropped */

	/* The last text searched, as UTF-8 and as UTF-16. */
	const char	*srcp;		/* where it was */
	char		*src;		/* a copy */
	size_t		 srclen;
	int		 have_text;
	UChar		*u16;
	int32_t		 n16;
	size_t		*map;		/* UTF-16 index -> byte offset */
	size_t		 alloc16;
};

struct coll_cache {
	char		 locale[32];
	UCollator	*coll;
	unsigned	 used;
};

static void	text_search_cleanup(void);

/* Per thread, like the break iterators. */
static _Thread_local struct coll_cache	colls[4];
static _Thread_local unsigned		colls_clock;

/* A copy of the thread's primary-strength collator for lang, or NULL. */
static UCollator *
collator_clone(const char *lang)
{
	struct coll_cache	*c = NULL, *victim = &colls[0];
	const char		*loc = text_icu_locale(lang);
	UErrorCode		 ec = U_ZERO_ERROR;
	UCollator		*clone;
	size_t			 i;

	for (i = 0; i < nitems(colls); i++) {
		if (colls[i].coll != NULL &&
		    strcmp(colls[i].locale, loc) == 0) {
			c = &colls[i];
			break;
		}
		if (colls[i].used < victim->used)
			victim = &colls[i];
	}
	if (c == NULL) {
		c = victim;
		if (c->coll != NULL)
			ucol_close(c->coll);
		memset(c, 0, sizeof *c);
		c->coll = ucol_open(loc, &ec);
		if (U_FAILURE(ec)) {
			c->coll = NULL;
			return (NULL);
		}
		ucol_setStrength(c->coll, UCOL_PRIMARY);
		text_on_cleanup(text_search_cleanup);
		snprintf(c->locale, sizeof c->locale, "%s", loc);
	}
	c->used = ++colls_clock;
	ec = U_ZERO_ERROR;
#if U_ICU_VERSION_MAJOR_NUM >= 71
	clone = ucol_clone(c->coll, &ec);
#else
	clone = ucol_safeClone(c->coll, NULL, NULL, &ec);
#endif
	if (U_FAILURE(ec))
		return (NULL);
	return (clone);
}

/* Free the thread's collators (from text_cleanup()). */
static void
text_search_cleanup(void)
{
	size_t	i;

	for (i = 0; i < nitems(colls); i++) {
		if (colls[i].coll != NULL)
			ucol_close(colls[i].coll);
		memset(&colls[i], 0, sizeof colls[i]);
	}
}

/*
 * Fold c for a regular expression, as the collator sees it at primary
 * strength: its base letter when the two are equal (é -> e, Ё -> Е),
 * -1 when it is ignorable (a combining stress mark), else c.
 */
static UChar32
fold_cp(struct text_search *ts, UChar32 c)
{
	const UNormalizer2	*nfd;
	UErrorCode		 ec = U_ZERO_ERROR;
	UChar			 a[2], b[2], d[8];
	int32_t			 na = 0, nb = 0, nd, i = 0;
	UChar32			 base, r = c;
	size_t			 k;

	if (c < 0x80 || ts->coll == NULL)
		return (c);
	k = (size_t)c % FOLD_CACHE;
	if (ts->fold_from[k] == c)
		return (ts->fold_to[k]);
	U16_APPEND_UNSAFE(a, na, c);
	if (ucol_strcoll(ts->coll, a, na, NULL, 0) == UCOL_EQUAL)
		r = -1;
	else if ((nfd = unorm2_getNFDInstance(&ec)) != NULL &&
	    U_SUCCESS(ec) && (nd = unorm2_getDecomposition(nfd, c, d,
	    (int32_t)nitems(d), &ec)) > 0 && U_SUCCESS(ec)) {
		U16_NEXT(d, i, nd, base);
		U16_APPEND_UNSAFE(b, nb, base);
		if (base != c && ucol_strcoll(ts->coll, a, na, b, nb) ==
		    UCOL_EQUAL)
			r = base;
	}
	ts->fold_from[k] = c;
	ts->fold_to[k] = r;
	return (r);
}

/*
 * Convert UTF-8 s to UTF-16 in ts, recording the byte offset of each unit;
 * invalid bytes become U+FFFD. A regular expression's text is folded
 * (fold_cp()). Returns -1 if the text is too long.
 */
static int
convert(struct text_search *ts, const char *s, size_t len)
{
	size_t	i = 0, at;
	int32_t	j, n = 0;
	UChar32	c;

	if (len >= INT32_MAX / 2)
		return (-1);
	if (ts->alloc16 < len + 1) {
		free(ts->u16);
		free(ts->map);
		ts->alloc16 = len + 1;
		ts->u16 = xreallocarray(NULL, ts->alloc16, sizeof *ts->u16);
		ts->map = xreallocarray(NULL, ts->alloc16, sizeof *ts->map);
	}
	while (i < len) {
		at = i;
		j = (int32_t)i;
		U8_NEXT(s, j, (int32_t)len, c);
		i = (size_t)j;
		if (c < 0)
			c = 0xfffd;
		if (ts->re != NULL && (c = fold_cp(ts, c)) < 0)
			continue;
		if (U_IS_BMP(c)) {
			ts->map[n] = at;
			ts->u16[n++] = (UChar)c;
		} else {
			ts->map[n] = at;
			ts->u16[n++] = U16_LEAD(c);
			ts->map[n] = at;
			ts->u16[n++] = U16_TRAIL(c);
		}
	}
	ts->map[n] = len;
	ts->n16 = n;
	free(ts->src);
	ts->src = xmalloc(len + 1);
	memcpy(ts->src, s, len);
	ts->src[len] = '\0';
	ts->srclen = len;
	ts->srcp = s;
	ts->have_text = 1;
	return (0);
}

/* A readable message for ICU's regular expression error ec. */
static char *
regex_error(UErrorCode ec, const UParseError *pe)
{
	const char	*name = u_errorName(ec);
	char		*msg, *p;

	if (strncmp(name, "U_REGEX_", 8) == 0)
		name += 8;
	else if (strncmp(name, "U_", 2) == 0)
		name += 2;
	msg = xstrprintf("bad regular expression: %s (at character %d)",
	    name, pe->offset >= 0 ? pe->offset + 1 : 1);
	for (p = msg; *p != '\0'; p++) {
		if (*p == '_')
			*p = ' ';
		else if (*p >= 'A' && *p <= 'Z')
			*p = (char)(*p - 'A' + 'a');
	}
	return (msg);
}

/* Compile the regular expression of ts->pat (n units), folded. */
static int
regex_open(struct text_search *ts, int32_t n, char **cause)
{
	UErrorCode	 ec = U_ZERO_ERROR;
	UParseError	 pe;
	UChar		*fp;
	UChar32		 c;
	int32_t		 i = 0, nf = 0;

	fp = xcalloc((size_t)n * 2 + 1, sizeof *fp);
	while (i < n) {
		U16_NEXT(ts->pat, i, n, c);
		if ((c = fold_cp(ts, c)) < 0)
			continue;
		U16_APPEND_UNSAFE(fp, nf, c);
	}
	memset(&pe, 0, sizeof pe);
	ts->re = uregex_open(fp, nf, UREGEX_CASE_INSENSITIVE, &pe, &ec);
	free(fp);
	if (U_FAILURE(ec)) {
		ts->re = NULL;
		if (cause != NULL)
			*cause = regex_error(ec, &pe);
		return (-1);
	}
	/* A pattern that backtracks for ever gives up (U_REGEX_TIME_OUT). */
	uregex_setTimeLimit(ts->re, REGEX_TIME, &ec);
	return (0);
}

struct text_search *
text_search_create(const char *pattern, const char *lang)
{
	return (text_search_open(pattern, lang, 0, NULL));
}

struct text_search *
text_search_open(const char *pattern, const char *lang, int flags,
    char **cause)
{
	struct text_search	*ts;
	UErrorCode		 ec = U_ZERO_ERROR;
	int32_t			 n = 0;
	size_t			 plen;
	static const UChar	 dummy[] = { ' ' };

	if (pattern == NULL || *pattern == '\0')
		return (NULL);
	plen = strlen(pattern);
	if (plen > 4096) {
		if (cause != NULL)
			*cause = xstrdup("the pattern is too long");
		return (NULL);
	}
	ts = xcalloc(1, sizeof *ts);
	ts->flags = flags;
	ts->pat = xcalloc(plen + 1, sizeof *ts->pat);
	u_strFromUTF8WithSub(ts->pat, (int32_t)plen + 1, &n, pattern,
	    (int32_t)plen, 0xfffd, NULL, &ec);
	if (U_FAILURE(ec) || n == 0)
		goto fail;
	if ((ts->coll = collator_clone(lang)) == NULL)
		goto fail;
	if (flags & TEXT_SEARCH_REGEX) {
		if (regex_open(ts, n, cause) != 0)
			goto fail;
		return (ts);
	}
	ts->us = usearch_openFromCollator(ts->pat, n, dummy, 1, ts->coll,
	    NULL, &ec);
	if (U_FAILURE(ec))
		goto fail;
	return (ts);

fail:
	text_search_free(ts);
	return (NULL);
}

int
text_search_timed_out(const struct text_search *ts)
{
	return (ts != NULL && ts->timed_out);
}

void
text_search_free(struct text_search *ts)
{
	if (ts == NULL)
		return;
	if (ts->us != NULL)
		usearch_close(ts->us);
	if (ts->re != NULL)
		uregex_close(ts->re);
	if (ts->coll != NULL)
		ucol_close(ts->coll);
	free(ts->pat);
	free(ts->src);
	free(ts->u16);
	free(ts->map);
	free(ts);
}

/* Is c part of a word (a letter, a digit or a mark)? */
static int
word_char(UChar32 c)
{
	return (u_isUAlphabetic(c) || u_isdigit(c) ||
	    (U_GET_GC_MASK(c) & U_GC_M_MASK) != 0);
}

/* Do the edges of match [a, b) of s keep to whole words, as asked? */
static int
word_edges(const struct text_search *ts, const char *s, size_t len,
    size_t a, size_t b)
{
	UChar32	c;
	int32_t	i;

	if ((ts->flags & TEXT_SEARCH_WORD_START) && a > 0) {
		i = (int32_t)a;
		U8_PREV(s, 0, i, c);
		if (c >= 0 && word_char(c))
			return (0);
	}
	if ((ts->flags & TEXT_SEARCH_WORD_END) && b < len) {
		i = (int32_t)b;
		U8_NEXT(s, i, (int32_t)len, c);
		if (c >= 0 && word_char(c))
			return (0);
	}
	return (1);
}

/* The next match at or after unit lo: its units [*pos, *end), or 0. */
static int
find_units(struct text_search *ts, int32_t lo, int32_t *pos, int32_t *end)
{
	UErrorCode	ec = U_ZERO_ERROR;

	if (ts->re != NULL) {
		for (; lo <= ts->n16; lo++) {
			if (!uregex_find(ts->re, lo, &ec)) {
				if (ec == U_REGEX_TIME_OUT)
					ts->timed_out = 1;
				return (0);
			}
			*pos = uregex_start(ts->re, 0, &ec);
			*end = uregex_end(ts->re, 0, &ec);
			if (U_FAILURE(ec) || *pos < lo || *end > ts->n16)
				return (0);
			/* Empty matches (a*, ^) show nothing: go on. */
			if (*end > *pos)
				return (1);
			lo = *pos;
		}
		return (0);
	}
	*pos = usearch_following(ts->us, lo, &ec);
	if (U_FAILURE(ec) || *pos == USEARCH_DONE)
		return (0);
	*end = *pos + usearch_getMatchedLength(ts->us);
	return (*end > *pos && *end <= ts->n16);
}

int
text_search_next(struct text_search *ts, const char *s, size_t len,
    size_t from, struct text_range *m)
{
	UErrorCode	ec = U_ZERO_ERROR;
	int32_t		lo, hi, mid, pos, end;

	if (ts == NULL || len == 0 || from >= len || ts->timed_out)
		return (0);
	if (ts->have_text && ts->srclen == len && ts->srcp != s &&
	    memcmp(ts->src, s, len) == 0)
		ts->srcp = s;		/* the same text elsewhere */
	if (!ts->have_text || ts->srclen != len || ts->srcp != s) {
		if (convert(ts, s, len) != 0)
			return (0);
		if (ts->re != NULL)
			uregex_setText(ts->re, ts->u16, ts->n16, &ec);
		else
			usearch_setText(ts->us, ts->u16, ts->n16, &ec);
		if (U_FAILURE(ec)) {
			ts->have_text = 0;
			return (0);
		}
	}
	/* The first unit at or after byte from. */
	lo = 0;
	hi = ts->n16;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (ts->map[mid] < from)
			lo = mid + 1;
		else
			hi = mid;
	}
	while (lo < ts->n16 && find_units(ts, lo, &pos, &end)) {
		m->start = ts->map[pos];
		m->end = ts->map[end];
		if (word_edges(ts, s, len, m->start, m->end))
			return (1);
		lo = pos + 1;
	}
	return (0);
}
