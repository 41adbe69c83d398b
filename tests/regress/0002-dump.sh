#!/bin/sh
# polyread dump: columns, levels, widths; the article header at the top of
# each column (the title once, then byline · date · site), the bodies
# level after it, at any width.
. "$top_srcdir/tests/regress/lib.sh"

t_ok "dump of a text file" "$POLYREAD" dump "$TESTDATA/text/para.en.txt"

# The sample with a <title> that is not the h1 and a timestamp for a date.
H="$TESTDATA/reader"
HEN="$H/header.en.html"
HFR="$H/header.fr.html"
HRU="$H/header.ru.html"
# (Wide enough for the meta lines whole, the site's name too.)
t_ok "header: dump of the trio" "$POLYREAD" dump --width 160 "$HEN" "$HFR" \
    "$HRU"
cp "$T/out" "$T/hdr"
# After the language row and its rule: the titles (the h1s), two rows.
sed -n 3p "$T/hdr" >"$T/row"
t_grep "header: the three titles start on the first row" \
    '^The Northern Sea Route: a shortcut .*│ La route maritime du Nord.*│ Северный морской путь: короткая' \
    "$T/row"
sed -n 5p "$T/hdr" >"$T/row"
t_grep "header: then the meta line, level, the timestamp's date" \
    '^Elena Marchetti · 2024-07-12 .*│ Elena Marchetti · 2024-07-12 .*│ Елена Маркетти · 2024-07-12' \
    "$T/row"
sed -n 6p "$T/hdr" >"$T/row"
! grep -q '[^ │]' "$T/row"
t_result $? "header: a blank row before the body" "$T/row"
for t in "The Northern Sea Route: a shortcut" "raccourci qui divise" \
    "Северный морской путь: короткая"; do
	n=$(grep -c -F "$t" "$T/hdr")
	echo "$n lines" >"$T/n"
	test "$n" -eq 1
	t_result $? "header: '$t' once" "$T/n"
done
t_nogrep "header: the <title> that differs from the h1 is not shown" \
    'who holds the key\|qui tient la clé\|у кого ключ' "$T/hdr"
t_grep "header: the bodies start level" \
    '^When the Arctic .*│ Lorsque les groupes .*│ Когда рабочие группы' \
    "$T/hdr"
# One version: the same header, no language row.
t_ok "header: one version" "$POLYREAD" dump --no-alternates --width 80 \
    "$HEN"
sed -n 2p "$T/out" >"$T/row"
t_grep "header: one version: title, then the meta line" \
    '^Elena Marchetti · 2024-07-12 · Polar Review$' "$T/row"
t_ok "header: a text file's byline line gives the meta line" \
    "$POLYREAD" dump --width 150 "$TESTDATA/text/commentary.en.txt" \
    "$TESTDATA/text/commentary.fr.txt" "$TESTDATA/text/commentary.ru.txt"
t_grep "header: ...in each column" \
    '^Elena Marchetti · 2024-07-12 .*│ Elena Marchetti · 2024-07-12 .*│ Елена Маркетти · 2024-07-12$' \
    "$T/out"

# Narrow: columns of one to a few cells (the language row used to pad by
# a negative width there), every line within the width.
P="$TESTDATA/text/para.en.txt"
t_ok "--width 10, three text columns" "$POLYREAD" dump --width 10 "$P" "$P" \
    "$P"
for w in 10 11 12 13 14 20; do
	t_ok "--width $w: the header trio" "$POLYREAD" dump --width "$w" \
	    "$HEN" "$HFR" "$HRU"
	sed 's/[^ ]/x/g' "$T/out" | awk -v w="$w" 'length($0) > w { bad++ }
	    END { exit bad > 0 }'
	t_result $? "--width $w: no line wider than $w" "$T/out"
done
grep -q '…' "$T/out"
t_result $? "--width 20: the meta line cut with an ellipsis" "$T/out"
t_done
