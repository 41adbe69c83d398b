#!/bin/sh
# make bench: polyread's benchmarks (never part of make check).
#
# Builds polyread (the build must be optimised: configured without
# --enable-debug, --enable-asan or --enable-fuzzing), then measures, as medians of
# BENCH_RUNS runs (default 7), on three inputs:
#   sample   the bundled sample trio (data/sample)
#   book     ../shared/corpora/newstest2013/book (3000 sentences a version)
#            when present, else a book-length trio made from the sample
#   book10   the book ten times over
#   booktxt, booktxt10  the book's paragraphs as plain text, once and ten
#            times over: the scaling ratio (the HTML book10 repeats each
#            short paragraph ten times, and the extractor keeps only the
#            first of repeated short blocks, differently in each language)
# the stages (load, segmentation and quotations, alignment, layout of a
# 200x60 screen), the unit tests' hostile inputs for the text engine (1
# and 4 MiB), whole commands (align, dump) with their peak memory, the
# peers on the same files (w3m -dump and lynx -dump of each version one
# after another), and the reader in tmux (bench/reader-bench.sh).
# Prints a table and writes bench/results.csv.
set -u
src=${top_srcdir:-$(cd "$(dirname "$0")/.." && pwd)}
here=$(pwd)
runs=${BENCH_RUNS:-7}
csv=${BENCH_CSV:-$here/bench/results.csv}
b=$here
data=$here/bench/data

command -v /usr/bin/time >/dev/null 2>&1 ||
    { echo "bench: needs /usr/bin/time (apt-get install time)" >&2; exit 2; }
command -v python3 >/dev/null 2>&1 ||
    { echo "bench: needs python3" >&2; exit 2; }

# 1. The programs, from an optimised build.
mkdir -p "$data" "$(dirname "$csv")"
if grep -q -e '--enable-debug' -e '--enable-asan' -e '--enable-fuzzing' \
    "$b/config.status" 2>/dev/null; then
	echo "bench: this build is not optimised; configure it without" \
	    "--enable-debug, --enable-asan and --enable-fuzzing" >&2
	exit 2
fi
if ! grep -q -e '-O2' -e '-O3' "$b/Makefile" 2>/dev/null; then
	echo "bench: warning: CFLAGS without -O2" >&2
fi
make -s -C "$b" -j2 src/polyread bench/bench-text bench/bench-stages \
    >/dev/null || exit 1
P=$b/src/polyread

# 2. Inputs.
book=$src/../shared/corpora/newstest2013/book
if [ -f "$book/en.html" ]; then
	bookname="newstest2013/book"
else
	book=$data/book
	bookname="sample x120 (no corpora)"
	python3 - "$src/data/sample" "$book" 120 <<'PY'
import os, re, sys
src, dst, k = sys.argv[1], sys.argv[2], int(sys.argv[3])
os.makedirs(dst, exist_ok=True)
for l in ("en", "fr", "ru"):
    s = open(f"{src}/commentary.{l}.html", encoding="utf-8").read()
    body = re.search(r"<article>(.*)</article>", s, re.S).group(1)
    open(f"{dst}/{l}.html", "w", encoding="utf-8").write(
        f'<!DOCTYPE html><html lang="{l}"><head><meta charset="utf-8">'
        f"<title>book</title></head><body><article>{body * k}</article>"
        "</body></html>\n")
PY
fi
python3 - "$book" "$data/book10" 10 <<'PY'
import os, re, sys
src, dst, k = sys.argv[1], sys.argv[2], int(sys.argv[3])
os.makedirs(dst, exist_ok=True)
for l in ("en", "fr", "ru"):
    s = open(f"{src}/{l}.html", encoding="utf-8").read()
    m = re.search(r"<article>(.*)</article>", s, re.S)
    open(f"{dst}/{l}.html", "w", encoding="utf-8").write(
        s[:m.start(1)] + m.group(1) * k + s[m.end(1):])
PY
python3 - "$book" "$data" <<'PY'
import html, os, re, sys
src, dst = sys.argv[1], sys.argv[2]
for k in (1, 10):
    os.makedirs(f"{dst}/booktxt{k if k > 1 else ''}", exist_ok=True)
