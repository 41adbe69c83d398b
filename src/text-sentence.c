/* Sentences and words: to be written (issue 3). */
#include "config.h"

#include <stdlib.h>

#include "text.h"

size_t
text_sentences(const char *s, size_t len, const char *lang,
    struct text_range **out)
{
	*out = xmalloc(sizeof **out);
	(*out)[0].start = 0;
	(*out)[0].end = len;
	return (len == 0 ? 0 : 1);
}

size_t
text_doc_sentences(const struct doc *d, const char *lang,
    struct text_sentence **out)
{
	size_t	i;

	*out = xcalloc(d->nblocks + 1, sizeof **out);
	for (i = 0; i < d->nblocks; i++) {
		(*out)[i].block = i;
		(*out)[i].start = 0;
		(*out)[i].end = d->blocks[i].len;
	}
	return (d->nblocks);
}

size_t
text_words(const char *s, size_t len, const char *lang,
    struct text_range **out)
{
	*out = NULL;
	return (0);
}
