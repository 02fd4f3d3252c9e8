#!/usr/bin/env bash
# `grantcheck summary`: the output is complete or absent, never an input,
# and the ministry always gets its workbook (issue 10, classes 1, 6, 8).
#  - the output is the register (also the default register, through a
#    symlink or a hard link) or its -wal/-shm/-journal: exit 2, register
#    intact, no temporary file;
#  - SIGTERM, SIGINT or SIGHUP just before the rename (raised at a chosen
#    point: GRANTCHECK_FAULT=summary-before-rename:1:SIG, no sleeping) leave
#    no OUT.tmp.* and no OUT;
#  - a statement with 17 000 distinct category and criterion codes: exit 0,
#    the codes beyond the programme's and 50 others in one "Övriga koder"
#    column; more findings than the sheet holds: capped with a closing line
#    (GRANTCHECK_TEST_SHEET_ROWS makes the sheet small, test-only).
# Called from tests/e2e.sh as: bash tests/e2e/summary_safety.sh /abs/path/grantcheck
. "$(dirname "$0")/lib.sh" "$@"
unset GRANTCHECK_TEST_SHEET_ROWS
R="--today 2026-11-22 --rules rules"
only() { [ "$(cd "$1" && ls -A | sort | tr '\n' ' ')" = "$2" ]; }

mkdir "$t/w"
db=$t/w/reg.db
"$gc" register --db "$db" $R samples/valid/norr-2013.xml samples/valid/norr-2014.xml > /dev/null
sum0=$(sha256sum < "$db")
intact() { [ "$(sha256sum < "$db")" = "$sum0" ] && "$gc" list --db "$db" > /dev/null 2>&1; }
notmp() { ! ls -A "$t/w" | grep -q '\.tmp\.'; }

# -- class 1: the output is an input
"$gc" summary --db "$db" --rules rules -o "$db" > /dev/null 2> "$t/err"; st=$?
check "-o the register: exit 2" '[ $st -eq 2 ]'
check "-o the register: the message names both" 'grep -q "$db is the same file as $db" "$t/err"'
check "-o the register: register intact, no temporary file" 'intact && notmp'

(cd "$t/w" && GRANTCHECK_DB= "$gc" summary --rules "$OLDPWD/rules" -o reg.db --db reg.db > /dev/null 2>&1); st=$?
check "relative -o reg.db --db reg.db: exit 2, intact" '[ $st -eq 2 ] && intact && notmp'
cp "$db" "$t/w/grantcheck.db"
(cd "$t/w" && "$gc" summary --rules "$OLDPWD/rules" -o grantcheck.db > /dev/null 2>&1); st=$?
check "-o grantcheck.db with the default register: exit 2" '[ $st -eq 2 ] && cmp -s "$db" "$t/w/grantcheck.db"'
rm -f "$t/w/grantcheck.db"*

ln -s reg.db "$t/w/link.xlsx"
"$gc" summary --db "$db" --rules rules -o "$t/w/link.xlsx" > /dev/null 2>&1; st=$?
check "-o a symlink to the register: exit 2, intact" '[ $st -eq 2 ] && intact && [ -L "$t/w/link.xlsx" ] && notmp'
ln "$db" "$t/w/hard.xlsx"
"$gc" summary --db "$db" --rules rules -o "$t/w/hard.xlsx" > /dev/null 2>&1; st=$?
check "-o a hard link to the register: exit 2, intact" '[ $st -eq 2 ] && intact && notmp'
rm -f "$t/w/link.xlsx" "$t/w/hard.xlsx"
for sfx in -wal -shm -journal; do
  "$gc" summary --db "$db" --rules rules -o "$db$sfx" > /dev/null 2>&1; st=$?
  check "-o the register's $sfx file: exit 2, nothing written there" '[ $st -eq 2 ] && intact && notmp &&
    { [ ! -e "$db$sfx" ] || ! unzip -l "$db$sfx" > /dev/null 2>&1; }'
