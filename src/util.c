/*
 * Small building blocks: strbuf (a growable string), pool (a memory pool
 * freed at once), sizes for messages. Above xmalloc.c; below safe.c.
 */
#include "config.h"

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util.h"

char strbuf_slopbuf[1];

void
strbuf_init(struct strbuf *sb, size_t hint)
{
	sb->buf = strbuf_slopbuf;
	sb->len = sb->alloc = 0;
	if (hint != 0)
		strbuf_grow(sb, hint);
}

void
strbuf_release(struct strbuf *sb)
{
	if (sb->alloc != 0)
		free(sb->buf);
	strbuf_init(sb, 0);
}

void
strbuf_reset(struct strbuf *sb)
{
	strbuf_setlen(sb, 0);
}

void
strbuf_grow(struct strbuf *sb, size_t extra)
{
	size_t	need;

	/* Written so that it cannot wrap itself: len < alloc <= SIZE_MAX. */
	if (extra >= SIZE_MAX - sb->len)
		fatalx("strbuf_grow: overflow");
	need = sb->len + extra + 1;
	if (need <= sb->alloc)
		return;
	if (sb->alloc == 0)
		sb->buf = NULL;
	XGROW(sb->buf, sb->alloc, need);
	if (sb->len == 0)
		sb->buf[0] = '\0';
}

void
strbuf_setlen(struct strbuf *sb, size_t len)
{
	if (sb->alloc == 0) {
		if (len != 0)
			fatalx("strbuf_setlen: beyond buffer");
		return;
	}
	assert(len < sb->alloc);	/* within the buffer, NUL included */
	sb->len = len;
	sb->buf[len] = '\0';
}

void
strbuf_add(struct strbuf *sb, const void *data, size_t len)
{
	if (len == 0)
		return;
	strbuf_grow(sb, len);
	memcpy(sb->buf + sb->len, data, len);
	sb->len += len;
	sb->buf[sb->len] = '\0';
}

void
strbuf_addstr(struct strbuf *sb, const char *s)
{
	strbuf_add(sb, s, strlen(s));
}

void
strbuf_addch(struct strbuf *sb, int c)
{
	char	ch = (char)c;

	strbuf_add(sb, &ch, 1);
}

void
strbuf_addspaces(struct strbuf *sb, size_t n)
{
	if (n == 0)
		return;
	strbuf_grow(sb, n);
	memset(sb->buf + sb->len, ' ', n);
	sb->len += n;
	sb->buf[sb->len] = '\0';
}

void
strbuf_addf(struct strbuf *sb, const char *fmt, ...)
{
	va_list	 ap;
	char	*s;

	va_start(ap, fmt);
	s = xvstrprintf(fmt, ap);
	va_end(ap);
	strbuf_addstr(sb, s);
	free(s);
}

char *
strbuf_detach(struct strbuf *sb, size_t *len)
{
	char	*s;

	if (sb->alloc == 0)
		strbuf_grow(sb, 0);
	s = sb->buf;
	if (len != NULL)
		*len = sb->len;
	strbuf_init(sb, 0);
	return (s);
}

/*
 * A pool hands out memory from large chunks and frees them all together.
 * Allocations are aligned for any type.
 */
struct pool_chunk {
	struct pool_chunk	*next;
	size_t			 size;
	size_t			 used;
	max_align_t		 data[];
};

#define POOL_CHUNK	(64 * 1024)

void
pool_init(struct pool *p)
{
	p->chunks = NULL;
	p->total = 0;
}

void
pool_release(struct pool *p)
{
	struct pool_chunk	*c, *next;

	for (c = p->chunks; c != NULL; c = next) {
		next = c->next;
		free(c);
	}
	pool_init(p);
}

void *
pool_alloc(struct pool *p, size_t size)
{
	struct pool_chunk	*c = p->chunks;
	size_t			 align = sizeof(max_align_t), csize;
	void			*r;

	if (size == 0)
		size = 1;
	size = (size + align - 1) / align * align;
	if (c == NULL || c->size - c->used < size) {
		csize = size > POOL_CHUNK / 4 ? size : POOL_CHUNK;
		c = xmalloc(sizeof *c + csize);
		c->size = csize;
		c->used = 0;
		if (size > POOL_CHUNK / 4 && p->chunks != NULL) {
			/* A big block: keep the current chunk in front. */
			c->next = p->chunks->next;
			p->chunks->next = c;
		} else {
			c->next = p->chunks;
			p->chunks = c;
		}
	}
	r = (char *)c->data + c->used;
	c->used += size;
	p->total += size;
	return (r);
}

char *
pool_strndup(struct pool *p, const char *s, size_t len)
{
	char	*r = pool_alloc(p, len + 1);

	memcpy(r, s, len);
	r[len] = '\0';
	return (r);
}

char *
pool_strdup(struct pool *p, const char *s)
{
	return (pool_strndup(p, s, strlen(s)));
}

void
order_largest_first(const size_t *size, size_t n, size_t *order)
{
	size_t	i, k;

	/* Insertion: a handful of versions. */
	for (i = 0; i < n; i++) {
		for (k = i; k > 0 && size[order[k - 1]] < size[i]; k--)
			order[k] = order[k - 1];
		order[k] = i;
	}
}

const char *
human_size(uint64_t n)
{
	static _Thread_local char buf[32];	/* loaders run in threads */

	if (n < 1024)
		snprintf(buf, sizeof buf, "%llu bytes", (unsigned long long)n);
	else if (n < 1024 * 1024)
		snprintf(buf, sizeof buf, "%.1f KiB", n / 1024.0);
	else if (n < 1024ULL * 1024 * 1024)
		snprintf(buf, sizeof buf, "%.1f MiB", n / 1048576.0);
	else
		snprintf(buf, sizeof buf, "%.1f GiB", n / 1073741824.0);
	return (buf);
}

int
ends_with_ci(const char *s, const char *suffix)
{
	size_t	ls = strlen(s), lx = strlen(suffix);

	return (ls >= lx && strcasecmp(s + ls - lx, suffix) == 0);
}
