/*
 * editbuf.h: the text of the note editor (src/editbuf.c), without a
 * terminal.
 *
 * Where it sits: under the note editor (view-notes.c); above text.h.
 *
 * A buffer of UTF-8 text with a cursor, edited by grapheme cluster (ICU
 * character boundaries through text.h): the cursor is always on a
 * grapheme boundary, Backspace and Delete remove a whole grapheme (a
 * letter with its combining marks, an emoji ZWJ sequence). Every change
 * can be undone: a snapshot of the text and the cursor is pushed before
 * it, consecutive letters typed together sharing one (a word undoes at
 * once). The text is always NUL-terminated.
 *
 * Display lines: the text is cut at its newlines, then each paragraph is
 * wrapped by display width (text_wrap()); eb_wrap() gives the lines with
 * absolute byte offsets, and the cursor's line and column follow from
 * them.
 */
#ifndef POLYREAD_EDITBUF_H
#define POLYREAD_EDITBUF_H

#include <stddef.h>

#include "text.h"

/* Undo steps kept; the oldest are dropped beyond it. */
#define EB_MAXUNDO	256

struct eb_snap {
	char	*text;
	size_t	 cur;
};

struct editbuf {
	char		*buf;		/* NUL-terminated */
	size_t		 len;
	size_t		 alloc;
	size_t		 cur;		/* cursor, bytes */
	int		 modified;	/* changed since eb_init() */
	int		 typing;	/* the last change was a letter typed */
	struct eb_snap	*undo;
	size_t		 nundo;
	size_t		 aundo;
};

void	 eb_init(struct editbuf *, const char *text);
void	 eb_release(struct editbuf *);
/* The text (NUL-terminated, owned by the buffer). */
const char *eb_text(const struct editbuf *);

/* Insert s at the cursor and move after it. */
void	 eb_insert(struct editbuf *, const char *s, size_t len);
/* Insert one code point (a key). */
void	 eb_insert_cp(struct editbuf *, int cp);
/* Remove the grapheme before (after) the cursor; 0 when there is none. */
int	 eb_backspace(struct editbuf *);
int	 eb_delete(struct editbuf *);
/* Replace bytes [start, end) with s; the cursor goes after it. */
void	 eb_replace(struct editbuf *, size_t start, size_t end,
	     const char *s, size_t len);
/* Undo the last change; 0 when there is nothing to undo. */
int	 eb_undo(struct editbuf *);

/* Move by a grapheme; 0 at the end (start). */
int	 eb_right(struct editbuf *);
int	 eb_left(struct editbuf *);
/* The start and end of the cursor's line (between newlines). */
void	 eb_home(struct editbuf *);
void	 eb_end(struct editbuf *);

/*
 * The display lines of the text at width columns in lang: [start, end)
 * in bytes, without the newlines (a paragraph that is empty is one empty
 * line). Stores them in *lines (grown, *alloc its capacity) and returns
 * their number, at least 1.
 */
size_t	 eb_wrap(const struct editbuf *, int width, const char *lang,
	     struct text_line **lines, size_t *alloc);
/* The line of lines[0 .. n) the cursor is on, and its column. */
size_t	 eb_cursor_line(const struct editbuf *, const struct text_line *,
	     size_t n, int *col);
/* Move the cursor a display line up (dir < 0) or down, keeping its column. */
int	 eb_vertical(struct editbuf *, const struct text_line *, size_t n,
	     int dir);

#endif
