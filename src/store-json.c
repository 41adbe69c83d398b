/*
 * The notes as W3C Web Annotations: export (JSON-LD built by SQLite's JSON
 * functions) and import, in one transaction. Above store.c (store-int.h).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <jansson.h>
#include <sqlite3.h>
#include <unicode/utf8.h>

#include "safe.h"
#include "store.h"
#include "store-int.h"

/*
 * Escape, inside the JSON text SQLite made, the characters a terminal
 * would act on (SQLite already escapes C0 controls). They can only be
 * inside strings, where \uXXXX means the same character.
 */
static char *
json_make_safe(const char *s, size_t len)
{
	struct strbuf	sb = STRBUF_INIT;
	int32_t		i = 0, prev, n = (int32_t)PR_MIN(len, INT32_MAX);
	UChar32		c;

	strbuf_grow(&sb, len + 1);
	while (i < n) {
		prev = i;
		U8_NEXT(s, i, n, c);
		if (c >= 0 && c >= 0x7f && char_is_unsafe(c))
			strbuf_addf(&sb, "\\u%04x", (unsigned)c);
		else
			strbuf_add(&sb, s + prev, (size_t)(i - prev));
	}
	strbuf_addch(&sb, '\n');
	return (strbuf_detach(&sb, NULL));
}

/* One annotation of the export, in SQL (n: note, v: version, a: article). */
#define SQL_ITEM \
	"json_object(" \
	"'id', n.uuid," \
	"'type', 'Annotation'," \
	"'motivation', 'commenting'," \
	"'created', n.created," \
	"'modified', n.modified," \
	"'body', (SELECT json_group_array(json(b)) FROM (" \
	"  SELECT 0 AS k, '' AS t, json_patch(json_object(" \
	"    'type', 'TextualBody', 'purpose', 'commenting'," \
	"    'value', n.body, 'format', 'text/plain')," \
	"    json_object('language', n.lang)) AS b" \
	"  UNION ALL" \
	"  SELECT 1, tag, json_object('type', 'TextualBody'," \
	"    'purpose', 'tagging', 'value', tag)" \
	"  FROM note_tag WHERE note_tag.note = n.id" \
	"  ORDER BY k, t))," \
	"'target', json_object(" \
	"  'source', v.source," \
	"  'selector', json_array(" \
	"    json_object('type', 'TextQuoteSelector', 'exact', n.exact," \
	"      'prefix', n.prefix, 'suffix', n.suffix)," \
	"    json_object('type', 'TextPositionSelector'," \
	"      'start', n.pos_start, 'end', n.pos_end)))," \
	"'polyread', json_patch(json_object(" \
	"  'article', a.uuid, 'hash', v.hash," \
	"  'orphan', json(CASE WHEN n.orphan THEN 'true' ELSE 'false' END))," \
	"  json_object('versionLanguage', v.lang)))"

int
store_export_json(struct store *st, int64_t article, char **json,
    char **cause)
{
	sqlite3_stmt	*stmt;
	const char	*s;
	int		 rc, r, total;

	*json = NULL;
	r = store_prepare(st, &stmt, "SELECT json_object("
	    "'@context', 'http://www.w3.org/ns/anno.jsonld',"
	    "'type', 'AnnotationCollection',"
	    "'label', 'polyread notes',"
	    "'total', count(*),"
	    "'first', json_object('type', 'AnnotationPage',"
	    "  'startIndex', 0, 'items', json_group_array(json(item)))),"
	    "count(*) FROM (SELECT " SQL_ITEM " AS item "
	    "FROM note n JOIN version v ON v.id = n.version "
	    "JOIN article a ON a.id = v.article "
	    "WHERE ?1 = 0 OR v.article = ?1 "
	    /*
	     * Grouped by article; notes made in the same millisecond: in
	     * the order stored.
	     */
	    "ORDER BY v.article, n.created, n.id)", cause);
	if (r != 0)
		return (r);
	sqlite3_bind_int64(stmt, 1, article);
	rc = sqlite3_step(stmt);
	if (rc != SQLITE_ROW) {
		r = store_err(st, rc, cause);
		sqlite3_finalize(stmt);
		return (r);
	}
	s = (const char *)sqlite3_column_text(stmt, 0);
	total = sqlite3_column_int(stmt, 1);
	*json = json_make_safe(s != NULL ? s : "{}",
	    (size_t)sqlite3_column_bytes(stmt, 0));
	sqlite3_finalize(stmt);
	return (total);
}

