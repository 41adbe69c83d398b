#!/bin/sh
# reader-bench.sh: time the full-screen reader through tmux at 200x60.
#
#	bench/reader-bench.sh [-m] [-n RUNS] [-p POLYREAD] [-c CSV -i INPUT] FILE...
#
# For each run it starts the reader on the files with POLYREAD_TRACE set
# (the reader appends "MICROSECONDS EVENT" lines: start, loaded, key,
# rendered, paint, aligned) and reports, as medians over the runs:
#   start -> first paint    in the process, from main() to the first
#                           doupdate()
#   launch -> first paint   from just before tmux starts the process
#   start -> aligned        when the real alignment replaced the
#                           provisional one
# then sends keys one at a time, waiting for each repaint, and reports the
# median and the worst key -> repaint time for scrolling (j, k, space, b)
# for search next (n, after a search) and for the layout switch (l:
# columns, single, interlinear, three times round), and the peak memory (VmHWM)
# against the size of the inputs, with the part of it mapped from files
# (RssFile: code and ICU's data, the same on any input). With -m (and
# valgrind), one more run under massif gives the heap's peak: what the
# process allocates, its libraries included, until aligned. With -c, the
# figures are also appended to the CSV file as rows
# "name,INPUT,median,min,max,unit" (see run.sh).
set -u
runs=5
massif=0
csv=
input=input
bin=${POLYREAD:-src/polyread}
while getopts mn:p:c:i: c; do
	case $c in
	m) massif=1 ;;
	n) runs=$OPTARG ;;
	p) bin=$OPTARG ;;
	c) csv=$OPTARG ;;
	i) input=$OPTARG ;;
	*) echo "usage: $0 [-n RUNS] [-p POLYREAD] FILE..." >&2; exit 2 ;;
	esac
