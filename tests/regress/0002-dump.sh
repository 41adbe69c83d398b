#!/bin/sh
# polyread dump: columns, levels, widths.
. "$top_srcdir/tests/regress/lib.sh"

t_ok "dump of a text file" "$POLYREAD" dump "$TESTDATA/text/para.en.txt"
t_done
