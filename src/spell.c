/*
 * Spell-checking with hunspell: the only hunspell code.
 *
 * One hunspell handle per language, loaded on first use from the
 * dictionary folders (spell.h). Words come from ICU word boundaries and go
 * to a dictionary by their ICU script: the note's language's when it is
 * written in that script, else those of the languages given and of every
 * dictionary installed (any language hunspell has, found by its files'
 * names) written in it. Dictionaries in another encoding than UTF-8 get
 * their words converted by ICU.
 */
#include "config.h"

#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <hunspell.h>
#include <unicode/uchar.h>
#include <unicode/ucnv.h>
#include <unicode/uloc.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include "file.h"
#include "load.h"
#include "safe.h"
#include "spell.h"
#include "text.h"

/* The languages given, then those of the dictionaries installed. */
#define SPELL_MAXLANGS	32
#define SPELL_MAXROUTE	SPELL_MAXLANGS

struct spell_dict {
	char		 lang[8];
	int		 state;		/* 1 loaded, -1 missing */
	Hunhandle	*h;
	char		*enc;		/* encoding, NULL: UTF-8 */
	UScriptCode	 script;
};

struct spell {
	char			 langs[SPELL_MAXLANGS][8];
	size_t			 nlangs;
	struct spell_dict	*dicts;
	size_t			 ndicts;
	size_t			 adicts;
	char			*datadir;
	struct strbuf		 missing;	/* pending warning */
};

static void	spell_add_installed(struct spell *);

/* Normalise a language tag into buf ("en-US" -> "en"); 0 if not one. */
static int
spell_lang(const char *lang, char *buf, size_t size)
{
	char	*n;

	if (lang == NULL || *lang == '\0')
		return (0);
	if ((n = lang_normalize(lang)) == NULL)
		return (0);
	if (strlen(n) >= size) {
		free(n);
		return (0);
	}
	snprintf(buf, size, "%s", n);
	free(n);
	return (1);
}

struct spell *
spell_create(const char *langs, const char *datadir)
{
	struct spell	*sp = xcalloc(1, sizeof *sp);
	char		*copy, *tok, *save = NULL;

	copy = xstrdup(langs != NULL && *langs != '\0' ? langs : "en,fr,ru");
	for (tok = strtok_r(copy, ", ", &save); tok != NULL &&
	    sp->nlangs < SPELL_MAXLANGS; tok = strtok_r(NULL, ", ", &save)) {
		if (spell_lang(tok, sp->langs[sp->nlangs],
		    sizeof sp->langs[0]))
			sp->nlangs++;
	}
	free(copy);
	if (sp->nlangs == 0) {
		snprintf(sp->langs[0], sizeof sp->langs[0], "%s", "en");
		sp->nlangs = 1;
	}
	spell_add_installed(sp);
	if (datadir != NULL)
		sp->datadir = xstrdup(datadir);
	strbuf_init(&sp->missing, 0);
	return (sp);
}

void
spell_free(struct spell *sp)
{
	size_t	i;

	if (sp == NULL)
		return;
	for (i = 0; i < sp->ndicts; i++) {
		if (sp->dicts[i].h != NULL)
			Hunspell_destroy(sp->dicts[i].h);
		free(sp->dicts[i].enc);
	}
	free(sp->dicts);
	free(sp->datadir);
	strbuf_release(&sp->missing);
	free(sp);
}

char *
spell_warning(struct spell *sp)
{
	if (sp->missing.len == 0)
		return (NULL);
	return (strbuf_detach(&sp->missing, NULL));
}

/* The script a language is written in. */
static UScriptCode
lang_script(const char *lang)
{
	UScriptCode	codes[8];
	UErrorCode	err = U_ZERO_ERROR;
	int32_t		n;

	n = uscript_getCode(lang, codes, 8, &err);
	if (U_FAILURE(err) || n < 1)
		return (USCRIPT_LATIN);
	return (codes[0]);
}

