/*
 * note.h: notes on passages of an article, and how a note finds its
 * passage again after the article changed (anchoring).
 *
 * Where it sits: above store.h (the stored note) and the aligner (mapping
 * passages); the reader and the notes commands use it.
 *
 * A note is made on a passage of one version. It keeps the passage with two
 * W3C Web Annotation selectors over the version's text (see below): a
 * TextQuoteSelector (the exact text, and up to NOTE_CONTEXT characters of
 * prefix and suffix) and a TextPositionSelector (start and end). When the
 * version is opened again the note is anchored the way the Hypothesis
 * client does it: the position if the quote is still there, else the exact
 * quote (the best-placed occurrence), else an approximate match scored on
 * the quote, the prefix, the suffix and the nearness to the old position;
 * a note that cannot be placed is an orphan, kept and listed, never
 * dropped.
 *
 * The text of a version, which the selectors count in, is its blocks' texts
 * (NFC UTF-8, as loaded) joined by "\n\n"; offsets are Unicode code points
 * from its start. Its identity hash is "fnv1a64:" and the 16 hex digits of
 * the 64-bit FNV-1a hash of that text's UTF-8 bytes.
 *
 * struct notes is the notes of one open article, for the reader and the
 * commands: it resolves the article in the store, anchors every note, maps
 * the passages to the other versions through the alignment, and adds,
 * edits and deletes notes. Errors are negative NOTES_* codes with a
 * one-line *cause.
 */
#ifndef POLYREAD_NOTE_H
#define POLYREAD_NOTE_H

#include <stddef.h>
#include <stdint.h>

#include "article.h"
#include "store.h"
#include "text.h"

/*
 * The errors of the notes calls: negative, with a one-line *cause. They
 * are the store's (store.h), named here so that the view needs no more
 * than note.h.
 */
enum {
	NOTES_ERROR = -1,	/* anything else (I/O, bad input) */
	NOTES_READONLY = -2,	/* the data folder cannot be written */
	NOTES_FULL = -3,	/* no space left */
	NOTES_CORRUPT = -4,	/* the database is damaged */
	NOTES_BUSY = -5,	/* another polyread held it too long */
	NOTES_NEWER = -6,	/* made by a newer polyread */
	NOTES_NOTFOUND = -7	/* no such note */
};
/* A short name for a NOTES_* code ("read-only", "full", ...). */
const char *notes_strerror(int);

/* Code points of prefix and suffix kept around a quote. */
#define NOTE_CONTEXT		32
/* The lowest Hypothesis-style score (0 to 1) of an approximate match. */
#define NOTE_MIN_SCORE		0.55

/* Where a note is in the open article. */
enum note_state {
	NOTE_UNOPENED,		/* its version is not open */
	NOTE_AT_POSITION,	/* the quote is where it was */
	NOTE_EXACT,		/* the quote was found elsewhere */
	NOTE_FUZZY,		/* an approximate match of the quote */
	NOTE_ORPHAN		/* not found: kept, listed as an orphan */
};

/* A note of the open article: what is stored, and where it is now. */
struct note {
	struct store_note rec;		/* as stored (store.h) */

	/* Filled by notes_open(): */
	enum note_state	 state;
	size_t		 vers;		/* version index, or DOC_NOPOS */
	struct doc_pos	 start;		/* the passage if anchored */
	struct doc_pos	 end;
	double		 score;		/* match score (1: exact) */
};

/* Free the strings of a note and clear it. */
void	 note_release(struct note *);
/* Free an array of notes. */
void	 note_free_array(struct note *, size_t);
/*
 * The notes of an article (0: every article) as struct notes of no open
 * article (state NOTE_UNOPENED): store_notes_list()'s, for the commands.
 * Returns 0 or a NOTES_* code with *cause.
 */
int	 note_list_stored(struct store *, int64_t article, struct note **out,
	     size_t *n, char **cause);
/* A note's state as a word ("anchored", "moved", "fuzzy", "orphan"...). */
const char *note_state_name(enum note_state);

/* ---- The text of a version, and anchoring (note-anchor.c) ---- */

struct note_text;

