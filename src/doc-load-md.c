/* Markdown loader: to be written. */
#include "config.h"

#include "load.h"

int
load_markdown(struct doc *d, const char *data, size_t len, char **cause)
{
	return (load_text(d, data, len, NULL, cause));
}
