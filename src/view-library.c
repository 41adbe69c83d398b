/*
 * The library screen: a list of articles (the library, last read first,
 * or a folder's articles), each with its title, languages, site, when it
 * was last read and its notes; a filter typed after / (case and accents
 * ignored, text.h's search); d forgets an article (its notes kept unless
 * asked); m shows the notes of every article grouped by article, to open
 * one at a note. It renders into a grid like the view, and its keys come
 * as view events; the reader opens what Enter chose.
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <unicode/utf8.h>

#include "text.h"
#include "theme.h"
#include "view-int.h"
#include "view-library.h"

/* A row of the list: an article, or one of its notes (notes shown). */
struct lrow {
	size_t	entry;
	size_t	note;			/* index in notes, or DOC_NOPOS */
};

struct libview {
	struct library	*lib;
	int		 over;		/* an article is open behind */
	int		 w, h;

	int		 shownotes;	/* the notes of every article */
	struct note	*notes;		/* loaded when first shown */
	size_t		 nnotes;
	int		 loaded;

	struct lrow	*rows;		/* what passes the filter */
	size_t		 nrows;
	size_t		 arows;
	size_t		 sel;
	size_t		 top;

	struct strbuf	 filter;
	int		 prompt;	/* typing the filter */
	int		 confirm;	/* d: asking whether to forget */
	char		*msg;
	struct strbuf	 sb;

	size_t		 chosen;	/* entry, after LIBVIEW_OPEN */
	int64_t		 chosen_note;
};

/* Rows above and below the list: the title and the status line. */
#define LV_TOP	2

static int
lv_rows_shown(const struct libview *lv)
{
	return (lv->h - LV_TOP - 1 > 1 ? lv->h - LV_TOP - 1 : 1);
}

/* Does note n hold what ts seeks? */
static int
note_match(const struct note *n, struct text_search *ts)
{
	struct text_range	m;
	const char		*s[2] = { n->rec.text, n->rec.sel.exact };
	size_t			 i;

	for (i = 0; i < nitems(s); i++) {
		if (s[i] != NULL && *s[i] != '\0' &&
		    text_search_next(ts, s[i], strlen(s[i]), 0, &m) == 1)
			return (1);
	}
	return (0);
}

/* Add a row. */
static void
lv_add(struct libview *lv, size_t entry, size_t note)
{
	XGROW(lv->rows, lv->arows, lv->nrows + 1);
	lv->rows[lv->nrows].entry = entry;
	lv->rows[lv->nrows].note = note;
	lv->nrows++;
}

/*
 * Make the rows again: the entries passing the filter, with their notes
 * when the notes are shown (an article whose notes match passes too).
 * The selection stays on its entry and note where it can.
 */
static void
lv_filter(struct libview *lv)
{
	struct text_search	*ts = NULL;
	struct lrow		 was = { DOC_NOPOS, DOC_NOPOS };
	size_t			 i, k = 0, first;
	int			 hit;

	if (lv->sel < lv->nrows)
		was = lv->rows[lv->sel];
	if (lv->filter.len > 0)
		ts = text_search_create(lv->filter.buf, NULL);
	lv->nrows = 0;
	for (i = 0; i < lv->lib->n; i++) {
		hit = ts == NULL || library_match(&lv->lib->v[i], ts);
		if (!lv->shownotes) {
			if (hit)
				lv_add(lv, i, DOC_NOPOS);
			continue;
		}
		/* library_notes() grouped them in the entries' order. */
		first = lv->nrows;
		lv_add(lv, i, DOC_NOPOS);
		for (; k < lv->nnotes &&
		    lv->notes[k].rec.article == lv->lib->v[i].id; k++) {
			if (hit || note_match(&lv->notes[k], ts))
				lv_add(lv, i, k);
		}
		/* An article without notes, or none passing: left out. */
		if (lv->nrows == first + 1)
			lv->nrows = first;
	}
	text_search_free(ts);
	lv->sel = 0;
	for (i = 0; i < lv->nrows; i++) {
		if (lv->rows[i].entry == was.entry &&
		    lv->rows[i].note == was.note) {
			lv->sel = i;
			break;
		}
		if (lv->rows[i].entry == was.entry && lv->sel == 0)
			lv->sel = i;
	}
}

struct libview *
libview_create(struct library *lib, int over_article, int w, int h)
{
	struct libview	*lv;

	lv = xcalloc(1, sizeof *lv);
	lv->lib = lib;
	lv->over = over_article;
	lv->w = w;
	lv->h = h;
	strbuf_init(&lv->filter, 0);
	strbuf_init(&lv->sb, 0);
	lv_filter(lv);
	return (lv);
}

