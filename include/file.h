/*
 * file.h: reading a whole file, above safe.h (util.h, xmalloc.c < util.c
 * < safe.c < file.c).
 */
#ifndef POLYREAD_FILE_H
#define POLYREAD_FILE_H

#include <stddef.h>

/*
 * Read a whole file into memory, NUL-terminated. Refuses directories,
 * non-regular files and files over max bytes. Returns 0, or -1 with an
 * allocated message in *cause (free it).
 */
int	 file_read(const char *path, size_t max, char **data, size_t *len,
	     char **cause);

#endif
