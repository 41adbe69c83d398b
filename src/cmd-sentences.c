/* polyread sentences: to be written (issue 3). */
#include "config.h"

#include "cmd.h"

int
cmd_sentences(int argc, char **argv)
{
	return (error_msg("sentences: not yet written"));
}
