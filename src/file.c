/*
 * Whole-file reading with a size limit and messages that name the file
 * safely. Above safe.c (names are escaped for messages).
 */
#include "config.h"

#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "file.h"
#include "safe.h"
#include "util.h"

/* Is sb the standard input (/dev/stdin, a pipe into polyread)? */
static int
file_is_stdin(const struct stat *sb)
{
	struct stat	in;

	return (fstat(STDIN_FILENO, &in) == 0 && !S_ISREG(sb->st_mode) &&
	    in.st_dev == sb->st_dev && in.st_ino == sb->st_ino &&
	    (S_ISFIFO(sb->st_mode) || S_ISSOCK(sb->st_mode)));
}

/* What a file that is not regular is, for a message. */
static const char *
file_kind(const struct stat *sb)
{
	if (S_ISFIFO(sb->st_mode))
		return ("a FIFO (named pipe)");
	if (S_ISCHR(sb->st_mode))
		return ("a character device");
	if (S_ISBLK(sb->st_mode))
		return ("a block device");
	if (S_ISSOCK(sb->st_mode))
		return ("a socket");
	return ("a special file");
}

int
file_read(const char *path, size_t max, char **data, size_t *len, char **cause)
{
	struct stat	 sb;
	int		 fd;
	char		*buf = NULL;
	size_t		 alloc = 0, used = 0;
	ssize_t		 n;
	int		 regular, flags;
	char		*q;

	*data = NULL;
	*len = 0;
	/*
	 * O_NONBLOCK: opening a FIFO without a writer (or a device) must
	 * not block; it is refused below. Only stdin may be a pipe.
	 */
	if ((fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY |
	    O_NONBLOCK)) == -1) {
		q = safe_strdup(path);
		*cause = xstrprintf("cannot open '%s': %s", q,
		    strerror(errno));
		free(q);
		return (-1);
	}
	if (fstat(fd, &sb) == -1) {
		*cause = xstrprintf("cannot stat '%s': %s", path,
		    strerror(errno));
		goto fail;
	}
	if (S_ISDIR(sb.st_mode)) {
		*cause = xstrprintf("'%s' is a folder", path);
		goto fail;
	}
	if (!S_ISREG(sb.st_mode) && !file_is_stdin(&sb)) {
		*cause = xstrprintf("'%s' is %s, not a regular file: give "
		    "polyread a file (or pipe it to /dev/stdin)", path,
		    file_kind(&sb));
		goto fail;
	}
	/* Reads block again (stdin's pipe waits for its writer). */
	if ((flags = fcntl(fd, F_GETFL)) == -1 ||
	    fcntl(fd, F_SETFL, flags & ~O_NONBLOCK) == -1) {
		*cause = xstrprintf("cannot read '%s': %s", path,
		    strerror(errno));
		goto fail;
	}
	if (S_ISREG(sb.st_mode) && (uint64_t)sb.st_size > max) {
		/* human_size() has one static buffer: one call at a time. */
		q = xstrdup(human_size((uint64_t)sb.st_size));
		*cause = xstrprintf("'%s' is too large (%s; the limit is %s)",
		    path, q, human_size(max));
		free(q);
		goto fail;
	}
	/*
	 * A regular file's buffer is its size (and one byte to see the end
	 * and one for the NUL): doubling would hold up to twice the file
	 * while it is parsed. A pipe's grows as it comes.
	 */
	regular = S_ISREG(sb.st_mode);
	if (regular && sb.st_size > 0) {
		alloc = (size_t)sb.st_size + 2;
		buf = xmalloc(alloc);
	}
	for (;;) {
		if (alloc - used < (regular ? 2 : 65536))
			XGROW(buf, alloc, used + 65536 + 1);
		n = read(fd, buf + used, alloc - used - 1);
		if (n == -1) {
			if (errno == EINTR)
				continue;
			*cause = xstrprintf("cannot read '%s': %s", path,
			    strerror(errno));
			goto fail;
		}
		if (n == 0)
			break;
		used += (size_t)n;
		if (used > max) {
			*cause = xstrprintf("'%s' is too large (the limit is "
			    "%s)", path, human_size(max));
			goto fail;
		}
	}
	close(fd);
	if (buf == NULL)
		buf = xmalloc(1);
	buf[used] = '\0';
	*data = buf;
	*len = used;
	return (0);

fail:
	/* The path may hold control characters: escape them. */
	q = *cause;
	*cause = safe_strdup(q);
	free(q);
	free(buf);
	close(fd);
	return (-1);
}
