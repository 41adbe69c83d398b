/*
 * Fetching pages over HTTP(S): the only libcurl code.
 *
 * fetch_batch() runs the transfers of a batch at the same time on one
 * multi handle. Each transfer (struct xfer) collects its body through
 * fetch_write(), which stops it when the body passes the size limit (also
 * when no Content-Length was sent, and after decompression) or when the
 * answer is not an HTML page, and its status line through fetch_header()
 * for the reason phrase. When the batch is done, fetch_finish() turns each
 * result into a page or a one-line message naming what failed, and keeps
 * the page in the cache.
 *
 * Only http and https are allowed, for redirects too; certificates and
 * host names are verified; the cache gives conditional requests and
 * --offline.
 *
 * libcurl is opened with dlopen() the first time a URL is met: linked
 * in, it and the libraries it pulls in (TLS, Kerberos, LDAP, SSH: some
 * thirty) took 10 ms off every start of polyread, files only or not.
 */
#include "config.h"

#include <ctype.h>
#include <dlfcn.h>
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

/* The calls go through pointers (below), which the type checks'
 * macros would hide. */
#define CURL_DISABLE_TYPECHECK
#include <curl/curl.h>

#include "cache.h"
#include "fetch.h"
#include "load.h"
#include "safe.h"

#define FETCH_USER_AGENT	"polyread/" PACKAGE_VERSION \
				" (terminal reader for translated articles)"
#define FETCH_ACCEPT		"Accept: text/html,application/xhtml+xml;" \
				"q=0.9,*/*;q=0.1"

/* The limits in force (fetch_limits()). */
struct limits {
	long		 timeout;
	long		 connect_timeout;
	size_t		 max;
	const char	*cainfo;
};

/* One transfer of a batch. */
struct xfer {
	struct fetch_req	*req;
	CURL			*h;
	struct curl_slist	*headers;
	struct strbuf		 body;
	size_t			 max;
	int			 checked;	/* content type seen */
	int			 too_large;
	int			 not_html;
	char			*type;		/* a refused content type */
	char			*reason;	/* the last status line's */
	struct cache_entry	 cached;
	int			 have_cached;
	int			 done;
	CURLcode		 result;
	char			 errbuf[CURL_ERROR_SIZE];
};

/* libcurl's soname: its ABI has been 4 since 2006. */
#define FETCH_LIBCURL	"libcurl.so.4"

/* The libcurl functions polyread calls. */
#define FETCH_CURL_FUNCS(X)						\
	X(curl_global_init) X(curl_easy_init) X(curl_easy_setopt)	\
	X(curl_easy_getinfo) X(curl_easy_cleanup) X(curl_easy_strerror)	\
	X(curl_easy_header) X(curl_url) X(curl_url_set) X(curl_url_get)	\
	X(curl_url_cleanup) X(curl_free) X(curl_slist_append)		\
	X(curl_slist_free_all) X(curl_multi_init)			\
	X(curl_multi_add_handle) X(curl_multi_remove_handle)		\
	X(curl_multi_perform) X(curl_multi_poll) X(curl_multi_info_read)	\
	X(curl_multi_cleanup) X(curl_multi_strerror)

#define X(f) static __typeof__(&f) fp_##f;
FETCH_CURL_FUNCS(X)
#undef X
static pthread_once_t	 fetch_curl_once = PTHREAD_ONCE_INIT;
static char		*fetch_curl_error;

