/*
 * The document model and its builder.
 *
 * Loaders feed text as it comes (text nodes, lines) into a builder that
 * keeps a stack of open blocks and of open inline spans. Text is cleaned on
 * the way in: invalid UTF-8 becomes U+FFFD, control characters and soft
 * hyphens go, and whitespace runs collapse to one space (except in
 * preformatted blocks). When a block ends, its text is normalised to NFC
 * piece by piece between span boundaries, so span offsets stay exact, and
 * the block is stored in the document's pool, or over the input the
 * loader has read when it handed it over (doc_input_take(): the plain-text
 * loader, whose blocks are never longer than the lines they come from).
 * From then on a block's text and offsets never change.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utf8.h>

#include "doc.h"

struct build_block {
	enum block_kind	 kind;
	int		 level;
	/*
	 * A list item (begun as one, not a paragraph inside one): its
	 * marker, given to its first block stored; its later blocks (text
	 * after a nested list, a second paragraph) get as many spaces.
	 */
	int		 item;
	int		 marked;	/* its first block is stored */
	int		 numbered;	/* an ordered list's: number */
	long		 number;
	int		 width;		/* of the marker given */
};

struct build_span {
	enum span_kind	 kind;
	const char	*target;	/* in the doc pool */
	size_t		 start;		/* DOC_NOPOS until text arrives */
};

struct doc_build {
	struct build_block	*stack;
	size_t			 nstack, astack;

	struct build_span	*open;		/* spans still open */
	size_t			 nopen, aopen;

	struct doc_span		*done;		/* spans of the current block */
	size_t			 ndone, adone;

	struct strbuf		 text;
	int			 pending_space;

	size_t			 in_used;	/* of d->input, by blocks */
	size_t			 in_free;	/* up to here may be used */
};

static void	doc_flush(struct doc *);
static const char *doc_item_marker(struct doc *);

struct doc *
doc_create(const char *source, const char *format)
{
	struct doc	*d = xcalloc(1, sizeof *d);

	pool_init(&d->pool);
	d->source = pool_strdup(&d->pool, source != NULL ? source : "");
	d->format = pool_strdup(&d->pool, format != NULL ? format : "text");
	d->build = xcalloc(1, sizeof *d->build);
	strbuf_init(&d->build->text, 0);
	return (d);
}

static void
doc_build_free(struct doc_build *b)
{
	if (b == NULL)
		return;
	free(b->stack);
	free(b->open);
	free(b->done);
	strbuf_release(&b->text);
	free(b);
}

void
doc_free(struct doc *d)
{
	if (d == NULL)
		return;
	doc_build_free(d->build);
	free(d->blocks);
	free(d->alts);
	free(d->authors);
	pool_release(&d->pool);
	free(d->input);
	free(d);
}

const char *
block_kind_name(enum block_kind k)
{
	switch (k) {
	case BLOCK_PARA:
		return ("paragraph");
	case BLOCK_HEADING:
		return ("heading");
	case BLOCK_QUOTE:
		return ("quote");
	case BLOCK_ITEM:
		return ("item");
	case BLOCK_PRE:
		return ("pre");
	case BLOCK_CAPTION:
		return ("caption");
	}
	return ("?");
}

/* Is the code point one the model drops? */
static int
dropped_char(UChar32 c, int keep_newlines)
{
	if (c == '\t' || c == '\n')
		return (!keep_newlines);
	if (c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0))
		return (1);
	return (c == 0xad || c == 0xfeff);
}

/*
 * Normalise UTF-8 to NFC. Returns 0 when s is already NFC (nothing
 * written), else 1 with the result appended to out.
 */
