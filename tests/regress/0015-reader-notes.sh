#!/bin/sh
# Issue 6, in the reader: a note written in the editor with a misspelling
# fixed from the suggestions and saved; a French note with its own
# dictionary; a Russian name in an English note; gutter markers in the
# three columns; visual mode; the notes list (jump, delete with
# confirmation, orphans); undo; a read-only and a full data folder keep
# the note in the editor; a corrupt database still opens the article; a
# reader killed while saving loses nothing it reported saved; the reading
# position comes back.
. "$top_srcdir/tests/regress/lib.sh"
. "$top_srcdir/tests/regress/tmux.sh"
tmx_require
D="$TESTDATA/text"
EN="$D/commentary.en.txt"
FR="$D/commentary.fr.txt"
RU="$D/commentary.ru.txt"
DD="$T/data"
tmx_theme

# The spell-checking checks need the en, fr and ru dictionaries.
dicts=1
have_dicts en fr ru || dicts=0
nodicts="no hunspell dictionaries for en, fr and ru"

# Start the reader on the trio with data folder $1.
reader() {
	dd=$1
	shift
	tmx_start 150 35 --theme test --data-dir "$dd" "$@" "$EN" "$FR" "$RU"
}

# ---- A note with a misspelling, fixed from the suggestions ----
reader "$DD"
tmx_keys '}' '}' a
tmx_capture "$T/s"
t_grep "a opens the editor on the focused sentence" \
    "New note on the en passage" "$T/s"
t_grep "the passage is quoted on top" "> When the Arctic Council" "$T/s"
t_grep "the keys are shown" "C-s save  Esc cancel  C-z undo" "$T/s"
tmx_type "Ships recieve"
if [ $dicts -eq 1 ]; then
	tmx_styles "$T/s"
	t_grep "the misspelling is underlined" '\[misspelling:recieve\]' \
	    "$T/s"
	t_nogrep "the right word is not" '\[misspelling:Ships' "$T/s"
	tmx_keys Tab
	tmx_capture "$T/s"
	t_grep "Tab lists suggestions, labelled by language" \
	    "1 en: receive" "$T/s"
	tmx_keys Enter
	tmx_capture "$T/s"
	t_grep "Enter replaces the word" "Ships receive" "$T/s"
	tmx_styles "$T/s"
	t_nogrep "no misspelling left" '\[misspelling:' "$T/s"
else
	for d in "the misspelling is underlined" "the right word is not" \
	    "Tab lists suggestions, labelled by language" \
	    "Enter replaces the word" "no misspelling left"; do
		t_skip "$d" "$nodicts"
	done
	tmx_keys BSpace BSpace BSpace BSpace BSpace
	tmx_type "eive"
fi
tmx_keys C-s
tmx_capture "$T/s"
t_grep "C-s saves" "note saved" "$T/s"
"$POLYREAD" notes list --data-dir "$DD" "$EN" "$FR" "$RU" >"$T/list"
t_grep "the note is stored, fixed" "	en	When the Arctic Council.*	Ships receive	" \
    "$T/list"
t_grep "marker on the English passage" '^ ✎When the Arctic Council' "$T/s"
t_grep "marker on its French counterpart" '│≈Lorsque les groupes' "$T/s"
t_grep "marker on its Russian counterpart" '│≈Когда рабочие группы' "$T/s"
tmx_styles "$T/s"
t_grep "the counterpart is tinted" '\[note:.*Lorsque les groupes' "$T/s"

# ---- A Russian name in an English note; undo; cancelling ----
tmx_keys ')' a
tmx_type "Путин visited Мурманск"
tmx_styles "$T/s"
if [ $dicts -eq 1 ]; then
	t_nogrep "Russian words in an English note are not flagged" \
	    '\[misspelling:' "$T/s"
else
	t_skip "Russian words in an English note are not flagged" "$nodicts"
