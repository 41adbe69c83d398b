/*
 * store.h: the notes database, the only SQLite code (src/store.c,
 * src/store-json.c for export and import, src/store-library.c for the
 * library). It owns the stored note (struct store_note) and checks its
 * limits; note.h builds the notes of an open article on it. It also
 * remembers every article read: its versions, titles, site and when it was
 * last read (the library).
 *
 * Where it sits: under note.c and the notes commands; above the base.
 *
 * One SQLite file, polyread.db, in the data folder: --data-dir, else
 * $XDG_DATA_HOME/polyread, else ~/.local/share/polyread (created 0700).
 * It runs in WAL mode with foreign keys, synchronous=FULL and a busy
 * timeout, so several polyread processes can read and save at once and a
 * killed one loses nothing it reported saved. Every write is one
 * transaction. PRAGMA user_version holds the schema version; older
 * databases are migrated step by step when opened (docs/NOTES.md).
 *
 * Errors: every call returns 0 (or a count) on success, else a negative
 * STORE_* code with a one-line message in *cause (free it). A corrupt
 * database or a read-only folder is reported, never repaired or removed:
 * the caller goes on without notes.
 */
#ifndef POLYREAD_STORE_H
#define POLYREAD_STORE_H

#include <stddef.h>
#include <stdint.h>


/* The most versions of one article the store resolves at once. */
#define STORE_MAXVERS		6
/* The schema version this polyread writes. */
#define STORE_SCHEMA		4
/* How long a writer waits for another one, in milliseconds. */
#define STORE_BUSY_MS		10000

enum {
	STORE_ERROR = -1,	/* anything else (I/O, bad input) */
	STORE_READONLY = -2,	/* the folder or file cannot be written */
	STORE_FULL = -3,	/* no space left */
	STORE_CORRUPT = -4,	/* damaged, or not a database */
	STORE_BUSY = -5,	/* another process held the lock too long */
	STORE_NEWER = -6,	/* made by a newer polyread */
	STORE_NOTFOUND = -7	/* no such note */
};

struct store;

/*
 * The limits of a stored note, checked once, by store_note_check() (every
 * write checks it). The longest passage a note is made on, in code points.
 */
#define NOTE_MAX_QUOTE		8000
/* The longest note text, in bytes; longer notes are refused. */
#define NOTE_MAX_TEXT		(64 * 1024)
/* At most this many tags of at most NOTE_MAX_TAG bytes each. */
#define NOTE_MAX_TAGS		32
#define NOTE_MAX_TAG		64

/*
 * W3C TextQuoteSelector and TextPositionSelector over a version's text
 * (note.h says how they are made and anchored).
 */
struct note_selector {
	char	*exact;
	char	*prefix;		/* "" at the start of the text */
	char	*suffix;		/* "" at the end */
	size_t	 start;			/* code points in the text */
	size_t	 end;
};

/* A note as stored. */
struct store_note {
	int64_t		 id;		/* store id; 0 if not stored */
	char		*uuid;		/* "urn:uuid:..." */
	int64_t		 version;	/* store id of its version */
	int64_t		 article;	/* and of its article (read only) */
	char		*source;	/* that version's source (a URI) */
	char		*vlang;		/* its language, or NULL */
	struct note_selector sel;
	char		*text;		/* the note, UTF-8 as typed */
	char		*lang;		/* the note's language or NULL */
	char		**tags;
	size_t		 ntags;
	char		*created;	/* ISO 8601 UTC, milliseconds */
	char		*modified;
	int		 orphan;	/* stored: was an orphan last time */
};

/* Free the strings of a stored note and clear it. */
void	 store_note_release(struct store_note *);
/* Free an array of them. */
void	 store_notes_free(struct store_note *, size_t);
/* Copy a selector into dst (you own the copy). */
void	 store_selector_copy(struct note_selector *dst,
	     const struct note_selector *);
