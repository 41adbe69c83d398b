#!/bin/sh
# polyread extract: the article a page holds, as text, Markdown or JSON
# (the contract in docs/polyread.1, which scripts rely on). The pages in
# tests/data/extract are news pages in English, French and Russian with
# the usual furniture (menus, share bar, figure, related links, comments,
# footer); the references in ref/ were checked by eye.
. "$top_srcdir/tests/regress/lib.sh"

X="$TESTDATA/extract"

# Run from the test data, so that names in the output are relative.
ex() {
	(cd "$TESTDATA" && "$POLYREAD" extract "$@")
}

# t_rc DESCRIPTION WANT COMMAND...: the command exits with WANT, writing
# exactly one line on stderr.
t_rc() {
	d=$1; want=$2; shift 2
	"$@" >"$T/out" 2>"$T/err"
	rc=$?
	lines=$(grep -c . "$T/err")
	if [ $rc -eq "$want" ] && [ "$lines" -eq 1 ] &&
	    grep -q '^polyread: ' "$T/err"; then
		t_result 0 "$d"
	else
		echo "exit $rc (want $want), $lines lines on stderr" >>"$T/err"
		t_result 1 "$d" "$T/err"
	fi
}

# --- the three formats, against the references --------------------------
for l in en fr ru; do
	t_ref "text: $l" "0017-wire.$l.txt" ex extract/wire.$l.html
	t_ref "markdown: $l" "0017-wire.$l.md" ex --format=markdown \
	    extract/wire.$l.html
	t_ref "json: $l" "0017-wire.$l.json" ex --format=json \
	    extract/wire.$l.html
done
t_ok "--format text is the default" ex --format text extract/wire.fr.html
t_cmp "--format text is the default: same output" "$REF/0017-wire.fr.txt" \
    "$T/out"

# --- text: the body alone -------------------------------------------------
ex extract/wire.en.html >"$T/en.txt" 2>&1
t_nogrep "text: no title" "^Tromsø opens" "$T/en.txt"
t_nogrep "text: no caption" "Photo: Ingrid Solberg" "$T/en.txt"
t_nogrep "text: no menu, share bar, related links or footer" \
    "^News\|Share\|Print\|Bodø's new concert\|All rights reserved" \
    "$T/en.txt"
# The byline and the dateline go to the metadata, not the body.
t_nogrep "text: no byline, no date" \
    "^By Elena Marchetti$\|^12 July 2024$" "$T/en.txt"
t_grep "text: a heading as its text" "^What the building holds$" \
    "$T/en.txt"
t_grep "text: list items as '- '" "^- a children's floor" "$T/en.txt"
t_grep "text: the quotation" "^In winter the sun does not rise" "$T/en.txt"
t_grep "text: a link as its text" "published in the council's report\.$" \
    "$T/en.txt"
t_nogrep "text: no Markdown" "^#\|^>\|\*\|\](" "$T/en.txt"
ex extract/wire.ru.html >"$T/ru.txt" 2>&1
t_nogrep "text RU: no caption, no menu, no tags" \
    "Фото:\|ВКонтакте\|Популярное\|^Новости\|Норвегия" "$T/ru.txt"
t_grep "text RU: the last paragraph" \
    "^Строительство обошлось в 610 млн крон" "$T/ru.txt"

# Preformatted text keeps its lines and tabs.
printf '<html><body><article><h1>Code</h1><p>%s</p><pre>%s</pre>%s' \
    "A paragraph long enough to be the article, with a few more words." \
    "$(printf 'line one\n\tline two')" "</article></body></html>" \
    >"$T/pre.html"
t_ok "text: a page with <pre>" "$POLYREAD" extract "$T/pre.html"
printf 'line one\n\tline two\n' >"$T/pre.want"
sed -n '3,4p' "$T/out" >"$T/pre.got"
t_cmp "text: <pre> keeps its newlines and tabs" "$T/pre.want" "$T/pre.got"

# --- Markdown ------------------------------------------------------------
ex --format=markdown extract/wire.en.html >"$T/en.md" 2>&1
t_grep "markdown: the title" "^# Tromsø opens the Arctic's largest" \
    "$T/en.md"
