/*
 * The plain-text loader.
 *
 * Text is cut into lines (LF, CRLF or CR) and lines into paragraphs at
 * blank lines; a line holding only white space of any kind (no-break
 * spaces included) is blank. The lines of a paragraph join with a space.
 *
 * Articles copied from a web page carry its furniture: a language switcher
 * ("EN | FR | RU"), a "Follow us on:" line, and at the end a "More on this
 * topic" heading with the titles of other articles. These are recognised
 * line by line and dropped (or kept as plain blocks with keep_furniture).
 *
 * Then the structure is guessed from the shape of the paragraphs: the
 * first paragraph is the title when it is one line that reads like one; a
 * line "Name, date" before the first body paragraph is the byline (kept
 * as a paragraph too; the date is stored as YYYY-MM-DD); other short
 * one-line paragraphs without final punctuation are headings; lines
 * starting with a bullet or a number are list items. Paragraphs of
 * several lines are always paragraphs, so a real sentence is never taken
 * for a heading because it happens to be short.
 *
 * The text is read in one pass, a line at a time, holding no more than
 * TEXT_HEAD lines, so memory does not grow with the number of lines. The
 * blocks are stored over the text already read (doc_input_read() says
 * where the lines still held begin), so an 8 MB text is not copied to 8 MB
 * of fresh memory.
 *
 * In presegmented mode (one sentence per line) no structure is guessed:
 * every line is one paragraph block, and a block whose line follows
 * another without a blank line between has cont set.
 */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "load.h"

enum tline_kind {
	TL_BLANK,
	TL_TEXT,
	TL_ITEM,		/* starts with a bullet or a number */
	TL_SWITCH,		/* furniture: a language switcher */
	TL_FOLLOW,		/* furniture: "Follow us on:" */
	TL_RELATED		/* furniture: "More on this topic" */
};

struct tline {
	const char	*s;		/* trimmed */
	size_t		 len;
	enum tline_kind	 kind;
	int		 indent;	/* leading spaces, tabs as 4 */
	size_t		 mark;		/* item: bytes of the marker */
};

struct tstate {
	struct doc		*d;
	const struct load_opts	*opts;
	int			 seen_body;	/* a body paragraph was added */
	int			 seen_first;	/* the first paragraph seen */
	int			 open;		/* a block is open */
	size_t			 before;	/* blocks before it */
};

/* Lines of a paragraph looked at together (title and byline). */
#define TEXT_HEAD		4

/* Lines after a "More on this topic" heading we still drop as a list. */
#define TEXT_RELATED_MAX	30
/* A listed title is at most this long (bytes). */
#define TEXT_RELATED_LINE	300

/*
 * The most spaces in a phrase of text_follow or text_related_phrases
 * ("sur le même sujet :"). A byte scan, not text_count(): every short
 * line of a text comes through text_is_phrase(), and decoding them to
 * count words took 0.09 s more of an 8 MB text.
 */
#define TEXT_PHRASE_SPACES	5

/* Page furniture lines, lowercase, without a final colon. */
static const char *const text_follow[] = {
	"follow us on", "follow us", "share this article", "share",
	"suivez-nous sur", "suivez-nous", "partager cet article", "partager",
	"\xd0\xbf\xd0\xbe\xd0\xb4\xd0\xbf\xd0\xb8\xd1\x81\xd1\x8b\xd0\xb2\xd0"
	"\xb0\xd0\xb9\xd1\x82\xd0\xb5\xd1\x81\xd1\x8c \xd0\xbd\xd0\xb0 \xd0"
	"\xbd\xd0\xb0\xd1\x81",			/* подписывайтесь на нас */
	"\xd0\xbc\xd1\x8b \xd0\xb2 \xd1\x81\xd0\xbe\xd1\x86\xd1\x81\xd0\xb5"
	"\xd1\x82\xd1\x8f\xd1\x85",		/* мы в соцсетях */
	"\xd0\xbf\xd0\xbe\xd0\xb4\xd0\xb5\xd0\xbb\xd0\xb8\xd1\x82\xd1\x8c"
	"\xd1\x81\xd1\x8f"			/* поделиться */
};

static const char *const text_related_phrases[] = {
	"more on this topic", "related articles", "related", "read also",
	"sur le m\xc3\xaame sujet", "lire aussi", "\xc3\xa0 lire aussi",
	"\xd0\xb4\xd1\x80\xd1\x83\xd0\xb3\xd0\xb8\xd0\xb5 \xd0\xbc\xd0\xb0"
	"\xd1\x82\xd0\xb5\xd1\x80\xd0\xb8\xd0\xb0\xd0\xbb\xd1\x8b \xd0\xbf"
	"\xd0\xbe \xd1\x82\xd0\xb5\xd0\xbc\xd0\xb5",
						/* другие материалы по теме */
	"\xd1\x87\xd0\xb8\xd1\x82\xd0\xb0\xd0\xb9\xd1\x82\xd0\xb5 \xd1\x82"
	"\xd0\xb0\xd0\xba\xd0\xb6\xd0\xb5",	/* читайте также */
	"\xd0\xbf\xd0\xbe \xd1\x82\xd0\xb5\xd0\xbc\xd0\xb5" /* по теме */
};

