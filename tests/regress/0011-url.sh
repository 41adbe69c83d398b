#!/bin/sh
# Issue 9: opening articles by URL and finding their translations. A test
# HTTP server (httpd.py, bound to 127.0.0.1 on a port the OS picks) serves
# the pages; nothing goes to another address. Covers hreflang alternates,
# switchers without hreflang, redirects, a 404 and a timeout for one
# version, gzip and deflate, Windows-1251 declared only in the HTTP
# header, oversized answers, pages that are not HTML, the cache (ETag,
# Last-Modified, --offline, --refresh), network errors, TLS, the reader
# and dump on URLs, and local files whose alternates are sibling files.
. "$top_srcdir/tests/regress/lib.sh"

have python3 || skip_all "python3 is not installed"

HTTPD="$top_srcdir/tests/regress/httpd.py"
S="$top_srcdir/data/sample"
LOG="$T/httpd.log"
PAGES="$XDG_CACHE_HOME/polyread/pages"
: >"$LOG"
SERVERS=""
TMX_SOCK=""

# Stop what this script started, by process id.
cleanup() {
	for p in $SERVERS; do
		kill "$p" 2>/dev/null
	done
	if [ -n "$TMX_SOCK" ]; then
		tmux -L "$TMX_SOCK" kill-server >/dev/null 2>&1
	fi
}
trap cleanup EXIT
trap 'exit 1' HUP INT TERM

# Keep every fetch short: nothing in this test may hang.
POLYREAD_FETCH_TIMEOUT=5
POLYREAD_FETCH_CONNECT_TIMEOUT=3
export POLYREAD_FETCH_TIMEOUT POLYREAD_FETCH_CONNECT_TIMEOUT

# Certificates for the https listeners: one for 127.0.0.1, one for
# another name (only when openssl is there).
TLS=""
if have openssl &&
    openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=127.0.0.1 \
    -addext subjectAltName=IP:127.0.0.1 -keyout "$T/ip.key" \
    -out "$T/ip.pem" >/dev/null 2>&1 &&
    openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=localhost \
    -addext subjectAltName=DNS:localhost -keyout "$T/name.key" \
    -out "$T/name.pem" >/dev/null 2>&1; then
	TLS="yes"
fi

if [ -n "$TLS" ]; then
	httpd_start "$T/ports" "$LOG" --tls "ip:$T/ip.pem:$T/ip.key" \
	    --tls "name:$T/name.pem:$T/name.key"
else
	httpd_start "$T/ports" "$LOG"
fi
t_result $? "the test server listens on 127.0.0.1" "$T/httpd.err"
PORT=$(awk '$1 == "http" { print $2 }' "$T/ports")
B="http://127.0.0.1:$PORT"

# mark: remember the end of the log; requests PATH: how many times the
# server was asked for PATH since the mark (nothing but PATH: "all").
M=0
mark() {
	M=$(wc -l <"$LOG")
}
# lines: the requests so far but the slow ones (logged when they end).
lines() {
	grep -cv '^GET /slow/' "$LOG"
}
requests() {
	awk -v p="$1" -v m="$M" 'NR > m && $2 !~ /^\/slow\// &&
	    ($2 == p || p == "all") { n++ }
	    END { print n + 0 }' "$LOG"
}

# t_quiet DESCRIPTION: the last command wrote nothing on stderr.
t_quiet() {
	! [ -s "$T/err" ]
	t_result $? "$1" "$T/err"
}

# --- hreflang alternates -------------------------------------------------
mark
t_ok "hreflang trio: the French page opens" \
    "$POLYREAD" dump --width 150 "$B/trio/fr"
t_grep "hreflang trio: EN, FR, RU columns in that order" \
    '^EN  *│ FR  *│ RU' "$T/out"
t_grep "hreflang trio: the English text" '^Cable car to the Pic Blanc' \
    "$T/out"
t_grep "hreflang trio: the French text" '│ Le téléphérique du Pic Blanc' \
    "$T/out"
t_grep "hreflang trio: the Russian text" '│ Канатная дорога на Пик-Блан' \
    "$T/out"
t_quiet "hreflang trio: no warning"
t_ok "hreflang trio: each version fetched once (absolute, relative and \
root-relative hrefs)" test "$(requests /trio/en) $(requests /trio/fr) \
$(requests /trio/ru)" = "1 1 1"
t_ok "hreflang trio: x-default is not a version" test "$(requests /)" = 0
t_ok "hreflang trio: three requests in all" test "$(requests all)" = 3
t_grep "requests name polyread as the User-Agent" 'ua=polyread/' "$LOG"
t_grep "requests accept gzip and deflate" 'ae=gzip,deflate' "$LOG"

