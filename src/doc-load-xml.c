/*
 * XML loader: TEI, and any other XML vocabulary, through libxml2's XML
 * parser.
 *
 * The parser runs with the network off (XML_PARSE_NONET), without entity
 * substitution (no XML_PARSE_NOENT) and without DTD loading (no
 * XML_PARSE_DTDLOAD), and the external entity loader is replaced by one
 * that refuses everything: an external entity, an external DTD or a
 * parameter entity never brings a file or a URL into the document. An
 * internal entity appears in the tree as a reference; its text is
 * expanded here, at most ENTITY_DEPTH levels deep and ENTITY_BUDGET bytes
 * in all (each node walked inside an entity counts as a byte), so an
 * entity bomb that got past libxml2's own amplification limits still costs
 * little; a file whose entities need more is refused, never shown with
 * their text left out. The tree depth is capped by libxml2 (256).
 *
 * TEI (root <TEI> or <TEI.2>): the title, author and date come from the
 * teiHeader; the text from <text><body>: <head> is a heading whose level
 * is the <div> depth, <p> and <ab> paragraphs, <quote> and <cit> outside
 * running text block quotations, <list>/<item> items, <hi rend> spans,
 * <note> and editorial alternatives (<sic>, <orig>, <abbr> in a <choice>)
 * are left out. When the body holds several <div xml:lang> in different
 * languages (parallel versions in one file), the first one is loaded.
 *
 * Any other vocabulary: xml:lang on the root gives the language; elements
 * named title, head, heading or h1 to h6 are headings; an element with
 * text of its own (not only whitespace) is a paragraph holding all the
 * text below it; elements with only elements inside just hold blocks.
 * Names common to DocBook, JATS and friends (emphasis, italic, bold, code,
 * link with an href) give spans.
 */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>
#include <libxml/entities.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>

#include "load.h"
#include "safe.h"

/* How deep internal entities are expanded, and how much text in all. */
#define ENTITY_DEPTH	8
#define ENTITY_BUDGET	((size_t)1024 * 1024)

/* Why an entity's text was left out (xctx.cut); the file is refused. */
#define ENTITY_CUT_BUDGET	1
#define ENTITY_CUT_DEPTH	2

/* The most text a metadata field takes. */
#define META_MAX	4096

/* Where text goes: the document, or a string (metadata). */
struct xsink {
	struct doc	*d;		/* NULL: into sb */
	struct strbuf	 sb;
	size_t		 max;		/* for sb */
	size_t		*budget;	/* entity text left */
	int		*cut;		/* set when an entity is cut */
	int		 inent;		/* inside an entity */
};

struct xctx {
	struct doc	*d;
	xmlDoc		*doc;
	int		 tei;
	size_t		 budget;	/* entity text left */
	int		 cut;		/* ENTITY_CUT_*: text left out */

	/* TEI */
	int		 div;		/* <div> depth */
	int		 quote;		/* block quotation depth */
	int		 list;		/* list depth */

	/* generic */
	xmlNode		*block;		/* element with the open block */
	int		 sect;		/* levels with a heading */
};

/* The external entity loader: nothing is ever loaded. */
static xmlParserInputPtr
xml_no_loader(const char *url, const char *id, xmlParserCtxtPtr ctxt)
{
	return (NULL);
}

/* The local name of an element, or "". */
static const char *
lname(const xmlNode *n)
{
	if (n == NULL || n->type != XML_ELEMENT_NODE || n->name == NULL)
		return ("");
	return ((const char *)n->name);
}

/* True if n is an element named name. */
static int
is(const xmlNode *n, const char *name)
{
	return (strcmp(lname(n), name) == 0);
}

/* The first child element of n named name, or NULL. */
static xmlNode *
child(const xmlNode *n, const char *name)
{
	xmlNode	*c;

	if (n == NULL)
		return (NULL);
	for (c = n->children; c != NULL; c = c->next) {
		if (is(c, name))
			return (c);
	}
	return (NULL);
}

/* An attribute (no namespace) or NULL; free it with xmlFree(). */
static char *
xattr(const xmlNode *n, const char *name)
{
	return ((char *)xmlGetNoNsProp(n, (const xmlChar *)name));
}

