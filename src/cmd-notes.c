/*
 * polyread notes: list, export, import, add, delete and check the notes
 * kept in the data folder (docs/NOTES.md).
 *
 * The FILE... of list and export open an article: its notes (those of
 * every version of its group in the store) are anchored in the files and
 * listed; without files, every stored note is listed as stored, grouped
 * by article (TSV: with its version's source; Markdown: a heading per
 * article, with its title and sources; JSON: in the order of the
 * articles).
 */
#include "config.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "align.h"
#include "cmd.h"
#include "file.h"
#include "library.h"
#include "note.h"
#include "safe.h"
#include "store.h"

static const char notes_usage[] =
    "usage: polyread notes list [--format=tsv|json|markdown] [FILE...]\n"
    "       polyread notes export [--format=json|markdown] [FILE...]\n"
    "       polyread notes import FILE.json...\n"
    "       polyread notes add --file F --quote TEXT --note TEXT|- "
    "[--lang L]\n"
    "                          [--tag T]...\n"
    "       polyread notes delete ID...\n"
    "       polyread notes check\n"
    "Every subcommand takes --data-dir DIR (default "
    "$XDG_DATA_HOME/polyread).\n"
    "list prints one note per line: id, version language, quote, note,\n"
    "state, tab-separated (tabs, newlines and backslashes as \\t, \\n, "
    "\\\\);\n"
    "without FILE, every note grouped by article, and its version's source.\n";

/*
 * Append text with controls made safe but newlines kept, each line after
 * the first starting with indent (without its trailing space when the line
 * is empty).
 */
static void
safe_lines(struct strbuf *sb, const char *s, const char *indent)
{
	const char	*nl;
	size_t		 n;

	for (;;) {
		nl = strchr(s, '\n');
		safe_escape(sb, s, nl != NULL ? (size_t)(nl - s) : strlen(s),
		    0);
		if (nl == NULL)
			break;
		strbuf_addch(sb, '\n');
		s = nl + 1;
		n = strlen(indent);
		if (*s == '\n' || *s == '\0')
			while (n > 0 && indent[n - 1] == ' ')
				n--;
		strbuf_add(sb, indent, n);
	}
}

/* Append document text for Markdown: its syntax characters escaped. */
static void
md_text(struct strbuf *sb, const char *s, const char *indent)
{
	struct strbuf	tmp = STRBUF_INIT;
	int		bol = 1;

	for (; *s != '\0'; s++) {
		if (*s == '\n') {
			strbuf_addch(&tmp, '\n');
			bol = 1;
			continue;
		}
		if (strchr("\\`*_[]<>|~#", *s) != NULL ||
		    (bol && (*s == '-' || *s == '+' || *s == '=')))
			strbuf_addch(&tmp, '\\');
		strbuf_addch(&tmp, *s);
		bol = 0;
	}
	safe_lines(sb, tmp.buf, indent);
	strbuf_release(&tmp);
}

/* Write sb to stdout; 0 or -1. */
static int
flush_out(struct strbuf *sb)
{
	if (sb->len > 0 && fwrite(sb->buf, 1, sb->len, stdout) != sb->len)
		return (-1);
	if (fflush(stdout) != 0)
		return (-1);
	return (0);
}

/* Open the store, reporting errors; NULL on failure. */
static struct store *
open_store(const char *dir)
{
	struct store	*st;
	char		*cause = NULL;

	if (store_open(&st, dir, &cause) != 0) {
		error_msg("%s", cause);
		free(cause);
		return (NULL);
	}
	return (st);
}

/*
 * Open the store for a command that only reads: on a read-only folder or a
 * full disk, an in-memory copy, with a warning. NULL on failure.
 */
static struct store *
open_store_read(const char *dir)
{
	struct store	*st;
	char		*cause = NULL;

	if (store_open_read(&st, dir, NULL, &cause) != 0) {
		error_msg("%s", cause);
		free(cause);
		return (NULL);
	}
	if (store_copy_reason(st) != NULL)
		warn_msg("%s; reading it all the same (nothing is saved)",
		    store_copy_reason(st));
	return (st);
}

