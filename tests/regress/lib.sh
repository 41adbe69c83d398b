# lib.sh: helpers for the regression scripts, which print TAP.
#
# Each script sources this file, calls t_ok/t_cmp/... once per check, and
# ends with t_done. $POLYREAD is the binary under test, $TESTDATA the test
# data, $TMPDIR a private scratch folder (see tests/clean-env.sh).

t_n=0
t_failed=0
REF="$top_srcdir/tests/regress/ref"
: "${TMPDIR:=/tmp}"
T="$TMPDIR"

# Report one result: t_result STATUS DESCRIPTION [DETAIL-FILE]
t_result() {
	t_n=$((t_n + 1))
	if [ "$1" -eq 0 ]; then
		echo "ok $t_n - $2"
	else
		t_failed=$((t_failed + 1))
		echo "not ok $t_n - $2"
		if [ -n "${3:-}" ] && [ -s "$3" ]; then
			head -n 40 "$3" | sed 's/^/# /'
		fi
	fi
}

# t_ok DESCRIPTION COMMAND...: the command succeeds.
t_ok() {
	d=$1; shift
	"$@" >"$T/out" 2>"$T/err"
	t_result $? "$d" "$T/err"
}

# t_fails DESCRIPTION COMMAND...: the command exits non-zero without a
# crash (no signal, no sanitizer report), with a one-line message naming
# "polyread:" on stderr and nothing on stdout.
t_fails() {
	d=$1; shift
	"$@" >"$T/out" 2>"$T/err"
	rc=$?
	lines=$(grep -c . "$T/err")
	if [ $rc -ne 0 ] && [ $rc -lt 128 ] && [ "$lines" -eq 1 ] &&
	    grep -q '^polyread: ' "$T/err" && ! [ -s "$T/out" ]; then
		t_result 0 "$d"
	else
		echo "exit $rc, $lines lines on stderr" >>"$T/err"
		t_result 1 "$d" "$T/err"
	fi
}

# t_grep DESCRIPTION PATTERN FILE: FILE holds a line matching PATTERN.
t_grep() {
	grep -q -e "$2" "$3"
	t_result $? "$1" "$3"
}

# t_nogrep DESCRIPTION PATTERN FILE: no line of FILE matches PATTERN.
t_nogrep() {
	! grep -q -e "$2" "$3"
	t_result $? "$1" "$3"
}

# t_cmp DESCRIPTION EXPECTED ACTUAL: the files are identical.
t_cmp() {
	if diff -u "$2" "$3" >"$T/diff" 2>&1; then
		t_result 0 "$1"
	else
		t_result 1 "$1" "$T/diff"
	fi
}

# t_ref DESCRIPTION NAME COMMAND...: stdout equals ref/NAME. With
# POLYREAD_UPDATE_REF=1 the reference is rewritten instead.
t_ref() {
	d=$1; name=$2; shift 2
	"$@" >"$T/ref.out" 2>"$T/ref.err"
	rc=$?
	if [ -n "${POLYREAD_UPDATE_REF:-}" ]; then
		cp "$T/ref.out" "$REF/$name"
	fi
	if [ $rc -ne 0 ]; then
		t_result 1 "$d (exit $rc)" "$T/ref.err"
	else
		t_cmp "$d" "$REF/$name" "$T/ref.out"
	fi
}

# skip_all REASON: the whole script cannot run here (a tool or a
# dictionary is missing): a plan of no tests, reported as skipped. Call it
# before the first check.
skip_all() {
	echo "1..0 # SKIP $*"
	exit 0
}

# t_skip DESCRIPTION REASON: one check that cannot run here, reported as
# skipped (never as passed).
t_skip() {
	t_n=$((t_n + 1))
	echo "ok $t_n - $1 # SKIP $2"
}

# have TOOL: TOOL is on the PATH.
have() {
	command -v "$1" >/dev/null 2>&1
}

# have_dicts LANG...: hunspell has a dictionary for each language (what
# polyread spell finds; a missing one makes it warn "no hunspell
# dictionary for 'LANG'").
have_dicts() {
	for l in "$@"; do
		"$POLYREAD" spell --lang "$l" x >/dev/null 2>"$T/dicts.err"
		! grep -q 'no hunspell dictionary' "$T/dicts.err" || return 1
	done
}

t_done() {
	echo "1..$t_n"
	[ "$t_failed" -eq 0 ]
}

# httpd_start PORTFILE LOG [ARGS...]: start tests/regress/httpd.py (bound
# to 127.0.0.1 on a port the OS picks) in the background, its pid in
# LAST_SERVER and added to SERVERS, and wait until it listens (it writes
# the port file then); fails when it does not within 10 s.
httpd_start() {
	_pf=$1
	_lg=$2
	shift 2
	python3 "$top_srcdir/tests/regress/httpd.py" --port-file "$_pf" \
	    --log "$_lg" "$@" 2>>"$T/httpd.err" &
	LAST_SERVER=$!
	SERVERS="${SERVERS:-} $!"
	_i=0
	while [ $_i -lt 200 ] && ! [ -s "$_pf" ]; do
		sleep 0.05
		_i=$((_i + 1))
	done
	[ -s "$_pf" ]
}

# reversed_pair PREFIX: PREFIX.en.txt, 1,000 one-sentence paragraphs, and
# PREFIX.fr.txt, their French in reverse order (the aligner's hostile
# pair: issue 18).
reversed_pair() {
	awk 'BEGIN {
		for (i = 1; i <= 1000; i++)
			printf "Sentence number %d was read aloud by the " \
			    "chairman%s.\n\n", i, i <= 500 ? ", who then asked " \
			    "the delegates from every region whether they wished " \
			    "to comment on it" : ""
	}' >"$1.en.txt"
	awk 'BEGIN {
		for (i = 1000; i >= 1; i--)
			printf "La phrase numéro %d a été lue par le président%s.\n\n",
			    i, i <= 500 ? ", qui a ensuite demandé aux délégués de " \
			    "toutes les régions s’ils souhaitaient la commenter" : ""
	}' >"$1.fr.txt"
}
