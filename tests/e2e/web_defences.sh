#!/usr/bin/env bash
# tests/e2e/web_defences.sh GC - the defences of `grantcheck serve` (headers,
# Host check, CSRF, 413, malformed HTTP, truncated multipart, 500 idle
# connections, users and roles, the kill mid-registration): the checks are
# in web_defences.py (Debian's python3), one ok/FAIL line each.
. "$(dirname "$0")/lib.sh" "$@"
py=/usr/bin/python3
[ -x "$py" ] || py=python3
while IFS= read -r line; do
  case $line in
    ok\ *) ok "${line#ok }" ;;
    FAIL\ *) bad "${line#FAIL }" ;;
    exit\ 0) ;;
    exit\ *) bad "the Python script ended with ${line} (a traceback above?)" ;;
    *) echo "    $line" ;;
  esac
done < <(timeout 600 "$py" tests/e2e/web_defences.py "$gc" "$t" 2>&1; echo "exit $?")
