/*
 * article.h: the versions of one article, opened together.
 *
 * An article is 1 to LAYOUT_MAXCOLS documents, one per language version,
 * in the order given. They come from files, from a folder of NAME.LANG.EXT
 * files, or from the bundled sample.
 */
#ifndef POLYREAD_ARTICLE_H
#define POLYREAD_ARTICLE_H

#include "doc.h"
#include "layout.h"
#include "load.h"

#define ARTICLE_MAXVERS	LAYOUT_MAXCOLS

struct article {
	struct doc	*docs[ARTICLE_MAXVERS];
	size_t		 n;
};

struct article_opts {
	const char	*langs;		/* "en,fr,ru": languages in order */
	int		 force_lang;	/* the languages override the files */
	int		 presegmented;	/* text inputs: a sentence per line */
	const char	*format;	/* force a loader */
};

/*
 * Open the versions named by paths (files, or one folder; none: the bundled
 * sample). Returns 0, or -1 with a one-line message in *cause (free it).
 * Release with article_release().
 */
int		 article_open(struct article *, char **paths, size_t npaths,
		     const struct article_opts *, char **cause);
void		 article_release(struct article *);

/*
 * List the article files of a folder: NAME.LANG.EXT (or LANG.EXT) names
 * with a 2- or 3-letter language, grouped by NAME. Fills files (you own
 * each string and the array) with the first group's files, ordered by
 * language. Returns their number, or -1 with *cause.
 */
int		 article_scan_dir(const char *dir, char ***files,
		     char **cause);

/* The folder holding the bundled sample. */
const char	*article_sample_dir(void);

#endif
