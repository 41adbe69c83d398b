#!/bin/sh
# Issue 6: polyread spell, the note editor's spell-checking from the
# command line: EN, FR and RU text, words of another script, the personal
# dictionary, a missing dictionary, hostile input. Needs the hunspell
# dictionaries of Debian (hunspell-en-us, hunspell-fr, hunspell-ru).
. "$top_srcdir/tests/regress/lib.sh"

have_dicts en fr ru ||
    skip_all "the en, fr and ru hunspell dictionaries are not installed"

# The suggestions of word $1 in the output hold $2.
t_sugg() {
	awk -F '\t' -v w="$1" -v s="$2" '$1 == w {
		n = split($2, a, ", ")
		for (i = 1; i <= n; i++)
			if (a[i] == s)
				ok = 1
	} END { exit !ok }' "$T/out"
	t_result $? "'$1' suggests '$2'" "$T/out"
}

# ---- English, French, Russian ----
t_ok "English" "$POLYREAD" spell --lang en "The minister was blunt: the" \
    "Arctic cannot becmoe a toll road, and nobody should recieve teh" \
    "fees. It doesn't matter what the well-known A380 costs in 2024."
cut -f 1 "$T/out" >"$T/words"
printf 'becmoe\nrecieve\nteh\n' >"$T/expect"
t_cmp "English: the three misspellings, in order" "$T/expect" "$T/words"
t_sugg recieve receive
t_sugg teh the
awk -F '\t' 'NF != 2 { bad = 1 } END { exit bad }' "$T/out"
t_result $? "one word, a tab, the suggestions" "$T/out"

t_ok "French: elisions and hyphenated words" "$POLYREAD" spell --lang fr \
    "La ministre a-t-elle déclaré aujourd’hui que l'homme, c'est-à-dire" \
    "l’Arctique, ne peut pas devenir une route à péaje ? Peut-être" \
    "gardera-t-on les canaux ouvers."
cut -f 1 "$T/out" >"$T/words"
printf 'péaje\nouvers\n' >"$T/expect"
t_cmp "French: only the misspellings" "$T/expect" "$T/words"
t_sugg péaje péage

printf 'Арктика не может стать платной дорогой, — сказала министр '\
'журналистм.\nЕщё раз: журналистм.\n' >"$T/ru.txt"
t_ok "Russian from standard input" sh -c \
    "'$POLYREAD' spell --lang ru - <'$T/ru.txt'"
printf 'журналистм\n' >"$T/expect"
cut -f 1 "$T/out" >"$T/words"
t_cmp "Russian: a misspelling printed once" "$T/expect" "$T/words"
t_sugg журналистм журналистам
t_ok "the language guessed from the text" sh -c \
    "'$POLYREAD' spell <'$T/ru.txt'"
t_grep "guessed Russian" '^журналистм	' "$T/out"

# ---- Words of another script ----
t_ok "a Russian name in an English note" "$POLYREAD" spell --lang en \
    "Putin quoted Путин and Путинн in Moscow."
cut -f 1 "$T/out" >"$T/words"
printf 'Путинн\n' >"$T/expect"
t_cmp "checked with the Russian dictionary" "$T/expect" "$T/words"
t_sugg Путинн Путин
t_ok "English and French words in a Russian note" "$POLYREAD" spell \
    --lang ru "Он сказал hello, потом bonjour, потом helo."
cut -f 1 "$T/out" >"$T/words"
printf 'helo\n' >"$T/expect"
t_cmp "Latin words: known in either language" "$T/expect" "$T/words"

# ---- The personal dictionary ----
t_ok "a name not in the dictionary" "$POLYREAD" spell --lang en \
    "Ingrid Halvorsen was blunt."
t_grep "flagged" '^Halvorsen	' "$T/out"
mkdir -p "$XDG_DATA_HOME/polyread/dict"
printf 'Halvorsen\n' >"$XDG_DATA_HOME/polyread/dict/en.txt"
t_ok "with the personal dictionary" "$POLYREAD" spell --lang en \
    "Ingrid Halvorsen was blunt."
t_ok "accepted" test ! -s "$T/out"
t_ok "another data folder, another dictionary" "$POLYREAD" spell \
    --data-dir "$T/elsewhere" --lang en "Ingrid Halvorsen was blunt."
t_grep "flagged there" '^Halvorsen	' "$T/out"

# ---- A missing dictionary ----
mkdir "$T/nodict"
DICPATH="$T/nodict" "$POLYREAD" spell --lang en "teh recieve" \
    >"$T/out" 2>"$T/err"
rc=$?
[ $rc -eq 1 ] && ! [ -s "$T/out" ] && [ "$(grep -c . "$T/err")" -eq 1 ]
t_result $? "a missing dictionary: one warning line, exit 1" "$T/err"
t_grep "the warning names it" \
    "warning: no hunspell dictionary for 'en'" "$T/err"

# Issue 18: a dictionary that is a FIFO is no dictionary (hunspell's
# fopen() would wait on it for ever); timeout is the hang guard.
mkdir "$T/fifodict"
mkfifo "$T/fifodict/en_US.dic" "$T/fifodict/en_US.aff"
DICPATH="$T/fifodict" timeout 10 "$POLYREAD" spell --lang en "teh recieve" \
    >"$T/out" 2>"$T/err"
[ $? -eq 1 ]
t_result $? "a FIFO dictionary: no hang, exit 1" "$T/err"
t_grep "...and it is no dictionary" \
    "warning: no hunspell dictionary for 'en'" "$T/err"
rm -rf "$T/fifodict"

# ---- Hostile input and usage ----
printf 'evil\033[2J wrod \342\200\256reversed\n' >"$T/hostile.txt"
t_ok "control characters in the text" sh -c \
    "'$POLYREAD' spell --lang en <'$T/hostile.txt'"
t_nogrep "no raw escape on output" "$(printf '\033')" "$T/out"
t_nogrep "no raw bidi override on output" "$(printf '\342\200\256')" \
    "$T/out"
t_grep "the misspelling is still found" '^wrod	' "$T/out"
head -c 300000 /dev/urandom >"$T/noise"
t_ok "binary noise" sh -c "'$POLYREAD' spell --lang en <'$T/noise'"
t_nogrep "noise: no raw escape" "$(printf '\033')" "$T/out"
t_fails "two languages" "$POLYREAD" spell --lang en,fr "text"
t_fails "a bad language" "$POLYREAD" spell --lang "!!" "text"

t_done
