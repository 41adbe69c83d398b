/*
 * Opening the versions of an article: files, a folder, or the sample.
 */
#include "config.h"

#include <sys/stat.h>

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "article.h"
#include "safe.h"

/* A copy of s with control characters escaped, for a message. */
static char *
article_quote(const char *s)
{
	struct strbuf	sb = STRBUF_INIT;

	safe_escape(&sb, s, strlen(s), 0);
	return (strbuf_detach(&sb, NULL));
}

const char *
article_sample_dir(void)
{
	static char	*dir;
	const char	*env = getenv("POLYREAD_DATADIR");
	struct stat	 sb;
	char		*p;

	if (dir != NULL)
		return (dir);
	if (env != NULL && *env != '\0') {
		dir = xstrprintf("%s/sample", env);
		return (dir);
	}
	p = xstrprintf("%s/sample", PKGDATADIR);
	if (stat(p, &sb) == 0 && S_ISDIR(sb.st_mode)) {
		dir = p;
		return (dir);
	}
	free(p);
	/* Not installed: the source tree's copy. */
	dir = xstrprintf("%s/sample", SRCDATADIR);
	return (dir);
}

/* Split NAME.LANG.EXT (or LANG.EXT); returns 0 with lang and name. */
static int
split_name(const char *file, char *lang, size_t langsz, char **name)
{
	const char	*ext, *dot, *l;
	size_t		 n, i;

	if (*file == '.')
		return (-1);
	ext = strrchr(file, '.');
	if (ext == NULL || ext == file)
		return (-1);
	if (!ends_with_ci(ext, ".html") && !ends_with_ci(ext, ".htm") &&
	    !ends_with_ci(ext, ".xhtml") && !ends_with_ci(ext, ".xml") &&
	    !ends_with_ci(ext, ".txt") && !ends_with_ci(ext, ".md") &&
	    !ends_with_ci(ext, ".markdown") && !ends_with_ci(ext, ".tei"))
		return (-1);
	/* The part before the extension ends in .LANG or is LANG. */
	for (dot = ext - 1; dot > file && *dot != '.'; dot--)
		;
	l = *dot == '.' ? dot + 1 : file;
	n = (size_t)(ext - l);
	if (n < 2 || n > 3 || n >= langsz)
		return (-1);
	for (i = 0; i < n; i++) {
		if (!isalpha((unsigned char)l[i]))
			return (-1);
		lang[i] = (char)tolower((unsigned char)l[i]);
	}
	lang[n] = '\0';
	*name = xstrndup(file, *dot == '.' ? (size_t)(dot - file) : 0);
	return (0);
}

/* Order of languages: en, fr, ru first, then the others by code. */
static int
lang_rank(const char *l)
{
	if (strcmp(l, "en") == 0)
		return (0);
	if (strcmp(l, "fr") == 0)
		return (1);
	if (strcmp(l, "ru") == 0)
		return (2);
	return (3);
}

struct scan_entry {
	char	*name;
	char	 lang[4];
	char	*file;
};

static int
scan_cmp(const void *a, const void *b)
{
	const struct scan_entry	*x = a, *y = b;
	int			 r;

	if ((r = strcmp(x->name, y->name)) != 0)
		return (r);
	if (lang_rank(x->lang) != lang_rank(y->lang))
		return (lang_rank(x->lang) - lang_rank(y->lang));
	return (strcmp(x->lang, y->lang));
}

