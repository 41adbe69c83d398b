/*
 * The library: the articles read, as the store remembers them (their
 * versions, titles, site, when last read, their notes counted), and
 * forgetting one. Above store.c (store-int.h).
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "safe.h"
#include "store.h"
#include "store-int.h"

int
store_article_read(struct store *st, int64_t article, const char *title,
    const char *site, char **cause)
{
	sqlite3_stmt	*stmt;
	int		 r;

	if ((r = store_prepare(st, &stmt, "UPDATE article SET read = "
	    SQL_NOW ", title = coalesce(?2, title), site = coalesce(?3, "
	    "site), forgotten = 0 WHERE id = ?1", cause)) != 0)
		return (r);
	sqlite3_bind_int64(stmt, 1, article);
	store_bind_text(stmt, 2, title);
	store_bind_text(stmt, 3, site);
	r = store_step_done(st, stmt, cause);
	sqlite3_finalize(stmt);
	if (r == 0 && sqlite3_changes(st->db) == 0) {
		*cause = xstrprintf("no article %lld", (long long)article);
		r = STORE_NOTFOUND;
	}
	return (r);
}

void
store_articles_free(struct store_article *v, size_t n)
{
	size_t	i, k;

	for (i = 0; i < n; i++) {
		free(v[i].uuid);
		free(v[i].title);
		free(v[i].site);
		free(v[i].created);
		free(v[i].read);
		for (k = 0; k < v[i].nv; k++) {
			free(v[i].v[k].source);
			free(v[i].v[k].lang);
			free(v[i].v[k].title);
		}
		free(v[i].v);
	}
	free(v);
}

/* Read the versions of article a (oldest first). */
static int
articles_versions(struct store *st, struct store_article *a, char **cause)
{
	sqlite3_stmt		*stmt;
	struct store_aversion	*av;
	size_t			 alloc = 0;
	int			 rc, r;

	if ((r = store_prepare(st, &stmt, "SELECT source, lang, title "
	    "FROM version WHERE article = ?1 ORDER BY id", cause)) != 0)
		return (r);
	sqlite3_bind_int64(stmt, 1, a->id);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		XGROW(a->v, alloc, a->nv + 1);
		av = &a->v[a->nv++];
		av->source = store_col_str(stmt, 0);
		av->lang = store_col_text(stmt, 1);
		av->title = store_col_text(stmt, 2);
	}
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE)
		return (store_err(st, rc, cause));
	return (0);
}

int
store_articles_list(struct store *st, int flags, struct store_article **out,
    size_t *nout, char **cause)
{
	sqlite3_stmt		*stmt;
	struct store_article	*v = NULL, *a;
	size_t			 n = 0, alloc = 0, i;
	int			 rc, r;

	*out = NULL;
	*nout = 0;
	r = store_prepare(st, &stmt, "SELECT a.id, a.uuid, a.title, a.site, "
	    "a.created, a.read, a.forgotten, "
	    "(SELECT count(*) FROM note n JOIN version v ON v.id = n.version "
	    "  WHERE v.article = a.id), "
	    "(SELECT count(*) FROM note n JOIN version v ON v.id = n.version "
	    "  WHERE v.article = a.id AND n.orphan) "
	    "FROM article a WHERE ?1 OR NOT a.forgotten "
	    "ORDER BY a.read IS NULL, a.read DESC, a.created DESC, a.id DESC",
	    cause);
	if (r != 0)
		return (r);
	sqlite3_bind_int(stmt, 1, (flags & STORE_ARTICLES_ALL) != 0);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		XGROW(v, alloc, n + 1);
		a = &v[n++];
		memset(a, 0, sizeof *a);
		a->id = sqlite3_column_int64(stmt, 0);
		a->uuid = store_col_str(stmt, 1);
		a->title = store_col_text(stmt, 2);
		a->site = store_col_text(stmt, 3);
		a->created = store_col_str(stmt, 4);
		a->read = store_col_text(stmt, 5);
		a->forgotten = sqlite3_column_int(stmt, 6) != 0;
		a->notes = (size_t)PR_MAX(0, sqlite3_column_int64(stmt, 7));
		a->orphans = (size_t)PR_MAX(0, sqlite3_column_int64(stmt, 8));
	}
	sqlite3_finalize(stmt);
	r = rc == SQLITE_DONE ? 0 : store_err(st, rc, cause);
	for (i = 0; r == 0 && i < n; i++)
		r = articles_versions(st, &v[i], cause);
	if (r != 0) {
		store_articles_free(v, n);
		return (r);
	}
	*out = v;
	*nout = n;
	return (0);
}

/* Run one statement on article id inside the open transaction. */
static int
forget_step(struct store *st, const char *sql, int64_t id, char **cause)
{
	sqlite3_stmt	*stmt;
	int		 r;

	if ((r = store_prepare(st, &stmt, sql, cause)) != 0)
		return (r);
	sqlite3_bind_int64(stmt, 1, id);
	r = store_step_done(st, stmt, cause);
	sqlite3_finalize(stmt);
	return (r);
}

int
store_article_forget(struct store *st, int64_t article, int with_notes,
    char **cause)
{
	static const char *const sql[] = {
		/* Its position, and any other left on its versions. */
		"DELETE FROM position WHERE article = ?1 OR version IN "
		"(SELECT id FROM version WHERE article = ?1)",
		/* Without notes: no trace left. */
		"DELETE FROM version WHERE article = ?1 AND NOT EXISTS "
		"(SELECT 1 FROM note n JOIN version v ON v.id = n.version "
		" WHERE v.article = ?1)",
		"DELETE FROM article WHERE id = ?1 AND NOT EXISTS "
		"(SELECT 1 FROM version WHERE article = ?1)",
		"UPDATE article SET forgotten = 1, read = NULL WHERE id = ?1"
	};
	size_t	i;
	int	r;

	if ((r = store_begin(st, cause)) != 0)
		return (r);
	if ((r = forget_step(st, "UPDATE article SET forgotten = forgotten "
	    "WHERE id = ?1", article, cause)) != 0)
		goto fail;
	if (sqlite3_changes(st->db) == 0) {
		*cause = xstrprintf("no article %lld", (long long)article);
		r = STORE_NOTFOUND;
		goto fail;
	}
	if (with_notes && (r = forget_step(st, "DELETE FROM note WHERE "
	    "version IN (SELECT id FROM version WHERE article = ?1)", article,
	    cause)) != 0)
		goto fail;
	for (i = 0; i < nitems(sql); i++) {
		if ((r = forget_step(st, sql[i], article, cause)) != 0)
			goto fail;
	}
	return (store_commit(st, cause));

fail:
	store_rollback(st);
	return (r);
}
