/*
 * Pure layout: pieces of text to display lines. No terminal here, so the
 * tests check it directly and dump and the reader share it.
 *
 * Right-to-left text: a paragraph whose first strong character is right to
 * left (Arabic, Hebrew) is laid out as any (wrapping is logical, by UAX
 * #14), its lines marked rtl so that dump and the reader right-align them;
 * each line is put in visual order when it is shown (layout_visual(), ICU's
 * ubidi on the line at its paragraph's level), as terminals show the
 * characters they are given from left to right. The map it returns takes
 * a visual byte back to its place in the text, so styles, focus, search and
 * clicks stay on logical offsets.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <unicode/ubidi.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/uloc.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include "layout.h"
#include "safe.h"
#include "text.h"
#include "text-icu.h"

/* How far into a document a heading that repeats the title is looked for. */
#define HEADLINE_SCAN	8
/* A byline is cut to no fewer columns than this to keep the date. */
#define BYLINE_MIN	8

static const char meta_sep[] = " \xc2\xb7 ";	/* " · " */
static const char ellipsis[] = "\xe2\x80\xa6";	/* "…" */

/*
 * Indent and marker of a block kind: a list item's bullet or number
 * ("3. ", doc_block.marker) and its width, by which its other lines hang
 * (an item's later blocks have spaces for a marker and hang alike).
 */
static void
block_decor(const struct doc_block *b, int width, int *indent,
    const char **prefix, int *pw)
{
	*indent = 0;
	*prefix = NULL;
	*pw = 0;
	switch (b->kind) {
	case BLOCK_QUOTE:
		*indent = 2 * (b->level > 0 ? b->level : 1);
		break;
	case BLOCK_ITEM:
		*indent = 2 * (b->level > 1 ? b->level - 1 : 0);
		if (b->marker == NULL) {
			*prefix = "\xe2\x80\xa2 ";	/* "• " */
			*pw = 2;
		} else {
			/* ASCII: "12. ", or spaces on an item's later
			 * blocks. */
			*prefix = b->marker;
			*pw = (int)strlen(b->marker);
		}
		break;
	case BLOCK_PRE:
		*indent = 2;
		break;
	default:
		break;
	}
	/* Never let decoration eat a narrow column. */
	if (*indent + 2 > width / 3)
		*indent = 0;
	if (width < 8 || *pw > width / 3) {
		*prefix = NULL;
		*pw = 0;
	}
}

void
layout_column(const struct doc *d, const char *lang,
    const struct layout_piece *pieces, size_t npieces, int width,
    struct layout_line **lines, size_t *n, size_t *alloc)
{
	struct text_line	*tl = NULL;	/* threads lay out too */
	size_t			 atl = 0;
	size_t			 i = 0, j, k, ntl, prev_block = DOC_NOPOS;
	const struct doc_block	*b;
	int			 indent, avail, pw, rtl;
	const char		*prefix;

	while (i < npieces) {
		size_t	start = pieces[i].start, end = pieces[i].end;

		if (pieces[i].block >= d->nblocks) {
			i++;
			continue;
		}
		b = &d->blocks[pieces[i].block];
		/* Merge the following pieces of the same block. */
		for (j = i + 1; j < npieces &&
		    pieces[j].block == pieces[i].block; j++) {
			if (pieces[j].start < start)
				start = pieces[j].start;
			if (pieces[j].end > end)
				end = pieces[j].end;
		}
		if (end > b->len)
			end = b->len;
		if (start > end)
			start = end;
		if (prev_block != DOC_NOPOS) {
			XGROW(*lines, *alloc, *n + 1);
			memset(&(*lines)[*n], 0, sizeof **lines);
			(*lines)[*n].block = DOC_NOPOS;
			(*n)++;
		}
		block_decor(b, width, &indent, &prefix, &pw);
		/* The marker goes where the item starts, not mid-item. */
		if (start > 0)
			prefix = NULL;
		avail = width - indent - pw;
		if (avail < 1)
			avail = 1;
		ntl = text_wrap(b->text + start, end - start, avail, lang, &tl,
		    &atl);
		rtl = layout_rtl(b->text, b->len, lang);
		for (k = 0; k < ntl; k++) {
			struct layout_line	*l;

			XGROW(*lines, *alloc, *n + 1);
			l = &(*lines)[(*n)++];
			l->block = pieces[i].block;
			l->start = start + tl[k].start;
			l->end = start + tl[k].end;
			l->width = tl[k].width;
			l->indent = indent + (prefix != NULL && k == 0 ? 0 :
			    pw);
			l->prefix = k == 0 ? prefix : NULL;
			l->header = 0;
			l->rtl = rtl;
		}
		prev_block = pieces[i].block;
		i = j;
	}
	free(tl);
}

