/*
 * The note editor's text: a UTF-8 buffer with a cursor, edited by
 * grapheme cluster, with undo (see editbuf.h).
 */
#include "config.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/utf8.h>

#include "editbuf.h"
#include "util.h"

/* Start with text (NULL: empty); the cursor at its end. */
void
eb_init(struct editbuf *eb, const char *text)
{
	memset(eb, 0, sizeof *eb);
	eb->len = text != NULL ? strlen(text) : 0;
	eb->alloc = eb->len + 64;
	eb->buf = xmalloc(eb->alloc);
	if (eb->len > 0)
		memcpy(eb->buf, text, eb->len);
	eb->buf[eb->len] = '\0';
	eb->cur = eb->len;
}

/* Free the text and the undo steps. */
void
eb_release(struct editbuf *eb)
{
	size_t	i;

	for (i = 0; i < eb->nundo; i++)
		free(eb->undo[i].text);
	free(eb->undo);
	free(eb->buf);
	memset(eb, 0, sizeof *eb);
}

const char *
eb_text(const struct editbuf *eb)
{
	return (eb->buf);
}

/*
 * Push the state before a change. typing: 0 any change, 1 a letter typed,
 * 2 a space typed. A word typed and the spaces after it share a step.
 */
static void
snapshot(struct editbuf *eb, int typing)
{
	int	join;

	join = typing != 0 && eb->typing != 0 && eb->nundo > 0 &&
	    !(eb->typing == 2 && typing == 1);
	eb->typing = typing;
	if (join)
		return;
	if (eb->nundo == EB_MAXUNDO) {
		free(eb->undo[0].text);
		memmove(eb->undo, eb->undo + 1,
		    (EB_MAXUNDO - 1) * sizeof *eb->undo);
		eb->nundo--;
	}
	XGROW(eb->undo, eb->aundo, eb->nundo + 1);
	eb->undo[eb->nundo].text = xstrdup(eb->buf);
	eb->undo[eb->nundo].cur = eb->cur;
	eb->nundo++;
}

/* Replace [start, end) with s, without a snapshot. */
static void
splice(struct editbuf *eb, size_t start, size_t end, const char *s,
    size_t len)
{
	size_t	need = eb->len - (end - start) + len + 1;

	if (need > eb->alloc) {
		eb->alloc = need + need / 2;
		eb->buf = xrealloc(eb->buf, eb->alloc);
	}
	memmove(eb->buf + start + len, eb->buf + end, eb->len - end + 1);
	if (len > 0)
		memcpy(eb->buf + start, s, len);
	eb->len = eb->len - (end - start) + len;
	eb->modified = 1;
}

void
eb_insert(struct editbuf *eb, const char *s, size_t len)
{
	if (len == 0)
		return;
	if (len > 4 || s[0] == '\n')
		snapshot(eb, 0);
	else
		snapshot(eb, s[0] == ' ' ? 2 : 1);
	splice(eb, eb->cur, eb->cur, s, len);
	eb->cur += len;
}