/* True if folder dir holds name.aff and name.dic. */
static int
dict_files(const char *dir, const char *name, char **aff, char **dic)
{
	struct stat	sa, sd;

	*aff = xstrprintf("%s/%s.aff", dir, name);
	*dic = xstrprintf("%s/%s.dic", dir, name);
	/* Regular files only: hunspell's fopen() would wait on a FIFO. */
	if (access(*aff, R_OK) == 0 && access(*dic, R_OK) == 0 &&
	    stat(*aff, &sa) == 0 && S_ISREG(sa.st_mode) &&
	    stat(*dic, &sd) == 0 && S_ISREG(sd.st_mode))
		return (1);
	free(*aff);
	free(*dic);
	*aff = *dic = NULL;
	return (0);
}

/* The first xx_* dictionary of a folder, by name. */
static int
dict_any(const char *dir, const char *lang, char **aff, char **dic)
{
	DIR		*dp;
	struct dirent	*de;
	char		*best = NULL, *p;
	size_t		 n = strlen(lang);
	int		 r = 0;

	if ((dp = opendir(dir)) == NULL)
		return (0);
	while ((de = readdir(dp)) != NULL) {
		if (strncmp(de->d_name, lang, n) != 0 || de->d_name[n] != '_' ||
		    !ends_with_ci(de->d_name, ".dic"))
			continue;
		if (best == NULL || strcmp(de->d_name, best) < 0) {
			free(best);
			best = xstrdup(de->d_name);
		}
	}
	closedir(dp);
	if (best != NULL) {
		p = best + strlen(best) - 4;
		*p = '\0';
		r = dict_files(dir, best, aff, dic);
		free(best);
	}
	return (r);
}

/*
 * The dictionary folders: DICPATH's, else the usual ones. Returns their
 * number; free *copy and *dirs.
 */
static size_t
dict_dirs(char ***dirs, char **copy)
{
	static const char *const defaults[] = {
		"/usr/share/hunspell", "/usr/share/myspell/dicts",
		"/usr/share/myspell", NULL
	};
	const char	*env = getenv("DICPATH");
	char		*tok, *save = NULL;
	size_t		 ndirs = 0, alloc = 0, i;

	*dirs = NULL;
	*copy = NULL;
	if (env != NULL && *env != '\0') {
		*copy = xstrdup(env);
		for (tok = strtok_r(*copy, ":", &save); tok != NULL;
		    tok = strtok_r(NULL, ":", &save)) {
			XGROW(*dirs, alloc, ndirs + 1);
			(*dirs)[ndirs++] = tok;
		}
	} else {
		for (i = 0; defaults[i] != NULL; i++) {
			XGROW(*dirs, alloc, ndirs + 1);
			(*dirs)[ndirs++] = (char *)defaults[i];
		}
	}
	return (ndirs);
}

/* Find the dictionary files of lang (you own them). */
static int
dict_find(const char *lang, char **aff, char **dic)
{
	char		**dirs, *copy, names[4][16], up[8];
	char		 full[ULOC_FULLNAME_CAPACITY];
	char		 region[ULOC_COUNTRY_CAPACITY];
	size_t		 ndirs, i, j, k;
	int		 found = 0;
	UErrorCode	 ec = U_ZERO_ERROR;

	ndirs = dict_dirs(&dirs, &copy);
	/* xx_XX, the usual region (ICU's likely one: en_US, uk_UA), xx. */
	for (k = 0; lang[k] != '\0' && k < sizeof up - 1; k++)
		up[k] = (char)(lang[k] >= 'a' && lang[k] <= 'z' ?
		    lang[k] - 'a' + 'A' : lang[k]);
	up[k] = '\0';
	snprintf(names[0], sizeof names[0], "%s_%s", lang, up);
	uloc_addLikelySubtags(lang, full, (int32_t)sizeof full, &ec);
	if (U_SUCCESS(ec) && ec != U_STRING_NOT_TERMINATED_WARNING)
		uloc_getCountry(full, region, (int32_t)sizeof region, &ec);
	if (U_SUCCESS(ec) && ec != U_STRING_NOT_TERMINATED_WARNING &&
	    *region != '\0')
		snprintf(names[1], sizeof names[1], "%s_%s", lang, region);
	else
		snprintf(names[1], sizeof names[1], "%s", names[0]);
	snprintf(names[2], sizeof names[2], "%s",
	    strcmp(lang, "en") == 0 ? "en_GB" : lang);
	snprintf(names[3], sizeof names[3], "%s", lang);
	for (i = 0; i < ndirs && !found; i++) {
		for (j = 0; j < 4 && !found; j++)
			found = dict_files(dirs[i], names[j], aff, dic);
		if (!found)
			found = dict_any(dirs[i], lang, aff, dic);
	}
	free(dirs);
	free(copy);
	return (found);
}

