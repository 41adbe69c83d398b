#!/bin/sh
# Issue 7: valgrind memcheck of dump, align and notes export on the
# bundled sample: no invalid read or write, no use of uninitialised
# memory, no definite leak ("still reachable" memory of ICU and ncurses
# is fine). Skipped when valgrind is missing, and in sanitizer builds
# (ASan and valgrind do not mix; those builds check the same themselves).
. "$top_srcdir/tests/regress/lib.sh"

have valgrind || skip_all "valgrind is not installed"
if LC_ALL=C grep -q -a -e __asan_init -e __ubsan_handle "$POLYREAD"; then
	skip_all "a sanitizer build (valgrind cannot run it)"
fi

S="$top_srcdir/data/sample"
EN="$S/commentary.en.html"
FR="$S/commentary.fr.html"
RU="$S/commentary.ru.html"

# t_memcheck DESCRIPTION COMMAND...: clean under memcheck.
t_memcheck() {
	d=$1; shift
	valgrind -q --error-exitcode=99 --leak-check=full \
	    --show-leak-kinds=definite --errors-for-leak-kinds=definite \
	    --log-file="$T/vg" "$@" >"$T/out" 2>"$T/err"
	rc=$?
	if [ $rc -eq 0 ] && ! [ -s "$T/vg" ]; then
		t_result 0 "$d"
	else
		echo "exit $rc" >>"$T/vg"
		cat "$T/err" >>"$T/vg"
		t_result 1 "$d" "$T/vg"
	fi
}

t_memcheck "memcheck: dump of the sample" "$POLYREAD" dump --width 150 \
    "$EN" "$FR" "$RU"
t_grep "dump: the sample's text" "Northern Sea Route" "$T/out"
t_memcheck "memcheck: align of the sample" "$POLYREAD" align "$EN" "$FR" "$RU"
t_grep "align: the sample's sentences" "Northern Sea Route" "$T/out"

# Two notes to export (added without valgrind).
"$POLYREAD" notes add --file "$EN" --quote "Northern Sea Route" \
    --note "A note." --tag arctic >/dev/null 2>&1
"$POLYREAD" notes add --file "$FR" --quote "route maritime du Nord" \
    --note "Une note." >/dev/null 2>&1
t_memcheck "memcheck: notes export of the sample" "$POLYREAD" notes export \
    "$EN" "$FR" "$RU"
t_grep "notes export: the notes" "Une note." "$T/out"

t_done
