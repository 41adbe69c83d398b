#!/bin/sh
# bench/extract-bench.sh [-n ROUNDS] [-o OTHER] POLYREAD DIR
#
# Times article extraction over the saved pages of DIR (the trafilatura
# evaluation set unpacked from ../shared/corpora/extraction: DIR/cache/*),
# one process a page, one page after another on one core:
#   extract   POLYREAD extract --format=text PAGE
#   dump      POLYREAD dump --width 10000 PAGE (what extract-eval --dump ran)
#   other     with -o OTHER, OTHER dump --width 10000 PAGE (an older build:
#             "no slower than dump extracts it today")
# The commands alternate round by round (ROUNDS, default 3) so that the
# machine's slow spells fall on all of them; prints the median of the
# rounds' totals for each, their ratios, and the slowest pages of the
# extract runs (the issue's "every page under 1 s").
set -u
rounds=3
other=
while getopts n:o: c; do
	case $c in
	n) rounds=$OPTARG ;;
	o) other=$OPTARG ;;
	*) echo "usage: $0 [-n ROUNDS] [-o OTHER] POLYREAD DIR" >&2; exit 2 ;;
	esac
done
shift $((OPTIND - 1))
if [ $# -ne 2 ] || [ ! -d "$2/cache" ]; then
	echo "usage: $0 [-n ROUNDS] [-o OTHER] POLYREAD DIR (DIR/cache/*.html)" >&2
	exit 2
fi
exec python3 - "$1" "$2" "$rounds" "$other" <<'EOF'
import os, statistics, subprocess, sys, time
bin_, d, rounds, other = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
pages = sorted(os.path.join(d, "cache", f) for f in os.listdir(os.path.join(d, "cache")))
cmds = {"extract": [bin_, "extract", "--format=text"],
        "dump": [bin_, "dump", "--width", "10000"]}
if other:
    cmds["other dump"] = [other, "dump", "--width", "10000"]
totals = {k: [] for k in cmds}
slow = {}
for r in range(rounds):
    for name, cmd in cmds.items():
        t0 = time.perf_counter()
        for p in pages:
            t = time.perf_counter()
            subprocess.run(cmd + [p], stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL)
            if name == "extract":
                slow[p] = max(slow.get(p, 0), time.perf_counter() - t)
        totals[name].append(time.perf_counter() - t0)
print(f"{len(pages)} pages, {rounds} rounds, one process a page")
for name, ts in totals.items():
    m = statistics.median(ts)
    print(f"  {name:12s} median {m:7.2f} s  ({m / len(pages) * 1000:.1f} ms a page)  rounds: "
          + ", ".join(f"{t:.2f}" for t in ts))
med = {k: statistics.median(v) for k, v in totals.items()}
print(f"  extract / dump: {med['extract'] / med['dump']:.2f}")
if other:
    print(f"  extract / other dump: {med['extract'] / med['other dump']:.2f}")
worst = sorted(slow.items(), key=lambda kv: -kv[1])[:5]
print("  slowest extract pages: " + ", ".join(
    f"{os.path.basename(p)} {t * 1000:.0f} ms" for p, t in worst))
EOF