/* Month names (EN, FR, RU genitive and nominative), lowercase. */
static const struct {
	const char	*name;
	int		 month;
} text_months[] = {
	{ "january", 1 }, { "jan", 1 }, { "february", 2 }, { "feb", 2 },
	{ "march", 3 }, { "mar", 3 }, { "april", 4 }, { "apr", 4 },
	{ "may", 5 }, { "june", 6 }, { "jun", 6 }, { "july", 7 },
	{ "jul", 7 }, { "august", 8 }, { "aug", 8 }, { "september", 9 },
	{ "sep", 9 }, { "sept", 9 }, { "october", 10 }, { "oct", 10 },
	{ "november", 11 }, { "nov", 11 }, { "december", 12 }, { "dec", 12 },
	{ "janvier", 1 }, { "f\xc3\xa9vrier", 2 }, { "fevrier", 2 },
	{ "mars", 3 }, { "avril", 4 }, { "mai", 5 }, { "juin", 6 },
	{ "juillet", 7 }, { "ao\xc3\xbbt", 8 }, { "aout", 8 },
	{ "septembre", 9 }, { "octobre", 10 }, { "novembre", 11 },
	{ "d\xc3\xa9" "cembre", 12 }, { "decembre", 12 },
	{ "\xd1\x8f\xd0\xbd\xd0\xb2\xd0\xb0\xd1\x80\xd1\x8f", 1 },
	{ "\xd1\x84\xd0\xb5\xd0\xb2\xd1\x80\xd0\xb0\xd0\xbb\xd1\x8f", 2 },
	{ "\xd0\xbc\xd0\xb0\xd1\x80\xd1\x82\xd0\xb0", 3 },
	{ "\xd0\xb0\xd0\xbf\xd1\x80\xd0\xb5\xd0\xbb\xd1\x8f", 4 },
	{ "\xd0\xbc\xd0\xb0\xd1\x8f", 5 },
	{ "\xd0\xb8\xd1\x8e\xd0\xbd\xd1\x8f", 6 },
	{ "\xd0\xb8\xd1\x8e\xd0\xbb\xd1\x8f", 7 },
	{ "\xd0\xb0\xd0\xb2\xd0\xb3\xd1\x83\xd1\x81\xd1\x82\xd0\xb0", 8 },
	{ "\xd1\x81\xd0\xb5\xd0\xbd\xd1\x82\xd1\x8f\xd0\xb1\xd1\x80\xd1\x8f",
	    9 },
	{ "\xd0\xbe\xd0\xba\xd1\x82\xd1\x8f\xd0\xb1\xd1\x80\xd1\x8f", 10 },
	{ "\xd0\xbd\xd0\xbe\xd1\x8f\xd0\xb1\xd1\x80\xd1\x8f", 11 },
	{ "\xd0\xb4\xd0\xb5\xd0\xba\xd0\xb0\xd0\xb1\xd1\x80\xd1\x8f", 12 },
	{ "\xd1\x8f\xd0\xbd\xd0\xb2\xd0\xb0\xd1\x80\xd1\x8c", 1 },
	{ "\xd1\x84\xd0\xb5\xd0\xb2\xd1\x80\xd0\xb0\xd0\xbb\xd1\x8c", 2 },
	{ "\xd0\xbc\xd0\xb0\xd1\x80\xd1\x82", 3 },
	{ "\xd0\xb0\xd0\xbf\xd1\x80\xd0\xb5\xd0\xbb\xd1\x8c", 4 },
	{ "\xd0\xbc\xd0\xb0\xd0\xb9", 5 },
	{ "\xd0\xb8\xd1\x8e\xd0\xbd\xd1\x8c", 6 },
	{ "\xd0\xb8\xd1\x8e\xd0\xbb\xd1\x8c", 7 },
	{ "\xd0\xb0\xd0\xb2\xd0\xb3\xd1\x83\xd1\x81\xd1\x82", 8 },
	{ "\xd1\x81\xd0\xb5\xd0\xbd\xd1\x82\xd1\x8f\xd0\xb1\xd1\x80\xd1\x8c",
	    9 },
	{ "\xd0\xbe\xd0\xba\xd1\x82\xd1\x8f\xd0\xb1\xd1\x80\xd1\x8c", 10 },
	{ "\xd0\xbd\xd0\xbe\xd1\x8f\xd0\xb1\xd1\x80\xd1\x8c", 11 },
	{ "\xd0\xb4\xd0\xb5\xd0\xba\xd0\xb0\xd0\xb1\xd1\x80\xd1\x8c", 12 }
};