fi
tmx_keys C-z
tmx_capture "$T/s"
# (Spaces after it, then the end of the row or the text beside the editor.)
t_grep "C-z undoes the last word" "Путин visited\(    \| *$\)" "$T/s"
tmx_keys C-t
tmx_capture "$T/s"
t_grep "C-t switches the language" "(language fr)" "$T/s"
tmx_keys Escape
tmx_capture "$T/s"
t_grep "Esc asks before dropping a changed note" \
    "discard the changes? (y/n)" "$T/s"
tmx_keys y
tmx_capture "$T/s"
t_nogrep "y closes the editor" "New note on" "$T/s"

# ---- A French note, with the French dictionary ----
tmx_keys Tab a
tmx_capture "$T/s"
t_grep "a on the French column: a French note" "(language fr)" "$T/s"
tmx_type "Le vilage"
if [ $dicts -eq 1 ]; then
	tmx_styles "$T/s"
	t_grep "French misspelling underlined" '\[misspelling:vilage\]' \
	    "$T/s"
	tmx_keys Tab
	tmx_capture "$T/s"
	t_grep "French suggestions" "1 fr: village" "$T/s"
	tmx_keys 1
else
	t_skip "French misspelling underlined" "$nodicts"
	t_skip "French suggestions" "$nodicts"
	tmx_keys BSpace BSpace BSpace BSpace BSpace BSpace
	tmx_type "village"
fi
tmx_keys C-s
"$POLYREAD" notes list --data-dir "$DD" "$EN" "$FR" "$RU" >"$T/list"
t_grep "the French note is stored" "	fr	.*	Le village	" "$T/list"

# ---- Visual mode: a range of sentences and words ----
tmx_keys BTab v ')' w w
tmx_styles "$T/s"
t_grep "the selection is highlighted" '\[selected:Yet the Northern Sea' \
    "$T/s"
tmx_capture "$T/s"
t_grep "visual mode says so" "VISUAL" "$T/s"
tmx_keys a
tmx_type "range"
tmx_keys C-s
"$POLYREAD" notes list --data-dir "$DD" "$EN" "$FR" "$RU" >"$T/list"
t_grep "the note is on the selected range" \
    "	en	Yet the Northern Sea Route.*Norway.s Minister.*was blunt. .The Arctic	range	" \
    "$T/list"

# ---- The notes list: jump, delete with confirmation ----
tmx_keys m
tmx_capture "$T/s"
t_grep "m lists the notes" "Notes (3)" "$T/s"
t_grep "with quote, note and language" "“When the Arctic Council.*Ships receive  \[en\]" "$T/s"
tmx_keys j j Enter
tmx_styles "$T/s"
t_grep "Enter jumps to the passage" '\[focus:Pourtant' "$T/s"
tmx_keys m G d
tmx_capture "$T/s"
t_grep "d asks first" "delete this note? (y/n)" "$T/s"
tmx_keys n
tmx_capture "$T/s"
t_grep "n keeps it" "not deleted" "$T/s"
t_grep "still listed" "Notes (3)" "$T/s"
tmx_keys d y
tmx_capture "$T/s"
t_grep "y deletes it" "note deleted" "$T/s"
t_grep "the list shrinks" "Notes (2)" "$T/s"
tmx_keys q
tmx_quit
"$POLYREAD" notes list --data-dir "$DD" "$EN" "$FR" "$RU" >"$T/list"
t_ok "two notes are left" test "$(grep -c . "$T/list")" -eq 2

# ---- The reading position ----
reader "$DD"
tmx_keys '}' '}' '}' '}' '}'
tmx_styles "$T/s"
grep -o '\[focus:[^]]*' "$T/s" | head -n 1 >"$T/focus1"
tmx_quit
reader "$DD"
tmx_styles "$T/s"
grep -o '\[focus:[^]]*' "$T/s" | head -n 1 >"$T/focus2"
t_ok "the position is restored on the next open" test -s "$T/focus2"
t_cmp "...on the same sentence" "$T/focus1" "$T/focus2"
tmx_quit

