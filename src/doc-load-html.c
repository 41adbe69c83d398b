/*
 * HTML loader: libxml2's HTML parser, then a readability-style pass that
 * finds the article in a saved page and leaves the page furniture out.
 *
 * The steps, each one walk over the tree:
 *  1. parse (libxml2 recovers from any tag soup and never goes to the
 *     network; it caps the tree depth at 256);
 *  2. read the metadata: <title>, meta tags, hreflang links, <time>;
 *     pick the headline: the h1 that matches the title (a site's name in
 *     a logo h1 does not), else the first h1 of four words or more;
 *  3. count text and link text per element;
 *  4. mark furniture: scripts, styles, forms, navigation, asides, footers,
 *     hidden elements, elements whose class or id names a share bar, a
 *     cookie banner, comments and the like (see furniture_words), unless
 *     they hold the headline or most of the page's text;
 *  5. pick the content: the <article> (a run of sibling articles counts
 *     as one, with the headline before them), else <main>, else the
 *     container that scores best by paragraph text, commas and link
 *     density, with its qualifying siblings; a headline outside the
 *     content is put first (with the siblings between, for the scorer);
 *  6. emit blocks and spans through the doc builder; inside the content,
 *     boxes that are mostly links ("Read also", tag lists) and short
 *     paragraphs that are one link (kickers, "Read more") go; the byline
 *     element is looked for in the content first.
 *
 * No walk recurses: they follow the parent and sibling pointers, so a
 * deep tree costs no stack. Per-element counts live in an array the nodes
 * point to through their _private field.
 *
 * Images: an image's alt text is kept only inside a text block that has
 * text of its own (an icon or emoji in a sentence); a picture on its own
 * gives nothing, so photo descriptions do not become paragraphs.
 */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <unicode/ucasemap.h>

#include "discover.h"
#include "html-meta.h"
#include "load.h"
#include "safe.h"

/* What an element is to the loader. */
enum html_tag {
	H_INLINE,		/* unknown or inline: text goes through */
	H_A,
	H_ARTICLE,
	H_BLOCK,		/* a container: cuts paragraphs */
	H_BLOCKQUOTE,
	H_BODY,
	H_BR,
	H_CAPTION,
	H_CODE,
	H_EMPH,
	H_HEADING,
	H_HR,
	H_IMG,
	H_ITEM,
	H_LIST,
	H_MAIN,
	H_PARA,
	H_PRE,
	H_Q,
	H_STRONG
};

#define TF_BLOCK	0x01	/* block-level: breaks paragraphs */
#define TF_SKIP		0x02	/* never content (script, field) */
#define TF_FURN		0x04	/* furniture unless it holds much */
#define TF_CLEAN	0x08	/* dropped inside the content when mostly
				   links */
#define TF_SCORE	0x10	/* a paragraph for the scorer */
#define TF_DIVLIKE	0x20	/* a paragraph for the scorer when
				   it holds no block */
#define TF_TEXTBLOCK	0x40	/* holds running text (image alts) */

struct html_tagdef {
	const char	*name;
	enum html_tag	 tag;
	int		 level;
	int		 flags;
};

/* Sorted by name for bsearch(). */
static const struct html_tagdef html_tags[] = {
	{ "a", H_A, 0, 0 },
	{ "address", H_BLOCK, 0, TF_BLOCK },
	{ "applet", H_INLINE, 0, TF_SKIP },
	{ "area", H_INLINE, 0, TF_SKIP },
	{ "article", H_ARTICLE, 0, TF_BLOCK | TF_DIVLIKE },
	{ "aside", H_BLOCK, 0, TF_BLOCK | TF_FURN },
	{ "audio", H_INLINE, 0, TF_SKIP },
	{ "b", H_STRONG, 0, 0 },
	{ "base", H_INLINE, 0, TF_SKIP },
	{ "blockquote", H_BLOCKQUOTE, 0, TF_BLOCK | TF_TEXTBLOCK },
	{ "body", H_BODY, 0, TF_BLOCK },
	{ "br", H_BR, 0, 0 },
	{ "button", H_INLINE, 0, TF_SKIP },
	{ "canvas", H_INLINE, 0, TF_SKIP },
	{ "caption", H_CAPTION, 0, TF_BLOCK | TF_TEXTBLOCK },
	{ "center", H_BLOCK, 0, TF_BLOCK | TF_DIVLIKE },
	{ "code", H_CODE, 0, 0 },
	{ "datalist", H_INLINE, 0, TF_SKIP },
	{ "dd", H_PARA, 0, TF_BLOCK | TF_TEXTBLOCK },
	{ "details", H_BLOCK, 0, TF_BLOCK },
	{ "dialog", H_INLINE, 0, TF_SKIP },
	{ "dir", H_LIST, 0, TF_BLOCK | TF_CLEAN },
	{ "div", H_BLOCK, 0, TF_BLOCK | TF_CLEAN | TF_DIVLIKE },
	{ "dl", H_BLOCK, 0, TF_BLOCK | TF_CLEAN },
	{ "dt", H_PARA, 0, TF_BLOCK | TF_TEXTBLOCK },
	{ "em", H_EMPH, 0, 0 },
	{ "embed", H_INLINE, 0, TF_SKIP },
	{ "fieldset", H_BLOCK, 0, TF_BLOCK },
	{ "figcaption", H_CAPTION, 0, TF_BLOCK | TF_TEXTBLOCK },
	{ "figure", H_BLOCK, 0, TF_BLOCK | TF_CLEAN },
	{ "footer", H_BLOCK, 0, TF_BLOCK | TF_FURN },
	{ "form", H_BLOCK, 0, TF_BLOCK | TF_FURN },
	{ "frame", H_INLINE, 0, TF_SKIP },
	{ "frameset", H_INLINE, 0, TF_SKIP },
	{ "h1", H_HEADING, 1, TF_BLOCK | TF_TEXTBLOCK },
	{ "h2", H_HEADING, 2, TF_BLOCK | TF_TEXTBLOCK },
	{ "h3", H_HEADING, 3, TF_BLOCK | TF_TEXTBLOCK },
	{ "h4", H_HEADING, 4, TF_BLOCK | TF_TEXTBLOCK },
	{ "h5", H_HEADING, 5, TF_BLOCK | TF_TEXTBLOCK },
	{ "h6", H_HEADING, 6, TF_BLOCK | TF_TEXTBLOCK },
	{ "head", H_INLINE, 0, TF_SKIP },
	{ "header", H_BLOCK, 0, TF_BLOCK | TF_CLEAN },
	{ "hgroup", H_BLOCK, 0, TF_BLOCK },
	{ "hr", H_HR, 0, TF_BLOCK },
	{ "html", H_BLOCK, 0, TF_BLOCK },
	{ "i", H_EMPH, 0, 0 },
	{ "iframe", H_INLINE, 0, TF_SKIP },
	{ "img", H_IMG, 0, 0 },
	{ "input", H_INLINE, 0, TF_SKIP },
	{ "kbd", H_CODE, 0, 0 },
	{ "legend", H_BLOCK, 0, TF_BLOCK },
	{ "li", H_ITEM, 0, TF_BLOCK | TF_TEXTBLOCK },
	{ "link", H_INLINE, 0, TF_SKIP },
	{ "listing", H_PRE, 0, TF_BLOCK | TF_SCORE },
	{ "main", H_MAIN, 0, TF_BLOCK },
	{ "map", H_INLINE, 0, TF_SKIP },
	{ "math", H_INLINE, 0, TF_SKIP },
	{ "menu", H_LIST, 0, TF_BLOCK | TF_CLEAN },
	{ "meta", H_INLINE, 0, TF_SKIP },
	{ "nav", H_BLOCK, 0, TF_BLOCK | TF_FURN },
	{ "noembed", H_INLINE, 0, TF_SKIP },
	{ "noframes", H_INLINE, 0, TF_SKIP },
	{ "noscript", H_BLOCK, 0, TF_BLOCK | TF_FURN },
	{ "object", H_INLINE, 0, TF_SKIP },
	{ "ol", H_LIST, 0, TF_BLOCK | TF_CLEAN },
	{ "optgroup", H_INLINE, 0, TF_SKIP },
	{ "option", H_INLINE, 0, TF_SKIP },
	{ "p", H_PARA, 0, TF_BLOCK | TF_SCORE | TF_TEXTBLOCK },
	{ "param", H_INLINE, 0, TF_SKIP },
	{ "plaintext", H_PRE, 0, TF_BLOCK | TF_SCORE },
	{ "pre", H_PRE, 0, TF_BLOCK | TF_SCORE | TF_TEXTBLOCK },
	{ "q", H_Q, 0, 0 },
	{ "rp", H_INLINE, 0, TF_SKIP },
	{ "rt", H_INLINE, 0, TF_SKIP },
	{ "samp", H_CODE, 0, 0 },
	{ "script", H_INLINE, 0, TF_SKIP },
	{ "section", H_BLOCK, 0, TF_BLOCK | TF_CLEAN | TF_DIVLIKE },
	{ "select", H_INLINE, 0, TF_SKIP },
	{ "source", H_INLINE, 0, TF_SKIP },
	{ "strong", H_STRONG, 0, 0 },
	{ "style", H_INLINE, 0, TF_SKIP },
	{ "summary", H_BLOCK, 0, TF_BLOCK },
	{ "svg", H_INLINE, 0, TF_SKIP },
	{ "table", H_BLOCK, 0, TF_BLOCK | TF_CLEAN },
	{ "tbody", H_BLOCK, 0, TF_BLOCK },
	{ "td", H_PARA, 0, TF_BLOCK | TF_SCORE | TF_TEXTBLOCK },
	{ "template", H_INLINE, 0, TF_SKIP },
	{ "textarea", H_INLINE, 0, TF_SKIP },
	{ "tfoot", H_BLOCK, 0, TF_BLOCK },
	{ "th", H_PARA, 0, TF_BLOCK | TF_TEXTBLOCK },
	{ "thead", H_BLOCK, 0, TF_BLOCK },
	{ "title", H_INLINE, 0, TF_SKIP },
	{ "tr", H_BLOCK, 0, TF_BLOCK },
	{ "track", H_INLINE, 0, TF_SKIP },
	{ "tt", H_CODE, 0, 0 },
	{ "ul", H_LIST, 0, TF_BLOCK | TF_CLEAN },
	{ "video", H_INLINE, 0, TF_SKIP },
	{ "xmp", H_PRE, 0, TF_BLOCK | TF_SCORE }
};

static const struct html_tagdef html_inline = { "", H_INLINE, 0, 0 };

/*
 * Words in a class or id that name page furniture (matched anywhere in
 * the lower-cased class and id, so "share-bar" and "socialShare" match).
 * The strong ones are never content; the weak ones are sometimes given to
 * the article's own container ("entry share", "ads-section" around a test
 * report) and do not drop an element that holds much running text.
 */
static const char *furniture_words[] = {
	"breadcrumb", "carousel", "consent", "cookie", "disqus", "donat",
	"gallery",
	"gdpr", "lang-select", "lightbox", "slideshow",
	"lang-switch", "langswitch", "language-picker", "language-select",
	"language-switch", "masthead", "menu", "modal", "newsletter",
	"outbrain", "paywall", "popup", "screen-reader", "skip-link", "sr-only",
	"signup", "sign-up", "subscribe", "subscription", "taboola", "toolbar",
	"visually-hidden"
};
static const char *weak_furniture_words[] = {
	"advert", "also-read", "banner", "disclaimer", "embed", "lire-aussi",
	"more-stories", "promo", "read-also", "readalso", "read-more",
	"readmore", "recommend", "related", "see-also", "share", "sidebar",
	"social", "sponsor", "voir-aussi"
};

/* Comment sections: never kept for holding much text. */
static const char *comment_words[] = { "comment", "disqus", "replies" };

/* Whole words (between non-letters) that name furniture. */
static const char *furniture_tokens[] = {
	"footer", "nav", "navbar", "navigation"
};
static const char *weak_furniture_tokens[] = {
	"ad", "ads", "pub", "tags", "bio", "toc"
};

/* Class and id words that raise or lower a scoring candidate. */
static const char *positive_words[] = {
	"article", "body", "content", "entry", "main", "page", "post",
	"story", "text", "blog"
};
static const char *negative_words[] = {
	"banner", "combx", "comment", "contact", "foot", "masthead", "media",
	"meta", "promo", "related", "scroll", "share", "shoutbox", "sidebar",
	"skyscraper", "sponsor", "shopping", "tags", "tool", "widget"
};

/* ARIA roles of furniture. */
static const char *furniture_roles[] = {
	"alert", "alertdialog", "banner", "complementary", "contentinfo",
	"dialog", "menu", "menubar", "navigation", "search", "toolbar"
};

static void	debug_node(const char *, const xmlNode *);
static char	*node_text(const xmlNode *);

/* Per-element counts and marks, pointed to by node->_private. */
struct hinfo {
	const struct html_tagdef *def;
	size_t		 order;		/* in document order */
	size_t		 text;		/* characters, not spaces */
	size_t		 link;		/* of which inside links */
	size_t		 commas;
	size_t		 asum;		/* text of child articles */
	size_t		 acount;	/* articles among the children */
	double		 score;
	int		 flags;
};

#define HI_DROP		0x01	/* furniture: never emitted */
#define HI_KEY		0x02	/* is or holds article, main */
#define HI_H1		0x04	/* is or holds the headline */
#define HI_BLOCKS	0x08	/* holds block elements */
#define HI_CAND		0x10	/* a scoring candidate */
#define HI_SPAN		0x20	/* emit opened a span here */
#define HI_BLOCKED	0x40	/* emit opened a block here */
#define HI_ROOT		0x80	/* one of the content roots */
#define HI_META		0x100	/* furniture as a post's metadata line */

