# tmux.sh: drive the full-screen reader in a private tmux server, for the
# tests/regress/0010-reader-*.sh scripts. Source it after lib.sh.
#
# Each run gets an empty XDG_DATA_HOME (notes and the reading position
# start afresh). The reader runs with POLYREAD_TRACE, which appends a line per key read
# and per repaint: after sending keys, tmx_keys waits (a bounded poll, no
# fixed sleeps) until the reader has read them all and painted, so every
# capture shows a settled screen.
#
#	tmx_require			skip the script (or the rest of it)
#					when tmux is missing
#	tmx_start COLS ROWS ARGS...	start the reader, wait for the
#					alignment and its paint (with TMX_RAW
#					set, log its raw output there; TMX_TERM
#					overrides its TERM; TMX_CONF adds a
#					line to tmux's configuration)
#	tmx_keys KEY...			send tmux key names, one event each
#	tmx_type TEXT			type literal text
#	tmx_mouse X Y [BUTTON]		click (0) or wheel (64 up, 65 down)
#	tmx_resize COLS ROWS		resize and wait for the repaint
#	tmx_capture FILE		the screen as text
#	tmx_styles FILE			the screen with [slot:text] marks
#	tmx_quit			press q and wait for the exit
#	tmx_run COLS ROWS ARGS...	run the reader until it exits
#
# The "test" theme (written by tmx_theme) gives each slot its own colour
# so that tmx_styles can name the slot of every run of cells.

TMX_SOCK="pr$$"
TMX_N=0
# The servers' sockets go in the test's own folder, removed with it.
TMUX_TMPDIR="$T"
export TMUX_TMPDIR

tmx() {
	tmux -L "$TMX_SOCK" -f "$T/tmux.conf" "$@"
}

tmx_require() {
	if ! have tmux; then
		[ "$t_n" -eq 0 ] && skip_all "tmux is not installed"
		# Checks have run already: the reader's that follow are
		# skipped.
		t_skip "the reader's checks" "tmux is not installed"
		t_done
		exit
	fi
	trap 'tmux -L "$TMX_SOCK" kill-server >/dev/null 2>&1' EXIT
}

# The terminal type inside tmux: the best one this machine describes.
tmx_term() {
	for t in tmux-256color screen-256color screen; do
		if infocmp "$t" >/dev/null 2>&1; then
			echo "$t"
			return
		fi
	done
	echo screen
}

# Write the test theme: one palette index per slot (tmx_styles maps back).
tmx_theme() {
	mkdir -p "$XDG_CONFIG_HOME/polyread/themes"
	cat >"$XDG_CONFIG_HOME/polyread/themes/${1:-test}" <<'EOF'
text        = 21 default
heading     = 22 default bold
quotation   = 23 default
focus       = 24 52
linked      = 25 53
match       = 26 54
note        = 34 default
misspelling = 35 default
gutter      = 27 default
status      = 28 55
doubtful    = 29 default
header      = 30 56
link        = 31 default underline
menu        = 32 57
selected    = 33 58
EOF
}

# Compile a true-colour terminal description "polyread-direct" (the
# 256-colour one with RGB colours) into $TERMINFO; 1 if tic cannot.
tmx_direct_terminfo() {
	have tic || return 1
	infocmp -x "$(tmx_term)" >"$T/ti.src" 2>/dev/null || return 1
	sed -e '/^[^ 	#]/s/^[^,]*,/polyread-direct,/' \
	    -e 's/colors#[0-9x]*/colors#0x1000000/' \
	    -e 's/pairs#[0-9x]*/pairs#0x10000/' \
	    -e 's/setaf=[^,]*,/setaf=\\E[%?%p1%{8}%<%t3%p1%d%e38;2;%p1%{65536}%\/%d;%p1%{256}%\/%{255}%\&%d;%p1%{255}%\&%d%;m,/' \
	    -e 's/setab=[^,]*,/setab=\\E[%?%p1%{8}%<%t4%p1%d%e48;2;%p1%{65536}%\/%d;%p1%{256}%\/%{255}%\&%d;%p1%{255}%\&%d%;m,/' \
	    "$T/ti.src" >"$T/ti.direct"
	echo "	RGB," >>"$T/ti.direct"
	TERMINFO="$T/terminfo"
	export TERMINFO
	tic -x -o "$TERMINFO" "$T/ti.direct" >/dev/null 2>&1 &&
	    infocmp polyread-direct >/dev/null 2>&1
}

