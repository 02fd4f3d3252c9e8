#!/usr/bin/env bash
# Golden end-to-end tests (in the manner of jq's): every
# tests/golden/cases/PROGRAMME/NAME.cmd (one folder per rule set under rules/)
# holds one grantcheck command line per line (arguments only, run from the
# repository root); NAME.out holds the expected standard output and standard
# error of each command followed by "[exit N]". $T in a command is a fresh
# temporary folder for the case (for registers); it reads "$T" in outputs.
#
#   tests/golden.sh build/grantcheck            run all cases
#   GOLDEN_BLESS=1 tests/golden.sh build/...    rewrite the .out files (review the diff!)
#   GRANTCHECK_WRAP="valgrind ..."              run each command under a wrapper
set -u
gc=${1:?usage: tests/golden.sh path/to/grantcheck}
cd "$(dirname "$0")/.." || exit 2
export NO_COLOR=1 LC_ALL=C LANG=C
unset GRANTCHECK_RULES GRANTCHECK_DB
pass=0 fail=0 failed=()
for cmd in tests/golden/cases/*/*.cmd; do
  name=${cmd#tests/golden/cases/}
  name=${name%.cmd}
  expected=${cmd%.cmd}.out
  T=$(mktemp -d)   # a fresh folder per case (registers); shown as $T in outputs
  actual=$(
    while IFS= read -r line || [ -n "$line" ]; do
      [ -z "$line" ] && continue
      case $line in \#*) continue ;; esac
      eval "set -- $line"
      ${GRANTCHECK_WRAP:-} "$gc" "$@" 2>&1
      echo "[exit $?]"
    done < "$cmd"
  )
  actual=${actual//$T/\$T}
  rm -rf "$T"
  if [ -n "${GOLDEN_BLESS:-}" ]; then
    printf '%s\n' "$actual" > "$expected"
  fi
  if [ -f "$expected" ] && [ "$actual" = "$(cat "$expected")" ]; then
    pass=$((pass + 1))
  else
    fail=$((fail + 1))
    failed+=("$name")
    echo "FAIL $name"
    diff -u "$expected" <(printf '%s\n' "$actual") | head -40
  fi
done
echo "golden: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
