/*
 * The articles to choose from: the library (what the store remembers) and
 * a folder's articles, the filter over them, forgetting one, and the notes
 * of them all grouped by article.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <libxml/uri.h>

#include "article.h"
#include "library.h"

char *
library_path(const char *source)
{
	char	*p;

	if (strncmp(source, "file://", 7) != 0)
		return (xstrdup(source));
	p = xmlURIUnescapeString(source + 7, 0, NULL);
	if (p == NULL)
		fatalx("cannot unescape a path");
	return (p);
}

/* The last part of a path or URL, without its query. */
static char *
base_name(const char *path)
{
	const char	*s = path, *e;
	size_t		 n = strlen(path);

	while (n > 1 && path[n - 1] == '/')
		n--;
	for (e = path; e < path + n; e++) {
		if (*e == '/')
			s = e + 1;
	}
	return (xstrndup(s, (size_t)(path + n - s)));
}

/* Fill the shown fields of entry e from its versions. */
static void
entry_finish(struct library_entry *e, const char *title)
{
	struct strbuf	sb = STRBUF_INIT;
	size_t		i;

	for (i = 0; i < e->n; i++) {
		if (e->vlangs[i] == NULL)
			continue;
		if (sb.len > 0)
			strbuf_addch(&sb, ' ');
		strbuf_addstr(&sb, e->vlangs[i]);
	}
	e->langs = strbuf_detach(&sb, NULL);
	if (title != NULL && *title != '\0')
		e->title = xstrdup(title);
	else if (e->n > 0)
		e->title = base_name(e->paths[0]);
	else
		e->title = xstrdup("?");
}

/* Room for n versions in entry e. */
static void
entry_alloc(struct library_entry *e, size_t n)
{
	e->n = n;
	e->sources = xcalloc(n + 1, sizeof *e->sources);
	e->paths = xcalloc(n + 1, sizeof *e->paths);
	e->vlangs = xcalloc(n + 1, sizeof *e->vlangs);
}

int
library_load(struct library *lib, struct store *st, int flags, char **cause)
{
	struct store_article	*sa;
	struct library_entry	*e;
	const char		*title;
	size_t			 n, i, k;
	int			 r;

	memset(lib, 0, sizeof *lib);
	if ((r = store_articles_list(st, flags, &sa, &n, cause)) != 0)
		return (r);
	lib->st = st;
	lib->name = xstrdup("Library");
	lib->v = xcalloc(n + 1, sizeof *lib->v);
	lib->n = n;
	for (i = 0; i < n; i++) {
		e = &lib->v[i];
		e->id = sa[i].id;
		e->uuid = sa[i].uuid;
		sa[i].uuid = NULL;
		e->site = sa[i].site;
		sa[i].site = NULL;
		e->read = sa[i].read;
		sa[i].read = NULL;
		e->notes = sa[i].notes;
		e->orphans = sa[i].orphans;
		entry_alloc(e, sa[i].nv);
		title = sa[i].title;
		for (k = 0; k < sa[i].nv; k++) {
			e->sources[k] = sa[i].v[k].source;
			sa[i].v[k].source = NULL;
			e->paths[k] = library_path(e->sources[k]);
			e->vlangs[k] = sa[i].v[k].lang;
			sa[i].v[k].lang = NULL;
			if (title == NULL)
				title = sa[i].v[k].title;
		}
		entry_finish(e, title);
	}
	store_articles_free(sa, n);
	return (0);
}

int
library_scan_dir(struct library *lib, const char *dir, char **cause)
{
	struct article_group	*g;
	struct library_entry	*e;
	size_t			 i, k;
	int			 n;

	memset(lib, 0, sizeof *lib);
	if ((n = article_scan_groups(dir, &g, cause)) < 0)
		return (-1);
	lib->name = xstrdup(dir);
	lib->v = xcalloc((size_t)n + 1, sizeof *lib->v);
	lib->n = (size_t)n;
	for (i = 0; i < lib->n; i++) {
		e = &lib->v[i];
		entry_alloc(e, g[i].n);
		for (k = 0; k < g[i].n; k++) {
			e->paths[k] = g[i].files[k];
			e->sources[k] = xstrdup(g[i].files[k]);
			e->vlangs[k] = xstrdup(g[i].langs[k]);
		}
		g[i].n = 0;	/* the files are the entry's now */
		entry_finish(e, g[i].name);
	}
	article_groups_free(g, lib->n);
	return (n);
}

