/*
 * The metadata a web page states (see html-meta.h). Stub: filled in next.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "html-meta.h"
#include "util.h"

void
html_meta_read(struct _xmlNode *root, struct html_meta *m)
{
	(void)root;
	memset(m, 0, sizeof *m);
}

void
html_meta_free(struct html_meta *m)
{
	size_t	i;

	free(m->title);
	free(m->page_title);
	free(m->subtitle);
	free(m->site);
	free(m->published);
	free(m->modified);
	free(m->canonical);
	free(m->lang);
	free(m->section);
	free(m->type);
	for (i = 0; i < m->nauthors; i++)
		free(m->authors[i]);
	free(m->authors);
	free(m->body);
	memset(m, 0, sizeof *m);
}

int
html_meta_jsonld(const char *json, size_t len, struct html_meta *m)
{
	(void)json;
	(void)len;
	(void)m;
	return (-1);
}

char *
html_meta_iso_date(const char *s)
{
	(void)s;
	return (NULL);
}
