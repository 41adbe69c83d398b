/*
 * polyread dump: the versions of an article as text columns, for pipes,
 * tests and scripts. Paragraphs (later: aligned beads) start level across
 * the columns; each column is wrapped by display width.
 */
#include "config.h"

#include <ctype.h>
#include <getopt.h>
#include <langinfo.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <unicode/utf8.h>

#include "align.h"
#include "cmd.h"
#include "layout.h"
#include "parallel.h"
#include "safe.h"
#include "text.h"

/* The most threads laying out a dump. */
#define DUMP_MAXTHREADS	8

static const char dump_usage[] =
    "usage: polyread dump [--width N] [--lang L,...] [--pivot L] FILE...\n"
    "Print the versions of an article side by side as text, the sentences\n"
    "that translate each other starting on the same line.\n";

/*
 * Append text s of a line in visual order (layout_visual()), escaped when
 * esc (block text; the header's strings are escaped already).
 */
static void
dump_text(struct strbuf *sb, const char *s, size_t len, int rtl, int esc)
{
	struct strbuf	 vis = STRBUF_INIT;
	size_t		*map = NULL, amap = 0;

	if (layout_visual(s, len, rtl, &vis, &map, &amap)) {
		s = vis.buf;
		len = vis.len;
	}
	if (esc)
		safe_escape(sb, s, len, 0);
	else
		strbuf_add(sb, s, len);
	strbuf_release(&vis);
	free(map);
}

/*
 * Cut the cell that starts at byte start of sb to colw columns when it is
 * wider (used): a grapheme wider than what its line had left, such as an
 * escape ("<U+200F>", 8 columns) or a wide character in a column of a few,
 * would push the next columns out of place. Returns the cell's width.
 */
static int
dump_clip(struct strbuf *sb, size_t start, int used, int colw)
{
	size_t	n;

	if (used <= colw)
		return (used);
	n = layout_fit(sb->buf + start, sb->len - start, colw, &used);
	strbuf_setlen(sb, start + n);
	return (used);
}

/*
 * Write one line of a column, padded to colw when pad. A header line comes
 * from the document's header h: the title, or the meta line cut to colw
 * (both escaped already). A right-to-left line is right-aligned, its
 * prefix (an item's marker) on its right.
 */
static void
dump_line(struct strbuf *sb, const struct doc *d,
    const struct layout_header *h, const struct layout_line *l, int colw,
    int pad)
{
	size_t	start = sb->len;
	int	used = 0, pw = 0;

	if (l != NULL && l->prefix != NULL)
		pw = text_width(l->prefix, strlen(l->prefix));
	if (l != NULL && l->rtl && (l->block != DOC_NOPOS ||
	    l->header == LAYOUT_TITLE)) {
		used = l->indent + pw + l->width;
		if (used < colw)
			strbuf_addspaces(sb, (size_t)(colw - used));
		if (l->block == DOC_NOPOS)
			dump_text(sb, h->title + l->start, l->end - l->start,
			    1, 0);
		else
			dump_text(sb, d->blocks[l->block].text + l->start,
			    l->end - l->start, 1, 1);
		if (l->prefix != NULL)
			dump_text(sb, l->prefix, strlen(l->prefix), 1, 0);
		strbuf_addspaces(sb, (size_t)l->indent);
		dump_clip(sb, start, used, colw);
		return;
	}
	if (l != NULL && l->block == DOC_NOPOS) {
		if (l->header == LAYOUT_TITLE && h->title != NULL) {
			dump_text(sb, h->title + l->start, l->end - l->start,
			    0, 0);
			used = l->width;
		} else if (l->header == LAYOUT_META)
			used = layout_header_meta(h, colw, sb);
	} else if (l != NULL) {
		strbuf_addspaces(sb, (size_t)l->indent);
		used = l->indent;
		if (l->prefix != NULL) {
			strbuf_addstr(sb, l->prefix);
			used += pw;
		}
		dump_text(sb, d->blocks[l->block].text + l->start,
		    l->end - l->start, 0, 1);
		used += l->width;
	}
	used = dump_clip(sb, start, used, colw);
	if (pad && used < colw)
		strbuf_addspaces(sb, (size_t)(colw - used));
}

