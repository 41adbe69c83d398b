/*
 * Loading: from a file or buffer to a finished document. This file picks
 * the charset and the loader and settles the language; the loaders
 * themselves are in doc-load-*.c.
 */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "load.h"

struct doc *
load_file(const char *path, const struct load_opts *opts, char **cause)
{
	char		*data;
	size_t		 len;
	struct doc	*d;

	if (file_read(path, LOAD_MAX_SIZE, &data, &len, cause) != 0)
		return (NULL);
	d = load_buffer(path, data, len, opts, cause);
	free(data);
	return (d);
}

/* Skip whitespace and a UTF-8 BOM at the start of data. */
static const char *
skip_lead(const char *data, size_t len, size_t *left)
{
	const char	*p = data, *end = data + len;

	if (len >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0)
		p += 3;
	while (p < end && isspace((unsigned char)*p))
		p++;
	*left = (size_t)(end - p);
	return (p);
}

const char *
load_sniff_format(const char *name, const char *data, size_t len)
{
	const char	*p;
	size_t		 left;

	if (name != NULL) {
		if (ends_with_ci(name, ".html") || ends_with_ci(name, ".htm") ||
		    ends_with_ci(name, ".xhtml") || ends_with_ci(name, ".xht"))
			return ("html");
		if (ends_with_ci(name, ".xml") || ends_with_ci(name, ".tei"))
			return ("xml");
		if (ends_with_ci(name, ".md") ||
		    ends_with_ci(name, ".markdown") ||
		    ends_with_ci(name, ".mdown"))
			return ("markdown");
		if (ends_with_ci(name, ".txt") || ends_with_ci(name, ".text"))
			return ("text");
	}
	p = skip_lead(data, len, &left);
	if (left >= 5 && strncmp(p, "<?xml", 5) == 0) {
		/* XHTML is HTML to us. */
		size_t	n = left < 2048 ? left : 2048;

		if (memmem(p, n, "<html", 5) != NULL ||
		    memmem(p, n, "<!DOCTYPE html", 14) != NULL)
			return ("html");
		return ("xml");
	}
	if ((left >= 9 && strncasecmp(p, "<!doctype", 9) == 0) ||
	    (left >= 5 && strncasecmp(p, "<html", 5) == 0) ||
	    (left >= 5 && strncasecmp(p, "<head", 5) == 0) ||
	    (left >= 5 && strncasecmp(p, "<body", 5) == 0) ||
	    (left >= 2 && strncmp(p, "<!--", 4) == 0))
		return ("html");
	return ("text");
}

/* Settle the language: declared, else --lang, else guessed. */
static void
load_settle_lang(struct doc *d, const struct load_opts *opts)
{
	char		*norm = NULL;
	const char	*guess;

	if (opts != NULL && opts->lang != NULL && opts->force_lang) {
		doc_set_lang(d, opts->lang);
		return;
	}
	if (d->lang != NULL)
		norm = lang_normalize(d->lang);
	if (norm != NULL) {
		doc_set_lang(d, norm);
		free(norm);
		return;
	}
	if (opts != NULL && opts->lang != NULL) {
		doc_set_lang(d, opts->lang);
		return;
	}
	guess = lang_guess(d);
	doc_set_lang(d, guess);
}

struct doc *
load_buffer(const char *name, const char *data, size_t len,
    const struct load_opts *opts, char **cause)
{
	struct load_opts	 none;
	const char		*format, *used;
	char			*declared = NULL, *utf8;
	size_t			 ulen, left;
	struct doc		*d;
	int			 r;

	if (opts == NULL) {
		memset(&none, 0, sizeof none);
		opts = &none;
	}
	skip_lead(data, len, &left);
	if (len == 0 || left == 0) {
		*cause = xstrprintf("'%s' is empty", name);
		return (NULL);
	}
	if (len > LOAD_MAX_SIZE) {
		*cause = xstrprintf("'%s' is too large (%s; the limit is %s)",
		    name, human_size(len), human_size(LOAD_MAX_SIZE));
		return (NULL);
	}
	if (charset_looks_binary(data, len)) {
		*cause = xstrprintf("'%s' is a binary file, not an article",
		    name);
		return (NULL);
	}
	format = opts->format != NULL ? opts->format :
	    load_sniff_format(name, data, len);
	if (strcmp(format, "html") == 0 || strcmp(format, "xml") == 0)
		declared = charset_sniff_declared(data, len);
	if (charset_decode(data, len, opts->charset != NULL ? opts->charset :
	    declared, &utf8, &ulen, &used, cause) != 0) {
		free(declared);
		return (NULL);
	}
	free(declared);

	d = doc_create(name, format);
	doc_set_charset(d, used);
	if (strcmp(format, "html") == 0)
		r = load_html(d, utf8, ulen, cause);
	else if (strcmp(format, "xml") == 0)
		r = load_xml(d, utf8, ulen, cause);
	else if (strcmp(format, "markdown") == 0)
		r = load_markdown(d, utf8, ulen, cause);
	else
		r = load_text(d, utf8, ulen, opts, cause);
	free(utf8);
	if (r != 0) {
		doc_free(d);
		return (NULL);
	}
	doc_finish(d);
	if (d->nblocks == 0) {
		*cause = xstrprintf("no text found in '%s'", name);
		doc_free(d);
		return (NULL);
	}
	load_settle_lang(d, opts);
	return (d);
}
