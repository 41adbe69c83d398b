/*
 * The terminal: the only file that uses curses (ncursesw). It paints
 * grids, turns curses input into view events, and maps theme slots to
 * colour pairs and attributes.
 *
 * Cells are painted in runs of one style; a cell holding anything but a
 * single code point of width 1 is placed on its own, with an explicit
 * move, so that a terminal disagreeing on a width cannot shift the rest of
 * the line. Everything in a grid is already safe to print (see grid.h).
 *
 * Input goes through curses' key table (terminfo), but a TERM that does
 * not describe the terminal (xterm-256color inside tmux) leaves keys
 * unknown to it: tty.c then reads whole escape sequences itself (CSI
 * parameters and final byte, SS3, and the strings of OSC and DCS), maps
 * the common forms of the cursor and editing keys whatever TERM says, and
 * drops any other sequence whole rather than type its tail.
 */
#include "config.h"

#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif

#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include <curses.h>

#include "reader.h"
#include "settings.h"

static SCREEN	*tty_screen;
static int	 tty_colours;
static attr_t	 slot_attr[SLOT_COUNT];
static short	 slot_pair[SLOT_COUNT];
static struct strbuf tty_buf = STRBUF_INIT;
static cc_t	 tty_vsusp;
static int	 tty_have_vsusp;
static enum theme_background tty_bg;

/* Leave curses before a fatal error message. */
static void
tty_fatal(void)
{
	if (tty_screen != NULL)
		endwin();
}

/*
 * Turn flow control off, so that C-s and C-q are keys (the note editor
 * saves with C-s); curses keeps the mode for its own resets.
 */
static void
tty_flow_off(void)
{
	struct termios	tio;

	if (tcgetattr(STDIN_FILENO, &tio) != 0)
		return;
	tio.c_iflag &= ~(tcflag_t)(IXON | IXOFF);
	tty_vsusp = tio.c_cc[VSUSP];
	tty_have_vsusp = 1;
	if (tcsetattr(STDIN_FILENO, TCSADRAIN, &tio) == 0)
		def_prog_mode();
}

/* While editing, C-z is a key (undo), not a suspend. */
void
tty_editing(int on)
{
	struct termios	tio;

	if (tty_screen == NULL || !tty_have_vsusp ||
	    tcgetattr(STDIN_FILENO, &tio) != 0)
		return;
	tio.c_cc[VSUSP] = on ? _POSIX_VDISABLE : tty_vsusp;
	if (tcsetattr(STDIN_FILENO, TCSADRAIN, &tio) == 0)
		def_prog_mode();
}

/* Milliseconds on a monotonic clock. */
static long long
tty_ms(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ((long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000);
}

/* Does buf hold a whole reply to the DA1 query (ESC [ ? 1 ; 2 c)? */
static int
tty_da1_seen(const char *buf, size_t len)
{
	size_t	i, j;

	for (i = 0; i + 2 < len; i++) {
		if (buf[i] != '\033' || buf[i + 1] != '[' || buf[i + 2] != '?')
			continue;
		for (j = i + 3; j < len; j++) {
			if (buf[j] == 'c')
				return (1);
			if ((buf[j] < '0' || buf[j] > '9') && buf[j] != ';')
				break;
		}
	}
	return (0);
}

/*
 * Ask the terminal for its background colour (OSC 11) before curses
 * starts, then for its attributes (DA1), which every terminal answers: the
 * DA1 reply ends the wait at once on a terminal that ignores OSC 11. The
 * wait is bounded (150 ms): a terminal that answers nothing costs that and
 * no more, and a reply that comes later is dropped by the input parser as
 * an unknown sequence. Without a reply, $COLORFGBG; else not known. The
 * Linux console is not asked: it would print the query's tail, and its
 * background is black.
 */
static enum theme_background
tty_query_background(void)
{
	struct termios	 tio, raw;
	struct pollfd	 pfd;
	char		 buf[512];
	size_t		 len = 0;
	ssize_t		 n;
	long long	 end;
	int		 left;
	enum theme_background bg = THEME_BG_ANY;
	const char	*term = getenv("TERM");
	static const char q[] = "\033]11;?\033\\\033[c";

	if (term != NULL && strncmp(term, "linux", 5) == 0)
		return (THEME_BG_DARK);
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO) ||
	    tcgetattr(STDIN_FILENO, &tio) != 0)
		goto env;
	raw = tio;
	raw.c_lflag &= ~(tcflag_t)(ICANON | ECHO);
	raw.c_cc[VMIN] = 0;
	raw.c_cc[VTIME] = 0;
	if (tcsetattr(STDIN_FILENO, TCSANOW, &raw) != 0)
		goto env;
	fflush(stdout);
	if (write(STDOUT_FILENO, q, sizeof q - 1) == (ssize_t)(sizeof q - 1)) {
		end = tty_ms() + 150;
		pfd.fd = STDIN_FILENO;
		pfd.events = POLLIN;
		while (len < sizeof buf && !tty_da1_seen(buf, len)) {
			if ((left = (int)(end - tty_ms())) <= 0)
				break;
			n = poll(&pfd, 1, left);
			if (n == -1 && errno == EINTR)
				continue;
			if (n <= 0)
				break;
			n = read(STDIN_FILENO, buf + len, sizeof buf - len);
			if (n <= 0)
				break;
			len += (size_t)n;
		}
		bg = theme_background_osc11(buf, len);
	}
	tcsetattr(STDIN_FILENO, TCSANOW, &tio);
