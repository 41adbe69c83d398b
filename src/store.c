/*
 * The notes database: the only SQLite code, with store-json.c (export and
 * import), which builds on this file through store-int.h.
 *
 * Schema (version 4; docs/NOTES.md has the details):
 *
 *	article(id, created, uuid, title, site, read, forgotten)
 *	version(id, article, source UNIQUE, hash, lang, created, title)
 *	note(id, version, exact, prefix, suffix, pos_start, pos_end, body,
 *	    created, modified, uuid UNIQUE, lang, orphan)
 *	note_tag(note, tag)
 *	position(article, version, block, off, saved)
 *	orphan(note, hash, complete, searched)
 *
 * A note references its version without a cascade, so no deletion of a
 * version or an article ever takes notes with it. Migrations are SQL
 * steps from version N to N + 1, run in one IMMEDIATE transaction that
 * reads user_version again first (two processes opening an old file
 * migrate it once). A new database runs every step from 0.
 *
 * JSON (export and import, store-json.c) is built and read by SQLite's JSON functions;
 * the only thing done to JSON text in C is escaping the characters a
 * terminal would act on (bidi controls, C1, DEL) as \uXXXX inside
 * strings, which changes no value.
 */
#include "config.h"

#include <sys/stat.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>
#include <unicode/utf8.h>

#include "safe.h"
#include "store.h"
#include "store-int.h"

/* Schema steps: store_migrations[n] takes version n to n + 1. */
static const char *const store_migrations[] = {
	/* 0 -> 1: the first schema. */
	"CREATE TABLE article ("
	"  id INTEGER PRIMARY KEY,"
	"  created TEXT NOT NULL);"
	"CREATE TABLE version ("
	"  id INTEGER PRIMARY KEY,"
	"  article INTEGER NOT NULL REFERENCES article(id),"
	"  source TEXT NOT NULL UNIQUE,"
	"  hash TEXT NOT NULL,"
	"  lang TEXT,"
	"  created TEXT NOT NULL);"
	"CREATE INDEX version_article ON version(article);"
	"CREATE INDEX version_hash ON version(hash);"
	"CREATE TABLE note ("
	"  id INTEGER PRIMARY KEY,"
	"  version INTEGER NOT NULL REFERENCES version(id),"
	"  exact TEXT NOT NULL,"
	"  prefix TEXT NOT NULL DEFAULT '',"
	"  suffix TEXT NOT NULL DEFAULT '',"
	"  pos_start INTEGER NOT NULL,"
	"  pos_end INTEGER NOT NULL,"
	"  body TEXT NOT NULL,"
	"  created TEXT NOT NULL,"
	"  modified TEXT NOT NULL);"
	"CREATE INDEX note_version ON note(version);"
	"CREATE TABLE position ("
	"  article INTEGER PRIMARY KEY"
	"    REFERENCES article(id) ON DELETE CASCADE,"
	"  version INTEGER NOT NULL REFERENCES version(id),"
	"  block INTEGER NOT NULL,"
	"  off INTEGER NOT NULL,"
	"  saved TEXT NOT NULL);",

	/* 1 -> 2: ids for export, the note's language, orphans, tags. */
	"ALTER TABLE article ADD COLUMN uuid TEXT;"
	"UPDATE article SET uuid = " SQL_UUID ";"
	"CREATE UNIQUE INDEX article_uuid ON article(uuid);"
	"ALTER TABLE note ADD COLUMN uuid TEXT;"
	"UPDATE note SET uuid = " SQL_UUID ";"
	"CREATE UNIQUE INDEX note_uuid ON note(uuid);"
	"ALTER TABLE note ADD COLUMN lang TEXT;"
	"UPDATE note SET lang ="
	"  (SELECT lang FROM version WHERE version.id = note.version);"
	"ALTER TABLE note ADD COLUMN orphan INTEGER NOT NULL DEFAULT 0;"
	"CREATE TABLE note_tag ("
	"  note INTEGER NOT NULL REFERENCES note(id) ON DELETE CASCADE,"
	"  tag TEXT NOT NULL,"
	"  PRIMARY KEY (note, tag)) WITHOUT ROWID;",

	/*
	 * 2 -> 3: the library: the titles and the site, when an article
	 * was last read (those with a saved position were read then), and
	 * articles forgotten but kept for their notes.
	 */
	"ALTER TABLE article ADD COLUMN title TEXT;"
	"ALTER TABLE article ADD COLUMN site TEXT;"
	"ALTER TABLE article ADD COLUMN read TEXT;"
	"ALTER TABLE article ADD COLUMN forgotten INTEGER NOT NULL DEFAULT 0;"
	"ALTER TABLE version ADD COLUMN title TEXT;"
	"UPDATE article SET read ="
	"  (SELECT saved FROM position WHERE position.article = article.id);",

	/*
	 * 3 -> 4: the orphan cache (issue 18): a note not found in the
	 * text of hash, searched in full (complete) or cut by the time
	 * budget. One row per note; a changed selector forgets it.
	 */
	"CREATE TABLE orphan ("
	"  note INTEGER PRIMARY KEY REFERENCES note(id) ON DELETE CASCADE,"
	"  hash TEXT NOT NULL,"
	"  complete INTEGER NOT NULL,"
	"  searched TEXT NOT NULL);"
	"CREATE TRIGGER orphan_forget AFTER UPDATE OF exact, prefix, suffix,"
	"  pos_start, pos_end, version ON note BEGIN"
	"  DELETE FROM orphan WHERE note = new.id; END;"
};
_Static_assert(sizeof store_migrations / sizeof *store_migrations ==
    STORE_SCHEMA, "a migration step for each schema version");