/* The quote of a note as it is now: the passage, else the stored one. */
static char *
note_quote(const struct notes *ns, const struct note *n)
{
	if (ns != NULL && n->vers != DOC_NOPOS && (n->state ==
	    NOTE_AT_POSITION || n->state == NOTE_EXACT ||
	    n->state == NOTE_FUZZY))
		return (note_range_text(ns->article->docs[n->vers], n->start,
		    n->end));
	return (xstrdup(n->rec.sel.exact));
}

/*
 * One TSV line per note; with every stored note (ns NULL), the source of
 * its version last.
 */
static void
print_tsv(struct strbuf *sb, const struct notes *ns, const struct note *v,
    size_t n)
{
	const struct note	*nt;
	char			*q;
	size_t			 i;

	for (i = 0; i < n; i++) {
		nt = &v[i];
		strbuf_addf(sb, "%lld\t", (long long)nt->rec.id);
		safe_tsv(sb, nt->rec.vlang != NULL ? nt->rec.vlang : "-");
		strbuf_addch(sb, '\t');
		q = note_quote(ns, nt);
		safe_tsv(sb, q);
		free(q);
		strbuf_addch(sb, '\t');
		safe_tsv(sb, nt->rec.text);
		strbuf_addch(sb, '\t');
		if (ns == NULL)
			strbuf_addstr(sb, nt->rec.orphan ? "orphan" : "stored");
		else if (nt->state == NOTE_UNOPENED)
			strbuf_addstr(sb, nt->rec.orphan ? "orphan" : "stored");
		else
			strbuf_addstr(sb, note_state_name(nt->state));
		if (ns == NULL) {
			strbuf_addch(sb, '\t');
			safe_tsv(sb, nt->rec.source);
		}
		strbuf_addch(sb, '\n');
	}
}

/* The tags and dates line of a note, in Markdown. */
static void
md_meta(struct strbuf *sb, const struct note *n)
{
	size_t	i;

	strbuf_addstr(sb, "*");
	if (n->rec.lang != NULL) {
		safe_escape(sb, n->rec.lang, strlen(n->rec.lang), 0);
		strbuf_addstr(sb, ", ");
	}
	strbuf_addstr(sb, "written ");
	safe_escape(sb, n->rec.created, strlen(n->rec.created), 0);
	if (strcmp(n->rec.created, n->rec.modified) != 0) {
		strbuf_addstr(sb, ", changed ");
		safe_escape(sb, n->rec.modified, strlen(n->rec.modified), 0);
	}
	for (i = 0; i < n->rec.ntags; i++) {
		strbuf_addstr(sb, i == 0 ? "; tags: " : ", ");
		md_text(sb, n->rec.tags[i], "");
	}
	strbuf_addstr(sb, "*\n\n");
}

/* A note's body in Markdown (as written; empty shown as such). */
static void
md_body(struct strbuf *sb, const struct note *n)
{
	if (*n->rec.text == '\0')
		strbuf_addstr(sb, "*(no text)*\n\n");
	else {
		safe_lines(sb, n->rec.text, "");
		strbuf_addstr(sb, "\n\n");
	}
}

/* Markdown: the heading of an article of the library, and its sources. */
static void
md_article(struct strbuf *sb, const struct library *lib, int64_t id)
{
	const struct library_entry	*e;
	long				 i = library_find(lib, id);
	size_t				 k;

	if (i < 0) {
		strbuf_addf(sb, "## Article %lld\n\n", (long long)id);
		return;
	}
	e = &lib->v[i];
	strbuf_addstr(sb, "## ");
	md_text(sb, e->title, "");
	strbuf_addstr(sb, "\n\n");
	for (k = 0; k < e->n; k++) {
		strbuf_addstr(sb, k == 0 ? "Sources: " : ", ");
		strbuf_addch(sb, '<');
		safe_escape(sb, e->sources[k], strlen(e->sources[k]), 0);
		strbuf_addch(sb, '>');
		if (e->vlangs[k] != NULL) {
			strbuf_addstr(sb, " (");
			safe_escape(sb, e->vlangs[k], strlen(e->vlangs[k]), 0);
			strbuf_addch(sb, ')');
		}
	}
	strbuf_addstr(sb, e->n > 0 ? "\n\n" : "");
}

