#!/bin/sh
# Issue 16, the library: every article read is remembered (its versions,
# sources, title, languages, site, when last read, its notes); `polyread
# library` lists them (TSV and JSON); bug 5: notes list and export without
# files group the notes by article. In the reader: polyread with no
# argument opens the library (the sample when it is empty), B too; / filters,
# Enter reopens (a URL from the cache, --offline too), d forgets (the notes
# kept unless asked), m lists the notes of every article to jump to one.
# Bug 6: a folder holding two articles lists them to choose one.
. "$top_srcdir/tests/regress/lib.sh"
. "$top_srcdir/tests/regress/tmux.sh"
R="$TESTDATA/reader"
LEN="$R/library.en.txt"
LFR="$R/library.fr.txt"
LRU="$R/library.ru.txt"
HEN="$R/header.en.html"
HFR="$R/header.fr.html"
DD="$T/data"

# ---- polyread library, from the command line ----
t_ok "an empty library lists nothing" "$POLYREAD" library --data-dir "$DD"
t_ok "... and prints nothing" test ! -s "$T/out"
"$POLYREAD" library --data-dir "$DD" --format=json >"$T/json"
t_grep "an empty library is an empty JSON array" '^\[\]$' "$T/json"
t_fails "library refuses an unknown format" "$POLYREAD" library \
    --data-dir "$DD" --format=xml
t_fails "library takes no files" "$POLYREAD" library --data-dir "$DD" "$LEN"
"$POLYREAD" --help >"$T/help"
t_grep "the usage names the library command" \
    "library \[--format=tsv|json\]" "$T/help"

# A note added from the command line records its article, not as read.
"$POLYREAD" notes add --data-dir "$DD" --file "$LEN" --quote "brass plate" \
    --note "a rule for all" >/dev/null
"$POLYREAD" library --data-dir "$DD" >"$T/lib"
t_ok "notes add records the article" test "$(grep -c . "$T/lib")" -eq 1
t_grep "... with its title, one note, never read" \
    "^1	-	en	1	0	-	The Lighthouse Library of Port-Aven	file://" \
    "$T/lib"

# ---- Bug 5: notes list and export without files, grouped by article ----
ND="$T/notes-data"
"$POLYREAD" notes add --data-dir "$ND" --file "$LEN" --quote "brass plate" \
    --note "the rule" >/dev/null
"$POLYREAD" notes add --data-dir "$ND" --file "$HEN" --quote "Arctic" \
    --note "cold" >/dev/null
"$POLYREAD" notes add --data-dir "$ND" --file "$LEN" --quote "round room" \
    --note "the room" >/dev/null
"$POLYREAD" notes list --data-dir "$ND" >"$T/list"
cut -f 1,6 "$T/list" | sed 's|file://.*/|file://.../|' >"$T/cols"
printf '1\tfile://.../library.en.txt\n3\tfile://.../library.en.txt\n2\tfile://.../header.en.html\n' \
    >"$T/want"
t_cmp "notes list without files: grouped by article, with a source column" \
    "$T/want" "$T/cols"
"$POLYREAD" notes export --format=markdown --data-dir "$ND" >"$T/md"
grep '^## \|^Sources: \|^### ' "$T/md" | sed 's|<file://.*/|<.../|' >"$T/heads"
cat >"$T/want" <<'EOT'
## The Lighthouse Library of Port-Aven
Sources: <.../library.en.txt> (en)
### Note 1 (stored)
### Note 3 (stored)
## Arctic shipping: who holds the key to the route?
Sources: <.../header.en.html> (en)
### Note 2 (stored)
EOT
t_cmp "notes export --format=markdown: a heading per article, its sources" \
    "$T/want" "$T/heads"
"$POLYREAD" notes export --data-dir "$ND" >"$T/all.json"
if have python3; then
	python3 -c 'import json, sys
a = json.load(open(sys.argv[1]))["first"]["items"]
assert [x["body"][0]["value"] for x in a] == ["the rule", "the room",
    "cold"], a' "$T/all.json" >"$T/err" 2>&1
	t_result $? "notes export (JSON): in the order of the articles" \
	    "$T/err"
