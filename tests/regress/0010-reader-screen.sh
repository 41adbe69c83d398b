#!/bin/sh
# Issue 5: the screen. Resizing reflows at once and keeps the focused
# sentence on screen; T switches themes (256 colours here), NO_COLOR
# leaves attributes only; nothing from a document reaches the terminal as
# a control sequence; the help, the headings and the links lists.
. "$top_srcdir/tests/regress/lib.sh"
. "$top_srcdir/tests/regress/tmux.sh"
tmx_require
D="$TESTDATA/reader"
tmx_theme
L="$D/library.en.txt $D/library.fr.txt $D/library.ru.txt"

# Resize.
# shellcheck disable=SC2086
tmx_start 120 30 --theme test $L
tmx_keys '}' '}' '}' '}' ')' ')'
tmx_styles "$T/s"
t_grep "the focus is on a sentence of the second section" \
    '\[focus:Only nine volumes' "$T/s"
tmx_resize 80 24
tmx_styles "$T/s"
t_grep "narrower: the focused sentence stays on screen" \
    '\[focus:Only nine volumes' "$T/s"
tmx_capture "$T/s"
sed 's/[^ ]/x/g' "$T/s" | awk 'length($0) > 80 { bad++ }
    END { exit bad > 0 }'
t_result $? "narrower: every line fits in 80 columns"
t_grep "narrower: three columns still" '│.*│' "$T/s"
tmx_resize 200 50
tmx_styles "$T/s"
t_grep "wider: the focused sentence stays on screen" \
    '\[focus:Only nine volumes' "$T/s"
tmx_capture "$T/s"
t_ref_file "wider: the reflowed screen" 0010-resize-wide "$T/s"
tmx_resize 15 3
tmx_capture "$T/s"
t_grep "too small: says so" 'too small' "$T/s"
tmx_resize 100 30
tmx_styles "$T/s"
t_grep "back from too small: the focus is still there" \
    '\[focus:Only nine volumes' "$T/s"
tmx_quit
t_result $? "quit"

# Themes: T cycles dark, mono, high-contrast, then the user's (light is
# left out on a terminal not known to be light: 0020-reader-edges.sh).
# shellcheck disable=SC2086
tmx_start 100 24 --theme test $L
tmx capture-pane -p -e >"$T/e"
t_grep "--theme test: the user theme's text colour" '38;5;21m' "$T/e"
tmx_keys T
tmx capture-pane -p -e >"$T/e"
t_grep "T: theme dark" 'theme: dark' "$T/e"
t_grep "dark: its text colour" '38;5;252m' "$T/e"
t_nogrep "dark: not the test theme's" '38;5;21m' "$T/e"
tmx_keys T
tmx capture-pane -p -e >"$T/e"
t_grep "T: theme mono" 'theme: mono' "$T/e"
t_nogrep "mono: no colours" '[34]8;5;' "$T/e"
t_grep "mono: the focus is reverse video" '\[7m' "$T/e"
tmx_keys T
tmx capture-pane -p -e >"$T/e"
t_grep "T: high-contrast, white on black" '38;5;231m.*48;5;16m' "$T/e"
tmx_keys T
tmx capture-pane -p -e >"$T/e"
t_grep "T: back to the user's theme" '38;5;21m' "$T/e"
tmx_quit
t_result $? "quit"

# True colour, on a terminal whose description has it.
if tmx_direct_terminfo; then
	TMX_TERM=polyread-direct
	# shellcheck disable=SC2086
	tmx_start 100 24 --theme dark $L
	tmx capture-pane -p -e >"$T/e"
	t_grep "true colour: the text as RGB (252 = #d0d0d0)" \
	    '38;2;208;208;208m' "$T/e"
	t_grep "true colour: the focus background #005f87" '48;2;0;95;135m' \
	    "$T/e"
	tmx_quit
	t_result $? "quit"
	unset TMX_TERM TERMINFO
else
	for i in 1 2 3; do
		t_skip "true colour, check $i" \
		    "no tic to describe a true-colour terminal"
	done