/* An element's own xml:lang, or NULL; free it with xmlFree(). */
static char *
own_lang(const xmlNode *n)
{
	return ((char *)xmlGetNsProp(n, (const xmlChar *)"lang",
	    XML_XML_NAMESPACE));
}

/* Send text to a sink; text from entities counts against the budget. */
static void
sink_text(struct xsink *s, const char *t, size_t len)
{
	if (s->inent > 0) {
		if (len > *s->budget)
			*s->cut = ENTITY_CUT_BUDGET;
		len = PR_MIN(len, *s->budget);
		*s->budget -= len;
	}
	if (len == 0)
		return;
	if (s->d != NULL) {
		doc_text(s->d, t, len);
		return;
	}
	if (s->sb.len >= s->max)
		return;
	if (len > s->max - s->sb.len)
		len = s->max - s->sb.len;
	strbuf_add(&s->sb, t, len);
}

static void	xml_entity(struct xctx *, struct xsink *, const xmlNode *,
		    int);

/*
 * Send the text below top to a sink, entities expanded; depth counts the
 * entities we are in. Iterative: follows parent and sibling pointers.
 */
static void
gather(struct xctx *c, struct xsink *s, const xmlNode *top, int depth)
{
	const xmlNode	*n = top->children;

	while (n != NULL) {
		/*
		 * Inside an entity every node costs a byte of the budget too:
		 * 100,000 references to an entity of 100,000 empty elements
		 * bring no text but would be 10^10 nodes to walk.
		 */
		if (s->inent > 0) {
			if (*s->budget == 0) {
				*s->cut = ENTITY_CUT_BUDGET;
				break;
			}
			(*s->budget)--;
		}
		if (n->type == XML_TEXT_NODE ||
		    n->type == XML_CDATA_SECTION_NODE) {
			if (n->content != NULL)
				sink_text(s, (const char *)n->content,
				    strlen((const char *)n->content));
		} else if (n->type == XML_ENTITY_REF_NODE)
			xml_entity(c, s, n, depth);
		else if (n->type == XML_ELEMENT_NODE && n->children != NULL &&
		    strcmp(lname(n), "note") != 0) {
			n = n->children;
			continue;
		}
		while (n != top && n->next == NULL)
			n = n->parent;
		if (n == top || n == NULL)
			break;
		n = n->next;
	}
}

/* Expand an entity reference: internal entities only, within budget. */
static void
xml_entity(struct xctx *c, struct xsink *s, const xmlNode *ref, int depth)
{
	xmlEntity	*ent;
	size_t		 l;

	if (ref->name == NULL)
		return;
	ent = xmlGetDocEntity(c->doc, ref->name);
	if (ent == NULL || ent->etype != XML_INTERNAL_GENERAL_ENTITY)
		return;
	/* Text left out is said: the file is refused (load_xml()). */
	if (depth >= ENTITY_DEPTH) {
		c->cut = ENTITY_CUT_DEPTH;
		return;
	}
	if (c->budget == 0) {
		c->cut = ENTITY_CUT_BUDGET;
		return;
	}
	if (ent->children == NULL) {
		/* Not parsed into nodes: plain text only. */
		if (ent->content != NULL &&
		    strpbrk((const char *)ent->content, "&<") == NULL) {
			l = strlen((const char *)ent->content);
			s->inent++;
			sink_text(s, (const char *)ent->content, l);
			s->inent--;
		}
		return;
	}
	s->inent++;
	gather(c, s, (const xmlNode *)ent, depth + 1);
	s->inent--;
}

/*
 * Walk the subtree of top in document order without recursion. enter()
 * returns whether to visit an element's children; leave() runs after the
 * children of every element entered with a visit.
 */
static void
xml_walk(xmlNode *top, int (*enter)(struct xctx *, xmlNode *),
    void (*leave)(struct xctx *, xmlNode *), struct xctx *c)
{
	xmlNode	*n = top;

	for (;;) {
		if (enter(c, n)) {
			if (n->type == XML_ELEMENT_NODE &&
			    n->children != NULL) {
				n = n->children;
				continue;
			}
			leave(c, n);
		}
		while (n != top && n->next == NULL) {
			n = n->parent;
			leave(c, n);
		}
		if (n == top)
			return;
		n = n->next;
	}
}