fi

tmx_require
tmx_theme
# ---- Opening in the reader records the article as read ----
tmx_start 120 30 --data-dir "$DD" "$HEN" "$HFR"
tmx_quit
"$POLYREAD" library --data-dir "$DD" >"$T/lib"
t_ok "the article read is listed too" test "$(grep -c . "$T/lib")" -eq 2
head -n 1 "$T/lib" >"$T/first"
t_grep "the last read comes first, with its read time, languages, site" \
    "^2	20[0-9-]*T[0-9:.]*Z	en fr	0	0	Polar Review	" "$T/first"
t_grep "... its title" "Arctic shipping: who holds the key to the route?" \
    "$T/first"
t_grep "... and its two sources" \
    "	file://[^ ]*header.en.html file://[^ ]*header.fr.html$" "$T/first"
"$POLYREAD" library --data-dir "$DD" --format=json >"$T/json"
t_grep "JSON: one object per article" '^{"id":2,"uuid":"urn:uuid:' "$T/json"
t_grep "JSON: the site and the versions" \
    '"site":"Polar Review","read":"20.*"versions":\[{"lang":"en","source":"file://' \
    "$T/json"
if have python3; then
	python3 -c 'import json, sys; a = json.load(open(sys.argv[1]));
assert [x["id"] for x in a] == [2, 1], a
assert a[1]["notes"] == 1 and a[1]["read"] is None, a' "$T/json" \
	    >"$T/err" 2>&1
	t_result $? "the JSON parses, last read first" "$T/err"
fi

# Reading the noted article marks it read: it comes first.
tmx_start 120 30 --data-dir "$DD" "$LEN" "$LFR" "$LRU"
tmx_quit
"$POLYREAD" library --data-dir "$DD" >"$T/lib"
t_grep "reading again puts it first, with its three languages" \
    "^1	20[^	]*	en fr ru	1	0	-	The Lighthouse" "$T/lib"

# ---- The library screen ----
# lib_start ARGS...: start the reader on the library (no alignment to wait
# for: the first paint).
lib_start() {
	tmx_launch 120 30 "$@"
	tmx_wait paint 1
}
# lib_aligned N: wait for the N-th alignment of this run, and its paint.
lib_aligned() {
	i=0
	while [ $i -lt 200 ] && [ "$(tmx_count aligned)" -lt "$1" ]; do
		sleep 0.05
		i=$((i + 1))
	done
	tmx_wait paint 1
}

tmx_start 120 30 --data-dir "$T/empty"
tmx_capture "$T/s"
t_grep "no argument, an empty library: the sample" \
    "The Northern Sea Route" "$T/s"
tmx_quit

lib_start --theme test --data-dir "$DD"
tmx_capture "$T/s"
t_grep "no argument: the library" "Library: 2 articles" "$T/s"
t_ok "the last read first" test "$(tmx_row "The Lighthouse" "$T/s")" -lt \
    "$(tmx_row "Arctic shipping" "$T/s")"
t_grep "with its languages, site and notes" \
    "Arctic shipping: who holds the key to the route?  *en fr  *Polar Review  *20" \
    "$T/s"
t_grep "... and its note count" "Lighthouse.*en fr ru .*1 note" "$T/s"
t_grep "the keys are shown" "Enter: open  /: filter  d: forget  m: notes  q: quit" \
    "$T/s"