/* Weekday names that may open a date, lowercase. */
static const char *const text_weekdays[] = {
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
	"sunday", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi",
	"dimanche",
	"\xd0\xbf\xd0\xbe\xd0\xbd\xd0\xb5\xd0\xb4\xd0\xb5\xd0\xbb\xd1\x8c"
	"\xd0\xbd\xd0\xb8\xd0\xba",
	"\xd0\xb2\xd1\x82\xd0\xbe\xd1\x80\xd0\xbd\xd0\xb8\xd0\xba",
	"\xd1\x81\xd1\x80\xd0\xb5\xd0\xb4\xd0\xb0",
	"\xd1\x87\xd0\xb5\xd1\x82\xd0\xb2\xd0\xb5\xd1\x80\xd0\xb3",
	"\xd0\xbf\xd1\x8f\xd1\x82\xd0\xbd\xd0\xb8\xd1\x86\xd0\xb0",
	"\xd1\x81\xd1\x83\xd0\xb1\xd0\xb1\xd0\xbe\xd1\x82\xd0\xb0",
	"\xd0\xb2\xd0\xbe\xd1\x81\xd0\xba\xd1\x80\xd0\xb5\xd1\x81\xd0\xb5"
	"\xd0\xbd\xd1\x8c\xd0\xb5"
};

/* Words that introduce a byline, lowercase. */
static const char *const text_by[] = {
	"by ", "par ",
	"\xd0\xb0\xd0\xb2\xd1\x82\xd0\xbe\xd1\x80: ",	/* автор: */
	"\xd0\xb0\xd0\xb2\xd1\x82\xd0\xbe\xd1\x80 "	/* автор */
};

/* Lowercase particles allowed inside a name. */
static const char *const text_particles[] = {
	"de", "du", "des", "da", "di", "van", "von", "der", "den", "le", "la",
	"bin", "ibn", "al", "y"
};

static void	text_count(const char *, size_t, size_t *, size_t *);

/* Is c white space, a format character or a control (a blank line's)? */
static int
text_is_space(UChar32 c)
{
	int8_t	t;

	if (c < 0)
		return (0);
	if (u_isUWhiteSpace(c))
		return (1);
	t = u_charType(c);
	return (t == U_FORMAT_CHAR || t == U_CONTROL_CHAR);
}

/* Trim white space of any kind from both ends of [*s, *s + *len). */
static void
text_trim(const char **s, size_t *len)
{
	int32_t	i = 0, n = (int32_t)*len, end, prev;
	UChar32	c;

	while (i < n) {
		prev = i;
		U8_NEXT(*s, i, n, c);
		if (!text_is_space(c)) {
			i = prev;
			break;
		}
	}
	end = n;
	while (end > i) {
		prev = end;
		U8_PREV(*s, i, end, c);
		if (!text_is_space(c)) {
			end = prev;
			break;
		}
	}
	*s += i;
	*len = (size_t)(end - i);
}

/* Lowercase [s, s + len) with ICU into out (NUL-terminated); 0 if too long. */
static int
text_lower(const char *s, size_t len, char *out, size_t outsz)
{
	int32_t	i = 0, n = (int32_t)len;
	size_t	o = 0;
	UChar32	c;

	while (i < n) {
		U8_NEXT(s, i, n, c);
		if (c < 0)
			c = 0xfffd;
		c = u_tolower(c);
		if (o + U8_MAX_LENGTH + 1 > outsz)
			return (0);
		U8_APPEND_UNSAFE(out, o, c);
	}
	out[o] = '\0';
	return (1);
}

/* Does the line (trimmed) read as phrase, alone or with a final colon? */
static int
text_is_phrase(const char *s, size_t len, const char *const *list, size_t n)
{
	char	low[128];
	size_t	i, l, spaces = 0;

	/* The shortest phrase is "share". */
	if (len < 5 || len >= sizeof low / 2)
		return (0);
	/*
	 * The longest have four words ("sur le même sujet :" five tokens):
	 * a line of more is a sentence, not worth lowercasing (every line
	 * of a long text comes here).
	 */
	for (i = 0; i < len; i++) {
		if (s[i] == ' ' && ++spaces > TEXT_PHRASE_SPACES)
			return (0);
	}
	if (!text_lower(s, len, low, sizeof low))
		return (0);
	l = strlen(low);
	if (l > 0 && low[l - 1] == ':') {
		low[--l] = '\0';
		/* "sur :" with a space or a no-break space before the colon. */
		if (l > 0 && low[l - 1] == ' ')
			low[--l] = '\0';
		else if (l >= 2 && strcmp(low + l - 2, "\xc2\xa0") == 0)
			low[l -= 2] = '\0';
		else if (l >= 3 && strcmp(low + l - 3, "\xe2\x80\xaf") == 0)
			low[l -= 3] = '\0';
	}
	for (i = 0; i < n; i++) {
		if (strcmp(low, list[i]) == 0)
			return (1);
	}
	return (0);
}

