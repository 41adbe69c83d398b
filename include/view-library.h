/*
 * view-library.h: the library screen, without a terminal: the articles
 * read (or those a folder holds) to choose from, a filter, forgetting one,
 * and the notes of every article grouped by article to jump to one.
 *
 * Where it sits: beside the view (view.h's events and VIEW_* bits, the
 * grid); above library.h. The reader (reader.c) runs it and paints the
 * grid it renders into.
 */
#ifndef POLYREAD_VIEW_LIBRARY_H
#define POLYREAD_VIEW_LIBRARY_H

#include "grid.h"
#include "library.h"
#include "view.h"

struct libview;

/* What libview_event() asks of the caller, with VIEW_REDRAW, VIEW_QUIT. */
#define LIBVIEW_OPEN	0x100	/* open libview_chosen() */
#define LIBVIEW_BACK	0x200	/* back to the article behind */

/*
 * A library screen of w x h cells on lib (which must outlive it). With
 * over_article, q and B go back to the article behind (LIBVIEW_BACK);
 * without, q quits.
 */
struct libview	*libview_create(struct library *, int over_article, int w,
		     int h);
void		 libview_free(struct libview *);
/* Handle one event; returns VIEW_REDRAW, VIEW_QUIT and LIBVIEW_* bits. */
int		 libview_event(struct libview *, const struct view_event *);
/* Render the screen into g (resized to the screen's size). */
void		 libview_render(struct libview *, struct grid *);
/* Show a message in the status line until the next key. */
void		 libview_message(struct libview *, const char *, ...)
		     PR_PRINTF(2, 3);
/*
 * The entry chosen (after LIBVIEW_OPEN), and in *note the store id of the
 * note to show in it (0: none).
 */
const struct library_entry *libview_chosen(const struct libview *,
		     int64_t *note);

#endif