/*
 * Write the language header and its rule. A code wider than a narrow
 * column is cut to it, so the columns stay where the rows put them.
 */
static void
dump_header(struct strbuf *sb, const struct article *a,
    const struct layout_geom *g)
{
	struct strbuf	 esc = STRBUF_INIT;
	size_t		 v, j, n;
	int		 k, w;
	char		 code[16];

	for (v = 0; v < a->n; v++) {
		const char	*l = a->docs[v]->lang;

		snprintf(code, sizeof code, "%s", l != NULL ? l : "??");
		for (j = 0; code[j] != '\0'; j++)
			code[j] = (char)toupper((unsigned char)code[j]);
		if (v > 0)
			strbuf_addstr(sb, " \xe2\x94\x82 ");
		strbuf_reset(&esc);
		safe_escape(&esc, code, strlen(code), 0);
		n = layout_fit(esc.buf, esc.len, g->colw, &w);
		strbuf_add(sb, esc.buf, n);
		if (v + 1 < a->n && w < g->colw)
			strbuf_addspaces(sb, (size_t)(g->colw - w));
	}
	strbuf_release(&esc);
	strbuf_addch(sb, '\n');
	for (v = 0; v < a->n; v++) {
		if (v > 0)
			strbuf_addstr(sb, "\xe2\x94\x80\xe2\x94\xbc"
			    "\xe2\x94\x80");
		for (k = 0; k < g->colw; k++)
			strbuf_addstr(sb, "\xe2\x94\x80");
	}
	strbuf_addch(sb, '\n');
}

/* The width of the interlinear labels ("EN  "). */
#define DUMP_LABELW	4

/*
 * Write the interlinear header (columns would be narrower than
 * LAYOUT_MIN_COLUMN): the languages, why they are stacked, and a rule,
 * all within width.
 */
static void
dump_header_interlinear(struct strbuf *sb, const struct article *a,
    int width)
{
	struct strbuf	 line = STRBUF_INIT, esc = STRBUF_INIT;
	size_t		 v, j, n;
	int		 k;
	char		 code[16];

	for (v = 0; v < a->n; v++) {
		const char	*l = a->docs[v]->lang;

		snprintf(code, sizeof code, "%s", l != NULL ? l : "??");
		for (j = 0; code[j] != '\0'; j++)
			code[j] = (char)toupper((unsigned char)code[j]);
		if (v > 0)
			strbuf_addstr(&line, " | ");
		strbuf_reset(&esc);
		safe_escape(&esc, code, strlen(code), 0);
		strbuf_add(&line, esc.buf, esc.len);
	}
	strbuf_addstr(&line, "   too narrow for columns");
	n = layout_fit(line.buf, line.len, width, NULL);
	strbuf_add(sb, line.buf, n);
	strbuf_addch(sb, '\n');
	for (k = 0; k < width; k++)
		strbuf_addstr(sb, "\xe2\x94\x80");
	strbuf_addch(sb, '\n');
	strbuf_release(&line);
	strbuf_release(&esc);
}

/*
 * Write one bead interlinear: each version's lines in turn, its language
 * on its first line.
 */
static void
dump_rows_interlinear(struct strbuf *sb, const struct article *a,
    const struct layout_header *h, const struct layout_geom *g,
    struct layout_line **lines, const size_t *n)
{
	size_t		 v, row, j, k;
	const char	*l;

	for (v = 0; v < a->n; v++) {
		for (row = 0; row < n[v]; row++) {
			l = a->docs[v]->lang;
			k = 0;
			if (row == 0 && l != NULL) {
				/* A tag of letters, digits and '-' only. */
				for (j = 0; l[j] != '\0' &&
				    j < DUMP_LABELW - 1; j++) {
					strbuf_addch(sb, isalnum(
					    (unsigned char)l[j]) ?
					    toupper((unsigned char)l[j]) : '-');
				}
				k = j;
			} else if (row == 0) {
				strbuf_addstr(sb, "??");
				k = 2;
			}
			strbuf_addspaces(sb, DUMP_LABELW - k);
			dump_line(sb, a->docs[v], &h[v], &lines[v][row],
			    g->colw, 0);
			while (sb->len > 0 && sb->buf[sb->len - 1] == ' ')
				sb->len--;
			strbuf_setlen(sb, sb->len);
			strbuf_addch(sb, '\n');
		}
	}
}

