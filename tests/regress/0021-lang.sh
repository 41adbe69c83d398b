#!/bin/sh
# Issue 16: any language. The language of a version comes from --lang, the
# page, the file name (any BCP 47 tag) or its script; labels show it; the
# aligner treats languages it knows nothing of as it does EN/FR/RU.
. "$top_srcdir/tests/regress/lib.sh"

L="$TESTDATA/lang"
# The names of the issue's report: the files declare no language.
cp "$L/udhr.zh.txt" "$T/t.zh.txt"
cp "$L/udhr.ar.txt" "$T/t.ar.txt"
cp "$L/udhr.de.txt" "$T/y.de.txt"
cp "$L/udhr.en.txt" "$T/t.en.txt"

t_ok "dump of EN, AR, ZH, DE" "$POLYREAD" dump --width 150 "$T/t.en.txt" \
    "$T/t.ar.txt" "$T/t.zh.txt" "$T/y.de.txt"
t_grep "labels name the languages" "^EN  *│ AR  *│ ZH  *│ DE$" "$T/out"
t_nogrep "no ?? or V2 labels" "??\|V[0-9]" "$T/out"

"$POLYREAD" align --format=json "$T/t.en.txt" "$T/t.ar.txt" \
    "$T/t.zh.txt" "$T/y.de.txt" >"$T/json" 2>"$T/err"
t_result $? "align --format=json"
t_grep "JSON: ar" '"source": "[^"]*t.ar.txt", "lang": "ar"' "$T/json"
t_grep "JSON: zh" '"source": "[^"]*t.zh.txt", "lang": "zh"' "$T/json"
t_grep "JSON: de" '"source": "[^"]*y.de.txt", "lang": "de"' "$T/json"
t_nogrep "JSON: no null language" '"lang": null' "$T/json"
# The four versions align sentence for sentence: none is doubtful (under
# 0.5, the reader's ? in the margin).
t_grep "nine beads" '"beads": \[' "$T/json"
grep -o '"confidence": [0-9.]*' "$T/json" | cut -d' ' -f2 >"$T/conf"
t_result "$(test "$(wc -l <"$T/conf")" -eq 9; echo $?)" "nine 1-1 beads" \
    "$T/json"
awk '$1 < 0.5 { print "doubtful: " $1 }' "$T/conf" >"$T/doubt"
t_result "$(test -s "$T/doubt"; [ $? -ne 0 ]; echo $?)" \
    "no bead doubtful" "$T/doubt"

# Without a language in the name, the script tells (Arabic, Han).
cp "$L/udhr.ar.txt" "$T/noname-a.txt"
cp "$L/udhr.zh.txt" "$T/noname-z.txt"
t_ok "AR and ZH from their script" "$POLYREAD" dump --width 80 \
    "$T/noname-a.txt" "$T/noname-z.txt"
t_grep "script: AR, ZH" "^AR  *│ ZH$" "$T/out"
# German says nothing of itself: neither EN nor FR is guessed.
cp "$L/udhr.de.txt" "$T/noname-d.txt"
t_ok "German unnamed" "$POLYREAD" dump --width 80 "$T/t.en.txt" \
    "$T/noname-d.txt"
t_grep "German: no guess" "^EN  *│ ??$" "$T/out"
# --lang wins over the name; a tag in the name may carry a region.
cp "$L/udhr.de.txt" "$T/u.de-AT.txt"
t_ok "a region in the name" "$POLYREAD" dump --width 80 "$T/t.en.txt" \
    "$T/u.de-AT.txt"
t_grep "de-AT is DE" "^EN  *│ DE$" "$T/out"
t_ok "--lang over the name" "$POLYREAD" dump --width 80 --lang en,fr \
    "$T/t.en.txt" "$T/y.de.txt"
