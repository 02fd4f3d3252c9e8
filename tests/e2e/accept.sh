#!/usr/bin/env bash
# Accepted warnings, what changed, and the rule-set dry run (issue 12, items
# 4, 5 and 6):
#  - one statement resubmitted twice with a warning accepted in between: the
#    acceptance carries over to the resubmission with the same fingerprint
#    (lines moved) and not to the one whose value changed; `register
#    --strict` fails only on open warnings; `list --diff` (text and JSON)
#    says new / still / fixed; `list` shows accepted warnings apart;
#  - `accept` refuses errors, unknown rules, a missing --why, and lists a
#    rule's warnings when it has several and no --finding N is given;
#  - `recheck` with the same rules reports nothing; with overhead_max_percent
#    tightened it reports exactly the statements `check` flags with P1 under
#    those rules, never writes the register, says "content not stored" for a
#    statement read from standard input and refuses damaged stored bytes.
# Called from tests/e2e.sh as: bash tests/e2e/accept.sh /abs/path/grantcheck
. "$(dirname "$0")/lib.sh" "$@"
R="--today 2026-11-22 --rules rules --lang en"
db=$t/reg.db

# the season of one statement: v1, v2 (lines moved: same finding), v3 (the
# overhead amount changed, balance kept right: a different P1 finding)
cp samples/invalid/P1-overhead-15pc.xml "$t/v1.xml"
sed '1a <!-- resubmitted after the phone call -->' "$t/v1.xml" > "$t/v2.xml"
sed 's/1415400.00/1415500.00/; s/<totalExpenses>9436000.00/<totalExpenses>9436100.00/;
     s/<closing>564000.00/<closing>563900.00/; s/<carryForward>564000.00/<carryForward>563900.00/' "$t/v2.xml" > "$t/v3.xml"
check "v3 has one P1 warning and no error" \
	'"$gc" check $R "$t/v3.xml" | grep -q "valid (0 errors, 1 warning)"'

"$gc" register --db "$db" $R --strict "$t/v1.xml" > "$t/out1" 2>&1
check "register --strict: an open warning is exit 1 (registered all the same)" '[ $? -eq 1 ] && grep -q "; registered$" "$t/out1"'
"$gc" register --db "$db" $R --strict "$t/v1.xml" > /dev/null 2>&1
check "register --strict again (already registered, still open): exit 1" '[ $? -eq 1 ]'

"$gc" accept --db "$db" 1 P1 --lang en > "$t/o" 2> "$t/e"
check "accept without --why: exit 2" '[ $? -eq 2 ] && grep -q -- "--why" "$t/e"'
"$gc" accept --db "$db" 1 A1 --why x --lang en > "$t/o" 2> "$t/e"
check "accept of a rule without a finding: exit 2" '[ $? -eq 2 ] && grep -q "has no finding of rule A1" "$t/e"'
"$gc" accept --db "$db" 9 P1 --why x --lang en > "$t/o" 2> "$t/e"
check "accept of a submission that does not exist: exit 2" '[ $? -eq 2 ] && grep -q "no submission #9" "$t/e"'
"$gc" accept --db "$t/none.db" 1 P1 --why x --lang en > "$t/o" 2> "$t/e"
check "accept on a register that does not exist: exit 2, not created" '[ $? -eq 2 ] && [ ! -e "$t/none.db" ]'
"$gc" accept --db "$db" 1 p1 --why "Engångskostnad för lokalflytt" --by anna --lang en > "$t/o" 2> "$t/e"
check "accept (rule id in lower case): exit 0" '[ $? -eq 0 ] && grep -q "warning\[P1\] /statement/expenses/expense\[8\] accepted .* by anna: Engångskostnad för lokalflytt" "$t/o"'
"$gc" accept --db "$db" 1 P1 --why again --by bo --lang en > "$t/o" 2> "$t/e"
check "accepting again changes nothing: exit 0" '[ $? -eq 0 ] && grep -q "already accepted" "$t/o"'
check "one accepted event" '[ "$(q "$db" "select count(*), max(by) from event where what = '"'"'accepted'"'"' and submission = 1")" = "1|anna" ]'

