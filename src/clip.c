/*
 * Copying text out: the OSC 52 sequence and the copy file (clip.h). Pure
 * byte work; which one to use is the reader's choice (reader.c), the
 * writing of the sequence the terminal's (tty.c).
 */
#include "config.h"

#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "clip.h"
#include "util.h"

/* Encode text in base64. */
char *
clip_base64(const char *text, size_t len)
{
	static const char	 abc[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	    "abcdefghijklmnopqrstuvwxyz0123456789+/";
	const unsigned char	*s = (const unsigned char *)text;
	char			*out, *p;
	unsigned long		 n;
	size_t			 i;

	out = p = xmalloc((len + 2) / 3 * 4 + 1);
	for (i = 0; i + 2 < len; i += 3) {
		n = (unsigned long)s[i] << 16 | (unsigned long)s[i + 1] << 8 |
		    s[i + 2];
		*p++ = abc[n >> 18 & 63];
		*p++ = abc[n >> 12 & 63];
		*p++ = abc[n >> 6 & 63];
		*p++ = abc[n & 63];
	}
	if (i < len) {
		n = (unsigned long)s[i] << 16;
		if (i + 1 < len)
			n |= (unsigned long)s[i + 1] << 8;
		*p++ = abc[n >> 18 & 63];
		*p++ = abc[n >> 12 & 63];
		*p++ = i + 1 < len ? abc[n >> 6 & 63] : '=';
		*p++ = '=';
	}
	*p = '\0';
	return (out);
}

/* The OSC 52 sequence for text. */
char *
clip_osc52(const char *text, size_t len)
{
	char	*b64, *seq;

	if (len > CLIP_OSC52_MAX)
		return (NULL);
	b64 = clip_base64(text, len);
	seq = xstrprintf("\033]52;c;%s\033\\", b64);
	free(b64);
	return (seq);
}

/* The copy file's path. */
char *
clip_path(const char *datadir)
{
	const char	*run = getenv("XDG_RUNTIME_DIR");
	struct stat	 st;

	if (run != NULL && *run == '/' && stat(run, &st) == 0 &&
	    S_ISDIR(st.st_mode))
		return (xstrprintf("%s/polyread-copy.txt", run));
	return (xstrprintf("%s/polyread-copy.txt", datadir));
}

/* Write the copy file, through a temporary file renamed over it. */
int
clip_file(const char *path, const char *text, size_t len, char **cause)
{
	char	*tmp;
	size_t	 off = 0;
	ssize_t	 n;
	int	 fd, ok;

	tmp = xstrprintf("%s.XXXXXX", path);
	errno = 0;
	if ((fd = mkstemp(tmp)) == -1) {
		*cause = xstrprintf("cannot write '%s': %s", path,
		    strerror(errno));
		free(tmp);
		return (-1);
	}
	while (off < len) {
		n = write(fd, text + off, len - off);
		if (n == -1 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		off += (size_t)n;
	}
	/* mkstemp() made it 0600: the copy is the user's alone. */
	ok = off == len;
	if (close(fd) != 0)
		ok = 0;
	if (ok && rename(tmp, path) != 0)
		ok = 0;
	if (!ok) {
		*cause = xstrprintf("cannot write '%s': %s", path,
		    strerror(errno != 0 ? errno : EIO));
		unlink(tmp);
		free(tmp);
		return (-1);
	}
	free(tmp);
	return (0);
}
