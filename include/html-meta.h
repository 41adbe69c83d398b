/*
 * html-meta.h: what a web page states about its article, read from the
 * parsed page (libxml2's tree): JSON-LD (schema.org NewsArticle, Article,
 * BlogPosting, ... including @graph and arrays), OpenGraph and Twitter
 * <meta> tags, Dublin Core, itemprop microdata, <link rel=canonical>,
 * <html lang>, <time datetime>. Each field is taken from the most reliable
 * source that has it (JSON-LD, then OpenGraph, then the other tags).
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
	char	*lang;		/* <html lang>, content-language, og:locale,
				   JSON-LD inLanguage */
	char	*section;	/* articleSection */
	char	*type;		/* the JSON-LD @type of the article taken */
	char	**authors;	/* names, in order, no duplicates */
	size_t	 nauthors;
	char	*body;		/* JSON-LD articleBody (text), or NULL */
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
 * type="application/ld+json">) into m, filling only fields still NULL.
 * Returns 0, or -1 when it is not JSON (m is left as it was).
 */
int	html_meta_jsonld(const char *json, size_t len, struct html_meta *m);

/*
 * A date as ISO 8601 when it is one in a machine form that is easy to
 * read ("2024-07-12T09:30:00Z", "2024-07-12 09:30", "20240712"); NULL
 * otherwise. You own the result.
 */
char	*html_meta_iso_date(const char *s);

#endif