/*
 * Step over the separators at p: | / and the middle dot (which set *sep)
 * and white space, no-break spaces included. Returns where they end.
 */
static const char *
text_switch_skip(const char *p, const char *end, int *sep)
{
	while (p < end) {
		if (*p == '|' || *p == '/') {
			*sep = 1;
			p++;
		} else if (end - p >= 2 && memcmp(p, "\xc2\xb7", 2) == 0) {
			*sep = 1;			/* · */
			p += 2;
		} else if (end - p >= 2 && memcmp(p, "\xc2\xa0", 2) == 0)
			p += 2;
		else if (*p == ' ' || *p == '\t')
			p++;
		else
			break;
	}
	return (p);
}

/*
 * The length of the switcher token at p: two or three ASCII letters that
 * a separator, a space or the end follows; or 0.
 */
static size_t
text_switch_token(const char *p, const char *end)
{
	const char	*q;

	for (q = p; q < end && isalpha((unsigned char)*q); q++)
		;
	if (q - p < 2 || q - p > 3)
		return (0);
	if (q < end && *q != '|' && *q != '/' && *q != ' ' && *q != '\t' &&
	    (unsigned char)*q != 0xc2)
		return (0);
	return ((size_t)(q - p));
}

/* Is every one of the n tokens a language code? */
static int
text_all_langs(char tok[][4], size_t n)
{
	char	*norm;
	size_t	 i;

	for (i = 0; i < n; i++) {
		if ((norm = lang_normalize(tok[i])) == NULL)
			return (0);
		free(norm);
	}
	return (1);
}

/*
 * Is the line a language switcher: two or more language codes separated
 * by | / or a middle dot (or plain spaces between upper-case two-letter
 * codes: "EN FR RU")?
 */
static int
text_is_switcher(const char *s, size_t len)
{
	const char	*p = s, *end = s + len;
	char		 tok[8][4];
	size_t		 ntok = 0, tl;
	int		 sep = 0, upper2 = 1;

	if (len > 64)
		return (0);
	for (;;) {
		if ((p = text_switch_skip(p, end, &sep)) == end)
			break;
		tl = text_switch_token(p, end);
		if (tl == 0 || ntok == nitems(tok))
			return (0);
		memcpy(tok[ntok], p, tl);
		tok[ntok][tl] = '\0';
		if (tl != 2 || !isupper((unsigned char)p[0]) ||
		    !isupper((unsigned char)p[1]))
			upper2 = 0;
		ntok++;
		p += tl;
	}
	if (ntok < 2 || (!sep && !upper2))
		return (0);
	return (text_all_langs(tok, ntok));
}

/* Is the line a "Follow us on:" line (maybe with network names after)? */
static int
text_is_follow(const char *s, size_t len)
{
	const char	*colon;
	size_t		 n, chars, words;

	if (text_is_phrase(s, len, text_follow, nitems(text_follow)))
		return (1);
	/* "Share this article: Facebook X Telegram": a few names after. */
	if ((colon = memchr(s, ':', len)) == NULL || len > 160)
		return (0);
	n = (size_t)(colon - s) + 1;
	text_count(colon + 1, len - n, &chars, &words);
	if (words > 6 || memchr(colon, '.', len - n + 1) != NULL ||
	    memchr(colon, ',', len - n + 1) != NULL)
		return (0);
	return (text_is_phrase(s, n, text_follow, nitems(text_follow)));
}

/*
 * The length of a list item marker at s ("- ", "* ", "• ", "12. "), or 0.
 * Dashes of dialogue ("– Oui, dit-il.") are not markers.
 */
static size_t
text_item_mark(const char *s, size_t len)
{
	size_t	i;

	if (len >= 3 && (s[0] == '-' || s[0] == '*' || s[0] == '+') &&
	    s[1] == ' ')
		return (2);
	if (len >= 5 && memcmp(s, "\xe2\x80\xa2 ", 4) == 0)	/* • */
		return (4);
	for (i = 0; i < len && i < 3 && s[i] >= '0' && s[i] <= '9'; i++)
		;
	if (i > 0 && i + 2 < len && (s[i] == '.' || s[i] == ')') &&
	    s[i + 1] == ' ')
		return (i + 2);
	return (0);
}

/*
 * Read the next line at *pp (LF, CRLF or CR ends it) into l, trimmed,
 * with its indentation. Returns 0 at the end of the data.
 */
static int
text_next(const char **pp, const char *end, struct tline *l)
{
	const char	*p = *pp, *eol, *s;

	if (p >= end)
		return (0);
	for (eol = p; eol < end && *eol != '\n' && *eol != '\r'; eol++)
		;
	l->indent = 0;
	for (s = p; s < eol && (*s == ' ' || *s == '\t'); s++)
		l->indent += *s == '\t' ? 4 : 1;
	l->s = p;
	l->len = (size_t)(eol - p);
	text_trim(&l->s, &l->len);
	l->mark = 0;
	l->kind = l->len == 0 ? TL_BLANK : TL_TEXT;
	if (eol < end && *eol == '\r' && eol + 1 < end && eol[1] == '\n')
		eol++;
	*pp = eol < end ? eol + 1 : end;
	return (1);
}