t_ok "--langs ru,en picks two versions in that order" \
    "$POLYREAD" dump --width 120 --langs ru,en "$B/trio/fr"
t_grep "--langs ru,en: RU then EN" '^RU  *│ EN *$' "$T/out"
t_nogrep "--langs ru,en: no French" 'téléphérique' "$T/out"
t_fails "--langs naming no version of the page" \
    "$POLYREAD" dump --langs de "$B/trio/fr"
t_grep "--langs de: says which languages the page has" \
    "has no version in de (it has fr, en, ru)" "$T/err"
t_fails "--langs with a word that is no language" \
    "$POLYREAD" dump --langs en,xyzzy "$B/trio/fr"
mark
t_ok "--no-alternates opens the page alone" \
    "$POLYREAD" dump --no-alternates "$B/trio/ru"
t_grep "--no-alternates: the Russian text" '^Канатная дорога' "$T/out"
t_nogrep "--no-alternates: no other version" 'Cable car' "$T/out"
t_ok "--no-alternates: nothing else fetched" test "$(requests all)" = 1

# --- language switchers without hreflang --------------------------------
mark
t_ok "switcher EN | FR | RU: opens" "$POLYREAD" dump --width 150 \
    "$B/switch/en"
t_grep "switcher EN | FR | RU: three columns" '^EN  *│ FR  *│ RU' "$T/out"
t_grep "switcher EN | FR | RU: the Russian text" 'Канатная дорога' "$T/out"
t_quiet "switcher: no warning"
t_ok "switcher: navigation links are not versions (News, IT, Deutsch)" \
    test "$(requests all)" = 3
t_ok "switcher by names (English · Français · Русский)" \
    "$POLYREAD" dump --width 150 "$B/switch/fr"
t_grep "switcher by names: three columns" '^EN  *│ FR  *│ RU' "$T/out"
t_ok "switcher with the current language unlinked (EN / FR / RU)" \
    "$POLYREAD" dump --width 150 "$B/switch/ru"
t_grep "unlinked current language: three columns" '^EN  *│ FR  *│ RU' \
    "$T/out"
t_ok "two versions: <b>EN</b> | <a>FR</a>" "$POLYREAD" dump --width 120 \
    "$B/pair/en"
t_grep "two versions: EN and FR" '^EN  *│ FR *$' "$T/out"
mark
t_ok "a switcher to file:, javascript:, ftp: and mailto: links" \
    "$POLYREAD" dump "$B/hostile/en"
t_grep "hostile switcher: the page alone" '^Cable car' "$T/out"
t_quiet "hostile switcher: nothing tried"
t_ok "hostile switcher: nothing else fetched" test "$(requests all)" = 1
mark
t_ok "eight alternates: six open" "$POLYREAD" dump --width 180 \
    "$B/many/fr"
t_grep "eight alternates: en, fr, ru first, then as found" \
    '^EN  *│ FR  *│ RU  *│ DE  *│ ES  *│ IT *$' "$T/out"
t_grep "eight alternates: says so" "has 8 versions; opening 6" "$T/err"
t_ok "eight alternates: the other two are not fetched" \
    test "$(requests /many/pt) $(requests /many/nl) $(requests all)" = "0 0 6"

# --- redirects -----------------------------------------------------------
mark
t_ok "301 then 302: the trio opens" "$POLYREAD" dump --width 150 \
    "$B/redirect/en"
t_grep "redirects: three columns" '^EN  *│ FR  *│ RU' "$T/out"
t_ok "redirects: the English page is not fetched again" \
    test "$(requests /trio/en) $(requests all)" = "1 5"
t_ok "redirects: align --format=json" "$POLYREAD" align --format=json \
    "$B/redirect/en"
t_grep "redirects: the source is where they ended" \
    "\"source\": \"$B/trio/en\", \"lang\": \"en\"" "$T/out"
mark
t_fails "an endless redirect chain" "$POLYREAD" dump "$B/loop/0"
t_grep "endless redirects: says so" \
    "too many redirects (more than 5) from '$B/loop/0'" "$T/err"