void
layout_geometry(int total, int ncols, int maxw, int gutter,
    struct layout_geom *g)
{
	int	used;

	if (ncols < 1)
		ncols = 1;
	if (total < ncols)
		total = ncols;
	g->ncols = ncols;
	g->gutter = ncols > 1 ? gutter : 0;
	g->colw = (total - g->gutter * (ncols - 1)) / ncols;
	if (g->colw < 1) {
		g->gutter = 0;
		g->colw = total / ncols;
	}
	if (maxw > 0 && g->colw > maxw)
		g->colw = maxw;
	used = g->colw * ncols + g->gutter * (ncols - 1);
	g->left = (total - used) / 2;
}

void
layout_sentences(const struct doc *d, const char *lang,
    const struct text_sentence *t, size_t nt, int width,
    struct layout_line **lines, size_t *n, size_t *alloc)
{
	struct layout_piece	 stack[8], *pieces = stack;
	size_t			 s;

	if (nt == 0)
		return;
	if (nt > nitems(stack))
		pieces = xreallocarray(NULL, nt, sizeof *pieces);
	for (s = 0; s < nt; s++) {
		pieces[s].block = t[s].block;
		pieces[s].start = t[s].start;
		pieces[s].end = t[s].end;
	}
	layout_column(d, lang, pieces, nt, width, lines, n, alloc);
	if (pieces != stack)
		free(pieces);
}

/*
 * The block that is the document's title: the one the loader marked, else
 * a heading near the start whose text is the title (the plain text,
 * Markdown and XML loaders take the title from such a heading).
 */
static size_t
header_headline(const struct doc *d)
{
	size_t	i;

	for (i = 0; i < d->nblocks; i++) {
		if (d->blocks[i].headline)
			return (i);
	}
	if (d->title == NULL)
		return (DOC_NOPOS);
	for (i = 0; i < d->nblocks && i < HEADLINE_SCAN; i++) {
		if (d->blocks[i].kind == BLOCK_HEADING &&
		    strcmp(d->blocks[i].text, d->title) == 0)
			return (i);
	}
	return (DOC_NOPOS);
}

/* An escaped copy of s, or NULL when s is NULL or empty. */
static char *
header_escape(const char *s, size_t len)
{
	struct strbuf	sb = STRBUF_INIT;

	if (s == NULL || len == 0)
		return (NULL);
	safe_escape(&sb, s, len, 0);
	return (strbuf_detach(&sb, NULL));
}

/*
 * The length of the date to show: an ISO 8601 timestamp's date part
 * ("2024-07-12" of "2024-07-12T09:30:00+02:00"), else all of it.
 */
static size_t
header_date_len(const char *s)
{
	static const char	 pat[] = "dddd-dd-dd";
	size_t			 i, len = strlen(s);

	if (len < sizeof pat - 1)
		return (len);
	for (i = 0; i < sizeof pat - 1; i++) {
		if (pat[i] == 'd' ? (s[i] < '0' || s[i] > '9') : s[i] != '-')
			return (len);
	}
	if (s[i] == '\0' || s[i] == 'T' || s[i] == 't' || s[i] == ' ')
		return (i);
	return (len);
}

void
layout_header_init(struct layout_header *h, const struct doc *d)
{
	struct strbuf	 sb = STRBUF_INIT;
	const char	*by = d->byline;

	memset(h, 0, sizeof *h);
	h->headline = header_headline(d);
	if (h->headline == DOC_NOPOS && d->title != NULL)
		h->title = header_escape(d->title, strlen(d->title));
	if (by != NULL)
		h->byline = header_escape(by, strlen(by));
	if (d->date != NULL)
		safe_escape(&sb, d->date, header_date_len(d->date), 0);
	/* A site named like the byline is said once. */
	if (d->site != NULL && (by == NULL || strcasecmp(d->site, by) != 0)) {
		if (sb.len > 0)
			strbuf_addstr(&sb, meta_sep);
		safe_escape(&sb, d->site, strlen(d->site), 0);
	}
	if (sb.len > 0)
		h->rest = strbuf_detach(&sb, NULL);
	strbuf_release(&sb);
}

