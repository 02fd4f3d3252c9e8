#!/usr/bin/env bash
# tests/e2e/web_defences.sh GC - the defences of `grantcheck serve` (headers,
# Host check, CSRF, 413, malformed HTTP, truncated multipart, 500 idle
# connections, users and roles, the kill mid-registration): the checks are
# in web_defences.py (Debian's python3), one ok/FAIL line each.
. "$(dirname "$0")/lib.sh" "$@"
relay_py tests/e2e/web_defences.py "$gc" "$t"
