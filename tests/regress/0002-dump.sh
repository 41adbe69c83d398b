#!/bin/sh
# polyread dump: columns, levels, widths; the article header at the top of
# each column (the title once, then byline · date · site), the bodies
# level after it, at any width.
. "$top_srcdir/tests/regress/lib.sh"

t_ok "dump of a text file" "$POLYREAD" dump "$TESTDATA/text/para.en.txt"
printf '%s\n' "First paragraph of a test. It goes on." "" \
    "Second paragraph." >"$T/want"
t_cmp "a text file: its paragraphs, lines joined" "$T/want" "$T/out"

# t_width DESCRIPTION WIDTH FILE: no line of FILE is wider than WIDTH
# display cells (wc -L counts cells in the UTF-8 locale), and the column
# rules stand in the same cells on every line that has them.
t_width() {
	n=$(wc -L <"$3")
	echo "widest line: $n cells" >"$T/width"
	test "$n" -le "$2"
	t_result $? "$1: no line wider than $2 cells" "$T/width"
	grep '│' "$3" | while IFS= read -r line; do
		c1=$(printf '%s\n' "${line%%│*}" | wc -L)
		rest=${line#*│}
		c2=$(printf '%s\n' "${rest%%│*}" | wc -L)
		echo "$c1 $c2"
	done | sort -u >"$T/cols"
	test "$(grep -c . "$T/cols")" -eq 1
	t_result $? "$1: the column rules level on every line" "$T/cols"
}

# The bundled sample trio at two widths: the titles on the first row, the
# sentences that translate each other starting on the same line, the
# French and Russian text there to the end, every line within the width.
S="$top_srcdir/data/sample"
for w in 100 150; do
	t_ok "sample at $w: dump" "$POLYREAD" dump --width "$w" \
	    "$S/commentary.en.html" "$S/commentary.fr.html" \
	    "$S/commentary.ru.html"
	cp "$T/out" "$T/sample"
	t_grep "sample at $w: the language row" '^EN  *│ FR  *│ RU$' \
	    "$T/sample"
	sed -n 3p "$T/sample" >"$T/row"
	t_grep "sample at $w: the three titles on the first row" \
	    '^The Northern Sea Route.*│ La route maritime du Nord.*│ Северный морской путь' \
	    "$T/row"
	t_grep "sample at $w: a sentence level in the three versions" \
	    '^Norway’s Minister of .*│ La ministre norvégienne .*│ Министр рыболовства' \
	    "$T/sample"
	t_grep "sample at $w: a paragraph after a quotation, level" \
	    '^In Moscow the tone was .*│ À Moscou, le ton était .*│ В Москве тон был иным\.' \
	    "$T/sample"
	t_grep "sample at $w: a sentence inside a quotation, level" \
	    '^Nobody forces them; .*│ Personne ne les y .*│ Никто их не' \
	    "$T/sample"
	t_grep "sample at $w: a heading, level" \
	    '^A question of rules  *│ Une question de règles  *│ Вопрос правил$' \
	    "$T/sample"
	t_grep "sample at $w: the last sentence, level" \
	    '^We need to agree on .*│ Nous devons nous .*│ Нам нужно' \
	    "$T/sample"
	for word in mâché péage 'Et maintenant' délivrés téléphone \
	    высказалась «Росатома» 'Что дальше' трубку; do
		t_grep "sample at $w: '$word' is there" "$word" "$T/sample"
	done
	t_width "sample at $w" "$w" "$T/sample"
done

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
# Issue 18: every narrow width with one to six versions, codes longer
# than a column ("TLH", a tag cut to 16 bytes): no width arithmetic wraps
# (strbuf_grow's overflow test wrapped too), every line within the width.
printf 'Hello there. Bye.\n' >"$T/w.tlh.txt"
printf 'Hello there. Bye.\n' >"$T/w.zh-Hant-TW-x-private.txt"
for n in 1 2 3 6; do
	set --
	i=0
	while [ $i -lt $n ]; do
		set -- "$@" "$T/w.tlh.txt"
		[ $i -eq 1 ] && set -- "$@" "$T/w.zh-Hant-TW-x-private.txt"
		i=$((i + 1))
	done
	[ $n -eq 6 ] && shift
	bad=
	for w in 10 11 12 13 14 15 16 20 24 27 28 29 30 31 32 33 48 72 73 74; do
		"$POLYREAD" dump --width $w "$@" >"$T/out" 2>"$T/err" ||
		    bad="$bad $w(exit $?)"
		[ "$(wc -L <"$T/out")" -le $w ] || bad="$bad $w(too wide)"
	done
	echo "widths failing:$bad" >"$T/err"
	test -z "$bad"
	t_result $? "--width 10 to 74, $n versions: no crash, within the width" \
	    "$T/err"
done
for w in 10 11 12 13 14 20; do
	t_ok "--width $w: the header trio" "$POLYREAD" dump --width "$w" \
	    "$HEN" "$HFR" "$HRU"
	test "$(wc -L <"$T/out")" -le "$w"
	t_result $? "--width $w: no line wider than $w cells" "$T/out"
done
grep -q '…' "$T/out"
t_result $? "--width 20: the meta line cut with an ellipsis" "$T/out"
# Issue 18 (fuzz-dump): an escape wider than what an indented line has
# left ("<U+200F>", 8 cells, in an item of a 10-cell column) is cut to the
# column rather than pushing the line past the width.
printf -- '- \342\200\217\342\200\217 word\n\n  - nested \342\200\217 item\n' \
    >"$T/rlm.en.md"
for w in 10 11 12 13 16; do
	"$POLYREAD" dump --width "$w" "$T/rlm.en.md" "$T/rlm.en.md" \
	    "$T/rlm.en.md" >"$T/out" 2>&1
	test "$(wc -L <"$T/out")" -le "$w"
	t_result $? "--width $w: items with bidi escapes within $w cells" \
	    "$T/out"
done
grep -q '<U+200F>' "$T/out"
t_result $? "--width 16: the whole escape shown where it fits" "$T/out"
# Issue 18: outside a UTF-8 locale the dump is ASCII: no raw UTF-8, whose
# continuation bytes a terminal reading 8-bit controls takes for C1 (0x9B
# is CSI); each character it cannot show is a '?' per column, the rules
# are | - +, and the lines are as many as in UTF-8.
printf 'Caf\303\251 \302\233[2J \346\274\242\345\255\227 ok.\n' >"$T/c1.txt"
for f in "$TESTDATA/text/commentary.ru.txt" "$T/c1.txt"; do
	t_ok "C locale: dump $(basename "$f")" env LC_ALL=C "$POLYREAD" dump \
	    --width 100 "$TESTDATA/text/commentary.en.txt" "$f"
	LC_ALL=C grep -q "$(printf '[\200-\377]')" "$T/out"
	t_result $((! $?)) "C locale: no byte over 0x7f ($(basename "$f"))" \
	    "$T/out"
	n=$(grep -c '' "$T/out")
	"$POLYREAD" dump --width 100 "$TESTDATA/text/commentary.en.txt" "$f" \
	    >"$T/utf8"
	[ "$n" -eq "$(grep -c '' "$T/utf8")" ]
	t_result $? "C locale: as many lines as in UTF-8 ($n)" "$T/out"
done
t_grep "C locale: a '?' per column, the rest kept" \
    "| Caf? .*\[2J ???? ok\." "$T/out"
# fuzz-dump: a cluster of several code points (an emoji sequence joined
# by U+200D) is a '?' per column the cluster takes, as the layout measured
# it, not per code point: no line grows past the width.
z='\360\237\221\251\342\200\215\360\237\222\273'
printf "The code $z$z$z$z is ready. It works.\n" >"$T/z.en.txt"
printf "Le code $z$z$z$z est pr\303\252t. Il marche.\n" >"$T/z.fr.txt"
printf "\320\232\320\276\320\264 $z$z$z$z \320\263\320\276\321\202\320\276\320\262.\n" \
    >"$T/z.ru.txt"
t_ok "C locale: joined emoji" env LC_ALL=C "$POLYREAD" dump --width 30 \
    "$T/z.en.txt" "$T/z.fr.txt" "$T/z.ru.txt"
awk 'length($0) > 30 { bad = 1 } END { exit bad }' "$T/out"
t_result $? "C locale: joined emoji, no line wider than 30" "$T/out"
t_grep "C locale: two '?' a joined emoji" "The code ???????? is" "$T/out"

t_done
