#!/bin/sh
# Bad input gives one clear line and a non-zero exit, never a crash.
. "$top_srcdir/tests/regress/lib.sh"

t_fails "missing file" "$POLYREAD" dump "$T/nope.txt"
: >"$T/empty.txt"
t_fails "empty file" "$POLYREAD" dump "$T/empty.txt"
t_done