done
shift $((OPTIND - 1))
[ $# -ge 1 ] || { echo "usage: $0 [-n RUNS] [-p POLYREAD] FILE..." >&2; exit 2; }
command -v tmux >/dev/null || { echo "reader-bench: needs tmux" >&2; exit 2; }
case $bin in /*) ;; *) bin="$PWD/$bin" ;; esac
tmp=$(mktemp -d "${TMPDIR:-/tmp}/reader-bench.XXXXXX")
sock="rb$$"
TMUX_TMPDIR="$tmp"
export TMUX_TMPDIR
trap 'tmux -L "$sock" kill-server >/dev/null 2>&1; rm -rf "$tmp"' EXIT
echo "set -g status off" >"$tmp/tmux.conf"
T() { tmux -L "$sock" -f "$tmp/tmux.conf" "$@"; }
term=screen
for t in tmux-256color screen-256color; do
	infocmp "$t" >/dev/null 2>&1 && { term=$t; break; }
done

# count EVENT: lines of the trace naming it.
count() {
	if [ -f "$tr" ]; then grep -c " $1\$" "$tr"; else echo 0; fi
}
# settle EVENT N: wait until N EVENT lines and a paint after them.
settle() {
	i=0
	while [ $i -lt 1000 ]; do
		if [ "$(count "$1")" -ge "$2" ] &&
		    tail -n 1 "$tr" | grep -q ' paint$'; then
			return 0
		fi
		sleep 0.01
		i=$((i + 1))
	done
	echo "reader-bench: timeout waiting for $1" >&2
	return 1
}
# keyrun KEY N LABEL: press KEY N times, logging key -> paint times.
keys=0
keyrun() {
	j=0
	while [ $j -lt "$2" ]; do
		T send-keys "$1"
		keys=$((keys + 1))
		settle key "$keys" || return 1
		# The last key line and the paint after it.
		awk -v label="$3" '$2 == "key" { k = $1 }
		    $2 == "rendered" && k { r = $1 }
		    $2 == "paint" && k { p = $1 }
		    END { print label, p - k, r - k, p - r }' "$tr" \
		    >>"$tmp/keys"
		j=$((j + 1))
	done
}
median() { sort -n | awk '{ a[NR] = $1 } END { if (NR == 0) print "-";
    else if (NR % 2) print a[(NR + 1) / 2];
    else print (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
ms() { awk '{ if ($1 == "-") print "-"; else printf "%.2f ms\n", $1 / 1000 }'; }

size=0
for f in "$@"; do
	size=$((size + $(wc -c <"$f")))
done
: >"$tmp/keys"
: >"$tmp/start"
r=1
while [ "$r" -le "$runs" ]; do
	tr="$tmp/trace.$r"
	keys=0
	T kill-server >/dev/null 2>&1
	launch=$(($(date +%s%N) / 1000))
	T new-session -d -x 200 -y 60 \
	    "exec env TERM=$term POLYREAD_TRACE='$tr' '$bin' $(printf "'%s' " "$@")"
	settle paint 1 || exit 1
	i=0
	while [ $i -lt 3000 ] && [ "$(count aligned)" -lt 1 ]; do
		sleep 0.01
		i=$((i + 1))
	done
	settle paint 2 || exit 1
	awk -v launch="$launch" '$2 == "start" && !s { s = $1 }
	    $2 == "loaded" && !l { l = $1 }
	    $2 == "paint" && !p { p = $1 } $2 == "aligned" { a = $1 }
	    $2 == "top" && !t { t = $1 }
	    END { print p - s, p - launch, a - s, l - s, p - l,
	    t ? t - s : "-" }' "$tr" \
	    >>"$tmp/start"
	keyrun j 20 scroll
	keyrun Space 5 scroll
	keyrun k 10 scroll
	keyrun b 5 scroll
	T send-keys / t h e Enter
	keys=$((keys + 4))
	settle key "$keys"
	keyrun n 20 search-next
	keyrun l 9 layout-switch
	pid=$(T display-message -p '#{pane_pid}')
	grep VmHWM "/proc/$pid/status" 2>/dev/null | awk '{ print $2 }' \
	    >>"$tmp/hwm"
	grep RssFile "/proc/$pid/status" 2>/dev/null | awk '{ print $2 }' \
	    >>"$tmp/rssfile"
	T send-keys q
	r=$((r + 1))
done
echo "reader-bench: $runs runs at 200x60 on $* ($size bytes)"
printf "  start -> first paint     %s (median, in the process)\n" \
    "$(awk '{ print $1 }' "$tmp/start" | median | ms)"
printf "  launch -> first paint    %s (median, from before tmux starts it)\n" \
    "$(awk '{ print $2 }' "$tmp/start" | median | ms)"
printf "  start -> top aligned     %s (median; - : no top)\n" \
    "$(awk '$6 != "-" { print $6 }' "$tmp/start" | median | ms)"
printf "  start -> aligned         %s (median)\n" \
    "$(awk '{ print $3 }' "$tmp/start" | median | ms)"
printf "  of which: loading        %s, loaded -> first paint %s (medians)\n" \
    "$(awk '{ print $4 }' "$tmp/start" | median | ms)" \
    "$(awk '{ print $5 }' "$tmp/start" | median | ms)"
for l in scroll search-next layout-switch; do
	printf "  key -> repaint, %-13s %s median, %s worst (%s keys)\n" "$l" \
	    "$(awk -v l=$l '$1 == l { print $2 }' "$tmp/keys" | median | ms)" \
	    "$(awk -v l=$l '$1 == l { print $2 }' "$tmp/keys" | sort -n |
	    tail -n 1 | ms)" "$(grep -c "^$l " "$tmp/keys")"
	printf "    of which: the view %s, curses and the terminal %s (medians)\n" \
	    "$(awk -v l=$l '$1 == l { print $3 }' "$tmp/keys" | median | ms)" \
	    "$(awk -v l=$l '$1 == l { print $4 }' "$tmp/keys" | median | ms)"
done
if [ -s "$tmp/hwm" ]; then
	printf "  peak memory (VmHWM)      %s KiB median, %s x the input\n" \
	    "$(median <"$tmp/hwm")" \
	    "$(median <"$tmp/hwm" | awk -v s="$size" '{ printf "%.1f", $1 * 1024 / s }')"
	printf "    of which mapped from files (RssFile) %s KiB median\n" \
	    "$(median <"$tmp/rssfile")"
fi
# The heap's peak, from one run under massif (slow: it is not timed).
if [ "$massif" = 1 ] && command -v valgrind >/dev/null &&
    command -v ms_print >/dev/null; then
	tr="$tmp/trace.massif"
	T kill-server >/dev/null 2>&1
	T new-session -d -x 200 -y 60 \
	    "exec env TERM=$term POLYREAD_TRACE='$tr' valgrind -q \
	    --tool=massif --massif-out-file='$tmp/massif.out' \
	    '$bin' $(printf "'%s' " "$@")"
	i=0
	while [ $i -lt 6000 ] && [ "$(count aligned)" -lt 1 ]; do
		sleep 0.01
		i=$((i + 1))
	done
	T send-keys j j Space k q
	i=0
	while [ $i -lt 3000 ] && ! [ -s "$tmp/massif.out" ]; do
		sleep 0.01
		i=$((i + 1))
	done
	sleep 0.5
	# The peak snapshot's heap: total, then in use, in KiB.
	ms_print "$tmp/massif.out" 2>/dev/null | awk '
	    /\(peak\)/ && !p { p = $0; sub(/ \(peak\).*/, "", p);
		sub(/.* /, "", p) }
	    p != "" && $1 == p && NF == 6 { gsub(/,/, "", $3);
		gsub(/,/, "", $4); printf "%d %d\n", $3 / 1024, $4 / 1024;
		exit }' >"$tmp/heap"
	if [ -s "$tmp/heap" ]; then
		# In use: the bytes the process (libraries included) asked
		# for. Massif's overhead is its own allocator's model, which
		# counts what a realloc() gives back as still held.
		printf "  heap peak (massif)       %s KiB in use, %s x the input" \
		    "$(awk '{ print $2 }' "$tmp/heap")" "$(awk -v s="$size" \
		    '{ printf "%.1f", $2 * 1024 / s }' "$tmp/heap")"
		printf " (%s KiB with massif's overhead)\n" \
		    "$(awk '{ print $1 }' "$tmp/heap")"
	else
		echo "  heap peak (massif)       - (the run did not finish)"
	fi