void
layout_header_release(struct layout_header *h)
{
	free(h->title);
	free(h->byline);
	free(h->rest);
	memset(h, 0, sizeof *h);
	h->headline = DOC_NOPOS;
}

int
layout_header_has_title(const struct layout_header *h)
{
	return (h->headline != DOC_NOPOS || h->title != NULL);
}

size_t
layout_fit(const char *s, size_t len, int width, int *w)
{
	size_t	pos = 0, next;
	int	used = 0, gw;

	while (pos < len) {
		next = text_next_grapheme(s, len, pos);
		if (next <= pos)
			break;
		gw = text_grapheme_width(s + pos, next - pos);
		if (used + gw > width)
			break;
		used += gw;
		pos = next;
	}
	if (w != NULL)
		*w = used;
	return (pos);
}

/*
 * Append the start of s that fits in width with the ellipsis (no spaces
 * before it) to sb; returns its width.
 */
static int
header_cut(struct strbuf *sb, const char *s, size_t len, int width)
{
	size_t	n;
	int	w;

	if (width < 1)
		return (0);
	n = layout_fit(s, len, width - 1, &w);
	while (n > 0 && s[n - 1] == ' ') {
		n--;
		w--;
	}
	strbuf_add(sb, s, n);
	strbuf_addstr(sb, ellipsis);
	return (w + 1);
}

int
layout_header_meta(const struct layout_header *h, int width,
    struct strbuf *sb)
{
	struct strbuf	 all = STRBUF_INIT;
	int		 bw = 0, rw = 0, sw = 0, w;

	if ((h->byline == NULL && h->rest == NULL) || width < 1)
		return (0);
	if (h->byline != NULL)
		bw = text_width(h->byline, strlen(h->byline));
	if (h->rest != NULL)
		rw = text_width(h->rest, strlen(h->rest));
	if (h->byline != NULL && h->rest != NULL)
		sw = text_width(meta_sep, strlen(meta_sep));
	if (bw + sw + rw <= width) {
		if (h->byline != NULL)
			strbuf_addstr(sb, h->byline);
		if (sw > 0)
			strbuf_addstr(sb, meta_sep);
		if (h->rest != NULL)
			strbuf_addstr(sb, h->rest);
		return (bw + sw + rw);
	}
	/* Cut the byline, keeping the date and site, when there is room. */
	if (h->byline != NULL && h->rest != NULL &&
	    width - sw - rw >= BYLINE_MIN) {
		w = header_cut(sb, h->byline, strlen(h->byline),
		    width - sw - rw);
		strbuf_addstr(sb, meta_sep);
		strbuf_addstr(sb, h->rest);
		return (w + sw + rw);
	}
	if (h->byline != NULL)
		strbuf_addstr(&all, h->byline);
	if (sw > 0)
		strbuf_addstr(&all, meta_sep);
	if (h->rest != NULL)
		strbuf_addstr(&all, h->rest);
	w = header_cut(sb, all.buf, all.len, width);
	strbuf_release(&all);
	return (w);
}

/* Does line l end its block (only spaces after it)? */
static int
header_ends_block(const struct doc *d, const struct layout_line *l)
{
	const struct doc_block	*b = &d->blocks[l->block];
	size_t			 i;

	for (i = l->end; i < b->len; i++) {
		if (b->text[i] != ' ')
			return (0);
	}
	return (1);
}

/* Append a header line of kind (0: blank). */
static struct layout_line *
header_line(struct layout_line **lines, size_t *n, size_t *alloc, int kind)
{
	struct layout_line	*l;

	XGROW(*lines, *alloc, *n + 1);
	l = &(*lines)[(*n)++];
	memset(l, 0, sizeof *l);
	l->block = DOC_NOPOS;
	l->header = kind;
	return (l);
}

