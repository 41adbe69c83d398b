/*
 * Anchor keys: what the aligner compares across languages, numbers and
 * proper names.
 *
 * Numbers are read with ICU's digit properties (any script's decimal
 * digits) and written as plain ASCII: group separators go, the decimal
 * separator becomes ".", trailing fractional zeros go. A group is exactly
 * three digits after a first group of one to three digits, separated by
 * a comma, a full stop, an apostrophe or a no-break, narrow or thin space;
 * an ordinary space separates groups only in languages whose ICU grouping
 * separator is a space (fr, ru: "1 402"), so "December 12 500 people"
 * stays two numbers in English. A comma or full stop followed by exactly
 * three digits is a group separator in every language: translators keep
 * the source's "80,000" in French and Russian far more often than they
 * write a decimal with three places. Any other comma or full stop between
 * digits is the decimal separator ("12,5" = "12.5"). Signs, units and
 * ordinal endings are not part of the key ("155 mm", "1er", "1-й" → "155",
 * "1", "1").
 *
 * Names are the capitalised words (ICU word boundaries, letters only, at
 * least two letters) that do not open a sentence (the sentences of
 * text_sentences()), plus words in capitals anywhere (acronyms: NATO,
 * ООН). A French elision goes ("d'Obama" → "Obama"), and so does an
 * English possessive ("Putin's"). The key is the word through the ICU
 * transliterator "Russian-Latin/BGN; Any-Latin; Latin-ASCII; Lower",
 * keeping letters and digits: "Путин" → "putin", "Éric" → "eric".
 *
 * text_name_similarity() compares two keys by edit distance, on the keys
 * and on a spelling skeleton that folds the equivalences seen between
 * real name pairs of the EN/FR/RU corpora: kh = h (Khalvorsen/Halvorsen,
 * Higgs/Khiggs), y = i (Zinovyev/Zinoviev, Sergey/Sergei), ou = u
 * (Poutine/Putin, Seoul/Seul), qu = kv = k (Quebec/Kvebek), dzh = j
 * (Tajikistan/Tadzhikistan), tz = ts (Spitzer/Spittser), th = t
 * (Thatcher/Tetcher), w = v, x = ks, c = k, z = s, ph = f, zh = j, an
 * initial ye = e (Yevropa), and doubled letters are single; the
 * final vowels go (French -e, Russian case endings: Путина, Мексике).
 *
 * The transliterator is slow to open, so each thread keeps one.
 */
#include "config.h"

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/unum.h>
#include <unicode/ustring.h>
#include <unicode/utf8.h>
#include <unicode/utrans.h>

#include "text.h"
#include "text-icu.h"

#define ANCHOR_KEYMAX	((int)sizeof(((struct text_anchor *)0)->key))

/* The name transliterator, per thread (trans_failed: none to open). */
static _Thread_local UTransliterator	*trans;
static _Thread_local int		 trans_failed;

/* Grouping separators of the last languages seen, per thread. */
struct group_cache {
	char	lang[16];
	int	space;		/* the grouping separator is a space */
};
static _Thread_local struct group_cache	groups[4];
static _Thread_local unsigned		groups_next;

/*
 * A per-thread cache of name keys: names recur through an article, and the
 * transliterator is the slow part of finding anchors.
 */
#define NAME_CACHE	2048
struct name_entry {
	char	word[40];	/* the name as written, NUL-terminated */
	char	key[ANCHOR_KEYMAX];
	int	ok;
};
static _Thread_local struct name_entry	*name_cache;

/* Free the thread's transliterator (from text_cleanup()). */
static void
text_anchor_cleanup(void)
{
	if (trans != NULL)
		utrans_close(trans);
	trans = NULL;
	trans_failed = 0;
	free(name_cache);
	name_cache = NULL;
}

/*
 * The transliterator every thread clones: opening one compiles its rules
 * (tens of milliseconds), cloning shares them. Made once, kept for the
 * life of the process; NULL when none could be opened.
 */
static UTransliterator	*trans_proto;
static pthread_once_t	 trans_once = PTHREAD_ONCE_INIT;
static pthread_mutex_t	 trans_lock = PTHREAD_MUTEX_INITIALIZER;

