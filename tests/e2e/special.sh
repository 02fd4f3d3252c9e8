#!/usr/bin/env bash
# Files that never end or never open (issue 10, class 2): /dev/zero, a FIFO
# named a.xml in a folder, a.xml linked to /dev/urandom, a socket. Each must
# be refused at once with X1 "not a regular file" naming its kind, in Swedish
# and English, while the rest of the batch is checked; standard input given
# as "-" is read. Every command runs under `timeout`, so a hang is a FAIL.
# Prints "ok WHAT" or "FAIL WHAT" per check.
set -u
gc=${1:?usage: special.sh path/to/grantcheck}
cd "$(dirname "$0")/../.." || exit 2
export NO_COLOR=1 LC_ALL=C LANG=C
unset GRANTCHECK_RULES GRANTCHECK_DB
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
R="--rules rules --today 2026-11-22"
check() { # NAME EXPECTED-GREP LANG ARGS...: ok when it ends in 10 s with exit 1 and the text
  local name=$1 want=$2 lang=$3
  shift 3
  timeout 10 "$gc" check $R --lang "$lang" "$@" > "$t/out" 2> "$t/err" < /dev/null; local st=$?
  if [ $st -eq 124 ]; then echo "FAIL $name: still running after 10 s"; return; fi
  if [ $st -eq 1 ] && grep -q -- "$want" "$t/out" && [ ! -s "$t/err" ]; then
    echo "ok $name"
  else
    echo "FAIL $name: exit $st"; sed 's/^/    /' "$t/out" "$t/err" | head -8
  fi
}
mkdir "$t/dir"
cp samples/valid/sydost-2014.xml samples/valid/norr-2013.xml "$t/dir/"
mkfifo "$t/dir/a.xml"
ln -s /dev/urandom "$t/dir/u.xml"
check "/dev/zero is refused (en)" "/dev/zero: error\[X1\]: The path is a character device, not a regular file" en /dev/zero
check "/dev/zero is refused (sv)" "/dev/zero: error\[X1\]: Sökvägen är en teckenenhet" sv /dev/zero
check "a FIFO named a.xml in a folder is refused" "a.xml: error\[X1\]: The path is a FIFO (named pipe), not a regular file" en "$t/dir"
check "a.xml -> /dev/urandom is refused" "u.xml: error\[X1\]: The path is a character device" en "$t/dir"
check "the rest of the folder is checked" "Total: 4 files: 2 valid, 2 invalid" en "$t/dir"
check "a FIFO given by name (sv)" "error\[X1\]: Sökvägen är en FIFO (namngiven pipe), inte en vanlig fil" sv "$t/dir/a.xml"
if python3 -c 'import socket,sys; s=socket.socket(socket.AF_UNIX); s.bind(sys.argv[1])' "$t/s.xml" 2>/dev/null; then
  check "a socket is refused" "s.xml: error\[X1\]: The path is a socket" en "$t/s.xml" samples/valid/norr-2013.xml
else
  echo "ok a socket (skipped: cannot bind a Unix socket here)"
fi
# standard input as "-": a pipe, read to its end
timeout 10 "$gc" check $R --lang en - < samples/valid/norr-2013.xml > "$t/out" 2>&1; st=$?
if [ $st -eq 0 ] && grep -q '^-: valid' "$t/out"; then echo "ok - reads standard input"; else echo "FAIL - reads standard input: exit $st"; cat "$t/out"; fi
cat samples/invalid/A1-sum-mismatch.xml | timeout 10 "$gc" check $R --lang en - > "$t/out" 2>&1; st=$?
if [ $st -eq 1 ] && grep -q 'error\[A1\]' "$t/out"; then echo "ok - reads a pipe on standard input"; else echo "FAIL - from a pipe: exit $st"; cat "$t/out"; fi
# register refuses it too and records nothing that hangs
timeout 10 "$gc" register --db "$t/r.db" $R --lang en "$t/dir" > "$t/out" 2>&1; st=$?
if [ $st -ne 124 ] && grep -q 'a.xml: error\[X1\]' "$t/out"; then echo "ok register refuses a FIFO without waiting"; else echo "FAIL register on a FIFO: exit $st"; cat "$t/out"; fi
