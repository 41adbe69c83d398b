/*
 * Sentences and words.
 *
 * Sentences come from ICU's sentence break iterator for the language, plus
 * a few candidate boundaries ICU does not make (UAX #29 never breaks after
 * an ellipsis, nor before a number or a dash that follows a full stop:
 * "...Esitjeni. 70 of these", "...в четверг. - Я думал"). Each candidate is
 * then judged by the text on both sides of it:
 *
 * - a boundary before a lower-case word is no boundary ("« Pourquoi ? »
 *   demande-t-il", "\"Why?\" he asked", "- сказал он");
 * - closing quotation marks and brackets that ICU left at the start of the
 *   next sentence (after a no-break space: "« Non. » Alors") move back to
 *   the sentence they close; so does a straight quotation mark that closes
 *   one by position (the block's count of them so far is odd);
 * - a sentence that ends with a quotation ('."', '.»', '?»') ends there;
 * - a full stop after an abbreviation of the language's list (Mr., M., Mme,
 *   p. ex., т. е., им., ул.) ends nothing; some abbreviations hold only
 *   before a number ("p. 5", "No. 1", "ст. 5"), others only before a
 *   number or a capitalised word that is not a common sentence opener
 *   ("U.S. Army" but "in the U.S. The", "в 2012 г. Путин" but
 *   "в 2001 г. Они");
 * - an initial (one capital letter and a full stop, after a space) before
 *   such a capitalised word ends nothing either ("V. Putin", "В. Путин",
 *   "J.-P. Sartre"; but "axes X et Y, mais également Z. La vitesse").
 *
 * ICU's own suppression lists ("en@ss=standard") are not used: ICU 72 has
 * none for Russian, and its filter matches the end of any word, so it
 * keeps "by NATO. Does" or "le jeu. Et" together (its lists hold single
 * letters such as "O." and endings such as "u.").
 *
 * Words come from ICU's word break iterator: the segments whose rule status
 * says they hold letters, numbers or ideographs.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "text.h"
#include "text-icu.h"

/* Flags of an abbreviation. */
#define ABBR_NUM	0x1	/* only before a number */
#define ABBR_NAME	0x2	/* only before a number or a capitalised word
				   that is not a sentence opener */

struct abbr {
	const char	*text;	/* without its final full stop; ' ' matches any
				   run of spaces, or none */
	int		 flags;
};

/*
 * Abbreviations that do not end a sentence. Those that often end one
 * ("etc.", "Inc.", "и т. д.", "и др.", "гг.") are left out. The common list
 * holds English titles met in every language's news ("Ft. Meade").
 */