static void
transliterator_proto(void)
{
	static const char	*ids[] = {
		"Russian-Latin/BGN; Latin-ASCII; Lower",
		"Any-Latin; Latin-ASCII; Lower"
	};
	UErrorCode		 ec;
	UChar			 id[64];
	size_t			 i;

	for (i = 0; i < nitems(ids); i++) {
		ec = U_ZERO_ERROR;
		u_uastrcpy(id, ids[i]);
		trans_proto = utrans_openU(id, -1, UTRANS_FORWARD, NULL, 0,
		    NULL, &ec);
		if (U_SUCCESS(ec))
			return;
		trans_proto = NULL;
	}
}

void
text_anchors_warm(void)
{
	pthread_once(&trans_once, transliterator_proto);
}

void
text_anchors_forget(void)
{
	free(name_cache);
	name_cache = NULL;
}

/* The thread's transliterator (a clone of the prototype), or NULL. */
static UTransliterator *
transliterator(void)
{
	UErrorCode	ec = U_ZERO_ERROR;

	if (trans != NULL || trans_failed)
		return (trans);
	pthread_once(&trans_once, transliterator_proto);
	if (trans_proto != NULL) {
		/* One clone at a time: ICU promises no more of a shared one. */
		pthread_mutex_lock(&trans_lock);
		trans = utrans_clone(trans_proto, &ec);
		pthread_mutex_unlock(&trans_lock);
	}
	text_on_cleanup(text_anchor_cleanup);
	if (trans == NULL || U_FAILURE(ec)) {
		if (trans != NULL)
			utrans_close(trans);
		trans = NULL;
		trans_failed = 1;
	}
	return (trans);
}

/* Does lang group digits with a space (ICU's grouping separator)? */
static int
groups_with_space(const char *lang)
{
	UErrorCode		 ec = U_ZERO_ERROR;
	UNumberFormat		*nf;
	struct group_cache	*g;
	UChar			 buf[8];
	int32_t			 n;
	size_t			 i;
	const char		*loc = text_icu_locale(lang);

	for (i = 0; i < nitems(groups); i++) {
		if (groups[i].lang[0] != '\0' &&
		    strcmp(groups[i].lang, loc) == 0)
			return (groups[i].space);
	}
	g = &groups[groups_next++ % nitems(groups)];
	snprintf(g->lang, sizeof g->lang, "%s", *loc != '\0' ? loc : "-");
	g->space = 0;
	nf = unum_open(UNUM_DECIMAL, NULL, 0, loc, NULL, &ec);
	if (U_SUCCESS(ec)) {
		n = unum_getSymbol(nf, UNUM_GROUPING_SEPARATOR_SYMBOL, buf,
		    nitems(buf), &ec);
		if (U_SUCCESS(ec) && n == 1 && (buf[0] == 0xa0 ||
		    buf[0] == 0x202f || buf[0] == ' '))
			g->space = 1;
	}
	if (nf != NULL)
		unum_close(nf);
	return (g->space);
}

/* The code point at s[*i], advancing *i (-1 at the end). */
static UChar32
next_cp(const char *s, size_t len, size_t *i)
{
	int32_t	j = (int32_t)*i;
	UChar32	c;

	if (*i >= len)
		return (-1);
	U8_NEXT(s, j, (int32_t)len, c);
	*i = (size_t)j;
	return (c < 0 ? 0xfffd : c);
}

/* The code point before s[i] (-1 at the start). */
static UChar32
cp_before(const char *s, size_t i)
{
	int32_t	j = (int32_t)i;
	UChar32	c;

	if (i == 0)
		return (-1);
	U8_PREV(s, 0, j, c);
	return (c < 0 ? 0xfffd : c);
}

/* Count the decimal digits at s[i]; *end is after them. */
static size_t
digit_run(const char *s, size_t len, size_t i, size_t *end)
{
	size_t	n = 0, j;
	UChar32	c;

	*end = i;
	for (;;) {
		j = *end;
		c = next_cp(s, len, &j);
		if (c < 0 || !u_isdigit(c))
			break;
		*end = j;
		n++;
	}
	return (n);
}

