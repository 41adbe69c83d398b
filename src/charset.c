/*
 * Character sets: finding what an input is written in and decoding it to
 * UTF-8, with ICU's converters (ucnv) and charset detector (ucsdet).
 *
 * The order is the HTML standard's, without the network: a byte order mark
 * wins, then a charset declared from outside or in the page, then UTF-8 if
 * the bytes are (nearly all) valid UTF-8, then ICU's statistical detection.
 * Anything that still does not decode becomes U+FFFD, never a failure.
 */
#include "config.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/ustring.h>
#include <unicode/utf8.h>

#include "load.h"

static int	charset_same(const char *, const char *);

int
charset_is_utf8(const char *data, size_t len)
{
	int32_t	i = 0, n;
	UChar32	c;

	while (len > 0) {
		n = len > INT32_MAX ? INT32_MAX : (int32_t)len;
		i = 0;
		while (i < n) {
			if ((unsigned char)data[i] < 0x80) {
				i++;
				continue;
			}
			U8_NEXT(data, i, n, c);
			if (c < 0)
				return (0);
		}
		data += n;
		len -= (size_t)n;
	}
	return (1);
}

/* Count valid multibyte and invalid UTF-8 sequences in data. */
static void
utf8_census(const char *data, size_t len, size_t *good, size_t *bad)
{
	int32_t	i = 0, n = len > INT32_MAX ? INT32_MAX : (int32_t)len;
	UChar32	c;

	*good = *bad = 0;
	while (i < n) {
		if ((unsigned char)data[i] < 0x80) {
			i++;
			continue;
		}
		U8_NEXT(data, i, n, c);
		if (c < 0)
			(*bad)++;
		else
			(*good)++;
	}
}

/* The charset a byte order mark announces, and the mark's length. */
static const char *
bom_charset(const char *data, size_t len, size_t *bomlen)
{
	const unsigned char	*u = (const unsigned char *)data;

	*bomlen = 0;
	if (len >= 3 && u[0] == 0xef && u[1] == 0xbb && u[2] == 0xbf) {
		*bomlen = 3;
		return ("UTF-8");
	}
	if (len >= 2 && u[0] == 0xff && u[1] == 0xfe) {
		*bomlen = 2;
		return ("UTF-16LE");
	}
	if (len >= 2 && u[0] == 0xfe && u[1] == 0xff) {
		*bomlen = 2;
		return ("UTF-16BE");
	}
	return (NULL);
}

/*
 * UTF-16 without a byte order mark (issue 18: it was "a binary file"):
 * in the first 8 KiB, at least one code unit in ten has a zero high byte
 * (spaces, newlines, punctuation, Latin letters), the other byte of a pair
 * is hardly ever zero, and every code unit is plausible text: no controls
 * but tab, CR and LF, no NUL, no unpaired surrogate, no noncharacter.
 * Returns "UTF-16LE", "UTF-16BE" or NULL.
 */
static const char *
utf16_guess(const char *data, size_t len)
{
	const unsigned char	*u = (const unsigned char *)data;
	size_t			 n = (len < 8192 ? len : 8192) / 2, i, o;
	size_t			 zero[2] = { 0, 0 };
	unsigned int		 c, next;
	int			 bad;

	if (n < 2)
		return (NULL);
	for (i = 0; i < n; i++) {
		if (u[2 * i] == 0 && u[2 * i + 1] != 0)
			zero[0]++;	/* big-endian high byte */
		if (u[2 * i + 1] == 0 && u[2 * i] != 0)
			zero[1]++;	/* little-endian high byte */
	}
	for (o = 0; o < 2; o++) {
		if (zero[o] * 10 < n || zero[1 - o] * 20 > zero[o])
			continue;
		bad = 0;
		for (i = 0; i < n && !bad; i++) {
			c = o == 1 ? u[2 * i] | (unsigned int)u[2 * i + 1] << 8 :
			    (unsigned int)u[2 * i] << 8 | u[2 * i + 1];
			if (c >= 0xd800 && c <= 0xdbff) {
				if (i + 1 == n)
					break;	/* cut at 8 KiB */
				i++;
				next = o == 1 ? u[2 * i] |
				    (unsigned int)u[2 * i + 1] << 8 :
				    (unsigned int)u[2 * i] << 8 | u[2 * i + 1];
				bad = next < 0xdc00 || next > 0xdfff;
			} else
				bad = (c < 0x20 && c != '\t' && c != '\n' &&
				    c != '\r') || (c >= 0x7f && c < 0xa0) ||
				    (c >= 0xdc00 && c <= 0xdfff) || c >= 0xfffe;
		}
		if (!bad)
			return (o == 1 ? "UTF-16LE" : "UTF-16BE");
	}
	return (NULL);
}