struct hctx {
	struct doc	*d;
	xmlNode		*root;		/* <html> */
	xmlNode		*body;
	struct hinfo	*info;
	size_t		 ninfo;
	xmlNode		*h1;		/* the headline */
	size_t		 page;		/* non-link text in the body */
	int		 pass;		/* 1: raw counts, 2: pruned */
	struct html_meta stated;	/* what the page states (html-meta.c) */
	char		*byline;	/* a byline element's name, when the
					   page states no author */
	char		 qlang[3];	/* for <q> marks */

	xmlNode		**roots;	/* the content, in order */
	size_t		 nroots, aroots;

	xmlNode		**cands;	/* scoring candidates */
	size_t		 ncands, acands;

	int		 quote;		/* blockquote depth */
	int		 list;		/* list depth */
	/* The lists open, to number the items of ordered ones (deeper
	 * lists than HTML_LISTS have bullets). */
#define HTML_LISTS	32
	struct {
		int	 ordered;
		long	 next;		/* the next item's number */
		int	 step;		/* 1, or -1 when reversed */
	}		 lists[HTML_LISTS];
	int		 q;		/* <q> depth */
	int		 pre;		/* <pre> depth */
	size_t		 content;	/* the content's running text */
	size_t		 head_at;	/* the headline's block index */
	int		 raw;		/* the fallback found no text without
					   the furniture: keep it all */
	const char	*leadtext;	/* the subtitle looked for */
	xmlNode		*lead;		/* the element that shows it */
};

/* The info of an element, or NULL. */
static struct hinfo *
hi(const xmlNode *n)
{
	if (n == NULL || n->type != XML_ELEMENT_NODE)
		return (NULL);
	return (n->_private);
}

/* Compare a name with a tag definition, for bsearch(). */
static int
tagdef_cmp(const void *key, const void *elem)
{
	return (strcmp(key, ((const struct html_tagdef *)elem)->name));
}

/* Look up an element name. */
static const struct html_tagdef *
tag_lookup(const xmlNode *n)
{
	const struct html_tagdef	*t;

	if (n->name == NULL)
		return (&html_inline);
	t = bsearch(n->name, html_tags, nitems(html_tags), sizeof *html_tags,
	    tagdef_cmp);
	return (t != NULL ? t : &html_inline);
}

/* The definition of an element (cached in its info). */
static const struct html_tagdef *
tagdef(const xmlNode *n)
{
	struct hinfo	*i = hi(n);

	if (i != NULL)
		return (i->def);
	return (&html_inline);
}

/* Is the node or one of its ancestors furniture? */
static int
is_dropped(const xmlNode *n)
{
	for (; hi(n) != NULL; n = n->parent) {
		if ((hi(n)->flags & HI_DROP) || (hi(n)->def->flags & TF_SKIP))
			return (1);
	}
	return (0);
}

/* An attribute's value, or NULL; free it with xmlFree(). */
static char *
attr(const xmlNode *n, const char *name)
{
	return ((char *)xmlGetProp(n, (const xmlChar *)name));
}

/*
 * A number attribute (<ol start>, <li value>) into *out: 1 if there is one
 * that reads as an integer of a sane size, else 0.
 */
static int
attr_number(const xmlNode *n, const char *name, long *out)
{
	char	*v = attr(n, name), *end;
	long	 x;
	int	 ok = 0;

	if (v != NULL) {
		errno = 0;
		x = strtol(v, &end, 10);
		while (*end == ' ' || *end == '\t' || *end == '\n')
			end++;
		if (end != v && *end == '\0' && errno == 0 &&
		    x > -1000000000L && x < 1000000000L) {
			*out = x;
			ok = 1;
		}
		xmlFree(v);
	}
	return (ok);
}

/* The number of <li> children of n (a reversed list counts down). */
static long
count_items(const xmlNode *n)
{
	const xmlNode	*k;
	long		 count = 0;

	for (k = n->children; k != NULL; k = k->next) {
		if (k->type == XML_ELEMENT_NODE &&
		    xmlStrcasecmp(k->name, (const xmlChar *)"li") == 0)
			count++;
	}
	return (count);
}

/* Open a list in c: <ol> numbers its items from start (or down). */
static void
list_open(struct hctx *c, const xmlNode *n)
{
	char	*rev;
	long	 start;

	if (c->list < 1 || c->list > HTML_LISTS)
		return;
	memset(&c->lists[c->list - 1], 0, sizeof c->lists[0]);
	if (xmlStrcasecmp(n->name, (const xmlChar *)"ol") != 0)
		return;
	c->lists[c->list - 1].ordered = 1;
	c->lists[c->list - 1].step = 1;
	if ((rev = attr(n, "reversed")) != NULL) {
		c->lists[c->list - 1].step = -1;
		xmlFree(rev);
	}
	if (!attr_number(n, "start", &start))
		start = c->lists[c->list - 1].step > 0 ? 1 : count_items(n);
	c->lists[c->list - 1].next = start;
}

/* Number an item of an ordered list (<li value> sets the count). */
static void
list_item(struct hctx *c, const xmlNode *n)
{
	long	v;

	if (c->list < 1 || c->list > HTML_LISTS ||
	    !c->lists[c->list - 1].ordered)
		return;
	if (attr_number(n, "value", &v))
		c->lists[c->list - 1].next = v;
	doc_item_number(c->d, c->lists[c->list - 1].next);
	c->lists[c->list - 1].next += c->lists[c->list - 1].step;
}

/* True if s, trimmed, equals value (ASCII case-insensitive). */
static int
word_is(const char *s, const char *value)
{
	size_t	l = strlen(value);

	s += strspn(s, " \t\r\n\f");
	return (strncasecmp(s, value, l) == 0 &&
	    s[l + strspn(s + l, " \t\r\n\f")] == '\0');
}

/* True if attribute name equals value (trimmed, case-insensitive). */
static int
attr_is(const xmlNode *n, const char *name, const char *value)
{
	char	*v = attr(n, name);
	int	 r;

	if (v == NULL)
		return (0);
	r = word_is(v, value);
	xmlFree(v);
	return (r);
}

/* True if the space-separated list in attribute name holds word. */
static int
attr_has_word(const xmlNode *n, const char *name, const char *word)
{
	char		*v = attr(n, name);
	const char	*p;
	size_t		 wl = strlen(word), l;
	int		 r = 0;

	if (v == NULL)
		return (0);
	for (p = v; *p != '\0'; p += l) {
		p += strspn(p, " \t\r\n\f");
		l = strcspn(p, " \t\r\n\f");
		if (l == wl && strncasecmp(p, word, wl) == 0) {
			r = 1;
			break;
		}
	}
	xmlFree(v);
	return (r);
}

/* Count the characters of text (not spaces) and commas in s. */
static void
count_text(const xmlChar *s, size_t *chars, size_t *commas)
{
	const unsigned char	*p;

	if (s == NULL)
		return;
	for (p = s; *p != '\0'; p++) {
		if ((*p & 0xc0) == 0x80)
			continue;
		if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' ||
		    *p == '\f')
			continue;
		(*chars)++;
		if (*p == ',')
			(*commas)++;
	}
}

/*
 * Walk the subtree of top in document order without recursion. enter()
 * returns whether to visit an element's children; leave() runs after the
 * children of every element entered with a visit (and may be NULL).
 */
static void
tree_walk(xmlNode *top, int (*enter)(struct hctx *, xmlNode *),
    void (*leave)(struct hctx *, xmlNode *), struct hctx *c)
{
	xmlNode	*n = top;

	if (top == NULL)
		return;
	for (;;) {
		if (enter(c, n)) {
			if (n->type == XML_ELEMENT_NODE &&
			    n->children != NULL) {
				n = n->children;
				continue;
			}
			if (leave != NULL)
				leave(c, n);
		}
		while (n != top && n->next == NULL) {
			n = n->parent;
			if (leave != NULL)
				leave(c, n);
		}
		if (n == top)
			return;
		n = n->next;
	}
}

/* The lower-cased class and id of an element, or NULL when none. */
static char *
class_id(const xmlNode *n)
{
	char	*cl = attr(n, "class"), *id = attr(n, "id"), *s;
	size_t	 i;

	if (cl == NULL && id == NULL)
		return (NULL);
	s = xstrprintf(" %s %s ", cl != NULL ? cl : "", id != NULL ? id : "");
	xmlFree(cl);
	xmlFree(id);
	for (i = 0; s[i] != '\0'; i++)
		s[i] = (char)tolower((unsigned char)s[i]);
	return (s);
}

/* True if s holds word, not as part of "commentary". */
static int
has_word(const char *s, const char *word)
{
	const char	*p = s;
	size_t		 l = strlen(word);

	while ((p = strstr(p, word)) != NULL) {
		if (strcmp(word, "comment") != 0 ||
		    strncmp(p + l, "ary", 3) != 0)
			return (1);
		p += l;
	}
	return (0);
}

/* True if s holds word between non-alphanumerics ("pub-date" is no ad). */
static int
has_token(const char *s, const char *word)
{
	const char	*p = s;
	size_t		 l = strlen(word);

	while ((p = strstr(p, word)) != NULL) {
		/* p[l] may end s: then nothing follows to compare. */
		if ((p == s || !isalnum((unsigned char)p[-1])) &&
		    !isalnum((unsigned char)p[l]) &&
		    (strcmp(word, "pub") != 0 || p[l] == '\0' ||
		    (strncmp(p + l + 1, "date", 4) != 0 &&
		    strncmp(p + l + 1, "time", 4) != 0)))
			return (1);
		p += l;
	}
	return (0);
}

/* Does the word s (a class or id token) name furniture? 0, 1 weak, 3. */
static int
token_furniture(const char *s)
{
	size_t	i;

	for (i = 0; i < nitems(furniture_words); i++) {
		if (has_word(s, furniture_words[i]))
			return (3);
	}
	for (i = 0; i < nitems(furniture_tokens); i++) {
		if (has_token(s, furniture_tokens[i]))
			return (3);
	}
	for (i = 0; i < nitems(weak_furniture_words); i++) {
		if (has_word(s, weak_furniture_words[i]))
			return (1);
	}
	for (i = 0; i < nitems(weak_furniture_tokens); i++) {
		if (has_token(s, weak_furniture_tokens[i]))
			return (1);
	}
	return (0);
}

/*
 * Does the word s name a post's metadata line ("entry-meta", "post__meta":
 * the date, the tags, the reading time)? A recipe's ("recipe-meta": the
 * times, the servings) is part of it.
 */
static int
token_meta(const char *s)
{
	return (has_token(s, "meta") && !has_word(s, "recipe"));
}

/*
 * Does one of the element's class or id tokens name content and nothing
 * else ("entry-content", "post-body", but not "article-share")? Such an
 * element is not furniture for another token ("entry share", "entry-content
 * no-share"): Readability's "maybe a candidate" rule, token by token.
 */
static int
class_content(const char *s)
{
	static const char *const words[] = {
		"article", "body", "content", "entry", "main", "post", "story",
		"text"
	};
	char		 tok[128];
	const char	*p;
	size_t		 l, i;

	for (p = s; *p != '\0'; p += l) {
		p += strspn(p, " ");
		l = strcspn(p, " ");
		if (l == 0 || l >= sizeof tok - 2)
			continue;
		tok[0] = ' ';
		memcpy(tok + 1, p, l);
		tok[l + 1] = '\0';
		for (i = 0; i < nitems(words); i++) {
			if (has_word(tok, words[i]))
				break;
		}
		if (i < nitems(words) && !token_furniture(tok) &&
		    !token_meta(tok) && !has_word(tok, "comment"))
			return (1);
	}
	return (0);
}

/*
 * Do an element's class and id name furniture? Returns 0, CF_WEAK,
 * CF_COMMENTS (a comment section), CF_STRONG or CF_META (a post's
 * metadata line: weak furniture, read for the byline).
 */
#define CF_WEAK		1
#define CF_COMMENTS	2
#define CF_STRONG	3
#define CF_META		4
static int
class_furniture(const xmlNode *n)
{
	char	*s = class_id(n);
	size_t	 i;
	int	 r = 0;

	if (s == NULL)
		return (0);
	if (class_content(s)) {
		free(s);
		return (0);
	}
	for (i = 0; i < nitems(comment_words) && r == 0; i++) {
		if (has_word(s, comment_words[i]))
			r = CF_COMMENTS;
	}
	if (r == 0)
		r = token_furniture(s);
	if (r == 0 && token_meta(s))
		r = CF_META;
	/* A teaser links to another page; the lead ("teaser-text") does not. */
	if (r == 0 && has_word(s, "teaser") && hi(n) != NULL && hi(n)->link > 0)
		r = CF_WEAK;
	free(s);
	return (r);
}

/* The scoring weight of an element's class and id. */
static double
class_weight(const xmlNode *n)
{
	char	*s = class_id(n);
	size_t	 i;
	double	 w = 0;

	if (s == NULL)
		return (0);
	for (i = 0; i < nitems(positive_words); i++) {
		if (has_word(s, positive_words[i])) {
			w += 25;
			break;
		}
	}
	for (i = 0; i < nitems(negative_words); i++) {
		if (has_word(s, negative_words[i])) {
			w -= 25;
			break;
		}
	}
	free(s);
	return (w);
}