/* Open libcurl and find its functions (once). */
static void
fetch_curl_open(void)
{
	void		*h;
	const char	*e;

	if ((h = dlopen(FETCH_LIBCURL, RTLD_NOW | RTLD_LOCAL)) == NULL) {
		e = dlerror();
		fetch_curl_error = xstrprintf("cannot open %s (apt-get install "
		    "libcurl4): %s", FETCH_LIBCURL, e != NULL ? e : "?");
		return;
	}
#define X(f)								\
	if ((fp_##f = (__typeof__(&f))dlsym(h, #f)) == NULL) {		\
		fetch_curl_error = xstrprintf("%s has no %s (too old)",	\
		    FETCH_LIBCURL, #f);					\
		return;							\
	}
	FETCH_CURL_FUNCS(X)
#undef X
}

/*
 * libcurl, ready to call: opened on first use. Without it (not installed,
 * too old) polyread cannot go on with a URL: one line, exit 1.
 */
static void
fetch_curl(void)
{
	pthread_once(&fetch_curl_once, fetch_curl_open);
	if (fetch_curl_error != NULL)
		fatalx("%s", fetch_curl_error);
}

/* From here on, the names call through the pointers. */
#undef curl_easy_setopt
#undef curl_easy_getinfo
#define curl_global_init	(*fp_curl_global_init)
#define curl_easy_init		(*fp_curl_easy_init)
#define curl_easy_setopt	(*fp_curl_easy_setopt)
#define curl_easy_getinfo	(*fp_curl_easy_getinfo)
#define curl_easy_cleanup	(*fp_curl_easy_cleanup)
#define curl_easy_strerror	(*fp_curl_easy_strerror)
#define curl_easy_header	(*fp_curl_easy_header)
#define curl_url		(*fp_curl_url)
#define curl_url_set		(*fp_curl_url_set)
#define curl_url_get		(*fp_curl_url_get)
#define curl_url_cleanup	(*fp_curl_url_cleanup)
#define curl_free		(*fp_curl_free)
#define curl_slist_append	(*fp_curl_slist_append)
#define curl_slist_free_all	(*fp_curl_slist_free_all)
#define curl_multi_init		(*fp_curl_multi_init)
#define curl_multi_add_handle	(*fp_curl_multi_add_handle)
#define curl_multi_remove_handle (*fp_curl_multi_remove_handle)
#define curl_multi_perform	(*fp_curl_multi_perform)
#define curl_multi_poll		(*fp_curl_multi_poll)
#define curl_multi_info_read	(*fp_curl_multi_info_read)
#define curl_multi_cleanup	(*fp_curl_multi_cleanup)
#define curl_multi_strerror	(*fp_curl_multi_strerror)

/* A positive number from the environment, or def. */
static long
fetch_env(const char *name, long def, long max)
{
	const char	*s = getenv(name);
	char		*end;
	long		 v;

	if (s == NULL || *s == '\0')
		return (def);
	errno = 0;
	v = strtol(s, &end, 10);
	if (errno != 0 || *end != '\0' || v <= 0 || v > max) {
		warn_msg("ignoring %s='%s' (a number from 1 to %ld)", name, s,
		    max);
		return (def);
	}
	return (v);
}

/* Read the limits: the defaults, or the environment's. */
static void
fetch_limits(struct limits *l)
{
	const char	*s;

	l->timeout = fetch_env("POLYREAD_FETCH_TIMEOUT", FETCH_TIMEOUT, 3600);
	l->connect_timeout = fetch_env("POLYREAD_FETCH_CONNECT_TIMEOUT",
	    FETCH_CONNECT_TIMEOUT, 3600);
	l->max = (size_t)fetch_env("POLYREAD_FETCH_MAX_SIZE",
	    (long)FETCH_MAXSIZE, (long)LOAD_MAX_SIZE);
	s = getenv("POLYREAD_FETCH_CAINFO");
	l->cainfo = s != NULL && *s != '\0' ? s : NULL;
}

/* A size limit for a message: "20 MiB". */
static void
fetch_size_text(size_t n, char *buf, size_t len)
{
	if (n % (1024 * 1024) == 0)
		snprintf(buf, len, "%zu MiB", n / (1024 * 1024));
	else if (n % 1024 == 0)
		snprintf(buf, len, "%zu KiB", n / 1024);
	else
		snprintf(buf, len, "%zu bytes", n);
}

/* Make sure libcurl is initialised, once. */
static int
fetch_init(void)
{
	static int	done, ok;

	if (!done) {
		done = 1;
		fetch_curl();
		ok = curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK;
	}
	return (ok);
}

int
fetch_is_url(const char *s)
{
	return (strncasecmp(s, "http://", 7) == 0 ||
	    strncasecmp(s, "https://", 8) == 0);
}

/* Is s made of printable ASCII only (a safe header value)? */
static int
fetch_printable(const char *s, size_t max)
{
	size_t	i;

	for (i = 0; s[i] != '\0'; i++) {
		if (s[i] < 0x20 || s[i] > 0x7e || i >= max)
			return (0);
	}
	return (i > 0);
}

/*
 * Clean an href for curl's parser: white space trimmed at the ends, spaces
 * inside percent-encoded; NULL if other control characters remain.
 */
static char *
fetch_clean_href(const char *href)
{
	struct strbuf	 sb = STRBUF_INIT;
	const char	*p = href, *end = href + strlen(href);

	while (p < end && isspace((unsigned char)*p))
		p++;
	while (end > p && isspace((unsigned char)end[-1]))
		end--;
	for (; p < end; p++) {
		if (*p == ' ')
			strbuf_addstr(&sb, "%20");
		else if ((unsigned char)*p < 0x20 || *p == 0x7f) {
			strbuf_release(&sb);
			return (NULL);
		} else
			strbuf_addch(&sb, *p);
	}
	return (strbuf_detach(&sb, NULL));
}

/* The URL held by u, canonical, if its scheme is http or https. */
static char *
fetch_canonical(CURLU *u)
{
	char	*scheme = NULL, *host = NULL, *out = NULL, *r = NULL;
	size_t	 i;

	if (curl_url_get(u, CURLUPART_SCHEME, &scheme, 0) != CURLUE_OK)
		goto out;
	if (strcasecmp(scheme, "http") != 0 && strcasecmp(scheme, "https") != 0)
		goto out;
	if (curl_url_get(u, CURLUPART_HOST, &host, 0) != CURLUE_OK ||
	    *host == '\0')
		goto out;
	for (i = 0; host[i] != '\0'; i++)
		host[i] = (char)tolower((unsigned char)host[i]);
	if (curl_url_set(u, CURLUPART_HOST, host, 0) != CURLUE_OK ||
	    curl_url_set(u, CURLUPART_FRAGMENT, NULL, 0) != CURLUE_OK)
		goto out;
	if (curl_url_get(u, CURLUPART_URL, &out, CURLU_NO_DEFAULT_PORT) !=
	    CURLUE_OK)
		goto out;
	r = xstrdup(out);

out:
	curl_free(scheme);
	curl_free(host);
	curl_free(out);
	return (r);
}

char *
fetch_normalize(const char *url)
{
	return (fetch_resolve(url, NULL));
}

char *
fetch_resolve(const char *base, const char *href)
{
	CURLU	*u;
	char	*b, *h = NULL, *r = NULL;

	if (!fetch_is_url(base) || (b = fetch_clean_href(base)) == NULL)
		return (NULL);
	if (href != NULL && (h = fetch_clean_href(href)) == NULL) {
		free(b);
		return (NULL);
	}
	/* A fragment alone (or nothing) is the page itself (RFC 3986). */
	if (h != NULL && (*h == '#' || *h == '\0')) {
		free(h);
		h = NULL;
	}
	fetch_curl();
	if ((u = curl_url()) == NULL)
		fatalx("out of memory");
	if (curl_url_set(u, CURLUPART_URL, b, 0) == CURLUE_OK &&
	    (h == NULL || curl_url_set(u, CURLUPART_URL, h, 0) == CURLUE_OK))
		r = fetch_canonical(u);
	curl_url_cleanup(u);
	free(h);
	free(b);
	return (r);
}

int
fetch_type_is_html(const char *ct)
{
	const char	*p = ct, *end;

	while (isspace((unsigned char)*p))
		p++;
	end = p + strcspn(p, ";");
	while (end > p && isspace((unsigned char)end[-1]))
		end--;
	return (((size_t)(end - p) == 9 && strncasecmp(p, "text/html",
	    9) == 0) || ((size_t)(end - p) == 21 && strncasecmp(p,
	    "application/xhtml+xml", 21) == 0));
}

char *
fetch_type_charset(const char *ct)
{
	const char	*p = ct, *v;
	size_t		 n;

	while ((p = strchr(p, ';')) != NULL) {
		p++;
		while (isspace((unsigned char)*p))
			p++;
		if (strncasecmp(p, "charset", 7) != 0)
			continue;
		v = p + 7;
		while (isspace((unsigned char)*v))
			v++;
		if (*v != '=')
			continue;
		v++;
		while (isspace((unsigned char)*v))
			v++;
		if (*v == '"')
			v++;
		n = strspn(v, "abcdefghijklmnopqrstuvwxyz"
		    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._:+-");
		if (n == 0 || n > 40)
			return (NULL);
		return (xstrndup(v, n));
	}
	return (NULL);
}

/* The host (and port) of url, escaped for a message; "?" if none. */
static char *
fetch_host(const char *url, int with_port)
{
	CURLU	*u;
	char	*host = NULL, *port = NULL, *r, *q;

	if ((u = curl_url()) == NULL)
		fatalx("out of memory");
	if (curl_url_set(u, CURLUPART_URL, url, 0) == CURLUE_OK &&
	    curl_url_get(u, CURLUPART_HOST, &host, 0) == CURLUE_OK &&
	    with_port)
		curl_url_get(u, CURLUPART_PORT, &port, CURLU_DEFAULT_PORT);
	if (host == NULL)
		r = xstrdup("?");
	else if (port != NULL)
		r = xstrprintf("%s:%s", host, port);
	else
		r = xstrdup(host);
	curl_free(host);
	curl_free(port);
	curl_url_cleanup(u);
	q = safe_strdup(r);
	free(r);
	return (q);
}

/* Collect the body; stop at the size limit or on a page that is not HTML. */
static size_t
fetch_write(char *ptr, size_t size, size_t nmemb, void *arg)
{
	struct xfer	*x = arg;
	size_t		 n = size * nmemb;
	long		 code = 0;
	char		*ct = NULL;

	if (!x->checked) {
		x->checked = 1;
		curl_easy_getinfo(x->h, CURLINFO_RESPONSE_CODE, &code);
		curl_easy_getinfo(x->h, CURLINFO_CONTENT_TYPE, &ct);
		if (code >= 200 && code < 300 && ct != NULL &&
		    !fetch_type_is_html(ct)) {
			x->not_html = 1;
			x->type = xstrndup(ct, strcspn(ct, ";"));
			return (0);
		}
	}
	if (n > x->max - x->body.len) {
		x->too_large = 1;
		return (0);
	}
	strbuf_add(&x->body, ptr, n);
	return (n);
}

/* Keep the reason phrase of each status line ("HTTP/1.1 404 Not Found"). */
static size_t
fetch_header(char *ptr, size_t size, size_t nmemb, void *arg)
{
	struct xfer	*x = arg;
	size_t		 n = size * nmemb, i;
	const char	*p, *end = ptr + n;

	if (n < 5 || strncmp(ptr, "HTTP/", 5) != 0)
		return (n);
	free(x->reason);
	x->reason = NULL;
	/* Skip the version and the code. */
	for (p = ptr, i = 0; i < 2; i++) {
		while (p < end && *p != ' ')
			p++;
		while (p < end && *p == ' ')
			p++;
	}
	while (end > p && (end[-1] == '\r' || end[-1] == '\n' ||
	    end[-1] == ' '))
		end--;
	if (end > p)
		x->reason = xstrndup(p, PR_MIN((size_t)(end - p), 80));
	return (n);
}

/* The usual reason phrase of a status (HTTP/2 sends none). */
static const char *
fetch_reason(long code)
{
	static const struct {
		long		 code;
		const char	*text;
	} reasons[] = {
		{ 400, "Bad Request" }, { 401, "Unauthorized" },
		{ 403, "Forbidden" }, { 404, "Not Found" }, { 410, "Gone" },
		{ 429, "Too Many Requests" },
		{ 451, "Unavailable For Legal Reasons" },
		{ 500, "Internal Server Error" }, { 502, "Bad Gateway" },
		{ 503, "Service Unavailable" }, { 504, "Gateway Timeout" }
	};
	size_t	i;

	for (i = 0; i < nitems(reasons); i++) {
		if (reasons[i].code == code)
			return (reasons[i].text);
	}
	return (NULL);
}

/* Set up the transfer of x; -1 with req->cause if it cannot start. */
static int
fetch_setup(struct xfer *x, const struct limits *l)
{
	CURL	*h;
	char	*v;

	if ((h = curl_easy_init()) == NULL) {
		x->req->cause = xstrdup("cannot start libcurl");
		return (-1);
	}
	x->h = h;
	x->max = l->max;
	strbuf_init(&x->body, 0);
	x->headers = curl_slist_append(NULL, FETCH_ACCEPT);
	if (x->have_cached && x->cached.etag != NULL) {
		v = xstrprintf("If-None-Match: %s", x->cached.etag);
		x->headers = curl_slist_append(x->headers, v);
		free(v);
	}
	if (x->have_cached && x->cached.last_modified != NULL) {
		v = xstrprintf("If-Modified-Since: %s",
		    x->cached.last_modified);
		x->headers = curl_slist_append(x->headers, v);
		free(v);
	}
	if (x->headers == NULL)
		fatalx("out of memory");

	curl_easy_setopt(h, CURLOPT_URL, x->req->url);
	curl_easy_setopt(h, CURLOPT_PRIVATE, x);
	curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(h, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 1L);
	curl_easy_setopt(h, CURLOPT_MAXREDIRS, (long)FETCH_MAXREDIRS);
	curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT, l->connect_timeout);
	curl_easy_setopt(h, CURLOPT_TIMEOUT, l->timeout);
	curl_easy_setopt(h, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)l->max);
	curl_easy_setopt(h, CURLOPT_USERAGENT, FETCH_USER_AGENT);
	curl_easy_setopt(h, CURLOPT_ACCEPT_ENCODING, "gzip, deflate");
	curl_easy_setopt(h, CURLOPT_HTTPHEADER, x->headers);
	curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 1L);
	curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, 2L);
	if (l->cainfo != NULL)
		curl_easy_setopt(h, CURLOPT_CAINFO, l->cainfo);
	curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(h, CURLOPT_FAILONERROR, 1L);
	curl_easy_setopt(h, CURLOPT_ERRORBUFFER, x->errbuf);
	curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, fetch_write);
	curl_easy_setopt(h, CURLOPT_WRITEDATA, x);
	curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, fetch_header);
	curl_easy_setopt(h, CURLOPT_HEADERDATA, x);
	return (0);
}

