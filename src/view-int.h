/*
 * view-int.h: the view's private state, shared by view*.c.
 *
 * The screen shows "units": beads in the columns and interlinear layouts,
 * blocks of the shown version in the single layout. A unit is laid out
 * into tracks (one per column; the interlinear and single layouts have one
 * track), each a list of display lines, after sep blank rows. A position is
 * a unit and a row inside it; scrolling walks units, laying out only those
 * it crosses.
 */
#ifndef POLYREAD_VIEW_INT_H
#define POLYREAD_VIEW_INT_H

#include "editbuf.h"
#include "layout.h"
#include "note.h"
#include "spell.h"
#include "theme.h"
#include "view.h"

#define VMAXV		ALIGN_MAXVERS
#define VIEW_MAXMATCH	100000
/* Width of the marker margin left of the text. */
#define VIEW_MARGIN	2

/* A position: row of unit (unit == nunits is the end). */
struct vpos {
	size_t	unit;
	int	row;
};

/* The display lines of one column of a unit. */
struct vtrack {
	struct layout_line	*lines;
	uint8_t			*ver;		/* version of each line */
	size_t			 n;
	size_t			 alloc;
	size_t			 avers;
};

/* A laid-out unit, in the cache. */
struct vunit {
	size_t		unit;		/* DOC_NOPOS: empty slot */
	unsigned	gen;
	int		sep;		/* blank rows before the text */
	int		height;
	struct vtrack	tracks[VMAXV];
};

/*
 * A layout: how the screen is cut into columns and what a unit is. Each
 * lives in a file of its own (view-columns.c, view-single.c,
 * view-interlinear.c) on view-layout.c's helpers; view.c's table picks
 * one by enum view_layout. The rest of the view asks its properties, not
 * which one it is.
 */
struct vlayout {
	const char	*name;
	int		 one_version;	/* shows v->sv alone (single) */
	int		 columns;	/* a column per version, which L can
					   unlink; a header and gutters */
	int		 labels;	/* language labels left of each
					   version's lines (v->labelw) */
	/* Set ncols, colx, colver, colw (and labelw). */
	void		(*geometry)(struct view *);
	/* The number of units. */
	size_t		(*units)(const struct view *);
	/* Blank rows before unit u. */
	int		(*sep)(const struct view *, size_t u);
	/* Lay out unit u into e's tracks. */
	void		(*lay)(struct view *, size_t u, struct vunit *e);
	/* The unit of sentence s of version w (both valid). */
	size_t		(*unit_of)(const struct view *, size_t w, size_t s);
	/*
	 * The layout to use instead when this one does not fit the screen
	 * (fits() false), or NULL.
	 */
	const struct vlayout *narrow;
	int		(*fits)(const struct view *);
};
extern const struct vlayout vlayout_columns, vlayout_single,
		vlayout_interlinear;

/* A styled range of one version, for highlighting. */
struct vrange {
	size_t		v;
	struct doc_pos	a;
	struct doc_pos	b;
	int		slot;
	int		flags;
};

/* A search match. */
struct vmatch {
	size_t	v;
	size_t	block;
	size_t	start;
	size_t	end;
};

/* What the mouse finds on a screen row of a column. */
struct vrowmap {
	int	v;			/* -1: nothing */
	size_t	block;
	size_t	start;
	size_t	end;
	int	x;			/* where the text starts */
	int	rtl;			/* a right-to-left line */
};

struct view;
struct view_event;

/*
 * A mode over the text, as tmux's window_mode and htop's Panel: the list
 * (view-list.c), the note editor (view-notes.c) and the search prompt
 * (view-find.c). At most one is open (v->mode): it takes the keys and the
 * mouse before the reader's actions and draws itself over the text last.
 * Each keeps its own state (v->menu, v->ed, v->search).
 */
struct vmode {
	const char	*name;
	/* A key: VIEW_* flags. */
	int		(*key)(struct view *, int32_t key);
	/* A mouse event: VIEW_* flags; NULL: the mouse does nothing. */
	int		(*mouse)(struct view *, const struct view_event *);
	/* Draw over the text; NULL: nothing to draw. */
	void		(*draw)(struct view *, struct grid *);
	/* Free the mode's state (the mode is no longer v->mode then). */
	void		(*close)(struct view *);
};

/*
 * A kind of list: the contents, the links, the help, the notes (and the
 * library of articles to come). The list moves, scrolls and draws; the
 * kind says what its items do.
 */
