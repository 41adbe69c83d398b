/*
 * The view: focus, scrolling, layouts and the actions the keys run.
 *
 * The focus is a sentence of one version (v->fv, v->fs), or a quotation
 * (v->fq) with the sentence that holds its opening mark. Scrolling keeps
 * the focus on screen (it moves to the first or last sentence in sight),
 * and moving the focus scrolls just enough to show it. Everything that
 * changes the layout (resize, layout switch, the real alignment arriving)
 * notes the focus's screen row first and puts it back on that row after.
 */
#include "config.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "view-int.h"

/* Build the quotation tables of the current alignment. */
static void
quote_tables(struct view *v)
{
	const struct alignment	*al = v->cur;
	size_t			 w, q, k;

	for (w = 0; w < VMAXV; w++) {
		free(v->qlink_of[w]);
		free(v->qreach[w]);
		v->qlink_of[w] = NULL;
		v->qreach[w] = NULL;
	}
	for (w = 0; w < al->nvers; w++) {
		if (al->nquotes[w] == 0)
			continue;
		v->qlink_of[w] = xreallocarray(NULL, al->nquotes[w],
		    sizeof *v->qlink_of[w]);
		v->qreach[w] = xreallocarray(NULL, al->nquotes[w],
		    sizeof *v->qreach[w]);
		for (q = 0; q < al->nquotes[w]; q++) {
			v->qlink_of[w][q] = DOC_NOPOS;
			v->qreach[w][q] = al->quotes[w][q].close;
			if (q > 0 && doc_pos_cmp(v->qreach[w][q - 1],
			    v->qreach[w][q]) > 0)
				v->qreach[w][q] = v->qreach[w][q - 1];
		}
	}
	for (k = 0; k < al->nqlinks; k++) {
		for (w = 0; w < al->nvers; w++) {
			q = al->qlinks[k].quote[w];
			if (q != DOC_NOPOS && q < al->nquotes[w])
				v->qlink_of[w][q] = k;
		}
	}
}

/*
 * The layouts, by enum view_layout, in the order the layout key cycles
 * them: a new layout is its file, its enum value and a line here.
 */
static const struct vlayout *const layouts[] = {
	[LAYOUT_COLUMNS] = &vlayout_columns,
	[LAYOUT_SINGLE] = &vlayout_single,
	[LAYOUT_INTERLINEAR] = &vlayout_interlinear
};

/* Set the layout (an unknown one is columns). */
static void
set_layout(struct view *v, enum view_layout l)
{
	if ((size_t)l >= nitems(layouts))
		l = LAYOUT_COLUMNS;
	v->layout = l;
	v->lay = layouts[l];
	v->wide = NULL;
}

/* The name of a layout. */
const char *
layout_name(enum view_layout l)
{
	if ((size_t)l >= nitems(layouts))
		return (layouts[LAYOUT_COLUMNS]->name);
	return (layouts[l]->name);
}

/* The layout of a name, or -1. */
int
layout_find(const char *name)
{
	size_t	i;

	for (i = 0; i < nitems(layouts); i++) {
		if (strcmp(layouts[i]->name, name) == 0)
			return ((int)i);
	}
	return (-1);
}

/* The layout the settings name, reporting an unknown one. */
enum view_layout
view_layout_of(struct settings *s)
{
	struct strbuf	sb;
	size_t		i;
	int		l;

	if (s->layout == NULL)
		return (LAYOUT_COLUMNS);
	if ((l = layout_find(s->layout)) >= 0)
		return ((enum view_layout)l);
	strbuf_init(&sb, 64);
	strbuf_addf(&sb, "unknown layout '%s' (", s->layout);
	for (i = 0; i < nitems(layouts); i++)
		strbuf_addf(&sb, "%s%s", i > 0 ? ", " : "", layouts[i]->name);
	strbuf_addstr(&sb, ")");
	settings_error(s, s->layout_at != NULL ? s->layout_at : "config", 0,
	    sb.buf);
	strbuf_release(&sb);
	return (LAYOUT_COLUMNS);
}