done
cp -r rules "$t/rules"
rs=$(ls -d "$t"/rules/*/ | head -1)
rf=$(ls "$rs"*.sql | head -1)
cp "$rf" "$t/rule.before"
"$gc" summary --db "$db" --rules "$t/rules" -o "$rf" > /dev/null 2>&1; st=$?
check "-o a rule file of the rule set in use: exit 2, the rule intact" '[ $st -eq 2 ] && cmp -s "$rf" "$t/rule.before"'
mkdir "$t/w/sub"
"$gc" summary --db "$db" --rules rules -o "$t/w/sub/../reg.db" > /dev/null 2>&1; st=$?
check "-o the register by another name (sub/../reg.db): exit 2" '[ $st -eq 2 ] && intact'
rmdir "$t/w/sub"
"$gc" summary --db "$db" --rules rules -o "$t/w/ok.xlsx" > /dev/null 2>&1; st=$?
check "-o a new file beside the register still works" '[ $st -eq 0 ] && [ -s "$t/w/ok.xlsx" ]'
rm -f "$t/w/ok.xlsx"

# -- class 8: a signal before the rename leaves nothing behind
for sig in 15 2 1; do
  (GRANTCHECK_FAULT=summary-before-rename:1:$sig "$gc" summary --db "$db" --rules rules -o "$t/w/sig.xlsx" \
    > /dev/null 2>&1; echo $? > "$t/st") 2> /dev/null; st=$(cat "$t/st")
  check "signal $sig before the rename: killed by it (status $st)" '[ $st -eq $((128 + sig)) ]'
  check "signal $sig before the rename: no OUT, no OUT.tmp.*" '[ ! -e "$t/w/sig.xlsx" ] && notmp'
done
echo old > "$t/w/sig.xlsx"
(GRANTCHECK_FAULT=summary-before-rename:1:15 "$gc" summary --db "$db" --rules rules -o "$t/w/sig.xlsx" > /dev/null 2>&1;
 :) 2> /dev/null
check "SIGTERM before the rename: an existing OUT stays as it was" '[ "$(cat "$t/w/sig.xlsx")" = old ] && notmp'
GRANTCHECK_FAULT=summary-before-rename "$gc" summary --db "$db" --rules rules -o "$t/w/sig.xlsx" > /dev/null 2> "$t/err"; st=$?
check "a failure before the rename: exit 2, OUT as it was, no temporary file" \
  '[ $st -eq 2 ] && [ "$(cat "$t/w/sig.xlsx")" = old ] && notmp'
rm -f "$t/w/sig.xlsx"

# -- class 6: 17 000 codes, and more findings than the sheet holds
big=$t/big.xml
{
  sed -n '1,/<expenses>/p' samples/valid/norr-2015.xml
  awk 'BEGIN { for (i = 1; i <= 17000; i++) printf "    <expense category=\"c%05d\" criterion=\"k%05d\">1.00</expense>\n", i, i }'
  sed -n '/<\/expenses>/,$p' samples/valid/norr-2015.xml
} > "$big"
db3=$t/big.db
"$gc" register --db "$db3" $R "$big" samples/valid/syd-2015.xml > /dev/null 2>&1
"$gc" summary --db "$db3" --rules rules -o "$t/big.xlsx" > /dev/null 2> "$t/err"; st=$?
check "17 000 distinct codes: exit 0 ($(cat "$t/err" | head -c 200))" '[ $st -eq 0 ] && [ -s "$t/big.xlsx" ]'
py=$(openpyxl_py)
if [ -n "$py" ] && [ -s "$t/big.xlsx" ]; then
  "$py" - "$t/big.xlsx" > "$t/big.txt" <<'PY'
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
for name in ("Kostnadsslag", "Kriterier"):
    ws = wb[name]
    heads = [c.value for c in ws[1]]
    other = heads.index("Övriga koder") if "Övriga koder" in heads else -1
    note = ws.cell(row=1, column=other + 1).comment if other >= 0 else None
    # the norr row of 2015: its "other" cell holds the folded codes' sum
    norr = [r for r in ws.iter_rows(min_row=2, values_only=True) if r[0] and "Norr" in str(r[0])]
    print(name, "cols", ws.max_column, "other", other, "note", bool(note and "16950" in note.text),
          "othersum", norr[0][other] if norr and other >= 0 else None)
PY
  check "17 000 codes: categories folded into 'Övriga koder' with a note, 16 950 kr in it" \
    'grep -q "^Kostnadsslag cols [0-9]* other [0-9]* note True othersum 16950" "$t/big.txt"'
  check "17 000 codes: criteria folded the same way" \
    'grep -q "^Kriterier cols [0-9]* other [0-9]* note True othersum 16950" "$t/big.txt"'
  check "17 000 codes: at most programme codes + 50 + 4 columns" \
    'awk "\$3 > 80 { bad = 1 } END { exit bad }" "$t/big.txt"'
fi

# findings capped: a sheet of 100 rows, more findings than that
GRANTCHECK_TEST_SHEET_ROWS=100 "$gc" summary --db "$db3" --rules rules -o "$t/cap.xlsx" > /dev/null 2> "$t/err"; st=$?
check "findings beyond the sheet: exit 0" '[ $st -eq 0 ]'
if [ -n "$py" ] && [ -s "$t/cap.xlsx" ]; then
  n=$("$gc" list --db "$db3" --format json | "$py" -c '
import json, sys
d = json.load(sys.stdin)
subs = d["submissions"] if isinstance(d, dict) and "submissions" in d else d
print(sum(s.get("errors", 0) + s.get("warnings", 0) + s.get("infos", 0) for s in subs))' 2>/dev/null)
  "$py" - "$t/cap.xlsx" > "$t/cap.txt" <<'PY'
import sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1])["Avvikelser"]
last = " ".join(str(c.value) for c in ws[ws.max_row] if c.value is not None)
print("rows", ws.max_row, "last", last[:60])
PY
  check "findings beyond the sheet: 100 rows, the last says how many more and names list" \
    'grep -q "^rows 100 last .*\.\.\. och [0-9][0-9]* avvikelser till" "$t/cap.txt" && grep -q "list" <<< "$(unzip -p "$t/cap.xlsx" xl/sharedStrings.xml)"'
fi
