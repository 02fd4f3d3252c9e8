#!/usr/bin/env bash
# Issue 10, the red-team sweep of verify, backup and register: what a
# hostile or careless user tries, each class that was found broken and
# fixed, plus what was tried and already held (kept as guards).
#  - fixed: register --db a FIFO or a device said "disk I/O error" (or could
#    block): now "not a regular file", exit 2, at once;
#  - fixed: register took the register itself (or its -wal, through a
#    symlink or a hard link, or as --previous) as a statement and recorded
#    it into itself: now exit 2, nothing recorded;
#  - fixed: backup "-" wrote a file named "-": now exit 2;
#  - fixed: a command's error printed control characters of a path raw
#    (ESC could clear the terminal): now escaped;
#  - guards: verify and backup on a folder, an empty file, a text file, a
#    FIFO, /dev/zero, a register of a newer schema; backup onto a folder,
#    /dev/null, a FIFO; options after the operands; no command hangs.
# Called from tests/e2e.sh as: bash tests/e2e/redteam.sh /abs/path/grantcheck
. "$(dirname "$0")/lib.sh" "$@"
R="--today 2026-11-22 --rules rules"
py=$e2e_py # lib.sh's choice: the system Python when there is one
raw_ctl() { "$py" -c 'import sys,re; d=open(sys.argv[1],"rb").read(); sys.exit(0 if re.search(rb"[\x00-\x09\x0b-\x1f\x7f]", d) else 1)' "$1"; }
# run with a time limit so that a command that hangs fails the test (124)
lim() { timeout 20 "$@"; }

db=$t/reg.db
cp samples/valid/norr-2013.xml "$t/a.xml"
"$gc" register --db "$db" $R "$t/a.xml" > /dev/null 2>&1
dsum=$(sha256sum < "$db")
intact() { [ "$(sha256sum < "$db")" = "$dsum" ]; }
count() { "$gc" list --db "$db" --rules rules --history --format json | "$py" -c 'import json,sys; print(len(json.load(sys.stdin)["submissions"]))'; }

# -- register --db something that is not a regular file
mkfifo "$t/fifo.db"
for bad in /dev/zero "$t/fifo.db"; do
  lim "$gc" register --db "$bad" $R "$t/a.xml" > /dev/null 2> "$t/err"; st=$?
  check "register --db ${bad#$t/}: exit 2 at once, 'not a regular file'" '[ $st -eq 2 ] && grep -q "is not a regular file, so not a register" "$t/err"'
done

# -- the register as a statement
ln -s "$db" "$t/link.xml"
ln "$db" "$t/hard.xml"
"$gc" list --db "$db" --rules rules > /dev/null 2>&1 # (a -wal file exists while it is open elsewhere; make one)
for input in "$db" "$t/link.xml" "$t/hard.xml"; do
  lim "$gc" register --db "$db" $R "$t/a.xml" "$input" > "$t/out" 2> "$t/err"; st=$?
  check "register the register itself as ${input#$t/}: exit 2, nothing recorded" '[ $st -eq 2 ] && intact && [ "$(count)" = 1 ] && grep -q "is the same file as .*reg.db, which the register is written to" "$t/err"'
done
lim "$gc" register --db "$db" $R "$t/a.xml" --previous "$t/hard.xml" > /dev/null 2> "$t/err"; st=$?
check "register with the register as --previous: exit 2, nothing recorded" '[ $st -eq 2 ] && intact && [ "$(count)" = 1 ]'
sqlite_wal=$db-wal
if [ -e "$sqlite_wal" ]; then
  lim "$gc" register --db "$db" $R "$sqlite_wal" > /dev/null 2>&1; st=$?
  check "register the register's -wal file: exit 2" '[ $st -eq 2 ] && [ "$(count)" = 1 ]'
fi

# -- backup "-"
(cd "$t" && lim "$gc" backup --db "$db" - > /dev/null 2> "$t/err"); st=$?
check "backup -: exit 2, no file named '-'" '[ $st -eq 2 ] && [ ! -e "$t/-" ] && grep -q "not to standard output" "$t/err"'

# -- control characters in a path in an error message
esc=$(printf 'x\033[2J\033]0;pwned\007y.db')
"$gc" list --db "$t/$esc" --rules rules > /dev/null 2> "$t/err"; st=$?
check "an error naming a path with ESC: exit 2, escaped" '[ $st -eq 2 ] && ! raw_ctl "$t/err" && grep -qF "x\\e[2J" "$t/err"'
"$gc" backup --db "$db" "$t/$esc" > "$t/out" 2>&1; st=$?
check "backup to a name with ESC: exit 0, the name shown escaped" '[ $st -eq 0 ] && ! raw_ctl "$t/out" && [ -f "$t/$esc" ]'

# -- guards: verify and backup on what is not a register
mkdir "$t/folder"
: > "$t/empty.db"
echo "hello" > "$t/text.db"
cp "$db" "$t/newer.db"
"$py" -c 'import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); c.execute("pragma user_version=99"); c.commit()' "$t/newer.db"
for bad in "$t/folder" "$t/empty.db" "$t/text.db" "$t/fifo.db" /dev/zero "$t/newer.db" "$t/missing.db"; do
  for cmd in verify "backup $t/copy.db"; do
    lim "$gc" $cmd --db "$bad" > /dev/null 2> "$t/err"; st=$?
    check "${cmd%% *} --db ${bad#$t/}: exit 2 with a reason, no copy" '[ $st -eq 2 ] && [ -s "$t/err" ] && [ ! -e "$t/copy.db" ]'
  done
done
check "an empty file given to verify/backup is still empty" '[ ! -s "$t/empty.db" ]'
for out in "$t/folder" /dev/null "$t/fifo.db"; do
  lim "$gc" backup --db "$db" "$out" > /dev/null 2> "$t/err"; st=$?
  check "backup onto ${out#$t/}: exit 2" '[ $st -eq 2 ] && [ -s "$t/err" ]'
done
lim "$gc" backup "$t/copy2.db" --lang sv --db "$db" > "$t/out" 2>&1; st=$?
check "backup with the options after OUT (Swedish)" '[ $st -eq 0 ] && grep -q "säkerhetskopia av" "$t/out"'
lim "$gc" verify --db "$t/copy2.db" extra > /dev/null 2>&1; st=$?
check "verify with an operand: usage error, exit 2" '[ $st -eq 2 ]'