const char *
store_strerror(int code)
{
	switch (code) {
	case 0:
		return ("ok");
	case STORE_READONLY:
		return ("read-only");
	case STORE_FULL:
		return ("full");
	case STORE_CORRUPT:
		return ("corrupt");
	case STORE_BUSY:
		return ("busy");
	case STORE_NEWER:
		return ("newer");
	case STORE_NOTFOUND:
		return ("not found");
	default:
		return ("error");
	}
}

/* Map an SQLite result code to a STORE_* code and a message. */
int
store_err(struct store *st, int rc, char **cause)
{
	const char	*q = st->qpath;
	int		 e;

	switch (rc & 0xff) {
	case SQLITE_FULL:
		*cause = xstrprintf("no space left for the notes database "
		    "'%s': free some space on its disk", q);
		return (STORE_FULL);
	case SQLITE_READONLY:
	case SQLITE_PERM:
	case SQLITE_CANTOPEN:
	case SQLITE_AUTH:
		*cause = xstrprintf("cannot write the notes database '%s' "
		    "(read-only)", q);
		return (STORE_READONLY);
	case SQLITE_CORRUPT:
	case SQLITE_NOTADB:
		*cause = xstrprintf("the notes database '%s' is damaged or "
		    "not a database: notes are off (move it away to start "
		    "afresh)", q);
		return (STORE_CORRUPT);
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		*cause = xstrprintf("the notes database '%s' is busy "
		    "(another polyread is writing)", q);
		return (STORE_BUSY);
	case SQLITE_IOERR:
		e = st->db != NULL ? sqlite3_system_errno(st->db) : 0;
		/* Any write (the -wal, the -shm, a page): a full disk. */
		if (e == ENOSPC || e == EDQUOT || e == EFBIG) {
			*cause = xstrprintf("no space left for the notes "
			    "database '%s': free some space on its disk", q);
			return (STORE_FULL);
		}
		*cause = xstrprintf("cannot write the notes database '%s': "
		    "%s", q, sqlite3_errstr(rc));
		return (STORE_ERROR);
	default:
		*cause = xstrprintf("notes database '%s': %s", q,
		    st->db != NULL ? sqlite3_errmsg(st->db) :
		    sqlite3_errstr(rc));
		return (STORE_ERROR);
	}
}

/* Prepare a statement; 0 or a STORE_* code. */
int
store_prepare(struct store *st, sqlite3_stmt **stmt, const char *sql,
    char **cause)
{
	int	rc;

	rc = sqlite3_prepare_v2(st->db, sql, -1, stmt, NULL);
	if (rc != SQLITE_OK) {
		*stmt = NULL;
		return (store_err(st, rc, cause));
	}
	return (0);
}

/* Run SQL without results; 0 or a STORE_* code. */
static int
store_exec(struct store *st, const char *sql, char **cause)
{
	int	rc;

	rc = sqlite3_exec(st->db, sql, NULL, NULL, NULL);
	if (rc != SQLITE_OK)
		return (store_err(st, rc, cause));
	return (0);
}

/* Start a write transaction (waits for other writers). */
int
store_begin(struct store *st, char **cause)
{
	return (store_exec(st, "BEGIN IMMEDIATE", cause));
}

/* Commit, or roll back on failure. */
int
store_commit(struct store *st, char **cause)
{
	int	r;

	if ((r = store_exec(st, "COMMIT", cause)) != 0 &&
	    !sqlite3_get_autocommit(st->db))
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	return (r);
}

/* Roll back whatever is open. */
void
store_rollback(struct store *st)
{
	if (!sqlite3_get_autocommit(st->db))
		sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
}

/* Step a statement that returns no row (or whose rows are ignored). */
int
store_step_done(struct store *st, sqlite3_stmt *stmt, char **cause)
{
	int	rc;

	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
		;
	if (rc != SQLITE_DONE)
		return (store_err(st, rc, cause));
	return (0);
}

/* Bind text (NULL binds NULL). */
void
store_bind_text(sqlite3_stmt *stmt, int i, const char *s)
{
	if (s == NULL)
		sqlite3_bind_null(stmt, i);
	else
		sqlite3_bind_text(stmt, i, s, -1, SQLITE_TRANSIENT);
}

/* A column as an allocated string (NULL for NULL). */
char *
store_col_text(sqlite3_stmt *stmt, int i)
{
	const unsigned char	*s;
	int			 n;

	if (sqlite3_column_type(stmt, i) == SQLITE_NULL)
		return (NULL);
	s = sqlite3_column_text(stmt, i);
	n = sqlite3_column_bytes(stmt, i);
	if (s == NULL)
		return (xstrdup(""));
	return (xstrndup((const char *)s, (size_t)n));
}

/* A column as a string, "" for NULL. */
char *
store_col_str(sqlite3_stmt *stmt, int i)
{
	char	*s = store_col_text(stmt, i);

	return (s != NULL ? s : xstrdup(""));
}

char *
store_data_dir(const char *dir)
{
	const char	*x;

	if (dir != NULL && *dir != '\0')
		return (xstrdup(dir));
	if ((x = getenv("XDG_DATA_HOME")) != NULL && *x == '/')
		return (xstrprintf("%s/polyread", x));
	if ((x = getenv("HOME")) != NULL && *x != '\0')
		return (xstrprintf("%s/.local/share/polyread", x));
	return (NULL);
}

/* mkdir -p with mode 0700 for what it creates; 0 or -1 with errno. */
static int
mkdir_p(const char *path)
{
	char		*p = xstrdup(path), *s, c;
	struct stat	 sb;
	int		 r = 0, e;

	for (s = p + 1; r == 0; s++) {
		if (*s != '/' && *s != '\0')
			continue;
		c = *s;
		*s = '\0';
		if (mkdir(p, 0700) != 0) {
			e = errno;
			if (stat(p, &sb) != 0) {
				errno = e;
				r = -1;
			} else if (!S_ISDIR(sb.st_mode)) {
				errno = ENOTDIR;
				r = -1;
			}
		}
		*s = c;
		if (c == '\0')
			break;
	}
	free(p);
	return (r);
}

