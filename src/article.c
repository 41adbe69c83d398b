/*
 * Opening the versions of an article: files, a folder, URLs, or the
 * sample.
 *
 * One operand alone (a URL or a file) goes through article_open_one(): the
 * page is loaded, the versions it declares are found (discover.c),
 * resolved (against the URL, or to files in the same folder), chosen
 * (--langs, else all up to ARTICLE_MAXVERS, en, fr, ru first), fetched
 * together and loaded; those that fail are left out with a warning.
 * Several operands open as given, the URLs among them fetched together.
 */
#include "config.h"

#include <sys/stat.h>

#include <assert.h>
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <libxml/uri.h>

#include "article.h"
#include "discover.h"
#include "fetch.h"
#include "file.h"
#include "parallel.h"
#include "safe.h"
#include "text.h"

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
	char		*tag;
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
	/* Or any BCP 47 tag: NAME.pt-BR.EXT, NAME.zh-Hant.EXT. */
	if ((n < 2 || n > 3) && *dot == '.' &&
	    (tag = lang_from_filename(file)) != NULL) {
		n = strlen(tag);
		if (n < langsz)
			memcpy(lang, tag, n + 1);
		free(tag);
		if (n >= langsz)
			return (-1);
		*name = xstrndup(file, (size_t)(dot - file));
		return (0);
	}
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
article_scan_groups(const char *dir, struct article_group **groups,
    char **cause)
{
	DIR			*dp;
	struct dirent		*de;
	struct scan_entry	*e = NULL;
	struct article_group	*g = NULL, *cur = NULL;
	size_t			 n = 0, alloc = 0, i, k, ngroups = 0;
	char			 lang[4], *name, *q;

	*groups = NULL;
	if ((dp = opendir(dir)) == NULL) {
		q = safe_strdup(dir);
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
		q = safe_strdup(dir);
		*cause = xstrprintf("no article files (NAME.LANG.html, .txt, "
		    ".md, .xml) in '%s'", q);
		free(q);
		return (-1);
	}
	qsort(e, n, sizeof *e, scan_cmp);
	alloc = 0;
	for (i = 0; i < n; i++) {
		if (cur == NULL || strcmp(e[i].name, cur->name) != 0) {
			XGROW(g, alloc, ngroups + 1);
			cur = &g[ngroups++];
			memset(cur, 0, sizeof *cur);
			cur->name = e[i].name;
			e[i].name = NULL;
		}
		/* One file per language: the first in name order. */
		for (k = 0; k < cur->n; k++) {
			if (strcmp(cur->langs[k], e[i].lang) == 0)
				break;
		}
		if (k < cur->n || cur->n == ARTICLE_MAXVERS)
			continue;
		memcpy(cur->langs[cur->n], e[i].lang, sizeof e[i].lang);
		cur->files[cur->n++] = e[i].file;
		e[i].file = NULL;
	}
	for (i = 0; i < n; i++) {
		free(e[i].name);
		free(e[i].file);
	}
	free(e);
	*groups = g;
	return ((int)ngroups);
}

void
article_groups_free(struct article_group *g, size_t n)
{
	size_t	i, k;

	for (i = 0; i < n; i++) {
		free(g[i].name);
		for (k = 0; k < g[i].n; k++)
			free(g[i].files[k]);
	}
	free(g);
}

