/*
 * Settings: defaults, the config file, key names and the action table.
 * Nothing here touches the terminal; the config file's errors are kept as
 * messages for the reader to show once it has started.
 */
#include "config.h"

#include <ctype.h>
#include <sys/stat.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <unicode/utf8.h>

#include "file.h"
#include "settings.h"
#include "util.h"

static const struct {
	const char	*name;
	const char	*help;
} actions[ACT_COUNT] = {
	[ACT_NONE] = { "none", "do nothing" },
	[ACT_DOWN] = { "down", "scroll down a line" },
	[ACT_UP] = { "up", "scroll up a line" },
	[ACT_PAGE_DOWN] = { "page-down", "scroll down a page" },
	[ACT_PAGE_UP] = { "page-up", "scroll up a page" },
	[ACT_HALF_DOWN] = { "half-down", "scroll down half a page" },
	[ACT_HALF_UP] = { "half-up", "scroll up half a page" },
	[ACT_TOP] = { "top", "go to the start" },
	[ACT_BOTTOM] = { "bottom", "go to the end" },
	[ACT_NEXT_SENTENCE] = { "next-sentence", "focus the next sentence" },
	[ACT_PREV_SENTENCE] = { "prev-sentence",
	    "focus the previous sentence" },
	[ACT_NEXT_PARAGRAPH] = { "next-paragraph",
	    "focus the next paragraph" },
	[ACT_PREV_PARAGRAPH] = { "prev-paragraph",
	    "focus the previous paragraph" },
	[ACT_NEXT_QUOTE] = { "next-quote", "focus the next quotation" },
	[ACT_PREV_QUOTE] = { "prev-quote", "focus the previous quotation" },
	[ACT_NEXT_DOUBTFUL] = { "next-doubtful",
	    "go to the next doubtful alignment" },
	[ACT_PREV_DOUBTFUL] = { "prev-doubtful",
	    "go to the previous doubtful alignment" },
	[ACT_NEXT_VERSION] = { "next-version",
	    "focus the next version (language)" },
	[ACT_PREV_VERSION] = { "prev-version",
	    "focus the previous version" },
	[ACT_VERSION_1] = { "version-1", "focus (single: show) version 1" },
	[ACT_VERSION_2] = { "version-2", "focus (single: show) version 2" },
	[ACT_VERSION_3] = { "version-3", "focus (single: show) version 3" },
	[ACT_VERSION_4] = { "version-4", "focus (single: show) version 4" },
	[ACT_VERSION_5] = { "version-5", "focus (single: show) version 5" },
	[ACT_VERSION_6] = { "version-6", "focus (single: show) version 6" },
	[ACT_LAYOUT] = { "layout",
	    "cycle the layout: columns, single, interlinear" },
	[ACT_LINK] = { "link", "unlink or relink the columns' scrolling" },
	[ACT_SEARCH] = { "search", "search forward" },
	[ACT_SEARCH_BACK] = { "search-back", "search backward" },
	[ACT_SEARCH_NEXT] = { "search-next", "go to the next match" },
	[ACT_SEARCH_PREV] = { "search-prev", "go to the previous match" },
	[ACT_SEARCH_SCOPE] = { "search-scope",
	    "search all versions or the focused one" },
	[ACT_TOC] = { "toc", "list the headings (table of contents)" },
	[ACT_LINKS] = { "links", "list the links; Enter opens one" },
	[ACT_ANNOTATE] = { "annotate",
	    "write a note on the selection, quotation or sentence" },
	[ACT_VISUAL] = { "visual",
	    "select a passage: ) ( w b extend, a annotates" },
	[ACT_NOTES] = { "notes",
	    "list the notes of the article (go, edit, delete)" },
	[ACT_THEME] = { "theme", "switch to the next theme" },
	[ACT_HELP] = { "help", "show this help" },
	[ACT_REDRAW] = { "redraw", "redraw the screen" },
	[ACT_QUIT] = { "quit", "quit" },
	[ACT_JUMP_BACK] = { "jump-back",
	    "back where the last jump left (also '')" },
	[ACT_JUMP_FORWARD] = { "jump-forward",
	    "forward again in the jump list" },
	[ACT_PERCENT] = { "percent",
	    "after a count: go that far through the text (50%)" },
	[ACT_COPY] = { "copy",
	    "copy the selection, quotation or sentence (OSC 52 or a file)" },
	[ACT_COPY_ALL] = { "copy-all",
	    "copy it with its translations in the other versions" },
	[ACT_LIBRARY] = { "library",
	    "the library: the articles read, to open one" }
};

