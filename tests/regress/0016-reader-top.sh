#!/bin/sh
# Issue 5: on a long article the first paint does not wait for the
# alignment: the reader shows the top aligned sentence by sentence (the
# rest paired paragraph by paragraph) with the progress on the status
# line, then the whole alignment, keeping the focus. The article: the
# reader's test trio sixty times over (140 KB in Russian).
# POLYREAD_ALIGN_DELAY_MS holds the whole alignment back so that the top
# can be looked at.
. "$top_srcdir/tests/regress/lib.sh"
. "$top_srcdir/tests/regress/tmux.sh"
tmx_require
D="$TESTDATA/reader"
tmx_theme

for l in en fr ru; do
	i=0
	: >"$T/long.$l.txt"
	while [ $i -lt 60 ]; do
		cat "$D/library.$l.txt" >>"$T/long.$l.txt"
		printf '\n' >>"$T/long.$l.txt"
		i=$((i + 1))
	done
done
POLYREAD_ALIGN_DELAY_MS=4000
export POLYREAD_ALIGN_DELAY_MS
tmx_launch 120 30 --theme test "$T/long.en.txt" "$T/long.fr.txt" \
    "$T/long.ru.txt"
tmx_wait top 1
t_result $? "the top is shown before the whole is aligned"
t_ok "...and the whole is not there yet" test "$(tmx_count aligned)" -eq 0
tmx_capture "$T/s"
t_grep "the status line shows the alignment's progress" 'aligning [0-9]*%' \
    "$T/s"
tmx_keys ')' ')'
tmx_styles "$T/s"
t_grep "the top is aligned by sentence: ) ) focuses the second" \
    '\[focus:When the light was' "$T/s"
t_grep "its French counterpart lights up, a sentence" \
    '\[linked:Lorsque le feu' "$T/s"
t_grep "its Russian counterpart too" '\[linked:Когда в 1994' "$T/s"
tmx_keys G
tmx_capture "$T/s"
t_grep "the end of the article is there (paired by paragraph)" \
    'never crashed' "$T/s"
tmx_keys g
tmx_wait aligned 1
t_result $? "then the whole alignment"
[ "$(grep -n ' top$' "$TMX_TRACE" | head -n 1 | cut -d : -f 1)" -lt \
    "$(grep -n ' aligned$' "$TMX_TRACE" | head -n 1 | cut -d : -f 1)" ]
t_result $? "the top came first" "$TMX_TRACE"
tmx_capture "$T/s"
t_nogrep "no progress once aligned" 'aligning [0-9]*%' "$T/s"
tmx_keys ')' ')'
tmx_styles "$T/s"
t_grep "the whole: ) ) focuses the second sentence" \
    '\[focus:When the light was' "$T/s"
tmx_quit
t_result $? "quit"
unset POLYREAD_ALIGN_DELAY_MS

# A short article: aligned whole at once, no top.
tmx_start 120 30 --theme test "$D/library.en.txt" "$D/library.fr.txt" \
    "$D/library.ru.txt"
t_ok "a short article has no top" test "$(tmx_count top)" -eq 0
tmx_quit

# Issue 18: versions the aligner cannot align within its budget (a small
# one here; paragraphs against their reverse order, as in 0007-align.sh):
# the paragraphs are paired in order, and the status line says so.
reversed_pair "$T/rev"
POLYREAD_ALIGN_BUDGET=10000
export POLYREAD_ALIGN_BUDGET
tmx_start 120 30 --theme test "$T/rev.en.txt" "$T/rev.fr.txt"
t_ok "past the budget: the versions are shown paired" \
    test "$(tmx_count aligned)" -eq 1
tmx_capture "$T/s"
t_grep "the status line says the paragraphs are paired in order" \
    'paragraphs paired in order' "$T/s"
tmx_quit
t_result $? "quit"
unset POLYREAD_ALIGN_BUDGET

t_done