t_ok "endless redirects: 6 requests, no more" test "$(requests /loop/5) \
$(requests /loop/6)" = "1 0"
t_fails "a redirect to file:" "$POLYREAD" dump "$B/to-file"
t_grep "redirect to file: says so" \
    "'$B/to-file' redirects to a URL that is not http or https" "$T/err"

# --- HTTP errors ---------------------------------------------------------
t_ok "one version missing (404): the others open" \
    "$POLYREAD" dump --width 120 "$B/missing/en"
t_grep "404: EN and FR" '^EN  *│ FR *$' "$T/out"
t_grep "404: the warning names the version and the status" \
    "warning: the RU version is left out: '$B/missing/ru': HTTP 404 Not \
Found" "$T/err"
t_fails "the page itself missing" "$POLYREAD" dump "$B/nothing"
t_grep "404: the message" "^polyread: '$B/nothing': HTTP 404 Not Found$" \
    "$T/err"
t_fails "a server error" "$POLYREAD" dump "$B/error"
t_grep "500: the message" "'$B/error': HTTP 500 Internal Server Error" \
    "$T/err"

# --- timeouts ------------------------------------------------------------
start=$(date +%s)
t_ok "one slow version: the others open" env POLYREAD_FETCH_TIMEOUT=1 \
    "$POLYREAD" dump --width 120 "$B/slow/en"
end=$(date +%s)
t_grep "slow version: EN and FR" '^EN  *│ FR *$' "$T/out"
t_grep "slow version: the warning" "the RU version is left out: timed out \
after 1 s fetching '$B/slow/ru'" "$T/err"
t_ok "slow version: given up within seconds" test $((end - start)) -le 4
t_fails "a slow page" env POLYREAD_FETCH_TIMEOUT=1 "$POLYREAD" dump \
    "$B/slow/all"
t_grep "slow page: the message" "timed out after 1 s fetching '$B/slow/all'" \
    "$T/err"

# --- compression ---------------------------------------------------------
t_ok "a gzip answer" "$POLYREAD" dump "$B/gzip/en"
t_grep "gzip: the text" '^Cable car to the Pic Blanc reopens' "$T/out"
t_grep "gzip: the server sent it compressed" '^GET /gzip/en 200 ' "$LOG"
t_ok "a deflate answer" "$POLYREAD" dump "$B/deflate/fr"
t_grep "deflate: the text" '^Le téléphérique du Pic Blanc' "$T/out"
t_fails "damaged gzip" "$POLYREAD" dump "$B/bad-gzip"
t_grep "damaged gzip: says so" "'$B/bad-gzip': the compressed page is \
damaged" "$T/err"
t_fails "a gzip bomb (21 MiB once inflated)" "$POLYREAD" dump \
    "$B/gzip-bomb"
t_grep "gzip bomb: too large" "'$B/gzip-bomb' is too large (over 20 MiB)" \
    "$T/err"

# --- charsets ------------------------------------------------------------
t_ok "Windows-1251 declared only in the HTTP header" "$POLYREAD" dump \
    "$B/cp1251/ru"
t_grep "Windows-1251: the Russian text" \
    '^Канатная дорога на Пик-Блан снова открыта' "$T/out"
t_grep "Windows-1251: the quotation marks" \
    'защитила расходы: «Без канатной дороги верхняя долина' "$T/out"
t_ok "the header's charset wins over a wrong <meta>" "$POLYREAD" dump \
    "$B/cp1251-meta/ru"
t_grep "header over meta: the Russian text" \
    '^Канатная дорога на Пик-Блан снова открыта' "$T/out"

# --- sizes and types -----------------------------------------------------
t_fails "21 MiB with a Content-Length" "$POLYREAD" dump "$B/big/length"
t_grep "Content-Length over the limit: says so" \
    "^polyread: '$B/big/length' is too large (over 20 MiB)$" "$T/err"
t_fails "21 MiB without a Content-Length" "$POLYREAD" dump "$B/big/stream"
t_grep "no Content-Length: stopped at the limit" \
    "'$B/big/stream' is too large (over 20 MiB)" "$T/err"
t_fails "a smaller limit from the environment" \
    env POLYREAD_FETCH_MAX_SIZE=65536 "$POLYREAD" dump "$B/big/small"
t_grep "smaller limit: says so" "is too large (over 64 KiB)" "$T/err"
t_fails "a PNG image" "$POLYREAD" dump "$B/picture.png"
t_grep "PNG: not HTML" "'$B/picture.png' is not an HTML page (image/png)" \
    "$T/err"