/*
 * Add the language of every dictionary installed (NAME.aff and NAME.dic,
 * NAME a tag: "de_DE", "el", "pt_BR") to sp's languages, after those
 * given, once each.
 */
static void
spell_add_installed(struct spell *sp)
{
	DIR		*dp;
	struct dirent	*de;
	char		**dirs, *copy, *name, *lang, *aff, *dic;
	size_t		 ndirs, i, k, n;

	ndirs = dict_dirs(&dirs, &copy);
	for (i = 0; i < ndirs && sp->nlangs < SPELL_MAXLANGS; i++) {
		if ((dp = opendir(dirs[i])) == NULL)
			continue;
		while ((de = readdir(dp)) != NULL &&
		    sp->nlangs < SPELL_MAXLANGS) {
			n = strlen(de->d_name);
			if (n < 5 || !ends_with_ci(de->d_name, ".dic") ||
			    de->d_name[0] == '.')
				continue;
			name = xstrndup(de->d_name, n - 4);
			/* A tag ("hyph_en_US" is hyphenation, no tag). */
			lang = lang_normalize(name);
			if (lang != NULL && strlen(lang) < sizeof sp->langs[0] &&
			    dict_files(dirs[i], name, &aff, &dic)) {
				free(aff);
				free(dic);
				for (k = 0; k < sp->nlangs; k++) {
					if (strcmp(sp->langs[k], lang) == 0)
						break;
				}
				if (k == sp->nlangs)
					snprintf(sp->langs[sp->nlangs++],
					    sizeof sp->langs[0], "%s", lang);
			}
			free(lang);
			free(name);
		}
		closedir(dp);
	}
	free(dirs);
	free(copy);
}

/* Convert between UTF-8 and a dictionary's encoding (you own it). */
static char *
dict_convert(const char *to, const char *from, const char *s, size_t len)
{
	UErrorCode	 err = U_ZERO_ERROR;
	char		*out;
	int32_t		 n, cap = (int32_t)(len * 4 + 8);

	out = xmalloc((size_t)cap);
	n = ucnv_convert(to, from, out, cap, s, (int32_t)len, &err);
	if (U_FAILURE(err) || n >= cap) {
		free(out);
		return (NULL);
	}
	out[n] = '\0';
	return (out);
}

/* A word in the dictionary's encoding (you own it; NULL if it cannot). */
static char *
dict_word(const struct spell_dict *d, const char *w, size_t len)
{
	if (d->enc == NULL)
		return (xstrndup(w, len));
	return (dict_convert(d->enc, "UTF-8", w, len));
}

/* Load the personal dictionary of d. */
static void
dict_personal(struct spell *sp, struct spell_dict *d)
{
	char	*path, *data = NULL, *cause = NULL, *line, *save = NULL, *w;
	size_t	 len;

	if (sp->datadir == NULL)
		return;
	path = xstrprintf("%s/dict/%s.txt", sp->datadir, d->lang);
	if (access(path, F_OK) != 0 ||
	    file_read(path, 4 * 1024 * 1024, &data, &len, &cause) != 0) {
		free(cause);
		free(path);
		return;
	}
	for (line = strtok_r(data, "\r\n", &save); line != NULL;
	    line = strtok_r(NULL, "\r\n", &save)) {
		len = strlen(line);
		if (len == 0 || len > SPELL_MAX_WORD)
			continue;
		if ((w = dict_word(d, line, len)) != NULL) {
			Hunspell_add(d->h, w);
			free(w);
		}
	}
	free(data);
	free(path);
}

