/*
 * Unit tests: the notes database. A round trip of notes with tags and
 * hostile text; the migration of a version 1 database
 * (tests/data/notes/schema-v1.sql); a newer schema, a corrupt file, a
 * read-only folder and a full database reported with the right code and
 * nothing lost; article identity; the reading position; the JSON export
 * and import (round trip, malformed input); two processes writing at
 * once.
 *
 * The test reads and writes the database files with SQLite directly to
 * make the old and broken ones; polyread itself only uses src/store.c.
 */
#include "config.h"

#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <linux/fs.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "file.h"
#include "unit.h"

#include "note.h"
#include "store.h"

static void
raw_exec(const char *path, const char *sql)
{
	sqlite3	*db;
	char	*err = NULL;

	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	if (sqlite3_exec(db, sql, NULL, NULL, &err) != SQLITE_OK)
		fail_msg("sql: %s", err);
	sqlite3_close(db);
}

/* One integer from a query on a database file. */
static long long
raw_int(const char *path, const char *sql)
{
	sqlite3		*db;
	sqlite3_stmt	*st;
	long long	 v = -1;

	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, sql, -1, &st, NULL),
	    SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(db);
	return (v);
}

/* A stored version of a made-up article, for notes. */
static int64_t
mkversion(struct store *st, const char *source, const char *hash,
    const char *lang, int64_t *article)
{
	struct store_version	 v = { source, hash, lang };
	int64_t			 id, a;
	char			*cause = NULL;

	assert_int_equal(store_article_resolve(st, &v, 1, &a, &id, &cause),
	    0);
	if (article != NULL)
		*article = a;
	return (id);
}

/* Fill a note to store. */
static void
mknote(struct store_note *n, int64_t version, const char *exact, const char *text)
{
	memset(n, 0, sizeof *n);
	n->version = version;
	n->sel.exact = xstrdup(exact);
	n->sel.prefix = xstrdup("before ");
	n->sel.suffix = xstrdup(" after");
	n->sel.start = 7;
	n->sel.end = 7 + strlen(exact);
	n->text = xstrdup(text);
}

static void
test_round_trip(void **state)
{
	struct store	*st;
	struct store_note	 n, *v;
	size_t		 count;
	int64_t		 ver;
	char		*dir = tmpdir("u-store"), *sub, *cause = NULL, *path;
	struct stat	 sb;
	/* A bidi override, an escape sequence, Cyrillic, an emoji. */
	const char	*hostile = "\xe2\x80\xae" "evil\x1b[2J Путин 👍\nline 2";

	sub = xstrprintf("%s/deep/er/polyread", dir);
	assert_int_equal(store_open(&st, sub, &cause), 0);
	assert_int_equal(stat(sub, &sb), 0);
	assert_int_equal(sb.st_mode & 0777, 0700);
	path = xstrprintf("%s/polyread.db", sub);
	assert_str(store_path(st), path);

	ver = mkversion(st, "file:///a/commentary.en.txt", "fnv1a64:1", "en",
	    NULL);
	mknote(&n, ver, "a toll road", hostile);
	n.lang = xstrdup("ru");
	n.tags = xcalloc(2, sizeof *n.tags);
	n.tags[0] = xstrdup("zeta");
	n.tags[1] = xstrdup("alpha");
	n.ntags = 2;
	assert_int_equal(store_note_add(st, &n, &cause), 0);
	assert_true(n.id > 0);
	assert_int_equal(strncmp(n.uuid, "urn:uuid:", 9), 0);
	assert_int_equal(strlen(n.uuid), 9 + 36);
	assert_int_equal(n.uuid[9 + 14], '4');
	assert_int_equal(strlen(n.created), strlen("2024-07-12T09:00:00.000Z"));

	assert_int_equal(store_notes_list(st, 0, &v, &count, &cause), 0);
	assert_int_equal(count, 1);
	assert_int_equal(v[0].id, n.id);
	assert_str(v[0].uuid, n.uuid);
	assert_str(v[0].text, hostile);	/* stored as given */
	assert_str(v[0].lang, "ru");
	assert_str(v[0].vlang, "en");
	assert_str(v[0].source, "file:///a/commentary.en.txt");
	assert_str(v[0].sel.exact, "a toll road");
	assert_str(v[0].sel.prefix, "before ");
	assert_str(v[0].sel.suffix, " after");
	assert_int_equal(v[0].sel.start, 7);
	assert_int_equal(v[0].sel.end, 18);
	assert_int_equal(v[0].ntags, 2);
	assert_str(v[0].tags[0], "alpha");
	assert_str(v[0].tags[1], "zeta");
	assert_false(v[0].orphan);
	store_notes_free(v, count);

	/* Update: text and tags, a later modified time. */
	free(n.text);
	n.text = xstrdup("changed");
	free(n.tags[1]);
	n.ntags = 1;
	usleep(2000);
	assert_int_equal(store_note_update(st, &n, &cause), 0);
	assert_true(strcmp(n.modified, n.created) > 0);
	assert_int_equal(store_notes_list(st, 0, &v, &count, &cause), 0);
	assert_str(v[0].text, "changed");
	assert_int_equal(v[0].ntags, 1);
	store_notes_free(v, count);

	/* Delete, twice. */
	assert_int_equal(store_note_delete(st, n.id, &cause), 0);
	assert_int_equal(store_note_delete(st, n.id, &cause), STORE_NOTFOUND);
	free(cause);
	cause = NULL;
	assert_int_equal(store_notes_list(st, 0, &v, &count, &cause), 0);
	assert_int_equal(count, 0);
	free(v);
	store_note_release(&n);
	/* Limits. */
	mknote(&n, ver, "x", "y");
	free(n.text);
	n.text = calloc(1, NOTE_MAX_TEXT + 2);
	memset(n.text, 'a', NOTE_MAX_TEXT + 1);
	assert_int_equal(store_note_add(st, &n, &cause), STORE_ERROR);
	assert_non_null(strstr(cause, "too long"));
	free(cause);
	cause = NULL;
	store_note_release(&n);
	assert_int_equal(store_check(st, &cause), 0);
	store_close(st);
	free(path);
	free(sub);
	free(dir);
}

