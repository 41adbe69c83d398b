/* Plain-text loader: minimal version, to be completed. */
#include "config.h"

#include <string.h>

#include "load.h"

int
load_text(struct doc *d, const char *data, size_t len,
    const struct load_opts *opts, char **cause)
{
	const char	*p = data, *end = data + len, *nl;
	int		 open = 0;

	while (p < end) {
		nl = memchr(p, '\n', (size_t)(end - p));
		if (nl == NULL)
			nl = end;
		if (strspn(p, " \t\r") >= (size_t)(nl - p)) {
			if (open)
				doc_block_end(d);
			open = 0;
		} else {
			if (!open)
				doc_block_begin(d, BLOCK_PARA, 0);
			open = 1;
			doc_text(d, p, (size_t)(nl - p));
			doc_text(d, " ", 1);
		}
		p = nl + 1;
	}
	if (open)
		doc_block_end(d);
	return (0);
}