static const struct abbr abbr_common[] = {
	{ "Mr", 0 }, { "Mrs", 0 }, { "Messrs", 0 }, { "Dr", 0 },
	{ "Prof", 0 }, { "Ms", ABBR_NAME }, { "St", ABBR_NAME },
	{ "Ft", ABBR_NAME }, { "Mt", ABBR_NAME }, { "Gen", ABBR_NAME },
	{ "Maj", ABBR_NAME }, { "Col", ABBR_NAME }, { "Lt", ABBR_NAME },
	{ "Sgt", ABBR_NAME }, { "Capt", ABBR_NAME }, { "Cpl", ABBR_NAME },
	{ "Pvt", ABBR_NAME }, { "Brig", ABBR_NAME }, { "Adm", ABBR_NAME },
	{ "Cmdr", ABBR_NAME }, { "Gov", ABBR_NAME }, { "Sen", ABBR_NAME },
	{ "Rep", ABBR_NAME }, { "Rev", ABBR_NAME }, { "Hon", ABBR_NAME },
	{ "Supt", ABBR_NAME }, { "U.S", ABBR_NAME }, { "U.K", ABBR_NAME },
	{ "U.N", ABBR_NAME }, { "E.U", ABBR_NAME },
	{ NULL, 0 }
};
static const struct abbr abbr_en[] = {
	{ "vs", 0 }, { "v", 0 }, { "e.g", 0 }, { "i.e", 0 }, { "cf", 0 },
	{ "approx", 0 }, { "Pres", ABBR_NAME }, { "est", ABBR_NUM },
	{ "No", ABBR_NUM }, { "Nos", ABBR_NUM }, { "no", ABBR_NUM },
	{ "p", ABBR_NUM }, { "pp", ABBR_NUM }, { "vol", ABBR_NUM },
	{ "Vol", ABBR_NUM }, { "ch", ABBR_NUM }, { "art", ABBR_NUM },
	{ "Art", ABBR_NUM }, { "fig", ABBR_NUM }, { "Fig", ABBR_NUM },
	{ "Jan", ABBR_NUM }, { "Feb", ABBR_NUM }, { "Mar", ABBR_NUM },
	{ "Apr", ABBR_NUM }, { "Jun", ABBR_NUM }, { "Jul", ABBR_NUM },
	{ "Aug", ABBR_NUM }, { "Sep", ABBR_NUM }, { "Sept", ABBR_NUM },
	{ "Oct", ABBR_NUM }, { "Nov", ABBR_NUM }, { "Dec", ABBR_NUM },
	{ NULL, 0 }
};
static const struct abbr abbr_fr[] = {
	{ "M", 0 }, { "MM", 0 }, { "Mme", 0 }, { "Mmes", 0 }, { "Mlle", 0 },
	{ "Mlles", 0 }, { "Mgr", 0 }, { "Pr", 0 }, { "Me", ABBR_NAME },
	{ "Ste", ABBR_NAME }, { "Gén", ABBR_NAME }, { "Cdt", ABBR_NAME },
	{ "v", ABBR_NAME }, { "c", ABBR_NAME },
	{ "p. ex", 0 }, { "ex", 0 }, { "cf", 0 }, { "env", 0 }, { "av", 0 },
	{ "apr", 0 }, { "c.-à-d", 0 }, { "coll", 0 }, { "éd", 0 },
	{ "p", ABBR_NUM }, { "pp", ABBR_NUM }, { "n", ABBR_NUM },
	{ "no", ABBR_NUM }, { "No", ABBR_NUM }, { "art", ABBR_NUM },
	{ "Art", ABBR_NUM }, { "chap", ABBR_NUM }, { "vol", ABBR_NUM },
	{ "t", ABBR_NUM }, { "fig", ABBR_NUM }, { "janv", ABBR_NUM },
	{ "févr", ABBR_NUM }, { "avr", ABBR_NUM }, { "juil", ABBR_NUM },
	{ "sept", ABBR_NUM }, { "oct", ABBR_NUM }, { "nov", ABBR_NUM },
	{ "déc", ABBR_NUM },
	{ NULL, 0 }
};
static const struct abbr abbr_ru[] = {
	{ "т. е", 0 }, { "т. к", 0 }, { "т. н", 0 }, { "т. ч", 0 },
	{ "т. о", 0 }, { "им", ABBR_NAME }, { "ул", ABBR_NAME },
	{ "пр", ABBR_NAME }, { "просп", ABBR_NAME }, { "пл", ABBR_NAME },
	{ "пер", ABBR_NAME }, { "наб", ABBR_NAME }, { "обл", ABBR_NAME },
	{ "пос", ABBR_NAME }, { "дер", ABBR_NAME }, { "проф", ABBR_NAME },
	{ "акад", ABBR_NAME }, { "доц", ABBR_NAME }, { "ген", ABBR_NAME },
	{ "св", ABBR_NAME }, { "Св", ABBR_NAME }, { "гр", ABBR_NAME },
	{ "см", ABBR_NAME }, { "ср", ABBR_NAME }, { "напр", ABBR_NAME },
	{ "букв", ABBR_NAME }, { "англ", ABBR_NAME }, { "франц", ABBR_NAME },
	{ "нем", ABBR_NAME }, { "лат", ABBR_NAME }, { "г", ABBR_NAME },
	{ "с", ABBR_NAME }, { "о", ABBR_NAME }, { "оз", ABBR_NAME },
	{ "Дж", ABBR_NAME }, { "долл", ABBR_NAME }, { "д", ABBR_NUM },
	{ "кв", ABBR_NUM }, { "корп", ABBR_NUM }, { "стр", ABBR_NUM },
	{ "ст", ABBR_NUM }, { "гл", ABBR_NUM }, { "п", ABBR_NUM },
	{ "рис", ABBR_NUM }, { "табл", ABBR_NUM }, { "No", ABBR_NUM },
	{ "№", ABBR_NUM }, { "руб", ABBR_NUM }, { "коп", ABBR_NUM },
	{ "тыс", ABBR_NUM }, { "млн", ABBR_NUM }, { "млрд", ABBR_NUM },
	{ NULL, 0 }
};

