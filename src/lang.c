/*
 * Languages: guessing the language of a text and normalising the language
 * tags found in markup.
 *
 * The guess looks at the first LANG_SAMPLE bytes. ICU tells the script of
 * every letter (uscript_getScript): text that is mostly Cyrillic is
 * Russian (or Ukrainian or Belarusian when it has their own letters and
 * none of Russia's). Latin text is cut into words by ICU's word break
 * iterator, each word lowercased with ICU, and the words are looked up in
 * short lists of the most common English and French function words, chosen
 * so that no word is in both lists. French elisions (l', qu') count as
 * French and accented letters as a weak French hint; a few words and
 * shapes (as, or, th-, -ing) are weak English hints. A third list of
 * Spanish, German, Italian, Dutch and Portuguese words vetoes the guess: we
 * only tell English from French, and say nothing rather than guess wrong.
 *
 * Text mostly in another script is guessed from the script where one
 * language owns it (lang_by_script()): ICU's likely subtags name that
 * language (und-Arab is ar, und-Hebr he, und-Thai th, ...), and a text
 * with more than a few letters of the script that language does not use
 * (ICU's standard exemplar set: Persian and Urdu letters in Arabic script,
 * Yiddish in Hebrew) is another language, so nothing is said. Han with
 * kana is Japanese, Han alone Chinese. Scripts that several large
 * languages share (Devanagari, Bengali, Ethiopic...) are not guessed.
 *
 * A file name may name its language, NAME.TAG.EXT with any BCP 47 tag
 * (lang_from_filename()), checked with ICU's uloc_forLanguageTag().
 */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/uloc.h>
#include <unicode/ulocdata.h>
#include <unicode/uscript.h>
#include <unicode/uset.h>
#include <unicode/ustring.h>
#include <unicode/utf8.h>

#include "load.h"
#include "text-icu.h"

/* How much text the guess looks at. */
#define LANG_SAMPLE	(20 * 1024)

/* Fewer word hits than this (in half hits) and we do not guess. */
#define LANG_MIN_HITS2	2
/* Nor with fewer words than this. */
#define LANG_MIN_WORDS	2
/*
 * Scripts counted: more than ICU has (u_getIntPropertyMaxValue(UCHAR_SCRIPT)
 * is 199 in ICU 72); letters of scripts added later count as none.
 */
#define LANG_SCRIPTS	256
/* Fewer letters of a script than this and the script says nothing. */
#define LANG_MIN_SCRIPT	3
/*
 * Letters of the script outside the language's exemplars, in thousandths,
 * above which the text is another language written in the same script.
 * Arabic text has none, Persian 13%, Urdu 31%, Yiddish 5.5% (the UDHR).
 */
#define LANG_FOREIGN_MAX	20

/*
 * The scripts that one language owns: their likely language is the text's
 * (ICU's likely subtags say which). A choice, not data ICU has: a script
 * left out (Devanagari: Hindi, Marathi, Nepali; Ethiopic: Amharic,
 * Tigrinya) is shared by languages its letters do not tell apart. Kana and
 * Han are handled apart.
 */
static const UScriptCode lang_scripts[] = {
	USCRIPT_ARABIC, USCRIPT_ARMENIAN, USCRIPT_GEORGIAN, USCRIPT_GREEK,
	USCRIPT_HANGUL, USCRIPT_HEBREW, USCRIPT_KHMER, USCRIPT_LAO,
	USCRIPT_THAI
};

static const char *const lang_en_words[] = {
	"about", "after", "all", "also", "and", "are", "at", "be", "because",
	"been", "but", "by", "can", "could", "did", "do", "does", "for",
	"from", "had", "has", "have", "he", "her", "his", "how", "i", "if",
	"in", "into", "is", "it", "its", "more", "my", "no", "not", "of",
	"one", "only", "our", "out", "over", "said", "she", "should", "so",
	"than", "that", "the", "their", "them", "there", "these", "they",
	"this", "those", "to", "up", "was", "we", "were", "what", "when",
	"which", "while", "who", "will", "with", "would", "you"
};

