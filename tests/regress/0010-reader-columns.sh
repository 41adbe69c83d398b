#!/bin/sh
# Issue 5: the reader's columns. Every bead starts on the same row in all
# columns however the lines wrap, the columns scroll together, and L
# unlinks the focused column (it scrolls alone) and relinks the others on
# it.
. "$top_srcdir/tests/regress/lib.sh"
. "$top_srcdir/tests/regress/tmux.sh"
tmx_require
D="$TESTDATA/reader"
tmx_theme

# t_level DESCRIPTION CAPTURE EN FR RU: the three start on one row.
t_level() {
	a=$(tmx_row "$3" "$2")
	b=$(tmx_row "$4" "$2")
	c=$(tmx_row "$5" "$2")
	echo "rows: $a $b $c" >"$T/level"
	[ "$a" -gt 0 ] && [ "$a" = "$b" ] && [ "$b" = "$c" ]
	t_result $? "$1" "$T/level"
}

tmx_start 120 30 --theme test "$D/library.en.txt" "$D/library.fr.txt" \
    "$D/library.ru.txt"
tmx_capture "$T/s"
t_ref_file "the first screen" 0010-columns-top "$T/s"
t_grep "a language header over each column" '^  EN  .*FR  .*RU$' "$T/s"
t_grep "the status line names the languages and the layout" \
    '\[EN\] FR  RU   columns' "$T/s"
t_level "a wrapped sentence's next one starts level" "$T/s" \
    "When the light was" "Lorsque le feu" "Когда в 1994"
t_level "after a longer French sentence, still level" "$T/s" \
    "“Nobody owns" "« Ces livres" "«Эти книги"
t_level "headings start level" "$T/s" "The Winter Storms" \
    "Les tempêtes d'hiver" "Зимние штормы"

r0=$(tmx_row "Sailors leave" "$T/s")
tmx_keys j j j
tmx_capture "$T/s"
r1=$(tmx_row "Sailors leave" "$T/s")
t_ok "j j j scrolls three lines" test "$r1" -eq $((r0 - 3))
t_level "the columns scroll together" "$T/s" "Sailors leave" \
    "Les marins déposent" "Моряки оставляют"
tmx_keys k
tmx_capture "$T/s"
t_ok "k scrolls back a line" test "$(tmx_row "Sailors leave" "$T/s")" \
    -eq $((r0 - 2))

tmx_keys g Space
tmx_capture "$T/s"
t_ref_file "a page down" 0010-columns-page "$T/s"
t_level "level after a page down" "$T/s" "Volunteers carried" \
    "Les bénévoles ont" "Волонтёры отнесли"
tmx_keys b
tmx_capture "$T/s"
t_ref_file "b goes back to the top" 0010-columns-top "$T/s"
tmx_keys G
tmx_capture "$T/s"
t_grep "G shows the end" 'ledger has never crashed' "$T/s"
t_grep "at the end the position is 100%" '100%' "$T/s"
tmx_keys Home
tmx_capture "$T/s"
t_ref_file "Home goes back to the top" 0010-columns-top "$T/s"

# Unlinked: the focused column scrolls alone.
tmx_keys L
tmx_capture "$T/s"
t_grep "L unlinks the columns" 'columns unlinked' "$T/s"
t_grep "the status line says unlinked" 'columns unlinked  *[0-9]*%' "$T/s"
tmx_keys j j
tmx_capture "$T/s"
t_ok "unlinked: the English column scrolls alone" \
    test "$(tmx_row "Sailors leave" "$T/s")" -eq $((r0 - 2))
t_ok "unlinked: the French column stays" \
    test "$(tmx_row "Les marins déposent" "$T/s")" -eq "$r0"
t_ok "unlinked: the Russian column stays" \
    test "$(tmx_row "Моряки оставляют" "$T/s")" -eq "$r0"
tmx_keys Tab j
tmx_capture "$T/s"
t_ok "unlinked: Tab then j scrolls the French column alone" \
    test "$(tmx_row "Les marins déposent" "$T/s")" -eq $((r0 - 1))
t_ok "unlinked: ...and not the English one" \
    test "$(tmx_row "Sailors leave" "$T/s")" -eq $((r0 - 2))
tmx_keys L
tmx_capture "$T/s"
t_grep "L relinks" 'columns linked' "$T/s"
t_level "relinked on the focused (French) column" "$T/s" "Sailors leave" \
    "Les marins déposent" "Моряки оставляют"
t_ok "relinked where the French column was" \
    test "$(tmx_row "Les marins déposent" "$T/s")" -eq $((r0 - 1))

tmx_quit
t_result $? "q quits with status 0"
t_ok "nothing on stderr" test ! -s "$T/stderr.$TMX_N"
t_done