void	 store_selector_release(struct note_selector *);
/* Copy a tag array (NULL for none); free it with store_tags_free(). */
char	**store_tags_copy(char *const *tags, size_t n);
void	 store_tags_free(char **tags, size_t n);
/*
 * Check a note against the limits above before it is written: 0, or
 * STORE_ERROR with *cause.
 */
int	 store_note_check(const struct store_note *, char **cause);

/* The data folder: dir if not NULL, else the XDG one (you own it). */
char	*store_data_dir(const char *dir);
/*
 * Open (creating it and the folder if needed) the database in data folder
 * dir (NULL: the default), migrating an older schema. Returns 0 with *sp,
 * or a STORE_* code with *cause.
 */
int	 store_open(struct store **sp, const char *dir, char **cause);
/*
 * For the commands that only read (notes list, export, check): as
 * store_open(), but when the folder or the database is read-only or the
 * disk is full, an in-memory copy of the database (none yet: an empty
 * one), migrated; what is written to it is lost at store_close().
 * store_copy_reason() is then why (store_open()'s message), else NULL.
 * With reason not NULL, always the copy, for that reason (a write failed
 * on a store already open).
 */
int	 store_open_read(struct store **sp, const char *dir,
	     const char *reason, char **cause);
const char *store_copy_reason(const struct store *);
void	 store_close(struct store *);
/* The database file's path. */
const char *store_path(const struct store *);
/* The data folder. */
const char *store_dir(const struct store *);
/* A short name for a STORE_* code ("read-only", "full", ...). */
const char *store_strerror(int);

/* One version of an article, as the store knows it. */
struct store_version {
	const char	*source;	/* a URI (note_source_uri()) */
	const char	*hash;		/* note_text_hash() */
	const char	*lang;		/* or NULL */
	const char	*title;		/* or NULL (kept: NULL never erases) */
};

/*
 * Find the article made of these versions and record them (one
 * transaction): each version is found by its source, else by its hash (a
 * moved file; its source is updated); the article is the one most of them
 * belong to, and the others join it; with none known, a new article.
 * Fills *article and ids[i] for each version. Returns 0 or a STORE_* code.
 */
int	 store_article_resolve(struct store *, const struct store_version *,
	     size_t n, int64_t *article, int64_t *ids, char **cause);
/*
 * Find the article without recording anything: 0 with *article (0 when
 * none of the versions is known), or a STORE_* code.
 */
int	 store_article_find(struct store *, const struct store_version *,
	     size_t n, int64_t *article, char **cause);

/*
 * The notes of an article (0: every article), ordered by version then
 * creation, with their version's source and language. Fills *out (free
 * with store_notes_free()) and *n. Returns 0 or a STORE_* code.
 */
int	 store_notes_list(struct store *, int64_t article, struct store_note **out,
	     size_t *n, char **cause);
/*
 * Store a new note (its version, selectors, text, lang, tags); fills its
 * id, uuid, created and modified. Returns 0 or a STORE_* code.
 */
int	 store_note_add(struct store *, struct store_note *, char **cause);
/*
 * Save a note's text, lang and tags, with a new modified time (filled in).
 * Returns 0, STORE_NOTFOUND, or another STORE_* code.
 */
int	 store_note_update(struct store *, struct store_note *, char **cause);
/*
 * Save the selectors and orphan flags of notes after anchoring (one
 * transaction; the modified times stay).
 */
int	 store_notes_reanchor(struct store *, struct store_note *const *,
	     size_t n, char **cause);
/*
 * The orphan cache (schema 4, docs/NOTES.md): a note that was not found
 * in the text of a version whose note_text_hash() is hash, so that the
 * next opening of the same text need not search again.
 * store_orphan_get() returns STORE_ORPHAN_COMPLETE (searched in full),
 * STORE_ORPHAN_CUT (the search was cut by the time budget), 0 (not known)
 * or a negative STORE_* code.
 */
#define STORE_ORPHAN_COMPLETE	1
#define STORE_ORPHAN_CUT	2
int	 store_orphan_get(struct store *, int64_t note, const char *hash,
	     char **cause);
