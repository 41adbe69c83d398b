/*
 * The part of the loader targets they share: load, check the document,
 * segment it and dump it.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "cmd.h"
#include "fuzz.h"
#include "load.h"
#include "text.h"

FILE *
fuzz_null(void)
{
	static FILE	*f;

	if (f == NULL && (f = fopen("/dev/null", "w")) == NULL)
		abort();
	return (f);
}

/* Is there a C0 or C1 control (tab and newline aside) in s? */
static int
has_control(const char *s, size_t len, int pre)
{
	size_t	i;

	for (i = 0; i < len; i++) {
		unsigned char	c = (unsigned char)s[i];

		if ((c < 0x20 && !(pre && (c == '\t' || c == '\n'))) ||
		    c == 0x7f)
			return (1);
		/* U+0080 to U+009F: C2 80 to C2 9F. */
		if (c == 0xc2 && i + 1 < len &&
		    (unsigned char)s[i + 1] >= 0x80 &&
		    (unsigned char)s[i + 1] <= 0x9f)
			return (1);
	}
	return (0);
}

void
fuzz_check_doc(const struct doc *d)
{
	const struct doc_block	*b;
	size_t			 i, j;

	for (i = 0; i < d->nblocks; i++) {
		b = &d->blocks[i];
		if (b->text == NULL || b->len == 0 || b->text[b->len] != '\0' ||
		    strlen(b->text) != b->len)
			abort();
		if (has_control(b->text, b->len, b->kind == BLOCK_PRE))
			abort();
		for (j = 0; j < b->nspans; j++) {
			if (b->spans[j].start >= b->spans[j].end ||
			    b->spans[j].end > b->len)
				abort();
			if (j > 0 && b->spans[j - 1].start > b->spans[j].start)
				abort();
		}
	}
	if (d->title != NULL && has_control(d->title, strlen(d->title), 0))
		abort();
}

int
fuzz_load(const char *format, int presegmented, const uint8_t *data,
    size_t size)
{
	struct load_opts	 o;
	struct article		 a;
	struct doc		*d;
	struct text_sentence	*s;
	struct text_quote	*q;
	char			*cause = NULL;
	size_t			 ns, nq, i;

	memset(&o, 0, sizeof o);
	o.format = format;
	o.presegmented = presegmented;
	d = load_buffer("fuzz", (const char *)data, size, &o, &cause);
	if (d == NULL) {
		if (cause == NULL)
			abort();
		free(cause);
		return (0);
	}
	fuzz_check_doc(d);

	ns = text_doc_sentences(d, NULL, &s);
	for (i = 0; i < ns; i++) {
		if (s[i].block >= d->nblocks || s[i].start > s[i].end ||
		    s[i].end > d->blocks[s[i].block].len)
			abort();
	}
	free(s);
	nq = text_quotes(d, NULL, &q);
	for (i = 0; i < nq; i++) {
		if (q[i].close.block >= d->nblocks ||
		    q[i].close.off > d->blocks[q[i].close.block].len)
			abort();
	}
	free(q);

	memset(&a, 0, sizeof a);
	a.docs[0] = d;
	a.n = 1;
	dump_article(fuzz_null(), &a, NULL, 10 + (int)(size % 90));
	doc_free(d);
	return (0);
}
