/*
 * polyread library: list the articles read, as the reader's library shows
 * them (last read first), as TSV or JSON.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "library.h"
#include "safe.h"
#include "store.h"

static const char library_usage[] =
    "usage: polyread library [--format=tsv|json] [--data-dir DIR]\n"
    "List the articles read, last read first. tsv: one per line: id, last\n"
    "read (ISO 8601 UTC, or -), languages, notes, orphans, site, title and\n"
    "the sources (space-separated URIs), tab-separated; json: an array of\n"
    "objects.\n";

/* One TSV line per article. */
static void
library_tsv(struct strbuf *sb, const struct library *lib)
{
	const struct library_entry	*e;
	size_t				 i, k;

	for (i = 0; i < lib->n; i++) {
		e = &lib->v[i];
		strbuf_addf(sb, "%lld\t", (long long)e->id);
		safe_tsv(sb, e->read != NULL ? e->read : "-");
		strbuf_addch(sb, '\t');
		safe_tsv(sb, *e->langs != '\0' ? e->langs : "-");
		strbuf_addf(sb, "\t%zu\t%zu\t", e->notes, e->orphans);
		safe_tsv(sb, e->site != NULL ? e->site : "-");
		strbuf_addch(sb, '\t');
		safe_tsv(sb, e->title);
		strbuf_addch(sb, '\t');
		for (k = 0; k < e->n; k++) {
			if (k > 0)
				strbuf_addch(sb, ' ');
			safe_tsv(sb, e->sources[k]);
		}
		strbuf_addch(sb, '\n');
	}
}

/* "name": value (a string, or null) and a comma. */
static void
json_member(struct strbuf *sb, const char *name, const char *value)
{
	strbuf_addf(sb, "\"%s\":", name);
	if (value != NULL)
		safe_json(sb, value, strlen(value));
	else
		strbuf_addstr(sb, "null");
	strbuf_addch(sb, ',');
}

/* A JSON array of the articles, one per line. */
static void
library_json(struct strbuf *sb, const struct library *lib)
{
	const struct library_entry	*e;
	size_t				 i, k;

	strbuf_addstr(sb, "[");
	for (i = 0; i < lib->n; i++) {
		e = &lib->v[i];
		strbuf_addstr(sb, i > 0 ? ",\n{" : "\n{");
		strbuf_addf(sb, "\"id\":%lld,", (long long)e->id);
		json_member(sb, "uuid", e->uuid);
		json_member(sb, "title", e->title);
		json_member(sb, "site", e->site);
		json_member(sb, "read", e->read);
		strbuf_addf(sb, "\"notes\":%zu,\"orphans\":%zu,", e->notes,
		    e->orphans);
		strbuf_addstr(sb, "\"versions\":[");
		for (k = 0; k < e->n; k++) {
			strbuf_addstr(sb, k > 0 ? ",{" : "{");
			json_member(sb, "lang", e->vlangs[k]);
			strbuf_addstr(sb, "\"source\":");
			safe_json(sb, e->sources[k], strlen(e->sources[k]));
			strbuf_addch(sb, '}');
		}
		strbuf_addstr(sb, "]}");
	}
	strbuf_addstr(sb, lib->n > 0 ? "\n]\n" : "]\n");
}

int
cmd_library(int argc, char **argv)
{
	struct cmd_opts	 o;
	struct store	*st;
	struct library	 lib;
	struct strbuf	 sb = STRBUF_INIT;
	const char	*fmt;
	char		*cause = NULL;
	int		 first, r = 0;

	first = cmd_parse(argc, argv, "library", OPT_FORMAT | OPT_DATADIR,
	    library_usage, &o);
	if (first < 0)
		return (first == -2 ? 0 : 2);
	if (first < argc) {
		error_msg("library: takes no files (see --help)");
		return (2);
	}
	fmt = o.format != NULL ? o.format : "tsv";
	if (strcmp(fmt, "tsv") != 0 && strcmp(fmt, "json") != 0) {
		error_msg("library: unknown format '%s' (tsv, json)", fmt);
		return (2);
	}
	/* Only reads: a read-only folder or a full disk will do (issue 18). */
	if (store_open_read(&st, o.data_dir, NULL, &cause) != 0) {
		error_msg("%s", cause);
		free(cause);
		return (1);
	}
	if (store_copy_reason(st) != NULL)
		warn_msg("%s; reading it all the same (nothing is saved)",
		    store_copy_reason(st));
	if (library_load(&lib, st, 0, &cause) != 0) {
		error_msg("%s", cause);
		free(cause);
		store_close(st);
		return (1);
	}
	if (strcmp(fmt, "json") == 0)
		library_json(&sb, &lib);
	else
		library_tsv(&sb, &lib);
	if (fwrite(sb.buf, 1, sb.len, stdout) != sb.len ||
	    fflush(stdout) != 0) {
		error_msg("library: cannot write the output");
		r = 1;
	}
	strbuf_release(&sb);
	library_release(&lib);
	store_close(st);
	return (r);
}
