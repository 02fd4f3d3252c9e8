#!/usr/bin/env bash
# `grantcheck summary` end to end: builds registers in a temporary folder,
# writes the workbook in Swedish and English and reads it back with openpyxl
# (tests/e2e/check_workbook.py: sheets, a row per RCC and year, figures equal
# to the statements to the öre, =SUM cached values, layout); then the ways it
# must fail: no register, an unusable register, no -o, an output it cannot
# write (exit 2, nothing left behind).
# Called from tests/e2e.sh as: bash tests/e2e/summary.sh /abs/path/grantcheck
# Prints "ok WHAT" or "FAIL WHAT" per check.
. "$(dirname "$0")/lib.sh" "$@"
R="--today 2026-11-22 --rules rules"

need_openpyxl
workbook() { "$py" tests/e2e/check_workbook.py --rules rules "$@"; }
# nothing but the named files in a folder (no temporary files left over)
only() { [ "$(cd "$1" && ls -A | sort | tr '\n' ' ')" = "$2" ]; }

# -- a full register: 18 valid statements, an invalid resubmission (G1 ->
#    G8 for 2013) and one with a warning (P1)
db=$t/reg.db
"$gc" register --db "$db" $R samples/valid samples/invalid/G1-granted.xml \
  samples/invalid/P1-overhead-15pc.xml > "$t/reg.out"; st=$?
check "register for the summary (exit 1: one invalid file)" '[ $st -eq 1 ]'

mkdir "$t/out"
"$gc" summary --db "$db" --rules rules -o "$t/out/sv.xlsx" > "$t/sv.out" 2>&1; st=$?
check "summary (Swedish by default) exits 0" '[ $st -eq 0 ]'
check "summary says what it wrote" 'grep -q "wrote $t/out/sv.xlsx (2013, 2014, 2015)" "$t/sv.out"'
workbook --xlsx "$t/out/sv.xlsx" --db "$db" --lang sv --name sv

"$gc" summary --db "$db" --rules rules --lang en -o "$t/out/en.xlsx" > /dev/null 2>&1; st=$?
check "summary --lang en exits 0" '[ $st -eq 0 ]'
workbook --xlsx "$t/out/en.xlsx" --db "$db" --lang en --name en
check "no temporary file left beside the workbooks" 'only "$t/out" "en.xlsx sv.xlsx "'

# a Swedish locale in the environment must not turn 1234.5 into 1234,5
LC_ALL=sv_SE.UTF-8 LANG=sv_SE.UTF-8 "$gc" summary --db "$db" --rules rules -o "$t/out/locale.xlsx" > /dev/null 2>&1; st=$?
check "summary under LC_ALL=sv_SE.UTF-8 exits 0" '[ $st -eq 0 ]'
workbook --xlsx "$t/out/locale.xlsx" --db "$db" --lang sv --name locale | grep -E "^FAIL|C notation|to the öre"

# --year chooses; GRANTCHECK_DB is the default register
GRANTCHECK_DB=$db "$gc" summary --rules rules --year 2014 -o "$t/out/2014.xlsx" > /dev/null 2>&1; st=$?
check "summary --year 2014 with GRANTCHECK_DB exits 0" '[ $st -eq 0 ]'
workbook --xlsx "$t/out/2014.xlsx" --db "$db" --lang sv --years 2014 --name year-2014 |
  grep -E "^FAIL|one row per RCC|a total row|Lika fördelning: a row"

# writing over an existing workbook replaces it whole
cp "$t/out/2014.xlsx" "$t/out/again.xlsx"
"$gc" summary --db "$db" --rules rules -o "$t/out/again.xlsx" > /dev/null 2>&1; st=$?
check "an existing workbook is replaced" '[ $st -eq 0 ] && ! cmp -s "$t/out/2014.xlsx" "$t/out/again.xlsx"'

# -- a register with only some statements: Saknas rows, a year outside the
#    programme (G3: no appropriation, G8 not evaluated), a statement without
#    <received> (S1: no available funds, no utilisation) and an unknown
#    criterion (S6: an extra column)
db2=$t/part.db
"$gc" register --db "$db2" $R samples/valid/norr-2013.xml samples/invalid/S1-missing-received.xml \
  samples/invalid/S6-criterion-4.9.xml samples/valid/norr-2014.xml samples/invalid/G3-year-2016.xml > /dev/null
"$gc" summary --db "$db2" --rules rules -o "$t/out/part.xlsx" > /dev/null 2>&1; st=$?
check "summary of a partial register exits 0" '[ $st -eq 0 ]'
workbook --xlsx "$t/out/part.xlsx" --db "$db2" --lang sv --expect-missing --name partial

# -- failures: exit 2, a message, nothing left behind
"$gc" summary --db "$t/none.db" --rules rules -o "$t/out/x.xlsx" > /dev/null 2> "$t/err"; st=$?
check "missing register: exit 2" '[ $st -eq 2 ]'
check "missing register: the message names it" 'grep -q "$t/none.db" "$t/err"'
check "missing register: no workbook and no register created" '[ ! -e "$t/out/x.xlsx" ] && [ ! -e "$t/none.db" ]'

printf 'not a database\n' > "$t/junk.db"
"$gc" summary --db "$t/junk.db" --rules rules -o "$t/out/x.xlsx" > /dev/null 2> "$t/err"; st=$?
check "unusable register: exit 2 with a message" '[ $st -eq 2 ] && [ -s "$t/err" ]'
check "unusable register: no workbook" '[ ! -e "$t/out/x.xlsx" ]'

"$gc" summary --db "$db" --rules rules > /dev/null 2> "$t/err"; st=$?
check "no -o: exit 2 and says -o" '[ $st -eq 2 ] && grep -q -- "-o" "$t/err"'
"$gc" summary --db "$db" --rules rules --year 2031 -o "$t/out/x.xlsx" > /dev/null 2>&1; st=$?
check "a year neither in the register nor in a rule set: exit 2" '[ $st -eq 2 ] && [ ! -e "$t/out/x.xlsx" ]'

"$gc" summary --db "$db" --rules rules -o "$t/no/such/dir/x.xlsx" > /dev/null 2> "$t/err"; st=$?
check "output under a missing folder: exit 2" '[ $st -eq 2 ]'
check "output under a missing folder: the message says so" 'grep -q "does not exist" "$t/err"'
check "output under a missing folder: nothing created" '[ ! -e "$t/no" ]'

mkdir "$t/isdir"
"$gc" summary --db "$db" --rules rules -o "$t/isdir" > /dev/null 2> "$t/err"; st=$?
check "output is an existing folder: exit 2" '[ $st -eq 2 ] && grep -q "is a folder" "$t/err"'
check "output is an existing folder: left as it was, no temporary file" \
  '[ -d "$t/isdir" ] && only "$t/isdir" "" && [ -z "$(ls -A "$t" | grep "isdir\.tmp")" ]'

mkdir "$t/ro"
chmod 555 "$t/ro"
if touch "$t/ro/probe" 2>/dev/null; then
  rm -f "$t/ro/probe"
  ok "read-only folder: skipped (running as root, chmod does not stop writes)"
else
  "$gc" summary --db "$db" --rules rules -o "$t/ro/x.xlsx" > /dev/null 2> "$t/err"; st=$?
  check "read-only output folder: exit 2 with a message" '[ $st -eq 2 ] && grep -q "$t/ro" "$t/err"'
  check "read-only output folder: nothing written" 'only "$t/ro" ""'
fi
