/*
 * The reader's event loop and its alignment worker.
 *
 * The loop follows the house redraw rules: events only change the view
 * and set dirty bits; once per iteration, after every key already typed
 * has been handled (typeahead), the view renders into a grid and the tty
 * paints it with one doupdate(). While the alignment runs in its thread
 * the loop wakes every 10 ms to show the progress, and switches to the
 * real alignment as soon as the worker is done (within 10 ms: the loop
 * waits in curses, which nothing but a key or a signal wakes). On a long
 * article the worker aligns the top first (align_create_top()): the loop
 * shows it, the rest paired paragraph by paragraph, until the whole is
 * aligned.
 */
#include "config.h"

#include <sys/types.h>
#include <sys/wait.h>

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "clip.h"
#include "library.h"
#include "note.h"
#include "reader.h"
#include "safe.h"
#include "settings.h"
#include "spell.h"
#include "store.h"
#include "text.h"
#include "view-library.h"

/* How often the loop looks at the alignment worker, in ms. */
#define READER_POLL_ALIGN	10

/*
 * The top aligned first, in characters of the longest version: a few
 * screens of 200 columns. Articles under four times that are aligned
 * whole at once.
 */
#define READER_TOP_CHARS	20000

/* The notes of the article and what keeps them. */
struct rnotes {
	struct store	*st;
	struct notes	*ns;
	struct spell	*sp;
	char		*cause;		/* why notes are off */
	size_t		 vers;		/* the reading position saved */
	struct doc_pos	 pos;
	int		 saved;		/* pos holds what was saved */
	struct timespec	 when;		/* the last save */
	int		 failed;	/* a save failed (said once) */
};

struct worker {
	pthread_t		 thread;
	struct article		*a;
	const char		*pivot;
	_Atomic int		 progress;
	_Atomic int		 cancel;
	_Atomic int		 done;
	struct alignment	*al;
	char			*cause;
	int			 running;
	/* The top aligned first (align_create_top()), when top_ready. */
	_Atomic int		 top_ready;
	struct alignment	*top;
	long			 delay;		/* POLYREAD_ALIGN_DELAY_MS */
};

static FILE	*trace_file;
static int	 trace_tried;

/* Append a timestamped event to the trace file. */
void
reader_trace(const char *event)
{
	struct timespec	 ts;
	const char	*path;

	if (!trace_tried) {
		trace_tried = 1;
		path = getenv("POLYREAD_TRACE");
		if (path != NULL && *path != '\0')
			trace_file = fopen(path, "a");
	}
	if (trace_file == NULL)
		return;
	clock_gettime(CLOCK_REALTIME, &ts);
	fprintf(trace_file, "%lld %s\n", (long long)ts.tv_sec * 1000000 +
	    ts.tv_nsec / 1000, event);
	fflush(trace_file);
}

/* The worker thread: align, then say so. */
static void *
worker_main(void *arg)
{
	struct worker		*w = arg;
	struct align_opts	 opts;

	memset(&opts, 0, sizeof opts);
	opts.pivot = w->pivot;
	opts.progress = &w->progress;
	opts.cancel = &w->cancel;
	/* The top first: shown while the whole is aligned. */
	w->top = align_create_top(w->a, &opts, READER_TOP_CHARS);
	if (w->top != NULL)
		atomic_store(&w->top_ready, 1);
	/* For the tests: the top on the screen a while. */
	for (; w->delay > 0 && !atomic_load(&w->cancel); w->delay -= 10) {
		struct timespec	ts = { 0, 10 * 1000 * 1000 };

		nanosleep(&ts, NULL);
	}
	w->al = align_create(w->a, &opts, &w->cause);
	text_cleanup();
	atomic_store(&w->done, 1);
	return (NULL);
}

