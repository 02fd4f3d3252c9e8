#!/usr/bin/env bash
# The worker pool of check and register (runner.c, GRANTCHECK_WORKERS): with
# 2 or 4 workers everything a user sees or the register keeps is what one
# worker gives, in input order:
#   - check of a mix (every sample, the golden cases' inputs, an unreadable
#     file, a statement of 1 MiB or more first, so the other workers finish
#     many files while the first is still on it): the same text, JSON and
#     HTML, the same exit status;
#   - register of the samples in one call, the large file first: the same
#     register content and output, and G5 of a 2014 statement uses the 2013
#     one recorded earlier in the same call (a worker asking the register
#     for last year's statement waits until every file before its own is
#     recorded);
#   - a run stopped by a fault at the Nth file (run-file) gives the same
#     output and status, and so does check when no worker thread could
#     open an engine (worker-engine: the caller checks every file), and
#     when the engines opened ahead loaded other rules (spare-rules);
#   - register of 70 files with the default number of workers (a thread
#     checks, the caller records) keeps what one worker keeps;
#   - tests/e2e/register_batch.sh (kills inside and after a batch) passes
#     with 4 workers.
# Prints "ok WHAT" or "FAIL WHAT" per check.
. "$(dirname "$0")/lib.sh" "$@"
unset GRANTCHECK_WORKERS
export SOURCE_DATE_EPOCH=1700000000 # the HTML report's time
R=(--rules rules --today 2026-11-22)

# a statement of 1 MiB or more: parsed by three threads inside its worker
python3 bench/gen.py large 40000 "$t/big.xml"
big_bytes=$(wc -c < "$t/big.xml")
check "the large statement is 1 MiB or more ($big_bytes bytes)" '[ "$big_bytes" -ge 1048576 ]'
mix=("$t/big.xml" samples tests/golden/inputs /proc/self/mem samples/valid/norr-2014.xml)

# -- check: text, JSON, HTML with 1, 2 and 4 workers
for fmt in text json html; do
  for w in 1 2 4; do
    GRANTCHECK_WORKERS=$w "$gc" check "${R[@]}" --format "$fmt" "${mix[@]}" > "$t/c.$fmt.$w" 2> "$t/c.$fmt.$w.err"
    echo "[exit $?]" >> "$t/c.$fmt.$w"
  done
  n=$(grep -c "" "$t/c.$fmt.1")
  check "check --format $fmt of $(( ${#mix[@]} )) operands: 2 and 4 workers give the same bytes and status as 1 ($n lines, $(tail -1 "$t/c.$fmt.1"))" \
    'cmp -s "$t/c.$fmt.1" "$t/c.$fmt.2" && cmp -s "$t/c.$fmt.1" "$t/c.$fmt.4" && cmp -s "$t/c.$fmt.1.err" "$t/c.$fmt.4.err"'
done
check "the mix has valid, invalid and unreadable files and exit 1" \
  'grep -q ": valid (" "$t/c.text.1" && grep -q ": INVALID (" "$t/c.text.1" && grep -q "error\[X1\]" "$t/c.text.1" && [ "$(tail -1 "$t/c.text.1")" = "[exit 1]" ]'
check "the large statement is the first result, and valid" 'head -1 "$t/c.text.4" | grep -q "big.xml: valid ("'

# the default (no GRANTCHECK_WORKERS): the same again
"$gc" check "${R[@]}" --format json "${mix[@]}" > "$t/c.json.d" 2> /dev/null
echo "[exit $?]" >> "$t/c.json.d"
check "check with the default number of workers: the same JSON" 'cmp -s "$t/c.json.1" "$t/c.json.d"'

# -- no worker thread gets an engine (GRANTCHECK_FAULT=worker-engine): the
#    caller checks every file itself, the large one and the unreadable one
#    (not regular: one at a time) included, and ends with the same JSON
#    (a caller that left those to a worker would wait for ever: timeout)
for w in 2 4; do
  GRANTCHECK_WORKERS=$w GRANTCHECK_FAULT=worker-engine timeout 300 "$gc" check "${R[@]}" --format json "${mix[@]}" \
    > "$t/c.json.noengine.$w" 2> /dev/null
  echo "[exit $?]" >> "$t/c.json.noengine.$w"
done
check "check when no worker thread could open an engine: the caller alone, the same JSON and status" \
  'cmp -s "$t/c.json.1" "$t/c.json.noengine.2" && cmp -s "$t/c.json.1" "$t/c.json.noengine.4"'