# Count the lines of the trace naming event $1.
tmx_count() {
	if [ -f "$TMX_TRACE" ]; then
		grep -c " $1\$" "$TMX_TRACE"
	else
		echo 0
	fi
}

# Wait until the trace holds at least $2 lines of event $1 and ends with
# a paint (10 s at most).
tmx_wait() {
	i=0
	while [ $i -lt 200 ]; do
		if [ "$(tmx_count "$1")" -ge "$2" ] &&
		    tail -n 1 "$TMX_TRACE" 2>/dev/null | grep -q ' paint$'; then
			return 0
		fi
		sleep 0.05
		i=$((i + 1))
	done
	echo "# tmux: timeout waiting for $2 '$1' events" >&2
	return 1
}

# Start the reader in a new server (see tmx_start).
tmx_launch() {
	cols=$1
	rows=$2
	shift 2
	TMX_N=$((TMX_N + 1))
	TMX_TRACE="$T/trace.$TMX_N"
	TMX_KEYS=0
	TMX_RESIZES=0
	rm -f "$TMX_TRACE" "$T/exit.$TMX_N" "$T/stderr.$TMX_N"
	# A new server (and socket) for each run: no race with the last one.
	tmx kill-server >/dev/null 2>&1
	TMX_SOCK="pr$$-$TMX_N"
	echo "set -g status off" >"$T/tmux.conf"
	if [ -n "${TMX_CONF:-}" ]; then
		echo "$TMX_CONF" >>"$T/tmux.conf"
	fi
	{
		echo "#!/bin/sh"
		# With TMX_RAW set, wait for tmx_start to log the raw output.
		if [ -n "${TMX_RAW:-}" ]; then
			printf 'i=0; while [ $i -lt 100 ] && ! [ -f "%s" ]; ' \
			    "$T/go.$TMX_N"
			printf 'do sleep 0.05; i=$((i + 1)); done\n'
		fi
		# A data folder of its own: no reading position saved by
		# an earlier run (--data-dir overrides it).
		printf "env TERM=%s POLYREAD_TRACE='%s' XDG_DATA_HOME='%s' '%s'" \
		    "${TMX_TERM:-$(tmx_term)}" "$TMX_TRACE" \
		    "$T/xdg-data.$TMX_N" "$POLYREAD"
		for a in "$@"; do
			printf " '%s'" "$a"
		done
		printf " 2>'%s'\n" "$T/stderr.$TMX_N"
		printf "echo \$? >'%s'\n" "$T/exit.$TMX_N"
		echo "exec sleep 600"
	} >"$T/run.$TMX_N"
	tmx new-session -d -x "$cols" -y "$rows" "sh '$T/run.$TMX_N'"
	if [ -n "${TMX_RAW:-}" ]; then
		: >"$TMX_RAW"
		tmx pipe-pane -o "cat >>'$TMX_RAW'"
		: >"$T/go.$TMX_N"
	fi
}

tmx_start() {
	tmx_launch "$@"
	# The first paint, then the real alignment's.
	tmx_wait paint 1 || return 1
	i=0
	while [ $i -lt 200 ] && [ "$(tmx_count aligned)" -lt 1 ]; do
		sleep 0.05
		i=$((i + 1))
	done
	tmx_wait paint 2
}

tmx_keys() {
	for k in "$@"; do
		tmx send-keys "$k"
		TMX_KEYS=$((TMX_KEYS + 1))
	done
	tmx_wait key "$TMX_KEYS"
}