struct vlist_kind {
	const char	*name;
	const char	*hint;		/* the bottom line */
	int		 scroll;	/* no selection: the keys scroll */
	/* Enter or a click on item i: VIEW_* flags. */
	int		(*activate)(struct view *, size_t i);
	/* The kind's own keys, before the list's: -1 when not taken. */
	int		(*key)(struct view *, int32_t key);
	/*
	 * A scrolled kind's items wrap; an item "KEYS\tTEXT" shows KEYS
	 * in a column of this width and TEXT wrapped beside it.
	 */
	int		 tabw;
};

/* A passage selected for a note: [a, b) of version v. */
struct vsel {
	int		on;
	size_t		v;
	struct doc_pos	a;
	struct doc_pos	b;
};

/* The note editor (view-notes.c). */
struct vedit {
	struct editbuf		 eb;
	size_t			 vers;		/* the passage's version, or
						   DOC_NOPOS (an orphan) */
	struct doc_pos		 a;
	struct doc_pos		 b;
	int64_t			 id;		/* the note; 0: a new one */
	char			*quote;
	char			 lang[16];
	struct spell_ignore	 ign;
	struct spell_error	*errs;
	size_t			 nerrs;
	struct spell_suggestion	*sugg;		/* the suggestions shown */
	size_t			 nsugg;
	size_t			 ssel;
	int			 suggesting;
	size_t			 ws;		/* the word they are for */
	size_t			 we;
	int			 confirm;	/* asking to discard */
	char			*msg;
	size_t			 top;		/* first text line shown */
	int			 tw;		/* its width when drawn */
	struct text_line	*lines;
	size_t			 alines;
};

/*
 * A screen line of a scrolled list: bytes [ks, ke) of item at column 0
 * (its key column) and [s, e) at column x.
 */
struct vlist_line {
	size_t	item;
	size_t	ks;
	size_t	ke;
	size_t	s;
	size_t	e;
	int	x;
};

struct vmenu {
	const struct vlist_kind *kind;	/* NULL: closed */
	char		*title;
	char		**items;	/* display text (unescaped) */
	size_t		*block;		/* TOC: the heading's block */
	const char	**url;		/* links: the target */
	size_t		 n;
	size_t		 alloc;
	size_t		 sel;
	size_t		 top;
	size_t		 v;		/* the version listed */
	int		 y, x, w, h;	/* on screen, from the last render */
	struct vlist_line *lines;	/* a scrolled kind's wrapped lines */
	size_t		 nlines;
	size_t		 alines;
	int		 lw;		/* the width wrapped at */
};

/* A place in the jump list (view-jump.c): a version and a position. */
struct vjump {
	size_t		v;
	struct doc_pos	p;
};

/* The search (view-find.c): the last pattern, its matches, the prompt. */
struct vsearch {
	char			*pattern;
	int			 sdir;		/* 1 forward, -1 backward */
	int			 sall;		/* all versions, or fv */
	struct vmatch		*matches;	/* by version, then position */
	size_t			 nmatches;
	size_t			 amatches;
	size_t			 vfirst[VMAXV + 1]; /* matches of v */
	size_t			*order;		/* in scope, reading order */
	size_t			 norder;
	size_t			 cmatch;	/* current match or DOC_NOPOS */
	size_t			 cord;		/* its index in order */
	int			 prompt;	/* 0, '/' or '?' */
	struct strbuf		 input;
};

struct view {
	const struct article	*a;
	size_t			 nvers;
	const struct settings	*set;

	struct alignment	*al;		/* the real one, or NULL */
	struct alignment	 prov;		/* block i of every version */
	const struct alignment	*cur;		/* al or &prov */
	size_t			*qlink_of[VMAXV]; /* quote -> qlink */
	struct doc_pos		*qreach[VMAXV];	/* max close of quotes 0..i */

	enum view_layout	 layout;
	const struct vlayout	*lay;		/* the layout's */
	const struct vlayout	*wide;		/* the layout's when lay is
						   its narrow fallback, or
						   NULL */
	int			 maxw;
	int			 mouse;
	int			 w, h;
	int			 small;		/* too small to show text */
	int			 ncols;
	int			 colx[VMAXV];
	int			 colw;
	size_t			 colver[VMAXV];
	int			 labelw;	/* interlinear labels */
	int			 hdrx[VMAXV];	/* header: where each version */
	int			 hdrw[VMAXV];	/* is named, for clicks */
	struct layout_header	 hdr[VMAXV];	/* the article header above
						   each version's body */
	int			 text_y;
	int			 text_rows;
	unsigned		 gen;

