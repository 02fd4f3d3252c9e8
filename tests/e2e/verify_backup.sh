#!/usr/bin/env bash
# Issue 10, class 10: damage is noticed before writing.
#  - register refuses a register with a damaged index page (PRAGMA
#    quick_check before the first write): exit 2, the file unchanged, the
#    message says what to do; verify reports it (exit 1);
#  - verify: OK on a whole register (exit 0); a stored statement whose
#    content was changed and a row that refers to a missing submission are
#    reported (exit 1); a file that is not a register: exit 2;
#  - backup: a copy that verify and list accept; never onto the register,
#    its -wal/-shm, or a link to it; a signal before the rename leaves no
#    temporary file; a damaged register gives no copy;
#  - a backup taken while FOUR processes register (started after the first
#    file is recorded, found by polling the row count, no sleep) is whole
#    and a consistent prefix: ids 1..k, each submission with exactly the
#    figures and findings the final register has for it.
# Called from tests/e2e.sh as: bash tests/e2e/verify_backup.sh /abs/path/grantcheck
. "$(dirname "$0")/lib.sh" "$@"
R="--today 2026-11-22 --rules rules"
py=$e2e_py # lib.sh's choice: the system Python when there is one
# corrupt DB INDEX: overwrite the cell pointers of the index's first leaf page
corrupt() {
  "$py" - "$1" "$2" <<'PY'
import sqlite3, sys
db, index = sys.argv[1], sys.argv[2]
c = sqlite3.connect(db)
ps = c.execute("pragma page_size").fetchone()[0]
page = c.execute("select min(pageno) from dbstat where name = ? and pagetype = 'leaf'", (index,)).fetchone()[0]
c.close()
with open(db, "r+b") as f:
    f.seek((page - 1) * ps + 8)
    f.write(b"\xff" * 64)
PY
}

db=$t/reg.db
"$gc" register --db "$db" $R samples/valid samples/invalid > /dev/null 2>&1
n=$(q "$db" "select count(*) from submission")
"$gc" verify --db "$db" > "$t/out" 2>&1; st=$?
check "verify: a whole register: exit 0, OK" '[ $st -eq 0 ] && grep -q ": OK (integrity_check ok, references ok, $n submissions" "$t/out"'

# -- a damaged index page
cp "$db" "$t/bad.db"
corrupt "$t/bad.db" sqlite_autoindex_figure_1
sum0=$(sha256sum < "$t/bad.db")
"$gc" register --db "$t/bad.db" $R samples/valid/norr-2013.xml samples/valid/syd-2015.xml > "$t/out" 2> "$t/err"; st=$?
check "register into a damaged register: exit 2" '[ $st -eq 2 ]'
check "register into a damaged register: the file is unchanged" '[ "$(sha256sum < "$t/bad.db")" = "$sum0" ]'
check "register into a damaged register: the message says damaged, backup, verify" 'grep -q "the register is damaged: .*nothing was written.*grantcheck backup.*grantcheck verify --db $t/bad.db" "$t/err"'
"$gc" verify --db "$t/bad.db" > "$t/out" 2>&1; st=$?
check "verify: the damaged index: exit 1, the page named, problems counted" '[ $st -eq 1 ] && grep -q "damaged: .*page" "$t/out" && grep -q "problems found; the register is damaged" "$t/out"'
"$gc" backup --db "$t/bad.db" "$t/bad-copy.db" > /dev/null 2> "$t/err"; st=$?
check "backup of a damaged register: exit 2, no copy, no temporary file" '[ $st -eq 2 ] && [ ! -e "$t/bad-copy.db" ] && ! ls "$t" | grep -q "\.tmp\."'

# -- stored content (schema v2's table content, made here when the base has none)
cp "$db" "$t/c.db"
"$py" - "$t/c.db" <<'PY'
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
if not c.execute("select 1 from sqlite_schema where name = 'content'").fetchone():
    c.execute("CREATE TABLE content(submission INTEGER PRIMARY KEY REFERENCES submission(id), encoding TEXT NOT NULL, bytes BLOB NOT NULL)")
    for sid, path in c.execute("select id, path from submission").fetchall():
        c.execute("INSERT INTO content VALUES(?, 'identity', ?)", (sid, open(path, "rb").read()))
c.commit()
PY
"$gc" verify --db "$t/c.db" > "$t/out" 2>&1; st=$?
check "verify: every stored statement matches its SHA-256: exit 0" '[ $st -eq 0 ] && grep -q "$n stored statements match their SHA-256" "$t/out"'
q "$t/c.db" "update content set encoding = 'raw', bytes = cast('<statement>tampered</statement>' as blob) where submission = 3" > /dev/null
"$gc" verify --db "$t/c.db" > "$t/out" 2>&1; st=$?
check "verify: a tampered statement: exit 1, submission #3 named" '[ $st -eq 1 ] && grep -q "submission #3: the stored statement has SHA-256 .* its content was changed" "$t/out" && [ "$(grep -c "its content was changed" "$t/out")" = 1 ]'
q "$t/c.db" "insert into finding(submission, seq, rule, severity, message_sv, message_en) values(9999, 1, 'A1', 'error', 'x', 'x')" > /dev/null
"$gc" verify --db "$t/c.db" --lang sv > "$t/out" 2>&1; st=$?
check "verify: a finding of a missing submission is reported (Swedish)" '[ $st -eq 1 ] && grep -q "i tabellen finding hänvisar till en rad i submission som inte finns" "$t/out"'
echo "not a register" > "$t/text.db"
"$gc" verify --db "$t/text.db" > /dev/null 2>&1; st=$?
check "verify: a text file: exit 2" '[ $st -eq 2 ]'
"$gc" verify --db "$t" > /dev/null 2>&1; st=$?
check "verify: a folder: exit 2" '[ $st -eq 2 ]'