env:
	if (bg == THEME_BG_ANY)
		bg = theme_background_colorfgbg(getenv("COLORFGBG"));
	return (bg);
}

/* The terminal's background, as found at start-up. */
enum theme_background
tty_background(void)
{
	return (tty_bg);
}

/* Start curses. */
int
tty_start(int mouse, char **cause)
{
	const char	*nc = getenv("NO_COLOR"), *term = getenv("TERM");
	char		*cup;

	tty_bg = tty_query_background();
	tty_screen = newterm(NULL, stdout, stdin);
	if (tty_screen == NULL) {
		*cause = xstrprintf("cannot use the terminal '%s'",
		    term != NULL ? term : "");
		return (-1);
	}
	set_term(tty_screen);
	cup = tigetstr("cup");
	if (cup == NULL || cup == (char *)-1) {
		endwin();
		delscreen(tty_screen);
		tty_screen = NULL;
		*cause = xstrprintf("the terminal '%s' cannot move its cursor",
		    term != NULL ? term : "");
		return (-1);
	}
	fatal_hook = tty_fatal;
	cbreak();
	tty_flow_off();
	noecho();
	nonl();
	intrflush(stdscr, FALSE);
	keypad(stdscr, TRUE);
	meta(stdscr, TRUE);
	/* Let curses scroll the terminal when the text moves by lines. */
	idlok(stdscr, TRUE);
	set_escdelay(25);
	curs_set(0);
	tty_colours = 0;
	if ((nc == NULL || *nc == '\0') && has_colors() &&
	    start_color() == OK) {
		if (use_default_colors() != OK)
			assume_default_colors(COLOR_WHITE, COLOR_BLACK);
		tty_colours = COLORS;
		if (COLOR_PAIRS <= SLOT_COUNT || tty_colours < 8)
			tty_colours = 0;
	}
	if (mouse) {
		/* Drags select a passage: releases and motion too. */
		mousemask(BUTTON1_PRESSED | BUTTON1_RELEASED |
		    BUTTON4_PRESSED | BUTTON5_PRESSED | REPORT_MOUSE_POSITION,
		    NULL);
		mouseinterval(0);
	}
	return (0);
}

/* Give the terminal back. */
void
tty_stop(void)
{
	if (tty_screen == NULL)
		return;
	endwin();
	delscreen(tty_screen);
	tty_screen = NULL;
	fatal_hook = NULL;
	strbuf_release(&tty_buf);
}

/* The colours in use (0: none). */
int
tty_ncolours(void)
{
	return (tty_colours);
}

/* Curses attributes of THEME_* bits. */
static attr_t
theme_attrs(int a)
{
	attr_t	r = A_NORMAL;

	if (a & THEME_BOLD)
		r |= A_BOLD;
	if (a & THEME_DIM)
		r |= A_DIM;
	if (a & THEME_ITALIC)
		r |= A_ITALIC;
	if (a & THEME_UNDERLINE)
		r |= A_UNDERLINE;
	if (a & THEME_REVERSE)
		r |= A_REVERSE;
	return (r);
}

/* A resolved colour as a curses colour number. */
static int
curses_colour(struct theme_colour c)
{
	if (c.kind == COLOUR_DEFAULT)
		return (-1);
	return (c.value);
}

/* Set the colour pairs and attributes of a theme. */
void
tty_theme(const struct theme *t)
{
	struct theme_style	st;
	int			i;

	for (i = 0; i < SLOT_COUNT; i++) {
		theme_resolve(&t->slots[i], tty_colours, &st);
		slot_attr[i] = theme_attrs(st.attrs);
		slot_pair[i] = 0;
		if (tty_colours == 0)
			continue;
		if (init_extended_pair(i + 1, curses_colour(st.fg),
		    curses_colour(st.bg)) == OK)
			slot_pair[i] = (short)(i + 1);
	}
}

