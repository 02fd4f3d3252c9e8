# tests/e2e/lib.sh - the shared preamble of the scenario scripts, sourced as
#
#   . "$(dirname "$0")/lib.sh" "$@"
#
# It takes the grantcheck path from the first argument (made absolute and
# exported as $gc; scripts that need no binary set E2E_NO_BINARY=1 first),
# runs from the repository root, sets set -u, the C locale and NO_COLOR,
# clears GRANTCHECK_RULES and GRANTCHECK_DB, makes a temporary folder $t
# removed on exit (a script with more to undo defines e2e_cleanup, called
# first), and gives the helpers:
#
#   check WHAT 'SHELL TEST'   "ok WHAT" if the test (eval'd) succeeds, else
#                             "FAIL WHAT" (and the head of $t/err if any)
#   expect WHAT CMD ARGS...   "ok WHAT" if the command (not eval'd) succeeds,
#                             else "FAIL WHAT"
#   ok WHAT / bad WHAT        report one check directly
#   q DB SQL                  query a register with Python's sqlite3, rows as a|b
#                             (committed, so SQL may also change the register;
#                             the system python3 when there is one: a version
#                             manager's shim can take seconds to start)
#   measure OUT ERR CMD...    runs CMD (standard output to OUT, error to ERR)
#                             and sets st (its status), secs (user + system CPU
#                             seconds, not wall time: a busy machine must not
#                             fail a limit) and kb (peak resident memory)
#   e2e_summary               "NAME: N passed, N failed" (called on exit; the
#                             script then exits 1 if a check failed)
#
# Every check prints one "ok ..." or "FAIL ..." line: tests/e2e.sh counts them.
set -u
export NO_COLOR=1 LC_ALL=C LANG=C
unset GRANTCHECK_RULES GRANTCHECK_DB GRANTCHECK_FAULT
e2e_name=$(basename "$0" .sh)
if [ -z "${E2E_NO_BINARY:-}" ]; then
  gc=${1:?usage: $0 path/to/grantcheck}
  case $gc in /*) ;; *) gc=$(cd "$(dirname "$gc")" && pwd)/$(basename "$gc") ;; esac
  export gc
fi
cd "$(dirname "${BASH_SOURCE[0]}")/../.." || exit 2
e2e_pass=0 e2e_fail=0
ok() { e2e_pass=$((e2e_pass + 1)); echo "ok $*"; }
bad() { e2e_fail=$((e2e_fail + 1)); echo "FAIL $*"; }
check() {
  if eval "$2"; then
    ok "$1"
  else
    bad "$1"
    [ -s "$t/err" ] && head -c 400 "$t/err" | awk '{ print "    stderr: " $0 }' # a line each, the last one ended too
  fi
  return 0
}
expect() {
  local what=$1
  shift
  if "$@"; then ok "$what"; else bad "$what"; fi
  return 0
}
e2e_py=$(command -v /usr/bin/python3 || command -v python3)
q() { "$e2e_py" -c 'import sqlite3,sys; c=sqlite3.connect(sys.argv[1]); print("\n".join("|".join(map(str,r)) for r in c.execute(sys.argv[2]))); c.commit()' "$@"; }
measure() {
  local out=$1 err=$2
  shift 2
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -f '%U %S %M' -o "$t/rusage" "$@" > "$out" 2> "$err"
    st=$?
    # user + system seconds (the last line; "Command terminated by signal" may precede it)
    tail -1 "$t/rusage" | awk '$1 ~ /^[0-9]/ { printf "%.2f %d\n", $1 + $2, $3; next } { print }' > "$t/rusage.cpu"
    mv "$t/rusage.cpu" "$t/rusage"
  else
    "$e2e_py" -c 'import resource,subprocess,sys
rc=subprocess.call(sys.argv[2:]); ru=resource.getrusage(resource.RUSAGE_CHILDREN)
open(sys.argv[1],"w").write("%.2f %d\n" % (ru.ru_utime + ru.ru_stime, ru.ru_maxrss))
sys.exit(rc if rc >= 0 else 128-rc)' "$t/rusage" "$@" > "$out" 2> "$err"
    st=$?
  fi
  read -r secs kb < <(tail -1 "$t/rusage")
  case $secs in [0-9]*) ;; *) secs=999 kb=999999999 ;; esac # "Command terminated by signal"
}
e2e_summary() { echo "$e2e_name: $e2e_pass passed, $e2e_fail failed"; }
t=$(mktemp -d) || exit 2
e2e_exit() {
  local st=$?
  if declare -F e2e_cleanup > /dev/null; then e2e_cleanup; fi
  chmod -R u+rwX "$t" 2>/dev/null
  rm -rf "$t"
  e2e_summary
  [ "$e2e_fail" -eq 0 ] || [ "$st" -ne 0 ] || st=1
  exit $st
}
trap e2e_exit EXIT

# relay_py SCRIPT ARGS...: runs a Python check script (Debian's python3, 600 s
# at most) whose lines are "ok ...", "FAIL ..." or "skip ..." and counts them;
# a non-zero exit of the script (a traceback) is a failure; other lines are
# shown indented.
relay_py() {
  local py=/usr/bin/python3 line
  [ -x "$py" ] || py=python3
  while IFS= read -r line; do
    case $line in
      ok\ *) ok "${line#ok }" ;;
      FAIL\ *) bad "${line#FAIL }" ;;
      exit\ 0) ;;
      exit\ *) bad "the Python script ended with ${line} (a traceback above?)" ;;
      skip\ *) echo "$line"; ok "${line}" ;;
      *) echo "    $line" ;;
    esac
  done < <(timeout 600 "$py" "$@" 2>&1; echo "exit $?")
}

# openpyxl_py: prints a python3 that has openpyxl (Debian's python3-openpyxl;
# a python3 earlier on PATH, pyenv or venv, may not have it), or nothing.
openpyxl_py() {
  local p
  for p in python3 /usr/bin/python3; do
    if command -v "$p" >/dev/null && "$p" -c 'import openpyxl' 2>/dev/null; then echo "$p"; return; fi
  done
}
# need_openpyxl: sets py to such a python3, or counts a failure and ends the
# script (its read-back checks cannot run).
need_openpyxl() {
  py=$(openpyxl_py)
  check "python3 with openpyxl is available (apt-get install python3-openpyxl)" '[ -n "$py" ]'
  [ -n "$py" ] || exit 0
}