/*
 * Markdown: each quote with its counterparts in the other versions under
 * it, then the note; then the orphans and the notes of versions not open.
 * With every stored note (lib not NULL), a heading per article.
 */
static void
print_markdown(struct strbuf *sb, const struct notes *ns,
    const struct library *lib, const struct note *v, size_t n)
{
	const struct article	*a = ns != NULL ? ns->article : NULL;
	const char		*title = NULL, *lang;
	char			*q;
	size_t			 i, k, heading = 0;

	for (i = 0; a != NULL && i < a->n && title == NULL; i++)
		title = a->docs[i]->title;
	strbuf_addstr(sb, "# Notes");
	if (title != NULL) {
		strbuf_addstr(sb, " on ");
		md_text(sb, title, "");
	}
	strbuf_addstr(sb, "\n\n");
	for (i = 0; i < n; i++) {
		const struct note	*nt = &v[i];
		int			 placed = ns != NULL &&
					    nt->state != NOTE_UNOPENED &&
					    nt->state != NOTE_ORPHAN;

		if (lib != NULL && (i == 0 ||
		    nt->rec.article != v[i - 1].rec.article))
			md_article(sb, lib, nt->rec.article);
		if (!placed && heading == 0) {
			strbuf_addstr(sb, ns != NULL ? "## Orphans and notes "
			    "on versions not open\n\n" : "");
			heading = 1;
		}
		strbuf_addf(sb, "### Note %lld", (long long)nt->rec.id);
		if (!placed)
			strbuf_addf(sb, " (%s)", ns != NULL &&
			    nt->state == NOTE_ORPHAN ? "orphan: passage not "
			    "found" : nt->rec.orphan ? "orphan" : "stored");
		strbuf_addstr(sb, "\n\n");
		lang = nt->rec.vlang != NULL ? nt->rec.vlang : "?";
		strbuf_addstr(sb, "> **");
		safe_escape(sb, lang, strlen(lang), 0);
		strbuf_addstr(sb, "** ");
		q = note_quote(ns, nt);
		md_text(sb, q, "> ");
		free(q);
		strbuf_addstr(sb, "\n");
		for (k = 0; placed && k < ns->nmarks; k++) {
			const struct note_mark	*mk = &ns->marks[k];

			if (mk->note != i || !mk->counterpart)
				continue;
			lang = a->docs[mk->vers]->lang != NULL ?
			    a->docs[mk->vers]->lang : "?";
			strbuf_addstr(sb, ">\n> **");
			safe_escape(sb, lang, strlen(lang), 0);
			strbuf_addstr(sb, "** ");
			q = note_range_text(a->docs[mk->vers], mk->start,
			    mk->end);
			md_text(sb, q, "> ");
			free(q);
			strbuf_addstr(sb, "\n");
		}
		strbuf_addstr(sb, "\n");
		md_body(sb, nt);
		md_meta(sb, nt);
	}
}

/*
 * The notes of the article FILE... (NULL when no files). When the store
 * cannot be written after all (the disk filled up), *stp is replaced by
 * an in-memory copy (store_open_read()) and they are opened again.
 */
static int
open_article_notes(struct store **stp, struct article *a, char **files,
    size_t nfiles, const struct cmd_opts *o, struct notes **ns,
    struct alignment **al)
{
	struct align_opts	 ao;
	struct store		*copy;
	char			*cause = NULL, *why;
	int			 r;