/* The terminal size. */
void
tty_size(int *w, int *h)
{
	getmaxyx(stdscr, *h, *w);
}

/* The attributes and pair of a cell. */
static void
cell_style(const struct grid_cell *c, attr_t *a, short *pair)
{
	int	slot = c->slot < SLOT_COUNT ? c->slot : SLOT_TEXT;

	*a = slot_attr[slot];
	*pair = slot_pair[slot];
	if (c->flags & GRID_BOLD)
		*a |= A_BOLD;
	if (c->flags & GRID_ITALIC)
		*a |= A_ITALIC;
	if (c->flags & GRID_UNDERLINE)
		*a |= A_UNDERLINE;
	if (c->flags & GRID_REVERSE)
		*a |= A_REVERSE;
}

/* Is the cell one code point of width 1 (safe inside a run)? */
static int
cell_simple(const struct grid *g, const struct grid_cell *c)
{
	const unsigned char	*s;

	if (c->len == 0)
		return (c->width == 1);
	if (c->width != 1)
		return (0);
	s = (const unsigned char *)g->arena.buf + c->off;
	if (s[0] < 0x80)
		return (c->len == 1);
	if (s[0] < 0xe0)
		return (c->len == 2);
	if (s[0] < 0xf0)
		return (c->len == 3);
	return (c->len == 4);
}

/* Paint a grid and update the terminal once. */
void
tty_paint(const struct grid *g, int clear)
{
	const struct grid_cell	*c, *d;
	const char		*t;
	size_t			 n;
	attr_t			 a, a2;
	short			 p, p2;
	int			 x, y, x0, w, h;

	getmaxyx(stdscr, h, w);
	if (clear)
		clearok(curscr, TRUE);
	for (y = 0; y < g->h && y < h; y++) {
		x = 0;
		while (x < g->w && x < w) {
			c = &g->cells[(size_t)y * (size_t)g->w + (size_t)x];
			if (c->width == 0) {
				x++;
				continue;
			}
			cell_style(c, &a, &p);
			wattr_set(stdscr, a, p, NULL);
			if (!cell_simple(g, c)) {
				t = grid_cell_text(g, c, &n);
				if (x + c->width <= w)
					mvwaddnstr(stdscr, y, x, t, (int)n);
				x += c->width;
				continue;
			}
			strbuf_reset(&tty_buf);
			x0 = x;
			while (x < g->w && x < w) {
				d = &g->cells[(size_t)y * (size_t)g->w +
				    (size_t)x];
				if (!cell_simple(g, d))
					break;
				cell_style(d, &a2, &p2);
				if (a2 != a || p2 != p)
					break;
				t = grid_cell_text(g, d, &n);
				strbuf_add(&tty_buf, t, n);
				x++;
			}
			mvwaddnstr(stdscr, y, x0, tty_buf.buf,
			    (int)tty_buf.len);
		}
	}
	wattr_set(stdscr, A_NORMAL, 0, NULL);
	if (g->cx >= 0 && g->cy >= 0 && g->cx < w && g->cy < h) {
		curs_set(1);
		wmove(stdscr, g->cy, g->cx);
	} else
		curs_set(0);
	wnoutrefresh(stdscr);
	doupdate();
}

/*
 * A key terminfo names as an extended capability, with a modifier (kHOM5
 * is Ctrl-Home): the key without it, or 0.
 */
static int32_t
modified_key(wint_t k)
{
	static const struct {
		const char	*prefix;
		int32_t		 key;
	} names[] = {
		{ "kUP", PRKEY_UP }, { "kDN", PRKEY_DOWN },
		{ "kLFT", PRKEY_LEFT }, { "kRIT", PRKEY_RIGHT },
		{ "kHOM", PRKEY_HOME }, { "kEND", PRKEY_END },
		{ "kPRV", PRKEY_PGUP }, { "kNXT", PRKEY_PGDN },
		{ "kDC", PRKEY_DELETE }, { "kIC", PRKEY_INSERT }
	};
	const char	*name = keyname((int)k);
	size_t		 i, n;

	if (name == NULL)
		return (0);
	for (i = 0; i < nitems(names); i++) {
		n = strlen(names[i].prefix);
		if (strncmp(name, names[i].prefix, n) == 0 &&
		    name[n] >= '2' && name[n] <= '8' && name[n + 1] == '\0')
			return (names[i].key);
	}
	return (0);
}

