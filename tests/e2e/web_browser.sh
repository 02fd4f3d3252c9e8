#!/usr/bin/env bash
# tests/e2e/web_browser.sh GC - `grantcheck serve` in headless Chromium with
# Selenium (web_browser.py). Screenshots go to $WEB_SHOTS (default
# build/web-shots), kept after the run to be looked at.
. "$(dirname "$0")/lib.sh" "$@"
shots=${WEB_SHOTS:-$PWD/build/web-shots}
mkdir -p "$shots"
py=/usr/bin/python3
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
done < <(timeout 600 "$py" tests/e2e/web_browser.py "$gc" "$shots" 2>&1; echo "exit $?")