static const char *const lang_fr_words[] = {
	"au", "aussi", "autre", "aux", "avait", "avec", "ce", "cela", "ces",
	"cette", "comme", "dans", "de", "des", "deux", "donc", "dont", "du",
	"elle", "elles", "en", "entre", "est", "et", "fait", "il", "ils",
	"je", "la", "le", "les", "leur", "leurs", "lorsque", "mais", "ne",
	"nous", "ou", "par", "pas", "peu", "plus", "pour", "quand", "que",
	"qui", "sa", "sans", "se", "selon", "ses", "sont", "sur",
	"tous", "tout", "un", "une", "vous", "y", "\xc3\xa0" /* à */,
	"apr\xc3\xa8s", "\xc3\xa9t\xc3\xa9", "\xc3\xa9tait",
	"\xc3\xaatre", "m\xc3\xaame", "o\xc3\xb9", "tr\xc3\xa8s",
	"\xc3\xa7" "a"
};

/* Words common in English, and found in French now and then: half hits. */
static const char *const lang_en_weak[] = {
	"an", "as", "or"
};

/* Very common words of other Latin-script languages (never EN or FR). */
static const char *const lang_other_words[] = {
	"al", "auf", "che", "con", "das", "del", "della", "dem", "der", "di",
	"die", "ein", "eine", "el", "em", "een", "es", "gli", "het", "ist",
	"las", "lo", "los", "mit", "nicht", "niet", "n\xc3\xa3o", "os",
	"sich", "sono", "und", "una", "van", "von", "zu"
};

/* Is the lowercased UTF-8 word w one of list? */
static int
lang_in_list(const char *w, const char *const *list, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		if (strcmp(w, list[i]) == 0)
			return (1);
	}
	return (0);
}

/* Is w a French elision: one of c d j l m n s t qu, then an apostrophe? */
static int
lang_fr_elision(const char *w)
{
	size_t	n = 1;

	if (strncmp(w, "qu", 2) == 0)
		n = 2;
	else if (strchr("cdjlmnst", w[0]) == NULL || w[0] == '\0')
		return (0);
	if (w[n] == '\'')
		return (w[n + 1] != '\0');
	if (strncmp(w + n, "\xe2\x80\x99", 3) == 0)	/* U+2019 */
		return (w[n + 3] != '\0');
	return (0);
}

/* Does w (wl bytes) end in an English contraction: n't 're 'll 've? */
static int
lang_en_contraction(const char *w, size_t wl)
{
	static const char *const	 ends[] = {
		"n't", "'re", "'ll", "'ve",
		"n\xe2\x80\x99t", "\xe2\x80\x99re", "\xe2\x80\x99ll",
		"\xe2\x80\x99ve"
	};
	size_t				 i, el;

	for (i = 0; i < nitems(ends); i++) {
		el = strlen(ends[i]);
		if (wl > el && strcmp(w + wl - el, ends[i]) == 0)
			return (1);
	}
	return (0);
}

/* Is c a letter with an accent French uses (and English does not)? */
static int
lang_fr_accent(UChar32 c)
{
	switch (c) {
	case 0xe0: case 0xe2: case 0xe7: case 0xe8: case 0xe9: case 0xea:
	case 0xeb: case 0xee: case 0xef: case 0xf4: case 0xf9: case 0xfb:
	case 0x153:
		return (1);
	}
	return (0);
}

/* Guess a Cyrillic text's language from the letters only some have. */
static const char *
lang_cyrillic(const char *s, size_t len)
{
	int32_t	i = 0, n = (int32_t)len;
	UChar32	c;
	size_t	ru = 0, uk = 0, be = 0;

	while (i < n) {
		U8_NEXT(s, i, n, c);
		switch (u_tolower(c)) {
		case 0x44b: case 0x44d: case 0x44a: case 0x451:	/* ы э ъ ё */
			ru++;
			break;
		case 0x456: case 0x457: case 0x454: case 0x491:	/* і ї є ґ */
			uk++;
			break;
		case 0x45e:					/* ў */
			be++;
			break;
		}
	}
	if (ru != 0)
		return ("ru");
	if (be != 0)
		return ("be");
	if (uk != 0)
		return ("uk");
	return ("ru");
}

/* ICU's own copy of the ISO 639 code lang (a static string), or NULL. */
static const char *
lang_static(const char *lang)
{
	const char *const	*l;

	for (l = uloc_getISOLanguages(); l != NULL && *l != NULL; l++) {
		if (strcmp(*l, lang) == 0)
			return (*l);
	}
	return (NULL);
}

