/* Search: to be written (issue 3). */
#include "config.h"

#include "text.h"

struct text_search *
text_search_create(const char *pattern, const char *lang)
{
	return (NULL);
}

void
text_search_free(struct text_search *ts)
{
}

int
text_search_next(struct text_search *ts, const char *s, size_t len,
    size_t from, struct text_range *m)
{
	return (0);
}
