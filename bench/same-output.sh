#!/bin/sh
# same-output.sh: does an optimisation keep the output? Runs two builds of
# polyread on the same inputs and compares what they print, byte for byte.
#
#	bench/same-output.sh [-n TRIOS] OLD NEW
#
# OLD and NEW are polyread binaries (say, a git worktree of the commit
# before, built, and this tree's build). For `align`, `dump` and `quotes`,
# on the bundled sample, the book trio of ../shared/corpora when it is
# there and TRIOS (default 30) corpus trios picked the same way each time,
# it prints each command that differs and ends with
# "same: N compared, M differ"; exits 1 when any differ.
set -u
trios=30
while getopts n: c; do
	case $c in
	n) trios=$OPTARG ;;
	*) echo "usage: $0 [-n TRIOS] OLD NEW" >&2; exit 2 ;;
	esac
done
shift $((OPTIND - 1))
[ $# -eq 2 ] || { echo "usage: $0 [-n TRIOS] OLD NEW" >&2; exit 2; }
old=$1 new=$2
for b in "$old" "$new"; do
	[ -x "$b" ] || { echo "same-output: '$b' is not a program" >&2; exit 2; }
done
top=$(cd "$(dirname "$0")/.." && pwd)
corpora="$top/../shared/corpora"
tmp=$(mktemp -d "${TMPDIR:-/tmp}/same-output.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
n=0
bad=0

check() {	# check FILE...: the three commands on one set of versions
	for c in align dump quotes; do
		"$old" $c "$@" >"$tmp/old" 2>&1
		echo "exit $?" >>"$tmp/old"
		"$new" $c "$@" >"$tmp/new" 2>&1
		echo "exit $?" >>"$tmp/new"
		n=$((n + 1))
		if ! cmp -s "$tmp/old" "$tmp/new"; then
			echo "differ: $c $*"
			bad=$((bad + 1))
		fi
	done
}

check "$top"/data/sample/commentary.en.html \
    "$top"/data/sample/commentary.fr.html \
    "$top"/data/sample/commentary.ru.html
if [ -d "$corpora/newstest2013/book" ]; then
	b="$corpora/newstest2013/book"
	check "$b/en.html" "$b/fr.html" "$b/ru.html"
fi
if [ -d "$corpora" ] && [ "$trios" -gt 0 ]; then
	# The same trios every time: a fixed "random" source.
	for d in $(ls -d "$corpora"/*/*/ | grep -v '/book/$' |
	    shuf -n "$trios" --random-source=/dev/zero); do
		set --
		for l in en fr ru; do
			for f in "$d$l".*; do
				[ -f "$f" ] && set -- "$@" "$f"
			done
		done
		[ $# -ge 2 ] && check "$@"
	done
fi
echo "same: $n compared, $bad differ"
[ "$bad" -eq 0 ]
