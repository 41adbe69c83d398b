/*
 * Allocation wrappers that check their results and never return failure,
 * and the program's fatal/error reporting: the lowest layer, which calls
 * nothing of polyread.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/utf8.h>

#include "util.h"

const char *progname = "polyread";
void (*fatal_hook)(void);

static void	msg_write(const char *, const char *, va_list, const char *)
		    PR_PRINTF(2, 0);

int
char_is_unsafe(int32_t c)
{
	if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0))
		return (1);
	if ((c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069) ||
	    c == 0x200e || c == 0x200f || c == 0x061c)
		return (1);
	return (0);
}

static void
fatal_cleanup(void)
{
	void	(*hook)(void) = fatal_hook;

	fatal_hook = NULL;
	if (hook != NULL)
		hook();
}

/*
 * Write a message to stderr: "polyread: " (and prefix), the message with
 * control and bidirectional formatting characters escaped as safe.c does
 * (messages quote file names, options and document text), then suffix
 * and a newline. Allocates nothing, so that fatal() can use it when
 * memory runs out; a message longer than the buffer is cut.
 */
static void
msg_write(const char *prefix, const char *fmt, va_list ap, const char *suffix)
{
	char	buf[8192];
	int32_t	i = 0, prev, n;
	UChar32	c;

	if ((n = vsnprintf(buf, sizeof buf, fmt, ap)) < 0)
		n = 0;
	if (n >= (int32_t)sizeof buf)
		n = (int32_t)sizeof buf - 1;
	fprintf(stderr, "%s: %s", progname, prefix);
	while (i < n) {
		prev = i;
		U8_NEXT(buf, i, n, c);
		if (c < 0)
			fputs("\xef\xbf\xbd", stderr);
		else if (!char_is_unsafe(c))
			fwrite(buf + prev, 1, (size_t)(i - prev), stderr);
		else if (c < 0x20)
			fprintf(stderr, "^%c", (char)(c + '@'));
		else if (c == 0x7f)
			fputs("^?", stderr);
		else
			fprintf(stderr, "<U+%04X>", (unsigned)c);
	}
	fprintf(stderr, "%s\n", suffix);
}

/* Log a critical error with the error string and die. */
void
fatal(const char *fmt, ...)
{
	va_list	 ap;
	int	 saved = errno;
	char	 suffix[256];

	fatal_cleanup();
	snprintf(suffix, sizeof suffix, ": %s", strerror(saved));
	va_start(ap, fmt);
	msg_write("", fmt, ap, suffix);
	va_end(ap);
	exit(1);
}

/* Log a critical error and die. */
void
fatalx(const char *fmt, ...)
{
	va_list	 ap;

	fatal_cleanup();
	va_start(ap, fmt);
	msg_write("", fmt, ap, "");
	va_end(ap);
	exit(1);
}

/* Print an error message; returns -1 so callers can return it. */
int
error_msg(const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	msg_write("", fmt, ap, "");
	va_end(ap);
	return (-1);
}

/* Print a warning. */
void
warn_msg(const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	msg_write("warning: ", fmt, ap, "");
	va_end(ap);
}

void *
xmalloc(size_t size)
{
	void	*p;

	if (size == 0)
		fatalx("xmalloc: zero size");
	if ((p = malloc(size)) == NULL)
		fatal("xmalloc: allocating %zu bytes", size);
	return (p);
}

void *
xcalloc(size_t n, size_t size)
{
	void	*p;

	if (n == 0 || size == 0)
		fatalx("xcalloc: zero size");
	if ((p = calloc(n, size)) == NULL)
		fatal("xcalloc: allocating %zu * %zu bytes", n, size);
	return (p);
}

void *
xrealloc(void *old, size_t size)
{
	return (xreallocarray(old, 1, size));
}

void *
xreallocarray(void *old, size_t n, size_t size)
{
	void	*p;

	if (n == 0 || size == 0)
		fatalx("xreallocarray: zero size");
	if (SIZE_MAX / n < size)
		fatalx("xreallocarray: %zu * %zu bytes overflows", n, size);
	if ((p = realloc(old, n * size)) == NULL)
		fatal("xreallocarray: allocating %zu * %zu bytes", n, size);
	return (p);
}

char *
xstrdup(const char *s)
{
	return (xstrndup(s, strlen(s)));
}

char *
xstrndup(const char *s, size_t n)
{
	char	*p;
	size_t	 len = strnlen(s, n);

	p = xmalloc(len + 1);
	memcpy(p, s, len);
	p[len] = '\0';
	return (p);
}

char *
xvstrprintf(const char *fmt, va_list ap)
{
	va_list	 aq;
	int	 n;
	char	*p;

	va_copy(aq, ap);
	n = vsnprintf(NULL, 0, fmt, aq);
	va_end(aq);
	if (n < 0)
		fatalx("xvstrprintf: bad format");
	p = xmalloc((size_t)n + 1);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	return (p);
}

char *
xstrprintf(const char *fmt, ...)
{
	va_list	 ap;
	char	*p;

	va_start(ap, fmt);
	p = xvstrprintf(fmt, ap);
	va_end(ap);
	return (p);
}

void
xgrow(void *pp, size_t *allocp, size_t n, size_t sz)
{
	void	**p = pp;
	size_t	  alloc = *allocp;

	if (n <= alloc)
		return;
	if (alloc < 8)
		alloc = 8;
	while (alloc < n) {
		if (alloc > SIZE_MAX / 2 / sz)
			fatalx("xgrow: %zu items overflow", n);
		alloc *= 2;
	}
	*p = xreallocarray(*p, alloc, sz);
	*allocp = alloc;
}

/*
 * Give back what XGROW() took beyond n items, once an array is complete:
 * doubling leaves up to half of it unused, on a book about a megabyte.
 */
void
xshrink(void *pp, size_t *allocp, size_t n, size_t sz)
{
	void	**p = pp;

	if (*p == NULL || n >= *allocp)
		return;
	if (n == 0)
		n = 1;
	*p = xreallocarray(*p, n, sz);
	*allocp = n;
}