/* The collapsed text of an element, or NULL if blank; you own it. */
static char *
text_of(struct xctx *c, const xmlNode *n)
{
	struct xsink	 s;
	char		*r;

	if (n == NULL)
		return (NULL);
	memset(&s, 0, sizeof s);
	strbuf_init(&s.sb, 0);
	s.max = META_MAX;
	s.budget = &c->budget;
	s.cut = &c->cut;
	gather(c, &s, n, 0);
	r = strbuf_detach(&s.sb, NULL);
	if (strspn(r, " \t\r\n") == strlen(r)) {
		free(r);
		return (NULL);
	}
	return (r);
}

/* Text a node brings itself: text, CDATA and entity references. */
static int
text_enter(struct xctx *c, xmlNode *n)
{
	struct xsink	s;

	memset(&s, 0, sizeof s);
	s.d = c->d;
	s.budget = &c->budget;
	s.cut = &c->cut;
	if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
		if (n->content != NULL)
			doc_text(c->d, (const char *)n->content,
			    strlen((const char *)n->content));
		return (1);
	}
	if (n->type == XML_ENTITY_REF_NODE) {
		xml_entity(c, &s, n, 0);
		return (1);
	}
	return (0);
}

/* Set a metadata field from an element's text. */
static void
meta_from(struct xctx *c, void (*set)(struct doc *, const char *),
    const xmlNode *n)
{
	char	*t = text_of(c, n);

	if (t != NULL)
		set(c->d, t);
	free(t);
}

/* TEI: is n inside running text (so a <quote> there is inline)? */
static int
tei_inline(const xmlNode *n)
{
	static const char *const running[] = {
		"p", "ab", "head", "item", "l", "cell", "label", "hi", "q",
		"said", "s", "seg", "title", "foreign", "emph", "ref",
		"speaker", "byline", "dateline", "salute", "signed", "trailer"
	};
	const xmlNode	*a;
	size_t		 k;

	for (a = n->parent; a != NULL && a->type == XML_ELEMENT_NODE;
	    a = a->parent) {
		for (k = 0; k < nitems(running); k++) {
			if (is(a, running[k]))
				return (1);
		}
		if (is(a, "div") || is(a, "body") || is(a, "quote") ||
		    is(a, "cit") || is(a, "sp") || is(a, "lg") ||
		    is(a, "list") || is(a, "epigraph") || is(a, "floatingText"))
			return (0);
	}
	return (0);
}

/* TEI: a div (div, div1 ... div7)? */
static int
tei_is_div(const xmlNode *n)
{
	const char	*nm = lname(n);

	return (strcmp(nm, "div") == 0 || (strncmp(nm, "div", 3) == 0 &&
	    nm[3] >= '1' && nm[3] <= '7' && nm[4] == '\0'));
}

/* TEI: is this element left out? */
static int
tei_skipped(const xmlNode *n)
{
	static const char *const skip[] = {
		"note", "teiHeader", "facsimile", "fw", "interpGrp", "interp",
		"pb", "cb", "milestone", "gap", "graphic", "media",
		"binaryObject",
		"del", "surplus", "standOff", "back"
	};
	size_t	k;

	for (k = 0; k < nitems(skip); k++) {
		if (is(n, skip[k]))
			return (1);
	}
	/* Editorial alternatives: keep the corrected, regular, expanded. */
	if (is(n->parent, "choice") && (is(n, "sic") || is(n, "orig") ||
	    is(n, "abbr")))
		return (1);
	return (0);
}

/* TEI: the span kind of a <hi rend> (or -1). */
static int
tei_hi_kind(const xmlNode *n)
{
	char	*rend = xattr(n, "rend");
	int	 k = -1;

	if (rend == NULL)
		return (-1);
	if (strstr(rend, "bold") != NULL || strcmp(rend, "b") == 0 ||
	    strstr(rend, "strong") != NULL)
		k = SPAN_STRONG;
	else if (strstr(rend, "ital") != NULL || strcmp(rend, "i") == 0 ||
	    strcmp(rend, "it") == 0 || strstr(rend, "emph") != NULL)
		k = SPAN_EMPH;
	else if (strstr(rend, "mono") != NULL || strstr(rend, "code") != NULL)
		k = SPAN_CODE;
	xmlFree(rend);
	return (k);
}