/* Read PRAGMA user_version. */
static int
store_user_version(struct store *st, int *v, char **cause)
{
	sqlite3_stmt	*stmt;
	int		 rc, r;

	if ((r = store_prepare(st, &stmt, "PRAGMA user_version", cause)) != 0)
		return (r);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		*v = sqlite3_column_int(stmt, 0);
		r = 0;
	} else
		r = store_err(st, rc, cause);
	sqlite3_finalize(stmt);
	return (r);
}

/* Bring the schema to STORE_SCHEMA. */
static int
store_migrate(struct store *st, char **cause)
{
	char	*sql;
	int	 v, r;

	if ((r = store_user_version(st, &v, cause)) != 0)
		return (r);
	if (v == STORE_SCHEMA)
		return (0);
	if (v > STORE_SCHEMA || v < 0) {
		*cause = xstrprintf("the notes database '%s' has schema "
		    "version %d, from a newer polyread (this one knows %d)",
		    st->qpath, v, STORE_SCHEMA);
		return (STORE_NEWER);
	}
	if ((r = store_begin(st, cause)) != 0)
		return (r);
	if ((r = store_user_version(st, &v, cause)) != 0)
		goto fail;
	for (; v < STORE_SCHEMA; v++) {
		if ((r = store_exec(st, store_migrations[v], cause)) != 0)
			goto fail;
		sql = xstrprintf("PRAGMA user_version = %d", v + 1);
		r = store_exec(st, sql, cause);
		free(sql);
		if (r != 0)
			goto fail;
	}
	return (store_commit(st, cause));

fail:
	store_rollback(st);
	return (r);
}

int
store_open(struct store **sp, const char *dir, char **cause)
{
	struct store	*st;
	struct stat	 sb;
	char		*q;
	int		 rc, r, e;

	*sp = NULL;
	st = xcalloc(1, sizeof *st);
	if ((st->dir = store_data_dir(dir)) == NULL) {
		free(st);
		*cause = xstrdup("no folder for the notes: set HOME, "
		    "XDG_DATA_HOME or --data-dir");
		return (STORE_ERROR);
	}
	st->path = xstrprintf("%s/polyread.db", st->dir);
	st->qpath = safe_strdup(st->path);
	q = safe_strdup(st->dir);
	if (mkdir_p(st->dir) != 0) {
		e = errno;
		if (e == EEXIST)	/* a dangling symlink on the way */
			*cause = xstrprintf("cannot create the notes folder "
			    "'%s': it (or a folder above it) is a symbolic "
			    "link to nothing: create the link's target or give "
			    "another --data-dir", q);
		else
			*cause = xstrprintf("cannot create the notes folder "
			    "'%s': %s", q, strerror(e));
		r = (e == EACCES || e == EROFS || e == EPERM) ?
		    STORE_READONLY : e == ENOSPC ? STORE_FULL : STORE_ERROR;
		goto fail;
	}
	if (stat(st->dir, &sb) != 0 || !S_ISDIR(sb.st_mode)) {
		*cause = xstrprintf("the notes folder '%s' is not a folder",
		    q);
		r = STORE_ERROR;
		goto fail;
	}
	if (access(st->dir, W_OK) != 0) {
		*cause = xstrprintf("the notes folder '%s' is read-only: "
		    "notes cannot be saved", q);
		r = STORE_READONLY;
		goto fail;
	}
	if (stat(st->path, &sb) == 0 && !S_ISREG(sb.st_mode)) {
		*cause = xstrprintf("the notes database '%s' is not a file",
		    st->qpath);
		r = STORE_ERROR;
		goto fail;
	}
	rc = sqlite3_open_v2(st->path, &st->db, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_CREATE, NULL);
	if (rc != SQLITE_OK) {
		r = store_err(st, rc, cause);
		goto fail;
	}
	sqlite3_extended_result_codes(st->db, 1);
	sqlite3_busy_timeout(st->db, STORE_BUSY_MS);
	if (sqlite3_db_readonly(st->db, "main") == 1) {
		*cause = xstrprintf("cannot write the notes database '%s' "
		    "(read-only)", st->qpath);
		r = STORE_READONLY;
		goto fail;
	}
	/* The first read: a file that is not a database fails here. */
	if ((r = store_exec(st, "PRAGMA journal_mode = WAL", cause)) != 0 ||
	    (r = store_exec(st, "PRAGMA foreign_keys = ON", cause)) != 0 ||
	    (r = store_exec(st, "PRAGMA synchronous = FULL", cause)) != 0 ||
	    (r = store_migrate(st, cause)) != 0)
		goto fail;
	free(q);
	*sp = st;
	return (0);

fail:
	free(q);
	store_close(st);
	return (r);
}

/* path as an SQLite URI with query (its %, ? and # escaped). */
static char *
store_uri(const char *path, const char *query)
{
	struct strbuf	 sb = STRBUF_INIT;
	const char	*p;

	strbuf_addstr(&sb, "file:");
	for (p = path; *p != '\0'; p++) {
		if (*p == '%' || *p == '?' || *p == '#')
			strbuf_addf(&sb, "%%%02X", (unsigned char)*p);
		else
			strbuf_addch(&sb, *p);
	}
	strbuf_addf(&sb, "?%s", query);
	return (strbuf_detach(&sb, NULL));
}

/*
 * Copy the database file at st->path into st->db (in memory): opened
 * read-only, or as immutable when it is in WAL mode and its -shm cannot
 * be made (a read-only folder). 0 or a STORE_* code.
 */