/*
 * Common sentence openers: a capitalised word that is one of them starts a
 * sentence even after an initial or a title-like abbreviation.
 */
static const char *const open_en[] = {
	"The", "A", "An", "In", "It", "Its", "He", "She", "They", "We", "I",
	"You", "This", "That", "These", "Those", "There", "But", "And", "Or",
	"So", "Yet", "If", "When", "While", "As", "At", "On", "For", "From",
	"With", "By", "To", "Of", "After", "Before", "Since", "However",
	"Meanwhile", "Then", "Now", "His", "Her", "Their", "Our", "My", "What",
	"Who", "Why", "How", "Where", "Some", "Many", "Most", "All", "One",
	"No", "Not", "Also", "According", "Despite", "Although", "Last",
	"Next", "Such", "Other", "Both", "Each", "Every", "Here", "Still",
	"Instead", "Indeed", "Even", "Only", NULL
};
static const char *const open_fr[] = {
	"Le", "La", "Les", "L", "Un", "Une", "Des", "Du", "De", "Il", "Elle",
	"Ils", "Elles", "On", "Nous", "Vous", "Je", "J", "Ce", "Cet", "Cette",
	"Ces", "C", "Ceci", "Cela", "Mais", "Et", "Ou", "Donc", "Or", "En",
	"Dans", "Sur", "Pour", "Par", "Avec", "Selon", "Depuis", "Après",
	"Avant", "Pendant", "Lorsque", "Quand", "Si", "Comme", "Cependant",
	"Pourtant", "Ainsi", "Alors", "Puis", "Aujourd", "Au", "Aux", "Son",
	"Sa", "Ses", "Leur", "Leurs", "Notre", "Nos", "Tout", "Tous",
	"Toutes", "Plusieurs", "Certains", "Qui", "Que", "Qu", "Pourquoi",
	"Comment", "Où", "Ne", "Y", "À", "Enfin", "Toutefois", "Même",
	"Encore", "Désormais", "Entre", "Parmi", "Contrairement", NULL
};
static const char *const open_ru[] = {
	"В", "Во", "На", "По", "С", "Со", "К", "Ко", "О", "Об", "Из", "За",
	"Для", "От", "До", "При", "Через", "После", "Но", "И", "А", "Или",
	"Однако", "Также", "Он", "Она", "Оно", "Они", "Мы", "Я", "Вы", "Ты",
	"Это", "Этот", "Эта", "Эти", "Тот", "Та", "Те", "Так", "Там",
	"Тогда", "Теперь", "Сейчас", "Как", "Когда", "Если", "Что", "Кто",
	"Почему", "Где", "Его", "Ее", "Её", "Их", "Все", "Всё", "Уже", "Еще",
	"Ещё", "Не", "Ни", "Да", "Нет", "Затем", "Потом", "Кроме", "Между",
	"Хотя", "Поэтому", "Впрочем", "Среди", "Около", "Тем",
	"Например", "Сегодня", "Вместе", NULL
};

/* The rules of a language. */
struct sentence_rules {
	const struct abbr	*abbr;
	const char *const	*openers;
};

/* The rules for lang (its primary subtag). */
static struct sentence_rules
sentence_rules(const char *lang)
{
	struct sentence_rules	 r = { NULL, NULL };
	size_t			 n;

	if (lang == NULL)
		return (r);
	n = strcspn(lang, "-_@");
	if (n == 2 && strncmp(lang, "en", 2) == 0) {
		r.abbr = abbr_en;
		r.openers = open_en;
	} else if (n == 2 && strncmp(lang, "fr", 2) == 0) {
		r.abbr = abbr_fr;
		r.openers = open_fr;
	} else if (n == 2 && strncmp(lang, "ru", 2) == 0) {
		r.abbr = abbr_ru;
		r.openers = open_ru;
	}
	return (r);
}

/* Is c a space, no-break ones included? */
static int
is_space(UChar32 c)
{
	return (c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
	    c == 0xa0 || c == 0x202f || (c >= 0x2000 && c <= 0x200a) ||
	    c == 0x3000);
}