/* A curses function key as a PRKEY_* code, or 0. */
static int32_t
function_key(wint_t k)
{
	switch (k) {
	case KEY_UP:
		return (PRKEY_UP);
	case KEY_DOWN:
		return (PRKEY_DOWN);
	case KEY_LEFT:
		return (PRKEY_LEFT);
	case KEY_RIGHT:
		return (PRKEY_RIGHT);
	case KEY_PPAGE:
		return (PRKEY_PGUP);
	case KEY_NPAGE:
		return (PRKEY_PGDN);
	case KEY_HOME:
		return (PRKEY_HOME);
	case KEY_END:
		return (PRKEY_END);
	case KEY_ENTER:
		return (PRKEY_ENTER);
	case KEY_BTAB:
		return (PRKEY_BTAB);
	case KEY_BACKSPACE:
		return (PRKEY_BACKSPACE);
	case KEY_DC:
		return (PRKEY_DELETE);
	case KEY_IC:
		return (PRKEY_INSERT);
	}
	if (k >= KEY_F(1) && k <= KEY_F(12))
		return (PRKEY_F1 + (int32_t)(k - KEY_F(1)));
	return (modified_key(k));
}

/* Wait this long for the rest of an escape sequence, in milliseconds. */
#define TTY_SEQ_WAIT	20

/*
 * The next character of an escape sequence: -1 when none comes in time,
 * -2 when curses gives a key it knows (pushed back: it is not part of this
 * sequence).
 */
static int
seq_next(void)
{
	wint_t	k;
	int	r;

	wtimeout(stdscr, TTY_SEQ_WAIT);
	r = wget_wch(stdscr, &k);
	if (r == ERR)
		return (-1);
	if (r == KEY_CODE_YES) {
		ungetch((int)k);
		return (-2);
	}
	return (k > 0x10ffff ? 0xfffd : (int)k);
}

/* The key of "SS3 final" (0: none); CSI's letters too. */
static int32_t
ss3_key(int final)
{
	switch (final) {
	case 'A':
		return (PRKEY_UP);
	case 'B':
		return (PRKEY_DOWN);
	case 'C':
		return (PRKEY_RIGHT);
	case 'D':
		return (PRKEY_LEFT);
	case 'H':
		return (PRKEY_HOME);
	case 'F':
		return (PRKEY_END);
	case 'M':
		return (PRKEY_ENTER);
	case 'P':
	case 'Q':
	case 'R':
	case 'S':
		return (PRKEY_F1 + (final - 'P'));
	}
	return (0);
}

/* The key of "CSI params final" (0: none, the sequence is dropped). */
static int32_t
csi_key(const char *params, int final)
{
	static const int32_t	 tilde[] = {
		[1] = PRKEY_HOME, [2] = PRKEY_INSERT, [3] = PRKEY_DELETE,
		[4] = PRKEY_END, [5] = PRKEY_PGUP, [6] = PRKEY_PGDN,
		[7] = PRKEY_HOME, [8] = PRKEY_END,
		[11] = PRKEY_F1, [12] = PRKEY_F1 + 1, [13] = PRKEY_F1 + 2,
		[14] = PRKEY_F1 + 3, [15] = PRKEY_F1 + 4, [17] = PRKEY_F1 + 5,
		[18] = PRKEY_F1 + 6, [19] = PRKEY_F1 + 7, [20] = PRKEY_F1 + 8,
		[21] = PRKEY_F1 + 9, [23] = PRKEY_F1 + 10, [24] = PRKEY_F12
	};
	long	 n;

	/* Private forms are replies (DA1 "?...c") or reports: not keys. */
	if (*params == '<' || *params == '=' || *params == '>' ||
	    *params == '?')
		return (0);
	n = strtol(params, NULL, 10);
	switch (final) {
	case '~':
		if (n > 0 && (size_t)n < nitems(tilde))
			return (tilde[n]);
		return (0);
	case 'Z':
		return (PRKEY_BTAB);
	case 'M':
		return (0);	/* a mouse report, not SS3's Enter */
	}
	/* The arrows, Home, End; xterm's F1 to F4 with a modifier ("CSI
	   1;2P"). */
	return (ss3_key(final));
}

/*
 * Read the rest of a sequence curses left after ESC and return its key:
 * PRKEY_ESC when nothing follows in time (or an ordinary character, put
 * back: Esc then that key), 0 when the sequence is not a key (an unknown
 * one, a late reply to a query, one cut short), which is dropped whole.
 */