fi

NO_COLOR=1
export NO_COLOR
# shellcheck disable=SC2086
tmx_start 100 24 --theme dark $L
tmx capture-pane -p -e >"$T/e"
t_nogrep "NO_COLOR: no colour at all" '\[[34][0-7]m\|[34]8;5;\|[34]8;2;' "$T/e"
t_grep "NO_COLOR: the focus still shows (reverse)" '\[7m' "$T/e"
tmx_quit
t_result $? "quit"
unset NO_COLOR

# Hostile text: bidirectional controls are escaped, widths hold.
TMX_RAW="$T/raw"
tmx_start 100 20 --theme test "$D/hostile.en.txt"
unset TMX_RAW
tmx_capture "$T/s"
t_grep "U+202E is shown as an escape" 'override <U+202E>here<U+202C>' "$T/s"
t_grep "U+2066 and U+2069 too" 'isolate <U+2066>in<U+2069>' "$T/s"
t_grep "wide characters and an emoji keep their cells" \
    'Wide: 中文 and an emoji 😀 stay' "$T/s"
tmx_quit
t_result $? "quit"
printf '\342\200\256' >"$T/bidi"
t_nogrep "no raw U+202E reaches the terminal" "$(cat "$T/bidi")" "$T/raw"
printf '\342\201\246' >"$T/bidi"
t_nogrep "no raw U+2066 reaches the terminal" "$(cat "$T/bidi")" "$T/raw"

# Help, headings, links.
# shellcheck disable=SC2086
tmx_start 120 30 --theme test $L
tmx_keys h
tmx_capture "$T/s"
t_grep "h: the help lists the keys" 'polyread keys' "$T/s"
t_grep "help: a key and what it does" ')  *focus the next sentence' "$T/s"
tmx_keys G
tmx_capture "$T/s"
t_grep "help: G shows its end" '/polyread/themes\.$' "$T/s"
tmx_keys q
tmx_capture "$T/s"
t_nogrep "q closes the help" 'polyread keys' "$T/s"
tmx_keys t
tmx_capture "$T/s"
t_grep "t: the headings" 'Contents' "$T/s"
t_grep "t: lists the second heading" 'The Winter Storms' "$T/s"
tmx_keys j j Enter
tmx_styles "$T/s"
t_grep "Enter jumps to the heading, at the top" \
    '^  \[focus:A Catalogue by Hand\]' "$T/s"
tmx_keys o
tmx_capture "$T/s"
t_grep "o: no links here" 'no links in this version' "$T/s"
tmx_quit
t_result $? "quit"

tmx_start 100 24 --theme test "$D/links.en.html"
tmx_keys o
tmx_capture "$T/s"
t_grep "o: the links list" 'harbour report  <https://example.org/harbour>' \
    "$T/s"
tmx_keys Enter
tmx_capture "$T/s"
t_grep "without BROWSER the address is shown" \
    'link: https://example.org/harbour (set BROWSER' "$T/s"
tmx_quit
t_result $? "quit"

cat >"$T/browser" <<EOB
#!/bin/sh
printf '%s\n' "\$#" "\$@" >"$T/opened"
EOB
chmod +x "$T/browser"
BROWSER="$T/browser --new-tab"
export BROWSER
cd "$T" || exit 1
tmx_start 100 24 --theme test "$D/links.en.html"
cd - >/dev/null || exit 1
tmx_keys o j Enter
printf '%s\n' 2 --new-tab 'https://example.org/a;touch%20pwned$(touch%20pwned)' \
    >"$T/expected"
t_cmp "Enter opens \$BROWSER with the address as one argument" \
    "$T/expected" "$T/opened"
t_ok "no shell ran the address" test ! -e "$T/pwned"
t_ok "...anywhere" test ! -e pwned
tmx_keys o
tmx_capture "$T/s"
t_nogrep "a javascript: link is not listed" 'javascript:' "$T/s"
tmx_keys q
tmx_quit
t_result $? "quit"
unset BROWSER
t_done