static int
store_copy_file(struct store *st, char **cause)
{
	static const char *const queries[] = { "mode=ro", "immutable=1" };
	sqlite3		*src = NULL;
	sqlite3_backup	*bk;
	char		*uri;
	size_t		 i;
	int		 rc = SQLITE_ERROR;

	for (i = 0; i < nitems(queries); i++) {
		uri = store_uri(st->path, queries[i]);
		rc = sqlite3_open_v2(uri, &src, SQLITE_OPEN_READONLY |
		    SQLITE_OPEN_URI, NULL);
		free(uri);
		if (rc == SQLITE_OK) {
			sqlite3_busy_timeout(src, STORE_BUSY_MS);
			bk = sqlite3_backup_init(st->db, "main", src, "main");
			if (bk == NULL)
				rc = sqlite3_errcode(st->db);
			else {
				rc = sqlite3_backup_step(bk, -1);
				sqlite3_backup_finish(bk);
				if (rc == SQLITE_DONE)
					rc = SQLITE_OK;
			}
		}
		sqlite3_close_v2(src);
		src = NULL;
		if (rc == SQLITE_OK)
			return (0);
	}
	if ((rc & 0xff) == SQLITE_NOTADB || (rc & 0xff) == SQLITE_CORRUPT)
		return (store_err(st, rc, cause));
	*cause = xstrprintf("cannot read the notes database '%s': %s",
	    st->qpath, sqlite3_errstr(rc));
	return (STORE_ERROR);
}

int
store_open_read(struct store **sp, const char *dir, const char *reason,
    char **cause)
{
	struct store	*st;
	struct stat	 sb;
	char		*why = NULL;
	int		 r;

	if (reason != NULL)
		why = xstrdup(reason);
	else if ((r = store_open(sp, dir, &why)) == 0 ||
	    (r != STORE_READONLY && r != STORE_FULL)) {
		*cause = why;
		return (r);
	}
	st = xcalloc(1, sizeof *st);
	st->dir = store_data_dir(dir);
	st->path = xstrprintf("%s/polyread.db", st->dir);
	st->qpath = safe_strdup(st->path);
	st->copy = 1;
	if (sqlite3_open_v2(":memory:", &st->db, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_CREATE, NULL) != SQLITE_OK) {
		r = store_err(st, sqlite3_errcode(st->db), cause);
		goto fail;
	}
	sqlite3_extended_result_codes(st->db, 1);
	/* No database yet (a folder that cannot be made): no notes. */
	if (stat(st->path, &sb) == 0 && (r = store_copy_file(st,
	    cause)) != 0)
		goto fail;
	if ((r = store_exec(st, "PRAGMA foreign_keys = ON", cause)) != 0 ||
	    (r = store_migrate(st, cause)) != 0)
		goto fail;
	st->why = why;
	*sp = st;
	return (0);

fail:
	free(why);
	store_close(st);
	return (r);
}

const char *
store_copy_reason(const struct store *st)
{
	return (st->copy ? st->why : NULL);
}

void
store_close(struct store *st)
{
	if (st == NULL)
		return;
	if (st->db != NULL)
		sqlite3_close_v2(st->db);
	free(st->dir);
	free(st->path);
	free(st->qpath);
	free(st->why);
	free(st);
}

const char *
store_path(const struct store *st)
{
	return (st->path);
}

const char *
store_dir(const struct store *st)
{
	return (st->dir);
}

void
store_limit_pages(struct store *st, unsigned int pages)
{
	char	*sql;

	sql = xstrprintf("PRAGMA max_page_count = %u", pages);
	sqlite3_exec(st->db, sql, NULL, NULL, NULL);
	free(sql);
}

/* ---- Articles and versions ---- */

/*
 * Look up a version by source (pass 0) or by hash (pass 1), skipping the
 * ids in used (nused of them); *id is 0 when none.
 */
static int
version_lookup(struct store *st, const struct store_version *v, int pass,
    const int64_t *used, size_t nused, int64_t *id, int64_t *article,
    char **cause)
{
	sqlite3_stmt	*stmt;
	size_t		 i;
	int		 rc, r;

	*id = *article = 0;
	if (pass == 1 && (v->hash == NULL || *v->hash == '\0'))
		return (0);
	r = store_prepare(st, &stmt, pass == 0 ?
	    "SELECT id, article FROM version WHERE source = ?1" :
	    "SELECT id, article FROM version WHERE hash = ?1 "
	    "AND hash <> '' ORDER BY id", cause);
	if (r != 0)
		return (r);
	store_bind_text(stmt, 1, pass == 0 ? v->source : v->hash);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		*id = sqlite3_column_int64(stmt, 0);
		*article = sqlite3_column_int64(stmt, 1);
		for (i = 0; i < nused; i++) {
			if (used[i] == *id)
				break;
		}
		if (i == nused)
			break;
		*id = *article = 0;
	}
	sqlite3_finalize(stmt);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return (store_err(st, rc, cause));
	return (0);
}

/*
 * Find the versions (every one by source first, then the others by hash,
 * each row matched once) and the article most of them belong to.
 */
static int
article_choose(struct store *st, const struct store_version *v, size_t n,
    int64_t *ids, int64_t *arts, int64_t *article, char **cause)
{
	int64_t	id, art;
	size_t	i, j, count, best = 0;
	int	r, pass;

	*article = 0;
	for (i = 0; i < n; i++)
		ids[i] = arts[i] = 0;
	for (pass = 0; pass < 2; pass++) {
		for (i = 0; i < n; i++) {
			if (ids[i] != 0)
				continue;
			if ((r = version_lookup(st, &v[i], pass, ids, n, &id,
			    &art, cause)) != 0)
				return (r);
			ids[i] = id;
			arts[i] = art;
		}
	}
	for (i = 0; i < n; i++) {
		if (arts[i] == 0)
			continue;
		for (count = 0, j = 0; j < n; j++)
			count += arts[j] == arts[i];
		if (count > best || (count == best && arts[i] < *article)) {
			best = count;
			*article = arts[i];
		}
	}
	return (0);
}