/* Append the digits of s[a, z) to key (ASCII), within its size. */
static void
key_digits(char *key, size_t *kn, const char *s, size_t a, size_t z)
{
	UChar32	c;

	while (a < z) {
		c = next_cp(s, z, &a);
		if (*kn + 1 < (size_t)ANCHOR_KEYMAX)
			key[(*kn)++] = (char)('0' + u_charDigitValue(c));
	}
	key[*kn] = '\0';
}

/* Is c a group separator (not counting an ordinary space)? */
static int
is_group_sep(UChar32 c)
{
	return (c == ',' || c == '.' || c == '\'' || c == 0x2019 ||
	    c == 0xa0 || c == 0x202f || c == 0x2009);
}

/*
 * Read the number at s[i] (a digit) into a; returns the byte after it.
 */
static size_t
read_number(const char *s, size_t len, size_t i, int space_groups,
    struct text_anchor *a)
{
	size_t		 end, n, k, kn = 0, j, after;
	UChar32		 sep = 0, c;
	int		 first = 1, decimal = 0;

	a->kind = ANCHOR_NUMBER;
	a->start = i;
	n = digit_run(s, len, i, &end);
	key_digits(a->key, &kn, s, i, end);
	for (;;) {
		j = end;
		c = next_cp(s, len, &j);
		if (c < 0)
			break;
		after = j;
		k = digit_run(s, len, after, &j);
		if (k == 0)
			break;
		if (k == 3 && n <= 3 && (first || c == sep) &&
		    (is_group_sep(c) || (c == ' ' && space_groups))) {
			/* A group: "1,402", "1 402". */
			sep = c;
			first = 0;
			key_digits(a->key, &kn, s, after, j);
			end = j;
			continue;
		}
		if ((c == '.' || c == ',') && c != sep) {
			/* The decimal part. */
			if (kn + 2 < (size_t)ANCHOR_KEYMAX) {
				a->key[kn++] = '.';
				decimal = 1;
			}
			key_digits(a->key, &kn, s, after, j);
			end = j;
		}
		break;
	}
	a->end = end;
	if (decimal) {
		/* No trailing zeros, nor a bare point. */
		while (kn > 0 && a->key[kn - 1] == '0')
			kn--;
		if (kn > 0 && a->key[kn - 1] == '.')
			kn--;
	}
	a->key[kn] = '\0';
	/* No leading zeros ("007" = "7"), but "0" and "0.5". */
	for (k = 0; a->key[k] == '0' && a->key[k + 1] != '\0' &&
	    a->key[k + 1] != '.'; k++)
		;
	if (k > 0)
		memmove(a->key, a->key + k, strlen(a->key + k) + 1);
	return (end);
}

/* Append an anchor. */
static void
add_anchor(struct text_anchor **out, size_t *n, size_t *alloc,
    const struct text_anchor *a)
{
	XGROW(*out, *alloc, *n + 1);
	(*out)[(*n)++] = *a;
}

/* Find the numbers of s. */
static void
find_numbers(const char *s, size_t len, const char *lang,
    struct text_anchor **out, size_t *n, size_t *alloc)
{
	struct text_anchor	 a;
	size_t			 i = 0, at;
	UChar32			 c, prev;
	int			 space = -1;

	while (i < len) {
		if ((unsigned char)s[i] < 0x80 && !(s[i] >= '0' &&
		    s[i] <= '9')) {
			i++;
			continue;
		}
		at = i;
		c = next_cp(s, len, &i);
		if (!u_isdigit(c))
			continue;
		prev = cp_before(s, at);
		if (prev > 0 && u_isalpha(prev)) {
			/* Part of a word ("A380", "G20"). */
			while (i < len) {
				at = i;
				c = next_cp(s, len, &i);
				if (!u_isalnum(c)) {
					i = at;
					break;
				}
			}
			continue;
		}
		if (space < 0)
			space = groups_with_space(lang);
		memset(&a, 0, sizeof a);
		i = read_number(s, len, at, space, &a);
		if (a.key[0] != '\0')
			add_anchor(out, n, alloc, &a);
	}
}