/* The fields of one annotation, read by SQL. */
struct import_item {
	char	*id;
	char	*source;
	char	*exact;
	char	*prefix;
	char	*suffix;
	int64_t	 start;
	int64_t	 end;
	int	 haspos;
	char	*text;
	char	*lang;
	char	*created;
	char	*modified;
	char	*article;
	char	*hash;
	char	*vlang;
	int	 orphan;
	char	**tags;
	size_t	 ntags;
	size_t	 atags;
};

/* Free the fields of an imported annotation. */
static void
import_item_release(struct import_item *it)
{
	size_t	i;

	free(it->id);
	free(it->source);
	free(it->exact);
	free(it->prefix);
	free(it->suffix);
	free(it->text);
	free(it->lang);
	free(it->created);
	free(it->modified);
	free(it->article);
	free(it->hash);
	free(it->vlang);
	for (i = 0; i < it->ntags; i++)
		free(it->tags[i]);
	free(it->tags);
	memset(it, 0, sizeof *it);
}

/* The target of an annotation: a string, an object or an array of them. */
#define SQL_TARGET \
	"(CASE json_type(?1, '$.target') " \
	" WHEN 'array' THEN ?1 -> '$.target[0]' " \
	" ELSE ?1 -> '$.target' END)"
/* An object or an array of objects, as an array. */
#define SQL_ARRAY(x) \
	"(CASE json_type(" x ") WHEN 'array' THEN json(" x ") " \
	" WHEN 'object' THEN json_array(json(" x ")) " \
	" WHEN 'text' THEN json_array(json_object('type', 'TextualBody', " \
	"   'value', json_extract(" x ", '$'))) " \
	" ELSE json_array() END)"

/* The annotation's own fields and its target's source. */
static int
import_fields(struct store *st, const char *item, struct import_item *it,
    size_t index, const char *name, char **cause)
{
	sqlite3_stmt	*stmt;
	int		 rc, r;

	r = store_prepare(st, &stmt, "SELECT json_extract(?1, '$.id'), "
	    "CASE json_type(" SQL_TARGET ") WHEN 'object' THEN "
	    "  json_extract(" SQL_TARGET ", '$.source') "
	    "  ELSE json_extract(" SQL_TARGET ", '$') END, "
	    "json_extract(?1, '$.created'), json_extract(?1, '$.modified'), "
	    "json_extract(?1, '$.polyread.article'), "
	    "json_extract(?1, '$.polyread.hash'), "
	    "json_extract(?1, '$.polyread.versionLanguage'), "
	    "coalesce(json_extract(?1, '$.polyread.orphan'), 0), "
	    "json_type(?1), json_extract(?1, '$.bodyValue')", cause);
	if (r != 0)
		return (r);
	store_bind_text(stmt, 1, item);
	if ((rc = sqlite3_step(stmt)) != SQLITE_ROW) {
		r = store_err(st, rc, cause);
		sqlite3_finalize(stmt);
		return (r);
	}
	if (sqlite3_column_type(stmt, 8) == SQLITE_NULL ||
	    strcmp((const char *)sqlite3_column_text(stmt, 8), "object") != 0) {
		sqlite3_finalize(stmt);
		*cause = xstrprintf("'%s': item %zu is not an annotation",
		    name, index + 1);
		return (STORE_ERROR);
	}
	it->id = store_col_text(stmt, 0);
	it->source = store_col_text(stmt, 1);
	it->created = store_col_text(stmt, 2);
	it->modified = store_col_text(stmt, 3);
	it->article = store_col_text(stmt, 4);
	it->hash = store_col_text(stmt, 5);
	it->vlang = store_col_text(stmt, 6);
	it->orphan = sqlite3_column_int(stmt, 7) != 0;
	it->text = store_col_text(stmt, 9);
	sqlite3_finalize(stmt);
	return (0);
}