void
libview_free(struct libview *lv)
{
	if (lv == NULL)
		return;
	note_free_array(lv->notes, lv->nnotes);
	free(lv->rows);
	strbuf_release(&lv->filter);
	strbuf_release(&lv->sb);
	free(lv->msg);
	free(lv);
}

void
libview_message(struct libview *lv, const char *fmt, ...)
{
	va_list	ap;

	free(lv->msg);
	va_start(ap, fmt);
	lv->msg = xvstrprintf(fmt, ap);
	va_end(ap);
}

const struct library_entry *
libview_chosen(const struct libview *lv, int64_t *note)
{
	*note = lv->chosen_note;
	if (lv->chosen >= lv->lib->n)
		return (NULL);
	return (&lv->lib->v[lv->chosen]);
}

/* Show or hide the notes of every article. */
static void
lv_toggle_notes(struct libview *lv)
{
	char	*cause = NULL;

	if (lv->lib->st == NULL) {
		libview_message(lv, "no notes here: a folder's articles");
		return;
	}
	if (!lv->loaded) {
		if (library_notes(lv->lib, &lv->notes, &lv->nnotes,
		    &cause) != 0) {
			libview_message(lv, "%s", cause);
			free(cause);
			return;
		}
		lv->loaded = 1;
	}
	lv->shownotes = !lv->shownotes;
	lv_filter(lv);
}

/* Choose the selected row. */
static int
lv_open(struct libview *lv)
{
	const struct lrow	*r;

	if (lv->sel >= lv->nrows)
		return (VIEW_REDRAW);
	r = &lv->rows[lv->sel];
	lv->chosen = r->entry;
	lv->chosen_note = r->note != DOC_NOPOS ?
	    lv->notes[r->note].rec.id : 0;
	return (LIBVIEW_OPEN | VIEW_REDRAW);
}

/* Forget the selected article (its notes too with with_notes). */
static void
lv_forget(struct libview *lv, int with_notes)
{
	struct library_entry	*e;
	struct note		*v;
	char			*cause = NULL, *title;
	size_t			 notes, i, k, sel;

	e = &lv->lib->v[lv->rows[lv->sel].entry];
	title = xstrdup(e->title);
	notes = e->notes;
	if (library_forget(lv->lib, lv->rows[lv->sel].entry, with_notes,
	    &cause) != 0) {
		libview_message(lv, "not forgotten: %s", cause);
		free(cause);
		free(title);
		return;
	}
	/* The notes shown: those of the entries left. */
	v = lv->notes;
	for (i = k = 0; i < lv->nnotes; i++) {
		if (library_find(lv->lib, v[i].rec.article) < 0)
			note_release(&v[i]);
		else
			v[k++] = v[i];
	}
	lv->nnotes = k;
	if (notes == 0 || with_notes)
		libview_message(lv, "forgot '%s'", title);
	else
		libview_message(lv, "forgot '%s'; its %zu note%s kept "
		    "(polyread notes list)", title, notes,
		    notes == 1 ? " is" : "s are");
	free(title);
	/* The rows point at entries that moved: made again, the selection
	 * on the row that took the forgotten one's place. */
	sel = lv->sel;
	lv->sel = lv->nrows;
	lv_filter(lv);
	lv->sel = PR_MIN(sel, lv->nrows > 0 ? lv->nrows - 1 : 0);
}

/* A key while asking whether to forget. */
static int
lv_confirm_key(struct libview *lv, int32_t key)
{
	const struct library_entry	*e;

	lv->confirm = 0;
	if (lv->sel >= lv->nrows)
		return (VIEW_REDRAW);
	e = &lv->lib->v[lv->rows[lv->sel].entry];
	if (key == 'y' || key == 'Y')
		lv_forget(lv, 0);
	else if (key == 'D' && e->notes > 0)
		lv_forget(lv, 1);
	else
		libview_message(lv, "not forgotten");
	return (VIEW_REDRAW);
}

