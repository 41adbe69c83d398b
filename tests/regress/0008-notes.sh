#!/bin/sh
# Issue 6: notes from the command line. Adding, listing, the W3C JSON and
# Markdown exports (quotes with their aligned translations), the import
# round trip, re-anchoring after the article changed, hostile notes, and
# nothing lost: a killed writer, two writers at once, a read-only folder,
# a corrupt database.
. "$top_srcdir/tests/regress/lib.sh"

A="$T/art"
mkdir "$A"
cp "$TESTDATA/text/commentary.en.txt" "$TESTDATA/text/commentary.fr.txt" \
    "$TESTDATA/text/commentary.ru.txt" "$A/"
EN="$A/commentary.en.txt"
FR="$A/commentary.fr.txt"
RU="$A/commentary.ru.txt"
DB="$XDG_DATA_HOME/polyread/polyread.db"

# Dates change from run to run.
nodates() {
	sed 's/[0-9]\{4\}-[0-9][0-9]-[0-9][0-9]T[0-9:.]*Z/DATE/g'
}

# ---- Adding and listing ----
t_ok "add a note on a quotation" "$POLYREAD" notes add --file "$EN" \
    --quote "The Arctic cannot become a toll road" \
    --note "Who would collect the toll?" --tag law --tag arctic
t_grep "add prints the note's id" '^1$' "$T/out"
t_ok "the data folder is made private" test "$(stat -c %a \
    "$XDG_DATA_HOME/polyread")" = 700
t_ok "add with another case and without accents" "$POLYREAD" notes add \
    --file "$EN" --quote "KEEP every  channel open, but not at any price" \
    --note "A condition, not a refusal."
t_ok "add a note on a sentence that will go" "$POLYREAD" notes add \
    --file "$EN" --quote "1,402 transits were recorded along the Russian" \
    --note "Check against the French: 1 402."
t_ok "add a note on the Russian version, from standard input" sh -c \
    "printf 'Кратчайший — значит северный.\nВторая строка.\n' |
    '$POLYREAD' notes add --file '$RU' --quote 'Суда выбирают самый короткий \
путь' --note - --lang ru"
t_grep "its id" '^4$' "$T/out"

t_ref "list the article's notes" 0008-list \
    "$POLYREAD" notes list "$EN" "$FR" "$RU"
t_ok "list every note without files" "$POLYREAD" notes list
[ "$(grep -c . "$T/out")" -eq 4 ]
t_result $? "four notes stored" "$T/out"
t_grep "stored notes say so (before their source)" '	stored	file://' "$T/out"

# One file finds the group it was opened in (the Russian note too).
t_ok "list from the French file alone" "$POLYREAD" notes list "$FR"
[ "$(grep -c . "$T/out")" -eq 4 ]
t_result $? "the French file alone lists the article's notes" "$T/out"

# ---- Markdown: quotes with their translations, then the note ----
md() {
	"$POLYREAD" notes export --format=markdown "$@" | nodates
}
t_ref "markdown export with the aligned translations" 0008-markdown \
    md "$EN" "$FR" "$RU"

# ---- JSON: W3C Web Annotation, and a lossless round trip ----
t_ok "export as JSON" "$POLYREAD" notes export "$EN" "$FR" "$RU"
cp "$T/out" "$T/export1.json"
t_grep "JSON-LD context" '"@context":"http://www.w3.org/ns/anno.jsonld"' \
    "$T/export1.json"
t_grep "an AnnotationCollection" '"type":"AnnotationCollection"' \
    "$T/export1.json"
if have python3; then
	python3 -c '
import json, sys
c = json.load(open(sys.argv[1]))
assert c["type"] == "AnnotationCollection" and c["total"] == 4
items = c["first"]["items"]
assert len(items) == 4
for a in items:
    assert a["type"] == "Annotation" and a["id"].startswith("urn:uuid:")
    assert a["target"]["source"].startswith("file:///")
    sel = {s["type"]: s for s in a["target"]["selector"]}
    q, p = sel["TextQuoteSelector"], sel["TextPositionSelector"]
    assert q["exact"] and p["end"] - p["start"] == len(q["exact"])
    body = [b for b in a["body"] if b["purpose"] == "commenting"][0]
    assert body["type"] == "TextualBody" and body["language"]
tags = [b["value"] for b in items[0]["body"] if b["purpose"] == "tagging"]
assert tags == ["arctic", "law"], tags
' "$T/export1.json" 2>"$T/err"
	t_result $? "the JSON parses as W3C annotations" "$T/err"
else
	t_skip "the JSON parses as W3C annotations" "python3 is not installed"
