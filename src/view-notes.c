/*
 * Notes in the reader: selecting a passage (visual mode, a mouse drag),
 * the note editor with its spell-checking, and the notes list.
 *
 * The passage of a note is the selection if there is one, else the
 * focused quotation, else the focused sentence. The editor is a box over
 * the text: the passage on top, the note (an editbuf, wrapped to the
 * box), a message line and the keys. The note is checked with hunspell
 * after every change, in its language (the annotated version's, C-t
 * switches), and saved in one transaction by C-s; when the store refuses
 * it (read-only, full, damaged) the message shows and the text stays.
 *
 * Nothing here touches the terminal: keys and mouse events come in,
 * draw_editor() (the editor mode's draw) draws into the grid.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "view-int.h"

/* Keys of the editor, always shown. */
static const char ed_keys[] = "C-s save  Esc cancel  C-z undo  "
    "Tab suggestions  C-t language";
static const char sug_keys[] = "Enter/1-9 replace  + add to dictionary  "
    "i ignore  Esc back";

/* Say notes are off, and why. */
static void
notes_off(struct view *v)
{
	view_message(v, "notes are off: %s", v->notes_off != NULL ?
	    v->notes_off : "no notes database");
}

/* The language of version w ("en" when unknown). */
static const char *
vlang(const struct view *v, size_t w)
{
	const char	*l = w < v->nvers ? v->a->docs[w]->lang : NULL;

	return (l != NULL && *l != '\0' ? l : "en");
}

/* Spell-check the editor's text again. */
static void
ed_check(struct view *v)
{
	struct vedit	*ed = v->ed;
	char		*w;

	free(ed->errs);
	ed->errs = NULL;
	ed->nerrs = 0;
	if (v->spell == NULL)
		return;
	ed->nerrs = spell_check(v->spell, ed->lang, ed->eb.buf, ed->eb.len,
	    &ed->ign, &ed->errs);
	if ((w = spell_warning(v->spell)) != NULL) {
		view_message(v, "%s", w);
		free(w);
	}
}

/* Forget the suggestions. */
static void
ed_sugg_free(struct vedit *ed)
{
	spell_suggestions_free(ed->sugg, ed->nsugg);
	ed->sugg = NULL;
	ed->nsugg = 0;
	ed->ssel = 0;
	ed->suggesting = 0;
}

static int	editor_key(struct view *, int32_t);
static void	draw_editor(struct view *, struct grid *);
static int	notes_list_key(struct view *, int32_t);
static int	notes_list_activate(struct view *, size_t);

/* The note editor, over the text. */
static const struct vmode editor_mode = {
	.name = "note editor",
	.key = editor_key,
	.draw = draw_editor,
	.close = vn_editor_close
};

/* The list of notes. */
static const struct vlist_kind notes_kind = {
	.name = "notes",
	.hint = "j/k: move  Enter: go  e: edit  d: delete  q: close",
	.activate = notes_list_activate,
	.key = notes_list_key
};

/* Close the editor, dropping its text. */
void
vn_editor_close(struct view *v)
{
	struct vedit	*ed = v->ed;

	if (v->mode == &editor_mode)
		v->mode = NULL;
	if (ed == NULL)
		return;
	ed_sugg_free(ed);
	eb_release(&ed->eb);
	spell_ignore_clear(&ed->ign);
	free(ed->errs);
	free(ed->quote);
	free(ed->msg);
	free(ed->lines);
	free(ed);
	v->ed = NULL;
}

/* Set the editor's message. */
static void
ed_msg(struct vedit *ed, char *msg)
{
	free(ed->msg);
	ed->msg = msg;
}

/* Open the editor on a passage, or on note n when not NULL. */
static void
ed_open(struct view *v, size_t w, struct doc_pos a, struct doc_pos b,
    const struct note *n)
{
	struct vedit	*ed;
	const char	*l;

	v_mode_enter(v, &editor_mode);
	ed = xcalloc(1, sizeof *ed);
	v->ed = ed;
	ed->vers = w;
	ed->a = a;
	ed->b = b;
	if (n != NULL) {
		ed->id = n->rec.id;
		ed->quote = xstrdup(n->rec.sel.exact != NULL ? n->rec.sel.exact : "");
		eb_init(&ed->eb, n->rec.text);
		l = n->rec.lang != NULL ? n->rec.lang : n->rec.vlang;
		if (l == NULL)
			l = vlang(v, w);
	} else {
		ed->quote = note_range_text(v->a->docs[w], a, b);
		eb_init(&ed->eb, NULL);
		l = vlang(v, w);
	}
	snprintf(ed->lang, sizeof ed->lang, "%s", l);
	v->sel.on = 0;
	v->visual = 0;
	v->drag = 0;
	ed_check(v);
}

