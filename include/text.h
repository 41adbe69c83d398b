/*
 * text.h: the text engine. Everything polyread does with text goes through
 * ICU, per language: grapheme clusters and display widths, line breaking
 * (UAX #14), sentences, words, quotations, search keys and the anchor keys
 * the aligner compares across languages.
 *
 * Where it sits: above doc.h; the aligner, the layout, the view, the notes
 * and the loaders (language guessing) build on it.
 *
 * Strings are UTF-8 with byte offsets; ranges are [start, end). A language
 * is a BCP 47 tag ("en", "fr", "ru") or NULL for the root locale.
 */
#ifndef POLYREAD_TEXT_H
#define POLYREAD_TEXT_H

#include <stddef.h>
#include <stdint.h>

#include "doc.h"

struct text_range {
	size_t	start;
	size_t	end;
};

/*
 * Free the calling thread's cached ICU break iterators and collators (each
 * thread that used the text engine calls it before it ends).
 */
void	 text_cleanup(void);

/*
 * Make ready, once per process, what finding anchors needs on every
 * thread: ICU's transliterator registry and the name transliterator (tens
 * of milliseconds, the same on every call). Calling it from a spare
 * thread while the versions load takes that off the alignment's path;
 * without it the first text_anchors() does it.
 */
void	 text_anchors_warm(void);
/*
 * Free this thread's cache of transliterated names (184 KiB): the aligner
 * calls it once the versions are prepared, before its largest arrays. The
 * next text_anchors() on the thread makes the cache again.
 */
void	 text_anchors_forget(void);

/* ---- Graphemes and display width (text-width.c) ---- */

/* Byte offset of the grapheme cluster boundary after pos (len at the end). */
size_t	 text_next_grapheme(const char *s, size_t len, size_t pos);
/* Byte offset of the grapheme cluster boundary before pos (0 at start). */
size_t	 text_prev_grapheme(const char *s, size_t len, size_t pos);
/*
 * Display width of one code point: 0 for combining marks, format
 * characters and zero-width joiners, 2 for East Asian wide and full-width
 * characters and emoji presentation, else 1.
 */
int	 text_cp_width(int32_t cp);
/* Display width of one grapheme cluster (its base, or 2 for emoji). */
int	 text_grapheme_width(const char *s, size_t len);
/* Display width of a string, grapheme by grapheme. */
int	 text_width(const char *s, size_t len);

/* ---- Line breaking (text-width.c) ---- */

/* One display line: bytes [start, end) without the trailing spaces. */
struct text_line {
	size_t	start;
	size_t	end;
	int	width;
};

/*
 * Wrap s into lines of at most width columns with the UAX #14 line break
 * iterator of lang. French guillemets and high punctuation stay with their
 * word even around ordinary spaces; a word wider than the line breaks at a
 * grapheme boundary; newlines (in preformatted text) are hard breaks.
 * Stores the lines in *lines (grown with XGROW, *alloc its capacity) and
 * returns their number (at least 1, an empty line for empty text).
 */
size_t	 text_wrap(const char *s, size_t len, int width, const char *lang,
	     struct text_line **lines, size_t *alloc);

/* ---- Sentences and words (text-sentence.c) ---- */

/* A sentence of a document: bytes [start, end) of block. */
struct text_sentence {
	size_t	block;
	size_t	start;		/* leading whitespace excluded */
	size_t	end;		/* trailing whitespace excluded */
};

/*
 * Split s into sentences with ICU's sentence break iterator for lang, and
 * the exception lists for abbreviations and initials (Mr., M., Mme, т. е.,
 * V. Putin); a quotation that ends with ." or .» stays with its sentence.
 * The ranges exclude the whitespace around each sentence; blank text has
 * none. Returns the number of ranges stored in *out (you own it; NULL when
 * there are none). Linear in len.
 */
size_t	 text_sentences(const char *s, size_t len, const char *lang,
	     struct text_range **out);
/*
 * Weak sentence boundaries inside s, one of text_sentences()' sentences:
 * where a full stop may have been lost, a word of three letters or more,
 * a number, a closing bracket or a full stop (an abbreviation's, to ICU),
 * then spaces, then a capitalised word in lower case after its capital or
 * a word of one capital but "I" (after an opening quotation mark or
 * bracket, maybe), as in "speak their minds When activists...", "text A
 * New York nanny". Many are not boundaries (a name after a word); the aligner uses
 * one only where the other versions support it. Stores the byte offsets
 * where the second part would start (at most max) in out and returns
 * their number.
 */
size_t	 text_weak_breaks(const char *s, size_t len, size_t *out,
	     size_t max);
/*
 * Sentences of every block of a document, in order (you own *out, never
 * NULL). lang NULL means the document's. In a presegmented document each
 * block is one sentence.
 */
size_t	 text_doc_sentences(const struct doc *, const char *lang,
	     struct text_sentence **out);