static void
test_migrate_v1(void **state)
{
	struct store	*st;
	struct store_note	*v;
	size_t		 count, i;
	int64_t		 ver, block, off;
	size_t		 b, o;
	char		*dir = tmpdir("u-store"), *path, *sql = NULL, *cause = NULL;
	size_t		 len;

	path = xstrprintf("%s/polyread.db", dir);
	assert_int_equal(file_read(TESTDATA "/notes/schema-v1.sql", 65536,
	    &sql, &len, &cause), 0);
	raw_exec(path, sql);
	free(sql);
	assert_int_equal(raw_int(path, "PRAGMA user_version"), 1);

	assert_int_equal(store_open(&st, dir, &cause), 0);
	assert_int_equal(raw_int(path, "PRAGMA user_version"), STORE_SCHEMA);
	assert_int_equal(store_notes_list(st, 0, &v, &count, &cause), 0);
	assert_int_equal(count, 3);
	for (i = 0; i < count; i++) {
		/* Every note got an id for export and its version's lang. */
		assert_int_equal(strncmp(v[i].uuid, "urn:uuid:", 9), 0);
		assert_non_null(v[i].lang);
		assert_str(v[i].lang, v[i].vlang);
		assert_false(v[i].orphan);
		assert_int_equal(v[i].ntags, 0);
	}
	assert_str(v[0].text, "Who would collect the toll?");
	assert_str(v[0].sel.prefix, ", Ingrid Halvorsen, was blunt. “");
	assert_int_equal(v[0].sel.start, 445);
	assert_str(v[2].text, "Кратчайший — значит северный.");
	assert_str(v[2].lang, "ru");
	assert_str(v[2].modified, "2024-07-12T09:05:00.000Z");
	assert_int_equal(strcmp(v[0].uuid, v[1].uuid) != 0, 1);
	store_notes_free(v, count);
	/* The position survived. */
	assert_int_equal(store_position_get(st, 1, &ver, &b, &o, &cause), 0);
	assert_int_equal(ver, 2);
	assert_int_equal(b, 3);
	assert_int_equal(o, 12);
	assert_int_equal(store_check(st, &cause), 0);
	/* The library: the article with a position was read then. */
	{
		struct store_article	*sa;
		size_t			 na;

		assert_int_equal(store_articles_list(st, 0, &sa, &na, &cause),
		    0);
		assert_int_equal(na, 1);
		assert_str(sa[0].read, "2024-07-12T09:10:00.000Z");
		assert_null(sa[0].title);
		assert_int_equal(sa[0].nv, 2);
		assert_str(sa[0].v[1].source,
		    "file:///srv/articles/commentary.ru.txt");
		assert_int_equal(sa[0].notes, 3);
		store_articles_free(sa, na);
	}
	/* New notes get tags now. */
	{
		struct store_note	n;

		mknote(&n, 1, "toll", "tagged");
		n.tags = xcalloc(1, sizeof *n.tags);
		n.tags[0] = xstrdup("new");
		n.ntags = 1;
		assert_int_equal(store_note_add(st, &n, &cause), 0);
		store_note_release(&n);
	}
	store_close(st);
	/* Opening again does not migrate twice. */
	assert_int_equal(store_open(&st, dir, &cause), 0);
	store_close(st);
	assert_int_equal(raw_int(path, "SELECT count(*) FROM note"), 4);
	block = raw_int(path, "SELECT count(DISTINCT uuid) FROM note");
	assert_int_equal(block, 4);
	off = raw_int(path, "SELECT count(*) FROM note_tag");
	assert_int_equal(off, 1);
	free(path);
	free(dir);
}