/* Move lines [end, *n) to index at, the lines [at, end) after them. */
static void
header_rotate(struct layout_line *lines, size_t at, size_t end, size_t n)
{
	struct layout_line	*tmp;
	size_t			 k = n - end;

	if (k == 0 || at >= end)
		return;
	tmp = xreallocarray(NULL, k, sizeof *tmp);
	memcpy(tmp, lines + end, k * sizeof *tmp);
	memmove(lines + at + k, lines + at, (end - at) * sizeof *tmp);
	memcpy(lines + at, tmp, k * sizeof *tmp);
	free(tmp);
}

void
layout_header_add(const struct layout_header *h, const struct doc *d,
    const char *lang, int width, int first, struct layout_line **lines,
    size_t from, size_t *n, size_t *alloc)
{
	struct strbuf		 sb = STRBUF_INIT;
	struct text_line	*tl = NULL;
	struct layout_line	*l;
	size_t			 i, at = DOC_NOPOS, end = *n, ntl, atl = 0;
	int			 mw;

	if (width < 1)
		width = 1;
	if (h->headline != DOC_NOPOS) {
		if (h->byline == NULL && h->rest == NULL)
			return;
		for (i = from; i < end; i++) {
			if ((*lines)[i].block == h->headline)
				at = i;
		}
		if (at == DOC_NOPOS || !header_ends_block(d, &(*lines)[at]))
			return;
		mw = layout_header_meta(h, width, &sb);
		strbuf_release(&sb);
		header_line(lines, n, alloc, LAYOUT_META)->width = mw;
		header_rotate(*lines, at + 1, end, *n);
		return;
	}
	if (!first)
		return;
	mw = layout_header_meta(h, width, &sb);
	strbuf_release(&sb);
	if (h->title == NULL && mw == 0)
		return;
	if (h->title != NULL) {
		ntl = text_wrap(h->title, strlen(h->title), width, lang, &tl,
		    &atl);
		for (i = 0; i < ntl; i++) {
			l = header_line(lines, n, alloc, LAYOUT_TITLE);
			l->start = tl[i].start;
			l->end = tl[i].end;
			l->width = tl[i].width;
			l->rtl = layout_rtl(h->title, strlen(h->title), lang);
		}
		free(tl);
	}
	if (mw > 0)
		header_line(lines, n, alloc, LAYOUT_META)->width = mw;
	if (end > from)
		header_line(lines, n, alloc, 0);
	header_rotate(*lines, from, end, *n);
}

int
layout_header_row(const struct layout_line *lines, size_t from, size_t n)
{
	size_t	i;

	for (i = from; i < n; i++) {
		if (lines[i].block == DOC_NOPOS &&
		    lines[i].header == LAYOUT_META)
			return ((int)(i - from));
	}
	return (-1);
}

void
layout_header_level(struct layout_line **lines, size_t from, size_t *n,
    size_t *alloc, int row)
{
	size_t	at, end = *n;
	int	r, k;

	if ((r = layout_header_row(*lines, from, *n)) < 0 || r >= row)
		return;
	at = from + (size_t)r;
	for (k = r; k < row; k++)
		header_line(lines, n, alloc, 0);
	header_rotate(*lines, at, end, *n);
}

int
layout_rtl(const char *s, size_t len, const char *lang)
{
	int32_t	i = 0, n = len > INT32_MAX ? INT32_MAX : (int32_t)len;
	UChar32	c;

	while (i < n) {
		U8_NEXT(s, i, n, c);
		if (c < 0)
			continue;
		switch (u_charDirection(c)) {
		case U_LEFT_TO_RIGHT:
			return (0);
		case U_RIGHT_TO_LEFT:
		case U_RIGHT_TO_LEFT_ARABIC:
			return (1);
		default:
			break;
		}
	}
	return (lang != NULL && uloc_isRightToLeft(lang));
}

/* Append bytes [a, b) of s to out, each mapped to m (or itself: m -1). */
static void
visual_add(struct strbuf *out, size_t **map, size_t *amap, const char *s,
    size_t a, size_t b, size_t m)
{
	size_t	i;

	strbuf_add(out, s + a, b - a);
	XGROW(*map, *amap, out->len);
	for (i = a; i < b; i++)
		(*map)[out->len - (b - i)] = m == (size_t)-1 ? i : m;
}

/*
 * Append bytes [a, b) of s, a right-to-left run, grapheme by grapheme from
 * the last, a mirrored first character swapped for its mirror.
 */
