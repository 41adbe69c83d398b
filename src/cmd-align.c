/*
 * polyread align and polyread quotes: the alignment of the versions as
 * TSV, TMX or JSON, and the linked quotations as TSV or JSON.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <libxml/xmlwriter.h>

#include "align.h"
#include "cmd.h"
#include "safe.h"

static const char align_usage[] =
    "usage: polyread align [--format=tsv|tmx|json] [--pivot LANG] FILE...\n"
    "Print the sentences of the versions that translate each other, one\n"
    "bead per line (tsv: one field per file, sentences joined by ' ~~~ ').\n";

static const char quotes_usage[] =
    "usage: polyread quotes [--format=tsv|json] [--pivot LANG] FILE...\n"
    "Print the quotations that translate each other, one per line (tsv:\n"
    "one field per file, the text inside the quotation marks).\n";

/* Append text for a TSV field: escaped, tabs and newlines as spaces. */
static void
tsv_text(struct strbuf *sb, const char *s, size_t len)
{
	size_t	start = sb->len, i;

	safe_escape(sb, s, len, 1);
	for (i = start; i < sb->len; i++) {
		if (sb->buf[i] == '\t' || sb->buf[i] == '\n')
			sb->buf[i] = ' ';
	}
}

/* The text of sentence s of version v. */
static const char *
sent_text(const struct alignment *al, size_t v, size_t s, size_t *len)
{
	const struct text_sentence	*t = &al->sents[v][s];

	*len = t->end - t->start;
	return (al->docs[v]->blocks[t->block].text + t->start);
}

/* Append the text between two positions (blocks joined by a space). */
static void
range_text(struct strbuf *out, const struct doc *d, struct doc_pos a,
    struct doc_pos b, void (*add)(struct strbuf *, const char *, size_t))
{
	size_t	blk, s, e;

	for (blk = a.block; blk <= b.block && blk < d->nblocks; blk++) {
		s = blk == a.block ? a.off : 0;
		e = blk == b.block ? b.off : d->blocks[blk].len;
		if (e > d->blocks[blk].len)
			e = d->blocks[blk].len;
		if (s > e)
			s = e;
		if (blk != a.block)
			strbuf_addch(out, ' ');
		add(out, d->blocks[blk].text + s, e - s);
	}
}

/* Append raw text (for JSON, escaped afterwards). */
static void
raw_text(struct strbuf *sb, const char *s, size_t len)
{
	strbuf_add(sb, s, len);
}

static void
print_tsv(const struct alignment *al, struct strbuf *sb)
{
	size_t	b, v, s, len;
	const char *t;

	for (b = 0; b < al->nbeads; b++) {
		const struct align_bead	*bd = &al->beads[b];

		for (v = 0; v < al->nvers; v++) {
			if (v > 0)
				strbuf_addch(sb, '\t');
			for (s = 0; s < bd->count[v]; s++) {
				if (s > 0)
					strbuf_addstr(sb, " ~~~ ");
				t = sent_text(al, v, bd->first[v] + s, &len);
				tsv_text(sb, t, len);
			}
		}
		strbuf_addch(sb, '\n');
	}
}

static void
print_json(const struct alignment *al, struct strbuf *sb)
{
	size_t	b, v, s;

	strbuf_addstr(sb, "{\n  \"versions\": [");
	for (v = 0; v < al->nvers; v++) {
		const struct doc	*d = al->docs[v];

		strbuf_addstr(sb, v > 0 ? ",\n    {" : "\n    {");
		strbuf_addstr(sb, "\"source\": ");
		safe_json(sb, d->source, strlen(d->source));
		strbuf_addstr(sb, ", \"lang\": ");
		if (d->lang != NULL)
			safe_json(sb, d->lang, strlen(d->lang));
		else
			strbuf_addstr(sb, "null");
		strbuf_addf(sb, ", \"sentences\": %zu}", al->nsents[v]);
	}
	strbuf_addf(sb, "\n  ],\n  \"pivot\": %zu,\n  \"beads\": [", al->pivot);
	for (b = 0; b < al->nbeads; b++) {
		const struct align_bead	*bd = &al->beads[b];

		strbuf_addstr(sb, b > 0 ? ",\n    {" : "\n    {");
		strbuf_addf(sb, "\"confidence\": %.3f, \"doubtful\": %s, "
		    "\"versions\": [", bd->confidence,
		    bd->confidence < ALIGN_DOUBTFUL ? "true" : "false");
		for (v = 0; v < al->nvers; v++) {
			strbuf_addstr(sb, v > 0 ? ", [" : "[");
			for (s = 0; s < bd->count[v]; s++) {
				const struct text_sentence *t =
				    &al->sents[v][bd->first[v] + s];

				strbuf_addf(sb, "%s{\"sentence\": %zu, "
				    "\"block\": %zu, \"start\": %zu, "
				    "\"end\": %zu}", s > 0 ? ", " : "",
				    bd->first[v] + s, t->block, t->start,
				    t->end);
			}
			strbuf_addch(sb, ']');
		}
		strbuf_addstr(sb, "]}");
	}
	strbuf_addstr(sb, "\n  ]\n}\n");
}

