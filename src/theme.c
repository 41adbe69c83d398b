/*
 * Themes: semantic slots to colours and attributes, read from plain text
 * files, and the colour arithmetic that fits them to the terminal (true
 * colour, the xterm 256-colour palette, 16 or 8 basic colours, or none).
 * No terminal code here: tty.c turns a resolved style into curses calls.
 */
#include "config.h"

#include <sys/stat.h>

#include <ctype.h>
#include <dirent.h>
#include <stdlib.h>
#include <string.h>

#include "file.h"
#include "theme.h"
#include "util.h"

static const char *slot_names[SLOT_COUNT] = {
	"text", "heading", "quotation", "focus", "linked", "match", "note",
	"misspelling", "gutter", "status", "doubtful", "header", "link",
	"menu", "selected"
};

static const char *colour_names[8] = {
	"black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"
};

/* The shipped themes, in the order T cycles through them. */
static const char *builtin_themes[] = {
	"dark", "light", "mono", "high-contrast"
};

/* xterm's values for the 16 basic colours. */
static const int basic_rgb[16] = {
	0x000000, 0xcd0000, 0x00cd00, 0xcdcd00, 0x0000ee, 0xcd00cd, 0x00cdcd,
	0xe5e5e5, 0x7f7f7f, 0xff0000, 0x00ff00, 0xffff00, 0x5c5cff, 0xff00ff,
	0x00ffff, 0xffffff
};

/* The file name of a slot. */
const char *
theme_slot_name(int slot)
{
	if (slot < 0 || slot >= SLOT_COUNT)
		return ("?");
	return (slot_names[slot]);
}

/* The slot of a name, or -1. */
int
theme_slot_find(const char *name)
{
	int	i;

	for (i = 0; i < SLOT_COUNT; i++) {
		if (strcmp(slot_names[i], name) == 0)
			return (i);
	}
	return (-1);
}

/* Parse a colour; -1 if it is not one. */
int
theme_colour_parse(const char *s, struct theme_colour *c)
{
	char	*end;
	long	 v;
	size_t	 i;
	int	 bright = 0;

	if (strcmp(s, "default") == 0 || strcmp(s, "-") == 0) {
		c->kind = COLOUR_DEFAULT;
		c->value = -1;
		return (0);
	}
	if (s[0] == '#') {
		if (strlen(s) != 7)
			return (-1);
		for (i = 1; i < 7; i++) {
			if (!isxdigit((unsigned char)s[i]))
				return (-1);
		}
		c->kind = COLOUR_RGB;
		c->value = (int)strtol(s + 1, NULL, 16);
		return (0);
	}
	if (isdigit((unsigned char)s[0])) {
		v = strtol(s, &end, 10);
		if (*end != '\0' || v < 0 || v > 255)
			return (-1);
		c->kind = COLOUR_INDEX;
		c->value = (int)v;
		return (0);
	}
	if (strncmp(s, "bright-", 7) == 0) {
		bright = 8;
		s += 7;
	}
	for (i = 0; i < nitems(colour_names); i++) {
		if (strcmp(s, colour_names[i]) == 0) {
			c->kind = COLOUR_INDEX;
			c->value = (int)i + bright;
			return (0);
		}
	}
	return (-1);
}

/* Parse an attribute word into *attrs; -1 if unknown. */
static int
attr_parse(const char *s, int *attrs)
{
	static const struct {
		const char	*name;
		int		 bit;
	} names[] = {
		{ "bold", THEME_BOLD }, { "dim", THEME_DIM },
		{ "italic", THEME_ITALIC }, { "underline", THEME_UNDERLINE },
		{ "reverse", THEME_REVERSE }, { "none", 0 }
	};
	size_t	i;

	for (i = 0; i < nitems(names); i++) {
		if (strcmp(s, names[i].name) == 0) {
			*attrs |= names[i].bit;
			return (0);
		}
	}
	return (-1);
}

/*
 * Cut a comment off line: a '#' that starts the line or is not a #rrggbb
 * colour.
 */
