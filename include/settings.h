/*
 * settings.h: the reader's settings, its keys and their actions.
 *
 * Where it sits: under the view and the reader (keys, actions, the layout
 * by name); above the base only.
 *
 * Settings come from the defaults, then the config file
 * ($XDG_CONFIG_HOME/polyread/config, else ~/.config/polyread/config), then
 * the command line. The config file has one setting per line, '#' starts
 * a comment:
 *
 *	theme dark		a theme name (see theme.h)
 *	layout columns		columns, single or interlinear
 *	width 80		the readable column width (0: no limit)
 *	mouse on		on or off
 *	clipboard auto		where y copies: auto, osc52 or file
 *	bind C-n down		bind a key to an action ("none" unbinds)
 *
 * "=" may separate a name from its value. A bad line is reported as
 * "FILE:LINE: message" and skipped: the reader still starts.
 *
 * Keys are Unicode code points, or the KEY_* values below for the keys
 * that have no character; the terminal code translates its own.
 */
#ifndef POLYREAD_SETTINGS_H
#define POLYREAD_SETTINGS_H

#include <stddef.h>
#include <stdint.h>

/* Keys without a character, above the Unicode range. */
enum {
	PRKEY_UP = 0x110000,
	PRKEY_DOWN,
	PRKEY_LEFT,
	PRKEY_RIGHT,
	PRKEY_PGUP,
	PRKEY_PGDN,
	PRKEY_HOME,
	PRKEY_END,
	PRKEY_ENTER,
	PRKEY_ESC,
	PRKEY_TAB,
	PRKEY_BTAB,
	PRKEY_BACKSPACE,
	PRKEY_DELETE,
	PRKEY_INSERT,
	PRKEY_F1,
	PRKEY_F12 = PRKEY_F1 + 11,
	PRKEY_LAST
};
/* The key code of Ctrl and a letter. */
#define PRKEY_CTRL(c)	((c) & 0x1f)

enum action {
	ACT_NONE,
	ACT_DOWN,
	ACT_UP,
	ACT_PAGE_DOWN,
	ACT_PAGE_UP,
	ACT_HALF_DOWN,
	ACT_HALF_UP,
	ACT_TOP,
	ACT_BOTTOM,
	ACT_NEXT_SENTENCE,
	ACT_PREV_SENTENCE,
	ACT_NEXT_PARAGRAPH,
	ACT_PREV_PARAGRAPH,
	ACT_NEXT_QUOTE,
	ACT_PREV_QUOTE,
	ACT_NEXT_DOUBTFUL,
	ACT_PREV_DOUBTFUL,
	ACT_NEXT_VERSION,
	ACT_PREV_VERSION,
	ACT_VERSION_1,
	ACT_VERSION_2,
	ACT_VERSION_3,
	ACT_VERSION_4,
	ACT_VERSION_5,
	ACT_VERSION_6,
	ACT_LAYOUT,
	ACT_LINK,
	ACT_SEARCH,
	ACT_SEARCH_BACK,
	ACT_SEARCH_NEXT,
	ACT_SEARCH_PREV,
	ACT_SEARCH_SCOPE,
	ACT_TOC,
	ACT_LINKS,
	ACT_ANNOTATE,
	ACT_VISUAL,
	ACT_NOTES,
	ACT_THEME,
	ACT_HELP,
	ACT_REDRAW,
	ACT_QUIT,
	ACT_JUMP_BACK,
	ACT_JUMP_FORWARD,
	ACT_PERCENT,
	ACT_COPY,
	ACT_COPY_ALL,
	ACT_LIBRARY,
	ACT_COUNT
};

/* Where y copies: the "clipboard" setting. */
enum clipboard {
	CLIPBOARD_AUTO,		/* OSC 52 when terminfo has Ms, else a file */
	CLIPBOARD_OSC52,	/* always OSC 52 (a terminal that takes it) */
	CLIPBOARD_FILE		/* always the copy file */
};

struct binding {
	int32_t		key;
	enum action	action;
};

struct settings {
	char		*theme;		/* NULL: the default */
	char		*layout;	/* NULL: the default; the view knows
					   the names (view_layout_of()) */
	char		*layout_at;	/* "FILE:LINE" of its config line */
	int		 width;		/* maximum column width, 0: none */
	int		 mouse;
	struct binding	*binds;
	size_t		 nbinds;
	size_t		 abinds;
	char		**errors;	/* "FILE:LINE: message" */
	size_t		 nerrors;
	enum clipboard	 clipboard;
};

/* Fill with the defaults and the default key bindings. */
void		 settings_init(struct settings *);
void		 settings_release(struct settings *);
/* The config file's path (static; NULL when there is no home). */
const char	*settings_path(void);
/*
 * Read a config file, applying each good line and adding an error for
 * each bad one. A missing file is not an error. Returns the number of
 * errors added.
 */
size_t		 settings_load(struct settings *, const char *path);
/* The same on text already in memory (file names it in messages). */
size_t		 settings_parse(struct settings *, const char *file,
		     const char *data, size_t len);
/* Apply one "name value" setting; -1 with *cause when it is bad. */
int		 settings_set(struct settings *, const char *name,
		     const char *value, char **cause);

/* The action bound to key, or ACT_NONE. */
enum action	 settings_action(const struct settings *, int32_t key);
/* Bind key to action (ACT_NONE removes the key's binding). */
void		 settings_bind(struct settings *, int32_t key, enum action);
/*
 * The keys bound to action, as names separated by ", " into buf; "" when
 * none.
 */
void		 settings_keys_of(const struct settings *, enum action,
		     char *buf, size_t size);

/* Parse a key name ("j", "C-d", "Space", "PgDn", "F1", "é"); -1 if bad. */
int		 settings_key_parse(const char *, int32_t *key);
/* The name of a key, into buf. */
void		 settings_key_name(int32_t key, char *buf, size_t size);

/* An action's name in config files, and back (-1 when unknown). */
const char	*action_name(enum action);
int		 action_find(const char *);
/* A one-line description of an action, for the help screen. */
const char	*action_help(enum action);
/* Add an error for file:line (line 0: file alone). */
void		 settings_error(struct settings *, const char *file,
		     size_t line, const char *msg);

#endif