int
article_scan_dir(const char *dir, char ***files, char **cause)
{
	DIR			*dp;
	struct dirent		*de;
	struct scan_entry	*e = NULL;
	size_t			 n = 0, alloc = 0, i, k, ngroups = 0;
	char			 lang[4], *name, *q;
	int			 count = 0;

	*files = NULL;
	if ((dp = opendir(dir)) == NULL) {
		q = article_quote(dir);
		*cause = xstrprintf("cannot open folder '%s': %s", q,
		    strerror(errno));
		free(q);
		return (-1);
	}
	while ((de = readdir(dp)) != NULL) {
		if (split_name(de->d_name, lang, sizeof lang, &name) != 0)
			continue;
		XGROW(e, alloc, n + 1);
		e[n].name = name;
		memcpy(e[n].lang, lang, sizeof lang);
		e[n].file = xstrprintf("%s/%s", dir, de->d_name);
		n++;
	}
	closedir(dp);
	if (n == 0) {
		q = article_quote(dir);
		*cause = xstrprintf("no article files (NAME.LANG.html, .txt, "
		    ".md, .xml) in '%s'", q);
		free(q);
		return (-1);
	}
	qsort(e, n, sizeof *e, scan_cmp);
	for (i = 0; i < n; i++) {
		if (i == 0 || strcmp(e[i].name, e[i - 1].name) != 0)
			ngroups++;
	}
	if (ngroups > 1) {
		q = article_quote(dir);
		name = article_quote(*e[0].name != '\0' ? e[0].name :
		    e[0].file);
		warn_msg("'%s' holds %zu articles; opening '%s'", q, ngroups,
		    name);
		free(name);
		free(q);
	}
	*files = xcalloc(ARTICLE_MAXVERS + 1, sizeof **files);
	for (i = 0; i < n; i++) {
		if (strcmp(e[i].name, e[0].name) != 0)
			continue;
		/* One file per language: the first in name order. */
		for (k = 0; k < i; k++) {
			if (strcmp(e[k].name, e[i].name) == 0 &&
			    strcmp(e[k].lang, e[i].lang) == 0)
				break;
		}
		if (k < i || count == ARTICLE_MAXVERS)
			continue;
		(*files)[count++] = e[i].file;
		e[i].file = NULL;
	}
	for (i = 0; i < n; i++) {
		free(e[i].name);
		free(e[i].file);
	}
	free(e);
	return (count);
}

/* The i-th language of a comma-separated list, or NULL. */
static char *
nth_lang(const char *langs, size_t i)
{
	const char	*p = langs, *q;

	if (langs == NULL)
		return (NULL);
	while (i-- > 0) {
		if ((p = strchr(p, ',')) == NULL)
			return (NULL);
		p++;
	}
	q = strchr(p, ',');
	if (q == NULL)
		q = p + strlen(p);
	if (q == p)
		return (NULL);
	return (xstrndup(p, (size_t)(q - p)));
}

int
article_open(struct article *a, char **paths, size_t npaths,
    const struct article_opts *opts, char **cause)
{
	char			**list = NULL, *one[2], *q;
	struct load_opts	  lo;
	struct stat		  sb;
	size_t			  i, n = npaths;
	int			  r;

	memset(a, 0, sizeof *a);
	if (npaths == 0) {
		one[0] = (char *)article_sample_dir();
		one[1] = NULL;
		paths = one;
		n = 1;
	}
	if (n == 1 && stat(paths[0], &sb) == 0 && S_ISDIR(sb.st_mode)) {
		if ((r = article_scan_dir(paths[0], &list, cause)) < 0)
			return (-1);
		paths = list;
		n = (size_t)r;
	}
	if (n > ARTICLE_MAXVERS) {
		*cause = xstrprintf("too many versions (%zu; at most %d)", n,
		    ARTICLE_MAXVERS);
		goto fail;
	}
	/* A folder stands alone: among files it is a mistake. */
	for (i = 0; n > 1 && i < n; i++) {
		if (stat(paths[i], &sb) == 0 && S_ISDIR(sb.st_mode)) {
			q = article_quote(paths[i]);
			*cause = xstrprintf("'%s' is a folder (give one folder "
			    "alone, or files)", q);
			free(q);
			goto fail;
		}
	}
	for (i = 0; i < n; i++) {
		memset(&lo, 0, sizeof lo);
		lo.lang = nth_lang(opts != NULL ? opts->langs : NULL, i);
		lo.force_lang = opts != NULL && opts->force_lang;
		lo.presegmented = opts != NULL && opts->presegmented;
		lo.format = opts != NULL ? opts->format : NULL;
		a->docs[i] = load_file(paths[i], &lo, cause);
		free((char *)lo.lang);
		if (a->docs[i] == NULL)
			goto fail;
		a->n++;
	}
	if (list != NULL) {
		for (i = 0; list[i] != NULL; i++)
			free(list[i]);
		free(list);
	}
	return (0);

fail:
	if (list != NULL) {
		for (i = 0; list[i] != NULL; i++)
			free(list[i]);
		free(list);
	}
	article_release(a);
	return (-1);
}

void
article_release(struct article *a)
{
	size_t	i;

	for (i = 0; i < a->n; i++)
		doc_free(a->docs[i]);
	memset(a, 0, sizeof *a);
}