int
article_scan_dir(const char *dir, char ***files, char **cause)
{
	struct article_group	*g;
	char			*q, *name;
	int			 ngroups, count;

	*files = NULL;
	if ((ngroups = article_scan_groups(dir, &g, cause)) < 0)
		return (-1);
	if (ngroups > 1) {
		q = safe_strdup(dir);
		name = safe_strdup(*g[0].name != '\0' ? g[0].name :
		    g[0].files[0]);
		warn_msg("'%s' holds %d articles; opening '%s' (the reader "
		    "lets you choose)", q, ngroups, name);
		free(name);
		free(q);
	}
	*files = xcalloc(ARTICLE_MAXVERS + 1, sizeof **files);
	memcpy(*files, g[0].files, g[0].n * sizeof *g[0].files);
	count = (int)g[0].n;
	g[0].n = 0;		/* the files are the caller's now */
	article_groups_free(g, (size_t)ngroups);
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

/*
 * Is s a URL of another scheme ("ftp://", "file://") and no file? Then it
 * is refused with *cause.
 */
static int
article_other_scheme(const char *s, char **cause)
{
	struct stat	 sb;
	size_t		 n;
	char		*q;

	if (fetch_is_url(s))
		return (0);
	n = strspn(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
	    "0123456789+.-");
	if (n == 0 || strncmp(s + n, "://", 3) != 0 || stat(s, &sb) == 0)
		return (0);
	q = safe_strdup(s);
	*cause = xstrprintf("'%s': only http and https URLs can be opened",
	    q);
	free(q);
	return (1);
}

/* Fill load options for a version of expected language lang. */
static void
article_lo(struct load_opts *lo, const struct article_opts *opts,
    const char *lang)
{
	memset(lo, 0, sizeof *lo);
	lo->lang = lang;
	lo->force_lang = opts != NULL && opts->force_lang;
	lo->presegmented = opts != NULL && opts->presegmented;
	lo->format = opts != NULL ? opts->format : NULL;
}

/*
 * Load a fetched page: an HTML page unless a format is forced; force: lang
 * is --lang's and wins over the page's.
 */
static struct doc *
article_load_page(const struct fetch_req *req, const struct article_opts *opts,
    const char *lang, int force, char **cause)
{
	struct load_opts	lo;

	article_lo(&lo, opts, lang);
	lo.force_lang |= force && lang != NULL;
	if (lo.format == NULL)
		lo.format = "html";
	lo.charset = req->charset;
	return (load_buffer(req->final_url, req->data, req->len, &lo, cause));
}

static int	article_open_all(struct article *, char **, size_t,
		    const struct article_opts *, char **);

/* Note a version that did not load: on stderr and in a->warning. */
static void
article_warn(struct article *a, const char *lang, const char *cause)
{
	char	 code[8], *w;
	size_t	 i;

	snprintf(code, sizeof code, "%s", lang != NULL ? lang : "");
	for (i = 0; code[i] != '\0'; i++)
		code[i] = (char)toupper((unsigned char)code[i]);
	if (*code != '\0')
		warn_msg("the %s version is left out: %s", code, cause);
	else
		warn_msg("a version is left out: %s", cause);
	if (a->warning == NULL)
		w = xstrprintf("not loaded: %s%s%s", code, *code != '\0' ?
		    " " : "", cause);
	else
		w = xstrprintf("%s; %s%s%s", a->warning, code, *code != '\0' ?
		    " " : "", cause);
	free(a->warning);
	a->warning = w;
}

/* Position of lang in a comma-separated list, or -1. */
static int
article_in_list(const char *list, const char *lang)
{
	char	*l;
	size_t	 i;
	int	 found = -1;

	for (i = 0; found < 0 && (l = nth_lang(list, i)) != NULL; i++) {
		if (strcmp(l, lang) == 0)
			found = (int)i;
		free(l);
	}
	return (found);
}

/*
 * The --langs list normalised ("EN, fra" is "en,fr"), or NULL with *cause
 * when it names something that is not a language.
 */
static char *
article_pick(const char *pick, char **cause)
{
	struct strbuf	 sb = STRBUF_INIT;
	const char	*p = pick, *e;
	char		*one, *l, *q;

	for (;;) {
		e = p + strcspn(p, ",");
		one = xstrndup(p, (size_t)(e - p));
		l = lang_normalize(one);
		if (l == NULL) {
			q = safe_strdup(one);
			*cause = xstrprintf("'%s' in --langs is not a language "
			    "code", q);
			free(q);
			free(one);
			strbuf_release(&sb);
			return (NULL);
		}
		if (article_in_list(sb.len > 0 ? sb.buf : NULL, l) < 0) {
			if (sb.len > 0)
				strbuf_addch(&sb, ',');
			strbuf_addstr(&sb, l);
		}
		free(l);
		free(one);
		if (*e == '\0')
			break;
		p = e + 1;
	}
	return (strbuf_detach(&sb, NULL));
}

/*
 * The file an alternate's href names next to file: a relative reference
 * to a file in the same folder, which exists. NULL otherwise.
 */
static char *
article_sibling(const char *file, const char *href)
{
	char		*name, *raw, *path, *esc;
	const char	*slash;
	struct stat	 sb, self;
	size_t		 n;

	n = strcspn(href, "?#");
	raw = xstrndup(href, n);
	/* A scheme ("https:", "mailto:") or an absolute path: not ours. */
	if (strchr(raw, ':') != NULL || *raw == '/' || *raw == '\0') {
		free(raw);
		return (NULL);
	}
	esc = xmlURIUnescapeString(raw, 0, NULL);
	free(raw);
	if (esc == NULL)
		return (NULL);
	name = xstrdup(esc);
	xmlFree(esc);
	if (strncmp(name, "./", 2) == 0)
		memmove(name, name + 2, strlen(name + 2) + 1);
	if (*name == '\0' || *name == '.' || strchr(name, '/') != NULL) {
		free(name);
		return (NULL);
	}
	slash = strrchr(file, '/');
	if (slash != NULL)
		path = xstrprintf("%.*s/%s", (int)(slash - file), file, name);
	else
		path = xstrdup(name);
	free(name);
	/* It must exist, and not be the page itself. */
	if (stat(path, &sb) != 0 || !S_ISREG(sb.st_mode) ||
	    (stat(file, &self) == 0 && self.st_dev == sb.st_dev &&
	    self.st_ino == sb.st_ino)) {
		free(path);
		return (NULL);
	}
	return (path);
}

/* A candidate version of the article being opened. */
struct cand {
	char		*lang;		/* the language it should be in */
	char		*where;		/* a normalised URL or a path */
	int		 rank;
	int		 is_page;	/* the operand itself */
	struct doc	*doc;
};

/* Order candidates en, fr, ru, then the others as found. */
static int
cand_cmp(const void *a, const void *b)
{
	const struct cand	*x = a, *y = b;

	return (x->rank - y->rank);
}

/* Free the candidates and their documents. */
static void
cands_free(struct cand *c, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		free(c[i].lang);
		free(c[i].where);
		if (c[i].doc != NULL)
			doc_free(c[i].doc);
	}
	free(c);
}

