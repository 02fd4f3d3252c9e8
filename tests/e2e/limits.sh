#!/usr/bin/env bash
# A statement with more findings than grantcheck keeps (FINDINGS_KEPT,
# 10 000): the counts stay exact, the rest is said to be not shown, memory
# stays bounded, and the register keeps the first 10 000.
. "$(dirname "$0")/lib.sh" "$@"
python3 - "$t/many.xml" <<'PY'
import sys
s = open("samples/valid/sydost-2014.xml", encoding="utf-8").read()
lines = '    <expense category="travel" criterion="4.2">-1.00</expense>\n' * 30000
s = s.replace("  <expenses>\n", "  <expenses>\n" + lines, 1)
old = 'criterion="6.1">3299128.65<'
assert s.count(old) == 1
s = s.replace(old, 'criterion="6.1">3329128.65<')   # +30000.00 keeps every total right
open(sys.argv[1], "w", encoding="utf-8").write(s)
PY
python3 -c '
import resource, subprocess, sys
with open(sys.argv[2], "w") as out:
    rc = subprocess.run(sys.argv[3:], stdout=out).returncode
kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
open(sys.argv[1], "w").write("%d %d\n" % (rc, kb))
' "$t/rusage" "$t/out" "$gc" check --rules rules --today 2026-11-22 --previous samples/valid/sydost-2013.xml "$t/many.xml"
read -r st kb < "$t/rusage"
check "30 000 warnings: exit 0 (warnings only)" '[ "$st" -eq 0 ]'
check "exactly 10 000 findings shown" '[ "$(grep -c "warning\[P3\]" "$t/out")" -eq 10000 ]'
check "the rest is said to be not shown" 'grep -q "many.xml: 20000 more findings not shown (the first 10000 are)" "$t/out"'
check "the counts stay exact" 'grep -q "valid (0 errors, 30000 warnings)" "$t/out"'
check "peak memory bounded: $((kb / 1024)) MB (< 100 MB)" '[ "$kb" -lt 102400 ]'
"$gc" check --rules rules --today 2026-11-22 --format json --previous samples/valid/sydost-2013.xml "$t/many.xml" > "$t/json"
check "JSON: warnings 30000, findings_not_shown 20000, 10000 listed" \
  'python3 -c "import json,sys; f=json.load(open(sys.argv[1]))[\"files\"][0]; assert f[\"warnings\"]==30000 and f[\"findings_not_shown\"]==20000 and len([x for x in f[\"findings\"] if x[\"rule\"]==\"P3\"])==10000" "$t/json"'
"$gc" register --db "$t/r.db" --rules rules --today 2026-11-22 samples/valid/sydost-2013.xml "$t/many.xml" > /dev/null
check "register: warnings 30000 recorded, 10000 findings kept" \
  '[ "$(q "$t/r.db" "select warnings, (select count(*) from finding where submission = s.id) from submission s where file_name = '"'"'many.xml'"'"'")" = "30000|10000" ]'