static void
test_newer_schema(void **state)
{
	struct store	*st;
	char		*dir = tmpdir("u-store"), *path, *cause = NULL;

	assert_int_equal(store_open(&st, dir, &cause), 0);
	store_close(st);
	path = xstrprintf("%s/polyread.db", dir);
	raw_exec(path, "PRAGMA user_version = 99");
	assert_int_equal(store_open(&st, dir, &cause), STORE_NEWER);
	assert_null(st);
	assert_non_null(strstr(cause, "newer polyread"));
	free(cause);
	assert_int_equal(raw_int(path, "PRAGMA user_version"), 99);
	free(path);
	free(dir);
}

static void
test_corrupt(void **state)
{
	struct store	*st;
	char		*dir = tmpdir("u-store"), *path, *cause = NULL;
	FILE		*f;
	int		 i;

	path = xstrprintf("%s/polyread.db", dir);
	assert_non_null(f = fopen(path, "w"));
	for (i = 0; i < 3000; i++)
		fputc((i * 7919) & 0xff, f);
	fclose(f);
	assert_int_equal(store_open(&st, dir, &cause), STORE_CORRUPT);
	assert_null(st);
	assert_non_null(strstr(cause, "damaged or not a database"));
	assert_null(strchr(cause, '\n'));
	free(cause);
	/* Never removed or rewritten. */
	{
		struct stat	sb;

		assert_int_equal(stat(path, &sb), 0);
		assert_int_equal(sb.st_size, 3000);
	}
	free(path);
	free(dir);
}

/*
 * Make a folder read-only (on: 1) or writable again: its mode, or for
 * root, who writes anyway, the immutable attribute. 0, or -1 if it cannot.
 */
static int
set_readonly(const char *path, int on)
{
	int	fd, flags, r = -1;

	if (geteuid() != 0)
		return (chmod(path, on ? 0500 : 0700));
	if ((fd = open(path, O_RDONLY | O_DIRECTORY)) == -1)
		return (-1);
	if (ioctl(fd, FS_IOC_GETFLAGS, &flags) == 0) {
		if (on)
			flags |= FS_IMMUTABLE_FL;
		else
			flags &= ~FS_IMMUTABLE_FL;
		r = ioctl(fd, FS_IOC_SETFLAGS, &flags);
	}
	close(fd);
	return (r);
}

static void
test_readonly(void **state)
{
	struct store	*st;
	char		*dir = tmpdir("u-store"), *sub, *cause = NULL;

	sub = xstrprintf("%s/ro", dir);
	assert_int_equal(mkdir(sub, 0700), 0);
	if (set_readonly(sub, 1) != 0) {
		print_message("# cannot make a read-only folder here\n");
		free(sub);
		free(dir);
		skip();
	}
	assert_int_equal(store_open(&st, sub, &cause), STORE_READONLY);
	assert_non_null(strstr(cause, "read-only"));
	free(cause);
	cause = NULL;
	assert_int_equal(set_readonly(sub, 0), 0);
	/* An existing database in a folder made read-only. */
	assert_int_equal(store_open(&st, sub, &cause), 0);
	store_close(st);
	assert_int_equal(set_readonly(sub, 1), 0);
	assert_int_equal(store_open(&st, sub, &cause), STORE_READONLY);
	free(cause);
	cause = NULL;
	/* A folder that cannot be made inside it. */
	cause = xstrprintf("%s/new", sub);
	{
		char	*why = NULL;

		assert_int_equal(store_open(&st, cause, &why),
		    STORE_READONLY);
		assert_non_null(strstr(why, "cannot create the notes folder"));
		free(why);
	}
	free(cause);
	assert_int_equal(set_readonly(sub, 0), 0);
	free(sub);
	free(dir);
}