	*ns = NULL;
	*al = NULL;
	if (nfiles == 0)
		return (0);
	if (cmd_open(a, files, nfiles, o) != 0)
		return (-1);
	/* No time budget: a batch command searches every orphan in full. */
	r = notes_open_budget(ns, *stp, a, 0, &cause);
	if ((r == NOTES_READONLY || r == NOTES_FULL) &&
	    store_copy_reason(*stp) == NULL) {
		why = cause;
		cause = NULL;
		if (store_open_read(&copy, o->data_dir, why, &cause) == 0) {
			warn_msg("%s; reading it all the same (nothing is "
			    "saved)", why);
			store_close(*stp);
			*stp = copy;
			r = notes_open_budget(ns, *stp, a, 0, &cause);
		} else {
			free(cause);
			cause = why;
			why = NULL;
		}
		free(why);
	}
	if (r != 0) {
		error_msg("%s", cause);
		free(cause);
		article_release(a);
		return (-1);
	}
	if ((*ns)->warning != NULL)
		warn_msg("%s", (*ns)->warning);
	if (a->n > 1) {
		memset(&ao, 0, sizeof ao);
		ao.pivot = o->pivot;
		if ((*al = align_create(a, &ao, &cause)) == NULL) {
			warn_msg("no counterparts: %s", cause);
			free(cause);
		} else {
			if ((*al)->fallback != NULL)
				warn_msg("%s", (*al)->fallback);
			notes_map(*ns, *al);
		}
	}
	return (0);
}

/* notes list and notes export. */
static int
notes_print(int argc, char **argv, const char *name, const char *deffmt)
{
	struct cmd_opts		 o;
	struct article		 a;
	struct store		*st;
	struct notes		*ns = NULL;
	struct alignment	*al = NULL;
	struct note		*v = NULL;
	struct library		 lib;
	struct strbuf		 sb = STRBUF_INIT;
	const char		*fmt;
	char			*cause = NULL, *json = NULL;
	size_t			 n = 0;
	int			 first, r = 0;

	first = cmd_parse(argc, argv, name, OPT_FORMAT | OPT_DATADIR |
	    OPT_LANG | OPT_INPUT | OPT_PIVOT | OPT_PRESEG, notes_usage, &o);
	if (first < 0)
		return (first == -2 ? 0 : 2);
	fmt = o.format != NULL ? o.format : deffmt;
	if (strcmp(fmt, "json") != 0 && strcmp(fmt, "markdown") != 0 &&
	    (strcmp(fmt, "tsv") != 0 || strcmp(name, "list") != 0)) {
		error_msg("notes %s: unknown format '%s' (%s)", name, fmt,
		    strcmp(name, "list") == 0 ? "tsv, json, markdown" :
		    "json, markdown");
		return (2);
	}
	memset(&lib, 0, sizeof lib);
	if ((st = open_store_read(o.data_dir)) == NULL)
		return (1);
	if (open_article_notes(&st, &a, argv + first, (size_t)(argc - first),
	    &o, &ns, &al) != 0) {
		store_close(st);
		return (1);
	}
	if (strcmp(fmt, "json") == 0) {
		if (store_export_json(st, ns != NULL ? ns->article_id : 0,
		    &json, &cause) < 0) {
			error_msg("%s", cause);
			free(cause);
			r = 1;
		} else
			strbuf_addstr(&sb, json);
		free(json);
	} else if (ns != NULL) {
		if (strcmp(fmt, "tsv") == 0)
			print_tsv(&sb, ns, ns->v, ns->n);
		else
			print_markdown(&sb, ns, NULL, ns->v, ns->n);
	} else if (library_load(&lib, st, STORE_ARTICLES_ALL, &cause) != 0 ||
	    note_list_stored(st, 0, &v, &n, &cause) != 0) {
		error_msg("%s", cause);
		free(cause);
		r = 1;
	} else {
		if (strcmp(fmt, "tsv") == 0)
			print_tsv(&sb, NULL, v, n);
		else
			print_markdown(&sb, NULL, &lib, v, n);
		note_free_array(v, n);
	}
	library_release(&lib);
	if (r == 0 && flush_out(&sb) != 0) {
		error_msg("notes %s: cannot write the output", name);
		r = 1;
	}
	strbuf_release(&sb);
	if (ns != NULL) {
		notes_map(ns, NULL);
		align_free(al);
		notes_free(ns);
		article_release(&a);
	}
	store_close(st);
	return (r);
}