int
charset_looks_binary(const char *data, size_t len)
{
	size_t	i, n = len < 8192 ? len : 8192, ctl = 0, bomlen;

	if (bom_charset(data, len, &bomlen) != NULL &&
	    strncmp(bom_charset(data, len, &bomlen), "UTF-16", 6) == 0)
		return (0);
	if (utf16_guess(data, len) != NULL)
		return (0);
	for (i = 0; i < n; i++) {
		unsigned char	c = (unsigned char)data[i];

		if (c == 0)
			return (1);
		if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' &&
		    c != '\f' && c != 0x1b)
			ctl++;
	}
	return (n > 0 && ctl * 10 > n);
}

/* Copy a charset name found at p (quotes, spaces and ; end it). */
static char *
charset_name_at(const char *p, const char *end)
{
	const char	*q;

	while (p < end && (*p == ' ' || *p == '"' || *p == '\'' || *p == '='))
		p++;
	for (q = p; q < end && (isalnum((unsigned char)*q) || *q == '-' ||
	    *q == '_' || *q == '.' || *q == ':'); q++)
		;
	if (q == p || q - p > 40)
		return (NULL);
	return (xstrndup(p, (size_t)(q - p)));
}

/* Case-insensitive search for needle in [p, end). */
static const char *
find_ci(const char *p, const char *end, const char *needle)
{
	size_t	n = strlen(needle);

	for (; p + n <= end; p++) {
		if (strncasecmp(p, needle, n) == 0)
			return (p);
	}
	return (NULL);
}

char *
charset_sniff_declared(const char *data, size_t len)
{
	const char	*end = data + (len < 4096 ? len : 4096), *p, *tag_end;
	const char	*c;

	/* An XML declaration. */
	if (len > 5 && strncmp(data, "<?xml", 5) == 0) {
		tag_end = memchr(data, '>', (size_t)(end - data));
		if (tag_end != NULL &&
		    (c = find_ci(data, tag_end, "encoding")) != NULL)
			return (charset_name_at(c + 8, tag_end));
	}
	/* <meta charset=...> or <meta http-equiv content="...; charset=">. */
	for (p = data; (p = find_ci(p, end, "<meta")) != NULL; p += 5) {
		tag_end = memchr(p, '>', (size_t)(end - p));
		if (tag_end == NULL)
			break;
		if ((c = find_ci(p, tag_end, "charset")) != NULL)
			return (charset_name_at(c + 7, tag_end));
	}
	return (NULL);
}

/* ICU detection confidences (0 to 100): always trusted; never. */
#define CHARSET_STRONG	50
#define CHARSET_WEAK	10

/* The charsets of EN, FR and RU texts, as ICU's detector names them. */
static const char *const charset_usual[] = {
	"windows-1251", "KOI8-R", "ISO-8859-5", "IBM866", "windows-1252",
	"ISO-8859-1"
};

/* Run ICU detection; returns a static charset name or NULL. */
static const char *
charset_detect(const char *data, size_t len)
{
	UCharsetDetector	*det;
	const UCharsetMatch	*m;
	UErrorCode		 ec = U_ZERO_ERROR;
	const char		*name = NULL;
	int32_t			 n = len > 65536 ? 65536 : (int32_t)len;
	int32_t			 conf = 0;
	size_t			 i;

	det = ucsdet_open(&ec);
	if (U_FAILURE(ec))
		return (NULL);
	ucsdet_enableInputFilter(det, 1);
	ucsdet_setText(det, data, n, &ec);
	m = ucsdet_detect(det, &ec);
	if (U_SUCCESS(ec) && m != NULL) {
		name = ucsdet_getName(m, &ec);
		conf = ucsdet_getConfidence(m, &ec);
	}
	if (U_FAILURE(ec))
		name = NULL;
	/*
	 * On short texts ICU's guesses are wild ("За мир!" in windows-1251
	 * is "ISO-8859-8"): below a strong confidence, only trust the
	 * charsets EN, FR and RU texts are written in.
	 */
	if (name != NULL && conf < CHARSET_STRONG) {
		for (i = 0; i < nitems(charset_usual); i++) {
			if (strcmp(name, charset_usual[i]) == 0)
				break;
		}
		if (i == nitems(charset_usual) || conf < CHARSET_WEAK)
			name = NULL;
	}
	/* The name belongs to ICU's static tables, not the detector. */
	if (name != NULL)
		name = ucnv_getStandardName(name, "IANA", &ec);
	ucsdet_close(det);
	if (U_FAILURE(ec))
		return (NULL);
	/* Without a byte order mark, UTF-16 or UTF-32 is a false match. */
	if (name != NULL && (strncasecmp(name, "UTF-16", 6) == 0 ||
	    strncasecmp(name, "UTF-32", 6) == 0))
		return (NULL);
	/* Web reality: ISO-8859-1 labels mean windows-1252. */
	if (name != NULL && (charset_same(name, "ISO-8859-1") ||
	    charset_same(name, "US-ASCII")))
		name = "windows-1252";
	return (name);
}