static void
test_full(void **state)
{
	struct store	*st;
	struct store_note	 n, *v;
	size_t		 count;
	int64_t		 ver;
	char		*dir = tmpdir("u-store"), *cause = NULL, *body;
	int		 i, r = 0, added = 0;

	assert_int_equal(store_open(&st, dir, &cause), 0);
	ver = mkversion(st, "file:///full.txt", "fnv1a64:2", "en", NULL);
	/* A database of a few pages, then notes of 2 KiB each. */
	store_limit_pages(st, 12);
	body = calloc(1, 2049);
	memset(body, 'n', 2048);
	for (i = 0; i < 100; i++) {
		mknote(&n, ver, "quote", body);
		r = store_note_add(st, &n, &cause);
		store_note_release(&n);
		if (r != 0)
			break;
		added++;
	}
	assert_int_equal(r, STORE_FULL);
	assert_non_null(strstr(cause, "no space left"));
	free(cause);
	cause = NULL;
	assert_true(added > 0);
	/* Everything added before is there, and the file is sound. */
	assert_int_equal(store_notes_list(st, 0, &v, &count, &cause), 0);
	assert_int_equal(count, added);
	store_notes_free(v, count);
	assert_int_equal(store_check(st, &cause), 0);
	store_close(st);
	/* With room again, writing works. */
	assert_int_equal(store_open(&st, dir, &cause), 0);
	mknote(&n, ver, "quote", "fits");
	assert_int_equal(store_note_add(st, &n, &cause), 0);
	store_note_release(&n);
	store_close(st);
	free(body);
	free(dir);
}

static void
test_article_identity(void **state)
{
	struct store		*st;
	struct store_version	 v[3];
	int64_t			 a1, a2, ids[3], ids2[3];
	char			*dir = tmpdir("u-store"), *cause = NULL, *path;

	memset(v, 0, sizeof v);
	assert_int_equal(store_open(&st, dir, &cause), 0);
	v[0].source = "file:///x/art.en.html";
	v[0].hash = "fnv1a64:aaaa";
	v[0].lang = "en";
	v[1].source = "file:///x/art.fr.html";
	v[1].hash = "fnv1a64:bbbb";
	v[1].lang = "fr";
	assert_int_equal(store_article_resolve(st, v, 2, &a1, ids, &cause), 0);
	assert_true(ids[0] != ids[1]);
	/* One version alone: the group it is in. */
	assert_int_equal(store_article_resolve(st, &v[1], 1, &a2, ids2,
	    &cause), 0);
	assert_int_equal(a2, a1);
	assert_int_equal(ids2[0], ids[1]);
	/* Changed text: the same version (by source). */
	v[0].hash = "fnv1a64:cccc";
	assert_int_equal(store_article_resolve(st, v, 1, &a2, ids2, &cause),
	    0);
	assert_int_equal(a2, a1);
	assert_int_equal(ids2[0], ids[0]);
	/* Moved file, same text: the same version (by hash). */
	v[0].source = "file:///y/moved.en.html";
	assert_int_equal(store_article_resolve(st, v, 1, &a2, ids2, &cause),
	    0);
	assert_int_equal(ids2[0], ids[0]);
	path = xstrprintf("%s/polyread.db", dir);
	assert_int_equal(raw_int(path, "SELECT count(*) FROM version WHERE "
	    "source = 'file:///y/moved.en.html'"), 1);
	/* An unknown file alone: a new article... */
	v[2].source = "file:///x/art.ru.html";
	v[2].hash = "fnv1a64:dddd";
	v[2].lang = "ru";
	assert_int_equal(store_article_resolve(st, &v[2], 1, &a2, ids2,
	    &cause), 0);
	assert_true(a2 != a1);
	/* ...that joins the group when opened with it. */
	assert_int_equal(store_article_resolve(st, v, 3, &a2, ids2, &cause),
	    0);
	assert_int_equal(a2, a1);
	assert_int_equal(ids2[0], ids[0]);
	assert_int_equal(ids2[1], ids[1]);
	assert_int_equal(raw_int(path, "SELECT count(*) FROM article"), 1);
	/* Finding without recording. */
	assert_int_equal(store_article_find(st, &v[2], 1, &a2, &cause), 0);
	assert_int_equal(a2, a1);
	/* A copy opened with its original: the original keeps its row. */
	{
		struct store_version	c[2];

		memset(c, 0, sizeof c);
		c[0].source = "file:///z/copy.en.html";
		c[0].hash = v[0].hash;
		c[0].lang = "en";
		c[1] = v[0];
		assert_int_equal(store_article_resolve(st, c, 2, &a2, ids2,
		    &cause), 0);
		assert_int_equal(ids2[1], ids[0]);
		assert_true(ids2[0] != ids[0]);
		assert_int_equal(raw_int(path, "SELECT count(*) FROM version "
		    "WHERE source = 'file:///y/moved.en.html'"), 1);
	}
	store_close(st);
	free(path);
	free(dir);
}