/*
 * Add the article header of each version to the lines of a group just
 * laid out (first: the group that starts the article), the meta lines
 * level.
 */
static void
dump_headers(const struct article *a, const struct layout_header *h,
    const struct layout_geom *g, int first, struct layout_line **lines,
    size_t *n, size_t *alloc)
{
	size_t	v;
	int	r, row = -1;

	for (v = 0; v < a->n; v++) {
		layout_header_add(&h[v], a->docs[v], a->docs[v]->lang, g->colw,
		    first, &lines[v], 0, &n[v], &alloc[v]);
		if ((r = layout_header_row(lines[v], 0, n[v])) > row)
			row = r;
	}
	/* The meta lines level, under titles of different heights. */
	for (v = 0; row > 0 && v < a->n; v++)
		layout_header_level(&lines[v], 0, &n[v], &alloc[v], row);
}

/* Write the rows of one group: the columns' lines side by side. */
static void
dump_rows(struct strbuf *sb, const struct article *a,
    const struct layout_header *h, const struct layout_geom *g,
    struct layout_line **lines, const size_t *n)
{
	size_t	row, v, height = 0;

	for (v = 0; v < a->n; v++) {
		if (n[v] > height)
			height = n[v];
	}
	for (row = 0; row < height; row++) {
		for (v = 0; v < a->n; v++) {
			if (v > 0)
				strbuf_addstr(sb, " \xe2\x94\x82 ");
			dump_line(sb, a->docs[v], &h[v], row < n[v] ?
			    &lines[v][row] : NULL, g->colw, v + 1 < a->n);
		}
		/* No trailing spaces. */
		while (sb->len > 0 && sb->buf[sb->len - 1] == ' ')
			sb->len--;
		strbuf_setlen(sb, sb->len);
		strbuf_addch(sb, '\n');
	}
}

/* A run of beads laid out by one thread into its own buffer. */
struct dump_part {
	const struct article	*a;
	const struct alignment	*al;
	const struct layout_geom *g;
	const struct layout_header *h;		/* one per version */
	size_t			 first, last;	/* beads [first, last) */
	int			 interlinear;	/* versions stacked */
	struct strbuf		 sb;
};

/* Beads level across the columns; a blank line between paragraphs. */
static void
dump_part_run(struct dump_part *p)
{
	struct layout_line	*lines[ARTICLE_MAXVERS] = { NULL };
	size_t			 n[ARTICLE_MAXVERS], alloc[ARTICLE_MAXVERS];
	size_t			 i, v;
	const struct align_bead	*bd;

	memset(alloc, 0, sizeof alloc);
	for (i = p->first; i < p->last; i++) {
		for (v = 0; v < p->a->n; v++) {
			n[v] = 0;
			bd = &p->al->beads[i];
			layout_sentences(p->al->docs[v], p->al->docs[v]->lang,
			    p->al->sents[v] + bd->first[v], bd->count[v],
			    p->g->colw, &lines[v], &n[v], &alloc[v]);
		}
		if (p->interlinear) {
			/* The headers unlevelled, a blank line each bead. */
			for (v = 0; v < p->a->n; v++)
				layout_header_add(&p->h[v], p->a->docs[v],
				    p->a->docs[v]->lang, p->g->colw, i == 0,
				    &lines[v], 0, &n[v], &alloc[v]);
			if (i > 0)
				strbuf_addch(&p->sb, '\n');
			dump_rows_interlinear(&p->sb, p->a, p->h, p->g, lines,
			    n);
			continue;
		}
		dump_headers(p->a, p->h, p->g, i == 0, lines, n, alloc);
		if (i > 0 && align_bead_starts_block(p->al, i))
			strbuf_addch(&p->sb, '\n');
		dump_rows(&p->sb, p->a, p->h, p->g, lines, n);
	}
	for (v = 0; v < p->a->n; v++)
		free(lines[v]);
}

