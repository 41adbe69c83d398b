#!/bin/sh
# Issue 5: the config file and the reader's options. Bad config lines are
# reported with their file and line (in the status line, and on stderr
# after quitting) and the reader still starts with the good ones; keys can
# be rebound; a bad --layout is a usage error; without a terminal the
# reader prints the dump.
. "$top_srcdir/tests/regress/lib.sh"
. "$top_srcdir/tests/regress/tmux.sh"
D="$TESTDATA/reader"
C="$XDG_CONFIG_HOME/polyread/config"

t_fails "--layout must be known" "$POLYREAD" --layout sideways \
    "$D/library.en.txt"
t_fails "--theme must be a plain name" "$POLYREAD" --theme ../x \
    "$D/library.en.txt"
"$POLYREAD" "$D/library.en.txt" "$D/library.fr.txt" </dev/null >"$T/out" \
    2>"$T/err"
t_result $? "without a terminal the reader prints the dump"
t_grep "...the versions side by side" '^EN  *│ FR' "$T/out"
t_ok "...with nothing on stderr" test ! -s "$T/err"

tmx_require
tmx_theme
mkdir -p "$XDG_CONFIG_HOME/polyread"
cat >"$C" <<'EOF2'
# A config with good and bad lines.
theme = test
colour red
layout single
width abc
bind J next-sentence   # J moves by sentence
bind Z no-such-action
mouse maybe
EOF2
tmx_start 140 24 "$D/library.en.txt" "$D/library.fr.txt"
tmx_capture "$T/s"
t_grep "the first bad line is shown with its file and line" \
    "polyread/config:3: unknown setting 'colour'" "$T/s"
t_grep "the good lines apply: layout single" 'single  *[0-9]*%' "$T/s"
tmx capture-pane -p -e >"$T/e"
t_grep "...and theme test" '38;5;21m' "$T/e"
tmx_keys J J
tmx_styles "$T/s"
t_grep "bind J next-sentence works" '\[focus:When the light' "$T/s"
tmx_keys j
tmx_capture "$T/s"
t_nogrep "the message goes at the next key" 'unknown setting' "$T/s"
tmx_quit
t_result $? "the reader ran and quit with status 0"
S="$T/stderr.$TMX_N"
t_grep "after quitting, stderr lists line 3" \
    "^polyread: .*/polyread/config:3: unknown setting 'colour'" "$S"
t_grep "...line 5" "config:5: bad width 'abc'" "$S"
t_grep "...line 7" "config:7: unknown action 'no-such-action'" "$S"
t_grep "...line 8" "config:8: bad value 'maybe' for mouse" "$S"
t_ok "...and nothing else" test "$(wc -l <"$S")" -eq 4

cat >"$C" <<'EOF2'
width 40
bind j none
bind Down none
EOF2
tmx_start 100 24 --layout single --theme nosuch "$D/library.en.txt"
tmx_capture "$T/s"
t_grep "an unknown --theme is reported" "no theme 'nosuch'" "$T/s"
sed 's/[^ ]/x/g' "$T/s" | awk 'NR > 1 && NR < 24 && length($0) > 72 {
    bad++ } END { exit bad > 0 }'
t_result $? "width 40: single lines are 40 columns at most"
tmx_keys j
tmx_capture "$T/s"
t_grep "bind j none unbinds j" 'key j does nothing' "$T/s"
tmx_quit
t_result $? "quit"
t_grep "after quitting, stderr repeats the unknown theme" \
    "^polyread: no theme 'nosuch'" "$T/stderr.$TMX_N"
rm -f "$C"

# A terminal that cannot move its cursor: the text is printed instead.
TMX_TERM=dumb
tmx_run 100 24 "$D/library.en.txt"
t_result $? "a dumb terminal: the reader prints the text and exits 0"
t_grep "...saying why" 'cannot move its cursor: printing the text' \
    "$T/stderr.$TMX_N"
unset TMX_TERM
t_done