t_grep "markdown: the metadata line" '^\*Elena Marchetti · 2024-07-12' \
    "$T/en.md"
t_grep "markdown: the heading" "^## What the building holds$" "$T/en.md"
t_grep "markdown: the list" "^- workshops with sewing machines" "$T/en.md"
t_grep "markdown: the quotation" "^> In winter the sun" "$T/en.md"
t_grep "markdown: the link" \
    "\[council's report\](https://tromso.example/library-budget.pdf)\.$" \
    "$T/en.md"
t_grep "markdown: emphasis" "\*polar expedition diaries\*" "$T/en.md"
t_grep "markdown: the caption in italics" "^\*The new library faces" \
    "$T/en.md"
[ "$(grep -c '^# ' "$T/en.md")" -eq 1 ]
t_result $? "markdown: the headline is the title, not repeated" "$T/en.md"
t_nogrep "markdown: no furniture" "Share\|Bodø's new\|All rights" "$T/en.md"
ex --format=markdown extract/wire.fr.html >"$T/fr.md" 2>&1
t_grep "markdown FR: an ordered list" \
    "^1\. un étage pour les enfants" "$T/fr.md"
t_grep "markdown FR: numbered on" "^3\. une salle de lecture" "$T/fr.md"
ex --format=markdown extract/wire.ru.html >"$T/ru.md" 2>&1
t_grep "markdown RU: strong" "в \*\*610 млн крон\*\*, две трети" "$T/ru.md"
t_grep "markdown RU: the link" \
    "\[отчёте городского совета\](https://tromso.example/budsjett.pdf)" \
    "$T/ru.md"

# The Markdown read back by polyread's Markdown loader gives the same body
# (with the title and the metadata line as its first two blocks).
for l in en fr ru; do
	ex --format=markdown extract/wire.$l.html >"$T/rt.$l.md" 2>/dev/null
	"$POLYREAD" extract "$T/rt.$l.md" 2>/dev/null | awk '
	    BEGIN { RS = ""; ORS = "\n\n" } NR > 2' >"$T/rt.$l.txt"
	# The captions are in the Markdown, not in the text.
	grep -v '^Photo\|Фото:\|^$' "$REF/0017-wire.$l.txt" >"$T/rt.want"
	grep -v '^Photo\|Фото:\|^$' "$T/rt.$l.txt" |
	    grep -v "Ingrid Solberg\|Ингрид Сульберг" >"$T/rt.got"
	t_cmp "markdown $l: reads back as the text" "$T/rt.want" "$T/rt.got"
done

# --- JSON ----------------------------------------------------------------
if have python3; then
	for l in en fr ru; do
		ex --format=json extract/wire.$l.html >"$T/$l.json" 2>&1
		[ "$(wc -l <"$T/$l.json")" -eq 1 ] &&
		    python3 -m json.tool "$T/$l.json" >/dev/null 2>"$T/jerr"
		t_result $? "json $l: one line of valid JSON" "$T/jerr"
		# Every field of the contract, no other; body is the text.
		python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
want = ["source", "title", "subtitle", "authors", "byline", "date",
    "modified", "site", "lang", "canonical", "alternates", "found",
    "body", "blocks"]
assert list(d) == want, list(d)
assert d["source"] == "extract/wire.%s.html" % sys.argv[3], d["source"]
assert d["lang"] == sys.argv[3], d["lang"]
assert d["found"] == "article"
assert isinstance(d["authors"], list)
assert [a["lang"] for a in d["alternates"]] == ["en", "fr", "ru"]
assert d["body"] == open(sys.argv[2], encoding="utf-8").read()
kinds = [b["kind"] for b in d["blocks"]]
for k in ("paragraph", "heading", "item", "quote", "caption"):
	assert k in kinds, (k, kinds)
assert all(set(b) == {"kind", "level", "text"} for b in d["blocks"])
assert not any(b["text"] == d["title"] for b in d["blocks"])
' "$T/$l.json" "$REF/0017-wire.$l.txt" "$l" >"$T/jerr" 2>&1
		t_result $? "json $l: the fields, body as text" "$T/jerr"
	done