/* Lay out part i (a parallel_for() job). */
static void
dump_part_job(void *arg, size_t i, PR_UNUSED size_t thread)
{
	dump_part_run((struct dump_part *)arg + i);
}

/*
 * Outside a UTF-8 locale (LC_ALL=C), the output is ASCII (issue 18): raw
 * UTF-8 there is bytes the terminal may take for C1 controls (0xC2 0x9B
 * is CSI to one that reads 8-bit controls). Each character it cannot show
 * becomes '?' once per column it takes, so the columns stay level; the
 * rules between columns become |, - and +.
 */
static int	dump_ascii = -1;

/* Is the locale's character set UTF-8? */
static int
dump_locale_utf8(void)
{
	const char	*cs = nl_langinfo(CODESET);

	return (cs != NULL && (strcasecmp(cs, "UTF-8") == 0 ||
	    strcasecmp(cs, "utf8") == 0));
}

/*
 * fwrite(), made ASCII outside a UTF-8 locale: a grapheme cluster at a
 * time, as the layout measured it ("e" and a combining accent are one
 * '?', a Hangul syllable of three jamo two), so that no line grows.
 */
static void
dump_fwrite(FILE *f, const char *s, size_t len)
{
	struct strbuf	 sb = STRBUF_INIT;
	size_t		 i = 0, n;
	int32_t		 off;
	UChar32		 c;
	int		 w;

	if (dump_ascii == -1)
		dump_ascii = !dump_locale_utf8();
	if (!dump_ascii) {
		fwrite(s, 1, len, f);
		return;
	}
	while (i < len) {
		/* ASCII but the last before a non-ASCII (a base, maybe). */
		for (n = i; n < len && (unsigned char)s[n] < 0x80; n++)
			;
		if (n < len && n > i)
			n--;
		if (n > i) {
			strbuf_add(&sb, s + i, n - i);
			i = n;
			continue;
		}
		n = text_next_grapheme(s, len, i);
		if (n <= i)
			n = i + 1;
		off = 0;
		U8_NEXT(s + i, off, (int32_t)PR_MIN(n - i, 4), c);
		if (n - i == 1 && c >= 0 && c < 0x80)
			/* An ASCII character with no mark after it. */
			strbuf_addch(&sb, (char)c);
		else if ((size_t)off == n - i && c >= 0x2500 && c <= 0x257f)
			/* The rules. */
			strbuf_addch(&sb, c == 0x2502 || c == 0x2503 ? '|' :
			    c == 0x2500 || c == 0x2501 ? '-' : '+');
		else {
			for (w = text_grapheme_width(s + i, n - i); w > 0; w--)
				strbuf_addch(&sb, '?');
		}
		i = n;
		if (sb.len >= 65536) {
			fwrite(sb.buf, 1, sb.len, f);
			strbuf_reset(&sb);
		}
	}
	fwrite(sb.buf, 1, sb.len, f);
	strbuf_release(&sb);
}

/*
 * Write the aligned beads. Wrapping is most of the work of a dump: a long
 * article is cut in as many runs of beads as there are processors, laid
 * out at once, and written in order. A short one is done here.
 */
static void
dump_beads(FILE *f, const struct article *a, const struct alignment *al,
    const struct layout_header *h, const struct layout_geom *g)
{
	struct dump_part	 part[DUMP_MAXTHREADS];
	size_t			 k, np;

	np = parallel_threads(DUMP_MAXTHREADS);
	if (al->nbeads < 200)
		np = 1;
	for (k = 0; k < np; k++) {
		part[k].a = a;
		part[k].al = al;
		part[k].g = g;
		part[k].h = h;
		part[k].first = al->nbeads * k / np;
		part[k].last = al->nbeads * (k + 1) / np;
		part[k].interlinear = g->ncols == 1 && a->n > 1;
		strbuf_init(&part[k].sb, 0);
	}
	parallel_for(np, NULL, dump_part_job, part, text_cleanup);
	for (k = 0; k < np; k++) {
		dump_fwrite(f, part[k].sb.buf, part[k].sb.len);
		strbuf_release(&part[k].sb);
	}
}