/* Start the worker; without threads, align at once. */
static void
worker_start(struct worker *w, struct article *a, const char *pivot)
{
	const char	*e = getenv("POLYREAD_ALIGN_DELAY_MS");
	long		 ms = e != NULL ? strtol(e, NULL, 10) : 0;

	memset(w, 0, sizeof *w);
	w->a = a;
	w->pivot = pivot;
	w->delay = ms > 0 && ms < 60000 ? ms : 0;
	if (pthread_create(&w->thread, NULL, worker_main, w) == 0) {
		w->running = 1;
		return;
	}
	worker_main(w);
}

/* Stop the worker (cancelling it) and free what it made. */
static void
worker_stop(struct worker *w)
{
	if (w->running) {
		atomic_store(&w->cancel, 1);
		pthread_join(w->thread, NULL);
		w->running = 0;
	}
	align_free(w->al);
	w->al = NULL;
	align_free(w->top);
	w->top = NULL;
	free(w->cause);
	w->cause = NULL;
}

/*
 * Open url with $BROWSER (its first entry; "%s" in it takes the URL, else
 * the URL is the last argument), never through a shell.
 */
static void
open_url(struct view *v, const char *url)
{
	const char	*env = getenv("BROWSER");
	char		*cmd, *p, *argv[18], *tok, *save;
	size_t		 argc = 0;
	pid_t		 pid;
	int		 status, used = 0;

	if (env == NULL || *env == '\0') {
		view_message(v, "link: %s (set BROWSER to open it)", url);
		return;
	}
	cmd = xstrdup(env);
	if ((p = strchr(cmd, ':')) != NULL && p != cmd)
		*p = '\0';
	for (tok = strtok_r(cmd, " \t", &save); tok != NULL && argc < 16;
	    tok = strtok_r(NULL, " \t", &save)) {
		if (strcmp(tok, "%s") == 0) {
			argv[argc++] = (char *)url;
			used = 1;
		} else
			argv[argc++] = tok;
	}
	if (argc == 0) {
		free(cmd);
		view_message(v, "BROWSER is empty");
		return;
	}
	if (!used)
		argv[argc++] = (char *)url;
	argv[argc] = NULL;
	tty_suspend();
	pid = fork();
	if (pid == 0) {
		execvp(argv[0], argv);
		_exit(127);
	}
	status = -1;
	if (pid > 0) {
		while (waitpid(pid, &status, 0) == -1 && errno == EINTR)
			;
	}
	tty_resume();
	if (pid < 0)
		view_message(v, "cannot start '%s'", argv[0]);
	else if (WIFEXITED(status) && WEXITSTATUS(status) == 127)
		view_message(v, "cannot run '%s'", argv[0]);
	else
		view_message(v, "opened %s", url);
	free(cmd);
}

/*
 * Load theme name into the terminal (mono without colours). A theme that
 * does not load, or loads with a problem, is told on the status line (of
 * v, when there is a view) and, when kept is not NULL, in *kept (to repeat
 * on stderr after quitting).
 */
static void
apply_theme(struct view *v, const char *name, char **kept)
{
	struct theme	 t;
	char		*cause = NULL;

	if (tty_ncolours() == 0 || theme_load(&t, name, &cause) != 0) {
		if (cause != NULL) {
			if (v != NULL)
				view_message(v, "%s", cause);
			if (kept != NULL && *kept == NULL)
				*kept = xstrdup(cause);
			free(cause);
			cause = NULL;
			/* The default theme, else the built-in mono. */
			if (theme_load(&t, "dark", &cause) == 0) {
				tty_theme(&t);
				theme_release(&t);
				return;
			}
			free(cause);
		} else if (strcmp(name, "mono") != 0 && v != NULL)
			view_message(v, "no colours (NO_COLOR or the "
			    "terminal): theme mono");
		theme_mono(&t);
	}
	if (t.warning != NULL) {
		if (v != NULL)
			view_message(v, "%s", t.warning);
		if (kept != NULL && *kept == NULL)
			*kept = xstrdup(t.warning);
	}
	tty_theme(&t);
	theme_release(&t);
}

