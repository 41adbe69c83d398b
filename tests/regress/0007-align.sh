#!/bin/sh
# polyread align, quotes and dump on aligned versions: the sample trio
# (HTML, EN/FR/RU) and presegmented text.
. "$top_srcdir/tests/regress/lib.sh"

S="$top_srcdir/data/sample"
EN="$S/commentary.en.html"
FR="$S/commentary.fr.html"
RU="$S/commentary.ru.html"
P="$TESTDATA/align"

# One TSV line with the three versions of a sentence: t_row DESC EN FR RU
t_row() {
	awk -F '\t' -v e="$2" -v f="$3" -v r="$4" '
		NF == 3 && index($1, e) && index($2, f) && index($3, r) { ok = 1 }
		END { exit !ok }' "$T/out"
	t_result $? "$1" "$T/out"
}

t_ok "align the sample trio" "$POLYREAD" align "$EN" "$FR" "$RU"
t_row "headlines side by side" "The Northern Sea Route: a shortcut" \
	"La route maritime du Nord" "Северный морской путь: короткая"
t_row "a sentence with its two translations" \
	"Ingrid Halvorsen, was blunt." "n’a pas mâché ses mots." \
	"высказалась прямо."
t_row "numbers written the local way" "1,402 transits" "402 transits" \
	"402 транзитных"
awk -F '\t' 'NF != 3 { bad = 1 } END { exit bad }' "$T/out"
t_result $? "every bead has one field per version" "$T/out"
grep -c . "$T/out" >"$T/n"
[ "$(cat "$T/n")" -ge 18 ] && [ "$(cat "$T/n")" -le 26 ]
t_result $? "about one bead per sentence ($(cat "$T/n"))"

t_ok "quotes of the sample trio" "$POLYREAD" quotes "$EN" "$FR" "$RU"
t_row "a quotation linked across “ ”, « » and «»" \
	"The Arctic cannot become a toll road" \
	"L’Arctique ne peut pas devenir" "Арктика не может стать"
t_row "a nested quotation linked too" "freedom of navigation" \
	"liberté de navigation" "свободе судоходства"
awk -F '\t' '$1 == "" && $2 == "" && $3 == "Росатома" { ok = 1 }
	END { exit !ok }' "$T/out"
t_result $? "a name only Russian quotes stands alone" "$T/out"

t_ok "align --format=tmx" "$POLYREAD" align --format=tmx "$EN" "$FR" "$RU"
t_grep "TMX 1.4" '<tmx version="1.4"' "$T/out"
t_grep "a tuv per language" '<tuv xml:lang="ru">' "$T/out"
if have xmllint; then
	xmllint --noout "$T/out" 2>"$T/err"
	t_result $? "the TMX is well-formed XML" "$T/err"
else
	t_skip "the TMX is well-formed XML" "xmllint is not installed"
fi
t_ok "align --format=json" "$POLYREAD" align --format=json "$EN" "$FR" "$RU"
if have python3; then
	python3 -c '
import json, sys
j = json.load(open(sys.argv[1]))
assert len(j["versions"]) == 3
b = j["beads"][0]
assert 0 <= b["confidence"] <= 1
assert all("start" in s and "end" in s for v in b["versions"] for s in v)
' "$T/out" 2>"$T/err"
	t_result $? "the JSON parses, with ranges and confidence" "$T/err"
else
	t_skip "the JSON parses, with ranges and confidence" \
	    "python3 is not installed"
fi
t_ok "quotes --format=json" "$POLYREAD" quotes --format=json "$EN" "$FR" "$RU"
t_grep "quotes JSON has text" '"text": "The Arctic cannot' "$T/out"

t_ok "pivot on Russian" "$POLYREAD" align --pivot ru "$EN" "$FR" "$RU"
t_row "same pairs with another pivot" "Ingrid Halvorsen, was blunt." \
	"n’a pas mâché ses mots." "высказалась прямо."
t_fails "a pivot no version has" "$POLYREAD" align --pivot de "$EN" "$FR"
t_fails "an unknown format" "$POLYREAD" align --format=csv "$EN" "$FR"
t_fails "tmx is not a quotes format" "$POLYREAD" quotes --format=tmx "$EN"
t_fails "no files" "$POLYREAD" align

# Presegmented: the French drops a sentence.
t_ok "presegmented text" "$POLYREAD" align --presegmented \
	"$P/preseg.en.txt" "$P/preseg.fr.txt" "$P/preseg.ru.txt"
awk -F '\t' 'index($1, "was blunt") && $2 == "" &&
	index($3, "высказалась прямо") { ok = 1 } END { exit !ok }' "$T/out"
t_result $? "a sentence one version drops gets an empty field" "$T/out"
[ "$(grep -c . "$T/out")" -eq 8 ]
t_result $? "presegmented: one bead per sentence line"

# A full stop lost in two versions (newstest2013, the Guardian): the
# sentence they merged is cut where the French has its boundary.
t_ok "a full stop lost" "$POLYREAD" align "$P/stop.en.html" \
	"$P/stop.fr.html" "$P/stop.ru.html"
awk -F '\t' 'index($1, "\"It used to take") == 1 &&
	index($2, "\"Avant, il me fallait") == 1 &&
	index($3, "\"Раньше у меня") == 1 { ok = 1 }
	END { exit !ok }' "$T/out"
t_result $? "the merged sentence is cut at the weak boundary" "$T/out"
awk -F '\t' '$1 ~ /stack his shelves$/ && $3 ~ /по полкам$/ { ok = 1 }
	END { exit !ok }' "$T/out"
t_result $? "its first part pairs with the first sentence" "$T/out"

