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

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "file.h"
#include "load.h"
#include "safe.h"

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

/* Is the first line of data a Markdown ATX heading or front matter? */
static int
sniff_markdown(const char *p, size_t left)
{
	const char	*eol;

	if (left >= 4 && strncmp(p, "---", 3) == 0 &&
	    (p[3] == '\n' || p[3] == '\r')) {
		/* YAML front matter: "key: value" on the next line. */
		p += 4;
		left -= 4;
		eol = memchr(p, '\n', left);
		return (eol != NULL && memchr(p, ':', (size_t)(eol - p)) !=
		    NULL && isalpha((unsigned char)*p));
	}
	return (left >= 3 && p[0] == '#' && (p[1] == ' ' ||
	    (p[1] == '#' && (p[2] == ' ' || p[2] == '#'))));
}

/* The format a file name's extension names, or NULL. */
static const char *
sniff_name(const char *name)
{
	if (name == NULL)
		return (NULL);
	if (ends_with_ci(name, ".html") || ends_with_ci(name, ".htm") ||
	    ends_with_ci(name, ".xhtml") || ends_with_ci(name, ".xht"))
		return ("html");
	if (ends_with_ci(name, ".xml") || ends_with_ci(name, ".tei"))
		return ("xml");
	if (ends_with_ci(name, ".md") || ends_with_ci(name, ".markdown") ||
	    ends_with_ci(name, ".mdown"))
		return ("markdown");
	if (ends_with_ci(name, ".txt") || ends_with_ci(name, ".text"))
		return ("text");
	return (NULL);
}

const char *
load_sniff_format(const char *name, const char *data, size_t len)
{
	static const char *const	 html_starts[] = {
		"<!doctype", "<html", "<head", "<body", "<!--", "<meta",
		"<title", "<article", "<div", "<p>", "<h1"
	};
	const char			*p;
	size_t				 left, i, n;

	if ((p = sniff_name(name)) != NULL)
		return (p);
	p = skip_lead(data, len, &left);
	if (left >= 5 && strncmp(p, "<?xml", 5) == 0) {
		/* XHTML is HTML to us. */
		n = left < 2048 ? left : 2048;
		if (memmem(p, n, "<html", 5) != NULL ||
		    memmem(p, n, "<!DOCTYPE html", 14) != NULL)
			return ("html");
		return ("xml");
	}
	for (i = 0; i < nitems(html_starts); i++) {
		n = strlen(html_starts[i]);
		if (left >= n && strncasecmp(p, html_starts[i], n) == 0)
			return ("html");
	}
	if (sniff_markdown(p, left))
		return ("markdown");
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

/* Is the UTF-8 string s only white space (of any kind) and marks? */
static int
load_blank(const char *s, size_t len)
{
	int32_t	i = 0, n = len > INT32_MAX ? INT32_MAX : (int32_t)len;
	UChar32	c;

	while (i < n) {
		U8_NEXT(s, i, n, c);
		if (c < 0)
			return (0);
		if (!u_isUWhiteSpace(c) && u_charType(c) != U_FORMAT_CHAR &&
		    u_charType(c) != U_CONTROL_CHAR)
			return (0);
	}
	return (1);
}

/* The number of start tags in markup ('<' then a letter), up to max + 1. */
static size_t
load_count_tags(const char *data, size_t len, size_t max)
{
	const char	*p = data, *end = data + len;
	size_t		 n = 0;

	while (n <= max && (p = memchr(p, '<', (size_t)(end - p))) != NULL) {
		p++;
		if (p < end && isalpha((unsigned char)*p))
			n++;
	}
	return (n);
}

/* Do the checks, decode and load; messages name qname. */
static struct doc *
load_checked(const char *name, const char *qname, const char *data,
    size_t len, const struct load_opts *opts, char **cause)
{
	const char	*format, *used;
	char		*declared = NULL, *utf8, *size;
	size_t		 ulen, i;
	struct doc	*d;
	int		 r;

	if (len == 0) {
		*cause = xstrprintf("'%s' is empty", qname);
		return (NULL);
	}
	if (len > LOAD_MAX_SIZE) {
		/* human_size() has one static buffer: one call at a time. */
		size = xstrdup(human_size(len));
		*cause = xstrprintf("'%s' is too large (%s; the limit is %s)",
		    qname, size, human_size(LOAD_MAX_SIZE));
		free(size);
		return (NULL);
	}
	if (charset_looks_binary(data, len)) {
		*cause = xstrprintf("'%s' is a binary file, not an article",
		    qname);
		return (NULL);
	}
	format = opts->format != NULL ? opts->format :
	    load_sniff_format(name, data, len);
	if (strcmp(format, "html") == 0 || strcmp(format, "xml") == 0)
		declared = charset_sniff_declared(data, len);
	r = charset_decode(data, len, opts->charset != NULL ? opts->charset :
	    declared, &utf8, &ulen, &used, cause);
	free(declared);
	if (r != 0)
		return (NULL);
	if (load_blank(utf8, ulen)) {
		*cause = xstrprintf("'%s' holds only white space", qname);
		free(utf8);
		return (NULL);
	}
	/* Sniff again in UTF-8 (a UTF-16 page without an extension). */
	if (opts->format == NULL && sniff_name(name) == NULL &&
	    strncmp(used, "UTF-16", 6) == 0)
		format = load_sniff_format(NULL, utf8, ulen);

	if ((strcmp(format, "html") == 0 || strcmp(format, "xml") == 0) &&
	    load_count_tags(utf8, ulen, LOAD_MAX_ELEMENTS) > LOAD_MAX_ELEMENTS) {
		*cause = xstrprintf("'%s' has more than %d elements (the limit)",
		    qname, LOAD_MAX_ELEMENTS);
		free(utf8);
		return (NULL);
	}

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
	if (d->too_many) {
		*cause = xstrprintf("'%s' has more than %d paragraphs (the "
		    "limit)", qname, DOC_MAX_BLOCKS);
		doc_free(d);
		return (NULL);
	}
	if (d->too_long) {
		*cause = xstrprintf("'%s' has a paragraph longer than %s (the "
		    "limit)", qname, human_size(DOC_MAX_BLOCK_LEN));
		doc_free(d);
		return (NULL);
	}
	if (d->nblocks == 0) {
		*cause = xstrprintf("no text found in '%s'", qname);
		doc_free(d);
		return (NULL);
	}
	/* Only a presegmented document has continuation flags. */
	if (!d->presegmented) {
		for (i = 0; i < d->nblocks; i++)
			d->blocks[i].cont = 0;
	}
	load_settle_lang(d, opts);
	return (d);
}

struct doc *
load_buffer(const char *name, const char *data, size_t len,
    const struct load_opts *opts, char **cause)
{
	struct load_opts	 none;
	struct doc		*d;
	char			*qname, *msg = NULL;

	if (opts == NULL) {
		memset(&none, 0, sizeof none);
		opts = &none;
	}
	if (name == NULL)
		name = "(input)";
	qname = safe_strdup(name);
	d = load_checked(name, qname, data, len, opts, &msg);
	if (d == NULL) {
		if (msg == NULL)
			msg = xstrprintf("cannot load '%s'", qname);
		/* Loader messages may quote the input: escape them too. */
		*cause = safe_strdup(msg);
		free(msg);
	}
	free(qname);
	return (d);
}
