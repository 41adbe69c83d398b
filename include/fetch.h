/*
 * fetch.h: pages over HTTP(S).
 *
 * Where it sits: under article.c (opening URLs); above cache.h, load.h
 * (sniffing a body) and the base.
 *
 * fetch.c is the only libcurl code. It fetches a batch of URLs at once
 * (curl's multi interface): TLS verified, http and https only (also for
 * redirects), at most FETCH_MAXREDIRS redirects, connect and total
 * timeouts, a size limit on the decoded body, gzip and deflate accepted,
 * HTML pages only. Each page goes through the cache (cache.c): a cached
 * copy with validators makes the request conditional, and a 304 answer
 * gives the cached body back.
 */
#ifndef POLYREAD_FETCH_H
#define POLYREAD_FETCH_H

#include <stddef.h>

#define FETCH_MAXREDIRS		5
#define FETCH_MAXSIZE		((size_t)20 * 1024 * 1024)
#define FETCH_TIMEOUT		60	/* seconds, the whole transfer */
#define FETCH_CONNECT_TIMEOUT	15	/* seconds, name lookup and connect */

struct fetch_opts {
	int	 offline;	/* the cache only, no network */
	int	 refresh;	/* ignore the cache (it is still written) */
};

/* One page to fetch, and what came back. */
struct fetch_req {
	const char	*url;		/* in: an http or https URL */

	char		*final_url;	/* after redirects */
	char		*data;		/* the body, NUL-terminated */
	size_t		 len;
	char		*content_type;	/* as sent, or NULL */
	char		*charset;	/* its charset parameter, or NULL */
	int		 from_cache;	/* 304, --offline or a fallback */
	char		*cause;		/* NULL, or why it failed */
};

/* True if s is an http:// or https:// URL (what fetch accepts). */
int	 fetch_is_url(const char *s);
/*
 * Fetch the pages of reqs at the same time. Each request ends with data
 * (a page you own) or cause (a one-line message you own); warnings (a
 * cached copy used after a network failure, a corrupt cache entry) go to
 * stderr. Release each with fetch_req_release().
 *
 * The limits come from the environment when set (see docs/URLS.md):
 * POLYREAD_FETCH_TIMEOUT and POLYREAD_FETCH_CONNECT_TIMEOUT (seconds),
 * POLYREAD_FETCH_MAX_SIZE (bytes), POLYREAD_FETCH_CAINFO (a CA bundle).
 */
void	 fetch_batch(struct fetch_req *reqs, size_t n,
	     const struct fetch_opts *);
void	 fetch_req_release(struct fetch_req *);
/*
 * A URL in a canonical form (scheme and host in lower case, no default
 * port, no fragment) to compare URLs; NULL if it is not an http or https
 * URL. You own the result.
 */
char	*fetch_normalize(const char *url);
/*
 * Resolve href against base (an http or https URL) and normalise it; NULL
 * if the result is not an http or https URL. You own the result.
 */
char	*fetch_resolve(const char *base, const char *href);
/* The media type of a Content-Type value is HTML (or XHTML). */
int	 fetch_type_is_html(const char *content_type);
/*
 * The charset parameter of a Content-Type value, if it is a plausible
 * charset name; NULL otherwise. You own the result.
 */
char	*fetch_type_charset(const char *content_type);

#endif