/* The note of version w whose own passage overlaps [a, b), or DOC_NOPOS. */
static size_t
note_over(struct view *v, size_t w, struct doc_pos a, struct doc_pos b)
{
	const struct note_mark	*mk;
	size_t			 i;

	for (i = 0; i < v->notes->nmarks; i++) {
		mk = &v->notes->marks[i];
		if (mk->vers != w || mk->counterpart)
			continue;
		if (doc_pos_cmp(mk->start, b) < 0 && doc_pos_cmp(a, mk->end) < 0)
			return (mk->note);
	}
	return (DOC_NOPOS);
}

/* a: annotate the selection, the quotation or the sentence. */
void
vn_annotate(struct view *v)
{
	struct doc_pos	a, b;
	size_t		w, i;

	/* Without notes the editor still opens: saving says why not. */
	if (v_passage(v, &w, &a, &b) != 0 || doc_pos_cmp(a, b) >= 0) {
		view_message(v, "nothing to annotate here");
		return;
	}
	/* A note already on the focus (not a selection): edit it. */
	if (!v->sel.on && v->notes != NULL &&
	    (i = note_over(v, w, a, b)) != DOC_NOPOS) {
		ed_open(v, w, v->notes->v[i].start, v->notes->v[i].end,
		    &v->notes->v[i]);
		return;
	}
	ed_open(v, w, a, b, NULL);
}

/* v: start selecting at the focused sentence (v again: stop). */
void
vn_visual(struct view *v)
{
	const struct text_sentence	*t;

	if (v->visual) {
		v->visual = 0;
		v->sel.on = 0;
		return;
	}
	if (v->fv >= v->cur->nvers || v->fs >= v->cur->nsents[v->fv])
		return;
	t = &v->cur->sents[v->fv][v->fs];
	v->sel.on = 1;
	v->sel.v = v->fv;
	v->sel.a.block = v->sel.b.block = t->block;
	v->sel.a.off = t->start;
	v->sel.b.off = t->end;
	v->visual = 1;
	v->fq = DOC_NOPOS;
}

/* The sentence of the selection's version holding the byte before p. */
static size_t
sent_before(struct view *v, struct doc_pos p)
{
	return (vl_sentence_at(v->cur, v->sel.v, p.block,
	    p.off > 0 ? p.off - 1 : 0));
}

/* Extend (dir > 0) or shrink the selection by a sentence. */
static void
sel_sentence(struct view *v, int dir)
{
	const struct text_sentence	*t = v->cur->sents[v->sel.v];
	size_t				 n = v->cur->nsents[v->sel.v], s;
	struct doc_pos			 p;

	s = sent_before(v, v->sel.b);
	if (s == DOC_NOPOS)
		return;
	if (dir > 0) {
		if (s + 1 >= n) {
			view_message(v, "last sentence");
			return;
		}
		s++;
	} else {
		if (s == 0)
			return;
		s--;
	}
	p.block = t[s].block;
	p.off = t[s].end;
	if (doc_pos_cmp(p, v->sel.a) <= 0) {
		view_message(v, "the selection starts here");
		return;
	}
	v->sel.b = p;
	v->fs = vl_sentence_at(v->cur, v->sel.v, p.block,
	    p.off > 0 ? p.off - 1 : 0);
	if (v->fs == DOC_NOPOS)
		v->fs = 0;
	v->fv = v->sel.v;
	v_ensure_visible(v);
}