/* Prepare a document's text for anchoring; free with note_text_free(). */
struct note_text *note_text_create(const struct doc *);
void	 note_text_free(struct note_text *);
/* The identity hash ("fnv1a64:0123456789abcdef"). */
const char *note_text_hash(const struct note_text *);
/* Its length in code points. */
size_t	 note_text_length(const struct note_text *);
/* The code point offset of a document position (clamped). */
size_t	 note_text_offset(const struct note_text *, struct doc_pos);
/* The document position of a code point offset (clamped). */
struct doc_pos note_text_pos(const struct note_text *, size_t cp);
/*
 * Make the selectors of the passage [start, end) (positions in the
 * document the text was made from). Returns 0, or -1 with *cause when the
 * passage is empty or longer than NOTE_MAX_QUOTE.
 */
int	 note_selector_make(const struct note_text *, struct doc_pos start,
	     struct doc_pos end, struct note_selector *, char **cause);

/* The result of anchoring a selector. */
struct note_match {
	enum note_state	 state;		/* AT_POSITION ... ORPHAN */
	size_t		 start;		/* code points */
	size_t		 end;
	double		 score;		/* 0 to 1 */
	int		 cut;		/* an orphan because the deadline
					   passed before the search ended */
};

struct timespec;

/* Anchor a selector in a text (see the top of this file). */
void	 note_anchor(const struct note_text *, const struct note_selector *,
	     struct note_match *);
/*
 * The same, giving up the approximate search when the CLOCK_MONOTONIC
 * deadline (NULL: none) passes: an orphan with cut set.
 */
void	 note_anchor_until(const struct note_text *,
	     const struct note_selector *, const struct timespec *deadline,
	     struct note_match *);
/*
 * Find a quote a user typed (notes add): the exact text, else the same
 * text ignoring case and accents inside a block (ICU search), else an
 * approximate match with at most a quarter of its characters wrong. The
 * first occurrence wins. Returns 0 and the range in code points, or -1.
 */
int	 note_find_quote(const struct note_text *, const struct doc *,
	     const char *quote, size_t *start, size_t *end);

/*
 * Approximate search (exposed for the tests): the end offsets (in code
 * points, exclusive) of the best matches of pattern in text with at most
 * maxerr edits (Myers' bit-parallel algorithm with Ukkonen's cut-off),
 * with their start offsets and edit counts. Returns the number stored, at
 * most max.
 */
struct note_hit {
	size_t	start;
	size_t	end;
	size_t	errors;
};
size_t	 note_approx_search(const int32_t *text, size_t n,
	     const int32_t *pattern, size_t m, size_t maxerr,
	     struct note_hit *hits, size_t max);

/* ---- The notes of an open article (note.c) ---- */

struct store;
struct alignment;

/* A passage to decorate: a note's own, or its counterpart. */
struct note_mark {
	size_t		 note;		/* index in notes->v */
	size_t		 vers;		/* the version marked */
	struct doc_pos	 start;
	struct doc_pos	 end;
	int		 counterpart;	/* 0: the noted passage; 1: its
					   translation in another version */
};

struct notes {
	struct store		*store;
	const struct article	*article;
	int64_t			 article_id;
	int64_t			 version_id[ARTICLE_MAXVERS];
	struct note_text	*text[ARTICLE_MAXVERS];

	struct note		*v;	/* anchored notes by version and
					   position, then orphans, then notes
					   of versions not open */
	size_t			 n;
	size_t			 alloc;

	struct note_mark	*marks;	/* by version, then start */
	size_t			 nmarks;
	size_t			 amarks;
	const struct alignment	*al;	/* the last notes_map()'s */

	char			*warning; /* a problem to show once, or
					     NULL (re-anchored notes not
					     saved) */
	size_t			 ncut;	/* orphans not searched in full
					   (the time budget) */
};

/*
 * The time notes_open() spends on approximate searches (for all the notes
 * together), in milliseconds: a note not found by then is an orphan "not
 * searched in full", remembered as such for the same text.
 */
#define NOTES_BUDGET_MS		1000

/*
 * Open the notes of an article: find it in the store by its versions'
 * sources and hashes (see docs/NOTES.md; new versions are recorded), load
 * the notes of all its versions and anchor those of the open versions,
 * saving the moved selectors. The store and the article must outlive the
 * notes. Returns 0 with *np (free with notes_free()), or a negative
 * STORE_* code with *cause.
 */