/* Create a view showing the provisional alignment. */
struct view *
view_create(const struct article *a, const struct view_opts *o, int w, int h)
{
	struct view	*v;
	size_t		 i;

	v = xcalloc(1, sizeof *v);
	v->a = a;
	v->nvers = a->n;
	v->set = o->settings;
	set_layout(v, o->layout);
	v->maxw = o->maxw;
	v->mouse = o->mouse;
	v->linked = 1;
	v->search.sall = 1;
	v->search.sdir = 1;
	v->fq = DOC_NOPOS;
	v->search.cmatch = DOC_NOPOS;
	v->progress = -1;
	strbuf_init(&v->search.input, 0);
	strbuf_init(&v->sb, 0);
	strbuf_init(&v->vis, 0);
	if (o->nthemes > 0) {
		v->themes = xreallocarray(NULL, o->nthemes, sizeof *v->themes);
		for (i = 0; i < o->nthemes; i++) {
			v->themes[i] = xstrdup(o->themes[i]);
			if (o->theme != NULL &&
			    strcmp(o->theme, o->themes[i]) == 0)
				v->theme = i;
		}
		v->nthemes = o->nthemes;
	}
	for (i = 0; i < v->nvers; i++)
		layout_header_init(&v->hdr[i], a->docs[i]);
	vl_provisional(v);
	v->cur = &v->prov;
	view_resize(v, w, h);
	return (v);
}

/* Free a view and the alignment it owns. */
void
view_free(struct view *v)
{
	size_t	i, w;
	int	c;

	if (v == NULL)
		return;
	v_mode_leave(v);
	if (v->notes != NULL)
		notes_map(v->notes, NULL);
	free(v->notes_off);
	align_free(v->al);
	vl_free_provisional(v);
	for (w = 0; w < VMAXV; w++) {
		free(v->qlink_of[w]);
		free(v->qreach[w]);
	}
	for (w = 0; w < v->nvers; w++)
		layout_header_release(&v->hdr[w]);
	for (i = 0; i < v->ncache; i++) {
		for (c = 0; c < VMAXV; c++) {
			free(v->cache[i].tracks[c].lines);
			free(v->cache[i].tracks[c].ver);
		}
	}
	free(v->cache);
	free(v->heights);
	free(v->tmp);
	vf_search_free(v);
	vj_free(v);
	strbuf_release(&v->search.input);
	strbuf_release(&v->sb);
	strbuf_release(&v->vis);
	free(v->vmap);
	free(v->vslots);
	free(v->vflags);
	free(v->msg);
	free(v->url);
	free(v->clip);
	for (i = 0; i < v->nthemes; i++)
		free(v->themes[i]);
	free(v->themes);
	free(v->ranges);
	free(v->sslots);
	free(v->sflags);
	free(v->rowmap);
	free(v);
}

/* Set the alignment progress shown. */
void
view_set_progress(struct view *v, int permille)
{
	v->progress = permille;
}

/* The theme chosen with T. */
const char *
view_theme(const struct view *v)
{
	return (v->nthemes > 0 ? v->themes[v->theme] : "mono");
}

/* The link chosen to open. */
const char *
view_url(const struct view *v)
{
	return (v->url);
}

/* Is the mouse wanted? */
int
view_mouse(const struct view *v)
{
	return (v->mouse);
}

/* The current layout. */
enum view_layout
view_get_layout(const struct view *v)
{
	return (v->layout);
}

/* The focused sentence and its version. */
size_t
view_focus(const struct view *v, size_t *version)
{
	if (version != NULL)
		*version = v->fv;
	return (v->fs);
}

/* Is the real alignment shown? */
int
view_aligned(const struct view *v)
{
	return (v->al != NULL && v->cur == v->al);
}

/* Is any row of the focus on screen? */
static int
focus_visible(struct view *v)
{
	struct vpos	a, b;
	size_t		u;
	int		r0, r1, c = v_focus_col(v);
	long		d;

	if (v_focus_rows(v, &u, &r0, &r1) != 0)
		return (1);
	a.unit = b.unit = u;
	a.row = r0;
	b.row = r1;
	d = vl_dist(v, v->top[c], a, v->text_rows);
	if (d >= 0)
		return (d < v->text_rows);
	return (vl_dist(v, v->top[c], b, v->text_rows) >= 0);
}

