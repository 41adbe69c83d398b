/*
 * polyread spell: check text with hunspell the way the note editor does,
 * and print each misspelled word once with its suggestions.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"
#include "safe.h"
#include "spell.h"
#include "store.h"

/* The most text read from standard input. */
#define SPELL_MAX_INPUT	(16 * 1024 * 1024)

static const char spell_usage[] =
    "usage: polyread spell [--lang L] [--data-dir DIR] [TEXT... | -]\n"
    "Check TEXT (or standard input) as a note in language L (default: "
    "guessed,\n"
    "else en): words in another script go to that script's dictionary. "
    "Print\n"
    "each misspelled word once, a tab, and its suggestions joined by "
    "\", \".\n"
    "Exit 1 when a dictionary was missing (its words are not checked).\n";

/* Append a word for the output: controls and tabs made visible. */
static void
out_word(struct strbuf *sb, const char *s, size_t len)
{
	size_t	i, from = sb->len;

	safe_escape(sb, s, len, 0);
	for (i = from; i < sb->len; i++) {
		if (sb->buf[i] == '\t')
			sb->buf[i] = ' ';
	}
}

/*
 * The text to check, into in: the operands, else standard input ("-" or
 * none). 0, or 1 with a message said.
 */
static int
spell_input(struct strbuf *in, int argc, char **argv, int first)
{
	size_t	i, got;

	if (first < argc && (argc - first != 1 ||
	    strcmp(argv[first], "-") != 0)) {
		for (i = (size_t)first; i < (size_t)argc; i++) {
			if (i > (size_t)first)
				strbuf_addch(in, ' ');
			strbuf_addstr(in, argv[i]);
		}
		return (0);
	}
	for (;;) {
		strbuf_grow(in, 65536);
		got = fread(in->buf + in->len, 1, 65536, stdin);
		strbuf_setlen(in, in->len + got);
		if (got == 0)
			break;
		if (in->len > SPELL_MAX_INPUT) {
			error_msg("spell: input over %s",
			    human_size(SPELL_MAX_INPUT));
			return (1);
		}
	}
	if (ferror(stdin)) {
		error_msg("spell: cannot read standard input");
		return (1);
	}
	return (0);
}

/*
 * Each misspelt word of text once, with its suggestions, into out:
 * "WORD<TAB>SUGGESTION, SUGGESTION".
 */
static void
spell_report(struct spell *sp, const char *lang, const struct strbuf *in,
    struct strbuf *out)
{
	struct spell_error	*errs;
	struct spell_suggestion	*sug;
	char			**seen = NULL;
	size_t			 n, i, j, k, ns, nseen = 0;

	n = spell_check(sp, lang, in->buf, in->len, NULL, &errs);
	for (i = 0; i < n; i++) {
		const char	*w = in->buf + errs[i].start;
		size_t		 len = errs[i].end - errs[i].start;

		for (j = 0; j < nseen; j++) {
			if (strlen(seen[j]) == len &&
			    memcmp(seen[j], w, len) == 0)
				break;
		}
		if (j < nseen)
			continue;
		seen = xreallocarray(seen, nseen + 1, sizeof *seen);
		seen[nseen++] = xstrndup(w, len);
		out_word(out, w, len);
		strbuf_addch(out, '\t');
		ns = spell_suggest(sp, lang, w, len, &sug);
		for (k = 0; k < ns; k++) {
			if (k > 0)
				strbuf_addstr(out, ", ");
			out_word(out, sug[k].word, strlen(sug[k].word));
		}
		spell_suggestions_free(sug, ns);
		strbuf_addch(out, '\n');
	}
	free(errs);
	for (j = 0; j < nseen; j++)
		free(seen[j]);
	free(seen);
}

int
cmd_spell(int argc, char **argv)
{
	struct cmd_opts		 o;
	struct spell		*sp;
	struct strbuf		 in = STRBUF_INIT, out = STRBUF_INIT;
	const char		*lang;
	char			*dir, *warn, *norm = NULL;
	int			 first, r = 0;

	first = cmd_parse(argc, argv, "spell", OPT_LANG | OPT_DATADIR,
	    spell_usage, &o);
	if (first < 0)
		return (first == -2 ? 0 : 2);
	if (o.langs != NULL && (strchr(o.langs, ',') != NULL ||
	    (norm = lang_normalize(o.langs)) == NULL)) {
		error_msg("spell: --lang takes one language, not '%s'",
		    o.langs);
		return (2);
	}
	/*
	 * No text on a terminal: say so rather than wait for typing no one
	 * knows is expected ("-" still reads the terminal, on purpose).
	 */
	if (first >= argc && isatty(STDIN_FILENO)) {
		error_msg("spell: no text to check (give TEXT, or - to read "
		    "standard input)");
		free(norm);
		return (2);
	}
	if (spell_input(&in, argc, argv, first) != 0) {
		strbuf_release(&in);
		free(norm);
		return (1);
	}
	lang = norm != NULL ? norm : lang_guess_text(in.buf, in.len);
	if (lang == NULL)
		lang = "en";
	dir = store_data_dir(o.data_dir);
	sp = spell_create(NULL, dir);
	free(dir);
	spell_report(sp, lang, &in, &out);
	if ((warn = spell_warning(sp)) != NULL) {
		warn_msg("%s", warn);
		free(warn);
		r = 1;
	}
	if (out.len > 0 && fwrite(out.buf, 1, out.len, stdout) != out.len)
		r = 1;
	if (fflush(stdout) != 0) {
		error_msg("spell: cannot write the output");
		r = 1;
	}
	spell_free(sp);
	strbuf_release(&in);
	strbuf_release(&out);
	free(norm);
	return (r);
}