/*
 * Open the notes, on the texts of prep (notes_prepare(), freed here): a
 * failure (a damaged database, a read-only folder, a newer schema) is kept
 * as a message, and the article opens without them. POLYREAD_DB_MAX_PAGES
 * caps the database (to test a full disk).
 */
static void
notes_start(struct rnotes *rn, struct article *a, const char *datadir,
    struct notes_prep *prep)
{
	struct strbuf	 langs = STRBUF_INIT;
	const char	*l, *max;
	char		*dir, *end;
	unsigned long	 pages;
	size_t		 i;

	memset(rn, 0, sizeof *rn);
	if (store_open(&rn->st, datadir, &rn->cause) != 0) {
		rn->st = NULL;
		notes_prep_free(prep);
	} else if (notes_open_prepared(&rn->ns, rn->st, prep,
	    &rn->cause) != 0) {
		store_close(rn->st);
		rn->st = NULL;
		rn->ns = NULL;
	}
	max = getenv("POLYREAD_DB_MAX_PAGES");
	if (rn->st != NULL && max != NULL && *max != '\0') {
		pages = strtoul(max, &end, 10);
		if (*end == '\0' && pages > 0 && pages <= UINT32_MAX)
			store_limit_pages(rn->st, (unsigned int)pages);
	}
	/* The usual languages, and those of the article. */
	strbuf_addstr(&langs, "en,fr,ru");
	for (i = 0; i < a->n; i++) {
		l = a->docs[i]->lang;
		if (l == NULL || *l == '\0' || strlen(l) > 7 ||
		    strstr(langs.buf, l) != NULL)
			continue;
		strbuf_addf(&langs, ",%s", l);
	}
	dir = store_data_dir(datadir);
	rn->sp = spell_create(langs.buf, dir);
	free(dir);
	strbuf_release(&langs);
}

/* Save the reading position if it moved (now: whatever the time). */
static void
notes_position(struct rnotes *rn, struct view *v, int now)
{
	struct timespec	 ts;
	struct doc_pos	 pos;
	size_t		 w;
	char		*cause = NULL;
	long		 ms;

	if (rn->ns == NULL)
		return;
	view_position(v, &w, &pos);
	if (rn->saved && w == rn->vers && pos.block == rn->pos.block &&
	    pos.off == rn->pos.off)
		return;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	ms = (long)(ts.tv_sec - rn->when.tv_sec) * 1000 +
	    (ts.tv_nsec - rn->when.tv_nsec) / 1000000;
	if (!now && rn->saved && ms < 1000)
		return;
	rn->when = ts;
	rn->vers = w;
	rn->pos = pos;
	rn->saved = 1;
	if (notes_save_position(rn->ns, w, pos, &cause) != 0) {
		if (!rn->failed)
			view_message(v, "reading position not saved: %s",
			    cause);
		rn->failed = 1;
	}
	free(cause);
}

/* Is a position save waiting for its second to pass? */
static int
notes_pending(struct rnotes *rn, struct view *v)
{
	struct doc_pos	 pos;
	size_t		 w;

	if (rn->ns == NULL)
		return (0);
	view_position(v, &w, &pos);
	return (!rn->saved || w != rn->vers || pos.block != rn->pos.block ||
	    pos.off != rn->pos.off);
}

/* Close the notes. */
static void
notes_stop(struct rnotes *rn)
{
	notes_free(rn->ns);
	store_close(rn->st);
	spell_free(rn->sp);
	free(rn->cause);
}

/*
 * The reader: what the event loop keeps from one iteration to the next.
 * The terminal, the settings and the grid last the whole run; the article
 * read and what is made of it (from v on) are set up for each article
 * opened (reader_setup()) and closed before the next (reader_close()).
 */