t_fails "plain text" "$POLYREAD" dump "$B/notes.txt"
t_grep "plain text: not HTML" "is not an HTML page (text/plain)" "$T/err"
t_ok "no Content-Type: an HTML page is read" "$POLYREAD" dump "$B/no-type"
t_fails "an empty page" "$POLYREAD" dump "$B/empty"
t_grep "empty page: says so" "'$B/empty' is empty" "$T/err"

# --- network errors ------------------------------------------------------
start=$(date +%s)
t_fails "a name that does not resolve" "$POLYREAD" dump \
    "http://polyread-test.invalid/news/en"
end=$(date +%s)
t_grep "DNS: the message" "^polyread: cannot resolve \
'polyread-test.invalid'$" "$T/err"
t_ok "DNS: no hang" test $((end - start)) -le 6
free=$(python3 -c 'import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])')
t_fails "a port nothing listens on" "$POLYREAD" dump \
    "http://127.0.0.1:$free/news"
t_grep "refused: the message" \
    "^polyread: connection refused by '127.0.0.1:$free'$" "$T/err"
t_fails "https to a plain HTTP port" "$POLYREAD" dump \
    "https://127.0.0.1:$PORT/trio/en"
t_grep "https to plain HTTP: a TLS error" "^polyread: TLS error with \
'127.0.0.1': " "$T/err"
if [ -n "$TLS" ]; then
	IP=$(awk '$1 == "ip" { print $2 }' "$T/ports")
	NAME=$(awk '$1 == "name" { print $2 }' "$T/ports")
	t_fails "https: a self-signed certificate is refused" \
	    "$POLYREAD" dump "https://127.0.0.1:$IP/trio/en"
	t_grep "self-signed: the certificate problem is named" \
	    "TLS error with '127.0.0.1': SSL certificate problem" "$T/err"
	t_ok "https: with the test CA the trio opens" env \
	    POLYREAD_FETCH_CAINFO="$T/ip.pem" "$POLYREAD" dump --width 150 \
	    "https://127.0.0.1:$IP/trio/en"
	t_grep "https: three columns" '^EN  *│ FR  *│ RU' "$T/out"
	t_fails "https: a certificate for another name is refused" env \
	    POLYREAD_FETCH_CAINFO="$T/name.pem" "$POLYREAD" dump \
	    "https://127.0.0.1:$NAME/trio/en"
	t_grep "another name: a TLS error" "TLS error with '127.0.0.1': .*name" \
	    "$T/err"
else
	for n in 1 2 3 4 5 6; do
		t_skip "https check $n" "openssl is not installed"
	done
fi
t_fails "an ftp URL" "$POLYREAD" dump "ftp://127.0.0.1:$PORT/trio/en"
t_grep "ftp: only http and https" "only http and https URLs can be opened" \
    "$T/err"
t_fails "a URL with a bad port" "$POLYREAD" dump "http://127.0.0.1:99999/a"
t_grep "bad URL: says so" "is not a valid http or https URL" "$T/err"

# --- the cache -----------------------------------------------------------
t_ok "cache: first fetch" "$POLYREAD" dump --width 150 "$B/etag/en"
cp "$T/out" "$T/etag1"
t_ok "cache: second fetch" "$POLYREAD" dump --width 150 "$B/etag/en"
t_cmp "cache: the same article" "$T/etag1" "$T/out"
t_grep "cache: the request carries the ETag" \
    '^GET /etag/en 304 .*inm="story-en-v1"' "$LOG"
t_grep "cache: and Last-Modified" \
    '^GET /etag/ru 304 .*ims=Fri,_14_Mar_2025_08:00:00_GMT' "$LOG"