static int
nfc_append(struct strbuf *out, const char *s, size_t len)
{
	const UNormalizer2	*nfc;
	UErrorCode		 ec = U_ZERO_ERROR;
	UChar			 sbuf[512], *u = sbuf, *n = NULL;
	int32_t			 ulen, nlen, olen;
	size_t			 i;

	for (i = 0; i < len; i++) {
		if ((unsigned char)s[i] >= 0xcc)	/* first non-NFC-safe lead */
			break;
	}
	if (i == len)
		return (0);
	if (len > INT32_MAX / 2)
		return (0);
	nfc = unorm2_getNFCInstance(&ec);
	if (U_FAILURE(ec))
		return (0);
	u_strFromUTF8WithSub(NULL, 0, &ulen, s, (int32_t)len, 0xfffd, NULL,
	    &ec);
	ec = U_ZERO_ERROR;
	if (ulen > (int32_t)nitems(sbuf))
		u = xreallocarray(NULL, (size_t)ulen, sizeof *u);
	u_strFromUTF8WithSub(u, ulen, NULL, s, (int32_t)len, 0xfffd, NULL,
	    &ec);
	if (U_FAILURE(ec))
		goto plain;
	if (unorm2_quickCheck(nfc, u, ulen, &ec) == UNORM_YES &&
	    U_SUCCESS(ec))
		goto plain;
	ec = U_ZERO_ERROR;
	n = xreallocarray(NULL, (size_t)ulen * 3 + 16, sizeof *n);
	nlen = unorm2_normalize(nfc, u, ulen, n, ulen * 3 + 16, &ec);
	if (U_FAILURE(ec))
		goto plain;
	u_strToUTF8(NULL, 0, &olen, n, nlen, &ec);
	ec = U_ZERO_ERROR;
	strbuf_grow(out, (size_t)olen);
	u_strToUTF8(out->buf + out->len, olen + 1, NULL, n, nlen, &ec);
	if (U_FAILURE(ec))
		goto plain;
	strbuf_setlen(out, out->len + (size_t)olen);
	if (u != sbuf)
		free(u);
	free(n);
	return (1);

plain:
	if (u != sbuf)
		free(u);
	free(n);
	return (0);
}

char *
doc_clean_text(const char *s, size_t len, int keep_newlines, size_t *outlen)
{
	struct strbuf	 raw = STRBUF_INIT, out = STRBUF_INIT;
	int32_t		 i = 0, prev;
	UChar32		 c;

	if (len > INT32_MAX)
		len = INT32_MAX;
	strbuf_grow(&raw, len);
	while (i < (int32_t)len) {
		prev = i;
		U8_NEXT(s, i, (int32_t)len, c);
		if (c < 0) {
			strbuf_add(&raw, "\xef\xbf\xbd", 3);
			continue;
		}
		if (dropped_char(c, keep_newlines))
			continue;
		strbuf_add(&raw, s + prev, (size_t)(i - prev));
	}
	if (nfc_append(&out, raw.buf, raw.len)) {
		strbuf_release(&raw);
		return (strbuf_detach(&out, outlen));
	}
	strbuf_release(&out);
	return (strbuf_detach(&raw, outlen));
}

/* Collapse whitespace, clean, and store a metadata string in the pool. */
static const char *
doc_meta(struct doc *d, const char *v)
{
	struct strbuf	 sb = STRBUF_INIT;
	char		*clean;
	size_t		 len, i;
	const char	*r;
	int		 space = 0;

	if (v == NULL)
		return (NULL);
	clean = doc_clean_text(v, strlen(v), 1, &len);
	for (i = 0; i < len; i++) {
		if (strchr(" \t\n\r\f\v", clean[i]) != NULL) {
			space = (sb.len != 0);
			continue;
		}
		if (space)
			strbuf_addch(&sb, ' ');
		space = 0;
		strbuf_addch(&sb, clean[i]);
	}
	free(clean);
	r = sb.len == 0 ? NULL : pool_strndup(&d->pool, sb.buf, sb.len);
	strbuf_release(&sb);
	return (r);
}

void
doc_set_title(struct doc *d, const char *v)
{
	d->title = doc_meta(d, v);
}

void
doc_set_byline(struct doc *d, const char *v)
{
	d->byline = doc_meta(d, v);
}

void
doc_set_date(struct doc *d, const char *v)
{
	d->date = doc_meta(d, v);
}

void
doc_set_lang(struct doc *d, const char *v)
{
	d->lang = doc_meta(d, v);
}

void
doc_set_charset(struct doc *d, const char *v)
{
	d->charset = doc_meta(d, v);
}

void
doc_set_format(struct doc *d, const char *v)
{
	d->format = doc_meta(d, v);
}

void
doc_set_subtitle(struct doc *d, const char *v)
{
	d->subtitle = doc_meta(d, v);
}

void
doc_set_modified(struct doc *d, const char *v)
{
	d->modified = doc_meta(d, v);
}

void
doc_set_site(struct doc *d, const char *v)
{
	d->site = doc_meta(d, v);
}

void
doc_set_canonical(struct doc *d, const char *v)
{
	d->canonical = doc_meta(d, v);
}