/*
 * Choose the versions to open among the candidates (the page is the one
 * with is_page): with pick, those languages in its order; else all,
 * ordered, at most ARTICLE_MAXVERS with the page among them. Unchosen
 * candidates are freed; returns how many remain in c (0 with *cause when
 * pick names none of them).
 */
static size_t
article_choose(struct cand *c, size_t n, const char *pick, const char *src,
    char **cause)
{
	struct cand	*out;
	struct strbuf	 missing = STRBUF_INIT, have = STRBUF_INIT;
	size_t		 nout = 0, i, k;
	char		*l, *q;

	out = xcalloc(n, sizeof *out);
	if (pick != NULL) {
		for (i = 0; i < n; i++) {
			if (c[i].lang == NULL)
				continue;
			strbuf_addstr(&have, have.len > 0 ? ", " : "");
			strbuf_addstr(&have, c[i].lang);
		}
		for (k = 0; (l = nth_lang(pick, k)) != NULL; k++) {
			for (i = 0; i < n; i++) {
				if (c[i].lang != NULL && c[i].where != NULL &&
				    strcmp(c[i].lang, l) == 0)
					break;
			}
			if (i < n && nout < ARTICLE_MAXVERS) {
				out[nout++] = c[i];
				memset(&c[i], 0, sizeof c[i]);
			} else if (i == n) {
				strbuf_addstr(&missing, missing.len > 0 ?
				    "," : "");
				strbuf_addstr(&missing, l);
			}
			free(l);
		}
		q = safe_strdup(src);
		if (nout == 0)
			*cause = xstrprintf("'%s' has no version in %s (it "
			    "has %s)", q, missing.buf, have.len > 0 ?
			    have.buf : "no language it names");
		else if (missing.len > 0)
			warn_msg("'%s' has no version in %s (it has %s)", q,
			    missing.buf, have.buf);
		free(q);
	} else {
		for (i = 0; i < n; i++)
			c[i].rank = (c[i].lang != NULL ?
			    lang_rank(c[i].lang) : 0) * 1000 + (int)i;
		qsort(c, n, sizeof *c, cand_cmp);
		for (i = 0; i < n && nout < ARTICLE_MAXVERS; i++) {
			out[nout++] = c[i];
			memset(&c[i], 0, sizeof c[i]);
		}
		/* The page always opens: in place of the last one. */
		for (i = ARTICLE_MAXVERS; i < n; i++) {
			if (c[i].is_page) {
				free(out[nout - 1].lang);
				free(out[nout - 1].where);
				out[nout - 1] = c[i];
				memset(&c[i], 0, sizeof c[i]);
			}
		}
		if (n > ARTICLE_MAXVERS) {
			q = safe_strdup(src);
			warn_msg("'%s' has %zu versions; opening %d (choose "
			    "with --langs)", q, n, ARTICLE_MAXVERS);
			free(q);
		}
	}
	for (i = 0; i < n; i++) {
		free(c[i].lang);
		free(c[i].where);
		if (c[i].doc != NULL)
			doc_free(c[i].doc);
	}
	memcpy(c, out, nout * sizeof *c);
	free(out);
	strbuf_release(&missing);
	strbuf_release(&have);
	return (nout);
}

