/* XML loader: to be written. */
#include "config.h"

#include "load.h"

int
load_xml(struct doc *d, const char *data, size_t len, char **cause)
{
	*cause = xstrprintf("'%s': XML is not supported yet", d->source);
	return (-1);
}
