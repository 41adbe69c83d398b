/*
 * clip.h: copying text out of the reader (y and Y): the OSC 52 sequence
 * that asks the terminal to put text on the system clipboard, and the
 * copy file for terminals that cannot (or may not) do that.
 *
 * Where it sits: the base (util.h, file.h); reader.c chooses between
 * them, tty.c writes the sequence.
 */
#ifndef POLYREAD_CLIP_H
#define POLYREAD_CLIP_H

#include <stddef.h>

/*
 * The most text an OSC 52 sequence carries, before base64: terminals cap
 * the sequence (xterm and tmux take some 100 KB); longer text goes to the
 * copy file.
 */
#define CLIP_OSC52_MAX	74000

/*
 * The OSC 52 sequence that sets the clipboard ("c") to text: ESC ] 52 ; c ;
 * BASE64 ESC \ (base64 carries any bytes, so the text cannot end the
 * sequence early). You own it; NULL when len is over CLIP_OSC52_MAX.
 */
char	*clip_osc52(const char *text, size_t len);
/* text in base64 (RFC 4648, padded), NUL-terminated; you own it. */
char	*clip_base64(const char *text, size_t len);
/*
 * The copy file: polyread-copy.txt in $XDG_RUNTIME_DIR (private to the
 * user, emptied at logout) when it is an absolute path, else in datadir.
 * You own it.
 */
char	*clip_path(const char *datadir);
/*
 * Write text to path (replacing it through a temporary file, mode 0600).
 * Returns 0, or -1 with *cause (free it).
 */
int	 clip_file(const char *path, const char *text, size_t len,
	     char **cause);

#endif
