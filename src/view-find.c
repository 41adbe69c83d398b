/*
 * Finding things: search (the prompt, the matches in every version, n and
 * N in reading order), the table of contents, the list of links and the
 * help screen, which share one list drawn over the text.
 *
 * A search runs once, when Enter is pressed: every match of every version
 * is kept (up to VIEW_MAXMATCH), so n, N and the "match 3/17" counter cost
 * a binary search, never a new scan.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <unicode/utf8.h>

#include "text.h"
#include "view-int.h"

/* A match's place in reading order. */
struct skey {
	size_t	unit;
	size_t	v;
	size_t	block;
	size_t	off;
};

/* Compare two keys. */
static int
skey_cmp(const struct skey *a, const struct skey *b)
{
	if (a->unit != b->unit)
		return (a->unit < b->unit ? -1 : 1);
	if (a->v != b->v)
		return (a->v < b->v ? -1 : 1);
	if (a->block != b->block)
		return (a->block < b->block ? -1 : 1);
	if (a->off != b->off)
		return (a->off < b->off ? -1 : 1);
	return (0);
}

/* The key of position (block, off) of version w. */
static struct skey
pos_key(struct view *v, size_t w, size_t block, size_t off)
{
	struct skey	k;
	size_t		s;

	s = vl_sentence_at(v->cur, w, block, off);
	k.unit = s == DOC_NOPOS ? 0 : vl_unit_of(v, w, s);
	if (k.unit == DOC_NOPOS)
		k.unit = 0;
	k.v = w;
	k.block = block;
	k.off = off;
	return (k);
}

/* The key of match i. */
static struct skey
match_key(struct view *v, size_t i)
{
	return (pos_key(v, v->search.matches[i].v, v->search.matches[i].block,
	    v->search.matches[i].start));
}

/* Forget the search and its matches. */
void
vf_search_free(struct view *v)
{
	free(v->search.matches);
	free(v->search.order);
	free(v->search.pattern);
	v->search.matches = NULL;
	v->search.order = NULL;
	v->search.pattern = NULL;
	v->search.nmatches = v->search.amatches = v->search.norder = 0;
	v->search.cmatch = DOC_NOPOS;
	memset(v->search.vfirst, 0, sizeof v->search.vfirst);
}

/* Put the matches in scope in reading order. */
void
vf_search_order(struct view *v)
{
	struct skey	head[VMAXV];
	size_t		p[VMAXV], w, found = DOC_NOPOS;
	int		best;

	v->search.norder = 0;
	v->search.cord = DOC_NOPOS;
	if (v->search.nmatches == 0)
		return;
	v->search.order = xreallocarray(v->search.order, v->search.nmatches, sizeof *v->search.order);
	for (w = 0; w < v->nvers; w++) {
		p[w] = v_search_scope(v, w) ? v->search.vfirst[w] : v->search.vfirst[w + 1];
		if (p[w] < v->search.vfirst[w + 1])
			head[w] = match_key(v, p[w]);
	}
	/* Merge the versions' lists, each already in reading order. */
	for (;;) {
		best = -1;
		for (w = 0; w < v->nvers; w++) {
			if (p[w] >= v->search.vfirst[w + 1])
				continue;
			if (best < 0 || skey_cmp(&head[w], &head[best]) < 0)
				best = (int)w;
		}
		if (best < 0)
			break;
		if (p[best] == v->search.cmatch)
			found = v->search.norder;
		v->search.order[v->search.norder++] = p[best]++;
		if (p[best] < v->search.vfirst[best + 1])
			head[best] = match_key(v, p[best]);
	}
	if (found == DOC_NOPOS)
		v->search.cmatch = DOC_NOPOS;
	else
		v->search.cord = found;
}

/* Make match k of the order the current one and show it. */
static void
go_match(struct view *v, size_t k)
{
	const struct vmatch	*m;
	struct doc_pos		 p;
	size_t			 s;

	v->search.cord = k;
	v->search.cmatch = v->search.order[k];
	m = &v->search.matches[v->search.cmatch];
	s = vl_sentence_at(v->cur, m->v, m->block, m->start);
	if (s == DOC_NOPOS)
		return;
	if (v->lay->one_version && m->v != v->sv) {
		/* Show the match's version, as 1-6 would. */
		v->sv = m->v;
		v->fv = m->v;
		v->fs = s;
		v->fq = DOC_NOPOS;
		v_relayout(v, 0);
	}
	v->fv = m->v;
	v->fs = s;
	v->fq = DOC_NOPOS;
	p.block = m->block;
	p.off = m->start;
	v_show_at(v, &p);
}

