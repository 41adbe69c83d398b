#!/bin/sh
# Issue 7: each input limit (docs/polyread.1, LIMITS; docs/SECURITY.md)
# gives one clear line past it, and the shapes that make naive code
# quadratic finish: one huge line, 100,000 nested elements, a million tiny
# paragraphs, 3,000 sentences aligned with 3. Every command runs under a
# generous timeout: a guard against hangs, not a timing test.
. "$top_srcdir/tests/regress/lib.sh"

# t_limit DESCRIPTION COMMAND...: t_fails, under the hang guard.
t_limit() {
	d=$1; shift
	t_fails "$d" timeout 120 "$@"
}
# t_runs DESCRIPTION COMMAND...: t_ok, under the hang guard.
t_runs() {
	d=$1; shift
	t_ok "$d" timeout 120 "$@"
}

# File size: 32 MiB.
awk 'BEGIN { s = "Forty-two bytes of plain text, and more.\n\n";
	for (i = 0; i < 800000; i++) printf "%s", s }' >"$T/big.en.txt"
t_limit "file size: 33 MB refused" "$POLYREAD" dump "$T/big.en.txt"
t_grep "file size: the limit is named" \
    "'.*/big.en.txt' is too large (32.0 MiB; the limit is 32.0 MiB)\|is too large (.*; the limit is 32.0 MiB)" \
    "$T/err"
rm -f "$T/big.en.txt"

# One huge line: 20 MB of sentences without a newline is one paragraph,
# past the paragraph limit (4 MiB).
awk 'BEGIN { s = "The cat sat on the mat. "; for (i = 0; i < 873813; i++)
	printf "%s", s }' >"$T/line.en.txt"
t_limit "20 MB line: refused" "$POLYREAD" dump "$T/line.en.txt"
t_grep "20 MB line: the paragraph limit is named" \
    "'.*/line.en.txt' has a paragraph longer than 4.0 MiB (the limit)" \
    "$T/err"
t_limit "20 MB line: sentences refused too" "$POLYREAD" sentences \
    "$T/line.en.txt"
# The same in one HTML paragraph, and a 20 MB word.
{ printf '<html><body><p>'; cat "$T/line.en.txt"; printf '</p></body></html>'; } \
    >"$T/line.en.html"
t_limit "20 MB html paragraph: refused" "$POLYREAD" dump "$T/line.en.html"
t_grep "20 MB html paragraph: says so" "paragraph longer than 4.0 MiB" \
    "$T/err"
rm -f "$T/line.en.html"
head -c 20000000 /dev/zero | tr '\0' 'a' >"$T/word.en.txt"
t_limit "20 MB word: refused" "$POLYREAD" dump "$T/word.en.txt"
rm -f "$T/word.en.txt"
# Just under the limit: 3.9 MB on one line is read, cut into its 162,500
# sentences and dumped, in linear time.
head -c 3900000 "$T/line.en.txt" >"$T/long.en.txt"
rm -f "$T/line.en.txt"
t_runs "3.9 MB line: dumped" "$POLYREAD" dump --width 80 "$T/long.en.txt"
t_grep "3.9 MB line: its text" "The cat sat on the mat." "$T/out"
t_runs "3.9 MB line: sentences" "$POLYREAD" sentences "$T/long.en.txt"
n=$(grep -c 'The cat sat' "$T/out")
t_result $([ "$n" -ge 160000 ]; echo $?) "3.9 MB line: $n sentences"
# A 20 MB HTML page on one line: many paragraphs, each short.
awk 'BEGIN { printf "<html><body>";
	for (i = 0; i < 400000; i++) printf "<p>Line %d of one long line.</p>", i;
	printf "</body></html>" }' >"$T/oneline.en.html"
t_runs "html on one 13 MB line: dumped" "$POLYREAD" dump "$T/oneline.en.html"
t_grep "html on one line: the last paragraph" "Line 399999 of one" "$T/out"
rm -f "$T/oneline.en.html" "$T/long.en.txt"

# Nesting depth: 256. 100,000 nested elements are refused at once.
awk 'BEGIN { printf "<html><body>";
	for (i = 0; i < 100000; i++) printf "<div>"; printf "deep";
	for (i = 0; i < 100000; i++) printf "</div>";
	printf "</body></html>\n" }' >"$T/nested.html"
t_limit "100,000 nested html elements: refused" "$POLYREAD" dump \
    "$T/nested.html"
t_grep "nested html: the depth limit is named" "more than 256 deep" "$T/err"
awk 'BEGIN { printf "<?xml version=\"1.0\"?><r>";
	for (i = 0; i < 100000; i++) printf "<a>"; printf "deep";
	for (i = 0; i < 100000; i++) printf "</a>";
	printf "</r>\n" }' >"$T/nested.xml"
