#!/bin/sh
# Issue 7: replay the fuzz targets' seed corpora and every crash input the
# fuzzers found (tests/fuzz/regress/TARGET/) through the replay drivers:
# the same LLVMFuzzerTestOneInput as the libFuzzer targets, with a main of
# their own, in this build (with or without clang, ASan or fuzzing). Each
# input must run to the end: no crash, no abort from a target's checks, no
# sanitizer report.
. "$top_srcdir/tests/regress/lib.sh"

F="$top_srcdir/tests/fuzz"
for t in html xml text markdown textengine align notes dump; do
	bin="$top_builddir/tests/fuzz/replay-$t"
	if ! [ -x "$bin" ]; then
		t_result 1 "$t: replay driver built"
		continue
	fi
	n=$(ls "$F/corpus/$t" | wc -l)
	t_ok "$t: the $n seed inputs run" "$bin" "$F/corpus/$t"
	if [ -d "$F/regress/$t" ]; then
		for f in "$F/regress/$t"/*; do
			[ -f "$f" ] || continue
			t_ok "$t: regression input $(basename "$f")" "$bin" "$f"
		done
	fi
done
t_done