/* Extend (dir > 0) or shrink the selection by a word. */
static void
sel_word(struct view *v, int dir)
{
	const struct doc	*d = v->a->docs[v->sel.v];
	struct text_range	*r = NULL;
	struct doc_pos		 p = v->sel.b, best;
	size_t			 n, i, blk;
	int			 found = 0;

	if (dir > 0) {
		for (blk = p.block; blk < d->nblocks && !found; blk++) {
			n = text_words(d->blocks[blk].text, d->blocks[blk].len,
			    d->lang, &r);
			for (i = 0; i < n; i++) {
				if (blk == p.block && r[i].end <= p.off)
					continue;
				best.block = blk;
				best.off = r[i].end;
				found = 1;
				break;
			}
			free(r);
			r = NULL;
		}
	} else {
		for (blk = p.block + 1; blk > v->sel.a.block && !found;
		    blk--) {
			n = text_words(d->blocks[blk - 1].text,
			    d->blocks[blk - 1].len, d->lang, &r);
			for (i = n; i > 0; i--) {
				best.block = blk - 1;
				best.off = r[i - 1].end;
				if (doc_pos_cmp(best, p) >= 0)
					continue;
				found = doc_pos_cmp(best, v->sel.a) > 0;
				break;
			}
			free(r);
			r = NULL;
			if (!found && blk - 1 == v->sel.a.block)
				break;
		}
	}
	if (!found) {
		view_message(v, dir > 0 ? "no more words" :
		    "the selection starts here");
		return;
	}
	v->sel.b = best;
}

/* Keys in visual mode, or with a selection. -1: not taken. */
static int
visual_key(struct view *v, int32_t key)
{
	if (key == PRKEY_ESC) {
		v->visual = 0;
		v->sel.on = 0;
		return (VIEW_REDRAW);
	}
	if (!v->visual) {
		if (key == PRKEY_ENTER) {
			vn_annotate(v);
			return (VIEW_REDRAW);
		}
		return (-1);
	}
	switch (key) {
	case ')':
		sel_sentence(v, 1);
		break;
	case '(':
		sel_sentence(v, -1);
		break;
	case 'w':
		sel_word(v, 1);
		break;
	case 'b':
		sel_word(v, -1);
		break;
	case 'a':
	case PRKEY_ENTER:
		vn_annotate(v);
		break;
	case 'v':
		v->visual = 0;
		v->sel.on = 0;
		break;
	default:
		return (-1);
	}
	return (VIEW_REDRAW);
}

/* Save the note. */
static void
ed_save(struct view *v)
{
	struct vedit	*ed = v->ed;
	const char	*t = eb_text(&ed->eb);
	char		*cause = NULL;
	size_t		 i;
	int		 r;

	if (strspn(t, " \t\n") == strlen(t)) {
		ed_msg(ed, xstrdup("the note is empty (Esc cancels)"));
		return;
	}
	if (v->notes == NULL) {
		r = NOTES_ERROR;
		cause = xstrprintf("notes are off: %s", v->notes_off != NULL ?
		    v->notes_off : "no notes database");
	} else if (ed->id == 0) {
		r = notes_add(v->notes, ed->vers, ed->a, ed->b, t, ed->lang,
		    NULL, 0, &cause);
	} else if ((i = notes_find_id(v->notes, ed->id)) == DOC_NOPOS) {
		r = NOTES_NOTFOUND;
		cause = xstrdup("the note was deleted");
	} else
		r = notes_edit(v->notes, i, t, ed->lang, NULL, 0, &cause);
	if (r < 0) {
		ed_msg(ed, xstrprintf("not saved: %s", cause != NULL ? cause :
		    notes_strerror(r)));
		free(cause);
		return;
	}
	vn_editor_close(v);
	view_message(v, "note saved");
}

/* The misspelled word at or before the cursor: 0 with its range. */
static int
ed_word(struct vedit *ed, size_t *ws, size_t *we)
{
	struct text_range	*r = NULL;
	size_t			 i, n, cur = ed->eb.cur;
	int			 found = 0;

	for (i = ed->nerrs; i > 0; i--) {
		if (ed->errs[i - 1].start <= cur) {
			*ws = ed->errs[i - 1].start;
			*we = ed->errs[i - 1].end;
			return (0);
		}
	}
	/* No misspelling before: the word under the cursor. */
	n = text_words(ed->eb.buf, ed->eb.len, ed->lang, &r);
	for (i = 0; i < n && !found; i++) {
		if (r[i].start <= cur && cur <= r[i].end) {
			*ws = r[i].start;
			*we = r[i].end;
			found = 1;
		}
	}
	free(r);
	return (found ? 0 : -1);
}