"$gc" register --db "$db" $R --strict "$t/v2.xml" > "$t/out2" 2>&1
check "resubmission, same warning: accepted, --strict exit 0" '[ $? -eq 0 ]'
check "resubmission: the acceptance is carried over" \
	'grep -q "still .*warning\[P1\].*(accepted [0-9-]* by anna: Engångskostnad för lokalflytt, carried over from #1)" "$t/out2"'

"$gc" register --db "$db" $R --strict "$t/v3.xml" > "$t/out3" 2>&1
check "second resubmission, changed value: an open warning, --strict exit 1" '[ $? -eq 1 ]'
"$gc" register --db "$db" $R "$t/v3.xml" > /dev/null 2>&1
check "without --strict: exit 0" '[ $? -eq 0 ]'

"$gc" list --db "$db" --rules rules --lang en --diff 3 | sed 's/accepted [0-9-]*/accepted DATE/' > "$t/diff"
cat > "$t/diff.want" <<'EOF'
#3 uppsala-orebro 2013: replaces #2
  new       24:5: warning[P1]: Indirect costs SEK 1,415,500.00 are 15.00% of expenses SEK 9,436,100.00, more than the threshold of 10%
  fixed     warning[P1]: Indirect costs SEK 1,415,400.00 are 15.00% of expenses SEK 9,436,000.00, more than the threshold of 10%
(1 new, 0 still there, 1 fixed)
EOF
check "list --diff 3: the expected text" 'diff -u "$t/diff.want" "$t/diff"'
"$gc" list --db "$db" --rules rules --lang sv --diff 2 > "$t/diff2"
check "list --diff 2 (sv): kvar, godtagen, överförd" \
	'grep -q "^#2 uppsala-orebro 2013: ersätter #1$" "$t/diff2" && grep -q "^  kvar .*(godtagen [0-9-]* av anna: Engångskostnad för lokalflytt, överförd från #1)$" "$t/diff2" && grep -q "^(0 nya, 1 kvar, 0 åtgärdade)$" "$t/diff2"'
