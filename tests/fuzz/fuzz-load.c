/*
 * The part of the loader targets they share: load, check the document,
 * segment it and dump it.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "article.h"
#include "cmd.h"
#include "fuzz.h"
#include "load.h"
#include "text.h"

FILE *
fuzz_null(void)
{
	static FILE	*f;

	if (f == NULL && (f = fopen("/dev/null", "w")) == NULL)
		abort();
	return (f);
}

/* Is there a C0 or C1 control (tab and newline aside) in s? */
static int
has_control(const char *s, size_t len, int pre)
{
	size_t	i;

	for (i = 0; i < len; i++) {
		unsigned char	c = (unsigned char)s[i];

		if ((c < 0x20 && !(pre && (c == '\t' || c == '\n'))) ||
		    c == 0x7f)
			return (1);
		/* U+0080 to U+009F: C2 80 to C2 9F. */
		if (c == 0xc2 && i + 1 < len &&
		    (unsigned char)s[i + 1] >= 0x80 &&
		    (unsigned char)s[i + 1] <= 0x9f)
			return (1);
	}
	return (0);
}

void
fuzz_check_doc(const struct doc *d)
{
	const struct doc_block	*b;
	size_t			 i, j;

	for (i = 0; i < d->nblocks; i++) {
		b = &d->blocks[i];
		if (b->text == NULL || b->len == 0 || b->text[b->len] != '\0' ||
		    strlen(b->text) != b->len)
			abort();
		if (has_control(b->text, b->len, b->kind == BLOCK_PRE))
			abort();
		for (j = 0; j < b->nspans; j++) {
			if (b->spans[j].start >= b->spans[j].end ||
			    b->spans[j].end > b->len)
				abort();
			if (j > 0 && b->spans[j - 1].start > b->spans[j].start)
				abort();
		}
	}
	if (d->title != NULL && has_control(d->title, strlen(d->title), 0))
		abort();
}

/* Count what a parsed tree holds (walked without recursion). */
static void
count_tree(xmlNode *top, struct load_counts *c)
{
	xmlNode	*n = top, *k;
	xmlAttr	*a;
	size_t	 na;

	while (n != NULL) {
		if (n->type == XML_ENTITY_REF_NODE)
			c->refs++;
		if (n->type == XML_ELEMENT_NODE) {
			c->elements++;
			na = 0;
			for (a = n->properties; a != NULL; a = a->next) {
				na++;
				for (k = a->children; k != NULL; k = k->next)
					c->refs += k->type ==
					    XML_ENTITY_REF_NODE;
			}
			c->attrs += na;
			c->max_attrs = na > c->max_attrs ? na : c->max_attrs;
		}
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
}

void
fuzz_check_counts(int html, const uint8_t *data, size_t size)
{
	struct load_counts	 pre, tree;
	xmlParserCtxtPtr	 ctxt;
	xmlDocPtr		 doc;
	xmlNode			*n;
	const char		*p;
	size_t			 implied;

	if (size == 0 || size > 1024 * 1024 ||
	    memchr(data, '\0', size) != NULL ||
	    !charset_is_utf8((const char *)data, size))
		return;
	if (load_count_markup((const char *)data, size, html, &pre) != 0)
		return;
	ctxt = html ? htmlNewParserCtxt() : xmlNewParserCtxt();
	if (ctxt == NULL)
		abort();
	doc = load_parse_utf8(ctxt, (const char *)data, size, html, html ?
	    HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
	    HTML_PARSE_RECOVER | HTML_PARSE_IGNORE_ENC | HTML_PARSE_COMPACT :
	    XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
	    XML_PARSE_IGNORE_ENC);
	if (html)
		htmlFreeParserCtxt(ctxt);
	else
		xmlFreeParserCtxt(ctxt);
	if (doc == NULL)
		return;
	memset(&tree, 0, sizeof tree);
	for (n = doc->children; n != NULL; n = n->next)
		count_tree(n, &tree);
	xmlFreeDoc(doc);
	/*
	 * The HTML parser adds <html>, <head> and <body> of its own, and a
	 * <p> round text outside any element (at the start, after an end
	 * tag that closed everything).
	 */
	if (html) {
		implied = 4;
		for (p = (const char *)data; (p = memmem(p, size -
		    (size_t)(p - (const char *)data), "</", 2)) != NULL; p++)
			implied++;
		tree.elements -= PR_MIN(tree.elements, implied);
	}
	if (tree.elements > pre.elements || tree.attrs > pre.attrs ||
	    tree.max_attrs > pre.max_attrs || tree.refs > pre.refs) {
		fprintf(stderr, "load_count_markup: %zu elements, %zu "
		    "attributes (%zu in one), %zu references; the tree: %zu, "
		    "%zu (%zu), %zu\n", pre.elements, pre.attrs, pre.max_attrs,
		    pre.refs, tree.elements, tree.attrs, tree.max_attrs,
		    tree.refs);
		abort();
	}
}

int
fuzz_load(const char *format, int presegmented, const uint8_t *data,
    size_t size)
{
	struct load_opts	 o;
	struct article		 a;
	struct doc		*d;
	struct text_sentence	*s;
	struct text_quote	*q;
	char			*cause = NULL;
	size_t			 ns, nq, i;

	memset(&o, 0, sizeof o);
	o.format = format;
	o.presegmented = presegmented;
	d = load_buffer("fuzz", (const char *)data, size, &o, &cause);
	if (d == NULL) {
		if (cause == NULL)
			abort();
		free(cause);
		return (0);
	}
	fuzz_check_doc(d);

	ns = text_doc_sentences(d, NULL, &s);
	for (i = 0; i < ns; i++) {
		if (s[i].block >= d->nblocks || s[i].start > s[i].end ||
		    s[i].end > d->blocks[s[i].block].len)
			abort();
	}
	free(s);
	nq = text_quotes(d, NULL, &q);
	for (i = 0; i < nq; i++) {
		if (q[i].close.block >= d->nblocks ||
		    q[i].close.off > d->blocks[q[i].close.block].len)
			abort();
	}
	free(q);

	memset(&a, 0, sizeof a);
	a.docs[0] = d;
	a.n = 1;
	dump_article(fuzz_null(), &a, NULL, 10 + (int)(size % 90));
	doc_free(d);
	return (0);
}
