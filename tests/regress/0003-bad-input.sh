#!/bin/sh
# Issue 2: bad input gives one clear line and a non-zero exit, or a correct
# rendering; never a crash, a hang or raw control bytes on the terminal.
. "$top_srcdir/tests/regress/lib.sh"

EN="$TESTDATA/text/commentary.en.txt"
FR="$TESTDATA/text/commentary.fr.txt"
RU="$TESTDATA/text/commentary.ru.txt"

# Missing file.
t_fails "missing file" "$POLYREAD" dump "$T/nope.txt"
t_grep "missing file: names it and says why" \
    "cannot open '.*/nope.txt': No such file or directory" "$T/err"

# A folder given as one of several files.
mkdir "$T/folder"
t_fails "folder among files" "$POLYREAD" dump "$EN" "$T/folder"
t_grep "folder among files: says so" "'.*/folder' is a folder" "$T/err"

# A folder with no article files in it.
mkdir "$T/nothing"
echo "notes" >"$T/nothing/README"
echo "x" >"$T/nothing/picture.png"
t_fails "folder without articles" "$POLYREAD" dump "$T/nothing"
t_grep "folder without articles: says so" "no article files" "$T/err"

# Empty and white-space-only files (no-break spaces count as white space).
: >"$T/empty.txt"
t_fails "empty file" "$POLYREAD" dump "$T/empty.txt"
t_grep "empty file: says so" "'.*/empty.txt' is empty" "$T/err"
printf ' \n\t\r\n\n   \n' >"$T/blank.txt"
t_fails "white-space-only file" "$POLYREAD" dump "$T/blank.txt"
t_grep "white-space-only file: says so" "holds only white space" "$T/err"
printf '\302\240\n\342\200\203 \n' >"$T/nbsp.txt"
t_fails "no-break-space-only file" "$POLYREAD" dump "$T/nbsp.txt"
t_fails "white-space-only HTML" "$POLYREAD" dump --input-format html \
    "$T/blank.txt"

# Binary files: a PNG header, an ELF header.
printf '\211PNG\r\n\032\n\000\000\000\rIHDR\000\000\001\000' >"$T/pic.txt"
t_fails "PNG data" "$POLYREAD" dump "$T/pic.txt"
t_grep "PNG data: says binary" "is a binary file, not an article" "$T/err"
printf '\177ELF\002\001\001\000\000\000\000\000\000\000\000\000\002\000' \
    >"$T/prog.html"
t_fails "ELF data named .html" "$POLYREAD" dump "$T/prog.html"
t_fails "a device" "$POLYREAD" dump /dev/null

# Issue 18: a FIFO (no writer) is refused at once, not waited on in
# open(); timeout is only the hang guard. Standard input still reads.
mkdir "$T/fifo"
mkfifo "$T/fifo/a.en.txt"
t_fails "a FIFO in a folder" timeout 10 "$POLYREAD" dump "$T/fifo"
t_grep "a FIFO: named, and what to do" \
    "'.*/fifo/a.en.txt' is a FIFO (named pipe), not a regular file: give" \
    "$T/err"
t_fails "a FIFO named on the command line" timeout 10 "$POLYREAD" dump \
    "$T/fifo/a.en.txt"
ln -s "$T/fifo/a.en.txt" "$T/fifo-link.txt"
t_fails "a symlink to a FIFO" timeout 10 "$POLYREAD" dump "$T/fifo-link.txt"
t_fails "a character device" timeout 10 "$POLYREAD" dump /dev/zero
t_grep "a device: says so" "is a character device, not a regular" "$T/err"
rm -rf "$T/fifo" "$T/fifo-link.txt"
t_ok "standard input's pipe still reads" sh -c \
    'printf "Piped in.\n" | timeout 10 "$POLYREAD" dump /dev/stdin'
t_grep "standard input: its text" "Piped in." "$T/out"

# Invalid UTF-8 bytes in a UTF-8 file: U+FFFD, the rest intact.
{
	printf 'Le navire \377 est parti de Mourmansk \303 '
	printf '\303\240 l\342\200\231aube, avec deux jours de retard.\n'
} >"$T/broken.txt"
t_ok "invalid UTF-8 is shown" "$POLYREAD" dump "$T/broken.txt"
fffd=$(printf '\357\277\275')
t_grep "invalid UTF-8: U+FFFD, the rest intact" \
    "Le navire $fffd est parti de Mourmansk $fffd à l’aube, avec deux" \
    "$T/out"

# A 50 MB file: refused before it is read (LOAD_MAX_SIZE is 32 MiB).
dd if=/dev/zero of="$T/huge.txt" bs=1 count=0 seek=50M 2>/dev/null
t_fails "50 MB file" "$POLYREAD" dump "$T/huge.txt"
t_grep "50 MB file: too large, with the limit" \
    "'.*/huge.txt' is too large (50.0 MiB; the limit is 32.0 MiB)" "$T/err"