/* Tab: the suggestions for the word at or before the cursor. */
static void
ed_suggest(struct view *v)
{
	struct vedit	*ed = v->ed;

	ed_sugg_free(ed);
	if (v->spell == NULL) {
		ed_msg(ed, xstrdup("no spell-checking"));
		return;
	}
	if (ed_word(ed, &ed->ws, &ed->we) != 0) {
		ed_msg(ed, xstrdup("no word to check before the cursor"));
		return;
	}
	ed->nsugg = spell_suggest(v->spell, ed->lang, ed->eb.buf + ed->ws,
	    ed->we - ed->ws, &ed->sugg);
	ed->suggesting = 1;
}

/* Keys in the suggestions. */
static int
sugg_key(struct view *v, int32_t key)
{
	struct vedit	*ed = v->ed;
	const char	*w = ed->eb.buf + ed->ws;
	size_t		 wl = ed->we - ed->ws, pick = DOC_NOPOS;
	char		*cause = NULL;

	switch (key) {
	case 'j':
	case PRKEY_DOWN:
	case PRKEY_CTRL('n'):
		if (ed->ssel + 1 < ed->nsugg)
			ed->ssel++;
		return (VIEW_REDRAW);
	case 'k':
	case PRKEY_UP:
	case PRKEY_CTRL('p'):
		if (ed->ssel > 0)
			ed->ssel--;
		return (VIEW_REDRAW);
	case PRKEY_ENTER:
		pick = ed->ssel;
		break;
	case '+':
		if (spell_add(v->spell, ed->lang, w, wl, &cause) != 0) {
			ed_msg(ed, xstrprintf("not added: %s", cause));
			free(cause);
		} else
			ed_msg(ed, xstrprintf("added '%.*s' to your "
			    "dictionary", (int)PR_MIN(wl, 64), w));
		break;
	case 'i':
		spell_ignore_add(&ed->ign, w, wl);
		ed_msg(ed, xstrprintf("ignoring '%.*s' in this note",
		    (int)PR_MIN(wl, 64), w));
		break;
	case PRKEY_ESC:
	case PRKEY_TAB:
	case 'q':
	case PRKEY_CTRL('g'):
		break;
	default:
		if (key >= '1' && key <= '9')
			pick = (size_t)(key - '1');
		else
			return (VIEW_REDRAW);
		break;
	}
	if (pick != DOC_NOPOS && pick < ed->nsugg)
		eb_replace(&ed->eb, ed->ws, ed->we, ed->sugg[pick].word,
		    strlen(ed->sugg[pick].word));
	ed_sugg_free(ed);
	ed_check(v);
	return (VIEW_REDRAW);
}

/* C-t: the next language of the article. */
static void
ed_language(struct view *v)
{
	struct vedit	*ed = v->ed;
	const char	*langs[VMAXV];
	size_t		 n = 0, i, k, cur = DOC_NOPOS;

	for (i = 0; i < v->nvers; i++) {
		for (k = 0; k < n; k++) {
			if (strcmp(langs[k], vlang(v, i)) == 0)
				break;
		}
		if (k == n)
			langs[n++] = vlang(v, i);
	}
	for (k = 0; k < n; k++) {
		if (strcmp(langs[k], ed->lang) == 0)
			cur = k;
	}
	k = cur == DOC_NOPOS ? 0 : (cur + 1) % n;
	snprintf(ed->lang, sizeof ed->lang, "%s", langs[k]);
	ed_msg(ed, xstrprintf("language: %s", ed->lang));
	ed_check(v);
}

/* Move the cursor n display lines up (dir < 0) or down. */
static void
ed_vertical(struct vedit *ed, int dir, int n)
{
	size_t	nl;

	nl = eb_wrap(&ed->eb, ed->tw > 0 ? ed->tw : 40, ed->lang, &ed->lines,
	    &ed->alines);
	while (n-- > 0 && eb_vertical(&ed->eb, ed->lines, nl, dir))
		;
}