/* The cache slot of s[a, z), or NULL when the word is too long to cache. */
static struct name_entry *
name_slot(const char *s, size_t a, size_t z)
{
	uint32_t	h = 2166136261u;
	size_t		i;

	if (z - a >= sizeof name_cache->word)
		return (NULL);
	if (name_cache == NULL) {
		name_cache = xcalloc(NAME_CACHE, sizeof *name_cache);
		text_on_cleanup(text_anchor_cleanup);
	}
	for (i = a; i < z; i++) {
		h ^= (unsigned char)s[i];
		h *= 16777619u;
	}
	return (&name_cache[h % NAME_CACHE]);
}

static int	name_key_uncached(const char *, size_t, size_t, char *);

/* The key of a name: s[a, z) transliterated; 0 if it has none. */
static int
name_key(const char *s, size_t a, size_t z, char *key)
{
	struct name_entry	*e = name_slot(s, a, z);
	int			 ok;

	if (e != NULL && strncmp(e->word, s + a, z - a) == 0 &&
	    e->word[z - a] == '\0') {
		memcpy(key, e->key, sizeof e->key);
		return (e->ok);
	}
	ok = name_key_uncached(s, a, z, key);
	if (e != NULL) {
		memcpy(e->word, s + a, z - a);
		e->word[z - a] = '\0';
		memcpy(e->key, key, sizeof e->key);
		e->ok = ok;
	}
	return (ok);
}

/* The key of a name: s[a, z) transliterated; 0 if it has none. */
static int
name_key_uncached(const char *s, size_t a, size_t z, char *key)
{
	UTransliterator	*t = transliterator();
	UErrorCode	 ec = U_ZERO_ERROR;
	UChar		 buf[256];
	int32_t		 n = 0, limit, cap = (int32_t)nitems(buf), i;
	size_t		 kn = 0;

	if (z - a > 120)
		return (0);
	/* Plain ASCII needs no transliterator. */
	for (i = (int32_t)a; i < (int32_t)z && (unsigned char)s[i] < 0x80; i++)
		;
	if (i == (int32_t)z) {
		for (i = (int32_t)a; i < (int32_t)z &&
		    kn + 1 < (size_t)ANCHOR_KEYMAX; i++) {
			if (u_isalnum((unsigned char)s[i]))
				key[kn++] = (char)u_tolower((unsigned char)s[i]);
		}
		key[kn] = '\0';
		return (kn > 0);
	}
	u_strFromUTF8WithSub(buf, cap, &n, s + a, (int32_t)(z - a), 0xfffd,
	    NULL, &ec);
	if (U_FAILURE(ec) || n == 0)
		return (0);
	if (t != NULL) {
		limit = n;
		utrans_transUChars(t, buf, &n, cap, 0, &limit, &ec);
		if (U_FAILURE(ec))
			return (0);
		n = limit;
	}
	for (i = 0; i < n && kn + 1 < (size_t)ANCHOR_KEYMAX; i++) {
		if (buf[i] < 0x80 && u_isalnum(buf[i]))
			key[kn++] = (char)u_tolower(buf[i]);
	}
	key[kn] = '\0';
	return (kn > 0);
}

/* Is every letter of s[a, z) a capital (at least two)? */
static int
all_caps(const char *s, size_t a, size_t z)
{
	UChar32	c;
	int	n = 0;

	while (a < z) {
		c = next_cp(s, z, &a);
		if (u_isalpha(c)) {
			if (!u_isUUppercase(c))
				return (0);
			n++;
		}
	}
	return (n >= 2);
}

/*
 * Trim a word to its name: drop a French elision ("d'Obama") and an
 * English possessive ("Putin's"). Returns 0 if it is no name.
 */
static int
name_span(const char *s, size_t *a, size_t *z)
{
	size_t	i = *a, at, n = 0;
	UChar32	c, first;

	first = next_cp(s, *z, &i);
	i = *a;
	while (i < *z) {
		at = i;
		c = next_cp(s, *z, &i);
		if (c != '\'' && c != 0x2019) {
			n++;
			continue;
		}
		if (i + 1 == *z && (s[i] == 's' || s[i] == 'S')) {
			*z = at;	/* a possessive */
			break;
		}
		if (u_isULowercase(first) && n <= 5) {
			*a = i;		/* l', d', qu', jusqu' */
			break;
		}
	}
	i = *a;
	first = next_cp(s, *z, &i);
	if (first < 0 || !(u_isUUppercase(first) || u_istitle(first)))
		return (0);
	/* At least two letters. */
	return (i < *z);
}

