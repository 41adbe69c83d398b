/*
 * polyread: read the versions of an article side by side.
 *
 * main() picks the command: a command word (dump, sentences, ...) runs
 * without a terminal; anything else opens the versions in the reader.
 */
#include "config.h"

#include <sys/ioctl.h>

#include <locale.h>
#ifdef HAVE_MALLOC_H
#include <malloc.h>
#endif
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"
#include "library.h"
#include "reader.h"
#include "settings.h"
#include "text.h"

static const char usage[] =
    "usage: polyread [OPTIONS] [URL | FILE... | DIR]\n"
    "       polyread COMMAND [OPTIONS] FILE...\n"
    "\n"
    "Read the EN, FR, RU (up to 6) versions of an article side by side.\n"
    "With no FILE, opens the library of the articles read (B in the\n"
    "reader), or the bundled sample when it is empty; a DIR opens its\n"
    "NAME.LANG.EXT files (asking which article when it holds several); a\n"
    "URL (or one HTML file) opens with the translations it links to\n"
    "(hreflang alternates, then its language switcher).\n"
    "\n"
    "Commands:\n"
    "  dump [--width N] FILE...        print the versions as text columns\n"
    "  sentences [--lang L] FILE       print one sentence per line\n"
    "  extract [--format=text|markdown|json] FILE|URL...\n"
    "                                  print the article a page holds\n"
    "  align [--format=tsv|tmx|json] [--pivot L] FILE...\n"
    "                                  print the sentences that translate\n"
    "                                  each other, one bead per line\n"
    "  quotes [--format=tsv|json] FILE...\n"
    "                                  print the linked quotations\n"
    "  library [--format=tsv|json]     list the articles read, last read\n"
    "                                  first\n"
    "  notes list|export|import|add|delete|check [...]\n"
    "                                  the notes kept on passages\n"
    "  spell [--lang L] [TEXT | -]     print misspelled words and\n"
    "                                  suggestions\n"
    "\n"
    "Options:\n"
    "  --lang L[,L...]   languages of the versions, in order (over what\n"
    "                    the files say)\n"
    "  --layout L        columns, single or interlinear (the reader)\n"
    "  --theme NAME      the reader's colours: dark, light, mono,\n"
    "                    high-contrast or a theme of your own\n"
    "  --width N         width of the output (dump, or the reader's output\n"
    "                    to a pipe)\n"
    "  --data-dir DIR    where notes and personal dictionaries are kept\n"
    "  --langs L[,L...]  the versions to open, among those a URL or a page\n"
    "                    declares (default: all, at most 6)\n"
    "  --no-alternates   open a URL or a file alone\n"
    "  --offline         take pages from the cache only\n"
    "  --refresh         fetch pages again, ignoring the cache\n"
    "  --help            show this help\n"
    "  --version         show the version\n"
    "\n"
    "See polyread(1).\n";

struct command {
	const char	*name;
	int		(*fn)(int, char **);
};

static const struct command commands[] = {
	{ "dump", cmd_dump },
	{ "extract", cmd_extract },
	{ "sentences", cmd_sentences },
	{ "align", cmd_align },
	{ "quotes", cmd_quotes },
	{ "library", cmd_library },
	{ "notes", cmd_notes },
	{ "spell", cmd_spell },
};

/*
 * Does the reader start on a chooser, with no article open? No operand
 * opens the library when it is not empty, and a folder of several
 * articles (*folder) asks which one.
 */
static int
starts_choosing(char **paths, size_t n, const struct cmd_opts *o,
    const char **folder)
{
	struct article_group	*g;
	char			*cause = NULL;
	int			 ng;

	if (n == 0)
		return (library_exists(o->data_dir));
	if (n > 1 || (ng = article_scan_groups(paths[0], &g, &cause)) < 0) {
		free(cause);	/* not a folder: said when it is opened */
		return (0);
	}
	article_groups_free(g, (size_t)ng);
	if (ng > 1)
		*folder = paths[0];
	return (ng > 1);
}

/*
 * The width of the reader's output to a pipe ("polyread | less"): --width,
 * else the terminal's (stdout's, else stderr's, which a pipe leaves on the
 * terminal), else COLUMNS (10 to 10000; anything else is ignored), else
 * 80.
 */