static void
strip_comment(char *line)
{
	char	*p;
	int	 i, first = 1;

	for (p = line; *p != '\0'; p++) {
		if (*p == '#') {
			for (i = 1; i <= 6 && isxdigit((unsigned char)p[i]);
			    i++)
				;
			if (first || i != 7 || (p[7] != '\0' &&
			    !isspace((unsigned char)p[7]) && p[7] != ',')) {
				*p = '\0';
				return;
			}
			p += 6;
		}
		if (!isspace((unsigned char)*p))
			first = 0;
	}
}

/* Record the first problem of a theme file. */
static void
theme_warn(struct theme *t, const char *file, size_t line, const char *msg,
    const char *what)
{
	struct strbuf	sb = STRBUF_INIT;

	if (t->warning != NULL)
		return;
	strbuf_addf(&sb, "%s:%zu: %s", file, line, msg);
	if (what != NULL)
		strbuf_addf(&sb, " '%.40s'", what);
	t->warning = strbuf_detach(&sb, NULL);
}

/* The background line of a theme file: dark, light or any. */
static void
background_parse(struct theme *t, const char *file, size_t line,
    const char *word)
{
	if (word != NULL && strcmp(word, "dark") == 0)
		t->background = THEME_BG_DARK;
	else if (word != NULL && strcmp(word, "light") == 0)
		t->background = THEME_BG_LIGHT;
	else if (word != NULL && strcmp(word, "any") == 0)
		t->background = THEME_BG_ANY;
	else
		theme_warn(t, file, line, "background is dark, light or any",
		    word);
}

/* Parse the text of a theme file. */
void
theme_parse(struct theme *t, const char *name, const char *file,
    const char *data, size_t len)
{
	struct theme_colour	 col;
	char			 line[512], *p, *tok, *save;
	const char		*q = data, *end = data + len, *nl;
	size_t			 lineno = 0, n;
	int			 slot, ncol, set_fg[SLOT_COUNT] = { 0 };
	int			 set_bg[SLOT_COUNT] = { 0 }, i;

	memset(t, 0, sizeof *t);
	t->name = xstrdup(name);
	for (i = 0; i < SLOT_COUNT; i++) {
		t->slots[i].fg.kind = t->slots[i].bg.kind = COLOUR_DEFAULT;
		t->slots[i].fg.value = t->slots[i].bg.value = -1;
	}
	while (q < end) {
		lineno++;
		nl = memchr(q, '\n', (size_t)(end - q));
		if (nl == NULL)
			nl = end;
		n = (size_t)(nl - q);
		if (n >= sizeof line) {
			theme_warn(t, file, lineno, "line too long", NULL);
			q = nl + 1;
			continue;
		}
		memcpy(line, q, n);
		line[n] = '\0';
		q = nl + 1;
		strip_comment(line);
		for (p = line; *p != '\0'; p++) {
			if (*p == '=' || *p == ',' || *p == '\t' || *p == '\r')
				*p = ' ';
		}
		if ((tok = strtok_r(line, " ", &save)) == NULL)
			continue;
		if (strcmp(tok, "background") == 0) {
			background_parse(t, file, lineno,
			    strtok_r(NULL, " ", &save));
			continue;
		}
		if ((slot = theme_slot_find(tok)) == -1) {
			theme_warn(t, file, lineno, "unknown slot", tok);
			continue;
		}
		t->slots[slot].attrs = 0;
		ncol = 0;
		while ((tok = strtok_r(NULL, " ", &save)) != NULL) {
			if (ncol < 2 && theme_colour_parse(tok, &col) == 0) {
				if (ncol++ == 0) {
					t->slots[slot].fg = col;
					set_fg[slot] = 1;
				} else {
					t->slots[slot].bg = col;
					set_bg[slot] = 1;
				}
				continue;
			}
			ncol = 2;
			if (attr_parse(tok, &t->slots[slot].attrs) != 0)
				theme_warn(t, file, lineno,
				    "unknown colour or attribute", tok);
		}
	}
	/* Colours left out come from the text slot. */
	for (i = 1; i < SLOT_COUNT; i++) {
		if (!set_fg[i])
			t->slots[i].fg = t->slots[SLOT_TEXT].fg;
		if (!set_bg[i])
			t->slots[i].bg = t->slots[SLOT_TEXT].bg;
	}
}