/* TEI: the block an element opens: kind, or -1 for none. */
static int
tei_block(struct xctx *c, const xmlNode *n, int *level)
{
	static const char *const paras[] = {
		"p", "ab", "lg", "sp", "speaker", "cell", "byline", "dateline",
		"salute", "signed", "opener", "closer", "trailer", "docAuthor",
		"docTitle", "argument", "row", "table", "label", "stage"
	};
	size_t	k;

	*level = 0;
	if (is(n, "head")) {
		if (is(n->parent, "figure") || is(n->parent, "table")) {
			return (BLOCK_CAPTION);
		}
		*level = c->div < 1 ? 1 : c->div > 6 ? 6 : c->div;
		return (BLOCK_HEADING);
	}
	if (is(n, "figDesc"))
		return (BLOCK_CAPTION);
	if ((is(n, "quote") || is(n, "cit") || is(n, "epigraph")) &&
	    !tei_inline(n)) {
		*level = c->quote + 1;
		return (BLOCK_QUOTE);
	}
	if (is(n, "item")) {
		*level = c->list > 0 ? c->list : 1;
		return (BLOCK_ITEM);
	}
	if (is(n, "list") || tei_is_div(n) || is(n, "body") ||
	    is(n, "figure"))
		return (BLOCK_PARA);
	for (k = 0; k < nitems(paras); k++) {
		if (is(n, paras[k]))
			return (BLOCK_PARA);
	}
	return (-1);
}

/* TEI: the span an element opens (kind, or -1); *target for links. */
static int
tei_span(const xmlNode *n)
{
	if (is(n, "hi"))
		return (tei_hi_kind(n));
	if (is(n, "emph") || is(n, "foreign") || is(n, "title") ||
	    is(n, "mentioned") || is(n, "term"))
		return (SPAN_EMPH);
	if (is(n, "code"))
		return (SPAN_CODE);
	if (is(n, "ref") || is(n, "ptr")) {
		if (xmlHasProp(n, (const xmlChar *)"target") != NULL)
			return (SPAN_LINK);
	}
	return (-1);
}

/* TEI walk: entering a node. */
static int
tei_enter(struct xctx *c, xmlNode *n)
{
	char	*target;
	int	 kind, level;

	if (n->type != XML_ELEMENT_NODE) {
		text_enter(c, n);
		return (0);
	}
	if (tei_skipped(n))
		return (0);
	if (is(n, "lb")) {
		doc_line_break(c->d);
		return (0);
	}
	if ((kind = tei_block(c, n, &level)) >= 0) {
		doc_block_begin(c->d, (enum block_kind)kind, level);
		if (kind == BLOCK_QUOTE)
			c->quote++;
	}
	if (tei_is_div(n))
		c->div++;
	if (is(n, "list"))
		c->list++;
	if ((kind = tei_span(n)) >= 0) {
		target = kind == SPAN_LINK ? xattr(n, "target") : NULL;
		doc_span_begin(c->d, (enum span_kind)kind, target);
		xmlFree(target);
	}
	return (1);
}

/* TEI walk: leaving an element. */
static void
tei_leave(struct xctx *c, xmlNode *n)
{
	int	kind, level;

	if (n->type != XML_ELEMENT_NODE)
		return;
	if ((kind = tei_span(n)) >= 0)
		doc_span_end(c->d, (enum span_kind)kind);
	if (is(n, "l"))
		doc_line_break(c->d);
	if (tei_is_div(n))
		c->div--;
	if (is(n, "list"))
		c->list--;
	if ((kind = tei_block(c, n, &level)) >= 0) {
		if (kind == BLOCK_QUOTE)
			c->quote--;
		doc_block_end(c->d);
	}
}