/*
 * After scrolling: when the focus has left the screen, focus the first
 * (dir > 0) or last sentence that starts on screen.
 */
static void
refocus(struct view *v, int dir)
{
	const struct alignment		*al = v->cur;
	const struct text_sentence	*t;
	const struct layout_line	*l;
	struct vunit			*e;
	struct vtrack			*tr;
	struct vpos			 p;
	size_t				 s, best = DOC_NOPOS, any = DOC_NOPOS;
	size_t				 n, w = v->fv;
	int				 c = v_focus_col(v), y = 0, r, i;

	if (focus_visible(v) || w >= al->nvers || (n = al->nsents[w]) == 0)
		return;
	p = v->top[c];
	while (y < v->text_rows && p.unit < v->nunits) {
		e = vl_unit(v, p.unit);
		tr = &e->tracks[c];
		for (r = p.row; r < e->height && y < v->text_rows; r++, y++) {
			i = r - e->sep;
			if (i < 0 || (size_t)i >= tr->n || tr->ver[i] != w ||
			    tr->lines[i].block == DOC_NOPOS)
				continue;
			l = &tr->lines[i];
			s = vl_sentence_at(al, w, l->block,
			    dir > 0 ? l->start : (l->end > 0 ? l->end - 1 : 0));
			if (s == DOC_NOPOS)
				continue;
			if (any == DOC_NOPOS || dir < 0)
				any = s;
			t = &al->sents[w][s];
			if (t->block != l->block || t->start < l->start) {
				if (dir < 0 || s + 1 >= n)
					continue;
				t = &al->sents[w][++s];
				if (t->block != l->block || t->start >= l->end)
					continue;
			}
			if (dir < 0 || best == DOC_NOPOS)
				best = s;
		}
		if (dir > 0 && best != DOC_NOPOS)
			break;
		p.unit++;
		p.row = 0;
	}
	if (best == DOC_NOPOS)
		best = any;
	if (best != DOC_NOPOS) {
		v->fs = best;
		v->fq = DOC_NOPOS;
	}
}

/* Scroll the focused column (every column when linked) by n rows. */
static void
scroll(struct view *v, long n)
{
	struct vpos	p;
	int		c = v_focus_col(v);

	p = v->top[c];
	if (n > 0)
		vl_fwd(v, &p, n);
	else
		vl_back(v, &p, -n);
	v_set_top(v, c, p);
	refocus(v, n > 0 ? 1 : -1);
}

/* Go to the start or the end. */
static void
scroll_end(struct view *v, int end)
{
	struct vpos	p = { 0, 0 };

	if (end) {
		p.unit = v->nunits;
		vl_back(v, &p, v->text_rows);
	}
	v_set_top(v, v_focus_col(v), p);
	refocus(v, end ? -1 : 1);
}

/* Move the focus by sentences. */
static void
move_sentence(struct view *v, int dir)
{
	size_t	n = v->fv < v->cur->nvers ? v->cur->nsents[v->fv] : 0;

	if (n == 0)
		return;
	if (dir > 0 && v->fs + 1 >= n)
		view_message(v, "last sentence");
	else if (dir < 0 && v->fs == 0 && v->fq == DOC_NOPOS)
		view_message(v, "first sentence");
	else if (dir > 0)
		v->fs++;
	else if (v->fq == DOC_NOPOS)
		v->fs--;
	v->fq = DOC_NOPOS;
	v->search.cmatch = DOC_NOPOS;
	v_ensure_visible(v);
}