/* A key while typing the filter. */
static int
lv_prompt_key(struct libview *lv, int32_t key)
{
	struct strbuf	*in = &lv->filter;
	char		 u[8];
	int32_t		 n = 0;
	UBool		 err = 0;

	switch (key) {
	case PRKEY_ESC:
	case PRKEY_CTRL('g'):
	case PRKEY_CTRL('c'):
		strbuf_reset(in);
		lv->prompt = 0;
		break;
	case PRKEY_ENTER:
	case PRKEY_CTRL('j'):
		lv->prompt = 0;
		return (VIEW_REDRAW);
	case PRKEY_BACKSPACE:
	case PRKEY_CTRL('h'):
		if (in->len == 0)
			lv->prompt = 0;
		else
			strbuf_setlen(in, text_prev_grapheme(in->buf, in->len,
			    in->len));
		break;
	case PRKEY_CTRL('u'):
		strbuf_reset(in);
		break;
	default:
		if (key < 0x20 || key >= 0x110000 || key == 0x7f ||
		    (key >= 0x80 && key < 0xa0) || in->len > 256)
			return (0);
		U8_APPEND(u, n, (int32_t)sizeof u, key, err);
		if (!err)
			strbuf_add(in, u, (size_t)n);
		break;
	}
	lv_filter(lv);
	return (VIEW_REDRAW);
}

/* A key on the list. */
static int
lv_key(struct libview *lv, int32_t key)
{
	long	page = lv_rows_shown(lv) > 2 ? lv_rows_shown(lv) - 1 : 1;

	if (vlist_nav(key, &lv->sel, lv->nrows, page))
		return (VIEW_REDRAW);
	switch (key) {
	case PRKEY_ENTER:
		return (lv_open(lv));
	case '/':
		lv->prompt = 1;
		strbuf_reset(&lv->filter);
		lv_filter(lv);
		break;
	case 'd':
		if (lv->lib->st == NULL)
			libview_message(lv, "a folder's articles are not "
			    "forgotten: delete the files");
		else if (lv->sel < lv->nrows)
			lv->confirm = 1;
		break;
	case 'm':
	case PRKEY_TAB:
		lv_toggle_notes(lv);
		break;
	case PRKEY_ESC:
		if (lv->filter.len > 0) {
			strbuf_reset(&lv->filter);
			lv_filter(lv);
			break;
		}
		/* FALLTHROUGH */
	case 'q':
	case 'Q':
	case 'B':
		if (lv->over)
			return (LIBVIEW_BACK | VIEW_REDRAW);
		if (key == 'B' || key == PRKEY_ESC)
			break;
		return (VIEW_QUIT);
	case PRKEY_CTRL('l'):
		return (VIEW_REDRAW | VIEW_CLEAR);
	default:
		return (0);
	}
	return (VIEW_REDRAW);
}

/* The row on screen row y (the list starts at LV_TOP), or DOC_NOPOS. */
static size_t
lv_row_at(const struct libview *lv, int y)
{
	size_t	i;

	if (y < LV_TOP || y >= LV_TOP + lv_rows_shown(lv))
		return (DOC_NOPOS);
	i = lv->top + (size_t)(y - LV_TOP);
	return (i < lv->nrows ? i : DOC_NOPOS);
}

int
libview_event(struct libview *lv, const struct view_event *ev)
{
	size_t	i;

	switch (ev->kind) {
	case VIEW_EV_RESIZE:
		lv->w = ev->x;
		lv->h = ev->y;
		return (VIEW_REDRAW | VIEW_CLEAR);
	case VIEW_EV_MOUSE:
		if (ev->button == VIEW_WHEEL_UP)
			vlist_step(&lv->sel, lv->nrows, -3);
		else if (ev->button == VIEW_WHEEL_DOWN)
			vlist_step(&lv->sel, lv->nrows, 3);
		else if (ev->button == VIEW_BUTTON1 &&
		    (i = lv_row_at(lv, ev->y)) != DOC_NOPOS) {
			lv->sel = i;
			return (lv_open(lv));
		} else
			return (0);
		return (VIEW_REDRAW);
	case VIEW_EV_KEY:
		break;
	}
	free(lv->msg);
	lv->msg = NULL;
	if (lv->confirm)
		return (lv_confirm_key(lv, ev->key));
	if (lv->prompt)
		return (lv_prompt_key(lv, ev->key) | VIEW_REDRAW);
	return (lv_key(lv, ev->key) | VIEW_REDRAW);
}