for l in ("en", "fr", "ru"):
    s = open(f"{src}/{l}.html", encoding="utf-8").read()
    body = re.search(r"<article>(.*)</article>", s, re.S).group(1)
    paras = [html.unescape(re.sub(r"<[^>]+>", "", p)).strip() for p in
             re.findall(r"<(?:p|h[1-6])[^>]*>(.*?)</(?:p|h[1-6])>", body,
                        re.S)]
    text = "\n\n".join(p for p in paras if p) + "\n\n"
    for k in (1, 10):
        open(f"{dst}/booktxt{k if k > 1 else ''}/{l}.txt", "w",
             encoding="utf-8").write(text * k)
PY
sample="$src/data/sample/commentary.en.html $src/data/sample/commentary.fr.html $src/data/sample/commentary.ru.html"
trio() { echo "$1/en.html $1/fr.html $1/ru.html"; }
triotxt() { echo "$1/en.txt $1/fr.txt $1/ru.txt"; }
size_kb() { du -ck "$@" | tail -n 1 | cut -f 1; }

echo "name,input,median,min,max,unit" >"$csv"
row() {	# row NAME INPUT MEDIAN MIN MAX UNIT
	echo "$1,$2,$3,$4,$5,$6" >>"$csv"
	printf '%-34s %-26s %10s %s  (min %s, max %s)\n' "$1" "$2" "$3" "$6" \
	    "$4" "$5"
}

# time_cmd NAME INPUT CMD...: median wall time and peak memory of a
# command: the time from date(1) in nanoseconds around /usr/bin/time
# (whose own %e counts in hundredths), the memory from /usr/bin/time.
time_cmd() {
	name=$1 input=$2
	shift 2
	: >"$data/times"
	i=0
	while [ $i -lt "$runs" ]; do
		t0=$(date +%s%N)
		/usr/bin/time -f "%M" -o "$data/t1" "$@" >/dev/null 2>&1 ||
		    { echo "bench: $name failed: $*" >&2; return 1; }
		t1=$(date +%s%N)
		echo "$(( (t1 - t0) / 1000 )) $(cat "$data/t1")" >>"$data/times"
		i=$((i + 1))
	done
	set -- $(sort -n "$data/times" | awk '{ t[NR] = $1 / 1e6 } END {
		printf "%.3f %.3f %.3f", t[int((NR + 1) / 2)], t[1], t[NR] }')
	row "$name" "$input" "$1" "$2" "$3" s
	set -- $(sort -n -k 2 "$data/times" | awk '{ m[NR] = $2 } END {
		printf "%.1f %.1f %.1f", m[int((NR + 1) / 2)] / 1024,
		    m[1] / 1024, m[NR] / 1024 }')
	row "$name peak memory" "$input" "$1" "$2" "$3" MB
}
# versus LABEL SCRIPT_A SCRIPT_B: run the two scripts one after the other,
# BENCH_RUNS times, and report the median (and the range) of the ratios
# A / B of each pair: the machine's drift during the run (other guests on
# the host) touches both sides of a pair alike.
versus() {
	: >"$data/vs"
	i=0
	while [ $i -lt "$runs" ]; do
		t0=$(date +%s%N)
		sh "$2" >/dev/null 2>&1 || { echo "bench: $2 failed" >&2; return 1; }
		t1=$(date +%s%N)
		sh "$3" >/dev/null 2>&1 || { echo "bench: $3 failed" >&2; return 1; }
		t2=$(date +%s%N)
		echo "$((t1 - t0)) $((t2 - t1))" >>"$data/vs"
		i=$((i + 1))
	done
	set -- "$1" $(awk '{ print $1 / $2 }' "$data/vs" | sort -n |
	    awk '{ a[NR] = $1 } END {
	    printf "%.3f %.3f %.3f", a[int((NR + 1) / 2)], a[1], a[NR] }')
	row "$1" "ratio" "$2" "$3" "$4" x
}
median_of() {	# the median time of the last time_cmd, from the CSV
	grep "^$1,$2," "$csv" | head -n 1 | cut -d , -f 3
}

echo "polyread benchmarks: $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores," \
    "median of $runs runs"
echo "book = $bookname; inputs: sample $(size_kb $sample) KB," \
    "book $(size_kb $(trio "$book")) KB, book10 $(size_kb $(trio "$data/book10")) KB"
echo