/*
 * Say the pattern is not found, and where it was looked for: the focused
 * version alone after S.
 */
static int	search_next(struct view *, int);

static void
not_found(struct view *v)
{
	char	code[16];

	if (v->search.sall) {
		view_message(v, "pattern not found: %s", v->search.pattern);
		return;
	}
	v_lang_code(v, v->fv, code, sizeof code);
	view_message(v, "pattern not found in %s only: %s",
	    code, v->search.pattern);
}

/* Go to the next match in direction dir: a jump. */
int
vf_search_next(struct view *v, int dir)
{
	struct vjump	mark;
	int		r;

	vj_mark(v, &mark);
	r = search_next(v, dir);
	vj_commit(v, &mark);
	return (r);
}

/* Go to the next match in direction dir. */
static int
search_next(struct view *v, int dir)
{
	struct skey	fk, mk;
	size_t		lo, hi, mid, k;
	const struct text_sentence *t;

	if (v->search.pattern == NULL) {
		view_message(v, "no previous search (/ searches)");
		return (VIEW_REDRAW);
	}
	if (v->search.norder == 0) {
		not_found(v);
		return (VIEW_REDRAW);
	}
	if (v->search.cmatch != DOC_NOPOS && v->search.cord < v->search.norder &&
	    v->search.order[v->search.cord] == v->search.cmatch) {
		if (dir > 0 && v->search.cord + 1 >= v->search.norder) {
			k = 0;
			view_message(v, "search hit the end, continued at "
			    "the top");
		} else if (dir < 0 && v->search.cord == 0) {
			k = v->search.norder - 1;
			view_message(v, "search hit the top, continued at "
			    "the end");
		} else
			k = dir > 0 ? v->search.cord + 1 : v->search.cord - 1;
		go_match(v, k);
		return (VIEW_REDRAW);
	}
	if (v->fv < v->cur->nvers && v->fs < v->cur->nsents[v->fv]) {
		t = &v->cur->sents[v->fv][v->fs];
		fk = pos_key(v, v->fv, t->block, t->start);
	} else
		memset(&fk, 0, sizeof fk);
	lo = 0;
	hi = v->search.norder;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		mk = match_key(v, v->search.order[mid]);
		if (skey_cmp(&mk, &fk) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (dir > 0) {
		k = lo;
		if (k >= v->search.norder) {
			k = 0;
			view_message(v, "search hit the end, continued at "
			    "the top");
		}
	} else {
		if (lo == 0) {
			k = v->search.norder - 1;
			view_message(v, "search hit the top, continued at "
			    "the end");
		} else
			k = lo - 1;
	}
	go_match(v, k);
	return (VIEW_REDRAW);
}

/*
 * The prompt's syntax, as vim's: a pattern that starts with \v is a
 * regular expression (ICU's syntax, which vim's "very magic" is close to),
 * \< at its start and \> at its end keep to whole words. Returns the
 * pattern without them and its TEXT_SEARCH_* flags.
 */
static const char *
search_syntax(const char *pat, char *buf, size_t size, int *flags)
{
	size_t	n;

	*flags = 0;
	for (;;) {
		if (strncmp(pat, "\\v", 2) == 0 && !(*flags &
		    TEXT_SEARCH_REGEX))
			*flags |= TEXT_SEARCH_REGEX;
		else if (strncmp(pat, "\\<", 2) == 0 && !(*flags &
		    TEXT_SEARCH_WORD_START))
			*flags |= TEXT_SEARCH_WORD_START;
		else
			break;
		pat += 2;
	}
	n = strlen(pat);
	/* \> ends the pattern, unless its backslash is escaped (\\>). */
	if (n >= 2 && strcmp(pat + n - 2, "\\>") == 0 &&
	    (n < 3 || pat[n - 3] != '\\') && n - 2 < size) {
		*flags |= TEXT_SEARCH_WORD_END;
		memcpy(buf, pat, n - 2);
		buf[n - 2] = '\0';
		return (buf);
	}
	return (pat);
}

/* Run a search for pat in every version. */
static void
search_run(struct view *v, const char *pat, int dir)
{
	struct text_search	*ts;
	const struct doc	*d;
	const struct doc_block	*b;
	struct text_range	 m;
	size_t			 w, i, from, nsup = 0;
	char			*p = xstrdup(pat), *cause = NULL, buf[512];
	int			 full = 0, flags, slow = 0;

	vf_search_free(v);
	v->search.pattern = p;
	v->search.sdir = dir;
	pat = search_syntax(pat, buf, sizeof buf, &flags);
	if (*pat == '\0') {
		view_message(v, "nothing to search for in '%s'", p);
		return;
	}
	for (w = 0; w < v->nvers; w++) {
		v->search.vfirst[w] = v->search.nmatches;
		d = v->a->docs[w];
		if ((ts = text_search_open(pat, d->lang, flags,
		    cause == NULL ? &cause : NULL)) == NULL)
			continue;
		nsup++;
		for (i = 0; i < d->nblocks && !full; i++) {
			b = &d->blocks[i];
			from = 0;
			while (from <= b->len && text_search_next(ts, b->text,
			    b->len, from, &m)) {
				if (m.start < from || m.end > b->len ||
				    m.end < m.start)
					break;
				if (v->search.nmatches >= VIEW_MAXMATCH) {
					full = 1;
					break;
				}
				XGROW(v->search.matches, v->search.amatches, v->search.nmatches + 1);
				v->search.matches[v->search.nmatches].v = w;
				v->search.matches[v->search.nmatches].block = i;
				v->search.matches[v->search.nmatches].start = m.start;
				v->search.matches[v->search.nmatches].end = m.end;
				v->search.nmatches++;
				from = m.end > m.start ? m.end :
				    text_next_grapheme(b->text, b->len,
				    m.start);
				if (from <= m.start)
					from = m.start + 1;
			}
		}
		if (text_search_timed_out(ts))
			slow = 1;
		text_search_free(ts);
	}
	for (; w <= v->nvers; w++)
		v->search.vfirst[w] = v->search.nmatches;
	if (nsup == 0) {
		if (cause != NULL)
			view_message(v, "%s", cause);
		else
			view_message(v, "search is not available for '%s'",
			    pat);
		free(cause);
		return;
	}
	free(cause);
	vf_search_order(v);
	if (v->search.norder == 0 && slow) {
		view_message(v, "the regular expression took too long: "
		    "nothing found");
		return;
	}
	if (v->search.norder == 0) {
		not_found(v);
		return;
	}
	vf_search_next(v, dir);
	if (full)
		view_message(v, "only the first %d matches are shown",
		    VIEW_MAXMATCH);
	if (slow)
		view_message(v, "the regular expression took too long: "
		    "the matches found so far are shown");
}

static int	prompt_key(struct view *, int32_t);
static void	prompt_close(struct view *);

/* The search prompt: its input shows on the status line (view-draw.c). */
static const struct vmode prompt_mode = {
	.name = "search",
	.key = prompt_key,
	.close = prompt_close
};

/* Open the search prompt. */
void
vf_search_start(struct view *v, int dir)
{
	v_mode_enter(v, &prompt_mode);
	v->search.prompt = dir > 0 ? '/' : '?';
	strbuf_reset(&v->search.input);
}

/* Close the search prompt. */
static void
prompt_close(struct view *v)
{
	v->search.prompt = 0;
	if (v->mode == &prompt_mode)
		v->mode = NULL;
}

/* Delete the last grapheme (word when word) of the prompt's input. */
static void
input_delete(struct view *v, int word)
{
	struct strbuf	*in = &v->search.input;
	size_t		 n = in->len;

	if (!word) {
		n = text_prev_grapheme(in->buf, in->len, in->len);
	} else {
		while (n > 0 && in->buf[n - 1] == ' ')
			n--;
		while (n > 0 && in->buf[n - 1] != ' ')
			n--;
	}
	strbuf_setlen(in, n);
}

/* Handle a key in the search prompt. */
static int
prompt_key(struct view *v, int32_t key)
{
	char	u[8];
	int32_t	n = 0;
	UBool	err = 0;
	int	dir;

	switch (key) {
	case PRKEY_ESC:
	case PRKEY_CTRL('g'):
	case PRKEY_CTRL('c'):
		v_mode_leave(v);
		return (VIEW_REDRAW);
	case PRKEY_ENTER:
	case PRKEY_CTRL('j'):
		dir = v->search.prompt == '/' ? 1 : -1;
		v_mode_leave(v);
		if (v->search.input.len > 0)
			search_run(v, v->search.input.buf, dir);
		else if (v->search.pattern != NULL) {
			v->search.sdir = dir;
			vf_search_next(v, dir);
		}
		return (VIEW_REDRAW);
	case PRKEY_BACKSPACE:
	case PRKEY_CTRL('h'):
		if (v->search.input.len == 0)
			v_mode_leave(v);
		else
			input_delete(v, 0);
		return (VIEW_REDRAW);
	case PRKEY_CTRL('w'):
		input_delete(v, 1);
		return (VIEW_REDRAW);
	case PRKEY_CTRL('u'):
		strbuf_reset(&v->search.input);
		return (VIEW_REDRAW);
	case PRKEY_UP:
		if (v->search.pattern != NULL) {
			strbuf_reset(&v->search.input);
			strbuf_addstr(&v->search.input, v->search.pattern);
		}
		return (VIEW_REDRAW);
	}
	if (key < 0x20 || key >= 0x110000 || key == 0x7f ||
	    (key >= 0x80 && key < 0xa0) || v->search.input.len > 256)
		return (0);
	U8_APPEND(u, n, (int32_t)sizeof u, key, err);
	if (!err)
		strbuf_add(&v->search.input, u, (size_t)n);
	return (VIEW_REDRAW);
}

static int	toc_activate(struct view *, size_t);
static int	link_activate(struct view *, size_t);

static const struct vlist_kind toc_kind = {
	.name = "contents",
	.hint = "j/k: move  Enter: go  q: close",
	.activate = toc_activate
};
static const struct vlist_kind links_kind = {
	.name = "links",
	.hint = "j/k: move  Enter: open  q: close",
	.activate = link_activate
};
static const struct vlist_kind help_kind = {
	.name = "help",
	.hint = "j/k: scroll  q: close",
	.scroll = 1,
	.tabw = 25
};

/* Open the list of headings. */
void
vf_toc(struct view *v)
{
	const struct doc	*d = v->a->docs[v->fv];
	const struct doc_block	*b;
	struct strbuf		 sb = STRBUF_INIT;
	size_t			 i, fb = 0;
	int			 k;

	if (v->fs < v->cur->nsents[v->fv])
		fb = v->cur->sents[v->fv][v->fs].block;
	vlist_begin(v, &toc_kind, xstrdup("Contents"));
	for (i = 0; i < d->nblocks; i++) {
		b = &d->blocks[i];
		if (b->kind != BLOCK_HEADING)
			continue;
		strbuf_reset(&sb);
		for (k = 1; k < b->level && k < 6; k++)
			strbuf_addstr(&sb, "  ");
		strbuf_add(&sb, b->text, b->len > 400 ? 400 : b->len);
		if (i <= fb)
			v->menu.sel = v->menu.n;
		vlist_add(v, strbuf_detach(&sb, NULL), i, NULL);
	}
	strbuf_release(&sb);
	if (v->menu.n == 0) {
		vlist_close(v);
		view_message(v, "no headings in this version");
	}
}

/* Open the list of links. */
void
vf_links(struct view *v)
{
	const struct doc	*d = v->a->docs[v->fv];
	const struct doc_block	*b;
	const struct doc_span	*sp;
	struct strbuf		 sb = STRBUF_INIT;
	size_t			 i, k, n;

	vlist_begin(v, &links_kind, xstrdup("Links"));
	for (i = 0; i < d->nblocks && v->menu.n < 10000; i++) {
		b = &d->blocks[i];
		for (k = 0; k < b->nspans; k++) {
			sp = &b->spans[k];
			if (sp->kind != SPAN_LINK || sp->target == NULL)
				continue;
			strbuf_reset(&sb);
			n = sp->end > sp->start && sp->end <= b->len ?
			    sp->end - sp->start : 0;
			strbuf_add(&sb, b->text + sp->start, n > 200 ? 200 : n);
			strbuf_addstr(&sb, "  <");
			strbuf_addstr(&sb, sp->target);
			strbuf_addstr(&sb, ">");
			vlist_add(v, strbuf_detach(&sb, NULL), i, sp->target);
		}
	}
	strbuf_release(&sb);
	if (v->menu.n == 0) {
		vlist_close(v);
		view_message(v, "no links in this version");
	}
}

/* Open the help. */
void
vf_help(struct view *v)
{
	static const char	*notes[] = {
		"",
		"Search prompt: Enter searches (empty: the last pattern), "
		"Esc cancels, Backspace, C-w deletes a word, C-u clears, "
		"Up recalls the last pattern.",
		"Searches ignore case and accents, per language; S switches "
		"between all versions and the focused one.",
		"Search patterns: \\<word\\> finds whole words; \\v starts "
		"a regular expression (ICU), e.g. \\v(volkov|halvorsen).",
		"Mouse: a click focuses a sentence (or picks a version in "
		"the header), the wheel scrolls; \"mouse off\" in the config "
		"turns it off and leaves the terminal its own selection.",
		"Copy: y (Y: with the translations) goes to the terminal's "
		"clipboard (OSC 52), else to polyread-copy.txt, named on the "
		"status line; \"clipboard auto|osc52|file\" in the config.",
		"Layouts: columns (L unlinks the focused column), single "
		"(1-6, Tab or a click in the header switch the version), "
		"interlinear.",
		"A ? in the margin marks a doubtful alignment (x and X go "
		"to the next and previous one).",
		"Jumps (a search, the contents, a note, x, g, G, 50%) are "
		"kept: C-o or '' goes back, C-r forward again. NN% or NNp "
		"goes NN percent through the text.",
		"Notes: a writes a note on the selection (v, or a mouse "
		"drag), else the focused quotation or sentence (a note "
		"already there is edited); m lists them. A \xe2\x9c\x8e in "
		"the margin marks a noted passage, \xe2\x89\x88 its "
		"translation in the other versions.",
		"Note editor: C-s saves, Esc cancels, C-z or C-_ undoes, "
		"Tab suggests spellings (Enter or 1-9 replaces, + adds to "
		"your dictionary, i ignores), C-t switches the language.",
		"Config: $XDG_CONFIG_HOME/polyread/config (theme, layout, "
		"width, mouse, clipboard, bind KEY ACTION); themes in "
		"$XDG_CONFIG_HOME/polyread/themes.",
	};
	char		 keys[128];
	size_t		 i;
	int		 a;
	struct settings	 def;
	const struct settings *s = v->set;

	if (s == NULL) {
		settings_init(&def);
		s = &def;
	}
	vlist_begin(v, &help_kind, xstrdup("polyread keys (q closes)"));
	for (a = 1; a < ACT_COUNT; a++) {
		settings_keys_of(s, (enum action)a, keys, sizeof keys);
		if (*keys == '\0')
			snprintf(keys, sizeof keys, "(%s)",
			    action_name((enum action)a));
		/* The list wraps the text in a column beside the keys. */
		vlist_add(v, xstrprintf("%s\t%s", keys,
		    action_help((enum action)a)), DOC_NOPOS, NULL);
	}
	for (i = 0; i < nitems(notes); i++)
		vlist_add(v, xstrdup(notes[i]), DOC_NOPOS, NULL);
	if (s != v->set)
		settings_release(&def);
}

/* Is url one the reader may hand to a browser? */
static int
url_ok(const char *url)
{
	static const char	*schemes[] = {
		"http:", "https:", "ftp:", "mailto:"
	};
	size_t			 i;

	for (i = 0; url[i] != '\0'; i++) {
		if ((unsigned char)url[i] <= 0x20 || url[i] == 0x7f)
			return (0);
	}
	for (i = 0; i < nitems(schemes); i++) {
		if (strncasecmp(url, schemes[i], strlen(schemes[i])) == 0)
			return (1);
	}
	return (0);
}

/* Enter on a heading: go to it. */
static int
toc_activate(struct view *v, size_t i)
{
	struct vjump	mark;
	size_t		s, w = v->menu.v;

	s = vl_sentence_at(v->cur, w, v->menu.block[i], 0);
	v_mode_leave(v);
	vj_mark(v, &mark);
	if (s != DOC_NOPOS)
		v_scroll_to_sentence_top(v, w, s);
	vj_commit(v, &mark);
	v->search.cmatch = DOC_NOPOS;
	return (VIEW_REDRAW);
}

/* Enter on a link: hand it to the reader to open. */
static int
link_activate(struct view *v, size_t i)
{
	if (!url_ok(v->menu.url[i])) {
		view_message(v, "not opening '%s': only http, https, ftp and "
		    "mailto links open", v->menu.url[i]);
		return (VIEW_REDRAW);
	}
	free(v->url);
	v->url = xstrdup(v->menu.url[i]);
	v_mode_leave(v);
	return (VIEW_OPEN | VIEW_REDRAW);
}
