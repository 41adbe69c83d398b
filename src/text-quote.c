/* Quotations: to be written (issue 3). */
#include "config.h"

#include "text.h"

size_t
text_quotes(const struct doc *d, const char *lang, struct text_quote **out)
{
	*out = NULL;
	return (0);
}