fi
# The CSV rows: median, min and max of each figure, in ms (memory in KiB).
if [ -n "$csv" ]; then
	stats() {	# stats NAME UNIT: reads numbers (µs or KiB) on stdin
		sort -n | awk -v n="$1" -v u="$2" -v i="$input" '{ a[NR] = $1 }
		    END { if (NR == 0) exit
		    if (NR % 2) m = a[(NR + 1) / 2]
		    else m = (a[NR / 2] + a[NR / 2 + 1]) / 2
		    d = u == "ms" ? 1000 : 1
		    printf "%s,%s,%.2f,%.2f,%.2f,%s\n", n, i, m / d,
		    a[1] / d, a[NR] / d, u }' >>"$csv"
	}
	awk '{ print $1 }' "$tmp/start" | stats "reader: start -> first paint" ms
	awk '{ print $2 }' "$tmp/start" | stats "reader: launch -> first paint" ms
	awk '{ print $3 }' "$tmp/start" | stats "reader: start -> aligned" ms
	awk '$6 != "-" { print $6 }' "$tmp/start" |
	    stats "reader: start -> top aligned" ms
	for l in scroll search-next layout-switch; do
		awk -v l=$l '$1 == l { print $2 }' "$tmp/keys" |
		    stats "reader: key -> repaint, $l" ms
	done
	stats "reader: peak memory (VmHWM)" KiB <"$tmp/hwm"
	stats "reader: mapped from files (RssFile)" KiB <"$tmp/rssfile"
	[ -s "$tmp/heap" ] &&
	    awk '{ print $1 }' "$tmp/heap" |
	    stats "reader: heap peak (massif)" KiB
	[ -s "$tmp/heap" ] &&
	    awk '{ print $2 }' "$tmp/heap" |
	    stats "reader: heap in use at peak (massif)" KiB
	echo "reader: input size,$input,$size,$size,$size,bytes" >>"$csv"
fi