	size_t			 nunits;
	int			*heights;	/* -1: not known */
	size_t			 aheights;
	struct vunit		*cache;
	size_t			 ncache;
	struct layout_line	*tmp;
	size_t			 atmp;

	struct vpos		 top[VMAXV];	/* per column */
	int			 linked;

	size_t			 fv;		/* focus: version, */
	size_t			 fs;		/* sentence, */
	size_t			 fq;		/* quotation or DOC_NOPOS */
	size_t			 sv;		/* single: the version shown */

	struct vsearch		 search;	/* the search and its prompt */

	const struct vmode	*mode;		/* the mode open, or NULL */
	struct vmenu		 menu;		/* the list's state */

	char			*msg;
	int			 progress;
	char			*url;
	char			**themes;
	size_t			 nthemes;
	size_t			 theme;

	struct vrange		*ranges;	/* focus and linked */
	size_t			 nranges;
	size_t			 aranges;
	uint8_t			*sslots;	/* per byte styles of a line */
	uint8_t			*sflags;
	size_t			 astyle;
	struct vrowmap		*rowmap;	/* h x VMAXV */
	struct strbuf		 sb;
	/* A line in visual order (layout_visual()) and its styles. */
	struct strbuf		 vis;
	size_t			*vmap;
	size_t			 avmap;
	uint8_t			*vslots;
	uint8_t			*vflags;
	size_t			 avstyle;

	/* Notes (view-notes.c). */
	struct notes		*notes;		/* or NULL: off */
	struct spell		*spell;
	char			*notes_off;	/* why they are off */
	struct vsel		 sel;
	int			 visual;	/* v: extending sel by keys */
	int			 drag;		/* button 1 went down on text */
	size_t			 dragv;
	struct doc_pos		 dragp;
	struct vedit		*ed;		/* the editor, or NULL */
	int			 confirm;	/* notes list: deleting */

	/* Jumps (view-jump.c). */
	struct vjump		*jumps;		/* the places jumps left */
	size_t			 njumps;
	size_t			 ajumps;
	size_t			 jcur;		/* njumps, or where back went */
	unsigned long		 count;		/* digits typed before a key */
	int			 counted;	/* count holds digits */
	struct vjump		 count_at;	/* the focus before them */
	size_t			 count_sv;
	int			 quote;		/* ' typed: '' goes back */

	char			*clip;		/* what y copies (view-copy.c) */
};

/* view-layout.c */
void		 vl_geometry(struct view *);
void		 vl_invalidate(struct view *);
struct vunit	*vl_unit(struct view *, size_t u);
int		 vl_height(struct view *, size_t u);
void		 vl_fwd(struct view *, struct vpos *, long n);
void		 vl_back(struct view *, struct vpos *, long n);
long		 vl_dist(struct view *, struct vpos a, struct vpos b,
		     long limit);
void		 vl_clamp(struct view *, struct vpos *);
int		 vl_at_end(struct view *, struct vpos);
size_t		 vl_unit_of(struct view *, size_t v, size_t s);
int		 vl_track_of(struct view *, size_t v);
int		 vl_sentence_rows(struct view *, size_t v, size_t s,
		     size_t *unit, int *r0, int *r1);
size_t		 vl_sentence_at(const struct alignment *, size_t v,
		     size_t block, size_t off);
int		 vl_doubtful(struct view *, size_t u);
void		 vl_provisional(struct view *);
/*
 * For the layouts: after version w's lines of unit u went into a track
 * from line from on, add the article header and the lines' version.
 */
void		 vl_lay_end(struct view *, size_t u, size_t w, size_t from,
		     struct vtrack *);
/* Lay out version w's sentences of bead u. */
void		 vl_lay_bead(struct view *, size_t u, size_t w,
		     struct vtrack *);
/* Beads as units; a sentence's bead; a blank row before each unit. */
size_t		 vl_bead_units(const struct view *);
size_t		 vl_bead_of(const struct view *, size_t w, size_t s);
int		 vl_sep_each(const struct view *, size_t u);
void		 vl_free_provisional(struct view *);