/* Notes with everything set, for the export. */
static void
fill_store(struct store *st)
{
	struct store_version	 sv[2] = {
		{ "file:///x/a%20b.en.txt", "fnv1a64:1111", "en" },
		{ "file:///x/a%20b.ru.txt", "fnv1a64:2222", "ru" }
	};
	struct store_note		 n;
	int64_t			 ids[2], art, ven, vru;
	char			*cause = NULL;

	/* Two versions of one article. */
	assert_int_equal(store_article_resolve(st, sv, 2, &art, ids, &cause),
	    0);
	ven = ids[0];
	vru = ids[1];
	mknote(&n, ven, "The Arctic cannot become a toll road",
	    "Quotes \"and\" \\ backslashes,\ttabs\nand lines");
	n.lang = xstrdup("en");
	n.tags = xcalloc(2, sizeof *n.tags);
	n.tags[0] = xstrdup("law");
	n.tags[1] = xstrdup("арктика");
	n.ntags = 2;
	assert_int_equal(store_note_add(st, &n, &cause), 0);
	store_note_release(&n);
	mknote(&n, vru, "Суда выбирают кратчайший путь",
	    "\xe2\x80\xae" "reversed \x1b[31m red");
	n.orphan = 1;
	assert_int_equal(store_note_add(st, &n, &cause), 0);
	store_note_release(&n);
}

