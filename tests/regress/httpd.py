#!/usr/bin/env python3
"""A scripted HTTP server for tests/regress/0011-url.sh (issue 9).

Python standard library only. It listens on 127.0.0.1 (never another
address) on a port the OS chooses, writes "http PORT" (and "NAME PORT" for
each --tls listener) to --port-file once it listens, and logs one line per
request to --log:

    GET /trio/en 200 ae=gzip,deflate inm=- ims=- ua=polyread/0.1.0 (...)

The pages wrap the story in tests/data/url/story.LANG.txt in the furniture
each test needs: hreflang alternates, language switchers without hreflang,
redirect chains, a 404, a slow answer, gzip and deflate, Windows-1251
declared only in the Content-Type header, oversized bodies, ETag and
Last-Modified with 304 answers.

With --write-local DIR it writes instead the local pages of the test (a
switcher that points to sibling files) and exits.
"""

import argparse
import gzip
import http.server
import os
import socket
import ssl
import sys
import threading
import time
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "data", "url")
LANGS = ("en", "fr", "ru")
LAST_MODIFIED = "Fri, 14 Mar 2025 08:00:00 GMT"
MIB = 1024 * 1024


def story(lang):
    """The headline, byline and paragraphs of the story in lang."""
    with open(os.path.join(DATA, "story.%s.txt" % lang),
              encoding="utf-8") as f:
        lines = f.read().split("\n")
    title, byline = lines[0], lines[1]
    paras = [p.strip() for p in "\n".join(lines[2:]).split("\n\n")
             if p.strip()]
    return title, byline, paras


def esc(s):
    return (s.replace("&", "&amp;").replace("<", "&lt;")
            .replace(">", "&gt;").replace('"', "&quot;"))


def page(lang, head="", switcher="", footer="", charset="utf-8",
         html_lang=True):
    """A news page around the story in lang."""
    title, byline, paras = story(lang)
    meta = '<meta charset="%s">\n' % charset if charset else ""
    body = "\n".join("<p>%s</p>" % esc(p) for p in paras)
    return (
        '<!DOCTYPE html>\n<html%s>\n<head>\n%s'
        "<title>%s | Valley Courier</title>\n%s</head>\n<body>\n"
        '<header><a class="logo" href="/">Valley Courier</a>\n'
        '<nav><a href="/news">News</a> <a href="/sport">Sport</a> '
        '<a href="/weather">Weather</a> <a href="/it">IT</a></nav>\n'
        "%s</header>\n<main><article>\n<h1>%s</h1>\n"
        '<p class="byline">%s</p>\n%s\n</article></main>\n'
        "<footer>%s<p>© Valley Courier</p></footer>\n</body>\n</html>\n"
        % (' lang="%s"' % lang if html_lang else "", meta, esc(title), head,
           switcher, esc(title), esc(byline), body, footer))


def hreflang(links):
    return "".join('<link rel="alternate" hreflang="%s" href="%s">\n'
                   % (l, h) for l, h in links)


def switcher_codes(prefix, current=None, sep=" | ", suffix=""):
    """EN | FR | RU; the current language as plain text if given."""
    items = []
    for l in LANGS:
        if l == current:
            items.append("<strong>%s</strong>" % l.upper())
        else:
            items.append('<a href="%s%s%s">%s</a>'
                         % (prefix, l, suffix, l.upper()))
    return '<div class="lang-switch">%s</div>\n' % sep.join(items)


NAMES = {"en": "English", "fr": "Français", "ru": "Русский"}

FOOTER_NOISE = ('<p>Read our <a href="/de/">Deutsch</a> edition and '
                '<a href="/news">more news</a>.</p>\n')


def trio_page(lang, base):
    """The hreflang trio: absolute, relative and root-relative hrefs."""
    links = [("en", base + "/trio/en"), ("fr", "fr"), ("ru", "/trio/ru"),
             ("x-default", "/")]
    return page(lang, head=hreflang(links))


def switch_page(lang):
    """A switcher without hreflang: codes, names, or codes with a gap."""
    if lang == "en":
        sw = switcher_codes("/switch/")
    elif lang == "fr":
        sw = '<ul class="langs">%s</ul>\n' % "".join(
            '<li><a href="/switch/%s">%s</a></li>' % (l, NAMES[l])
            for l in LANGS)
    else:
        sw = switcher_codes("/switch/", current="ru", sep=" / ")
    return page(lang, switcher=sw, footer=FOOTER_NOISE)