t_ok "cache: each version answered 304 once" test "$(grep -c \
'^GET /etag/.. 304 ' "$LOG")" = 3
cat "$PAGES"/*.page >"$T/entries"
t_grep "cache: an entry names its URL" "^url $B/etag/fr\$" "$T/entries"
t_grep "cache: and its validator" '^etag "story-fr-v1"$' "$T/entries"
n=$(lines)
t_ok "--offline: from the cache" "$POLYREAD" dump --width 150 --offline \
    "$B/etag/en"
t_cmp "--offline: the same article" "$T/etag1" "$T/out"
t_ok "--offline: no request" test "$(lines)" -eq "$n"
t_fails "--offline: a page not in the cache" "$POLYREAD" dump --offline \
    "$B/trio/de"
t_grep "--offline: says it is not cached" \
    "'$B/trio/de' is not in the cache (--offline)" "$T/err"
t_ok "--offline: the source is still the URL (notes find it)" \
    "$POLYREAD" align --format=json --offline "$B/etag/en"
t_grep "--offline: source" "\"source\": \"$B/etag/fr\", \"lang\": \"fr\"" \
    "$T/out"
t_ok "--refresh: fetched again" "$POLYREAD" dump --width 150 --refresh \
    "$B/etag/en"
t_cmp "--refresh: the same article" "$T/etag1" "$T/out"
t_ok "--refresh: no validators sent" test "$(grep -c \
'^GET /etag/.. 200 .*inm=- ims=-' "$LOG")" = 6
t_fails "--offline with --refresh" "$POLYREAD" dump --offline --refresh \
    "$B/etag/en"
# Notes attach to the URL: one made on the fetched page is found again
# when the article is opened from the cache by another version's URL.
if "$POLYREAD" notes --help >/dev/null 2>&1; then
	t_ok "notes: a note on a fetched page" "$POLYREAD" notes add \
	    --file "$B/etag/en" --quote "The works cost 18.5 million euros" \
	    --note "A third more than planned."
	t_ok "notes: listed from the cache" "$POLYREAD" notes list --offline \
	    "$B/etag/fr"
	t_grep "notes: the note is anchored in the cached page" \
	    "The works cost 18.5 million euros.*anchored" "$T/out"
else
	for n in 1 2 3; do
		t_skip "notes on a fetched page, check $n" "no notes command"
	done
fi
t_ok "Last-Modified alone: first fetch" "$POLYREAD" dump "$B/lastmod/en"
t_ok "Last-Modified alone: second fetch" "$POLYREAD" dump "$B/lastmod/en"
t_grep "Last-Modified alone: If-Modified-Since, 304" \
    '^GET /lastmod/en 304 .*ims=Fri,_14_Mar_2025' "$LOG"

# A corrupt entry: the body cut short.
entry=$(grep -l "^url $B/lastmod/en\$" "$PAGES"/*.page)
head -c 300 "$entry" >"$T/cut" && cp "$T/cut" "$entry"
t_ok "corrupt entry: the page still opens" "$POLYREAD" dump "$B/lastmod/en"
t_grep "corrupt entry: a warning" "warning: ignoring a corrupt cache entry \
for '$B/lastmod/en'" "$T/err"
t_grep "corrupt entry: fetched without validators" \
    '^GET /lastmod/en 200 .*ims=-' "$LOG"
t_ok "corrupt entry: replaced" "$POLYREAD" dump --offline "$B/lastmod/en"
t_quiet "corrupt entry: no warning after"
printf 'polyread-cache 1\nurl %s\n' "$B/lastmod/en" >"$entry"
"$POLYREAD" dump --offline "$B/lastmod/en" >"$T/off" 2>"$T/offerr"
rc=$?
t_ok "corrupt entry, --offline: fails" test $rc -eq 1
t_grep "corrupt entry, --offline: warns" "ignoring a corrupt cache entry" \
    "$T/offerr"
t_grep "corrupt entry, --offline: not cached" "is not in the cache" \
    "$T/offerr"

# A cached page whose server is gone: the copy, with a warning.
httpd_start "$T/ports2" "$T/httpd2.log"
t_result $? "a second server listens"
P2=$(awk '$1 == "http" { print $2 }' "$T/ports2")
t_ok "second server: fetched" "$POLYREAD" dump --width 150 \
    "http://127.0.0.1:$P2/trio/en"
cp "$T/out" "$T/trio2"
kill "$LAST_SERVER"
wait "$LAST_SERVER" 2>/dev/null
t_ok "server gone: the cached copy opens" "$POLYREAD" dump --width 150 \
    "http://127.0.0.1:$P2/trio/en"
t_cmp "server gone: the same article" "$T/trio2" "$T/out"
t_grep "server gone: a warning says why and when" "warning: connection \
refused by '127.0.0.1:$P2'; opening the copy cached on 20" "$T/err"

# --- several operands, the reader ---------------------------------------
t_ok "two URLs, one missing: the other opens" "$POLYREAD" dump \
    "$B/trio/en" "$B/missing/ru"
t_grep "two URLs: the warning" "version is left out: '$B/missing/ru': \
HTTP 404" "$T/err"
t_grep "two URLs: the English page alone" '^Cable car to the Pic' "$T/out"
t_ok "a URL and a file" "$POLYREAD" dump --width 120 "$B/trio/en" \
    "$S/commentary.fr.html"
t_grep "a URL and a file: two columns" '^EN  *│ FR *$' "$T/out"
t_grep "a URL and a file: the file's text" 'La route maritime du Nord' \
    "$T/out"
t_ok "polyread URL into a pipe: the dump" "$POLYREAD" --width 150 \
    "$B/trio/en"
t_grep "polyread URL into a pipe: three columns" '^EN  *│ FR  *│ RU' \
    "$T/out"
if have tmux; then
	. "$top_srcdir/tests/regress/tmux.sh"
	tmx_start 150 30 "$B/switch/en"
	t_result $? "the reader on a URL starts"
	tmx_capture "$T/screen"
	t_grep "the reader: the Russian column" 'Канатная дорога' "$T/screen"
	t_grep "the reader: the French column" 'téléphérique' "$T/screen"
	tmx kill-server >/dev/null 2>&1
	tmx_start 150 30 "$B/missing/en"
	t_result $? "the reader with one version missing starts"
	tmx_capture "$T/screen"
	t_grep "the reader: the English column" 'Cable car' "$T/screen"
	t_grep "the reader: the missing version named on the status line" \
	    "not loaded: RU '$B/missing/ru': HTTP 404" "$T/screen"
	tmx kill-server >/dev/null 2>&1
else
	for n in 1 2 3 4 5 6; do
		t_skip "the reader on a URL, check $n" "tmux is not installed"
	done
fi

# --- local files whose alternates are sibling files ----------------------
t_ok "a sample page alone opens its alternates" "$POLYREAD" dump \
    --width 150 "$S/commentary.fr.html"
t_grep "sample page alone: EN, FR, RU" '^EN  *│ FR  *│ RU' "$T/out"
t_quiet "sample page alone: no warning"
t_ok "--no-alternates: the file alone" "$POLYREAD" dump --no-alternates \
    "$S/commentary.fr.html"
t_grep "--no-alternates: French" '^La route maritime du Nord' "$T/out"
t_nogrep "--no-alternates: no English" 'Northern Sea Route' "$T/out"
t_ok "--langs on a local page" "$POLYREAD" dump --width 120 --langs ru,fr \
    "$S/commentary.en.html"
t_grep "--langs on a local page: RU, FR" '^RU  *│ FR *$' "$T/out"
t_ok "sentences on a page alone: that page only" "$POLYREAD" sentences \
    "$S/commentary.fr.html"
t_grep "sentences: the French headline first" \
    '^La route maritime du Nord' "$T/out"
t_nogrep "sentences: no other version" 'Northern Sea Route' "$T/out"
t_ok "sentences on a URL" "$POLYREAD" sentences "$B/trio/ru"
t_grep "sentences on a URL: Russian" '^Канатная дорога на Пик-Блан' "$T/out"
t_nogrep "sentences on a URL: no other version" 'Cable car' "$T/out"
t_ok "two files: as given, nothing added" "$POLYREAD" dump --width 120 \
    "$S/commentary.en.html" "$S/commentary.ru.html"
t_grep "two files: EN, RU" '^EN  *│ RU *$' "$T/out"
mkdir "$T/alone"
cp "$S/commentary.en.html" "$T/alone/"
t_ok "alternates that are missing files" "$POLYREAD" dump \
    "$T/alone/commentary.en.html"
t_grep "missing siblings: the page alone" '^The Northern Sea Route' \
    "$T/out"
t_quiet "missing siblings: no warning"
n=$(lines)
t_ok "alternates that are web URLs: not fetched" "$POLYREAD" dump \
    "$TESTDATA/html/news.en.html"
t_quiet "web alternates of a file: no warning, no request"
python3 "$HTTPD" --write-local "$T/local"
t_ok "a local switcher to sibling files" "$POLYREAD" dump --width 150 \
    "$T/local/cable.fr.html"
t_grep "local switcher: EN, FR, RU" '^EN  *│ FR  *│ RU' "$T/out"
t_quiet "local switcher: the Deutsch link is not a version"
t_ok "no request for local files" test "$(lines)" -eq "$n"

t_done