/* Move the focus by paragraphs (blocks). */
static void
move_paragraph(struct view *v, int dir)
{
	const struct text_sentence	*t;
	size_t				 n, s, b;

	if (v->fv >= v->cur->nvers || (n = v->cur->nsents[v->fv]) == 0)
		return;
	t = v->cur->sents[v->fv];
	s = v->fs;
	b = t[s].block;
	if (dir > 0) {
		while (s < n && t[s].block == b)
			s++;
		if (s >= n) {
			view_message(v, "last paragraph");
			return;
		}
	} else {
		while (s > 0 && t[s - 1].block == b)
			s--;
		if (s == v->fs || v->fq != DOC_NOPOS) {
			if (s == 0 && v->fq == DOC_NOPOS) {
				view_message(v, "first paragraph");
				return;
			}
			if (s == v->fs) {
				b = t[--s].block;
				while (s > 0 && t[s - 1].block == b)
					s--;
			}
		}
	}
	v->fs = s;
	v->fq = DOC_NOPOS;
	v->search.cmatch = DOC_NOPOS;
	v_ensure_visible(v);
}

/* Move the focus to the next or previous quotation of its version. */
static void
move_quote(struct view *v, int dir)
{
	const struct alignment	*al = v->cur;
	const struct text_quote	*qs;
	struct doc_pos		 pos;
	size_t			 nq, q, lo, hi, s;
	int			 on = v->fq != DOC_NOPOS;

	if (v->fv >= al->nvers || al->nsents[v->fv] == 0)
		return;
	nq = al->nquotes[v->fv];
	if (nq == 0) {
		if (al != v->al)
			view_message(v, "quotations are linked once the "
			    "alignment is ready");
		else
			view_message(v, "no quotations in this version");
		return;
	}
	qs = al->quotes[v->fv];
	if (on && v->fq < nq)
		pos = qs[v->fq].open;
	else {
		on = 0;
		pos.block = al->sents[v->fv][v->fs].block;
		pos.off = al->sents[v->fv][v->fs].start;
	}
	/* lo: the first quotation opening after pos (at pos: off focus). */
	lo = 0;
	hi = nq;
	while (lo < hi) {
		q = lo + (hi - lo) / 2;
		if (doc_pos_cmp(qs[q].open, pos) < (on ? 1 : 0))
			lo = q + 1;
		else
			hi = q;
	}
	if (dir > 0) {
		if (lo >= nq) {
			view_message(v, "no more quotations");
			return;
		}
		q = lo;
	} else {
		while (lo > 0 && doc_pos_cmp(qs[lo - 1].open, pos) >= 0)
			lo--;
		if (lo == 0) {
			view_message(v, "no quotation before");
			return;
		}
		q = lo - 1;
	}
	s = vl_sentence_at(al, v->fv, qs[q].open.block, qs[q].open.off);
	if (s == DOC_NOPOS)
		return;
	v->fs = s;
	v->fq = q;
	v->search.cmatch = DOC_NOPOS;
	v_ensure_visible(v);
}

/* Go to the next or previous doubtful bead. */
static void
move_doubtful(struct view *v, int dir)
{
	const struct alignment	*al = v->cur;
	size_t			 b, w;

	if (!view_aligned(v)) {
		view_message(v, "the alignment is not ready yet");
		return;
	}
	if (v->fv >= al->nvers || v->fs >= al->nsents[v->fv])
		return;
	b = al->bead_of[v->fv][v->fs];
	for (;;) {
		if (dir > 0 && b + 1 >= al->nbeads)
			break;
		if (dir < 0 && b == 0)
			break;
		b = dir > 0 ? b + 1 : b - 1;
		if (al->beads[b].confidence >= VIEW_DOUBTFUL)
			continue;
		w = v->fv;
		if (al->beads[b].count[w] == 0) {
			for (w = 0; w < al->nvers; w++) {
				if (al->beads[b].count[w] > 0)
					break;
			}
			if (w >= al->nvers)
				continue;
			if (v->lay->one_version)
				continue;
		}
		v_set_focus(v, w, al->beads[b].first[w]);
		v->search.cmatch = DOC_NOPOS;
		v_show_centred(v);
		return;
	}
	view_message(v, "no more doubtful alignments");
}