/* The dictionary of lang, loaded on first use; NULL if missing. */
static struct spell_dict *
dict_get(struct spell *sp, const char *lang)
{
	struct spell_dict	*d;
	char			*aff, *dic, *enc;
	size_t			 i;

	for (i = 0; i < sp->ndicts; i++) {
		if (strcmp(sp->dicts[i].lang, lang) == 0) {
			d = &sp->dicts[i];
			return (d->state == 1 ? d : NULL);
		}
	}
	XGROW(sp->dicts, sp->adicts, sp->ndicts + 1);
	d = &sp->dicts[sp->ndicts++];
	memset(d, 0, sizeof *d);
	snprintf(d->lang, sizeof d->lang, "%s", lang);
	d->script = lang_script(lang);
	d->state = -1;
	if (dict_find(lang, &aff, &dic)) {
		d->h = Hunspell_create(aff, dic);
		free(aff);
		free(dic);
	}
	if (d->h == NULL) {
		if (sp->missing.len > 0)
			strbuf_addstr(&sp->missing, "; ");
		strbuf_addf(&sp->missing, "no hunspell dictionary for '%s' "
		    "(its words are not checked)", lang);
		return (NULL);
	}
	enc = Hunspell_get_dic_encoding(d->h);
	if (enc != NULL && strcasecmp(enc, "UTF-8") != 0 &&
	    strcasecmp(enc, "UTF8") != 0)
		d->enc = xstrdup(enc);
	d->state = 1;
	dict_personal(sp, d);
	return (d);
}

int
spell_has(struct spell *sp, const char *lang)
{
	char	l[8];

	if (!spell_lang(lang, l, sizeof l))
		return (0);
	return (dict_get(sp, l) != NULL);
}

void
spell_ignore_add(struct spell_ignore *ign, const char *word, size_t len)
{
	XGROW(ign->words, ign->alloc, ign->n + 1);
	ign->words[ign->n++] = xstrndup(word, len);
}

void
spell_ignore_clear(struct spell_ignore *ign)
{
	size_t	i;

	for (i = 0; i < ign->n; i++)
		free(ign->words[i]);
	free(ign->words);
	memset(ign, 0, sizeof *ign);
}

/* The script of a word: its first letter's that is not common. */
static UScriptCode
word_script(const char *w, size_t len)
{
	UErrorCode	err = U_ZERO_ERROR;
	UScriptCode	sc;
	int32_t		i = 0, n = (int32_t)len;
	UChar32		c;

	while (i < n) {
		U8_NEXT(w, i, n, c);
		if (c < 0)
			continue;
		sc = uscript_getScript(c, &err);
		if (U_FAILURE(err))
			return (USCRIPT_COMMON);
		if (sc != USCRIPT_COMMON && sc != USCRIPT_INHERITED &&
		    sc != USCRIPT_UNKNOWN)
			return (sc);
	}
	return (USCRIPT_COMMON);
}

/* True if a word holds a digit (then it is not checked). */
static int
word_has_digit(const char *w, size_t len)
{
	int32_t	i = 0, n = (int32_t)len;
	UChar32	c;

	while (i < n) {
		U8_NEXT(w, i, n, c);
		if (c >= 0 && u_isdigit(c))
			return (1);
	}
	return (0);
}

/* The primary language of a note written in lang. */
static const char *
spell_primary(const struct spell *sp, const char *lang, char *buf,
    size_t size)
{
	if (spell_lang(lang, buf, size))
		return (buf);
	return (sp->langs[0]);
}

/*
 * The languages a word is checked in (see spell.h). Returns their number
 * (0: not checked).
 */