int
store_article_find(struct store *st, const struct store_version *v,
    size_t n, int64_t *article, char **cause)
{
	int64_t	ids[STORE_MAXVERS], arts[STORE_MAXVERS];

	if (n > STORE_MAXVERS)
		n = STORE_MAXVERS;
	return (article_choose(st, v, n, ids, arts, article, cause));
}

int
store_article_resolve(struct store *st, const struct store_version *v,
    size_t n, int64_t *article, int64_t *ids, char **cause)
{
	int64_t		 arts[STORE_MAXVERS], id, art;
	sqlite3_stmt	*stmt = NULL;
	size_t		 i;
	int		 r;

	if (n > STORE_MAXVERS)
		n = STORE_MAXVERS;
	if (n == 0) {
		*cause = xstrdup("an article needs a version");
		return (STORE_ERROR);
	}
	if ((r = store_begin(st, cause)) != 0)
		return (r);
	if ((r = article_choose(st, v, n, ids, arts, article, cause)) != 0)
		goto fail;
	if (*article == 0) {
		if ((r = store_prepare(st, &stmt, "INSERT INTO article "
		    "(created, uuid) VALUES (" SQL_NOW ", " SQL_UUID ")",
		    cause)) != 0 || (r = store_step_done(st, stmt, cause)) != 0)
			goto fail;
		sqlite3_finalize(stmt);
		stmt = NULL;
		*article = sqlite3_last_insert_rowid(st->db);
	}
	for (i = 0; i < n; i++) {
		if (ids[i] == 0) {
			/* The same source twice: the row made just before. */
			if ((r = version_lookup(st, &v[i], 0, NULL, 0, &id,
			    &art, cause)) != 0)
				goto fail;
			if (id != 0) {
				ids[i] = id;
				continue;
			}
			r = store_prepare(st, &stmt, "INSERT INTO version "
			    "(article, source, hash, lang, title, created) "
			    "VALUES (?1, ?2, ?3, ?4, ?5, " SQL_NOW ")", cause);
			if (r != 0)
				goto fail;
			sqlite3_bind_int64(stmt, 1, *article);
			store_bind_text(stmt, 2, v[i].source);
			store_bind_text(stmt, 3, v[i].hash != NULL ? v[i].hash : "");
			store_bind_text(stmt, 4, v[i].lang);
			store_bind_text(stmt, 5, v[i].title);
			if ((r = store_step_done(st, stmt, cause)) != 0)
				goto fail;
			sqlite3_finalize(stmt);
			stmt = NULL;
			ids[i] = sqlite3_last_insert_rowid(st->db);
			continue;
		}
		r = store_prepare(st, &stmt, "UPDATE version SET article = ?1, "
		    "source = ?2, hash = ?3, lang = coalesce(?4, lang), "
		    "title = coalesce(?6, title) "
		    "WHERE id = ?5 AND (article IS NOT ?1 OR source IS NOT ?2 "
		    "OR hash IS NOT ?3 OR lang IS NOT coalesce(?4, lang) "
		    "OR title IS NOT coalesce(?6, title))", cause);
		if (r != 0)
			goto fail;
		sqlite3_bind_int64(stmt, 1, *article);
		store_bind_text(stmt, 2, v[i].source);
		store_bind_text(stmt, 3, v[i].hash != NULL ? v[i].hash : "");
		store_bind_text(stmt, 4, v[i].lang);
		sqlite3_bind_int64(stmt, 5, ids[i]);
		store_bind_text(stmt, 6, v[i].title);
		if ((r = store_step_done(st, stmt, cause)) != 0)
			goto fail;
		sqlite3_finalize(stmt);
		stmt = NULL;
	}
	/* Articles whose last version joined this one. */
	if ((r = store_exec(st, "DELETE FROM article WHERE NOT EXISTS "
	    "(SELECT 1 FROM version WHERE version.article = article.id)",
	    cause)) != 0)
		goto fail;
	return (store_commit(st, cause));

fail:
	sqlite3_finalize(stmt);
	store_rollback(st);
	return (r);
}

/* ---- Notes ---- */

void
store_selector_release(struct note_selector *sel)
{
	free(sel->exact);
	free(sel->prefix);
	free(sel->suffix);
	memset(sel, 0, sizeof *sel);
}

void
store_selector_copy(struct note_selector *dst, const struct note_selector *src)
{
	dst->exact = xstrdup(src->exact != NULL ? src->exact : "");
	dst->prefix = xstrdup(src->prefix != NULL ? src->prefix : "");
	dst->suffix = xstrdup(src->suffix != NULL ? src->suffix : "");
	dst->start = src->start;
	dst->end = src->end;
}

void
store_tags_free(char **tags, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		free(tags[i]);
	free(tags);
}

char **
store_tags_copy(char *const *tags, size_t n)
{
	char	**v;
	size_t	  i;

	if (n == 0)
		return (NULL);
	v = xcalloc(n, sizeof *v);
	for (i = 0; i < n; i++)
		v[i] = xstrdup(tags[i]);
	return (v);
}

void
store_note_release(struct store_note *n)
{
	free(n->uuid);
	free(n->source);
	free(n->vlang);
	store_selector_release(&n->sel);
	free(n->text);
	free(n->lang);
	store_tags_free(n->tags, n->ntags);
	free(n->created);
	free(n->modified);
	memset(n, 0, sizeof *n);
}

void
store_notes_free(struct store_note *v, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		store_note_release(&v[i]);
	free(v);
}