/* The first element named name below top (document order), or NULL. */
static xmlNode *
find(xmlNode *top, const char *name)
{
	xmlNode	*n = top;

	while (n != NULL) {
		if (n != top && is(n, name))
			return (n);
		if (n->type == XML_ELEMENT_NODE && n->children != NULL) {
			n = n->children;
			continue;
		}
		while (n != top && n->next == NULL)
			n = n->parent;
		if (n == top)
			break;
		n = n->next;
	}
	return (NULL);
}

/* TEI: metadata from the header. */
static void
tei_header(struct xctx *c, xmlNode *tei)
{
	xmlNode	*h = child(tei, "teiHeader"), *fd, *ts, *ps, *t, *n, *lu;
	char	*v;

	fd = child(h, "fileDesc");
	ts = child(fd, "titleStmt");
	ps = child(fd, "publicationStmt");
	t = NULL;
	for (n = ts != NULL ? ts->children : NULL; n != NULL; n = n->next) {
		if (!is(n, "title"))
			continue;
		if (t == NULL)
			t = n;
		v = xattr(n, "type");
		if (v != NULL && strcmp(v, "main") == 0)
			t = n;
		xmlFree(v);
	}
	meta_from(c, doc_set_title, t);
	meta_from(c, doc_set_byline, child(ts, "author"));
	if ((n = child(ps, "date")) != NULL) {
		if ((v = xattr(n, "when")) != NULL)
			doc_set_date(c->d, v);
		else
			meta_from(c, doc_set_date, n);
		xmlFree(v);
	}
	lu = child(child(h, "profileDesc"), "langUsage");
	if ((n = child(lu, "language")) != NULL && (v = xattr(n, "ident")) !=
	    NULL) {
		doc_set_lang(c->d, v);
		xmlFree(v);
	}
}

/* TEI: the metadata and the body. */
static void
load_tei(struct xctx *c, xmlNode *root)
{
	xmlNode	*tei = root, *text, *body, *n, *first = NULL;
	char	*l, *fl = NULL;
	int	 langs = 0;

	doc_set_format(c->d, "tei");
	if (is(root, "teiCorpus") && (n = find(root, "TEI")) != NULL)
		tei = n;
	tei_header(c, tei);
	if ((text = child(tei, "text")) == NULL)
		text = find(tei, "text");
	if (text == NULL)
		return;
	if ((body = find(text, "body")) == NULL)
		body = text;
	if ((l = (char *)xmlNodeGetLang(body)) != NULL)
		doc_set_lang(c->d, l);
	xmlFree(l);

	/* Parallel versions: several <div xml:lang> in different languages. */
	for (n = body->children; n != NULL; n = n->next) {
		if (!tei_is_div(n) || (l = own_lang(n)) == NULL)
			continue;
		if (first == NULL) {
			first = n;
			fl = l;
			langs = 1;
			continue;
		}
		if (strcmp(l, fl) != 0)
			langs++;
		xmlFree(l);
	}
	if (fl != NULL && (langs > 1 || c->d->lang == NULL))
		doc_set_lang(c->d, fl);
	xmlFree(fl);
	xml_walk(langs > 1 ? first : body, tei_enter, tei_leave, c);
}

/* Generic: is the element a heading? Returns its level hint or 0. */
static int
gen_heading(const xmlNode *n)
{
	const char	*nm = lname(n);

	if (nm[0] == 'h' && nm[1] >= '1' && nm[1] <= '6' && nm[2] == '\0')
		return (nm[1] - '0');
	if (strcmp(nm, "title") == 0 || strcmp(nm, "head") == 0 ||
	    strcmp(nm, "heading") == 0)
		return (-1);
	return (0);
}

/* Generic: does the element have a heading among its children? */
static int
gen_has_heading(const xmlNode *n)
{
	const xmlNode	*k;

	for (k = n->children; k != NULL; k = k->next) {
		if (gen_heading(k) != 0)
			return (1);
	}
	return (0);
}

/* Generic: does the element have text of its own? */
static int
gen_has_text(const xmlNode *n)
{
	const xmlNode	*k;
	const char	*p;

	for (k = n->children; k != NULL; k = k->next) {
		if (k->type == XML_ENTITY_REF_NODE)
			return (1);
		if ((k->type != XML_TEXT_NODE &&
		    k->type != XML_CDATA_SECTION_NODE) || k->content == NULL)
			continue;
		for (p = (const char *)k->content; *p != '\0'; p++) {
			if (!isspace((unsigned char)*p))
				return (1);
		}
	}
	return (0);
}

