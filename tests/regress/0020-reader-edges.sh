#!/bin/sh
# Issue 16: the reader's rough edges. The selection stands out from the
# focus; T cycles the themes that suit the terminal's background (its
# reply to OSC 11, else $COLORFGBG, else dark); the help wraps and
# scrolls, and a list entry that is cut ends in "…"; L in a layout without
# columns says so; polyread spell without text on a terminal says so
# instead of waiting. With a TERM that does not describe the terminal
# (xterm-256color inside tmux) Home and End still work, in each of their
# forms, and unknown sequences are dropped, not typed.
. "$top_srcdir/tests/regress/lib.sh"
. "$top_srcdir/tests/regress/tmux.sh"
tmx_require
D="$TESTDATA/reader"
L="$D/library.en.txt $D/library.fr.txt $D/library.ru.txt"

# The theme T gives after each of n presses (the status line's message).
themes_after() {
	n=$1
	: >"$T/cycle"
	while [ "$n" -gt 0 ]; do
		tmx_keys T
		tmx_capture "$T/s"
		sed -n 's/.*theme: \([a-z-]*\).*/\1/p' "$T/s" >>"$T/cycle"
		n=$((n - 1))
	done
	tr '\n' ' ' <"$T/cycle"
}

# The selection shows in the dark theme: its own background (#875faf is
# 97 in 256 colours), not the focus's (#005f87, 24).
# shellcheck disable=SC2086
tmx_start 100 24 --theme dark $L
tmx_keys ')' v w w
tmx capture-pane -p -e >"$T/e"
t_grep "dark: the selection has its own background" \
    '48;5;97mFor forty years, Marie Kerlan' "$T/e"
tmx_keys Escape
tmx capture-pane -p -e >"$T/e"
t_grep "dark: the focus keeps its own" '48;5;24mFor forty years' "$T/e"
tmx_quit
t_result $? "quit"

# A dark terminal (tmux answers OSC 11 with its window's background).
TMX_CONF="set -g window-style bg=black"
# shellcheck disable=SC2086
tmx_start 100 24 $L
t_ok "dark terminal: T never offers light" \
    test "$(themes_after 4)" = "mono high-contrast dark mono "
tmx_quit
t_result $? "quit"

# A light one: light is the default, dark is left out. tmux answers OSC
# 11 from its window style since 3.3 (this was written against 3.3a).
osc11=$(tmux -V | awk '{ split($2, v, "."); print (v[1] > 3 ||
    (v[1] == 3 && v[2] + 0 >= 3)) }')
if [ "$osc11" = 1 ]; then
	TMX_CONF="set -g window-style bg=white"
	# shellcheck disable=SC2086
	tmx_start 100 24 $L
	tmx capture-pane -p -e >"$T/e"
	t_grep "light terminal: the light theme's text colour" '38;5;235m' \
	    "$T/e"
	t_ok "light terminal: T never offers dark" \
	    test "$(themes_after 3)" = "mono high-contrast light "
	tmx_quit
	t_result $? "quit"
else
	for d in "light terminal: the light theme's text colour" \
	    "light terminal: T never offers dark" "quit"; do
		t_skip "$d" "tmux $(tmux -V) does not answer OSC 11"
	done
fi

# No reply: \$COLORFGBG ("0;15": black on white) says light.
unset TMX_CONF
COLORFGBG="0;15"
export COLORFGBG
# shellcheck disable=SC2086
tmx_start 100 24 $L
t_ok "COLORFGBG light: T cycles the light themes" \
    test "$(themes_after 3)" = "mono high-contrast light "
tmx_quit
t_result $? "quit"
unset COLORFGBG
# A theme chosen on purpose stays in the cycle.
# shellcheck disable=SC2086
tmx_start 100 24 --theme light $L
t_ok "unknown (dark): --theme light is kept, dark offered" \
    test "$(themes_after 3)" = "mono high-contrast dark "
tmx_quit
t_result $? "quit"

# The help wraps to the list's width: nothing is cut, the end is reached.
# shellcheck disable=SC2086
tmx_start 80 24 $L
tmx_keys h G
tmx_capture "$T/s"
t_grep "help: a long line wraps, its end shown" \
    'C-t switches the language\.$' "$T/s"