/* Is url among the first n candidates' URLs or documents' sources? */
static int
article_seen(const struct cand *c, size_t n, const char *url)
{
	size_t	i;
	char	*norm;
	int	 seen = 0;

	for (i = 0; !seen && i < n; i++) {
		if (c[i].where != NULL && strcmp(c[i].where, url) == 0)
			seen = 1;
		else if (c[i].doc != NULL && fetch_is_url(c[i].doc->source)) {
			norm = fetch_normalize(c[i].doc->source);
			seen = norm != NULL && strcmp(norm, url) == 0;
			free(norm);
		}
	}
	return (seen);
}

/* One version to load: a file, or a page fetched already. */
struct load_job {
	const char			*path;
	const struct fetch_req		*req;	/* NULL: a file */
	const struct article_opts	*opts;
	char				*lang;	/* from --lang, or NULL */
	int				 force;	/* lang is --lang's: it wins */
	struct doc			*doc;	/* what loaded */
	char				*cause;	/* a file that did not */
	char				*msg;	/* a page that did not */
};

/* Load one version (a parallel_for() job). */
static void
article_load_job(void *arg, size_t i, PR_UNUSED size_t thread)
{
	struct load_job		*j = (struct load_job *)arg + i;
	struct load_opts	 lo;

	if (j->req == NULL) {
		article_lo(&lo, j->opts, j->lang);
		lo.force_lang |= j->force && j->lang != NULL;
		j->doc = load_file(j->path, &lo, &j->cause);
	} else if (j->req->cause != NULL)
		j->msg = xstrdup(j->req->cause);
	else
		j->doc = article_load_page(j->req, j->opts, j->lang, j->force,
		    &j->msg);
}

/* The size of what a job loads (0 when unknown). */
static size_t
article_job_size(const struct load_job *j)
{
	struct stat	sb;

	if (j->req != NULL)
		return (j->req->data != NULL ? j->req->len : 0);
	if (stat(j->path, &sb) == 0 && S_ISREG(sb.st_mode))
		return ((size_t)sb.st_size);
	return (0);
}

/*
 * Load the versions, on as many threads as there are processors, the
 * largest first: parsing one version needs nothing from the others.
 */
static void
article_load_all(struct load_job *jobs, size_t n)
{
	size_t	i, size[ARTICLE_MAXVERS];

	for (i = 0; i < n; i++)
		size[i] = article_job_size(&jobs[i]);
	xmlInitParser();	/* before any thread parses */
	parallel_for(n, size, article_load_job, jobs, text_cleanup);
}

static void
article_free_jobs(struct load_job *jobs, size_t n)
{
	size_t	i;

	if (jobs == NULL)
		return;
	for (i = 0; i < n; i++) {
		free(jobs[i].lang);
		if (jobs[i].doc != NULL)
			doc_free(jobs[i].doc);
		free(jobs[i].cause);
		free(jobs[i].msg);
	}
	free(jobs);
}

/*
 * One operand while it opens: the operand itself (the page), the
 * candidates (the page and the versions it declares), their fetches and
 * their loads.
 */
struct opening {
	const char			*src;
	const struct article_opts	*opts;
	int				 is_url;
	char				*key;	/* the URL normalised */
	char				*pick;	/* --langs, normalised */
	char				*lang0;	/* the first --lang */
	struct fetch_opts		 fo;
	struct fetch_req		 page;
	struct cand			*c;
	size_t				 nc;
	struct fetch_req		*reqs;	/* the candidates' fetches */
	struct load_job			*jobs;
	size_t				*idx;	/* the candidate of each job */
	size_t				 nj;
};

