#!/usr/bin/env bash
# tests/e2e/syscalls.sh - the system calls a small statement costs (issue 15):
# on a virtual machine one costs 4-20 us against ~0.25 ms for the whole
# statement, so per-file calls that are not needed must not come back.
# Counted with strace -c (counts, not times: the same on a busy machine) for
# 20 and for 60 statements; the difference over the 40 extra files is the
# cost of one file, free of the fixed cost of starting up:
#  - check --format json, one worker: no fcntl (O_NONBLOCK is not cleared on
#    a regular file), no getrandom (expat's hash salts are drawn from the
#    kernel 256 at a time), one stat (the fstat of the open file: the folder walk
#    takes the type from readdir; the worker pool's size check by path,
#    runner.c, comes on top with two workers), and one read (a regular
#    file ends at the size fstat gave, without a read that says so: was 2);
#  - register: at most three stats (as check, and the refusal of the register
#    itself as input; the file date comes from the engine's fstat, not a
#    stat afterwards) and no fcntl per file: the closing "what changed" and
#    G8 read the register in one read transaction, not one WAL read lock per
#    query (that was ~6 per replaced submission).
# Before issue 15's change (860cf08) the same counts were, per 100 files:
# check fcntl 200, getrandom 100, stats 200; register fcntl 800, getrandom
# 100, stats 500.
. "$(dirname "$0")/lib.sh" "$@"

if ! command -v strace > /dev/null; then
  bad "strace is not installed (make deps installs it)"
  exit 1
fi
export GRANTCHECK_RULES=$PWD/rules
python3 bench/gen.py small 60 "$t/in60" samples/valid > /dev/null
mkdir "$t/in20"
for f in $(ls "$t/in60" | head -20); do cp "$t/in60/$f" "$t/in20/"; done

# count CALL FILE: calls of CALL in a strace -c summary (0 when absent)
count() { awk -v c="$1" '$NF == c { n = $4 } END { print n + 0 }' "$2"; }
# trace N WHAT CMD...: CMD under strace -c, its summary in $t/sc-WHAT-N
trace() {
  local n=$1 what=$2
  shift 2
  rm -f "$t/reg.db"*
  strace -f -c -o "$t/sc-$what-$n" "$@" > "$t/out-$what-$n" 2> "$t/err"
}
for n in 20 60; do
  GRANTCHECK_WORKERS=1 trace $n check "$gc" check --format json "$t/in$n"
  trace $n register "$gc" register --db "$t/reg.db" "$t/in$n"
done
check "check ran under strace" '[ "$(python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))[\"files\"]))" "$t/out-check-60")" = 60 ]'
check "register ran under strace" '[ "$(q "$t/reg.db" "select count(*) from submission")" = 60 ] && grep -q "Changes since the replaced submission" "$t/out-register-60"'
# per100 WHAT CALL: (calls for 60 files - calls for 20) * 100 / 40
per100() { echo $(( ($(count "$2" "$t/sc-$1-60") - $(count "$2" "$t/sc-$1-20")) * 100 / 40 )); }
stats() { echo $(( $(per100 "$1" newfstatat) + $(per100 "$1" stat) + $(per100 "$1" lstat) + $(per100 "$1" fstat) + $(per100 "$1" statx) )); }
c_fcntl=$(per100 check fcntl) c_rand=$(per100 check getrandom) c_stat=$(stats check) c_read=$(per100 check read)
r_fcntl=$(per100 register fcntl) r_rand=$(per100 register getrandom) r_stat=$(stats register)
echo "   per 100 files: check fcntl $c_fcntl getrandom $c_rand stats $c_stat reads $c_read; register fcntl $r_fcntl getrandom $r_rand stats $r_stat"
check "check: no fcntl per file ($c_fcntl per 100)" '[ "$c_fcntl" -le 10 ]'
check "check: no getrandom per file ($c_rand per 100)" '[ "$c_rand" -le 10 ]'
check "check: one stat per file ($c_stat per 100)" '[ "$c_stat" -le 110 ]'
check "check: one read per small file ($c_read per 100)" '[ "$c_read" -le 110 ]'
# a batch commit (one per 256 files or 250 ms) takes ~10 fcntl: room for a
# few more batches on a slow machine or under a sanitizer, not for 2 a file
check "register: no fcntl per file ($r_fcntl per 100)" '[ "$r_fcntl" -le 150 ]'
check "register: no getrandom per file ($r_rand per 100)" '[ "$r_rand" -le 10 ]'
check "register: at most 3 stats per file ($r_stat per 100)" '[ "$r_stat" -le 310 ]'
# the size fstat gives ends a regular file only when it says something: a
# file in /proc has size 0 and is read to its end (its SHA-256 is that of
# all its bytes, not of none)
"$gc" check --format json /proc/version > "$t/proc.json" 2> /dev/null
check "a file of size 0 that has bytes (/proc/version) is read to its end" \
  '[ "$(python3 -c "import json,sys; print(json.load(open(sys.argv[1]))[\"files\"][0][\"sha256\"])" "$t/proc.json")" = "$(sha256sum < /proc/version | cut -d" " -f1)" ] && [ "$(sha256sum < /proc/version | cut -d" " -f1)" != "$(sha256sum < /dev/null | cut -d" " -f1)" ]'