/* Is the element hidden (hidden, aria-hidden, display:none)? */
static int
is_hidden(const xmlNode *n)
{
	char	*style;
	size_t	 i, j;
	int	 r = 0;

	if (xmlHasProp(n, (const xmlChar *)"hidden") != NULL)
		return (1);
	if (attr_is(n, "aria-hidden", "true"))
		return (1);
	if ((style = attr(n, "style")) == NULL)
		return (0);
	for (i = j = 0; style[i] != '\0'; i++) {
		if (!isspace((unsigned char)style[i]))
			style[j++] = (char)tolower((unsigned char)style[i]);
	}
	style[j] = '\0';
	if (strstr(style, "display:none") != NULL ||
	    strstr(style, "visibility:hidden") != NULL)
		r = 1;
	xmlFree(style);
	return (r);
}

/* Collapse whitespace runs in s to one space and trim it, in place. */
static void
collapse(char *s)
{
	char		*w = s;
	const char	*r;
	int		 space = 0;

	for (r = s; *r != '\0'; r++) {
		if (isspace((unsigned char)*r)) {
			space = (w != s);
			continue;
		}
		if (space)
			*w++ = ' ';
		space = 0;
		*w++ = *r;
	}
	*w = '\0';
}

/* The whitespace-collapsed text of a subtree; you own the result. */
static char *
node_text(const xmlNode *n)
{
	xmlChar	*raw = xmlNodeGetContent(n);
	char	*s;

	s = xstrdup(raw != NULL ? (const char *)raw : "");
	xmlFree(raw);
	collapse(s);
	return (s);
}

/* The number of space-separated words in s. */
static size_t
count_words(const char *s)
{
	size_t	n = 0;

	while (*s != '\0') {
		s += strspn(s, " ");
		if (*s == '\0')
			break;
		n++;
		s += strcspn(s, " ");
	}
	return (n);
}

/* Keep a copy of v (whitespace collapsed) in *slot unless it is taken. */
static void
meta_keep(char **slot, const char *v)
{
	char	*s;

	if (*slot != NULL || v == NULL)
		return;
	s = xstrdup(v);
	collapse(s);
	if (*s == '\0') {
		free(s);
		return;
	}
	*slot = s;
}

/* Read a <link>: hreflang alternates. */
static void
meta_link(struct hctx *c, const xmlNode *n)
{
	char	*lang, *href;

	if (!attr_has_word(n, "rel", "alternate"))
		return;
	lang = attr(n, "hreflang");
	href = attr(n, "href");
	if (lang != NULL && href != NULL) {
		collapse(lang);
		collapse(href);
		if (*lang != '\0' && *href != '\0' &&
		    strcasecmp(lang, "x-default") != 0)
			doc_add_alt(c->d, lang, href);
	}
	xmlFree(lang);
	xmlFree(href);
}

/* Head walk: the hreflang links and the h1s (collected in c->cands). */
static int
meta_enter(struct hctx *c, xmlNode *n)
{
	const char	*name;

	if (n->type != XML_ELEMENT_NODE || n->name == NULL)
		return (0);
	name = (const char *)n->name;
	if (strcmp(name, "link") == 0) {
		meta_link(c, n);
		return (0);
	}
	if (strcmp(name, "h1") == 0) {
		XGROW(c->cands, c->acands, c->ncands + 1);
		c->cands[c->ncands++] = n;
		return (0);
	}
	return ((tagdef(n)->flags & TF_SKIP) == 0 || strcmp(name, "head") ==
	    0);
}

/*
 * The title without the site name: "Headline | Site", "Site - Headline"
 * become "Headline" when a part matches the h1 or when what is left has
 * at least three words. You own the result.
 */
static char *
title_clean(const char *title, const char *h1)
{
	static const char *const seps[] = {
		" | ", " - ", " \xe2\x80\x93 ", " \xe2\x80\x94 ", " \xc2\xb7 ",
		" :: ", " \xc2\xbb ", " / ", " \\ "
	};
	const char	*p, *last = NULL, *first = NULL;
	size_t		 i, firstlen = 0;
	char		*head, *tail;

	for (i = 0; i < nitems(seps); i++) {
		for (p = title; (p = strstr(p, seps[i])) != NULL; p++) {
			if (last == NULL || p > last)
				last = p;
			if (first == NULL || p < first) {
				first = p;
				firstlen = strlen(seps[i]);
			}
		}
	}
	if (last == NULL)
		return (xstrdup(title));
	head = xstrndup(title, (size_t)(last - title));
	tail = xstrdup(first + firstlen);
	if (h1 != NULL && strcasecmp(head, h1) == 0) {
		free(tail);
		return (head);
	}
	if (h1 != NULL && strcasecmp(tail, h1) == 0) {
		free(head);
		return (tail);
	}
	free(tail);
	if (count_words(head) >= 3)
		return (head);
	free(head);
	return (xstrdup(title));
}

/*
 * The site's name a <title> gives around the headline ("Headline | Site",
 * "Site - Headline"): what title_clean() cut off, when it is one to six
 * words. NULL if none. You own the result.
 */
static char *
title_site(const char *title, const char *kept)
{
	static const char *const seps[] = {
		"|", "-", "\xe2\x80\x93", "\xe2\x80\x94", "\xc2\xb7", "::",
		"\xc2\xbb", "/", "\\"
	};
	size_t		 tl = strlen(title), kl = strlen(kept), i, l;
	const char	*from, *to;
	char		*site;
	int		 again;

	if (kl == 0 || kl >= tl)
		return (NULL);
	if (strncmp(title, kept, kl) == 0) {
		from = title + kl;
		to = title + tl;
	} else if (strcmp(title + tl - kl, kept) == 0) {
		from = title;
		to = title + tl - kl;
	} else
		return (NULL);
	do {
		again = 0;
		while (from < to && (*from == ' ' || to[-1] == ' ')) {
			from += *from == ' ';
			to -= from < to && to[-1] == ' ';
		}
		for (i = 0; i < nitems(seps); i++) {
			l = strlen(seps[i]);
			if ((size_t)(to - from) >= l &&
			    strncmp(from, seps[i], l) == 0) {
				from += l;
				again = 1;
			}
			if ((size_t)(to - from) >= l &&
			    strncmp(to - l, seps[i], l) == 0) {
				to -= l;
				again = 1;
			}
		}
	} while (again && from < to);
	if (from >= to)
		return (NULL);
	site = xstrndup(from, (size_t)(to - from));
	if (count_words(site) < 1 || count_words(site) > 6) {
		free(site);
		return (NULL);
	}
	return (site);
}

/*
 * Does an h1's text match the title? Equal to og:title, or a large part
 * of the <title> (a site's name in its logo h1 is a small part).
 */
static int
h1_matches(const struct hctx *c, const char *t)
{
	const char	*title = c->stated.page_title;

	if (c->stated.title != NULL && strcasecmp(t, c->stated.title) == 0)
		return (1);
	if (title == NULL || strstr(title, t) == NULL)
		return (0);
	return (strlen(t) * 5 >= strlen(title) * 2);
}

/*
 * Pick the headline among the h1s: the one that matches the title; when
 * none does, the first of at least four words (not a logo); when the
 * page has no title worth the name, the first that has text.
 */
static void
pick_h1(struct hctx *c)
{
	char		*t;
	size_t		 i;
	xmlNode		*first = NULL, *found = NULL, *longer = NULL;
	int		 titled;

	titled = c->stated.title != NULL || (c->stated.page_title != NULL &&
	    count_words(c->stated.page_title) >= 2);
	for (i = 0; i < c->ncands && found == NULL; i++) {
		t = node_text(c->cands[i]);
		if (*t != '\0') {
			if (first == NULL)
				first = c->cands[i];
			if (longer == NULL && count_words(t) >= 4)
				longer = c->cands[i];
			if (h1_matches(c, t))
				found = c->cands[i];
		}
		free(t);
	}
	if (found != NULL)
		c->h1 = found;
	else
		c->h1 = titled ? longer : first;
	if (c->h1 != NULL && hi(c->h1) != NULL)
		hi(c->h1)->flags |= HI_H1;
	c->ncands = 0;
}

/* Is the element the article, the main part, or the article body? */
static int
is_key(const xmlNode *n)
{
	enum html_tag	t = tagdef(n)->tag;

	return (t == H_ARTICLE || t == H_MAIN || attr_is(n, "role", "main") ||
	    attr_has_word(n, "itemprop", "articleBody"));
}

/* Count pass: text of text nodes goes to their element. */
static int
stats_enter(struct hctx *c, xmlNode *n)
{
	struct hinfo	*i, *p;

	if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
		if ((p = hi(n->parent)) != NULL)
			count_text(n->content, &p->text, &p->commas);
		return (0);
	}
	if ((i = hi(n)) == NULL || (i->def->flags & TF_SKIP))
		return (0);
	if (c->pass == 2 && (i->flags & HI_DROP))
		return (0);
	i->text = i->link = i->commas = 0;
	i->flags &= ~HI_BLOCKS;
	if (c->pass == 1 && is_key(n))
		i->flags |= HI_KEY;
	return (1);
}

/* Count pass: add an element's counts to its parent. */
static void
stats_leave(struct hctx *c, xmlNode *n)
{
	struct hinfo	*i = hi(n), *p = hi(n->parent);

	if (i == NULL)
		return;
	if (i->def->tag == H_A)
		i->link = i->text;
	if (p == NULL)
		return;
	p->text += i->text;
	p->link += i->link;
	p->commas += i->commas;
	if ((i->def->flags & TF_BLOCK) || (i->flags & HI_BLOCKS))
		p->flags |= HI_BLOCKS;
	if (c->pass == 1)
		p->flags |= i->flags & (HI_KEY | HI_H1);
}

/* Count text and links in every element (pass 1: before pruning). */
static void
count_pass(struct hctx *c, int pass)
{
	struct hinfo	*b;

	c->pass = pass;
	tree_walk(c->root, stats_enter, stats_leave, c);
	b = hi(c->body);
	c->page = b != NULL ? b->text - b->link : 0;
}

/* An author element: rel=author or itemprop=author. */
static int
is_author(const xmlNode *n)
{
	char	*ip;
	int	 r;

	if (n->type != XML_ELEMENT_NODE)
		return (0);
	if (attr_has_word(n, "rel", "author"))
		return (1);
	if ((ip = attr(n, "itemprop")) == NULL)
		return (0);
	r = strstr(ip, "author") != NULL;
	xmlFree(ip);
	return (r);
}

/* A byline element: an author element, or class or id byline/author. */
static int
is_byline(const xmlNode *n)
{
	char	*s;
	int	 r = 0;

	if (is_author(n))
		return (1);
	if ((s = class_id(n)) != NULL) {
		r = has_word(s, "byline") || has_word(s, "author");
		free(s);
	}
	return (r);
}

/* The first author element strictly inside n, or NULL. */
static xmlNode *
author_inside(xmlNode *n)
{
	xmlNode	*k = n->children;

	while (k != NULL) {
		if (is_author(k))
			return (k);
		if (k->type == XML_ELEMENT_NODE && k->children != NULL) {
			k = k->children;
			continue;
		}
		while (k != n && k->next == NULL)
			k = k->parent;
		if (k == n)
			break;
		k = k->next;
	}
	return (NULL);
}

/*
 * Byline walk: the first sane byline element (some text, at most 100
 * characters); the author's name inside it when it is marked.
 */
static int
byline_enter(struct hctx *c, xmlNode *n)
{
	static const char *const prefixes[] = {
		"by ", "par ", "\xd0\x90\xd0\xb2\xd1\x82\xd0\xbe\xd1\x80: ",
		"\xd0\xb0\xd0\xb2\xd1\x82\xd0\xbe\xd1\x80: ",
		"\xd0\x90\xd0\xb2\xd1\x82\xd0\xbe\xd1\x80 ",
		"\xd0\xb0\xd0\xb2\xd1\x82\xd0\xbe\xd1\x80 "
	};
	struct hinfo	*i = hi(n);
	xmlNode		*a;
	char		*t, *p;
	size_t		 k;

	if (i == NULL || c->byline != NULL || (i->def->flags & TF_SKIP) ||
	    (i->flags & (HI_DROP | HI_META)) == HI_DROP)
		return (0);
	if (i->text == 0 || i->text > 100 || !is_byline(n))
		return (1);
	if (!is_author(n) && (a = author_inside(n)) != NULL &&
	    hi(a) != NULL && hi(a)->text != 0)
		n = a;
	t = node_text(n);
	p = t;
	for (k = 0; k < nitems(prefixes); k++) {
		if (strncasecmp(p, prefixes[k], strlen(prefixes[k])) == 0) {
			p += strlen(prefixes[k]);
			break;
		}
	}
	meta_keep(&c->byline, p);
	free(t);
	return (0);
}

/* Is the element kept although it looks like furniture? */
static int
held(const struct hctx *c, const struct hinfo *i, int comments)
{
	size_t	own = i->text - i->link;

	if (i->flags & HI_H1)
		return (1);
	if ((i->flags & HI_KEY) && own * 10 >= c->page * 3)
		return (1);
	if (!comments && own * 10 >= c->page * 6 && c->page > 0)
		return (1);
	return (0);
}

/*
 * Does the element hold much running text (not links)? Such an element is
 * kept although a weak class word names it furniture.
 */
static int
rich(const struct hinfo *i)
{
	size_t	own = i->text - i->link;

	return (own >= 500 && i->link * 5 < i->text);
}

/*
 * Is the element an author's box: a class or id that names the author
 * ("author-box", "about-author", "entry-author-info") on more text than a
 * byline holds (a byline is read for the metadata, then left out)? What it
 * holds is the author's biography, not the article.
 */
