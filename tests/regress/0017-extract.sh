#!/bin/sh
# polyread extract: the article a page holds, as text, Markdown or JSON.
. "$top_srcdir/tests/regress/lib.sh"

t_ok "extract the sample" "$POLYREAD" extract "$top_srcdir/data/sample/commentary.en.html"
t_grep "extract: the body" "Arctic Council" "$T/out"
t_done
