#!/bin/sh
# Issue 5: search. / and ? search forward and backward, ignoring case and
# accents per language, in every version at once (S: the focused one);
# matches are highlighted, n and N step through them in reading order and
# the status line counts them.
. "$top_srcdir/tests/regress/lib.sh"
. "$top_srcdir/tests/regress/tmux.sh"
tmx_require
D="$TESTDATA/reader"
tmx_theme

tmx_start 120 30 --theme test "$D/library.en.txt" "$D/library.fr.txt" \
    "$D/library.ru.txt"
tmx_keys /
tmx_type benevole
tmx_capture "$T/s"
t_grep "/ opens the prompt" '^/benevole' "$T/s"
tmx_keys Enter
tmx_capture "$T/s"
if grep -q 'search is not available' "$T/s"; then
	# (Too late for skip_all: a check has run.)
	t_skip "the search" "the text engine cannot search"
	t_done
	exit
fi
tmx_styles "$T/s"
t_ref_file "a search for benevole" 0010-search "$T/s"
t_grep "the accent-free pattern finds bénévole" '\[match:bénévole\]' "$T/s"
t_grep "the counter" 'match 1/2' "$T/s"
t_grep "the focus goes to the sentence of the match" \
    '\[focus:personne », explique le \]\[match:bénévole\]' "$T/s"
tmx_keys n
tmx_capture "$T/s"
t_grep "n: the next match" 'match 2/2' "$T/s"
tmx_styles "$T/s"
t_grep "...in the plural bénévoles" '\[match:bénévole\]\[focus:s ont' "$T/s"
tmx_keys n
tmx_capture "$T/s"
t_grep "n past the last one wraps to the first" 'match 1/2' "$T/s"
t_grep "...and says so" 'continued at the top' "$T/s"
tmx_keys N
tmx_capture "$T/s"
t_grep "N goes back (wrapping)" 'match 2/2' "$T/s"

tmx_keys G g /
tmx_type волонтер
tmx_keys Enter
tmx_styles "$T/s"
t_grep "Russian: волонтер finds волонтёр" '\[match:волонтёр\]' "$T/s"
tmx_keys n
tmx_styles "$T/s"
t_grep "Russian: ...and the capitalised plural" '\[match:Волонтёр\]\[focus:ы' \
    "$T/s"
tmx_keys G g /
tmx_type 'le bihan'
tmx_keys Enter
tmx_styles "$T/s"
t_grep "case-insensitive, in every version at once" 'match 1/4' "$T/s"
tmx_styles "$T/s"
t_ok "English and French matches" \
    test "$(grep -c 'Jonas \]\[match:Le Bihan\]' "$T/s")" -eq 2
tmx_keys S
tmx_capture "$T/s"
t_grep "S: search the focused version only" 'focused version' "$T/s"
t_grep "the counter counts English only" 'match 1/2  (EN only)' "$T/s"
tmx_keys n
tmx_capture "$T/s"
t_grep "n in the focused version" 'match 2/2  (EN only)' "$T/s"
tmx_keys S G '?'
tmx_type books
tmx_keys Enter
tmx_capture "$T/s"
t_grep "? searches backward from the end" 'match 3/3' "$T/s"
tmx_keys n
tmx_capture "$T/s"
t_grep "n after ? goes on backward" 'match 2/3' "$T/s"
tmx_keys /
tmx_type zzyzx
tmx_keys Enter
tmx_capture "$T/s"
t_grep "a missing pattern is reported" 'pattern not found: zzyzx' "$T/s"
tmx_keys / x Escape
tmx_capture "$T/s"
t_nogrep "Esc leaves the prompt" '^/x' "$T/s"
tmx_quit
t_result $? "quit"
t_done