struct reader {
	const struct cmd_opts	*o;
	struct settings		 set;
	struct view_opts	 vo;
	char			**themes;
	size_t			 nthemes;
	char			*theme;		/* the theme T chose, or NULL */
	char			*theme_err;	/* said again after quitting */
	struct grid		 g;
	int			 clear;

	struct article		*a;
	struct view		*v;
	struct worker		 wk;		/* started after the first paint */
	struct rnotes		 rn;
	int			 first;		/* nothing painted yet */
	int			 dirty;
	int			 aligning;
	int			 progress;	/* the progress shown */
	int			 editing;
	int64_t			 note;		/* the note to show once
						   aligned (0: none) */
};

/* What reading an article ended with. */
enum reader_end {
	READER_QUIT,
	READER_SWITCH		/* another article was chosen and opened */
};

/* Read the settings and the themes, and choose the view's options. */
static void
reader_settings(struct reader *r)
{
	const struct cmd_opts	*o = r->o;
	struct view_opts	*vo = &r->vo;

	settings_init(&r->set);
	settings_load(&r->set, settings_path());
	memset(vo, 0, sizeof *vo);
	vo->layout = view_layout_of(&r->set);
	if (o->layout != NULL)
		vo->layout = (enum view_layout)layout_find(o->layout);
	vo->maxw = r->set.width;
	vo->mouse = r->set.mouse;
	vo->settings = &r->set;
	r->nthemes = theme_list(&r->themes);
	vo->themes = r->themes;
	vo->nthemes = r->nthemes;
	vo->theme = o->theme != NULL ? o->theme : r->set.theme != NULL ?
	    r->set.theme : "dark";
}

/*
 * Keep the themes that suit the terminal's background for T to cycle
 * through (and the one chosen, whatever it suits); with no theme chosen,
 * a light terminal starts in light.
 */
static void
reader_themes(struct reader *r)
{
	enum theme_background	 bg = tty_background();
	size_t			 i, n = 0;

	if (r->o->theme == NULL && r->set.theme == NULL &&
	    bg == THEME_BG_LIGHT)
		r->vo.theme = "light";
	for (i = 0; i < r->nthemes; i++) {
		if (strcmp(r->themes[i], r->vo.theme) == 0 ||
		    theme_suits(r->themes[i], bg))
			r->themes[n++] = r->themes[i];
		else
			free(r->themes[i]);
	}
	r->nthemes = r->vo.nthemes = n;
}

/* Free the settings and the themes. */
static void
reader_settings_release(struct reader *r)
{
	size_t	i;

	settings_release(&r->set);
	for (i = 0; i < r->nthemes; i++)
		free(r->themes[i]);
	free(r->themes);
}

/* Show note id (from the library): its passage, or why it cannot. */
static void
reader_show_note(struct reader *r, int64_t id)
{
	const struct note	*n;
	size_t			 i;

	if (r->rn.ns == NULL || (i = notes_find_id(r->rn.ns, id)) ==
	    DOC_NOPOS) {
		view_message(r->v, "note %lld is gone", (long long)id);
		return;
	}
	n = &r->rn.ns->v[i];
	if (n->state == NOTE_ORPHAN)
		view_message(r->v, "note %lld is an orphan: its passage was "
		    "not found (m lists it)", (long long)id);
	else if (n->state == NOTE_UNOPENED)
		view_message(r->v, "note %lld is on a version not open",
		    (long long)id);
	else
		view_goto(r->v, n->vers, n->start);
}

/*
 * Create the view of article a on the started terminal, tell what went
 * wrong before (on the screen, where it is seen) and open the notes at the
 * reading position saved, or at note (a store id; 0: none).
 */
