#!/usr/bin/env bash
# GRANTCHECK_PROFILE_RULES=1 (issue 15): after the run, one line per rule
# that ran on standard error (its runs, SQLite steps and full-scan steps per
# run, time) and a total; the results themselves are the same as without
# it, and without it nothing is added to standard error.
# Called from tests/e2e.sh as: bash tests/e2e/profile_rules.sh /abs/path/grantcheck
. "$(dirname "$0")/lib.sh" "$@"
R="--today 2026-11-22 --rules rules"
files=(samples/valid/*-2014.xml samples/invalid/A1-sum-mismatch.xml)
n=${#files[@]}

"$gc" check $R --format json "${files[@]}" >"$t/plain.json" 2>"$t/plain.err"
plain_st=$?
GRANTCHECK_PROFILE_RULES=1 "$gc" check $R --format json "${files[@]}" >"$t/prof.json" 2>"$t/err"
prof_st=$?
check "same exit status with the profile ($plain_st)" '[ "$plain_st" = "$prof_st" ] && [ "$plain_st" = 1 ]'
check "same results with the profile" 'cmp -s "$t/plain.json" "$t/prof.json"'
check "nothing on standard error without it" '[ ! -s "$t/plain.err" ]'

# every statement rule of the set ran once per file (an engine prints its
# own lines: with several engines, as with a worker pool, the runs add up)
ids=$(cd rules/rcc-2013-2015 && grep -L '^-- scope: register' *.sql | sed 's/\.sql$//' | sort)
runs=$(awk '$3 == "rcc-2013-2015" && $5 ~ /^runs=/ { sub("runs=", "", $5); n[$4] += $5 }
            END { for (id in n) print id, n[id] }' "$t/err" | sort)
check "each statement rule ran once per file ($(echo $ids | wc -w) rules, $n files)" \
  '[ -n "$ids" ] && [ "$runs" = "$(for id in $ids; do echo "$id $n"; done)" ]'
check "each line: runs, steps and full-scan steps per run, time" \
  'grep -q "^grantcheck profile: rcc-2013-2015 [A-Z]" "$t/err" &&
   ! grep "^grantcheck profile: rcc-2013-2015 [A-Z]" "$t/err" |
     grep -v " runs=[1-9][0-9]* steps/run=[1-9][0-9]* fullscan/run=[0-9]* us/run=[0-9.]* ms=[0-9.]*$"'
check "the register rule G8 did not run" '! grep -q " G8 " "$t/err"'
total=$(( $(echo $ids | wc -w) * n ))
sum=$(sed -n 's/^grantcheck profile: all rules runs=\([0-9]*\) ms=[0-9.]*$/\1/p' "$t/err" | awk '{ s += $1 } END { print s + 0 }')
check "total lines ($total runs)" '[ "$sum" = "$total" ]'
check "nothing else on standard error" '! grep -v "^grantcheck profile: " "$t/err"'

# S3 runs its search for unknown names only when there is one: a statement
# with an unknown element takes more SQLite steps in S3 than a clean one
steps_s3() { sed -n 's/^grantcheck profile: rcc-2013-2015 S3 runs=1 steps\/run=\([0-9]*\) .*/\1/p' "$1"; }
GRANTCHECK_PROFILE_RULES=1 "$gc" check $R samples/valid/syd-2014.xml >/dev/null 2>"$t/clean.err"
sed 's|<totalExpenses>|<totalExpense>1</totalExpense><totalExpenses>|' samples/valid/syd-2014.xml >"$t/unknown.xml"
GRANTCHECK_PROFILE_RULES=1 "$gc" check $R "$t/unknown.xml" >"$t/unknown.out" 2>"$t/unknown.err"
check "the unknown element is reported by S3" 'grep -q "error\[S3\]" "$t/unknown.out"'
clean=$(steps_s3 "$t/clean.err") unknown=$(steps_s3 "$t/unknown.err")
check "S3 costs more with an unknown name ($clean < $unknown steps)" '[ -n "$clean" ] && [ -n "$unknown" ] && [ "$clean" -lt "$unknown" ]'
GRANTCHECK_PROFILE_RULES=0 "$gc" check $R samples/valid/syd-2014.xml >/dev/null 2>"$t/zero.err"
check "GRANTCHECK_PROFILE_RULES=0 is off" '[ ! -s "$t/zero.err" ]'