/* Read the tags of note id into n. */
static int
note_load_tags(struct store *st, struct store_note *n, char **cause)
{
	sqlite3_stmt	*stmt;
	size_t		 alloc = 0;
	int		 rc, r;

	if ((r = store_prepare(st, &stmt, "SELECT tag FROM note_tag "
	    "WHERE note = ?1 ORDER BY tag", cause)) != 0)
		return (r);
	sqlite3_bind_int64(stmt, 1, n->id);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		XGROW(n->tags, alloc, n->ntags + 1);
		n->tags[n->ntags++] = store_col_str(stmt, 0);
	}
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE)
		return (store_err(st, rc, cause));
	return (0);
}

int
store_notes_list(struct store *st, int64_t article, struct store_note **out,
    size_t *nout, char **cause)
{
	sqlite3_stmt	*stmt;
	struct store_note	*v = NULL, *n;
	size_t		 count = 0, alloc = 0, i;
	int		 rc, r;

	*out = NULL;
	*nout = 0;
	r = store_prepare(st, &stmt, "SELECT n.id, n.uuid, n.version, "
	    "v.source, v.lang, n.exact, n.prefix, n.suffix, n.pos_start, "
	    "n.pos_end, n.body, n.lang, n.created, n.modified, n.orphan, "
	    "v.article FROM note n JOIN version v ON v.id = n.version "
	    "WHERE ?1 = 0 OR v.article = ?1 "
	    "ORDER BY v.article, v.id, n.created, n.id", cause);
	if (r != 0)
		return (r);
	sqlite3_bind_int64(stmt, 1, article);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		XGROW(v, alloc, count + 1);
		n = &v[count++];
		memset(n, 0, sizeof *n);
		n->id = sqlite3_column_int64(stmt, 0);
		n->uuid = store_col_str(stmt, 1);
		n->version = sqlite3_column_int64(stmt, 2);
		n->source = store_col_str(stmt, 3);
		n->vlang = store_col_text(stmt, 4);
		n->sel.exact = store_col_str(stmt, 5);
		n->sel.prefix = store_col_str(stmt, 6);
		n->sel.suffix = store_col_str(stmt, 7);
		n->sel.start = (size_t)PR_MAX(0, sqlite3_column_int64(stmt, 8));
		n->sel.end = (size_t)PR_MAX(0, sqlite3_column_int64(stmt, 9));
		n->text = store_col_str(stmt, 10);
		n->lang = store_col_text(stmt, 11);
		n->created = store_col_str(stmt, 12);
		n->modified = store_col_str(stmt, 13);
		n->orphan = sqlite3_column_int(stmt, 14) != 0;
		n->article = sqlite3_column_int64(stmt, 15);
	}
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE) {
		r = store_err(st, rc, cause);
		store_notes_free(v, count);
		return (r);
	}
	for (i = 0; i < count; i++) {
		if ((r = note_load_tags(st, &v[i], cause)) != 0) {
			store_notes_free(v, count);
			return (r);
		}
	}
	*out = v;
	*nout = count;
	return (0);
}

int
store_note_check(const struct store_note *n, char **cause)
{
	size_t	i;

	if (n->text != NULL && strlen(n->text) > NOTE_MAX_TEXT) {
		*cause = xstrprintf("note too long (%zu bytes, at most %d)",
		    strlen(n->text), NOTE_MAX_TEXT);
		return (STORE_ERROR);
	}
	if (n->ntags > NOTE_MAX_TAGS) {
		*cause = xstrprintf("too many tags (%zu, at most %d)",
		    n->ntags, NOTE_MAX_TAGS);
		return (STORE_ERROR);
	}
	for (i = 0; i < n->ntags; i++) {
		if (*n->tags[i] == '\0' || strlen(n->tags[i]) > NOTE_MAX_TAG) {
			*cause = xstrprintf("bad tag (empty or over %d bytes)",
			    NOTE_MAX_TAG);
			return (STORE_ERROR);
		}
	}
	if (n->sel.exact == NULL || *n->sel.exact == '\0') {
		*cause = xstrdup("a note needs a passage");
		return (STORE_ERROR);
	}
	/* Each says which part is too long (issue 18). */
	if (strlen(n->sel.exact) > 4 * NOTE_MAX_QUOTE) {
		*cause = xstrprintf("its quote is too long (%zu bytes; at "
		    "most %d characters)", strlen(n->sel.exact),
		    NOTE_MAX_QUOTE);
		return (STORE_ERROR);
	}
	if (n->sel.prefix != NULL && strlen(n->sel.prefix) > 1024) {
		*cause = xstrprintf("its prefix is too long (%zu bytes, at "
		    "most 1024)", strlen(n->sel.prefix));
		return (STORE_ERROR);
	}
	if (n->sel.suffix != NULL && strlen(n->sel.suffix) > 1024) {
		*cause = xstrprintf("its suffix is too long (%zu bytes, at "
		    "most 1024)", strlen(n->sel.suffix));
		return (STORE_ERROR);
	}
	return (0);
}

/* Replace the tags of note id. */
int
store_save_tags(struct store *st, int64_t id, char *const *tags, size_t n,
    char **cause)
{
	sqlite3_stmt	*stmt;
	size_t		 i;
	int		 r;

	if ((r = store_prepare(st, &stmt, "DELETE FROM note_tag "
	    "WHERE note = ?1", cause)) != 0)
		return (r);
	sqlite3_bind_int64(stmt, 1, id);
	r = store_step_done(st, stmt, cause);
	sqlite3_finalize(stmt);
	if (r != 0)
		return (r);
	for (i = 0; i < n; i++) {
		if ((r = store_prepare(st, &stmt, "INSERT OR IGNORE INTO "
		    "note_tag (note, tag) VALUES (?1, ?2)", cause)) != 0)
			return (r);
		sqlite3_bind_int64(stmt, 1, id);
		store_bind_text(stmt, 2, tags[i]);
		r = store_step_done(st, stmt, cause);
		sqlite3_finalize(stmt);
		if (r != 0)
			return (r);
	}
	return (0);
}

