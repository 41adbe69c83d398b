/*
 * bench-text: time the text engine on whole documents. For each file given,
 * load it, then run text_doc_sentences() and text_quotes() RUNS times and
 * print the median time of the pair in milliseconds.
 *
 * usage: bench-text [-n RUNS] [-l LANG] FILE...
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

/* Time each file given. */
int
main(int argc, char **argv)
{
	const char	*lang = NULL;
	char		*end;
	int		 c, runs = BENCH_RUNS, rc = 0;

	while ((c = getopt(argc, argv, "l:n:")) != -1) {
		switch (c) {
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
			    "[-l LANG] FILE...\n");
			return (2);
		}
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