int	 notes_open(struct notes **np, struct store *,
	     const struct article *, char **cause);
/*
 * The same with a budget in milliseconds for the approximate searches
 * (0: none; notes_open() has NOTES_BUDGET_MS). Orphans are remembered by
 * the store for the text they were searched in (store_orphan_get()); with
 * a budget, an orphan whose search was cut before is not searched again,
 * without one (notes list) it is.
 */
int	 notes_open_budget(struct notes **np, struct store *,
	     const struct article *, int budget_ms, char **cause);
/*
 * The texts of an article's versions (note_text_create(): the hash that
 * names each in the store, and its code points counted) made ahead, on a
 * thread of their own, while the caller does other work: the reader lays
 * out its first screen meanwhile, and on an 8 MB version they take about
 * 15 ms. Made at once if no thread can be started. The article must
 * outlive them; it is only read.
 */
struct notes_prep;
struct notes_prep *notes_prepare(const struct article *);
/*
 * notes_open() on the texts of prep (waited for): prep is freed, whatever
 * the result.
 */
int	 notes_open_prepared(struct notes **np, struct store *,
	     struct notes_prep *prep, char **cause);
/* Free prep not given to notes_open_prepared() (after its thread). */
void	 notes_prep_free(struct notes_prep *);
void	 notes_free(struct notes *);
/*
 * Recompute the marks: each anchored note's passage, and with an
 * alignment of this article (NULL: none) its counterparts in the other
 * versions through align_map(). The alignment is kept for the marks of
 * later notes_add() and notes_delete() calls: it must live until the next
 * notes_map() (call notes_map(ns, NULL) before freeing it) or
 * notes_free().
 */
void	 notes_map(struct notes *, const struct alignment *);
/* The first mark of version vers covering pos, or NULL. */
const struct note_mark *notes_mark_at(const struct notes *, size_t vers,
	     struct doc_pos pos);
/* True if a mark of version vers touches block blk (the gutter). */
int	 notes_block_marked(const struct notes *, size_t vers, size_t blk);
/*
 * Add a note on [start, end) of version vers with text, lang (NULL: the
 * version's) and tags (may be NULL). It is stored at once in its own
 * transaction. Returns the index of the note in notes->v (indices of the
 * others may change), or a negative STORE_* code with *cause: nothing
 * changed then, so the caller keeps the text (a read-only or full data
 * folder).
 */
int	 notes_add(struct notes *, size_t vers, struct doc_pos start,
	     struct doc_pos end, const char *text, const char *lang,
	     char **tags, size_t ntags, char **cause);
/*
 * Change the text, language (NULL: keep) and tags (NULL: keep) of note i
 * and store it. Returns 0 or a negative STORE_* code with *cause (the note
 * is unchanged then).
 */
int	 notes_edit(struct notes *, size_t i, const char *text,
	     const char *lang, char **tags, size_t ntags, char **cause);
/* Delete note i from the store and the list; 0 or a STORE_* code. */
int	 notes_delete(struct notes *, size_t i, char **cause);
/* The index of the note with store id id, or DOC_NOPOS. */
size_t	 notes_find_id(const struct notes *, int64_t id);
/*
 * The article is being read (the reader opened it): the library records
 * the time, its title and its site (the first version's that has one).
 * Returns 0 or a NOTES_* code with *cause.
 */
int	 notes_mark_read(struct notes *, char **cause);
/*
 * The saved reading position of the article: 0 with the version index and
 * position, or -1 when none is saved (or its version is not open).
 */
int	 notes_get_position(const struct notes *, size_t *vers,
	     struct doc_pos *);
/* Save the reading position (cheap, but call it at most once a second). */
int	 notes_save_position(struct notes *, size_t vers, struct doc_pos,
	     char **cause);

/*
 * The text between two positions of a document, blocks joined by "\n\n"
 * (you own it).
 */
char	*note_range_text(const struct doc *, struct doc_pos start,
	     struct doc_pos end);
/* A version's source as stored: an absolute file: URI, or the URL. */
char	*note_source_uri(const char *source);

#endif