def pair_page(lang):
    """Two versions, the current one unlinked: <b>EN</b> | <a>FR</a>."""
    other = "fr" if lang == "en" else "en"
    items = {lang: "<b>%s</b>" % lang.upper(),
             other: '<a href="/pair/%s">%s</a>' % (other, other.upper())}
    sw = "<div>%s | %s</div>\n" % (items["en"], items["fr"])
    return page(lang, switcher=sw)


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "polyread-test"
    sys_version = ""

    def log_message(self, fmt, *args):
        pass

    def log_request(self, code="-", size="-"):
        h = self.headers
        line = "%s %s %s ae=%s inm=%s ims=%s ua=%s\n" % (
            self.command, self.path, code,
            (h.get("Accept-Encoding") or "-").replace(" ", ""),
            h.get("If-None-Match") or "-",
            (h.get("If-Modified-Since") or "-").replace(" ", "_"),
            h.get("User-Agent") or "-")
        with self.server.log_lock:
            with open(self.server.log_path, "a", encoding="utf-8") as f:
                f.write(line)

    def base(self):
        host = self.server.server_address
        scheme = "https" if self.server.tls else "http"
        return "%s://%s:%d" % (scheme, host[0], host[1])

    def send(self, code, body, ctype="text/html; charset=utf-8",
             headers=None, length=True):
        if isinstance(body, str):
            body = body.encode("utf-8")
        self.send_response(code)
        if ctype:
            self.send_header("Content-Type", ctype)
        for k, v in (headers or []):
            self.send_header(k, v)
        if length:
            self.send_header("Content-Length", str(len(body)))
        else:
            self.send_header("Connection", "close")
            self.close_connection = True
        self.end_headers()
        if self.command != "HEAD":
            try:
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass

    def redirect(self, code, where):
        self.send(code, "<p>moved</p>", headers=[("Location", where)])

    def stream(self, total, ctype="text/html", length=False):
        """A big page, sent in pieces until the client gives up."""
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        if length:
            self.send_header("Content-Length", str(total))
        else:
            self.send_header("Connection", "close")
            self.close_connection = True
        self.end_headers()
        chunk = (b"<p>" + b"snow " * 200 + b"</p>\n")
        head = b"<!DOCTYPE html><html><body>"
        sent = 0
        try:
            self.wfile.write(head)
            sent = len(head)
            while sent < total:
                piece = chunk[:total - sent]
                self.wfile.write(piece)
                sent += len(piece)
        except (BrokenPipeError, ConnectionResetError, ssl.SSLError):
            self.close_connection = True

    def do_HEAD(self):
        self.do_GET()

    def do_GET(self):
        path = self.path.split("?")[0]
        parts = [p for p in path.split("/") if p]
        base = self.base()
        ae = self.headers.get("Accept-Encoding") or ""

        if len(parts) == 2 and parts[0] == "trio" and parts[1] in LANGS:
            return self.send(200, trio_page(parts[1], base))
        if len(parts) == 2 and parts[0] == "switch" and parts[1] in LANGS:
            return self.send(200, switch_page(parts[1]))
        if len(parts) == 2 and parts[0] == "pair" and parts[1] in ("en",
                                                                  "fr"):
            return self.send(200, pair_page(parts[1]))
        # Redirects: 301 then 302 to the trio; an endless chain; a scheme
        # that is not http.
        if path == "/redirect/en":
            return self.redirect(301, "/redirect/step")
        if path == "/redirect/step":
            return self.redirect(302, base + "/trio/en")
        if len(parts) == 2 and parts[0] == "loop":
            n = int(parts[1]) if parts[1].isdigit() else 0
            return self.redirect(302, "/loop/%d" % (n + 1))
        if path == "/to-file":
            return self.redirect(302, "file:///etc/passwd")
        # One version missing (404); one slow (past the timeout).
        if len(parts) == 2 and parts[0] == "missing":
            if parts[1] == "ru":
                return self.send(404, "<h1>Not here</h1>")
            if parts[1] in ("en", "fr"):
                links = [(l, "/missing/" + l) for l in LANGS]
                return self.send(200, page(parts[1], head=hreflang(links)))
        if len(parts) == 2 and parts[0] == "slow":
            if parts[1] in ("ru", "all"):
                time.sleep(self.server.slow)
            links = [(l, "/slow/" + l) for l in LANGS]
            lang = parts[1] if parts[1] in LANGS else "en"
            return self.send(200, page(lang, head=hreflang(links)))
        # Compressed answers.
        if path == "/gzip/en":
            body = page("en").encode("utf-8")
            if "gzip" not in ae:
                return self.send(406, "<p>gzip only</p>")
            return self.send(200, gzip.compress(body),
                             headers=[("Content-Encoding", "gzip")])
        if path == "/deflate/fr":
            body = page("fr").encode("utf-8")
            if "deflate" not in ae:
                return self.send(406, "<p>deflate only</p>")
            return self.send(200, zlib.compress(body),
                             headers=[("Content-Encoding", "deflate")])
        if path == "/bad-gzip":
            return self.send(200, b"\x1f\x8b\x08\x00this is not gzip data",
                             headers=[("Content-Encoding", "gzip")])
        if path == "/gzip-bomb":
            raw = (b"<!DOCTYPE html><html><body><p>"
                   + b" " * (21 * MIB) + b"</p></body></html>")
            return self.send(200, gzip.compress(raw, 9),
                             headers=[("Content-Encoding", "gzip")])
        # Windows-1251, declared only in the header; and against a meta.
        if path == "/cp1251/ru":
            body = page("ru", charset=None).encode("cp1251")
            return self.send(200, body,
                             ctype="text/html; charset=windows-1251")
        if path == "/cp1251-meta/ru":
            body = page("ru", charset="iso-8859-1").encode("cp1251")
            return self.send(200, body,
                             ctype='text/html; charset="Windows-1251"')
        # Oversized: with a Content-Length, and without one.
        if path == "/big/length":
            return self.stream(21 * MIB, length=True)
        if path == "/big/stream":
            return self.stream(21 * MIB)
        if path == "/big/small":
            return self.stream(100 * 1024)
        # Not HTML, errors, empty.
        if path == "/picture.png":
            return self.send(200, b"\x89PNG\r\n\x1a\n" + b"\0" * 64,
                             ctype="image/png")
        if path == "/notes.txt":
            return self.send(200, "Plain text, not a page.\n",
                             ctype="text/plain")
        if path == "/no-type":
            return self.send(200, page("en"), ctype=None)
        if path == "/error":
            return self.send(500, "<h1>Oops</h1>")
        if path == "/empty":
            return self.send(200, b"")
        # Validators: ETag (and Last-Modified); Last-Modified alone.
        if len(parts) == 2 and parts[0] == "etag" and parts[1] in LANGS:
            etag = '"story-%s-v1"' % parts[1]
            hdrs = [("ETag", etag), ("Last-Modified", LAST_MODIFIED)]
            if self.headers.get("If-None-Match") == etag:
                return self.send(304, b"", headers=hdrs)
            links = [(l, "/etag/" + l) for l in LANGS]
            return self.send(200, page(parts[1], head=hreflang(links)),
                             headers=hdrs)
        if path == "/lastmod/en":
            hdrs = [("Last-Modified", LAST_MODIFIED)]
            if self.headers.get("If-Modified-Since") == LAST_MODIFIED:
                return self.send(304, b"", headers=hdrs)
            return self.send(200, page("en"), headers=hdrs)
        # Hostile links: a switcher to other schemes and far hosts.
        if path == "/hostile/en":
            sw = ('<div><a href="file:///etc/passwd">FR</a> | '
                  '<a href="javascript:alert(1)">RU</a> | '
                  '<a href="ftp://127.0.0.1/de">DE</a> | '
                  '<a href="mailto:x@example.org">ES</a></div>\n')
            return self.send(200, page("en", switcher=sw))
        # More versions than open at once: 8 hreflang alternates.
        if len(parts) == 2 and parts[0] == "many":
            codes = ("en", "fr", "ru", "de", "es", "it", "pt", "nl")
            links = [(l, "/many/" + l) for l in codes]
            lang = parts[1] if parts[1] in LANGS else "en"
            if parts[1] in codes and parts[1] not in LANGS:
                # Any text will do: the language comes from the page.
                return self.send(200, page("en", head=hreflang(links))
                                 .replace('lang="en"',
                                          'lang="%s"' % parts[1]))
            return self.send(200, page(lang, head=hreflang(links)))
        return self.send(404, "<h1>Not Found</h1>")


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True