/* Classify a non-blank line: furniture, list item or text. */
static void
text_classify(struct tline *l)
{
	if (l->kind != TL_TEXT)
		return;
	if (text_is_switcher(l->s, l->len))
		l->kind = TL_SWITCH;
	else if (text_is_follow(l->s, l->len))
		l->kind = TL_FOLLOW;
	else if ((l->mark = text_item_mark(l->s, l->len)) != 0)
		l->kind = TL_ITEM;
	else if (text_is_phrase(l->s, l->len, text_related_phrases,
	    nitems(text_related_phrases)))
		l->kind = TL_RELATED;
}

/*
 * After a "More on this topic" line ending at p: do only a few short
 * lines (the titles of other articles) follow, up to the end?
 */
static int
text_related_tail(const char *p, const char *end)
{
	struct tline	l;
	size_t		n = 0;

	while (text_next(&p, end, &l)) {
		if (l.len > TEXT_RELATED_LINE)
			return (0);
		if (l.len != 0 && ++n > TEXT_RELATED_MAX)
			return (0);
	}
	return (1);
}

/* Count the code points and the words of a line. */
static void
text_count(const char *s, size_t len, size_t *chars, size_t *words)
{
	int32_t	i = 0, n = (int32_t)len;
	UChar32	c;
	int	in = 0;

	*chars = *words = 0;
	while (i < n) {
		U8_NEXT(s, i, n, c);
		(*chars)++;
		if (text_is_space(c))
			in = 0;
		else if (!in) {
			in = 1;
			(*words)++;
		}
	}
}

/* The last code point of s, and the one before it. */
static UChar32
text_last(const char *s, size_t len, UChar32 *before)
{
	int32_t	n = (int32_t)len;
	UChar32	c = 0;

	*before = 0;
	if (n > 0)
		U8_PREV(s, 0, n, c);
	if (n > 0)
		U8_PREV(s, 0, n, *before);
	return (c);
}

/* Is c a closing quotation mark or bracket? */
static int
text_is_closer(UChar32 c)
{
	int8_t	t = u_charType(c);

	return (c == '"' || c == '\'' || t == U_FINAL_PUNCTUATION ||
	    t == U_END_PUNCTUATION || c == 0x201c || c == 0x00ab);
}

/* Does s hold a letter, and no lower-case letter before the first? */
static int
text_starts_upper(const char *s, size_t len)
{
	int32_t	k = 0, n = (int32_t)len;
	UChar32	c;

	while (k < n) {
		U8_NEXT(s, k, n, c);
		if (c >= 0 && u_isalpha(c))
			return (!u_islower(c));
	}
	return (0);
}

/* Is c a mark that ends a sentence (. ! ? or the ellipsis)? */
static int
text_is_stop(UChar32 c)
{
	return (c == '.' || c == '!' || c == '?' || c == 0x2026 ||
	    u_hasBinaryProperty(c, UCHAR_S_TERM));
}

/* Are there two sentences in s: ". " then an upper-case letter? */
static int
text_two_sentences(const char *s, size_t len)
{
	size_t	i;
	int32_t	k, n = (int32_t)len;
	UChar32	c;

	for (i = 0; i + 2 < len; i++) {
		if ((s[i] == '.' || s[i] == '!' || s[i] == '?') &&
		    s[i + 1] == ' ') {
			k = (int32_t)i + 2;
			U8_NEXT(s, k, n, c);
			if (c >= 0 && u_isupper(c))
				return (1);
		}
	}
	return (0);
}

/*
 * Does a one-line paragraph read as a heading (or, with title set, as a
 * title)? It is short, starts with no lower-case letter, has one sentence
 * at most and no final punctuation but for a question or exclamation mark
 * in a title or a very short heading ("Et maintenant ?").
 */
static int
text_is_heading(const char *s, size_t len, int title)
{
	size_t	chars, words;
	UChar32	last, before;

	text_count(s, len, &chars, &words);
	if (chars > (title ? 250u : 100u) || words > (title ? 40u : 14u))
		return (0);
	if (!text_starts_upper(s, len))
		return (0);
	last = text_last(s, len, &before);
	/* A quotation that ends a sentence. */
	if (text_is_closer(last) && text_is_stop(before))
		return (0);
	if (last == '?' || last == '!')
		return (title || words <= 6);
	/* Any script's: the Chinese full stop, the Arabic comma too. */
	if (last == '.' || last == ',' || last == ';' || last == ':' ||
	    last == 0x2026 || last == 0xff0e ||
	    u_hasBinaryProperty(last, UCHAR_TERMINAL_PUNCTUATION))
		return (0);
	return (!text_two_sentences(s, len));
}

