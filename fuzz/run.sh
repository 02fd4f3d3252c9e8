#!/usr/bin/env bash
# Runs libFuzzer targets one after another (the machine has two cores and
# others need one):   fuzz/run.sh SECONDS build-fuzz/fuzz_statement ...
#
# Each target starts from a temporary copy of its seeds: fuzz/corpus/TARGET/,
# fuzz/regressions/TARGET/ (every crasher found so far) and the project's own
# inputs (samples/ and tests/golden/inputs/ under 64 KiB for fuzz_statement;
# the rule set files for fuzz_rules), with the dictionary fuzz/TARGET.dict.
# Prints per target: executions, coverage (cov = edges, ft = features), the
# corpus size and peak memory from libFuzzer's final statistics.
# Exit status: 0 when no target crashed; 1 when one did (the crashing input
# is copied to build-fuzz/crashes/TARGET/: minimise it, fix the bug and keep
# it in fuzz/regressions/TARGET/); 2 on bad usage.
#
#   FUZZ_CORPUS_DIR=DIR   keep the growing corpus in DIR/TARGET between runs
#                         (default: a temporary folder, removed afterwards)
#   FUZZ_ARGS="..."       extra libFuzzer options
set -u
secs=${1:?usage: fuzz/run.sh SECONDS FUZZ-BINARY...}
shift
[ $# -gt 0 ] || { echo "usage: fuzz/run.sh SECONDS FUZZ-BINARY..." >&2; exit 2; }
bins=()
for b in "$@"; do bins+=("$(cd "$(dirname "$b")" && pwd)/$(basename "$b")"); done
cd "$(dirname "$0")/.." || exit 2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0
for bin in "${bins[@]}"; do
  name=$(basename "$bin")
  [ -x "$bin" ] || { echo "$name: not built ($bin)"; status=2; continue; }
  if [ -n "${FUZZ_CORPUS_DIR:-}" ]; then corpus=$FUZZ_CORPUS_DIR/$name; else corpus=$tmp/corpus-$name; fi
  mkdir -p "$corpus" "$tmp/art-$name"
  for d in "fuzz/corpus/$name" "fuzz/regressions/$name"; do
    [ -d "$d" ] && find "$d" -maxdepth 1 -type f ! -name 'README*' -exec cp -n {} "$corpus/" \;
  done
  case $name in
    # (not the 6 MB A6 sample: libFuzzer would make every input that long)
    fuzz_statement) find samples tests/golden/inputs -name '*.xml' -size -64k -exec cp -n {} "$corpus/" \; ;;
    fuzz_rules) for f in rules/*/*.sql rules/*/*.tsv; do cp -n "$f" "$corpus/$(basename "$(dirname "$f")")-$(basename "$f")"; done ;;
  esac
  dict=()
  [ -f "fuzz/$name.dict" ] && dict=("-dict=fuzz/$name.dict")
  echo "== $name: $secs s from $(find "$corpus" -type f | wc -l) seeds"
  # -timeout: a rule the sandbox stops takes up to its 5 s time limit per statement
  "$bin" "$corpus" "${dict[@]}" -max_total_time="$secs" -print_final_stats=1 -timeout=30 \
    -rss_limit_mb=2048 -artifact_prefix="$tmp/art-$name/" ${FUZZ_ARGS:-} > "$tmp/log-$name" 2>&1
  rc=$?
  done_line=$(grep -E '^#[0-9]+[[:space:]]+(DONE|INITED|pulse|NEW|REDUCE)' "$tmp/log-$name" | tail -1)
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$tmp/log-$name")
  rss=$(sed -n 's/^stat::peak_rss_mb: *//p' "$tmp/log-$name")
  cov=$(printf '%s\n' "$done_line" | sed -n 's/.*cov: \([0-9]*\).*/\1/p')
  ft=$(printf '%s\n' "$done_line" | sed -n 's/.*ft: \([0-9]*\).*/\1/p')
  corp=$(printf '%s\n' "$done_line" | sed -n 's/.*corp: \([^ ]*\).*/\1/p')
  echo "$name: executions ${execs:-?}, cov ${cov:-?}, ft ${ft:-?}, corpus ${corp:-?}, peak RSS ${rss:-?} MB, exit $rc"
  crashes=$(find "$tmp/art-$name" -type f | wc -l)
  if [ "$rc" -ne 0 ] || [ "$crashes" -gt 0 ]; then
    status=1
    mkdir -p "build-fuzz/crashes/$name"
    cp "$tmp/art-$name"/* "build-fuzz/crashes/$name/" 2>/dev/null
    echo "$name: CRASH ($crashes input(s) kept in build-fuzz/crashes/$name/); the report:"
    grep -E -A30 '^==[0-9]+==ERROR|runtime error|^SUMMARY|deadly signal|fuzz target exited|ALARM|out-of-memory' \
      "$tmp/log-$name" | head -60
  fi
done
exit $status