static void
test_export_import(void **state)
{
	struct store	*st, *st2;
	struct store_note	*v;
	size_t		 count;
	char		*d1 = tmpdir("u-store"), *d2 = tmpdir("u-store"), *j1, *j2, *cause = NULL;
	char		*path;

	assert_int_equal(store_open(&st, d1, &cause), 0);
	fill_store(st);
	assert_int_equal(store_export_json(st, 0, &j1, &cause), 2);
	/* W3C shape. */
	assert_non_null(strstr(j1, "\"@context\":"
	    "\"http://www.w3.org/ns/anno.jsonld\""));
	assert_non_null(strstr(j1, "\"type\":\"AnnotationCollection\""));
	assert_non_null(strstr(j1, "\"type\":\"TextQuoteSelector\""));
	assert_non_null(strstr(j1, "\"type\":\"TextPositionSelector\""));
	assert_non_null(strstr(j1, "\"purpose\":\"tagging\""));
	/* No raw escape or bidi override in the output. */
	assert_null(strchr(j1, 0x1b));
	assert_null(strstr(j1, "\xe2\x80\xae"));
	assert_non_null(strstr(j1, "\\u202e"));

	/* Into an empty store, and out again: the same. */
	assert_int_equal(store_open(&st2, d2, &cause), 0);
	assert_int_equal(store_import_json(st2, j1, strlen(j1), "x.json",
	    &cause), 2);
	assert_int_equal(store_export_json(st2, 0, &j2, &cause), 2);
	assert_str(j2, j1);
	free(j2);
	/* Again: replaced by id, not doubled. */
	assert_int_equal(store_import_json(st2, j1, strlen(j1), "x.json",
	    &cause), 2);
	assert_int_equal(store_notes_list(st2, 0, &v, &count, &cause), 0);
	assert_int_equal(count, 2);
	assert_str(v[0].text,
	    "Quotes \"and\" \\ backslashes,\ttabs\nand lines");
	assert_int_equal(v[0].ntags, 2);
	assert_true(v[1].orphan);
	store_notes_free(v, count);
	/* The versions kept their group. */
	path = xstrprintf("%s/polyread.db", d2);
	assert_int_equal(raw_int(path, "SELECT count(DISTINCT article) FROM "
	    "version"), 1);
	free(path);

	/* Bad input: one line, nothing imported. */
	assert_true(store_import_json(st2, "{\"items\": [", 11, "bad.json",
	    &cause) < 0);
	assert_non_null(strstr(cause, "not valid JSON"));
	free(cause);
	cause = NULL;
	assert_true(store_import_json(st2, "[{\"type\":\"Annotation\","
	    "\"target\":{\"source\":\"file:///n\"}}]", 56, "sel.json",
	    &cause) < 0);
	assert_non_null(strstr(cause, "no TextQuoteSelector"));
	free(cause);
	cause = NULL;
	assert_true(store_import_json(st2, "{\"a\": 1}", 8, "no.json",
	    &cause) < 0);
	free(cause);
	cause = NULL;
	/* A whole import fails as one: the good first item is not kept. */
	{
		const char	*two = "[{\"type\":\"Annotation\",\"id\":"
		    "\"urn:uuid:1\",\"target\":{\"source\":\"file:///n\","
		    "\"selector\":{\"type\":\"TextQuoteSelector\",\"exact\":"
		    "\"x\"}}}, 5]";

		assert_true(store_import_json(st2, two, strlen(two), "two",
		    &cause) < 0);
		free(cause);
		cause = NULL;
	}
	assert_int_equal(store_notes_list(st2, 0, &v, &count, &cause), 0);
	assert_int_equal(count, 2);
	store_notes_free(v, count);
	/* A passage over the limit. */
	{
		struct strbuf	sb = STRBUF_INIT;
		size_t		i;

		strbuf_addstr(&sb, "[{\"type\":\"Annotation\",\"target\":{"
		    "\"source\":\"file:///n\",\"selector\":{\"type\":"
		    "\"TextQuoteSelector\",\"exact\":\"");
		for (i = 0; i < 5 * NOTE_MAX_QUOTE; i++)
			strbuf_addch(&sb, 'q');
		strbuf_addstr(&sb, "\"}}}]");
		assert_true(store_import_json(st2, sb.buf, sb.len, "long",
		    &cause) < 0);
		assert_non_null(strstr(cause, "too long"));
		free(cause);
		cause = NULL;
		strbuf_release(&sb);
	}
	/* A Hypothesis-style annotation: a selector object, bodyValue. */
	{
		const char	*h = "{\"type\":\"Annotation\",\"bodyValue\":"
		    "\"from elsewhere\",\"target\":{\"source\":"
		    "\"http://example.org/a\",\"selector\":{\"type\":"
		    "\"TextQuoteSelector\",\"exact\":\"toll\"}}}";

		assert_int_equal(store_import_json(st2, h, strlen(h), "h",
		    &cause), 1);
	}
	store_close(st2);
	store_close(st);
	free(j1);
	free(d1);
	free(d2);
}

static void
test_position(void **state)
{
	struct store	*st;
	int64_t		 a, ver, got;
	size_t		 b, o;
	char		*dir = tmpdir("u-store"), *cause = NULL;

	assert_int_equal(store_open(&st, dir, &cause), 0);
	ver = mkversion(st, "file:///p.txt", "fnv1a64:9", "fr", &a);
	assert_int_equal(store_position_get(st, a, &got, &b, &o, &cause),
	    STORE_NOTFOUND);
	assert_int_equal(store_position_set(st, a, ver, 4, 17, &cause), 0);
	assert_int_equal(store_position_set(st, a, ver, 5, 2, &cause), 0);
	assert_int_equal(store_position_get(st, a, &got, &b, &o, &cause), 0);
	assert_int_equal(got, ver);
	assert_int_equal(b, 5);
	assert_int_equal(o, 2);
	store_close(st);
	free(dir);
}

/* The number of rows of a query on the store's file. */
static long long
count_rows(const char *dir, const char *sql)
{
	char		*path = xstrprintf("%s/polyread.db", dir);
	long long	 n = raw_int(path, sql);

	free(path);
	return (n);
}

