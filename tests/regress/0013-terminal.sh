#!/bin/sh
# Issue 7: terminal safety. Escape sequences (ESC[2J, OSC 52 clipboard
# writes, OSC 8 links, OSC 0 titles), C1 controls (U+009B CSI...), DEL
# and bidi controls (U+202A-U+202E, U+2066-U+2069) coming from documents,
# notes, file names and config values never reach the output raw: not in
# dump, align, quotes, sentences, notes list/export, spell and messages,
# nor in the bytes the reader writes to the terminal, where they show as
# visible escapes (^[, <U+202E>) or are dropped from document text. Then
# the reader, started on the bundled sample, quits cleanly: exit status
# 0 and no sanitizer report (meaningful in an --enable-asan build).
. "$top_srcdir/tests/regress/lib.sh"
. "$top_srcdir/tests/regress/tmux.sh"

ESC=$(printf '\033')
BEL=$(printf '\007')
DEL=$(printf '\177')
C1="$(printf '\302')[$(printf '\200-\237')]"
BIDI1="$(printf '\342\200')[$(printf '\252-\256')]"
BIDI2="$(printf '\342\201')[$(printf '\246-\251')]"

# t_clean DESCRIPTION FILE: no ESC, BEL, DEL, C1 or bidi control in FILE.
t_clean() {
	if LC_ALL=C grep -n -e "$ESC" -e "$BEL" -e "$DEL" -e "$C1" \
	    -e "$BIDI1" -e "$BIDI2" "$2" >"$T/bad" 2>&1; then
		LC_ALL=C cat -v "$T/bad" >"$T/bad.v"
		t_result 1 "$1" "$T/bad.v"
	elif ! [ -s "$2" ]; then
		echo "empty output" >"$T/bad"
		t_result 1 "$1" "$T/bad"
	else
		t_result 0 "$1"
	fi
}

# t_out DESCRIPTION COMMAND...: the command succeeds and its standard
# output and standard error are clean.
t_out() {
	d=$1; shift
	"$@" >"$T/o" 2>"$T/e"
	rc=$?
	cat "$T/e" >>"$T/o"
	if [ $rc -ne 0 ]; then
		echo "exit $rc" >>"$T/e"
		t_result 1 "$d" "$T/e"
	else
		t_clean "$d" "$T/o"
	fi
}

# The hostile document, as plain text and as HTML (character references).
hostile_text() {
	printf 'Hostile title\033]0;pwned-title\007 here\n\n'
	printf 'Clear screen \033[2J now. Clipboard \033]52;c;SGVsbG8=\007 '
	printf 'write. A link \033]8;;http://evil.example/\033\\click'
	printf '\033]8;;\033\\ there.\n\n'
	printf 'C1 CSI \302\2331;31m red. NEL \302\205 and OSC \302\235 too. '
	printf 'DEL \177 here.\n\n'
	printf 'Bidi \342\200\252LRE \342\200\253RLE \342\200\254PDF '
	printf '\342\200\255LRO \342\200\256RLO.\n\n'
	printf 'Isolates \342\201\246LRI \342\201\247RLI \342\201\250FSI '
	printf '\342\201\251PDI end.\n\n'
	printf 'He said \342\200\234stop \342\200\256 now \033[2J please'
	printf '\342\200\235 to them.\n'
}
hostile_text >"$T/hostile.en.txt"
cat >"$T/hostile.fr.html" <<'EOF'
<html lang="fr"><head><title>Titre &#27;]0;pwned&#7; &#x202e;</title></head>
<body><article><h1>Titre &#x9b;2J &#x202E;RLO</h1>
<p>Effacer &#27;[2J maintenant. Presse-papiers &#27;]52;c;SGVsbG8=&#7; écrit.</p>
<p>Un lien &#27;]8;;http://evil.example/&#27;\cliquer&#27;]8;;&#27;\ ici.</p>
<p>C1 &#x9b;1;31m rouge, &#x85; et &#x9d; aussi, DEL &#127; ici.</p>
<p>Bidi &#x202a;LRE &#x202b;RLE &#x202c;PDF &#x202d;LRO &#x202e;RLO.</p>
<p>Isolats &#x2066;LRI &#x2067;RLI &#x2068;FSI &#x2069;PDI fin.</p>
<p>Il a dit « arrête &#x202e; maintenant &#27;[2J s’il vous plaît » à eux.</p>
</article></body></html>
EOF
printf '# Titre \033]0;x\007\n\nUn \342\200\256 paragraphe \302\233 ici.\n' \
    >"$T/hostile.ru.md"
EN="$T/hostile.en.txt"
FR="$T/hostile.fr.html"
MD="$T/hostile.ru.md"
t_grep "the text holds raw escapes (test set-up)" "$ESC" "$EN"

# Documents: every output command.
t_out "dump" "$POLYREAD" dump --width 120 "$EN" "$FR" "$MD"
t_grep "dump: bidi controls as visible escapes" "<U+202E>RLO" "$T/o"
t_grep "dump: isolates as visible escapes" "<U+2066>LRI" "$T/o"
t_out "dump, one version" "$POLYREAD" dump "$FR"
t_out "align (tsv)" "$POLYREAD" align "$EN" "$FR"
t_out "align (tmx)" "$POLYREAD" align --format=tmx "$EN" "$FR"
t_out "align (json)" "$POLYREAD" align --format=json "$EN" "$FR" "$MD"
t_out "quotes" "$POLYREAD" quotes "$EN" "$FR"
t_out "sentences" "$POLYREAD" sentences "$FR"
t_out "dump through a pipe (the reader's fallback)" "$POLYREAD" "$EN" "$FR"

