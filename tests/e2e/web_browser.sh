#!/usr/bin/env bash
# tests/e2e/web_browser.sh GC - `grantcheck serve` in headless Chromium with
# Selenium (web_browser.py). Screenshots go to $WEB_SHOTS (default
# build/web-shots), kept after the run to be looked at.
. "$(dirname "$0")/lib.sh" "$@"
shots=${WEB_SHOTS:-$PWD/build/web-shots}
mkdir -p "$shots"
relay_py tests/e2e/web_browser.py "$gc" "$shots"