static int32_t
tty_escape(void)
{
	char	p[32];
	size_t	n = 0;
	int	c, c1, i;

	if ((c1 = seq_next()) < 0)
		return (PRKEY_ESC);
	switch (c1) {
	case '[':
		/* Parameter and intermediate bytes, then the final one. */
		for (;;) {
			if ((c = seq_next()) < 0)
				return (0);
			if (c >= 0x40 && c <= 0x7e)
				break;
			if (c < 0x20 || c > 0x3f) {
				unget_wch((wchar_t)c);
				return (0);
			}
			if (n < sizeof p - 1)
				p[n++] = (char)c;
		}
		p[n] = '\0';
		/* An X10 mouse report curses did not take: three bytes. */
		if (c == 'M' && n == 0) {
			for (i = 0; i < 3 && seq_next() >= 0; i++)
				;
			return (0);
		}
		return (csi_key(p, c));
	case 'O':
		if ((c = seq_next()) < 0)
			return (0);
		return (ss3_key(c));
	case ']':
	case 'P':
	case 'X':
	case '^':
	case '_':
		/* OSC, DCS, SOS, PM, APC: a string up to BEL or ESC \. */
		for (i = 0; i < 4096; i++) {
			if ((c = seq_next()) < 0 || c == 7)
				break;
			if (c == 27) {
				if ((c = seq_next()) >= 0 && c != '\\')
					unget_wch((wchar_t)c);
				break;
			}
		}
		return (0);
	}
	unget_wch((wchar_t)c1);
	return (PRKEY_ESC);
}

/* Read an event. */
int
tty_read(struct view_event *ev, int timeout)
{
	MEVENT	me;
	wint_t	k;
	int	r;

	memset(ev, 0, sizeof *ev);
	wtimeout(stdscr, timeout);
	r = wget_wch(stdscr, &k);
	if (r == ERR)
		return (0);
	if (r == KEY_CODE_YES) {
		if (k == KEY_RESIZE) {
			ev->kind = VIEW_EV_RESIZE;
			getmaxyx(stdscr, ev->y, ev->x);
			return (1);
		}
		if (k == KEY_MOUSE) {
			if (getmouse(&me) != OK)
				return (0);
			ev->kind = VIEW_EV_MOUSE;
			ev->x = me.x;
			ev->y = me.y;
			if (me.bstate & BUTTON4_PRESSED)
				ev->button = VIEW_WHEEL_UP;
			else if (me.bstate & BUTTON5_PRESSED)
				ev->button = VIEW_WHEEL_DOWN;
			else if (me.bstate & (BUTTON1_PRESSED |
			    BUTTON1_CLICKED))
				ev->button = VIEW_BUTTON1;
			else if (me.bstate & BUTTON1_RELEASED)
				ev->button = VIEW_RELEASE1;
			else if (me.bstate & REPORT_MOUSE_POSITION)
				ev->button = VIEW_DRAG1;
			else
				return (0);
			return (1);
		}
		ev->kind = VIEW_EV_KEY;
		if ((ev->key = function_key(k)) == 0)
			return (0);
		return (1);
	}
	ev->kind = VIEW_EV_KEY;
	switch (k) {
	case '\r':
	case '\n':
		ev->key = PRKEY_ENTER;
		break;
	case '\t':
		ev->key = PRKEY_TAB;
		break;
	case 27:
		if ((ev->key = tty_escape()) == 0)
			return (0);
		break;
	case 127:
	case 8:
		ev->key = PRKEY_BACKSPACE;
		break;
	default:
		ev->key = (int32_t)k;
		break;
	}
	return (1);
}

/* Leave curses mode for another program. */
void
tty_suspend(void)
{
	def_prog_mode();
	endwin();
}

/* Take the terminal back after another program. */
void
tty_resume(void)
{
	reset_prog_mode();
	clearok(curscr, TRUE);
	refresh();
}

/* Does the terminal take OSC 52? */
int
tty_clipboard(void)
{
	char	*ms;

	if (tty_screen == NULL)
		return (0);
	ms = tigetstr("Ms");
	return (ms != NULL && ms != (char *)-1);
}

/*
 * Write bytes to the terminal past curses, which has flushed its own after
 * the last doupdate(): the only bytes that do not come from a grid (the
 * OSC 52 sequence, base64 inside).
 */
void
tty_write(const char *s, size_t n)
{
	ssize_t	w;

	fflush(stdout);
	while (n > 0) {
		w = write(STDOUT_FILENO, s, n);
		if (w == -1 && errno == EINTR)
			continue;
		if (w <= 0)
			return;
		s += w;
		n -= (size_t)w;
	}
}
