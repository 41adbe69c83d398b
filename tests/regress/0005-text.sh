#!/bin/sh
# Issue 2: plain-text and Markdown articles, language guessing, folders.
. "$top_srcdir/tests/regress/lib.sh"

TXT="$TESTDATA/text"
MD="$TESTDATA/md"

# The text trio: every paragraph and heading, no page furniture.
t_ref "dump of the text trio" 0005-text-trio.ref \
    "$POLYREAD" dump --width 150 "$TXT/commentary.en.txt" \
    "$TXT/commentary.fr.txt" "$TXT/commentary.ru.txt"
"$POLYREAD" dump --width 150 "$TXT/commentary.en.txt" \
    "$TXT/commentary.fr.txt" "$TXT/commentary.ru.txt" >"$T/trio" 2>&1
# Metadata: the files do not say their language; the text does.
t_grep "languages guessed: EN FR RU" "^EN  *│ FR  *│ RU$" "$T/trio"
t_grep "title" "^The Northern Sea Route: a shortcut that divides" "$T/trio"
t_grep "byline kept as text" "^Elena Marchetti, July 12, 2024 *│ \
Elena Marchetti, 12 juillet 2024 *│ Елена Маркетти, 12 июля 2024 г.$" "$T/trio"
t_grep "headings" "A question of rules.*Une question de règles.*Вопрос правил" \
    "$T/trio"
t_grep "a heading that is a short question" "Et maintenant ?" "$T/trio"
t_grep "the last paragraph" "décroche le téléphone. »" "$T/trio"
t_nogrep "no language switcher" "EN *| *FR *| *RU" "$T/trio"
t_nogrep "no 'Follow us on'" "Follow us\|Suivez-nous\|Подписывайтесь" \
    "$T/trio"
t_nogrep "no related articles" "More on this topic\|Sur le même sujet\|\
Другие материалы\|Icebreakers for hire\|Brise-glaces à louer\|\
Ледоколы напрокат" "$T/trio"
t_nogrep "no no-break-space line" "$(printf '^\302\240')" "$T/trio"

# The real capture: headings with trailing spaces, the author's note kept.
t_ref "dump of a real capture" 0005-text-neo.ref \
    "$POLYREAD" dump --width 100 "$TXT/neo-putin-dprk.en.txt"
"$POLYREAD" dump --width 100 "$TXT/neo-putin-dprk.en.txt" >"$T/neo" 2>&1
t_grep "real capture: one-line sentence kept" \
    "^For now, though, Moscow says it will comply" "$T/neo"
t_grep "real capture: author's note kept" "^Konstantin Asmolov, PhD" "$T/neo"
t_nogrep "real capture: no furniture" \
    "EN|FR|RU\|Follow us on\|More on this topic\|BRICS summit" "$T/neo"

# The Markdown trio.
t_ref "dump of the Markdown trio" 0005-md-trio.ref \
    "$POLYREAD" dump --width 150 "$MD/commentary.en.md" \
    "$MD/commentary.fr.md" "$MD/commentary.ru.md"
"$POLYREAD" dump --width 150 "$MD/commentary.en.md" "$MD/commentary.fr.md" \
    "$MD/commentary.ru.md" >"$T/md" 2>&1
t_grep "Markdown: languages from the front matter" "^EN  *│ FR  *│ RU$" \
    "$T/md"
t_grep "Markdown: image alt text" "^Map: the Northern Sea Route" "$T/md"
t_grep "Markdown: link text" "University of Rennes" "$T/md"
t_grep "Markdown: ordered list, numbered" "^1\. 1,402 transits in 2023;" "$T/md"
t_grep "Markdown: its second item" "^2\. 155 km between" "$T/md"
t_grep "Markdown: a wrapped item hangs under its text" "│    proches\.  " "$T/md"
t_nogrep "Markdown: no HTML comment" "<!--\|Markdown version" "$T/md"
t_nogrep "Markdown: no markup" "\*\*\|^#\|\](http" "$T/md"
t_nogrep "Markdown: no front matter" "^title:\|^lang:" "$T/md"

# --lang wins over the guess when the file does not say.
t_ok "--lang for text files" "$POLYREAD" dump --lang ru,en \
    "$TXT/commentary.en.txt" "$TXT/commentary.fr.txt"
t_grep "--lang names the columns" "^RU  *│ EN$" "$T/out"

# One sentence per line.
printf 'The route is short.\nIt saves twelve days.\n\nInsurers stay away.\n' \
    >"$T/pre.en.txt"
t_ok "presegmented text" "$POLYREAD" dump --presegmented "$T/pre.en.txt"
t_grep "presegmented: first sentence" "^The route is short." "$T/out"
t_grep "presegmented: last sentence" "Insurers stay away." "$T/out"

# A folder of NAME.LANG.EXT files: grouped by NAME, ordered en, fr, ru.
mkdir "$T/folder"
cp "$TXT/commentary.ru.txt" "$T/folder/nsr.ru.txt"
cp "$TXT/commentary.fr.txt" "$T/folder/nsr.fr.txt"
cp "$TXT/commentary.en.txt" "$T/folder/nsr.en.txt"
echo "Notes on the sources." >"$T/folder/README.txt"
t_ok "folder of a text trio" "$POLYREAD" dump --width 150 "$T/folder"
t_grep "folder: ordered EN FR RU" "^EN  *│ FR  *│ RU$" "$T/out"
t_cmp "folder: the same as the three files" "$REF/0005-text-trio.ref" \
    "$T/out"
# A second article in the folder: the first by name is opened, with a
# warning on stderr.
cp "$MD/commentary.en.md" "$T/folder/zz-other.en.md"
cp "$MD/commentary.ru.md" "$T/folder/zz-other.ru.md"
t_ok "folder of two articles" "$POLYREAD" dump --width 150 "$T/folder"
t_cmp "folder of two: the first article" "$REF/0005-text-trio.ref" \
    "$T/out"
t_grep "folder of two: a warning names the count" "holds 2 articles" \
    "$T/err"
t_done