/*
 * Is s surely one sentence: no full stop, question or exclamation mark or
 * ellipsis before its last word?
 */
static int
one_sentence(const char *s, size_t len)
{
	size_t	i, end = len;

	while (end > 0 && strchr(" .!?\"')]", s[end - 1]) != NULL)
		end--;
	for (i = 0; i < end; i++) {
		if (s[i] == '.' || s[i] == '!' || s[i] == '?')
			return (0);
		if ((unsigned char)s[i] == 0xe2 && i + 2 < len &&
		    (unsigned char)s[i + 1] == 0x80 &&
		    (unsigned char)s[i + 2] == 0xa6)
			return (0);
	}
	return (1);
}

/*
 * Find the names of s. Only words that hold a capital after a non-letter
 * can be names, so the word break iterator is asked about those alone
 * (following() from the capital gives the word's end; the word's start is
 * found back over its letters) rather than walking every word.
 */
static void
find_names(const char *s, size_t len, const char *lang,
    struct text_anchor **out, size_t *n, size_t *alloc)
{
	struct text_range	*sent;
	struct text_anchor	 an;
	UBreakIterator		*bi = NULL;
	size_t			 nsent, si = 0, a, z, i = 0, at, k;
	int32_t			 q;
	UChar32			 c, prev = -1, pc;
	int			 initial, status;

	/* One sentence (the aligner's case) needs no sentence splitter. */
	if (one_sentence(s, len)) {
		sent = xmalloc(sizeof *sent);
		sent->start = 0;
		sent->end = len;
		nsent = 1;
	} else
		nsent = text_sentences(s, len, lang, &sent);
	while (i < len) {
		at = i;
		c = next_cp(s, len, &i);
		if (!(u_isUUppercase(c) || u_istitle(c)) || (prev >= 0 &&
		    u_isalnum(prev))) {
			prev = c;
			continue;
		}
		prev = c;
		if (bi == NULL &&
		    (bi = text_icu_break(UBRK_WORD, lang, s, len)) == NULL)
			break;
		q = ubrk_following(bi, (int32_t)at);
		if (q == UBRK_DONE)
			continue;
		status = ubrk_getRuleStatus(bi);
		if (status < UBRK_WORD_LETTER ||
		    status >= UBRK_WORD_LETTER_LIMIT)
			continue;
		z = (size_t)q;
		/* Back to the word's start (an elision: l'Arctique). */
		a = at;
		while (a > 0) {
			pc = cp_before(s, a);
			k = a - (size_t)U8_LENGTH(pc < 0 ? 0xfffd : pc);
			if (u_isalpha(pc)) {
				a = k;
				continue;
			}
			/* An apostrophe counts between two letters only. */
			if ((pc == '\'' || pc == 0x2019) && k > 0 &&
			    u_isalpha(cp_before(s, k))) {
				a = k;
				continue;
			}
			break;
		}
		while (si + 1 < nsent && sent[si + 1].start <= a)
			si++;
		/* The first word of a sentence is no name... */
		initial = 1;
		for (k = sent[si].start; k < a && initial;) {
			if (u_isalpha(next_cp(s, a, &k)))
				initial = 0;
		}
		if (initial && !all_caps(s, a, z))
			continue;	/* ...unless an acronym */
		if (!name_span(s, &a, &z))
			continue;
		memset(&an, 0, sizeof an);
		an.kind = ANCHOR_NAME;
		an.start = a;
		an.end = z;
		if (name_key(s, a, z, an.key))
			add_anchor(out, n, alloc, &an);
		/* Go on after the word. */
		i = (size_t)q;
		prev = 'a';
	}
	free(sent);
}

/* Order anchors by position. */
static int
cmp_anchor(const void *x, const void *y)
{
	const struct text_anchor	*a = x, *b = y;

	if (a->start != b->start)
		return (a->start < b->start ? -1 : 1);
	return (0);
}

