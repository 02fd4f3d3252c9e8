#!/usr/bin/env bash
# End-to-end checks that are not one command's output:
#  - every rule id `grantcheck rules` lists has a golden case that triggers it
#    and a golden case (its close variant) in which it does not fire;
#  - every JSON document in the golden outputs parses;
#  - further scenario scripts tests/e2e/*.sh (register, summary, hostile input),
#    each called with the grantcheck path and printing "ok"/"FAIL" lines.
set -u
gc=${1:?usage: tests/e2e.sh path/to/grantcheck}
gc=$(cd "$(dirname "$gc")" && pwd)/$(basename "$gc")
cd "$(dirname "$0")/.." || exit 2
export NO_COLOR=1 LC_ALL=C LANG=C
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL $*"; }

ids=$("$gc" rules --rules rules --lang en | awk 'NF >= 3 && $1 ~ /^[A-Z][0-9]+$/ {print $1}')
[ -n "$ids" ] || bad "grantcheck rules listed no rule"
for id in $ids; do
  trig=$(grep -l "\[$id\]\|\"rule\": \"$id\"" tests/golden/cases/*.out 2>/dev/null | head -1)
  if [ -n "$trig" ]; then ok; else bad "$id: no golden case triggers it"; fi
  passing=""
  for out in tests/golden/cases/"$id"-*-pass.out; do
    [ -f "$out" ] || continue
    if ! grep -q "\[$id\]" "$out"; then passing=$out; fi
  done
  if [ -n "$passing" ]; then ok; else bad "$id: no passing close-variant case ($id-*-pass)"; fi
done

if python3 - <<'PY'
import glob, json, sys
bad = 0
for path in glob.glob("tests/golden/cases/*.out"):
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
  out=$(bash "$script" "$gc" 2>&1)
  n_ok=$(printf '%s\n' "$out" | grep -c '^ok ')
  n_bad=$(printf '%s\n' "$out" | grep -c '^FAIL')
  pass=$((pass + n_ok)); fail=$((fail + n_bad))
  printf '%s\n' "$out" | grep '^FAIL' || true
  if [ "$n_ok" -eq 0 ] && [ "$n_bad" -eq 0 ]; then bad "$script ran no check"; printf '%s\n' "$out" | tail -5; fi
done
echo "e2e: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