void
doc_add_author(struct doc *d, const char *name)
{
	struct strbuf	 sb = STRBUF_INIT;
	const char	*a = doc_meta(d, name);
	size_t		 i;

	if (a == NULL)
		return;
	for (i = 0; i < d->nauthors; i++) {
		if (strcasecmp(d->authors[i], a) == 0)
			return;
	}
	XGROW(d->authors, d->aauthors, d->nauthors + 1);
	d->authors[d->nauthors++] = a;
	for (i = 0; i < d->nauthors; i++) {
		if (i > 0)
			strbuf_addstr(&sb, ", ");
		strbuf_addstr(&sb, d->authors[i]);
	}
	d->byline = pool_strndup(&d->pool, sb.buf, sb.len);
	strbuf_release(&sb);
}

void
doc_add_alt(struct doc *d, const char *lang, const char *href)
{
	struct doc_alt	*a;
	const char	*l = doc_meta(d, lang), *h = doc_meta(d, href);
	size_t		 i;

	if (l == NULL || h == NULL)
		return;
	for (i = 0; i < d->nalts; i++) {
		if (strcmp(d->alts[i].lang, l) == 0 &&
		    strcmp(d->alts[i].href, h) == 0)
			return;
	}
	XGROW(d->alts, d->aalts, d->nalts + 1);
	a = &d->alts[d->nalts++];
	a->lang = l;
	a->href = h;
	a->switcher = 0;
}

/* The kind of text the builder is collecting now. */
static struct build_block
doc_top(struct doc *d)
{
	struct doc_build	*b = d->build;
	struct build_block	 bb = { BLOCK_PARA, 0 };

	/* After doc_finish() there is no builder: nothing is open. */
	if (b != NULL && b->nstack != 0)
		bb = b->stack[b->nstack - 1];
	return (bb);
}

/* Compare two offsets for qsort(). */
static int
cut_cmp(const void *a, const void *b)
{
	size_t	x = *(const size_t *)a, y = *(const size_t *)b;

	return (x < y ? -1 : x > y);
}

/* The index of the first cut at offset v or after (the cuts are sorted). */
static size_t
cut_find(const size_t *cuts, size_t n, size_t v)
{
	size_t	lo = 0, hi = n, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (cuts[mid] < v)
			lo = mid + 1;
		else
			hi = mid;
	}
	return (lo);
}

/* A span and its place in the block, for a stable sort by start. */
struct span_seq {
	struct doc_span	span;
	size_t		seq;
};

/*
 * A copy of a block's text (len bytes, NUL added) where it lives from now
 * on: over the input read, if the loader gave it and it fits there, else
 * in the pool.
 */
static const char *
doc_place(struct doc *d, const char *s, size_t len)
{
	struct doc_build	*b = d->build;
	char			*r;

	if (d->input == NULL || b->in_free < b->in_used ||
	    b->in_free - b->in_used <= len)
		return (pool_strndup(&d->pool, s, len));
	r = d->input + b->in_used;
	memmove(r, s, len);
	r[len] = '\0';
	b->in_used += len + 1;
	return (r);
}

void
doc_input_take(struct doc *d, char *input)
{
	free(d->input);
	d->input = input;
	if (d->build != NULL)
		d->build->in_used = d->build->in_free = 0;
}

void
doc_input_read(struct doc *d, const char *p)
{
	if (d->input != NULL && d->build != NULL && p >= d->input)
		d->build->in_free = (size_t)(p - d->input);
}

/* Compare spans by start, then by their order, for qsort(). */
static int
span_cmp(const void *a, const void *b)
{
	const struct span_seq	*x = a, *y = b;

	if (x->span.start != y->span.start)
		return (x->span.start < y->span.start ? -1 : 1);
	return (x->seq < y->seq ? -1 : x->seq > y->seq);
}

/*
 * Store a block whose text is clean; spans are remapped through NFC. The
 * cost is O(n log n) in the number of spans: a paragraph may hold a
 * hundred thousand of them.
 */