/* Does c close a quotation or a bracket (or may it)? */
static int
is_closer(UChar32 c)
{
	return (c == 0xbb || c == 0x203a || c == 0x201d || c == 0x2019 ||
	    c == 0x201c || c == ')' || c == ']' || c == '"' || c == '\'');
}

/* Closers that can never open: a sentence never starts with them. */
static int
is_sure_closer(UChar32 c)
{
	return (c == 0xbb || c == 0x203a || c == 0x201d || c == ')' ||
	    c == ']');
}

/* A dash that may open a line of dialogue. */
static int
is_dash(UChar32 c)
{
	return (c == '-' || (c >= 0x2012 && c <= 0x2015));
}

/* The code point at s[*i], advancing *i (U+FFFD for bad bytes). */
static UChar32
next_cp(const char *s, size_t len, size_t *i)
{
	int32_t	j = (int32_t)*i;
	UChar32	c;

	U8_NEXT(s, j, (int32_t)len, c);
	*i = (size_t)j;
	return (c < 0 ? 0xfffd : c);
}

/* The code point at s[i]. */
static UChar32
cp_at(const char *s, size_t len, size_t i)
{
	return (next_cp(s, len, &i));
}

/* The code point before s[*i], moving *i back. */
static UChar32
prev_cp(const char *s, size_t *i)
{
	int32_t	j = (int32_t)*i;
	UChar32	c;

	U8_PREV(s, 0, j, c);
	*i = (size_t)j;
	return (c < 0 ? 0xfffd : c);
}

/* Kinds of text after a boundary. */
enum next_kind {
	NEXT_END,
	NEXT_LOWER,		/* or punctuation that goes on: , ; : */
	NEXT_UPPER,
	NEXT_DIGIT,
	NEXT_OTHER
};

/*
 * What follows b: the first letter or digit after spaces, opening
 * punctuation and dashes (within a few characters). *word is set to where
 * it starts.
 */
static enum next_kind
next_kind(const char *s, size_t len, size_t b, size_t *word)
{
	size_t	i = b, at;
	UChar32	c;
	int	n;

	*word = len;
	for (n = 0; i < len && n < 8; n++) {
		at = i;
		c = next_cp(s, len, &i);
		*word = at;
		if (u_isdigit(c))
			return (NEXT_DIGIT);
		if (u_isUAlphabetic(c)) {
			if (u_isUUppercase(c) || u_istitle(c))
				return (NEXT_UPPER);
			if (u_isULowercase(c))
				return (NEXT_LOWER);
			return (NEXT_OTHER);
		}
		if (n == 0 && (c == ',' || c == ';' || c == ':'))
			return (NEXT_LOWER);
		if (is_space(c) || is_dash(c) ||
		    u_charType(c) == U_START_PUNCTUATION ||
		    u_charType(c) == U_INITIAL_PUNCTUATION || c == '"' ||
		    c == '\'')
			continue;
		return (NEXT_OTHER);
	}
	return (i >= len ? NEXT_END : NEXT_OTHER);
}

/* Is the word at s[w] (up to its first non-letter) one of list? */
static int
is_opener(const char *s, size_t len, size_t w, const char *const *list)
{
	size_t	i = w, e = w;
	UChar32	c;

	if (list == NULL)
		return (0);
	while (i < len) {
		c = next_cp(s, len, &i);
		if (!u_isUAlphabetic(c))
			break;
		e = i;
		if (e - w > 32)
			return (0);
	}
	for (; *list != NULL; list++) {
		if (strlen(*list) == e - w && memcmp(*list, s + w, e - w) == 0)
			return (1);
	}
	return (0);
}

/* Is the word at s[w] another initial ("А. В. Суворов")? */
static int
next_initial(const char *s, size_t len, size_t w)
{
	size_t	i = w;
	UChar32	c;

	c = next_cp(s, len, &i);
	return (u_isUUppercase(c) && i < len && s[i] == '.');
}

/*
 * Does the text ending at e (exclusive; s[e] is the full stop) end with the
 * abbreviation a, as a whole word?
 */
static int
abbr_match(const char *s, size_t e, const char *a)
{
	size_t	i = e, k = strlen(a), j;
	UChar32	c;

	while (k > 0) {
		if (a[k - 1] == ' ') {
			k--;
			while (i > 0) {
				j = i;
				c = prev_cp(s, &j);
				if (!is_space(c))
					break;
				i = j;
			}
			continue;
		}
		if (i == 0 || s[i - 1] != a[k - 1])
			return (0);
		i--;
		k--;
	}
	if (i == 0)
		return (1);
	c = prev_cp(s, &i);
	return (!u_isUAlphabetic(c) && !u_isdigit(c) && c != '.' &&
	    c != '-' && c != '\'' && c != 0x2019);
}

