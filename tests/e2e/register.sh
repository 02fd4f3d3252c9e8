#!/usr/bin/env bash
# Register scenarios: duplicates, resubmission, cross-year rules from the
# register (G5, M5), equal shares per year (G8), concurrent registering,
# a register process killed part-way, a register from a newer version.
# Prints "ok WHAT" or "FAIL WHAT" per check.
. "$(dirname "$0")/lib.sh" "$@"
R="--today 2026-11-22 --rules rules"

# -- register the 18 valid samples in path order: G5 from the register
db=$t/reg.db
"$gc" register --db "$db" $R samples/valid > "$t/out1"; st=$?
check "register 18 valid statements exits 0" '[ $st -eq 0 ]'
check "18 submissions, 18 current" '[ "$(q "$db" "select count(*), sum(current) from submission")" = "18|18" ]'
check "G5 evaluated from the register (no info finding)" '! grep -q "G5" "$t/out1"'
check "every file reported as registered" '[ "$(grep -c "; registered$" "$t/out1")" -eq 18 ]'
check "figures recorded to the öre" \
  '[ "$(q "$db" "select amount from figure f join submission s on s.id=f.submission where s.file_name='"'"'sydost-2014.xml'"'"' and f.name='"'"'totalExpenses'"'"'")" = "989062890" ]'
check "expense totals equal totalExpenses for every submission" \
  '[ "$(q "$db" "select count(*) from submission s where (select sum(amount) from expense_total where submission=s.id) <> (select amount from figure where submission=s.id and name='"'"'totalExpenses'"'"')")" = "0" ]'
check "rule set id and checksum recorded" '[ "$(q "$db" "select count(distinct ruleset_checksum) from submission where ruleset='"'"'rcc-2013-2015'"'"' and length(ruleset_checksum)=64")" = "1" ]'
check "no G8 finding when every year is complete and equal" '! grep -q "G8" "$t/out1"'

# -- the same file again: recorded once
"$gc" register --db "$db" $R samples/valid/norr-2013.xml > "$t/out2"; st=$?
check "duplicate exits 0" '[ $st -eq 0 ]'
check "duplicate reported as already registered" 'grep -q "already registered" "$t/out2"'
check "duplicate not recorded twice" '[ "$(q "$db" "select count(*) from submission")" = "18" ]'

# -- a newer file for the same RCC and year supersedes; G8 sees the uneven year
"$gc" register --db "$db" $R samples/invalid/G1-granted.xml > "$t/out3"; st=$?
check "invalid resubmission exits 1" '[ $st -eq 1 ]'
check "resubmission replaces the earlier one" 'grep -q "replaces earlier submission #" "$t/out3"'
check "old submission kept as history" '[ "$(q "$db" "select count(*), sum(current) from submission where rcc='"'"'sydost'"'"' and year=2013")" = "2|1" ]'
check "superseded_by points at the newer one" '[ "$(q "$db" "select count(*) from submission a join submission b on a.superseded_by=b.id where a.current=0 and b.current=1")" = "1" ]'
check "G8 reported for 2013 after register" 'grep -q "error\[G8\]: 2013" "$t/out3"'
"$gc" list --db "$db" --lang en > "$t/list"; st=$?
check "list exits 0" '[ $st -eq 0 ]'
check "list shows 18 current rows" '[ "$(grep -c "^[0-9]" "$t/list")" -eq 18 ]'
check "list shows G8 for 2013 only" '[ "$(grep -c "G8" "$t/list")" -eq 1 ] && grep -q "G8\]: 2013" "$t/list"'
"$gc" list --db "$db" --history --lang en > "$t/hist"
check "list --history shows the replaced submission" 'grep -q "replaced by #19" "$t/hist" && [ "$(grep -c "^[0-9]" "$t/hist")" -eq 19 ]'
"$gc" list --db "$db" --format json --year 2014 > "$t/json"
check "list --format json --year parses and has 6 rows" 'python3 -c "import json,sys; d=json.load(open(sys.argv[1])); assert len(d[\"submissions\"])==6 and d[\"register_findings\"]==[]" "$t/json"'