static const struct {
	int32_t		key;
	enum action	action;
} default_binds[] = {
	{ 'j', ACT_DOWN }, { PRKEY_DOWN, ACT_DOWN },
	{ PRKEY_CTRL('n'), ACT_DOWN }, { PRKEY_CTRL('e'), ACT_DOWN },
	{ PRKEY_ENTER, ACT_DOWN },
	{ 'k', ACT_UP }, { PRKEY_UP, ACT_UP }, { PRKEY_CTRL('p'), ACT_UP },
	{ PRKEY_CTRL('y'), ACT_UP },
	{ ' ', ACT_PAGE_DOWN }, { 'f', ACT_PAGE_DOWN },
	{ PRKEY_PGDN, ACT_PAGE_DOWN }, { PRKEY_CTRL('f'), ACT_PAGE_DOWN },
	{ 'b', ACT_PAGE_UP }, { PRKEY_PGUP, ACT_PAGE_UP },
	{ PRKEY_CTRL('b'), ACT_PAGE_UP },
	{ 'd', ACT_HALF_DOWN }, { PRKEY_CTRL('d'), ACT_HALF_DOWN },
	{ 'u', ACT_HALF_UP }, { PRKEY_CTRL('u'), ACT_HALF_UP },
	{ 'g', ACT_TOP }, { PRKEY_HOME, ACT_TOP }, { '<', ACT_TOP },
	{ 'G', ACT_BOTTOM }, { PRKEY_END, ACT_BOTTOM }, { '>', ACT_BOTTOM },
	{ ')', ACT_NEXT_SENTENCE }, { '(', ACT_PREV_SENTENCE },
	{ '}', ACT_NEXT_PARAGRAPH }, { '{', ACT_PREV_PARAGRAPH },
	{ ']', ACT_NEXT_QUOTE }, { '[', ACT_PREV_QUOTE },
	{ 'x', ACT_NEXT_DOUBTFUL }, { 'X', ACT_PREV_DOUBTFUL },
	{ PRKEY_TAB, ACT_NEXT_VERSION }, { PRKEY_BTAB, ACT_PREV_VERSION },
	{ PRKEY_RIGHT, ACT_NEXT_VERSION }, { PRKEY_LEFT, ACT_PREV_VERSION },
	{ '1', ACT_VERSION_1 }, { '2', ACT_VERSION_2 }, { '3', ACT_VERSION_3 },
	{ '4', ACT_VERSION_4 }, { '5', ACT_VERSION_5 }, { '6', ACT_VERSION_6 },
	{ 'l', ACT_LAYOUT }, { 'c', ACT_LAYOUT },
	{ 'L', ACT_LINK },
	{ '/', ACT_SEARCH }, { '?', ACT_SEARCH_BACK },
	{ 'n', ACT_SEARCH_NEXT }, { 'N', ACT_SEARCH_PREV },
	{ 'S', ACT_SEARCH_SCOPE },
	{ 't', ACT_TOC }, { 'o', ACT_LINKS },
	{ 'a', ACT_ANNOTATE }, { 'v', ACT_VISUAL }, { 'm', ACT_NOTES },
	{ 'T', ACT_THEME },
	{ 'h', ACT_HELP }, { PRKEY_F1, ACT_HELP },
	{ PRKEY_CTRL('l'), ACT_REDRAW },
	{ 'q', ACT_QUIT }, { 'Q', ACT_QUIT },
	{ PRKEY_CTRL('o'), ACT_JUMP_BACK },
	{ PRKEY_CTRL('r'), ACT_JUMP_FORWARD },
	{ '%', ACT_PERCENT }, { 'p', ACT_PERCENT },
	{ 'y', ACT_COPY }, { 'Y', ACT_COPY_ALL },
	{ 'B', ACT_LIBRARY }
};