t_limit "100,000 nested xml elements: refused" "$POLYREAD" dump \
    "$T/nested.xml"
t_grep "nested xml: the depth limit is named" "more than 256 deep" "$T/err"
# Unclosed: 100,000 start tags and no end.
awk 'BEGIN { for (i = 0; i < 100000; i++) printf "<div><span>x" }' \
    >"$T/open.html"
t_runs "100,000 unclosed html elements: no hang" sh -c \
    '"$1" dump "$2" >/dev/null 2>&1; [ $? -lt 128 ]' sh "$POLYREAD" \
    "$T/open.html"
# Just under the limit: 250 levels are read.
awk 'BEGIN { printf "<html><body>";
	for (i = 0; i < 250; i++) printf "<div>"; printf "Deep but fine.";
	for (i = 0; i < 250; i++) printf "</div>";
	printf "</body></html>\n" }' >"$T/deep250.html"
t_runs "250 nested elements: read" "$POLYREAD" dump "$T/deep250.html"
t_grep "250 nested elements: the text" "Deep but fine." "$T/out"
rm -f "$T/nested.html" "$T/nested.xml" "$T/open.html"

# Elements: 2,000,000.
awk 'BEGIN { printf "<html><body><p>x</p>";
	for (i = 0; i < 2000001; i++) printf "<b></b>";
	printf "</body></html>\n" }' >"$T/elements.html"
t_limit "2,000,001 elements: refused" "$POLYREAD" dump "$T/elements.html"
t_grep "elements: the limit is named" \
    "has more than 2000000 elements (the limit)" "$T/err"
rm -f "$T/elements.html"
# Issue 18: any element name counts ('<_/>', '<é/>' were not), and so do
# XML entity references (1,000,000), attributes in one element (256, with
# the defaults an internal subset declares) and in all (2,000,000): each
# refused before libxml2 builds anything.
awk 'BEGIN { printf "<r><p>"; for (i = 0; i < 2000001; i++) printf "<_/>";
	printf "</p></r>\n" }' >"$T/under.xml"
t_limit "2,000,001 elements named '_': refused" "$POLYREAD" dump "$T/under.xml"
t_grep "elements named '_': the limit is named" \
    "has more than 2000000 elements (the limit)" "$T/err"
awk 'BEGIN { printf "<r><p>"; for (i = 0; i < 2000001; i++) printf "<\303\251/>";
	printf "</p></r>\n" }' >"$T/under.xml"
t_limit "2,000,001 elements with non-ASCII names: refused" "$POLYREAD" dump \
    "$T/under.xml"
awk 'BEGIN { printf "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY e \"\">]><r><p>";
	for (i = 0; i < 1000001; i++) printf "&e;"; printf "</p></r>\n" }' \
    >"$T/under.xml"
t_limit "1,000,001 entity references: refused" "$POLYREAD" dump "$T/under.xml"
t_grep "entity references: the limit is named" \
    "has more than 1000000 entity references (the limit)" "$T/err"
for f in html xml; do
	awk -v f=$f 'BEGIN { printf "<r><p x=\">\"";
		for (i = 0; i < 20000; i++) printf " a%d=\"1\"", i;
		printf ">Hello there.</p></r>\n" }' >"$T/attrs.$f"
	t_limit "$f: 20,000 attributes on one element: refused" "$POLYREAD" \
	    dump "$T/attrs.$f"
	t_grep "$f: attributes: the limit is named" \
	    "has an element with more than 256 attributes (the limit)" "$T/err"
done
awk 'BEGIN { printf "<html><body><p";
	for (i = 0; i < 20000; i++) printf " a%d", i;
	printf ">Hello there.</p></body></html>\n" }' >"$T/attrs.html"
t_limit "html: 20,000 attributes without values: refused" "$POLYREAD" dump \
    "$T/attrs.html"
awk 'BEGIN { printf "<?xml version=\"1.0\"?><!DOCTYPE r [<!ATTLIST p";
	for (i = 0; i < 20000; i++) printf " a%d CDATA \"x\"", i;
	printf ">]><r><p>Hello there.</p></r>\n" }' >"$T/attrs.xml"
t_limit "xml: 20,000 declared attribute defaults: refused" "$POLYREAD" dump \
    "$T/attrs.xml"
awk 'BEGIN { printf "<html><body>";
	for (i = 0; i < 8000; i++) {
		printf "<p";
		for (j = 0; j < 251; j++) printf " a%d", j;
		printf ">x</p>" }
	printf "</body></html>\n" }' >"$T/attrs.html"
t_limit "2,008,000 attributes in all: refused" "$POLYREAD" dump "$T/attrs.html"
t_grep "attributes in all: the limit is named" \
    "has more than 2000000 attributes (the limit)" "$T/err"
