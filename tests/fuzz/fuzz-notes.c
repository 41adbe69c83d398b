/*
 * libFuzzer target: the notes import (store_import_json(), the code of
 * `polyread notes import`). The input is imported into a notes database
 * of its own, in a temporary folder (under /dev/shm when there is one)
 * made once per process and removed at exit. When the import succeeds,
 * the notes are listed and checked, exported, and the export imported
 * again: it must give the same number of notes. Then the notes are
 * deleted, and every FUZZ_NOTES_FRESH inputs the database is started
 * afresh, so that it stays small.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fuzz.h"
#include "note.h"
#include "store.h"
#include "util.h"

/* The largest input imported: the target is for logic, not for size. */
#define FUZZ_NOTES_MAX		65536
/* Inputs between two fresh databases. */
#define FUZZ_NOTES_FRESH	256

static struct store	*fuzz_store;
static char		*fuzz_dir;
static unsigned int	 fuzz_runs;

/* Remove the database and its folder. */
static void
fuzz_notes_remove(void)
{
	static const char *const files[] = {
		"polyread.db", "polyread.db-wal", "polyread.db-shm",
		"polyread.db-journal"
	};
	char	*path;
	size_t	 i;

	if (fuzz_store != NULL) {
		store_close(fuzz_store);
		fuzz_store = NULL;
	}
	if (fuzz_dir == NULL)
		return;
	for (i = 0; i < nitems(files); i++) {
		path = xstrprintf("%s/%s", fuzz_dir, files[i]);
		unlink(path);
		free(path);
	}
}

static void
fuzz_notes_exit(void)
{
	fuzz_notes_remove();
	if (fuzz_dir != NULL) {
		rmdir(fuzz_dir);
		free(fuzz_dir);
		fuzz_dir = NULL;
	}
}

/* Open the database, making the folder the first time. */
static struct store *
fuzz_notes_open(void)
{
	const char	*tmp;
	char		*cause = NULL;

	if (fuzz_dir == NULL) {
		if (access("/dev/shm", W_OK) == 0)
			tmp = "/dev/shm";
		else if ((tmp = getenv("TMPDIR")) == NULL || *tmp == '\0')
			tmp = "/tmp";
		fuzz_dir = xstrprintf("%s/polyread-fuzz-notes.XXXXXX", tmp);
		if (mkdtemp(fuzz_dir) == NULL) {
			perror(fuzz_dir);
			abort();
		}
		atexit(fuzz_notes_exit);
	}
	if (fuzz_store == NULL &&
	    store_open(&fuzz_store, fuzz_dir, &cause) != 0) {
		fprintf(stderr, "fuzz-notes: %s\n", cause);
		abort();
	}
	return (fuzz_store);
}

/* Check the stored notes; returns their number. */
static size_t
fuzz_notes_check(struct store *st)
{
	struct store_note	*v;
	char		*cause = NULL;
	size_t		 n, i, j;

	if (store_notes_list(st, 0, &v, &n, &cause) != 0) {
		fprintf(stderr, "fuzz-notes: list: %s\n", cause);
		abort();
	}
	for (i = 0; i < n; i++) {
		if (v[i].id <= 0 || v[i].uuid == NULL || v[i].source == NULL ||
		    v[i].sel.exact == NULL || *v[i].sel.exact == '\0' ||
		    v[i].text == NULL || v[i].created == NULL ||
		    v[i].modified == NULL || v[i].ntags > NOTE_MAX_TAGS)
			abort();
		for (j = 0; j < v[i].ntags; j++) {
			if (v[i].tags[j] == NULL)
				abort();
		}
	}
	store_notes_free(v, n);
	return (n);
}

/* Delete every note. */
static void
fuzz_notes_clear(struct store *st)
{
	struct store_note	*v;
	char		*cause = NULL;
	size_t		 n, i;

	if (store_notes_list(st, 0, &v, &n, &cause) != 0)
		abort();
	for (i = 0; i < n; i++) {
		if (store_note_delete(st, v[i].id, &cause) != 0) {
			fprintf(stderr, "fuzz-notes: delete: %s\n", cause);
			abort();
		}
	}
	store_notes_free(v, n);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct store	*st;
	char		*cause = NULL, *json = NULL;
	size_t		 n;
	int		 r, e;

	if (size > FUZZ_NOTES_MAX)
		return (0);
	if (fuzz_runs++ % FUZZ_NOTES_FRESH == 0)
		fuzz_notes_remove();
	st = fuzz_notes_open();

	r = store_import_json(st, (const char *)data, size, "fuzz.json",
	    &cause);
	if (r < 0) {
		/* Refused: with a reason, and nothing imported. */
		if (cause == NULL || *cause == '\0')
			abort();
		free(cause);
		if (fuzz_notes_check(st) != 0)
			abort();
		return (0);
	}
	/* Notes with the same id replace each other. */
	n = fuzz_notes_check(st);
	if (n > (size_t)r || (r > 0 && n == 0))
		abort();
	if (n == 0)
		return (0);

	/* The export must import again, to the same notes. */
	if ((e = store_export_json(st, 0, &json, &cause)) < 0) {
		fprintf(stderr, "fuzz-notes: export: %s\n", cause);
		abort();
	}
	if ((size_t)e != n)
		abort();
	r = store_import_json(st, json, strlen(json), "export.json", &cause);
	if (r < 0) {
		fprintf(stderr, "fuzz-notes: import of the export: %s\n",
		    cause);
		abort();
	}
	if ((size_t)r != n || fuzz_notes_check(st) != n)
		abort();
	free(json);

	fuzz_notes_clear(st);
	return (0);
}
