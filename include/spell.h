/*
 * spell.h: spell-checking notes with hunspell (src/spell.c, the only
 * hunspell code).
 *
 * Where it sits: under the note editor and the spell command; above the
 * text engine.
 *
 * Text is cut into words by ICU word boundaries (text_words(): l'homme,
 * aujourd'hui and don't are one word); words joined by a hyphen are checked
 * as one compound first (c'est-à-dire, well-known), then part by part.
 * Words with digits, and words over SPELL_MAX_WORD bytes, are not checked.
 *
 * Each word goes to a dictionary by its script (ICU uscript): a word in
 * the script of the note's language is checked in that language; a word
 * in another script (a Russian name in an English note) is checked with
 * the dictionaries of the other languages written in that script, among
 * the spell object's languages (default "en,fr,ru"), and is correct if
 * one of them knows it. Suggestions come from each of those dictionaries,
 * labelled with their language.
 *
 * Dictionaries are NAME.aff and NAME.dic files looked up in $DICPATH
 * (colon-separated folders), else /usr/share/hunspell and
 * /usr/share/myspell/dicts: for a language xx, the first of xx_XX, the
 * usual regional one (en_US, fr_FR, ru_RU), xx, then any xx_*. They are
 * loaded on first use. A missing one is reported once (spell_warning())
 * and its words are taken as correct.
 *
 * The personal dictionary of language xx is DATADIR/dict/xx.txt (one word
 * per line, UTF-8), loaded with the dictionary; spell_add() appends to
 * it.
 */
#ifndef POLYREAD_SPELL_H
#define POLYREAD_SPELL_H

#include <stddef.h>

/* The longest word checked, in bytes. */
#define SPELL_MAX_WORD		100
/* Suggestions kept per dictionary. */
#define SPELL_MAX_SUGGEST	8

struct spell;

/*
 * Create a spell checker. langs: the languages words may be routed to
 * ("en,fr,ru" when NULL); datadir: the folder holding dict/ (NULL: no
 * personal dictionaries). Never fails: dictionaries load when needed.
 */
struct spell	*spell_create(const char *langs, const char *datadir);
void		 spell_free(struct spell *);

/* True if language lang has a dictionary (loading it). */
int		 spell_has(struct spell *, const char *lang);
/*
 * A message about dictionaries found missing since the last call, or
 * NULL; each language is reported once. You own it.
 */
char		*spell_warning(struct spell *);

/* Words the user chose to ignore (in one note). */
struct spell_ignore {
	char	**words;
	size_t	  n;
	size_t	  alloc;
};
void		 spell_ignore_add(struct spell_ignore *, const char *word,
		     size_t len);
void		 spell_ignore_clear(struct spell_ignore *);

/* A misspelled word: bytes [start, end) of the text checked. */
struct spell_error {
	size_t	start;
	size_t	end;
	char	lang[8];	/* the dictionary it was checked with */
};

/*
 * Check s (UTF-8) written in language lang (a BCP 47 tag; NULL or unknown:
 * the first of the spell object's languages). Fills *out (you own it,
 * NULL when none) with the misspelled words in order and returns their
 * number. ign may be NULL.
 */
size_t		 spell_check(struct spell *, const char *lang, const char *s,
		     size_t len, const struct spell_ignore *ign,
		     struct spell_error **out);
/* True if the single word is correct for a note in lang. */
int		 spell_word_ok(struct spell *, const char *lang,
		     const char *word, size_t len);

struct spell_suggestion {
	char	*word;
	char	 lang[8];	/* the dictionary that suggested it */
};

/*
 * Suggestions for a word of a note in lang, from each dictionary the word
 * is routed to, in order, without duplicates. Returns their number; free
 * *out with spell_suggestions_free().
 */
size_t		 spell_suggest(struct spell *, const char *lang,
		     const char *word, size_t len,
		     struct spell_suggestion **out);
void		 spell_suggestions_free(struct spell_suggestion *, size_t);

/*
 * Add a word to the personal dictionary of the language it is routed to
 * from a note in lang (saved in the data folder, effective at once).
 * Returns 0, or -1 with *cause.
 */
int		 spell_add(struct spell *, const char *lang, const char *word,
		     size_t len, char **cause);

#endif