# -- the worker's engine is opened ahead, beside the caller's (spares.c), and
#    used only when it loaded the caller's rules: with GRANTCHECK_FAULT=
#    spare-rules every spare counts as loaded from a changed folder, is
#    closed unused, and the worker opens its own. Counted by the openings of
#    a rule file: the caller's and the spare's, then a third
for f in none spare-rules; do
  GRANTCHECK_WORKERS=2 GRANTCHECK_FAULT=$f strace -f -qq -e trace=openat -o "$t/st.$f" \
    "$gc" check "${R[@]}" --format json "${mix[@]}" > "$t/c.json.spare.$f" 2> /dev/null
  echo "[exit $?]" >> "$t/c.json.spare.$f"
done
check "the worker's engine is opened ahead: A1.sql read twice (caller, spare), the same JSON" \
  '[ "$(grep -c "/A1.sql" "$t/st.none")" = 2 ] && cmp -s "$t/c.json.1" "$t/c.json.spare.none"'
check "a spare that loaded other rules is not used: the worker opens its own (A1.sql read 3 times), the same JSON" \
  '[ "$(grep -c "/A1.sql" "$t/st.spare-rules")" = 3 ] && cmp -s "$t/c.json.1" "$t/c.json.spare.spare-rules"'

# -- a run stopped at its Nth file: the files before it shown, none after
for n in 1 7 30; do
  for w in 1 4; do
    GRANTCHECK_WORKERS=$w GRANTCHECK_FAULT=run-file:$n "$gc" check "${R[@]}" --format json "${mix[@]}" \
      > "$t/f$n.$w" 2>&1
    echo "[exit $?]" >> "$t/f$n.$w"
  done
  check "check stopped at file $n (run-file fault): 4 workers give the same output and status as 1" \
    'cmp -s "$t/f$n.1" "$t/f$n.4" && tail -1 "$t/f$n.1" | grep -q "exit 2" && grep -q "injected fault" "$t/f$n.1"'
done
check "stopped at file 7: six files shown" \
  '[ "$(python3 -c "import json,sys; print(len(json.loads(open(sys.argv[1]).read().split(chr(10)+\"grantcheck\")[0])[\"files\"]))" "$t/f7.4")" = 6 ]'

# -- a large file waiting for its turn (every file before it handled) when
#    the run stops before it is not checked: under a file size limit its
#    working database would reach it, an internal error instead of the
#    run's own (samples/invalid's 6 MB statement, the 4th file, the run
#    stopped at the 3rd)
for w in 1 4; do
  (trap '' XFSZ; ulimit -f 100; GRANTCHECK_WORKERS=$w GRANTCHECK_FAULT=run-file:3 exec "$gc" check "${R[@]}" \
     --format json samples/valid/norr-2013.xml samples/valid/norr-2014.xml samples/valid/syd-2013.xml \
     samples/invalid/A6-overflow.xml samples/valid/syd-2014.xml) > "$t/lim.$w" 2> "$t/lim.$w.err"
  echo "[exit $?]" >> "$t/lim.$w"
done
check "stopped at file 3 before a large 4th under a file size limit: exit 2, the injected fault, not an internal error, 4 workers as 1" \
  'cmp -s "$t/lim.1" "$t/lim.4" && tail -1 "$t/lim.4" | grep -q "exit 2" && grep -q "injected fault" "$t/lim.4.err" && ! grep -q "internal error" "$t/lim.4.err"'

# -- register: the large file first, then the samples (vast-2013 before the
#    G5 statement of vast 2014, which must read it from the register)
reg_in=("$t/big.xml" samples/valid samples/invalid/G5-carriedover-2014.xml samples/invalid/A1-sum-mismatch.xml
        samples/valid/sydost-2014.xml)
# The moment a file is received is not content, but G5's message names the
# one of last year's statement, and so does the finding's fingerprint: on
# a line with a time, the time and any fingerprint are left out. (Every run
# writes $t/reg.db, so the register's path in the output is the same.)
norm() { sed '/[0-9-]*T[0-9:]*Z/{s/[0-9-]*T[0-9:]*Z/<time>/g; s/[0-9a-f]\{64\}/<fp>/g}' "$1"; }
for w in 1 4; do
  for fmt in text json; do
    rm -f "$t/reg.db"
    GRANTCHECK_WORKERS=$w "$gc" register --db "$t/reg.db" "${R[@]}" --format "$fmt" "${reg_in[@]}" > "$t/r$w.$fmt" 2>&1
    echo "[exit $?]" >> "$t/r$w.$fmt"
    python3 tests/e2e/register_dump.py "$t/reg.db" > "$t/dump"
    norm "$t/dump" > "$t/r$w.$fmt.dump"
    mv "$t/reg.db" "$t/r$w.$fmt.db"
  done