/* The sentence of version w that goes with the focus. */
static size_t
counterpart(struct view *v, size_t w)
{
	const struct alignment	*al = v->cur;
	size_t			 b, k, f;

	if (al->nsents[w] == 0)
		return (DOC_NOPOS);
	if (v->fv >= al->nvers || v->fs >= al->nsents[v->fv])
		return (0);
	if (w == v->fv)
		return (v->fs);
	b = al->bead_of[v->fv][v->fs];
	for (k = b; k < al->nbeads && k < b + 64; k++) {
		if (al->beads[k].count[w] > 0)
			return (al->beads[k].first[w]);
	}
	for (k = b; k > 0 && b - k < 64; k--) {
		if (al->beads[k - 1].count[w] > 0)
			return (al->beads[k - 1].first[w] +
			    al->beads[k - 1].count[w] - 1);
	}
	f = b < al->nbeads ? al->beads[b].first[w] : 0;
	return (f < al->nsents[w] ? f : al->nsents[w] - 1);
}

/* Focus version w (single layout: show it). */
static void
switch_version(struct view *v, size_t w)
{
	const struct alignment	*al = v->cur;
	size_t			 s, q = DOC_NOPOS, k;
	int			 row;

	if (w >= v->nvers) {
		view_message(v, "there is no version %zu", w + 1);
		return;
	}
	if (w == v->fv && (!v->lay->one_version || w == v->sv))
		return;
	row = v_focus_screen_row(v);
	if ((s = counterpart(v, w)) == DOC_NOPOS) {
		view_message(v, "version %zu is empty", w + 1);
		return;
	}
	if (v->fq != DOC_NOPOS && v->qlink_of[v->fv] != NULL &&
	    (k = v->qlink_of[v->fv][v->fq]) != DOC_NOPOS &&
	    (q = al->qlinks[k].quote[w]) != DOC_NOPOS && q < al->nquotes[w])
		s = vl_sentence_at(al, w, al->quotes[w][q].open.block,
		    al->quotes[w][q].open.off);
	else
		q = DOC_NOPOS;
	v->fv = w;
	v->fs = s;
	v->fq = q;
	if (v->lay->one_version) {
		v->sv = w;
		v_relayout(v, row);
	} else
		v_ensure_visible(v);
	/* After S the scope follows the focus. */
	if (!v->search.sall)
		vf_search_order(v);
}

/* Cycle the layouts. */
static void
next_layout(struct view *v)
{
	int	row = v_focus_screen_row(v);

	set_layout(v, (enum view_layout)((v->layout + 1) % nitems(layouts)));
	if (v->lay->one_version)
		v->sv = v->fv;
	v->linked = 1;
	v_relayout(v, row);
	vf_search_order(v);
	view_message(v, "layout: %s", v->lay->name);
}

/* Unlink or relink the columns. */
static void
toggle_link(struct view *v)
{
	int	c = v_focus_col(v), i;

	if (!v->lay->columns) {
		view_message(v, "%s layout: no columns to unlink",
		    v->lay->name);
		return;
	}
	if (v->linked) {
		v->linked = 0;
		view_message(v, "columns unlinked: the focused column "
		    "scrolls alone (L relinks)");
		return;
	}
	v->linked = 1;
	for (i = 0; i < VMAXV; i++)
		v->top[i] = v->top[c];
	view_message(v, "columns linked");
}

