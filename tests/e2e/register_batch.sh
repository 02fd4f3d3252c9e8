#!/usr/bin/env bash
# register records its files in batches (one transaction of up to 256 files
# or 250 ms, each file a savepoint in it; runner.c, cmd_register.c). These
# checks hold the batches to the promise of one transaction per file:
#   - the register's content and the output are the same whatever the batch
#     size (GRANTCHECK_REGISTER_BATCH=1 is a transaction per file);
#   - a kill inside a batch (fault point register-in-batch, SIGKILL before
#     the batch is committed) leaves the register consistent, every recorded
#     file complete, and exactly the files shown recorded;
#   - a run that stops on a file (fault point run-file) keeps and shows the
#     files before it in its batch, and only those.
# Prints "ok WHAT" or "FAIL WHAT" per check.
. "$(dirname "$0")/lib.sh" "$@"
R="--today 2026-11-22 --rules rules"
dump() { python3 tests/e2e/register_dump.py "$1"; }

# 40 statements: corrections of the same RCC and year in one run (which
# becomes current depends on the others in the batch), duplicates, invalid
# and unidentified files, cross-year rules reading earlier files of the run
mkdir -p "$t/in"
for i in $(seq 1 4); do
  for r in norr syd vast sydost; do
    sed "s|<contact name=\"[^\"]*\"|<contact name=\"Handläggare $i\"|" "samples/valid/$r-2014.xml" > "$t/in/$r-2014-$i.xml"
  done
done
cp samples/valid/*.xml "$t/in/"
cp samples/valid/norr-2013.xml "$t/in/zz-norr-2013-again.xml"
cp samples/invalid/A1-sum-mismatch.xml samples/invalid/G1-granted.xml samples/invalid/X2-missing-end-tag.xml \
   samples/invalid/G5-carriedover-2014.xml "$t/in/"
# one file time for all: which correction is current then follows the paths,
# not whether the copies above crossed a second (a G5 message naming a
# register entry shows its time of receipt, which differs between the runs)
touch -d @1700000000 "$t/in"/*
n_in=$(ls "$t/in" | wc -l)

for b in 1 7 ""; do
  GRANTCHECK_REGISTER_BATCH=$b "$gc" register --db "$t/b$b.db" $R "$t/in" > "$t/out$b" 2>&1; echo "[exit $?]" >> "$t/out$b"
  dump "$t/b$b.db" > "$t/dump$b"
done
check "the files are recorded ($n_in files, $(q "$t/b1.db" "select count(*) from submission") submissions)" \
  '[ "$(q "$t/b1.db" "select count(*) from submission")" -ge 30 ]'
check "batches of 7 and of 256: the same register content as a transaction per file" \
  'cmp -s "$t/dump1" "$t/dump7" && cmp -s "$t/dump1" "$t/dump"'
check "batches of 7 and of 256: the same output as a transaction per file" \
  'cmp -s "$t/out1" "$t/out7" && cmp -s "$t/out1" "$t/out"'
GRANTCHECK_REGISTER_BATCH=5 "$gc" register --db "$t/j5.db" $R --format json "$t/in" > "$t/j5" 2> /dev/null
"$gc" register --db "$t/j.db" $R --format json "$t/in" > "$t/j" 2> /dev/null
check "JSON output the same in batches of 5 and of 256" \
  'python3 -c "import json,sys; a,b=(json.load(open(p)) for p in sys.argv[1:]); assert a==b and len(a[\"files\"])==$n_in" "$t/j5" "$t/j"'

# -- killed inside a batch, before its commit: the 20th file is recorded in
#    its savepoint when SIGKILL comes; its batch (files 17-24) is lost whole
db=$t/kill.db
{ GRANTCHECK_REGISTER_BATCH=8 GRANTCHECK_FAULT=register-in-batch:20:9 "$gc" register --db "$db" $R "$t/in" \
    > "$t/killed" 2>&1; } 2> /dev/null; st=$?
n=$(q "$db" "select count(*) from submission")
q "$db" "select path from submission order by path" > "$t/killed.recorded"
sed -n 's/: [A-Za-z]* ([^)]*); .*//p' "$t/killed" | sort -u > "$t/killed.shown"
check "SIGKILL inside a batch (exit $st): the 20th file and its batch not recorded ($n recorded)" \
  '[ $st -eq 137 ] && [ "$n" -lt 20 ]'
check "SIGKILL inside a batch: exactly the files shown are recorded" 'cmp -s "$t/killed.recorded" "$t/killed.shown"'
check "SIGKILL inside a batch: integrity_check ok" '[ "$(q "$db" "pragma integrity_check")" = "ok" ]'
check "SIGKILL inside a batch: every recorded file complete (figures, content, event)" \
  '[ "$(q "$db" "select count(*) from submission s where s.identified = 1 and (not exists (select 1 from figure where submission=s.id) or not exists (select 1 from content where submission=s.id) or not exists (select 1 from event where submission=s.id and what='"'"'registered'"'"'))")" = "0" ]'
"$gc" register --db "$db" $R "$t/in" > /dev/null 2>&1
check "registering again after the kill records the rest" \
  '[ "$(q "$db" "select count(*) from submission")" = "$(q "$t/b1.db" "select count(*) from submission")" ]'

# -- a run that stops at its 5th file (exit 2): files 1-4 of the batch are
#    committed and shown, the 5th and later neither
"$gc" register --db "$t/f.db" $R samples/valid > "$t/f.ref" 2>&1
GRANTCHECK_FAULT=run-file:5 "$gc" register --db "$t/f.db.2" $R samples/valid > "$t/f.out" 2> "$t/f.err"; st=$?
check "stopped at the 5th file: exit 2 with the reason" '[ $st -eq 2 ] && grep -q "injected fault" "$t/f.err"'
check "stopped at the 5th file: 4 recorded, 4 shown, the same lines as an undisturbed run" \
  '[ "$(q "$t/f.db.2" "select count(*) from submission")" = 4 ] && [ "$(grep -c "; registered$" "$t/f.out")" = 4 ] && [ "$(head -n "$(wc -l < "$t/f.out")" "$t/f.ref")" = "$(cat "$t/f.out")" ]'
