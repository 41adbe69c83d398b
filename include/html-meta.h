/*
 * html-meta.h: what a web page states about its article, read from the
 * parsed page (libxml2's tree): JSON-LD (schema.org NewsArticle, Article,
 * BlogPosting, ... including @graph and arrays), OpenGraph and Twitter
 * <meta> tags, Dublin Core, itemprop microdata, <link rel=canonical>,
 * <html lang>, <time datetime>. Each field is taken from the most reliable
 * source that has it (JSON-LD, then OpenGraph, then the other tags), except
 * lang (<html lang> first) and canonical (<link rel=canonical>, og:url,
 * then JSON-LD). Among several JSON-LD objects, and several scripts, the
 * article is the one of an article type (WebPage is the last resort) with
 * an articleBody, then a WebPage's mainEntity, then the longest headline.
 * Authors come whole from one source: JSON-LD, else <meta>, else itemprop.
 *
 * Where it sits: under the HTML loader (doc-load-html.c), its one
 * caller; above doc.h and the base.
 *
 * Strings are whitespace-collapsed and trimmed (NULL when empty) and
 * capped: 1000 bytes for most, 2000 for subtitle, 2048 for canonical,
 * 4 MiB for body. Authors are at most 32 names of at most 100 characters,
 * URLs dropped, no duplicates (Unicode case aside), "By " removed.
 *
 * Dates are ISO 8601 ("2024-07-12" or "2024-07-12T09:30:00+02:00") when
 * the page states them in a machine form; otherwise as stated.
 */
#ifndef POLYREAD_HTML_META_H
#define POLYREAD_HTML_META_H

#include <stddef.h>

struct _xmlNode;

struct html_meta {
	char	*title;		/* headline: JSON-LD, og:title, twitter,
				   dc.title (not <title>, see below) */
	char	*page_title;	/* the <title> text, as it is */
	char	*subtitle;	/* description / og:description / deck */
	char	*site;		/* og:site_name, JSON-LD publisher name */
	char	*published;	/* datePublished, article:published_time */
	char	*modified;	/* dateModified, article:modified_time */
	char	*canonical;	/* <link rel=canonical>, og:url, JSON-LD url */
	char	*lang;		/* <html lang>, JSON-LD inLanguage, og:locale,
				   content-language ("fr_FR" as "fr-FR") */
	char	*section;	/* articleSection */
	char	*type;		/* the JSON-LD @type of the article taken */
	char	**authors;	/* names, in order, no duplicates */
	size_t	 nauthors;
	char	*body;		/* JSON-LD articleBody (text, its line and
				   paragraph breaks kept), or NULL */
};

/*
 * Read the metadata of the page whose root element is root into m (which
 * it clears first). Never fails: what cannot be read is left NULL. Free
 * with html_meta_free().
 */
void	html_meta_read(struct _xmlNode *root, struct html_meta *m);
void	html_meta_free(struct html_meta *m);

/*
 * Parse a JSON-LD text (the content of one <script
 * type="application/ld+json">) into m, filling only fields still NULL
 * (authors only when there are none). HTML comment and CDATA wrappers,
 * raw control characters in strings and trailing commas are mended.
 * Returns 0, or -1 when it is not JSON or over 4 MiB (m is left as it
 * was). JSON that names no article is 0 and gives no title.
 */
int	html_meta_jsonld(const char *json, size_t len, struct html_meta *m);

/*
 * A date as ISO 8601 when it is one in a machine form that is easy to
 * read ("2024-07-12T09:30:00Z", "2024-07-12 09:30", "20240712",
 * "2024/07/12"); NULL otherwise ("July 12, 2024"). The result is
 * "YYYY-MM-DD" with, when stated, "Thh:mm[:ss]" and a zone ("Z" or
 * "+hh:mm", so "+0200" becomes "+02:00"); fractions of a second are
 * dropped. Ranges are checked (2023-02-29 is refused). You own the result.
 */
char	*html_meta_iso_date(const char *s);

#endif