/* "2026-12-06 10:15" in local time for an ISO 8601 UTC time. */
static void
lv_date(const char *iso, char *buf, size_t size)
{
	struct tm	tm;
	time_t		t;

	memset(&tm, 0, sizeof tm);
	if (iso == NULL || strptime(iso, "%Y-%m-%dT%H:%M:%S", &tm) == NULL) {
		snprintf(buf, size, "%s", iso != NULL ? iso : "");
		return;
	}
	t = timegm(&tm);
	if (localtime_r(&t, &tm) == NULL ||
	    strftime(buf, size, "%Y-%m-%d %H:%M", &tm) == 0)
		snprintf(buf, size, "%s", iso);
}

/* "3 notes, 1 orphan" ("" for none). */
static void
lv_count(const struct library_entry *e, char *buf, size_t size)
{
	if (e->notes == 0)
		*buf = '\0';
	else if (e->orphans == 0)
		snprintf(buf, size, "%zu note%s", e->notes,
		    e->notes == 1 ? "" : "s");
	else
		snprintf(buf, size, "%zu note%s, %zu orphan%s", e->notes,
		    e->notes == 1 ? "" : "s", e->orphans,
		    e->orphans == 1 ? "" : "s");
}

/* The widths of the columns right of the title. */
struct lv_cols {
	int	langs;
	int	site;
	int	date;
	int	count;
};

static void
lv_widths(const struct libview *lv, struct lv_cols *c)
{
	const struct library_entry	*e;
	char				 buf[64];
	size_t				 i;
	int				 n;

	memset(c, 0, sizeof *c);
	for (i = 0; i < lv->nrows; i++) {
		e = &lv->lib->v[lv->rows[i].entry];
		c->langs = PR_MAX(c->langs, grid_text_width(e->langs,
		    strlen(e->langs)));
		if (e->site != NULL)
			c->site = PR_MAX(c->site, grid_text_width(e->site,
			    strlen(e->site)));
		if (e->read != NULL)
			c->date = 16;
		lv_count(e, buf, sizeof buf);
		n = (int)strlen(buf);
		c->count = PR_MAX(c->count, n);
	}
	c->site = PR_MIN(c->site, 24);
	/* Room for a title of 20 columns first. */
	if (c->langs + c->site + c->date + c->count + 8 + 20 > lv->w)
		c->site = 0;
	if (c->langs + c->date + c->count + 6 + 20 > lv->w)
		c->date = 0;
	if (c->langs + c->count + 4 + 20 > lv->w)
		c->count = 0;
}

/* Write field s at x in at most w columns; the next field's x. */
static int
lv_field(struct grid *g, int x, int y, int w, const char *s, int slot)
{
	if (w <= 0)
		return (x);
	grid_text(g, x, y, x + w, s, strlen(s), slot, 0);
	return (x + w + 2);
}

/* An article's row. */
static void
lv_draw_entry(struct libview *lv, struct grid *g, int y,
    const struct library_entry *e, const struct lv_cols *c, int slot)
{
	char	buf[64];
	int	right, x;

	right = c->langs + 2 + (c->site > 0 ? c->site + 2 : 0) +
	    (c->date > 0 ? c->date + 2 : 0) + (c->count > 0 ? c->count : 0);
	x = lv->w - right - 1;
	grid_text(g, 1, y, x - 2, e->title, strlen(e->title), slot,
	    lv->shownotes ? GRID_BOLD : 0);
	x = lv_field(g, x, y, c->langs, e->langs, slot);
	x = lv_field(g, x, y, c->site, e->site != NULL ? e->site : "", slot);
	lv_date(e->read, buf, sizeof buf);
	x = lv_field(g, x, y, c->date, buf, slot);
	lv_count(e, buf, sizeof buf);
	lv_field(g, x, y, c->count, buf, slot);
}

/* A note's row: its version's language, the passage and the note. */
static void
lv_draw_note(struct libview *lv, struct grid *g, int y, const struct note *n,
    int slot)
{
	struct strbuf	*sb = &lv->sb;
	const char	*p;
	int		 x;

	strbuf_reset(sb);
	strbuf_addf(sb, "%s", n->rec.vlang != NULL ? n->rec.vlang : "?");
	x = grid_text(g, 3, y, lv->w - 1, sb->buf, sb->len, slot, GRID_BOLD);
	strbuf_reset(sb);
	strbuf_addstr(sb, " \"");
	for (p = n->rec.sel.exact; *p != '\0'; p++)
		strbuf_addch(sb, *p == '\n' ? ' ' : *p);
	strbuf_addstr(sb, "\"");
	if (n->rec.orphan)
		strbuf_addstr(sb, " (orphan)");
	x = grid_text(g, x, y, PR_MAX(x, lv->w / 2), sb->buf, sb->len, slot,
	    GRID_ITALIC);
	strbuf_reset(sb);
	strbuf_addstr(sb, "  ");
	for (p = n->rec.text; *p != '\0'; p++)
		strbuf_addch(sb, *p == '\n' ? ' ' : *p);
	grid_text(g, x, y, lv->w - 1, sb->buf, sb->len, slot, 0);
}

