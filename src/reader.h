/*
 * reader.h: the full-screen reader, built into the binary only: tty.c (the
 * only curses code) and reader.c (the event loop and the alignment
 * worker).
 */
#ifndef POLYREAD_READER_H
#define POLYREAD_READER_H

#include "article.h"
#include "cmd.h"
#include "grid.h"
#include "theme.h"
#include "view.h"

/*
 * Run the reader until the user quits: on article a if it is open
 * (a->n > 0), else on the chooser of the articles of folder, or of the
 * library (folder NULL). An article chosen in the library (B) replaces a,
 * which the caller releases. Returns the exit status, or -1 (after a
 * warning) when the terminal cannot be used.
 */
int	reader_run(struct article *a, const char *folder,
	    const struct cmd_opts *);
/*
 * Append "MICROSECONDS EVENT" to the POLYREAD_TRACE file, if set (the
 * first call opens it).
 */
void	reader_trace(const char *event);

/* tty.c */
/* Start curses on the terminal; -1 with *cause when it cannot. */
int	tty_start(int mouse, char **cause);
void	tty_stop(void);
/*
 * The terminal's background (its reply to OSC 11 at start-up, else
 * $COLORFGBG): THEME_BG_ANY when not known.
 */
enum theme_background tty_background(void);
/* Colours the terminal has (0: none, or NO_COLOR). */
int	tty_ncolours(void);
void	tty_theme(const struct theme *);
void	tty_size(int *w, int *h);
/* Paint a grid (clear: repaint every cell). */
void	tty_paint(const struct grid *, int clear);
/*
 * Wait up to timeout milliseconds (-1: for ever) for an event. Returns 1
 * with *ev, or 0.
 */
int	tty_read(struct view_event *, int timeout);
/*
 * While the note editor is open, C-z and C-s reach the reader as keys (no
 * job control suspend; flow control is always off).
 */
void	tty_editing(int on);
/*
 * Does the terminal say it sets the clipboard with OSC 52 (terminfo's Ms
 * capability, as tmux reads it)?
 */
int	tty_clipboard(void);
/* Write bytes to the terminal as they are (OSC 52), after a paint. */
void	tty_write(const char *, size_t);
/* Leave and take back the terminal around running another program. */
void	tty_suspend(void);
void	tty_resume(void);

#endif
