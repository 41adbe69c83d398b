/*
 * Replay saved inputs through a fuzz target without libFuzzer: each
 * operand is a file, or a folder whose files are all run. With -v, each
 * file is named before it runs, so a crash can be traced to its input.
 * Exits 0 when every input ran (a crash or a sanitizer report ends the
 * process), 1 when one cannot be read.
 */
#include "config.h"

#include <sys/stat.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "file.h"
#include "fuzz.h"
#include "load.h"
#include "text.h"

static int	verbose;

/* Run one file through the target. */
static int
replay_file(const char *path)
{
	char	*data, *cause;
	size_t	 len;

	if (file_read(path, LOAD_MAX_SIZE, &data, &len, &cause) != 0) {
		fprintf(stderr, "replay: %s\n", cause);
		free(cause);
		return (-1);
	}
	if (verbose)
		fprintf(stderr, "replay: %s\n", path);
	LLVMFuzzerTestOneInput((const uint8_t *)data, len);
	free(data);
	return (0);
}

/* Compare two names for qsort(). */
static int
name_cmp(const void *a, const void *b)
{
	return (strcmp(*(char *const *)a, *(char *const *)b));
}

/* Run every file of a folder, in name order. */
static int
replay_dir(const char *dir)
{
	DIR		 *dp;
	struct dirent	 *de;
	char		**names = NULL, *path;
	size_t		  n = 0, alloc = 0, i;
	int		  r = 0;

	if ((dp = opendir(dir)) == NULL) {
		fprintf(stderr, "replay: cannot open '%s'\n", dir);
		return (-1);
	}
	while ((de = readdir(dp)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		XGROW(names, alloc, n + 1);
		names[n++] = xstrprintf("%s/%s", dir, de->d_name);
	}
	closedir(dp);
	if (n > 1)
		qsort(names, n, sizeof *names, name_cmp);
	for (i = 0; i < n; i++) {
		path = names[i];
		if (replay_file(path) != 0)
			r = -1;
		free(path);
	}
	free(names);
	return (r);
}

int
main(int argc, char **argv)
{
	struct stat	sb;
	int		i, r = 0;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "-v") == 0) {
			verbose = 1;
			continue;
		}
		if (stat(argv[i], &sb) == 0 && S_ISDIR(sb.st_mode)) {
			if (replay_dir(argv[i]) != 0)
				r = 1;
		} else if (replay_file(argv[i]) != 0)
			r = 1;
	}
	text_cleanup();
	return (r);
}