/*
 * The words of s by ICU word boundaries (letters/numbers only; l'homme,
 * don't and aujourd'hui are one word). You own *out (NULL if none).
 */
size_t	 text_words(const char *s, size_t len, const char *lang,
	     struct text_range **out);

/* ---- Quotations (text-quote.c) ---- */

/*
 * A quoted passage. open is the opening mark, close the byte after the
 * closing mark; [start, end) is the text inside the marks, without the
 * spaces next to them (the no-break spaces of « ... »). A quotation may
 * span blocks. depth 0 is outermost; parent is the index of the enclosing
 * quotation, or DOC_NOPOS.
 */
struct text_quote {
	struct doc_pos	open;
	struct doc_pos	start;
	struct doc_pos	end;
	struct doc_pos	close;
	int		depth;
	size_t		parent;
};

/*
 * Find the quotations of a document with the locale's delimiters (lang, or
 * the document's when NULL) and all Unicode quotation-mark pairs, plus
 * straight quotes paired by position; apostrophes are not quotes. A
 * quotation left open at the end of a paragraph goes on when the next one
 * repeats its opening mark (or closes it). Unclosed quotations are not
 * reported. Returns the number stored in *out (you own it, never NULL),
 * ordered by opening position. Linear in the size of the document.
 */
size_t	 text_quotes(const struct doc *, const char *lang,
	     struct text_quote **out);

/* ---- Search (text-search.c) ---- */

struct text_search;
/*
 * Compile a case- and accent-insensitive search for pattern in lang
 * ("etats" finds "États", "елка" finds "ёлка"). NULL if the pattern is
 * empty or ICU refuses it.
 */
struct text_search *text_search_create(const char *pattern, const char *lang);
void	 text_search_free(struct text_search *);
/*
 * Find the first match in s at or after byte from. Returns 1 and the match
 * in *m, or 0. The search keeps s converted while the same s and len come
 * back (finding all the matches of a block converts it once), so do not
 * change s in place between calls.
 */
int	 text_search_next(struct text_search *, const char *s, size_t len,
	     size_t from, struct text_range *m);

/* What text_search_open() looks for. */
#define TEXT_SEARCH_REGEX	0x1	/* an ICU regular expression */
#define TEXT_SEARCH_WORD_START	0x2	/* matches start a word */
#define TEXT_SEARCH_WORD_END	0x4	/* matches end a word */
/*
 * The same with flags: a regular expression (ICU syntax, case-insensitive,
 * text and pattern folded alike as the collator folds accents), whole
 * words (no letter, digit or mark just outside a match). NULL if the
 * pattern is empty or refused, with *cause (when cause is not NULL) saying
 * why a regular expression is bad ("bad regular expression: missing close
 * bracket (at character 4)"); you free it. A regular expression finds no
 * empty matches and gives up on a text it would take too long over:
 * text_search_timed_out() says so.
 */
struct text_search *text_search_open(const char *pattern, const char *lang,
	     int flags, char **cause);
int	 text_search_timed_out(const struct text_search *);

/* ---- Anchor keys for alignment (text-anchor.c) ---- */

/* Kinds of anchors found in a sentence. */
enum anchor_kind {
	ANCHOR_NUMBER,		/* key: normalised number ("1402", "12.5") */
	ANCHOR_NAME		/* key: a name, transliterated ASCII */
};

struct text_anchor {
	enum anchor_kind	 kind;
	size_t			 start;	/* bytes in the source string */
	size_t			 end;
	char			 key[48];
};

/*
 * Find the anchors of s, in order: numbers normalised across locales
 * (1,402 = 1 402 = 1402; 12,5 = 12.5; "155 mm" = "155"; digits inside
 * words such as A380 are none) and proper names made comparable across
 * scripts. A name is a capitalised word of two letters or more that does
 * not open a sentence, or a word in capitals anywhere (NATO, ООН), without
 * a French elision or an English possessive (d'Obama, Putin's); its key is
 * the word through "Russian-Latin/BGN; Any-Latin; Latin-ASCII; Lower",
 * letters and digits only ("Путин" = "putin"). Keys longer than the field
 * are cut. Returns their number (you own *out; NULL if none).
 */
size_t	 text_anchors(const char *s, size_t len, const char *lang,
	     struct text_anchor **out);
/*
 * Compare two name keys fuzzily: a similarity in [0, 1], 1 - normalised
 * edit distance, on the keys and on spelling skeletons that fold the
 * usual cross-script variants (Путин ~ Putin ~ Poutine, Халворсен ~
 * Halvorsen, Зиновьев ~ Zinoviev, Сеул ~ Seoul: all 1; Russian case
 * endings: Путина ~ Putin). Different names mostly score below 0.5.
 */
double	 text_name_similarity(const char *a, const char *b);

#endif
