/*
 * polyread extract: the article a page holds, as the extractor finds it,
 * for scripts and for comparing with other extractors. One input after
 * another; each is opened alone (no alternates), from a file or a URL.
 *
 *   text      the body alone: no title, byline, date or captions; blocks
 *             separated by a blank line, list items as "- ", headings as
 *             their text
 *
 * Several inputs in text are each preceded by "==> NAME <==", as head(1)
 * does. An input that cannot be read gives one line on stderr and the exit
 * status 1; the others are still extracted.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "safe.h"

static const char extract_usage[] =
    "usage: polyread extract [--format=text] [--lang L] FILE|URL...\n"
    "Print the article each page holds, without the page's furniture.\n"
    "  text      the body alone, blocks separated by a blank line\n";

enum extract_format {
	EXTRACT_TEXT
};

/* Is block i of d part of the body (not the title, not a caption)? */
static int
extract_is_body(const struct doc_block *b)
{
	return (!b->headline && b->kind != BLOCK_CAPTION);
}

/* The body as text. */
static void
extract_text(struct strbuf *sb, const struct doc *d)
{
	const struct doc_block	*b;
	size_t			 i;
	int			 first = 1;

	for (i = 0; i < d->nblocks; i++) {
		b = &d->blocks[i];
		if (!extract_is_body(b))
			continue;
		if (!first)
			strbuf_addch(sb, '\n');
		first = 0;
		if (b->kind == BLOCK_ITEM)
			strbuf_addstr(sb, "- ");
		safe_escape(sb, b->text, b->len, b->kind == BLOCK_PRE);
		strbuf_addch(sb, '\n');
	}
}

/* Extract one input to sb; 0, or -1 after a message. */
static int
extract_one(struct strbuf *sb, char *path, const struct cmd_opts *o,
    enum extract_format fmt, int head)
{
	struct article	 a;
	size_t		 v;

	if (cmd_open(&a, &path, 1, o) != 0)
		return (-1);
	for (v = 0; v < a.n; v++) {
		const struct doc	*d = a.docs[v];

		if (d->found == DOC_FOUND_FALLBACK)
			error_msg("extract: no article found in '%s': the "
			    "largest text region stands in for it", d->source);
		if (head) {
			if (sb->len != 0)
				strbuf_addch(sb, '\n');
			strbuf_addstr(sb, "==> ");
			safe_escape(sb, d->source, strlen(d->source), 0);
			strbuf_addstr(sb, " <==\n");
		}
		switch (fmt) {
		case EXTRACT_TEXT:
			extract_text(sb, d);
			break;
		}
	}
	article_release(&a);
	return (0);
}

int
cmd_extract(int argc, char **argv)
{
	struct cmd_opts		 o;
	struct strbuf		 sb = STRBUF_INIT;
	enum extract_format	 fmt = EXTRACT_TEXT;
	int			 first, i, failed = 0;

	first = cmd_parse(argc, argv, "extract", OPT_LANG | OPT_FORMAT |
	    OPT_INPUT, extract_usage, &o);
	if (first < 0)
		return (first == -2 ? 0 : 2);
	if (argc - first < 1) {
		error_msg("extract: expected a file or URL (see --help)");
		return (2);
	}
	if (o.format != NULL && strcmp(o.format, "text") != 0) {
		error_msg("extract: unknown format '%s' (text)", o.format);
		return (2);
	}
	for (i = first; i < argc; i++) {
		if (extract_one(&sb, argv[i], &o, fmt, argc - first > 1) != 0)
			failed = 1;
		fwrite(sb.buf, 1, sb.len, stdout);
		strbuf_reset(&sb);
	}
	strbuf_release(&sb);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		error_msg("cannot write the output");
		return (1);
	}
	return (failed);
}
