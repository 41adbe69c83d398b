/*
 * file.h: reading a whole file, above safe.h (util.h, xmalloc.c < util.c
 * < safe.c < file.c).
 */
#ifndef POLYREAD_FILE_H
#define POLYREAD_FILE_H

#include <stddef.h>

/*
 * Read a whole file into memory, NUL-terminated. Refuses directories,
 * files over max bytes and files that are not regular (a FIFO, a device:
 * opened with O_NONBLOCK, so this never blocks), except the standard
 * input's pipe (/dev/stdin). Returns 0, or -1 with an
 * allocated message in *cause (free it).
 */
int	 file_read(const char *path, size_t max, char **data, size_t *len,
	     char **cause);

#endif