/* Free a theme. */
void
theme_release(struct theme *t)
{
	free(t->name);
	free(t->warning);
	memset(t, 0, sizeof *t);
}

/* Fill the built-in monochrome theme. */
void
theme_mono(struct theme *t)
{
	static const char	mono[] =
	    "heading = default default bold\n"
	    "quotation = default default italic\n"
	    "focus = default default reverse\n"
	    "linked = default default underline\n"
	    "match = default default reverse bold\n"
	    "note = default default bold\n"
	    "misspelling = default default underline\n"
	    "gutter = default default dim\n"
	    "status = default default reverse\n"
	    "doubtful = default default bold\n"
	    "header = default default bold underline\n"
	    "link = default default underline\n"
	    "selected = default default reverse underline\n";

	theme_parse(t, "mono", "mono", mono, sizeof mono - 1);
}

/* The folders searched for themes, user first. */
const char **
theme_dirs(void)
{
	static const char	*dirs[5];
	static char		*user, *env, *inst, *src;
	const char		*x, *home, *d;
	struct stat		 sb;
	size_t			 n = 0;

	if (dirs[0] != NULL || user != NULL)
		return (dirs);
	if ((x = getenv("XDG_CONFIG_HOME")) != NULL && *x == '/')
		user = xstrprintf("%s/polyread/themes", x);
	else if ((home = getenv("HOME")) != NULL && *home != '\0')
		user = xstrprintf("%s/.config/polyread/themes", home);
	else
		user = xstrdup("");
	if (*user != '\0')
		dirs[n++] = user;
	if ((d = getenv("POLYREAD_DATADIR")) != NULL && *d != '\0') {
		env = xstrprintf("%s/themes", d);
		dirs[n++] = env;
	}
	inst = xstrprintf("%s/themes", PKGDATADIR);
	if (stat(inst, &sb) == 0 && S_ISDIR(sb.st_mode))
		dirs[n++] = inst;
	/* Not installed: the source tree's copy. */
	src = xstrprintf("%s/../themes", SRCDATADIR);
	dirs[n++] = src;
	dirs[n] = NULL;
	return (dirs);
}

/* Is name a plain file name (no folder, not hidden)? */
static int
name_ok(const char *name)
{
	return (*name != '\0' && *name != '.' && strchr(name, '/') == NULL &&
	    strlen(name) < 64);
}

/* Find and read a theme by name. */
int
theme_load(struct theme *t, const char *name, char **cause)
{
	const char	**dirs = theme_dirs();
	char		 *path, *data, *why = NULL;
	size_t		  len, i;
	struct stat	  sb;

	if (!name_ok(name)) {
		*cause = xstrprintf("bad theme name '%s'", name);
		return (-1);
	}
	for (i = 0; dirs[i] != NULL; i++) {
		path = xstrprintf("%s/%s", dirs[i], name);
		if (stat(path, &sb) != 0) {
			free(path);
			continue;
		}
		if (file_read(path, 65536, &data, &len, &why) != 0) {
			*cause = why;
			free(path);
			return (-1);
		}
		theme_parse(t, name, path, data, len);
		free(data);
		free(path);
		return (0);
	}
	if (strcmp(name, "mono") == 0) {
		theme_mono(t);
		return (0);
	}
	*cause = xstrprintf("no theme '%s'", name);
	return (-1);
}

/* Does a theme suit a terminal's background (not known: dark)? */
int
theme_suits(const char *name, enum theme_background bg)
{
	struct theme	 t;
	char		*cause = NULL;
	int		 r;

	if (theme_load(&t, name, &cause) != 0) {
		free(cause);
		return (0);
	}
	if (bg == THEME_BG_ANY)
		bg = THEME_BG_DARK;
	r = t.background == THEME_BG_ANY || t.background == bg;
	theme_release(&t);
	return (r);
}

/* Dark or light by the perceived brightness of a colour. */
static enum theme_background
background_of_rgb(int r, int g, int b)
{
	return (299 * r + 587 * g + 114 * b < 128 * 1000 ? THEME_BG_DARK :
	    THEME_BG_LIGHT);
}