/*
 * Run a query on the annotation (?1) and hand each row to row(): 0 or a
 * STORE_* code.
 */
static int
import_rows(struct store *st, const char *sql, const char *item,
    void (*row)(sqlite3_stmt *, struct import_item *), struct import_item *it,
    char **cause)
{
	sqlite3_stmt	*stmt;
	int		 rc, r;

	if ((r = store_prepare(st, &stmt, sql, cause)) != 0)
		return (r);
	store_bind_text(stmt, 1, item);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
		row(stmt, it);
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE)
		return (store_err(st, rc, cause));
	return (0);
}

/* A selector of the target: the first quote and position ones count. */
static void
import_selector(sqlite3_stmt *stmt, struct import_item *it)
{
	const char	*type = (const char *)sqlite3_column_text(stmt, 0);

	if (type == NULL)
		return;
	if (strcmp(type, "TextQuoteSelector") == 0 && it->exact == NULL &&
	    sqlite3_column_type(stmt, 1) == SQLITE_TEXT) {
		it->exact = store_col_str(stmt, 1);
		it->prefix = store_col_str(stmt, 2);
		it->suffix = store_col_str(stmt, 3);
	} else if (strcmp(type, "TextPositionSelector") == 0 && !it->haspos &&
	    sqlite3_column_type(stmt, 4) == SQLITE_INTEGER &&
	    sqlite3_column_type(stmt, 5) == SQLITE_INTEGER) {
		it->start = sqlite3_column_int64(stmt, 4);
		it->end = sqlite3_column_int64(stmt, 5);
		it->haspos = 1;
	}
}

/* A body: a tag, or the first comment (when no bodyValue). */
static void
import_body(sqlite3_stmt *stmt, struct import_item *it)
{
	const char	*purpose;

	if (sqlite3_column_type(stmt, 1) != SQLITE_TEXT)
		return;
	purpose = (const char *)sqlite3_column_text(stmt, 0);
	if (purpose != NULL && strcmp(purpose, "tagging") == 0) {
		XGROW(it->tags, it->atags, it->ntags + 1);
		it->tags[it->ntags++] = store_col_str(stmt, 1);
	} else if (it->text == NULL) {
		it->text = store_col_str(stmt, 1);
		it->lang = store_col_text(stmt, 2);
	}
}

/* Read one annotation (JSON text) into it. */
static int
import_read(struct store *st, const char *item, struct import_item *it,
    size_t index, const char *name, char **cause)
{
	int	r;

	memset(it, 0, sizeof *it);
	if ((r = import_fields(st, item, it, index, name, cause)) != 0)
		return (r);
	r = import_rows(st, "SELECT json_extract(value, '$.type'), "
	    "json_extract(value, '$.exact'), json_extract(value, '$.prefix'), "
	    "json_extract(value, '$.suffix'), json_extract(value, '$.start'), "
	    "json_extract(value, '$.end') FROM json_each("
	    SQL_ARRAY(SQL_TARGET " -> '$.selector'") ")", item,
	    import_selector, it, cause);
	if (r != 0)
		return (r);
	r = import_rows(st, "SELECT json_extract(value, '$.purpose'), "
	    "json_extract(value, '$.value'), json_extract(value, '$.language') "
	    "FROM json_each(" SQL_ARRAY("?1 -> '$.body'") ")", item,
	    import_body, it, cause);
	if (r != 0)
		return (r);
	if (it->source == NULL || *it->source == '\0') {
		*cause = xstrprintf("'%s': annotation %zu has no target "
		    "source", name, index + 1);
		return (STORE_ERROR);
	}
	if (it->exact == NULL || *it->exact == '\0') {
		*cause = xstrprintf("'%s': annotation %zu has no "
		    "TextQuoteSelector", name, index + 1);
		return (STORE_ERROR);
	}
	if (it->start < 0 || it->end < it->start) {
		*cause = xstrprintf("'%s': annotation %zu has a bad "
		    "TextPositionSelector", name, index + 1);
		return (STORE_ERROR);
	}
	return (0);
}