else
	for l in en fr ru; do
		t_skip "json $l: one line of valid JSON" "python3 is not installed"
		t_skip "json $l: the fields, body as text" \
		    "python3 is not installed"
	done
fi

# Controls and bidi overrides: escaped, never raw, in every format.
rlo=$(printf '\342\200\256')
cat >"$T/evil.html" <<EOF
<html><head><title>Evil ${rlo}gnp.exe</title></head><body><article>
<h1>Evil &#x202E;gnp.exe</h1><p>Text with $rlo an override, a "quote" and a
back\\slash, and enough words to be an article.</p></article></body></html>
EOF
for f in text markdown json; do
	"$POLYREAD" extract --format=$f "$T/evil.html" >"$T/evil.$f" 2>&1
	t_nogrep "$f: no raw bidi override" "$(printf '\342\200\256')" \
	    "$T/evil.$f"
done
t_grep "text: the override shown" "Text with <U+202E> an override" \
    "$T/evil.text"
t_grep "json: the override as \\u202e, quotes and backslashes escaped" \
    'Text with \\u202e an override, a \\"quote\\" and a back\\\\slash' \
    "$T/evil.json"
if have python3; then
	python3 -m json.tool "$T/evil.json" >/dev/null 2>"$T/jerr"
	t_result $? "json: escapes are valid JSON" "$T/jerr"
else
	t_skip "json: escapes are valid JSON" "python3 is not installed"
fi

# --- several inputs ------------------------------------------------------
t_ok "text: three inputs" ex extract/wire.en.html extract/wire.fr.html \
    extract/wire.ru.html
{
	for l in en fr ru; do
		[ $l = en ] || echo
		echo "==> extract/wire.$l.html <=="
		cat "$REF/0017-wire.$l.txt"
	done
} >"$T/three.want"
t_cmp "text: each after '==> NAME <==', a blank line between" \
    "$T/three.want" "$T/out"
t_ok "markdown: two inputs" ex --format=markdown extract/wire.fr.html \
    extract/wire.ru.html
{
	echo "==> extract/wire.fr.html <=="
	cat "$REF/0017-wire.fr.md"
	echo
	echo "==> extract/wire.ru.html <=="
	cat "$REF/0017-wire.ru.md"
} >"$T/two.want"
t_cmp "markdown: each after '==> NAME <=='" "$T/two.want" "$T/out"
t_ok "json: three inputs" ex --format=json extract/wire.en.html \
    extract/wire.fr.html extract/wire.ru.html
cat "$REF/0017-wire.en.json" "$REF/0017-wire.fr.json" \
    "$REF/0017-wire.ru.json" >"$T/three.want"
t_cmp "json: JSON Lines, no '==>' lines" "$T/three.want" "$T/out"

# --- bad input -----------------------------------------------------------
printf '\211PNG\r\n\032\n\000\000\000\rIHDR\000\000\001\000' >"$T/pic.html"
t_fails "binary file" "$POLYREAD" extract "$T/pic.html"
t_grep "binary file: says so" "is a binary file, not an article" "$T/err"
printf '%s\n%s\n' '<!DOCTYPE html><html><head><title>Nothing</title></head>' \
    '<body><div class="page"><img src="/a.png" alt=""></div></body></html>' \
    >"$T/empty.html"
t_fails "a page without text" "$POLYREAD" extract --format=json \
    "$T/empty.html"
t_grep "a page without text: says so" "no text found in '.*/empty.html'" \
    "$T/err"
t_ok "a page of furniture only: its text" "$POLYREAD" extract \
    "$TESTDATA/html/boilerplate.en.html"
t_grep "a page of furniture only: the text" "^Get our free morning briefing" \
    "$T/out"
t_grep "a page of furniture only: one warning line" \
    "^polyread: warning: no article found in '.*boilerplate.en.html'" \
    "$T/err"
dd if=/dev/zero of="$T/huge.html" bs=1 count=0 seek=33M 2>/dev/null
t_fails "a 33 MiB page" "$POLYREAD" extract --format=markdown "$T/huge.html"
t_grep "a 33 MiB page: too large, with the limit" \
    "'.*/huge.html' is too large (33.0 MiB; the limit is 32.0 MiB)" "$T/err"
