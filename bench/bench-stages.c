/*
 * bench-stages: time the stages polyread goes through for the versions of
 * an article, each as the median of RUNS runs, in milliseconds:
 *
 *	load      reading and parsing every file
 *	segment   sentences and quotations of every version
 *	align     align_create() (segmentation included, quotes linked)
 *	layout    laying out the first screen (WIDTH x HEIGHT, a column per
 *	          version, beads level)
 *
 * usage: bench-stages [-n RUNS] [-w WIDTH] [-h HEIGHT] FILE...
 * Output: one "stage median min max" line per stage, then the peak memory.
 */
#include "config.h"

#include <sys/resource.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "align.h"
#include "article.h"
#include "layout.h"
#include "text.h"

int	main(int, char **);

/* Milliseconds of a monotonic clock. */
static double
now_ms(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ((double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6);
}

static int
cmp_double(const void *a, const void *b)
{
	double	x = *(const double *)a, y = *(const double *)b;

	return (x < y ? -1 : x > y);
}

/* Print the median, min and max of t[0..n). */
static void
report(const char *stage, double *t, int n)
{
	qsort(t, (size_t)n, sizeof *t, cmp_double);
	printf("%s %.2f %.2f %.2f\n", stage, t[n / 2], t[0], t[n - 1]);
}

/* Lay out beads until height rows are filled; returns the rows. */
static size_t
first_screen(const struct alignment *al, int width, int height)
{
	struct layout_geom	 g;
	struct layout_line	*lines = NULL;
	size_t			 alloc = 0, n, b, v, rows = 0, h;

	layout_geometry(width, (int)al->nvers, 80, 3, &g);
	for (b = 0; b < al->nbeads && rows < (size_t)height; b++) {
		h = 0;
		for (v = 0; v < al->nvers; v++) {
			n = 0;
			layout_sentences(al->docs[v], al->docs[v]->lang,
			    al->sents[v] + al->beads[b].first[v],
			    al->beads[b].count[v], g.colw, &lines, &n, &alloc);
			if (n > h)
				h = n;
		}
		rows += h + 1;
	}
	free(lines);
	return (rows);
}

int
main(int argc, char **argv)
{
	struct article		 a;
	struct article_opts	 ao;
	struct alignment	*al;
	struct rusage		 ru;
	struct text_sentence	*s;
	struct text_quote	*q;
	char			*cause = NULL, *end;
	double			*t, t0;
	int			 c, runs = 7, width = 200, height = 60, i;
	size_t			 v, nfiles;

	while ((c = getopt(argc, argv, "n:w:h:")) != -1) {
		switch (c) {
		case 'n':
			runs = (int)strtol(optarg, &end, 10);
			break;
		case 'w':
			width = (int)strtol(optarg, &end, 10);
			break;
		case 'h':
			height = (int)strtol(optarg, &end, 10);
			break;
		default:
			fprintf(stderr, "usage: bench-stages [-n RUNS] "
			    "[-w WIDTH] [-h HEIGHT] FILE...\n");
			return (2);
		}
	}
	nfiles = (size_t)(argc - optind);
	if (nfiles == 0 || runs < 1 || runs > 1000 || width < 10 ||
	    height < 1) {
		fprintf(stderr, "usage: bench-stages [-n RUNS] [-w WIDTH] "
		    "[-h HEIGHT] FILE...\n");
		return (2);
	}
	memset(&ao, 0, sizeof ao);
	t = xcalloc((size_t)runs, sizeof *t);

	for (i = 0; i < runs; i++) {
		t0 = now_ms();
		if (article_open(&a, argv + optind, nfiles, &ao, &cause) != 0) {
			fprintf(stderr, "bench-stages: %s\n", cause);
			return (1);
		}
		t[i] = now_ms() - t0;
		if (i + 1 < runs)
			article_release(&a);
	}
	report("load", t, runs);

	for (i = 0; i < runs; i++) {
		t0 = now_ms();
		for (v = 0; v < a.n; v++) {
			text_doc_sentences(a.docs[v], a.docs[v]->lang, &s);
			text_quotes(a.docs[v], a.docs[v]->lang, &q);
			free(s);
			free(q);
		}
		t[i] = now_ms() - t0;
	}
	report("segment", t, runs);

	al = NULL;
	for (i = 0; i < runs; i++) {
		align_free(al);
		t0 = now_ms();
		if ((al = align_create(&a, NULL, &cause)) == NULL) {
			fprintf(stderr, "bench-stages: %s\n", cause);
			return (1);
		}
		t[i] = now_ms() - t0;
	}
	report("align", t, runs);

	for (i = 0; i < runs; i++) {
		t0 = now_ms();
		first_screen(al, width, height);
		t[i] = now_ms() - t0;
	}
	report("layout", t, runs);

	getrusage(RUSAGE_SELF, &ru);
	printf("peak_kb %ld\n", ru.ru_maxrss);
	printf("beads %zu\n", al->nbeads);
	align_free(al);
	article_release(&a);
	free(t);
	text_cleanup();
	return (0);
}
