/* Language guessing: minimal version, to be completed. */
#include "config.h"

#include <ctype.h>
#include <string.h>

#include "load.h"

const char *
lang_guess_text(const char *s, size_t len)
{
	return (NULL);
}

const char *
lang_guess(const struct doc *d)
{
	return (NULL);
}

char *
lang_normalize(const char *tag)
{
	char	buf[4];
	size_t	i;

	for (i = 0; i < 3 && isalpha((unsigned char)tag[i]); i++)
		buf[i] = (char)tolower((unsigned char)tag[i]);
	if (i < 2 || (tag[i] != '\0' && tag[i] != '-' && tag[i] != '_'))
		return (NULL);
	buf[i] = '\0';
	return (xstrdup(buf));
}
