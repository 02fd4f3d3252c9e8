#!/usr/bin/env bash
# End-to-end checks that are not one command's output:
#  - per rule set (each folder under rules/): every rule id
#    `grantcheck rules --programme ID` lists has a golden case in that
#    programme's folder tests/golden/cases/ID/ that triggers it and one (its
#    close variant) in which it does not fire;
#  - every JSON document in the golden outputs parses;
#  - further scenario scripts tests/e2e/*.sh (register, summary, hostile input),
#    each called with the grantcheck path and printing "ok"/"FAIL" lines
#    (each sources tests/e2e/lib.sh, the harness, which is not run itself).
set -u
gc=${1:?usage: tests/e2e.sh path/to/grantcheck}
gc=$(cd "$(dirname "$gc")" && pwd)/$(basename "$gc")
cd "$(dirname "$0")/.." || exit 2
export NO_COLOR=1 LC_ALL=C LANG=C
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL $*"; }

nsets=0
for set_dir in rules/*/; do
  ls "$set_dir"*.sql > /dev/null 2>&1 || continue   # not a rule set
  prog=$(awk -F'\t' '$1 == "id" { print $2 }' "${set_dir}programme.tsv" 2>/dev/null)
  prog=${prog:-$(basename "$set_dir")}
  nsets=$((nsets + 1))
  cases=tests/golden/cases/$prog
  ids=$("$gc" rules --rules rules --programme "$prog" --lang en | awk 'NF >= 3 && $1 ~ /^[A-Z][0-9]+$/ {print $1}')
  [ -n "$ids" ] || bad "$prog: grantcheck rules --programme $prog listed no rule"
  for id in $ids; do
    trig=$(grep -l "\[$id\]\|\"rule\": \"$id\"" "$cases"/*.out 2>/dev/null | head -1)
    if [ -n "$trig" ]; then ok; else bad "$prog $id: no golden case in $cases/ triggers it"; fi
    passing=""
    for out in "$cases/$id"-*-pass.out; do
      [ -f "$out" ] || continue
      if ! grep -q "\[$id\]" "$out"; then passing=$out; fi
    done
    if [ -n "$passing" ]; then ok; else bad "$prog $id: no passing close-variant case ($cases/$id-*-pass)"; fi
  done
done
[ "$nsets" -gt 0 ] || bad "no rule set under rules/"

if python3 - <<'PY'
import glob, json, sys
bad = 0
for path in glob.glob("tests/golden/cases/*/*.out"):
    text = open(path, encoding="utf-8").read()
    for block in text.split("[exit ")[:-1]:
        block = block.split("]\n", 1)[-1] if block.startswith(tuple("0123456789")) else block
        start = block.find("{\n")
        if start >= 0:
            try:
                doc = json.loads(block[start:])
                assert doc["tool"] == "grantcheck" and isinstance(doc["files"], list)
            except Exception as e:
                print(f"FAIL {path}: JSON does not parse: {e}")
                bad += 1
sys.exit(1 if bad else 0)
PY
then ok; else bad "golden JSON outputs"; fi

for script in tests/e2e/*.sh; do
  [ -f "$script" ] || continue
  [ "$script" = tests/e2e/lib.sh ] && continue   # the harness the scripts source
  out=$(bash "$script" "$gc" 2>&1)
  rc=$?
  n_ok=$(printf '%s\n' "$out" | grep -c '^ok ')
  n_bad=$(printf '%s\n' "$out" | grep -c '^FAIL')
  pass=$((pass + n_ok)); fail=$((fail + n_bad))
  printf '%s\n' "$out" | grep '^FAIL' || true
  if [ "$n_ok" -eq 0 ] && [ "$n_bad" -eq 0 ]; then bad "$script ran no check"; printf '%s\n' "$out" | tail -5; fi
  # a script that stopped early (a crash, set -e, an unexpected exit) without
  # printing FAIL must not pass unnoticed
  if [ "$rc" -ne 0 ] && [ "$n_bad" -eq 0 ]; then bad "$script exited $rc without a FAIL line"; printf '%s\n' "$out" | tail -5; fi
done
echo "e2e: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