# 3. Stages, in process.
for input in sample book book10; do
	case $input in
	sample) files=$sample ;;
	book) files=$(trio "$book") ;;
	book10) files=$(trio "$data/book10") ;;
	esac
	n=$runs
	[ "$input" = book10 ] && n=3
	# shellcheck disable=SC2086
	"$b/bench/bench-stages" -n "$n" $files >"$data/stages" ||
	    { echo "bench: bench-stages failed" >&2; exit 1; }
	while read -r stage med min max; do
		case $stage in
		peak_kb)
			row "stages peak memory" "$input" \
			    "$(echo "$med" | awk '{ printf "%.1f", $1 / 1024 }')" \
			    - - MB ;;
		beads) ;;
		*)	row "stage: $stage" "$input" "$med" "$min" "$max" ms ;;
		esac
	done <"$data/stages"
done
# shellcheck disable=SC2086
"$b/bench/bench-text" -n 9 $(trio "$book") | while read -r line; do
	lang=$(echo "$line" | sed -n 's/.*lang \([a-z]*\),.*/\1/p')
	set -- $(echo "$line" | sed -n \
	    's/.*median \([0-9.]*\) ms (min \([0-9.]*\), max \([0-9.]*\),.*/\1 \2 \3/p')
	row "segment+quotes ($lang)" book "$1" "$2" "$3" ms
done
# The hostile inputs of the unit tests (u-text, u-quote), timed here and
# not there: 1 and 4 MiB, and the ratio (about 4 while linear).
"$b/bench/bench-text" -n 9 -H | while read -r line; do
	case $line in
	*" / 1 MiB: "*)
		set -- $(echo "$line" | sed -n \
		    's/^hostile \([a-z]*\) 4 MiB \/ 1 MiB: \([0-9.]*\) x$/\1 \2/p')
		row "hostile $1 4 MiB / 1 MiB" ratio "$2" - - x ;;
	*)
		set -- $(echo "$line" | sed -n \
		    's/^hostile \([a-z]*\) \([0-9]*\) MiB: .*median \([0-9.]*\) ms (min \([0-9.]*\), max \([0-9.]*\),.*/\1 \2 \3 \4 \5/p')
		row "hostile $1" "$2 MiB" "$3" "$4" "$5" ms ;;
	esac
done
echo

# 4. Whole commands and the peers.
# shellcheck disable=SC2086
time_cmd "polyread align" sample "$P" align $sample
# shellcheck disable=SC2086
time_cmd "polyread align" book "$P" align $(trio "$book")
# shellcheck disable=SC2086
time_cmd "polyread align" book10 "$P" align $(trio "$data/book10")
# shellcheck disable=SC2086
time_cmd "polyread align" booktxt "$P" align $(triotxt "$data/booktxt")
# shellcheck disable=SC2086
time_cmd "polyread align" booktxt10 "$P" align $(triotxt "$data/booktxt10")
# shellcheck disable=SC2086
time_cmd "polyread dump --width 200" book "$P" dump --width 200 $(trio "$book")
a1=$(median_of "polyread align" booktxt)
a10=$(median_of "polyread align" booktxt10)
m1=$(median_of "polyread align peak memory" booktxt)
m10=$(median_of "polyread align peak memory" booktxt10)
row "align book10/book time" ratio "$(echo "$a10 $a1" | awk '{ printf "%.2f", $1 / $2 }')" - - x
row "align book10/book memory" ratio "$(echo "$m10 $m1" | awk '{ printf "%.2f", $1 / $2 }')" - - x
for peer in w3m lynx; do
	if ! command -v $peer >/dev/null 2>&1; then
		echo "($peer not installed: skipped)"
		continue
	fi
	case $peer in
	w3m) opts="-dump -cols 200" ;;
	lynx) opts="-dump -width=200 -nolist" ;;
	esac
	cat >"$data/peer.sh" <<SH
for f in $(trio "$book"); do $peer $opts "\$f" >/dev/null || exit 1; done
SH
	time_cmd "$peer -dump (3 versions)" book sh "$data/peer.sh"
	d=$(median_of "polyread dump --width 200" book)
	w=$(median_of "$peer -dump (3 versions)" book)
	row "polyread dump / $peer -dump" ratio \
	    "$(echo "$d $w" | awk '{ printf "%.2f", $1 / $2 }')" - - x
	# shellcheck disable=SC2086
	echo "\"$P\" dump --width 200 $(trio "$book")" >"$data/mine.sh"
	versus "dump / $peer, paired runs" "$data/mine.sh" "$data/peer.sh"