fi
t_ok "import into an empty data folder" "$POLYREAD" notes import \
    --data-dir "$T/other" "$T/export1.json"
t_grep "import says how many" "imported 4 notes" "$T/out"
t_ok "export again" "$POLYREAD" notes export --data-dir "$T/other"
t_cmp "export, import, export: identical" "$T/export1.json" "$T/out"
t_ok "import twice" "$POLYREAD" notes import --data-dir "$T/other" \
    "$T/export1.json"
t_ok "list after importing twice" "$POLYREAD" notes list \
    --data-dir "$T/other"
[ "$(grep -c . "$T/out")" -eq 4 ]
t_result $? "importing again replaces, never doubles" "$T/out"

printf '{"type": "AnnotationCollection", "first": {"items": [' \
    >"$T/bad.json"
t_fails "malformed JSON" "$POLYREAD" notes import --data-dir "$T/other" \
    "$T/bad.json"
t_grep "malformed JSON: says so" "is not valid JSON" "$T/err"
t_grep "malformed JSON: the line and what is wrong" \
    "(line 1: .*expected near end of file)" "$T/err"
# Issue 18 (fuzz-notes): an object as a member's name, which SQLite 3.40's
# json_valid() takes (and its json_extract() then crashed on), is refused.
printf '[{"type": "Annotation", "body": [{"purpose": "tagging", {"type": "x"}: "y", "value": "t1"}], "target": {"source": "file:///y.txt", "selector": {"type": "TextQuoteSelector", "exact": "abc"}}}]' \
    >"$T/objkey.json"
t_fails "an object as a member's name" "$POLYREAD" notes import \
    --data-dir "$T/other" "$T/objkey.json"
t_grep "an object as a member's name: not valid JSON" \
    "objkey.json' is not valid JSON (line 1: " "$T/err"
# ...but valid JSON that is no collection is said to be that.
printf '"x"' >"$T/scalar.json"
t_fails "a JSON string" "$POLYREAD" notes import --data-dir "$T/other" \
    "$T/scalar.json"
t_grep "a JSON string: holds no annotations" \
    "scalar.json' holds no annotations" "$T/err"
printf '[{"type": "Annotation", "target": "file:///x"}]' >"$T/nosel.json"
t_fails "an annotation without a quote" "$POLYREAD" notes import \
    --data-dir "$T/other" "$T/nosel.json"
# Issue 18: a prefix over 1024 bytes names the file, the annotation and
# the part, and says what to do.
{
	printf '[{"type": "Annotation", "id": "urn:uuid:1", "target": '
	printf '{"source": "file:///x", "selector": [{"type": '
	printf '"TextQuoteSelector", "exact": "quote", "prefix": "'
	head -c 2000 /dev/zero | tr '\0' 'p'
	printf '"}]}}]'
} >"$T/longprefix.json"
t_fails "a prefix over 1024 bytes" "$POLYREAD" notes import \
    --data-dir "$T/other" "$T/longprefix.json"
t_grep "a long prefix: names the file, the note, the part, what to do" \
    "'.*/longprefix.json': annotation 1 (urn:uuid:1): its prefix is too long (2000 bytes, at most 1024); fix or remove it" \
    "$T/err"

# ---- Re-anchoring after the article changed ----
cp "$TESTDATA/notes/commentary-v2.en.txt" "$EN"
t_ref "the notes after the article changed" 0008-reanchored \
    "$POLYREAD" notes list "$EN" "$FR" "$RU"
t_ok "markdown lists the orphan" md "$EN" "$FR" "$RU"
t_grep "orphans are listed, never dropped" \
    "### Note 3 (orphan: passage not found)" "$T/out"
t_grep "the moved note keeps its translations" \
    "> \*\*fr\*\* L’Arctique ne peut pas devenir" "$T/out"
# The old text again: the orphan is back.
cp "$TESTDATA/text/commentary.en.txt" "$EN"
t_ok "the first text again" "$POLYREAD" notes list "$EN"
t_nogrep "no orphan left" "orphan" "$T/out"

# ---- Hostile notes ----
t_ok "a note with controls and a bidi override" "$POLYREAD" notes add \
    --file "$EN" --quote "Ships choose the shortest way" \
    --note "$(printf 'evil \033[2J\342\200\256desrever\tand a tab')"
t_ok "list it" "$POLYREAD" notes list "$EN"
t_nogrep "no raw escape on output" "$(printf '\033')" "$T/out"
t_nogrep "no raw bidi override on output" "$(printf '\342\200\256')" \
    "$T/out"
t_grep "shown as visible escapes" 'evil ^\[\[2J<U+202E>desrever\\tand' \
    "$T/out"