/* A header of the last response, if it is printable; you own it. */
static char *
fetch_get_header(CURL *h, const char *name)
{
	struct curl_header	*hd;

	if (curl_easy_header(h, name, 0, CURLH_HEADER, -1, &hd) !=
	    CURLHE_OK || !fetch_printable(hd->value, 512))
		return (NULL);
	return (xstrdup(hd->value));
}

/* Answer req from the cache entry e. */
static void
fetch_from_cache(struct fetch_req *req, struct cache_entry *e)
{
	req->final_url = xstrdup(e->final_url != NULL ? e->final_url :
	    e->url);
	req->data = e->data;
	req->len = e->len;
	e->data = NULL;
	e->len = 0;
	if (e->content_type != NULL) {
		req->content_type = xstrdup(e->content_type);
		req->charset = fetch_type_charset(e->content_type);
	}
	req->from_cache = 1;
}

/* Keep e in the cache, saying so (once) when it cannot. */
static void
fetch_store(const struct cache_entry *e)
{
	static int	 warned;
	char		*cause = NULL;

	if (cache_write(e, &cause) != 0) {
		if (!warned)
			warn_msg("%s", cause);
		warned = 1;
		free(cause);
	}
}

/* Cut the white space (curl's messages end in a space or a newline). */
static void
fetch_trim(char *s)
{
	size_t	n = strlen(s);

	while (n > 0 && isspace((unsigned char)s[n - 1]))
		s[--n] = '\0';
}

