/*
 * html-meta.c: what a saved web page states about its article (see
 * html-meta.h), read from libxml2's parsed tree.
 *
 * One walk of the tree (no recursion, each node entered once) gathers the
 * candidates for each field into ranked slots, cand[field][rank], keeping
 * the first value met for a rank: the <meta> tags by their names (a table
 * gives each name its field and rank), the itemprop microdata, <link
 * rel=canonical>, <html lang>, <title> and <time>. The JSON-LD scripts
 * are parsed as they are met, and the best article among all of them is
 * kept; at the end its values go to the JSON-LD rank of their fields and
 * each field takes its best ranked candidate. Authors come whole from one
 * source: JSON-LD, else the <meta> tags, else the microdata.
 *
 * Pages are hostile: every value is capped, the JSON-LD scripts are
 * parsed only up to a size (each and all of them together), and the
 * microdata that needs the text of an element reads it at most a few
 * times per element kind, so the whole read stays linear in the page.
 */
#include "config.h"

#include <ctype.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <jansson.h>
#include <libxml/tree.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "html-meta.h"
#include "util.h"

/* The longest value kept for each kind of field (bytes). */
#define META_TEXT_MAX	1000		/* headline, site, section, type */
#define META_DESC_MAX	2000		/* subtitle */
#define META_URL_MAX	2048
#define META_DATE_MAX	100
#define META_LANG_MAX	64
#define META_BODY_MAX	(4 * 1024 * 1024)

/* At most META_AUTHORS names, each of at most META_NAME_CHARS characters. */
#define META_AUTHORS	32
#define META_NAME_CHARS	100
/* Bytes to read of a name: enough to tell it is longer than allowed. */
#define META_NAME_MAX	(META_NAME_CHARS * 4 + 4)

/* The largest JSON-LD script parsed, and all of a page's together. */
#define META_JSON_MAX	(4 * 1024 * 1024)
#define META_JSON_TOTAL	(16 * 1024 * 1024)
/* How deep the search for the article goes into a JSON-LD value. */
#define META_JSON_DEPTH	16
/* How many items of a JSON array are looked at for a string or a name. */
#define META_JSON_ITEMS	64
/* How many names of a <meta> or an itemprop= list are looked at. */
#define META_WORDS	16

/* The fields chosen by rank. */
enum mfield {
	MF_TITLE,
	MF_SUBTITLE,
	MF_SITE,
	MF_PUBLISHED,
	MF_MODIFIED,
	MF_CANONICAL,
	MF_LANG,
	MF_SECTION,
	MF_COUNT,
	MF_AUTHOR			/* not a slot: an author's name */
};

/* Where each field is in struct html_meta, how long it may be, and the
 * rank of the JSON-LD value among its sources. */
static const struct {
	size_t	off;
	size_t	max;
	int	ld_rank;
} mfields[MF_COUNT] = {
	[MF_TITLE] = { offsetof(struct html_meta, title), META_TEXT_MAX, 0 },
	[MF_SUBTITLE] = { offsetof(struct html_meta, subtitle),
	    META_DESC_MAX, 0 },
	[MF_SITE] = { offsetof(struct html_meta, site), META_TEXT_MAX, 0 },
	[MF_PUBLISHED] = { offsetof(struct html_meta, published),
	    META_DATE_MAX, 0 },
	[MF_MODIFIED] = { offsetof(struct html_meta, modified),
	    META_DATE_MAX, 0 },
	/* After <link rel=canonical> (0) and og:url (1). */
	[MF_CANONICAL] = { offsetof(struct html_meta, canonical),
	    META_URL_MAX, 2 },
	/* After <html lang> (0). */
	[MF_LANG] = { offsetof(struct html_meta, lang), META_LANG_MAX, 1 },
	[MF_SECTION] = { offsetof(struct html_meta, section),
	    META_TEXT_MAX, 0 },
};

/* The ranks of the sources that are not JSON-LD or <meta> tags. */
#define R_HTML_LANG	0	/* <html lang> */
#define R_LINK_CANON	0	/* <link rel=canonical> */
#define R_MD_PUBLISHER	3	/* itemprop=publisher's name */
#define R_MD_HEADLINE	6	/* itemprop=headline */
#define R_MD_MODIFIED	10	/* itemprop=dateModified */
#define R_MD_PUBLISHED	20	/* itemprop=datePublished */
#define R_TIME_PUBDATE	21	/* <time pubdate datetime> */
#define R_TIME_ARTICLE	22	/* the first <time datetime> in an <article> */
#define R_TIME_PAGE	23	/* the first <time datetime> */
#define MRANKS		24

/*
 * The <meta> names (name=, property=, itemprop=, http-equiv=; compared
 * case-insensitively), the field each gives, and its rank there: lower is
 * better, the same rank keeps the first met.
 */
static const struct mkey {
	const char	*key;
	enum mfield	 field;
	int		 rank;
} mkeys[] = {
	{ "og:title", MF_TITLE, 1 },
	{ "twitter:title", MF_TITLE, 2 },
	{ "dc.title", MF_TITLE, 3 },
	{ "dc:title", MF_TITLE, 3 },
	{ "dcterms.title", MF_TITLE, 3 },
	{ "title", MF_TITLE, 4 },
	{ "parsely-title", MF_TITLE, 4 },
	{ "sailthru.title", MF_TITLE, 4 },
	{ "headline", MF_TITLE, 5 },

	{ "og:description", MF_SUBTITLE, 1 },
	{ "description", MF_SUBTITLE, 2 },
	{ "twitter:description", MF_SUBTITLE, 3 },
	{ "dc.description", MF_SUBTITLE, 4 },
	{ "dc:description", MF_SUBTITLE, 4 },
	{ "dcterms.description", MF_SUBTITLE, 4 },

	{ "og:site_name", MF_SITE, 1 },
	{ "application-name", MF_SITE, 2 },

	{ "article:published_time", MF_PUBLISHED, 1 },
	{ "og:published_time", MF_PUBLISHED, 2 },
	{ "og:article:published_time", MF_PUBLISHED, 2 },
	{ "datepublished", MF_PUBLISHED, 3 },
	{ "pubdate", MF_PUBLISHED, 4 },
	{ "publishdate", MF_PUBLISHED, 4 },
	{ "publish-date", MF_PUBLISHED, 4 },
	{ "publish_date", MF_PUBLISHED, 4 },
	{ "date", MF_PUBLISHED, 5 },
	{ "dc.date", MF_PUBLISHED, 6 },
	{ "dc:date", MF_PUBLISHED, 6 },
	{ "dc.date.issued", MF_PUBLISHED, 6 },
	{ "dc.date.created", MF_PUBLISHED, 6 },
	{ "dcterms.created", MF_PUBLISHED, 6 },
	{ "dcterms.issued", MF_PUBLISHED, 6 },
	{ "dcterms.date", MF_PUBLISHED, 6 },
	{ "sailthru.date", MF_PUBLISHED, 7 },
	{ "parsely-pub-date", MF_PUBLISHED, 7 },
	{ "citation_publication_date", MF_PUBLISHED, 8 },
	{ "citation_date", MF_PUBLISHED, 8 },

	{ "article:modified_time", MF_MODIFIED, 1 },
	{ "og:updated_time", MF_MODIFIED, 2 },
	{ "datemodified", MF_MODIFIED, 3 },
	{ "last-modified", MF_MODIFIED, 4 },
	{ "dcterms.modified", MF_MODIFIED, 5 },
	{ "dc.date.modified", MF_MODIFIED, 5 },

	{ "og:url", MF_CANONICAL, 1 },

	{ "og:locale", MF_LANG, 2 },
	{ "content-language", MF_LANG, 3 },
	{ "dc.language", MF_LANG, 4 },
	{ "dc:language", MF_LANG, 4 },
	{ "dcterms.language", MF_LANG, 4 },
	{ "language", MF_LANG, 4 },

	{ "article:section", MF_SECTION, 1 },

	{ "author", MF_AUTHOR, 0 },
	{ "article:author", MF_AUTHOR, 0 },
	{ "dc.creator", MF_AUTHOR, 0 },
	{ "dc:creator", MF_AUTHOR, 0 },
	{ "dcterms.creator", MF_AUTHOR, 0 },
	{ "parsely-author", MF_AUTHOR, 0 },
	{ "sailthru.author", MF_AUTHOR, 0 },
	{ "byl", MF_AUTHOR, 0 },
};

