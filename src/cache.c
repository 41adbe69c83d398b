/*
 * The page cache: one file per URL, named after a 64-bit FNV-1a hash of
 * the URL (the URL inside is checked on reading, so a collision is a
 * miss). A file is a header of "key value" lines, an empty line, then the
 * body:
 *
 *	polyread-cache 1
 *	url https://example.org/a
 *	final-url https://example.org/a/
 *	etag "5d8c72a5"
 *	last-modified Tue, 02 Jul 2024 10:00:00 GMT
 *	content-type text/html; charset=utf-8
 *	fetched 1720000000
 *	length 5120
 *
 *	<!DOCTYPE html>...
 *
 * Writing goes to a temporary file in the same folder, renamed into place,
 * so a reader never sees half an entry.
 */
#include "config.h"

#include <sys/stat.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cache.h"
#include "file.h"
#include "load.h"
#include "safe.h"

#define CACHE_MAGIC	"polyread-cache 1\n"
/* The largest header accepted when reading. */
#define CACHE_MAXHEAD	16384

/* Can s go on a header line (no control characters, not empty)? */
static int
cache_value_ok(const char *s)
{
	const unsigned char	*p;

	if (s == NULL || *s == '\0' || strlen(s) > 8192)
		return (0);
	for (p = (const unsigned char *)s; *p != '\0'; p++) {
		if (*p < 0x20 || *p == 0x7f)
			return (0);
	}
	return (1);
}

/* Make path and its parents (mode 0700); 0 or -1 with errno. */
static int
cache_mkdirs(char *path)
{
	char	*p;

	for (p = path + 1; *p != '\0'; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(path, 0700) != 0 && errno != EEXIST) {
			*p = '/';
			return (-1);
		}
		*p = '/';
	}
	if (mkdir(path, 0700) != 0 && errno != EEXIST)
		return (-1);
	return (0);
}

char *
cache_dir(char **cause)
{
	const char	*xdg = getenv("XDG_CACHE_HOME"), *home;
	char		*dir, *q;
	struct stat	 sb;

	/* A relative XDG_CACHE_HOME is to be ignored (XDG spec). */
	if (xdg != NULL && *xdg == '/')
		dir = xstrprintf("%s/polyread/pages", xdg);
	else if ((home = getenv("HOME")) != NULL && *home == '/')
		dir = xstrprintf("%s/.cache/polyread/pages", home);
	else {
		*cause = xstrdup("no cache folder (neither XDG_CACHE_HOME "
		    "nor HOME is set)");
		return (NULL);
	}
	if (cache_mkdirs(dir) != 0 || stat(dir, &sb) != 0 ||
	    !S_ISDIR(sb.st_mode)) {
		q = safe_strdup(dir);
		*cause = xstrprintf("cannot make the cache folder '%s': %s",
		    q, strerror(errno != 0 ? errno : ENOTDIR));
		free(q);
		free(dir);
		return (NULL);
	}
	return (dir);
}

/* The file name of url's entry (without the folder). */
static void
cache_name(const char *url, char *buf, size_t len)
{
	uint64_t		 h = 0xcbf29ce484222325ULL;
	const unsigned char	*p;

	for (p = (const unsigned char *)url; *p != '\0'; p++) {
		h ^= *p;
		h *= 0x100000001b3ULL;
	}
	snprintf(buf, len, "%016llx.page", (unsigned long long)h);
}

/* The path of url's entry, or NULL with *cause. */
static char *
cache_path(const char *url, char **cause)
{
	char	*dir, *path, name[32];

	if ((dir = cache_dir(cause)) == NULL)
		return (NULL);
	cache_name(url, name, sizeof name);
	path = xstrprintf("%s/%s", dir, name);
	free(dir);
	return (path);
}

void
cache_entry_release(struct cache_entry *e)
{
	free(e->url);
	free(e->final_url);
	free(e->etag);
	free(e->last_modified);
	free(e->content_type);
	free(e->data);
	memset(e, 0, sizeof *e);
}

