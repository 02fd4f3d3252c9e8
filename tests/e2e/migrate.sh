#!/usr/bin/env bash
# The register's schema migration 1 -> 2 on a register made by the previous
# release (tests/fixtures/register-v1.db, made by tests/fixtures/make-v1-register.sh):
# reading never migrates; the first write migrates in one transaction and
# `list` then shows the same rows (the unreadable file in its own section);
# a kill -9 inside the migration (fault point "migrate") leaves version 1
# intact, and the next run migrates. Prints "ok WHAT" or "FAIL WHAT" per check.
. "$(dirname "$0")/lib.sh" "$@"
R="--today 2026-11-22 --rules rules"
v1=tests/fixtures/register-v1.db

# -- reading a version-1 register never changes it
cp "$v1" "$t/a.db"
"$gc" list --db "$t/a.db" $R > "$t/o" 2> "$t/e"; st=$?
check "list on a version-1 register: exit 2, says how to upgrade" '[ $st -eq 2 ] && grep -q "schema version 1" "$t/e" && grep -q "upgrade it once" "$t/e"'
check "list left the version-1 register as it was" 'cmp -s "$v1" "$t/a.db"'

# -- the first write migrates (a duplicate registers nothing else)
"$gc" register --db "$t/a.db" $R --by migrator samples/valid/norr-2013.xml > "$t/o" 2>&1; st=$?
check "register on a version-1 register: exit 0" '[ $st -eq 0 ]'
check "migrated to user_version 2, integrity ok" '[ "$(q "$t/a.db" "pragma user_version")" = 2 ] && [ "$(q "$t/a.db" "pragma integrity_check")" = ok ]'
check "one migrated event" '[ "$(q "$t/a.db" "select count(*), what, submission from event")" = "1|migrated|None" ]'
check "v1 rows identified except the unreadable one (not current)" \
  '[ "$(q "$t/a.db" "select identified, current, count(*) from submission group by identified, current order by 1, 2")" = "$(printf "0|0|1\n1|0|1\n1|1|12")" ]'
check "new columns and tables exist, no content for old rows" \
  '[ "$(q "$t/a.db" "select count(withdrawn_at) + count(file_mtime) from submission")" = 0 ] && [ "$(q "$t/a.db" "select count(*) from content")" = 0 ] && q "$t/a.db" "select xpath, fingerprint, change from finding limit 1" > /dev/null && q "$t/a.db" "select * from acceptance, fixed_finding, user" > /dev/null'
"$gc" list --db "$t/a.db" $R --lang en --history > "$t/list2" 2>&1; st=$?
check "list after the migration: exit 0" '[ $st -eq 0 ]'
# every row the previous release listed is listed the same (the unreadable one apart)
grep -E '^[0-9]' tests/fixtures/register-v1.list | grep -v '^[0-9]* *? ' > "$t/rows1"
grep -E '^[0-9]' "$t/list2" | grep -v '^[0-9]* *? ' > "$t/rows2"
check "the same list rows as the previous release" 'diff "$t/rows1" "$t/rows2" > "$t/rowdiff"'
check "the unreadable file in the Unidentified section, not as ? ?" \
  'sed -n "/^Unidentified/,\$p" "$t/list2" | grep -q "^14 .*tests/fixtures/unreadable.xml"'
check "the same G8 finding" 'grep "G8" tests/fixtures/register-v1.list | sed "s|^[^:]*:||" > "$t/g1"; grep "G8" "$t/list2" | sed "s|^[^:]*:||" > "$t/g2"; cmp -s "$t/g1" "$t/g2"'

# -- kill -9 inside the migration: version 1, intact; the next run migrates
cp "$v1" "$t/b.db"
GRANTCHECK_FAULT=migrate:1:9 "$gc" register --db "$t/b.db" $R samples/valid/norr-2013.xml > /dev/null 2>&1; st=$?
check "killed inside the migration (signal 9)" '[ $st -eq 137 ]'
check "after the kill: integrity ok, still version 1, every row there" \
  '[ "$(q "$t/b.db" "pragma integrity_check")" = ok ] && [ "$(q "$t/b.db" "pragma user_version")" = 1 ] && [ "$(q "$t/b.db" "select count(*), sum(current) from submission")" = "14|12" ] && ! q "$t/b.db" "select * from event" > /dev/null 2>&1'
GRANTCHECK_FAULT=migrate "$gc" register --db "$t/b.db" $R samples/valid/norr-2013.xml > /dev/null 2> "$t/e"; st=$?
check "a failed migration: exit 2, version 1 kept" '[ $st -eq 2 ] && grep -q "injected fault" "$t/e" && [ "$(q "$t/b.db" "pragma user_version")" = 1 ]'
"$gc" register --db "$t/b.db" $R samples/valid/norr-2013.xml > /dev/null 2>&1; st=$?
check "the next run migrates: exit 0, version 2, integrity ok" \
  '[ $st -eq 0 ] && [ "$(q "$t/b.db" "pragma user_version")" = 2 ] && [ "$(q "$t/b.db" "pragma integrity_check")" = ok ]'
"$gc" list --db "$t/b.db" $R --lang en --history > "$t/list3" 2>&1; st=$?
check "list works after the recovered migration, same output" \
  '[ $st -eq 0 ] && diff <(sed "s|$t/a.db|REG|" "$t/list2") <(sed "s|$t/b.db|REG|" "$t/list3")'

# -- a fresh register is version 2 without a migrated event
"$gc" register --db "$t/c.db" $R samples/valid/norr-2013.xml > /dev/null 2>&1
check "a new register: version 2, one registered event, content stored with its SHA-256" \
  '[ "$(q "$t/c.db" "pragma user_version")" = 2 ] && [ "$(q "$t/c.db" "select group_concat(what) from event")" = registered ] && [ "$(python3 -c "import sqlite3,sys,hashlib; c=sqlite3.connect(sys.argv[1]); import zlib; e,b,h=c.execute(\"select c.encoding, c.bytes, s.sha256 from content c join submission s on s.id = c.submission\").fetchone(); b=zlib.decompress(b) if e == \"zlib\" else b; print(hashlib.sha256(b).hexdigest() == h)" "$t/c.db")" = True ]'