/* Split s into lowercase tokens of letters or digits; returns how many. */
static size_t
text_tokens(const char *s, size_t len, char tok[][32], size_t max)
{
	int32_t	i = 0, n = (int32_t)len, start;
	UChar32	c;
	size_t	nt = 0;

	while (i < n) {
		start = i;
		U8_NEXT(s, i, n, c);
		if (c < 0 || !(u_isalpha(c) || u_isdigit(c)))
			continue;
		while (i < n) {
			int32_t	prev = i;

			U8_NEXT(s, i, n, c);
			if (c < 0 || !(u_isalpha(c) || u_isdigit(c))) {
				i = prev;
				break;
			}
		}
		if (nt == max)
			return (max + 1);
		if (!text_lower(s + start, (size_t)(i - start), tok[nt],
		    sizeof tok[nt]))
			return (max + 1);
		nt++;
	}
	return (nt);
}

/* A decimal number of 1 to 4 digits, or -1. */
static int
text_number(const char *t)
{
	int	v = 0;
	size_t	i;

	for (i = 0; t[i] != '\0'; i++) {
		if (t[i] < '0' || t[i] > '9' || i == 4)
			return (-1);
		v = v * 10 + (t[i] - '0');
	}
	return (i == 0 ? -1 : v);
}

/* The month a lowercase name means, or 0. */
static int
text_month(const char *t)
{
	size_t	i;

	for (i = 0; i < nitems(text_months); i++) {
		if (strcmp(t, text_months[i].name) == 0)
			return (text_months[i].month);
	}
	return (0);
}

/*
 * Read a date written out ("July 12, 2024", "12 juillet 2024", "1er
 * juillet 2024", "12 июля 2024 г.", "2024-07-12", "12.07.2024") into iso
 * ("2024-07-12"). Returns 0, or -1 if s is not a date and nothing else.
 */
static int
text_date(const char *s, size_t len, char *iso, size_t isosz)
{
	char	tok[8][32];
	size_t	nt, t = 0, i;
	int	day = -1, month = 0, year = -1, a, b;

	nt = text_tokens(s, len, tok, nitems(tok));
	if (nt == 0 || nt > nitems(tok))
		return (-1);
	for (i = 0; i < nitems(text_weekdays); i++) {
		if (strcmp(tok[0], text_weekdays[i]) == 0) {
			t = 1;
			break;
		}
	}
	/* A final "г" or "года" (Russian: "year"). */
	if (nt > t && (strcmp(tok[nt - 1], "\xd0\xb3") == 0 ||
	    strcmp(tok[nt - 1], "\xd0\xb3\xd0\xbe\xd0\xb4\xd0\xb0") == 0))
		nt--;
	if (nt - t == 3 && (month = text_month(tok[t])) != 0) {
		day = text_number(tok[t + 1]);
		year = text_number(tok[t + 2]);
	} else if (nt - t == 3 && (month = text_month(tok[t + 1])) != 0) {
		if (strcmp(tok[t], "1er") == 0)
			day = 1;
		else
			day = text_number(tok[t]);
		year = text_number(tok[t + 2]);
	} else if (nt - t == 3) {
		a = text_number(tok[t]);
		b = text_number(tok[t + 2]);
		month = text_number(tok[t + 1]);
		if (strlen(tok[t]) == 4) {
			year = a;
			day = b;
		} else {
			day = a;
			year = b;
		}
		/* Digits only: the separators must be - . or /. */
		if (strspn(s, "0123456789-./ ") != len)
			return (-1);
	} else
		return (-1);
	if (day < 1 || day > 31 || month < 1 || month > 12 || year < 1800 ||
	    year > 2200)
		return (-1);
	snprintf(iso, isosz, "%04u-%02u-%02u", (unsigned)year % 10000u,
	    (unsigned)month % 100u, (unsigned)day % 100u);
	return (0);
}

/* Does s read as a person's name: a few capitalised words, no digits? */
static int
text_is_name(const char *s, size_t len)
{
	size_t	chars, words, i;
	int32_t	k = 0, n = (int32_t)len, wstart;
	UChar32	c;
	char	w[32];
	int	ok;

	text_count(s, len, &chars, &words);
	if (words == 0 || words > 6 || chars > 80)
		return (0);
	while (k < n) {
		while (k < n && s[k] == ' ')
			k++;
		if (k == n)
			break;
		wstart = k;
		U8_NEXT(s, k, n, c);
		ok = c >= 0 && (u_isupper(c) || u_istitle(c));
		while (k < n && s[k] != ' ') {
			U8_NEXT(s, k, n, c);
			if (c < 0 || u_isdigit(c) || c == ',' || c == ':' ||
			    c == ';')
				return (0);
		}
		if (ok)
			continue;
		if ((size_t)(k - wstart) >= sizeof w)
			return (0);
		memcpy(w, s + wstart, (size_t)(k - wstart));
		w[k - wstart] = '\0';
		for (i = 0; i < nitems(text_particles); i++) {
			if (strcmp(w, text_particles[i]) == 0)
				break;
		}
		if (i == nitems(text_particles))
			return (0);
	}
	return (1);
}