/* view-core.c */
int		 v_focus_col(struct view *);
void		 v_ensure_visible(struct view *);
void		 v_set_focus(struct view *, size_t v, size_t s);
void		 v_scroll_to_sentence_top(struct view *, size_t v, size_t s);
void		 v_goto(struct view *, size_t v, struct doc_pos, int top);
int		 v_pos_at(struct view *, int x, int y, size_t *v,
		     struct doc_pos *);
/* The rows of the focused sentence; -1 when it has none. */
int		 v_focus_rows(struct view *, size_t *u, int *r0, int *r1);
/* Set the top of column c, or of every column when they are linked. */
void		 v_set_top(struct view *, int c, struct vpos);
/* The focus's row in the text area, or -1 when it is not on screen. */
int		 v_focus_screen_row(struct view *);
/* Lay out again, keeping the focus on screen row row. */
void		 v_relayout(struct view *, int row);
/* Open mode m over the text, closing the one open. */
void		 v_mode_enter(struct view *, const struct vmode *m);
/* Close the mode open, if any. */
void		 v_mode_leave(struct view *);
/* The version the header and status line name: single's, else the focus. */
size_t		 v_shown(const struct view *);
/* Is version w in the search's scope? */
int		 v_search_scope(const struct view *, size_t w);
/* Show the focus after a jump: centred unless it is on screen. */
void		 v_show_centred(struct view *);
/* The same, showing position p of a taller-than-the-screen focus. */
void		 v_show_at(struct view *, const struct doc_pos *p);
/* The upper-case language code of version w, into buf. */
/* The selection, else the focused quotation or sentence (0), or -1. */
int		 v_passage(const struct view *, size_t *w, struct doc_pos *a,
		     struct doc_pos *b);
const char	*v_lang_code(const struct view *, size_t w, char *buf,
		     size_t size);

/* view-draw.c */
void		 vd_render(struct view *, struct grid *);
/*
 * The byte of text (len bytes, the line a row of the mouse map shows) at
 * screen column x of that row, in visual order when it is reordered.
 */
size_t		 vc_text_offset(struct view *, const struct vrowmap *,
		     const char *text, size_t len, int x);
/* Room for n cells in the style scratch (v->sslots, v->sflags). */
void		 vd_style_room(struct view *, size_t n);
/*
 * Write s at x, y clipped to [x, xmax), ending in "…" when it is cut;
 * returns the column after it.
 */
int		 vd_clipped(struct grid *, int x, int y, int xmax,
		     const char *s, size_t len, int slot, int flags);

/* view-find.c */
void		 vf_search_start(struct view *, int dir);
int		 vf_search_next(struct view *, int dir);
void		 vf_search_order(struct view *);
void		 vf_search_free(struct view *);
void		 vf_toc(struct view *);
void		 vf_links(struct view *);
void		 vf_help(struct view *);

/* view-jump.c */
/* Note where a jump leaves from; after it, record that if it moved. */
void		 vj_mark(const struct view *, struct vjump *);
void		 vj_commit(struct view *, const struct vjump *);
void		 vj_back(struct view *);
void		 vj_forward(struct view *);
void		 vj_free(struct view *);
/* A digit typed before a key. */
void		 vj_count_digit(struct view *, int digit);
/* Go pct% through the focused version (counted: a count was typed). */
void		 vj_percent(struct view *, unsigned long pct, int counted);

/* view-copy.c */
/* Keep the passage (all: and its translations) to copy: VIEW_* bits. */
int		 vc_copy(struct view *, int all);

/* view-list.c */
extern const struct vmode vlist_mode;
/* Open a list of kind with title (you give it up). */
void		 vlist_begin(struct view *, const struct vlist_kind *,
		     char *title);
/* Add an item: its text (you give it up), a block and a URL (kept). */
void		 vlist_add(struct view *, char *text, size_t block,
		     const char *url);
/* Close the list (its mode's close). */
void		 vlist_close(struct view *);
/*
 * Move *p, an index among n items, by by (clamped); with the keys of a
 * list (vlist_nav(): j k, the arrows, a page of page rows, g G and their
 * synonyms), 1 when key is one of them. The library screen moves with
 * them too.
 */
void		 vlist_step(size_t *p, size_t n, long by);
int		 vlist_nav(int32_t key, size_t *p, size_t n, long page);

/* view-notes.c */
void		 vn_annotate(struct view *);
void		 vn_visual(struct view *);
void		 vn_list(struct view *);
int		 vn_key(struct view *, int32_t key);
int		 vn_mouse(struct view *, const struct view_event *);
void		 vn_editor_close(struct view *);

#endif