static size_t
spell_route(const struct spell *sp, const char *primary, const char *w,
    size_t len, const char **out)
{
	UScriptCode	sc = word_script(w, len);
	size_t		i, n = 0;

	if (sc == USCRIPT_COMMON)
		return (0);
	if (lang_script(primary) == sc) {
		out[0] = primary;
		return (1);
	}
	for (i = 0; i < sp->nlangs && n < SPELL_MAXROUTE; i++) {
		if (strcmp(sp->langs[i], primary) != 0 &&
		    lang_script(sp->langs[i]) == sc)
			out[n++] = sp->langs[i];
	}
	return (n);
}

/* Check one word: 1 correct (or not checkable), 0 wrong (lang set). */
static int
check_word(struct spell *sp, const char *primary, const char *w,
    size_t len, const struct spell_ignore *ign, char *lang)
{
	const char		*route[SPELL_MAXROUTE];
	struct spell_dict	*d;
	char			*cw;
	size_t			 n, i;
	int			 checked = 0, ok;

	if (len == 0 || len > SPELL_MAX_WORD || word_has_digit(w, len))
		return (1);
	for (i = 0; ign != NULL && i < ign->n; i++) {
		if (strlen(ign->words[i]) == len &&
		    memcmp(ign->words[i], w, len) == 0)
			return (1);
	}
	if ((n = spell_route(sp, primary, w, len, route)) == 0)
		return (1);
	for (i = 0; i < n; i++) {
		if ((d = dict_get(sp, route[i])) == NULL)
			continue;
		if ((cw = dict_word(d, w, len)) == NULL)
			continue;
		ok = Hunspell_spell(d->h, cw);
		free(cw);
		if (ok)
			return (1);
		if (!checked)
			snprintf(lang, 8, "%s", d->lang);
		checked = 1;
	}
	return (!checked);
}

int
spell_word_ok(struct spell *sp, const char *lang, const char *word,
    size_t len)
{
	char	buf[8], l[8];

	return (check_word(sp, spell_primary(sp, lang, buf, sizeof buf), word,
	    len, NULL, l));
}

/* Is s[a, b) a hyphen joining two words? */
static int
is_hyphen(const char *s, size_t a, size_t b)
{
	if (b - a == 1)
		return (s[a] == '-');
	if (b - a == 3)
		return (memcmp(s + a, "\xe2\x80\x90", 3) == 0 ||
		    memcmp(s + a, "\xe2\x80\x91", 3) == 0);
	return (0);
}

/* Record a misspelling. */
static void
error_add(struct spell_error **out, size_t *n, size_t *alloc, size_t start,
    size_t end, const char *lang)
{
	XGROW(*out, *alloc, *n + 1);
	(*out)[*n].start = start;
	(*out)[*n].end = end;
	snprintf((*out)[*n].lang, sizeof (*out)[*n].lang, "%s", lang);
	(*n)++;
}

size_t
spell_check(struct spell *sp, const char *lang, const char *s, size_t len,
    const struct spell_ignore *ign, struct spell_error **out)
{
	struct text_range	*w = NULL;
	const char		*primary;
	char			 buf[8], l[8];
	size_t			 nw, i, j, k, n = 0, alloc = 0;

	*out = NULL;
	primary = spell_primary(sp, lang, buf, sizeof buf);
	nw = text_words(s, len, primary, &w);
	for (i = 0; i < nw; i = j) {
		/* A run of words joined by hyphens. */
		for (j = i + 1; j < nw && is_hyphen(s, w[j - 1].end,
		    w[j].start); j++)
			;
		if (j - i > 1 && check_word(sp, primary, s + w[i].start,
		    w[j - 1].end - w[i].start, ign, l))
			continue;
		for (k = i; k < j; k++) {
			if (!check_word(sp, primary, s + w[k].start,
			    w[k].end - w[k].start, ign, l))
				error_add(out, &n, &alloc, w[k].start,
				    w[k].end, l);
		}
	}
	free(w);
	return (n);
}

