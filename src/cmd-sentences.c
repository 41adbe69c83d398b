/*
 * polyread sentences: the sentences of a document, one per line, with a
 * blank line between blocks (between paragraphs in a presegmented one).
 * The language is --lang when given, else the document's own.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "safe.h"
#include "text.h"

static const char sentences_usage[] =
    "usage: polyread sentences [--lang L] [--presegmented] FILE\n"
    "Print the sentences of a document, one per line, with a blank line\n"
    "between blocks. --lang sets the language (else the document's).\n";

/* Append one sentence on one line: newlines and tabs become spaces. */
static void
add_sentence(struct strbuf *sb, const char *s, size_t len)
{
	size_t	i, from = 0;

	for (i = 0; i < len; i++) {
		if (s[i] != '\n' && s[i] != '\t')
			continue;
		safe_escape(sb, s + from, i - from, 0);
		strbuf_addch(sb, ' ');
		from = i + 1;
	}
	safe_escape(sb, s + from, len - from, 0);
	strbuf_addch(sb, '\n');
}

int
cmd_sentences(int argc, char **argv)
{
	struct cmd_opts		 o;
	struct article		 a;
	struct text_sentence	*t;
	struct strbuf		 sb = STRBUF_INIT;
	const struct doc	*d;
	const char		*lang;
	size_t			 n, i;
	int			 first;

	first = cmd_parse(argc, argv, "sentences", OPT_LANG | OPT_INPUT |
	    OPT_PRESEG, sentences_usage, &o);
	if (first < 0)
		return (first == -2 ? 0 : 2);
	if (argc - first != 1) {
		error_msg("sentences: expected one file (see --help)");
		return (2);
	}
	if (o.langs != NULL && (*o.langs == '\0' ||
	    strchr(o.langs, ',') != NULL)) {
		error_msg("sentences: --lang takes one language, not '%s'",
		    o.langs);
		return (2);
	}
	if (cmd_open(&a, argv + first, 1, &o) != 0)
		return (1);
	d = a.docs[0];
	lang = o.langs != NULL ? o.langs : d->lang;
	n = text_doc_sentences(d, lang, &t);
	for (i = 0; i < n; i++) {
		if (i > 0 && t[i].block != t[i - 1].block &&
		    !(d->presegmented && d->blocks[t[i].block].cont))
			strbuf_addch(&sb, '\n');
		add_sentence(&sb, d->blocks[t[i].block].text + t[i].start,
		    t[i].end - t[i].start);
		if (sb.len >= 65536) {
			fwrite(sb.buf, 1, sb.len, stdout);
			strbuf_reset(&sb);
		}
	}
	fwrite(sb.buf, 1, sb.len, stdout);
	strbuf_release(&sb);
	free(t);
	article_release(&a);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		error_msg("cannot write the output");
		return (1);
	}
	return (0);
}