/* The schema.org types taken for an article, and the last resort. */
static const char *const ld_articles[] = {
	"NewsArticle", "Article", "ReportageNewsArticle",
	"AnalysisNewsArticle", "OpinionNewsArticle", "BackgroundNewsArticle",
	"ReviewNewsArticle", "SatiricalArticle", "AdvertiserContentArticle",
	"BlogPosting", "LiveBlogPosting", "TechArticle", "ScholarlyArticle",
	"Report", "SocialMediaPosting"
};
#define LD_WEBPAGE	"WebPage"
#define LD_WEBSITE	"WebSite"

/* A list of names, without duplicates. */
struct names {
	char	**v;
	size_t	  n;
	size_t	  alloc;
};

/* How good a JSON-LD object is as the article (compared in this order). */
struct jl_score {
	int	cls;		/* 0 none, 1 a WebPage, 2 an article */
	int	body;		/* it has an articleBody */
	int	main;		/* it is a mainEntity */
	size_t	hlen;		/* its headline's length */
};

/* A JSON-LD text being read. */
struct jl {
	json_t		**objs;		/* the objects met, for "@id" */
	size_t		  nobjs;
	size_t		  aobjs;
	json_t		 *best;		/* the article */
	struct jl_score	  score;
	const char	 *type;		/* its type */
	json_t		 *website;	/* the first WebSite */
	json_t		 *lang;		/* the first inLanguage */
};

/* An itemprop=author or itemprop=publisher element open in the walk. */
struct mdopen {
	xmlNode		*n;		/* NULL when none is */
	int		 named;		/* its itemprop=name was taken */
	int		 scopes;	/* itemscope elements open inside */
	unsigned	 seq;		/* when it was opened */
};

/* The walk of a page. */
struct mctx {
	char		*cand[MF_COUNT][MRANKS];
	char		*page_title;
	struct names	 meta_authors;	/* from <meta> tags */
	struct names	 md_authors;	/* from itemprop=author */

	struct html_meta ld;		/* the best JSON-LD read so far */
	struct jl_score	 ld_score;
	int		 ld_found;
	char		*ld_site;	/* a site named by another script */
	char		*ld_lang;	/* a language given by another */
	size_t		 json_left;	/* JSON bytes the page may still use */

	int		 article;	/* <article> depth */
	struct mdopen	 author;
	struct mdopen	 publisher;
	unsigned	 seq;
};

#define CL_ENTITIES	0x1		/* decode HTML entities */
#define CL_LINES	0x2		/* keep line and paragraph breaks */

static char	**mslot(struct html_meta *, enum mfield);
static char	*clean(const char *, size_t, int);
static size_t	 entity(const char *, char *, size_t *);
static size_t	 utf8_put(char *, uint32_t);
static int	 fold_equal(const char *, const char *);
static int	 looks_url(const char *);
static void	 names_add(struct names *, const char *, int);
static void	 names_release(struct names *);
static void	 date_norm(char **);
static void	 lang_norm(char **);
static int	 digits(const char **, int, int *);
static int	 month_days(int, int);

static int	 score_cmp(const struct jl_score *, const struct jl_score *);
static char	*jl_repair(const char *, size_t, size_t *);
static json_t	*jl_parse(const char *, size_t);
static const char *jl_str(json_t *);
static json_t	*jl_resolve(struct jl *, json_t *);
static const char *jl_name(struct jl *, json_t *);
static int	 jl_class(json_t *, const char **);
static void	 jl_visit(struct jl *, json_t *, int, int);
static void	 jl_authors(struct jl *, json_t *, struct names *);
static const char *jl_lang(json_t *);
static const char *jl_canonical(json_t *);
static void	 jl_take(struct jl *, struct html_meta *);
static int	 jl_read(const char *, size_t, struct html_meta *,
		     struct jl_score *);
static void	 meta_fill(struct html_meta *, struct html_meta *);

static char	*attr(const xmlNode *, const char *);
static int	 trimmed_is(const char *, const char *);
static int	 word_in(const char *, const char *);
static int	 attr_has_word(const xmlNode *, const char *, const char *);
static char	*subtree_text(const xmlNode *, size_t, int *);
static void	 keep(struct mctx *, enum mfield, int, const char *);
static void	 meta_key(struct mctx *, const char *, const char *);
static void	 meta_tag(struct mctx *, xmlNode *);
static void	 link_tag(struct mctx *, xmlNode *);
static void	 script_tag(struct mctx *, xmlNode *);
static void	 time_tag(struct mctx *, xmlNode *);
static char	*md_value(const xmlNode *, size_t);
static struct mdopen *md_target(struct mctx *);
static void	 md_name(struct mctx *, const char *);
static void	 md_open(struct mctx *, struct mdopen *, xmlNode *);
static void	 md_element(struct mctx *, xmlNode *);
static void	 md_author_end(struct mctx *);
static int	 walk_enter(struct mctx *, xmlNode *);
static void	 walk_leave(struct mctx *, xmlNode *);
static void	 walk(xmlNode *, struct mctx *);

/* A slot of struct html_meta by field. */
static char **
mslot(struct html_meta *m, enum mfield f)
{
	return ((char **)((char *)m + mfields[f].off));
}

/*
 * A value cleaned for keeping: HTML entities decoded when asked (JSON-LD
 * text may hold them, libxml2 gives scripts raw), control characters and
 * whitespace runs made one space (or, with CL_LINES, a line break or a
 * blank line when the run held them), trimmed, cut to max bytes at a
 * character boundary. NULL when nothing is left; you own the result.
 */
static char *
clean(const char *s, size_t max, int flags)
{
	struct strbuf	 sb = STRBUF_INIT;
	const char	*p = s, *chunk;
	char		 u[8];
	size_t		 len, adv, i, nl = 0;
	int		 space = 0;
	unsigned char	 b;

	if (s == NULL)
		return (NULL);
	while (*p != '\0' && sb.len <= max) {
		adv = 0;
		len = 0;
		if ((flags & CL_ENTITIES) && *p == '&')
			len = entity(p, u, &adv);
		if (adv != 0) {
			chunk = u;
			p += adv;
		} else {
			chunk = p++;
			len = 1;
		}
		for (i = 0; i < len; i++) {
			b = (unsigned char)chunk[i];
			if (b <= ' ' || b == 0x7f) {
				if (b == '\n')
					nl++;
				space = 1;
				continue;
			}
			if (space && sb.len != 0) {
				if ((flags & CL_LINES) && nl >= 2)
					strbuf_addstr(&sb, "\n\n");
				else if ((flags & CL_LINES) && nl == 1)
					strbuf_addch(&sb, '\n');
				else
					strbuf_addch(&sb, ' ');
			}
			space = 0;
			nl = 0;
			strbuf_addch(&sb, b);
		}
	}
	if (sb.len > max) {
		len = max;
		while (len > 0 && ((unsigned char)sb.buf[len] & 0xc0) == 0x80)
			len--;
		while (len > 0 && (sb.buf[len - 1] == ' ' ||
		    sb.buf[len - 1] == '\n'))
			len--;
		strbuf_setlen(&sb, len);
	}
	if (sb.len == 0) {
		strbuf_release(&sb);
		return (NULL);
	}
	return (strbuf_detach(&sb, NULL));
}