/* Generic: the span an element opens inside a paragraph (or -1). */
static int
gen_span(const xmlNode *n)
{
	static const char *const emph[] = {
		"em", "i", "emph", "emphasis", "italic", "it", "foreignphrase",
		"citetitle"
	};
	static const char *const strong[] = { "b", "strong", "bold" };
	static const char *const code[] = {
		"code", "tt", "literal", "monospace", "command", "filename"
	};
	size_t	k;

	for (k = 0; k < nitems(emph); k++) {
		if (is(n, emph[k]))
			return (SPAN_EMPH);
	}
	for (k = 0; k < nitems(strong); k++) {
		if (is(n, strong[k]))
			return (SPAN_STRONG);
	}
	for (k = 0; k < nitems(code); k++) {
		if (is(n, code[k]))
			return (SPAN_CODE);
	}
	if (xmlHasProp(n, (const xmlChar *)"href") != NULL &&
	    (is(n, "a") || is(n, "link") || is(n, "ext-link") ||
	    is(n, "ulink") || is(n, "ref") || is(n, "xref")))
		return (SPAN_LINK);
	return (-1);
}

/* Generic walk: entering a node. */
static int
gen_enter(struct xctx *c, xmlNode *n)
{
	char	*href;
	int	 h, kind;

	if (n->type != XML_ELEMENT_NODE) {
		if (c->block != NULL)
			text_enter(c, n);
		return (0);
	}
	if (c->block != NULL) {
		if ((kind = gen_span(n)) >= 0) {
			href = kind == SPAN_LINK ? (char *)xmlGetProp(n,
			    (const xmlChar *)"href") : NULL;
			doc_span_begin(c->d, (enum span_kind)kind, href);
			xmlFree(href);
		}
		return (1);
	}
	if (gen_has_heading(n))
		c->sect++;
	if ((h = gen_heading(n)) != 0) {
		if (h < 0)
			h = c->sect < 1 ? 1 : c->sect > 6 ? 6 : c->sect;
		c->block = n;
		doc_block_begin(c->d, BLOCK_HEADING, h);
		if (c->d->title == NULL)
			meta_from(c, doc_set_title, n);
	} else if (gen_has_text(n)) {
		c->block = n;
		doc_block_begin(c->d, BLOCK_PARA, 0);
	}
	return (1);
}

/* Generic walk: leaving an element. */
static void
gen_leave(struct xctx *c, xmlNode *n)
{
	int	kind;

	if (n->type != XML_ELEMENT_NODE)
		return;
	if (c->block == n) {
		doc_block_end(c->d);
		c->block = NULL;
	} else if (c->block != NULL) {
		if ((kind = gen_span(n)) >= 0)
			doc_span_end(c->d, (enum span_kind)kind);
		return;
	}
	if (gen_has_heading(n))
		c->sect--;
}

/*
 * The text is UTF-8 already (charset_decode() made it so): switched to
 * UTF-8, the parser reads its copy as it is, where htmlCtxtReadMemory()
 * and xmlCtxtReadMemory() told "UTF-8" convert it into a second one (on a
 * book, twice the page's size more while parsing) and, told nothing, the
 * HTML parser guesses Latin-1. *_PARSE_IGNORE_ENC in options keeps a
 * declared charset from switching it.
 */
