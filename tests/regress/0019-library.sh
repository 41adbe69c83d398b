#!/bin/sh
# Issue 16, the library: every article read is remembered (its versions,
# sources, title, languages, site, when last read, its notes); `polyread
# library` lists them (TSV and JSON); bug 5: notes list and export without
# files group the notes by article.
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

t_done
