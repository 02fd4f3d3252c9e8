#!/usr/bin/env bash
# Rule folder entries (issue 10 class 5): a rule file or data file that
# cannot be read as a regular file (dangling symlink, FIFO, symlink loop,
# device, folder named A1.sql, no read permission) is exit 2 naming it,
# within seconds (a FIFO must not hang the tool), never a skipped rule: with
# A1.sql skipped, a statement whose lines do not add up would pass as valid.
# A UTF-8 BOM at the start of a rule file or .tsv file is accepted.
# Prints "ok WHAT" or "FAIL WHAT" per check.
. "$(dirname "$0")/lib.sh" "$@"
wrap=${GRANTCHECK_WRAP:-}
T="--today 2026-11-22 --lang en"
bad_sum=samples/invalid/A1-sum-mismatch.xml

fresh() { # a copy of the shipped rule set in $t/r
  rm -rf "$t/r"
  mkdir -p "$t/r"
  cp -r rules/rcc-2013-2015 "$t/r/"
  set_dir=$t/r/rcc-2013-2015
}

# refused WHAT ENTRY: check and register must stop with exit 2 naming ENTRY
refused() {
  local what=$1 entry=$2 cmd st
  for cmd in check register; do
    if [ "$cmd" = register ]; then
      set -- register --db "$t/reg.db"
    else
      set -- check
    fi
    timeout 60 $wrap "$gc" "$@" --rules "$t/r" $T "$bad_sum" > "$t/out" 2> "$t/err"
    st=$?
    if [ "$st" -eq 2 ] && grep -q "$entry" "$t/err" && grep -q "not a regular file\|symbolic link\|cannot read" "$t/err"; then
      ok "$what: $cmd exits 2 naming $(basename "$entry")"
    else
      bad "$what: $cmd exit $st (want 2 naming $entry)"
      head -c 400 "$t/err" "$t/out" | sed 's/^/    /'
    fi
  done
  if [ -e "$t/reg.db" ] && [ "$(python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("select count(*) from sqlite_master where name=\"submission\"").fetchone()[0] and sqlite3.connect(sys.argv[1]).execute("select count(*) from submission").fetchone()[0])' "$t/reg.db" 2>/dev/null)" != "0" ]; then
    bad "$what: register recorded a statement"
  fi
  rm -f "$t/reg.db" "$t/reg.db"-*
}

fresh
a1=$set_dir/A1.sql
mv "$a1" "$t/A1.sql.real"
ln -s "$t/does-not-exist.sql" "$a1"
refused "A1.sql a dangling symlink" "A1.sql"

fresh
a1=$set_dir/A1.sql
rm "$a1"
ln -s A1.sql "$a1"
refused "A1.sql a symlink loop" "A1.sql"

fresh
a1=$set_dir/A1.sql
rm "$a1"
mkfifo "$a1"
refused "A1.sql a FIFO (no hang)" "A1.sql"

fresh
a1=$set_dir/A1.sql
rm "$a1"
ln -s /dev/zero "$a1"
refused "A1.sql a device (/dev/zero)" "A1.sql"

fresh
a1=$set_dir/A1.sql
rm "$a1"
mkdir "$a1"
refused "A1.sql a folder" "A1.sql"

fresh
rm "$set_dir/years.tsv"
mkfifo "$set_dir/years.tsv"
refused "years.tsv a FIFO (no hang)" "years.tsv"

fresh
ln -s "$t/nothing.tsv" "$set_dir/notes.tsv"
refused "an extra .tsv a dangling symlink" "notes.tsv"

fresh
rm "$set_dir/programme.tsv"
ln -s "$t/nothing.tsv" "$set_dir/programme.tsv"
refused "programme.tsv a dangling symlink (the folder is not ignored)" "programme.tsv"

if [ "$(id -u)" -ne 0 ]; then
  fresh
  chmod 000 "$set_dir/A1.sql"
  refused "A1.sql without read permission" "A1.sql"
  chmod 644 "$set_dir/A1.sql"
else
  ok "A1.sql without read permission: not testable as root (skipped)"
fi

# a UTF-8 BOM at the start of a rule file and of every .tsv is accepted, and
# the rule still runs: the wrong sum is found
fresh
for f in "$set_dir"/A1.sql "$set_dir"/*.tsv; do
  { printf '\357\273\277'; cat "$f"; } > "$t/bom" && mv "$t/bom" "$f"
done
timeout 60 $wrap "$gc" check --rules "$t/r" $T "$bad_sum" > "$t/out" 2> "$t/err"
st=$?
if [ "$st" -eq 1 ] && grep -q '\[A1\]' "$t/out"; then
  ok "BOM in A1.sql and the .tsv files accepted; A1 still fires"
else
  bad "BOM: exit $st"
  head -c 400 "$t/err" | sed 's/^/    /'
fi

# the overflow rule named in programme.tsv must exist: checked at load
fresh
rm "$set_dir/A6.sql"
timeout 60 $wrap "$gc" check --rules "$t/r" $T samples/valid/norr-2013.xml > "$t/out" 2> "$t/err"
st=$?
if [ "$st" -eq 2 ] && grep -q 'programme.tsv: overflow_rule names A6' "$t/err"; then
  ok "programme.tsv overflow_rule naming a missing rule: exit 2 at load"
else
  bad "overflow_rule without its rule: exit $st"
  head -c 400 "$t/err" | sed 's/^/    /'
fi

# fix.sv/fix.en in a rule header are shown by explain; without them explain
# prints what it always printed
fresh
# the shipped A1 has fix.* keys: take them out (with their continuation lines) first
python3 - "$set_dir/A1.sql" <<'PY'
import re, sys
p = sys.argv[1]
s = open(p, encoding="utf-8").read()
open(p, "w", encoding="utf-8").write(re.sub(r"^-- fix\.(sv|en):.*\n(?:--   .*\n)*", "", s, flags=re.M))
PY
timeout 60 $wrap "$gc" explain --rules "$t/r" A1 > "$t/before" 2>&1
{ head -1 "$set_dir/A1.sql"
  printf -- '-- fix.sv: Rätta raderna\n--   eller totalen\n-- fix.en: Correct the lines\n--   or the total\n'
  tail -n +2 "$set_dir/A1.sql"; } > "$t/A1" && mv "$t/A1" "$set_dir/A1.sql"
timeout 60 $wrap "$gc" explain --rules "$t/r" A1 > "$t/after" 2>&1
if grep -qx 'Så rättar du: Rätta raderna eller totalen' "$t/after" && grep -qx 'How to fix: Correct the lines or the total' "$t/after" &&
   [ "$(grep -v 'Så rättar du:\|How to fix:\|^$' "$t/after")" = "$(grep -v '^$' "$t/before")" ] && ! grep -q 'rättar\|How to fix' "$t/before"; then
  ok "explain shows fix.sv/fix.en when the header has them, and only then"
else
  bad "explain with fix.sv/fix.en"
  sed 's/^/    /' "$t/after"
fi