# -- cross-year rules from the register: G5 mismatch and M5 (orgnr changed)
db2=$t/reg2.db
"$gc" register --db "$db2" $R samples/invalid/G5-previous-2013.xml > /dev/null
"$gc" register --db "$db2" $R samples/invalid/G5-carriedover-2014.xml > "$t/g5"; st=$?
check "G5 from the register: exit 1" '[ $st -eq 1 ]'
check "G5 from the register: names the register entry" 'grep -q "error\[G5\].*register G5-previous-2013.xml" "$t/g5"'
"$gc" register --db "$db2" $R tests/golden/inputs/M5-previous-2013-other-orgnr.xml samples/valid/sydost-2014.xml > "$t/m5"
check "M5 from the register" 'grep -q "warning\[M5\]: The organisation number 232100-0040 differs from 212000-0142" "$t/m5"'
"$gc" register --db "$db2" $R samples/valid/norr-2015.xml > "$t/noprev"
check "G5 info when the register has no previous year" 'grep -q "info\[G5\]" "$t/noprev"'

# -- four officers registering at the same time
mkdir -p "$t/c"
for i in $(seq 1 60); do
  for r in norr syd vast sydost; do
    sed "s|<contact name=\"[^\"]*\"|<contact name=\"Handläggare $i\"|" "samples/valid/$r-2014.xml" > "$t/c/$r-$i.xml"
  done
done
db3=$t/conc.db
pids=()
for r in norr syd vast sydost; do
  "$gc" register --db "$db3" $R "$t"/c/$r-*.xml > "$t/conc-$r.out" 2>&1 &
  pids+=($!)
done
fails=0
for p in "${pids[@]}"; do wait "$p" || fails=$((fails + 1)); done
check "4 concurrent register processes all succeed" '[ $fails -eq 0 ]'
check "nothing lost: 240 submissions" '[ "$(q "$db3" "select count(*) from submission")" = "240" ]'
check "one current per RCC and year" '[ "$(q "$db3" "select count(*) from submission where current=1")" = "4" ]'
check "integrity after concurrency" '[ "$(q "$db3" "pragma integrity_check")" = "ok" ]'

# -- killed part-way: the register stays intact and registering again works.
#    No polling: the fault point "register-recorded" (src/fault.h) makes the
#    process raise SIGKILL right after its 20th file was committed and shown.
#    Files are committed in batches (cmd_register.c), so the batch holding
#    the 20th file is in the register whole, and exactly the files shown.
db4=$t/kill.db
{ GRANTCHECK_FAULT=register-recorded:20:9 "$gc" register --db "$db4" $R "$t"/c > "$t/killed" 2>&1; } 2> /dev/null; st=$?
n=$(q "$db4" "select count(*) from submission")
q "$db4" "select path from submission order by path" > "$t/killed.recorded"
sed -n 's/: valid ([^)]*); registered.*//p' "$t/killed" | sort > "$t/killed.shown"
check "SIGKILL after the 20th recorded file (exit $st): at least 20 recorded ($n), exactly the files shown" \
  '[ $st -eq 137 ] && [ "$n" -ge 20 ] && cmp -s "$t/killed.recorded" "$t/killed.shown"'
check "integrity_check ok after SIGKILL" '[ "$(q "$db4" "pragma integrity_check")" = "ok" ]'
check "every recorded file is complete after SIGKILL" '[ "$(q "$db4" "select count(*) from submission s where not exists (select 1 from figure where submission=s.id)")" = "0" ]'
"$gc" register --db "$db4" $R "$t"/c > "$t/again" 2>&1; st=$?
check "registering again after SIGKILL works" '[ $st -eq 0 ] && [ "$(q "$db4" "select count(*) from submission")" = "240" ]'

# -- unusable registers: exit 2 with a message
q "$t/new.db" "pragma user_version=99"
"$gc" register --db "$t/new.db" $R samples/valid/norr-2013.xml > /dev/null 2> "$t/err"; st=$?
check "register from a newer version refused (exit 2)" '[ $st -eq 2 ] && grep -q "newer grantcheck" "$t/err"'
echo "not a database" > "$t/junk.db"
"$gc" list --db "$t/junk.db" > /dev/null 2> "$t/err"; st=$?
check "a file that is not a register: exit 2" '[ $st -eq 2 ] && grep -q "junk.db" "$t/err"'
"$gc" list --db "$t/none.db" > /dev/null 2> "$t/err"; st=$?
check "missing register for list: exit 2 and not created" '[ $st -eq 2 ] && [ ! -e "$t/none.db" ] && grep -q "no register" "$t/err"'
"$gc" register --db "$t/no/such/dir/r.db" $R samples/valid/norr-2013.xml > /dev/null 2> "$t/err"; st=$?
check "register in a missing folder: exit 2" '[ $st -eq 2 ] && grep -q "r.db" "$t/err"'