static void
doc_store(struct doc *d, enum block_kind kind, int level, const char *text,
    size_t len, struct doc_span *spans, size_t nspans, const char *marker)
{
	struct doc_block	*blk;
	struct strbuf		 out = STRBUF_INIT, first = STRBUF_INIT;
	struct span_seq		*ss;
	size_t			*cuts, ncuts = 0, i, *map;
	int			 changed = 0;

	if (d->nblocks >= DOC_MAX_BLOCKS) {
		d->too_many = 1;
		return;
	}
	if (len > DOC_MAX_BLOCK_LEN) {
		d->too_long = 1;
		return;
	}
	/* Cut points: every span boundary, kept exact across NFC. */
	cuts = xreallocarray(NULL, nspans * 2 + 2, sizeof *cuts);
	map = xreallocarray(NULL, nspans * 2 + 2, sizeof *map);
	cuts[ncuts++] = 0;
	for (i = 0; i < nspans; i++) {
		cuts[ncuts++] = spans[i].start;
		cuts[ncuts++] = spans[i].end;
	}
	qsort(cuts, ncuts, sizeof *cuts, cut_cmp);
	/*
	 * The normalised text goes in out from the first piece NFC changes
	 * on; until then (most often to the end) it is text itself, copied
	 * once, to where it is kept (doc_place()).
	 */
	for (i = 0; i < ncuts; i++) {
		size_t	from = cuts[i];
		size_t	to = i + 1 < ncuts ? cuts[i + 1] : len;

		map[i] = changed ? out.len : from;
		if (to <= from)
			continue;
		if (changed) {
			if (!nfc_append(&out, text + from, to - from))
				strbuf_add(&out, text + from, to - from);
		} else if (nfc_append(&first, text + from, to - from)) {
			strbuf_add(&out, text, from);
			strbuf_add(&out, first.buf, first.len);
			changed = 1;
		}
	}
	strbuf_release(&first);

	XGROW(d->blocks, d->ablocks, d->nblocks + 1);
	blk = &d->blocks[d->nblocks++];
	blk->kind = kind;
	blk->level = level;
	blk->cont = 0;
	blk->headline = 0;
	blk->marker = marker;
	if (changed) {
		blk->text = doc_place(d, out.buf, out.len);
		blk->len = out.len;
	} else {
		blk->text = doc_place(d, text, len);
		blk->len = len;
	}
	blk->nspans = nspans;
	blk->spans = NULL;
	if (nspans != 0) {
		/* Remap (equal cuts map alike: the first one is used). */
		ss = xreallocarray(NULL, nspans, sizeof *ss);
		for (i = 0; i < nspans; i++) {
			ss[i].span = spans[i];
			ss[i].seq = i;
			if (!changed)
				continue;
			ss[i].span.start = map[cut_find(cuts, ncuts,
			    spans[i].start)];
			ss[i].span.end = map[cut_find(cuts, ncuts,
			    spans[i].end)];
		}
		/* Sort by start, keeping the order of equal starts. */
		qsort(ss, nspans, sizeof *ss, span_cmp);
		blk->spans = pool_alloc(&d->pool, nspans * sizeof *blk->spans);
		for (i = 0; i < nspans; i++)
			blk->spans[i] = ss[i].span;
		free(ss);
	}
	free(cuts);
	free(map);
	strbuf_release(&out);
}

/* Turn the collected text into a block of the current kind. */
/*
 * The marker of the item block about to be stored: the item's own (its
 * number, or NULL for a bullet) on its first block, spaces as wide on its
 * later ones. The item is the nearest entry of the stack begun as one.
 */
static const char *
doc_item_marker(struct doc *d)
{
	struct doc_build	*b = d->build;
	struct build_block	*it = NULL;
	char			 buf[32];
	size_t			 i;

	for (i = b->nstack; i > 0 && it == NULL; i--) {
		if (b->stack[i - 1].item)
			it = &b->stack[i - 1];
	}
	if (it == NULL)
		return (NULL);
	if (!it->marked) {
		it->marked = 1;
		if (!it->numbered) {
			it->width = 2;		/* "• " */
			return (NULL);
		}
		snprintf(buf, sizeof buf, "%ld. ", it->number);
		it->width = (int)strlen(buf);
		return (pool_strdup(&d->pool, buf));
	}
	memset(buf, ' ', (size_t)it->width);
	buf[it->width] = '\0';
	return (pool_strdup(&d->pool, buf));
}