/* Write a language attribute, escaped like text (it may come from --lang). */
static void
tmx_lang(xmlTextWriterPtr w, const char *attr, const char *lang,
    const char *none)
{
	struct strbuf	sb = STRBUF_INIT;

	if (lang == NULL)
		lang = none;
	safe_escape(&sb, lang, strlen(lang), 0);
	xmlTextWriterWriteAttribute(w, BAD_CAST attr, BAD_CAST sb.buf);
	strbuf_release(&sb);
}

/* Write TMX 1.4b with libxml2's writer (it escapes the markup). */
static int
print_tmx(const struct alignment *al)
{
	xmlBufferPtr		 buf;
	xmlTextWriterPtr	 w;
	struct strbuf		 sb = STRBUF_INIT;
	size_t			 b, v, s, len;
	const char		*t;
	int			 r = 0;

	buf = xmlBufferCreate();
	w = xmlNewTextWriterMemory(buf, 0);
	if (buf == NULL || w == NULL)
		fatalx("cannot create an XML writer");
	xmlTextWriterSetIndent(w, 1);
	xmlTextWriterSetIndentString(w, BAD_CAST "  ");
	xmlTextWriterStartDocument(w, "1.0", "UTF-8", NULL);
	xmlTextWriterStartElement(w, BAD_CAST "tmx");
	xmlTextWriterWriteAttribute(w, BAD_CAST "version", BAD_CAST "1.4");
	xmlTextWriterStartElement(w, BAD_CAST "header");
	xmlTextWriterWriteAttribute(w, BAD_CAST "creationtool",
	    BAD_CAST PACKAGE_NAME);
	xmlTextWriterWriteAttribute(w, BAD_CAST "creationtoolversion",
	    BAD_CAST PACKAGE_VERSION);
	xmlTextWriterWriteAttribute(w, BAD_CAST "datatype",
	    BAD_CAST "plaintext");
	xmlTextWriterWriteAttribute(w, BAD_CAST "segtype",
	    BAD_CAST "sentence");
	xmlTextWriterWriteAttribute(w, BAD_CAST "adminlang", BAD_CAST "en");
	tmx_lang(w, "srclang", al->docs[al->pivot]->lang, "*all*");
	xmlTextWriterWriteAttribute(w, BAD_CAST "o-tmf",
	    BAD_CAST "polyread");
	xmlTextWriterEndElement(w);
	xmlTextWriterStartElement(w, BAD_CAST "body");
	for (b = 0; b < al->nbeads; b++) {
		const struct align_bead	*bd = &al->beads[b];

		xmlTextWriterStartElement(w, BAD_CAST "tu");
		xmlTextWriterWriteFormatAttribute(w, BAD_CAST "tuid", "%zu",
		    b + 1);
		for (v = 0; v < al->nvers; v++) {
			if (bd->count[v] == 0)
				continue;
			xmlTextWriterStartElement(w, BAD_CAST "tuv");
			tmx_lang(w, "xml:lang", al->docs[v]->lang, "und");
			strbuf_reset(&sb);
			for (s = 0; s < bd->count[v]; s++) {
				if (s > 0)
					strbuf_addch(&sb, ' ');
				t = sent_text(al, v, bd->first[v] + s, &len);
				tsv_text(&sb, t, len);
			}
			xmlTextWriterWriteElement(w, BAD_CAST "seg",
			    BAD_CAST sb.buf);
			xmlTextWriterEndElement(w);
		}
		xmlTextWriterEndElement(w);
	}
	xmlTextWriterEndDocument(w);
	xmlFreeTextWriter(w);
	if (fwrite(xmlBufferContent(buf), 1, (size_t)xmlBufferLength(buf),
	    stdout) != (size_t)xmlBufferLength(buf))
		r = -1;
	xmlBufferFree(buf);
	strbuf_release(&sb);
	return (r);
}

