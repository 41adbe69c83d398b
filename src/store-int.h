/*
 * store-int.h: the store's private parts, shared by store.c (the database,
 * articles, notes, positions), store-json.c (export and import) and
 * store-library.c (the articles read), which build on store.c.
 */
#ifndef POLYREAD_STORE_INT_H
#define POLYREAD_STORE_INT_H

#include <sqlite3.h>

#include "store.h"

struct store {
	sqlite3	*db;
	char	*dir;
	char	*path;
	char	*qpath;		/* path escaped for messages */
	int	 copy;		/* an in-memory copy (store_open_read()) */
	char	*why;		/* why it is a copy */
};

/* A new random UUID (version 4) as a URN, in SQL. */
#define SQL_UUID \
	"('urn:uuid:' || lower(hex(randomblob(4)) || '-' || " \
	"hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || " \
	"'-' || substr('89ab', 1 + (abs(random()) % 4), 1) || " \
	"substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6))))"
/* The current time, ISO 8601 UTC with milliseconds, in SQL. */
#define SQL_NOW	"strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"

/* Map an SQLite result code to a STORE_* code and a message. */
int	 store_err(struct store *, int rc, char **cause);
/* Prepare a statement; 0 or a STORE_* code. */
int	 store_prepare(struct store *, sqlite3_stmt **, const char *sql,
	     char **cause);
/* A write transaction: begin, commit (0 or a STORE_* code), roll back. */
int	 store_begin(struct store *, char **cause);
int	 store_commit(struct store *, char **cause);
void	 store_rollback(struct store *);
/* Step a statement that returns no row; 0 or a STORE_* code. */
int	 store_step_done(struct store *, sqlite3_stmt *, char **cause);
/* Bind s (NULL: SQL NULL) to parameter i. */
void	 store_bind_text(sqlite3_stmt *, int i, const char *s);
/* Column i as a new string: NULL for SQL NULL (col_text), "" (col_str). */
char	*store_col_text(sqlite3_stmt *, int i);
char	*store_col_str(sqlite3_stmt *, int i);
/* Replace the tags of note id. */
int	 store_save_tags(struct store *, int64_t id, char *const *tags,
	     size_t n, char **cause);

#endif
