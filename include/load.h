/*
 * load.h: turning files into documents.
 *
 * Where it sits: under article.c; above the loaders (doc-load-*.c),
 * charset.c, lang.c and doc.h.
 *
 * load_file() reads a file, rejects what is not an article (folders,
 * empty, binary or oversized files), decodes it to UTF-8 (BOM, declared
 * charset, else ICU charset detection), picks the loader by extension or
 * content (HTML, XHTML/XML/TEI, Markdown, plain text) and settles the
 * document's language (opts->lang when forced, else declared, else
 * opts->lang, else the file name's, else guessed from the text).
 *
 * Every loader gets UTF-8 text and fills an empty document through the
 * builder calls of doc.h, then the caller runs doc_finish().
 */
#ifndef POLYREAD_LOAD_H
#define POLYREAD_LOAD_H

#include <stddef.h>

#include "doc.h"

/* The largest input accepted, in bytes: larger files are not read. */
#define LOAD_MAX_SIZE	((size_t)32 * 1024 * 1024)
/*
 * The deepest nesting of HTML and XML elements (libxml2's own limit,
 * without XML_PARSE_HUGE): deeper markup is refused with a message.
 */
#define LOAD_MAX_DEPTH	256
/*
 * The most elements (start tags) an HTML or XML input may have: each costs
 * libxml2 a tree node, and the content finder more.
 */
#define LOAD_MAX_ELEMENTS	2000000
/*
 * The most attributes one element may have, and an HTML or XML input in
 * all: libxml2 2.9 checks each new attribute against all the element's
 * others and appends it at the end of their list (time quadratic in one
 * element's attributes), and each costs a node or two.
 */
#define LOAD_MAX_ATTRS		256
#define LOAD_MAX_ATTRS_TOTAL	2000000
/* The most entity references (&name;) in XML: each is a tree node. */
#define LOAD_MAX_ENTITY_REFS	1000000

/*
 * What the parser of a markup input will build at most, counted on its
 * bytes before it runs (load_count_markup()): an upper bound, never less
 * than the tree holds (the fuzz targets check it).
 */
struct load_counts {
	size_t	elements;	/* '<' then anything a name may start with */
	size_t	attrs;		/* in all */
	size_t	max_attrs;	/* the most in one start tag */
	size_t	refs;		/* '&' then a name start */
};
/*
 * Count data's markup (html: HTML's start-tag syntax, else XML's) into *c;
 * stops early, returning -1, as soon as one count passes its limit (the
 * counts so far say which), else returns 0.
 */
int	load_count_markup(const char *data, size_t len, int html,
	    struct load_counts *c);

struct load_opts {
	const char	*lang;		/* language when the file does not say */
	int		 force_lang;	/* lang overrides the declared one */
	const char	*format;	/* "html", "xml", "text", "markdown" */
	const char	*charset;	/* charset from outside (HTTP header) */
	int		 keep_furniture; /* keep page furniture (text) */
	int		 presegmented;	/* text: one sentence per line */
};

/*
 * Load the file at path. Returns a finished document (free it with
 * doc_free()), or NULL with a one-line message in *cause (free it).
 */
struct doc	*load_file(const char *path, const struct load_opts *,
		     char **cause);
/* The same for bytes already in memory; name is used in messages. */
struct doc	*load_buffer(const char *name, const char *data, size_t len,
		     const struct load_opts *, char **cause);

/*
 * A loader: a format's name, its file name extensions (NULL-terminated),
 * whether it is markup (its charset may be declared inside; its elements
 * are counted against LOAD_MAX_ELEMENTS), what its data starts with (NULL:
 * anything; tried in the table's order), and the loader itself. load.c
 * holds the table: a new format is a line there and a doc-load-*.c.
 */
