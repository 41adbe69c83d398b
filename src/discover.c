/*
 * Translation discovery: the other language versions a page declares.
 *
 * Two sources, in this order of trust:
 *  1. <link rel="alternate" hreflang="fr" href="..."> in the head, which
 *     the HTML loader records in doc->alts;
 *  2. a language switcher in the body: anchors whose text is a language
 *     code or name ("EN | FR | RU", "English · Français · Русский") or
 *     that carry an hreflang attribute. The loader drops the switcher as
 *     page furniture, but first reads it on the tree it parsed
 *     (discover_switcher_tree()) into doc->alts, marked as such: a page is
 *     read, decoded and parsed once.
 *
 * An anchor that names a language is not enough (a footer link
 * "Français" may lead to a home page): it must sit in a switcher, that is
 * two or more such anchors in a row (no other anchor between them, in the
 * same element or in sibling elements of one kind, like the <li> of a
 * list) naming different languages, or one anchor whose parent holds
 * nothing but language labels and separators ("<b>EN</b> | <a>FR</a>").
 *
 * Language names are matched against the names ICU gives each ISO 639-1
 * language in itself, English, French and Russian, case-folded; the table
 * is built once, so a page with thousands of links costs a lookup each.
 */
#include "config.h"

#include <ctype.h>
#include <limits.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <unicode/uchar.h>
#include <unicode/uloc.h>
#include <unicode/ustring.h>
#include <unicode/utf8.h>

#include "discover.h"
#include "load.h"

/* The longest anchor text taken as a language label, in bytes. */
#define LABEL_MAX	40
/* The longest parent text read for labels around a lone anchor. */
#define PARENT_MAX	120
/* The most nodes read for the text of an anchor or of its parent. */
#define DISCOVER_NODES	64

/* A language name, case-folded UTF-8, and its code. */
struct lang_name {
	char	*name;
	char	 code[4];
};

static struct lang_name	*names;
static size_t		 nnames;
static pthread_once_t	 names_once = PTHREAD_ONCE_INIT;

/* Fold a UTF-8 string's case with ICU; NULL if it is not valid. */
static char *
discover_fold(const char *s, size_t len)
{
	UChar		 u[LABEL_MAX * 2], f[LABEL_MAX * 2];
	char		 out[LABEL_MAX * 6];
	int32_t		 ul, fl, ol;
	UErrorCode	 ec = U_ZERO_ERROR;

	if (len > LABEL_MAX * 2)
		return (NULL);
	u_strFromUTF8(u, (int32_t)nitems(u), &ul, s, (int32_t)len, &ec);
	if (U_FAILURE(ec) || ec == U_STRING_NOT_TERMINATED_WARNING)
		return (NULL);
	fl = u_strFoldCase(f, (int32_t)nitems(f), u, ul, U_FOLD_CASE_DEFAULT,
	    &ec);
	if (U_FAILURE(ec) || ec == U_STRING_NOT_TERMINATED_WARNING)
		return (NULL);
	u_strToUTF8(out, (int32_t)sizeof out, &ol, f, fl, &ec);
	if (U_FAILURE(ec) || ec == U_STRING_NOT_TERMINATED_WARNING)
		return (NULL);
	return (xstrndup(out, (size_t)ol));
}

static int
name_cmp(const void *a, const void *b)
{
	const struct lang_name	*x = a, *y = b;

	return (strcmp(x->name, y->name));
}

