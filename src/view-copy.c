/*
 * Copying (y, Y): the selection, else the focused quotation, else the
 * focused sentence; Y adds its translations, in the order of the
 * versions, one per line, through the alignment (align_map(): whole
 * sentences go to their beads' sentences, a linked quotation to its
 * counterpart). The view keeps the text and asks the reader to copy it
 * (VIEW_COPY): the terminal's clipboard or a file is the reader's choice
 * (reader.c, clip.h).
 *
 * Above view-core.c; view.c's actions call it.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "view-int.h"

/* Add [a, b) of version w's text, its blocks on lines of their own. */
static void
add_range(struct strbuf *sb, const struct doc *d, struct doc_pos a,
    struct doc_pos b)
{
	const struct doc_block	*bl;
	size_t			 i, s, e;

	for (i = a.block; i <= b.block && i < d->nblocks; i++) {
		bl = &d->blocks[i];
		s = i == a.block ? a.off : 0;
		e = i == b.block ? b.off : bl->len;
		if (e > bl->len)
			e = bl->len;
		if (s > e)
			s = e;
		if (i > a.block)
			strbuf_addch(sb, '\n');
		strbuf_add(sb, bl->text + s, e - s);
	}
}

/* Keep the passage (all: with its translations) for the reader to copy. */
int
vc_copy(struct view *v, int all)
{
	struct strbuf	sb = STRBUF_INIT;
	struct doc_pos	a, b, oa, ob;
	size_t		w, x;

	if (v_passage(v, &w, &a, &b) != 0 || w >= v->nvers) {
		view_message(v, "nothing to copy");
		return (VIEW_REDRAW);
	}
	for (x = 0; x < v->nvers; x++) {
		if (x == w) {
			if (sb.len > 0)
				strbuf_addch(&sb, '\n');
			add_range(&sb, v->a->docs[w], a, b);
		} else if (all && align_map(v->cur, w, a, b, x, &oa,
		    &ob) == 0) {
			if (sb.len > 0)
				strbuf_addch(&sb, '\n');
			add_range(&sb, v->a->docs[x], oa, ob);
		}
	}
	free(v->clip);
	v->clip = strbuf_detach(&sb, NULL);
	/* As vim's y, copying ends the visual selection. */
	v->visual = 0;
	v->sel.on = 0;
	return (VIEW_COPY | VIEW_REDRAW);
}

/* The text to copy, after VIEW_COPY. */
const char *
view_clip(const struct view *v)
{
	return (v->clip);
}