done
check "register, 4 workers: the same register content as 1 ($(grep -c "^== " "$t/r1.text.dump") tables, $(grep -c "<time>" "$t/r1.text.dump") rows with a time)" \
  'cmp -s "$t/r1.text.dump" "$t/r4.text.dump" && cmp -s "$t/r1.json.dump" "$t/r4.json.dump"'
check "register, 4 workers: the same text output and status as 1" '[ "$(norm "$t/r1.text")" = "$(norm "$t/r4.text")" ]'
check "register, 4 workers: the same JSON output and status as 1" '[ "$(norm "$t/r1.json")" = "$(norm "$t/r4.json")" ]'
g5() { python3 -c 'import json,sys
doc = json.loads(open(sys.argv[1]).read().rsplit("[exit", 1)[0])
for f in doc["files"]:
    for x in f["findings"]:
        if x["rule"] in ("G5", "M5"):
            print(f["path"].split("/")[-1], x["rule"], x["severity"], x["message"].split(" (register")[0])' "$1"; }
g5 "$t/r1.json" > "$t/g5.1"
g5 "$t/r4.json" > "$t/g5.4"
check "register: G5 of vast 2014 compares with vast 2013 recorded earlier in the same call ($(grep -c "" "$t/g5.1") G5/M5 findings)" \
  'grep -q "^G5-carriedover-2014.xml G5 error .*statement for 2013" "$t/g5.1"'
check "register, 4 workers: the same G5 and M5 findings as 1" 'cmp -s "$t/g5.1" "$t/g5.4"'

# a register that already holds last year: a second call with 4 workers
for w in 1 4; do
  cp "$t/r$w.text.db" "$t/reg.db"
  GRANTCHECK_WORKERS=$w "$gc" register --db "$t/reg.db" "${R[@]}" samples/invalid/G5-carriedover-2014.xml \
    samples/valid > "$t/again$w" 2>&1
  echo "[exit $?]" >> "$t/again$w"
done
check "registering again with 4 workers: the same output as with 1" '[ "$(norm "$t/again1")" = "$(norm "$t/again4")" ]'

# -- register of 64 files or more with the default number of workers (a
#    thread checks while the caller records; each RCC's years in a row, so
#    most files' G5 reads the file recorded just before, and the last one's
#    G5 error compares with vast 2013 given just before it): as with 1
python3 bench/gen.py small 70 "$t/many" samples/valid
for w in 1 d; do
  rm -f "$t/reg.db"
  if [ $w = 1 ]; then export GRANTCHECK_WORKERS=1; fi
  "$gc" register --db "$t/reg.db" "${R[@]}" --format json "$t/many" samples/valid/vast-2013.xml \
    samples/invalid/G5-carriedover-2014.xml > "$t/m$w" 2>&1
  echo "[exit $?]" >> "$t/m$w"
  unset GRANTCHECK_WORKERS
  python3 tests/e2e/register_dump.py "$t/reg.db" > "$t/dump"
  norm "$t/dump" > "$t/m$w.dump"
done
g5 "$t/m1" > "$t/mg5.1"
g5 "$t/md" > "$t/mg5.d"
check "register of 72 files, default workers: the same register content, JSON and status as 1 ($(grep -c "" "$t/mg5.1") G5/M5 findings)" \
  'cmp -s "$t/m1.dump" "$t/md.dump" && [ "$(norm "$t/m1")" = "$(norm "$t/md")" ] && cmp -s "$t/mg5.1" "$t/mg5.d" &&
   grep -q "^G5-carriedover-2014.xml G5 error .*statement for 2013" "$t/mg5.d"'

# -- the kills and stops of register_batch.sh with 4 workers
GRANTCHECK_WORKERS=4 bash tests/e2e/register_batch.sh "$gc" > "$t/batch4" 2>&1
check "register_batch.sh with 4 workers: $(tail -1 "$t/batch4")" \
  '! grep -q "^FAIL" "$t/batch4" && tail -1 "$t/batch4" | grep -q "passed, 0 failed"'
grep "^FAIL" "$t/batch4" | sed 's/^/    /'
