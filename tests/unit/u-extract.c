/*
 * Unit tests: placeholder, filled in with the extract tests.
 */
#include "config.h"

#include "unit.h"

static void
test_placeholder(void **state)
{
	(void)state;
	assert_null(NULL);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_placeholder),
	};


	return (cmocka_run_group_tests_name("extract", tests, NULL, NULL));
}