/*
 * Is the full stop at s[dot] an initial: one capital letter after a space,
 * an opening mark or the start ("V. Putin"), or after another initial
 * ("J.R. Ewing", "П.К. Штернберг", "J.-P. Sartre")?
 */
static int
is_initial(const char *s, size_t dot)
{
	size_t	i = dot;
	UChar32	c;
	int	n;

	for (n = 0; n < 4; n++) {
		if (i == 0)
			return (0);
		c = prev_cp(s, &i);
		if (!u_isUUppercase(c))
			return (0);
		if (i == 0)
			return (1);
		c = prev_cp(s, &i);
		if (c == '-' && i > 0)
			c = prev_cp(s, &i);
		if (c != '.')
			return (is_space(c) ||
			    u_charType(c) == U_START_PUNCTUATION ||
			    u_charType(c) == U_INITIAL_PUNCTUATION ||
			    c == '"');
	}
	return (0);
}

/* Does the abbreviation list match before the full stop at dot? */
static int
abbr_holds(const struct abbr *a, const char *s, size_t dot,
    enum next_kind nk, int opener)
{
	for (; a != NULL && a->text != NULL; a++) {
		if ((a->flags & ABBR_NUM) && nk != NEXT_DIGIT)
			continue;
		if ((a->flags & ABBR_NAME) && nk != NEXT_DIGIT &&
		    (nk != NEXT_UPPER || opener))
			continue;
		if (abbr_match(s, dot, a->text))
			return (1);
	}
	return (0);
}

/*
 * Should the candidate boundary b be dropped? b is where the next sentence
 * would start (after the spaces).
 */
static int
suppress(const char *s, size_t len, size_t b,
    const struct sentence_rules *r)
{
	enum next_kind	 nk;
	size_t		 e = b, i, w;
	UChar32		 c;
	int		 opener;

	nk = next_kind(s, len, b, &w);
	if (nk == NEXT_LOWER)
		return (1);
	/* The end of the previous sentence, before its spaces. */
	while (e > 0) {
		i = e;
		c = prev_cp(s, &i);
		if (!is_space(c))
			break;
		e = i;
	}
	if (e == 0)
		return (1);
	i = e;
	c = prev_cp(s, &i);
	if (c == 0x2026)
		return (nk == NEXT_DIGIT);
	if (c != '.')
		return (0);	/* ?, !, ." or .» end the sentence */
	if (i > 0 && s[i - 1] == '.')
		return (nk == NEXT_DIGIT);	/* "... 1.6 million" */
	opener = nk == NEXT_UPPER && !next_initial(s, len, w) &&
	    is_opener(s, len, w, r->openers);
	if (abbr_holds(abbr_common, s, i, nk, opener) ||
	    abbr_holds(r->abbr, s, i, nk, opener))
		return (1);
	return (nk == NEXT_UPPER && !opener && is_initial(s, i));
}

/* A running count of straight quotation marks, from the start of s. */
struct quote_count {
	size_t	pos;
	size_t	n;
};

/* The number of '"' in s before at (at never goes back). */
static size_t
quotes_before(const char *s, struct quote_count *qc, size_t at)
{
	const char	*p;

	while (qc->pos < at) {
		p = memchr(s + qc->pos, '"', at - qc->pos);
		if (p == NULL) {
			qc->pos = at;
			break;
		}
		qc->n++;
		qc->pos = (size_t)(p - s) + 1;
	}
	return (qc->n);
}

/*
 * Move b past closing marks that ICU left at the start of the next
 * sentence ("« Non. » Alors": the space before » is a no-break one; or
 * a straight quotation mark that closes by position), and past the spaces
 * after them.
 */
