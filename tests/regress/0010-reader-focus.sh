#!/bin/sh
# Issue 5: the focus. The focused sentence is highlighted and its
# counterparts in the other versions light up; ) ( move by sentence, } {
# by paragraph, ] [ by quotation (the linked quotations light up), Tab
# by version, and a click focuses the sentence under the pointer.
. "$top_srcdir/tests/regress/lib.sh"
. "$top_srcdir/tests/regress/tmux.sh"
tmx_require
D="$TESTDATA/reader"
tmx_theme

tmx_start 120 30 --theme test "$D/library.en.txt" "$D/library.fr.txt" \
    "$D/library.ru.txt"
tmx_styles "$T/s"
t_grep "the title has the focus at the start" \
    '\[focus:The Lighthouse Library of Port-Aven\]' "$T/s"
t_grep "its French counterpart lights up" \
    '\[linked:La bibliothèque du phare de Port-Aven\]' "$T/s"
tmx_keys ')' ')'
tmx_styles "$T/s"
t_ref_file "focus and counterparts on a sentence" 0010-focus "$T/s"
t_grep ") ) focuses the second sentence" '\[focus:When the light was' "$T/s"
t_grep "its French counterpart lights up" '\[linked:Lorsque le feu' "$T/s"
t_grep "its Russian counterpart lights up" '\[linked:Когда в 1994' "$T/s"
t_nogrep "nothing else is linked" '\[linked:The council' "$T/s"
tmx_keys '('
tmx_styles "$T/s"
t_grep "( goes back a sentence" '\[focus:For forty years' "$T/s"
tmx_keys '}'
tmx_styles "$T/s"
t_grep "} goes to the next paragraph" '\[focus:Today the library' "$T/s"
tmx_keys '}'
tmx_styles "$T/s"
t_grep "} again: the heading" '\[focus:The Winter Storms\]' "$T/s"
tmx_keys '{' '{'
tmx_styles "$T/s"
t_grep "{ { back to the start of the previous paragraph" \
    '\[focus:For forty years' "$T/s"
tmx_keys Tab
tmx_styles "$T/s"
t_grep "Tab focuses the French version" '\[focus:Pendant quarante ans' \
    "$T/s"
t_grep "the English sentence is now the counterpart" \
    '\[linked:For forty years' "$T/s"
t_grep "the header shows the focused version" '\[selected:FR\]' "$T/s"
tmx_keys BTab
tmx_styles "$T/s"
t_grep "S-Tab goes back to English" '\[focus:For forty years' "$T/s"

# Quotations: ] and [ (the text engine finds them; skip if it cannot).
tmx_keys ']'
tmx_capture "$T/q"
if grep -q 'no quotations' "$T/q"; then
	for i in 1 2 3 4; do
		t_skip "quotations, check $i" \
		    "the text engine finds no quotations"
	done
else
	tmx_styles "$T/s"
	t_grep "] focuses the first quotation" \
	    '\[focus:“Nobody owns these books,”\]' "$T/s"
	t_grep "the French quotation lights up" \
	    '\[linked:« Ces livres n.appartiennent à' "$T/s"
	t_grep "the Russian quotation lights up" \
	    '\[linked:«Эти книги никому не принадлежат»\]' "$T/s"
	tmx_keys ']' ']' '['
	tmx_styles "$T/s"
	t_grep "] ] [ : the second quotation" \
	    '\[focus:“They only pass through, like the\]' "$T/s"
fi

# The mouse: a click on the Russian column, the wheel.
tmx_keys g
tmx_capture "$T/s"
y=$(($(tmx_row "Сегодня в библиотеке" "$T/s") - 1))
tmx_mouse 85 "$y"
tmx_styles "$T/s"
t_grep "a click focuses the Russian sentence under it" \
    '\[focus:Сегодня в библиотеке' "$T/s"
t_grep "...and its English counterpart lights up" \
    '\[linked:Today the library' "$T/s"
r0=$(tmx_row "Sailors leave" "$T/s")
tmx_mouse 10 10 65
tmx_capture "$T/s"
t_ok "the wheel scrolls three lines" \
    test "$(tmx_row "Sailors leave" "$T/s")" -eq $((r0 - 3))
tmx_quit
t_result $? "quit"

# The mouse is on by default, off with "mouse off" in the config (the pane
# then gets no mouse reports and the terminal keeps its own selection).
tmx_start 120 30 --theme test "$D/library.en.txt"
t_ok "mouse on: the reader asks for mouse reports" \
    test "$(tmx display-message -p '#{mouse_any_flag}')" = 1
tmx_quit
t_result $? "quit"
mkdir -p "$XDG_CONFIG_HOME/polyread"
echo "mouse off" >"$XDG_CONFIG_HOME/polyread/config"
tmx_start 120 30 --theme test "$D/library.en.txt"
t_ok "mouse off: no mouse reports" \
    test "$(tmx display-message -p '#{mouse_any_flag}')" = 0
tmx_quit
t_result $? "quit"
rm -f "$XDG_CONFIG_HOME/polyread/config"
t_done
