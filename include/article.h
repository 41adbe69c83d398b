/*
 * article.h: the versions of one article, opened together.
 *
 * Where it sits (docs/DESIGN.md): the first stage; it opens the operands
 * with fetch.h, discover.h and load.h and hands struct article to the
 * aligner, the commands and the reader.
 *
 * An article is 1 to ARTICLE_MAXVERS documents, one per language version,
 * in the order given. They come from files, from a folder of NAME.LANG.EXT
 * files, from http(s) URLs, or from the bundled sample.
 *
 * One operand alone (a URL or an HTML file) opens the versions it declares
 * too, unless no_alternates: its <link rel=alternate hreflang> alternates,
 * then its language switcher's links (discover.h). A URL's versions are
 * fetched; a file's are followed only to files in the same folder. They
 * are ordered en, fr, ru, then the others as found (or as --langs says),
 * at most ARTICLE_MAXVERS. A version that fails to load is left out with
 * a warning, as is a URL among several operands; a file among several
 * operands that fails is an error, as before.
 */
#ifndef POLYREAD_ARTICLE_H
#define POLYREAD_ARTICLE_H

#include "doc.h"
#include "load.h"

/* The most versions an article holds (and columns the reader shows). */
#define ARTICLE_MAXVERS	6

struct article {
	struct doc	*docs[ARTICLE_MAXVERS];
	size_t		 n;
	char		*warning;	/* the versions that did not load, in
					   one line (for a status line), or
					   NULL */
	char		*notice;	/* the versions whose article was not
					   recognised (their largest text
					   region stands in), in one line, or
					   NULL */
};

struct article_opts {
	const char	*langs;		/* "en,fr,ru": languages in order */
	int		 force_lang;	/* the languages override the files */
	int		 presegmented;	/* text inputs: a sentence per line */
	const char	*format;	/* force a loader */
	const char	*pick;		/* "en,ru": the versions to open, in
					   this order (--langs); NULL: all */
	int		 no_alternates;	/* one operand opens only itself */
	int		 offline;	/* URLs from the cache only */
	int		 refresh;	/* URLs: ignore the cache */
	void		(*warm)(void);	/* when not NULL, called as two
					   versions or more start loading
					   (align_warm: work for later) */
};

/*
 * Open the versions named by paths (files and URLs, or one folder; none:
 * the bundled sample). Returns 0, or -1 with a one-line message in *cause
 * (free it). Versions left out are named on stderr and in a->warning.
 * Release with article_release().
 */
int		 article_open(struct article *, char **paths, size_t npaths,
		     const struct article_opts *, char **cause);
void		 article_release(struct article *);

/*
 * List the article files of a folder: NAME.LANG.EXT (or LANG.EXT) names
 * with a 2- or 3-letter language, grouped by NAME. Fills files (you own
 * each string and the array) with the first group's files, ordered by
 * language, warning when there are others (the reader lets the user
 * choose: article_scan_groups()). Returns their number, or -1 with
 * *cause.
 */
int		 article_scan_dir(const char *dir, char ***files,
		     char **cause);

/* The articles of a folder: NAME.LANG.EXT files grouped by NAME. */
struct article_group {
	char	*name;				/* NAME; "" for LANG.EXT */
	char	*files[ARTICLE_MAXVERS];	/* by language */
	char	 langs[ARTICLE_MAXVERS][4];
	size_t	 n;
};

/*
 * The articles of a folder, ordered by NAME, each with its files ordered
 * by language (en, fr, ru, then the others). Fills *groups (free with
 * article_groups_free()). Returns their number, or -1 with *cause.
 */
int		 article_scan_groups(const char *dir,
		     struct article_group **groups, char **cause);
void		 article_groups_free(struct article_group *, size_t n);

/* The folder holding the bundled sample. */
const char	*article_sample_dir(void);

#endif