static size_t
pull_closers(const char *s, size_t len, size_t b, struct quote_count *qc)
{
	size_t	i = b, j, last = b;
	UChar32	c;
	int	seen = 0;

	while (i < len) {
		j = i;
		c = next_cp(s, len, &j);
		if (is_space(c)) {
			i = j;
			if (seen)
				last = i;
			continue;
		}
		if (!is_sure_closer(c) && (c != '"' || (j < len &&
		    !is_space(cp_at(s, len, j))) ||
		    quotes_before(s, qc, i) % 2 == 0))
			break;
		seen = 1;
		i = last = j;
	}
	return (seen ? last : b);
}

/* Append b to the candidate boundaries. */
static void
add_candidate(size_t **c, size_t *n, size_t *alloc, size_t b)
{
	XGROW(*c, *alloc, *n + 1);
	(*c)[(*n)++] = b;
}

/*
 * Add the candidates ICU does not make: after a terminator, its closers
 * and at least one space, before a digit or a dash (SContinue in UAX #29);
 * and after an ellipsis.
 */
static void
scan_terminators(const char *s, size_t len, size_t **c, size_t *n,
    size_t *alloc)
{
	size_t		 i, j, k;
	UChar32		 cp;
	int		 ell, spaces;
	unsigned char	 ch;

	for (i = 0; i < len; i++) {
		ch = (unsigned char)s[i];
		if (ch == '.' || ch == '!' || ch == '?') {
			j = i + 1;
			ell = 0;
		} else if (ch == 0xe2 && i + 2 < len &&
		    (unsigned char)s[i + 1] == 0x80 &&
		    (unsigned char)s[i + 2] == 0xa6) {
			j = i + 3;
			ell = 1;
		} else
			continue;
		spaces = 0;
		while (j < len) {
			k = j;
			cp = next_cp(s, len, &k);
			if (is_space(cp))
				spaces = 1;
			else if (spaces || !is_closer(cp))
				break;
			j = k;
		}
		if (!spaces || j >= len)
			continue;
		k = j;
		cp = next_cp(s, len, &k);
		if (ell || u_isdigit(cp) || (is_dash(cp) && k < len &&
		    is_space(next_cp(s, len, &k))))
			add_candidate(c, n, alloc, j);
	}
}

/* Append the sentence [a, z) to *out, trimmed; nothing if it is blank. */
static void
add_range(const char *s, size_t len, size_t a, size_t z,
    struct text_range **out, size_t *n, size_t *alloc)
{
	size_t	i;
	UChar32	c;

	while (a < z) {
		i = a;
		c = next_cp(s, len, &i);
		if (!is_space(c))
			break;
		a = i;
	}
	while (z > a) {
		i = z;
		c = prev_cp(s, &i);
		if (!is_space(c))
			break;
		z = i;
	}
	if (z == a)
		return;
	XGROW(*out, *alloc, *n + 1);
	(*out)[*n].start = a;
	(*out)[*n].end = z;
	(*n)++;
}

/* Order offsets. */
static int
cmp_size(const void *a, const void *b)
{
	size_t	x = *(const size_t *)a, y = *(const size_t *)b;

	return (x < y ? -1 : x > y);
}

size_t
text_sentences(const char *s, size_t len, const char *lang,
    struct text_range **out)
{
	struct sentence_rules	 rules = sentence_rules(lang);
	struct quote_count	 qc = { 0, 0 };
	UBreakIterator		*bi;
	size_t			*cand = NULL, ncand = 0, acand = 0;
	size_t			 n = 0, alloc = 0, start = 0, b, i;
	int32_t			 r;

	*out = NULL;
	if (len == 0)
		return (0);
	if (len > INT32_MAX) {
		add_range(s, len, 0, len, out, &n, &alloc);
		return (n);
	}
	bi = text_icu_break(UBRK_SENTENCE, lang, s, len);
	if (bi != NULL) {
		ubrk_first(bi);
		while ((r = ubrk_next(bi)) != UBRK_DONE && (size_t)r < len)
			add_candidate(&cand, &ncand, &acand, (size_t)r);
	}
	scan_terminators(s, len, &cand, &ncand, &acand);
	if (ncand > 1)
		qsort(cand, ncand, sizeof *cand, cmp_size);
	for (i = 0; i < ncand; i++) {
		if (cand[i] <= start)
			continue;
		b = pull_closers(s, len, cand[i], &qc);
		if (b >= len || suppress(s, len, b, &rules))
			continue;
		add_range(s, len, start, b, out, &n, &alloc);
		start = b;
	}
	add_range(s, len, start, len, out, &n, &alloc);
	free(cand);
	return (n);
}