size_t
text_anchors(const char *s, size_t len, const char *lang,
    struct text_anchor **out)
{
	size_t	n = 0, alloc = 0;

	*out = NULL;
	if (len == 0 || len > INT32_MAX)
		return (0);
	find_numbers(s, len, lang, out, &n, &alloc);
	find_names(s, len, lang, out, &n, &alloc);
	if (n > 1)
		qsort(*out, n, sizeof **out, cmp_anchor);
	return (n);
}

/* Fold a key to its spelling skeleton (see the top of the file). */
static void
skeleton(const char *k, char *out, size_t size)
{
	static const struct {
		const char	*from;
		const char	*to;
	} rules[] = {
		{ "dzh", "j" }, { "sch", "sh" }, { "tch", "ch" }, { "kh", "h" },
		{ "ph", "f" }, { "th", "t" }, { "zh", "j" }, { "ou", "u" },
		{ "ck", "k" }, { "qu", "k" }, { "kv", "k" }, { "tz", "ts" },
		{ "x", "ks" }, { "w", "v" }, { "y", "i" }, { "q", "k" },
		{ "z", "s" }
	};
	char	tmp[2 * ANCHOR_KEYMAX + 8];
	size_t	i, j, n = 0, r, fl = 0;

	if (k[0] == 'y' && k[1] == 'e')
		k++;		/* BGN's initial "ye" for е */
	for (i = 0; k[i] != '\0' && n + 3 < sizeof tmp; ) {
		for (r = 0; r < nitems(rules); r++) {
			fl = strlen(rules[r].from);
			if (strncmp(k + i, rules[r].from, fl) == 0)
				break;
		}
		if (r < nitems(rules)) {
			for (j = 0; rules[r].to[j] != '\0'; j++)
				tmp[n++] = rules[r].to[j];
			i += fl;
		} else if (k[i] == 'c' && k[i + 1] != 'h') {
			tmp[n++] = 'k';
			i++;
		} else
			tmp[n++] = k[i++];
	}
	tmp[n] = '\0';
	/* No final vowels (French -e, Russian case endings: Путина). */
	while (n > 3 && strchr("aeiou", tmp[n - 1]) != NULL)
		tmp[--n] = '\0';
	/* Doubled letters are single. */
	for (i = j = 0; i < n && j + 1 < size; i++) {
		if (j > 0 && out[j - 1] == tmp[i])
			continue;
		out[j++] = tmp[i];
	}
	out[j] = '\0';
}

/* Levenshtein distance of two short strings. */
static size_t
edit_distance(const char *a, const char *b)
{
	size_t	la = strlen(a), lb = strlen(b), i, j, d[128], prev, cur;

	if (lb + 1 > nitems(d))
		lb = nitems(d) - 1;
	for (j = 0; j <= lb; j++)
		d[j] = j;
	for (i = 1; i <= la; i++) {
		prev = d[0];
		d[0] = i;
		for (j = 1; j <= lb; j++) {
			cur = d[j];
			d[j] = PR_MIN(PR_MIN(d[j] + 1, d[j - 1] + 1),
			    prev + (a[i - 1] == b[j - 1] ? 0 : 1));
			prev = cur;
		}
	}
	return (d[lb]);
}

/* 1 - normalised edit distance. */
static double
similarity(const char *a, const char *b)
{
	size_t	la = strlen(a), lb = strlen(b), m = PR_MAX(la, lb);

	if (m == 0)
		return (0);
	return (1.0 - (double)edit_distance(a, b) / (double)m);
}

double
text_name_similarity(const char *a, const char *b)
{
	char	sa[2 * ANCHOR_KEYMAX], sb[2 * ANCHOR_KEYMAX];
	double	r, t;

	if (a == NULL || b == NULL || *a == '\0' || *b == '\0')
		return (0);
	if (strcmp(a, b) == 0)
		return (1);
	r = similarity(a, b);
	skeleton(a, sa, sizeof sa);
	skeleton(b, sb, sizeof sb);
	t = similarity(sa, sb);
	return (t > r ? t : r);
}
