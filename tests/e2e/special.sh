#!/usr/bin/env bash
# Files that never end or never open (issue 10, class 2): /dev/zero, a FIFO
# named a.xml in a folder, a.xml linked to /dev/urandom, a socket. Each must
# be refused at once with X1 "not a regular file" naming its kind, in Swedish
# and English, while the rest of the batch is checked; standard input given
# as "-" is read. Every command runs under `timeout`, so a hang is a FAIL.
# Prints "ok WHAT" or "FAIL WHAT" per check.
. "$(dirname "$0")/lib.sh" "$@"
R="--rules rules --today 2026-11-22"
refused() { # NAME EXPECTED-GREP LANG ARGS...: ok when it ends in 10 s with exit 1 and the text
  local name=$1 want=$2 lang=$3
  shift 3
  timeout 10 "$gc" check $R --lang "$lang" "$@" > "$t/out" 2> "$t/err" < /dev/null; local st=$?
  if [ $st -eq 124 ]; then bad "$name: still running after 10 s"; return; fi
  if [ $st -eq 1 ] && grep -q -- "$want" "$t/out" && [ ! -s "$t/err" ]; then
    ok "$name"
  else
    bad "$name: exit $st"; sed 's/^/    /' "$t/out" "$t/err" | head -8
  fi
}
mkdir "$t/dir"
cp samples/valid/sydost-2014.xml samples/valid/norr-2013.xml "$t/dir/"
mkfifo "$t/dir/a.xml"
ln -s /dev/urandom "$t/dir/u.xml"
refused "/dev/zero is refused (en)" "/dev/zero: error\[X1\]: The path is a character device, not a regular file" en /dev/zero
refused "/dev/zero is refused (sv)" "/dev/zero: error\[X1\]: Sökvägen är en teckenenhet" sv /dev/zero
refused "a FIFO named a.xml in a folder is refused" "a.xml: error\[X1\]: The path is a FIFO (named pipe), not a regular file" en "$t/dir"
refused "a.xml -> /dev/urandom is refused" "u.xml: error\[X1\]: The path is a character device" en "$t/dir"
refused "the rest of the folder is checked" "Total: 4 files: 2 valid, 2 invalid" en "$t/dir"
refused "a FIFO given by name (sv)" "error\[X1\]: Sökvägen är en FIFO (namngiven pipe), inte en vanlig fil" sv "$t/dir/a.xml"
if python3 -c 'import socket,sys; s=socket.socket(socket.AF_UNIX); s.bind(sys.argv[1])' "$t/s.xml" 2>/dev/null; then
  refused "a socket is refused" "s.xml: error\[X1\]: The path is a socket" en "$t/s.xml" samples/valid/norr-2013.xml
else
  ok "a socket (skipped: cannot bind a Unix socket here)"
fi
# standard input as "-": a pipe, read to its end
timeout 10 "$gc" check $R --lang en - < samples/valid/norr-2013.xml > "$t/out" 2>&1; st=$?
if [ $st -eq 0 ] && grep -q '^-: valid' "$t/out"; then ok "- reads standard input"; else bad "- reads standard input: exit $st"; cat "$t/out"; fi
cat samples/invalid/A1-sum-mismatch.xml | timeout 10 "$gc" check $R --lang en - > "$t/out" 2>&1; st=$?
if [ $st -eq 1 ] && grep -q 'error\[A1\]' "$t/out"; then ok "- reads a pipe on standard input"; else bad "- from a pipe: exit $st"; cat "$t/out"; fi
# register refuses it too and records nothing that hangs
timeout 10 "$gc" register --db "$t/r.db" $R --lang en "$t/dir" > "$t/out" 2>&1; st=$?
if [ $st -ne 124 ] && grep -q 'a.xml: error\[X1\]' "$t/out"; then ok "register refuses a FIFO without waiting"; else bad "register on a FIFO: exit $st"; cat "$t/out"; fi
