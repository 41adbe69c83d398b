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

# The jump list: G, a search, the contents are jumps; C-o (or '') goes
# back where each left, C-r forward again.
tmx_start 100 24 --theme test "$D/commentary.en.txt" "$D/commentary.fr.txt" \
    "$D/commentary.ru.txt"
tmx_keys C-o
tmx_capture "$T/s"
t_grep "C-o with no jump says so" 'no earlier place' "$T/s"
tmx_keys G
tmx_keys C-o
tmx_styles "$T/s"
t_grep "G then C-o: back at the first sentence (the title)" \
    '\[focus:The Northern Sea Route: a' "$T/s"
t_grep "...and says where in the list" 'jump 1/2' "$T/s"
tmx_keys C-r
tmx_styles "$T/s"
t_grep "C-r: forward to the last sentence again" \
    '\[focus:We need to agree on who picks' "$T/s"
tmx_keys g /
tmx_type autumn
tmx_keys Enter
tmx_capture "$T/s"
r=$(tmx_row 'autumn' "$T/s")
t_ok "a search's match is centred, not on the last rows (row $r of 24)" \
    test "$r" -ge 7 -a "$r" -le 16
tmx_keys "'" "'"
tmx_styles "$T/s"
t_grep "'' goes back from the search" '\[focus:The Northern Sea Route: a' \
    "$T/s"
tmx_keys t G Enter
tmx_styles "$T/s"
t_grep "the contents: Enter goes to the heading" '\[focus:What comes next' \
    "$T/s"
tmx_keys C-o
tmx_styles "$T/s"
t_grep "...and C-o comes back" '\[focus:The Northern Sea Route: a' "$T/s"

# Percentages: NN% and NNp go that far through the focused version,
# whatever the digits are bound to (3 shows Russian, taken back).
tmx_keys 5 0 %
tmx_styles "$T/s"
t_grep "50%: half way through the text" '50%' "$T/s"
t_grep "...focuses the sentence there (byte 1020 of 2040)" \
    '\[focus:Russia treats the Vilkitsky' "$T/s"
tmx_keys 1 0 0 p
tmx_styles "$T/s"
t_grep "100p: the last sentence" '\[focus:We need to agree on who picks' \
    "$T/s"
tmx_keys 3 0 %
tmx_capture "$T/s"
t_grep "30%: the focus stays in English (3 is taken back)" '\[EN\]' "$T/s"
tmx_keys C-o
tmx_styles "$T/s"
t_grep "C-o after 30%: back at the end" '\[focus:We need to agree on who' \
    "$T/s"
tmx_keys %
tmx_capture "$T/s"
t_grep "% alone asks for a count" 'type a percentage first' "$T/s"

# Whole words (\< \>) and regular expressions (\v), with the plain
# search's folding of case and accents.
tmx_keys g /
tmx_type ice
tmx_keys Enter
tmx_capture "$T/s"
t_grep "ice: price, ice, icebreakers, ice" 'match 1/4' "$T/s"
tmx_keys g /
tmx_type '\<ice\>'
tmx_keys Enter
tmx_styles "$T/s"
t_grep "\\<ice\\>: the word alone" 'match 1/2' "$T/s"
t_grep "...less about ice" 'less about \]\[match:ice\]' "$T/s"
tmx_keys g /
tmx_type '\v(volkov|halvorsen)'
tmx_keys Enter
tmx_capture "$T/s"
t_grep "\\v: a regular expression, case-insensitive, EN and FR" \
    'match 1/8' "$T/s"
tmx_keys g /
tmx_type '\v\<лед\>'
tmx_keys Enter
tmx_styles "$T/s"
t_grep "Russian: лед finds the word лёд (not следующий)" 'match 1/1' "$T/s"
t_grep "...highlighted" '\[match:лёд\]' "$T/s"
tmx_keys /
tmx_type '\v[ab'
tmx_keys Enter
tmx_capture "$T/s"
t_grep "a bad regular expression says why, on the status line" \
    'bad regular expression: missing close bracket' "$T/s"