t_grep "--lang: FR" "^EN  *│ FR$" "$T/out"
# A folder of NAME.TAG.EXT files with tags longer than a language.
mkdir -p "$T/folder"
cp "$L/udhr.en.txt" "$T/folder/u.en.txt"
cp "$L/udhr.de.txt" "$T/folder/u.de-AT.txt"
cp "$L/udhr.zh.txt" "$T/folder/u.zh-Hans.txt"
t_ok "a folder of EN, de-AT, zh-Hans" "$POLYREAD" dump --width 150 \
    "$T/folder"
t_grep "folder: EN DE ZH" "^EN  *│ DE  *│ ZH$" "$T/out"
# --lang takes any tag, normalised; anything else is refused clearly.
t_ok "--lang pt-BR,ar" "$POLYREAD" dump --width 80 --lang pt-BR,ar \
    "$T/t.en.txt" "$T/t.ar.txt"
t_grep "--lang pt-BR is PT" "^PT  *│ AR$" "$T/out"
t_fails "--lang zz refused" "$POLYREAD" dump --lang en,zz "$T/t.en.txt" \
    "$T/t.ar.txt"
t_grep "--lang zz: named" "bad language 'zz' in --lang" "$T/err"
t_fails "--lang with an empty one" "$POLYREAD" dump --lang ,ar \
    "$T/t.en.txt" "$T/t.ar.txt"
t_fails "--lang with an escape" "$POLYREAD" sentences \
    --lang "$(printf 'e\033[2Jn')" "$T/t.en.txt"
t_nogrep "--lang escape: shown, not sent" "$(printf '\033')" "$T/err"
t_grep "--lang escape: visible" "bad language 'e^\[\[2Jn'" "$T/err"
# A name that is no tag says nothing ("v2", a word, controls).
cp "$L/udhr.de.txt" "$T/y.v2.txt"
cp "$L/udhr.de.txt" "$T/y.final.txt"
t_ok "names that are no tag" "$POLYREAD" dump --width 80 "$T/y.v2.txt" \
    "$T/y.final.txt"
t_grep "no tag: ??" "^??  *│ ??$" "$T/out"

# Right to left: Arabic in visual order (terminals show what they get
# left to right), right-aligned; Chinese beside it, as English.
AR_LOGICAL="$(printf '\330\247\331\204\331\205\330\247\330\257\330\251 1')"
AR_VISUAL="$(printf '1 \330\251\330\257\330\247\331\205\331\204\330\247')"
t_ref "dump: EN, AR, ZH" 0021-lang-dump.ref "$POLYREAD" dump --width 120 \
    "$T/t.en.txt" "$T/t.ar.txt" "$T/t.zh.txt"
"$POLYREAD" dump --width 120 "$T/t.en.txt" "$T/t.ar.txt" "$T/t.zh.txt" \
    >"$T/rtl" 2>&1
t_grep "dump: 'Article 1' in visual order, right-aligned" \
    "^Article 1  *│  *$AR_VISUAL │ 第一条$" "$T/rtl"
t_nogrep "dump: not in logical order" "$AR_LOGICAL" "$T/rtl"
# Every Arabic line ends at the column's edge, one space before the rule.
awk -F '│' 'NR > 2 && $2 ~ /[^ ]/ { if ($2 ~ /[^ ] $/) ok++; else bad++ }
    END { exit !(ok > 20 && bad == 0) }' "$T/rtl"
t_result $? "dump: every Arabic line right-aligned"
# A bidi control in the text orders nothing and shows escaped (the full
# stop on the left, as at the end of any Arabic sentence).
printf '%s \342\200\256abc.\n\nTwo.\n' "$AR_LOGICAL" >"$T/ctl.ar.txt"
t_ok "dump: a control in Arabic text" "$POLYREAD" dump --width 40 \
    "$T/ctl.ar.txt"
t_grep "dump: the override escaped, abc in order" \
    "^ *\.abc<U+202E> $AR_VISUAL$" "$T/out"
