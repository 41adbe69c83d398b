/*
 * Loading: from a file or buffer to a finished document. This file picks
 * the charset and the loader and settles the language; the loaders
 * themselves are in doc-load-*.c.
 */
#include "config.h"

#include <assert.h>
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "file.h"
#include "load.h"
#include "safe.h"

static struct doc *load_common(const char *, char *, const char *, size_t,
	    const struct load_opts *, char **);

struct doc *
load_file(const char *path, const struct load_opts *opts, char **cause)
{
	char		*data;
	size_t		 len;

	if (file_read(path, LOAD_MAX_SIZE, &data, &len, cause) != 0)
		return (NULL);
	/* The buffer is handed over: UTF-8 is loaded where it was read. */
	return (load_common(path, data, data, len, opts, cause));
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

/* Does data start as HTML does (XHTML too: an XML declaration, then html)? */
static int
sniff_html(const char *p, size_t left)
{
	static const char *const	 starts[] = {
		"<!doctype", "<html", "<head", "<body", "<!--", "<meta",
		"<title", "<article", "<div", "<p>", "<h1"
	};
	size_t				 i, n;

	if (left >= 5 && strncmp(p, "<?xml", 5) == 0) {
		n = left < 2048 ? left : 2048;
		return (memmem(p, n, "<html", 5) != NULL ||
		    memmem(p, n, "<!DOCTYPE html", 14) != NULL);
	}
	for (i = 0; i < nitems(starts); i++) {
		n = strlen(starts[i]);
		if (left >= n && strncasecmp(p, starts[i], n) == 0)
			return (1);
	}
	return (0);
}

/* Does data start with an XML declaration (not XHTML: tried first)? */
static int
sniff_xml(const char *p, size_t left)
{
	return (left >= 5 && strncmp(p, "<?xml", 5) == 0);
}

/* The loaders with the one signature of the table. */
static int
load_html_opts(struct doc *d, const char *data, size_t len,
    PR_UNUSED const struct load_opts *opts, char **cause)
{
	return (load_html(d, data, len, cause));
}

static int
load_xml_opts(struct doc *d, const char *data, size_t len,
    PR_UNUSED const struct load_opts *opts, char **cause)
{
	return (load_xml(d, data, len, cause));
}

static int
load_markdown_opts(struct doc *d, const char *data, size_t len,
    PR_UNUSED const struct load_opts *opts, char **cause)
{
	return (load_markdown(d, data, len, cause));
}

/*
 * The loaders, in the order their sniffers are tried on data without a
 * known extension; the last one, text, takes anything. A new format is a
 * line here and its doc-load-*.c.
 */
static const char *const html_ext[] = {
	".html", ".htm", ".xhtml", ".xht", NULL
};
static const char *const xml_ext[] = { ".xml", ".tei", NULL };
static const char *const md_ext[] = { ".md", ".markdown", ".mdown", NULL };
static const char *const text_ext[] = { ".txt", ".text", NULL };
static const struct loader loaders[] = {
	{ "html", html_ext, 1, sniff_html, load_html_opts },
	{ "xml", xml_ext, 1, sniff_xml, load_xml_opts },
	{ "markdown", md_ext, 0, sniff_markdown, load_markdown_opts },
	{ "text", text_ext, 0, NULL, load_text, 1 }
};

const struct loader *
load_find(const char *format)
{
	size_t	i;

	for (i = 0; i < nitems(loaders); i++) {
		if (strcmp(loaders[i].name, format) == 0)
			return (&loaders[i]);
	}
	return (NULL);
}

void
load_format_names(char *buf, size_t size)
{
	size_t	i, used = 0;
	int	n;

	*buf = '\0';
	for (i = 0; i < nitems(loaders) && used < size; i++) {
		n = snprintf(buf + used, size - used, "%s%s", i > 0 ? ", " : "",
		    loaders[i].name);
		if (n < 0)
			break;
		used += (size_t)n;
	}
}

/* The loader a file name's extension names, or NULL. */
static const struct loader *
sniff_name(const char *name)
{
	const char *const	*e;
	size_t			 i;

	if (name == NULL)
		return (NULL);
	for (i = 0; i < nitems(loaders); i++) {
		for (e = loaders[i].extensions; *e != NULL; e++) {
			if (ends_with_ci(name, *e))
				return (&loaders[i]);
		}
	}
	return (NULL);
}

/* The loader for data named name: by extension, else by its start. */
static const struct loader *
load_sniff(const char *name, const char *data, size_t len)
{
	const struct loader	*l;
	const char		*p;
	size_t			 left, i;

	if ((l = sniff_name(name)) != NULL)
		return (l);
	p = skip_lead(data, len, &left);
	for (i = 0; i < nitems(loaders); i++) {
		if (loaders[i].sniff == NULL || loaders[i].sniff(p, left))
			return (&loaders[i]);
	}
	return (&loaders[nitems(loaders) - 1]);
}

const char *
load_sniff_format(const char *name, const char *data, size_t len)
{
	return (load_sniff(name, data, len)->name);
}

/*
 * Settle the language: a forced one (--lang), else the one the document
 * declares, else the one given (--lang, an hreflang), else its file name's
 * (NAME.TAG.EXT), else guessed.
 */
static void
load_settle_lang(struct doc *d, const char *name, const struct load_opts *opts)
{
	char		*norm = NULL;
	const char	*guess;

	if (opts != NULL && opts->lang != NULL && opts->force_lang) {
		doc_set_lang(d, opts->lang);
		return;
	}
	if (d->lang != NULL)
		norm = lang_normalize(d->lang);
	if (norm == NULL && (opts == NULL || opts->lang == NULL))
		norm = lang_from_filename(name);
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

/*
 * Can byte c start an element's or attribute's name? Any letter, '_', ':'
 * or '.' (HTML), or any non-ASCII byte (XML names): more than either
 * parser takes, so the counts are upper bounds.
 */
static int
markup_name_start(unsigned char c)
{
	return (isalpha(c) || c == '_' || c == ':' || c == '.' || c >= 0x80);
}

/*
 * Can byte c go on an attribute's name? HTML's parser (htmlParseHTMLName)
 * takes ASCII letters, digits, ':', '-', '_' and '.' and stops at any
 * other byte, which starts junk it skips to a blank; XML's names also take
 * any non-ASCII byte.
 */
static int
markup_name_char(unsigned char c, int xml)
{
	return (isalnum(c) || c == ':' || c == '-' || c == '_' || c == '.' ||
	    (xml && c >= 0x80));
}

/*
 * A blank as both parsers skip it (IS_BLANK_CH): not a form feed, which
 * HTML's parser takes as junk in a tag (so a quote after one opens no
 * value).
 */
static int
markup_blank(unsigned char c)
{
	return (c == ' ' || c == '\t' || c == '\n' || c == '\r');
}

/*
 * How a scan of start tags treats '<' inside one (enum markup_mode):
 * HTML's parser takes it as any other character, in a quoted value or
 * not; XML's allows none, so a tag ends at one at the latest. HTML is
 * counted twice: as its parser reads it, and cut at every '<' that may
 * start a tag. The first can be led astray by a quote where the parser
 * sees no tag (in a comment, a script), the second by a value holding
 * '<p'; each count is kept at its largest, so an input must mislead
 * both to pass (fuzz_check_counts() looks for one).
 */
enum markup_mode {
	MARKUP_HTML,		/* '<' is a character */
	MARKUP_HTML_CUT,	/* '<' and a name start end the tag */
	MARKUP_XML		/* any '<' ends the tag */
};

/* Does the tag being scanned end at p ('<' that ends it in mode)? */
static int
markup_cut(const char *p, const char *end, enum markup_mode mode)
{
	if (*p != '<' || mode == MARKUP_HTML)
		return (0);
	return (mode == MARKUP_XML || (p + 1 < end &&
	    markup_name_start((unsigned char)p[1])));
}

/*
 * HTML's parser reads at most HTML_NAME_MAX bytes of a name: the rest of
 * a longer one is read as more attributes, one each HTML_NAME_MAX bytes.
 * How many a name [p, q) brings besides its own.
 */
#define HTML_NAME_MAX	100
static size_t
markup_name_rest(const char *p, const char *q, enum markup_mode mode)
{
	if (mode == MARKUP_XML)
		return (0);
	return ((size_t)(q - p) / HTML_NAME_MAX);
}

/*
 * After an attribute's name at p: skip its optional '=' and value, quoted
 * (to its quote) or not (to a blank or '>'), a '<' ending it as mode
 * says. Returns where the next attribute may start.
 */
static const char *
markup_skip_value(const char *p, const char *end, enum markup_mode mode)
{
	const char	*q = p;
	char		 quote;

	while (q < end && markup_blank((unsigned char)*q))
		q++;
	if (q >= end || *q != '=')
		return (p);
	q++;
	while (q < end && markup_blank((unsigned char)*q))
		q++;
	if (q < end && (*q == '"' || *q == '\'')) {
		quote = *q++;
		while (q < end && *q != quote && !markup_cut(q, end, mode))
			q++;
		if (q < end && *q == quote)
			q++;
	} else {
		while (q < end && !markup_blank((unsigned char)*q) &&
		    *q != '>' && !markup_cut(q, end, mode))
			q++;
	}
	return (q);
}

/*
 * Skip the attributes of a start tag from p (after its name) to its '>',
 * counting them as either parser's start-tag syntax allows: a name (its
 * bytes as markup_name_char() says), optional '=' then a
 * quoted value (to its quote) or an unquoted one (to a blank or '>');
 * anything else is junk, skipped to a blank or '>' as HTML's recovery does
 * (it makes no attribute). A
 * '<' ends the tag as mode says. Returns where the tag ends; *empty tells
 * whether it ends with "/>" (an element without content).
 */
static const char *
markup_skip_attrs(const char *p, const char *end, enum markup_mode mode,
    size_t *n, int *empty)
{
	const char	*q;

	*n = 0;
	*empty = 0;
	for (;;) {
		while (p < end && markup_blank((unsigned char)*p))
			p++;
		if (p >= end || *p == '>' || markup_cut(p, end, mode))
			return (p);
		/* "/>" ends it; a '/' before anything else is junk. */
		if (*p == '/' && p + 1 < end && p[1] == '>') {
			*empty = 1;
			return (p + 1);
		}
		for (q = p; p < end && markup_name_char((unsigned char)*p,
		    mode == MARKUP_XML); p++)
			;
		if (p == q || !markup_name_start((unsigned char)*q)) {
			/*
			 * Junk, to a blank or the tag's end (quotes or not):
			 * no attribute in the tree.
			 */
			for (p = PR_MAX(p, q + 1); p < end &&
			    !markup_blank((unsigned char)*p) && *p != '>' &&
			    !markup_cut(p, end, mode); p++)
				;
			continue;
		}
		*n += 1 + markup_name_rest(q, p, mode);
		p = markup_skip_value(p, end, mode);
	}
}

/*
 * The attribute defaults XML's internal subset declares (<!ATTLIST),
 * which the parser checks against every start tag's attributes (without
 * adding them to the tree): each AttDef is a name, a type and a default
 * after a blank each, so at most a third of the words to the next '<'
 * (even in an entity's value: declarations hold no '<').
 */
static size_t
markup_attlist_defaults(const char *data, size_t len)
{
	const char	*p = data, *end = data + len;
	size_t		 words = 0, n = 0;

	while ((p = memmem(p, (size_t)(end - p), "<!ATTLIST", 9)) != NULL) {
		for (p += 9; p < end && *p != '<'; p++) {
			if (markup_blank((unsigned char)p[-1]) &&
			    !markup_blank((unsigned char)*p))
				words++;
		}
		n += words / 3 + 1;
		words = 0;
	}
	return (n);
}

/*
 * Is [name, name + len) an element whose content HTML's parser reads as
 * text (script, style), where a '<' starts no tag?
 */
static int
markup_raw_name(const char *name, size_t len)
{
	return ((len == 6 && strncasecmp(name, "script", 6) == 0) ||
	    (len == 5 && strncasecmp(name, "style", 5) == 0));
}

/*
 * The end of a script's or style's text from p (its start tag's end).
 * libxml2 2.9's HTML parser (in recovery) reads on to "</" and the
 * element's own name, except that an end tag right after the start tag
 * is read as one (any element's: an ancestor's closes the script too).
 * Each count takes its own end: HTML's at the own end tag, the cut one at
 * the first "</" and a letter, which counts as tags all that the parser
 * may read as tags; the larger count is kept.
 */
static const char *
markup_raw_end(const char *p, const char *end, enum markup_mode mode,
    const char *name, size_t len)
{
	/*
	 * The parser looks for an end tag before it reads the text: one
	 * right after the start tag may end the element (any name: an
	 * ancestor's closes it too).
	 */
	if (p < end && *p == '>' && end - p >= 3 && p[1] == '<' &&
	    p[2] == '/')
		return (p + 1);
	while (p < end && (p = memchr(p, '<', (size_t)(end - p))) != NULL) {
		if (end - p >= 3 && p[1] == '/' &&
		    isalpha((unsigned char)p[2]) && (mode != MARKUP_HTML ||
		    ((size_t)(end - p) >= len + 2 &&
		    strncasecmp(p + 2, name, len) == 0)))
			return (p);
		p++;
	}
	return (end);
}

/*
 * Count XML's entity references in [p, to) into c (a '&' and a name
 * start); -1 past the limit.
 */
static int
markup_refs(const char *p, const char *to, const char *end,
    struct load_counts *c)
{
	for (; (p = memchr(p, '&', (size_t)(to - p))) != NULL; p++) {
		if (p + 1 < end && markup_name_start((unsigned char)p[1]) &&
		    ++c->refs > LOAD_MAX_ENTITY_REFS)
			return (-1);
	}
	return (0);
}

/*
 * Count the start tag whose name starts at p into c; returns where the
 * scan goes on (past a script's or style's text, in HTML), or NULL past a
 * limit.
 */
static const char *
markup_tag(const char *p, const char *end, enum markup_mode mode,
    size_t defaults, struct load_counts *c)
{
	const char	*name = p, *attrs;
	size_t		 n;
	int		 empty;

	if (++c->elements > LOAD_MAX_ELEMENTS)
		return (NULL);
	for (; p < end && !markup_blank((unsigned char)*p) && *p != '>' &&
	    *p != '/' && !markup_cut(p, end, mode); p++)
		;
	attrs = p;
	p = markup_skip_attrs(p, end, mode, &n, &empty);
	n += markup_name_rest(name, attrs, mode);
	c->attrs += n;
	c->max_attrs = PR_MAX(c->max_attrs, n + defaults);
	if (c->max_attrs > LOAD_MAX_ATTRS || c->attrs > LOAD_MAX_ATTRS_TOTAL)
		return (NULL);
	if (mode == MARKUP_XML)
		return (markup_refs(attrs, p, end, c) == 0 ? p : NULL);
	/* "<script/>" has no text: HTML's parser closes it at once. */
	if (!empty && markup_raw_name(name, (size_t)(attrs - name)))
		p = markup_raw_end(p, end, mode, name, (size_t)(attrs - name));
	return (p);
}

/*
 * An end tag as HTML's parser reads it, from p (after its '<'): "/" and a
 * name (an ASCII letter, '_', ':' or '.' first), then anything up to the
 * next '>', quotes or not ("</header<script>" is one end tag). Returns
 * where it ends, or NULL when p starts none.
 */
static const char *
markup_end_tag(const char *p, const char *end)
{
	const char	*gt;

	if (end - p < 2 || p[0] != '/' || !(isalpha((unsigned char)p[1]) ||
	    p[1] == '_' || p[1] == ':' || p[1] == '.'))
		return (NULL);
	if ((gt = memchr(p, '>', (size_t)(end - p))) == NULL)
		return (end);
	return (gt + 1);
}

/* Count in one mode into *c (see load_count_markup()). */
static int
markup_count(const char *data, size_t len, enum markup_mode mode,
    struct load_counts *c)
{
	const char	*p = data, *end = data + len, *lt, *cend;
	size_t		 defaults = 0;
	int		 xml = mode == MARKUP_XML;

	memset(c, 0, sizeof *c);
	if (xml)
		defaults = markup_attlist_defaults(data, len);
	while (p < end) {
		lt = memchr(p, '<', (size_t)(end - p));
		/* References in the text before the tag. */
		if (xml && markup_refs(p, lt != NULL ? lt : end, end, c) != 0)
			return (-1);
		if (lt == NULL)
			break;
		p = lt + 1;
		if (!xml && (size_t)(end - p) >= 3 && memcmp(p, "!--", 3) == 0 &&
		    (cend = memmem(p + 3, (size_t)(end - p - 3), "-->", 3)) !=
		    NULL) {
			p = cend + 3;	/* a comment: HTML reads no tag in it */
			continue;
		}
		if (mode == MARKUP_HTML && (cend = markup_end_tag(p, end)) !=
		    NULL) {
			p = cend;
			continue;
		}
		if (p >= end || !markup_name_start((unsigned char)*p))
			continue;
		if ((p = markup_tag(p, end, mode, defaults, c)) == NULL)
			return (-1);
	}
	return (0);
}

int
load_count_markup(const char *data, size_t len, int html,
    struct load_counts *c)
{
	struct load_counts	cut;

	if (!html)
		return (markup_count(data, len, MARKUP_XML, c));
	if (markup_count(data, len, MARKUP_HTML, c) != 0)
		return (-1);
	if (markup_count(data, len, MARKUP_HTML_CUT, &cut) != 0) {
		*c = cut;
		return (-1);
	}
	c->elements = PR_MAX(c->elements, cut.elements);
	c->attrs = PR_MAX(c->attrs, cut.attrs);
	c->max_attrs = PR_MAX(c->max_attrs, cut.max_attrs);
	return (0);
}

/* Refuse markup past a limit of load_count_markup(); 0 if within. */
static int
load_check_markup(const char *qname, const char *data, size_t len, int html,
    char **cause)
{
	struct load_counts	c;

	if (load_count_markup(data, len, html, &c) == 0)
		return (0);
	if (c.elements > LOAD_MAX_ELEMENTS)
		*cause = xstrprintf("'%s' has more than %d elements (the "
		    "limit)", qname, LOAD_MAX_ELEMENTS);
	else if (c.max_attrs > LOAD_MAX_ATTRS)
		*cause = xstrprintf("'%s' has an element with more than %d "
		    "attributes (the limit)", qname, LOAD_MAX_ATTRS);
	else if (c.attrs > LOAD_MAX_ATTRS_TOTAL)
		*cause = xstrprintf("'%s' has more than %d attributes (the "
		    "limit)", qname, LOAD_MAX_ATTRS_TOTAL);
	else
		*cause = xstrprintf("'%s' has more than %d entity references "
		    "(the limit)", qname, LOAD_MAX_ENTITY_REFS);
	return (-1);
}

/*
 * The checks before decoding: the loader for data, or NULL with *cause;
 * messages name qname.
 */
static const struct loader *
load_precheck(const char *name, const char *qname, const char *data,
    size_t len, const struct load_opts *opts, char **cause)
{
	const struct loader	*l;
	char			*size, names[128];

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
	if (opts->format == NULL)
		l = load_sniff(name, data, len);
	else if ((l = load_find(opts->format)) == NULL) {
		load_format_names(names, sizeof names);
		*cause = xstrprintf("unknown input format '%s' (%s)",
		    opts->format, names);
		return (NULL);
	}
	assert(l != NULL && l->load != NULL);
	return (l);
}

/*
 * Do the checks, decode and load; messages name qname. When own is data
 * (the caller's buffer, handed over), it is decoded in place if it can be
 * and freed in any case.
 */
static struct doc *
load_checked(const char *name, const char *qname, char *own,
    const char *data, size_t len, const struct load_opts *opts, char **cause)
{
	const struct loader	*l;
	const char		*used, *hint;
	char			*declared = NULL, *utf8;
	size_t		 ulen, i;
	struct doc	*d;
	int		 r;

	if ((l = load_precheck(name, qname, data, len, opts, cause)) == NULL) {
		free(own);
		return (NULL);
	}
	if (l->markup)
		declared = charset_sniff_declared(data, len);
	hint = opts->charset != NULL ? opts->charset : declared;
	if (own != NULL)
		r = charset_decode_take(own, len, hint, &utf8, &ulen, &used,
		    cause);
	else
		r = charset_decode(data, len, hint, &utf8, &ulen, &used,
		    cause);
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
		l = load_sniff(NULL, utf8, ulen);

	if (l->markup && load_check_markup(qname, utf8, ulen,
	    strcmp(l->name, "html") == 0, cause) != 0) {
		free(utf8);
		return (NULL);
	}

	d = doc_create(name, l->name);
	doc_set_charset(d, used);
	if (l->in_place)
		doc_input_take(d, utf8);	/* d frees it */
	r = l->load(d, utf8, ulen, opts, cause);
	if (!l->in_place)
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
	load_settle_lang(d, name, opts);
	return (d);
}

/* load_buffer(), and load_file() when own is data, handed over. */
static struct doc *
load_common(const char *name, char *own, const char *data, size_t len,
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
	d = load_checked(name, qname, own, data, len, opts, &msg);
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

struct doc *
load_buffer(const char *name, const char *data, size_t len,
    const struct load_opts *opts, char **cause)
{
	return (load_common(name, NULL, data, len, opts, cause));
}
