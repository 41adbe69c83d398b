/*
 * Shared ICU plumbing for the text engine: a small cache of break
 * iterators, each with the UText it reads, keyed by type and locale.
 */
#include "config.h"

#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include <unicode/ubrk.h>
#include <unicode/utext.h>

#include "text.h"
#include "text-icu.h"

struct brk_cache {
	UBreakIteratorType	 type;
	char			 locale[32];
	UBreakIterator		*bi;
	UText			*ut;
	unsigned		 used;
};

/* Per thread: the reader aligns in a worker thread. */
static _Thread_local struct brk_cache	cache[12];
static _Thread_local unsigned		cache_clock;

const char *
text_icu_locale(const char *lang)
{
	return (lang == NULL ? "" : lang);
}

UBreakIterator *
text_icu_break(UBreakIteratorType type, const char *lang, const char *s,
    size_t len)
{
	struct brk_cache	*c = NULL, *victim = &cache[0];
	const char		*loc = text_icu_locale(lang);
	UErrorCode		 ec = U_ZERO_ERROR;
	size_t			 i;

	if (len > INT32_MAX)
		return (NULL);
	for (i = 0; i < nitems(cache); i++) {
		if (cache[i].bi != NULL && cache[i].type == type &&
		    strcmp(cache[i].locale, loc) == 0) {
			c = &cache[i];
			break;
		}
		if (cache[i].used < victim->used)
			victim = &cache[i];
	}
	if (c == NULL) {
		c = victim;
		if (c->bi != NULL)
			ubrk_close(c->bi);
		if (c->ut != NULL)
			utext_close(c->ut);
		memset(c, 0, sizeof *c);
		c->bi = ubrk_open(type, loc, NULL, 0, &ec);
		if (U_FAILURE(ec)) {
			c->bi = NULL;
			return (NULL);
		}
		c->type = type;
		snprintf(c->locale, sizeof c->locale, "%s", loc);
	}
	c->used = ++cache_clock;
	ec = U_ZERO_ERROR;
	c->ut = utext_openUTF8(c->ut, s, (int64_t)len, &ec);
	if (U_FAILURE(ec))
		return (NULL);
	ubrk_setUText(c->bi, c->ut, &ec);
	if (U_FAILURE(ec))
		return (NULL);
	return (c->bi);
}

/*
 * What the engine's other files keep per thread (collators, the
 * transliterator) is freed by the cleanups they register here when they
 * first make it: text.c calls none of its users.
 */
static _Thread_local void	(*cleanups[4])(void);
static _Thread_local size_t	  ncleanups;

void
text_cleanup(void)
{
	size_t	i;

	for (i = 0; i < nitems(cache); i++) {
		if (cache[i].bi != NULL)
			ubrk_close(cache[i].bi);
		if (cache[i].ut != NULL)
			utext_close(cache[i].ut);
		memset(&cache[i], 0, sizeof cache[i]);
	}
	for (i = 0; i < ncleanups; i++)
		cleanups[i]();
	ncleanups = 0;
}

void
text_on_cleanup(void (*fn)(void))
{
	size_t	i;

	for (i = 0; i < ncleanups; i++) {
		if (cleanups[i] == fn)
			return;
	}
	if (ncleanups == nitems(cleanups))
		fatalx("%s: too many cleanups", __func__);
	cleanups[ncleanups++] = fn;
}