struct store_orphan {
	int64_t		 note;
	const char	*hash;		/* NULL: forget the note's entry */
	int		 complete;
};
/* Remember (or forget) orphans, in one transaction. */
int	 store_orphans_put(struct store *, const struct store_orphan *,
	     size_t n, char **cause);
/* Delete a note. Returns 0, STORE_NOTFOUND or another STORE_* code. */
int	 store_note_delete(struct store *, int64_t id, char **cause);

/* The reading position of an article: 0, or STORE_NOTFOUND when none. */
int	 store_position_get(struct store *, int64_t article, int64_t *version,
	     size_t *block, size_t *off, char **cause);
int	 store_position_set(struct store *, int64_t article, int64_t version,
	     size_t block, size_t off, char **cause);

/* ---- The library (store-library.c) ---- */

/*
 * An article was opened in the reader: it was read now, with this title
 * and site (NULL keeps the stored one), and it is back in the library if
 * it had been forgotten. Returns 0 or a STORE_* code.
 */
int	 store_article_read(struct store *, int64_t article, const char *title,
	     const char *site, char **cause);

/* A version of an article in the library. */
struct store_aversion {
	char	*source;	/* a URI (note_source_uri()) */
	char	*lang;		/* or NULL */
	char	*title;		/* or NULL */
};

/* An article as the library lists it. */
struct store_article {
	int64_t			 id;
	char			*uuid;
	char			*title;		/* or NULL */
	char			*site;		/* or NULL */
	char			*created;	/* ISO 8601 UTC */
	char			*read;		/* last read, or NULL: never */
	int			 forgotten;	/* kept for its notes only */
	size_t			 notes;		/* its notes, */
	size_t			 orphans;	/* of which orphans */
	struct store_aversion	*v;		/* its versions, oldest first */
	size_t			 nv;
};

/* With store_articles_list(): the forgotten articles too. */
#define STORE_ARTICLES_ALL	0x1

/*
 * The articles, last read first (then those never read, newest first),
 * without the forgotten ones unless flags has STORE_ARTICLES_ALL. Fills
 * *out (free with store_articles_free()) and *n. Returns 0 or a STORE_*
 * code.
 */
int	 store_articles_list(struct store *, int flags,
	     struct store_article **out, size_t *n, char **cause);
void	 store_articles_free(struct store_article *, size_t);
/*
 * Forget an article: its reading position goes, and with with_notes its
 * notes too (one transaction). An article left without notes is deleted
 * with its versions; one with notes is kept, marked forgotten, until it is
 * read again. Returns 0, STORE_NOTFOUND or another STORE_* code.
 */
int	 store_article_forget(struct store *, int64_t article, int with_notes,
	     char **cause);

/*
 * Export the notes of an article (0: all) as a W3C Web Annotation
 * AnnotationCollection (JSON-LD), built by SQLite's JSON functions. Fills
 * *json (you own it) with one line and a newline. Returns the number of
 * notes, or a STORE_* code.
 */
int	 store_export_json(struct store *, int64_t article, char **json,
	     char **cause);
/*
 * Import an export (or any AnnotationCollection, AnnotationPage, array
 * or single Annotation with a TextQuoteSelector) in one transaction:
 * notes are matched by id and replaced, others added. name is used in
 * messages. Returns the number of notes imported, or a STORE_* code
 * (nothing imported then).
 */
int	 store_import_json(struct store *, const char *json, size_t len,
	     const char *name, char **cause);

/*
 * Check the database (PRAGMA integrity_check and foreign_key_check):
 * 0 when sound, else STORE_CORRUPT with the first problem in *cause.
 */
int	 store_check(struct store *, char **cause);
/*
 * Cap the database at pages pages, so that writes fail with STORE_FULL
 * beyond it (for the tests of a full disk).
 */
void	 store_limit_pages(struct store *, unsigned int pages);

#endif
