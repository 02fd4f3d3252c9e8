#!/usr/bin/env bash
# Issue 10, class 8 (JSON half): `--format json` is a complete document or
# nothing. A run that stops part-way (exit 2) finishes its document with an
# "error" member {message, exit_status} after the files done so far; a run
# that fails before it starts writes nothing on standard output.
#  - check: a rule that breaks on the second statement (mid-run);
#  - register: the register at its file size limit part-way through a batch
#    (a real write failure), and a fault at the Nth file
#    (GRANTCHECK_FAULT=run-file:N, test-only);
#  - check, register, list with a rule folder that cannot be loaded, list on
#    a damaged register: nothing on standard output.
# Called from tests/e2e.sh as: bash tests/e2e/json_complete.sh /abs/path/grantcheck
. "$(dirname "$0")/lib.sh" "$@"
R="--today 2026-11-22 --rules rules"
# doc FILE NFILES: FILE is one JSON document with NFILES files (-1: any) and
# an "error" member with exit_status 2
doc_error() {
  python3 - "$1" "$2" <<'PY'
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
n = int(sys.argv[2])
assert d["tool"] == "grantcheck"
assert n < 0 or len(d.get("files", d.get("submissions", []))) == n, len(d["files"])
assert d["error"]["exit_status"] == 2 and d["error"]["message"]
PY
}
empty() { [ ! -s "$1" ]; }

# -- check: a rule that breaks on the second statement
cp -r rules "$t/r"
{ grep '^--' rules/rcc-2013-2015/A1.sql
  echo "SELECT NULL AS line, NULL AS col, 0 AS sum, 0 AS total, 0 AS diff, 'bogus' AS severity"
  echo "FROM field WHERE name = 'rcc.id' AND text = 'syd'"; } > "$t/r/rcc-2013-2015/A1.sql"
three="samples/valid/norr-2013.xml samples/valid/syd-2013.xml samples/valid/norr-2014.xml"
"$gc" check --today 2026-11-22 --rules "$t/r" --format json $three > "$t/out" 2> "$t/err"; st=$?
check "check: a rule breaks on the 2nd file: exit 2" '[ $st -eq 2 ]'
check "check: a rule breaks mid-run: stdout is one complete document, 1 file and the error" 'doc_error "$t/out" 1'
check "check: the error member names the rule file" 'grep -q "\"error\": {\"message\": \".*A1.sql: the rule returned severity" "$t/out"'
check "check: the error is on stderr too" 'grep -q "grantcheck check: .*A1.sql" "$t/err"'
GRANTCHECK_FAULT=run-file:1 "$gc" check $R --format json $three > "$t/out" 2> /dev/null; st=$?
check "check: fails at the first file: complete document with no files and the error" '[ $st -eq 2 ] && doc_error "$t/out" 0'

# -- register: a fault at the 3rd file, the file size limit part-way
GRANTCHECK_FAULT=run-file:3 "$gc" register --db "$t/f.db" $R --format json samples/valid > "$t/out" 2> /dev/null; st=$?
check "register: fails at the 3rd file: exit 2, complete document with 2 files and the error" '[ $st -eq 2 ] && doc_error "$t/out" 2'
check "register: the 2 files shown are the 2 recorded" '[ "$("$gc" list --db "$t/f.db" --rules rules --format json | python3 -c "import json,sys; print(len(json.load(sys.stdin)[\"submissions\"]))")" = 2 ]'
"$gc" register --db "$t/lim.db" $R samples/valid/norr-2013.xml > /dev/null 2>&1
# a transaction per file (GRANTCHECK_REGISTER_BATCH=1): the register reaches
# the limit on a small file, before samples/invalid's 6 MB statement; in
# batches it is written far less, so the 6 MB statement's working database
# would reach it first (an internal error, as for check)
(trap '' XFSZ; ulimit -f 100; GRANTCHECK_REGISTER_BATCH=1 exec "$gc" register --db "$t/lim.db" $R --format json samples/invalid) > "$t/out" 2> "$t/err"; st=$?
check "register: file size limit part-way: exit 2 and a complete document with the error" '[ $st -eq 2 ] && doc_error "$t/out" -1'
check "register: file size limit: the error member says so" 'grep -q "\"message\": \".*file size limit" "$t/out"'
# in batches, on the small statements: the batch that reaches the limit is
# lost whole, and the error says how many files were not recorded
mkdir -p "$t/small" && find samples/invalid -name '*.xml' -size -1000k -exec cp {} "$t/small/" \;
"$gc" register --db "$t/lim2.db" $R samples/valid/norr-2013.xml > /dev/null 2>&1
(trap '' XFSZ; ulimit -f 100; exec "$gc" register --db "$t/lim2.db" $R --format json "$t/small") > "$t/out" 2> "$t/err"; st=$?
check "register in batches: file size limit: exit 2, a complete document, the files not recorded counted" \
  '[ $st -eq 2 ] && doc_error "$t/out" -1 && grep -q "\"message\": \".*file size limit.*files checked were not recorded" "$t/out"'
check "register in batches: file size limit: the files shown are the files recorded" \
  '[ "$(python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))[\"files\"]))" "$t/out")" = "$(("$(python3 -c "import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute(\"select count(*) from submission\").fetchone()[0])" "$t/lim2.db")" - 1))" ]'

# -- failures before anything is written: nothing on stdout
echo "SELECT" > "$t/r/rcc-2013-2015/A2.sql"
for cmd in "check $three" "register --db $t/f.db $three" "list --db $t/f.db"; do
  "$gc" $cmd --today 2026-11-22 --rules "$t/r" --format json > "$t/out" 2> "$t/err"; st=$?
  check "${cmd%% *}: a rule file that cannot be loaded: exit 2, nothing on stdout, the reason on stderr" '[ $st -eq 2 ] && empty "$t/out" && [ -s "$t/err" ]'
done
"$gc" check $R --format json --previous "$t/missing.xml" $three > "$t/out" 2> /dev/null; st=$?
check "check: a missing --previous file: exit 2, nothing on stdout" '[ $st -eq 2 ] && empty "$t/out"'
printf 'SQLite format 3\0garbage' > "$t/bad.db"
"$gc" list --db "$t/bad.db" --rules rules --format json > "$t/out" 2> /dev/null; st=$?
check "list: not a register: exit 2, nothing on stdout" '[ $st -eq 2 ] && empty "$t/out"'

# -- complete runs still end normally (no error member)
"$gc" check $R --format json $three > "$t/out" 2> /dev/null; st=$?
check "check: a complete run has no error member" '[ $st -eq 0 ] && python3 -c "import json,sys; d=json.load(open(sys.argv[1])); assert \"error\" not in d and len(d[\"files\"]) == 3" "$t/out"'
