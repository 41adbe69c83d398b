/*
 * library.h: the articles to choose from: those read (the library, kept by
 * the store) or those a folder holds (the folder chooser).
 *
 * Where it sits: above store.h, note.h, article.h and text.h (the filter);
 * under the library screen (view-library.c), the reader and `polyread
 * library` (cmd-library.c).
 *
 * An entry says what opens the article again (its versions' files and
 * URLs, in the order stored) and what the list shows: its title (else its
 * first file's name), languages, site, when it was last read and its
 * notes.
 */
#ifndef POLYREAD_LIBRARY_H
#define POLYREAD_LIBRARY_H

#include <stddef.h>
#include <stdint.h>

#include "note.h"
#include "store.h"
#include "text.h"

struct library_entry {
	int64_t		 id;		/* store id; 0: a folder's article */
	char		*uuid;		/* or NULL */
	char		*title;		/* never NULL */
	char		*langs;		/* "en fr ru" ("" when unknown) */
	char		*site;		/* or NULL */
	char		*read;		/* ISO 8601 UTC, or NULL: never */
	size_t		 notes;
	size_t		 orphans;
	char		**sources;	/* as stored: file: URIs and URLs */
	char		**paths;	/* what opens it: files and URLs */
	char		**vlangs;	/* each version's language or NULL */
	size_t		 n;		/* versions */
};

struct library {
	struct store		*st;	/* NULL: a folder's articles */
	char			*name;	/* "Library", or the folder */
	struct library_entry	*v;
	size_t			 n;
};

/*
 * The library: the articles the store remembers, last read first (the
 * store must outlive it); flags as store_articles_list()'s
 * (STORE_ARTICLES_ALL: the forgotten ones too). Returns 0, or a STORE_*
 * code with *cause.
 */
int	 library_load(struct library *, struct store *, int flags,
	     char **cause);
/*
 * The articles of folder dir (article_scan_groups()). Returns their
 * number, or -1 with *cause.
 */
int	 library_scan_dir(struct library *, const char *dir, char **cause);
void	 library_release(struct library *);
/*
 * Does the library in data folder dir (NULL: the default) hold an
 * article? 0 too when the store cannot be opened.
 */
int	 library_exists(const char *dir);

/* Does the entry's title, site, languages or a source hold what s seeks? */
int	 library_match(const struct library_entry *, struct text_search *);
/*
 * Forget entry i (store_article_forget()) and take it off the list.
 * Returns 0, or a STORE_* code with *cause.
 */
int	 library_forget(struct library *, size_t i, int with_notes,
	     char **cause);
/*
 * The notes of every entry, grouped in the list's order (by version and
 * age inside an article). Fills *out (free with note_free_array()) and
 * *n. Returns 0, or a STORE_* code with *cause.
 */
int	 library_notes(const struct library *, struct note **out, size_t *n,
	     char **cause);
/* The entry of store article id, or -1. */
long	 library_find(const struct library *, int64_t id);
/* The path to open for a stored source: a file: URI's path, else as is. */
char	*library_path(const char *source);

#endif