static void
test_library(void **state)
{
	struct store		*st;
	struct store_version	 v[2];
	struct store_article	*sa;
	struct store_note	 n;
	int64_t			 a1, a2, a3, ids[2];
	size_t			 na;
	char			*dir = tmpdir("u-store"), *cause = NULL;

	assert_int_equal(store_open(&st, dir, &cause), 0);
	memset(v, 0, sizeof v);
	v[0].source = "file:///lib/one.en.txt";
	v[0].hash = "fnv1a64:1";
	v[0].lang = "en";
	v[0].title = "One";
	v[1].source = "file:///lib/one.fr.txt";
	v[1].hash = "fnv1a64:2";
	v[1].lang = "fr";
	v[1].title = "Un";
	assert_int_equal(store_article_resolve(st, v, 2, &a1, ids, &cause), 0);
	/* Resolved but never read (notes add): listed after the read. */
	a2 = 0;
	mkversion(st, "https://news.example/two", "fnv1a64:3", "ru", &a2);
	mkversion(st, "file:///lib/three.txt", "fnv1a64:4", NULL, &a3);
	assert_int_equal(store_article_read(st, a1, "One", "The Site",
	    &cause), 0);
	assert_int_equal(store_article_read(st, 999, NULL, NULL, &cause),
	    STORE_NOTFOUND);
	free(cause);
	cause = NULL;
	mknote(&n, ids[1], "passage", "a note");
	assert_int_equal(store_note_add(st, &n, &cause), 0);
	store_note_release(&n);
	mknote(&n, ids[0], "lost", "an orphan");
	n.orphan = 1;
	assert_int_equal(store_note_add(st, &n, &cause), 0);
	store_note_release(&n);

	assert_int_equal(store_articles_list(st, 0, &sa, &na, &cause), 0);
	assert_int_equal(na, 3);
	assert_int_equal(sa[0].id, a1);
	assert_str(sa[0].title, "One");
	assert_str(sa[0].site, "The Site");
	assert_non_null(sa[0].read);
	assert_int_equal(sa[0].notes, 2);
	assert_int_equal(sa[0].orphans, 1);
	assert_int_equal(sa[0].nv, 2);
	assert_str(sa[0].v[0].lang, "en");
	assert_str(sa[0].v[1].title, "Un");
	/* Never read: newest first. */
	assert_int_equal(sa[1].id, a3);
	assert_null(sa[1].read);
	assert_null(sa[1].v[0].lang);
	assert_int_equal(sa[2].id, a2);
	assert_str(sa[2].v[0].source, "https://news.example/two");
	store_articles_free(sa, na);
	/* Read last: first. */
	assert_int_equal(store_article_read(st, a2, NULL, NULL, &cause), 0);
	assert_int_equal(store_articles_list(st, 0, &sa, &na, &cause), 0);
	assert_int_equal(sa[0].id, a2);
	assert_null(sa[0].title);
	store_articles_free(sa, na);

	/*
	 * Forgetting an article without notes leaves no trace (nor a
	 * position of another article on its versions, after a version
	 * moved).
	 */
	assert_int_equal(store_position_set(st, a2, ids[0], 1, 1, &cause),
	    0);
	assert_int_equal(store_article_forget(st, a3, 0, &cause), 0);
	assert_int_equal(count_rows(dir, "SELECT count(*) FROM version WHERE "
	    "source = 'file:///lib/three.txt'"), 0);
	/* With notes kept: hidden, its notes and versions stay. */
	assert_int_equal(store_position_set(st, a1, ids[0], 2, 3, &cause), 0);
	assert_int_equal(store_article_forget(st, a1, 0, &cause), 0);
	assert_int_equal(store_articles_list(st, 0, &sa, &na, &cause), 0);
	assert_int_equal(na, 1);
	assert_int_equal(sa[0].id, a2);
	store_articles_free(sa, na);
	assert_int_equal(store_articles_list(st, STORE_ARTICLES_ALL, &sa, &na,
	    &cause), 0);
	assert_int_equal(na, 2);
	assert_true(sa[1].forgotten);
	assert_null(sa[1].read);
	assert_int_equal(sa[1].notes, 2);
	store_articles_free(sa, na);
	assert_int_equal(count_rows(dir, "SELECT count(*) FROM position"), 0);
	/* Read again: back in the library, with its notes. */
	assert_int_equal(store_article_read(st, a1, NULL, NULL, &cause), 0);
	assert_int_equal(store_articles_list(st, 0, &sa, &na, &cause), 0);
	assert_int_equal(na, 2);
	assert_int_equal(sa[0].id, a1);
	assert_str(sa[0].title, "One");
	store_articles_free(sa, na);
	/* With its notes: all gone. */
	assert_int_equal(store_article_forget(st, a1, 1, &cause), 0);
	assert_int_equal(count_rows(dir, "SELECT count(*) FROM note"), 0);
	assert_int_equal(count_rows(dir, "SELECT count(*) FROM article"), 1);
	assert_int_equal(store_article_forget(st, a1, 1, &cause),
	    STORE_NOTFOUND);
	free(cause);
	cause = NULL;
	assert_int_equal(store_check(st, &cause), 0);
	store_close(st);
	free(dir);
}