# -- backup
mkdir "$t/b"
"$gc" backup --db "$db" "$t/b/copy.db" > "$t/out" 2>&1; st=$?
check "backup: exit 0, says how many submissions" '[ $st -eq 0 ] && grep -q "backup of $db with $n submissions; integrity_check ok" "$t/out"'
check "backup: verify and list accept the copy" '"$gc" verify --db "$t/b/copy.db" > /dev/null && [ "$("$gc" list --db "$t/b/copy.db" --rules rules --history | grep -c "^[0-9]")" -ge "$n" ]'
check "backup: the copy holds the same rows" '[ "$(q "$t/b/copy.db" "select sha256 from submission order by id")" = "$(q "$db" "select sha256 from submission order by id")" ]'
echo old > "$t/b/old.db"
"$gc" backup --db "$db" "$t/b/old.db" > /dev/null 2>&1; st=$?
check "backup: replaces an existing file" '[ $st -eq 0 ] && "$gc" verify --db "$t/b/old.db" > /dev/null'
dsum=$(sha256sum < "$db")
intact() { [ "$(sha256sum < "$db")" = "$dsum" ] && ! ls -A "$t" "$t/b" | grep -q "\.tmp\."; }
ln -s "$db" "$t/b/link.db"
ln "$db" "$t/b/hard.db"
for target in "$db" "$db-wal" "$db-shm" "$db-journal" "$t/b/link.db" "$t/b/hard.db"; do
  "$gc" backup --db "$db" "$target" > /dev/null 2> "$t/err"; st=$?
  check "backup onto ${target#$t/}: exit 2, register intact" '[ $st -eq 2 ] && intact && grep -q "is the same file as" "$t/err"'
done
"$gc" backup --db "$db" "$t/b" > /dev/null 2>&1; st=$?
check "backup onto a folder: exit 2" '[ $st -eq 2 ] && intact'
for sig in 2 15 1; do
  { GRANTCHECK_FAULT=backup-before-rename:1:$sig "$gc" backup --db "$db" "$t/b/sig$sig.db" > /dev/null 2>&1; } 2> /dev/null; st=$?
  check "backup: signal $sig before the rename: no copy, no temporary file" '[ $st -ne 0 ] && [ ! -e "$t/b/sig$sig.db" ] && intact'
done
"$gc" backup --db "$db" > /dev/null 2>&1; st=$?
check "backup without OUT: usage error, exit 2" '[ $st -eq 2 ]'

# -- a backup while four processes register
mkdir "$t/s"
for p in 1 2 3 4; do
  mkdir "$t/s/$p"
  for f in $(ls samples/valid/*.xml | head -12) $(ls samples/invalid/*.xml | head -12); do
    { cat "$f"; printf '<!-- process %s -->\n' "$p"; } > "$t/s/$p/$(basename "$f")"
  done
done
live=$t/live.db
"$gc" register --db "$live" $R samples/valid/norr-2013.xml > /dev/null 2>&1
# the backup starts as soon as the first process has recorded a file (the
# register holds 2 submissions): a poller, ready before the processes start
# (it says so through a FIFO), watches the row count in a bounded loop
mkfifo "$t/ready"
"$py" - "$live" "$gc" "$t/snap.db" "$t/ready" > "$t/out" 2> "$t/err" <<'PY' &
import os, sqlite3, sys, time
live, gc, out, ready = sys.argv[1:5]
c = sqlite3.connect(live, timeout=30)
with open(ready, "w") as f:
    f.write("ready\n")
for _ in range(30000):
    if c.execute("select count(*) from submission").fetchone()[0] >= 2:
        break
    time.sleep(0.001)
c.close()
os.execv(gc, [gc, "backup", "--db", live, out])
PY
bpid=$!
read -r _ < "$t/ready"
pids=""
for p in 1 2 3 4; do
  "$gc" register --db "$live" $R "$t/s/$p" > /dev/null 2>&1 &
  pids="$pids $!"
done
wait "$bpid"; bst=$?
running=0
for pid in $pids; do kill -0 "$pid" 2> /dev/null && running=$((running + 1)); done
rst=0
for pid in $pids; do wait "$pid"; s=$?; [ $s -le 1 ] || rst=$s; done
k=$(q "$t/snap.db" "select count(*) from submission" 2> /dev/null)
total=$(q "$live" "select count(*) from submission")
want=$(sha256sum "$t"/s/*/*.xml samples/valid/norr-2013.xml | cut -d' ' -f1 | sort -u | wc -l)
echo "# backup during registering: $k of $total submissions in the copy, $running of 4 registering processes still running when it ended"
check "backup while four processes register: exit 0, the registering processes exit 0 or 1, every file recorded" '[ $bst -eq 0 ] && [ $rst -eq 0 ] && [ "$total" -eq "$want" ]'
check "backup while registering: integrity_check ok" '[ "$(q "$t/snap.db" "pragma integrity_check")" = ok ]'
check "backup while registering: a prefix (ids 1..k, k >= 2)" '[ "$k" -ge 2 ] && [ "$(q "$t/snap.db" "select min(id), max(id) from submission")" = "1|$k" ]'
rows="select s.id, s.sha256, (select count(*) from figure where submission = s.id), (select count(*) from expense_total where submission = s.id), (select count(*) from finding where submission = s.id), s.errors + s.warnings + s.infos from submission s where s.id <= $k order by s.id"
check "backup while registering: each submission has exactly its figures, totals and findings" '[ "$(q "$t/snap.db" "$rows")" = "$(q "$live" "$rows")" ] && [ -z "$(q "$t/snap.db" "pragma foreign_key_check")" ]'