/* Run an action. */
int
view_action(struct view *v, enum action a)
{
	struct vjump	mark;
	unsigned long	count = v->count;
	int		half = v->text_rows / 2 > 0 ? v->text_rows / 2 : 1;

	if (v->small && a != ACT_QUIT && a != ACT_REDRAW)
		return (VIEW_REDRAW);
	switch (a) {
	case ACT_NONE:
		return (0);
	case ACT_DOWN:
		scroll(v, 1);
		break;
	case ACT_UP:
		scroll(v, -1);
		break;
	case ACT_PAGE_DOWN:
		scroll(v, v->text_rows);
		break;
	case ACT_PAGE_UP:
		scroll(v, -v->text_rows);
		break;
	case ACT_HALF_DOWN:
		scroll(v, half);
		break;
	case ACT_HALF_UP:
		scroll(v, -half);
		break;
	case ACT_TOP:
	case ACT_BOTTOM:
		vj_mark(v, &mark);
		scroll_end(v, a == ACT_BOTTOM);
		vj_commit(v, &mark);
		break;
	case ACT_NEXT_SENTENCE:
	case ACT_PREV_SENTENCE:
		move_sentence(v, a == ACT_NEXT_SENTENCE ? 1 : -1);
		break;
	case ACT_NEXT_PARAGRAPH:
	case ACT_PREV_PARAGRAPH:
		move_paragraph(v, a == ACT_NEXT_PARAGRAPH ? 1 : -1);
		break;
	case ACT_NEXT_QUOTE:
	case ACT_PREV_QUOTE:
		move_quote(v, a == ACT_NEXT_QUOTE ? 1 : -1);
		break;
	case ACT_NEXT_DOUBTFUL:
	case ACT_PREV_DOUBTFUL:
		vj_mark(v, &mark);
		move_doubtful(v, a == ACT_NEXT_DOUBTFUL ? 1 : -1);
		vj_commit(v, &mark);
		break;
	case ACT_NEXT_VERSION:
		switch_version(v, (v->fv + 1) % v->nvers);
		break;
	case ACT_PREV_VERSION:
		switch_version(v, (v->fv + v->nvers - 1) % v->nvers);
		break;
	case ACT_VERSION_1:
	case ACT_VERSION_2:
	case ACT_VERSION_3:
	case ACT_VERSION_4:
	case ACT_VERSION_5:
	case ACT_VERSION_6:
		switch_version(v, (size_t)(a - ACT_VERSION_1));
		break;
	case ACT_LAYOUT:
		next_layout(v);
		break;
	case ACT_LINK:
		toggle_link(v);
		break;
	case ACT_SEARCH:
	case ACT_SEARCH_BACK:
		vf_search_start(v, a == ACT_SEARCH ? 1 : -1);
		break;
	case ACT_SEARCH_NEXT:
		vf_search_next(v, v->search.sdir);
		break;
	case ACT_SEARCH_PREV:
		vf_search_next(v, -v->search.sdir);
		break;
	case ACT_SEARCH_SCOPE:
		v->search.sall = !v->search.sall;
		vf_search_order(v);
		if (v->search.sall)
			view_message(v, "search: all versions");
		else
			view_message(v, "search: the focused version");
		break;
	case ACT_TOC:
		vf_toc(v);
		break;
	case ACT_LINKS:
		vf_links(v);
		break;
	case ACT_ANNOTATE:
		vn_annotate(v);
		break;
	case ACT_VISUAL:
		vn_visual(v);
		break;
	case ACT_NOTES:
		vn_list(v);
		break;
	case ACT_HELP:
		vf_help(v);
		break;
	case ACT_THEME:
		if (v->nthemes == 0)
			return (VIEW_REDRAW);
		v->theme = (v->theme + 1) % v->nthemes;
		view_message(v, "theme: %s", v->themes[v->theme]);
		return (VIEW_THEME | VIEW_REDRAW);
	case ACT_REDRAW:
		return (VIEW_CLEAR | VIEW_REDRAW);
	case ACT_QUIT:
		return (VIEW_QUIT);
	case ACT_JUMP_BACK:
		vj_back(v);
		break;
	case ACT_JUMP_FORWARD:
		vj_forward(v);
		break;
	case ACT_PERCENT:
		vj_percent(v, count, v->counted);
		break;
	case ACT_COPY:
	case ACT_COPY_ALL:
		return (vc_copy(v, a == ACT_COPY_ALL));
	case ACT_LIBRARY:
		return (VIEW_LIBRARY);
	case ACT_COUNT:
		break;
	}
	return (VIEW_REDRAW);
}