/* Keys in the editor. */
static int
editor_key(struct view *v, int32_t key)
{
	struct vedit	*ed = v->ed;
	int		 changed = 0, page;

	if (ed->confirm) {
		ed->confirm = 0;
		if (key == 'y' || key == 'Y') {
			vn_editor_close(v);
			view_message(v, "note discarded");
		} else
			ed_msg(ed, NULL);
		return (VIEW_REDRAW);
	}
	if (ed->suggesting)
		return (sugg_key(v, key));
	ed_msg(ed, NULL);
	page = 5;
	switch (key) {
	case PRKEY_CTRL('s'):
		ed_save(v);
		return (VIEW_REDRAW);
	case PRKEY_ESC:
		if (!ed->eb.modified) {
			vn_editor_close(v);
			return (VIEW_REDRAW);
		}
		ed->confirm = 1;
		ed_msg(ed, xstrdup("discard the changes? (y/n)"));
		return (VIEW_REDRAW);
	case PRKEY_CTRL('z'):
	case PRKEY_CTRL('_'):
		if (eb_undo(&ed->eb))
			changed = 1;
		else
			ed_msg(ed, xstrdup("nothing to undo"));
		break;
	case PRKEY_TAB:
		ed_suggest(v);
		return (VIEW_REDRAW);
	case PRKEY_CTRL('t'):
		ed_language(v);
		return (VIEW_REDRAW);
	case PRKEY_ENTER:
		eb_insert(&ed->eb, "\n", 1);
		changed = 1;
		break;
	case PRKEY_BACKSPACE:
		changed = eb_backspace(&ed->eb);
		break;
	case PRKEY_DELETE:
	case PRKEY_CTRL('d'):
		changed = eb_delete(&ed->eb);
		break;
	case PRKEY_LEFT:
	case PRKEY_CTRL('b'):
		eb_left(&ed->eb);
		break;
	case PRKEY_RIGHT:
	case PRKEY_CTRL('f'):
		eb_right(&ed->eb);
		break;
	case PRKEY_HOME:
	case PRKEY_CTRL('a'):
		eb_home(&ed->eb);
		break;
	case PRKEY_END:
	case PRKEY_CTRL('e'):
		eb_end(&ed->eb);
		break;
	case PRKEY_UP:
	case PRKEY_CTRL('p'):
		ed_vertical(ed, -1, 1);
		break;
	case PRKEY_DOWN:
	case PRKEY_CTRL('n'):
		ed_vertical(ed, 1, 1);
		break;
	case PRKEY_PGUP:
		ed_vertical(ed, -1, page);
		break;
	case PRKEY_PGDN:
		ed_vertical(ed, 1, page);
		break;
	default:
		if (key >= 0x20 && key < 0x110000 && key != 0x7f) {
			eb_insert_cp(&ed->eb, key);
			changed = 1;
		}
		break;
	}
	if (changed)
		ed_check(v);
	return (VIEW_REDRAW);
}

/* Keys before the bindings in visual mode. -1: not taken. */
int
vn_key(struct view *v, int32_t key)
{
	if (v->sel.on)
		return (visual_key(v, key));
	return (-1);
}

/* The text of a note's passage, cut for a list. */
static void
preview(struct strbuf *sb, const char *s, size_t max)
{
	size_t	n = 0, i = 0, g;

	while (s[i] != '\0' && n < max) {
		g = text_next_grapheme(s, strlen(s + i) + i, i);
		if (s[i] == '\n' || s[i] == '\t' || s[i] == '\r')
			strbuf_addch(sb, ' ');
		else
			strbuf_add(sb, s + i, g - i);
		i = g;
		n++;
	}
	if (s[i] != '\0')
		strbuf_addstr(sb, "\xe2\x80\xa6");
}