static void
doc_flush(struct doc *d)
{
	struct doc_build	*b = d->build;
	struct build_block	 top = doc_top(d);
	size_t			 i, len = b->text.len;
	const char		*marker = NULL;

	b->pending_space = 0;
	if (top.kind == BLOCK_PRE) {
		/* Drop trailing whitespace and leading blank lines. */
		size_t	start = 0, k;

		while (len > 0 && strchr(" \t\n", b->text.buf[len - 1]) != NULL)
			len--;
		for (k = 0; k < len && strchr(" \t\n", b->text.buf[k]); k++) {
			if (b->text.buf[k] == '\n')
				start = k + 1;
		}
		if (start != 0 && len > start) {
			memmove(b->text.buf, b->text.buf + start, len - start);
			len -= start;
			for (i = 0; i < b->ndone; i++) {
				b->done[i].start = b->done[i].start > start ?
				    b->done[i].start - start : 0;
				b->done[i].end = b->done[i].end > start ?
				    b->done[i].end - start : 0;
			}
		}
	}
	/* Close open spans at the cut; they reopen in the next block. */
	for (i = 0; i < b->nopen; i++) {
		struct build_span	*o = &b->open[i];

		if (o->start != DOC_NOPOS && o->start < len) {
			XGROW(b->done, b->adone, b->ndone + 1);
			b->done[b->ndone].kind = o->kind;
			b->done[b->ndone].start = o->start;
			b->done[b->ndone].end = len;
			b->done[b->ndone].target = o->target;
			b->ndone++;
		}
		o->start = DOC_NOPOS;
	}
	if (len != 0) {
		for (i = 0; i < b->ndone; i++) {
			if (b->done[i].end > len)
				b->done[i].end = len;
		}
		/* Drop empty spans. */
		{
			size_t	k = 0;

			for (i = 0; i < b->ndone; i++) {
				if (b->done[i].end > b->done[i].start)
					b->done[k++] = b->done[i];
			}
			b->ndone = k;
		}
		if (top.kind == BLOCK_ITEM)
			marker = doc_item_marker(d);
		doc_store(d, top.kind,
		    top.kind == BLOCK_HEADING && top.level < 1 ? 1 : top.level,
		    b->text.buf, len, b->done, b->ndone, marker);
	}
	b->ndone = 0;
	strbuf_reset(&b->text);
}

void
doc_block_begin(struct doc *d, enum block_kind kind, int level)
{
	struct doc_build	*b = d->build;
	struct build_block	 top = doc_top(d);
	struct build_block	*nb;
	int			 item;

	if (b == NULL)
		return;
	doc_flush(d);
	item = kind == BLOCK_ITEM;
	if (kind == BLOCK_PARA && b->nstack != 0 && (top.kind == BLOCK_QUOTE ||
	    top.kind == BLOCK_ITEM || top.kind == BLOCK_CAPTION ||
	    top.kind == BLOCK_HEADING || top.kind == BLOCK_PRE)) {
		kind = top.kind;
		level = top.level;
	}
	XGROW(b->stack, b->astack, b->nstack + 1);
	nb = &b->stack[b->nstack++];
	memset(nb, 0, sizeof *nb);
	nb->kind = kind;
	nb->level = level;
	nb->item = item;
}

void
doc_item_number(struct doc *d, long n)
{
	struct doc_build	*b = d->build;

	if (b == NULL || b->nstack == 0 || !b->stack[b->nstack - 1].item)
		return;
	b->stack[b->nstack - 1].numbered = 1;
	b->stack[b->nstack - 1].number = n;
}

void
doc_block_end(struct doc *d)
{
	struct doc_build	*b = d->build;

	if (b == NULL)
		return;
	doc_flush(d);
	if (b->nstack != 0)
		b->nstack--;
}

/*
 * Mark open spans that wait for text as starting here. They are always the
 * last ones opened (a flush or new text marks them all), so the loop stops
 * at the first span already started: a character costs O(1), however many
 * spans are open.
 */
static void
doc_start_spans(struct doc_build *b)
{
	size_t	i;

	for (i = b->nopen; i > 0 && b->open[i - 1].start == DOC_NOPOS; i--)
		b->open[i - 1].start = b->text.len;
}

/*
 * The length of the run at s of characters that go in as they are:
 * printable ASCII, and well-formed two-byte sequences from U+00C0 on
 * (Latin letters, Greek, Cyrillic...), none of which is a space or
 * dropped, and the single spaces between them (which stay single spaces).
 * Most of a page's text, copied at once: a line of a plain text in one
 * piece rather than word by word.
 */
static size_t
plain_run(const char *s, size_t len)
{
	size_t		i = 0;
	unsigned char	c;

	while (i < len) {
		c = (unsigned char)s[i];
		if (c > 0x20 && c < 0x7f)
			i++;
		else if (c == ' ' && i > 0 && i + 1 < len &&
		    (unsigned char)s[i + 1] > 0x20 &&
		    (unsigned char)s[i + 1] < 0x7f)
			i++;
		else if (c >= 0xc3 && c <= 0xdf && i + 1 < len &&
		    ((unsigned char)s[i + 1] & 0xc0) == 0x80)
			i += 2;
		else
			break;
	}
	return (i);
}