/* A click, a drag or the wheel. */
static int
mouse_event(struct view *v, const struct view_event *ev)
{
	const struct vrowmap	*rm;
	const struct doc_block	*b;
	size_t			 off, s;
	int			 c;

	if (v->mode != NULL)
		return (v->mode->mouse != NULL ? v->mode->mouse(v, ev) : 0);
	if (v->small)
		return (0);
	if (ev->button == VIEW_DRAG1 || ev->button == VIEW_RELEASE1)
		return (vn_mouse(v, ev));
	if (ev->button == VIEW_WHEEL_UP) {
		scroll(v, -3);
		return (VIEW_REDRAW);
	}
	if (ev->button == VIEW_WHEEL_DOWN) {
		scroll(v, 3);
		return (VIEW_REDRAW);
	}
	if (ev->button != VIEW_BUTTON1 || ev->y < 0 || ev->y >= v->h)
		return (0);
	v->drag = 0;
	if (ev->y == 0) {
		for (c = 0; c < (int)v->nvers; c++) {
			if (ev->x >= v->hdrx[c] && ev->x < v->hdrx[c] +
			    v->hdrw[c]) {
				switch_version(v, (size_t)c);
				return (VIEW_REDRAW);
			}
		}
		return (0);
	}
	for (c = 0; c < v->ncols; c++) {
		rm = &v->rowmap[(size_t)ev->y * VMAXV + (size_t)c];
		if (rm->v < 0 || ev->x < v->colx[c] ||
		    ev->x >= v->colx[c] + v->colw)
			continue;
		b = &v->a->docs[rm->v]->blocks[rm->block];
		off = rm->start + vc_text_offset(v, rm, b->text + rm->start,
		    rm->end - rm->start, ev->x);
		if (off >= rm->end && off > rm->start)
			off = rm->end - 1;
		s = vl_sentence_at(v->cur, (size_t)rm->v, rm->block, off);
		if (s == DOC_NOPOS)
			return (0);
		v_set_focus(v, (size_t)rm->v, s);
		v->search.cmatch = DOC_NOPOS;
		vn_mouse(v, ev);
		return (VIEW_REDRAW);
	}
	return (0);
}

/* Forget the count typed and a first '. */
static void
count_reset(struct view *v)
{
	v->count = 0;
	v->counted = 0;
	v->quote = 0;
}

/* Handle a key, a mouse event or a resize. */
int
view_event(struct view *v, const struct view_event *ev)
{
	enum action	a;
	char		name[32];
	int		r;

	switch (ev->kind) {
	case VIEW_EV_RESIZE:
		view_resize(v, ev->x, ev->y);
		return (VIEW_REDRAW);
	case VIEW_EV_MOUSE:
		return (mouse_event(v, ev));
	case VIEW_EV_KEY:
		break;
	}
	free(v->msg);
	v->msg = NULL;
	/* A count (and a ') is for the reader's keys only. */
	if (v->mode != NULL) {
		count_reset(v);
		return (v->mode->key(v, ev->key));
	}
	if ((r = vn_key(v, ev->key)) >= 0) {
		count_reset(v);
		return (r);
	}
	a = v->set != NULL ? settings_action(v->set, ev->key) : ACT_NONE;
	/* '' goes back, as in less and vim, unless ' is bound. */
	if (ev->key == '\'' && a == ACT_NONE) {
		if (!v->quote) {
			v->quote = 1;
			return (VIEW_REDRAW);
		}
		a = ACT_JUMP_BACK;
	}
	v->quote = 0;
	/* Digits make a count (50%), and still do what they are bound to. */
	if (ev->key >= '0' && ev->key <= '9') {
		vj_count_digit(v, (int)(ev->key - '0'));
		r = a != ACT_NONE ? view_action(v, a) : VIEW_REDRAW;
		if (a == ACT_NONE)
			view_message(v, "%lu: %% or p goes %lu%% through the "
			    "text", v->count, v->count > 100 ? 100 : v->count);
		return (r);
	}
	if (a == ACT_NONE) {
		settings_key_name(ev->key, name, sizeof name);
		view_message(v, "key %s does nothing (h: help)", name);
		r = VIEW_REDRAW;
	} else
		r = view_action(v, a);
	count_reset(v);
	return (r);
}

/* Resize the view, keeping the focus on its row. */
void
view_resize(struct view *v, int w, int h)
{
	int	row = v->rowmap != NULL ? v_focus_screen_row(v) : 0;
	size_t	i;

	v->w = w < 1 ? 1 : w;
	v->h = h < 1 ? 1 : h;
	free(v->rowmap);
	v->rowmap = xreallocarray(NULL, (size_t)v->h * VMAXV,
	    sizeof *v->rowmap);
	for (i = 0; i < (size_t)v->h * VMAXV; i++)
		v->rowmap[i].v = -1;
	v_relayout(v, row);
}