struct loader {
	const char		*name;
	const char *const	*extensions;
	int			 markup;
	int			(*sniff)(const char *start, size_t left);
	int			(*load)(struct doc *, const char *utf8,
				    size_t len, const struct load_opts *,
				    char **cause);
	int			 in_place;	/* stores blocks over the
						   input it read (doc_input_
						   take()) */
};
/* The loader of a format name, or NULL. */
const struct loader *load_find(const char *format);
/* The format names, ", "-separated, into buf ("html, xml, ..."). */
void		 load_format_names(char *buf, size_t size);

/* The format load_buffer() would pick ("html", "xml", ...). */
const char	*load_sniff_format(const char *name, const char *data,
		     size_t len);

/*
 * The loaders proper (doc-load-*.c). data is UTF-8 and NUL-terminated.
 * Each returns 0, or -1 with *cause set.
 */
int	load_html(struct doc *, const char *data, size_t len, char **cause);

/*
 * Parse UTF-8 text with a libxml2 parser context, HTML's (html 1) or
 * XML's, with the parser options: for the loaders and the discovery of a
 * page's versions, in place of htmlCtxtReadMemory() and
 * xmlCtxtReadMemory(), which, told "UTF-8", convert their copy of the text
 * into a second one (doc-load-xml.c). len must fit an int. Returns the
 * document, or NULL (for XML, when not well-formed and not recovering).
 */
struct _xmlParserCtxt;
struct _xmlDoc;
struct _xmlDoc *load_parse_utf8(struct _xmlParserCtxt *, const char *data,
	    size_t len, int html, int options);
int	load_xml(struct doc *, const char *data, size_t len, char **cause);
int	load_text(struct doc *, const char *data, size_t len,
	    const struct load_opts *, char **cause);
int	load_markdown(struct doc *, const char *data, size_t len,
	    char **cause);

/*
 * Decode data to UTF-8 (charset.c). The charset is taken from, in order:
 * a byte order mark, hint (a declared charset), validity as UTF-8, then ICU
 * detection (ucsdet). Invalid sequences become U+FFFD. On success *out is
 * a NUL-terminated string you own and *used the charset's canonical name
 * (static). Returns 0, or -1 with *cause.
 */
int	charset_decode(const char *data, size_t len, const char *hint,
	    char **out, size_t *outlen, const char **used, char **cause);
/*
 * charset_decode() that takes ownership of data (malloc'd, with room for
 * len + 1 bytes): valid UTF-8 is decoded in place, *out being data, so an
 * 8 MB text is not copied once more; otherwise data is freed. Either way
 * the caller owns *out only, on success.
 */
int	charset_decode_take(char *data, size_t len, const char *hint,
	    char **out, size_t *outlen, const char **used, char **cause);
/*
 * The charset an HTML page declares in its first bytes (<meta charset> or
 * http-equiv Content-Type), or an XML declaration's encoding; NULL if none.
 * You own the result.
 */
char	*charset_sniff_declared(const char *data, size_t len);
/* True if data is valid UTF-8. */
int	charset_is_utf8(const char *data, size_t len);
/* True if data looks binary (NUL bytes, not UTF-16 with a BOM). */
int	charset_looks_binary(const char *data, size_t len);

/*
 * Guess the language of a document from its text (lang.c): Cyrillic
 * script means "ru" ("uk" or "be" when only their own letters show);
 * otherwise "en" or "fr" by common-word hits. NULL when there is too
 * little text to tell, or another language.
 */
const char	*lang_guess(const struct doc *);
/* The same on a string. */
const char	*lang_guess_text(const char *, size_t);
/*
 * Normalise a language tag from markup ("en-US", "fr_FR", "ru-RU",
 * "English") to its primary subtag in lower case ("en"); NULL if it is not
 * a plausible tag. You own the result.
 */
char		*lang_normalize(const char *);
/*
 * The language a file's name or a URL's last part gives, NAME.TAG.EXT
 * ("t.zh.txt", "news.pt-BR.html"; any well-formed BCP 47 tag whose
 * language ICU knows), normalised as lang_normalize(); NULL if it names
 * none (TAG.EXT does not: "it.txt" is no Italian). You own the result.
 */
char		*lang_from_filename(const char *);

#endif