/*
 * One component of an X11 colour, 1 to 4 hex digits scaled to 0-255;
 * *sp moves past it. -1 when there is none.
 */
static int
osc_component(const char **sp, const char *end)
{
	const char	*s = *sp;
	long		 v = 0, max = 0;
	int		 n = 0, d;

	while (s < end && n < 4 && isxdigit((unsigned char)*s)) {
		d = isdigit((unsigned char)*s) ? *s - '0' :
		    tolower((unsigned char)*s) - 'a' + 10;
		v = v * 16 + d;
		max = max * 16 + 15;
		s++;
		n++;
	}
	if (n == 0)
		return (-1);
	*sp = s;
	return ((int)(v * 255 / max));
}

/* The background of a terminal from its OSC 11 reply. */
enum theme_background
theme_background_osc11(const char *reply, size_t len)
{
	const char	*s, *end = reply + len;
	int		 c[3], i;

	for (s = reply; s + 4 <= end; s++) {
		if (memcmp(s, "]11;", 4) == 0)
			break;
	}
	if (s + 4 > end)
		return (THEME_BG_ANY);
	s += 4;
	if (end - s >= 5 && memcmp(s, "rgba:", 5) == 0)
		s += 5;
	else if (end - s >= 4 && memcmp(s, "rgb:", 4) == 0)
		s += 4;
	else
		return (THEME_BG_ANY);
	for (i = 0; i < 3; i++) {
		if (i > 0) {
			if (s >= end || *s != '/')
				return (THEME_BG_ANY);
			s++;
		}
		if ((c[i] = osc_component(&s, end)) < 0)
			return (THEME_BG_ANY);
	}
	return (background_of_rgb(c[0], c[1], c[2]));
}

/*
 * The background of a terminal from $COLORFGBG: "fg;bg" (or rxvt's
 * "fg;default;bg"), colours 0-15; 0 to 6 and 8 are dark, as vim reads it.
 */
enum theme_background
theme_background_colorfgbg(const char *value)
{
	const char	*p;
	char		*end;
	long		 bg;

	if (value == NULL || (p = strrchr(value, ';')) == NULL)
		return (THEME_BG_ANY);
	p++;
	if (!isdigit((unsigned char)*p))
		return (THEME_BG_ANY);
	bg = strtol(p, &end, 10);
	if (*end != '\0' || bg > 15)
		return (THEME_BG_ANY);
	return (bg <= 6 || bg == 8 ? THEME_BG_DARK : THEME_BG_LIGHT);
}

/* Compare two strings for qsort. */
static int
cmp_str(const void *a, const void *b)
{
	return (strcmp(*(char *const *)a, *(char *const *)b));
}

/* List the themes: the shipped ones, then the others found. */
size_t
theme_list(char ***names)
{
	const char	**dirs = theme_dirs();
	char		**v = NULL, **extra = NULL;
	size_t		  n = 0, alloc = 0, ne = 0, ealloc = 0, i, j;
	DIR		 *dp;
	struct dirent	 *de;
	int		  dup;

	for (i = 0; i < nitems(builtin_themes); i++) {
		XGROW(v, alloc, n + 1);
		v[n++] = xstrdup(builtin_themes[i]);
	}
	for (i = 0; dirs[i] != NULL; i++) {
		if ((dp = opendir(dirs[i])) == NULL)
			continue;
		while ((de = readdir(dp)) != NULL) {
			if (!name_ok(de->d_name) ||
			    strchr(de->d_name, '~') != NULL)
				continue;
			dup = 0;
			for (j = 0; j < n && !dup; j++)
				dup = strcmp(v[j], de->d_name) == 0;
			for (j = 0; j < ne && !dup; j++)
				dup = strcmp(extra[j], de->d_name) == 0;
			if (dup || ne >= 64)
				continue;
			XGROW(extra, ealloc, ne + 1);
			extra[ne++] = xstrdup(de->d_name);
		}
		closedir(dp);
	}
	if (ne > 0)
		qsort(extra, ne, sizeof *extra, cmp_str);
	for (i = 0; i < ne; i++) {
		XGROW(v, alloc, n + 1);
		v[n++] = extra[i];
	}
	free(extra);
	*names = v;
	return (n);
}