static void
reader_setup(struct reader *r, struct article *a, int64_t note)
{
	struct rnotes	*rn = &r->rn;
	struct notes_prep *prep;
	struct doc_pos	 pos;
	size_t		 pv;
	char		*cause = NULL;
	int		 w, h;

	r->a = a;
	r->first = r->dirty = 1;
	r->aligning = r->editing = 0;
	r->progress = -1;
	r->clear = 1;
	tty_size(&w, &h);
	/* The notes' texts are made while the first screen is laid out. */
	prep = notes_prepare(a);
	reader_themes(r);
	r->v = view_create(a, &r->vo, w, h);
	if (r->theme == NULL)
		apply_theme(r->v, r->vo.theme, &r->theme_err);
	if (r->set.nerrors > 0)
		view_message(r->v, "%s%s", r->set.errors[0],
		    r->set.nerrors > 1 ? " (and more: see after quitting)" : "");
	/* Versions that did not load: named on the screen too, since the
	 * lines on stderr are hidden behind it. */
	if (a->warning != NULL)
		view_message(r->v, "%s", a->warning);
	else if (a->notice != NULL)
		view_message(r->v, "%s", a->notice);
	notes_start(rn, a, r->o->data_dir, prep);
	view_set_notes(r->v, rn->ns, rn->sp, rn->cause);
	/* In the library: read now (a failure leaves it as it was). */
	if (rn->ns != NULL && notes_mark_read(rn->ns, &cause) != 0) {
		free(cause);
		cause = NULL;
	}
	if (rn->cause != NULL)
		view_message(r->v, "%s", rn->cause);
	else if (rn->ns->warning != NULL)
		view_message(r->v, "%s", rn->ns->warning);
	if (rn->ns != NULL && notes_get_position(rn->ns, &pv, &pos) == 0) {
		view_goto(r->v, pv, pos);
		rn->vers = pv;
		rn->pos = pos;
		rn->saved = 1;
		view_position(r->v, &rn->vers, &rn->pos);
	}
	/* Shown now, and again on the real alignment's sentences. */
	if ((r->note = note) != 0)
		reader_show_note(r, note);
}

/* Paint the grid rendered (the view's or the library's), said in the trace. */
static void
reader_paint(struct reader *r)
{
	reader_trace("rendered");
	tty_paint(&r->g, r->clear);
	reader_trace("paint");
	r->clear = 0;
}

/*
 * Render and paint if anything changed. The worker starts after the first
 * paint, so that the text shows before the alignment takes the processors.
 */
static void
reader_redraw(struct reader *r)
{
	if (!r->dirty)
		return;
	view_render(r->v, &r->g);
	reader_paint(r);
	r->dirty = 0;
	if (r->first) {
		r->first = 0;
		worker_start(&r->wk, r->a, r->o->pivot);
		r->aligning = 1;
	}
}

/*
 * Wait for the next event into ev; returns what tty_read() does. Idle, lay
 * out ahead as long as no key comes; not while aligning, whose threads
 * want the processors and whose alignment replaces what would be laid out.
 */
static int
reader_wait(struct reader *r, struct view_event *ev)
{
	int	n = 0;

	while (n == 0 && !r->aligning && view_idle(r->v))
		n = tty_read(ev, 0);
	if (n == 0)
		n = tty_read(ev, r->aligning ? READER_POLL_ALIGN :
		    notes_pending(&r->rn, r->v) ? 1000 : -1);
	return (n);
}

/*
 * Handle the event read (n > 0) and, typeahead, those already typed: 256
 * at most, then paint; none is dropped. Returns the VIEW_* bits.
 */
static int
reader_input(struct reader *r, struct view_event *ev, int n)
{
	int	i, bits = 0;

	for (i = 0; n > 0 && i < 256; i++) {
		reader_trace(ev->kind == VIEW_EV_RESIZE ? "resize" : "key");
		bits |= view_event(r->v, ev);
		if (bits & (VIEW_QUIT | VIEW_OPEN | VIEW_THEME | VIEW_COPY |
		    VIEW_LIBRARY))
			break;
		if (i + 1 >= 256)
			break;
		n = tty_read(ev, 0);
	}
	return (bits);
}

