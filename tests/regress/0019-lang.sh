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

t_ok "dump of EN, AR, ZH, DE" "$POLYREAD" dump --width 120 "$T/t.en.txt" \
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
t_ref "dump: EN, AR, ZH" 0019-lang-dump.ref "$POLYREAD" dump --width 120 \
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
    "\[focus:\.$(printf '\331\202\331\210\331\202\330\255\331\204\330\247\331\210')" \
    "$T/s"
# A click on an Arabic line finds its sentence (the second of article 1).
tmx_mouse 70 8
tmx_styles "$T/s"
t_grep "reader: a click on Arabic text" \
    "\[focus:\.$(printf '\330\241\330\247\330\256\330\245\331\204\330\247')" \
    "$T/s"
tmx_quit

t_done