/* The RGB value of a palette index. */
int
theme_index_rgb(int i)
{
	static const int	levels[6] = { 0, 95, 135, 175, 215, 255 };
	int			r, g, b, k;

	if (i < 0)
		return (0);
	if (i < 16)
		return (basic_rgb[i]);
	if (i < 232) {
		k = i - 16;
		r = levels[k / 36];
		g = levels[(k / 6) % 6];
		b = levels[k % 6];
		return ((r << 16) | (g << 8) | b);
	}
	if (i > 255)
		i = 255;
	r = 8 + 10 * (i - 232);
	return ((r << 16) | (r << 8) | r);
}

/* Squared distance of two RGB colours. */
static int
rgb_dist(int a, int b)
{
	int	dr = ((a >> 16) & 0xff) - ((b >> 16) & 0xff);
	int	dg = ((a >> 8) & 0xff) - ((b >> 8) & 0xff);
	int	db = (a & 0xff) - (b & 0xff);

	return (dr * dr + dg * dg + db * db);
}

/* The nearest level of the 6x6x6 cube for one component. */
static int
cube_level(int v)
{
	if (v < 48)
		return (0);
	if (v < 115)
		return (1);
	return ((v - 35) / 40);
}

/* The nearest xterm-256 index of an RGB colour. */
int
theme_rgb_to_256(int rgb)
{
	int	r = (rgb >> 16) & 0xff, g = (rgb >> 8) & 0xff, b = rgb & 0xff;
	int	ci, gi, grey, avg;

	ci = 16 + 36 * cube_level(r) + 6 * cube_level(g) + cube_level(b);
	avg = (r + g + b) / 3;
	gi = avg > 238 ? 23 : (avg < 3 ? 0 : (avg - 3) / 10);
	grey = 232 + gi;
	if (rgb_dist(rgb, theme_index_rgb(grey)) <
	    rgb_dist(rgb, theme_index_rgb(ci)))
		return (grey);
	return (ci);
}

/* The nearest basic colour of an RGB colour. */
int
theme_rgb_to_basic(int rgb, int n)
{
	int	i, best = 0, d, bd = -1;

	if (n > 16)
		n = 16;
	for (i = 0; i < n; i++) {
		d = rgb_dist(rgb, basic_rgb[i]);
		if (bd < 0 || d < bd) {
			bd = d;
			best = i;
		}
	}
	return (best);
}

/* Bring one colour down to ncolours. */
static struct theme_colour
fit(struct theme_colour c, int ncolours)
{
	struct theme_colour	out = c;
	int			rgb;

	if (c.kind == COLOUR_DEFAULT)
		return (c);
	if (ncolours < 8) {
		out.kind = COLOUR_DEFAULT;
		out.value = -1;
		return (out);
	}
	if (ncolours > 256) {
		/* Direct colour: palette 0-7 stay, the rest is RGB. */
		if (c.kind == COLOUR_INDEX && c.value < 8)
			return (c);
		rgb = c.kind == COLOUR_RGB ? c.value : theme_index_rgb(c.value);
		out.kind = COLOUR_RGB;
		out.value = rgb < 8 ? 8 : rgb;
		return (out);
	}
	rgb = c.kind == COLOUR_RGB ? c.value : theme_index_rgb(c.value);
	out.kind = COLOUR_INDEX;
	if (ncolours >= 256)
		out.value = c.kind == COLOUR_INDEX ? c.value :
		    theme_rgb_to_256(rgb);
	else if (c.kind == COLOUR_INDEX && c.value < ncolours)
		out.value = c.value;
	else
		out.value = theme_rgb_to_basic(rgb, ncolours);
	return (out);
}

/* Fit a style to the colours a terminal has. */
void
theme_resolve(const struct theme_style *in, int ncolours,
    struct theme_style *out)
{
	out->attrs = in->attrs;
	out->fg = fit(in->fg, ncolours);
	out->bg = fit(in->bg, ncolours);
}
