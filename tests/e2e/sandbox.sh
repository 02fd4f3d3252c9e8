#!/usr/bin/env bash
# The rule sandbox (issue #4, part 2): a rule file is code that may only read.
# Each case adds one malicious rule file to a temporary copy of rules/ and
# runs check and register with it: exit 2, a message naming the rule file,
# bounded time and memory, and the register (filled beforehand with the real
# rules) unchanged byte for byte, with integrity_check ok and the same rows.
# Then the rule fuzzer's crashers (fuzz/regressions/fuzz_rules/).
# Prints "ok WHAT" or "FAIL WHAT" per check.
. "$(dirname "$0")/lib.sh" "$@"
wrap=${GRANTCHECK_WRAP:-}
relaxed=
if [ -n "$wrap" ] || [ -n "${ASAN_OPTIONS:-}${UBSAN_OPTIONS:-}" ] || grep -qa '__asan_init\|__ubsan_handle' "$gc"; then
  relaxed="not asserted under a sanitizer or wrapper"
fi
state() { # the register's bytes, integrity and row counts
  sha256sum < "$1" | cut -c1-64
  ls "$1"-wal "$1"-journal 2>/dev/null
  q "$1" "pragma integrity_check"
  q "$1" "select (select count(*) from submission), (select count(*) from figure), (select count(*) from finding), (select count(*) from expense_total)"
}

T="--today 2026-11-22 --lang en"
db=$t/reg.db
"$gc" register --db "$db" --rules rules $T samples/valid/norr-2013.xml samples/valid/syd-2013.xml > /dev/null 2>&1
before=$(state "$db")
case $before in *"|"*) ok "a register made with the real rules: $(echo "$before" | tail -1) rows" ;;
  *) bad "could not make the register"; exit 0 ;; esac

mkdir -p "$t/rules"
cp -r rules/rcc-2013-2015 "$t/rules/"
set_dir=$t/rules/rcc-2013-2015
header() { # ID: a valid rule header with message {x}
  printf -- '-- id: %s\n-- severity: error\n-- title.sv: t\n-- title.en: t\n-- explain.sv: e\n-- explain.en: e\n-- message.sv: {x}\n-- message.en: {x}\n' "$1"
}

# evil NAME WHY SQL: install the rule Z1 with SQL, run check and register
evil() {
  local name=$1 why=$2 sql=$3 rule=$set_dir/Z1.sql
  { header Z1; printf '%s\n' "$sql"; } > "$rule"
  measure "$t/out" "$t/err" $wrap "$gc" check --rules "$t/rules" $T samples/valid/sydost-2014.xml
  local cst=$st csecs=$secs ckb=$kb
  if [ "$cst" -eq 2 ] && grep -q "$rule" "$t/err" && grep -Eqi "$why" "$t/err"; then
    ok "$name: check exits 2 naming the rule file"
  else
    bad "$name: check exit $cst (expected 2, the rule file and /$why/); stderr:"
    head -c 500 "$t/err" | sed 's/^/    /'
  fi
  measure "$t/out" "$t/err" $wrap "$gc" register --db "$db" --rules "$t/rules" $T samples/valid/sydost-2014.xml
  if [ "$st" -eq 2 ] && grep -q "$rule" "$t/err"; then
    ok "$name: register exits 2 naming the rule file"
  else
    bad "$name: register exit $st (expected 2 naming $rule)"
    head -c 500 "$t/err" | sed 's/^/    /'
  fi
  if [ "$(state "$db")" = "$before" ]; then
    ok "$name: the register is unchanged (bytes, integrity_check, rows)"
  else
    bad "$name: the register changed"
  fi
  local s=$csecs m=$((ckb / 1024))
  awk -v a="$secs" -v b="$s" 'BEGIN { exit !(a > b) }' && s=$secs
  [ $((kb / 1024)) -gt $m ] && m=$((kb / 1024))
  if [ -n "$relaxed" ]; then
    ok "$name: up to ${s} s CPU, ${m} MB ($relaxed)"
  elif awk -v a="$csecs" -v b="$secs" 'BEGIN { exit !(a < 10 && b < 10) }' && [ "$m" -lt 100 ]; then
    ok "$name: up to ${s} s CPU, ${m} MB per run (< 10 s, < 100 MB)"
  else
    bad "$name: ${csecs} s / ${secs} s CPU, ${m} MB (limits 10 s CPU, 100 MB)"
  fi
  rm -f "$rule"
}

