#!/bin/sh
# Command line: help, version, usage errors. Each refused option comes
# with a real file, so only the option's own error can make the check
# pass; dump takes --pivot.
. "$top_srcdir/tests/regress/lib.sh"

F="$TESTDATA/text/para.en.txt"
S="$top_srcdir/data/sample"

t_ok "--version runs" "$POLYREAD" --version
t_grep "--version names polyread" '^polyread [0-9]' "$T/out"
t_ok "--help runs" "$POLYREAD" --help
t_grep "--help lists dump" 'dump' "$T/out"
t_ok "dump --help runs" "$POLYREAD" dump --help
t_grep "dump --help lists --pivot" 'usage: polyread dump .*--pivot L' \
    "$T/out"
t_ok "the file of the option checks is read" "$POLYREAD" dump "$F"
t_fails "unknown option is refused" "$POLYREAD" dump --bogus "$F"
t_grep "unknown option: named" "dump: unknown option .* in '--bogus'" \
    "$T/err"
t_fails "bad width is refused" "$POLYREAD" dump --width 3 "$F"
t_grep "bad width: named, with the range" "dump: bad width '3' (10 to" \
    "$T/err"
t_fails "option of another command is refused" "$POLYREAD" dump \
    --format=tsv "$F"
t_grep "option of another command: named" \
    "dump: option '--format' does not apply here" "$T/err"
# dump --pivot: accepted, on one version and on the sample trio, whose
# sentences still start level (the French version as the pivot).
t_ok "dump --pivot is accepted" "$POLYREAD" dump --pivot en "$F"
t_nogrep "dump --pivot: nothing on stderr" . "$T/err"
t_ok "dump --pivot fr on the sample" "$POLYREAD" dump --pivot fr \
    --width 150 "$S/commentary.en.html" "$S/commentary.fr.html" \
    "$S/commentary.ru.html"
t_grep "dump --pivot fr: the sentences level" \
    '^In Moscow the tone was different\. .*│ À Moscou, le ton était différent\. .*│ В Москве тон был иным\.' \
    "$T/out"
t_done