t_nogrep "dump: no raw override" "$(printf '\342\200\256')" "$T/out"

# Too narrow for columns (under 24 cells a version): the versions stacked,
# and the header says so; no word cut (issue 16: "at 40 columns three
# 10-column columns with mid-word breaks").
t_ok "dump --width 40, three versions" "$POLYREAD" dump --width 40 \
    "$T/t.en.txt" "$T/t.ar.txt" "$T/t.zh.txt"
cp "$T/out" "$T/narrow"
t_grep "narrow: the header says so" \
    "^EN | AR | ZH   too narrow for columns$" "$T/narrow"
t_nogrep "narrow: no column rule" "│" "$T/narrow"
t_grep "narrow: English whole, labelled" \
    "^EN  All human beings are born free and$" "$T/narrow"
t_grep "narrow: Arabic right-aligned under it" "^AR  *$AR_VISUAL$" \
    "$T/narrow"
t_grep "narrow: Chinese labelled" "^ZH  第一条$" "$T/narrow"
test "$(wc -L <"$T/narrow")" -le 40
t_result $? "narrow: no line wider than 40"
t_ok "dump --width 100, three versions: columns" "$POLYREAD" dump \
    --width 100 "$T/t.en.txt" "$T/t.ar.txt" "$T/t.zh.txt"
t_grep "100 cells: columns" "^EN  *│ AR  *│ ZH$" "$T/out"

# Into a pipe, the reader's dump takes the width of the terminal that
# stderr is on (issue 16, bug 4: 180 columns in a 120-column pane), then
# COLUMNS, then 80. Two columns take all but a cell lost to rounding.
fills() {
	test "$(wc -L <"$2")" -le "$1" && test "$(wc -L <"$2")" -ge "$(($1 - 1))"
	echo $?
}
"$POLYREAD" "$T/t.en.txt" "$T/t.ar.txt" </dev/null >"$T/p80" 2>"$T/err"
t_result $? "pipe: no terminal"
t_result "$(fills 80 "$T/p80")" \
    "pipe: 80 columns without a terminal or COLUMNS" "$T/p80"
COLUMNS=100 "$POLYREAD" "$T/t.en.txt" "$T/t.ar.txt" </dev/null \
    >"$T/p100" 2>"$T/err"
t_result "$(fills 100 "$T/p100")" \
    "pipe: COLUMNS=100" "$T/p100"
COLUMNS=abc "$POLYREAD" "$T/t.en.txt" "$T/t.ar.txt" </dev/null \
    >"$T/pbad" 2>"$T/err"
t_cmp "pipe: a bad COLUMNS is ignored" "$T/p80" "$T/pbad"
COLUMNS=100 "$POLYREAD" --width 60 "$T/t.en.txt" "$T/t.ar.txt" \
    </dev/null >"$T/p60" 2>"$T/err"
t_result "$(fills 60 "$T/p60")" \
    "pipe: --width over COLUMNS" "$T/p60"
# Three versions in 80: side by side; in 60: stacked.
"$POLYREAD" "$T/t.en.txt" "$T/t.ar.txt" "$T/t.zh.txt" </dev/null \
    >"$T/p3" 2>"$T/err"
t_grep "pipe: three versions in 80 side by side" "^EN  *│ AR  *│ ZH$" \
    "$T/p3"
COLUMNS=60 "$POLYREAD" "$T/t.en.txt" "$T/t.ar.txt" "$T/t.zh.txt" \
    </dev/null >"$T/p3" 2>"$T/err"
t_grep "pipe: three versions in 60 are stacked" \
    "too narrow for columns$" "$T/p3"

# The reader: an Arabic and a Chinese version beside English.
. "$top_srcdir/tests/regress/tmux.sh"
tmx_require
tmx_theme
tmx_start 120 24 --theme test "$T/t.en.txt" "$T/t.ar.txt" "$T/t.zh.txt"
tmx_capture "$T/s"
t_grep "reader: the labels" "^  EN  *AR  *ZH$" "$T/s"
t_grep "reader: 'Article 1' in visual order, right-aligned" \
    "^  Article 1  *│  *$AR_VISUAL │ 第一条$" "$T/s"