# The full stop lost in all three versions (NTREX-128, the Guardian): the
# bead is refined at the weak boundary every version has at the same place;
# polyread sentences still prints the sentence whole.
t_ok "a full stop lost everywhere" "$POLYREAD" align "$P/merged.en.html" \
	"$P/merged.fr.html" "$P/merged.ru.html"
awk -F '\t' '$1 ~ /speak their minds$/ && $2 ~ /leurs idées$/ &&
	$3 ~ /свое мнение$/ { a = 1 }
	index($1, "When Momentum") == 1 && index($2, "Lorsque des") == 1 &&
	index($3, "Когда активисты") == 1 { b = 1 }
	END { exit !(a && b) }' "$T/out"
t_result $? "the bead is split where all three lost it" "$T/out"
t_ok "a full stop lost, JSON" "$POLYREAD" align --format=json \
	"$P/merged.en.html" "$P/merged.fr.html" "$P/merged.ru.html"
[ "$(grep -c '"confidence": 0\.[0-4]' "$T/out")" -eq 2 ]
t_result $? "the two beads cut there are marked doubtful" "$T/out"
t_ok "sentences unchanged" "$POLYREAD" sentences "$P/merged.ru.html"
t_grep "the sentence stays whole" "свое мнение Когда активисты" "$T/out"

# The French leaves out a sentence (NTREX-128, The Scotsman): costed on
# every pair, the one it kept goes with its translation, not the next.
t_ok "a sentence left out" "$POLYREAD" align "$P/shift.en.txt" \
	"$P/shift.fr.txt" "$P/shift.ru.txt"
t_row "the kept sentence pairs with its translation" \
	"This is a powerful reminder" "Cela nous rappelle" "Это убедительное"
awk -F '\t' 'index($1, "From this year") == 1 && $2 == "" &&
	index($3, "По результатам") == 1 { ok = 1 } END { exit !ok }' "$T/out"
t_result $? "the sentence left out stands alone" "$T/out"

# Presegmented, the French drops a sentence and the path recovers from it:
# a line is the user's unit, never cut, in any format.
O="$P/omit"
t_ok "presegmented, one version drops a line" "$POLYREAD" align \
	--presegmented "$O.en.txt" "$O.fr.txt" "$O.ru.txt"
awk -F '\t' -v fe="$O.en.txt" -v ff="$O.fr.txt" -v fr="$O.ru.txt" '
	BEGIN {
		while ((getline l <fe) > 0) line[1, l] = 1
		while ((getline l <ff) > 0) line[2, l] = 1
		while ((getline l <fr) > 0) line[3, l] = 1
	}
	{
		for (k = 1; k <= 3; k++) {
			n = split($k, p, / ~~~ /)
			for (i = 1; i <= n; i++)
				if (!((k, p[i]) in line)) {
					print "cut: " p[i]
					bad = 1
				}
		}
	}
	END { exit bad }' "$T/out" >"$T/err"
t_result $? "presegmented: every piece of tsv is a whole line" "$T/err"
t_ok "presegmented JSON" "$POLYREAD" align --presegmented --format=json \
	"$O.en.txt" "$O.fr.txt" "$O.ru.txt"
grep -c '"sentences": 8}' "$T/out" | grep -qx 2 &&
	grep -q 'fr.txt", "lang": "fr", "sentences": 7}' "$T/out"
t_result $? "presegmented JSON: a sentence per line" "$T/out"
t_ok "presegmented TMX" "$POLYREAD" align --presegmented --format=tmx \
	"$O.en.txt" "$O.fr.txt" "$O.ru.txt"
grep -q "<seg>Avant j'étais quelqu'un de social, aujourd'hui ça fait mal" \
	"$T/out"
t_result $? "presegmented TMX: the line is whole" "$T/out"

# dump lays out beads level across the columns.
t_ok "dump of the sample trio" "$POLYREAD" dump --width 150 "$EN" "$FR" "$RU"
grep 'Norway’s Minister' "$T/out" | grep 'La ministre norvégienne' |
	grep -q 'Министр рыболовства' 
t_result $? "dump starts translations on the same line" "$T/out"

# Issue 18: 1,000 one-sentence paragraphs (long ones, then short ones)
# against their French in reverse order. With a small budget (a pair
# this size stays well inside the real one, and 160,000 paragraphs take
# minutes under ASan), align and dump say they paired the paragraphs in
# order, and do.
reversed_pair "$T/rev"
POLYREAD_ALIGN_BUDGET=10000
export POLYREAD_ALIGN_BUDGET
t_ok "align past the budget" "$POLYREAD" align "$T/rev.en.txt" \
	"$T/rev.fr.txt"
t_grep "...says it paired the paragraphs" \
	'^polyread: warning: .*paragraphs paired in order$' "$T/err"
[ "$(grep -c . "$T/out")" -eq 1000 ]
t_result $? "...one bead per paragraph" "$T/out"
awk -F '\t' 'NR == 1000 && index($1, "Sentence number 1000 was") &&
	index($2, "La phrase numéro 1 a été") { ok = 1 } END { exit !ok }' \
	"$T/out"
t_result $? "...in order" "$T/out"
t_ok "dump past the budget" "$POLYREAD" dump --width 150 "$T/rev.en.txt" \
	"$T/rev.fr.txt"
t_grep "...says it too" 'paragraphs paired in order$' "$T/err"
unset POLYREAD_ALIGN_BUDGET
t_ok "the same pair within the real budget" "$POLYREAD" align \
	"$T/rev.en.txt" "$T/rev.fr.txt"
t_nogrep "...aligned, nothing said" 'paired in order' "$T/err"
t_done