/* Load the operand itself: fetch and load a URL, or load a file. */
static struct doc *
opening_page(struct opening *o, char **cause)
{
	struct load_opts	 lo;
	char			*q;

	if (!o->is_url) {
		article_lo(&lo, o->opts, o->lang0);
		lo.force_lang |= o->lang0 != NULL;
		return (load_file(o->src, &lo, cause));
	}
	if ((o->key = fetch_normalize(o->src)) == NULL) {
		q = safe_strdup(o->src);
		*cause = xstrprintf("'%s' is not a valid http or https URL", q);
		free(q);
		return (NULL);
	}
	o->page.url = o->key;
	fetch_batch(&o->page, 1, &o->fo);
	if (o->page.cause != NULL) {
		*cause = o->page.cause;
		o->page.cause = NULL;
		return (NULL);
	}
	return (article_load_page(&o->page, o->opts, o->lang0, 1, cause));
}

/*
 * The candidates: the page (candidate 0, loaded), then the versions it
 * declares (discover_versions() on the loaded page), each once; then the
 * ones to open (article_choose()). Returns how many, 0 with *cause.
 */
static size_t
opening_candidates(struct opening *o, struct doc *doc, char **cause)
{
	struct discover_version	*dv = NULL;
	char			*where;
	size_t			 nd = 0, i;

	o->c = xcalloc(1, sizeof *o->c);
	o->c[0].lang = doc->lang != NULL ? xstrdup(doc->lang) : NULL;
	o->c[0].where = xstrdup(o->is_url ? o->key : o->src);
	o->c[0].doc = doc;
	o->c[0].is_page = 1;
	o->nc = 1;
	if (o->opts == NULL || !o->opts->no_alternates)
		nd = discover_versions(doc, &dv);
	for (i = 0; i < nd; i++) {
		if (o->is_url)
			where = fetch_resolve(o->page.final_url, dv[i].href);
		else
			where = article_sibling(o->src, dv[i].href);
		/* Never the same page twice. */
		if (where == NULL || article_seen(o->c, o->nc, where)) {
			free(where);
			continue;
		}
		o->c = xreallocarray(o->c, o->nc + 1, sizeof *o->c);
		memset(&o->c[o->nc], 0, sizeof o->c[o->nc]);
		o->c[o->nc].lang = xstrdup(dv[i].lang);
		o->c[o->nc].where = where;
		o->nc++;
	}
	discover_versions_free(dv, nd);
	o->nc = article_choose(o->c, o->nc, o->pick, o->src, cause);
	return (o->nc);
}

/* Fetch the candidate URLs together (reqs[k] for the k-th unloaded). */
static void
opening_fetch(struct opening *o)
{
	size_t	i, k;

	if (!o->is_url || o->nc == 0)
		return;
	o->reqs = xcalloc(o->nc, sizeof *o->reqs);
	for (i = k = 0; i < o->nc; i++) {
		if (o->c[i].doc == NULL)
			o->reqs[k++].url = o->c[i].where;
	}
	fetch_batch(o->reqs, k, &o->fo);
}

/*
 * Load the candidates not loaded on parallel threads; a page redirected
 * to one already open is left out first.
 */
static void
opening_load(struct opening *o)
{
	struct fetch_req	*rq;
	char			*where;
	size_t			 i, k;
	int			 seen;

	o->jobs = xcalloc(o->nc + 1, sizeof *o->jobs);
	o->idx = xcalloc(o->nc + 1, sizeof *o->idx);
	for (i = k = 0; i < o->nc; i++) {
		if (o->c[i].doc != NULL)
			continue;
		if (o->is_url) {
			rq = &o->reqs[k++];
			if (rq->cause == NULL) {
				where = fetch_normalize(rq->final_url);
				seen = where != NULL &&
				    article_seen(o->c, i, where);
				free(where);
				if (seen)
					continue;
			}
			o->jobs[o->nj].req = rq;
		}
		o->jobs[o->nj].path = o->c[i].where;
		o->jobs[o->nj].opts = o->opts;
		o->jobs[o->nj].lang = o->c[i].lang != NULL ?
		    xstrdup(o->c[i].lang) : NULL;
		o->idx[o->nj++] = i;
	}
	article_load_all(o->jobs, o->nj);
}

