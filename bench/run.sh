#!/usr/bin/env bash
# make bench: grantcheck against expat's raw parse, and the performance targets.
#
#   bench/run.sh path/to/grantcheck
#
# Generates its inputs deterministically next to the binary (build/bench/;
# nothing large is committed), runs every measurement BENCH_RUNS times
# (default 5) and prints one markdown table of medians:
#   - one statement of BENCH_LINES (300 000) expense lines (~20 MB):
#     xmlwf -r (the raw parse floor), xmllint --stream --schema (structure
#     only), grantcheck check, their per-round ratios, grantcheck's peak RSS;
#   - BENCH_SMALL (2000) small statements checked in one call;
#   - registers of BENCH_REGISTER (1000) statements (registered once, as
#     setup), then grantcheck summary -o on each: one of the real programme
#     (18 current statements, the rest history), one of a synthetic
#     programme of 20 RCCs where all 1000 are current.
# A benchmark is not a test: this script fails only when it cannot measure
# (a missing input tool, a generator failure), never because of a time.
set -u
gc=${1:?usage: bench/run.sh path/to/grantcheck}
[ -x "$gc" ] || { echo "bench: $gc is not an executable; run make first" >&2; exit 2; }
gc=$(cd "$(dirname "$gc")" && pwd)/$(basename "$gc")
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
runs=${BENCH_RUNS:-5}
lines=${BENCH_LINES:-300000}
nsmall=${BENCH_SMALL:-2000}
nreg=${BENCH_REGISTER:-1000}
today=2026-11-22 # fixed: the same findings on every day
work=${BENCH_DIR:-$(dirname "$gc")/bench}
export LC_ALL=C LANG=C NO_COLOR=1
unset GRANTCHECK_RULES GRANTCHECK_DB

command -v python3 >/dev/null || { echo "bench: python3 is needed (make deps)" >&2; exit 2; }
for t in xmlwf xmllint; do
  command -v $t >/dev/null || echo "bench: $t not found (make deps installs it); its rows show n/a" >&2
done
mkdir -p "$work" || exit 2

# -- inputs: regenerated only when the generator or the sizes change
stamp="gen=$(cksum < "$here/gen.py" | cut -d' ' -f1) samples=$(cat "$root"/samples/valid/*.xml | cksum | cut -d' ' -f1) rules=$(cat "$root"/rules/rcc-2013-2015/* | cksum | cut -d' ' -f1) $lines $nsmall $nreg"
if [ "$(cat "$work/inputs.stamp" 2>/dev/null)" != "$stamp" ]; then
  echo "bench: generating inputs in $work ..." >&2
  rm -rf "$work/large.xml" "$work/small" "$work/register" "$work/wide" "$work/rules-wide" "$work/inputs.stamp"
  python3 "$here/gen.py" large "$lines" "$work/large.xml" &&
    python3 "$here/gen.py" small "$nsmall" "$work/small" "$root/samples/valid" &&
    python3 "$here/gen.py" small "$nreg" "$work/register" "$root/samples/valid" &&
    python3 "$here/gen.py" wide "$nreg" "$work/wide" "$work/rules-wide" "$root/rules/rcc-2013-2015" \
      "$root/samples/valid/norr-2013.xml" ||
    { echo "bench: generating the inputs failed" >&2; exit 2; }
  echo "$stamp" > "$work/inputs.stamp"
fi
large=$work/large.xml
# the inputs must be valid statements, or the figures would measure error paths
"$gc" check --today $today --rules "$root/rules" "$large" > /dev/null ||
  { echo "bench: the generated large statement is not valid (see: $gc check $large)" >&2; exit 2; }

results=$work/results.tsv facts=$work/facts.txt
: > "$results"
T() { python3 "$here/timing.py" run "$results" "$@"; }
schema=$root/schema/statement-v1.xsd
CHECK=("$gc" check --today $today --rules "$root/rules")

# warm the page cache once (not measured)
cat "$large" "$work"/small/*.xml > /dev/null

echo "bench: $runs rounds ..." >&2
for r in $(seq 1 "$runs"); do
  command -v xmlwf >/dev/null && T xmlwf "$r" -- xmlwf -r "$large"
  command -v xmllint >/dev/null && T xmllint "$r" -- xmllint --noout --stream --schema "$schema" "$large"
  T check-large "$r" -- "${CHECK[@]}" "$large"
  T check-small "$r" -- "${CHECK[@]}" "$work/small"
done

# the registers: each set up once (timed), then the summary on it. The real
# programme has 6 RCCs x 3 years, so 1000 submissions leave 18 current ones;
# the synthetic programme bench-wide (gen.py wide) has all 1000 current.
summary=available
for suffix in "" -wide; do
  db=$work/register$suffix.db
  if [ -z "$suffix" ]; then rules=$root/rules inputs=$work/register; else rules=$work/rules-wide inputs=$work/wide; fi
  rm -f "$db" "$db-wal" "$db-shm"
  T "register$suffix" 1 -- "$gc" register --db "$db" --today $today --rules "$rules" "$inputs"
  SUMMARY=("$gc" summary --db "$db" --rules "$rules" -o "$work/summary$suffix.xlsx")
  if "${SUMMARY[@]}" > /dev/null 2> "$work/summary.err"; then
    for r in $(seq 1 "$runs"); do
      T "summary$suffix" "$r" -- "${SUMMARY[@]}"
    done
  elif grep -qi "not yet available\|unknown command" "$work/summary.err"; then
    summary=unavailable
  else
    summary=failed
    echo "bench: grantcheck summary failed: $(head -1 "$work/summary.err")" >&2
    T "summary$suffix" 1 -- "${SUMMARY[@]}"
  fi
done

{
  echo "large_bytes=$(wc -c < "$large")"
  echo "large_lines=$lines"
  echo "small_files=$nsmall"
  echo "small_bytes=$(cat "$work"/small/*.xml | wc -c)"
  echo "register_files=$nreg"
  echo "summary=$summary"
  echo "nproc=$(nproc 2>/dev/null || echo '?')"
  echo "cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2>/dev/null | head -1)"
  echo "os=$(. /etc/os-release 2>/dev/null && echo "$PRETTY_NAME"), $(uname -r)"
} > "$facts"
python3 "$here/timing.py" report "$results" "$facts"