static void
visual_rtl_run(struct strbuf *out, size_t **map, size_t *amap, const char *s,
    size_t a, size_t b)
{
	UBreakIterator	*bi;
	size_t		*cut, ncut = 0, acut = 0, k, g0, g1;
	int32_t		 e, i;
	UChar32		 c, m;
	char		 u[U8_MAX_LENGTH];

	cut = NULL;
	bi = text_icu_break(UBRK_CHARACTER, NULL, s + a, b - a);
	XGROW(cut, acut, 1);
	cut[ncut++] = a;
	if (bi != NULL) {
		ubrk_first(bi);
		while ((e = ubrk_next(bi)) != UBRK_DONE && (size_t)e < b - a) {
			XGROW(cut, acut, ncut + 1);
			cut[ncut++] = a + (size_t)e;
		}
	}
	for (k = ncut; k > 0; k--) {
		g0 = cut[k - 1];
		g1 = k < ncut ? cut[k] : b;
		i = 0;
		U8_NEXT(s + g0, i, (int32_t)(g1 - g0), c);
		m = c >= 0 && u_isMirrored(c) ? u_charMirror(c) : c;
		if (m != c && m >= 0) {
			i = 0;
			U8_APPEND_UNSAFE(u, i, m);
			visual_add(out, map, amap, u, 0, (size_t)i, g0);
			i = U8_LENGTH(c);
			visual_add(out, map, amap, s, g0 + (size_t)i, g1, g0);
		} else
			visual_add(out, map, amap, s, g0, g1, g0);
	}
	free(cut);
}

int
layout_visual(const char *s, size_t len, int rtl, struct strbuf *out,
    size_t **map, size_t *amap)
{
	UBiDi		*bidi;
	UChar		*u;
	size_t		*at, i, a, b;
	int32_t		 k, n = 0, nruns, r, ls, ln;
	UChar32		 c;
	UErrorCode	 ec = U_ZERO_ERROR;
	UBiDiDirection	 dir;

	if (len == 0 || len > INT32_MAX / 2)
		return (0);
	/* Nothing before U+0590 is right to left: most lines stop here. */
	if (!rtl) {
		for (i = 0; i < len && (unsigned char)s[i] < 0xd6; i++)
			;
		if (i == len)
			return (0);
	}
	/* UTF-16 for ubidi, with the byte each unit comes from. */
	u = xreallocarray(NULL, len + 1, sizeof *u);
	at = xreallocarray(NULL, len + 1, sizeof *at);
	k = 0;
	while ((size_t)k < len) {
		i = (size_t)k;
		U8_NEXT(s, k, (int32_t)len, c);
		if (c < 0)
			c = 0xfffd;
		/* Shown escaped, a bidi control orders nothing. */
		if (u_hasBinaryProperty(c, UCHAR_BIDI_CONTROL))
			c = ' ';
		if (U16_LENGTH(c) == 2)
			at[n + 1] = i;
		at[n] = i;
		U16_APPEND_UNSAFE(u, n, c);
	}
	at[n] = len;
	bidi = ubidi_openSized(n, 0, &ec);
	if (U_SUCCESS(ec))
		ubidi_setPara(bidi, u, n, rtl ? UBIDI_RTL : UBIDI_LTR, NULL,
		    &ec);
	if (U_FAILURE(ec) || ((dir = ubidi_getDirection(bidi)) == UBIDI_LTR &&
	    !rtl)) {
		if (bidi != NULL)
			ubidi_close(bidi);
		free(u);
		free(at);
		return (0);
	}
	strbuf_reset(out);
	nruns = ubidi_countRuns(bidi, &ec);
	for (r = 0; U_SUCCESS(ec) && r < nruns; r++) {
		dir = ubidi_getVisualRun(bidi, r, &ls, &ln);
		a = at[ls];
		b = at[ls + ln];
		if (dir == UBIDI_RTL)
			visual_rtl_run(out, map, amap, s, a, b);
		else
			visual_add(out, map, amap, s, a, b, (size_t)-1);
	}
	ubidi_close(bidi);
	free(u);
	free(at);
	if (U_FAILURE(ec)) {
		/* Never show half a line: its own order then. */
		strbuf_reset(out);
		return (0);
	}
	return (1);
}