tmx_type() {
	n=$(printf '%s' "$1" | wc -m)
	tmx send-keys -l "$1"
	TMX_KEYS=$((TMX_KEYS + n))
	tmx_wait key "$TMX_KEYS"
}

# An X10 mouse report: button 0 (press), 64 (wheel up), 65 (wheel down)
# at cell X, Y (0-based, both under 94).
tmx_mouse() {
	tmx_mouse_raw "$@"
	TMX_KEYS=$((TMX_KEYS + 1))
	tmx_wait key "$TMX_KEYS"
}

# The same without waiting (when the reader is not expected to see it).
tmx_mouse_raw() {
	b=$((32 + ${3:-0}))
	x=$((33 + $1))
	y=$((33 + $2))
	s=$(printf "\\033[M\\$(printf %o $b)\\$(printf %o $x)\\$(printf %o $y)")
	tmx send-keys -l "$s"
}

tmx_resize() {
	tmx resize-window -x "$1" -y "$2"
	TMX_RESIZES=$((TMX_RESIZES + 1))
	tmx_wait resize "$TMX_RESIZES"
}

tmx_capture() {
	tmx capture-pane -p >"$1"
}

# The screen with the cells of each slot but text and gutter written as
# [slot:...] (the test theme's colours name the slot).
tmx_styles() {
	tmx capture-pane -p -e | awk '
	BEGIN {
		split("21 text 22 heading 23 quotation 24 focus 25 linked " \
		    "26 match 34 note 35 misspelling 27 text 28 status " \
		    "29 doubtful 30 header 31 link 32 menu 33 selected", a, " ")
		for (i = 1; i < 30; i += 2)
			slot[a[i]] = a[i + 1]
		fg = ""
	}
	function name() { return (fg in slot) ? slot[fg] : "text" }
	{
		line = $0
		out = ""
		cur = name()
		if (cur != "text")
			out = "[" cur ":"
		while (match(line, /\033\[[0-9;]*m/)) {
			out = out substr(line, 1, RSTART - 1)
			seq = substr(line, RSTART + 2, RLENGTH - 3)
			line = substr(line, RSTART + RLENGTH)
			n = split(seq, p, ";")
			for (i = 1; i <= n; i++) {
				if (p[i] == "38" && p[i + 1] == "5") {
					fg = p[i + 2]
					i += 2
				} else if (p[i] == "48" && p[i + 1] == "5")
					i += 2
				else if (p[i] == "0" || p[i] == "" ||
				    p[i] == "39")
					fg = ""
			}
			new = name()
			if (new != cur) {
				if (cur != "text")
					out = out "]"
				if (new != "text")
					out = out "[" new ":"
				cur = new
			}
		}
		out = out line
		if (cur != "text")
			out = out "]"
		gsub(/\[[a-z]+:\]/, "", out)
		print out
	}' >"$1"
}

# Run the reader until it exits by itself; its status is in $T/exit.N.
tmx_run() {
	tmx_launch "$@"
	tmx_wait_exit
}

tmx_wait_exit() {
	i=0
	while [ $i -lt 200 ] && ! [ -s "$T/exit.$TMX_N" ]; do
		sleep 0.05
		i=$((i + 1))
	done
	[ "$(cat "$T/exit.$TMX_N" 2>/dev/null)" = 0 ]
}

tmx_quit() {
	tmx send-keys q
	tmx_wait_exit
}


# The 1-based row of the first screen line holding fixed string $1 in
# capture $2 (0 when absent).
tmx_row() {
	awk -v s="$1" 'index($0, s) { print NR; found = 1; exit }
	    END { if (!found) print 0 }' "$2"
}

# t_ref_file DESCRIPTION NAME FILE: FILE equals ref/NAME (rewritten with
# POLYREAD_UPDATE_REF=1).
t_ref_file() {
	if [ -n "${POLYREAD_UPDATE_REF:-}" ]; then
		cp "$3" "$REF/$2"
	fi
	t_cmp "$1" "$REF/$2" "$3"
}