t_grep "help: the last line is reached" \
    'themes in \$XDG_CONFIG_HOME/polyread/themes\.$' "$T/s"
# Narrower: a key's text wraps beside its keys, under itself.
tmx_resize 60 24
tmx_keys g
tmx_capture "$T/s"
awk '/ go to the next doubtful( |$)/ { c = index($0, "go to"); getline;
    ok = index($0, "alignment") == c; exit } END { exit !ok }' "$T/s"
t_result $? "help: a key's text wraps under itself, beside its keys" "$T/s"
# Too narrow for two columns: the text goes under the keys.
tmx_resize 34 20
tmx_capture "$T/s"
t_grep "help, narrow: the text under its keys, indented" \
    '^ *  scroll up a line$' "$T/s"
tmx_keys q

# A contents entry too wide for the list ends in "…".
tmx_keys t
tmx_capture "$T/s"
t_grep "contents: a cut heading ends in …" 'The Lighthouse Library of P…' \
    "$T/s"
t_grep "contents: one that fits is whole" '  The Winter Storms\( \|$\)' "$T/s"
tmx_keys q
tmx_quit
t_result $? "quit"

# L outside the columns layout says why it does nothing.
# shellcheck disable=SC2086
tmx_start 80 24 --layout single $L
tmx_keys L
tmx_capture "$T/s"
t_grep "L in single: no columns to unlink" \
    'single layout: no columns to unlink' "$T/s"
tmx_quit
t_result $? "quit"

# Send raw bytes $1 that the reader reads as $2 keys, and wait for them.
send_raw() {
	tmx send-keys -l "$(printf '%b' "$1")"
	TMX_KEYS=$((TMX_KEYS + $2))
	tmx_wait key "$TMX_KEYS"
}

TMX_TERM=xterm-256color
# shellcheck disable=SC2086
tmx_start 100 24 --data-dir "$T/keys" $L
tmx_keys a
tmx_type "abc"
tmx_keys Home
tmx_type "X"
tmx_keys End
tmx_type "Y"
tmx_capture "$T/s"
t_grep "TERM=xterm-256color in tmux: Home and End move in a note" \
    '^ *XabcY' "$T/s"
t_nogrep "...and type nothing" '1~\|4~' "$T/s"
# Every common form of Home and End, whatever TERM says.
for f in '[1~ [4~' '[7~ [8~' '[H [F' 'OH OF' '[1;5H [1;5F'; do
	# shellcheck disable=SC2086
	set -- $f
	send_raw "\033$1" 1
	tmx_type "<"
	send_raw "\033$2" 1
	tmx_type ">"
done
tmx_capture "$T/s"
t_grep "Home and End: CSI 1~ 4~ 7~ 8~ H F, SS3 H F, with modifiers" \
    '^ *<<<<<XabcY>>>>>' "$T/s"
# Unknown sequences, and late replies to the start-up queries, vanish.
# shellcheck disable=SC1003
send_raw '\033[99~\033[?1;2c\033]11;rgb:0000/0000/0000\033\\' 0
tmx_type "Z"
tmx_capture "$T/s"
t_grep "unknown sequences and replies are dropped whole" \
    '^ *<<<<<XabcY>>>>>Z$' "$T/s"
# Narrow, the editor's lines that do not fit end in "…".
tmx_resize 50 24
tmx_capture "$T/s"
t_grep "note editor, narrow: the keys line ends in …" \
    'C-s save  Esc cancel.*…$' "$T/s"
tmx_resize 100 24
# Esc on its own still cancels.
tmx_keys Escape
tmx_capture "$T/s"
t_grep "Esc alone still reaches the editor" 'discard' "$T/s"
tmx_keys y
tmx_quit
t_result $? "quit"
unset TMX_TERM

# polyread spell, no text, on a terminal: a message, not a silent wait.
tmx_launch 80 24 spell
tmx_wait_exit
t_ok "spell on a terminal without text: exits 2 at once" \
    test "$(cat "$T/exit.$TMX_N" 2>/dev/null)" = 2
t_grep "...saying what to give" \
    '^polyread: spell: no text to check (give TEXT, or - to read' \
    "$T/stderr.$TMX_N"
t_ok "spell still reads a pipe" sh -c \
    "printf 'teh\\n' | '$POLYREAD' spell --lang en | grep -q '^teh'"
t_done