void
doc_text(struct doc *d, const char *s, size_t len)
{
	struct doc_build	*b = d->build;
	int			 pre = doc_top(d).kind == BLOCK_PRE;
	int32_t			 i = 0, prev;
	UChar32			 c;
	int			 bad;
	size_t			 run;

	if (b == NULL || d->too_many || d->too_long)
		return;
	if (len > INT32_MAX)
		len = INT32_MAX;
	strbuf_grow(&b->text, len);
	while (i < (int32_t)len) {
		if (!pre && (run = plain_run(s + i, len - (size_t)i)) > 0) {
			if (b->pending_space) {
				strbuf_addch(&b->text, ' ');
				b->pending_space = 0;
			}
			doc_start_spans(b);
			strbuf_add(&b->text, s + i, run);
			i += (int32_t)run;
			continue;
		}
		prev = i;
		U8_NEXT(s, i, (int32_t)len, c);
		if ((bad = (c < 0)))
			c = 0xfffd;
		if (pre) {
			if (c == '\r')
				continue;
			if (c != '\t' && c != '\n' && dropped_char(c, 0))
				continue;
		} else {
			if (c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
			    c == '\f' || c == '\v') {
				if (b->text.len != 0)
					b->pending_space = 1;
				continue;
			}
			if (dropped_char(c, 0))
				continue;
			if (b->pending_space) {
				strbuf_addch(&b->text, ' ');
				b->pending_space = 0;
			}
		}
		doc_start_spans(b);
		if (bad)
			strbuf_add(&b->text, "\xef\xbf\xbd", 3);
		else
			strbuf_add(&b->text, s + prev, (size_t)(i - prev));
	}
}

void
doc_line_break(struct doc *d)
{
	if (d->build == NULL)
		return;
	if (doc_top(d).kind == BLOCK_PRE)
		strbuf_addch(&d->build->text, '\n');
	else if (d->build->text.len != 0)
		d->build->pending_space = 1;
}

void
doc_span_begin(struct doc *d, enum span_kind kind, const char *target)
{
	struct doc_build	*b = d->build;
	struct build_span	*o;

	if (b == NULL)
		return;
	XGROW(b->open, b->aopen, b->nopen + 1);
	o = &b->open[b->nopen++];
	o->kind = kind;
	o->target = target != NULL ? doc_meta(d, target) : NULL;
	o->start = DOC_NOPOS;
}

void
doc_span_end(struct doc *d, enum span_kind kind)
{
	struct doc_build	*b = d->build;
	struct build_span	 o;
	size_t			 i;

	if (b == NULL)
		return;
	/* Close the innermost open span of this kind. */
	for (i = b->nopen; i > 0; i--) {
		if (b->open[i - 1].kind == kind)
			break;
	}
	if (i == 0)
		return;
	o = b->open[i - 1];
	memmove(&b->open[i - 1], &b->open[i],
	    (b->nopen - i) * sizeof *b->open);
	b->nopen--;
	if (o.start == DOC_NOPOS || o.start >= b->text.len)
		return;
	XGROW(b->done, b->adone, b->ndone + 1);
	b->done[b->ndone].kind = o.kind;
	b->done[b->ndone].start = o.start;
	b->done[b->ndone].end = b->text.len;
	b->done[b->ndone].target = o.target;
	b->ndone++;
}

void
doc_finish(struct doc *d)
{
	if (d->build == NULL)
		return;
	doc_flush(d);
	/* No block was stored in it: the input goes now. */
	if (d->build->in_used == 0) {
		free(d->input);
		d->input = NULL;
	}
	doc_build_free(d->build);
	d->build = NULL;
	XSHRINK(d->blocks, d->ablocks, d->nblocks);
}

void
doc_remove_block(struct doc *d, size_t i)
{
	if (i >= d->nblocks)
		return;
	memmove(&d->blocks[i], &d->blocks[i + 1],
	    (d->nblocks - i - 1) * sizeof *d->blocks);
	d->nblocks--;
}

void
doc_add_block(struct doc *d, enum block_kind kind, int level,
    const char *text, size_t len)
{
	if (d->build == NULL)
		return;
	doc_block_begin(d, kind, level);
	doc_text(d, text, len);
	doc_block_end(d);
}

size_t
doc_text_size(const struct doc *d)
{
	size_t	i, n = 0;

	for (i = 0; i < d->nblocks; i++)
		n += d->blocks[i].len;
	return (n);
}
