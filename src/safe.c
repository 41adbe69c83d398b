/*
 * Terminal-safe output: every byte written for a document passes here.
 * Invalid UTF-8 is shown as U+FFFD, controls as caret or <U+XXXX> escapes.
 * Above util.c; which characters are unsafe is xmalloc.c's char_is_unsafe(),
 * as messages need it too.
 */
#include "config.h"

#include <string.h>

#include <unicode/utf8.h>

#include "safe.h"

void
safe_escape(struct strbuf *sb, const char *s, size_t len, int keep_tab)
{
	int32_t	i = 0, prev, n = len > INT32_MAX ? INT32_MAX : (int32_t)len;
	UChar32	c;

	strbuf_grow(sb, len);
	while (i < n) {
		prev = i;
		if ((unsigned char)s[i] >= 0x20 && (unsigned char)s[i] < 0x7f) {
			strbuf_addch(sb, s[i++]);
			continue;
		}
		U8_NEXT(s, i, n, c);
		if (c < 0) {
			strbuf_add(sb, "\xef\xbf\xbd", 3);
			continue;
		}
		if (c == '\t' && keep_tab) {
			strbuf_addch(sb, '\t');
			continue;
		}
		if (!char_is_unsafe(c)) {
			strbuf_add(sb, s + prev, (size_t)(i - prev));
			continue;
		}
		if (c < 0x20)
			strbuf_addf(sb, "^%c", (char)(c + '@'));
		else if (c == 0x7f)
			strbuf_add(sb, "^?", 2);
		else
			strbuf_addf(sb, "<U+%04X>", (unsigned)c);
	}
}

/*
 * Append s as a JSON string, quoted: quotes and backslashes escaped, newline
 * and tab as \n and \t, the other controls and the bidi marks as \uXXXX,
 * invalid UTF-8 as \ufffd; the rest is UTF-8 as it is.
 */
void
safe_json(struct strbuf *sb, const char *s, size_t len)
{
	int32_t	i = 0, prev, n = len > INT32_MAX ? INT32_MAX : (int32_t)len;
	UChar32	c;

	strbuf_addch(sb, '"');
	while (i < n) {
		prev = i;
		U8_NEXT(s, i, n, c);
		if (c < 0) {
			strbuf_addstr(sb, "\\ufffd");
			continue;
		}
		if (c == '"' || c == '\\') {
			strbuf_addch(sb, '\\');
			strbuf_addch(sb, (char)c);
		} else if (c == '\n')
			strbuf_addstr(sb, "\\n");
		else if (c == '\t')
			strbuf_addstr(sb, "\\t");
		else if (char_is_unsafe(c))
			strbuf_addf(sb, "\\u%04x", (unsigned)c);
		else
			strbuf_add(sb, s + prev, (size_t)(i - prev));
	}
	strbuf_addch(sb, '"');
}

char *
safe_strdup(const char *s)
{
	struct strbuf	sb = STRBUF_INIT;

	safe_escape(&sb, s, strlen(s), 0);
	return (strbuf_detach(&sb, NULL));
}

void
safe_fwrite(FILE *f, const char *s, size_t len)
{
	struct strbuf	sb = STRBUF_INIT;

	safe_escape(&sb, s, len, 0);
	fwrite(sb.buf, 1, sb.len, f);
	strbuf_release(&sb);
}

void
safe_fputs(FILE *f, const char *s)
{
	safe_fwrite(f, s, strlen(s));
}

void
safe_tsv(struct strbuf *sb, const char *s)
{
	struct strbuf	tmp = STRBUF_INIT;

	for (; *s != '\0'; s++) {
		if (*s == '\\')
			strbuf_addstr(&tmp, "\\\\");
		else if (*s == '\t')
			strbuf_addstr(&tmp, "\\t");
		else if (*s == '\n')
			strbuf_addstr(&tmp, "\\n");
		else if (*s == '\r')
			strbuf_addstr(&tmp, "\\r");
		else
			strbuf_addch(&tmp, *s);
	}
	safe_escape(sb, tmp.buf, tmp.len, 0);
	strbuf_release(&tmp);
}