/*
 * Decode the HTML entity at s ("&amp;", "&#233;", "&#xE9;", and the few
 * named ones news sites use) into out (at least 8 bytes): returns its
 * length and sets *adv to the bytes read, or leaves *adv 0 when s is not
 * an entity known here. &nbsp; and control characters become a space.
 */
static size_t
entity(const char *s, char *out, size_t *adv)
{
	static const struct {
		const char	*name;
		const char	*utf8;
	} named[] = {
		{ "amp", "&" }, { "lt", "<" }, { "gt", ">" }, { "quot", "\"" },
		{ "apos", "'" }, { "nbsp", " " }, { "ndash", "\xe2\x80\x93" },
		{ "mdash", "\xe2\x80\x94" }, { "hellip", "\xe2\x80\xa6" },
		{ "lsquo", "\xe2\x80\x98" }, { "rsquo", "\xe2\x80\x99" },
		{ "ldquo", "\xe2\x80\x9c" }, { "rdquo", "\xe2\x80\x9d" },
		{ "laquo", "\xc2\xab" }, { "raquo", "\xc2\xbb" },
	};
	const char	*p = s + 1;
	uint32_t	 c = 0;
	size_t		 i, n, l;
	int		 base = 10;

	*adv = 0;
	if (*p == '#') {
		p++;
		if (*p == 'x' || *p == 'X') {
			base = 16;
			p++;
		}
		for (n = 0; n < 8 && isxdigit((unsigned char)*p); n++, p++) {
			if (base == 10 && !isdigit((unsigned char)*p))
				break;
			c = c * base + (isdigit((unsigned char)*p) ? *p - '0' :
			    (tolower((unsigned char)*p) - 'a' + 10));
		}
		if (n == 0 || *p != ';' || c == 0 || c > 0x10ffff ||
		    (c >= 0xd800 && c <= 0xdfff))
			return (0);
		*adv = (size_t)(p + 1 - s);
		if (c < 0x20 || c == 0x7f)
			c = ' ';
		return (utf8_put(out, c));
	}
	for (i = 0; i < nitems(named); i++) {
		n = strlen(named[i].name);
		if (strncmp(p, named[i].name, n) == 0 && p[n] == ';') {
			*adv = n + 2;
			l = strlen(named[i].utf8);
			memcpy(out, named[i].utf8, l);
			return (l);
		}
	}
	return (0);
}

/* Write code point c as UTF-8 into out; return its length. */
static size_t
utf8_put(char *out, uint32_t c)
{
	if (c < 0x80) {
		out[0] = (char)c;
		return (1);
	}
	if (c < 0x800) {
		out[0] = (char)(0xc0 | (c >> 6));
		out[1] = (char)(0x80 | (c & 0x3f));
		return (2);
	}
	if (c < 0x10000) {
		out[0] = (char)(0xe0 | (c >> 12));
		out[1] = (char)(0x80 | ((c >> 6) & 0x3f));
		out[2] = (char)(0x80 | (c & 0x3f));
		return (3);
	}
	out[0] = (char)(0xf0 | (c >> 18));
	out[1] = (char)(0x80 | ((c >> 12) & 0x3f));
	out[2] = (char)(0x80 | ((c >> 6) & 0x3f));
	out[3] = (char)(0x80 | (c & 0x3f));
	return (4);
}

/* Are two UTF-8 strings equal when case-folded ("ИВАН" and "Иван")? */
static int
fold_equal(const char *a, const char *b)
{
	int32_t	i = 0, j = 0, la = (int32_t)strlen(a), lb = (int32_t)strlen(b);
	UChar32	ca, cb;

	while (i < la && j < lb) {
		U8_NEXT(a, i, la, ca);
		U8_NEXT(b, j, lb, cb);
		if (ca != cb && u_foldCase(ca, U_FOLD_CASE_DEFAULT) !=
		    u_foldCase(cb, U_FOLD_CASE_DEFAULT))
			return (0);
	}
	return (i == la && j == lb);
}

/* Does s look like a URL or a path rather than a name? */
static int
looks_url(const char *s)
{
	return (strncasecmp(s, "http:", 5) == 0 ||
	    strncasecmp(s, "https:", 6) == 0 ||
	    strncasecmp(s, "www.", 4) == 0 || *s == '/' ||
	    strstr(s, "://") != NULL);
}

/*
 * Add a name to a list: cleaned, without a "By " in front, unless it is a
 * URL, longer than META_NAME_CHARS characters, already there (case
 * aside), or the list is full.
 */
static void
names_add(struct names *nl, const char *s, int flags)
{
	char	*v;
	size_t	 i, chars = 0;

	if (s == NULL || nl->n >= META_AUTHORS)
		return;
	if ((v = clean(s, META_NAME_MAX, flags)) == NULL)
		return;
	if (strncasecmp(v, "by ", 3) == 0)
		memmove(v, v + 3, strlen(v + 3) + 1);
	for (i = 0; v[i] != '\0'; i++) {
		if (((unsigned char)v[i] & 0xc0) != 0x80)
			chars++;
	}
	if (chars == 0 || chars > META_NAME_CHARS || looks_url(v)) {
		free(v);
		return;
	}
	for (i = 0; i < nl->n; i++) {
		if (fold_equal(nl->v[i], v)) {
			free(v);
			return;
		}
	}
	XGROW(nl->v, nl->alloc, nl->n + 1);
	nl->v[nl->n++] = v;
}

/* Free a list of names. */
static void
names_release(struct names *nl)
{
	size_t	i;

	for (i = 0; i < nl->n; i++)
		free(nl->v[i]);
	free(nl->v);
	memset(nl, 0, sizeof *nl);
}

/* Replace a date by its ISO 8601 form when it has one. */
static void
date_norm(char **slot)
{
	char	*iso;

	if (*slot == NULL || (iso = html_meta_iso_date(*slot)) == NULL)
		return;
	free(*slot);
	*slot = iso;
}

/*
 * A language as a tag: the first of a list ("fr, en"), with og:locale's
 * "fr_FR" written "fr-FR"; a name ("English") is left as it is.
 */
