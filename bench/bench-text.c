/* Text engine benchmark: to be written (issue 3). */
#include "config.h"

int	main(void);

int
main(void)
{
	return (0);
}
