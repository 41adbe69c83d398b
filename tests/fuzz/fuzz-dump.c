/*
 * libFuzzer target: dump and layout at random widths with one to six
 * versions (issue 18: a narrow width with three versions overflowed the
 * heap in the language row). The first bytes pick the number of versions,
 * the width, each version's language (codes wider than a column, right to
 * left, none) and whether the versions are HTML or plain text; the rest
 * holds the versions' texts separated by NUL bytes, the last one reused
 * when there are fewer texts than versions. The dump goes through
 * dump_aligned(), as polyread dump does, into memory: no line may be wider
 * than the width. layout_geometry() is checked on the same numbers.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "cmd.h"
#include "fuzz.h"
#include "layout.h"
#include "load.h"
#include "text.h"

/* The largest input: the target is for widths, not for size. */
#define FUZZ_DUMP_MAX	8192
/* The header bytes: versions and format, width (2), languages (6). */
#define FUZZ_DUMP_HEAD	9

static const char *const langs[] = {
	"en", "fr", "ru", "tlh", "ar", "he", "zh-Hant-TW", "ja",
	"x-a-very-long-private-use-tag", NULL
};

/* Check the geometry of ncols columns in total cells (any numbers). */
static void
check_geometry(int total, int ncols, int maxw, int gutter)
{
	struct layout_geom	g;
	int			used;

	layout_geometry(total, ncols, maxw, gutter, &g);
	if (g.ncols < 1 || g.colw < 0 || g.gutter < 0)
		abort();
	used = g.colw * g.ncols + g.gutter * (g.ncols - 1);
	if (total >= ncols && ncols >= 1 && (used > total || g.left < 0))
		abort();
}

/*
 * Check that no line of the dump in buf is wider than width (escapes
 * such as "<U+200F>" included: the layout measures them as shown).
 */
static void
check_width(const char *buf, size_t len, int width)
{
	const char	*p = buf, *end = buf + len, *eol;

	while (p < end) {
		if ((eol = memchr(p, '\n', (size_t)(end - p))) == NULL)
			eol = end;
		if (text_width(p, (size_t)(eol - p)) > width) {
			fprintf(stderr, "a line wider than %d: %.*s\n", width,
			    (int)(eol - p), p);
			abort();
		}
		p = eol + 1;
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const names[] = {
		"a.txt", "b.txt", "c.txt", "d.txt", "e.txt", "f.txt"
	};
	static const char *const hnames[] = {
		"a.html", "b.html", "c.html", "d.html", "e.html", "f.html"
	};
	struct article		 a;
	struct load_opts	 lo;
	const char		*s, *end, *p, *text = NULL, *pivot;
	char			*cause = NULL, *out = NULL;
	size_t			 v, nv, n = 0, outlen = 0;
	FILE			*f;
	int			 width, html;

	if (size < FUZZ_DUMP_HEAD + 1 || size > FUZZ_DUMP_MAX)
		return (0);
	nv = 1 + data[0] % ARTICLE_MAXVERS;
	html = (data[0] & 0x80) != 0;
	/* Mostly narrow widths: they are where the arithmetic goes wrong. */
	if (data[1] & 0x80)
		width = 10 + data[2] % 64;
	else
		width = 10 + (((data[1] & 0x7f) << 8) | data[2]) % 991;
	check_geometry(width, (int)nv, 0, 3);
	check_geometry((int)(signed char)data[1], (int)data[2] % 8 - 1,
	    data[0] % 50, data[0] % 5);
	pivot = (data[0] & 0x40) ? langs[data[3] % nitems(langs)] : NULL;

	memset(&a, 0, sizeof a);
	memset(&lo, 0, sizeof lo);
	lo.format = html ? "html" : "text";
	lo.force_lang = 1;
	s = (const char *)data + FUZZ_DUMP_HEAD;
	end = (const char *)data + size;
	for (v = 0; v < nv; v++) {
		if (s < end) {
			if ((p = memchr(s, '\0', (size_t)(end - s))) == NULL)
				p = end;
			text = s;
			n = (size_t)(p - s);
			s = p + 1;
		}
		lo.lang = langs[data[3 + v] % nitems(langs)];
		a.docs[a.n] = load_buffer(html ? hnames[v] : names[v], text, n,
		    &lo, &cause);
		if (a.docs[a.n] == NULL) {
			free(cause);
			cause = NULL;
		} else
			fuzz_check_doc(a.docs[a.n++]);
	}
	if (a.n == 0)
		return (0);

	if ((f = open_memstream(&out, &outlen)) == NULL)
		abort();
	if (dump_aligned(f, &a, pivot, width) == 0) {
		if (fflush(f) != 0)
			abort();
		check_width(out, outlen, width);
	}
	fclose(f);
	free(out);
	for (v = 0; v < a.n; v++)
		doc_free(a.docs[v]);
	return (0);
}