/*
 * Join the loaded versions to the article in the candidates' order, with
 * a warning for each that did not load. Returns 0, or -1 with *cause when
 * none did.
 */
static int
opening_join(struct article *a, struct opening *o, char **cause)
{
	struct load_job	*j;
	const char	*msg;
	char		*q;
	size_t		 i, k;

	for (i = k = 0; i < o->nc; i++) {
		if (o->c[i].doc != NULL) {
			a->docs[a->n++] = o->c[i].doc;
			continue;
		}
		if (k >= o->nj || o->idx[k] != i)
			continue;	/* left out */
		j = &o->jobs[k++];
		msg = j->msg != NULL ? j->msg : j->cause;
		if (msg != NULL)
			article_warn(a, o->c[i].lang, msg);
		if (j->doc != NULL) {
			o->c[i].doc = j->doc;
			j->doc = NULL;
			a->docs[a->n++] = o->c[i].doc;
		}
	}
	assert(a->n <= ARTICLE_MAXVERS);
	/* The documents now belong to the article. */
	for (i = 0; i < o->nc; i++)
		o->c[i].doc = NULL;
	if (a->n > 0)
		return (0);
	q = safe_strdup(o->src);
	*cause = xstrprintf("none of the versions of '%s' could be opened", q);
	free(q);
	return (-1);
}

static void
opening_release(struct opening *o)
{
	size_t	i;

	article_free_jobs(o->jobs, o->nj);
	free(o->idx);
	if (o->reqs != NULL) {
		for (i = 0; i < o->nc; i++)
			fetch_req_release(&o->reqs[i]);
		free(o->reqs);
	}
	cands_free(o->c, o->nc);
	fetch_req_release(&o->page);
	free(o->key);
	free(o->lang0);
	free(o->pick);
}

/*
 * Open one operand, a URL or a file, with the versions it declares: the
 * page, its candidates, their fetches, their loads, joined in order.
 */
static int
article_open_one(struct article *a, const char *src,
    const struct article_opts *opts, char **cause)
{
	struct opening	 o;
	struct doc	*doc;
	int		 r = -1;

	memset(&o, 0, sizeof o);
	o.src = src;
	o.opts = opts;
	o.is_url = fetch_is_url(src);
	if (article_other_scheme(src, cause))
		return (-1);
	o.fo.offline = opts != NULL && opts->offline;
	o.fo.refresh = opts != NULL && opts->refresh;
	if (opts != NULL && opts->pick != NULL &&
	    (o.pick = article_pick(opts->pick, cause)) == NULL)
		return (-1);
	o.lang0 = nth_lang(opts != NULL ? opts->langs : NULL, 0);
	if ((doc = opening_page(&o, cause)) == NULL)
		goto out;
	if (opening_candidates(&o, doc, cause) == 0)
		goto out;
	if (o.nc > 1 && opts != NULL && opts->warm != NULL)
		opts->warm();
	opening_fetch(&o);
	opening_load(&o);
	r = opening_join(a, &o, cause);

out:
	opening_release(&o);
	if (r != 0)
		article_release(a);
	return (r);
}

/* Fetch the requests of reqs that have a URL, as one batch. */
static void
article_fetch_sparse(struct fetch_req *reqs, size_t n,
    const struct fetch_opts *fo)
{
	struct fetch_req	*batch, *r, *b;
	size_t			 i, j, k = 0;

	batch = xcalloc(n, sizeof *batch);
	for (i = 0; i < n; i++) {
		if (reqs[i].url == NULL)
			continue;
		/* The same URL twice is fetched once. */
		for (j = 0; j < k; j++) {
			if (strcmp(batch[j].url, reqs[i].url) == 0)
				break;
		}
		if (j == k)
			batch[k++].url = reqs[i].url;
	}
	fetch_batch(batch, k, fo);
	for (i = 0; i < n; i++) {
		if (reqs[i].url == NULL)
			continue;
		for (j = 0; strcmp(batch[j].url, reqs[i].url) != 0; j++)
			;
		r = &reqs[i];
		b = &batch[j];
		if (b->final_url != NULL)
			r->final_url = xstrdup(b->final_url);
		if (b->data != NULL) {
			r->data = xmalloc(b->len + 1);
			memcpy(r->data, b->data, b->len + 1);
			r->len = b->len;
		}
		if (b->content_type != NULL)
			r->content_type = xstrdup(b->content_type);
		if (b->charset != NULL)
			r->charset = xstrdup(b->charset);
		if (b->cause != NULL)
			r->cause = xstrdup(b->cause);
		r->from_cache = b->from_cache;
	}
	for (j = 0; j < k; j++)
		fetch_req_release(&batch[j]);
	free(batch);
}