int
store_note_add(struct store *st, struct store_note *n, char **cause)
{
	sqlite3_stmt	*stmt = NULL;
	int		 rc, r;

	if ((r = store_note_check(n, cause)) != 0)
		return (r);
	if ((r = store_begin(st, cause)) != 0)
		return (r);
	r = store_prepare(st, &stmt, "INSERT INTO note (uuid, version, "
	    "exact, prefix, suffix, pos_start, pos_end, body, lang, created, "
	    "modified, orphan) VALUES (coalesce(?1, " SQL_UUID "), ?2, ?3, "
	    "?4, ?5, ?6, ?7, ?8, ?9, coalesce(?10, " SQL_NOW "), "
	    "coalesce(?11, " SQL_NOW "), ?12) "
	    "RETURNING id, uuid, created, modified", cause);
	if (r != 0)
		goto fail;
	store_bind_text(stmt, 1, n->uuid);
	sqlite3_bind_int64(stmt, 2, n->version);
	store_bind_text(stmt, 3, n->sel.exact);
	store_bind_text(stmt, 4, n->sel.prefix != NULL ? n->sel.prefix : "");
	store_bind_text(stmt, 5, n->sel.suffix != NULL ? n->sel.suffix : "");
	sqlite3_bind_int64(stmt, 6, (sqlite3_int64)n->sel.start);
	sqlite3_bind_int64(stmt, 7, (sqlite3_int64)n->sel.end);
	store_bind_text(stmt, 8, n->text != NULL ? n->text : "");
	store_bind_text(stmt, 9, n->lang);
	store_bind_text(stmt, 10, n->created);
	store_bind_text(stmt, 11, n->modified);
	sqlite3_bind_int(stmt, 12, n->orphan != 0);
	if ((rc = sqlite3_step(stmt)) != SQLITE_ROW) {
		r = store_err(st, rc, cause);
		goto fail;
	}
	n->id = sqlite3_column_int64(stmt, 0);
	free(n->uuid);
	n->uuid = store_col_str(stmt, 1);
	free(n->created);
	n->created = store_col_str(stmt, 2);
	free(n->modified);
	n->modified = store_col_str(stmt, 3);
	if ((r = store_step_done(st, stmt, cause)) != 0)
		goto fail;
	sqlite3_finalize(stmt);
	stmt = NULL;
	if ((r = store_save_tags(st, n->id, n->tags, n->ntags, cause)) != 0)
		goto fail;
	if ((r = store_commit(st, cause)) != 0)
		goto fail_id;
	return (0);

fail:
	sqlite3_finalize(stmt);
	store_rollback(st);
fail_id:
	n->id = 0;
	return (r);
}

int
store_note_update(struct store *st, struct store_note *n, char **cause)
{
	sqlite3_stmt	*stmt = NULL;
	char		*modified = NULL;
	int		 rc, r;

	if ((r = store_note_check(n, cause)) != 0)
		return (r);
	if ((r = store_begin(st, cause)) != 0)
		return (r);
	r = store_prepare(st, &stmt, "UPDATE note SET body = ?1, lang = ?2, "
	    "modified = " SQL_NOW " WHERE id = ?3 RETURNING modified", cause);
	if (r != 0)
		goto fail;
	store_bind_text(stmt, 1, n->text != NULL ? n->text : "");
	store_bind_text(stmt, 2, n->lang);
	sqlite3_bind_int64(stmt, 3, n->id);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_DONE) {
		*cause = xstrprintf("no note %lld", (long long)n->id);
		r = STORE_NOTFOUND;
		goto fail;
	}
	if (rc != SQLITE_ROW) {
		r = store_err(st, rc, cause);
		goto fail;
	}
	modified = store_col_str(stmt, 0);
	if ((r = store_step_done(st, stmt, cause)) != 0)
		goto fail;
	sqlite3_finalize(stmt);
	stmt = NULL;
	if ((r = store_save_tags(st, n->id, n->tags, n->ntags, cause)) != 0 ||
	    (r = store_commit(st, cause)) != 0)
		goto fail;
	free(n->modified);
	n->modified = modified;
	return (0);

fail:
	free(modified);
	sqlite3_finalize(stmt);
	store_rollback(st);
	return (r);
}

int
store_notes_reanchor(struct store *st, struct store_note *const *v, size_t n,
    char **cause)
{
	sqlite3_stmt	*stmt = NULL;
	size_t		 i;
	int		 r;

	if (n == 0)
		return (0);
	if ((r = store_begin(st, cause)) != 0)
		return (r);
	for (i = 0; i < n; i++) {
		r = store_prepare(st, &stmt, "UPDATE note SET exact = ?1, "
		    "prefix = ?2, suffix = ?3, pos_start = ?4, pos_end = ?5, "
		    "orphan = ?6 WHERE id = ?7", cause);
		if (r != 0)
			goto fail;
		store_bind_text(stmt, 1, v[i]->sel.exact);
		store_bind_text(stmt, 2, v[i]->sel.prefix);
		store_bind_text(stmt, 3, v[i]->sel.suffix);
		sqlite3_bind_int64(stmt, 4, (sqlite3_int64)v[i]->sel.start);
		sqlite3_bind_int64(stmt, 5, (sqlite3_int64)v[i]->sel.end);
		sqlite3_bind_int(stmt, 6, v[i]->orphan != 0);
		sqlite3_bind_int64(stmt, 7, v[i]->id);
		if ((r = store_step_done(st, stmt, cause)) != 0)
			goto fail;
		sqlite3_finalize(stmt);
		stmt = NULL;
	}
	return (store_commit(st, cause));

fail:
	sqlite3_finalize(stmt);
	store_rollback(st);
	return (r);
}

