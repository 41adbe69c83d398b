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
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ucol.h>
#include <unicode/usearch.h>
#include <unicode/ustring.h>
#include <unicode/utf8.h>
#include <unicode/utf16.h>
#include <unicode/uvernum.h>

#include "text.h"
#include "text-icu.h"

struct text_search {
	UCollator	*coll;
	UStringSearch	*us;
	UChar		*pat;

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
 * Convert UTF-8 s to UTF-16 in ts, recording the byte offset of each unit;
 * invalid bytes become U+FFFD. Returns -1 if the text is too long.
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

struct text_search *
text_search_create(const char *pattern, const char *lang)
{
	struct text_search	*ts;
	UErrorCode		 ec = U_ZERO_ERROR;
	int32_t			 n = 0;
	size_t			 plen;
	static const UChar	 dummy[] = { ' ' };

	if (pattern == NULL || *pattern == '\0')
		return (NULL);
	plen = strlen(pattern);
	if (plen > 4096)
		return (NULL);
	ts = xcalloc(1, sizeof *ts);
	ts->pat = xcalloc(plen + 1, sizeof *ts->pat);
	u_strFromUTF8WithSub(ts->pat, (int32_t)plen + 1, &n, pattern,
	    (int32_t)plen, 0xfffd, NULL, &ec);
	if (U_FAILURE(ec) || n == 0)
		goto fail;
	if ((ts->coll = collator_clone(lang)) == NULL)
		goto fail;
	ts->us = usearch_openFromCollator(ts->pat, n, dummy, 1, ts->coll,
	    NULL, &ec);
	if (U_FAILURE(ec))
		goto fail;
	return (ts);

fail:
	text_search_free(ts);
	return (NULL);
}

void
text_search_free(struct text_search *ts)
{
	if (ts == NULL)
		return;
	if (ts->us != NULL)
		usearch_close(ts->us);
	if (ts->coll != NULL)
		ucol_close(ts->coll);
	free(ts->pat);
	free(ts->src);
	free(ts->u16);
	free(ts->map);
	free(ts);
}

int
text_search_next(struct text_search *ts, const char *s, size_t len,
    size_t from, struct text_range *m)
{
	UErrorCode	ec = U_ZERO_ERROR;
	int32_t		lo, hi, mid, pos, mlen;

	if (ts == NULL || len == 0 || from >= len)
		return (0);
	if (ts->have_text && ts->srclen == len && ts->srcp != s &&
	    memcmp(ts->src, s, len) == 0)
		ts->srcp = s;		/* the same text elsewhere */
	if (!ts->have_text || ts->srclen != len || ts->srcp != s) {
		if (convert(ts, s, len) != 0)
			return (0);
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
	if (lo >= ts->n16)
		return (0);
	pos = usearch_following(ts->us, lo, &ec);
	if (U_FAILURE(ec) || pos == USEARCH_DONE)
		return (0);
	mlen = usearch_getMatchedLength(ts->us);
	if (mlen <= 0 || pos + mlen > ts->n16)
		return (0);
	m->start = ts->map[pos];
	m->end = ts->map[pos + mlen];
	return (1);
}