/* Free the requests and the URLs they own. */
static void
article_free_reqs(struct fetch_req *reqs, size_t n)
{
	size_t	i;

	if (reqs == NULL)
		return;
	for (i = 0; i < n; i++) {
		free((char *)reqs[i].url);
		fetch_req_release(&reqs[i]);
	}
	free(reqs);
}

/* Keep the versions in pick's languages, in its order; 0 or -1. */
static int
article_filter(struct article *a, const char *pick, char **cause)
{
	struct doc	*docs[ARTICLE_MAXVERS];
	size_t		 n = 0, i, k;
	char		*l;

	for (k = 0; (l = nth_lang(pick, k)) != NULL; k++) {
		for (i = 0; i < a->n; i++) {
			if (a->docs[i] != NULL && a->docs[i]->lang != NULL &&
			    strcmp(a->docs[i]->lang, l) == 0)
				break;
		}
		if (i < a->n) {
			docs[n++] = a->docs[i];
			a->docs[i] = NULL;
		} else
			warn_msg("no '%s' version among the files given", l);
		free(l);
	}
	for (i = 0; i < a->n; i++) {
		if (a->docs[i] != NULL)
			doc_free(a->docs[i]);
	}
	memcpy(a->docs, docs, n * sizeof *docs);
	a->n = n;
	if (n == 0) {
		*cause = xstrprintf("no version in the languages asked for "
		    "(%s)", pick);
		return (-1);
	}
	return (0);
}

/* Free a list made by article_scan_dir(). */
static void
article_free_list(char **list)
{
	size_t	i;

	if (list == NULL)
		return;
	for (i = 0; list[i] != NULL; i++)
		free(list[i]);
	free(list);
}


/*
 * Say which versions are no article the extractor recognised (a page where
 * nothing scored: its largest text region stands in), on stderr for the
 * commands and in a->notice for the reader's status line.
 */
static void
article_note_fallback(struct article *a)
{
	char	*q, *w;
	size_t	 v;

	for (v = 0; v < a->n; v++) {
		if (a->docs[v]->found != DOC_FOUND_FALLBACK)
			continue;
		q = safe_strdup(a->docs[v]->source);
		warn_msg("no article found in '%s': its largest text region "
		    "is shown", q);
		if (a->notice == NULL)
			w = xstrprintf("no article found in '%s': its largest "
			    "text region is shown", q);
		else
			w = xstrprintf("%s; no article found in '%s'",
			    a->notice, q);
		free(a->notice);
		a->notice = w;
		free(q);
	}
}

int
article_open(struct article *a, char **paths, size_t npaths,
    const struct article_opts *opts, char **cause)
{
	if (article_open_all(a, paths, npaths, opts, cause) != 0)
		return (-1);
	article_note_fallback(a);
	return (0);
}

/* Is path a folder (not a URL)? */
static int
article_is_dir(const char *path)
{
	struct stat	sb;

	return (!fetch_is_url(path) && stat(path, &sb) == 0 &&
	    S_ISDIR(sb.st_mode));
}

/*
 * Check the operands (several files or URLs) and fetch the URLs among
 * them together into reqs[i] (no URL: reqs[i].url is NULL). Returns 0, or
 * -1 with *cause.
 */