static void
lang_norm(char **slot)
{
	char	*s = *slot;
	size_t	 i;

	if (s == NULL)
		return;
	s[strcspn(s, ",;")] = '\0';
	for (i = strlen(s); i > 0 && s[i - 1] == ' '; i--)
		s[i - 1] = '\0';
	if (*s == '\0') {
		free(s);
		*slot = NULL;
		return;
	}
	if (s[strspn(s, "abcdefghijklmnopqrstuvwxyz"
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_")] != '\0')
		return;
	for (i = 0; s[i] != '\0'; i++) {
		if (s[i] == '_')
			s[i] = '-';
	}
}

/* Read exactly n digits at *pp into *v and step over them: 1, or 0. */
static int
digits(const char **pp, int n, int *v)
{
	const char	*p = *pp;
	int		 i;

	*v = 0;
	for (i = 0; i < n; i++) {
		if (!isdigit((unsigned char)p[i]))
			return (0);
		*v = *v * 10 + (p[i] - '0');
	}
	*pp = p + n;
	return (1);
}

/* The number of days of a month. */
static int
month_days(int y, int mo)
{
	static const int days[] = {
		31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
	};

	if (mo == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return (29);
	return (days[mo - 1]);
}

/*
 * Read "YYYY-MM-DD", "YYYY/MM/DD" or "YYYYMMDD" at *pp and step over it:
 * 1 if it is a day of the calendar, or 0.
 */
static int
iso_ymd(const char **pp, int *y, int *mo, int *d)
{
	const char	*p = *pp;
	char		 sep;

	if (!digits(&p, 4, y) || *y < 1000)
		return (0);
	if (*p == '-' || *p == '/') {
		sep = *p++;
		if (!digits(&p, 2, mo) || *p++ != sep || !digits(&p, 2, d))
			return (0);
	} else if (!digits(&p, 2, mo) || !digits(&p, 2, d))
		return (0);
	if (*mo < 1 || *mo > 12 || *d < 1 || *d > month_days(*y, *mo))
		return (0);
	*pp = p;
	return (1);
}

/*
 * Read "hh:mm" or "hh:mm:ss" (a fraction of a second after it is dropped)
 * at *pp and step over it, written as "Thh:mm[:ss]" to hms: 1, or 0.
 */
static int
iso_time(const char **pp, char *hms, size_t hmssz)
{
	const char	*p = *pp;
	int		 h, mi, sec = -1;

	if (!digits(&p, 2, &h) || *p++ != ':' || !digits(&p, 2, &mi))
		return (0);
	if (*p == ':') {
		p++;
		if (!digits(&p, 2, &sec))
			return (0);
		if (*p == '.' || *p == ',') {
			p++;
			if (!isdigit((unsigned char)*p))
				return (0);
			while (isdigit((unsigned char)*p))
				p++;
		}
	}
	if (h > 23 || mi > 59 || sec > 60)
		return (0);
	if (sec >= 0)
		snprintf(hms, hmssz, "T%02d:%02d:%02d", h, mi, sec);
	else
		snprintf(hms, hmssz, "T%02d:%02d", h, mi);
	*pp = p;
	return (1);
}

/*
 * Read the zone after a time at *pp, if there is one ('Z', "+hh:mm",
 * "+hhmm", "+hh", maybe after a space) and step over it, written as "Z"
 * or "+hh:mm" to zone: 1, or 0 if it is not a zone.
 */
static int
iso_zone(const char **pp, char *zone, size_t zonesz)
{
	const char	*p = *pp;
	int		 zh, zm = 0;
	char		 sign;

	if (*p == ' ' && (p[1] == '+' || p[1] == '-' || p[1] == 'Z'))
		p++;
	if (*p == 'Z' || *p == 'z') {
		p++;
		snprintf(zone, zonesz, "Z");
	} else if (*p == '+' || *p == '-') {
		sign = *p++;
		if (!digits(&p, 2, &zh))
			return (0);
		if (*p == ':') {
			p++;
			if (!digits(&p, 2, &zm))
				return (0);
		} else if (isdigit((unsigned char)*p) && !digits(&p, 2, &zm))
			return (0);
		if (zh > 14 || zm > 59)
			return (0);
		snprintf(zone, zonesz, "%c%02d:%02d", sign, zh, zm);
	}
	*pp = p;
	return (1);
}

/*
 * Read "YYYY-MM-DD", "YYYY/MM/DD" or "YYYYMMDD", then maybe a time after
 * 'T' or a space ("hh:mm", "hh:mm:ss", a fraction of a second which is
 * dropped) and a zone ('Z', "+hh:mm", "+hhmm", "+hh", maybe after a
 * space). Written back as "YYYY-MM-DD[Thh:mm[:ss][Z|+hh:mm]]".
 */
char *
html_meta_iso_date(const char *s)
{
	const char	*p;
	char		 zone[32] = "", hms[48] = "";
	int		 y, mo, d;

	if (s == NULL)
		return (NULL);
	p = s + strspn(s, " \t\r\n");
	if (!iso_ymd(&p, &y, &mo, &d))
		return (NULL);
	if ((*p == 'T' || *p == 't' || *p == ' ') &&
	    isdigit((unsigned char)p[1])) {
		p++;
		if (!iso_time(&p, hms, sizeof hms) ||
		    !iso_zone(&p, zone, sizeof zone))
			return (NULL);
	}
	p += strspn(p, " \t\r\n");
	if (*p != '\0')
		return (NULL);
	return (xstrprintf("%04d-%02d-%02d%s%s", y, mo, d, hms, zone));
}

/* Compare two article scores: > 0 when a is the better. */
static int
score_cmp(const struct jl_score *a, const struct jl_score *b)
{
	if (a->cls != b->cls)
		return (a->cls - b->cls);
	if (a->body != b->body)
		return (a->body - b->body);
	if (a->main != b->main)
		return (a->main - b->main);
	if (a->hlen != b->hlen)
		return (a->hlen > b->hlen ? 1 : -1);
	return (0);
}

/*
 * A copy of a JSON-LD text mended of what most often keeps sites' scripts
 * from parsing: the HTML comment or CDATA wrappers around it (and a BOM
 * or a final ';'), raw control characters (newlines inside strings; they
 * become spaces, which outside strings changes nothing) and trailing
 * commas before '}' or ']'. *outlen receives the length.
 */
static char *
jl_repair(const char *s, size_t len, size_t *outlen)
{
	/* Longer ones first: "//]]>" before "]]>". */
	static const char *const heads[] = {
		"/* <![CDATA[ */", "/*<![CDATA[*/", "//<![CDATA[", "<![CDATA[",
		"<!--", "\xef\xbb\xbf"
	};
	static const char *const tails[] = {
		"/* ]]> */", "/*]]>*/", "//]]>", "]]>", "//-->", "-->", ";"
	};
	const char	*end = s + len;
	char		*out, *w;
	size_t		 i, l, k;
	int		 changed, instr = 0, esc = 0;

	do {
		changed = 0;
		while (s < end && isspace((unsigned char)*s))
			s++;
		while (end > s && isspace((unsigned char)end[-1]))
			end--;
		for (i = 0; i < nitems(heads) && !changed; i++) {
			l = strlen(heads[i]);
			if ((size_t)(end - s) >= l &&
			    memcmp(s, heads[i], l) == 0) {
				s += l;
				changed = 1;
			}
		}
		for (i = 0; i < nitems(tails) && !changed; i++) {
			l = strlen(tails[i]);
			if ((size_t)(end - s) >= l &&
			    memcmp(end - l, tails[i], l) == 0) {
				end -= l;
				changed = 1;
			}
		}
	} while (changed);

	out = w = xmalloc((size_t)(end - s) + 1);
	for (; s < end; s++) {
		if ((unsigned char)*s < 0x20) {
			*w++ = ' ';
			esc = 0;
			continue;
		}
		if (instr) {
			if (esc)
				esc = 0;
			else if (*s == '\\')
				esc = 1;
			else if (*s == '"')
				instr = 0;
		} else if (*s == '"')
			instr = 1;
		else if (*s == ',') {
			/* Only whitespace (or controls) up to '}' or ']'? */
			for (k = 1; s + k < end &&
			    ((unsigned char)s[k] <= ' '); k++)
				;
			if (s + k < end && (s[k] == '}' || s[k] == ']'))
				continue;
		}
		*w++ = *s;
	}
	*w = '\0';
	*outlen = (size_t)(w - out);
	return (out);
}

/* Parse a JSON-LD text, mending it once when it does not parse. */
static json_t *
jl_parse(const char *s, size_t len)
{
	json_error_t	 err;
	json_t		*root;
	char		*fixed;
	size_t		 flen;

	if ((root = json_loadb(s, len, 0, &err)) != NULL)
		return (root);
	fixed = jl_repair(s, len, &flen);
	root = json_loadb(fixed, flen, 0, &err);
	free(fixed);
	return (root);
}

/*
 * The string a JSON-LD value holds, if not blank: a string, the first
 * such string of an array, or an object's "@value". NULL when none.
 */
static const char *
jl_str(json_t *v)
{
	const char	*s;
	size_t		 i;

	if (json_is_object(v))
		v = json_object_get(v, "@value");
	if (json_is_array(v)) {
		for (i = 0; i < json_array_size(v) && i < META_JSON_ITEMS;
		    i++) {
			if ((s = jl_str(json_array_get(v, i))) != NULL)
				return (s);
		}
		return (NULL);
	}
	if (!json_is_string(v))
		return (NULL);
	s = json_string_value(v);
	if (s[strspn(s, " \t\r\n")] == '\0')
		return (NULL);
	return (s);
}

/*
 * An object that only refers to another ({"@id": "...#author"}, as
 * Yoast's @graph does) resolved to the object met with that "@id" and a
 * name; else v itself.
 */
static json_t *
jl_resolve(struct jl *jl, json_t *v)
{
	const char	*id, *o;
	size_t		 i;

	if (!json_is_object(v) || json_object_get(v, "name") != NULL)
		return (v);
	if ((id = json_string_value(json_object_get(v, "@id"))) == NULL)
		return (v);
	for (i = 0; i < jl->nobjs; i++) {
		if (jl->objs[i] == v ||
		    json_object_get(jl->objs[i], "name") == NULL)
			continue;
		o = json_string_value(json_object_get(jl->objs[i], "@id"));
		if (o != NULL && strcmp(o, id) == 0)
			return (jl->objs[i]);
	}
	return (v);
}

/* The name of a person or an organization: a string or {"name": ...}. */
static const char *
jl_name(struct jl *jl, json_t *v)
{
	if (json_is_string(v))
		return (jl_str(v));
	v = jl_resolve(jl, v);
	if (json_is_object(v))
		return (jl_str(json_object_get(v, "name")));
	return (NULL);
}

/*
 * The class of a JSON-LD object by its @type (a string or an array of
 * them, maybe prefixed "schema:" or "https://schema.org/"): 2 for an
 * article (*type gets the type's name), 1 for a WebPage, -1 for a
 * WebSite, 0 otherwise.
 */
static int
jl_class(json_t *o, const char **type)
{
	json_t		*t = json_object_get(o, "@type"), *e;
	const char	*s, *p;
	size_t		 i, k, n = 1;
	int		 cls = 0;

	if (json_is_array(t))
		n = PR_MIN(json_array_size(t), META_JSON_ITEMS);
	for (i = 0; i < n; i++) {
		e = json_is_array(t) ? json_array_get(t, i) : t;
		if ((s = json_string_value(e)) == NULL)
			continue;
		if ((p = strrchr(s, '/')) != NULL)
			s = p + 1;
		if ((p = strrchr(s, ':')) != NULL)
			s = p + 1;
		for (k = 0; k < nitems(ld_articles); k++) {
			if (strcasecmp(s, ld_articles[k]) == 0) {
				*type = ld_articles[k];
				return (2);
			}
		}
		if (strcasecmp(s, LD_WEBPAGE) == 0) {
			*type = LD_WEBPAGE;
			cls = 1;
		} else if (strcasecmp(s, LD_WEBSITE) == 0 && cls == 0)
			cls = -1;
	}
	return (cls);
}

/*
 * Look for the article in a JSON-LD value: an object, an array of them,
 * an "@graph", a "mainEntity" (ismain) or "mainEntityOfPage" inside one.
 * Every object met is remembered to resolve "@id" references.
 */
static void
jl_visit(struct jl *jl, json_t *v, int depth, int ismain)
{
	struct jl_score	 s;
	const char	*type = NULL, *h;
	json_t		*in;
	size_t		 i;
	int		 cls;

	if (depth > META_JSON_DEPTH)
		return;
	if (json_is_array(v)) {
		for (i = 0; i < json_array_size(v); i++)
			jl_visit(jl, json_array_get(v, i), depth + 1, ismain);
		return;
	}
	if (!json_is_object(v))
		return;
	XGROW(jl->objs, jl->aobjs, jl->nobjs + 1);
	jl->objs[jl->nobjs++] = v;

	cls = jl_class(v, &type);
	if (cls == -1 && jl->website == NULL)
		jl->website = v;
	if (jl->lang == NULL &&
	    (in = json_object_get(v, "inLanguage")) != NULL && cls != 0)
		jl->lang = in;
	if (cls > 0) {
		memset(&s, 0, sizeof s);
		s.cls = cls;
		s.body = jl_str(json_object_get(v, "articleBody")) != NULL;
		s.main = ismain;
		if ((h = jl_str(json_object_get(v, "headline"))) == NULL)
			h = jl_str(json_object_get(v, "name"));
		s.hlen = h != NULL ? strlen(h) : 0;
		if (jl->best == NULL || score_cmp(&s, &jl->score) > 0) {
			jl->best = v;
			jl->score = s;
			jl->type = type;
		}
	}
	jl_visit(jl, json_object_get(v, "@graph"), depth + 1, 0);
	jl_visit(jl, json_object_get(v, "mainEntity"), depth + 1, 1);
	jl_visit(jl, json_object_get(v, "mainEntityOfPage"), depth + 1, 0);
}

/* Add the authors of an "author" value: a name, a person, an array. */
static void
jl_authors(struct jl *jl, json_t *v, struct names *nl)
{
	size_t	i;

	if (!json_is_array(v)) {
		names_add(nl, jl_name(jl, v), CL_ENTITIES);
		return;
	}
	for (i = 0; i < json_array_size(v) && i < META_JSON_ITEMS; i++)
		names_add(nl, jl_name(jl, json_array_get(v, i)), CL_ENTITIES);
}

/* An inLanguage: a tag, or a Language object ({"alternateName": "en"}). */
static const char *
jl_lang(json_t *v)
{
	const char	*s;

	if (json_is_array(v))
		v = json_array_get(v, 0);
	if (json_is_object(v)) {
		if ((s = jl_str(json_object_get(v, "alternateName"))) != NULL)
			return (s);
		return (jl_str(json_object_get(v, "name")));
	}
	return (jl_str(v));
}

/* An article's URL: "url", else its mainEntityOfPage or that's "@id". */
static const char *
jl_canonical(json_t *a)
{
	json_t		*p;
	const char	*s;

	if ((s = jl_str(json_object_get(a, "url"))) != NULL)
		return (s);
	p = json_object_get(a, "mainEntityOfPage");
	if (json_is_object(p)) {
		if ((s = jl_str(json_object_get(p, "@id"))) != NULL)
			return (s);
		return (jl_str(json_object_get(p, "url")));
	}
	return (jl_str(p));
}

/* Take the fields of the article found (if any) into m. */
static void
jl_take(struct jl *jl, struct html_meta *m)
{
	struct names	 nl = { NULL, 0, 0 };
	json_t		*a = jl->best, *v;
	const char	*s;
	char		*t;
	size_t		 i;

	if (jl->lang != NULL)
		m->lang = clean(jl_lang(jl->lang), META_LANG_MAX,
		    CL_ENTITIES);
	if (jl->website != NULL)
		m->site = clean(jl_str(json_object_get(jl->website, "name")),
		    META_TEXT_MAX, CL_ENTITIES);
	if (a == NULL)
		return;
	m->type = xstrdup(jl->type);

	if ((s = jl_str(json_object_get(a, "headline"))) == NULL)
		s = jl_str(json_object_get(a, "name"));
	m->title = clean(s, META_TEXT_MAX, CL_ENTITIES);
	if ((s = jl_str(json_object_get(a, "alternativeHeadline"))) == NULL)
		s = jl_str(json_object_get(a, "description"));
	m->subtitle = clean(s, META_DESC_MAX, CL_ENTITIES);

	if ((v = json_object_get(a, "author")) == NULL)
		v = json_object_get(a, "creator");
	jl_authors(jl, v, &nl);
	m->authors = nl.v;
	m->nauthors = nl.n;

	if ((s = jl_str(json_object_get(a, "datePublished"))) == NULL)
		s = jl_str(json_object_get(a, "dateCreated"));
	m->published = clean(s, META_DATE_MAX, CL_ENTITIES);
	date_norm(&m->published);
	m->modified = clean(jl_str(json_object_get(a, "dateModified")),
	    META_DATE_MAX, CL_ENTITIES);
	date_norm(&m->modified);

	v = json_object_get(a, "publisher");
	if (json_is_array(v)) {
		for (i = 0, s = NULL; s == NULL && i < json_array_size(v) &&
		    i < META_JSON_ITEMS; i++)
			s = jl_name(jl, json_array_get(v, i));
	} else
		s = jl_name(jl, v);
	if ((t = clean(s, META_TEXT_MAX, CL_ENTITIES)) != NULL) {
		free(m->site);
		m->site = t;
	}
	if ((v = json_object_get(a, "inLanguage")) != NULL &&
	    (t = clean(jl_lang(v), META_LANG_MAX, CL_ENTITIES)) != NULL) {
		free(m->lang);
		m->lang = t;
	}
	lang_norm(&m->lang);

	m->canonical = clean(jl_canonical(a), META_URL_MAX, CL_ENTITIES);
	m->section = clean(jl_str(json_object_get(a, "articleSection")),
	    META_TEXT_MAX, CL_ENTITIES);
	m->body = clean(jl_str(json_object_get(a, "articleBody")),
	    META_BODY_MAX, CL_ENTITIES|CL_LINES);
}

/*
 * Read a JSON-LD text into m (cleared first) and the score of the article
 * taken into *score. -1 when it is not JSON or too large.
 */
static int
jl_read(const char *json, size_t len, struct html_meta *m,
    struct jl_score *score)
{
	struct jl	 jl;
	json_t		*root;

	memset(m, 0, sizeof *m);
	memset(score, 0, sizeof *score);
	if (json == NULL || len == 0 || len > META_JSON_MAX)
		return (-1);
	if ((root = jl_parse(json, len)) == NULL)
		return (-1);
	memset(&jl, 0, sizeof jl);
	jl_visit(&jl, root, 0, 0);
	jl_take(&jl, m);
	*score = jl.score;
	free(jl.objs);
	json_decref(root);
	return (0);
}

/* Move the fields of from into m where m has none. */
static void
meta_fill(struct html_meta *m, struct html_meta *from)
{
	char	**a, **b;
	int	  f;

	for (f = 0; f < MF_COUNT; f++) {
		a = mslot(m, f);
		b = mslot(from, f);
		if (*a == NULL) {
			*a = *b;
			*b = NULL;
		}
	}
	if (m->type == NULL) {
		m->type = from->type;
		from->type = NULL;
	}
	if (m->body == NULL) {
		m->body = from->body;
		from->body = NULL;
	}
	if (m->page_title == NULL) {
		m->page_title = from->page_title;
		from->page_title = NULL;
	}
	if (m->nauthors == 0) {
		free(m->authors);
		m->authors = from->authors;
		m->nauthors = from->nauthors;
		from->authors = NULL;
		from->nauthors = 0;
	}
}

int
html_meta_jsonld(const char *json, size_t len, struct html_meta *m)
{
	struct html_meta	t;
	struct jl_score		score;

	if (jl_read(json, len, &t, &score) != 0)
		return (-1);
	meta_fill(m, &t);
	html_meta_free(&t);
	return (0);
}

/* An attribute's value, or NULL; free it with xmlFree(). */
static char *
attr(const xmlNode *n, const char *name)
{
	return ((char *)xmlGetProp(n, (const xmlChar *)name));
}

/* Is s, trimmed, value (ASCII case aside)? */
static int
trimmed_is(const char *s, const char *value)
{
	size_t	l = strlen(value);

	s += strspn(s, " \t\r\n\f");
	return (strncasecmp(s, value, l) == 0 &&
	    s[l + strspn(s + l, " \t\r\n\f")] == '\0');
}

/* Does the space-separated list s hold word (ASCII case aside)? */
static int
word_in(const char *s, const char *word)
{
	size_t	wl = strlen(word), l;

	for (; *s != '\0'; s += l) {
		s += strspn(s, " \t\r\n\f");
		l = strcspn(s, " \t\r\n\f");
		if (l == wl && strncasecmp(s, word, wl) == 0)
			return (1);
	}
	return (0);
}

/* Does the space-separated list in attribute name hold word? */
static int
attr_has_word(const xmlNode *n, const char *name, const char *word)
{
	char	*v;
	int	 r;

	if ((v = attr(n, name)) == NULL)
		return (0);
	r = word_in(v, word);
	xmlFree(v);
	return (r);
}

/*
 * The text of the subtree of n (scripts and styles aside), at most max
 * bytes of it: the walk stops there and sets *cut. You own the result.
 */
static char *
subtree_text(const xmlNode *top, size_t max, int *cut)
{
	struct strbuf	 sb = STRBUF_INIT;
	const xmlNode	*n = top;
	size_t		 l;

	*cut = 0;
	for (;;) {
		if ((n->type == XML_TEXT_NODE ||
		    n->type == XML_CDATA_SECTION_NODE) && n->content != NULL) {
			l = strlen((const char *)n->content);
			if (sb.len + l > max) {
				strbuf_add(&sb, n->content, max - sb.len);
				*cut = 1;
				break;
			}
			strbuf_add(&sb, n->content, l);
		} else if (n->type == XML_ELEMENT_NODE && n->children != NULL &&
		    (n == top || (xmlStrcmp(n->name, BAD_CAST "script") != 0 &&
		    xmlStrcmp(n->name, BAD_CAST "style") != 0))) {
			n = n->children;
			continue;
		}
		while (n != top && n->next == NULL)
			n = n->parent;
		if (n == top)
			break;
		n = n->next;
	}
	return (strbuf_detach(&sb, NULL));
}

/* Keep v (cleaned) as the candidate of rank for f unless there is one. */
static void
keep(struct mctx *c, enum mfield f, int rank, const char *v)
{
	if (c->cand[f][rank] == NULL)
		c->cand[f][rank] = clean(v, mfields[f].max, 0);
}

/* Take the content of a <meta> called key. */
static void
meta_key(struct mctx *c, const char *key, const char *content)
{
	size_t	i;

	for (i = 0; i < nitems(mkeys); i++) {
		if (strcasecmp(key, mkeys[i].key) != 0)
			continue;
		if (mkeys[i].field == MF_AUTHOR)
			names_add(&c->meta_authors, content, 0);
		else
			keep(c, mkeys[i].field, mkeys[i].rank, content);
		return;
	}
}

/* Read a <meta>: its names (a property may list several) and content. */
static void
meta_tag(struct mctx *c, xmlNode *n)
{
	static const char *const keys[] = {
		"property", "name", "itemprop", "http-equiv"
	};
	char	*content, *key, *p, *w;
	size_t	 i, k;
	int	 itemprop;

	if ((content = attr(n, "content")) == NULL)
		return;
	for (i = 0; i < nitems(keys); i++) {
		if ((key = attr(n, keys[i])) == NULL)
			continue;
		itemprop = strcmp(keys[i], "itemprop") == 0;
		for (p = key, k = 0; k < META_WORDS &&
		    (w = strtok_r(p, " \t\r\n\f", &p)) != NULL; k++) {
			if (itemprop && strcasecmp(w, "name") == 0)
				md_name(c, content);
			else
				meta_key(c, w, content);
		}
		xmlFree(key);
	}
	xmlFree(content);
}

/* Read a <link rel=canonical>. */
static void
link_tag(struct mctx *c, xmlNode *n)
{
	char	*href;

	if (c->cand[MF_CANONICAL][R_LINK_CANON] != NULL ||
	    !attr_has_word(n, "rel", "canonical"))
		return;
	if ((href = attr(n, "href")) != NULL) {
		keep(c, MF_CANONICAL, R_LINK_CANON, href);
		xmlFree(href);
	}
}

/*
 * Read a <script type="application/ld+json">, keeping its article if it
 * is better than those of the scripts before; the site or language it
 * states is kept apart for when the best article has none.
 */
static void
script_tag(struct mctx *c, xmlNode *n)
{
	struct strbuf	 sb = STRBUF_INIT;
	struct html_meta t, old;
	struct jl_score	 score;
	const xmlNode	*k;
	const char	*text = NULL;
	char		*type;
	size_t		 len = 0;
	int		 r;

	if ((type = attr(n, "type")) == NULL)
		return;
	type[strcspn(type, ";")] = '\0';	/* "; charset=utf-8" */
	r = trimmed_is(type, "application/ld+json");
	xmlFree(type);
	if (!r)
		return;

	/* Usually one text node: read it in place. */
	k = n->children;
	if (k != NULL && k->next == NULL && k->content != NULL &&
	    (k->type == XML_TEXT_NODE || k->type == XML_CDATA_SECTION_NODE)) {
		text = (const char *)k->content;
		len = strlen(text);
	} else {
		for (; k != NULL && sb.len <= META_JSON_MAX; k = k->next) {
			if ((k->type == XML_TEXT_NODE ||
			    k->type == XML_CDATA_SECTION_NODE) &&
			    k->content != NULL)
				strbuf_addstr(&sb, (const char *)k->content);
		}
		text = sb.buf;
		len = sb.len;
	}
	if (len == 0 || len > META_JSON_MAX || len > c->json_left) {
		strbuf_release(&sb);
		return;
	}
	c->json_left -= len;
	r = jl_read(text, len, &t, &score);
	strbuf_release(&sb);
	if (r != 0)
		return;

	if (!c->ld_found || score_cmp(&score, &c->ld_score) > 0) {
		/* The new one is the best; t becomes the one it beat. */
		old = c->ld;
		c->ld = t;
		t = old;
		c->ld_found = 1;
		c->ld_score = score;
	}
	if (c->ld_site == NULL) {
		c->ld_site = t.site;
		t.site = NULL;
	}
	if (c->ld_lang == NULL) {
		c->ld_lang = t.lang;
		t.lang = NULL;
	}
	html_meta_free(&t);
}

/* Read a <time datetime>: a date for when the page states no other. */
static void
time_tag(struct mctx *c, xmlNode *n)
{
	char	*v;

	if ((v = attr(n, "datetime")) == NULL)
		return;
	if (xmlHasProp(n, BAD_CAST "pubdate") != NULL)
		keep(c, MF_PUBLISHED, R_TIME_PUBDATE, v);
	if (c->article > 0)
		keep(c, MF_PUBLISHED, R_TIME_ARTICLE, v);
	keep(c, MF_PUBLISHED, R_TIME_PAGE, v);
	xmlFree(v);
}

/*
 * The value of a microdata element: its content= or datetime=, else its
 * text (at most max bytes). You own the result.
 */
static char *
md_value(const xmlNode *n, size_t max)
{
	char	*v, *s;
	int	 cut;

	if ((v = attr(n, "content")) == NULL)
		v = attr(n, "datetime");
	if (v != NULL) {
		s = xstrdup(v);
		xmlFree(v);
		return (s);
	}
	return (subtree_text(n, max, &cut));
}

/*
 * The item an itemprop=name met now names: the innermost itemprop=author
 * or publisher open, when the name is that item's own (not of an item
 * inside it) and its first. NULL when none.
 */
static struct mdopen *
md_target(struct mctx *c)
{
	struct mdopen	*o;

	if (c->author.n != NULL && (c->publisher.n == NULL ||
	    c->author.seq > c->publisher.seq))
		o = &c->author;
	else if (c->publisher.n != NULL)
		o = &c->publisher;
	else
		return (NULL);
	if (o->named || o->scopes != 0)
		return (NULL);
	return (o);
}

/* An itemprop=name's value v: the name of md_target()'s item. */
static void
md_name(struct mctx *c, const char *v)
{
	struct mdopen	*o;

	if ((o = md_target(c)) == NULL)
		return;
	o->named = 1;
	if (o == &c->author)
		names_add(&c->md_authors, v, 0);
	else
		keep(c, MF_SITE, R_MD_PUBLISHER, v);
}

/* Open an itemprop=author or publisher element. */
static void
md_open(struct mctx *c, struct mdopen *o, xmlNode *n)
{
	o->n = n;
	o->named = 0;
	o->scopes = 0;
	o->seq = ++c->seq;
}

/* Read the itemprop of an element that is not a <meta>. */
static void
md_element(struct mctx *c, xmlNode *n)
{
	char	*prop, *p, *w, *v;
	size_t	 k;

	if ((prop = attr(n, "itemprop")) == NULL)
		return;
	for (p = prop, k = 0; k < META_WORDS &&
	    (w = strtok_r(p, " \t\r\n\f", &p)) != NULL; k++) {
		if (strcasecmp(w, "headline") == 0) {
			if (c->cand[MF_TITLE][R_MD_HEADLINE] != NULL)
				continue;
			v = md_value(n, META_TEXT_MAX);
			keep(c, MF_TITLE, R_MD_HEADLINE, v);
			free(v);
		} else if (strcasecmp(w, "author") == 0) {
			if (c->author.n == NULL &&
			    c->md_authors.n < META_AUTHORS)
				md_open(c, &c->author, n);
		} else if (strcasecmp(w, "publisher") == 0) {
			if (c->publisher.n == NULL &&
			    c->cand[MF_SITE][R_MD_PUBLISHER] == NULL)
				md_open(c, &c->publisher, n);
		} else if (strcasecmp(w, "name") == 0) {
			/* Read the text only when it will be taken. */
			if (md_target(c) != NULL) {
				v = md_value(n, META_NAME_MAX);
				md_name(c, v);
				free(v);
			}
		} else if (strcasecmp(w, "datePublished") == 0) {
			if (c->cand[MF_PUBLISHED][R_MD_PUBLISHED] != NULL)
				continue;
			v = md_value(n, META_DATE_MAX);
			keep(c, MF_PUBLISHED, R_MD_PUBLISHED, v);
			free(v);
		} else if (strcasecmp(w, "dateModified") == 0) {
			if (c->cand[MF_MODIFIED][R_MD_MODIFIED] != NULL)
				continue;
			v = md_value(n, META_DATE_MAX);
			keep(c, MF_MODIFIED, R_MD_MODIFIED, v);
			free(v);
		}
	}
	xmlFree(prop);
}

/*
 * An itemprop=author element ends: when no itemprop=name inside named
 * the author, its content= or its text does if short.
 */
static void
md_author_end(struct mctx *c)
{
	xmlNode	*n = c->author.n;
	char	*v;
	int	 cut = 0;

	c->author.n = NULL;
	if (c->author.named)
		return;
	if ((v = attr(n, "content")) != NULL) {
		names_add(&c->md_authors, v, 0);
		xmlFree(v);
		return;
	}
	v = subtree_text(n, META_NAME_MAX, &cut);
	if (!cut)
		names_add(&c->md_authors, v, 0);
	free(v);
}

/* The walk enters an element: returns whether to visit its children. */
static int
walk_enter(struct mctx *c, xmlNode *n)
{
	const char	*name;
	char		*v;
	int		 cut;

	if (n->type != XML_ELEMENT_NODE || n->name == NULL)
		return (0);
	name = (const char *)n->name;
	if (strcmp(name, "html") == 0) {
		if ((v = attr(n, "lang")) == NULL)
			v = attr(n, "xml:lang");
		keep(c, MF_LANG, R_HTML_LANG, v);
		xmlFree(v);
		return (1);
	}
	if (strcmp(name, "title") == 0) {
		if (c->page_title == NULL) {
			v = subtree_text(n, META_TEXT_MAX, &cut);
			c->page_title = clean(v, META_TEXT_MAX, 0);
			free(v);
		}
		return (0);
	}
	if (strcmp(name, "meta") == 0) {
		meta_tag(c, n);
		return (0);
	}
	if (strcmp(name, "link") == 0) {
		link_tag(c, n);
		return (0);
	}
	if (strcmp(name, "script") == 0) {
		script_tag(c, n);
		return (0);
	}
	/* No metadata of the page's in these (an <svg> has its <title>). */
	if (strcmp(name, "style") == 0 || strcmp(name, "svg") == 0 ||
	    strcmp(name, "math") == 0 || strcmp(name, "template") == 0)
		return (0);
	if (strcmp(name, "time") == 0)
		time_tag(c, n);
	else if (strcmp(name, "article") == 0)
		c->article++;
	md_element(c, n);

	/* An item inside an author's or publisher's has its own name. */
	if (((c->author.n != NULL && c->author.n != n) ||
	    (c->publisher.n != NULL && c->publisher.n != n)) &&
	    xmlHasProp(n, BAD_CAST "itemscope") != NULL) {
		if (c->author.n != NULL && c->author.n != n)
			c->author.scopes++;
		if (c->publisher.n != NULL && c->publisher.n != n)
			c->publisher.scopes++;
	}
	return (1);
}

/* The walk leaves an element it entered. */
static void
walk_leave(struct mctx *c, xmlNode *n)
{
	int	scope;

	if (n->type != XML_ELEMENT_NODE || n->name == NULL)
		return;
	if (strcmp((const char *)n->name, "article") == 0 && c->article > 0)
		c->article--;
	scope = (c->author.n != NULL || c->publisher.n != NULL) &&
	    xmlHasProp(n, BAD_CAST "itemscope") != NULL;
	if (n == c->author.n)
		md_author_end(c);
	else if (scope && c->author.n != NULL)
		c->author.scopes--;
	if (n == c->publisher.n)
		c->publisher.n = NULL;
	else if (scope && c->publisher.n != NULL)
		c->publisher.scopes--;
}

/*
 * Walk the tree from top in document order without recursion (pages can
 * be deep): each element is entered, and left after its children when
 * walk_enter() chose to visit them.
 */
static void
walk(xmlNode *top, struct mctx *c)
{
	xmlNode	*n = top;

	if (top == NULL)
		return;
	for (;;) {
		if (walk_enter(c, n)) {
			if (n->children != NULL) {
				n = n->children;
				continue;
			}
			walk_leave(c, n);
		}
		while (n != top && n->next == NULL) {
			n = n->parent;
			walk_leave(c, n);
		}
		if (n == top)
			return;
		n = n->next;
	}
}

void
html_meta_read(struct _xmlNode *root, struct html_meta *m)
{
	struct mctx	 c;
	struct names	*nl;
	char		**slot;
	int		 f, r;

	memset(m, 0, sizeof *m);
	memset(&c, 0, sizeof c);
	c.json_left = META_JSON_TOTAL;
	walk(root, &c);

	/* The best JSON-LD's values go to their ranks. */
	if (c.ld.site == NULL) {
		c.ld.site = c.ld_site;
		c.ld_site = NULL;
	}
	if (c.ld.lang == NULL) {
		c.ld.lang = c.ld_lang;
		c.ld_lang = NULL;
	}
	for (f = 0; f < MF_COUNT; f++) {
		slot = mslot(&c.ld, f);
		if (c.cand[f][mfields[f].ld_rank] == NULL) {
			c.cand[f][mfields[f].ld_rank] = *slot;
			*slot = NULL;
		}
	}
	for (f = 0; f < MF_COUNT; f++) {
		for (r = 0; r < MRANKS; r++) {
			if (c.cand[f][r] != NULL) {
				*mslot(m, f) = c.cand[f][r];
				c.cand[f][r] = NULL;
				break;
			}
		}
	}
	date_norm(&m->published);
	date_norm(&m->modified);
	lang_norm(&m->lang);
	m->page_title = c.page_title;
	m->type = c.ld.type;
	c.ld.type = NULL;
	m->body = c.ld.body;
	c.ld.body = NULL;

	if (c.ld.nauthors != 0) {
		m->authors = c.ld.authors;
		m->nauthors = c.ld.nauthors;
		c.ld.authors = NULL;
		c.ld.nauthors = 0;
	} else {
		nl = c.meta_authors.n != 0 ? &c.meta_authors : &c.md_authors;
		if (nl->n != 0) {
			m->authors = nl->v;
			m->nauthors = nl->n;
			memset(nl, 0, sizeof *nl);
		}
	}

	for (f = 0; f < MF_COUNT; f++) {
		for (r = 0; r < MRANKS; r++)
			free(c.cand[f][r]);
	}
	names_release(&c.meta_authors);
	names_release(&c.md_authors);
	html_meta_free(&c.ld);
	free(c.ld_site);
	free(c.ld_lang);
}

void
html_meta_free(struct html_meta *m)
{
	size_t	i;

	free(m->title);
	free(m->page_title);
	free(m->subtitle);
	free(m->site);
	free(m->published);
	free(m->modified);
	free(m->canonical);
	free(m->lang);
	free(m->section);
	free(m->type);
	for (i = 0; i < m->nauthors; i++)
		free(m->authors[i]);
	free(m->authors);
	free(m->body);
	memset(m, 0, sizeof *m);
}