/* The likely language of a script from ICU ("und-Arab" is "ar"). */
static int
lang_of_script(UScriptCode sc, char *lang, size_t size)
{
	char		 tag[16], full[ULOC_FULLNAME_CAPACITY];
	const char	*name = uscript_getShortName(sc);
	UErrorCode	 ec = U_ZERO_ERROR;
	int32_t		 n;

	if (name == NULL)
		return (-1);
	snprintf(tag, sizeof tag, "und_%s", name);
	uloc_addLikelySubtags(tag, full, (int32_t)sizeof full, &ec);
	if (U_FAILURE(ec) || ec == U_STRING_NOT_TERMINATED_WARNING)
		return (-1);
	n = uloc_getLanguage(full, lang, (int32_t)size, &ec);
	if (U_FAILURE(ec) || ec == U_STRING_NOT_TERMINATED_WARNING || n < 2 ||
	    strcmp(lang, "und") == 0)
		return (-1);
	return (0);
}

/*
 * Are more than LANG_FOREIGN_MAX thousandths of the letters of script sc
 * in s outside lang's standard exemplar set? Then it is another language.
 */
static int
lang_foreign_letters(const char *s, size_t len, UScriptCode sc,
    const char *lang)
{
	ULocaleData	*ld;
	USet		*set;
	UErrorCode	 ec = U_ZERO_ERROR;
	int32_t		 i = 0, n = (int32_t)len;
	UChar32		 c;
	size_t		 in = 0, out = 0;

	ld = ulocdata_open(lang, &ec);
	if (U_FAILURE(ec))
		return (1);
	set = ulocdata_getExemplarSet(ld, NULL, USET_CASE_INSENSITIVE,
	    ULOCDATA_ES_STANDARD, &ec);
	ulocdata_close(ld);
	if (U_FAILURE(ec) || set == NULL)
		return (1);
	while (i < n) {
		U8_NEXT(s, i, n, c);
		if (c < 0 || !u_isalpha(c))
			continue;
		ec = U_ZERO_ERROR;
		if (uscript_getScript(c, &ec) != sc || U_FAILURE(ec))
			continue;
		if (uset_contains(set, c))
			in++;
		else
			out++;
	}
	uset_close(set);
	return (out * 1000 > (in + out) * LANG_FOREIGN_MAX);
}

/*
 * The language of a text mostly in script sc (n[] counts the letters of
 * each script): a script one language owns, or Han and kana. NULL when the
 * script does not tell.
 */
static const char *
lang_by_script(const char *s, size_t len, UScriptCode sc, const size_t *n)
{
	static const char *const	 zh = "zh", *const ja = "ja";
	char				 lang[ULOC_LANG_CAPACITY];
	size_t				 i, kana;

	kana = n[USCRIPT_HIRAGANA] + n[USCRIPT_KATAKANA];
	if (sc == USCRIPT_HAN || sc == USCRIPT_HIRAGANA ||
	    sc == USCRIPT_KATAKANA) {
		/* Japanese writes kana between its kanji, Chinese none. */
		if (kana * 20 > kana + n[USCRIPT_HAN])
			return (ja);
		return (zh);
	}
	for (i = 0; i < nitems(lang_scripts); i++) {
		if (lang_scripts[i] == sc)
			break;
	}
	if (i == nitems(lang_scripts) ||
	    lang_of_script(sc, lang, sizeof lang) != 0 ||
	    lang_foreign_letters(s, len, sc, lang))
		return (NULL);
	/* A static string: the codes ICU knows are kept by lang_known(). */
	return (lang_static(lang));
}