tmx_keys /
tmx_type '\v(a+)+$'
tmx_keys Enter
tmx_capture "$T/s"
t_grep "a runaway regular expression ends" 'pattern not found\|too long' \
    "$T/s"
tmx_quit
t_result $? "quit"

# Copying: y sends the focused sentence to the terminal's clipboard as
# ESC ] 52 ; c ; BASE64 ESC \ (the terminal's terminfo has Ms), Y the
# sentence with its translations, one a line.
title='The Northern Sea Route: a shortcut that divides the Arctic'
# The last OSC 52 payload of the raw output, decoded.
osc52_last() {
	tr '\033' '\n' <"$T/raw" | sed -n 's/^]52;c;\([A-Za-z0-9+/=]*\)$/\1/p' |
	    tail -n 1 | base64 -d
}
TMX_RAW="$T/raw"
tmx_start 100 24 --theme test "$D/commentary.en.txt" "$D/commentary.fr.txt" \
    "$D/commentary.ru.txt"
unset TMX_RAW
tmx_keys y
tmx_capture "$T/s"
t_grep "y: said on the status line" \
    'copied 58 characters to the clipboard (OSC 52)' "$T/s"
seq=$(printf '\033]52;c;%s\033\\' "$(printf %s "$title" | base64 | tr -d '\n')")
t_ok "y: the OSC 52 bytes, base64 of the sentence" grep -qF "$seq" "$T/raw"
tmx_keys Y
osc52_last >"$T/clip"
printf '%s\n' "$title" >"$T/want"
t_ok "Y: the English sentence first" sh -c "head -n 1 '$T/clip' | cmp -s - '$T/want'"
t_grep "...its French translation" '^La route maritime du Nord' "$T/clip"
t_grep "...its Russian translation" '^Северный морской путь' "$T/clip"
t_ok "...one a line" test "$(wc -l <"$T/clip")" -eq 2
tmx_keys v b b y
osc52_last >"$T/clip"
t_ok "v b b y: the selection (the sentence less two words)" \
    test "$(cat "$T/clip")" = 'The Northern Sea Route: a shortcut that divides'
tmx_capture "$T/s"
t_nogrep "...which y ends, as vim's" 'VISUAL' "$T/s"
tmx_quit
t_result $? "quit"

# A terminal without Ms (screen), or "clipboard file": the copy file,
# named on the status line.
if infocmp screen 2>/dev/null | grep -q 'Ms='; then
	t_skip "no Ms: the copy file" "this screen entry has Ms"
elif infocmp screen >/dev/null 2>&1; then
	TMX_TERM=screen
	tmx_start 100 24 --theme test "$D/commentary.en.txt" \
	    "$D/commentary.fr.txt"
	unset TMX_TERM
	tmx_keys y
	tmx_capture "$T/s"
	t_grep "no Ms: the copy file, named" \
	    "copied to $XDG_RUNTIME_DIR/polyread-copy.txt" "$T/s"
	t_ok "...holding the sentence" \
	    test "$(cat "$XDG_RUNTIME_DIR/polyread-copy.txt")" = "$title"
	tmx_quit
	t_result $? "quit"
else
	t_skip "no Ms: the copy file" "no terminfo entry for screen"
fi
mkdir -p "$XDG_CONFIG_HOME/polyread"
echo "clipboard file" >"$XDG_CONFIG_HOME/polyread/config"
TMX_RAW="$T/raw"
tmx_start 100 24 --theme test "$D/commentary.en.txt" "$D/commentary.fr.txt"
unset TMX_RAW
tmx_keys ')' ')' ')' y
tmx_capture "$T/s"
t_grep "clipboard file: the file, whatever the terminal" \
    'copied to .*polyread-copy.txt (clipboard file)' "$T/s"
t_grep "...holding the focused sentence" '^Yet the Northern Sea Route was' \
    "$XDG_RUNTIME_DIR/polyread-copy.txt"
t_nogrep "...and no OSC 52" ']52;' "$T/raw"
tmx_quit
t_result $? "quit"
rm -f "$XDG_CONFIG_HOME/polyread/config"
t_done