# File names.
EVIL="$T/$(printf 'evil\033]0;T\007\033]52;c;QQ==\007\342\200\256\302\233x').en.txt"
cp "$EN" "$EVIL"
t_fails "a hostile missing file name" "$POLYREAD" dump "$EVIL-missing"
t_clean "...its message is clean" "$T/err"
t_grep "...and shows the escapes" '\^\[\]0;T\^G' "$T/err"
t_out "dump of a hostile file name" "$POLYREAD" dump "$EVIL" "$FR"
t_out "align --format=tmx of a hostile file name" "$POLYREAD" align \
    --format=tmx "$EVIL" "$FR"

# Notes: text, tags, quotes and sources.
NOTE=$(printf 'Note \033[2J \033]52;c;SGVsbG8=\007 \033]8;;http://e/\033\\x\033]8;;\033\\ \033]0;t\007 \302\233 \177 \342\200\256RLO \342\201\246LRI end')
TAG=$(printf 'tag\033[31m\342\200\256')
t_out "notes add with a hostile note" "$POLYREAD" notes add --file "$EN" \
    --quote "Clear screen" --note "$NOTE" --tag "$TAG"
t_out "notes add on a hostile file name" "$POLYREAD" notes add \
    --file "$EVIL" --quote "Bidi" --note "$NOTE"
for f in tsv json markdown; do
	t_out "notes list --format=$f" "$POLYREAD" notes list --format=$f "$EN"
done
t_grep "notes list: the note's escapes are visible" '\^\[\]52;c;' "$T/o"
t_out "notes list, every note" "$POLYREAD" notes list
t_out "notes export (json)" "$POLYREAD" notes export
t_out "notes export (markdown)" "$POLYREAD" notes export --format=markdown \
    "$EN"
t_out "notes export (markdown), every note" "$POLYREAD" notes export \
    --format=markdown
# An import that carries them as JSON escapes.
"$POLYREAD" notes export >"$T/export.json" 2>/dev/null
t_out "notes import of hostile notes" "$POLYREAD" notes import \
    "$T/export.json"
t_out "notes list after the import" "$POLYREAD" notes list --format=tsv

# Spell-checking a hostile note.
printf 'wrd\033]52;c;QQ==\007 \342\200\256bda\302\233x \177 \033[2J\n' \
    >"$T/spell.txt"
"$POLYREAD" spell --lang en - <"$T/spell.txt" >"$T/o" 2>&1
t_clean "spell output" "$T/o"

# The reader: raw output, screen and messages.
tmx_require
C="$XDG_CONFIG_HOME/polyread/config"
mkdir -p "$XDG_CONFIG_HOME/polyread"
{
	printf 'theme \033]52;c;SGVsbG8=\007dark\n'
	printf 'colour \033]0;pwned\007\342\200\256\n'
	printf 'bind x \033[2Jquit\n'
} >"$C"
TMX_RAW="$T/raw"
export TMX_RAW
if tmx_start 120 40 "$EN" "$FR"; then
	t_result 0 "reader: starts on hostile versions"
else
	t_result 1 "reader: starts on hostile versions" "$T/stderr.$TMX_N"
fi
tmx_keys j j j G
tmx_capture "$T/screen"
tmx_quit
t_result $? "reader: quits"
# ncurses writes escape sequences of its own: look for the document's.
for s in "$ESC]52" "$ESC]8;" "$ESC]0;" "pwned-title$BEL"; do
	LC_ALL=C grep -q -F "$s" "$T/raw"
	t_result $((! $?)) "reader: no $(printf '%s' "$s" | LC_ALL=C cat -v) \
from the document or config in the raw output"
done
LC_ALL=C grep -q -e "$C1" -e "$BIDI1" -e "$BIDI2" -e "$DEL" "$T/raw"
t_result $((! $?)) "reader: no C1, DEL or bidi bytes in the raw output"
t_grep "reader: the raw output was captured" "Hostile" "$T/raw"
t_grep "reader: bidi controls shown as escapes" "<U+202" "$T/screen"
t_clean "reader: the screen as text is clean" "$T/screen"
t_clean "reader: messages after quitting are clean" "$T/stderr.$TMX_N"
t_grep "reader: a bad config value is shown with its escapes" \
    "config:3: unknown action '\\^\\[\\[2Jquit'" "$T/stderr.$TMX_N"
unset TMX_RAW
rm -f "$C"

# The reader on the bundled sample quits cleanly, with no sanitizer
# report (ASan and UBSan write theirs to log_path).
ASAN_OPTIONS="log_path=$T/asan:detect_leaks=1"
UBSAN_OPTIONS="log_path=$T/ubsan:print_stacktrace=1"
export ASAN_OPTIONS UBSAN_OPTIONS
tmx_start 100 30
t_result $? "sample: the reader starts"
tmx_keys j space G t Escape
tmx_quit
t_result $? "sample: the reader quits with status 0"
ls "$T"/asan.* "$T"/ubsan.* >"$T/reports" 2>/dev/null
cat "$T"/asan.* "$T"/ubsan.* >>"$T/reports" 2>/dev/null
! [ -s "$T/reports" ]
t_result $? "sample: no sanitizer report" "$T/reports"
t_nogrep "sample: nothing on stderr" "." "$T/stderr.$TMX_N"
unset ASAN_OPTIONS UBSAN_OPTIONS

t_done
