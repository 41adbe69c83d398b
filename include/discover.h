/*
 * discover.h: finding the other language versions of a page.
 *
 * Where it sits: between loading and opening; the HTML loader records
 * what the page declares, article.c asks discover_versions() for it.
 *
 * A page declares its translations with <link rel=alternate hreflang>
 * or shows them in a language switcher ("EN | FR | RU"), which the loader
 * drops as page furniture. The HTML loader records both in doc->alts (the
 * switcher's anchors marked as such, through discover_switcher_tree(), on
 * the tree it parsed); discover_versions() reads them from there.
 */
#ifndef POLYREAD_DISCOVER_H
#define POLYREAD_DISCOVER_H

#include <stddef.h>

#include "doc.h"

/* A candidate version: a language and where to find it. */
struct discover_version {
	char	*lang;		/* primary language subtag ("fr") */
	char	*href;		/* as the page gives it */
	int	 from_switcher;	/* a switcher anchor, not hreflang */
};

/* An anchor of the raw page that may belong to a language switcher. */
struct discover_link {
	char	*href;
	char	*text;		/* its text, white space collapsed */
	char	*lang;		/* the language it names */
};

/*
 * The anchors of an HTML page (UTF-8; parsed here: for a page not loaded)
 * that name a language (text "FR",
 * "Français" or an hreflang attribute) and sit in a switcher: at least two
 * such anchors in a row, in one element or in sibling elements of one
 * kind, naming different languages; or one among language labels only
 * ("<b>EN</b> | <a>FR</a>"). Returns their number; *links is an array you
 * own (free it with discover_links_free()).
 */
size_t	 discover_switcher(const char *html, size_t len,
	     struct discover_link **links);
/* The same on a page already parsed (its root element). */
struct _xmlNode;
size_t	 discover_switcher_tree(struct _xmlNode *root,
	     struct discover_link **links);
void	 discover_links_free(struct discover_link *, size_t);
/*
 * The versions a loaded page declares (doc->alts): its hreflang
 * alternates first, then its switcher anchors, at most one per language,
 * in the page's order; x-default and the page's own language are left
 * out. Returns their number; free with discover_versions_free().
 */
size_t	 discover_versions(const struct doc *,
	     struct discover_version **vers);
void	 discover_versions_free(struct discover_version *, size_t);

#endif
