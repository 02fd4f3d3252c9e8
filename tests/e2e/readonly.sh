#!/usr/bin/env bash
# Issue 10, classes 7 and 9: terminal output cannot be hijacked (control
# characters in file names, RCC ids and list rows are shown escaped), and
# reading never writes (list and summary open the register read-only and say
# exactly why a file is not a usable register).
# Prints "ok WHAT" or "FAIL WHAT" per check.
. "$(dirname "$0")/lib.sh" "$@"
# 1 when the file holds a raw control byte other than newline (C0, DEL) or a
# C1 control (UTF-8 C2 80..C2 9F)
raw_ctl() { python3 -c 'import sys,re; d=open(sys.argv[1],"rb").read(); sys.exit(0 if re.search(rb"[\x00-\x09\x0b-\x1f\x7f]|\xc2[\x80-\x9f]", d) else 1)' "$1"; }
R="--today 2026-11-22 --rules rules"

# -- class 7: a file named with ESC sequences, an RCC id with CR and TAB
esc=$(printf 'x\033]0;pwned\007\033[2J\302\233y.xml')
cp samples/valid/norr-2014.xml "$t/$esc"
sed 's|<rcc id="[^"]*"|<rcc id="a\&#13;b\&#9;c"|' samples/valid/sydost-2014.xml > "$t/ctl.xml"
grep -q 'a&#13;b&#9;c' "$t/ctl.xml" || bad "the test statement has no RCC id with CR and TAB"
db=$t/reg.db
"$gc" check $R "$t/$esc" "$t/ctl.xml" > "$t/check.out" 2>&1
check "check: no raw control characters in the text output" '! raw_ctl "$t/check.out"'
check "check: ESC shown as \\e in the file name" 'grep -qF "x\\e]0;pwned\\x07\\e[2J\\u009by.xml" "$t/check.out"'
"$gc" register --db "$db" $R "$t/$esc" "$t/ctl.xml" > "$t/reg.out" 2>&1
check "register: no raw control characters" '! raw_ctl "$t/reg.out"'
"$gc" list --db "$db" --rules rules --history > "$t/list.out" 2>&1; st=$?
check "list exits 0" '[ $st -eq 0 ]'
check "list: no raw control characters" '! raw_ctl "$t/list.out"'
check "list: the RCC id shown as a\\rb\\tc" 'grep -qF "a\\rb\\tc" "$t/list.out"'
check "list: the file name escaped" 'grep -qF "\\e[2J" "$t/list.out"'
"$gc" list --db "$db" --rules rules --format json > "$t/list.json" 2>&1
check "list --format json: no raw control characters and it parses" \
  '! raw_ctl "$t/list.json" && python3 -c "import json,sys; d=json.load(open(sys.argv[1])); assert any(s[\"rcc\"]==\"a\rb\tc\" for s in d[\"unidentified\"])" "$t/list.json"'

# -- class 9: reading never writes
: > "$t/zero.db"
"$gc" list --db "$t/zero.db" --rules rules > "$t/o" 2> "$t/e"; st=$?
check "list --db EMPTY-FILE: exit 2" '[ $st -eq 2 ]'
check "list --db EMPTY-FILE: the file stays empty" '[ ! -s "$t/zero.db" ] && [ ! -e "$t/zero.db-wal" ] && [ ! -e "$t/zero.db-journal" ]'
check "list --db EMPTY-FILE: says it is empty, not a register" 'grep -q "empty, not a grantcheck register" "$t/e"'
"$gc" summary --db "$t/zero.db" --rules rules -o "$t/s.xlsx" > "$t/o" 2> "$t/e"; st=$?
check "summary --db EMPTY-FILE: exit 2, file still empty" '[ $st -eq 2 ] && [ ! -s "$t/zero.db" ] && grep -q "the file is empty" "$t/e"'
mkdir "$t/folder"
"$gc" list --db "$t/folder" --rules rules > "$t/o" 2> "$t/e"; st=$?
check "list --db FOLDER: exit 2, says it is a folder" '[ $st -eq 2 ] && grep -q "is a folder" "$t/e" && ! grep -qi "disk" "$t/e"'
"$gc" list --db "$t/missing.db" --rules rules > "$t/o" 2> "$t/e"; st=$?
check "list --db MISSING: exit 2, says how to create one, nothing created" \
  '[ $st -eq 2 ] && grep -q "grantcheck register" "$t/e" && [ ! -e "$t/missing.db" ]'