#define AUTHOR_BOX_MIN	150
static int
is_author_box(const xmlNode *n, const struct hinfo *i)
{
	char	*s;
	int	 r;

	if (i->text - i->link < AUTHOR_BOX_MIN || (s = class_id(n)) == NULL)
		return (0);
	r = has_word(s, "author") && !class_content(s);
	free(s);
	return (r);
}

/*
 * Is the element furniture by its class and id (but what holds the
 * headline, most of the page, or much running text for a weak word)? A
 * post's metadata line is marked HI_META: the byline is read in it.
 */
static int
class_drops(const struct hctx *c, const xmlNode *n, struct hinfo *i)
{
	int	cf;

	/* A heading's id is often an anchor made of its words ("nav_..."). */
	if (i->def->tag == H_HEADING || (cf = class_furniture(n)) == 0 ||
	    held(c, i, cf == CF_COMMENTS))
		return (0);
	if ((cf == CF_WEAK || cf == CF_META) && rich(i))
		return (0);
	if (cf == CF_META)
		i->flags |= HI_META;
	return (1);
}

/* Pruning walk: mark the furniture. */
static int
prune_enter(struct hctx *c, xmlNode *n)
{
	struct hinfo	*i = hi(n);
	char		*role;
	size_t		 k;
	int		 r = 0;

	if (i == NULL)
		return (0);
	if (n == c->root || n == c->body)
		return (1);
	if (i->def->flags & TF_SKIP)
		goto drop;
	if (is_hidden(n) && (i->flags & (HI_H1 | HI_KEY)) == 0)
		goto drop;
	if ((i->def->flags & TF_FURN) && !held(c, i, 0))
		goto drop;
	if ((role = attr(n, "role")) != NULL) {
		for (k = 0; k < nitems(furniture_roles) && !r; k++)
			r = word_is(role, furniture_roles[k]);
		xmlFree(role);
		if (r && !held(c, i, 0))
			goto drop;
	}
	if (class_drops(c, n, i))
		goto drop;
	if (i->def->tag != H_HEADING && is_author_box(n, i) && !held(c, i, 0) &&
	    !rich(i))
		goto drop;
	return (1);

drop:
	i->flags |= HI_DROP;
	if (i->text - i->link > 200 || (getenv("POLYREAD_EXTRACT_DEBUG") != NULL &&
	    strcmp(getenv("POLYREAD_EXTRACT_DEBUG"), "2") == 0))
		debug_node("drop", n);
	return (0);
}

/* A short description of an element for the debug trace. */
static void
debug_node(const char *what, const xmlNode *n)
{
	char	*cl, *id;

	if (getenv("POLYREAD_EXTRACT_DEBUG") == NULL || n == NULL)
		return;
	cl = attr(n, "class");
	id = attr(n, "id");
	{
		char *t = node_text(n);
		fprintf(stderr, "%s <%s class='%.60s' id='%.40s'> text %zu "
		    "link %zu score %.1f line %ld: %.80s\n", what, n->name,
		    cl ? cl : "", id ? id : "", hi(n) ? hi(n)->text : 0,
		    hi(n) ? hi(n)->link : 0, hi(n) ? hi(n)->score : 0,
		    xmlGetLineNo(n), t);
		free(t);
	}
	xmlFree(cl);
	xmlFree(id);
}

/* Add n to the content roots. */
static void
add_root(struct hctx *c, xmlNode *n)
{
	XGROW(c->roots, c->aroots, c->nroots + 1);
	c->roots[c->nroots++] = n;
	debug_node("root", n);
	if (hi(n) != NULL)
		hi(n)->flags |= HI_ROOT;
}

/* Article walk: collect the outermost articles, summed per parent. */
static int
article_enter(struct hctx *c, xmlNode *n)
{
	struct hinfo	*i = hi(n), *p;

	if (i == NULL || (i->flags & HI_DROP))
		return (0);
	if (i->def->tag != H_ARTICLE)
		return (1);
	if ((p = hi(n->parent)) != NULL) {
		p->asum += i->text - i->link;
		p->acount++;
	}
	XGROW(c->cands, c->acands, c->ncands + 1);
	c->cands[c->ncands++] = n;
	return (0);
}

/*
 * Take the articles: the sibling group with the most text, if it holds
 * enough of the page. A group of several starts at the headline when it
 * comes before them among the siblings.
 */
static int
pick_articles(struct hctx *c)
{
	xmlNode		*best = NULL, *s, *first = NULL, *last = NULL;
	struct hinfo	*p, *bi;
	size_t		 k;

	c->ncands = 0;
	tree_walk(c->body, article_enter, NULL, c);
	for (k = 0; k < c->ncands; k++) {
		p = hi(c->cands[k]->parent);
		if (p != NULL && (best == NULL || p->asum > hi(best)->asum))
			best = c->cands[k]->parent;
	}
	c->ncands = 0;
	if (best == NULL || (bi = hi(best))->asum == 0 ||
	    (bi->asum * 4 < c->page && bi->asum < 1000))
		return (0);
	/* Three articles or more of a few lines each: a grid of teasers. */
	if (bi->acount >= 3 && bi->asum / bi->acount < 300)
		return (0);
	for (s = best->children; s != NULL; s = s->next) {
		if (hi(s) == NULL || (hi(s)->flags & HI_DROP) ||
		    hi(s)->def->tag != H_ARTICLE)
			continue;
		if (first == NULL)
			first = s;
		last = s;
	}
	if (first == NULL)
		return (0);
	if (bi->acount == 1) {
		add_root(c, first);
		return (1);
	}
	for (s = first->prev; s != NULL; s = s->prev) {
		if (hi(s) != NULL && (hi(s)->flags & HI_H1) &&
		    !(hi(s)->flags & HI_DROP)) {
			first = s;
			break;
		}
	}
	for (s = first; s != NULL; s = s->next) {
		add_root(c, s);
		if (s == last)
			break;
	}
	return (1);
}

/* Main walk: the outermost <main>, role=main or articleBody. */
static int
main_enter(struct hctx *c, xmlNode *n)
{
	struct hinfo	*i = hi(n);

	if (i == NULL || (i->flags & HI_DROP) || c->ncands != 0)
		return (0);
	if (i->def->tag != H_MAIN && !attr_is(n, "role", "main") &&
	    !attr_has_word(n, "itemprop", "articleBody"))
		return (1);
	XGROW(c->cands, c->acands, c->ncands + 1);
	c->cands[c->ncands++] = n;
	return (0);
}

/* Take <main> when it holds a fair share of the page. */
static int
pick_main(struct hctx *c)
{
	struct hinfo	*i;
	xmlNode		*m;

	c->ncands = 0;
	tree_walk(c->body, main_enter, NULL, c);
	if (c->ncands == 0)
		return (0);
	m = c->cands[0];
	c->ncands = 0;
	i = hi(m);
	if (i->text - i->link == 0 || (i->text - i->link) * 4 < c->page)
		return (0);
	add_root(c, m);
	return (1);
}

/* A candidate's starting score: its tag and its class. */
static double
score_init(const xmlNode *n)
{
	const char	*name = (const char *)n->name;
	double		 s = 0;

	if (strcmp(name, "div") == 0)
		s = 5;
	else if (strcmp(name, "pre") == 0 || strcmp(name, "td") == 0 ||
	    strcmp(name, "blockquote") == 0)
		s = 3;
	else if (strcmp(name, "address") == 0 || strcmp(name, "form") == 0 ||
	    strcmp(name, "ol") == 0 || strcmp(name, "ul") == 0 ||
	    strcmp(name, "dl") == 0 || strcmp(name, "dd") == 0 ||
	    strcmp(name, "dt") == 0 || strcmp(name, "li") == 0)
		s = -3;
	else if (tagdef(n)->tag == H_HEADING || strcmp(name, "th") == 0)
		s = -5;
	return (s + class_weight(n));
}

/*
 * The text of a container that lies in no block child of it (runs of text
 * between <br>s, beside a table): its characters, links and commas.
 */
static size_t
loose_text(const xmlNode *n, size_t *link, size_t *commas)
{
	const struct hinfo	*i = hi(n), *k;
	const xmlNode		*ch;
	size_t			 text = i->text;

	*link = i->link;
	*commas = i->commas;
	for (ch = n->children; ch != NULL; ch = ch->next) {
		if ((k = hi(ch)) == NULL || (k->flags & HI_DROP) ||
		    (k->def->flags & TF_SKIP) ||
		    !((k->def->flags & TF_BLOCK) || (k->flags & HI_BLOCKS)))
			continue;
		if (k->text > text || k->link > *link || k->commas > *commas)
			return (0);	/* never: the counts add up */
		text -= k->text;
		*link -= k->link;
		*commas -= k->commas;
	}
	return (text);
}

/* Add a paragraph's score s to container a and its ancestors. */
static void
score_up(struct hctx *c, xmlNode *a, double s)
{
	static const double	 share[] = { 1, 2, 6 };
	struct hinfo		*ai;
	int			 lvl;

	for (lvl = 0; a != NULL && lvl < 3; a = a->parent, lvl++) {
		if ((ai = hi(a)) == NULL || a == c->root)
			break;
		if (!(ai->flags & HI_CAND)) {
			ai->flags |= HI_CAND;
			ai->score = score_init(a);
			XGROW(c->cands, c->acands, c->ncands + 1);
			c->cands[c->ncands++] = a;
		}
		ai->score += s / share[lvl];
	}
}

/*
 * Scoring walk: each paragraph scores its parent and grandparents. The
 * loose text of a container of blocks (a page written with <br>s around a
 * table) is one more paragraph of it, as Readability makes a <p> of it.
 */
static int
score_enter(struct hctx *c, xmlNode *n)
{
	struct hinfo	*i = hi(n);
	size_t		 text, link, commas;

	if (i == NULL || (i->flags & HI_DROP))
		return (0);
	if ((i->def->flags & TF_DIVLIKE) && (i->flags & HI_BLOCKS) &&
	    (text = loose_text(n, &link, &commas)) >= 25 && link * 2 < text)
		score_up(c, n, 1 + (double)(commas + 1) +
		    (double)PR_MIN(text / 100, 3));
	if (!(i->def->flags & TF_SCORE) && !((i->def->flags & TF_DIVLIKE) &&
	    !(i->flags & HI_BLOCKS)))
		return (1);
	if (i->text < 25)
		return (1);
	score_up(c, n->parent, 1 + (double)(i->commas + 1) +
	    (double)PR_MIN(i->text / 100, 3));
	return (1);
}

/* True if a is n or one of its ancestors. */
static int
is_ancestor(const xmlNode *a, const xmlNode *n)
{
	for (; n != NULL; n = n->parent) {
		if (n == a)
			return (1);
	}
	return (0);
}

/* Does a short paragraph end like a sentence? */
static int
ends_sentence(const xmlNode *n)
{
	char	*t = node_text(n);
	size_t	 l = strlen(t);
	int	 r;

	r = (l > 0 && t[l - 1] == '.') || strstr(t, ". ") != NULL;
	free(t);
	return (r);
}

/* True if both elements have the same non-empty class. */
static int
same_class(const xmlNode *a, const xmlNode *b)
{
	char	*ca = attr(a, "class"), *cb = attr(b, "class");
	int	 r;

	r = ca != NULL && cb != NULL && *ca != '\0' && strcmp(ca, cb) == 0;
	xmlFree(ca);
	xmlFree(cb);
	return (r);
}

/*
 * When the headline sits in a sibling before the scored content (under
 * parent p), take the siblings from the headline on: the dateline and the
 * standfirst are usually there.
 */
static void
scored_head(struct hctx *c, xmlNode *p)
{
	xmlNode	*s, *first, **old;
	size_t	 k, nold;

	if (c->h1 == NULL || c->nroots == 0 || is_dropped(c->h1))
		return;
	for (k = 0; k < c->nroots; k++) {
		if (hi(c->roots[k])->flags & HI_H1)
			return;
	}
	for (s = c->h1; s != NULL && s->parent != p; s = s->parent)
		;
	first = c->roots[0];
	if (s == NULL || hi(s) == NULL || hi(s)->order > hi(first)->order)
		return;
	old = c->roots;
	nold = c->nroots;
	c->roots = NULL;
	c->nroots = c->aroots = 0;
	for (; s != first; s = s->next) {
		if (hi(s) != NULL && !(hi(s)->flags & HI_DROP))
			add_root(c, s);
	}
	for (k = 0; k < nold; k++)
		add_root(c, old[k]);
	free(old);
}

/* The best candidate once link density has cut the scores, or NULL. */
static xmlNode *
scored_top(struct hctx *c)
{
	xmlNode		*top = NULL;
	struct hinfo	*i;
	size_t		 k;
	double		 ld;

	c->ncands = 0;
	tree_walk(c->body, score_enter, NULL, c);
	for (k = 0; k < c->ncands; k++) {
		i = hi(c->cands[k]);
		ld = i->text != 0 ? (double)i->link / (double)i->text : 0;
		i->score *= 1 - ld;
		if (top == NULL || i->score > hi(top)->score)
			top = c->cands[k];
	}
	return (top != NULL && hi(top)->score > 0 ? top : NULL);
}