/* The worker is done: show its alignment, or why there is none. */
static void
reader_aligned(struct reader *r)
{
	struct worker	*wk = &r->wk;

	if (wk->running)
		pthread_join(wk->thread, NULL);
	wk->running = 0;
	r->aligning = 0;
	/* A top not shown in time: not needed now. */
	align_free(wk->top);
	wk->top = NULL;
	if (wk->al != NULL) {
		const char	*fallback = wk->al->fallback;

		view_set_alignment(r->v, wk->al);
		wk->al = NULL;
		if (r->note != 0)
			reader_show_note(r, r->note);
		r->note = 0;
		/* Past the aligner's budget: the paragraphs paired, said. */
		if (fallback != NULL)
			view_message(r->v, "%s", fallback);
		reader_trace("aligned");
	} else {
		view_set_progress(r->v, -1);
		view_message(r->v, "cannot align: %s",
		    wk->cause != NULL ? wk->cause : "?");
	}
	r->dirty = 1;
}

/* Take what the worker has made: the top, the whole, or its progress. */
static void
reader_worker(struct reader *r)
{
	struct worker	*wk = &r->wk;

	if (!r->aligning)
		return;
	if (atomic_load(&wk->top_ready) == 1 && !atomic_load(&wk->done)) {
		/* The top is aligned: shown until the whole is. */
		atomic_store(&wk->top_ready, 2);
		view_set_alignment(r->v, wk->top);
		wk->top = NULL;		/* the view's now */
		r->progress = atomic_load(&wk->progress);
		view_set_progress(r->v, r->progress);
		reader_trace("top");
		r->dirty = 1;
	}
	if (atomic_load(&wk->done))
		reader_aligned(r);
	else if (atomic_load(&wk->progress) != r->progress) {
		r->progress = atomic_load(&wk->progress);
		view_set_progress(r->v, r->progress);
		r->dirty = 1;
	}
}

/*
 * Copy the view's text (y, Y): to the terminal's clipboard with OSC 52
 * when it takes it ("clipboard auto": its terminfo has Ms; tmux passes the
 * sequence on with "set -s set-clipboard on"), else to the copy file,
 * named on the status line.
 */
static void
reader_copy(struct reader *r)
{
	const char	*text = view_clip(r->v), *why;
	char		*seq = NULL, *dir, *path, *cause = NULL;
	size_t		 len, n = 0, i;

	if (text == NULL)
		return;
	len = strlen(text);
	for (i = 0; i < len; i = text_next_grapheme(text, len, i))
		n++;
	if (r->set.clipboard == CLIPBOARD_FILE)
		why = "clipboard file";
	else if (r->set.clipboard == CLIPBOARD_AUTO && !tty_clipboard())
		why = "the terminal has no OSC 52 clipboard";
	else if ((seq = clip_osc52(text, len)) == NULL)
		why = "too long for the terminal's clipboard";
	else {
		tty_write(seq, strlen(seq));
		free(seq);
		view_message(r->v, "copied %zu characters to the clipboard "
		    "(OSC 52)", n);
		return;
	}
	dir = store_data_dir(r->o->data_dir);
	path = clip_path(dir);
	if (clip_file(path, text, len, &cause) != 0)
		view_message(r->v, "not copied: %s", cause);
	else
		view_message(r->v, "copied to %s (%s)", path, why);
	free(cause);
	free(path);
	free(dir);
}

/* Do what the view asked for (bits), outside it, and keep the position. */
static void
reader_act(struct reader *r, int bits)
{
	notes_position(&r->rn, r->v, 0);
	if (view_editing(r->v) != r->editing) {
		r->editing = view_editing(r->v);
		tty_editing(r->editing);
	}
	if (bits & VIEW_THEME) {
		/* Kept for the articles opened next. */
		free(r->theme);
		r->theme = xstrdup(view_theme(r->v));
		r->vo.theme = r->theme;
		apply_theme(r->v, r->theme, NULL);
	}
	if (bits & VIEW_COPY)
		reader_copy(r);
	if ((bits & VIEW_OPEN) && view_url(r->v) != NULL)
		open_url(r->v, view_url(r->v));
	if (bits & (VIEW_CLEAR | VIEW_OPEN | VIEW_THEME))
		r->clear = 1;
	if (bits & (VIEW_REDRAW | VIEW_CLEAR | VIEW_OPEN | VIEW_THEME))
		r->dirty = 1;
}