tmx_styles "$T/st"
t_grep "the last read is selected" "\[selected: The Lighthouse" "$T/st"
# The filter: case and accents ignored, on the site too.
tmx_keys /
tmx_type "POLAR"
tmx_capture "$T/s"
t_grep "/ filters as it is typed" "filter 'POLAR': 1 shown" "$T/s"
t_nogrep "... the others hidden" "The Lighthouse" "$T/s"
t_grep "... the prompt on the status line" "^/POLAR" "$T/s"
tmx_keys Escape
tmx_capture "$T/s"
t_grep "Esc in the prompt clears the filter" "Library: 2 articles *$" "$T/s"
tmx_keys /
tmx_type "arctic"
tmx_keys Enter
tmx_capture "$T/s"
t_grep "Enter keeps the filter" "filter 'arctic': 1 shown" "$T/s"
# Enter opens the article shown.
tmx_keys Enter
lib_aligned 1
tmx_capture "$T/s"
t_grep "Enter opens the article chosen" "Elena Marchetti · 2024-07-12 · Polar Review" "$T/s"
t_grep "... in its two columns" "EN.*FR" "$T/s"
# B: the library over it; q back to the same article.
tmx_keys B
tmx_capture "$T/s"
t_grep "B opens the library from the reader" "Library: 2 articles" "$T/s"
t_grep "... and q goes back" "q: back" "$T/s"
t_ok "... the article read now comes first" test \
    "$(tmx_row "Arctic shipping" "$T/s")" -lt "$(tmx_row "The Lighthouse" "$T/s")"
tmx_keys q
tmx_capture "$T/s"
t_nogrep "q: back to the article" "Library:" "$T/s"
t_grep "... the same one" "Elena Marchetti · 2024-07-12 · Polar Review" "$T/s"
# B, then another article: the reader switches.
tmx_keys B j Enter
lib_aligned 2
tmx_capture "$T/s"
t_grep "choosing another article switches to it" "For forty years" "$T/s"
t_grep "... its three versions" "EN.*FR.*RU" "$T/s"
# The notes of every article, grouped by article: Enter opens at the note.
tmx_keys B m
tmx_capture "$T/s"
t_grep "m: the notes of every article" "Notes of the library (1)" "$T/s"
t_grep "... under their article" "^ The Lighthouse Library of Port-Aven" \
    "$T/s"
t_grep "... each with its passage and text" 'en "brass plate"  a rule for all' \
    "$T/s"
tmx_keys j Enter
lib_aligned 3
tmx_capture "$T/s"
t_grep "Enter on a note opens its article at the note" "brass plate" "$T/s"
tmx_styles "$T/st"
t_grep "... the noted passage focused" "\[focus:.*brass plate" "$T/st"
tmx_quit
t_ok "the reader quits from there" test "$(cat "$T/exit.$TMX_N")" = 0

# Forget: the notes kept unless asked.
lib_start --data-dir "$DD"
tmx_keys d
tmx_capture "$T/s"
t_grep "d asks first, naming the notes kept" \
    "Forget 'The Lighthouse Library of Port-Aven'? y: yes, keep its 1 note  D: with its notes  n: no" \
    "$T/s"
tmx_keys n
tmx_capture "$T/s"
t_grep "n: not forgotten" "Library: 2 articles" "$T/s"
tmx_keys d y
tmx_capture "$T/s"
t_grep "y: forgotten" "Library: 1 article *$" "$T/s"
t_grep "... saying its note is kept" "its 1 note is kept" "$T/s"
tmx_quit
"$POLYREAD" library --data-dir "$DD" >"$T/lib"
t_nogrep "a forgotten article leaves the library" "Lighthouse" "$T/lib"
"$POLYREAD" notes list --data-dir "$DD" >"$T/list"
t_grep "... its note is kept" "brass plate	a rule for all" "$T/list"
"$POLYREAD" notes add --data-dir "$DD" --file "$HEN" --quote "Arctic" \
    --note "to forget" >/dev/null
lib_start --data-dir "$DD"
tmx_keys d D
tmx_capture "$T/s"
t_grep "D: forgotten with its notes" "forgot 'Arctic shipping" "$T/s"
tmx_quit
"$POLYREAD" notes list --data-dir "$DD" >"$T/list"
t_nogrep "... they are gone" "to forget" "$T/list"
t_grep "... not the forgotten article's notes kept before" "brass plate" \
    "$T/list"
"$POLYREAD" library --data-dir "$DD" >"$T/lib"
t_ok "the library is empty now" test ! -s "$T/lib"

# ---- Hostile titles; an article whose files are gone ----
HD="$T/hostile-data"
printf 'Evil \342\200\256Title\n\nThe body of the evil article.\n' \
    >"$T/evil.en.txt"
"$POLYREAD" notes add --data-dir "$HD" --file "$T/evil.en.txt" \
    --quote "body" --note "n" >/dev/null