static const struct {
	const char	*name;
	int32_t		 key;
} key_names[] = {
	{ "Up", PRKEY_UP }, { "Down", PRKEY_DOWN }, { "Left", PRKEY_LEFT },
	{ "Right", PRKEY_RIGHT }, { "PgUp", PRKEY_PGUP },
	{ "PgDn", PRKEY_PGDN }, { "PageUp", PRKEY_PGUP },
	{ "PageDown", PRKEY_PGDN }, { "Home", PRKEY_HOME },
	{ "End", PRKEY_END }, { "Enter", PRKEY_ENTER },
	{ "Return", PRKEY_ENTER }, { "Esc", PRKEY_ESC },
	{ "Escape", PRKEY_ESC }, { "Tab", PRKEY_TAB }, { "S-Tab", PRKEY_BTAB },
	{ "BTab", PRKEY_BTAB }, { "Backspace", PRKEY_BACKSPACE },
	{ "BSpace", PRKEY_BACKSPACE }, { "Delete", PRKEY_DELETE },
	{ "DC", PRKEY_DELETE }, { "Insert", PRKEY_INSERT },
	{ "Space", ' ' }
};


/* The config name of an action. */
const char *
action_name(enum action a)
{
	if ((int)a < 0 || a >= ACT_COUNT)
		return ("none");
	return (actions[a].name);
}

/* The action of a config name, or -1. */
int
action_find(const char *name)
{
	int	i;

	for (i = 0; i < ACT_COUNT; i++) {
		if (strcmp(actions[i].name, name) == 0)
			return (i);
	}
	return (-1);
}

/* The help line of an action. */
const char *
action_help(enum action a)
{
	if ((int)a < 0 || a >= ACT_COUNT)
		return ("");
	return (actions[a].help);
}

/* Parse a key name. */
int
settings_key_parse(const char *s, int32_t *key)
{
	size_t	i, n = strlen(s);
	int32_t	j = 0;
	UChar32	c;
	char	*end;
	long	v;

	if (n == 0)
		return (-1);
	for (i = 0; i < nitems(key_names); i++) {
		if (strcasecmp(key_names[i].name, s) == 0) {
			*key = key_names[i].key;
			return (0);
		}
	}
	if ((s[0] == 'C' || s[0] == 'c') && s[1] == '-' && n == 3 &&
	    isalpha((unsigned char)s[2])) {
		*key = PRKEY_CTRL(tolower((unsigned char)s[2]));
		return (0);
	}
	if (s[0] == '^' && n == 2 && isalpha((unsigned char)s[1])) {
		*key = PRKEY_CTRL(tolower((unsigned char)s[1]));
		return (0);
	}
	if ((s[0] == 'F' || s[0] == 'f') && n >= 2 && n <= 3 &&
	    isdigit((unsigned char)s[1])) {
		v = strtol(s + 1, &end, 10);
		if (*end == '\0' && v >= 1 && v <= 12) {
			*key = PRKEY_F1 + (int32_t)v - 1;
			return (0);
		}
	}
	/* A single character. */
	if (n > 4)
		return (-1);
	U8_NEXT(s, j, (int32_t)n, c);
	if (c < 0x21 || j != (int32_t)n || c == 0x7f ||
	    (c >= 0x80 && c < 0xa0))
		return (-1);
	*key = c;
	return (0);
}

/* Write the name of a key. */
void
settings_key_name(int32_t key, char *buf, size_t size)
{
	size_t	i;
	char	u[8];
	int32_t	n = 0;
	UBool	err = 0;

	for (i = 0; i < nitems(key_names); i++) {
		if (key_names[i].key == key) {
			snprintf(buf, size, "%s", key_names[i].name);
			return;
		}
	}
	if (key >= PRKEY_F1 && key <= PRKEY_F12) {
		snprintf(buf, size, "F%d", (int)(key - PRKEY_F1 + 1));
		return;
	}
	if (key > 0 && key < 0x20) {
		snprintf(buf, size, "C-%c", (char)(key + 'a' - 1));
		return;
	}
	if (key <= 0x20 || key >= 0x110000 || key == 0x7f ||
	    (key >= 0x80 && key < 0xa0)) {
		snprintf(buf, size, "key-%d", (int)key);
		return;
	}
	U8_APPEND(u, n, (int32_t)sizeof u, key, err);
	u[n] = '\0';
	snprintf(buf, size, "%s", err ? "?" : u);
}

/* Bind a key to an action, or unbind it. */
void
settings_bind(struct settings *s, int32_t key, enum action a)
{
	size_t	i;

	for (i = 0; i < s->nbinds; i++) {
		if (s->binds[i].key == key) {
			if (a == ACT_NONE) {
				memmove(&s->binds[i], &s->binds[i + 1],
				    (s->nbinds - i - 1) * sizeof *s->binds);
				s->nbinds--;
			} else
				s->binds[i].action = a;
			return;
		}
	}
	if (a == ACT_NONE)
		return;
	XGROW(s->binds, s->abinds, s->nbinds + 1);
	s->binds[s->nbinds].key = key;
	s->binds[s->nbinds].action = a;
	s->nbinds++;
}