void
dump_article(FILE *f, const struct article *a, const struct alignment *al,
    int width)
{
	struct layout_geom	 g;
	struct layout_piece	 piece;
	struct layout_header	 h[ARTICLE_MAXVERS];
	struct layout_line	*lines[ARTICLE_MAXVERS] = { NULL };
	size_t			 n[ARTICLE_MAXVERS], alloc[ARTICLE_MAXVERS];
	size_t			 i, v, ngroups = 0;
	struct strbuf		 sb = STRBUF_INIT;

	memset(alloc, 0, sizeof alloc);
	layout_geometry(width, (int)a->n, 0, 3, &g);
	g.left = 0;
	for (v = 0; v < a->n; v++)
		layout_header_init(&h[v], a->docs[v]);
	if (al != NULL && a->n > 1 && g.colw < LAYOUT_MIN_COLUMN) {
		/* Too narrow for columns: one, the versions stacked. */
		layout_geometry(width - DUMP_LABELW, 1, 0, 0, &g);
		g.left = 0;
		dump_header_interlinear(&sb, a, width);
	} else if (a->n > 1)
		dump_header(&sb, a, &g);
	if (al != NULL) {
		dump_fwrite(f, sb.buf, sb.len);
		strbuf_reset(&sb);
		dump_beads(f, a, al, h, &g);
	} else {
		/* Paragraph by paragraph. */
		for (v = 0; v < a->n; v++) {
			if (a->docs[v]->nblocks > ngroups)
				ngroups = a->docs[v]->nblocks;
		}
		for (i = 0; i < ngroups; i++) {
			for (v = 0; v < a->n; v++) {
				n[v] = 0;
				if (i >= a->docs[v]->nblocks)
					continue;
				piece.block = i;
				piece.start = 0;
				piece.end = a->docs[v]->blocks[i].len;
				layout_column(a->docs[v], a->docs[v]->lang,
				    &piece, 1, g.colw, &lines[v], &n[v],
				    &alloc[v]);
			}
			dump_headers(a, h, &g, i == 0, lines, n, alloc);
			if (i > 0)
				strbuf_addch(&sb, '\n');
			dump_rows(&sb, a, h, &g, lines, n);
			dump_fwrite(f, sb.buf, sb.len);
			strbuf_reset(&sb);
		}
	}
	dump_fwrite(f, sb.buf, sb.len);
	strbuf_release(&sb);
	for (v = 0; v < a->n; v++) {
		free(lines[v]);
		layout_header_release(&h[v]);
	}
}

int
dump_aligned(FILE *f, const struct article *a, const char *pivot, int width)
{
	struct align_opts	 ao;
	struct alignment	*al = NULL;
	char			*cause = NULL;

	if (a->n > 1) {
		memset(&ao, 0, sizeof ao);
		ao.pivot = pivot;
		if ((al = align_create(a, &ao, &cause)) == NULL) {
			error_msg("dump: %s", cause);
			free(cause);
			return (-1);
		}
		if (al->fallback != NULL)
			warn_msg("%s", al->fallback);
	}
	dump_article(f, a, al, width);
	align_free(al);
	return (0);
}

int
cmd_dump(int argc, char **argv)
{
	struct cmd_opts		 o;
	struct article		 a;
	int			 first, width;

	first = cmd_parse(argc, argv, "dump", OPT_LANG | OPT_WIDTH |
	    OPT_INPUT | OPT_PRESEG | OPT_PIVOT, dump_usage, &o);
	if (first < 0)
		return (first == -2 ? 0 : 2);
	if (cmd_open(&a, argv + first, (size_t)(argc - first), &o) != 0)
		return (1);
	width = o.width;
	if (width == 0)
		width = a.n == 1 ? 80 : 60 * (int)a.n;
	if (dump_aligned(stdout, &a, o.pivot, width) != 0) {
		article_release(&a);
		return (1);
	}
	article_release(&a);
	if (fflush(stdout) != 0 || ferror(stdout))
		return (error_msg("cannot write the output"));
	return (0);
}