/* Build the table of language names (once). */
static void
discover_names_build(void)
{
	static const char *const	 in[] = { NULL, "en", "fr", "ru" };
	const char *const		*l;
	UChar				 disp[64];
	char				 utf8[256], *folded;
	int32_t				 dlen, olen;
	UErrorCode			 ec;
	size_t				 alloc = 0, k;

	for (l = uloc_getISOLanguages(); l != NULL && *l != NULL; l++) {
		if (strlen(*l) != 2)
			continue;
		for (k = 0; k < nitems(in); k++) {
			ec = U_ZERO_ERROR;
			dlen = uloc_getDisplayLanguage(*l, in[k] != NULL ?
			    in[k] : *l, disp, (int32_t)nitems(disp), &ec);
			/* ICU gives the code back when it has no name. */
			if (U_FAILURE(ec) || dlen <= 2 ||
			    ec == U_STRING_NOT_TERMINATED_WARNING)
				continue;
			u_strToUTF8(utf8, (int32_t)sizeof utf8, &olen, disp,
			    dlen, &ec);
			if (U_FAILURE(ec) || ec == U_STRING_NOT_TERMINATED_WARNING)
				continue;
			if ((folded = discover_fold(utf8, (size_t)olen)) ==
			    NULL)
				continue;
			XGROW(names, alloc, nnames + 1);
			names[nnames].name = folded;
			snprintf(names[nnames].code, sizeof names[nnames].code,
			    "%s", *l);
			nnames++;
		}
	}
	if (nnames > 0)
		qsort(names, nnames, sizeof *names, name_cmp);
}

/*
 * The language a label names: a 2- or 3-letter code ("FR", "rus") or a
 * language's name in one word ("Français", "Russian", "Русский"). NULL if
 * it names none. You own the result.
 */
static char *
discover_label(const char *s, size_t len)
{
	struct lang_name	 key, *hit;
	char			*folded, code[4];
	size_t			 i;
	UChar32			 c;
	int32_t			 off = 0;

	if (len < 2 || len > LABEL_MAX)
		return (NULL);
	if (len <= 3) {
		for (i = 0; i < len; i++) {
			if (!isalpha((unsigned char)s[i]))
				break;
			code[i] = (char)tolower((unsigned char)s[i]);
		}
		if (i == len) {
			code[len] = '\0';
			/* Three letters only for a language with two. */
			if ((folded = lang_normalize(code)) != NULL &&
			    strlen(folded) != 2 && len == 3) {
				free(folded);
				folded = NULL;
			}
			return (folded);
		}
	}
	/* A name: letters only. */
	while (off < (int32_t)len) {
		U8_NEXT(s, off, (int32_t)len, c);
		if (c < 0 || !u_isalpha(c))
			return (NULL);
	}
	pthread_once(&names_once, discover_names_build);
	if ((folded = discover_fold(s, len)) == NULL)
		return (NULL);
	key.name = folded;
	hit = nnames > 0 ? bsearch(&key, names, nnames, sizeof *names,
	    name_cmp) : NULL;
	free(folded);
	return (hit != NULL ? xstrdup(hit->code) : NULL);
}

/* The next element after n in document order (no recursion). */
static xmlNode *
discover_next(xmlNode *n, int into)
{
	if (into && n->children != NULL)
		return (n->children);
	while (n != NULL) {
		if (n->next != NULL)
			return (n->next);
		n = n->parent;
	}
	return (NULL);
}

/*
 * The text of node n, white space collapsed and trimmed: at most max
 * bytes (more means "longer than max"), from at most DISCOVER_NODES nodes
 * (more gives NULL), so that looking around many anchors stays linear.
 */
static char *
discover_text(xmlNode *n, size_t max)
{
	struct strbuf	 sb = STRBUF_INIT;
	xmlNode		*c;
	const char	*p;
	size_t		 visited = 0;
	int		 space = 0;

	for (c = n->children; c != NULL && sb.len <= max; ) {
		if (++visited > DISCOVER_NODES) {
			strbuf_release(&sb);
			return (NULL);
		}
		if ((c->type == XML_TEXT_NODE ||
		    c->type == XML_CDATA_SECTION_NODE) && c->content != NULL) {
			for (p = (const char *)c->content;
			    *p != '\0' && sb.len <= max; p++) {
				if (isspace((unsigned char)*p)) {
					space = sb.len > 0;
					continue;
				}
				if (space)
					strbuf_addch(&sb, ' ');
				space = 0;
				strbuf_addch(&sb, *p);
			}
		}
		/* Next in document order, without leaving n. */
		if (c->type == XML_ELEMENT_NODE && c->children != NULL) {
			c = c->children;
			continue;
		}
		while (c != NULL && c != n && c->next == NULL)
			c = c->parent;
		if (c == NULL || c == n)
			break;
		c = c->next;
	}
	return (strbuf_detach(&sb, NULL));
}

