/*
 * unit.h: what every cmocka unit test includes.
 */
#ifndef POLYREAD_UNIT_H
#define POLYREAD_UNIT_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "util.h"

/* Assert two NUL-terminated strings are equal (with a readable message). */
#define assert_str(a, b) assert_string_equal((a), (b))

#endif