/* The action bound to a key. */
enum action
settings_action(const struct settings *s, int32_t key)
{
	size_t	i;

	for (i = 0; i < s->nbinds; i++) {
		if (s->binds[i].key == key)
			return (s->binds[i].action);
	}
	return (ACT_NONE);
}

/* List the keys bound to an action. */
void
settings_keys_of(const struct settings *s, enum action a, char *buf,
    size_t size)
{
	struct strbuf	sb = STRBUF_INIT;
	char		name[32];
	size_t		i;

	for (i = 0; i < s->nbinds; i++) {
		if (s->binds[i].action != a)
			continue;
		settings_key_name(s->binds[i].key, name, sizeof name);
		if (sb.len > 0)
			strbuf_addstr(&sb, ", ");
		strbuf_addstr(&sb, name);
	}
	snprintf(buf, size, "%s", sb.buf);
	strbuf_release(&sb);
}

/* Fill settings with the defaults. */
void
settings_init(struct settings *s)
{
	size_t	i;

	memset(s, 0, sizeof *s);
	s->width = 80;
	s->mouse = 1;
	for (i = 0; i < nitems(default_binds); i++)
		settings_bind(s, default_binds[i].key, default_binds[i].action);
}

/* Free settings. */
void
settings_release(struct settings *s)
{
	size_t	i;

	free(s->theme);
	free(s->layout);
	free(s->layout_at);
	free(s->binds);
	for (i = 0; i < s->nerrors; i++)
		free(s->errors[i]);
	free(s->errors);
	memset(s, 0, sizeof *s);
}

/* The path of the config file. */
const char *
settings_path(void)
{
	static char	*path;
	const char	*x, *home;

	if (path != NULL)
		return (path);
	if ((x = getenv("XDG_CONFIG_HOME")) != NULL && *x == '/')
		path = xstrprintf("%s/polyread/config", x);
	else if ((home = getenv("HOME")) != NULL && *home != '\0')
		path = xstrprintf("%s/.config/polyread/config", home);
	return (path);
}

/* Parse on/off words; -1 if neither. */
static int
parse_bool(const char *v)
{
	if (strcmp(v, "on") == 0 || strcmp(v, "yes") == 0 ||
	    strcmp(v, "true") == 0 || strcmp(v, "1") == 0)
		return (1);
	if (strcmp(v, "off") == 0 || strcmp(v, "no") == 0 ||
	    strcmp(v, "false") == 0 || strcmp(v, "0") == 0)
		return (0);
	return (-1);
}