static void
test_two_writers(void **state)
{
	struct store	*st;
	struct store_note	 n, *v;
	size_t		 count;
	int64_t		 ver;
	char		*dir = tmpdir("u-store"), *cause = NULL;
	pid_t		 pid[2];
	int		 i, k, status, ok;

	assert_int_equal(store_open(&st, dir, &cause), 0);
	ver = mkversion(st, "file:///both.txt", "fnv1a64:3", "en", NULL);
	store_close(st);
	for (k = 0; k < 2; k++) {
		if ((pid[k] = fork()) == 0) {
			ok = store_open(&st, dir, &cause) == 0;
			for (i = 0; ok && i < 40; i++) {
				mknote(&n, ver, k == 0 ? "first" : "second",
				    "concurrent");
				ok = store_note_add(st, &n, &cause) == 0;
				store_note_release(&n);
			}
			if (ok)
				store_close(st);
			_exit(ok ? 0 : 1);
		}
		assert_true(pid[k] > 0);
	}
	for (k = 0; k < 2; k++) {
		assert_int_equal(waitpid(pid[k], &status, 0), pid[k]);
		assert_true(WIFEXITED(status));
		assert_int_equal(WEXITSTATUS(status), 0);
	}
	assert_int_equal(store_open(&st, dir, &cause), 0);
	assert_int_equal(store_notes_list(st, 0, &v, &count, &cause), 0);
	assert_int_equal(count, 80);
	store_notes_free(v, count);
	assert_int_equal(store_check(st, &cause), 0);
	store_close(st);
	free(dir);
}

/*
 * Issue 18: the commands that only read use an in-memory copy when the
 * store cannot be written (here forced, as after a write failed on a
 * full disk): it holds the notes, takes writes, and the file is
 * unchanged.
 */
static void
test_read_copy(void **state)
{
	struct store		*st;
	struct store_note	 n, *v;
	size_t			 count;
	int64_t			 ver;
	char			*dir = tmpdir("u-store"), *cause = NULL;

	(void)state;
	assert_int_equal(store_open(&st, dir, &cause), 0);
	assert_null(store_copy_reason(st));
	ver = mkversion(st, "file:///copy.txt", "fnv1a64:3", "en", NULL);
	mknote(&n, ver, "kept", "in the file");
	assert_int_equal(store_note_add(st, &n, &cause), 0);
	store_note_release(&n);
	store_close(st);

	assert_int_equal(store_open_read(&st, dir, "the disk is full",
	    &cause), 0);
	assert_str(store_copy_reason(st), "the disk is full");
	assert_int_equal(store_notes_list(st, 0, &v, &count, &cause), 0);
	assert_int_equal(count, 1);
	assert_str(v[0].text, "in the file");
	store_notes_free(v, count);
	mknote(&n, ver, "lost", "only in the copy");
	assert_int_equal(store_note_add(st, &n, &cause), 0);
	store_note_release(&n);
	assert_int_equal(store_check(st, &cause), 0);
	store_close(st);

	assert_int_equal(store_open(&st, dir, &cause), 0);
	assert_int_equal(store_notes_list(st, 0, &v, &count, &cause), 0);
	assert_int_equal(count, 1);
	store_notes_free(v, count);
	store_close(st);
	free(dir);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_round_trip),
		cmocka_unit_test(test_migrate_v1),
		cmocka_unit_test(test_newer_schema),
		cmocka_unit_test(test_corrupt),
		cmocka_unit_test(test_readonly),
		cmocka_unit_test(test_full),
		cmocka_unit_test(test_read_copy),
		cmocka_unit_test(test_article_identity),
		cmocka_unit_test(test_export_import),
		cmocka_unit_test(test_position),
		cmocka_unit_test(test_two_writers),
		cmocka_unit_test(test_library),
	};

	return (cmocka_run_group_tests_name("store", tests, NULL, NULL));
}