L="NULL AS line, NULL AS col"
evil "INSERT" "INSERT into node" "INSERT INTO node(kind, name, path, line, col) VALUES('element', 'x', 'x', 1, 1)"
evil "INSERT ... SELECT inside a CTE" "INSERT|not read-only" "WITH x AS (SELECT 1) INSERT INTO context(name, value) SELECT 'today', '2099-01-01' FROM x"
evil "UPDATE" "UPDATE of node" "UPDATE node SET text = 'x'"
evil "DELETE" "DELETE from expense" "DELETE FROM expense"
evil "DROP TABLE" "DROP TABLE|a rule may" "DROP TABLE expense"
evil "CREATE TEMP TABLE" "a rule may" "CREATE TEMP TABLE x(a)"
evil "ATTACH the register" "ATTACH" "ATTACH DATABASE '$db' AS reg"
evil "read an attached schema" "no such table|a rule may" "SELECT $L, count(*) AS x FROM reg.submission"
evil "read the temp schema" "schema temp" "SELECT $L, 1 AS x FROM temp.sqlite_master"
evil "PRAGMA" "PRAGMA writable_schema" "PRAGMA writable_schema = 1"
evil "PRAGMA as a table" "not authorized|a rule may" "SELECT $L, name AS x FROM pragma_table_info('node')"
evil "VACUUM INTO a file" "not read-only|a rule may" "VACUUM INTO '$t/copy.db'"
evil "load_extension" "load_extension" "SELECT $L, load_extension('$t/evil.so') AS x"
evil "a function outside the list (randomblob)" "randomblob" "SELECT $L, length(randomblob(1000000000)) AS x"
evil "a second statement after ;" "second SQL statement" "SELECT $L, 1 AS x; DELETE FROM expense"
evil "a second statement after ; and a comment" "second SQL statement" "SELECT $L, 1 AS x; -- and then
DROP TABLE node"
evil "a recursive query that never ends" "longer than allowed" \
  "WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM r) SELECT $L, i AS x FROM r WHERE i < 0"
# few instructions, each copying a megabyte: the time limit (30 s by default,
# 2 s here) stops it
GRANTCHECK_RULE_SECONDS=2 evil "a recursive query of megabyte rows (time limit)" "longer than allowed" \
  "WITH RECURSIVE r(s) AS (SELECT printf('%.*c', 1000000, 'x') UNION ALL SELECT s FROM r) SELECT $L, length(s) AS x FROM r ORDER BY s"
evil "a query returning a million rows" "more than [0-9]+ rows" \
  "WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM r WHERE i < 1000000) SELECT $L, i AS x FROM r"
evil "a 1 GB string" "too big" \
  "SELECT $L, length(replace(printf('%.*c', 1000000, 'x'), 'x', printf('%.*c', 1000, 'y'))) AS x"
evil "an unknown column" "no such column: nosuch" "SELECT $L, nosuch AS x FROM node"
evil "an unknown table" "no such table" "SELECT $L, 1 AS x FROM submission"
[ -e "$t/copy.db" ] || [ -e "$t/evil.so" ] && bad "a rule created a file" || ok "no rule created a file"
[ "$(ls "$set_dir" | sort)" = "$(ls rules/rcc-2013-2015 | sort)" ] && ok "the rule folder holds only its own files"

# a rule that works: the same register, registering with it is fine
{ header Z1; printf 'SELECT %s, 1 AS x FROM figures WHERE 0\n' "$L"; } > "$set_dir/Z1.sql"
"$gc" check --rules "$t/rules" $T samples/valid/sydost-2014.xml > /dev/null 2>&1; st=$?
[ "$st" -eq 0 ] && ok "an honest extra rule loads and runs (exit 0)" || bad "an honest extra rule: exit $st"
rm -f "$set_dir/Z1.sql"

# -- the rule fuzzer's crashers, placed as fuzz/fuzz_rules.c places them
n=0 bad=0
for f in fuzz/regressions/fuzz_rules/*; do
  [ -f "$f" ] || continue
  case $f in *README*) continue ;; esac
  n=$((n + 1))
  rm -rf "$t/fr"
  mkdir -p "$t/fr"
  cp -r rules/rcc-2013-2015 "$t/fr/"
  head=$(head -c 20 "$f" | tr -d '\0')
  case $head in
    year$'\t'*) dest=years.tsv ;;
    list$'\t'*) dest=codes.tsv ;;
    id$'\t'* | "# Parameters"*) dest=programme.tsv ;;
    *) id=$(grep -a -m1 '^-- id: ' "$f" | sed 's/^-- id: //; s/\r$//')
       if [[ $id =~ ^[A-Za-z0-9]{1,7}$ ]]; then dest=$id.sql; else dest=Z9.sql; fi ;;
  esac
  cp "$f" "$t/fr/rcc-2013-2015/$dest"
  $wrap "$gc" check --rules "$t/fr" $T samples/valid/sydost-2014.xml samples/invalid/A1-sum-mismatch.xml > "$t/out" 2> "$t/err"
  st=$?
  if [ "$st" -gt 2 ] || grep -q 'Sanitizer\|runtime error\|internal database error\|internal error' "$t/err"; then
    bad=$((bad + 1))
    bad "fuzz regression $f: exit $st"
    head -c 400 "$t/err" | sed 's/^/    /'
  fi
done
[ "$bad" -eq 0 ] && ok "$n rule fuzz regression inputs: exit 0, 1 or 2 with a message, no crash"