def listen(log_path, slow, tls=None):
    srv = Server(("127.0.0.1", 0), Handler)
    srv.log_path = log_path
    srv.log_lock = threading.Lock()
    srv.slow = slow
    srv.tls = tls is not None
    if tls is not None:
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        ctx.load_cert_chain(tls[0], tls[1])
        srv.socket = ctx.wrap_socket(srv.socket, server_side=True,
                                     do_handshake_on_connect=False)
    return srv


def write_local(folder):
    """Local pages whose switcher points to sibling files."""
    os.makedirs(folder, exist_ok=True)
    for l in LANGS:
        sw = switcher_codes("cable.", suffix=".html")
        html = page(l, switcher=sw, footer=FOOTER_NOISE)
        with open(os.path.join(folder, "cable.%s.html" % l), "w",
                  encoding="utf-8") as f:
            f.write(html)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--port-file")
    ap.add_argument("--log", default=os.devnull)
    ap.add_argument("--slow", type=float, default=5.0,
                    help="seconds the slow pages sleep")
    ap.add_argument("--tls", action="append", default=[],
                    help="NAME:CERT:KEY, an https listener")
    ap.add_argument("--write-local")
    args = ap.parse_args()
    if args.write_local:
        write_local(args.write_local)
        return 0
    servers = [("http", listen(args.log, args.slow))]
    for spec in args.tls:
        name, cert, key = spec.split(":", 2)
        servers.append((name, listen(args.log, args.slow, (cert, key))))
    for _, srv in servers:
        threading.Thread(target=srv.serve_forever, daemon=True).start()
    tmp = args.port_file + ".tmp"
    with open(tmp, "w") as f:
        for name, srv in servers:
            f.write("%s %d\n" % (name, srv.server_address[1]))
    os.rename(tmp, args.port_file)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
