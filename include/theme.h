/*
 * theme.h: semantic style slots and the theme files that colour them.
 *
 * Where it sits: under the view (slots) and tty.c (colours); no
 * terminal code here.
 *
 * The view styles cells by meaning (text, heading, focus, match...); a
 * theme maps each slot to a foreground, a background and attributes. A
 * theme is a plain text file, one slot per line:
 *
 *	# comment
 *	text      = default default
 *	focus     = black #ffd75f bold
 *	match     = 16 214 bold,underline
 *
 * Colours are "default", one of the eight names (black red green yellow
 * blue magenta cyan white, "bright-" for 8 to 15), a number 0 to 255 or
 * #rrggbb; attributes are bold, dim, italic, underline, reverse, a comma or
 * space separated list, or "none". Slots a theme leaves out take the text
 * slot's colours. theme_resolve() brings the colours down to what the
 * terminal has: true colour, 256, 8 or none.
 *
 * Themes are looked up in $XDG_CONFIG_HOME/polyread/themes (user themes),
 * then in the installed data, then in the source tree's themes folder.
 *
 * A theme that leaves the terminal's background showing says which kind
 * of background it is made for with a line "background = dark" (or
 * light); one that says nothing suits both (mono, or high-contrast, which
 * paints its own). T cycles through the themes that suit the terminal.
 */
#ifndef POLYREAD_THEME_H
#define POLYREAD_THEME_H

#include <stddef.h>

enum theme_slot {
	SLOT_TEXT,
	SLOT_HEADING,
	SLOT_QUOTATION,
	SLOT_FOCUS,
	SLOT_LINKED,
	SLOT_MATCH,
	SLOT_NOTE,
	SLOT_MISSPELLING,
	SLOT_GUTTER,
	SLOT_STATUS,
	SLOT_DOUBTFUL,
	SLOT_HEADER,		/* the language header of a column */
	SLOT_LINK,		/* a link in the text */
	SLOT_MENU,		/* lists and the help screen */
	SLOT_SELECTED,		/* the selected item of a list */
	SLOT_COUNT
};

#define THEME_BOLD	0x1
#define THEME_DIM	0x2
#define THEME_ITALIC	0x4
#define THEME_UNDERLINE	0x8
#define THEME_REVERSE	0x10

enum theme_colour_kind {
	COLOUR_DEFAULT,		/* the terminal's own */
	COLOUR_INDEX,		/* a palette index 0 to 255 */
	COLOUR_RGB		/* value is 0xrrggbb */
};

struct theme_colour {
	enum theme_colour_kind	kind;
	int			value;
};

struct theme_style {
	struct theme_colour	fg;
	struct theme_colour	bg;
	int			attrs;		/* THEME_* */
};

/* The background a theme is made for, or a terminal has. */
enum theme_background {
	THEME_BG_ANY,		/* a theme for both; a terminal unknown */
	THEME_BG_DARK,
	THEME_BG_LIGHT
};

struct theme {
	char			*name;
	struct theme_style	 slots[SLOT_COUNT];
	enum theme_background	 background;
	char			*warning;	/* first problem in the file */
};

/* The name of a slot in theme files, and back (-1 when unknown). */
const char	*theme_slot_name(int);
int		 theme_slot_find(const char *);

/* Parse a colour ("default", "red", "bright-red", "42", "#ff8700"). */
int		 theme_colour_parse(const char *, struct theme_colour *);

/*
 * Parse theme text (file names it in messages). Problems are not fatal:
 * the first becomes theme->warning, as "FILE:LINE: message". Release with
 * theme_release().
 */
void		 theme_parse(struct theme *, const char *name,
		     const char *file, const char *data, size_t len);
/*
 * Find and load theme name. Returns 0, or -1 with *cause (free it) when
 * there is no such theme or it cannot be read.
 */
int		 theme_load(struct theme *, const char *name, char **cause);
void		 theme_release(struct theme *);
/* The built-in monochrome theme (attributes only), without any file. */
void		 theme_mono(struct theme *);

/*
 * The names of the available themes: the four shipped ones first, then
 * the user's (you own the array and the strings). Returns their number.
 */
size_t		 theme_list(char ***names);
/*
 * Does theme name suit a terminal with background bg (THEME_BG_ANY: not
 * known, taken as dark)? A theme that does not load suits nothing.
 */
int		 theme_suits(const char *name, enum theme_background bg);
/*
 * The background of a terminal from its reply to the OSC 11 query
 * ("\033]11;rgb:RRRR/GGGG/BBBB" then BEL or ST), or THEME_BG_ANY when
 * reply is not one.
 */
enum theme_background theme_background_osc11(const char *reply, size_t len);
/*
 * The background of a terminal from $COLORFGBG ("15;0": light text on
 * black), or THEME_BG_ANY when it says nothing usable.
 */
enum theme_background theme_background_colorfgbg(const char *value);
/* The folders searched, in order (NULL-terminated, static). */
const char	**theme_dirs(void);

/*
 * Bring a style down to a terminal with ncolours colours (0: none, 8, 16,
 * 256, or more for true colour): RGB colours become the nearest palette
 * entry, indexes above the range the nearest lower one.
 */
void		 theme_resolve(const struct theme_style *, int ncolours,
		     struct theme_style *out);
/* The nearest xterm-256 palette index of an RGB colour. */
int		 theme_rgb_to_256(int rgb);
/* The nearest of the 8 (or 16) basic colours of an RGB colour. */
int		 theme_rgb_to_basic(int rgb, int n);
/* The RGB value of xterm-256 palette index i. */
int		 theme_index_rgb(int i);

#endif