# The attributes hidden from the count: after a quote in a comment, a
# script or an end tag; cut by values holding '<b'.
# Issue 18 (fuzz-html): "<script/>" has no text (the parser closes it at
# once), and an end tag runs to the next '>' ("</x<script>" starts no
# script), so the tags after them are counted.
for shape in '<!-- <a x=" -->|" -->' '<script>if (a<b) s = " </script>|";</script>' \
    '</a <b x="> |"' '<script/>|' '</x<script>|' 'X'; do
	awk -v shape="$shape" 'BEGIN { split(shape, s, "|");
		printf "<html><body>%s<p", (shape == "X" ? "" : s[1]);
		for (i = 0; i < 20000; i++)
			printf (shape == "X" && i % 200 == 0) ? " x=\"<b\" a%d" : " a%d", i;
		printf ">Hello there.</p>%s</body></html>\n", s[2] }' \
	    >"$T/attrs.html"
	t_limit "html: 20,000 attributes after '${shape%%|*}': refused" \
	    "$POLYREAD" dump "$T/attrs.html"
done
# Issue 18 (fuzz-html): an end tag right after a script's start tag ends
# it (the parser reads an end tag before the text), so a value holding
# '<b>' after it hides no attributes from either count.
awk 'BEGIN { printf "<html><body><div><script></div><p x=\"<b>\"";
	for (i = 0; i < 20000; i++) printf " a%d", i;
	printf ">Hello there.</p></body></html>\n" }' >"$T/attrs.html"
t_limit "html: 20,000 attributes after '<script></div>': refused" \
    "$POLYREAD" dump "$T/attrs.html"
# Issue 18 (fuzz-html): a form feed is no blank to HTML's parser but junk
# up to the next blank, so the quote after one opens no value and the
# words after it are attributes.
awk 'BEGIN { printf "<html><body><p x\f=\"<3";
	for (i = 0; i < 20000; i++) printf " a%d", i;
	printf ">Hello there.\"</p></body></html>\n" }' >"$T/attrs.html"
t_limit "html: 20,000 attributes after a form feed and a quote: refused" \
    "$POLYREAD" dump "$T/attrs.html"
# But a script's, a style's or a comment's text holds no tag: minified
# code comparing "a<b" with hundreds of words before any '>' (as on real
# news pages) is no element with hundreds of attributes.
awk 'BEGIN { printf "<html><body><p>Hello there.</p><script>for(u=0;u<c.length;u++){";
	for (i = 0; i < 600; i++) printf "var R%d = c[u] || k ;", i;
	printf "}</SCRIPT><style>a<b { x: y }</style><!-- a<b";
	for (i = 0; i < 600; i++) printf " w%d", i;
	printf " --><p>Bye now.</p></body></html>\n" }' >"$T/attrs.html"
t_ok "html: '<' in a script, a style or a comment starts no tag" \
    "$POLYREAD" dump "$T/attrs.html"
# HTML's parser reads 100 bytes of a name: the rest is more attributes.
awk 'BEGIN { printf "<html><body><p ";
	for (i = 0; i < 2000; i++) {
		printf "a%05d", i; for (j = 0; j < 94; j++) printf "x" }
	printf ">Hello there.</p></body></html>\n" }' >"$T/attrs.html"
t_limit "html: a name of 200,000 bytes (2,000 attributes): refused" \
    "$POLYREAD" dump "$T/attrs.html"
rm -f "$T/under.xml" "$T/attrs.html" "$T/attrs.xml"

# Issue 18: Markdown, 1,000 '[' in one paragraph: libcmark 0.30.2 is
# quadratic in them ("![[]()" repeated). Refused; a list of 3,000 links
# (a paragraph each) and --input-format text still read.
awk 'BEGIN { printf "# T\n\n"; for (i = 0; i < 25600; i++) printf "![[]()";
	printf "\n" }' >"$T/brackets.md"
t_limit "markdown: 150 KB of '![[]()': refused" "$POLYREAD" dump \
    "$T/brackets.md"
t_grep "markdown: the bracket limit is named" \
    "has a Markdown paragraph with more than 1000 '\\[' (the limit)" \
    "$T/err"
t_runs "markdown: the same with --input-format text: read" "$POLYREAD" \
    dump --input-format text "$T/brackets.md"
awk 'BEGIN { printf "# T\n\n"; for (i = 0; i < 3000; i++)
	printf "- [Chapter %d](#c%d)\n", i, i }' >"$T/brackets.md"
t_runs "markdown: 3,000 links in a list: read" "$POLYREAD" dump \
    "$T/brackets.md"
t_grep "markdown: ...to the last" "Chapter 2999" "$T/out"
rm -f "$T/brackets.md"