static int
pipe_width(int given)
{
	struct winsize	 ws;
	const char	*env;
	char		*end;
	long		 v;

	if (given > 0)
		return (given);
	if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ,
	    &ws) == 0 && ws.ws_col >= 10)
		return (ws.ws_col);
	if (isatty(STDERR_FILENO) && ioctl(STDERR_FILENO, TIOCGWINSZ,
	    &ws) == 0 && ws.ws_col >= 10)
		return (ws.ws_col);
	if ((env = getenv("COLUMNS")) != NULL && *env != '\0') {
		v = strtol(env, &end, 10);
		if (*end == '\0' && v >= 10 && v <= 10000)
			return ((int)v);
	}
	return (80);
}

/*
 * The reader: full screen when stdin and stdout are a terminal, else (a
 * pipe) the dump at the terminal's or the given width (pipe_width()).
 */
static int
reader_main(int argc, char **argv)
{
	struct cmd_opts	 o;
	struct article	 a;
	const char	*folder = NULL;
	size_t		 npaths;
	int		 first, width, r, tty;

	reader_trace("start");
	first = cmd_parse(argc, argv, "polyread", OPT_LANG | OPT_WIDTH |
	    OPT_INPUT | OPT_THEME | OPT_LAYOUT | OPT_PIVOT | OPT_PRESEG |
	    OPT_DATADIR, usage, &o);
	if (first < 0)
		return (first == -2 ? 0 : 2);
	if (o.layout != NULL && layout_find(o.layout) < 0) {
		error_msg("unknown layout '%s' (columns, single, interlinear)",
		    o.layout);
		return (2);
	}
	if (o.theme != NULL && (*o.theme == '\0' || *o.theme == '.' ||
	    strchr(o.theme, '/') != NULL)) {
		error_msg("bad theme name '%s'", o.theme);
		return (2);
	}
	tty = isatty(STDIN_FILENO) && isatty(STDOUT_FILENO);
	npaths = (size_t)(argc - first);
	memset(&a, 0, sizeof a);
	if (!(tty && starts_choosing(argv + first, npaths, &o, &folder)) &&
	    cmd_open(&a, argv + first, npaths, &o) != 0)
		return (1);
	reader_trace("loaded");
#if defined(HAVE_MALLOPT) && defined(M_MMAP_THRESHOLD)
	/*
	 * The reader stays open: from here on (the alignment, the screens),
	 * arrays of 64 KiB and more are mapped on their own and go back to
	 * the system when freed, instead of glibc raising its threshold and
	 * keeping them in the threads' arenas. Loading, before, and the
	 * commands keep the default, which is faster.
	 */
	if (tty && getenv("MALLOC_MMAP_THRESHOLD_") == NULL)
		mallopt(M_MMAP_THRESHOLD, 64 * 1024);
#endif
	if (tty && (r = reader_run(&a, folder, &o)) >= 0) {
		article_release(&a);
		return (r);
	}
	/* No terminal after all: the dump of what the operands name. */
	if (a.n == 0 && cmd_open(&a, argv + first, npaths, &o) != 0)
		return (1);
	width = pipe_width(o.width);
	r = dump_aligned(stdout, &a, o.pivot, width);
	article_release(&a);
	return (r == 0 ? 0 : 1);
}

int
main(int argc, char **argv)
{
	size_t	i;
	int	r;

	setlocale(LC_ALL, "");
	if (argc > 1 && strcmp(argv[1], "--version") == 0) {
		printf("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
		return (0);
	}
	if (argc > 1 && (strcmp(argv[1], "--help") == 0 ||
	    strcmp(argv[1], "-h") == 0)) {
		fputs(usage, stdout);
		return (0);
	}
	for (i = 0; argc > 1 && i < nitems(commands); i++) {
		if (strcmp(argv[1], commands[i].name) == 0) {
			r = commands[i].fn(argc - 1, argv + 1);
			text_cleanup();
			return (r);
		}
	}
	r = reader_main(argc, argv);
	text_cleanup();
	return (r);
}
