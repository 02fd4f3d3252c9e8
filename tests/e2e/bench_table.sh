#!/usr/bin/env bash
# bench_table.sh - the performance table in README.md is the one bench/bench.py
# writes from bench/results.json (the raw runs of the last `make bench-readme`),
# and the driver runs a row as interleaved pairs with its peer.
. "$(dirname "$0")/lib.sh" "$@"

check "README's table is bench/bench.py's rendering of bench/results.json" \
  'python3 bench/bench.py check bench/results.json README.md 2>$t/err'

# a figure edited by hand is caught
python3 - "$t/README.md" <<'PY'
import sys
text = open("README.md").read()
a = text.index("<!-- bench:begin -->")
b = text.index("<!-- bench:end -->")
block = text[a:b]
i = next(k for k, c in enumerate(block) if c.isdigit() and block[k - 1] == "[")  # a range's lower end
edited = block[:i] + str((int(block[i]) + 1) % 10) + block[i + 1:]
open(sys.argv[1], "w").write(text[:a] + edited + text[b:])
PY
check "a hand-edited figure in the table fails the check" \
  '! python3 bench/bench.py check bench/results.json $t/README.md 2>/dev/null'

# a small run of the large-statement row: 7 pairs, grantcheck and xmlwf interleaved
if command -v xmlwf > /dev/null; then
  BENCH_DIR=$t/b BENCH_LINES=2000 BENCH_SMALL=7 BENCH_REGISTER=40 \
    python3 bench/bench.py run "$gc" --pairs 7 --only large --out "$t/r.json" > "$t/table" 2> "$t/err"
  check "the driver measures a row" '[ -s $t/r.json ] && grep -q "^| .grantcheck check., one large statement |" $t/table'
  check "7 pairs, the order alternating (ours, peer, peer, ours, ...)" "python3 - '$t/r.json' <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
row = r['rows'][0]
assert r['pairs'] == 7 and [x['id'] for x in r['rows']] == ['large'], r['rows']
order = sorted([(x['seq'], 'o') for x in row['runs']['ours']] + [(x['seq'], 'p') for x in row['runs']['peer']])
assert ''.join(s for _, s in order) == 'op' + 'po' + 'op' + 'po' + 'op' + 'po' + 'op', order
assert all(x['cpu'] > 0 and x['wall'] > 0 for x in row['runs']['ours'] + row['runs']['peer'])
assert row['runs']['rss_kib'] > 0 or not __import__('os').path.exists('/usr/bin/time')
PY"
  check "the table shows the median and range of the ratios" \
    'grep -Eq "\*\*wall [0-9.]+ \[[0-9.]+–[0-9.]+\], CPU [0-9.]+ \[[0-9.]+–[0-9.]+\]\*\* × .xmlwf -r." $t/table'
  printf 'before\n<!-- bench:begin -->\nold\n<!-- bench:end -->\nafter\n' > "$t/R.md"
  python3 bench/bench.py readme "$t/r.json" "$t/R.md"
  check "readme writes the table between the markers, and check accepts it" \
    'python3 bench/bench.py check $t/r.json $t/R.md && head -1 $t/R.md | grep -qx before && tail -1 $t/R.md | grep -qx after && ! grep -qx old $t/R.md'
else
  bad "xmlwf not found (package expat; make deps installs it)"
fi