/* Run a one-row query with one text parameter; *id is 0 when no row. */
static int
import_lookup(struct store *st, const char *sql, const char *arg,
    int64_t *id, int64_t *id2, char **cause)
{
	sqlite3_stmt	*stmt;
	int		 rc, r;

	*id = 0;
	if (id2 != NULL)
		*id2 = 0;
	if (arg == NULL)
		return (0);
	if ((r = store_prepare(st, &stmt, sql, cause)) != 0)
		return (r);
	store_bind_text(stmt, 1, arg);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		*id = sqlite3_column_int64(stmt, 0);
		if (id2 != NULL)
			*id2 = sqlite3_column_int64(stmt, 1);
	}
	sqlite3_finalize(stmt);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return (store_err(st, rc, cause));
	return (0);
}

/* Store one imported annotation (inside the import's transaction). */
static int
import_save(struct store *st, struct import_item *it, char **cause)
{
	sqlite3_stmt	*stmt = NULL;
	struct store_note	 n;
	int64_t		 article, version, vart, noteid;
	int		 r;

	/* Its version, and the article (group) it belongs to. */
	if ((r = import_lookup(st, "SELECT id, article FROM version WHERE "
	    "source = ?1", it->source, &version, &vart, cause)) != 0)
		return (r);
	if (version == 0) {
		if ((r = import_lookup(st, "SELECT id FROM article WHERE "
		    "uuid = ?1", it->article, &article, NULL, cause)) != 0)
			return (r);
		if (article == 0) {
			r = store_prepare(st, &stmt, "INSERT INTO article "
			    "(created, uuid) VALUES (" SQL_NOW ", "
			    "coalesce(?1, " SQL_UUID "))", cause);
			if (r != 0)
				return (r);
			store_bind_text(stmt, 1, it->article);
			r = store_step_done(st, stmt, cause);
			sqlite3_finalize(stmt);
			if (r != 0)
				return (r);
			article = sqlite3_last_insert_rowid(st->db);
		}
		r = store_prepare(st, &stmt, "INSERT INTO version (article, "
		    "source, hash, lang, created) VALUES (?1, ?2, "
		    "coalesce(?3, ''), ?4, " SQL_NOW ")", cause);
		if (r != 0)
			return (r);
		sqlite3_bind_int64(stmt, 1, article);
		store_bind_text(stmt, 2, it->source);
		store_bind_text(stmt, 3, it->hash);
		store_bind_text(stmt, 4, it->vlang);
		r = store_step_done(st, stmt, cause);
		sqlite3_finalize(stmt);
		if (r != 0)
			return (r);
		version = sqlite3_last_insert_rowid(st->db);
	}

	memset(&n, 0, sizeof n);
	n.text = it->text;
	n.ntags = it->ntags;
	n.tags = it->tags;
	n.sel.exact = it->exact;
	n.sel.prefix = it->prefix;
	n.sel.suffix = it->suffix;
	if ((r = store_note_check(&n, cause)) != 0)
		return (r);
	if ((r = import_lookup(st, "SELECT id FROM note WHERE uuid = ?1",
	    it->id, &noteid, NULL, cause)) != 0)
		return (r);
	if (noteid != 0) {
		r = store_prepare(st, &stmt, "UPDATE note SET version = ?2, "
		    "exact = ?3, prefix = ?4, suffix = ?5, pos_start = ?6, "
		    "pos_end = ?7, body = ?8, lang = ?9, "
		    "created = coalesce(?10, created), "
		    "modified = coalesce(?11, " SQL_NOW "), orphan = ?12 "
		    "WHERE id = ?1", cause);
		if (r != 0)
			return (r);
		sqlite3_bind_int64(stmt, 1, noteid);
	} else {
		r = store_prepare(st, &stmt, "INSERT INTO note (uuid, "
		    "version, exact, prefix, suffix, pos_start, pos_end, body, "
		    "lang, created, modified, orphan) VALUES "
		    "(coalesce(?1, " SQL_UUID "), ?2, ?3, ?4, ?5, ?6, ?7, ?8, "
		    "?9, coalesce(?10, " SQL_NOW "), coalesce(?11, ?10, "
		    SQL_NOW "), ?12)", cause);
		if (r != 0)
			return (r);
		store_bind_text(stmt, 1, it->id);
	}
	sqlite3_bind_int64(stmt, 2, version);
	store_bind_text(stmt, 3, it->exact);
	store_bind_text(stmt, 4, it->prefix != NULL ? it->prefix : "");
	store_bind_text(stmt, 5, it->suffix != NULL ? it->suffix : "");
	sqlite3_bind_int64(stmt, 6, it->start);
	sqlite3_bind_int64(stmt, 7, it->end);
	store_bind_text(stmt, 8, it->text != NULL ? it->text : "");
	store_bind_text(stmt, 9, it->lang);
	store_bind_text(stmt, 10, it->created);
	store_bind_text(stmt, 11, it->modified);
	sqlite3_bind_int(stmt, 12, it->orphan);
	r = store_step_done(st, stmt, cause);
	sqlite3_finalize(stmt);
	if (r != 0)
		return (r);
	if (noteid == 0)
		noteid = sqlite3_last_insert_rowid(st->db);
	return (store_save_tags(st, noteid, it->tags, it->ntags, cause));
}