/* Score the Latin words of s: English, French and other, in half hits. */
static size_t
lang_score_words(const char *s, size_t len, size_t *en2, size_t *fr2,
    size_t *other2)
{
	UBreakIterator	*bi;
	int32_t		 start, end, i;
	UChar32		 c;
	char		 w[64];
	size_t		 wl, words = 0;
	int		 accent, ok;

	*en2 = *fr2 = *other2 = 0;
	bi = text_icu_break(UBRK_WORD, NULL, s, len);
	if (bi == NULL)
		return (0);
	start = ubrk_first(bi);
	while ((end = ubrk_next(bi)) != UBRK_DONE) {
		if (ubrk_getRuleStatus(bi) < UBRK_WORD_LETTER ||
		    ubrk_getRuleStatus(bi) >= UBRK_WORD_LETTER_LIMIT) {
			start = end;
			continue;
		}
		/* Lowercase the word with ICU into w. */
		wl = 0;
		accent = 0;
		ok = 1;
		i = start;
		while (i < end) {
			U8_NEXT(s, i, end, c);
			if (c < 0) {
				ok = 0;
				break;
			}
			c = u_tolower(c);
			if (lang_fr_accent(c))
				accent = 1;
			if (wl + U8_MAX_LENGTH + 1 > sizeof w) {
				ok = 0;
				break;
			}
			U8_APPEND_UNSAFE(w, wl, c);
		}
		start = end;
		words++;
		if (!ok)
			continue;
		w[wl] = '\0';
		if (lang_in_list(w, lang_en_words, nitems(lang_en_words)))
			*en2 += 2;
		else if (lang_in_list(w, lang_fr_words,
		    nitems(lang_fr_words)) || lang_fr_elision(w))
			*fr2 += 2;
		else if (lang_in_list(w, lang_other_words,
		    nitems(lang_other_words)))
			*other2 += 2;
		else if (accent)
			*fr2 += 1;
		else if (lang_en_contraction(w, wl))
			*en2 += 2;	/* "don't", "you're" */
		else if (lang_in_list(w, lang_en_weak, nitems(lang_en_weak)) ||
		    strncmp(w, "th", 2) == 0 ||
		    (wl >= 5 && strcmp(w + wl - 3, "ing") == 0) ||
		    (wl >= 3 && strcmp(w + wl - 2, "'s") == 0) ||
		    (wl >= 5 && strcmp(w + wl - 4, "\xe2\x80\x99s") == 0))
			*en2 += 1;	/* as, three, limiting, Putin's */
	}
	return (words);
}

/* Count the letters of s by script (ICU's script codes). */
static void
lang_count_scripts(const char *s, size_t len, size_t *count)
{
	int32_t		 i = 0, n = (int32_t)len;
	UChar32		 c;
	UErrorCode	 ec;
	UScriptCode	 sc;

	memset(count, 0, LANG_SCRIPTS * sizeof *count);
	while (i < n) {
		U8_NEXT(s, i, n, c);
		if (c < 0 || !u_isalpha(c))
			continue;
		ec = U_ZERO_ERROR;
		sc = uscript_getScript(c, &ec);
		if (U_FAILURE(ec) || sc < 0 || sc >= LANG_SCRIPTS)
			continue;
		count[sc]++;
	}
}

/* English or French by their function words, or NULL. */
static const char *
lang_latin(const char *s, size_t len)
{
	size_t	en2, fr2, other2, best, worst;

	if (lang_score_words(s, len, &en2, &fr2, &other2) < LANG_MIN_WORDS)
		return (NULL);
	best = PR_MAX(en2, fr2);
	worst = PR_MIN(en2, fr2);
	if (best < LANG_MIN_HITS2 || other2 >= best)
		return (NULL);
	/* The winner must lead clearly: by half again as many hits. */
	if (best * 2 < worst * 3)
		return (NULL);
	return (en2 > fr2 ? "en" : "fr");
}

const char *
lang_guess_text(const char *s, size_t len)
{
	UScriptCode	 top = USCRIPT_LATIN;
	size_t		 count[LANG_SCRIPTS];
	size_t		 latin, cyrillic, other = 0, k;

	if (s == NULL)
		return (NULL);
	if (len > LANG_SAMPLE) {
		/* Cut at a character boundary. */
		len = LANG_SAMPLE;
		while (len > 0 && ((unsigned char)s[len] & 0xc0) == 0x80)
			len--;
	}
	lang_count_scripts(s, len, count);
	latin = count[USCRIPT_LATIN];
	cyrillic = count[USCRIPT_CYRILLIC];
	for (k = 0; k < nitems(count); k++) {
		if (k == USCRIPT_LATIN || k == USCRIPT_CYRILLIC)
			continue;
		other += count[k];
		if (count[k] > count[top] || top == USCRIPT_LATIN)
			top = (UScriptCode)k;
	}
	/*
	 * English and French texts hardly ever hold Cyrillic, while Russian
	 * ones quote Latin names and titles: a third is enough.
	 */
	if (cyrillic >= 3 && cyrillic * 2 >= latin && cyrillic >= other)
		return (lang_cyrillic(s, len));
	/* The same for other scripts, Japanese's three counted as one. */
	if (top == USCRIPT_HAN || top == USCRIPT_HIRAGANA ||
	    top == USCRIPT_KATAKANA)
		k = count[USCRIPT_HAN] + count[USCRIPT_HIRAGANA] +
		    count[USCRIPT_KATAKANA];
	else
		k = count[top];
	if (k >= LANG_MIN_SCRIPT && k * 2 >= latin && k >= cyrillic &&
	    k * 2 >= other)
		return (lang_by_script(s, len, top, count));
	if (latin <= cyrillic + other)
		return (NULL);
	return (lang_latin(s, len));
}

