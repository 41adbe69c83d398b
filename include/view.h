/*
 * view.h: the reader's view, without a terminal.
 *
 * Where it sits: between the aligner and layout below and the terminal
 * above (reader.c, tty.c); it renders into a grid (grid.h).
 *
 * A view shows the versions of an article through an alignment, in one of
 * three layouts: columns (one per version, every bead starting on the
 * same row in all columns), single (one version full width) and
 * interlinear (each bead's versions stacked). It takes events (keys, mouse,
 * resize) and renders into a grid (grid.h); the terminal code paints the
 * grid and turns its input into events, so everything here is tested
 * without a terminal.
 *
 * Until the alignment is ready the view shows a provisional alignment,
 * block i of every version in one row; view_set_alignment() switches to
 * the real one, keeping the focused sentence where it is on the screen.
 *
 * Layout is lazy: a bead is laid out (layout_column() per version) when it
 * is drawn or crossed while scrolling, kept in a small cache, and only its
 * height is remembered. Nothing lays out the whole article on a key press.
 */
#ifndef POLYREAD_VIEW_H
#define POLYREAD_VIEW_H

#include <stddef.h>
#include <stdint.h>

#include "align.h"
#include "article.h"
#include "grid.h"
#include "settings.h"

/* Beads below this confidence get the doubtful marker. */
#define VIEW_DOUBTFUL	0.5

struct view;

/* The layouts (view.c's table has their names and parts). */
enum view_layout {
	LAYOUT_COLUMNS,
	LAYOUT_SINGLE,
	LAYOUT_INTERLINEAR
};

struct view_opts {
	enum view_layout	 layout;
	int			 maxw;		/* max column width; 0: none */
	int			 mouse;
	const struct settings	*settings;	/* key bindings; outlives */
	char			**themes;	/* what T cycles through */
	size_t			 nthemes;
	const char		*theme;		/* the current theme */
};

enum view_event_kind {
	VIEW_EV_KEY,
	VIEW_EV_MOUSE,
	VIEW_EV_RESIZE
};

/* Mouse buttons. */
#define VIEW_BUTTON1	1
#define VIEW_WHEEL_UP	4
#define VIEW_WHEEL_DOWN	5
#define VIEW_DRAG1	6	/* moved with button 1 down */
#define VIEW_RELEASE1	7	/* button 1 released */

struct view_event {
	enum view_event_kind	kind;
	int32_t			key;	/* a code point or PRKEY_* */
	int			x;	/* mouse: cell; resize: new size */
	int			y;
	int			button;
};

/* What view_event() asks of the caller. */
#define VIEW_REDRAW	0x1	/* render and paint */
#define VIEW_QUIT	0x2
#define VIEW_THEME	0x4	/* switch to view_theme() */
#define VIEW_OPEN	0x8	/* open view_url() */
#define VIEW_CLEAR	0x10	/* repaint the whole terminal */
#define VIEW_COPY	0x20	/* copy view_clip() */
#define VIEW_LIBRARY	0x40	/* open the library (the reader's) */

/*
 * Create a view of an article (which must outlive it) for a screen of
 * w x h cells.
 */
struct view	*view_create(const struct article *, const struct view_opts *,
		     int w, int h);
void		 view_free(struct view *);
/* Handle one event; returns VIEW_* bits. */
int		 view_event(struct view *, const struct view_event *);
/* The same for an action, as if its key had been pressed. */
int		 view_action(struct view *, enum action);
void		 view_resize(struct view *, int w, int h);
/*
 * Switch to the real alignment (the view now owns it and frees it with
 * align_free()), keeping the focused sentence on screen.
 */
void		 view_set_alignment(struct view *, struct alignment *);
/* Alignment progress in thousandths, shown in the status line; -1: none. */
void		 view_set_progress(struct view *, int);
/* Show a message in the status line until the next key. */
void		 view_message(struct view *, const char *, ...)
		     PR_PRINTF(2, 3);
/* Render the whole screen into g (resized to the view's size). */
void		 view_render(struct view *, struct grid *);
/*
 * Use idle time: lay out a few of the units a page up or down would show.
 * Returns 1 while there is more to do.
 */
int		 view_idle(struct view *);

/* The theme to switch to after VIEW_THEME. */
const char	*view_theme(const struct view *);
/* The URL to open after VIEW_OPEN. */
const char	*view_url(const struct view *);
/* The text to copy after VIEW_COPY (y, Y), or NULL. */
const char	*view_clip(const struct view *);
/* Is the mouse on? */
int		 view_mouse(const struct view *);

struct notes;
struct spell;
/*
 * Give the view the notes of its article and a spell checker (either may
 * be NULL: off is then the reason notes are off, shown when a note key is
 * pressed). Neither is owned; both must outlive the view. The notes are
 * mapped through the view's alignment now and whenever it changes.
 */
void		 view_set_notes(struct view *, struct notes *, struct spell *,
		     const char *off);
/* The reading position: the focused sentence's start and version. */
void		 view_position(const struct view *, size_t *version,
		     struct doc_pos *);
/* Focus the sentence at a position and scroll it to the top. */
void		 view_goto(struct view *, size_t version, struct doc_pos);
/* Is the note editor open (the terminal passes C-z and C-s on)? */
int		 view_editing(const struct view *);
/* The editor's text, or NULL when it is closed (for the tests). */
const char	*view_editor_text(const struct view *);
/* The selection: 1 with its version and range, or 0 when none. */
int		 view_selection(const struct view *, size_t *version,
		     struct doc_pos *start, struct doc_pos *end);

/* A layout's name, and back (-1 when unknown). */
const char	*layout_name(enum view_layout);
int		 layout_find(const char *);
/*
 * The layout the settings name (columns when they name none); an unknown
 * name is columns and an error added to the settings, with its line.
 */
enum view_layout view_layout_of(struct settings *);

/* State, for the tests. */
enum view_layout view_get_layout(const struct view *);
/* The focused version and sentence. */
size_t		 view_focus(const struct view *, size_t *version);
/* Is the alignment shown the real one? */
int		 view_aligned(const struct view *);
/*
 * The screen row where the text of sentence s of version v starts, or -1
 * when it is not on screen.
 */
int		 view_sentence_row(struct view *, size_t v, size_t s);

#endif