/* notes import FILE... */
static int
notes_import(int argc, char **argv)
{
	struct cmd_opts	 o;
	struct store	*st;
	struct strbuf	 sb = STRBUF_INIT;
	char		*data = NULL, *cause = NULL;
	size_t		 len, got;
	int		 first, i, r = 0, n;

	first = cmd_parse(argc, argv, "import", OPT_DATADIR | OPT_FORMAT,
	    notes_usage, &o);
	if (first < 0)
		return (first == -2 ? 0 : 2);
	if (o.format != NULL && strcmp(o.format, "json") != 0) {
		error_msg("notes import: only the json format is read");
		return (2);
	}
	if (first >= argc) {
		error_msg("notes import: no files (see --help)");
		return (2);
	}
	if ((st = open_store(o.data_dir)) == NULL)
		return (1);
	for (i = first; i < argc && r == 0; i++) {
		if (strcmp(argv[i], "-") == 0) {
			strbuf_reset(&sb);
			for (;;) {
				strbuf_grow(&sb, 65536);
				got = fread(sb.buf + sb.len, 1, 65536, stdin);
				strbuf_setlen(&sb, sb.len + got);
				if (got == 0 || sb.len > 256 * 1024 * 1024)
					break;
			}
			if (sb.len > 256 * 1024 * 1024) {
				error_msg("notes import: the standard input is "
				    "larger than 256 MiB (the limit)");
				r = 1;
				break;
			}
			data = strbuf_detach(&sb, &len);
		} else if (file_read(argv[i], 256 * 1024 * 1024, &data, &len,
		    &cause) != 0) {
			error_msg("%s", cause);
			free(cause);
			r = 1;
			break;
		}
		n = store_import_json(st, data, len, argv[i], &cause);
		if (n < 0) {
			error_msg("%s", cause);
			free(cause);
			cause = NULL;
			r = 1;
		} else {
			strbuf_reset(&sb);
			strbuf_addf(&sb, "imported %d note%s from '", n,
			    n == 1 ? "" : "s");
			safe_escape(&sb, argv[i], strlen(argv[i]), 0);
			strbuf_addstr(&sb, "'\n");
			fputs(sb.buf, stdout);
		}
		free(data);
		data = NULL;
	}
	strbuf_release(&sb);
	store_close(st);
	return (r);
}

/* Read a note from standard input (at most NOTE_MAX_TEXT + 1 bytes). */
static char *
read_stdin_note(void)
{
	struct strbuf	sb = STRBUF_INIT;
	size_t		got;

	for (;;) {
		strbuf_grow(&sb, 4096);
		got = fread(sb.buf + sb.len, 1, 4096, stdin);
		strbuf_setlen(&sb, sb.len + got);
		if (got == 0 || sb.len > NOTE_MAX_TEXT)
			break;
	}
	/* One final newline is the end of the input, not of the note. */
	if (sb.len > 0 && sb.buf[sb.len - 1] == '\n')
		strbuf_setlen(&sb, sb.len - 1);
	return (strbuf_detach(&sb, NULL));
}

/* What notes add was given. */
struct add_args {
	struct cmd_opts	 o;
	const char	*file;
	const char	*quote;
	const char	*note;
	const char	*lang;
	char		*tags[NOTE_MAX_TAGS];
	size_t		 ntags;
};