done
if command -v hunalign >/dev/null 2>&1; then
	echo "(hunalign found: presegmented comparison not written yet)"
else
	echo "(hunalign not installed: skipped; Debian 12 does not package it)"
fi
echo

# 5. The reader, through tmux.
if command -v tmux >/dev/null 2>&1 && [ -f "$src/bench/reader-bench.sh" ]; then
	# shellcheck disable=SC2086
	sh "$src/bench/reader-bench.sh" -m -n 5 -p "$P" -c "$csv" -i book \
	    $(trio "$book") || echo "(reader benchmark failed)"
	# The same on the sample: what the process takes whatever it reads
	# (code, ICU's data, the terminal), so that the book's memory can be
	# told apart from it.
	# shellcheck disable=SC2086
	sh "$src/bench/reader-bench.sh" -n 3 -p "$P" -c "$csv" -i sample \
	    $sample >"$data/reader-sample" 2>&1 ||
	    echo "(reader benchmark on the sample failed)"
	hb=$(grep '^reader: peak memory' "$csv" | grep ',book,' | cut -d , -f 3)
	hs=$(grep '^reader: peak memory' "$csv" | grep ',sample,' | cut -d , -f 3)
	sb=$(grep '^reader: input size' "$csv" | grep ',book,' | cut -d , -f 3)
	ss=$(grep '^reader: input size' "$csv" | grep ',sample,' | cut -d , -f 3)
	if [ -n "$hb" ] && [ -n "$hs" ] && [ -n "$sb" ] && [ -n "$ss" ]; then
		echo "  peak memory on the sample  $hs KiB: the book takes" \
		    "$(echo "$hb $hs" | awk '{ printf "%.0f", $1 - $2 }') KiB more"
		row "reader memory: whole / input" book "$(echo "$hb $sb" |
		    awk '{ printf "%.1f", $1 * 1024 / $2 }')" - - x
		row "reader memory: above sample / input" book \
		    "$(echo "$hb $hs $sb $ss" | awk '{ printf "%.1f",
		    ($1 - $2) * 1024 / ($3 - $4) }')" - - x
	fi
	hh=$(grep '^reader: heap peak' "$csv" | grep ',book,' | cut -d , -f 3)
	if [ -n "$hh" ] && [ -n "$sb" ]; then
		row "reader memory: heap peak / input" book "$(echo "$hh $sb" |
		    awk '{ printf "%.1f", $1 * 1024 / $2 }')" - - x
	fi
	hu=$(grep '^reader: heap in use at peak' "$csv" | grep ',book,' |
	    cut -d , -f 3)
	if [ -n "$hu" ] && [ -n "$sb" ]; then
		row "reader memory: heap in use / input" book "$(echo "$hu $sb" |
		    awk '{ printf "%.1f", $1 * 1024 / $2 }')" - - x
	fi
else
	echo "(tmux or bench/reader-bench.sh missing: reader not measured)"
fi

# Article extraction (issue 14): extract against dump over the 990 saved
# pages of ../shared/corpora/extraction, one process a page, when present.
xtar=$src/../shared/corpora/extraction/trafilatura-eval.tar.xz
if [ -f "$xtar" ]; then
	echo
	echo "Article extraction ($(basename "$xtar"))"
	[ -d "$data/extraction/cache" ] || { mkdir -p "$data/extraction" &&
	    tar -xJf "$xtar" -C "$data/extraction"; }
	sh "$src/bench/extract-bench.sh" -n "${BENCH_EXTRACT_ROUNDS:-1}" \
	    "$b/src/polyread" "$data/extraction" | tee "$data/extract.out"
	x=$(sed -n 's/^  extract  *median  *\([0-9.]*\) s.*/\1/p' \
	    "$data/extract.out")
	dm=$(sed -n 's/^  dump  *median  *\([0-9.]*\) s.*/\1/p' \
	    "$data/extract.out")
	[ -n "$x" ] && row "extract: the 990 pages" extraction "$x" - - s
	[ -n "$dm" ] && row "dump: the 990 pages" extraction "$dm" - - s
else
	echo "(../shared/corpora/extraction missing: extraction not measured)"
fi
echo
echo "CSV: $csv"
