/*
 * text-icu.h: private helpers shared by the text engine's files.
 */
#ifndef POLYREAD_TEXT_ICU_H
#define POLYREAD_TEXT_ICU_H

#include <unicode/ubrk.h>

/*
 * A cached break iterator of type for lang, pointed at the UTF-8 string s
 * (offsets are bytes). Valid until the next call with the same type and
 * language; NULL if ICU cannot open one.
 */
UBreakIterator	*text_icu_break(UBreakIteratorType, const char *lang,
		     const char *s, size_t len);
/* The ICU locale name for a language tag ("" for NULL). */
const char	*text_icu_locale(const char *lang);
/*
 * Have text_cleanup() call fn in this thread (once, however often it is
 * registered): for the per-thread ICU objects a file of the engine makes.
 */
void		 text_on_cleanup(void (*fn)(void));

#endif