/* The message of a write that stopped: not HTML, too large, or else. */
static char *
fetch_error_write(struct xfer *x, const char *q)
{
	char	*part, *msg, size[32];

	if (x->not_html) {
		part = safe_strdup(x->type != NULL ? x->type : "?");
		msg = xstrprintf("'%s' is not an HTML page (%s)", q, part);
		free(part);
		return (msg);
	}
	if (x->too_large || x->result == CURLE_FILESIZE_EXCEEDED) {
		fetch_size_text(x->max, size, sizeof size);
		return (xstrprintf("'%s' is too large (over %s)", q, size));
	}
	return (xstrprintf("cannot fetch '%s': %s", q,
	    curl_easy_strerror(x->result)));
}

/* The message of a connection that failed: refused, or why. */
static char *
fetch_error_connect(struct xfer *x, const char *eff)
{
	char	*host = fetch_host(eff, 1), *msg;
	long	 oserr = 0;

	curl_easy_getinfo(x->h, CURLINFO_OS_ERRNO, &oserr);
	if (oserr == ECONNREFUSED)
		msg = xstrprintf("connection refused by '%s'", host);
	else
		msg = xstrprintf("cannot connect to '%s': %s", host,
		    oserr != 0 ? strerror((int)oserr) :
		    curl_easy_strerror(x->result));
	free(host);
	return (msg);
}