printf 'this is not a database, only some text that is long enough to look like a header\n%.0s' 1 2 3 4 5 6 7 8 > "$t/text.db"
cp "$t/text.db" "$t/text.orig"
"$gc" list --db "$t/text.db" --rules rules > "$t/o" 2> "$t/e"; st=$?
check "list --db TEXT-FILE: exit 2, not an SQLite database, unchanged" \
  '[ $st -eq 2 ] && grep -q "not an SQLite database" "$t/e" && cmp -s "$t/text.db" "$t/text.orig"'
q "$t/other.db" "create table t(x)"
"$gc" list --db "$t/other.db" --rules rules > "$t/o" 2> "$t/e"; st=$?
check "list --db OTHER-SQLITE: exit 2, not a grantcheck register" \
  '[ $st -eq 2 ] && grep -q "not a grantcheck register" "$t/e"'
cp "$db" "$t/newer.db"
q "$t/newer.db" "pragma user_version=99"
"$gc" list --db "$t/newer.db" --rules rules > "$t/o" 2> "$t/e"; st=$?
check "list --db NEWER: exit 2, made by a newer grantcheck" '[ $st -eq 2 ] && grep -q "newer grantcheck" "$t/e"'
"$gc" summary --db "$t/newer.db" --rules rules -o "$t/s.xlsx" > "$t/o" 2> "$t/e"; st=$?
check "summary --db NEWER: exit 2, made by a newer grantcheck" '[ $st -eq 2 ] && grep -q "newer grantcheck" "$t/e"'
# damaged: overwrite every page after the first with garbage
cp "$db" "$t/hurt.db"
python3 - "$t/hurt.db" <<'PY'
import sys
p = sys.argv[1]
d = bytearray(open(p, "rb").read())
ps = int.from_bytes(d[16:18], "big") or 65536
for i in range(ps, len(d)):
    d[i] = 0xA5
open(p, "wb").write(d)
PY
cp "$t/hurt.db" "$t/hurt.orig"
"$gc" list --db "$t/hurt.db" --rules rules > "$t/o" 2> "$t/e"; st=$?
check "list --db DAMAGED: exit 2, says damaged, unchanged" \
  '[ $st -eq 2 ] && grep -q "the register is damaged" "$t/e" && cmp -s "$t/hurt.db" "$t/hurt.orig"'
# a good register is not written by list (same bytes, no journal left)
python3 -c 'import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute("pragma wal_checkpoint(truncate)")' "$db"
cp "$db" "$t/good.orig"
"$gc" list --db "$db" --rules rules > /dev/null 2>&1; st=$?
check "list on a good register: exit 0, the file is unchanged" '[ $st -eq 0 ] && cmp -s "$db" "$t/good.orig"'
chmod a-w "$db"
"$gc" list --db "$db" --rules rules > /dev/null 2> "$t/e"; st=$?
check "list on a read-only register file: exit 0" '[ $st -eq 0 ]'
chmod u+w "$db"
"$gc" register --db "$t/folder" $R samples/valid/norr-2014.xml > "$t/o" 2> "$t/e"; st=$?
check "register --db FOLDER: exit 2, says it is a folder" '[ $st -eq 2 ] && grep -q "is a folder" "$t/e"'
# error messages name the file escaped too
"$gc" list --db "$t/$(printf 'no\033[2Jreg')" --rules rules > "$t/o" 2> "$t/e"; st=$?
check "list --db NAME-WITH-ESC: exit 2, the message escaped" '[ $st -eq 2 ] && ! raw_ctl "$t/e" && grep -qF "no\\e[2Jreg" "$t/e"'