t_nogrep "reader: not in logical order" "$AR_LOGICAL" "$T/s"
awk -F '│' 'NR > 1 && NR < 24 && $2 ~ /[^ ]/ {
    if ($2 ~ /[^ ] $/) ok++; else bad++ } END { exit !(ok > 10 && bad == 0) }
' "$T/s"
t_result $? "reader: every Arabic line right-aligned"
# The focus on the Arabic counterpart: its own words, in visual order.
tmx_keys ')' ')' Tab
tmx_styles "$T/s"
t_grep "reader: the focus on the Arabic sentence" \
    "\[focus:$(printf '\331\212\331\201 \331\206\331\212\331\210')" "$T/s"
t_grep "reader: its end on the next line" \
    "\[focus:\.$(printf '\331\202\331\210\331\202\330\255\331\204')" \
    "$T/s"
# A click on an Arabic line finds its sentence (the second of article 1).
tmx_mouse 70 8
tmx_styles "$T/s"
t_grep "reader: a click on Arabic text" \
    "\[focus:\.$(printf '\330\241\330\247\330\256\330\245\331\204\330\247')" \
    "$T/s"
# Away from the header, the status line names the Arabic article, in
# visual order too.
tmx_keys '}' '}' '}' '}'
tmx_capture "$T/s"
t_grep "reader: the Arabic title in the status line" \
    "^ $(printf '\331\206\330\247\330\263\331\206\330\245\331\204\330\247') " \
    "$T/s"
tmx_quit

# The reader too narrow for columns: interlinear, and it says so; wide
# again, columns.
tmx_start 40 20 "$T/t.en.txt" "$T/t.ar.txt" "$T/t.zh.txt"
tmx_capture "$T/s"
t_grep "reader 40: stacked, the header says why" \
    "^  EN | AR | ZH   too narrow for columns$" "$T/s"
t_grep "reader 40: the status line names the layout" "interlinear" "$T/s"
t_nogrep "reader 40: no column rule" "│" "$T/s"
t_grep "reader 40: English whole" \
    "^  EN  All human beings are born free and$" "$T/s"
t_grep "reader 40: Arabic right-aligned" "^  AR  *$AR_VISUAL$" "$T/s"
tmx_resize 120 20
tmx_capture "$T/s"
t_grep "reader 120: columns again" "^  EN  *AR  *ZH$" "$T/s"
t_grep "reader 120: says so" "layout: columns" "$T/s"
tmx_resize 60 20
tmx_capture "$T/s"
t_grep "reader 60 (20 a version): stacked" "too narrow for columns$" \
    "$T/s"
tmx_quit

# Bug 4 with a terminal: stderr on a 100-column pane, stdout to a file.
TMX_N=$((TMX_N + 1))
tmx kill-server >/dev/null 2>&1
TMX_SOCK="pr$$-$TMX_N"
cat >"$T/pipe.sh" <<EOF2
env COLUMNS= '$POLYREAD' '$T/t.en.txt' '$T/t.ar.txt' </dev/null >'$T/pterm'
echo \$? >'$T/pterm.rc'
exec sleep 600
EOF2
tmx new-session -d -x 100 -y 10 "sh '$T/pipe.sh'"
i=0
while [ $i -lt 200 ] && ! [ -s "$T/pterm.rc" ]; do
	sleep 0.05
	i=$((i + 1))
done
tmx kill-server >/dev/null 2>&1
t_grep "pipe, stderr on a terminal: done" "^0$" "$T/pterm.rc"
t_result "$(fills 100 "$T/pterm")" \
    "pipe, stderr on a 100-column terminal: 100 columns" "$T/pterm"

t_done