/* Is c a TLS failure? */
static int
fetch_is_tls(CURLcode c)
{
	static const CURLcode	tls[] = {
		CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION,
		CURLE_SSL_CERTPROBLEM, CURLE_SSL_CIPHER,
		CURLE_SSL_CACERT_BADFILE, CURLE_SSL_ISSUER_ERROR,
		CURLE_SSL_INVALIDCERTSTATUS, CURLE_SSL_PINNEDPUBKEYNOTMATCH,
		CURLE_SSL_CRL_BADFILE, CURLE_SSL_ENGINE_NOTFOUND,
		CURLE_SSL_ENGINE_SETFAILED, CURLE_SSL_ENGINE_INITFAILED,
		CURLE_SSL_SHUTDOWN_FAILED, CURLE_USE_SSL_FAILED,
		CURLE_SSL_CLIENTCERT
	};
	size_t			i;

	for (i = 0; i < nitems(tls); i++) {
		if (c == tls[i])
			return (1);
	}
	return (0);
}

/* libcurl's own words for the failure of x, escaped. */
static char *
fetch_error_words(struct xfer *x)
{
	fetch_trim(x->errbuf);
	return (safe_strdup(*x->errbuf != '\0' ? x->errbuf :
	    curl_easy_strerror(x->result)));
}