/*
 * Read a byline: "Name, date", "By Name | date", or a date alone. Returns
 * 1 with the date in iso and the name in *name (yours to free; NULL for a
 * date alone), else 0.
 */
static int
text_parse_byline(const char *s, size_t len, char **name, char *iso,
    size_t isosz)
{
	static const char *const	 seps[] = {
		", ", " | ", " \xe2\x80\x94 ", " \xe2\x80\x93 ", " - ",
		" \xc2\xb7 "
	};
	char				 low[16];
	const char			*p, *rest;
	size_t				 i, k, nlen, by = 0;

	*name = NULL;
	if (len > 160)
		return (0);
	if (text_date(s, len, iso, isosz) == 0)
		return (1);
	for (i = 0; i < nitems(text_by); i++) {
		k = strlen(text_by[i]);
		if (len > k && text_lower(s, k, low, sizeof low) &&
		    strcmp(low, text_by[i]) == 0) {
			by = k;
			break;
		}
	}
	/* Try each separator position, left to right. */
	for (p = s + by; p < s + len; p++) {
		for (i = 0; i < nitems(seps); i++) {
			k = strlen(seps[i]);
			if ((size_t)(s + len - p) <= k ||
			    memcmp(p, seps[i], k) != 0)
				continue;
			rest = p + k;
			nlen = (size_t)(p - (s + by));
			if (!text_is_name(s + by, nlen) ||
			    text_date(rest, (size_t)(s + len - rest), iso,
			    isosz) != 0)
				continue;
			*name = xstrndup(s + by, nlen);
			return (1);
		}
	}
	return (0);
}

/* Is the line a byline? */
static int
text_is_byline(const char *s, size_t len)
{
	char	*name, iso[16];

	if (!text_parse_byline(s, len, &name, iso, sizeof iso))
		return (0);
	free(name);
	return (1);
}

/* Set the document's byline and date from a byline line. */
static void
text_set_byline(struct doc *d, const char *s, size_t len)
{
	char	*name, iso[16];

	if (!text_parse_byline(s, len, &name, iso, sizeof iso))
		return;
	if (name != NULL)
		doc_set_byline(d, name);
	doc_set_date(d, iso);
	free(name);
}

/* Start a block for the first line of a run of lines. */
static void
text_run_begin(struct tstate *st, const struct tline *l)
{
	size_t	skip = 0;

	st->before = st->d->nblocks;
	if (l->kind == TL_ITEM) {
		doc_block_begin(st->d, BLOCK_ITEM, l->indent >= 2 ? 2 : 1);
		/* The marker goes: the layout draws its own. */
		skip = l->mark;
	} else {
		doc_block_begin(st->d, BLOCK_PARA, 0);
		st->seen_body = 1;
	}
	doc_text(st->d, l->s + skip, l->len - skip);
	st->open = 1;
}

/* End the block of a run of lines. */
static void
text_run_end(struct tstate *st)
{
	if (!st->open)
		return;
	doc_block_end(st->d);
	if (st->d->nblocks > st->before)
		st->d->blocks[st->d->nblocks - 1].cont = 0;
	st->open = 0;
}

/*
 * Add one more line of a paragraph of several lines: a list item starts a
 * block, any other line continues the current one.
 */
static void
text_run_add(struct tstate *st, const struct tline *l)
{
	if (!st->open || l->kind == TL_ITEM) {
		doc_input_read(st->d, l->s);
		text_run_end(st);
		text_run_begin(st, l);
		return;
	}
	doc_text(st->d, " ", 1);
	doc_text(st->d, l->s, l->len);
}

/* Add a one-line paragraph: title, byline, heading, item or paragraph. */
static void
text_single(struct tstate *st, const struct tline *l)
{
	struct doc	*d = st->d;
	int		 first = !st->seen_first;
	enum block_kind	 kind = BLOCK_PARA;
	int		 level = 0;
	char		*t;

	/* Later lines held start after its end. */
	doc_input_read(d, l->s + l->len);
	st->seen_first = 1;
	if (l->kind == TL_ITEM) {
		text_run_begin(st, l);
		text_run_end(st);
		return;
	}
	if (text_is_byline(l->s, l->len)) {
		/* Near the top it is the byline; a dateline anywhere. */
		if (!st->seen_body && d->byline == NULL && d->date == NULL)
			text_set_byline(d, l->s, l->len);
	} else if (first && text_is_heading(l->s, l->len, 1)) {
		t = xstrndup(l->s, l->len);
		doc_set_title(d, t);
		free(t);
		kind = BLOCK_HEADING;
		level = 1;
	} else if (text_is_heading(l->s, l->len, 0)) {
		kind = BLOCK_HEADING;
		level = 2;
	} else {
		text_run_begin(st, l);
		text_run_end(st);
		return;
	}
	st->before = d->nblocks;
	doc_block_begin(d, kind, level);
	doc_text(d, l->s, l->len);
	st->open = 1;
	text_run_end(st);
}