/* Print a message kept from the screen on stderr, safely. */
static void
reader_say(const char *msg)
{
	fprintf(stderr, "%s: ", progname);
	safe_fputs(stderr, msg);
	fputc('\n', stderr);
}

/* Save the position, stop the worker, close the view and the notes. */
static void
reader_close(struct reader *r)
{
	notes_position(&r->rn, r->v, 1);
	if (!r->first)
		worker_stop(&r->wk);
	view_free(r->v);
	r->v = NULL;
	notes_stop(&r->rn);
	memset(&r->rn, 0, sizeof r->rn);
	r->a = NULL;
}

/*
 * Stop the terminal, free the rest, and repeat on stderr what the screen
 * showed and hid on quitting.
 */
static void
reader_teardown(struct reader *r)
{
	size_t	i;

	tty_stop();
	grid_release(&r->g);
	for (i = 0; i < r->set.nerrors; i++)
		reader_say(r->set.errors[i]);
	if (r->theme_err != NULL) {
		reader_say(r->theme_err);
		free(r->theme_err);
	}
	free(r->theme);
	reader_settings_release(r);
}

/*
 * Open a library entry into out, with the options the reader was started
 * with; URLs from the cache first (no network needed), then fetched unless
 * --offline. What article_open() says on stderr would be hidden behind the
 * screen and break it: it is silenced, and the article's warning shows on
 * its status line. Returns 0, or -1 with *cause.
 */
static int
reader_open_entry(struct reader *r, const struct library_entry *e,
    struct article *out, char **cause)
{
	const struct cmd_opts	*o = r->o;
	struct article_opts	 ao;
	struct strbuf		 langs = STRBUF_INIT;
	size_t			 i;
	int			 fd, nul, rc;

	memset(&ao, 0, sizeof ao);
	for (i = 0; i < e->n && e->vlangs[i] != NULL; i++)
		strbuf_addf(&langs, "%s%s", i > 0 ? "," : "", e->vlangs[i]);
	ao.langs = i == e->n && o->langs == NULL ? langs.buf : o->langs;
	ao.presegmented = o->presegmented;
	ao.format = o->input_format;
	if (o->presegmented && ao.format == NULL)
		ao.format = "text";
	ao.no_alternates = 1;		/* every version is named */
	ao.offline = !o->refresh;
	ao.refresh = o->refresh;
	ao.warm = align_warm;
	fflush(stderr);
	fd = dup(STDERR_FILENO);
	if ((nul = open("/dev/null", O_WRONLY)) >= 0) {
		dup2(nul, STDERR_FILENO);
		close(nul);
	}
	rc = article_open(out, e->paths, e->n, &ao, cause);
	if (rc != 0 && ao.offline && !o->offline) {
		free(*cause);
		*cause = NULL;
		ao.offline = 0;
		rc = article_open(out, e->paths, e->n, &ao, cause);
	}
	fflush(stderr);
	if (fd >= 0) {
		dup2(fd, STDERR_FILENO);
		close(fd);
	}
	strbuf_release(&langs);
	return (rc);
}

/*
 * The library screen: the library (folder NULL) or the articles of folder,
 * over the article being read (over) or alone. Returns 0 when an article
 * was chosen and opened into out (with the note to show in *note), 1 to
 * go back to the article behind, -1 to quit.
 */
static int
reader_choose(struct reader *r, const char *folder, int over,
    struct article *out, int64_t *note)
{
	const struct library_entry	*e;
	struct view_event		 ev;
	struct store			*st = NULL;
	struct library			 lib;
	struct libview			*lv;
	char				*cause = NULL;
	int				 w, h, bits, res = 2;