/* Close runners-up that share an ancestor: the ancestor, else top. */
static xmlNode *
scored_shared(struct hctx *c, xmlNode *top)
{
	xmlNode	*alt[5], *p;
	size_t	 k, j, nalt = 0, ncontain;
	double	 ts = hi(top)->score;

	for (k = 0; k < c->ncands && nalt < nitems(alt); k++) {
		if (c->cands[k] != top && hi(c->cands[k])->score >= ts * 0.75)
			alt[nalt++] = c->cands[k];
	}
	if (nalt < 3)
		return (top);
	for (p = top->parent; p != NULL && p != c->body; p = p->parent) {
		for (j = ncontain = 0; j < nalt; j++)
			ncontain += is_ancestor(p, alt[j]);
		if (ncontain >= 3)
			return (p);
	}
	return (top);
}

/*
 * An ancestor that scores higher holds more of the content; then climb
 * out of wrappers that hold nothing else.
 */
static xmlNode *
scored_climb(struct hctx *c, xmlNode *top)
{
	xmlNode		*a, *s;
	struct hinfo	*i;
	double		 last = hi(top)->score, thr = last / 3;
	size_t		 nel;

	for (a = top->parent; a != NULL && a != c->body; a = a->parent) {
		if ((i = hi(a)) == NULL || !(i->flags & HI_CAND))
			continue;
		if (i->score < thr)
			break;
		if (i->score > last) {
			top = a;
			break;
		}
		last = i->score;
	}
	while (top->parent != NULL && top->parent != c->body &&
	    hi(top->parent) != NULL) {
		nel = 0;
		for (s = top->parent->children; s != NULL; s = s->next) {
			if (hi(s) != NULL && !(hi(s)->flags & HI_DROP))
				nel++;
		}
		if (nel != 1)
			break;
		top = top->parent;
	}
	return (top);
}

/*
 * Does sibling s of the content go with it: a candidate scoring well (more
 * so with the content's class), a long paragraph with few links, a short
 * one that is a sentence without links?
 */
static int
scored_sibling(xmlNode *s, xmlNode *top, double thr)
{
	struct hinfo	*i = hi(s), *ti = hi(top);
	double		 bonus = 0, ld;

	if (same_class(s, top))
		bonus = ti->score * 0.2;
	ld = i->text != 0 ? (double)i->link / (double)i->text : 1;
	if ((i->flags & HI_CAND) && i->score + bonus >= thr)
		return (1);
	if (i->def->tag != H_PARA)
		return (0);
	if (i->text > 80)
		return (ld < 0.25);
	return (i->text > 0 && i->link == 0 && ends_sentence(s));
}

/*
 * The scorer: paragraphs score their containers, a container's score is
 * cut by its link density, and the best one is the content, with the
 * siblings that score well or are good paragraphs themselves.
 */
static int
pick_scored(struct hctx *c)
{
	xmlNode		*top, *p, *s;
	struct hinfo	*i;
	double		 thr;

	if ((top = scored_top(c)) == NULL) {
		c->ncands = 0;
		return (0);
	}
	top = scored_climb(c, scored_shared(c, top));
	c->ncands = 0;

	p = top->parent;
	if (p == NULL || top == c->body || hi(p) == NULL) {
		add_root(c, top);
		return (1);
	}
	thr = PR_MAX(10, hi(top)->score * 0.2);
	for (s = p->children; s != NULL; s = s->next) {
		if ((i = hi(s)) == NULL || (i->flags & HI_DROP))
			continue;
		if (s == top || scored_sibling(s, top, thr))
			add_root(c, s);
	}
	scored_head(c, p);
	return (1);
}

/* The running text of the content roots, without links unless links. */
static size_t
roots_text(const struct hctx *c, int links)
{
	const struct hinfo	*i;
	size_t			 k, text = 0;

	for (k = 0; k < c->nroots; k++) {
		if ((i = hi(c->roots[k])) != NULL)
			text += links ? i->text : i->text - i->link;
	}
	return (text);
}

/* Forget the content roots. */
static void
clear_roots(struct hctx *c)
{
	size_t	k;

	for (k = 0; k < c->nroots; k++) {
		if (hi(c->roots[k]) != NULL)
			hi(c->roots[k])->flags &= ~HI_ROOT;
	}
	c->nroots = 0;
}

/* Unprune walk: furniture is text again, but what is never shown. */
static int
unprune_enter(struct hctx *c, xmlNode *n)
{
	struct hinfo	*i = hi(n);

	(void)c;
	if (i == NULL)
		return (0);
	i->flags &= ~HI_DROP;
	if ((i->def->flags & TF_SKIP) || is_hidden(n)) {
		i->flags |= HI_DROP;
		return (0);
	}
	return (1);
}

/*
 * A page whose text is all furniture (a "page not found" with its menus):
 * rather than nothing, all the text it shows, as a browser would.
 */
static void
unprune(struct hctx *c)
{
	tree_walk(c->body, unprune_enter, NULL, c);
	count_pass(c, 2);
	c->raw = 1;
}

/*
 * Start the emission again from nothing (the blocks' text stays in the
 * document's pool until it is freed: a few kilobytes at most).
 */
static void
restart(struct hctx *c)
{
	c->d->nblocks = 0;
	c->head_at = DOC_NOPOS;
	clear_roots(c);
}

/*
 * The fallback: the page without its furniture stands in for the article
 * (with all, all the text it shows), and the document says so.
 */
static void
fall_back(struct hctx *c, int all)
{
	restart(c);
	add_root(c, c->body);
	c->d->found = DOC_FOUND_FALLBACK;
	if (all)
		unprune(c);
}

/*
 * The precise pick is one element and the scorer's content lies inside it,
 * holding most of its text (70%): what follows that content in the pick
 * is what a page puts after an article's body (the author's box,
 * "Related", a newsletter's call, the comments' header), and goes, but
 * for an element that holds much running text (rich()). What comes before
 * (the headline, the byline, the lead) stays.
 */
#define CUT_SHARE	70
static void
cut_after_scored(struct hctx *c, xmlNode *pick, size_t ptext, size_t stext)
{
	xmlNode	*a, *s;

	if (c->nroots == 0 || c->roots[0] == pick ||
	    !is_ancestor(pick, c->roots[0]) || stext * 100 < ptext * CUT_SHARE)
		return;
	for (a = c->roots[c->nroots - 1]; a != NULL && a != pick;
	    a = a->parent) {
		for (s = a->next; s != NULL; s = s->next) {
			if (hi(s) == NULL || (hi(s)->flags & HI_DROP) ||
			    rich(hi(s)))
				continue;
			hi(s)->flags |= HI_DROP;
			debug_node("cut", s);
		}
	}
}

/*
 * Pick the content, trafilatura's way: the precise picks first (the page's
 * <article>, then <main>, role=main or articleBody), checked against the
 * scorer; the scorer's pick when the precise one holds less than half its
 * text (a grid of teasers marked up as articles, a <main> around a
 * slideshow). When nothing scores, or what was found is a scrap of a page
 * that has much more text, the largest text region: the page without its
 * furniture (the document says so: DOC_FOUND_FALLBACK).
 */
static void
pick_content(struct hctx *c)
{
	xmlNode	**precise;
	size_t	  nprecise, ptext, stext, k;

	if (pick_articles(c) || pick_main(c)) {
		ptext = roots_text(c, 0);
		precise = xreallocarray(NULL, c->nroots, sizeof *precise);
		memcpy(precise, c->roots, c->nroots * sizeof *precise);
		nprecise = c->nroots;
		clear_roots(c);
		stext = pick_scored(c) ? roots_text(c, 0) : 0;
		if (stext <= ptext * 2) {
			if (nprecise == 1)
				cut_after_scored(c, precise[0], ptext, stext);
			clear_roots(c);
			for (k = 0; k < nprecise; k++)
				add_root(c, precise[k]);
		}
		free(precise);
	} else
		pick_scored(c);
	ptext = roots_text(c, 0);
	if (ptext == 0 || (ptext < 250 && c->page > ptext * 2))
		fall_back(c, c->page == 0);
}

/* Quotation marks for <q>, by language and depth. */
static const char *
q_mark(const struct hctx *c, int open)
{
	int	inner = c->q > 1;

	if (strcmp(c->qlang, "fr") == 0) {
		if (inner)
			return (open ? "\xe2\x80\x9c" : "\xe2\x80\x9d");
		return (open ? "\xc2\xab\xc2\xa0" : "\xc2\xa0\xc2\xbb");
	}
	if (strcmp(c->qlang, "ru") == 0) {
		if (inner)
			return (open ? "\xe2\x80\x9e" : "\xe2\x80\x9c");
		return (open ? "\xc2\xab" : "\xc2\xbb");
	}
	if (inner)
		return (open ? "\xe2\x80\x98" : "\xe2\x80\x99");
	return (open ? "\xe2\x80\x9c" : "\xe2\x80\x9d");
}

/* True if s is only whitespace. */
static int
is_blank(const xmlChar *s)
{
	if (s == NULL)
		return (1);
	for (; *s != '\0'; s++) {
		if (!isspace(*s))
			return (0);
	}
	return (1);
}

/* A <br>: a line break; two or more in a row end the paragraph. */
static void
emit_br(struct hctx *c, xmlNode *n, int pre)
{
	xmlNode	*s;
	int	 more = 0;

	if (pre) {
		doc_line_break(c->d);
		return;
	}
	for (s = n->next; s != NULL; s = s->next) {
		if (s->type == XML_TEXT_NODE && is_blank(s->content))
			continue;
		if (hi(s) != NULL && hi(s)->def->tag == H_BR) {
			hi(s)->flags |= HI_DROP;
			more = 1;
			continue;
		}
		break;
	}
	if (more) {
		doc_block_begin(c->d, BLOCK_PARA, 0);
		doc_block_end(c->d);
	} else
		doc_line_break(c->d);
}

/* An image: its alt text, inside a text block with text of its own. */
static void
emit_img(struct hctx *c, xmlNode *n)
{
	xmlNode	*b;
	char	*alt;

	for (b = n->parent; hi(b) != NULL; b = b->parent) {
		if (hi(b)->def->flags & TF_BLOCK)
			break;
	}
	if (hi(b) == NULL || !(hi(b)->def->flags & TF_TEXTBLOCK) ||
	    hi(b)->text == 0)
		return;
	if ((alt = attr(n, "alt")) != NULL) {
		doc_text(c->d, alt, strlen(alt));
		xmlFree(alt);
	}
}

/* Open a span at an element. */
static void
emit_span(struct hctx *c, struct hinfo *i, enum span_kind kind,
    const char *target)
{
	doc_span_begin(c->d, kind, target);
	i->flags |= HI_SPAN;
}

/* Open a block at an element. */
static void
emit_block(struct hctx *c, struct hinfo *i, enum block_kind kind, int level)
{
	doc_block_begin(c->d, kind, level);
	i->flags |= HI_BLOCKED;
}

/*
 * Is a short block element a byline or a dateline: one that holds an
 * author element, a byline or a <time>, and little else? Its content is
 * metadata (read before), not part of the body. At most 64 nodes looked at.
 */
static int
is_meta_line(xmlNode *n)
{
	const struct hinfo	*i = hi(n);
	xmlNode			*k;
	int			 seen = 0;

	if (i == NULL || !(i->def->flags & TF_BLOCK) || i->text == 0 ||
	    i->text > 150 || (i->flags & (HI_H1 | HI_ROOT)) ||
	    i->def->tag == H_HEADING)
		return (0);
	if (is_byline(n))
		return (1);
	for (k = n->children; k != NULL && seen < 64; seen++) {
		if (k->type == XML_ELEMENT_NODE) {
			if (is_byline(k))
				return (1);
			/* Not a sentence that names a date. */
			if (xmlStrcasecmp(k->name, (const xmlChar *)"time") ==
			    0)
				return (!ends_sentence(n));
			if (k->children != NULL) {
				k = k->children;
				continue;
			}
		}
		while (k != n && k->next == NULL)
			k = k->parent;
		if (k == n)
			break;
		k = k->next;
	}
	return (0);
}

/*
 * Is a block element a caption or a credit by its class ("wp-caption-text",
 * "image-credit")? It is one as <figcaption> is. A caption is short (an
 * article tagged "creditshelf" is none) and a small part of the content: a
 * "caption" that holds most of it is the text of a video's or picture's
 * page.
 */
static int
is_caption(const struct hctx *c, const xmlNode *n)
{
	const struct hinfo	*i = hi(n);
	char			*s;
	int			 r;

	if (i == NULL || i->text > 500 ||
	    (i->text - i->link) * 2 > c->content ||
	    (s = class_id(n)) == NULL)
		return (0);
	r = has_token(s, "caption") || has_token(s, "credit") ||
	    has_token(s, "credits");
	free(s);
	return (r);
}

/*
 * Is element n, inside the content, furniture after all: a cleaned kind
 * (TF_CLEAN) mostly of links; a short paragraph or item that is mostly a
 * link ("Read more: ...", a kicker, a teaser's title); a byline or a
 * dateline?
 */
static int
emit_drops(xmlNode *n, const struct hinfo *i)
{
	if ((i->def->flags & TF_CLEAN) &&
	    !(i->flags & (HI_ROOT | HI_H1 | HI_KEY)) && i->text > 0 &&
	    i->link * 2 > i->text)
		return (1);
	if ((i->def->tag == H_PARA || i->def->tag == H_ITEM ||
	    ((i->def->flags & TF_DIVLIKE) && !(i->flags & HI_BLOCKS))) &&
	    i->text > 0 && i->text < 250 && i->link * 10 >= i->text * 6 &&
	    !(i->flags & (HI_ROOT | HI_H1)) && !ends_sentence(n))
		return (1);
	return (is_meta_line(n));
}