/* A short name of letters, digits and '-' (a layout's, say). */
static int
plain_name(const char *s)
{
	size_t	n = strspn(s, "abcdefghijklmnopqrstuvwxyz"
		    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-");

	return (n > 0 && n <= 40 && s[n] == '\0');
}

/* Apply one setting. */
int
settings_set(struct settings *s, const char *name, const char *value,
    char **cause)
{
	char	 key[64], act[64], extra[8];
	int32_t	 k;
	long	 v;
	char	*end;
	int	 a, n;

	if (strcmp(name, "theme") == 0) {
		if (*value == '\0' || *value == '.' ||
		    strchr(value, '/') != NULL || strlen(value) > 60) {
			*cause = xstrprintf("bad theme name '%.60s'", value);
			return (-1);
		}
		free(s->theme);
		s->theme = xstrdup(value);
		return (0);
	}
	if (strcmp(name, "layout") == 0) {
		/* Which names are layouts is the view's to say. */
		if (!plain_name(value)) {
			*cause = xstrprintf("bad layout name '%.40s'", value);
			return (-1);
		}
		free(s->layout);
		s->layout = xstrdup(value);
		free(s->layout_at);
		s->layout_at = NULL;
		return (0);
	}
	if (strcmp(name, "width") == 0) {
		errno = 0;
		v = strtol(value, &end, 10);
		if (*value == '\0' || *end != '\0' || errno != 0 ||
		    (v != 0 && v < 20) || v > 1000) {
			*cause = xstrprintf("bad width '%.40s' (0, or 20 to "
			    "1000)", value);
			return (-1);
		}
		s->width = (int)v;
		return (0);
	}
	if (strcmp(name, "mouse") == 0) {
		if ((a = parse_bool(value)) < 0) {
			*cause = xstrprintf("bad value '%.40s' for mouse (on "
			    "or off)", value);
			return (-1);
		}
		s->mouse = a;
		return (0);
	}
	if (strcmp(name, "clipboard") == 0) {
		if (strcmp(value, "auto") == 0)
			s->clipboard = CLIPBOARD_AUTO;
		else if (strcmp(value, "osc52") == 0)
			s->clipboard = CLIPBOARD_OSC52;
		else if (strcmp(value, "file") == 0)
			s->clipboard = CLIPBOARD_FILE;
		else {
			*cause = xstrprintf("bad value '%.40s' for clipboard "
			    "(auto, osc52 or file)", value);
			return (-1);
		}
		return (0);
	}
	if (strcmp(name, "bind") == 0) {
		n = sscanf(value, "%63s %63s %7s", key, act, extra);
		if (n != 2) {
			*cause = xstrdup("usage: bind KEY ACTION");
			return (-1);
		}
		if (settings_key_parse(key, &k) != 0) {
			*cause = xstrprintf("unknown key '%s'", key);
			return (-1);
		}
		if ((a = action_find(act)) < 0) {
			*cause = xstrprintf("unknown action '%s'", act);
			return (-1);
		}
		settings_bind(s, k, (enum action)a);
		return (0);
	}
	*cause = xstrprintf("unknown setting '%.40s'", name);
	return (-1);
}

/* Add an error message for file:line. */
void
settings_error(struct settings *s, const char *file, size_t line,
    const char *msg)
{
	if (s->nerrors >= 100)
		return;
	s->errors = xreallocarray(s->errors, s->nerrors + 1,
	    sizeof *s->errors);
	if (line == 0)
		s->errors[s->nerrors++] = xstrprintf("%s: %s", file, msg);
	else
		s->errors[s->nerrors++] = xstrprintf("%s:%zu: %s", file, line,
		    msg);
}

/* Parse config text, recording bad lines. */
size_t
settings_parse(struct settings *s, const char *file, const char *data,
    size_t len)
{
	const char	*p = data, *end = data + len, *nl;
	char		 line[1024], *name, *value, *q, *cause;
	size_t		 n, lineno = 0, before = s->nerrors;

	while (p < end) {
		lineno++;
		nl = memchr(p, '\n', (size_t)(end - p));
		if (nl == NULL)
			nl = end;
		n = (size_t)(nl - p);
		if (n >= sizeof line || memchr(p, '\0', n) != NULL) {
			settings_error(s, file, lineno, n >= sizeof line ?
			    "line too long" : "bad line");
			p = nl + 1;
			continue;
		}
		memcpy(line, p, n);
		line[n] = '\0';
		p = nl + 1;
		for (q = line; *q != '\0'; q++) {
			if (*q == '\t' || *q == '\r')
				*q = ' ';
		}
		name = line;
		while (*name == ' ')
			name++;
		if (*name == '\0' || *name == '#')
			continue;
		value = name;
		while (*value != '\0' && *value != ' ' && *value != '=')
			value++;
		if (*value != '\0')
			*value++ = '\0';
		while (*value == ' ' || *value == '=')
			value++;
		/*
		 * " #" starts a comment; a bind's key may itself be "#".
		 */
		q = value;
		if (strcmp(name, "bind") == 0 && *q == '#')
			q++;
		for (; *q != '\0'; q++) {
			if (*q == '#' && q > value && q[-1] == ' ')
				break;
		}
		*q = '\0';
		while (q > value && q[-1] == ' ')
			*--q = '\0';
		cause = NULL;
		if (*value == '\0') {
			cause = xstrprintf("missing value for '%.40s'", name);
		} else if (settings_set(s, name, value, &cause) == 0) {
			if (strcmp(name, "layout") == 0)
				s->layout_at = xstrprintf("%s:%zu", file,
				    lineno);
			continue;
		}
		settings_error(s, file, lineno, cause);
		free(cause);
	}
	return (s->nerrors - before);
}

/* Read a config file, if there is one. */
size_t
settings_load(struct settings *s, const char *path)
{
	struct stat	 sb;
	char		*data, *cause = NULL;
	size_t		 len, n;

	if (path == NULL || stat(path, &sb) != 0)
		return (0);
	if (file_read(path, 1024 * 1024, &data, &len, &cause) != 0) {
		settings_error(s, path, 0, cause);
		free(cause);
		return (1);
	}
	n = settings_parse(s, path, data, len);
	free(data);
	return (n);
}