	if (folder != NULL ? library_scan_dir(&lib, folder, &cause) < 0 :
	    store_open(&st, r->o->data_dir, &cause) != 0 ||
	    library_load(&lib, st, 0, &cause) != 0) {
		store_close(st);
		if (over) {
			view_message(r->v, "no library: %s", cause);
			free(cause);
			return (1);
		}
		reader_say(cause);
		free(cause);
		return (-1);
	}
	tty_size(&w, &h);
	lv = libview_create(&lib, over, w, h);
	r->clear = 1;
	while (res == 2) {
		libview_render(lv, &r->g);
		reader_paint(r);
		if (tty_read(&ev, -1) == 0)
			continue;
		reader_trace(ev.kind == VIEW_EV_RESIZE ? "resize" : "key");
		bits = libview_event(lv, &ev);
		if (bits & VIEW_CLEAR)
			r->clear = 1;
		if (bits & VIEW_QUIT)
			res = -1;
		else if (bits & LIBVIEW_BACK)
			res = 1;
		else if ((bits & LIBVIEW_OPEN) &&
		    (e = libview_chosen(lv, note)) != NULL) {
			if (reader_open_entry(r, e, out, &cause) == 0)
				res = 0;
			else {
				libview_message(lv, "cannot open it: %s",
				    cause);
				free(cause);
				cause = NULL;
			}
		}
	}
	libview_free(lv);
	library_release(&lib);
	store_close(st);
	if (res == 1 && r->v != NULL) {
		tty_size(&w, &h);
		view_resize(r->v, w, h);
	}
	return (res);
}

/*
 * Read article a (at note, a store id, when not 0): the event loop, until
 * the user quits or chooses another article in the library (B), opened
 * into next (with the note to show in *nextnote).
 */
static enum reader_end
reader_read(struct reader *r, struct article *a, int64_t note,
    struct article *next, int64_t *nextnote)
{
	struct view_event	 ev;
	enum reader_end		 end = READER_QUIT;
	int			 bits;

	reader_setup(r, a, note);
	for (;;) {
		reader_redraw(r);
		bits = reader_input(r, &ev, reader_wait(r, &ev));
		reader_worker(r);
		if (bits & VIEW_QUIT)
			break;
		if (bits & VIEW_LIBRARY) {
			/* Where the reader was, kept before leaving it. */
			notes_position(&r->rn, r->v, 1);
			if (reader_choose(r, NULL, 1, next, nextnote) == 0) {
				end = READER_SWITCH;
				break;
			}
			r->dirty = r->clear = 1;
			continue;
		}
		reader_act(r, bits);
	}
	reader_close(r);
	return (end);
}

/*
 * The reader: read a if it is open (a->n > 0), else choose first among the
 * articles of folder, or in the library (folder NULL). An article chosen
 * later in the library (B) replaces a.
 */
int
reader_run(struct article *a, const char *folder, const struct cmd_opts *o)
{
	struct reader	 r;
	struct article	 next;
	char		*cause = NULL;
	int64_t		 note = 0;

	memset(&r, 0, sizeof r);
	r.o = o;
	reader_settings(&r);
	if (tty_start(r.vo.mouse, &cause) != 0) {
		warn_msg("%s: printing the text instead", cause);
		free(cause);
		reader_settings_release(&r);
		return (-1);
	}
	grid_init(&r.g);
	if (a->n == 0)
		apply_theme(NULL, r.vo.theme, &r.theme_err);
	for (;;) {
		if (a->n == 0 && reader_choose(&r, folder, 0, a, &note) != 0)
			break;
		memset(&next, 0, sizeof next);
		if (reader_read(&r, a, note, &next, &note) != READER_SWITCH)
			break;
		article_release(a);
		*a = next;
	}
	reader_teardown(&r);
	return (0);
}