/* Free the strings of an entry. */
static void
entry_release(struct library_entry *e)
{
	size_t	i;

	free(e->uuid);
	free(e->title);
	free(e->langs);
	free(e->site);
	free(e->read);
	for (i = 0; i < e->n; i++) {
		free(e->sources[i]);
		free(e->paths[i]);
		free(e->vlangs[i]);
	}
	free(e->sources);
	free(e->paths);
	free(e->vlangs);
	memset(e, 0, sizeof *e);
}

void
library_release(struct library *lib)
{
	size_t	i;

	for (i = 0; i < lib->n; i++)
		entry_release(&lib->v[i]);
	free(lib->v);
	free(lib->name);
	memset(lib, 0, sizeof *lib);
}

int
library_exists(const char *dir)
{
	struct store	*st;
	struct library	 lib;
	char		*cause = NULL;
	int		 r = 0;

	if (store_open(&st, dir, &cause) != 0) {
		free(cause);
		return (0);
	}
	if (library_load(&lib, st, 0, &cause) == 0) {
		r = lib.n > 0;
		library_release(&lib);
	} else
		free(cause);
	store_close(st);
	return (r);
}

/* Does s hold a match? */
static int
field_match(struct text_search *ts, const char *s)
{
	struct text_range	m;

	return (s != NULL && *s != '\0' &&
	    text_search_next(ts, s, strlen(s), 0, &m) == 1);
}

int
library_match(const struct library_entry *e, struct text_search *ts)
{
	size_t	i;

	if (field_match(ts, e->title) || field_match(ts, e->site) ||
	    field_match(ts, e->langs))
		return (1);
	for (i = 0; i < e->n; i++) {
		if (field_match(ts, e->paths[i]))
			return (1);
	}
	return (0);
}

int
library_forget(struct library *lib, size_t i, int with_notes, char **cause)
{
	int	r;

	if (i >= lib->n || lib->st == NULL) {
		*cause = xstrdup("not an article of the library");
		return (STORE_ERROR);
	}
	r = store_article_forget(lib->st, lib->v[i].id, with_notes, cause);
	if (r != 0 && r != STORE_NOTFOUND)
		return (r);
	if (r == STORE_NOTFOUND) {
		/* Forgotten by another polyread: gone all the same. */
		free(*cause);
		*cause = NULL;
	}
	entry_release(&lib->v[i]);
	memmove(&lib->v[i], &lib->v[i + 1], (lib->n - i - 1) *
	    sizeof *lib->v);
	lib->n--;
	return (0);
}

long
library_find(const struct library *lib, int64_t id)
{
	size_t	i;

	for (i = 0; i < lib->n; i++) {
		if (lib->v[i].id == id)
			return ((long)i);
	}
	return (-1);
}

int
library_notes(const struct library *lib, struct note **out, size_t *nout,
    char **cause)
{
	struct note	*all, *v;
	size_t		 n, i, k, count = 0;
	int		 r;

	*out = NULL;
	*nout = 0;
	if (lib->st == NULL)
		return (0);
	if ((r = note_list_stored(lib->st, 0, &all, &n, cause)) != 0)
		return (r);
	/* The store lists them by article: regroup in the list's order. */
	v = xcalloc(n + 1, sizeof *v);
	for (i = 0; i < lib->n; i++) {
		for (k = 0; k < n; k++) {
			if (all[k].rec.article == lib->v[i].id)
				v[count++] = all[k];
		}
	}
	for (k = 0; k < n; k++) {
		if (library_find(lib, all[k].rec.article) < 0)
			note_release(&all[k]);	/* a forgotten article's */
	}
	free(all);
	*out = v;
	*nout = count;
	return (0);
}