/* Switch to the real alignment, keeping the focus in place. */
void
view_set_alignment(struct view *v, struct alignment *al)
{
	size_t	block = 0, off = 0, s;
	int	row = v_focus_screen_row(v), i;

	if (al == NULL)
		return;
	if (v->fv < v->cur->nvers && v->fs < v->cur->nsents[v->fv]) {
		block = v->cur->sents[v->fv][v->fs].block;
		off = v->cur->sents[v->fv][v->fs].start;
	}
	if (v->notes != NULL)
		notes_map(v->notes, NULL);
	if (v->al != NULL && v->al != al)
		align_free(v->al);
	v->al = al;
	if (v->notes != NULL)
		notes_map(v->notes, al);
	v->cur = al;
	vl_free_provisional(v);
	quote_tables(v);
	s = vl_sentence_at(al, v->fv, block, off);
	v->fs = s == DOC_NOPOS ? 0 : s;
	v->fq = DOC_NOPOS;
	v->linked = 1;
	for (i = 0; i < VMAXV; i++)
		v->top[i] = v->top[v_focus_col(v)];
	v_relayout(v, row);
	vf_search_order(v);
	v->progress = -1;
}

/* Render the view into a grid. */
void
view_render(struct view *v, struct grid *g)
{
	vd_render(v, g);
}

/* Is unit u laid out in the cache? */
static int
cached(const struct view *v, size_t u)
{
	const struct vunit	*e = &v->cache[u % v->ncache];

	return (e->unit == u && e->gen == v->gen);
}

/* Lay out ahead: the screen, two below and one above, a few at a time. */
int
view_idle(struct view *v)
{
	struct vpos	p;
	size_t		u;
	long		rows = 0;
	int		budget = 4;

	if (v->small || v->nunits == 0)
		return (0);
	p = v->top[v_focus_col(v)];
	for (u = p.unit; u < v->nunits && rows < 3L * v->text_rows; u++) {
		if (!cached(v, u)) {
			if (budget-- == 0)
				return (1);
			vl_unit(v, u);
		}
		rows += v->heights[u];
	}
	rows = 0;
	for (u = p.unit; u > 0 && rows < v->text_rows; u--) {
		if (!cached(v, u - 1)) {
			if (budget-- == 0)
				return (1);
			vl_unit(v, u - 1);
		}
		rows += v->heights[u - 1];
	}
	return (0);
}

/* Focus the sentence at a position, at the top of the screen. */
void
view_goto(struct view *v, size_t w, struct doc_pos p)
{
	v_goto(v, w, p, 1);
}

/* The focused sentence's start. */
void
view_position(const struct view *v, size_t *w, struct doc_pos *p)
{
	*w = v->fv;
	p->block = p->off = 0;
	if (v->fv < v->cur->nvers && v->fs < v->cur->nsents[v->fv]) {
		p->block = v->cur->sents[v->fv][v->fs].block;
		p->off = v->cur->sents[v->fv][v->fs].start;
	}
}

/* Attach the notes and the spell checker. */
void
view_set_notes(struct view *v, struct notes *ns, struct spell *sp,
    const char *off)
{
	v->notes = ns;
	v->spell = sp;
	free(v->notes_off);
	v->notes_off = off != NULL ? xstrdup(off) : NULL;
	if (ns != NULL)
		notes_map(ns, v->al);
}

/* Is the editor open? */
int
view_editing(const struct view *v)
{
	return (v->ed != NULL);
}

/* The editor's text. */
const char *
view_editor_text(const struct view *v)
{
	return (v->ed != NULL ? eb_text(&v->ed->eb) : NULL);
}

/* The selection. */
int
view_selection(const struct view *v, size_t *w, struct doc_pos *a,
    struct doc_pos *b)
{
	if (!v->sel.on)
		return (0);
	*w = v->sel.v;
	*a = v->sel.a;
	*b = v->sel.b;
	return (1);
}