/*
 * The length of the run of separators at s: white space (a no-break space
 * too), | / , ; : - and the middle dot, bullet and dashes.
 */
static size_t
discover_separators(const char *s)
{
	static const char *const	 seps[] = {
		" ", "|", "/", ",", ";", ":", "-", "\xc2\xa0", "\xc2\xb7",
		"\xe2\x80\xa2", "\xe2\x80\x93", "\xe2\x80\x94"
	};
	size_t				 n = 0, i, l;

	for (;;) {
		for (i = 0; i < nitems(seps); i++) {
			l = strlen(seps[i]);
			if (strncmp(s + n, seps[i], l) == 0)
				break;
		}
		if (i == nitems(seps))
			return (n);
		n += l;
	}
}

/*
 * Does the parent of a lone language anchor hold only language labels
 * and separators, naming two languages or more?
 */
static int
discover_labels_only(xmlNode *parent)
{
	char		*text, *lang, *first = NULL;
	const char	*p, *w;
	size_t		 l = 0;
	int		 ok = 1, langs = 0;

	if (parent == NULL || parent->type != XML_ELEMENT_NODE)
		return (0);
	text = discover_text(parent, PARENT_MAX);
	if (text == NULL)
		return (0);
	if (strlen(text) > PARENT_MAX) {
		free(text);
		return (0);
	}
	for (p = text; ok && *p != '\0'; p += l) {
		p += discover_separators(p);
		if (*p == '\0')
			break;
		w = p;
		for (l = 0; p[l] != '\0' && discover_separators(p + l) == 0;
		    l++)
			;
		if ((lang = discover_label(w, l)) == NULL) {
			ok = 0;
			break;
		}
		if (first == NULL)
			first = lang;
		else {
			if (strcmp(first, lang) != 0)
				langs = 1;
			free(lang);
		}
	}
	free(first);
	free(text);
	return (ok && langs);
}

/*
 * Are two anchors in a row parts of one switcher: in the same element, or
 * each in an element of the same kind (<li>, <span>) in the same element?
 */
static int
discover_adjacent(const xmlNode *a, const xmlNode *b)
{
	const xmlNode	*pa = a->parent, *pb = b->parent;

	if (pa == NULL || pb == NULL)
		return (0);
	if (pa == pb)
		return (1);
	return (pa->type == XML_ELEMENT_NODE && pb->type == XML_ELEMENT_NODE &&
	    pa->parent != NULL && pa->parent == pb->parent &&
	    xmlStrcasecmp(pa->name, pb->name) == 0);
}

void
discover_links_free(struct discover_link *links, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		free(links[i].href);
		free(links[i].text);
		free(links[i].lang);
	}
	free(links);
}

/* One language anchor of the page, with its element. */
struct cand {
	xmlNode			*node;
	struct discover_link	 link;
	int			 explicit;	/* hreflang attribute */
	size_t			 seq;		/* its index among anchors */
};

size_t
discover_switcher(const char *html, size_t len, struct discover_link **links)
{
	htmlParserCtxtPtr ctxt;
	htmlDocPtr	 doc;
	size_t		 n;

	*links = NULL;
	if (len == 0 || len > (size_t)INT_MAX)
		return (0);
	if ((ctxt = htmlNewParserCtxt()) == NULL)
		fatalx("out of memory");
	doc = load_parse_utf8(ctxt, html, len, 1, HTML_PARSE_NONET |
	    HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_RECOVER |
	    HTML_PARSE_IGNORE_ENC | HTML_PARSE_COMPACT);
	htmlFreeParserCtxt(ctxt);
	if (doc == NULL)
		return (0);
	n = discover_switcher_tree(xmlDocGetRootElement(doc), links);
	xmlFreeDoc(doc);
	return (n);
}