/* Begin the block element n is (a heading, a list, a quotation...). */
static void
emit_block_of(struct hctx *c, xmlNode *n, struct hinfo *i)
{
	switch (i->def->tag) {
	case H_HEADING:
		/*
		 * A heading left open by the markup holds the paragraphs
		 * after it: they are no heading.
		 */
		if ((i->flags & HI_BLOCKS) && i->text > 300)
			emit_block(c, i, BLOCK_PARA, 0);
		else
			emit_block(c, i, BLOCK_HEADING, i->def->level);
		if (n == c->h1)
			c->head_at = c->d->nblocks;
		break;
	case H_BLOCKQUOTE:
		c->quote++;
		emit_block(c, i, BLOCK_QUOTE, c->quote);
		break;
	case H_LIST:
		c->list++;
		list_open(c, n);
		emit_block(c, i, BLOCK_PARA, 0);
		break;
	case H_ITEM:
		emit_block(c, i, BLOCK_ITEM, c->list > 0 ? c->list : 1);
		list_item(c, n);
		break;
	case H_PRE:
		c->pre++;
		emit_block(c, i, BLOCK_PRE, 0);
		break;
	case H_CAPTION:
		emit_block(c, i, BLOCK_CAPTION, 0);
		break;
	default:	/* a paragraph, or an element of blocks */
		emit_block(c, i, is_caption(c, n) ? BLOCK_CAPTION : BLOCK_PARA, 0);
		break;
	}
}

/* Begin the inline element n is (a link, emphasis, a quotation...). */
static void
emit_inline_of(struct hctx *c, xmlNode *n, struct hinfo *i)
{
	char	*href, *h;

	switch (i->def->tag) {
	case H_A:
		if ((href = attr(n, "href")) == NULL)
			break;
		h = href + strspn(href, " \t\r\n\f");
		if (*h != '\0' && strncasecmp(h, "javascript:", 11) != 0)
			emit_span(c, i, SPAN_LINK, h);
		xmlFree(href);
		break;
	case H_EMPH:
		emit_span(c, i, SPAN_EMPH, NULL);
		break;
	case H_STRONG:
		emit_span(c, i, SPAN_STRONG, NULL);
		break;
	case H_CODE:
		emit_span(c, i, SPAN_CODE, NULL);
		break;
	case H_Q:
		c->q++;
		doc_text(c->d, q_mark(c, 1), strlen(q_mark(c, 1)));
		break;
	default:
		break;
	}
}

/* Emit walk: entering a node. */
static int
emit_enter(struct hctx *c, xmlNode *n)
{
	struct hinfo	*i;

	if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
		if (n->content != NULL)
			doc_text(c->d, (const char *)n->content,
			    strlen((const char *)n->content));
		return (0);
	}
	if ((i = hi(n)) == NULL || (i->flags & HI_DROP) ||
	    (i->def->flags & TF_SKIP))
		return (0);
	if (!c->raw && emit_drops(n, i)) {
		i->flags |= HI_DROP;
		return (0);
	}
	i->flags &= ~(HI_SPAN | HI_BLOCKED);
	switch (i->def->tag) {
	case H_BR:
		emit_br(c, n, c->pre > 0);
		return (0);
	case H_IMG:
		emit_img(c, n);
		return (0);
	case H_A:
	case H_EMPH:
	case H_STRONG:
	case H_CODE:
	case H_Q:
	case H_INLINE:
		emit_inline_of(c, n, i);
		break;
	default:
		emit_block_of(c, n, i);
		break;
	}
	return (1);
}

/* Emit walk: leaving an element. */
static void
emit_leave(struct hctx *c, xmlNode *n)
{
	struct hinfo	*i = hi(n);

	if (i == NULL)
		return;
	switch (i->def->tag) {
	case H_BLOCKQUOTE:
		c->quote--;
		break;
	case H_LIST:
		c->list--;
		break;
	case H_PRE:
		c->pre--;
		break;
	case H_Q:
		doc_text(c->d, q_mark(c, 0), strlen(q_mark(c, 0)));
		c->q--;
		break;
	default:
		break;
	}
	if (i->flags & HI_SPAN) {
		switch (i->def->tag) {
		case H_A:
			doc_span_end(c->d, SPAN_LINK);
			break;
		case H_EMPH:
			doc_span_end(c->d, SPAN_EMPH);
			break;
		case H_STRONG:
			doc_span_end(c->d, SPAN_STRONG);
			break;
		case H_CODE:
			doc_span_end(c->d, SPAN_CODE);
			break;
		default:
			break;
		}
	}
	if (i->flags & HI_BLOCKED)
		doc_block_end(c->d);
	if (n == c->h1 && c->head_at < c->d->nblocks)
		c->d->blocks[c->head_at].headline = 1;
	i->flags &= ~(HI_SPAN | HI_BLOCKED);
}

/* Count walk: give every element its info. */
static int
info_enter(struct hctx *c, xmlNode *n)
{
	struct hinfo	*i;

	if (n->type != XML_ELEMENT_NODE)
		return (0);
	if (c->info != NULL) {
		i = &c->info[c->ninfo];
		i->def = tag_lookup(n);
		i->order = c->ninfo;
		n->_private = i;
	}
	c->ninfo++;
	return (1);
}

/*
 * A metadata value that holds markup ("<p><strong>Die ...", as some CMSs
 * put in a description): its text, read by libxml2's HTML parser. NULL
 * stays NULL. You own the result.
 */
static char *
markup_text(const char *v)
{
	htmlDocPtr	 doc;
	xmlChar		*raw;
	char		*s;

	if (v == NULL)
		return (NULL);
	if (strchr(v, '<') == NULL || strlen(v) > 65536)
		return (xstrdup(v));
	doc = htmlReadMemory(v, (int)strlen(v), NULL, "UTF-8",
	    HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
	    HTML_PARSE_RECOVER);
	if (doc == NULL || xmlDocGetRootElement(doc) == NULL) {
		xmlFreeDoc(doc);
		return (xstrdup(v));
	}
	raw = xmlNodeGetContent(xmlDocGetRootElement(doc));
	s = xstrdup(raw != NULL ? (const char *)raw : "");
	xmlFree(raw);
	xmlFreeDoc(doc);
	collapse(s);
	return (s);
}

/*
 * The versions the page's language switcher links ("EN | FR | RU"), after
 * its hreflang alternates: for a language these do not name already.
 */
static void
switcher_alts(struct hctx *c)
{
	struct discover_link	*links;
	size_t			 n, i, k;

	n = discover_switcher_tree(c->root, &links);
	for (i = 0; i < n; i++) {
		for (k = 0; k < c->d->nalts; k++) {
			if (strncmp(c->d->alts[k].lang, links[i].lang,
			    strlen(links[i].lang)) == 0)
				break;
		}
		if (k < c->d->nalts)
			continue;
		doc_add_alt(c->d, links[i].lang, links[i].href);
		if (c->d->nalts > k)
			c->d->alts[c->d->nalts - 1].switcher = 1;
	}
	discover_links_free(links, n);
}

/* Set the metadata of the document from what the page states. */
static void
set_meta(struct hctx *c)
{
	struct html_meta	*m = &c->stated;
	char			*h1 = c->h1 != NULL ? node_text(c->h1) : NULL, *t;
	char			*site;
	size_t			 k;

	if (h1 != NULL && *h1 == '\0') {
		free(h1);
		h1 = NULL;
	}
	if (m->title != NULL)
		doc_set_title(c->d, m->title);
	else if (m->page_title != NULL) {
		t = title_clean(m->page_title, h1);
		/* A one-word <title> is the site's name. */
		if (h1 != NULL && count_words(t) < 2)
			doc_set_title(c->d, h1);
		else
			doc_set_title(c->d, t);
		free(t);
	} else
		doc_set_title(c->d, h1);
	free(h1);
	for (k = 0; k < m->nauthors; k++)
		doc_add_author(c->d, m->authors[k]);
	if (c->d->nauthors == 0 && c->byline != NULL)
		doc_add_author(c->d, c->byline);
	doc_set_date(c->d, m->published);
	doc_set_modified(c->d, m->modified);
	t = markup_text(m->subtitle);
	doc_set_subtitle(c->d, t);
	free(t);
	if (m->site != NULL)
		doc_set_site(c->d, m->site);
	else if (m->page_title != NULL && c->d->title != NULL) {
		/* The site's name the <title> gives beside the headline. */
		t = title_clean(m->page_title, c->d->title);
		site = title_site(m->page_title, t);
		doc_set_site(c->d, site);
		free(site);
		free(t);
	}
	doc_set_canonical(c->d, m->canonical);
	if ((t = m->lang) != NULL) {
		doc_set_lang(c->d, t);
		for (k = 0; k < 2 && isalpha((unsigned char)t[k]); k++)
			c->qlang[k] = (char)tolower((unsigned char)t[k]);
		c->qlang[k] = '\0';
	}
}

/*
 * The article body the page states in its JSON-LD (articleBody), as
 * paragraphs: for a page whose markup gave no article. Returns whether it
 * was used.
 */
static int
emit_stated_body(struct hctx *c)
{
	const char	*p, *e, *b = c->stated.body;
	size_t		 chars = 0;

	if (b == NULL)
		return (0);
	count_text((const xmlChar *)b, &chars, &(size_t){ 0 });
	if (chars < 200 || chars < roots_text(c, 0))
		return (0);
	if (c->h1 != NULL && !is_dropped(c->h1))
		tree_walk(c->h1, emit_enter, emit_leave, c);
	for (p = b; *p != '\0'; p = e + (*e != '\0')) {
		e = p + strcspn(p, "\n");
		doc_add_block(c->d, BLOCK_PARA, 0, p, (size_t)(e - p));
	}
	c->d->found = DOC_FOUND_ARTICLE;
	return (1);
}

/*
 * The opening words of short blocks that are page furniture inside the
 * content: teasers of other articles, calls to subscribe or share,
 * credits, copyright lines, widget labels. Case-folded; a phrase matches
 * at the start of a block of at most BOILER_MAX bytes and ends at a word
 * boundary. Phrases marked '=' match only the whole block, those marked '~'
 * only a block that is no sentence ("Published on 3 May" is a dateline,
 * "Published on Monday, the report found ..." is not).
 */
#define BOILER_MAX	240
static const char *const boiler_phrases[] = {
	/* English */
	"read more", "read also", "read next", "also read", "see also",
	"see more", "related:", "related articles", "related stories",
	"related posts", "related content", "related coverage", "more on this",
	"don't miss", "don\xe2\x80\x99t miss", "subscribe",
	"sign up for", "follow us", "share this", "share on", "click here",
	"copyright", "\xc2\xa9", "all rights reserved", "citation:",
	"to read the full story", "to view the full story", "back to gallery",
	"=close", "=comments", "leave a comment", "you may also like",
	"you might also like", "recommended for you", "photo:",
	"image copyright", "image caption", "media caption", "=share",
	"=advertisement", "most read", "trending now", "=print",
	"~published on", "~updated on", "~posted on", "~posted by",
	"~last updated", "like loading", "=about the author",
	"=table of contents", "print recipe", "=advertisement:",
	"similar posts", "similar articles",
	/* French */
	"lire aussi", "\xc3\xa0 lire aussi", "a lire aussi", "voir aussi",
	"lire la suite", "=publicit\xc3\xa9", "abonnez-vous", "=partager",
	"suivez-nous", "tous droits r\xc3\xa9serv\xc3\xa9s",
	"sur le m\xc3\xaame sujet", "=commentaires", "photo :",
	"\xc3\xa0 lire \xc3\xa9galement", "les plus lus", "~publi\xc3\xa9 le",
	"~mis \xc3\xa0 jour le", "j\xe2\x80\x99" "aime chargement",
	"j'aime chargement", "=\xc3\xa0 propos de l\xe2\x80\x99" "auteur",
	"=\xc3\xa0 propos de l'auteur", "=sommaire", "imprimer la recette",
	"articles similaires",
	/* Russian */
	"\xd1\x87\xd0\xb8\xd1\x82\xd0\xb0\xd0\xb9\xd1\x82\xd0\xb5 "
	"\xd1\x82\xd0\xb0\xd0\xba\xd0\xb6\xd0\xb5",		/* читайте также */
	"\xd1\x81\xd0\xbc\xd0\xbe\xd1\x82\xd1\x80\xd0\xb8\xd1\x82\xd0\xb5 "
	"\xd1\x82\xd0\xb0\xd0\xba\xd0\xb6\xd0\xb5",		/* смотрите также */
	"\xd1\x87\xd0\xb8\xd1\x82\xd0\xb0\xd1\x82\xd1\x8c "
	"\xd0\xb4\xd0\xb0\xd0\xbb\xd0\xb5\xd0\xb5",		/* читать далее */
	"\xd0\xbf\xd0\xbe\xd0\xb4\xd0\xbf\xd0\xb8\xd1\x81\xd1\x8b"
	"\xd0\xb2\xd0\xb0\xd0\xb9\xd1\x82\xd0\xb5\xd1\x81\xd1\x8c",	/* подписывайтесь */
	"=\xd1\x80\xd0\xb5\xd0\xba\xd0\xbb\xd0\xb0\xd0\xbc\xd0\xb0",	/* реклама */
	"\xd0\xb2\xd1\x81\xd0\xb5 \xd0\xbf\xd1\x80\xd0\xb0\xd0\xb2\xd0\xb0 "
	"\xd0\xb7\xd0\xb0\xd1\x89\xd0\xb8\xd1\x89\xd0\xb5\xd0\xbd\xd1\x8b",	/* все права защищены */
	"\xd1\x84\xd0\xbe\xd1\x82\xd0\xbe:",			/* фото: */
	"~\xd0\xbe\xd0\xbf\xd1\x83\xd0\xb1\xd0\xbb\xd0\xb8\xd0\xba\xd0\xbe"
	"\xd0\xb2\xd0\xb0\xd0\xbd\xd0\xbe",			/* опубликовано */
	"~\xd0\xbe\xd0\xb1\xd0\xbd\xd0\xbe\xd0\xb2\xd0\xbb\xd0\xb5\xd0\xbd"
	"\xd0\xbe",						/* обновлено */
	"\xd0\xbd\xd1\x80\xd0\xb0\xd0\xb2\xd0\xb8\xd1\x82\xd1\x81\xd1\x8f "
	"\xd0\xb7\xd0\xb0\xd0\xb3\xd1\x80\xd1\x83\xd0\xb7\xd0\xba\xd0\xb0",
								/* нравится загрузка */
	"=\xd0\xbe\xd0\xb1 \xd0\xb0\xd0\xb2\xd1\x82\xd0\xbe\xd1\x80\xd0\xb5",	/* об авторе */
	"=\xd1\x81\xd0\xbe\xd0\xb4\xd0\xb5\xd1\x80\xd0\xb6\xd0\xb0\xd0\xbd"
	"\xd0\xb8\xd0\xb5",						/* содержание */
	"\xd0\xbf\xd0\xbe\xd1\x85\xd0\xbe\xd0\xb6\xd0\xb8\xd0\xb5 "
	"\xd1\x81\xd1\x82\xd0\xb0\xd1\x82\xd1\x8c\xd0\xb8",	/* похожие статьи */
	/* German */
	"mehr zum thema", "weiterlesen", "lesen sie auch", "lesen sie mehr",
	"auch interessant", "=anzeige", "=werbung", "foto:", "bild:",
	"zum newsletter", "alle rechte vorbehalten", "=kommentare",
	"das k\xc3\xb6nnte sie auch interessieren", "schon gelesen",
	"~ver\xc3\xb6" "ffentlicht am", "~aktualisiert am",
	"gef\xc3\xa4llt mir lade", "gef\xc3\xa4llt mir wird geladen",
	"=\xc3\xbc" "ber den autor", "=inhaltsverzeichnis", "rezept drucken",
	"=zum weiterlesen", "=zum weiterlesen:", "\xc3\xa4hnliche beitr\xc3\xa4ge",
	"\xc3\xa4hnliche artikel",
	/* Spanish, Italian, Polish */
	"lea tambi\xc3\xa9n", "lee tambi\xc3\xa9n", "lea m\xc3\xa1s",
	"te puede interesar", "temas relacionados", "notas relacionadas",
	"=publicidad", "art\xc3\xad" "culos relacionados", "leggi anche",
	"czytaj tak\xc5\xbc" "e",
	"czytaj te\xc5\xbc", "zobacz tak\xc5\xbc" "e"
};