# ---- An orphan ----
O="$T/orphan"
mkdir -p "$O"
cp "$EN" "$O/art.en.txt"
cp "$FR" "$O/art.fr.txt"
cp "$RU" "$O/art.ru.txt"
"$POLYREAD" notes add --data-dir "$T/odata" --file "$O/art.en.txt" \
    --quote "The dispute is less about ice than about law." \
    --note "lost passage" >/dev/null
sed -i 's/The dispute is less about ice than about law\.//' "$O/art.en.txt"
tmx_start 150 35 --theme test --data-dir "$T/odata" "$O/art.en.txt" \
    "$O/art.fr.txt" "$O/art.ru.txt"
tmx_keys m
tmx_capture "$T/s"
t_grep "an orphan is listed and marked" "ORPHAN.*lost passage" "$T/s"
tmx_keys Enter
tmx_capture "$T/s"
t_grep "Enter on an orphan says why it cannot go" "an orphan" "$T/s"
tmx_keys q
tmx_quit

# ---- A corrupt database: a message, and the article opens ----
BAD="$T/bad"
mkdir -p "$BAD"
head -c 8192 /dev/urandom >"$BAD/polyread.db"
reader "$BAD"
tmx_capture "$T/s"
t_grep "a corrupt database is reported" "damaged or not a database" "$T/s"
t_grep "the article opens anyway" "The Northern Sea Route" "$T/s"
tmx_keys a
tmx_type "kept"
tmx_keys C-s
tmx_capture "$T/s"
t_grep "saving says notes are off" "not saved: notes are off" "$T/s"
t_grep "the note stays in the editor" " kept\(  \|$\)" "$T/s"
tmx_keys Escape y
tmx_quit
t_ok "the corrupt file is left alone" test "$(stat -c %s \
    "$BAD/polyread.db")" -eq 8192

# ---- A read-only data folder ----
RO="$T/ro"
mkdir -p "$RO"
cp "$DD/polyread.db" "$RO/polyread.db"
trap 'chattr -i "$RO" 2>/dev/null; chmod 755 "$RO" 2>/dev/null;
    tmux -L "$TMX_SOCK" kill-server >/dev/null 2>&1' EXIT
ro=0
if [ "$(id -u)" -eq 0 ]; then
	chattr +i "$RO" 2>/dev/null && ro=1
else
	chmod 555 "$RO" && ro=1
fi
if [ $ro -eq 1 ]; then
	reader "$RO"
	tmx_capture "$T/s"
	t_grep "a read-only folder is reported at start" "read-only" "$T/s"
	tmx_keys a
	tmx_type "unsaved words"
	tmx_keys C-s
	tmx_capture "$T/s"
	t_grep "saving says why not" "not saved: .*read-only" "$T/s"
	t_grep "the note stays in the editor" "unsaved words" "$T/s"
	tmx_keys Escape y
	tmx_quit
	if [ "$(id -u)" -eq 0 ]; then
		chattr -i "$RO"
	else
		chmod 755 "$RO"
	fi
else
	for d in "a read-only folder is reported at start" \
	    "saving says why not" "the note stays in the editor"; do
		t_skip "$d" "a read-only folder cannot be made here"
	done
fi

# ---- A full data folder (the database may not grow) ----
FULL="$T/full"
mkdir -p "$FULL"
cp "$DD/polyread.db" "$FULL/polyread.db"
POLYREAD_DB_MAX_PAGES=1
export POLYREAD_DB_MAX_PAGES
reader "$FULL"
unset POLYREAD_DB_MAX_PAGES
tmx_keys ')' a
# A note that needs a new page (typed in parts: the terminal's input
# buffer is only 4 KiB).
for i in 1 2 3 4 5 6 7 8 9 10; do
	tmx_type "$(printf '%460s' '' | tr ' ' 'x')"
done
tmx_keys C-s
tmx_capture "$T/s"
t_grep "a full database says so" "not saved: no space left" "$T/s"
t_grep "the note stays in the editor" "xxxxxxxxxxxxxxxxxxxx" "$T/s"
tmx_keys Escape y
tmx_quit
t_ok "the full database is sound" "$POLYREAD" notes check --data-dir "$FULL"