/*
 * Parse notes add's options and check them: 0, 2 (a usage error, said),
 * or -1 (--help was shown).
 */
static int
notes_add_parse(int argc, char **argv, struct add_args *g)
{
	static const struct option	 longopts[] = {
		{ "file", required_argument, NULL, 'F' },
		{ "quote", required_argument, NULL, 'q' },
		{ "note", required_argument, NULL, 'n' },
		{ "lang", required_argument, NULL, 'l' },
		{ "tag", required_argument, NULL, 't' },
		{ "data-dir", required_argument, NULL, 'd' },
		{ "input-format", required_argument, NULL, 'i' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	char				*norm;
	int				 c;

	memset(g, 0, sizeof *g);
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "+h", longopts, NULL)) != -1) {
		switch (c) {
		case 'F':
			g->file = optarg;
			break;
		case 'q':
			g->quote = optarg;
			break;
		case 'n':
			g->note = optarg;
			break;
		case 'l':
			g->lang = optarg;
			break;
		case 't':
			if (g->ntags == NOTE_MAX_TAGS) {
				error_msg("notes add: too many tags (at most "
				    "%d)", NOTE_MAX_TAGS);
				return (2);
			}
			g->tags[g->ntags++] = optarg;
			break;
		case 'd':
			g->o.data_dir = optarg;
			break;
		case 'i':
			g->o.input_format = optarg;
			break;
		case 'h':
			fputs(notes_usage, stdout);
			return (-1);
		default:
			error_msg("notes add: unknown option or missing "
			    "argument in '%s' (see --help)", argv[optind - 1]);
			return (2);
		}
	}
	if (optind < argc || g->file == NULL || g->quote == NULL ||
	    g->note == NULL) {
		error_msg("notes add: needs --file, --quote and --note, and "
		    "nothing else (see --help)");
		return (2);
	}
	if (strlen(g->quote) > 4 * NOTE_MAX_QUOTE) {
		error_msg("notes add: the quote is too long (at most %d "
		    "characters)", NOTE_MAX_QUOTE);
		return (2);
	}
	if (g->lang != NULL) {
		if ((norm = lang_normalize(g->lang)) == NULL) {
			error_msg("notes add: bad language '%s'", g->lang);
			return (2);
		}
		free(norm);
	}
	return (0);
}

/* Add the note on the quote found in the open article: 0 or 1. */
static int
notes_add_to(struct store *st, struct article *a, const struct add_args *g,
    const char *text)
{
	struct notes	*ns;
	struct strbuf	 sb = STRBUF_INIT;
	char		*cause = NULL;
	size_t		 cs, ce;
	int		 i, r = 1;

	if (notes_open(&ns, st, a, &cause) != 0) {
		error_msg("%s", cause);
		free(cause);
		return (1);
	}
	if (ns->warning != NULL)
		warn_msg("%s", ns->warning);
	if (note_find_quote(ns->text[0], a->docs[0], g->quote, &cs,
	    &ce) != 0) {
		safe_escape(&sb, g->file, strlen(g->file), 0);
		error_msg("notes add: quote not found in '%s'", sb.buf);
		goto out;
	}
	i = notes_add(ns, 0, note_text_pos(ns->text[0], cs),
	    note_text_pos(ns->text[0], ce), text, g->lang,
	    (char **)g->tags, g->ntags, &cause);
	if (i < 0) {
		error_msg("%s", cause);
		free(cause);
		goto out;
	}
	printf("%lld\n", (long long)ns->v[i].rec.id);
	r = fflush(stdout) == 0 ? 0 : 1;
out:
	strbuf_release(&sb);
	notes_free(ns);
	return (r);
}