static int	ends_like_sentence(const char *, size_t);
static size_t	block_chars(const struct doc_block *);

/*
 * Words that make a block of the article's last three furniture wherever
 * they stand in it (when it is short): copyright lines, calls to
 * subscribe, follow, comment or download the app, syndication notes.
 * Case-folded.
 */
#define TAIL_MAX	400
#define TAIL_BLOCKS	3
static const char *const tail_words[] = {
	"\xc2\xa9", "copyright", "all rights reserved",
	"tous droits r\xc3\xa9serv\xc3\xa9s", "alle rechte vorbehalten",
	"\xd0\xb2\xd1\x81\xd0\xb5 \xd0\xbf\xd1\x80\xd0\xb0\xd0\xb2\xd0\xb0 "
	"\xd0\xb7\xd0\xb0\xd1\x89\xd0\xb8\xd1\x89\xd0\xb5\xd0\xbd\xd1\x8b",
	"prawa zastrze\xc5\xbc", "derechos reservados", "newsletter",
	"subscribe", "subscriber", "abonnez-vous", "abonnieren",
	"\xd0\xbf\xd0\xbe\xd0\xb4\xd0\xbf\xd0\xb8\xd1\x81\xd1\x8b\xd0\xb2"
	"\xd0\xb0\xd0\xb9\xd1\x82\xd0\xb5\xd1\x81\xd1\x8c",
	"follow us", "follow the", "suivez-nous", "folgen sie uns",
	"download the", "kommentar", "leave a comment", "write a comment",
	"the views expressed", "originally published", "originally appeared"
};

/*
 * Case-fold a text of at most max bytes into fold (of size at least
 * max * 2 + 8) with ICU; 0 if it is longer or cannot be folded.
 */
static int
fold_short(UCaseMap *cm, const char *text, size_t len, size_t max,
    char *fold, size_t size)
{
	UErrorCode	err = U_ZERO_ERROR;
	int32_t		fl;

	if (cm == NULL || len > max)
		return (0);
	fl = ucasemap_utf8FoldCase(cm, fold, (int32_t)size - 1, text,
	    (int32_t)len, &err);
	if (U_FAILURE(err) || fl < 0 || (size_t)fl >= size)
		return (0);
	fold[fl] = '\0';
	return (1);
}

/* Does a short block hold one of the tail words? */
static int
has_tail_word(UCaseMap *cm, const char *text, size_t len)
{
	char	fold[TAIL_MAX * 2 + 8];
	size_t	i;

	if (!fold_short(cm, text, len, TAIL_MAX, fold, sizeof fold))
		return (0);
	for (i = 0; i < nitems(tail_words); i++) {
		if (strstr(fold, tail_words[i]) != NULL)
			return (1);
	}
	return (0);
}

/* Does a block open with a furniture phrase? */
static int
is_boilerplate(UCaseMap *cm, const char *text, size_t len)
{
	char		 fold[BOILER_MAX * 2 + 8];
	const char	*p;
	size_t		 i, l;
	int		 whole;

	if (!fold_short(cm, text, len, BOILER_MAX, fold, sizeof fold))
		return (0);
	for (i = 0; i < nitems(boiler_phrases); i++) {
		p = boiler_phrases[i];
		if (*p == '~' && ends_like_sentence(text, len))
			continue;
		whole = *p == '=';
		if (*p == '=' || *p == '~')
			p++;
		l = strlen(p);
		if (strncmp(fold, p, l) != 0)
			continue;
		if (whole ? fold[l] == '\0' : (fold[l] == '\0' ||
		    !isalnum((unsigned char)fold[l]) ||
		    !isalpha((unsigned char)p[l - 1])))
			return (1);
	}
	return (0);
}

/*
 * Is a short block a byline the markup does not mark ("Published on
 * 21/05/2024 | Nuria Puig"): one that names an author the page states?
 */
static int
names_author(const struct doc *d, const struct doc_block *b)
{
	size_t	i;

	if (b->len > 120 || b->kind == BLOCK_HEADING)
		return (0);
	for (i = 0; i < d->nauthors; i++) {
		if (strlen(d->authors[i]) >= 5 &&
		    strstr(b->text, d->authors[i]) != NULL)
			return (1);
	}
	return (d->nauthors == 0 && d->byline != NULL &&
	    strlen(d->byline) >= 5 && strstr(b->text, d->byline) != NULL);
}

/*
 * Labels of a photo's credit that end a short block ("... in Seville.
 * Photo: Jorge Guerrero", "(Credit: Clayton Aldern / Grist)", "Titelbild:
 * ABACA/picture-alliance"): case-folded; a label opens the block or
 * follows a space or a bracket, its colon comes next (a space between
 * allowed), and then a name of CREDIT_NAME bytes at most, and at least
 * three.
 */
#define CREDIT_MAX	200
#define CREDIT_NAME	80
static const char *const credit_labels[] = {
	"photo", "photos", "credit", "credits", "image", "picture",
	"photographie", "foto", "fotos", "bild", "titelbild", "beitragsbild",
	"quelle", "\xd1\x84\xd0\xbe\xd1\x82\xd0\xbe"		/* фото */
};

/* Does a short block end with a photo's credit? */
static int
has_credit_label(UCaseMap *cm, const char *text, size_t len)
{
	char		 fold[CREDIT_MAX * 4 + 8];
	const char	*p, *q;
	size_t		 i, l, fl;

	if (!fold_short(cm, text, len, CREDIT_MAX * 2, fold, sizeof fold))
		return (0);
	fl = strlen(fold);
	for (i = 0; i < nitems(credit_labels); i++) {
		l = strlen(credit_labels[i]);
		for (p = fold; (p = strstr(p, credit_labels[i])) != NULL;
		    p += l) {
			if (p != fold && strchr(" (|,.", p[-1]) == NULL)
				continue;
			q = p + l;
			q += *q == ' ';
			if (*q != ':')
				continue;
			q++;
			if (fl - (size_t)(q - fold) >= 3 &&
			    fl - (size_t)(q - fold) <= CREDIT_NAME)
				return (1);
		}
	}
	return (0);
}

/*
 * Is a short block a credit or a copyright line: one that opens with a
 * copyright sign or ends with one and a name ("Lee Elder at the Masters. |
 * (c) Getty Images", "(c) 2020 Media Ltd. All Rights Reserved", with the
 * sign for the "(c)")? A sentence of the article that names the sign has
 * more after it. Or one that ends with a photo's credit. A caption that
 * holds its photo's credit stays a caption (the reader shows it so).
 */
#define CREDIT_TAIL	80
static int
is_credit(UCaseMap *cm, const struct doc_block *b)
{
	const char	*p;

	if (b->kind == BLOCK_HEADING || b->kind == BLOCK_CAPTION ||
	    block_chars(b) >= CREDIT_MAX)
		return (0);
	if ((p = memmem(b->text, b->len, "\xc2\xa9", 2)) != NULL &&
	    (p == b->text || (size_t)(b->text + b->len - p) <= CREDIT_TAIL))
		return (1);
	return (has_credit_label(cm, b->text, b->len));
}

/*
 * Is a block near the top a dateline ("21 мая 2024, 08:15", "12.03.2024
 * 14:05")? Short, four digits or more, at most three words of letters.
 */
static int
is_dateline(const struct doc_block *b)
{
	size_t		 i, digits = 0, words = 0;
	int		 inword = 0;
	unsigned char	 ch;

	if (b->len > 48 || b->kind != BLOCK_PARA)
		return (0);
	for (i = 0; i < b->len; i++) {
		ch = (unsigned char)b->text[i];
		if (isdigit(ch))
			digits++;
		if (isalpha(ch) || ch >= 0x80) {
			words += !inword;
			inword = 1;
		} else
			inword = 0;
	}
	return (digits >= 4 && words <= 3);
}

/*
 * Does a block name a year (a number of four digits from 1900 to 2099, on
 * its own)? A dateline on a page that states no date must: lines of
 * opening hours ("Mon-Fri: 10:00-19:00") are no dateline.
 */
static int
has_year(const struct doc_block *b)
{
	size_t		i;
	const char	*t = b->text;

	for (i = 0; i + 4 <= b->len; i++) {
		if ((i == 0 || !isdigit((unsigned char)t[i - 1])) &&
		    (strncmp(t + i, "19", 2) == 0 ||
		    strncmp(t + i, "20", 2) == 0) &&
		    isdigit((unsigned char)t[i + 2]) &&
		    isdigit((unsigned char)t[i + 3]) &&
		    (i + 4 == b->len || !isdigit((unsigned char)t[i + 4])))
			return (1);
	}
	return (0);
}

/* Does a text end like a sentence (or a quotation of one)? */
static int
ends_like_sentence(const char *text, size_t len)
{
	static const char *const ends[] = {
		".", "!", "?", "\xe2\x80\xa6", ".\"", ".\xe2\x80\x9d",
		".\xc2\xbb", "!\xe2\x80\x9d", "?\xe2\x80\x9d", ".)",
		"\xc2\xbb", "\xe2\x80\x9d"
	};
	size_t	i, l;

	for (i = 0; i < nitems(ends); i++) {
		l = strlen(ends[i]);
		if (len >= l && memcmp(text + len - l, ends[i], l) == 0)
			return (1);
	}
	return (0);
}

/* The same for a block. */
static int
block_ends_sentence(const struct doc_block *b)
{
	return (ends_like_sentence(b->text, b->len));
}

/* The characters of a block (not bytes: Cyrillic takes two each). */
static size_t
block_chars(const struct doc_block *b)
{
	size_t	i, n = 0;

	for (i = 0; i < b->len; i++)
		n += ((unsigned char)b->text[i] & 0xc0) != 0x80;
	return (n);
}

/*
 * Is a block running text the content can be trusted to hold (jusText's
 * "good" block): long, or a sentence of some length?
 */
static int
block_good(const struct doc_block *b)
{
	size_t	n;

	if (b->kind == BLOCK_HEADING || b->kind == BLOCK_CAPTION)
		return (0);
	n = block_chars(b);
	return (n >= 160 || (n >= 30 && block_ends_sentence(b)));
}

/*
 * Trim the short blocks past the article's last sentence, item or
 * quotation: what follows the article in its container ("Like", "Write a
 * comment", "Back to all news", a widget's title) is short and no
 * sentence. List items stay (the last steps of a recipe, a list of
 * sources).
 */
