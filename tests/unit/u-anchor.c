/* Unit tests: anchor. */
#include "config.h"

#include "unit.h"

static void
test_placeholder(void **state)
{
	assert_true(1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_placeholder),
	};

	return (cmocka_run_group_tests_name("anchor", tests, NULL, NULL));
}