/*
 * Is json valid by jansson's strict parser? SQLite 3.40's json_valid()
 * takes an object for a member's name ({"a": 1, {"b": 2}: 3}), on which
 * its json_extract() then reads through a bad pointer (a fuzz-notes
 * finding, Debian 12's libsqlite3 3.40.1): SQLite sees only what a strict
 * parser accepts. 0, or an error with *cause naming the line.
 */
static int
import_strict(const char *json, size_t len, const char *qname, char **cause)
{
	json_error_t	 err;
	json_t		*root;

	/* SQLite's functions read the text to its first NUL: so does this. */
	len = strnlen(json, len);
	/* Any value: one that holds no annotations is said so later. */
	if ((root = json_loadb(json, len, JSON_ALLOW_NUL | JSON_DECODE_ANY,
	    &err)) == NULL) {
		*cause = xstrprintf("'%s' is not valid JSON (line %d: %s)",
		    qname, err.line, err.text);
		return (STORE_ERROR);
	}
	json_decref(root);
	return (0);
}

/*
 * Where json's annotations are: "$", "$.first.items" or "$.items", NULL
 * (*path) when json is one annotation; 0, else an error with *cause.
 */
static int
import_where(struct store *st, const char *json, size_t len,
    const char *qname, const char **path, char **cause)
{
	sqlite3_stmt	*stmt = NULL;
	const char	*type;
	int		 rc, r;

	/* Valid JSON first: the other functions fail on anything else. */
	if ((r = import_strict(json, len, qname, cause)) != 0)
		return (r);
	r = store_prepare(st, &stmt, "SELECT json_valid(?1)", cause);
	if (r != 0)
		return (r);
	sqlite3_bind_text(stmt, 1, json, (int)PR_MIN(len, INT32_MAX),
	    SQLITE_STATIC);
	if ((rc = sqlite3_step(stmt)) != SQLITE_ROW) {
		r = store_err(st, rc, cause);
		goto done;
	}
	if (sqlite3_column_int(stmt, 0) == 0) {
		*cause = xstrprintf("'%s' is not valid JSON", qname);
		r = STORE_ERROR;
		goto done;
	}
	sqlite3_finalize(stmt);
	stmt = NULL;

	r = store_prepare(st, &stmt, "SELECT NULL, json_type(?1), "
	    "json_type(?1, '$.first.items'), json_type(?1, '$.items'), "
	    "json_extract(?1, '$.type')", cause);
	if (r != 0)
		goto done;
	sqlite3_bind_text(stmt, 1, json, (int)PR_MIN(len, INT32_MAX),
	    SQLITE_STATIC);
	if ((rc = sqlite3_step(stmt)) != SQLITE_ROW) {
		r = store_err(st, rc, cause);
		goto done;
	}
	type = (const char *)sqlite3_column_text(stmt, 1);
	if (type != NULL && strcmp(type, "array") == 0)
		*path = "$";
	else if (sqlite3_column_type(stmt, 2) == SQLITE_TEXT &&
	    strcmp((const char *)sqlite3_column_text(stmt, 2), "array") == 0)
		*path = "$.first.items";
	else if (sqlite3_column_type(stmt, 3) == SQLITE_TEXT &&
	    strcmp((const char *)sqlite3_column_text(stmt, 3), "array") == 0)
		*path = "$.items";
	else if (sqlite3_column_type(stmt, 4) == SQLITE_TEXT &&
	    strcmp((const char *)sqlite3_column_text(stmt, 4),
	    "Annotation") == 0)
		*path = NULL;
	else {
		*cause = xstrprintf("'%s' holds no annotations (expected an "
		    "AnnotationCollection)", qname);
		r = STORE_ERROR;
	}
done:
	sqlite3_finalize(stmt);
	return (r);
}