/* m: the notes of the article. */
void
vn_list(struct view *v)
{
	const struct note	*n;
	struct strbuf		 sb = STRBUF_INIT;
	char			*q, code[8];
	size_t			 i, k, sel = v->menu.kind == &notes_kind ?
				     v->menu.sel : 0;

	v->confirm = 0;
	if (v->notes == NULL) {
		notes_off(v);
		return;
	}
	if (v->notes->n == 0) {
		vlist_close(v);
		view_message(v, "no notes on this article (a writes one)");
		return;
	}
	vlist_begin(v, &notes_kind, xstrprintf("Notes (%zu)",
	    v->notes->n));
	for (i = 0; i < v->notes->n; i++) {
		n = &v->notes->v[i];
		strbuf_reset(&sb);
		snprintf(code, sizeof code, "%s", n->rec.vlang != NULL ?
		    n->rec.vlang : "-");
		for (k = 0; code[k] != '\0'; k++)
			code[k] = (char)(code[k] >= 'a' && code[k] <= 'z' ?
			    code[k] - 32 : code[k]);
		strbuf_addf(&sb, "%-3s %-8s \xe2\x80\x9c", code,
		    n->state == NOTE_ORPHAN ? "ORPHAN" :
		    note_state_name(n->state));
		if (n->vers < v->nvers && n->state != NOTE_ORPHAN &&
		    n->state != NOTE_UNOPENED) {
			q = note_range_text(v->a->docs[n->vers], n->start,
			    n->end);
			preview(&sb, q, 40);
			free(q);
		} else
			preview(&sb, n->rec.sel.exact != NULL ? n->rec.sel.exact : "",
			    40);
		strbuf_addstr(&sb, "\xe2\x80\x9d  ");
		preview(&sb, n->rec.text != NULL ? n->rec.text : "", 50);
		strbuf_addf(&sb, "  [%s]", n->rec.lang != NULL ? n->rec.lang : "-");
		vlist_add(v, strbuf_detach(&sb, NULL), i, NULL);
	}
	strbuf_release(&sb);
	v->menu.sel = sel < v->menu.n ? sel : v->menu.n - 1;
}

/* Keys of the notes list (-1: the list's own keys). */
static int
notes_list_key(struct view *v, int32_t key)
{
	struct vmenu	*m = &v->menu;
	struct note	*n;
	struct vjump	 mark;
	char		*cause = NULL;
	size_t		 i;

	if (m->sel >= m->n || (i = m->block[m->sel]) >= v->notes->n)
		return (-1);
	n = &v->notes->v[i];
	if (v->confirm) {
		v->confirm = 0;
		if (key != 'y' && key != 'Y') {
			view_message(v, "not deleted");
			return (VIEW_REDRAW);
		}
		if (notes_delete(v->notes, i, &cause) != 0) {
			view_message(v, "not deleted: %s", cause);
			free(cause);
			return (VIEW_REDRAW);
		}
		vn_list(v);
		view_message(v, "note deleted");
		return (VIEW_REDRAW);
	}
	switch (key) {
	case PRKEY_ENTER:
		if (n->state == NOTE_ORPHAN || n->state == NOTE_UNOPENED ||
		    n->vers >= v->nvers) {
			view_message(v, "%s: its passage is not in the text "
			    "(e edits, d deletes)", n->state == NOTE_ORPHAN ?
			    "an orphan" : "not in the open versions");
			return (VIEW_REDRAW);
		}
		vlist_close(v);
		vj_mark(v, &mark);
		v_goto(v, n->vers, n->start, 0);
		vj_commit(v, &mark);
		return (VIEW_REDRAW);
	case 'e':
		vlist_close(v);
		ed_open(v, n->vers, n->start, n->end, n);
		return (VIEW_REDRAW);
	case 'd':
	case PRKEY_DELETE:
		v->confirm = 1;
		view_message(v, "delete this note? (y/n)");
		return (VIEW_REDRAW);
	case 'm':
		vlist_close(v);
		return (VIEW_REDRAW);
	}
	return (-1);
}

/* A drag or a release of button 1 (and the press, to start one). */
int
vn_mouse(struct view *v, const struct view_event *ev)
{
	struct doc_pos	p, a, b;
	size_t		w;
	const char	*t;
	size_t		len;

	if (ev->button == VIEW_BUTTON1) {
		v->drag = v_pos_at(v, ev->x, ev->y, &v->dragv, &v->dragp);
		v->sel.on = 0;
		v->visual = 0;
		return (VIEW_REDRAW);
	}
	if (!v->drag)
		return (0);
	if (ev->button == VIEW_RELEASE1)
		v->drag = 0;
	if (!v_pos_at(v, ev->x, ev->y, &w, &p) || w != v->dragv)
		return (0);
	if (doc_pos_cmp(p, v->dragp) == 0) {
		v->sel.on = 0;
		return (VIEW_REDRAW);
	}
	a = doc_pos_cmp(p, v->dragp) < 0 ? p : v->dragp;
	b = doc_pos_cmp(p, v->dragp) < 0 ? v->dragp : p;
	/* The grapheme under the pointer is in. */
	t = v->a->docs[w]->blocks[b.block].text;
	len = v->a->docs[w]->blocks[b.block].len;
	b.off = text_next_grapheme(t, len, b.off);
	v->sel.on = 1;
	v->sel.v = w;
	v->sel.a = a;
	v->sel.b = b;
	if (ev->button == VIEW_RELEASE1)
		view_message(v, "a: annotate the selection  Esc: clear it");
	return (VIEW_REDRAW);
}