xmlDocPtr
load_parse_utf8(xmlParserCtxtPtr ctxt, const char *data, size_t len,
    int html, int options)
{
	xmlParserInputBufferPtr	 ib;
	xmlParserInputPtr	 in;
	xmlDocPtr		 doc;

	ib = xmlParserInputBufferCreateMem(data, (int)len,
	    XML_CHAR_ENCODING_NONE);
	if (ib == NULL)
		fatalx("out of memory");
	in = xmlNewIOInputStream(ctxt, ib, XML_CHAR_ENCODING_NONE);
	if (in == NULL) {
		xmlFreeParserInputBuffer(ib);
		fatalx("out of memory");
	}
	inputPush(ctxt, in);
	if (html)
		htmlCtxtUseOptions(ctxt, options);
	else
		xmlCtxtUseOptions(ctxt, options);
	xmlSwitchEncoding(ctxt, XML_CHAR_ENCODING_UTF8);
	if (html)
		htmlParseDocument(ctxt);
	else
		xmlParseDocument(ctxt);
	doc = ctxt->myDoc;
	ctxt->myDoc = NULL;
	/* As xmlCtxtReadMemory(): XML that is not well-formed has none. */
	if (!html && doc != NULL && !ctxt->wellFormed && !ctxt->recovery) {
		xmlFreeDoc(doc);
		doc = NULL;
	}
	return (doc);
}

int
load_xml(struct doc *d, const char *data, size_t len, char **cause)
{
	xmlParserCtxtPtr	 ctxt;
	xmlDocPtr		 doc;
	const xmlError		*e;
	xmlNode			*root;
	struct xctx		 c;
	struct strbuf		 sb = STRBUF_INIT;
	char			*msg, *raw, *l;
	size_t			 ml;

	if (len > INT32_MAX) {
		*cause = xstrprintf("'%s' is too large", d->source);
		return (-1);
	}
	xmlSetExternalEntityLoader(xml_no_loader);
	if ((ctxt = xmlNewParserCtxt()) == NULL)
		fatalx("out of memory");
	doc = load_parse_utf8(ctxt, data, len, 0, XML_PARSE_NONET |
	    XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_IGNORE_ENC);
	if (doc == NULL) {
		e = xmlCtxtGetLastError(ctxt);
		if (e != NULL && e->code == XML_ERR_INTERNAL_ERROR &&
		    e->message != NULL &&
		    strncmp(e->message, "Excessive depth", 15) == 0)
			/* libxml2's hint names a parser option: say it plainly. */
			raw = xstrprintf("'%s' nests elements more than %d deep "
			    "(the limit)", d->source, LOAD_MAX_DEPTH);
		else if (e != NULL && e->message != NULL) {
			msg = xstrdup(e->message);
			ml = strlen(msg);
			while (ml > 0 && isspace((unsigned char)msg[ml - 1]))
				msg[--ml] = '\0';
			if (ml > 0)
				msg[0] = (char)tolower((unsigned char)msg[0]);
			raw = xstrprintf("'%s' is not well-formed XML "
			    "(line %d: %s)", d->source, e->line, msg);
			free(msg);
		} else
			raw = xstrprintf("'%s' is not well-formed XML",
			    d->source);
		/* Names from the input may hold control characters. */
		safe_escape(&sb, raw, strlen(raw), 0);
		*cause = strbuf_detach(&sb, NULL);
		free(raw);
		xmlFreeParserCtxt(ctxt);
		return (-1);
	}
	xmlFreeParserCtxt(ctxt);

	memset(&c, 0, sizeof c);
	c.d = d;
	c.doc = doc;
	c.budget = ENTITY_BUDGET;
	if ((root = xmlDocGetRootElement(doc)) == NULL)
		goto done;
	if (is(root, "TEI") || is(root, "TEI.2") || is(root, "teiCorpus")) {
		c.tei = 1;
		load_tei(&c, root);
		goto done;
	}
	if ((l = own_lang(root)) != NULL) {
		doc_set_lang(d, l);
		xmlFree(l);
	}
	xml_walk(root, gen_enter, gen_leave, &c);

done:
	xmlFreeDoc(doc);
	/* "Nothing is shown cut short" (polyread(1), LIMITS). */
	if (c.cut == ENTITY_CUT_DEPTH) {
		*cause = xstrprintf("'%s' nests entities more than %d deep "
		    "(the limit)", d->source, ENTITY_DEPTH);
		return (-1);
	}
	if (c.cut == ENTITY_CUT_BUDGET) {
		*cause = xstrprintf("'%s' expands its entities to more than "
		    "%s of text (the limit)", d->source,
		    human_size(ENTITY_BUDGET));
		return (-1);
	}
	return (0);
}