/*
 * The last resort when ICU's detector has no answer (very short texts):
 * Russian in windows-1251 is words of bytes over 0xC0, while French or
 * German in windows-1252 has accented letters alone between ASCII ones.
 */
static const char *
charset_guess_8bit(const char *data, size_t len)
{
	const unsigned char	*u = (const unsigned char *)data;
	size_t			 i, high = 0, paired = 0;

	for (i = 0; i < len && i < 65536; i++) {
		if (u[i] < 0x80)
			continue;
		high++;
		if ((i > 0 && u[i - 1] >= 0xc0) ||
		    (i + 1 < len && u[i + 1] >= 0xc0))
			paired++;
	}
	return (high != 0 && paired * 2 > high ? "windows-1251" :
	    "windows-1252");
}

/* Remove NUL bytes from a decoded string; returns the new length. */
static size_t
charset_strip_nul(char *s, size_t len)
{
	char	*w = s;
	size_t	 i;

	if (memchr(s, '\0', len) == NULL)
		return (len);
	for (i = 0; i < len; i++) {
		if (s[i] != '\0')
			*w++ = s[i];
	}
	*w = '\0';
	return ((size_t)(w - s));
}

/* Decode with an ICU converter; invalid input becomes U+FFFD. */
static int
decode_with(const char *cs, const char *data, size_t len, char **out,
    size_t *outlen)
{
	UConverter	*cnv;
	UErrorCode	 ec = U_ZERO_ERROR;
	UChar		*u;
	int32_t		 ulen, olen;
	char		*o;

	if (len > INT32_MAX / 4)
		return (-1);
	cnv = ucnv_open(cs, &ec);
	if (U_FAILURE(ec))
		return (-1);
	u = xreallocarray(NULL, len * 2 + 2, sizeof *u);
	ulen = ucnv_toUChars(cnv, u, (int32_t)(len * 2 + 2), data,
	    (int32_t)len, &ec);
	ucnv_close(cnv);
	if (U_FAILURE(ec)) {
		free(u);
		return (-1);
	}
	u_strToUTF8WithSub(NULL, 0, &olen, u, ulen, 0xfffd, NULL, &ec);
	ec = U_ZERO_ERROR;
	o = xmalloc((size_t)olen + 1);
	u_strToUTF8WithSub(o, olen + 1, NULL, u, ulen, 0xfffd, NULL, &ec);
	free(u);
	if (U_FAILURE(ec)) {
		free(o);
		return (-1);
	}
	o[olen] = '\0';
	*out = o;
	*outlen = (size_t)olen;
	return (0);
}

/* Do two charset names name the same charset (by their IANA names)? */
static int
charset_same(const char *a, const char *b)
{
	const char	*sa, *sb;
	UErrorCode	 ec = U_ZERO_ERROR;

	if (strcasecmp(a, b) == 0)
		return (1);
	sa = ucnv_getStandardName(a, "IANA", &ec);
	if (U_FAILURE(ec) || sa == NULL)
		return (0);
	sb = ucnv_getStandardName(b, "IANA", &ec);
	if (U_FAILURE(ec) || sb == NULL)
		return (0);
	return (strcmp(sa, sb) == 0);
}

/* Is cs a name of UTF-8? */
static int
is_utf8_name(const char *cs)
{
	return (strcasecmp(cs, "utf-8") == 0 || strcasecmp(cs, "utf8") == 0);
}

/*
 * The charset that hint (a page's declaration) names, as data bears it
 * out: NULL when ICU does not know it, for UTF-16 or UTF-32 in 8-bit text
 * (a lie), and for UTF-8 that is mostly not; Latin-1 and ASCII read as
 * windows-1252, and as UTF-8 when valid UTF-8.
 */