/* Write s at x, y with its misspellings underlined. */
static void
draw_styled(struct view *v, struct grid *g, int x, int y, int xmax,
    size_t start, size_t end)
{
	struct vedit	*ed = v->ed;
	size_t		 n = end - start, i, k, s, e;

	if (n == 0)
		return;
	vd_style_room(v, n);
	memset(v->sslots, SLOT_MENU, n);
	memset(v->sflags, 0, n);
	for (k = 0; k < ed->nerrs; k++) {
		s = PR_MAX(ed->errs[k].start, start);
		e = PR_MIN(ed->errs[k].end, end);
		for (i = s; i < e; i++) {
			v->sslots[i - start] = SLOT_MISSPELLING;
			v->sflags[i - start] = GRID_UNDERLINE;
		}
	}
	grid_text_styled(g, x, y, xmax, ed->eb.buf + start, n, v->sslots,
	    v->sflags);
}

/* The editor's box on screen, and the width of its text. */
struct ebox {
	int	x, y, w, h;
	int	tw;
};

/* The title line and the passage (three lines at most); the next row. */
static int
ed_draw_head(struct view *v, struct grid *g, const struct ebox *b)
{
	struct vedit		*ed = v->ed;
	struct text_line	*ql = NULL;
	struct strbuf		*sb = &v->sb;
	size_t			 aql = 0, nq, i;
	int			 y, x;

	strbuf_reset(sb);
	if (ed->id == 0)
		strbuf_addf(sb, "New note on the %s passage", vlang(v,
		    ed->vers));
	else
		strbuf_addstr(sb, "Edit note");
	strbuf_addf(sb, "  (language %s)", ed->lang);
	grid_fill(g, b->x, b->y, b->w, SLOT_HEADER);
	vd_clipped(g, b->x + 1, b->y, b->x + b->w - 1, sb->buf, sb->len,
	    SLOT_HEADER, GRID_BOLD);
	nq = text_wrap(ed->quote, strlen(ed->quote), b->tw - 2, vlang(v,
	    ed->vers), &ql, &aql);
	y = b->y + 1;
	for (i = 0; i < nq && i < 3 && y < b->y + b->h; i++, y++) {
		x = grid_text(g, b->x + 2, y, b->x + b->w - 1, "> ", 2,
		    SLOT_QUOTATION, 0);
		x = grid_text(g, x, y, b->x + b->w - 2, ed->quote + ql[i].start,
		    ql[i].end - ql[i].start, SLOT_QUOTATION, 0);
		if (i == 2 && nq > 3)
			grid_text(g, x, y, b->x + b->w - 1, "\xe2\x80\xa6", 3,
			    SLOT_QUOTATION, 0);
	}
	free(ql);
	return (y);
}

/* The note's text in th rows from row ty, scrolled to show the cursor. */
static void
ed_draw_text(struct view *v, struct grid *g, const struct ebox *b, int ty,
    int th)
{
	struct vedit	*ed = v->ed;
	size_t		 nl, i, k;
	int		 col;

	nl = eb_wrap(&ed->eb, b->tw, ed->lang, &ed->lines, &ed->alines);
	k = eb_cursor_line(&ed->eb, ed->lines, nl, &col);
	if (k < ed->top)
		ed->top = k;
	if (th > 0 && k >= ed->top + (size_t)th)
		ed->top = k - (size_t)th + 1;
	for (i = 0; (int)i < th && ed->top + i < nl; i++)
		draw_styled(v, g, b->x + 2, ty + (int)i, b->x + 2 + b->tw,
		    ed->lines[ed->top + i].start, ed->lines[ed->top + i].end);
	if (!ed->suggesting && !ed->confirm) {
		g->cx = b->x + 2 + PR_MIN(col, b->tw);
		g->cy = ty + (int)(k - ed->top);
	}
}

