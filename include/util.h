/*
 * util.h: the lowest layer, which calls nothing of polyread above it.
 * xmalloc.c: allocation wrappers that never fail and error reporting;
 * util.c, on top of it: a growable string buffer, a memory pool, sizes.
 * safe.c (terminal-safe output) and file.c (whole-file reading) build on
 * these two.
 *
 * The x-wrappers never return NULL: out of memory calls fatal(), which runs
 * the registered cleanup hook (the terminal code restores the screen) first.
 * Asking for zero bytes is a bug.
 */
#ifndef POLYREAD_UTIL_H
#define POLYREAD_UTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#if defined(__GNUC__)
#define PR_NORETURN __attribute__((noreturn))
#define PR_PRINTF(f, a) __attribute__((format(printf, f, a)))
#define PR_UNUSED __attribute__((unused))
#else
#define PR_NORETURN
#define PR_PRINTF(f, a)
#define PR_UNUSED
#endif

#define nitems(a) (sizeof(a) / sizeof((a)[0]))
#define PR_MIN(a, b) ((a) < (b) ? (a) : (b))
#define PR_MAX(a, b) ((a) > (b) ? (a) : (b))

void	*xmalloc(size_t);
void	*xcalloc(size_t, size_t);
void	*xrealloc(void *, size_t);
void	*xreallocarray(void *, size_t, size_t);
char	*xstrdup(const char *);
char	*xstrndup(const char *, size_t);
/* Format into a newly allocated string; you own the result. */
char	*xstrprintf(const char *, ...) PR_PRINTF(1, 2);
char	*xvstrprintf(const char *, va_list);

/*
 * Grow the array *pp of *allocp items of size sz so that it holds at least
 * n items (doubling); shrink it to n items once it is complete.
 */
void	 xgrow(void *pp, size_t *allocp, size_t n, size_t sz);
#define XGROW(p, alloc, n) xgrow(&(p), &(alloc), (n), sizeof *(p))
void	 xshrink(void *pp, size_t *allocp, size_t n, size_t sz);
#define XSHRINK(p, alloc, n) xshrink(&(p), &(alloc), (n), sizeof *(p))

/* The program name used in messages ("polyread"). */
extern const char *progname;

/*
 * Run before fatal() exits: the terminal code sets it to endwin() so a
 * failure never leaves the screen in curses mode.
 */
extern void (*fatal_hook)(void);

/* Print "polyread: message: strerror(errno)" and exit 1. */
void	 fatal(const char *, ...) PR_NORETURN PR_PRINTF(1, 2);
/* Print "polyread: message" and exit 1. */
void	 fatalx(const char *, ...) PR_NORETURN PR_PRINTF(1, 2);
/* Print "polyread: message" on stderr; returns -1. */
int	 error_msg(const char *, ...) PR_PRINTF(1, 2);
/* Print "polyread: warning: message" on stderr. */
void	 warn_msg(const char *, ...) PR_PRINTF(1, 2);
/*
 * True if code point c must not be written raw to a terminal: C0 and C1
 * controls, DEL and the bidirectional formatting characters. Messages
 * escape them here; safe.c escapes everything else with it.
 */
int	 char_is_unsafe(int32_t c);

/*
 * A growable, always NUL-terminated byte string (git's strbuf). Use
 * STRBUF_INIT or strbuf_init(); strbuf_release() frees the storage.
 */
struct strbuf {
	char	*buf;
	size_t	 len;
	size_t	 alloc;
};
extern char strbuf_slopbuf[];
#define STRBUF_INIT { strbuf_slopbuf, 0, 0 }

void	 strbuf_init(struct strbuf *, size_t hint);
void	 strbuf_release(struct strbuf *);
void	 strbuf_reset(struct strbuf *);
void	 strbuf_grow(struct strbuf *, size_t extra);
void	 strbuf_add(struct strbuf *, const void *, size_t);
void	 strbuf_addstr(struct strbuf *, const char *);
void	 strbuf_addch(struct strbuf *, int);
void	 strbuf_addf(struct strbuf *, const char *, ...) PR_PRINTF(2, 3);
void	 strbuf_setlen(struct strbuf *, size_t);
/* Append n spaces. */
void	 strbuf_addspaces(struct strbuf *, size_t n);
/*
 * Detach the string: you now own it (free() it); the strbuf is reset to
 * STRBUF_INIT. *len receives the length when len is not NULL.
 */
char	*strbuf_detach(struct strbuf *, size_t *len);

/*
 * A memory pool (git's mem-pool): many small allocations freed at once by
 * pool_release(). Each document keeps its loaded text in one.
 */
struct pool_chunk;
struct pool {
	struct pool_chunk	*chunks;
	size_t			 total;	/* bytes handed out */
};
void	 pool_init(struct pool *);
void	 pool_release(struct pool *);
void	*pool_alloc(struct pool *, size_t);
char	*pool_strndup(struct pool *, const char *, size_t);
char	*pool_strdup(struct pool *, const char *);

/* Return a human size ("1.5 MiB"), in a static buffer. */
const char *human_size(uint64_t);

/*
 * Fill order[0..n) with the indices 0..n-1 by size[], largest first (a
 * stable sort: equal sizes keep their order). For handing jobs to threads
 * so that they end together.
 */
void	 order_largest_first(const size_t *size, size_t n, size_t *order);

/* True if s ends with suffix (ASCII case-insensitive). */
int	 ends_with_ci(const char *s, const char *suffix);

#endif