/* The message of a failure where the URL redirected (or was not http). */
static char *
fetch_error_moved(struct xfer *x, const char *eff, const char *q)
{
	const char	*url = x->req->url;
	long		 redirects = 0;
	char		*qu = safe_strdup(url), *msg;

	curl_easy_getinfo(x->h, CURLINFO_REDIRECT_COUNT, &redirects);
	if (x->result == CURLE_TOO_MANY_REDIRECTS)
		msg = xstrprintf("too many redirects (more than %d) from '%s'",
		    FETCH_MAXREDIRS, qu);
	else if (redirects > 0 || strcmp(eff, url) != 0)
		msg = xstrprintf("'%s' redirects to a URL that is not http "
		    "or https", qu);
	else
		msg = xstrprintf("'%s' is not an http or https URL", q);
	free(qu);
	return (msg);
}

/* Turn a failed transfer into a one-line message. */
static char *
fetch_error(struct xfer *x, const struct limits *l)
{
	const char	*eff = NULL, *r;
	char		*q, *part = NULL, *msg;
	long		 code = 0, n;
	curl_off_t	 connected = 0;

	curl_easy_getinfo(x->h, CURLINFO_EFFECTIVE_URL, &eff);
	if (eff == NULL)
		eff = x->req->url;
	q = safe_strdup(eff);
	if (fetch_is_tls(x->result)) {
		part = fetch_host(eff, 0);
		free(q);
		q = fetch_error_words(x);
		msg = xstrprintf("TLS error with '%s': %s", part, q);
		goto out;
	}
	switch (x->result) {
	case CURLE_WRITE_ERROR:
	case CURLE_FILESIZE_EXCEEDED:
		msg = fetch_error_write(x, q);
		break;
	case CURLE_HTTP_RETURNED_ERROR:
		curl_easy_getinfo(x->h, CURLINFO_RESPONSE_CODE, &code);
		r = x->reason != NULL ? x->reason : fetch_reason(code);
		part = r != NULL ? safe_strdup(r) : NULL;
		msg = xstrprintf("'%s': HTTP %ld%s%s", q, code,
		    part != NULL ? " " : "", part != NULL ? part : "");
		break;
	case CURLE_COULDNT_RESOLVE_HOST:
		part = fetch_host(eff, 0);
		msg = xstrprintf("cannot resolve '%s'", part);
		break;
	case CURLE_COULDNT_RESOLVE_PROXY:
		msg = xstrprintf("cannot resolve the proxy for '%s'", q);
		break;
	case CURLE_COULDNT_CONNECT:
		msg = fetch_error_connect(x, eff);
		break;
	case CURLE_OPERATION_TIMEDOUT:
		curl_easy_getinfo(x->h, CURLINFO_CONNECT_TIME_T, &connected);
		n = l->timeout;
		if (connected == 0 && l->connect_timeout < n)
			n = l->connect_timeout;
		msg = xstrprintf("timed out after %ld s fetching '%s'", n, q);
		break;
	case CURLE_TOO_MANY_REDIRECTS:
	case CURLE_UNSUPPORTED_PROTOCOL:
		msg = fetch_error_moved(x, eff, q);
		break;
	case CURLE_URL_MALFORMAT:
		msg = xstrprintf("'%s' is not a valid URL", q);
		break;
	case CURLE_BAD_CONTENT_ENCODING:
		msg = xstrprintf("'%s': the compressed page is damaged", q);
		break;
	case CURLE_GOT_NOTHING:
		msg = xstrprintf("'%s': the server sent nothing", q);
		break;
	default:
		part = fetch_error_words(x);
		msg = xstrprintf("cannot fetch '%s': %s", q, part);
		break;
	}
out:
	free(part);
	free(q);
	return (msg);
}