/* The spelling suggestions in srows rows from row y. */
static void
ed_draw_suggestions(struct view *v, struct grid *g, const struct ebox *b,
    int y, int srows)
{
	struct vedit	*ed = v->ed;
	struct strbuf	*sb = &v->sb;
	size_t		 i, k, n = (size_t)srows - 1;
	int		 slot;

	strbuf_reset(sb);
	strbuf_addstr(sb, "Suggestions for '");
	strbuf_add(sb, ed->eb.buf + ed->ws, PR_MIN(ed->we - ed->ws, 64));
	strbuf_addstr(sb, ed->nsugg == 0 ? "': none" : "'");
	grid_fill(g, b->x, y, b->w, SLOT_HEADER);
	vd_clipped(g, b->x + 1, y, b->x + b->w - 1, sb->buf, sb->len,
	    SLOT_HEADER, GRID_BOLD);
	for (i = 0; i < n && i < ed->nsugg; i++) {
		/* Scrolled so that the selected one shows. */
		k = ed->nsugg > n && ed->ssel >= n ? ed->ssel - n + 1 + i : i;
		if (k >= ed->nsugg)
			break;
		strbuf_reset(sb);
		strbuf_addf(sb, "%zu %s: %s", k + 1, ed->sugg[k].lang,
		    ed->sugg[k].word);
		slot = k == ed->ssel ? SLOT_SELECTED : SLOT_MENU;
		grid_fill(g, b->x, y + 1 + (int)i, b->w, slot);
		vd_clipped(g, b->x + 2, y + 1 + (int)i, b->x + b->w - 1,
		    sb->buf, sb->len, slot, 0);
	}
}

/* The message line and the keys, at the bottom of the box. */
static void
ed_draw_foot(struct view *v, struct grid *g, const struct ebox *b)
{
	struct vedit	*ed = v->ed;
	struct strbuf	*sb = &v->sb;

	strbuf_reset(sb);
	if (ed->msg != NULL)
		strbuf_addstr(sb, ed->msg);
	else if (ed->nerrs > 0)
		strbuf_addf(sb, "%zu misspelled (Tab: suggestions)",
		    ed->nerrs);
	vd_clipped(g, b->x + 1, b->y + b->h - 2, b->x + b->w - 1, sb->buf,
	    sb->len, SLOT_MENU, ed->msg != NULL ? GRID_BOLD : 0);
	strbuf_reset(sb);
	strbuf_addstr(sb, ed->suggesting ? sug_keys : ed_keys);
	vd_clipped(g, b->x + 1, b->y + b->h - 1, b->x + b->w - 1, sb->buf,
	    sb->len, SLOT_GUTTER, 0);
}

/* The editor, over the text area. */
static void
draw_editor(struct view *v, struct grid *g)
{
	struct vedit	*ed = v->ed;
	struct ebox	 b;
	int		 y, ty, th, srows = 0;

	b.w = v->w - 4 < 100 ? v->w - 4 : 100;
	if (b.w < 20)
		b.w = v->w;
	b.h = v->text_rows;
	b.x = (v->w - b.w) / 2;
	b.y = v->text_y;
	b.tw = b.w - 4 > 4 ? b.w - 4 : 4;
	ed->tw = b.tw;
	for (y = b.y; y < b.y + b.h; y++)
		grid_fill(g, b.x, y, b.w, SLOT_MENU);
	ty = ed_draw_head(v, g, &b) + 1;
	th = b.y + b.h - 2 - ty;
	if (th < 1)
		th = 1;
	/* The suggestions, at the bottom of the text area. */
	if (ed->suggesting) {
		srows = (int)PR_MIN(ed->nsugg + 1, 10);
		if (srows > th / 2 + 1)
			srows = th / 2 + 1;
		if (srows < 1)
			srows = 1;
		th -= srows;
	}
	ed_draw_text(v, g, &b, ty, th);
	if (ed->suggesting)
		ed_draw_suggestions(v, g, &b, ty + th, srows);
	ed_draw_foot(v, g, &b);
}

/* Enter on a note: go to its passage. */
static int
notes_list_activate(struct view *v, size_t i)
{
	int	r = notes_list_key(v, PRKEY_ENTER);

	return (r >= 0 ? r : VIEW_REDRAW);
}
