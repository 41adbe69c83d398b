#!/bin/sh
# Issue 16: the reader as people use it, its keys and habits. The single
# layout's search (bug 2: it agreed with neither the screen nor the
# columns), the jump list, percentage jumps, centred jumps, whole-word and
# regular-expression search, and copying through OSC 52 or a file.
. "$top_srcdir/tests/regress/lib.sh"
. "$top_srcdir/tests/regress/tmux.sh"
tmx_require
D="$TESTDATA/text"
tmx_theme

# Bug 2: l, /Halvorsen, 3 (RU shown), n: the status line said match 2/2 and
# marked EN, but RU stayed on screen with no match visible.
tmx_start 100 24 --theme test "$D/commentary.en.txt" "$D/commentary.fr.txt" \
    "$D/commentary.ru.txt"
tmx_keys l /
tmx_type Halvorsen
tmx_keys Enter
tmx_capture "$T/s"
if grep -q 'search is not available' "$T/s"; then
	t_skip "the search" "the text engine cannot search"
	t_done
	exit
fi
t_grep "single: the search has the columns' scope (4 matches)" \
    'match 1/4' "$T/s"
tmx_keys 3 n
tmx_styles "$T/s"
t_grep "single: n from RU goes to the next match" 'match 2/4' "$T/s"
t_grep "...shows the match's version" '\[selected:FR\]' "$T/s"
t_grep "...with the match on screen" '\[match:Halvorsen\]' "$T/s"
t_grep "...the status line marking the version shown" '\[FR\]' "$T/s"
tmx_keys S
tmx_capture "$T/s"
t_grep "single: S narrows the scope to the version shown" \
    'match 1/2  (FR only)' "$T/s"
tmx_keys 3 n
tmx_capture "$T/s"
t_grep "single: not found says its scope" \
    'pattern not found in RU only: Halvorsen' "$T/s"
tmx_quit
t_result $? "quit"
t_done