/* The annotations at path of json, as JSON texts, into *items. */
static int
import_items(struct store *st, const char *json, size_t len,
    const char *path, char ***items, size_t *nitems, char **cause)
{
	sqlite3_stmt	*stmt = NULL;
	size_t		 alloc = 0;
	int		 rc, r;

	if (path == NULL) {
		*items = xcalloc(1, sizeof **items);
		(*items)[0] = xstrndup(json, len);
		*nitems = 1;
		return (0);
	}
	r = store_prepare(st, &stmt, "SELECT json(value) FROM "
	    "json_each(?1, ?2) ORDER BY key", cause);
	if (r != 0)
		return (r);
	sqlite3_bind_text(stmt, 1, json, (int)PR_MIN(len, INT32_MAX),
	    SQLITE_STATIC);
	store_bind_text(stmt, 2, path);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		XGROW(*items, alloc, *nitems + 1);
		(*items)[(*nitems)++] = store_col_str(stmt, 0);
	}
	if (rc != SQLITE_DONE)
		r = store_err(st, rc, cause);
	sqlite3_finalize(stmt);
	return (r);
}

/* Save the items in one transaction: all or none. */
static int
import_save_all(struct store *st, char **items, size_t nitems,
    const char *qname, char **cause)
{
	struct import_item	 it;
	char			*q, *qid;
	size_t			 i;
	int			 r;

	if ((r = store_begin(st, cause)) != 0)
		return (r);
	for (i = 0; i < nitems; i++) {
		r = import_read(st, items[i], &it, i, qname, cause);
		if (r == 0 && (r = import_save(st, &it, cause)) ==
		    STORE_ERROR) {
			/* Name the file and the annotation (issue 18). */
			q = *cause;
			qid = it.id != NULL && strlen(it.id) < 128 ?
			    safe_strdup(it.id) : NULL;
			*cause = xstrprintf("'%s': annotation %zu%s%s%s: %s; "
			    "fix or remove it (nothing was imported)", qname,
			    i + 1, qid != NULL ? " (" : "",
			    qid != NULL ? qid : "", qid != NULL ? ")" : "", q);
			free(qid);
			free(q);
		}
		import_item_release(&it);
		if (r != 0) {
			store_rollback(st);
			return (r);
		}
	}
	if ((r = store_commit(st, cause)) == 0)
		r = (int)PR_MIN(nitems, INT32_MAX);
	return (r);
}


int
store_import_json(struct store *st, const char *json, size_t len,
    const char *name, char **cause)
{
	const char	*path = NULL;
	char		*qname = safe_strdup(name), **items = NULL;
	size_t		 nitems = 0, i;
	int		 r;

	if ((r = import_where(st, json, len, qname, &path, cause)) == 0 &&
	    (r = import_items(st, json, len, path, &items, &nitems,
	    cause)) == 0)
		r = import_save_all(st, items, nitems, qname, cause);
	for (i = 0; i < nitems; i++)
		free(items[i]);
	free(items);
	free(qname);
	return (r);
}