const char *
lang_guess(const struct doc *d)
{
	struct strbuf	 sb = STRBUF_INIT;
	const char	*r;
	size_t		 i;

	for (i = 0; i < d->nblocks && sb.len < LANG_SAMPLE; i++) {
		if (d->blocks[i].kind == BLOCK_PRE)
			continue;
		strbuf_add(&sb, d->blocks[i].text, d->blocks[i].len);
		strbuf_addch(&sb, '\n');
	}
	if (sb.len == 0 && d->title != NULL)
		strbuf_addstr(&sb, d->title);
	r = lang_guess_text(sb.buf, sb.len);
	strbuf_release(&sb);
	return (r);
}

/* ISO 639-2/B (bibliographic) codes ICU does not map, with theirs. */
static const char *const lang_biblio[][2] = {
	{ "alb", "sq" }, { "arm", "hy" }, { "baq", "eu" }, { "bur", "my" },
	{ "chi", "zh" }, { "cze", "cs" }, { "dut", "nl" }, { "fre", "fr" },
	{ "geo", "ka" }, { "ger", "de" }, { "gre", "el" }, { "ice", "is" },
	{ "mac", "mk" }, { "mao", "mi" }, { "may", "ms" }, { "per", "fa" },
	{ "rum", "ro" }, { "slo", "sk" }, { "tib", "bo" }, { "wel", "cy" }
};

/* Is code one of ICU's ISO 639 languages (und, mul, ... are not)? */
static int
lang_known(const char *code)
{
	static const char *const	 special[] = {
		"und", "mul", "mis", "zxx"
	};
	const char *const		*l;
	size_t				 i;

	for (i = 0; i < nitems(special); i++) {
		if (strcmp(code, special[i]) == 0)
			return (0);
	}
	/* qaa-qtz: reserved for private use. */
	if (strlen(code) == 3 && code[0] == 'q' && code[1] >= 'a' &&
	    code[1] <= 't')
		return (0);
	for (l = uloc_getISOLanguages(); l != NULL && *l != NULL; l++) {
		if (strcmp(*l, code) == 0)
			return (1);
	}
	return (0);
}

/* A 2- or 3-letter lowercase code to its primary subtag, or NULL. */
static char *
lang_from_code(const char *code)
{
	char		 can[ULOC_FULLNAME_CAPACITY], lang[ULOC_LANG_CAPACITY];
	UErrorCode	 ec = U_ZERO_ERROR;
	size_t		 i;

	for (i = 0; i < nitems(lang_biblio); i++) {
		if (strcmp(code, lang_biblio[i][0]) == 0)
			return (xstrdup(lang_biblio[i][1]));
	}
	if (strlen(code) == 3) {
		/* ICU maps the terminology codes: eng, fra, rus, deu. */
		uloc_canonicalize(code, can, sizeof can, &ec);
		if (U_SUCCESS(ec))
			uloc_getLanguage(can, lang, sizeof lang, &ec);
		if (U_SUCCESS(ec) && ec != U_STRING_NOT_TERMINATED_WARNING &&
		    strlen(lang) == 2 && lang_known(lang))
			return (xstrdup(lang));
	}
	if (!lang_known(code))
		return (NULL);
	return (xstrdup(code));
}