size_t
text_doc_sentences(const struct doc *d, const char *lang,
    struct text_sentence **out)
{
	const struct doc_block	*blk;
	struct text_range	*r = NULL;
	size_t			 n = 0, alloc = 0, i, k, nr;

	*out = NULL;
	if (lang == NULL)
		lang = d->lang;
	for (i = 0; i < d->nblocks; i++) {
		blk = &d->blocks[i];
		if (d->presegmented) {
			/* The block is the sentence, trimmed. */
			nr = 0;
			k = 0;
			add_range(blk->text, blk->len, 0, blk->len, &r, &nr,
			    &k);
		} else
			nr = text_sentences(blk->text, blk->len, lang, &r);
		XGROW(*out, alloc, n + nr + 1);
		for (k = 0; k < nr; k++) {
			(*out)[n].block = i;
			(*out)[n].start = r[k].start;
			(*out)[n].end = r[k].end;
			n++;
		}
		free(r);
		r = NULL;
	}
	XSHRINK(*out, alloc, n + 1);
	if (*out == NULL)
		*out = xcalloc(1, sizeof **out);
	return (n);
}

size_t
text_words(const char *s, size_t len, const char *lang,
    struct text_range **out)
{
	UBreakIterator	*bi;
	size_t		 n = 0, alloc = 0;
	int32_t		 a, z;

	*out = NULL;
	if (len == 0)
		return (0);
	bi = text_icu_break(UBRK_WORD, lang, s, len);
	if (bi == NULL)
		return (0);
	a = ubrk_first(bi);
	while ((z = ubrk_next(bi)) != UBRK_DONE) {
		if (ubrk_getRuleStatus(bi) >= UBRK_WORD_NONE_LIMIT) {
			XGROW(*out, alloc, n + 1);
			(*out)[n].start = (size_t)a;
			(*out)[n].end = (size_t)z;
			n++;
		}
		a = z;
	}
	return (n);
}

/* Does a quotation or a bracket open with c? */
static int
is_weak_opener(UChar32 c)
{
	return (c == '"' || c == 0xab || c == 0x201c || c == 0x201e ||
	    c == 0x2039 || c == '(' || c == '\'' || c == 0x2018);
}

/*
 * Does a word of one capital letter end at s[j], another word following
 * ("A New York nanny", "А вот другой")?
 */
static int
one_letter_word(const char *s, size_t len, size_t j)
{
	if (j >= len || !is_space(next_cp(s, len, &j)) || j >= len)
		return (0);
	return (u_isalpha(next_cp(s, len, &j)));
}

size_t
text_weak_breaks(const char *s, size_t len, size_t *out, size_t max)
{
	size_t	i = 0, j, k, sp, n = 0;
	UChar32	c, p, q;
	int	nl;

	while (i < len && n < max) {
		sp = i;
		c = next_cp(s, len, &i);
		if (!is_space(c))
			continue;
		while (i < len && is_space(cp_at(s, len, i)))
			next_cp(s, len, &i);
		/*
		 * After the spaces: a capitalised word (not in capitals, not
		 * an initial) or a word of one capital ("A", "В"; not "I",
		 * English's capital inside any sentence), maybe after an
		 * opening mark.
		 */
		j = i;
		q = j < len ? next_cp(s, len, &j) : 0;
		if (is_weak_opener(q) && j < len)
			q = next_cp(s, len, &j);
		if (!u_isupper(q) || j >= len || !(u_islower(cp_at(s, len,
		    j)) || (q != 'I' && one_letter_word(s, len, j))))
			continue;
		/*
		 * Before them: a word of three letters or more, a number, a
		 * closing bracket or a full stop ICU did not end a sentence
		 * at ("the southwest U.S. Rosa will"): a sentence seldom ends
		 * with "in", "la" or "в", a title or an initial, which names
		 * follow.
		 */
		k = sp;
		if (k == 0)
			continue;
		p = prev_cp(s, &k);
		if (u_isalpha(p)) {
			for (nl = 1; k > 0 && nl < 3; nl++) {
				if (!u_isalpha(prev_cp(s, &k)))
					break;
			}
			if (nl < 3)
				continue;
		} else if (!u_isdigit(p) && !is_sure_closer(p) && p != '.')
			continue;
		out[n++] = i;
	}
	return (n);
}