/* The status line: the prompt, the question, a message or the keys. */
static void
lv_draw_status(struct libview *lv, struct grid *g)
{
	const struct library_entry	*e;
	struct strbuf			*sb = &lv->sb;
	int				 y = lv->h - 1, x;

	grid_fill(g, 0, y, lv->w, SLOT_STATUS);
	strbuf_reset(sb);
	if (lv->prompt) {
		x = grid_text(g, 0, y, lv->w, "/", 1, SLOT_STATUS, GRID_BOLD);
		x = grid_text(g, x, y, lv->w, lv->filter.buf, lv->filter.len,
		    SLOT_STATUS, 0);
		g->cx = x;
		g->cy = y;
		return;
	}
	if (lv->confirm && lv->sel < lv->nrows) {
		e = &lv->lib->v[lv->rows[lv->sel].entry];
		strbuf_addf(sb, "Forget '%s'? ", e->title);
		if (e->notes == 0)
			strbuf_addstr(sb, "y: yes  n: no");
		else
			strbuf_addf(sb, "y: yes, keep its %zu note%s  D: with "
			    "its notes  n: no", e->notes,
			    e->notes == 1 ? "" : "s");
	} else if (lv->msg != NULL)
		strbuf_addstr(sb, lv->msg);
	else {
		strbuf_addstr(sb, "Enter: open  /: filter");
		if (lv->lib->st != NULL)
			strbuf_addf(sb, "  d: forget  m: %s",
			    lv->shownotes ? "articles" : "notes");
		strbuf_addstr(sb, lv->over ? "  q: back" : "  q: quit");
	}
	grid_text(g, 1, y, lv->w, sb->buf, sb->len, SLOT_STATUS,
	    lv->confirm || lv->msg != NULL ? GRID_BOLD : 0);
}

void
libview_render(struct libview *lv, struct grid *g)
{
	struct strbuf	*sb = &lv->sb;
	struct lv_cols	 c;
	const struct lrow *r;
	size_t		 i, rows = (size_t)lv_rows_shown(lv);
	int		 y, slot;

	grid_resize(g, lv->w, lv->h, SLOT_MENU);
	if (lv->sel >= lv->nrows)
		lv->sel = lv->nrows > 0 ? lv->nrows - 1 : 0;
	if (lv->sel < lv->top)
		lv->top = lv->sel;
	if (lv->sel >= lv->top + rows)
		lv->top = lv->sel - rows + 1;
	/* The title, and the filter. */
	grid_fill(g, 0, 0, lv->w, SLOT_HEADER);
	strbuf_reset(sb);
	if (lv->shownotes)
		strbuf_addf(sb, "Notes of the %s (%zu)", lv->lib->st != NULL ?
		    "library" : "folder", lv->nnotes);
	else
		strbuf_addf(sb, "%s: %zu article%s", lv->lib->name,
		    lv->lib->n, lv->lib->n == 1 ? "" : "s");
	if (lv->filter.len > 0)
		strbuf_addf(sb, "  filter '%s': %zu shown", lv->filter.buf,
		    lv->nrows);
	grid_text(g, 1, 0, lv->w, sb->buf, sb->len, SLOT_HEADER, GRID_BOLD);
	lv_widths(lv, &c);
	if (lv->nrows == 0) {
		grid_text(g, 1, LV_TOP, lv->w, lv->filter.len > 0 ?
		    "(nothing matches the filter)" : "(none)", lv->filter.len >
		    0 ? 28 : 6, SLOT_MENU, 0);
	}
	for (i = 0; i < rows && lv->top + i < lv->nrows; i++) {
		y = LV_TOP + (int)i;
		r = &lv->rows[lv->top + i];
		slot = lv->top + i == lv->sel ? SLOT_SELECTED : SLOT_MENU;
		grid_fill(g, 0, y, lv->w, slot);
		if (r->note == DOC_NOPOS)
			lv_draw_entry(lv, g, y, &lv->lib->v[r->entry], &c,
			    slot);
		else
			lv_draw_note(lv, g, y, &lv->notes[r->note], slot);
	}
	lv_draw_status(lv, g);
}
