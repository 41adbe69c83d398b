#!/bin/sh
# polyread sentences (issue 3): one sentence per line, a blank line between
# blocks, EN/FR/RU abbreviations, initials, quotations, --lang.
. "$top_srcdir/tests/regress/lib.sh"

D="$TESTDATA/text-engine"

for l in en fr ru; do
	t_ref "sentences of an HTML page ($l)" "0006-sentences.$l" \
	    "$POLYREAD" sentences "$D/sentences.$l.html"
done

# The language: the document's, or --lang, which overrides it.
"$POLYREAD" sentences "$D/insta.ru.txt" >"$T/ru" 2>"$T/err"
t_grep "т.е. + capital stays in its sentence (ru)" \
    '^Опрос 20 000 .*т\.е\. Инстаграмма, сайта для обмена фотографиями\.$' \
    "$T/ru"
"$POLYREAD" sentences --lang en "$D/insta.ru.txt" >"$T/en" 2>"$T/err"
t_grep "--lang en overrides the document's language" \
    '^Инстаграмма, сайта' "$T/en"
"$POLYREAD" sentences --lang=ru "$D/insta.ru.txt" >"$T/ru2" 2>"$T/err"
t_cmp "--lang=ru is the document's language" "$T/ru" "$T/ru2"
t_grep "a blank line between blocks" '^$' "$T/ru"
t_grep "a sentence ending inside a quotation" \
    '^Никто их не заставляет; .* 4 500 километров»\.$' "$T/ru"

# Presegmented text: a line is a sentence, blank lines part paragraphs.
t_ref "presegmented: each line is one sentence" "0006-preseg.en" \
    "$POLYREAD" sentences --presegmented "$D/preseg.en.txt"

# Nothing raw reaches the output: bidi overrides are escaped.
"$POLYREAD" sentences "$D/controls.en.txt" >"$T/ctl" 2>"$T/err"
t_grep "a bidi override is shown escaped" '<U+202E>Rennes<U+202C>' "$T/ctl"
t_nogrep "no raw bidi override" "$(printf '\342\200\256')" "$T/ctl"
t_nogrep "no raw escape" "$(printf '\033')" "$T/ctl"
t_grep "Dr. stays with its name" '^Dr\. Marie-Claire Dubois, who' "$T/ctl"

# Errors: one line on stderr, nothing on stdout.
t_fails "no file" "$POLYREAD" sentences
t_fails "two files" "$POLYREAD" sentences "$D/insta.ru.txt" \
    "$D/preseg.en.txt"
t_fails "a list of languages" "$POLYREAD" sentences --lang en,fr \
    "$D/insta.ru.txt"
t_fails "a missing file" "$POLYREAD" sentences "$D/no-such-file.txt"
t_fails "an option of another command" "$POLYREAD" sentences --width 40 \
    "$D/insta.ru.txt"
t_ok "--help" "$POLYREAD" sentences --help
t_grep "--help shows the usage" 'usage: polyread sentences' "$T/out"
t_done