"$POLYREAD" library --data-dir "$HD" >"$T/lib"
t_grep "library: a bidi control in a title is escaped" \
    "	Evil <U+202E>Title	" "$T/lib"
cp "$LEN" "$T/gone.en.txt"
"$POLYREAD" notes add --data-dir "$HD" --file "$T/gone.en.txt" \
    --quote "brass plate" --note "n" >/dev/null
rm "$T/gone.en.txt"
lib_start --data-dir "$HD"
tmx_capture "$T/s"
t_grep "the screen escapes it too" "Evil <U+202E>Title" "$T/s"
tmx_keys Enter
tmx_capture "$T/s"
t_grep "an article whose file is gone: why, in the library" \
    "cannot open it: .*gone.en.txt" "$T/s"
t_grep "... which stays open" "Library: 2 articles" "$T/s"
tmx_keys j Enter
lib_aligned 1
tmx_capture "$T/s"
t_grep "... and opens another" "The body of the evil article" "$T/s"
tmx_quit

# ---- A URL article reopens from the cache, with --offline ----
if have python3; then
	UD="$T/url-data"
	httpd_start "$T/ports" "$T/httpd.log"
	SERVER=$LAST_SERVER
	trap 'kill "$SERVER" 2>/dev/null; tmux -L "$TMX_SOCK" kill-server \
	    >/dev/null 2>&1' EXIT
	PORT=$(awk '$1 == "http" { print $2 }' "$T/ports")
	tmx_start 120 30 --data-dir "$UD" "http://127.0.0.1:$PORT/switch/en"
	tmx_capture "$T/s"
	t_grep "a URL opens with its translations" "Канатная дорога" "$T/s"
	tmx_quit
	kill "$SERVER"
	wait "$SERVER" 2>/dev/null
	lib_start --offline --data-dir "$UD"
	tmx_capture "$T/s"
	t_grep "the URL article is in the library, three languages" \
	    "Library: 1 article.*" "$T/s"
	t_grep "... with its languages" " en fr ru " "$T/s"
	tmx_keys Enter
	lib_aligned 1
	tmx_capture "$T/s"
	t_grep "Enter reopens it from the cache, server gone, --offline" \
	    "Канатная дорога" "$T/s"
	t_grep "... every version" "téléphérique" "$T/s"
	tmx_quit
else
	for n in 1 2 3 4 5; do
		t_skip "a URL reopened from the cache, check $n" \
		    "python3 is not installed"
	done
fi

# ---- Bug 6: a folder holding two articles asks which one ----
F="$T/two"
mkdir -p "$F"
cp "$LEN" "$F/lighthouse.en.txt"
cp "$LFR" "$F/lighthouse.fr.txt"
cp "$LRU" "$F/lighthouse.ru.txt"
cp "$HEN" "$F/arctic.en.html"
cp "$HFR" "$F/arctic.fr.html"
"$POLYREAD" dump --width 100 "$F" >/dev/null 2>"$T/err"
t_grep "without a terminal, the first article and a warning" \
    "holds 2 articles; opening 'arctic' (the reader lets you choose)" "$T/err"
lib_start --data-dir "$T/folder-data" "$F"
tmx_capture "$T/s"
t_grep "the reader lists the folder's articles" "$F: 2 articles" "$T/s"
t_grep "... each with its languages" "^ lighthouse  *en fr ru" "$T/s"
t_grep "... the other one" "^ arctic  *en fr" "$T/s"
t_nogrep "... nothing to forget there" "d: forget" "$T/s"
tmx_keys j Enter
lib_aligned 1
tmx_capture "$T/s"
t_grep "Enter opens the article chosen" "For forty years" "$T/s"
t_grep "... in its three versions" "EN.*FR.*RU" "$T/s"
tmx_quit
t_nogrep "no warning left for after quitting" "holds 2 articles" \
    "$T/stderr.$TMX_N"
"$POLYREAD" library --data-dir "$T/folder-data" >"$T/lib"
t_grep "the article chosen is in the library" "The Lighthouse Library" \
    "$T/lib"

t_done