static const char *
declared_charset(const char *hint, const char *data, size_t len)
{
	const char	*cs;
	size_t		 good, bad;
	UErrorCode	 ec = U_ZERO_ERROR;

	cs = ucnv_getStandardName(hint, "IANA", &ec);
	if (U_FAILURE(ec) || cs == NULL) {
		ec = U_ZERO_ERROR;
		cs = ucnv_getStandardName(hint, "MIME", &ec);
	}
	if (U_FAILURE(ec) || cs == NULL || strncasecmp(cs, "UTF-16", 6) == 0 ||
	    strncasecmp(cs, "UTF-32", 6) == 0)
		return (NULL);
	if (charset_same(cs, "ISO-8859-1") || charset_same(cs, "US-ASCII"))
		cs = "windows-1252";
	/* A page declared Latin-1 that is valid UTF-8 is UTF-8. */
	if (!is_utf8_name(cs) && strcasecmp(cs, "windows-1252") == 0) {
		utf8_census(data, len, &good, &bad);
		return (good > 0 && bad == 0 ? "UTF-8" : cs);
	}
	/* A page declared UTF-8 that is mostly not: detect. */
	if (is_utf8_name(cs)) {
		utf8_census(data, len, &good, &bad);
		if (bad != 0 && good < bad)
			cs = NULL;
	}
	return (cs);
}

/*
 * The charset of data, as charset_decode() takes it; *bomlen is the
 * length of a byte order mark to skip, and *valid is set when a census
 * found data all valid UTF-8 (so it need not be checked again).
 */
static const char *
charset_choose(const char *data, size_t len, const char *hint,
    size_t *bomlen, int *valid)
{
	const char	*cs;
	size_t		 good, bad;

	*valid = 0;
	cs = bom_charset(data, len, bomlen);
	if (cs != NULL) {
		data += *bomlen;
		len -= *bomlen;
	} else if ((cs = utf16_guess(data, len)) != NULL) {
		/* UTF-16 without a mark: what a declaration says is lost. */
	} else if (hint != NULL)
		cs = declared_charset(hint, data, len);
	if (cs == NULL) {
		/*
		 * Text in an 8-bit charset is hardly ever valid UTF-8 by
		 * chance: UTF-8 with more good sequences than bad ones is
		 * UTF-8 with a few broken bytes.
		 */
		utf8_census(data, len, &good, &bad);
		*valid = bad == 0 && len <= INT32_MAX;
		if (bad == 0 || good >= bad)
			cs = "UTF-8";
		else if ((cs = charset_detect(data, len)) == NULL)
			cs = charset_guess_8bit(data, len);
	}
	return (cs);
}

/*
 * charset_decode(), and charset_decode_take() when own is data (which it
 * then owns): valid UTF-8 is used where it lies rather than copied.
 */
static int
decode_common(const char *data, size_t len, char *own, const char *hint,
    char **out, size_t *outlen, const char **used, char **cause)
{
	const char	*cs;
	size_t		 bomlen = 0;
	int		 valid;

	*out = NULL;
	*outlen = 0;
	cs = charset_choose(data, len, hint, &bomlen, &valid);
	data += bomlen;
	len -= bomlen;
	if (is_utf8_name(cs)) {
		cs = "UTF-8";
		/* The census, if it ran, checked it all already. */
		if (valid || charset_is_utf8(data, len)) {
			if (own != NULL) {
				if (bomlen > 0)
					memmove(own, data, len);
				*out = own;
			} else {
				*out = xmalloc(len + 1);
				memcpy(*out, data, len);
			}
			(*out)[len] = '\0';
			*outlen = charset_strip_nul(*out, len);
			*used = cs;
			return (0);
		}
	}
	if (decode_with(cs, data, len, out, outlen) != 0 &&
	    decode_with("UTF-8", data, len, out, outlen) != 0) {
		*cause = xstrprintf("cannot decode the text as %s", cs);
		free(own);
		return (-1);
	}
	free(own);
	*outlen = charset_strip_nul(*out, *outlen);
	*used = cs;
	return (0);
}

int
charset_decode(const char *data, size_t len, const char *hint, char **out,
    size_t *outlen, const char **used, char **cause)
{
	return (decode_common(data, len, NULL, hint, out, outlen, used,
	    cause));
}

int
charset_decode_take(char *data, size_t len, const char *hint, char **out,
    size_t *outlen, const char **used, char **cause)
{
	return (decode_common(data, len, data, hint, out, outlen, used,
	    cause));
}
