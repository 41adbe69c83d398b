/*
 * bench-text: time the text engine on whole documents. For each file given,
 * load it, then run text_doc_sentences() and text_quotes() RUNS times and
 * print the median time of the pair in milliseconds.
 *
 * With -H, time the hostile inputs of the unit tests instead (u-text's
 * test_sentences_big, u-quote's test_quotes_big: abbreviations, dots and
 * quotes; unbalanced quotation marks of every kind) at 1 and 4 MiB, and
 * print the ratio of the two medians: about 4 while the cost is linear.
 *
 * usage: bench-text [-n RUNS] [-l LANG] FILE...
 *        bench-text [-n RUNS] -H
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "load.h"
#include "text.h"

#define BENCH_RUNS	9

int	main(int, char **);

/* Milliseconds of a monotonic clock. */
static double
now_ms(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ((double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6);
}

/* Order doubles. */
static int
cmp_double(const void *a, const void *b)
{
	double	x = *(const double *)a, y = *(const double *)b;

	return (x < y ? -1 : x > y);
}

/* Time one file; 0, or -1 if it cannot be loaded. */
static int
bench_file(const char *path, const char *lang, int runs)
{
	struct load_opts	 o;
	struct doc		*d;
	struct text_sentence	*s;
	struct text_quote	*q;
	char			*cause = NULL;
	double			*t, t0;
	size_t			 ns = 0, nq = 0;
	int			 i;

	memset(&o, 0, sizeof o);
	o.lang = lang;
	if ((d = load_file(path, &o, &cause)) == NULL) {
		fprintf(stderr, "bench-text: %s\n", cause);
		free(cause);
		return (-1);
	}
	if (lang == NULL)
		lang = d->lang;
	t = xcalloc((size_t)runs, sizeof *t);
	for (i = 0; i < runs; i++) {
		t0 = now_ms();
		ns = text_doc_sentences(d, lang, &s);
		nq = text_quotes(d, lang, &q);
		t[i] = now_ms() - t0;
		free(s);
		free(q);
	}
	qsort(t, (size_t)runs, sizeof *t, cmp_double);
	printf("%s: lang %s, %zu bytes, %zu blocks, %zu sentences, "
	    "%zu quotations: median %.1f ms (min %.1f, max %.1f, %d runs)\n",
	    path, lang != NULL ? lang : "-", doc_text_size(d), d->nblocks,
	    ns, nq, t[runs / 2], t[0], t[runs - 1], runs);
	free(t);
	doc_free(d);
	return (0);
}

/*
 * The hostile inputs of the unit tests, of size bytes at most (4 MiB is
 * the longest paragraph a document keeps): a period
 * of abbreviations, a quoted sentence, an ellipsis and dots and quotes
 * (text_sentences()), or of unbalanced quotation marks (text_quotes()).
 */
static void
hostile_input(struct strbuf *sb, int quotes, size_t size)
{
	static const char *const	 marks[] = {
		"«\u00a0", "“", "‹", "\" ", "„", "‘a ", "» ", "›", "”", " \"x"
	};
	const char			*p;
	size_t				 i;

	strbuf_reset(sb);
	for (i = 0;; i++) {
		p = quotes ? marks[(i * 7 + i / 13) % 10] :
		    "Mr. «Да.» … ....\"\"\"";
		if (sb->len + strlen(p) > size)
			break;
		strbuf_addstr(sb, p);
	}
}

/* The median time of one hostile case, in ms; *found: what it found. */
static double
time_hostile(int quotes, size_t size, int runs, size_t *found)
{
	struct strbuf		 sb = STRBUF_INIT;
	struct doc		*d = NULL;
	struct text_range	*r;
	struct text_quote	*q;
	double			*t, t0, med;
	int			 i;

	hostile_input(&sb, quotes, size);
	if (quotes) {
		d = doc_create("hostile", "text");
		doc_add_block(d, BLOCK_PARA, 0, sb.buf, sb.len);
		doc_finish(d);
	}
	t = xcalloc((size_t)runs, sizeof *t);
	for (i = 0; i < runs; i++) {
		t0 = now_ms();
		if (quotes) {
			*found = text_quotes(d, "fr", &q);
			t[i] = now_ms() - t0;
			free(q);
		} else {
			*found = text_sentences(sb.buf, sb.len, "en", &r);
			t[i] = now_ms() - t0;
			free(r);
		}
	}
	qsort(t, (size_t)runs, sizeof *t, cmp_double);
	printf("hostile %s %zu MiB: %zu found: median %.1f ms (min %.1f, "
	    "max %.1f, %d runs)\n", quotes ? "quotes" : "sentences",
	    size >> 20, *found, t[runs / 2], t[0], t[runs - 1], runs);
	med = t[runs / 2];
	free(t);
	doc_free(d);
	strbuf_release(&sb);
	return (med);
}

/* Time the hostile inputs at 1 and 4 MiB, and print the ratios. */
static void
bench_hostile(int runs)
{
	double	t1, t4;
	size_t	found;
	int	quotes;

	for (quotes = 0; quotes < 2; quotes++) {
		t1 = time_hostile(quotes, (size_t)1 << 20, runs, &found);
		t4 = time_hostile(quotes, (size_t)4 << 20, runs, &found);
		printf("hostile %s 4 MiB / 1 MiB: %.2f x\n",
		    quotes ? "quotes" : "sentences", t1 > 0 ? t4 / t1 : 0);
	}
}

/* Time each file given. */
int
main(int argc, char **argv)
{
	const char	*lang = NULL;
	char		*end;
	int		 c, runs = BENCH_RUNS, rc = 0, hostile = 0;

	while ((c = getopt(argc, argv, "Hl:n:")) != -1) {
		switch (c) {
		case 'H':
			hostile = 1;
			break;
		case 'l':
			lang = optarg;
			break;
		case 'n':
			runs = (int)strtol(optarg, &end, 10);
			if (*end != '\0' || runs < 7 || runs > 1000) {
				fprintf(stderr, "bench-text: runs: 7 to "
				    "1000\n");
				return (2);
			}
			break;
		default:
			fprintf(stderr, "usage: bench-text [-n RUNS] "
			    "[-l LANG] FILE...\n       bench-text [-n RUNS] "
			    "-H\n");
			return (2);
		}
	}
	if (hostile) {
		bench_hostile(runs);
		text_cleanup();
		return (0);
	}
	if (optind == argc) {
		fprintf(stderr, "usage: bench-text [-n RUNS] [-l LANG] "
		    "FILE...\n");
		return (2);
	}
	for (; optind < argc; optind++) {
		if (bench_file(argv[optind], lang, runs) != 0)
			rc = 1;
	}
	text_cleanup();
	return (rc);
}