rm -f "$T/huge.txt"

# Russian in windows-1251 and French in ISO-8859-1, undeclared.
t_ok "windows-1251 text" "$POLYREAD" dump "$TESTDATA/bad/ru-cp1251.txt"
t_grep "windows-1251 text: Russian is read right" \
    "^Северный морской путь: короткая дорога, которая разделяет Арктику" \
    "$T/out"
t_grep "windows-1251 text: paragraphs too" "Арктического" "$T/out"
t_ok "ISO-8859-1 text" "$POLYREAD" dump --width 200 \
    "$TESTDATA/bad/fr-latin1.txt"
t_grep "ISO-8859-1 text: French is read right" \
    "du Conseil de l'Arctique se sont réunis à Tromsø le 21 juin" "$T/out"
t_nogrep "ISO-8859-1 text: no U+FFFD" "$fffd" "$T/out"

# UTF-16LE with a byte order mark reads like the UTF-8 original.
t_ok "UTF-16LE with BOM" "$POLYREAD" dump "$TESTDATA/bad/fr-utf16le.txt"
mv "$T/out" "$T/utf16.out"
head -n 10 "$FR" >"$T/fr10.txt"
t_ok "the same in UTF-8" "$POLYREAD" dump "$T/fr10.txt"
t_cmp "UTF-16LE renders as UTF-8 does" "$T/out" "$T/utf16.out"
# Issue 18: without the byte order mark, little- or big-endian, it was
# "a binary file"; it reads the same.
tail -c +3 "$TESTDATA/bad/fr-utf16le.txt" >"$T/nobom-le.txt"
t_ok "UTF-16LE without a BOM" "$POLYREAD" dump "$T/nobom-le.txt"
t_cmp "UTF-16LE without a BOM renders as UTF-8 does" "$T/out" \
    "$T/utf16.out"
dd if="$T/nobom-le.txt" of="$T/nobom-be.txt" conv=swab 2>/dev/null
t_ok "UTF-16BE without a BOM" "$POLYREAD" dump "$T/nobom-be.txt"
t_cmp "UTF-16BE without a BOM renders as UTF-8 does" "$T/out" \
    "$T/utf16.out"

# An HTML page declaring windows-1251 in <meta http-equiv>.
t_ok "HTML declaring windows-1251" "$POLYREAD" dump \
    "$TESTDATA/bad/ru-cp1251.html"
t_grep "HTML declaring windows-1251: read right" \
    "Министр рыболовства Норвегии Ингрид Халворсен" "$T/out"
t_nogrep "HTML declaring windows-1251: no U+FFFD" "$fffd" "$T/out"

# File names with control characters and escape sequences: never raw.
evil="$T/$(printf 'evil\033]0;owned\007\033[31mred\033[0m.txt')"
t_fails "missing file with escapes in its name" "$POLYREAD" dump "$evil"
t_nogrep "no raw ESC in the message" "$(printf '\033')" "$T/err"
t_nogrep "no raw BEL in the message" "$(printf '\007')" "$T/err"
t_grep "escapes shown visibly" 'evil\^\[]0;owned\^G\^\[\[31mred' "$T/err"
: >"$evil"
t_fails "empty file with escapes in its name" "$POLYREAD" dump "$evil"
t_nogrep "no raw ESC for an empty file" "$(printf '\033')" "$T/err"
t_grep "named visibly for an empty file" 'evil\^\[.*is empty' "$T/err"
rm -f "$evil"
bidi="$T/$(printf 'x\342\200\256txt.exe')"
t_fails "bidi override in a name" "$POLYREAD" dump "$bidi"
t_grep "bidi override shown visibly" 'x<U+202E>txt.exe' "$T/err"
mkdir "$T/$(printf 'dir\033[2J')"
t_fails "folder with escapes in its name" "$POLYREAD" dump \
    "$T/$(printf 'dir\033[2J')"
t_nogrep "no raw ESC for a folder" "$(printf '\033')" "$T/err"

# Too many versions.
for l in en fr ru de es it pt; do
	cp "$EN" "$T/many.$l.txt"
done
t_fails "seven versions" "$POLYREAD" dump "$T"/many.*.txt
t_grep "seven versions: says the limit" "too many versions (7; at most 6)" \
    "$T/err"
t_ok "six versions are fine" "$POLYREAD" dump --width 200 \
    "$T/many.en.txt" "$T/many.fr.txt" "$T/many.ru.txt" "$T/many.de.txt" \
    "$T/many.es.txt" "$T/many.it.txt"
t_done
