/*
 * libFuzzer target: the text engine on arbitrary bytes. The first byte
 * picks the language and the wrap width, the second line (up to 64 bytes)
 * is a search pattern (plain, a regular expression, whole words); the
 * rest goes through graphemes and widths,
 * wrapping, sentences, words, anchors and name similarity, search, and,
 * as a document of one block per line, sentences and quotations. Every
 * result is checked against its input: offsets inside the text, in order,
 * progress at every step.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "doc.h"
#include "fuzz.h"
#include "text.h"

static const char *const langs[] = {
	NULL, "en", "fr", "ru", "de", "uk", "ja", "ar", "xx-invalid", "root"
};

/* Check ranges: inside [0, len), in order when ordered. */
static void
check_ranges(const struct text_range *r, size_t n, size_t len, int ordered)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		if (r[i].start > r[i].end || r[i].end > len)
			abort();
		if (ordered && i > 0 && r[i].start < r[i - 1].end)
			abort();
	}
}

/* Graphemes forwards and backwards, widths. */
static void
fuzz_graphemes(const char *s, size_t len)
{
	size_t	pos, next;
	int	w = 0;

	for (pos = 0; pos < len; pos = next) {
		next = text_next_grapheme(s, len, pos);
		if (next <= pos || next > len)
			abort();
		w += text_grapheme_width(s + pos, next - pos);
	}
	for (pos = len; pos > 0; pos = next) {
		next = text_prev_grapheme(s, len, pos);
		if (next >= pos)
			abort();
	}
	if (text_width(s, len) < 0 || w < 0)
		abort();
}

/* Wrap at width: every line inside the text, in order, within width. */
static void
fuzz_wrap(const char *s, size_t len, int width, const char *lang)
{
	struct text_line	*lines = NULL;
	size_t			 alloc = 0, n, i;

	n = text_wrap(s, len, width, lang, &lines, &alloc);
	if (n == 0)
		abort();
	for (i = 0; i < n; i++) {
		if (lines[i].start > lines[i].end || lines[i].end > len)
			abort();
		if (i > 0 && lines[i].start < lines[i - 1].end)
			abort();
	}
	free(lines);
}

/* Anchors, and the similarity of the names found. */
static void
fuzz_anchors(const char *s, size_t len, const char *lang)
{
	struct text_anchor	*a = NULL;
	size_t			 n, i;
	double			 sim;

	n = text_anchors(s, len, lang, &a);
	for (i = 0; i < n; i++) {
		if (a[i].start > a[i].end || a[i].end > len ||
		    memchr(a[i].key, '\0', sizeof a[i].key) == NULL)
			abort();
		if (i > 0 && a[i].kind == ANCHOR_NAME &&
		    a[i - 1].kind == ANCHOR_NAME) {
			sim = text_name_similarity(a[i - 1].key, a[i].key);
			if (!(sim >= 0 && sim <= 1))
				abort();
		}
	}
	free(a);
}

/* Find every match of pattern (flags: TEXT_SEARCH_*) in s. */
static void
fuzz_search(const char *pattern, const char *s, size_t len,
    const char *lang, int flags)
{
	struct text_search	*ts;
	struct text_range	 m;
	size_t			 from = 0, n = 0;
	char			*cause = NULL;

	ts = text_search_open(pattern, lang, flags, &cause);
	free(cause);
	if (ts == NULL)
		return;
	while (text_search_next(ts, s, len, from, &m)) {
		if (m.start < from || m.start > m.end || m.end > len)
			abort();
		from = m.end > m.start ? m.end : m.start + 1;
		if (++n > len + 1)
			abort();
	}
	text_search_free(ts);
}

/* The text as a document, one block per line: sentences and quotations. */
static void
fuzz_doc(const char *s, size_t len, const char *lang)
{
	struct doc		*d;
	struct text_sentence	*t;
	struct text_quote	*q;
	const char		*p = s, *end = s + len, *eol;
	size_t			 n, i;

	d = doc_create("fuzz", "text");
	while (p < end) {
		if ((eol = memchr(p, '\n', (size_t)(end - p))) == NULL)
			eol = end;
		doc_add_block(d, (p[0] == '>') ? BLOCK_QUOTE : BLOCK_PARA, 0, p,
		    (size_t)(eol - p));
		p = eol + 1;
	}
	doc_finish(d);
	fuzz_check_doc(d);
	n = text_doc_sentences(d, lang, &t);
	for (i = 0; i < n; i++) {
		if (t[i].block >= d->nblocks || t[i].start > t[i].end ||
		    t[i].end > d->blocks[t[i].block].len)
			abort();
	}
	free(t);
	n = text_quotes(d, lang, &q);
	for (i = 0; i < n; i++) {
		if (q[i].open.block >= d->nblocks ||
		    q[i].close.block >= d->nblocks ||
		    q[i].close.off > d->blocks[q[i].close.block].len ||
		    q[i].start.block > q[i].end.block ||
		    (q[i].parent != DOC_NOPOS && q[i].parent >= n))
			abort();
	}
	free(q);
	doc_free(d);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char		*s = (const char *)data, *lang, *eol;
	char			 pattern[65];
	struct text_range	*r = NULL;
	size_t			 len, n, plen;
	int			 width;

	if (size < 1)
		return (0);
	lang = langs[data[0] % nitems(langs)];
	width = 1 + data[0] / nitems(langs) % 40;
	s++;
	len = size - 1;

	/* The search pattern: the first line, up to 64 bytes. */
	plen = 0;
	if ((eol = memchr(s, '\n', len)) != NULL)
		plen = PR_MIN((size_t)(eol - s), sizeof pattern - 1);
	memcpy(pattern, s, plen);
	pattern[plen] = '\0';

	fuzz_graphemes(s, len);
	fuzz_wrap(s, len, width, lang);
	n = text_sentences(s, len, lang, &r);
	check_ranges(r, n, len, 1);
	free(r);
	r = NULL;
	n = text_words(s, len, lang, &r);
	check_ranges(r, n, len, 1);
	free(r);
	fuzz_anchors(s, len, lang);
	if (plen > 0) {
		fuzz_search(pattern, s, len, lang, 0);
		/* The pattern as a regular expression, and whole words. */
		fuzz_search(pattern, s, len, lang, TEXT_SEARCH_REGEX);
		fuzz_search(pattern, s, len, lang, TEXT_SEARCH_WORD_START |
		    TEXT_SEARCH_WORD_END);
	}
	fuzz_doc(s, len, lang);
	return (0);
}