/* notes add --file F --quote TEXT --note TEXT [--lang L] [--tag T]... */
static int
notes_add_cmd(int argc, char **argv)
{
	struct add_args	 g;
	struct article	 a;
	struct store	*st;
	char		*text;
	int		 r;

	if ((r = notes_add_parse(argc, argv, &g)) != 0)
		return (r < 0 ? 0 : r);
	text = strcmp(g.note, "-") == 0 ? read_stdin_note() : xstrdup(g.note);
	if (strlen(text) > NOTE_MAX_TEXT) {
		error_msg("notes add: note too long (at most %d bytes)",
		    NOTE_MAX_TEXT);
		free(text);
		return (1);
	}
	if ((st = open_store(g.o.data_dir)) == NULL) {
		free(text);
		return (1);
	}
	if (cmd_open(&a, (char **)&g.file, 1, &g.o) != 0) {
		free(text);
		store_close(st);
		return (1);
	}
	r = notes_add_to(st, &a, &g, text);
	article_release(&a);
	store_close(st);
	free(text);
	return (r);
}

/* notes delete ID... */
static int
notes_delete_cmd(int argc, char **argv)
{
	struct cmd_opts	 o;
	struct store	*st;
	char		*cause = NULL, *end;
	long long	 id;
	int		 first, i, r = 0;

	first = cmd_parse(argc, argv, "delete", OPT_DATADIR, notes_usage, &o);
	if (first < 0)
		return (first == -2 ? 0 : 2);
	if (first >= argc) {
		error_msg("notes delete: no note ids (see --help)");
		return (2);
	}
	for (i = first; i < argc; i++) {
		id = strtoll(argv[i], &end, 10);
		if (*argv[i] == '\0' || *end != '\0' || id <= 0) {
			error_msg("notes delete: bad note id (see notes "
			    "list)");
			return (2);
		}
	}
	if ((st = open_store(o.data_dir)) == NULL)
		return (1);
	for (i = first; i < argc; i++) {
		if (store_note_delete(st, strtoll(argv[i], NULL, 10),
		    &cause) != 0) {
			error_msg("%s", cause);
			free(cause);
			cause = NULL;
			r = 1;
		}
	}
	store_close(st);
	return (r);
}

/* notes check */
static int
notes_check_cmd(int argc, char **argv)
{
	struct cmd_opts	 o;
	struct store	*st;
	char		*cause = NULL;
	int		 first, r;

	first = cmd_parse(argc, argv, "check", OPT_DATADIR, notes_usage, &o);
	if (first < 0)
		return (first == -2 ? 0 : 2);
	if (first < argc) {
		error_msg("notes check: takes no files");
		return (2);
	}
	if ((st = open_store_read(o.data_dir)) == NULL)
		return (1);
	if ((r = store_check(st, &cause)) != 0) {
		error_msg("%s", cause);
		free(cause);
	} else
		puts("ok");
	store_close(st);
	return (r == 0 ? 0 : 1);
}

int
cmd_notes(int argc, char **argv)
{
	const char	*sub = argc > 1 ? argv[1] : NULL;

	if (sub == NULL) {
		error_msg("notes: expected list, export, import, add, delete "
		    "or check (see --help)");
		return (2);
	}
	if (strcmp(sub, "--help") == 0 || strcmp(sub, "-h") == 0) {
		fputs(notes_usage, stdout);
		return (0);
	}
	if (strcmp(sub, "list") == 0)
		return (notes_print(argc - 1, argv + 1, "list", "tsv"));
	if (strcmp(sub, "export") == 0)
		return (notes_print(argc - 1, argv + 1, "export", "json"));
	if (strcmp(sub, "import") == 0)
		return (notes_import(argc - 1, argv + 1));
	if (strcmp(sub, "add") == 0)
		return (notes_add_cmd(argc - 1, argv + 1));
	if (strcmp(sub, "delete") == 0)
		return (notes_delete_cmd(argc - 1, argv + 1));
	if (strcmp(sub, "check") == 0)
		return (notes_check_cmd(argc - 1, argv + 1));
	error_msg("notes: unknown subcommand (expected list, export, import, "
	    "add, delete or check)");
	return (2);
}