# Issue 18: entity text past the expansion budget (1 MiB) or deeper than
# 8 entities is refused, never left out silently: a 10 KB entity in 200
# paragraphs of a 16 KB file lost its text from paragraph 105 on, exit 0.
awk 'BEGIN { printf "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY e \"";
	for (i = 0; i < 2000; i++) printf "word ";
	printf "\">]><r>";
	for (i = 0; i < 200; i++) printf "<p>Para %d. &e;</p>", i;
	printf "</r>\n" }' >"$T/budget.xml"
t_limit "xml: 2 MB of entity text: refused" "$POLYREAD" dump "$T/budget.xml"
t_grep "xml: the entity budget is named" \
    "expands its entities to more than 1.0 MiB of text (the limit)" "$T/err"
awk 'BEGIN { printf "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY e \"";
	for (i = 0; i < 2000; i++) printf "word ";
	printf "\">]><r>";
	for (i = 0; i < 100; i++) printf "<p>Para %d. &e;</p>", i;
	printf "</r>\n" }' >"$T/budget.xml"
t_runs "xml: 1 MB of entity text: read" "$POLYREAD" dump "$T/budget.xml"
t_grep "xml: ...to the last paragraph's entity" "Para 99\. word" "$T/out"
awk 'BEGIN { printf "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY e0 \"deep\">";
	for (i = 1; i < 12; i++) printf "<!ENTITY e%d \"&e%d;\">", i, i - 1;
	printf "]><r><p>Start &e11; end.</p></r>\n" }' >"$T/budget.xml"
t_limit "xml: entities 12 deep: refused" "$POLYREAD" dump "$T/budget.xml"
t_grep "xml: the entity depth is named" \
    "nests entities more than 8 deep (the limit)" "$T/err"
rm -f "$T/budget.xml"

# Blocks (paragraphs): 2,000,000.
awk 'BEGIN { for (i = 0; i < 2000001; i++) printf "P.\n\n" }' \
    >"$T/blocks.en.txt"
t_limit "2,000,001 paragraphs: refused" "$POLYREAD" dump "$T/blocks.en.txt"
t_grep "paragraphs: the limit is named" \
    "has more than 2000000 paragraphs (the limit)" "$T/err"
rm -f "$T/blocks.en.txt"

# A million tiny paragraphs: read, cut and dumped.
awk 'BEGIN { for (i = 0; i < 1000000; i++) printf "P%d.\n\n", i }' \
    >"$T/million.en.txt"
t_runs "a million text paragraphs: dumped" "$POLYREAD" dump "$T/million.en.txt"
t_grep "a million text paragraphs: the last" "^P999999\.$" "$T/out"
rm -f "$T/million.en.txt"
awk 'BEGIN { printf "<html><body>";
	for (i = 0; i < 1000000; i++) printf "<p>P%d.</p>\n", i;
	printf "</body></html>\n" }' >"$T/million.en.html"
t_runs "a million html paragraphs: dumped" "$POLYREAD" dump \
    "$T/million.en.html"
t_grep "a million html paragraphs: the last" "^P999999\.$" "$T/out"
rm -f "$T/million.en.html"

# 3,000 sentences against 3: the aligner's band and its fallbacks stay
# near linear; every sentence of both is printed.
printf 'One cat sat. Two dogs ran. Three birds sang.\n' >"$T/three.en.txt"
awk 'BEGIN { split("le chat chien oiseau maison vert bleu rouge grand petit", w);
	srand(7);
	for (i = 0; i < 3000; i++) {
		s = "Phrase " i;
		for (j = 0; j < 8; j++) s = s " " w[1 + int(rand() * 10)];
		printf "%s. ", s;
		if (i % 40 == 39) printf "\n\n";
	}
	printf "\n" }' >"$T/many.fr.txt"
t_runs "align 3 with 3,000 sentences" "$POLYREAD" align "$T/three.en.txt" \
    "$T/many.fr.txt"
t_grep "align 3 with 3,000: the last French sentence" "Phrase 2999 " "$T/out"
t_grep "align 3 with 3,000: the English ones" "Three birds sang." "$T/out"
t_runs "align 3,000 with 3" "$POLYREAD" align "$T/many.fr.txt" \
    "$T/three.en.txt"
t_runs "dump 3 with 3,000" "$POLYREAD" dump "$T/three.en.txt" "$T/many.fr.txt"
t_runs "quotes 3 with 3,000" "$POLYREAD" quotes "$T/three.en.txt" \
    "$T/many.fr.txt"

# Notes imported from the standard input: 256 MiB at most.
t_limit "notes import of 300 MB on stdin: refused" sh -c \
    'head -c 300000000 /dev/zero | "$1" notes import --data-dir "$2" -' sh \
    "$POLYREAD" "$T/data"
t_grep "notes import on stdin: the limit is named" \
    "standard input is larger than 256 MiB (the limit)" "$T/err"

t_done