"$gc" list --db "$db" --rules rules --diff 1 --lang en > "$t/diff1"
check "list --diff 1: replaced none" 'grep -q "replaces no earlier submission" "$t/diff1"'
"$gc" list --db "$db" --rules rules --diff 3 --format json > "$t/diff.json"
check "list --diff --format json" 'python3 -c "
import json, sys
d = json.load(open(sys.argv[1]))
assert d[\"submission\"] == 3 and d[\"replaces\"] == 2, d
assert [(f[\"rule\"], f[\"change\"]) for f in d[\"findings\"]] == [(\"P1\", \"new\")], d
assert [(f[\"rule\"], f[\"change\"], f[\"xpath\"]) for f in d[\"fixed\"]] == [(\"P1\", \"fixed\", \"/statement/expenses/expense[8]\")], d
" "$t/diff.json"'
"$gc" list --db "$db" --rules rules --diff 7 > /dev/null 2> "$t/e"
check "list --diff of a submission that does not exist: exit 2" '[ $? -eq 2 ]'

"$gc" list --db "$db" --rules rules --lang sv --history > "$t/list"
check "list: accepted warnings apart, with a count per submission" \
	'grep -q "^Godtagna varningar:$" "$t/list" && grep -q "^#2 uppsala-orebro 2013: 1 varning, varav 1 godtagen$" "$t/list" && grep -q "överförd från #1$" "$t/list" && ! grep -q "^#3 " "$t/list"'
"$gc" list --db "$db" --rules rules --history --format json > "$t/list.json"
check "list --format json: accepted_warnings per submission" 'python3 -c "
import json, sys
d = json.load(open(sys.argv[1]))
assert [s[\"accepted_warnings\"] for s in d[\"submissions\"]] == [1, 1, 0], d
" "$t/list.json"'

# an error is never accepted; several warnings of one rule need --finding N
"$gc" register --db "$db" $R samples/invalid/A1-sum-mismatch.xml > /dev/null 2>&1
"$gc" accept --db "$db" 4 A1 --why x --lang en > "$t/o" 2> "$t/e"
check "accept of an error: exit 2, says why" '[ $? -eq 2 ] && grep -q "is an error, not a warning" "$t/e"'
sed 's|<expense category="travel" criterion="4.2">-12500.00</expense>|&\n    <expense category="travel" criterion="4.2">-100.00</expense>|' \
	samples/invalid/P3-negative-line-without-note.xml > "$t/p3x2.xml"
"$gc" register --db "$db" $R "$t/p3x2.xml" > /dev/null 2>&1
"$gc" accept --db "$db" 5 P3 --why x --lang en > "$t/o" 2> "$t/e"
check "two warnings of the rule, no --finding: exit 2, both listed" \
	'[ $? -eq 2 ] && grep -q "choose one with --finding N" "$t/e" && grep -q "^  1: warning\[P3\]" "$t/e" && grep -q "^  2: warning\[P3\]" "$t/e"'
"$gc" accept --db "$db" 5 P3 --finding 3 --why x --lang en > "$t/o" 2> "$t/e"
check "--finding beyond the warnings: exit 2" '[ $? -eq 2 ]'
"$gc" accept --db "$db" 5 P3 --finding 2 --why "Återbetalning" --lang en > "$t/o" 2> "$t/e"
check "--finding 2: exit 0" '[ $? -eq 0 ] && grep -q "P3\] /statement/expenses/expense\[12\] accepted" "$t/o"'

# ---- recheck -------------------------------------------------------------
rdb=$t/season.db
"$gc" register --db "$rdb" $R samples/valid/*.xml > /dev/null 2>&1
before=$(sha256sum < "$rdb")
"$gc" recheck --db "$rdb" --rules rules --today 2026-11-22 --lang en > "$t/rc0" 2>&1
check "recheck with the same rules: exit 0, nothing changes" \
	'[ $? -eq 0 ] && [ "$(cat "$t/rc0")" = "0 submissions would change, 18 unchanged" ]'
cat samples/invalid/P2-low-utilisation.xml | "$gc" register --db "$t/stdin.db" $R - > /dev/null 2>&1
"$gc" recheck --db "$t/stdin.db" --rules rules --today 2026-11-22 --lang en > "$t/rc2" 2>&1
check "recheck: a statement from standard input has no stored content" \
	'[ $? -eq 0 ] && grep -q "^#1 norr 2013: content not stored" "$t/rc2" && grep -q "^0 submissions would change, 0 unchanged, 1 without stored content$" "$t/rc2"'
cp -r rules "$t/rules2"
sed -i 's/^overhead_max_percent\t10$/overhead_max_percent\t7/' "$t/rules2/rcc-2013-2015/programme.tsv"
"$gc" recheck --db "$rdb" --rules "$t/rules2" --today 2026-11-22 --lang en > "$t/rc1" 2>&1
check "recheck with a tightened threshold: exit 1" '[ $? -eq 1 ]'
want=$("$gc" check --rules "$t/rules2" --today 2026-11-22 --lang en samples/valid/*.xml |
	sed -n 's|^samples/valid/\(.*\)-\([0-9]*\)\.xml:.*warning\[P1\].*|\1 \2|p' | sort)
got=$(sed -n 's/^#[0-9]* \([a-z-]*\) \([0-9]*\): valid -> valid with warnings; 1 new, 0 gone$/\1 \2/p' "$t/rc1" | sort)
check "recheck reports exactly the statements that change" '[ -n "$want" ] && [ "$want" = "$got" ]'
check "recheck: every changed one is a new P1" \
	'[ "$(grep -c "^  + warning\[P1\]" "$t/rc1")" = "$(echo "$want" | wc -l)" ] && ! grep -q "^  - " "$t/rc1"'
"$gc" recheck --db "$rdb" --rules "$t/rules2" --today 2026-11-22 --year 2014 --format json > "$t/rc.json"
check "recheck --year --format json" 'python3 -c "
import json, sys
d = json.load(open(sys.argv[1]))
assert d[\"changed\"] and all(s[\"year\"] == 2014 and s[\"new_status\"] == \"warnings\" for s in d[\"changed\"]), d
assert d[\"content_not_stored\"] == [], d
" "$t/rc.json"'
check "recheck never writes the register" '[ "$(sha256sum < "$rdb")" = "$before" ] && [ ! -s "$rdb-wal" ]'
q "$rdb" "update content set bytes = x'00' where submission = 1"
"$gc" recheck --db "$rdb" --rules rules --lang en > "$t/o" 2> "$t/e"
check "recheck: damaged stored bytes are exit 2" '[ $? -eq 2 ] && grep -q "stored bytes of submission #1 are damaged" "$t/e"'