/* Parse the entry in buf (len bytes) into e; 0, or -1 with *why. */
static int
cache_parse(char *buf, size_t len, struct cache_entry *e, const char **why)
{
	char			*p = buf, *end = buf + len, *eol, *val, *ep;
	unsigned long long	 n, body = 0;
	int			 have_len = 0, have_time = 0;

	if (len < sizeof CACHE_MAGIC - 1 ||
	    memcmp(buf, CACHE_MAGIC, sizeof CACHE_MAGIC - 1) != 0) {
		*why = "not a polyread cache entry";
		return (-1);
	}
	p += sizeof CACHE_MAGIC - 1;
	for (;;) {
		if ((size_t)(p - buf) > CACHE_MAXHEAD ||
		    (eol = memchr(p, '\n', (size_t)(end - p))) == NULL) {
			*why = "the header does not end";
			return (-1);
		}
		if (eol == p) {
			p++;
			break;
		}
		*eol = '\0';
		if ((val = strchr(p, ' ')) == NULL) {
			*why = "a header line has no value";
			return (-1);
		}
		*val++ = '\0';
		if (!cache_value_ok(val)) {
			*why = "a header value is not text";
			return (-1);
		}
		if (strcmp(p, "url") == 0 && e->url == NULL)
			e->url = xstrdup(val);
		else if (strcmp(p, "final-url") == 0 && e->final_url == NULL)
			e->final_url = xstrdup(val);
		else if (strcmp(p, "etag") == 0 && e->etag == NULL)
			e->etag = xstrdup(val);
		else if (strcmp(p, "last-modified") == 0 &&
		    e->last_modified == NULL)
			e->last_modified = xstrdup(val);
		else if (strcmp(p, "content-type") == 0 &&
		    e->content_type == NULL)
			e->content_type = xstrdup(val);
		else if (strcmp(p, "fetched") == 0 ||
		    strcmp(p, "length") == 0) {
			errno = 0;
			n = strtoull(val, &ep, 10);
			if (errno != 0 || *ep != '\0' || *val < '0' ||
			    *val > '9') {
				*why = "a number in the header is bad";
				return (-1);
			}
			if (*p == 'f') {
				e->fetched = (time_t)n;
				have_time = 1;
			} else {
				body = n;
				have_len = 1;
			}
		}
		/* Unknown keys are for later versions: skipped. */
		p = eol + 1;
	}
	if (e->url == NULL || !have_len || !have_time) {
		*why = "the header misses a field";
		return (-1);
	}
	if (body != (unsigned long long)(end - p)) {
		*why = "the body is not the length the header gives";
		return (-1);
	}
	e->len = (size_t)body;
	e->data = xmalloc(e->len + 1);
	memcpy(e->data, p, e->len);
	e->data[e->len] = '\0';
	return (0);
}

int
cache_read(const char *url, struct cache_entry *e, char **cause)
{
	char		*path, *buf = NULL, *msg = NULL;
	const char	*why = NULL;
	size_t		 len;
	int		 r;

	memset(e, 0, sizeof *e);
	if ((path = cache_path(url, &msg)) == NULL) {
		/* No cache folder: nothing cached. */
		free(msg);
		return (0);
	}
	if (access(path, F_OK) != 0) {
		free(path);
		return (0);
	}
	if (file_read(path, LOAD_MAX_SIZE + CACHE_MAXHEAD, &buf, &len,
	    &msg) != 0) {
		*cause = msg;
		free(path);
		return (-1);
	}
	free(path);
	r = cache_parse(buf, len, e, &why);
	free(buf);
	if (r != 0) {
		*cause = xstrdup(why);
		cache_entry_release(e);
		return (-1);
	}
	if (strcmp(e->url, url) != 0) {
		/* Another URL with the same hash. */
		cache_entry_release(e);
		return (0);
	}
	return (1);
}

/* Write all of buf to fd; 0 or -1 with errno. */
static int
cache_write_all(int fd, const char *buf, size_t len)
{
	ssize_t	n;

	while (len > 0) {
		n = write(fd, buf, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			if (n == 0)
				errno = EIO;
			return (-1);
		}
		buf += n;
		len -= (size_t)n;
	}
	return (0);
}

int
cache_write(const struct cache_entry *e, char **cause)
{
	struct strbuf	 head = STRBUF_INIT;
	char		*dir, *tmp = NULL, *path = NULL, name[32], *q;
	int		 fd, saved, created = 0;

	if (!cache_value_ok(e->url))
		return (0);	/* not a URL we can name: not kept */
	if ((dir = cache_dir(cause)) == NULL)
		return (-1);
	cache_name(e->url, name, sizeof name);
	path = xstrprintf("%s/%s", dir, name);
	tmp = xstrprintf("%s/.%s.XXXXXX", dir, name);
	free(dir);

	strbuf_addstr(&head, CACHE_MAGIC);
	strbuf_addf(&head, "url %s\n", e->url);
	if (cache_value_ok(e->final_url))
		strbuf_addf(&head, "final-url %s\n", e->final_url);
	if (cache_value_ok(e->etag))
		strbuf_addf(&head, "etag %s\n", e->etag);
	if (cache_value_ok(e->last_modified))
		strbuf_addf(&head, "last-modified %s\n", e->last_modified);
	if (cache_value_ok(e->content_type))
		strbuf_addf(&head, "content-type %s\n", e->content_type);
	strbuf_addf(&head, "fetched %lld\n", (long long)e->fetched);
	strbuf_addf(&head, "length %zu\n\n", e->len);

	if ((fd = mkstemp(tmp)) == -1) {
		saved = errno;
		goto fail;
	}
	created = 1;
	if (cache_write_all(fd, head.buf, head.len) != 0 ||
	    cache_write_all(fd, e->data, e->len) != 0) {
		saved = errno;
		close(fd);
		goto fail;
	}
	if (close(fd) != 0 || rename(tmp, path) != 0) {
		saved = errno;
		goto fail;
	}
	strbuf_release(&head);
	free(tmp);
	free(path);
	return (0);

fail:
	if (created)
		unlink(tmp);
	q = safe_strdup(path);
	*cause = xstrprintf("cannot write the cache entry '%s': %s", q,
	    strerror(saved));
	free(q);
	strbuf_release(&head);
	free(tmp);
	free(path);
	return (-1);
}