/* A language name ("English", "français", "Русский") to its code. */
static char *
lang_from_name(const char *name, size_t len)
{
	static const char *const	 in[] = { "en", "fr", "ru" };
	const char *const		*l;
	UChar				 u[64], disp[64];
	int32_t				 ulen, dlen;
	UErrorCode			 ec = U_ZERO_ERROR;
	size_t				 k;

	if (len == 0 || len > 40)
		return (NULL);
	u_strFromUTF8(u, (int32_t)nitems(u), &ulen, name, (int32_t)len, &ec);
	if (U_FAILURE(ec) || ulen < 3)
		return (NULL);
	/* A language's name is letters only ("x-default" is not one). */
	for (k = 0; k < (size_t)ulen; k++) {
		if (!u_isalpha(u[k]))
			return (NULL);
	}
	for (l = uloc_getISOLanguages(); l != NULL && *l != NULL; l++) {
		if (strlen(*l) != 2)
			continue;
		/* Its name in itself, then in English, French, Russian. */
		for (k = 0; k <= nitems(in); k++) {
			ec = U_ZERO_ERROR;
			dlen = uloc_getDisplayLanguage(*l, k == 0 ? *l :
			    in[k - 1], disp, (int32_t)nitems(disp), &ec);
			if (U_FAILURE(ec) || dlen != ulen)
				continue;
			if (u_strCaseCompare(u, ulen, disp, dlen,
			    U_FOLD_CASE_DEFAULT, &ec) == 0 && U_SUCCESS(ec))
				return (xstrdup(*l));
		}
	}
	return (NULL);
}

char *
lang_normalize(const char *tag)
{
	char		 code[4];
	const char	*p, *end;
	size_t		 n, i;

	if (tag == NULL)
		return (NULL);
	p = tag;
	while (isspace((unsigned char)*p))
		p++;
	end = p + strlen(p);
	while (end > p && isspace((unsigned char)end[-1]))
		end--;
	if (end == p)
		return (NULL);
	for (n = 0; p + n < end && isalpha((unsigned char)p[n]); n++)
		;
	if (n >= 2 && n <= 3 && (p + n == end ||
	    strchr("-_.@", p[n]) != NULL)) {
		for (i = 0; i < n; i++)
			code[i] = (char)tolower((unsigned char)p[i]);
		code[n] = '\0';
		return (lang_from_code(code));
	}
	/* A name: its first word ("English (US)" is English). */
	for (n = 0; p + n < end && strchr(" (,;/", p[n]) == NULL; n++)
		;
	return (lang_from_name(p, n));
}

char *
lang_from_filename(const char *name)
{
	char		 tag[ULOC_FULLNAME_CAPACITY], loc[ULOC_FULLNAME_CAPACITY];
	const char	*base, *end, *ext, *dot;
	size_t		 n, i;
	int32_t		 parsed;
	UErrorCode	 ec = U_ZERO_ERROR;

	if (name == NULL)
		return (NULL);
	/* A URL's query and fragment are no part of its name. */
	end = name + strcspn(name, "?#");
	for (base = end; base > name && base[-1] != '/'; base--)
		;
	/* The part before the last dot. */
	for (ext = end; ext > base && *ext != '.'; ext--)
		;
	if (ext <= base)
		return (NULL);
	/*
	 * NAME.TAG.EXT only: a file called "it.txt", "my.txt" or "cr.txt"
	 * is no more Italian, Burmese or Cree than "notes.txt" is.
	 */
	for (dot = ext - 1; dot > base && *dot != '.'; dot--)
		;
	if (dot == base)
		return (NULL);
	dot++;
	n = (size_t)(ext - dot);
	if (n < 2 || n >= sizeof tag)
		return (NULL);
	/* Letters, digits and hyphens only, and a letter first. */
	for (i = 0; i < n; i++) {
		if (!isalnum((unsigned char)dot[i]) && dot[i] != '-' &&
		    dot[i] != '_')
			return (NULL);
		tag[i] = dot[i] == '_' ? '-' : dot[i];
	}
	tag[n] = '\0';
	/* A language subtag of 2 or 3 letters first, not a name. */
	for (i = 0; isalpha((unsigned char)tag[i]); i++)
		;
	if (i < 2 || i > 3 || (tag[i] != '\0' && tag[i] != '-'))
		return (NULL);
	/* The whole of it must be a well-formed tag ("v2", "notes" are not). */
	uloc_forLanguageTag(tag, loc, (int32_t)sizeof loc, &parsed, &ec);
	if (U_FAILURE(ec) || ec == U_STRING_NOT_TERMINATED_WARNING ||
	    (size_t)parsed != n)
		return (NULL);
	return (lang_normalize(tag));
}