t_ok "export it" "$POLYREAD" notes export
t_nogrep "no raw bidi override in JSON" "$(printf '\342\200\256')" \
    "$T/out"
head -c 70000 /dev/zero | tr '\0' 'x' >"$T/huge"
t_fails "a note over 64 KiB" sh -c "'$POLYREAD' notes add --file '$EN' \
    --quote 'Ships choose' --note - <'$T/huge'"
t_grep "says the limit" "note too long" "$T/err"
t_fails "a quote that is not there" "$POLYREAD" notes add --file "$EN" \
    --quote "This sentence is nowhere in the article at all" --note x
t_grep "quote not found: says so" "quote not found in '.*commentary" \
    "$T/err"
t_fails "add without a quote" "$POLYREAD" notes add --file "$EN" --note x
t_fails "an unknown subcommand" "$POLYREAD" notes frobnicate

# ---- Nothing lost: a writer killed while saving ----
: >"$T/ids"
(
	i=0
	while [ $i -lt 400 ]; do
		"$POLYREAD" notes add --file "$EN" \
		    --quote "Nobody forces them" \
		    --note "kill test $i" >>"$T/ids" 2>/dev/null &
		echo $! >"$T/child"
		wait $! || break
		i=$((i + 1))
	done
) &
loop=$!
i=0
while [ $i -lt 200 ] && [ "$(grep -c . "$T/ids")" -lt 12 ]; do
	sleep 0.05
	i=$((i + 1))
done
# Stop the loop, then kill the add it is running, and let it go.
kill -9 "$loop" 2>/dev/null
wait "$loop" 2>/dev/null
child=$(cat "$T/child")
kill -9 "$child" 2>/dev/null
i=0
while kill -0 "$child" 2>/dev/null && [ $i -lt 100 ]; do
	sleep 0.05
	i=$((i + 1))
done
t_ok "the database is sound after SIGKILL" "$POLYREAD" notes check
t_grep "integrity check ok" '^ok$' "$T/out"
# What was reported, then what is stored.
cp "$T/ids" "$T/ids.snap"
"$POLYREAD" notes list >"$T/all" 2>"$T/err"
missing=0
for id in $(cat "$T/ids.snap"); do
	grep -q "^$id	" "$T/all" || missing=$((missing + 1))
done
[ "$(grep -c . "$T/ids.snap")" -ge 12 ] && [ $missing -eq 0 ]
t_result $? "every note reported before the kill is kept ($(grep -c . \
"$T/ids.snap") reported, $missing missing)" "$T/all"

# A big import killed midway: all of it or none of it.
if have python3; then
	"$POLYREAD" notes export >"$T/all.json"
	before=$(grep -c . "$T/all")
	python3 - "$T/all.json" "$T/big.json" <<'EOF'
import json, sys, uuid
c = json.load(open(sys.argv[1]))
base = c["first"]["items"][0]
c["first"]["items"] = [dict(base, id="urn:uuid:" + str(uuid.uuid4()))
    for _ in range(10000)]
json.dump(c, open(sys.argv[2], "w"))
EOF
	"$POLYREAD" notes import "$T/big.json" >/dev/null 2>&1 &
	imp=$!
	sleep 0.5
	kill -9 "$imp" 2>/dev/null
	wait "$imp" 2>/dev/null
	"$POLYREAD" notes list >"$T/all" 2>"$T/err"
	after=$(grep -c . "$T/all")
	[ "$after" -eq "$before" ] || [ "$after" -eq $((before + 10000)) ]
	t_result $? "an import killed midway is all or nothing ($before, \
$after)" "$T/err"
	t_ok "still sound" "$POLYREAD" notes check
else
	t_skip "an import killed midway is all or nothing" \
	    "python3 is not installed"
	t_skip "still sound" "python3 is not installed"
fi

# ---- Two writers at once ----
before=$(grep -c . "$T/all")
for w in a b; do
	(
		i=0
		while [ $i -lt 15 ]; do
			"$POLYREAD" notes add --file "$EN" \
			    --quote "Ships choose the shortest way" \
			    --note "writer $w $i" >>"$T/ids.$w" ||
			    echo fail >>"$T/fail.$w"
			i=$((i + 1))
		done
	) &
done
wait
"$POLYREAD" notes list >"$T/all" 2>"$T/err"
[ ! -e "$T/fail.a" ] && [ ! -e "$T/fail.b" ] &&
    [ "$(grep -c 'writer a' "$T/all")" -eq 15 ] &&
    [ "$(grep -c 'writer b' "$T/all")" -eq 15 ] &&
    [ "$(cat "$T/ids.a" "$T/ids.b" | sort -u | grep -c .)" -eq 30 ]