void
eb_insert_cp(struct editbuf *eb, int cp)
{
	char	u[4];
	int	n = 0;
	UBool	err = 0;

	if (cp < 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
		return;
	U8_APPEND((uint8_t *)u, n, 4, cp, err);
	if (!err)
		eb_insert(eb, u, (size_t)n);
}

int
eb_backspace(struct editbuf *eb)
{
	size_t	p;

	if (eb->cur == 0)
		return (0);
	p = text_prev_grapheme(eb->buf, eb->len, eb->cur);
	snapshot(eb, 0);
	splice(eb, p, eb->cur, NULL, 0);
	eb->cur = p;
	return (1);
}

int
eb_delete(struct editbuf *eb)
{
	size_t	n;

	if (eb->cur >= eb->len)
		return (0);
	n = text_next_grapheme(eb->buf, eb->len, eb->cur);
	snapshot(eb, 0);
	splice(eb, eb->cur, n, NULL, 0);
	return (1);
}

void
eb_replace(struct editbuf *eb, size_t start, size_t end, const char *s,
    size_t len)
{
	if (start > eb->len || end > eb->len || start > end)
		return;
	snapshot(eb, 0);
	splice(eb, start, end, s, len);
	eb->cur = start + len;
}

int
eb_undo(struct editbuf *eb)
{
	struct eb_snap	*sn;

	if (eb->nundo == 0)
		return (0);
	sn = &eb->undo[--eb->nundo];
	free(eb->buf);
	eb->buf = sn->text;
	eb->len = strlen(eb->buf);
	eb->alloc = eb->len + 1;
	eb->cur = sn->cur <= eb->len ? sn->cur : eb->len;
	eb->typing = 0;
	eb->modified = 1;
	return (1);
}

int
eb_right(struct editbuf *eb)
{
	if (eb->cur >= eb->len)
		return (0);
	eb->cur = text_next_grapheme(eb->buf, eb->len, eb->cur);
	eb->typing = 0;
	return (1);
}

int
eb_left(struct editbuf *eb)
{
	if (eb->cur == 0)
		return (0);
	eb->cur = text_prev_grapheme(eb->buf, eb->len, eb->cur);
	eb->typing = 0;
	return (1);
}

void
eb_home(struct editbuf *eb)
{
	while (eb->cur > 0 && eb->buf[eb->cur - 1] != '\n')
		eb->cur--;
	eb->typing = 0;
}

void
eb_end(struct editbuf *eb)
{
	while (eb->cur < eb->len && eb->buf[eb->cur] != '\n')
		eb->cur++;
	eb->typing = 0;
}

size_t
eb_wrap(const struct editbuf *eb, int width, const char *lang,
    struct text_line **lines, size_t *alloc)
{
	struct text_line	*pl = NULL;
	size_t			 apl = 0, n = 0, np, i, ps = 0, pe;
	const char		*nl;

	for (;;) {
		nl = memchr(eb->buf + ps, '\n', eb->len - ps);
		pe = nl != NULL ? (size_t)(nl - eb->buf) : eb->len;
		if (pe == ps) {
			XGROW(*lines, *alloc, n + 1);
			(*lines)[n].start = (*lines)[n].end = ps;
			(*lines)[n].width = 0;
			n++;
		} else {
			np = text_wrap(eb->buf + ps, pe - ps, width, lang, &pl,
			    &apl);
			for (i = 0; i < np; i++) {
				XGROW(*lines, *alloc, n + 1);
				(*lines)[n] = pl[i];
				(*lines)[n].start += ps;
				(*lines)[n].end += ps;
				n++;
			}
		}
		if (nl == NULL)
			break;
		ps = pe + 1;
	}
	free(pl);
	assert(n >= 1);		/* an empty text is one empty line */
	return (n);
}

size_t
eb_cursor_line(const struct editbuf *eb, const struct text_line *l, size_t n,
    int *col)
{
	size_t	i, k = 0;

	for (i = 0; i < n; i++) {
		if (l[i].start <= eb->cur)
			k = i;
		else
			break;
	}
	/* Spaces between wrapped lines belong to the line before. */
	if (col != NULL)
		*col = text_width(eb->buf + l[k].start, eb->cur - l[k].start);
	return (k);
}

int
eb_vertical(struct editbuf *eb, const struct text_line *l, size_t n, int dir)
{
	size_t	k, t, p, e, q;
	int	col, w = 0, gw;

	k = eb_cursor_line(eb, l, n, &col);
	if ((dir < 0 && k == 0) || (dir > 0 && k + 1 >= n))
		return (0);
	t = dir < 0 ? k - 1 : k + 1;
	p = l[t].start;
	/* The line runs to the next line's start (or its paragraph end). */
	e = t + 1 < n ? l[t + 1].start : eb->len;
	if (e > p && e <= eb->len && eb->buf[e - 1] == '\n')
		e--;
	while (p < e) {
		q = text_next_grapheme(eb->buf, eb->len, p);
		if (q > e)
			break;
		gw = text_width(eb->buf + p, q - p);
		if (w + gw > col)
			break;
		w += gw;
		p = q;
	}
	eb->cur = p;
	eb->typing = 0;
	return (1);
}