/*
 * Add a paragraph of a few lines, head[0 .. nhead). The lines of a longer
 * one go to text_run_add() as they come.
 */
static void
text_paragraph(struct tstate *st, struct tline *head, size_t nhead)
{
	size_t	i;

	if (nhead == 1) {
		text_single(st, &head[0]);
		return;
	}
	/* A title and a byline on consecutive lines at the top. */
	if (!st->seen_body && nhead <= 3) {
		for (i = 0; i < nhead; i++) {
			if (head[i].kind != TL_TEXT || head[i].len > 250)
				break;
		}
		if (i == nhead) {
			for (i = 0; i < nhead; i++) {
				if (text_is_byline(head[i].s, head[i].len))
					break;
			}
		}
		if (i < nhead) {
			for (i = 0; i < nhead; i++)
				text_single(st, &head[i]);
			return;
		}
	}
	st->seen_first = 1;
	for (i = 0; i < nhead; i++)
		text_run_add(st, &head[i]);
}

/* One sentence per line: a block per line, cont within a paragraph. */
static void
text_presegmented(struct doc *d, const char *data, size_t len)
{
	const char	*p = data, *end = data + len;
	struct tline	 l;
	size_t		 before;
	int		 cont = 0;

	d->presegmented = 1;
	while (text_next(&p, end, &l)) {
		if (l.kind == TL_BLANK) {
			cont = 0;
			continue;
		}
		before = d->nblocks;
		doc_input_read(d, l.s + l.len);
		doc_add_block(d, BLOCK_PARA, 0, l.s, l.len);
		if (d->nblocks > before) {
			d->blocks[d->nblocks - 1].cont = cont;
			cont = 1;
		}
	}
}

/* Keep a furniture line as a plain block. */
static void
text_furniture(struct tstate *st, const struct tline *l,
    enum block_kind kind, int level)
{
	doc_input_read(st->d, l->s + l->len);
	st->before = st->d->nblocks;
	doc_block_begin(st->d, kind, level);
	doc_text(st->d, l->s, l->len);
	st->open = 1;
	text_run_end(st);
}

/*
 * Drop (or keep as a heading and items) a "More on this topic" line at l
 * and the titles after it: all lines to the end when only a few short
 * ones follow, else the lines up to the next blank one.
 */
static void
text_related(struct tstate *st, const struct tline *l, const char **pp,
    const char *end)
{
	struct tline	 t;
	const char	*p;
	int		 tail = text_related_tail(*pp, end);
	int		 keep = st->opts != NULL && st->opts->keep_furniture;

	if (keep)
		text_furniture(st, l, BLOCK_HEADING, 2);
	for (;;) {
		p = *pp;
		if (!text_next(&p, end, &t) || (!tail && t.len == 0))
			break;
		*pp = p;
		if (keep && t.len != 0)
			text_furniture(st, &t, BLOCK_ITEM, 1);
	}
}

int
load_text(struct doc *d, const char *data, size_t len,
    const struct load_opts *opts, char **cause)
{
	struct tline	 head[TEXT_HEAD], l;
	struct tstate	 st;
	const char	*p = data, *end = data + len, *q;
	size_t		 nhead;
	int		 keep = opts != NULL && opts->keep_furniture;

	(void)cause;
	if (opts != NULL && opts->presegmented) {
		text_presegmented(d, data, len);
		return (0);
	}
	memset(&st, 0, sizeof st);
	st.d = d;
	st.opts = opts;
	while (text_next(&p, end, &l)) {
		text_classify(&l);
		switch (l.kind) {
		case TL_BLANK:
			continue;
		case TL_SWITCH:
		case TL_FOLLOW:
			if (keep)
				text_furniture(&st, &l, BLOCK_PARA, 0);
			continue;
		case TL_RELATED:
			text_related(&st, &l, &p, end);
			continue;
		default:
			break;
		}
		/* A paragraph: its first lines, then the rest as they come. */
		head[0] = l;
		nhead = 1;
		for (;;) {
			q = p;
			if (!text_next(&q, end, &l))
				break;
			text_classify(&l);
			if (l.kind != TL_TEXT && l.kind != TL_ITEM)
				break;
			p = q;
			if (nhead < TEXT_HEAD) {
				head[nhead++] = l;
				continue;
			}
			if (nhead == TEXT_HEAD) {
				text_paragraph(&st, head, nhead);
				nhead++;
			}
			text_run_add(&st, &l);
		}
		if (nhead <= TEXT_HEAD)
			text_paragraph(&st, head, nhead);
		/* No line before p is held (l, if read, is at p). */
		doc_input_read(d, p);
		text_run_end(&st);
	}
	return (0);
}
