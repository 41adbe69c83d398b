#!/bin/sh
# Issue 5: the reader's layouts. l cycles columns, single and interlinear;
# single shows one version at a readable width, centred, and 1-6 switch
# it keeping the reading position; interlinear stacks each bead's
# versions. With no file the bundled sample opens.
. "$top_srcdir/tests/regress/lib.sh"
. "$top_srcdir/tests/regress/tmux.sh"
tmx_require
D="$TESTDATA/reader"
tmx_theme

# The screen row of the focused sentence in a styled capture.
focus_row() {
	awk '/\[focus:/ { print NR; exit }' "$1"
}

tmx_start 100 24 --theme test --layout single "$D/library.en.txt" \
    "$D/library.fr.txt" "$D/library.ru.txt"
tmx_capture "$T/s"
t_ref_file "single: the first screen" 0010-single-top "$T/s"
t_grep "single: the switcher names the versions" 'EN | FR | RU' "$T/s"
sed 's/[^ ]/x/g' "$T/s" | awk 'NR > 1 && NR < 24 && length($0) > 0 {
	match($0, /^ */)
	if (RLENGTH != 11 || length($0) > 91) bad++
} END { exit bad > 0 }'
t_result $? "single: 80 columns wide at most, centred"
tmx_keys ')' ')' ')' ')' ')'
tmx_styles "$T/s"
t_grep "single: ) moves the focus by sentences" '\[focus:Sailors leave' "$T/s"
r=$(focus_row "$T/s")
tmx_keys 2
tmx_styles "$T/s"
t_grep "single: 2 shows French" '\[selected:FR\]' "$T/s"
t_grep "single: on the counterpart sentence" '\[focus:Les marins' "$T/s"
t_ok "single: the sentence stays on its row" test "$(focus_row "$T/s")" = "$r"
tmx_keys 3
tmx_styles "$T/s"
t_grep "single: 3 shows Russian" '\[focus:Моряки оставляют' "$T/s"
t_ok "single: still on the same row" test "$(focus_row "$T/s")" = "$r"
tmx_keys 5
tmx_capture "$T/s"
t_grep "single: there is no version 5" 'no version 5' "$T/s"
tmx_keys 1 l
tmx_capture "$T/s"
t_ref_file "interlinear: stacked versions" 0010-interlinear "$T/s"
tmx_styles "$T/s"
t_grep "interlinear: the focus" '\[focus:Sailors leave' "$T/s"
t_grep "interlinear: its French counterpart lights up" \
    '^ *FR  \[linked:Les marins' "$T/s"
t_grep "interlinear: its Russian counterpart lights up" \
    '^ *RU  \[linked:Моряки' "$T/s"
tmx_keys l
tmx_capture "$T/s"
t_grep "l cycles back to columns" 'columns  *[0-9]*%' "$T/s"
t_grep "columns: three columns again" '│.*│' "$T/s"
tmx_quit
t_result $? "quit"

tmx_start 100 24 --theme test --layout interlinear "$D/library.en.txt" \
    "$D/library.fr.txt"
tmx_capture "$T/s"
t_grep "--layout interlinear with two versions" '^ *FR  Pendant' "$T/s"
tmx_quit
t_result $? "quit"

tmx_start 60 20 --theme test "$D/library.fr.txt"
tmx_capture "$T/s"
t_grep "one version alone" '^  Pendant quarante ans' "$T/s"
tmx_quit
t_result $? "quit"

tmx_start 120 30 --theme test
tmx_capture "$T/s"
t_grep "no file: the bundled sample opens" 'Northern Sea Route' "$T/s"
t_grep "the sample has its three versions" '^  EN  .*FR  .*RU$' "$T/s"
tmx_quit
t_result $? "quit"
t_done