/* Is the failure of x one the network may not repeat (a cached copy)? */
static int
fetch_transient(CURLcode c)
{
	switch (c) {
	case CURLE_COULDNT_RESOLVE_HOST:
	case CURLE_COULDNT_RESOLVE_PROXY:
	case CURLE_COULDNT_CONNECT:
	case CURLE_OPERATION_TIMEDOUT:
	case CURLE_GOT_NOTHING:
	case CURLE_RECV_ERROR:
	case CURLE_SEND_ERROR:
	case CURLE_PARTIAL_FILE:
		return (1);
	default:
		return (0);
	}
}

/* Finish the transfer x: a page (kept in the cache) or a message. */
static void
fetch_finish(struct xfer *x, const struct limits *l)
{
	struct fetch_req	*req = x->req;
	struct cache_entry	 e;
	const char		*eff = NULL, *fmt;
	char			*ct = NULL, *q, *msg, date[64];
	long			 code = 0;
	struct tm		 tm;

	if (x->result != CURLE_OK) {
		msg = fetch_error(x, l);
		if (x->have_cached && fetch_transient(x->result)) {
			localtime_r(&x->cached.fetched, &tm);
			strftime(date, sizeof date, "%Y-%m-%d %H:%M", &tm);
			warn_msg("%s; opening the copy cached on %s", msg,
			    date);
			free(msg);
			fetch_from_cache(req, &x->cached);
			return;
		}
		req->cause = msg;
		return;
	}
	curl_easy_getinfo(x->h, CURLINFO_RESPONSE_CODE, &code);
	curl_easy_getinfo(x->h, CURLINFO_EFFECTIVE_URL, &eff);
	curl_easy_getinfo(x->h, CURLINFO_CONTENT_TYPE, &ct);
	if (eff == NULL)
		eff = req->url;
	q = safe_strdup(eff);
	if (code == 304 && x->have_cached) {
		/* Not modified: the cached body, fetched just now. */
		x->cached.fetched = time(NULL);
		fetch_store(&x->cached);
		fetch_from_cache(req, &x->cached);
		free(q);
		return;
	}
	if (code < 200 || code >= 300) {
		msg = safe_strdup(x->reason != NULL ? x->reason : "");
		req->cause = xstrprintf("'%s': HTTP %ld%s%s", q, code,
		    *msg != '\0' ? " " : "", msg);
		free(msg);
		free(q);
		return;
	}
	if (ct != NULL && !fetch_type_is_html(ct)) {
		msg = xstrndup(ct, strcspn(ct, ";"));
		free(x->type);
		x->type = safe_strdup(msg);
		free(msg);
		req->cause = xstrprintf("'%s' is not an HTML page (%s)", q,
		    x->type);
		free(q);
		return;
	}
	if (ct == NULL && x->body.len > 0) {
		fmt = load_sniff_format(NULL, x->body.buf, x->body.len);
		if (strcmp(fmt, "html") != 0) {
			req->cause = xstrprintf("'%s' is not an HTML page (no "
			    "content type, and it looks like %s)", q, fmt);
			free(q);
			return;
		}
	}
	free(q);
	req->final_url = xstrdup(eff);
	req->data = strbuf_detach(&x->body, &req->len);
	if (ct != NULL && fetch_printable(ct, 256)) {
		req->content_type = xstrdup(ct);
		req->charset = fetch_type_charset(ct);
	}

	memset(&e, 0, sizeof e);
	e.url = (char *)req->url;
	e.final_url = req->final_url;
	e.etag = fetch_get_header(x->h, "ETag");
	e.last_modified = fetch_get_header(x->h, "Last-Modified");
	e.content_type = req->content_type;
	e.fetched = time(NULL);
	e.data = req->data;
	e.len = req->len;
	fetch_store(&e);
	/* The page is cached under where it ended too. */
	if (strcmp(req->final_url, req->url) != 0) {
		e.url = req->final_url;
		fetch_store(&e);
	}
	free(e.etag);
	free(e.last_modified);
}

