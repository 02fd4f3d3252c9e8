#!/usr/bin/env bash
# The threaded parse (files of 1 MiB or more, and pipes) against the
# single-threaded one, through the command line:
#  - every golden case gives the same output with GRANTCHECK_THREADS=always;
#  - a read error on the reader thread is X1;
#  - a 2 MB statement with 600 unknown categories interleaved (more than the
#    loader keeps open at once) gives the same text and JSON both ways, one
#    S6 per unknown line, A1 computed across the split groups, and the
#    register's expense totals equal to a computation in Python (Decimal);
#  - an all-valid copy of it passes, and its totals are right both ways;
#  - the same file through a pipe (threads by default) gives the same;
#  - the register stores both files' exact bytes either way.
. "$(dirname "$0")/lib.sh" "$@"
unset GRANTCHECK_THREADS
CHECK=("$gc" check --rules rules --today 2026-11-22)

GRANTCHECK_THREADS=always tests/golden.sh "$gc" > "$t/golden" 2>&1
check "every golden case the same with threads ($(tail -1 "$t/golden"))" \
  'grep -q "golden: [0-9]* passed, 0 failed" "$t/golden"'

GRANTCHECK_THREADS=always "${CHECK[@]}" /proc/self/mem > "$t/eio" 2>&1
st=$?
check "a read error on the reader thread: exit 1, X1" '[ $st -eq 1 ] && grep -q "error\[X1\]" "$t/eio"'

python3 - "$t" <<'PY'
import sys
from decimal import Decimal
t = sys.argv[1]
s = open("samples/valid/sydost-2014.xml", encoding="utf-8").read()
start, end = s.index("  <expenses>\n") + len("  <expenses>\n"), s.index("  </expenses>")
old_total = s[s.index("<totalExpenses>") + 15:s.index("</totalExpenses>")]
known = ["personnel", "travel", "it", "premises"]
crits = ["4.1", "4.2", "5.1", "6.1", "shared"]

def statement(unknown):
    # 40 000 lines adding up to the sample's totalExpenses (the last line
    # takes the rest), so every other rule is satisfied
    lines, total, totals, bad = [], Decimal(0), {}, 0
    for i in range(40000):
        if unknown and i % 6 == 0:
            cat = "u%d" % (i * 7 % 600)
            bad += 1
        else:
            cat = known[i % 4]
        crit = crits[i % 5]
        amount = Decimal(i % 300) + Decimal(i % 100) / 100
        if i == 39999:
            cat, crit, amount = "personnel", "4.1", Decimal(old_total) - total
        lines.append('    <expense category="%s" criterion="%s">%s</expense>\n' % (cat, crit, amount))
        total += amount
        totals[(cat, crit)] = totals.get((cat, crit), Decimal(0)) + amount
    assert total == Decimal(old_total)
    return s[:start] + "".join(lines) + s[end:], total, totals, bad

for name, unknown in (("codes", True), ("valid", False)):
    body, total, totals, bad = statement(unknown)
    open("%s/%s.xml" % (t, name), "w", encoding="utf-8").write(body)
    with open("%s/%s.totals" % (t, name), "w") as f:
        for (cat, crit), v in sorted(totals.items()):
            f.write("%s|%s|%d\n" % (cat, crit, int(v * 100)))
    open("%s/%s.bad" % (t, name), "w").write("%d\n" % bad)
PY
check "the generated statements are over 1 MiB (threads by default)" \
  '[ "$(stat -c %s "$t/codes.xml")" -gt 1048576 ]'
for f in codes valid; do
  for mode in never always; do
    for fmt in text json; do
      GRANTCHECK_THREADS=$mode "${CHECK[@]}" --format $fmt --previous samples/valid/sydost-2013.xml "$t/$f.xml" \
        > "$t/$f.$mode.$fmt" 2>&1
      echo $? >> "$t/$f.$mode.$fmt"
    done
  done
  check "$f: text output the same with and without threads" 'cmp -s "$t/$f.never.text" "$t/$f.always.text"'
  check "$f: JSON output the same with and without threads" 'cmp -s "$t/$f.never.json" "$t/$f.always.json"'
  rm -f "$t/pipe.xml" && mkfifo "$t/pipe.xml"
  cat "$t/$f.xml" > "$t/pipe.xml" &
  # as standard input ("-"): a FIFO given by name is refused (it may never end)
  "${CHECK[@]}" --previous samples/valid/sydost-2013.xml - < "$t/pipe.xml" > "$t/$f.pipe" 2>&1
  wait
  check "$f: through a named pipe the same findings" \
    '[ "$(grep -c "\]:" "$t/$f.pipe")" -eq "$(grep -c "\]:" "$t/$f.never.text")" ]'
done
bad=$(cat "$t/codes.bad")
check "one S6 per line with an unknown category ($bad)" \
  '[ "$(grep -c "error\[S6\]" "$t/codes.never.text")" -eq "$bad" ]'
check "no A1: the sum over 600+ split groups equals totalExpenses" '! grep -q "\[A1\]" "$t/codes.never.text"'
check "the valid statement passes (exit 0, no errors)" \
  'grep -q "valid (0 errors" "$t/valid.never.text" && [ "$(tail -1 "$t/valid.never.text")" = 0 ]'

for f in codes valid; do
  for mode in never always; do
    GRANTCHECK_THREADS=$mode "$gc" register --db "$t/$f.$mode.db" --rules rules --today 2026-11-22 \
      samples/valid/sydost-2013.xml "$t/$f.xml" > /dev/null 2>&1
    python3 -c '
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
for cat, crit, amount in c.execute("select category, criterion, amount from expense_total t join submission s"
                                   " on s.id = t.submission where s.file_name = ? order by 1, 2", (sys.argv[2],)):
    print("%s|%s|%d" % (cat, crit, amount))
' "$t/$f.$mode.db" "$f.xml" > "$t/$f.$mode.reg"
  done
  check "$f: register expense totals equal Python's, without threads" 'cmp -s "$t/$f.never.reg" "$t/$f.totals"'
  check "$f: register expense totals equal Python's, with threads" 'cmp -s "$t/$f.always.reg" "$t/$f.totals"'
  # the small file's bytes are the ones the parser kept (through the reader
  # thread with threads), the large one's are read again: both stored whole
  for mode in never always; do
    check "$f: the stored statements are the files' bytes ($mode)" 'python3 -c "
import sqlite3, sys, zlib
c = sqlite3.connect(sys.argv[1])
rows = c.execute(\"select s.path, c.encoding, c.bytes from content c join submission s on s.id = c.submission\").fetchall()
assert len(rows) == 2, rows
for path, enc, b in rows:
    assert (zlib.decompress(b) if enc == \"zlib\" else b) == open(path, \"rb\").read(), path
" "$t/$f.$mode.db"'
  done
done