rm -f "$T/huge.html"
t_fails "missing file" "$POLYREAD" extract "$T/nope.html"
t_grep "missing file: names it and says why" \
    "cannot open '.*/nope.html': No such file or directory" "$T/err"

# Several inputs with a bad one: the good ones printed, exit 1.
t_rc "text: a bad input among good ones" 1 ex extract/wire.en.html \
    nope.html extract/wire.ru.html
t_grep "text: the bad one named" "cannot open 'nope.html'" "$T/err"
[ "$(grep -c '^==> ' "$T/out")" -eq 2 ] &&
    grep -q '^==> extract/wire.ru.html <==$' "$T/out" &&
    grep -q '^Строительство обошлось' "$T/out"
t_result $? "text: the good ones are printed" "$T/out"
t_rc "json: a bad input among good ones" 1 "$POLYREAD" extract \
    --format=json "$T/pic.html" "$X/wire.fr.html"
t_grep "json: the bad one named" "pic.html' is a binary file" "$T/err"
[ "$(wc -l <"$T/out")" -eq 1 ] && grep -q '"lang":"fr"' "$T/out"
t_result $? "json: the good one is printed" "$T/out"

# --- options -------------------------------------------------------------
t_rc "an unknown format" 2 "$POLYREAD" extract --format=html "$X/wire.en.html"
t_grep "an unknown format: names the formats" \
    "unknown format 'html' (text, markdown, json)" "$T/err"
! [ -s "$T/out" ]
t_result $? "an unknown format: nothing on stdout" "$T/out"
t_rc "no input" 2 "$POLYREAD" extract --format=json
t_rc "an option of another command" 2 "$POLYREAD" extract --width 80 \
    "$X/wire.en.html"
t_ok "--help" "$POLYREAD" extract --help
t_grep "--help: the usage" "^usage: polyread extract \[--format=text|markdown|json\]" \
    "$T/out"

# --lang: the language of a page that does not state one.
sed 's/<html lang="en">/<html>/' "$X/wire.en.html" >"$T/nolang.html"
t_ok "--lang" "$POLYREAD" extract --format=json --lang de "$T/nolang.html"
t_grep "--lang: taken" '"lang":"de"' "$T/out"

# --- URLs ----------------------------------------------------------------
if have python3; then
	SERVER=""
	trap '[ -z "$SERVER" ] || kill "$SERVER" 2>/dev/null' EXIT
	trap 'exit 1' HUP INT TERM
	POLYREAD_FETCH_TIMEOUT=5
	POLYREAD_FETCH_CONNECT_TIMEOUT=3
	export POLYREAD_FETCH_TIMEOUT POLYREAD_FETCH_CONNECT_TIMEOUT
	httpd_start "$T/ports" "$T/httpd.log"
	SERVER=$LAST_SERVER
	PORT=$(awk '$1 == "http" { print $2 }' "$T/ports")
	B="http://127.0.0.1:$PORT"
	t_rc "url: a page and a server error" 1 "$POLYREAD" extract \
	    --format=json "$B/trio/fr" "$B/error"
	grep -q "^{\"source\":\"$B/trio/fr\"" "$T/out" &&
	    grep -q '"lang":"fr"' "$T/out" && [ "$(wc -l <"$T/out")" -eq 1 ]
	t_result $? "url: the page extracted" "$T/out"
	grep -q "^GET /trio/en \|^GET /trio/ru " "$T/httpd.log"
	[ $? -ne 0 ]
	t_result $? "url: its translations are not fetched" "$T/httpd.log"
	t_grep "url: the error named" "/error" "$T/err"
	t_ok "url: from the cache, offline" "$POLYREAD" extract --offline \
	    "$B/trio/fr"
	t_grep "url: from the cache, offline: the text" "." "$T/out"
else
	for d in "url: a page and a server error" "url: the page extracted" \
	    "url: its translations are not fetched" "url: the error named" \
	    "url: from the cache, offline" \
	    "url: from the cache, offline: the text"; do
		t_skip "$d" "python3 is not installed (the test server)"
	done
fi
t_done