static int
article_fetch_operands(char **paths, size_t n, struct fetch_req *reqs,
    const struct article_opts *opts, char **cause)
{
	struct fetch_opts	 fo;
	size_t			 i, nurl = 0;
	char			*q;

	for (i = 0; n > 1 && i < n; i++) {
		/* A folder stands alone: among files it is a mistake. */
		if (article_is_dir(paths[i])) {
			q = safe_strdup(paths[i]);
			*cause = xstrprintf("'%s' is a folder (give one folder "
			    "alone, or files)", q);
			free(q);
			return (-1);
		}
	}
	for (i = 0; i < n; i++) {
		if (article_other_scheme(paths[i], cause))
			return (-1);
		if (!fetch_is_url(paths[i]))
			continue;
		if ((reqs[i].url = fetch_normalize(paths[i])) == NULL) {
			q = safe_strdup(paths[i]);
			*cause = xstrprintf("'%s' is not a valid http or https "
			    "URL", q);
			free(q);
			return (-1);
		}
		nurl++;
	}
	if (nurl > 0) {
		memset(&fo, 0, sizeof fo);
		fo.offline = opts != NULL && opts->offline;
		fo.refresh = opts != NULL && opts->refresh;
		article_fetch_sparse(reqs, n, &fo);
	}
	return (0);
}

/*
 * Load the operands on parallel threads and join them in order: a URL
 * that did not load is left out with a warning, the first file that did
 * not is the error. Returns 0, or -1 with *cause.
 */
static int
article_load_operands(struct article *a, char **paths, size_t n,
    struct fetch_req *reqs, const struct article_opts *opts, char **cause)
{
	struct load_job	*jobs;
	size_t		 i;
	int		 r = 0;

	jobs = xcalloc(n, sizeof *jobs);
	for (i = 0; i < n; i++) {
		jobs[i].path = paths[i];
		jobs[i].req = reqs[i].url != NULL ? &reqs[i] : NULL;
		jobs[i].opts = opts;
		jobs[i].lang = nth_lang(opts != NULL ? opts->langs : NULL, i);
		jobs[i].force = 1;
	}
	article_load_all(jobs, n);
	for (i = 0; i < n && r == 0; i++) {
		if (jobs[i].msg != NULL)	/* a URL: left out */
			article_warn(a, jobs[i].lang, jobs[i].msg);
		if (jobs[i].doc != NULL) {
			a->docs[a->n++] = jobs[i].doc;
			jobs[i].doc = NULL;
		} else if (jobs[i].req == NULL) {
			*cause = jobs[i].cause;
			jobs[i].cause = NULL;
			r = -1;
		}
	}
	if (r == 0 && a->n == 0) {
		*cause = xstrdup("none of the versions could be opened");
		r = -1;
	}
	article_free_jobs(jobs, n);
	return (r);
}

static int
article_open_all(struct article *a, char **paths, size_t npaths,
    const struct article_opts *opts, char **cause)
{
	char			**list = NULL, *one[2], *pick = NULL;
	struct fetch_req	 *reqs = NULL;
	size_t			  n = npaths;
	int			  r;

	memset(a, 0, sizeof *a);
	if (npaths == 0) {
		one[0] = (char *)article_sample_dir();
		one[1] = NULL;
		paths = one;
		n = 1;
	}
	if (n == 1 && article_is_dir(paths[0])) {
		if ((r = article_scan_dir(paths[0], &list, cause)) < 0)
			return (-1);
		paths = list;
		n = (size_t)r;
	} else if (n == 1)
		return (article_open_one(a, paths[0], opts, cause));
	r = -1;
	if (n > ARTICLE_MAXVERS) {
		*cause = xstrprintf("too many versions (%zu; at most %d)", n,
		    ARTICLE_MAXVERS);
		goto out;
	}
	if (opts != NULL && opts->pick != NULL &&
	    (pick = article_pick(opts->pick, cause)) == NULL)
		goto out;
	reqs = xcalloc(n, sizeof *reqs);
	if (article_fetch_operands(paths, n, reqs, opts, cause) != 0)
		goto out;
	if (n > 1 && opts != NULL && opts->warm != NULL)
		opts->warm();
	if (article_load_operands(a, paths, n, reqs, opts, cause) != 0)
		goto out;
	if (pick != NULL && article_filter(a, pick, cause) != 0)
		goto out;
	r = 0;

out:
	article_free_list(list);
	article_free_reqs(reqs, n);
	free(pick);
	if (r != 0)
		article_release(a);
	return (r);
}

void
article_release(struct article *a)
{
	size_t	i;

	for (i = 0; i < a->n; i++)
		doc_free(a->docs[i]);
	free(a->warning);
	free(a->notice);
	memset(a, 0, sizeof *a);
}