/* Look url up in the cache for x, warning about a corrupt entry. */
static void
fetch_lookup(struct xfer *x)
{
	char	*cause = NULL, *q;
	int	 r;

	r = cache_read(x->req->url, &x->cached, &cause);
	if (r < 0) {
		q = safe_strdup(x->req->url);
		warn_msg("ignoring a corrupt cache entry for '%s': %s", q,
		    cause);
		free(q);
		free(cause);
	}
	x->have_cached = r > 0;
}

/* Run the transfers on one multi handle until all are done. */
static void
fetch_run(struct xfer *xs, size_t n)
{
	CURLM		*m;
	CURLMsg		*msg;
	CURLMcode	 mc = CURLM_OK;
	struct xfer	*x;
	size_t		 i;
	int		 running = 0, left;

	if ((m = curl_multi_init()) == NULL)
		fatalx("out of memory");
	for (i = 0; i < n; i++) {
		if (xs[i].h != NULL)
			curl_multi_add_handle(m, xs[i].h);
	}
	do {
		mc = curl_multi_perform(m, &running);
		while ((msg = curl_multi_info_read(m, &left)) != NULL) {
			if (msg->msg != CURLMSG_DONE)
				continue;
			x = NULL;
			curl_easy_getinfo(msg->easy_handle, CURLINFO_PRIVATE,
			    (char **)&x);
			if (x != NULL) {
				x->done = 1;
				x->result = msg->data.result;
			}
		}
		if (mc == CURLM_OK && running > 0)
			mc = curl_multi_poll(m, NULL, 0, 1000, NULL);
	} while (mc == CURLM_OK && running > 0);
	for (i = 0; i < n; i++) {
		if (xs[i].h == NULL)
			continue;
		if (!xs[i].done) {
			xs[i].done = 1;
			xs[i].result = CURLE_FAILED_INIT;
			snprintf(xs[i].errbuf, sizeof xs[i].errbuf, "%s",
			    curl_multi_strerror(mc));
		}
		curl_multi_remove_handle(m, xs[i].h);
	}
	curl_multi_cleanup(m);
}

void
fetch_batch(struct fetch_req *reqs, size_t n, const struct fetch_opts *opts)
{
	struct xfer	*xs;
	struct limits	 l;
	size_t		 i;
	char		*q;

	if (n == 0)
		return;
	fetch_curl();
	fetch_limits(&l);
	xs = xcalloc(n, sizeof *xs);
	for (i = 0; i < n; i++) {
		xs[i].req = &reqs[i];
		if (!opts->refresh)
			fetch_lookup(&xs[i]);
		if (opts->offline) {
			if (xs[i].have_cached)
				fetch_from_cache(&reqs[i], &xs[i].cached);
			else {
				q = safe_strdup(reqs[i].url);
				reqs[i].cause = xstrprintf("'%s' is not in the "
				    "cache (--offline)", q);
				free(q);
			}
			continue;
		}
		if (!fetch_is_url(reqs[i].url)) {
			q = safe_strdup(reqs[i].url);
			reqs[i].cause = xstrprintf("'%s' is not an http or "
			    "https URL", q);
			free(q);
			continue;
		}
		if (!fetch_init()) {
			reqs[i].cause = xstrdup("cannot initialise libcurl");
			continue;
		}
		fetch_setup(&xs[i], &l);
	}
	fetch_run(xs, n);
	for (i = 0; i < n; i++) {
		if (xs[i].h != NULL) {
			fetch_finish(&xs[i], &l);
			curl_easy_cleanup(xs[i].h);
		}
		curl_slist_free_all(xs[i].headers);
		strbuf_release(&xs[i].body);
		free(xs[i].reason);
		free(xs[i].type);
		if (xs[i].have_cached)
			cache_entry_release(&xs[i].cached);
	}
	free(xs);
}

void
fetch_req_release(struct fetch_req *req)
{
	free(req->final_url);
	free(req->data);
	free(req->content_type);
	free(req->charset);
	free(req->cause);
	req->final_url = req->data = req->content_type = NULL;
	req->charset = req->cause = NULL;
	req->len = 0;
}