int
store_orphan_get(struct store *st, int64_t note, const char *hash,
    char **cause)
{
	sqlite3_stmt	*stmt;
	int		 rc, r;

	if ((r = store_prepare(st, &stmt, "SELECT complete FROM orphan "
	    "WHERE note = ?1 AND hash = ?2", cause)) != 0)
		return (r);
	sqlite3_bind_int64(stmt, 1, note);
	store_bind_text(stmt, 2, hash);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW)
		r = sqlite3_column_int(stmt, 0) != 0 ? STORE_ORPHAN_COMPLETE :
		    STORE_ORPHAN_CUT;
	else if (rc == SQLITE_DONE)
		r = 0;
	else
		r = store_err(st, rc, cause);
	sqlite3_finalize(stmt);
	return (r);
}

int
store_orphans_put(struct store *st, const struct store_orphan *v, size_t n,
    char **cause)
{
	sqlite3_stmt	*stmt = NULL;
	size_t		 i;
	int		 r;

	if (n == 0)
		return (0);
	if ((r = store_begin(st, cause)) != 0)
		return (r);
	for (i = 0; i < n; i++) {
		r = store_prepare(st, &stmt, v[i].hash != NULL ?
		    "INSERT OR REPLACE INTO orphan (note, hash, complete, "
		    "searched) VALUES (?1, ?2, ?3, " SQL_NOW ")" :
		    "DELETE FROM orphan WHERE note = ?1", cause);
		if (r != 0)
			goto fail;
		sqlite3_bind_int64(stmt, 1, v[i].note);
		if (v[i].hash != NULL) {
			store_bind_text(stmt, 2, v[i].hash);
			sqlite3_bind_int(stmt, 3, v[i].complete != 0);
		}
		if ((r = store_step_done(st, stmt, cause)) != 0)
			goto fail;
		sqlite3_finalize(stmt);
		stmt = NULL;
	}
	return (store_commit(st, cause));

fail:
	sqlite3_finalize(stmt);
	store_rollback(st);
	return (r);
}

int
store_note_delete(struct store *st, int64_t id, char **cause)
{
	sqlite3_stmt	*stmt;
	int		 r;

	if ((r = store_begin(st, cause)) != 0)
		return (r);
	if ((r = store_prepare(st, &stmt, "DELETE FROM note WHERE id = ?1",
	    cause)) != 0) {
		store_rollback(st);
		return (r);
	}
	sqlite3_bind_int64(stmt, 1, id);
	r = store_step_done(st, stmt, cause);
	sqlite3_finalize(stmt);
	if (r == 0 && sqlite3_changes(st->db) == 0) {
		*cause = xstrprintf("no note %lld", (long long)id);
		r = STORE_NOTFOUND;
	}
	if (r != 0) {
		store_rollback(st);
		return (r);
	}
	return (store_commit(st, cause));
}

/* ---- Reading position ---- */

int
store_position_get(struct store *st, int64_t article, int64_t *version,
    size_t *block, size_t *off, char **cause)
{
	sqlite3_stmt	*stmt;
	int		 rc, r;

	if ((r = store_prepare(st, &stmt, "SELECT version, block, off "
	    "FROM position WHERE article = ?1", cause)) != 0)
		return (r);
	sqlite3_bind_int64(stmt, 1, article);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		*version = sqlite3_column_int64(stmt, 0);
		*block = (size_t)PR_MAX(0, sqlite3_column_int64(stmt, 1));
		*off = (size_t)PR_MAX(0, sqlite3_column_int64(stmt, 2));
		r = 0;
	} else if (rc == SQLITE_DONE)
		r = STORE_NOTFOUND;
	else
		r = store_err(st, rc, cause);
	sqlite3_finalize(stmt);
	return (r);
}

int
store_position_set(struct store *st, int64_t article, int64_t version,
    size_t block, size_t off, char **cause)
{
	sqlite3_stmt	*stmt;
	int		 r;

	if ((r = store_prepare(st, &stmt, "INSERT INTO position (article, "
	    "version, block, off, saved) VALUES (?1, ?2, ?3, ?4, " SQL_NOW
	    ") ON CONFLICT (article) DO UPDATE SET version = ?2, block = ?3, "
	    "off = ?4, saved = " SQL_NOW, cause)) != 0)
		return (r);
	sqlite3_bind_int64(stmt, 1, article);
	sqlite3_bind_int64(stmt, 2, version);
	sqlite3_bind_int64(stmt, 3, (sqlite3_int64)block);
	sqlite3_bind_int64(stmt, 4, (sqlite3_int64)off);
	r = store_step_done(st, stmt, cause);
	sqlite3_finalize(stmt);
	return (r);
}

/* ---- Checks ---- */

int
store_check(struct store *st, char **cause)
{
	sqlite3_stmt	*stmt;
	const char	*s;
	int		 rc, r;

	if ((r = store_prepare(st, &stmt, "PRAGMA integrity_check",
	    cause)) != 0)
		return (r);
	rc = sqlite3_step(stmt);
	if (rc != SQLITE_ROW) {
		r = store_err(st, rc, cause);
		sqlite3_finalize(stmt);
		return (r);
	}
	s = (const char *)sqlite3_column_text(stmt, 0);
	if (s == NULL || strcmp(s, "ok") != 0) {
		*cause = xstrprintf("the notes database '%s' is damaged: %s",
		    st->qpath, s != NULL ? s : "?");
		sqlite3_finalize(stmt);
		return (STORE_CORRUPT);
	}
	sqlite3_finalize(stmt);
	if ((r = store_prepare(st, &stmt, "PRAGMA foreign_key_check",
	    cause)) != 0)
		return (r);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		s = (const char *)sqlite3_column_text(stmt, 0);
		*cause = xstrprintf("the notes database '%s' has a row of "
		    "'%s' pointing nowhere", st->qpath, s != NULL ? s : "?");
		r = STORE_CORRUPT;
	} else if (rc != SQLITE_DONE)
		r = store_err(st, rc, cause);
	sqlite3_finalize(stmt);
	return (r);
}