static void
trim_tail(struct doc *d)
{
	size_t	last, i, k;

	/* A page of short blocks only is left as it is. */
	for (i = 0; i < d->nblocks && !block_good(&d->blocks[i]); i++)
		;
	if (i == d->nblocks)
		return;
	for (last = d->nblocks; last > 0; last--) {
		const struct doc_block	*b = &d->blocks[last - 1];

		if (block_good(b) || b->kind == BLOCK_ITEM ||
		    b->kind == BLOCK_QUOTE || (block_ends_sentence(b) &&
		    block_chars(b) >= 20))
			break;
	}
	if (last == 0)
		return;
	for (i = k = last; i < d->nblocks; i++) {
		const struct doc_block	*b = &d->blocks[i];

		if ((b->kind == BLOCK_PARA || b->kind == BLOCK_HEADING ||
		    b->kind == BLOCK_CAPTION) && !b->headline &&
		    block_chars(b) < 120 && !block_ends_sentence(b))
			continue;
		d->blocks[k++] = *b;
	}
	d->nblocks = k;
}

/*
 * Is a block a link line: short, no sentence, and (four fifths of it) the
 * text of links to other pages? A "Back to the newsroom", a breadcrumb, the
 * title of a teaser left in the content; list items stay (a list of
 * sources), and so does a heading that links to itself ("#section").
 */
#define LINK_LINE_MAX	120
static int
is_link_line(const struct doc_block *b)
{
	size_t	k, linked = 0;

	if ((b->kind != BLOCK_PARA && b->kind != BLOCK_HEADING &&
	    b->kind != BLOCK_CAPTION) || block_chars(b) >= LINK_LINE_MAX ||
	    block_ends_sentence(b))
		return (0);
	for (k = 0; k < b->nspans; k++) {
		if (b->spans[k].kind == SPAN_LINK &&
		    b->spans[k].end > b->spans[k].start &&
		    (b->spans[k].target == NULL || b->spans[k].target[0] != '#'))
			linked += b->spans[k].end - b->spans[k].start;
	}
	return (linked * 5 >= b->len * 4);
}

/* A block's text and place, for dedupe(). */
struct dedupe_key {
	const char	*text;
	size_t		 len;
	size_t		 pos;
};

/* Order keys by text, then by place. */
static int
dedupe_cmp(const void *a, const void *b)
{
	const struct dedupe_key	*x = a, *y = b;
	int			 r;

	if (x->len != y->len)
		return (x->len < y->len ? -1 : 1);
	if ((r = memcmp(x->text, y->text, x->len)) != 0)
		return (r);
	return (x->pos < y->pos ? -1 : 1);
}

/*
 * Repeated short blocks: a gallery's captions shown twice, a pull quote
 * that repeats a sentence, a widget's line between the paragraphs. The
 * first stays. A long paragraph given twice is the article's own (a lead
 * repeated as its first paragraph, which translations repeat too): it
 * stays. O(n log n).
 */
#define DEDUPE_MAX	120
static void
dedupe(struct doc *d)
{
	struct dedupe_key	*keys;
	char			*drop;
	size_t			 i, k;

	if (d->nblocks < 2)
		return;
	keys = xreallocarray(NULL, d->nblocks, sizeof *keys);
	drop = xcalloc(d->nblocks, 1);
	for (i = 0; i < d->nblocks; i++) {
		keys[i].text = d->blocks[i].text;
		keys[i].len = d->blocks[i].len;
		keys[i].pos = i;
	}
	qsort(keys, d->nblocks, sizeof *keys, dedupe_cmp);
	for (i = 1; i < d->nblocks; i++) {
		if (keys[i].len == keys[i - 1].len && memcmp(keys[i].text,
		    keys[i - 1].text, keys[i].len) == 0 &&
		    !d->blocks[keys[i].pos].headline &&
		    block_chars(&d->blocks[keys[i].pos]) < DEDUPE_MAX)
			drop[keys[i].pos] = 1;
	}
	for (i = k = 0; i < d->nblocks; i++) {
		if (!drop[i])
			d->blocks[k++] = d->blocks[i];
	}
	d->nblocks = k;
	free(drop);
	free(keys);
}

/*
 * Does block b of the content go, kept as the k-th, with body set once a
 * block of running text was kept: a furniture phrase, the author's name,
 * a credit, a link line (a heading anywhere, a paragraph before the body:
 * a table of linked ingredients is the recipe's), a dateline near the top?
 */
static int
tidy_drops(const struct doc *d, UCaseMap *cm, const struct doc_block *b,
    size_t k, int body)
{
	if (b->headline || b->kind == BLOCK_PRE)
		return (0);
	if (is_link_line(b) && (!body || b->kind == BLOCK_HEADING))
		return (1);
	return (is_boilerplate(cm, b->text, b->len) || names_author(d, b) ||
	    is_credit(cm, b) || (k < 3 && is_dateline(b) &&
	    (d->date != NULL || has_year(b))));
}

/*
 * Tidy the blocks the content gave: furniture phrases, bylines and
 * datelines out, then repeated blocks, the short blocks after the article's
 * end, and headings left with nothing under them (a "Related" heading
 * whose links went).
 */
static void
tidy_blocks(struct hctx *c)
{
	struct doc	*d = c->d;
	UCaseMap	*cm;
	UErrorCode	 err = U_ZERO_ERROR;
	size_t		 i, k;
	int		 body = 0;

	if (d->nblocks == 0)
		return;
	cm = ucasemap_open("", 0, &err);
	if (U_FAILURE(err))
		cm = NULL;
	for (i = k = 0; i < d->nblocks; i++) {
		const struct doc_block	*b = &d->blocks[i];

		if (tidy_drops(d, cm, b, k, body))
			continue;
		body |= block_good(b);
		d->blocks[k++] = *b;
	}
	d->nblocks = k;
	dedupe(d);
	trim_tail(d);
	/* The article's last blocks: a copyright line, "Subscribe ...". */
	for (i = 0; i < TAIL_BLOCKS && d->nblocks > 1; i++) {
		const struct doc_block	*b = &d->blocks[d->nblocks - 1];

		if (b->headline || !has_tail_word(cm, b->text, b->len))
			break;
		d->nblocks--;
	}
	ucasemap_close(cm);
	/*
	 * Headings with nothing under them: at the end, or followed by a
	 * heading of their rank or higher (but the deck under the headline).
	 */
	for (i = d->nblocks, k = d->nblocks; i-- > 0;) {
		const struct doc_block	*b = &d->blocks[i];

		if (b->kind == BLOCK_HEADING && !b->headline &&
		    (i == 0 || !d->blocks[i - 1].headline) &&
		    (k == d->nblocks || (d->blocks[k].kind == BLOCK_HEADING &&
		    d->blocks[k].level <= b->level)))
			continue;
		d->blocks[--k] = *b;
	}
	if (k > 0) {
		memmove(d->blocks, d->blocks + k, (d->nblocks - k) *
		    sizeof *d->blocks);
		d->nblocks -= k;
	}
}

/* The characters of the body: the blocks but the headline. */
static size_t
body_chars(const struct doc *d)
{
	size_t	i, n = 0;

	for (i = 0; i < d->nblocks; i++) {
		if (!d->blocks[i].headline)
			n += block_chars(&d->blocks[i]);
	}
	return (n);
}

/* Lead walk: the element whose text opens with the stated subtitle. */
static int
lead_enter(struct hctx *c, xmlNode *n)
{
	struct hinfo	*i = hi(n);
	char		*t;
	size_t		 l;

	if (i == NULL || c->lead != NULL || (i->flags & HI_DROP) ||
	    (i->def->flags & TF_SKIP) || (i->flags & HI_ROOT))
		return (0);
	if (!(i->def->flags & TF_BLOCK) || (i->flags & HI_BLOCKS))
		return (1);
	if (i->text < 40 || i->text > 2000 || (i->flags & HI_H1))
		return (0);
	t = node_text(n);
	l = strlen(c->leadtext);
	if (strncmp(t, c->leadtext, l < 60 ? l : 60) == 0)
		c->lead = n;
	free(t);
	return (0);
}

/*
 * The lead (standfirst, deck) of the article when the content does not
 * hold it: the element before the content whose text is the subtitle the
 * page states (og:description, JSON-LD description), often in a page
 * header the content leaves out. Only text the page shows is taken.
 */
static void
emit_lead(struct hctx *c)
{
	char	*sub;

	if (c->d->subtitle == NULL || c->nroots == 0 ||
	    hi(c->roots[0]) == NULL)
		return;
	sub = xstrdup(c->d->subtitle);
	collapse(sub);
	if (strlen(sub) < 40) {
		free(sub);
		return;
	}
	c->leadtext = sub;
	c->lead = NULL;
	tree_walk(c->body, lead_enter, NULL, c);
	if (c->lead != NULL && hi(c->lead)->order < hi(c->roots[0])->order &&
	    !is_ancestor(c->lead, c->roots[0]))
		tree_walk(c->lead, emit_enter, emit_leave, c);
	c->leadtext = NULL;
	free(sub);
}

/* Emit the content roots, the headline first when they do not hold it. */
static void
emit_content(struct hctx *c)
{
	size_t	k;

	if ((c->content = roots_text(c, c->raw)) == 0)
		return;
	if (c->h1 != NULL && !is_dropped(c->h1)) {
		for (k = 0; k < c->nroots; k++) {
			if (hi(c->roots[k]) != NULL &&
			    (hi(c->roots[k])->flags & HI_H1))
				break;
		}
		if (k == c->nroots && hi(c->roots[0]) != NULL &&
		    hi(c->h1)->order < hi(c->roots[0])->order)
			tree_walk(c->h1, emit_enter, emit_leave, c);
	}
	if (!c->raw)
		emit_lead(c);
	for (k = 0; k < c->nroots; k++)
		tree_walk(c->roots[k], emit_enter, emit_leave, c);
	if (!c->raw)
		tidy_blocks(c);
}

/* Free what the context holds. */
static void
hctx_release(struct hctx *c)
{
	free(c->byline);
	html_meta_free(&c->stated);
	free(c->info);
	free(c->roots);
	free(c->cands);
}

/*
 * Did the parser stop at its depth limit? It then drops the rest of the
 * page, so the page is refused rather than shown cut short.
 */
static int
html_too_deep(htmlParserCtxtPtr ctxt)
{
	const xmlError	*e = xmlCtxtGetLastError(ctxt);

	return (e != NULL && e->code == XML_ERR_INTERNAL_ERROR &&
	    e->message != NULL &&
	    strncmp(e->message, "Excessive depth", 15) == 0);
}

int
load_html(struct doc *d, const char *data, size_t len, char **cause)
{
	struct hctx		 c;
	struct strbuf		 sb = STRBUF_INIT;
	htmlParserCtxtPtr	 ctxt;
	htmlDocPtr		 doc;
	xmlNode			*n;
	size_t			 k;

	if (len > INT32_MAX) {
		*cause = xstrprintf("'%s' is too large", d->source);
		return (-1);
	}
	if ((ctxt = htmlNewParserCtxt()) == NULL)
		fatalx("out of memory");
	doc = load_parse_utf8(ctxt, data, len, 1, HTML_PARSE_NONET |
	    HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_RECOVER |
	    HTML_PARSE_IGNORE_ENC | HTML_PARSE_COMPACT);
	if (doc != NULL && html_too_deep(ctxt)) {
		xmlFreeDoc(doc);
		htmlFreeParserCtxt(ctxt);
		*cause = xstrprintf("'%s' nests elements more than %d deep "
		    "(the limit)", d->source, LOAD_MAX_DEPTH);
		return (-1);
	}
	htmlFreeParserCtxt(ctxt);
	if (doc == NULL) {
		strbuf_addstr(&sb, "cannot parse '");
		safe_escape(&sb, d->source, strlen(d->source), 0);
		strbuf_addstr(&sb, "' as HTML");
		*cause = strbuf_detach(&sb, NULL);
		return (-1);
	}
	memset(&c, 0, sizeof c);
	c.d = d;
	c.head_at = DOC_NOPOS;
	if ((c.root = xmlDocGetRootElement(doc)) == NULL)
		goto done;
	for (n = c.root->children; n != NULL; n = n->next) {
		if (n->type == XML_ELEMENT_NODE &&
		    strcmp((const char *)n->name, "body") == 0)
			break;
	}
	c.body = n != NULL ? n : c.root;

	/* Give every element its info. */
	tree_walk(c.root, info_enter, NULL, &c);
	c.info = xcalloc(c.ninfo, sizeof *c.info);
	c.ninfo = 0;
	tree_walk(c.root, info_enter, NULL, &c);

	/* Metadata, the headline, counts, furniture. */
	html_meta_read(c.root, &c.stated);
	tree_walk(c.root, meta_enter, NULL, &c);
	pick_h1(&c);
	count_pass(&c, 1);
	tree_walk(c.body, prune_enter, NULL, &c);
	count_pass(&c, 2);

	/* The content. */
	pick_content(&c);

	/* A byline element: in the content first. */
	if (c.stated.nauthors == 0) {
		for (k = 0; k < c.nroots; k++)
			tree_walk(c.roots[k], byline_enter, NULL, &c);
		tree_walk(c.body, byline_enter, NULL, &c);
	}
	set_meta(&c);
	switcher_alts(&c);
	if (c.d->found == DOC_FOUND_FALLBACK && emit_stated_body(&c))
		goto done;
	emit_content(&c);
	/*
	 * What was picked held next to nothing once cleaned (a <main> of
	 * breadcrumbs, an <article> whose text sits in a form): the fallback,
	 * and if that too gives nothing, all the text the page shows.
	 */
	if (c.d->found != DOC_FOUND_FALLBACK && body_chars(c.d) < 100 &&
	    c.page > body_chars(c.d) * 2) {
		fall_back(&c, 0);
		emit_content(&c);
	}
	if (body_chars(c.d) == 0 && !c.raw) {
		fall_back(&c, 1);
		emit_content(&c);
	}

done:
	hctx_release(&c);
	xmlFreeDoc(doc);
	return (0);
}
