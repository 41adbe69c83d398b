#!/bin/sh
# Command line: help, version, usage errors.
. "$top_srcdir/tests/regress/lib.sh"

t_ok "--version runs" "$POLYREAD" --version
t_grep "--version names polyread" '^polyread [0-9]' "$T/out"
t_ok "--help runs" "$POLYREAD" --help
t_grep "--help lists dump" 'dump' "$T/out"
t_ok "dump --help runs" "$POLYREAD" dump --help
t_fails "unknown option is refused" "$POLYREAD" dump --bogus x.txt
t_fails "bad width is refused" "$POLYREAD" dump --width 3 x.txt
t_fails "option of another command is refused" "$POLYREAD" dump --pivot en x.txt
t_done