static void
print_quotes(const struct alignment *al, int json, struct strbuf *sb)
{
	size_t	i, v, n = 0;

	if (json)
		strbuf_addstr(sb, "{\n  \"quotes\": [");
	for (i = 0; i < al->nqlinks; i++) {
		const struct align_qlink	*l = &al->qlinks[i];

		if (json)
			strbuf_addstr(sb, n++ > 0 ? ",\n    [" : "\n    [");
		for (v = 0; v < al->nvers; v++) {
			const struct text_quote	*q;

			if (v > 0)
				strbuf_addstr(sb, json ? ", " : "\t");
			if (l->quote[v] == DOC_NOPOS) {
				if (json)
					strbuf_addstr(sb, "null");
				continue;
			}
			q = &al->quotes[v][l->quote[v]];
			if (!json) {
				range_text(sb, al->docs[v], q->start, q->end,
				    tsv_text);
				continue;
			}
			strbuf_addf(sb, "{\"quote\": %zu, \"depth\": %d, "
			    "\"start\": [%zu, %zu], \"end\": [%zu, %zu], "
			    "\"text\": ", l->quote[v], q->depth,
			    q->start.block, q->start.off, q->end.block,
			    q->end.off);
			{
				struct strbuf	tmp = STRBUF_INIT;

				range_text(&tmp, al->docs[v], q->start, q->end,
				    raw_text);
				safe_json(sb, tmp.buf, tmp.len);
				strbuf_release(&tmp);
			}
			strbuf_addch(sb, '}');
		}
		if (json)
			strbuf_addch(sb, ']');
		else
			strbuf_addch(sb, '\n');
	}
	if (json)
		strbuf_addstr(sb, "\n  ]\n}\n");
}

/* The common part of align and quotes. */
static int
align_cmd(int argc, char **argv, const char *name, const char *usage,
    int quotes)
{
	struct cmd_opts		 o;
	struct article		 a;
	struct align_opts	 ao;
	struct alignment	*al;
	struct strbuf		 sb = STRBUF_INIT;
	const char		*fmt;
	char			*cause = NULL;
	int			 first, r = 0;

	first = cmd_parse(argc, argv, name, OPT_LANG | OPT_FORMAT | OPT_PIVOT |
	    OPT_PRESEG | OPT_INPUT, usage, &o);
	if (first < 0)
		return (first == -2 ? 0 : 2);
	fmt = o.format != NULL ? o.format : "tsv";
	if (strcmp(fmt, "tsv") != 0 && strcmp(fmt, "json") != 0 &&
	    (quotes || strcmp(fmt, "tmx") != 0)) {
		error_msg("%s: unknown format '%s' (%s)", name, fmt,
		    quotes ? "tsv, json" : "tsv, tmx, json");
		return (2);
	}
	if (first >= argc) {
		error_msg("%s: no files (see --help)", name);
		return (2);
	}
	if (cmd_open(&a, argv + first, (size_t)(argc - first), &o) != 0)
		return (1);
	memset(&ao, 0, sizeof ao);
	ao.pivot = o.pivot;
	if ((al = align_create(&a, &ao, &cause)) == NULL) {
		error_msg("%s: %s", name, cause);
		free(cause);
		article_release(&a);
		return (1);
	}
	if (al->fallback != NULL)
		warn_msg("%s", al->fallback);
	if (quotes)
		print_quotes(al, strcmp(fmt, "json") == 0, &sb);
	else if (strcmp(fmt, "json") == 0)
		print_json(al, &sb);
	else if (strcmp(fmt, "tmx") == 0)
		r = print_tmx(al);
	else
		print_tsv(al, &sb);
	if (sb.len > 0 && fwrite(sb.buf, 1, sb.len, stdout) != sb.len)
		r = -1;
	strbuf_release(&sb);
	align_free(al);
	article_release(&a);
	if (fflush(stdout) != 0 || r != 0) {
		error_msg("%s: cannot write the output", name);
		return (1);
	}
	return (0);
}

int
cmd_align(int argc, char **argv)
{
	return (align_cmd(argc, argv, "align", align_usage, 0));
}

int
cmd_quotes(int argc, char **argv)
{
	return (align_cmd(argc, argv, "quotes", quotes_usage, 1));
}