# ---- Killed while saving: nothing reported saved is lost ----
K="$T/kill"
reader "$K"
for nth in 1 2 3; do
	tmx_keys ')' a
	tmx_type "saved note $nth"
	tmx_keys C-s
	tmx_capture "$T/s"
	grep -q "note saved" "$T/s" || echo "# note $nth not saved" >&2
done
tmx_keys ')' a
tmx_type "maybe note"
pane=$(tmx list-panes -F '#{pane_pid}')
pid=$(pgrep -P "$pane" polyread)
tmx send-keys C-s
kill -9 "$pid"
sleep 0.2
t_ok "after SIGKILL the database is sound" "$POLYREAD" notes check \
    --data-dir "$K"
t_grep "notes check says ok" "^ok" "$T/out"
"$POLYREAD" notes list --data-dir "$K" "$EN" "$FR" "$RU" >"$T/list"
[ "$(grep -c 'saved note [123]' "$T/list")" -eq 3 ]
t_result $? "every note reported saved is there" "$T/list"

# ---- Two readers saving at once: both keep their notes ----
# Two tmux servers, two readers on one data folder, the saves sent one
# right after the other (SQLite's busy wait takes the second).
TWO="$T/two"
two_sock() { echo "$TMX_SOCK-two$1"; }
two() {	# two N KEYS...: send keys to reader N
	n=$1
	shift
	tmux -L "$(two_sock "$n")" -f "$T/tmux.conf" send-keys "$@"
}
# two_wait N EVENT COUNT: the trace of reader N holds COUNT EVENT lines
# and ends with a paint.
two_wait() {
	i=0
	while [ $i -lt 200 ]; do
		if [ "$(grep -c " $2\$" "$T/two-trace.$1" 2>/dev/null)" -ge "$3" ] &&
		    tail -n 1 "$T/two-trace.$1" | grep -q ' paint$'; then
			return 0
		fi
		sleep 0.05
		i=$((i + 1))
	done
	return 1
}
tmx kill-server >/dev/null 2>&1
for n in 1 2; do
	tmux -L "$(two_sock $n)" -f "$T/tmux.conf" new-session -d -x 150 \
	    -y 35 "env TERM=$(tmx_term) POLYREAD_TRACE='$T/two-trace.$n' \
XDG_DATA_HOME='$T/two-xdg' '$POLYREAD' --data-dir '$TWO' '$EN' '$FR' '$RU' \
2>'$T/two-err.$n'; echo \$? >'$T/two-exit.$n'; exec sleep 600"
done
trap 'tmux -L "$(two_sock 1)" kill-server >/dev/null 2>&1;
    tmux -L "$(two_sock 2)" kill-server >/dev/null 2>&1;
    tmx kill-server >/dev/null 2>&1' EXIT
two_wait 1 aligned 1 && two_wait 2 aligned 1
t_result $? "two readers on one data folder start"
two 1 '}' a
two 2 '}' '}' '}' a
n1="first reader's note"
n2="second reader's note"
two 1 -l "$n1"
two 2 -l "$n2"
k1=$((2 + $(printf '%s' "$n1" | wc -m)))
k2=$((4 + $(printf '%s' "$n2" | wc -m)))
two_wait 1 key $k1 && two_wait 2 key $k2
t_result $? "both editors hold their note"
two 1 C-s
two 2 C-s
two_wait 1 key $((k1 + 1)) && two_wait 2 key $((k2 + 1))
t_result $? "both saved at once"
for n in 1 2; do
	tmux -L "$(two_sock $n)" capture-pane -p >"$T/two-screen.$n"
	t_grep "reader $n says its note is saved" "note saved" \
	    "$T/two-screen.$n"
	two $n q
done
"$POLYREAD" notes list --data-dir "$TWO" "$EN" "$FR" "$RU" >"$T/list"
t_grep "the first reader's note is stored" "first reader's note" "$T/list"
t_grep "the second reader's note is stored" "second reader's note" \
    "$T/list"
t_ok "the database shared by two readers is sound" "$POLYREAD" notes \
    check --data-dir "$TWO"

t_done