size_t
spell_suggest(struct spell *sp, const char *lang, const char *word,
    size_t len, struct spell_suggestion **out)
{
	const char		*route[SPELL_MAXROUTE], *primary;
	struct spell_dict	*d;
	char			 buf[8], **list, *cw, *u;
	size_t			 nr, i, k, n = 0, alloc = 0;
	int			 nl, j, kept;

	*out = NULL;
	if (len == 0 || len > SPELL_MAX_WORD)
		return (0);
	primary = spell_primary(sp, lang, buf, sizeof buf);
	nr = spell_route(sp, primary, word, len, route);
	for (i = 0; i < nr; i++) {
		if ((d = dict_get(sp, route[i])) == NULL)
			continue;
		if ((cw = dict_word(d, word, len)) == NULL)
			continue;
		nl = Hunspell_suggest(d->h, &list, cw);
		free(cw);
		for (j = 0, kept = 0; j < nl && kept < SPELL_MAX_SUGGEST; j++) {
			if (d->enc != NULL)
				u = dict_convert("UTF-8", d->enc, list[j],
				    strlen(list[j]));
			else
				u = xstrdup(list[j]);
			if (u == NULL)
				continue;
			for (k = 0; k < n; k++) {
				if (strcmp((*out)[k].word, u) == 0)
					break;
			}
			if (k < n) {
				free(u);
				continue;
			}
			XGROW(*out, alloc, n + 1);
			(*out)[n].word = u;
			snprintf((*out)[n].lang, sizeof (*out)[n].lang, "%s",
			    d->lang);
			n++;
			kept++;
		}
		if (nl > 0)
			Hunspell_free_list(d->h, &list, nl);
	}
	return (n);
}

void
spell_suggestions_free(struct spell_suggestion *v, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		free(v[i].word);
	free(v);
}

int
spell_add(struct spell *sp, const char *lang, const char *word, size_t len,
    char **cause)
{
	const char		*route[SPELL_MAXROUTE], *primary;
	struct spell_dict	*d = NULL;
	struct strbuf		 sb = STRBUF_INIT;
	char			 buf[8], *dir, *path, *cw;
	size_t			 nr, i;
	int			 fd, e;

	for (i = 0; i < len; i++) {
		if ((unsigned char)word[i] <= ' ' || word[i] == 0x7f)
			break;
	}
	if (len == 0 || len > SPELL_MAX_WORD || i < len ||
	    !charset_is_utf8(word, len)) {
		*cause = xstrdup("not a word to add to the dictionary");
		return (-1);
	}
	if (sp->datadir == NULL) {
		*cause = xstrdup("no data folder for the personal dictionary");
		return (-1);
	}
	primary = spell_primary(sp, lang, buf, sizeof buf);
	nr = spell_route(sp, primary, word, len, route);
	for (i = 0; i < nr && d == NULL; i++)
		d = dict_get(sp, route[i]);
	if (d == NULL) {
		*cause = xstrdup("no dictionary for this word's language");
		return (-1);
	}
	dir = xstrprintf("%s/dict", sp->datadir);
	(void)mkdir(sp->datadir, 0700);
	if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
		e = errno;
		safe_escape(&sb, dir, strlen(dir), 0);
		*cause = xstrprintf("cannot create '%s': %s", sb.buf,
		    strerror(e));
		strbuf_release(&sb);
		free(dir);
		return (-1);
	}
	path = xstrprintf("%s/%s.txt", dir, d->lang);
	free(dir);
	strbuf_add(&sb, word, len);
	strbuf_addch(&sb, '\n');
	fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC |
	    O_NONBLOCK, 0600);	/* a FIFO there: ENXIO, no hang */
	if (fd == -1 || write(fd, sb.buf, sb.len) != (ssize_t)sb.len ||
	    fsync(fd) != 0) {
		e = errno;
		if (fd != -1)
			close(fd);
		strbuf_reset(&sb);
		safe_escape(&sb, path, strlen(path), 0);
		*cause = xstrprintf("cannot write '%s': %s", sb.buf,
		    strerror(e));
		strbuf_release(&sb);
		free(path);
		return (-1);
	}
	close(fd);
	free(path);
	strbuf_release(&sb);
	if ((cw = dict_word(d, word, len)) != NULL) {
		Hunspell_add(d->h, cw);
		free(cw);
	}
	return (0);
}
