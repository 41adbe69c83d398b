/*
 * cache.h: the page cache.
 *
 * Where it sits: under fetch.c, which alone uses it; above util.h and
 * safe.h.
 *
 * Pages fetched over HTTP are kept with their validators (ETag,
 * Last-Modified) so that the next fetch can be conditional, --offline can
 * read them without the network, and notes find the same text again.
 */
#ifndef POLYREAD_CACHE_H
#define POLYREAD_CACHE_H

#include <stddef.h>
#include <time.h>

/*
 * One file per URL in $XDG_CACHE_HOME/polyread/pages (else
 * ~/.cache/polyread/pages), named after a hash of the URL: a header of
 * metadata lines, then the body. Entries are written to a temporary file
 * and renamed into place; an entry that does not parse is ignored.
 */
struct cache_entry {
	char	*url;		/* the URL asked for */
	char	*final_url;	/* where the redirects ended */
	char	*etag;		/* validators, or NULL */
	char	*last_modified;
	char	*content_type;
	time_t	 fetched;	/* when it was fetched or last validated */
	char	*data;		/* the body, NUL-terminated */
	size_t	 len;
};

/*
 * The cache folder (created if needed), or NULL with *cause when there is
 * none. You own the result.
 */
char	*cache_dir(char **cause);
/*
 * Read the entry for url. Returns 1 with *e filled, 0 when there is none,
 * -1 with *cause when the entry is corrupt (it is then ignored).
 */
int	 cache_read(const char *url, struct cache_entry *e, char **cause);
/* Write the entry e->url atomically; 0, or -1 with *cause. */
int	 cache_write(const struct cache_entry *e, char **cause);
void	 cache_entry_release(struct cache_entry *);

#endif