t_result $? "two writers at once both keep their notes" "$T/all"

# ---- A read-only data folder ----
RO="$T/ro"
mkdir "$RO"
# An immutable folder would outlive the test: undo it whatever happens.
trap 'chattr -i "$RO" 2>/dev/null; chmod 755 "$RO" 2>/dev/null' EXIT
cp "$DB" "$RO/polyread.db"
ro=0
if [ "$(id -u)" -eq 0 ]; then
	chattr +i "$RO" 2>/dev/null && ro=1
else
	chmod 555 "$RO" && ro=1
fi
if [ $ro -eq 1 ]; then
	t_fails "add in a read-only data folder" "$POLYREAD" notes add \
	    --data-dir "$RO" --file "$EN" --quote "Ships choose" --note x
	t_grep "read-only: says so" "notes folder '.*/ro' is read-only" \
	    "$T/err"
	# Issue 18: the commands that only read work there (an in-memory
	# copy of the database), with a warning.
	t_ok "a new data folder that cannot be made: list says so" \
	    "$POLYREAD" notes list --data-dir "$RO/sub"
	t_grep "...with a warning naming it" \
	    "warning: cannot create the notes folder '.*/ro/sub'.*nothing is saved" \
	    "$T/err"
	"$POLYREAD" notes list >"$T/rw-list" 2>/dev/null
	t_ok "list in a read-only data folder" "$POLYREAD" notes list \
	    --data-dir "$RO"
	t_cmp "...lists what it holds" "$T/out" "$T/rw-list"
	t_grep "...and warns once" \
	    "warning: the notes folder '.*/ro' is read-only.*nothing is saved" \
	    "$T/err"
	t_ok "list FILE in a read-only data folder" "$POLYREAD" notes list \
	    --data-dir "$RO" "$EN"
	t_grep "...anchors its notes" "anchored" "$T/out"
	t_ok "export in a read-only data folder" "$POLYREAD" notes export \
	    --data-dir "$RO"
	t_grep "...exports its notes" "AnnotationCollection" "$T/out"
	t_ok "check in a read-only data folder" "$POLYREAD" notes check \
	    --data-dir "$RO"
	t_ok "library in a read-only data folder" "$POLYREAD" library \
	    --data-dir "$RO"
	t_grep "...lists its article" "commentary" "$T/out"
	if [ "$(id -u)" -eq 0 ]; then
		chattr -i "$RO"
	else
		chmod 755 "$RO"
	fi
else
	for d in "add in a read-only data folder" "read-only: says so" \
	    "a new data folder that cannot be made: list says so" \
	    "...with a warning naming it" "list in a read-only data folder" \
	    "...lists what it holds" "...and warns once" \
	    "list FILE in a read-only data folder" "...anchors its notes" \
	    "export in a read-only data folder" "...exports its notes" \
	    "check in a read-only data folder" \
	    "library in a read-only data folder" "...lists its article"; do
		t_skip "$d" "a read-only folder cannot be made here"
	done
fi

# Issue 18: a --data-dir that is a symlink to nothing said "File exists".
ln -s "$T/nowhere/notes" "$T/dangling"
t_fails "a dangling symlink as the data folder" "$POLYREAD" notes list \
    --data-dir "$T/dangling"
t_grep "a dangling symlink: names it, says why and what to do" \
    "notes folder '.*/dangling': it (or a folder above it) is a symbolic link to nothing: create the link's target or give another --data-dir" \
    "$T/err"
rm -f "$T/dangling"

# ---- A corrupt database ----
BAD="$T/bad"
mkdir "$BAD"
head -c 8192 /dev/urandom >"$BAD/polyread.db"
t_fails "a corrupt database" "$POLYREAD" notes list --data-dir "$BAD" "$EN"
t_grep "corrupt: says so" "is damaged or not a database" "$T/err"
t_ok "the article still opens" "$POLYREAD" dump "$EN" "$FR" "$RU"
t_grep "and shows" "The Arctic cannot become a toll road" "$T/out"
t_ok "the corrupt file is left alone" test "$(stat -c %s \
    "$BAD/polyread.db")" -eq 8192

# ---- Migration from the first schema, through the command ----
if have sqlite3; then
	mkdir "$T/v1"
	sqlite3 "$T/v1/polyread.db" <"$TESTDATA/notes/schema-v1.sql" \
	    >/dev/null
	t_ok "a version 1 database opens" "$POLYREAD" notes list \
	    --data-dir "$T/v1"
	t_grep "its notes are there" "Who would collect the toll" "$T/out"
else
	t_skip "a version 1 database opens" "sqlite3 is not installed"
	t_skip "its notes are there" "sqlite3 is not installed"
fi

t_done
