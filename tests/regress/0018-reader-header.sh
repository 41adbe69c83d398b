#!/bin/sh
# The article header: above the body of each column the title (once: the
# headline block, not again in the header row or the status line), then
# one meta line, byline · date · site, on one row in every column, the
# bodies level after it. The header lines are for display only: the focus
# skips them. A <title> that is not the headline is not shown; a
# timestamp is shown by its date; narrow columns cut the meta line with
# "…".
. "$top_srcdir/tests/regress/lib.sh"
. "$top_srcdir/tests/regress/tmux.sh"
tmx_require
tmx_theme
S="$top_srcdir/data/sample"
H="$TESTDATA/reader"

# t_once DESCRIPTION STRING FILE: STRING is in FILE exactly once.
t_once() {
	n=$(grep -o -F "$2" "$3" | wc -l)
	echo "$n times" >"$T/once"
	[ "$n" -eq 1 ]
	t_result $? "$1" "$T/once"
}

# t_same_row DESCRIPTION FILE STRING...: the strings are on one row.
t_same_row() {
	d=$1
	f=$2
	shift 2
	rows=""
	for s in "$@"; do
		rows="$rows $(tmx_row "$s" "$f")"
	done
	echo "rows:$rows" >"$T/rows"
	# shellcheck disable=SC2086
	set -- $rows
	[ "$1" -gt 0 ] && [ "$1" = "$2" ] && [ "$2" = "$3" ]
	t_result $? "$d" "$T/rows"
}

TEN="The Northern Sea Route: a"
TFR="La route maritime du Nord"
TRU="Северный морской путь: короткая"

tmx_start 160 30 --theme test "$S/commentary.en.html" \
    "$S/commentary.fr.html" "$S/commentary.ru.html"
tmx_capture "$T/s"
t_once "sample: the English title once on the first screen" "$TEN" "$T/s"
t_once "sample: the French title once" "$TFR" "$T/s"
t_once "sample: the Russian title once" "$TRU" "$T/s"
t_grep "sample: the header row names the languages only" \
    '^ *EN  *FR  *RU$' "$T/s"
t_same_row "sample: the titles start on the first text row" "$T/s" \
    "$TEN" "$TFR" "$TRU"
t_ok "...which is row 2" test "$(tmx_row "$TEN" "$T/s")" -eq 2
t_same_row "sample: the meta lines, level" "$T/s" \
    "│ Elena Marchetti · 2024-07-12" "  Elena Marchetti · 2024-07-12" \
    "Елена Маркетти · 2024-07-12"
t_ok "...right under the titles" test \
    "$(tmx_row "Elena Marchetti · 2024-07-12" "$T/s")" -eq 4
t_same_row "sample: the bodies start level" "$T/s" "When the Arctic" \
    "Lorsque les groupes" "Когда рабочие группы"
tmx_styles "$T/s"
t_grep "sample: the headline is a block, focused at the start" \
    '\[focus:The Northern Sea Route: a' "$T/s"
t_grep "sample: its French counterpart lights up" \
    '\[linked:La route maritime du Nord' "$T/s"
tmx_keys ')'
tmx_styles "$T/s"
t_nogrep "sample: ) does not stop on the meta line" \
    '\[focus:Elena Marchetti ·' "$T/s"
t_nogrep "...nor on the title's rows" '\[focus:The Northern' "$T/s"
tmx_keys g j j j
tmx_capture "$T/s"
t_grep "sample: scrolled, the status line names the article" \
    '^ The Northern Sea Route: a shortcut that divides the Arctic  ' "$T/s"
tmx_keys g l
tmx_capture "$T/s"
t_grep "single layout: the status line says so" 'single  *[0-9]*%' "$T/s"
t_once "single: the title once" "$TEN" "$T/s"
t_once "single: the meta line once" "Elena Marchetti · 2024-07-12" "$T/s"
tmx_keys l g
tmx_capture "$T/s"
t_once "interlinear: the English title once" "$TEN" "$T/s"
t_once "interlinear: the Russian meta line once" \
    "Елена Маркетти · 2024-07-12" "$T/s"
tmx_quit
t_result $? "quit"

# A <title> that is not the h1, a timestamp for the date.
tmx_start 160 30 --theme test "$H/header.en.html" "$H/header.fr.html" \
    "$H/header.ru.html"
tmx_capture "$T/s"
t_once "differing <title>: the headline once" "$TEN" "$T/s"
t_nogrep "...and the <title> nowhere" \
    'who holds the key\|qui tient la clé\|у кого ключ' "$T/s"
t_same_row "timestamp: its date in each meta line" "$T/s" \
    "│ Elena Marchetti · 2024-07-12" "  Elena Marchetti · 2024-07-12" \
    "Елена Маркетти · 2024-07-12"
t_nogrep "...not the time" '09:30' "$T/s"
tmx_resize 40 12
tmx_capture "$T/s"
sed 's/[^ ]/x/g' "$T/s" | awk 'length($0) > 40 { bad++ }
    END { exit bad > 0 }'
t_result $? "40 columns: every line fits" "$T/s"
# Three versions in 40 columns are stacked (issue 16): the meta line is
# cut all the same.
t_grep "40 columns: the meta line cut with …" \
    '^ *Elena Marchetti · 2024-07-12 · Po…$' "$T/s"
tmx_resize 24 8
tmx_capture "$T/s"
sed 's/[^ ]/x/g' "$T/s" | awk 'length($0) > 24 { bad++ }
    END { exit bad > 0 }'
t_result $? "24 columns: every line fits" "$T/s"
tmx_quit
t_result $? "quit"

# A page that holds no article the extractor recognises: its text all the
# same, and the status line says so (issue 14).
# (A copy in the test's folder: a long source path, as in make distcheck's
# build, would cut the status line before the name.)
cp "$TESTDATA/html/boilerplate.en.html" "$T/boilerplate.en.html"
tmx_start 120 20 --theme test "$T/boilerplate.en.html"
tmx_capture "$T/s"
t_grep "no article: the page's text is shown" \
    "We use cookies to improve your experience" "$T/s"
t_grep "no article: the status line says so" \
    "no article found in '.*boilerplate.en.html'" "$T/s"
tmx_quit
t_result $? "quit"
t_done