size_t
discover_switcher_tree(struct _xmlNode *root, struct discover_link **links)
{
	xmlNode		*n;
	struct cand	*c = NULL;
	size_t		 nc = 0, ac = 0, seq = 0, i, j, k, nout = 0, aout = 0;
	char		*href, *hl, *text, *lang;
	int		 keep, distinct;

	*links = NULL;
	for (n = root; n != NULL; n = discover_next(n, 1)) {
		if (n->type != XML_ELEMENT_NODE ||
		    xmlStrcasecmp(n->name, (const xmlChar *)"a") != 0)
			continue;
		seq++;
		href = (char *)xmlGetProp(n, (const xmlChar *)"href");
		if (href == NULL)
			continue;
		hl = (char *)xmlGetProp(n, (const xmlChar *)"hreflang");
		text = discover_text(n, LABEL_MAX + 1);
		if (text == NULL)
			text = xstrdup("");
		lang = NULL;
		if (hl != NULL)
			lang = lang_normalize(hl);
		if (lang == NULL)
			lang = discover_label(text, strlen(text));
		if (lang != NULL && *href != '\0') {
			XGROW(c, ac, nc + 1);
			c[nc].node = n;
			c[nc].link.href = xstrdup(href);
			c[nc].link.text = text;
			c[nc].link.lang = lang;
			c[nc].explicit = hl != NULL;
			c[nc].seq = seq;
			nc++;
			text = NULL;
		} else
			free(lang);
		free(text);
		xmlFree(hl);
		xmlFree(href);
	}
	/* Runs of language anchors next to each other. */
	for (i = 0; i < nc; i = j) {
		for (j = i + 1; j < nc && c[j].seq == c[j - 1].seq + 1 &&
		    discover_adjacent(c[j - 1].node, c[j].node); j++)
			;
		distinct = 0;
		for (k = i + 1; k < j; k++) {
			if (strcmp(c[k].link.lang, c[i].link.lang) != 0)
				distinct = 1;
		}
		for (k = i; k < j; k++) {
			keep = distinct || c[k].explicit ||
			    (j - i == 1 && discover_labels_only(
			    c[k].node->parent));
			if (keep) {
				XGROW(*links, aout, nout + 1);
				(*links)[nout++] = c[k].link;
			} else {
				free(c[k].link.href);
				free(c[k].link.text);
				free(c[k].link.lang);
			}
		}
	}
	free(c);
	return (nout);
}

void
discover_versions_free(struct discover_version *v, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		free(v[i].lang);
		free(v[i].href);
	}
	free(v);
}

/* Add lang at href unless lang is the page's or already listed. */
static void
discover_add(const struct doc *d, struct discover_version **v, size_t *n,
    size_t *alloc, char *lang, const char *href, int from_switcher)
{
	size_t	i;

	if (lang == NULL)
		return;
	if (d->lang != NULL && strcmp(lang, d->lang) == 0) {
		free(lang);
		return;
	}
	for (i = 0; i < *n; i++) {
		if (strcmp((*v)[i].lang, lang) == 0) {
			free(lang);
			return;
		}
	}
	XGROW(*v, *alloc, *n + 1);
	(*v)[*n].lang = lang;
	(*v)[*n].href = xstrdup(href);
	(*v)[*n].from_switcher = from_switcher;
	(*n)++;
}

size_t
discover_versions(const struct doc *d, struct discover_version **vers)
{
	size_t	n = 0, alloc = 0, i;
	int	switcher;

	*vers = NULL;
	/* The hreflang alternates first, then the switcher's anchors. */
	for (switcher = 0; switcher <= 1; switcher++) {
		for (i = 0; i < d->nalts; i++) {
			if (d->alts[i].lang == NULL ||
			    d->alts[i].href == NULL ||
			    d->alts[i].switcher != switcher)
				continue;
			discover_add(d, vers, &n, &alloc,
			    lang_normalize(d->alts[i].lang), d->alts[i].href,
			    switcher);
		}
	}
	return (n);
}
