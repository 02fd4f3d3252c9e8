#!/usr/bin/env bash
# The finance officer's season (issue 12, issue 10 classes 3 and 4), 2014:
#  run 1 (--today 2015-04-10): a folder with four statements (one named
#    NORR-2014.XML), sydost-2014.xml (the invalid original, attested 2015-03-02) and its
#    corrected copy "sydost-2014 (2).xml" (attested 2015-03-15, a later file
#    date) that sorts first, a statement whose RCC id is mistyped (sydöst)
#    and a file that is no statement; RCC Väst is missing (10 days late);
#  run 2: a wrong upload for RCC Syd (an old draft), withdrawn by the officer;
#  run 3: Uppsala Örebro resubmits; registering the replaced original again
#    says how to make it current.
# Compares list, list --missing, list --history and list --events (times as
# TIME) with tests/e2e/officer/*.expected, and the exit statuses.
# OFFICER_BLESS=1 rewrites the expected files. Prints "ok WHAT" or "FAIL WHAT".
. "$(dirname "$0")/lib.sh" "$@"
root=$PWD
exp=$root/tests/e2e/officer
R="--rules $root/rules --today 2015-04-10"
v=$root/samples/valid
cd "$t" || exit 2
mkdir in1 in2 in3
for r in syd stockholm-gotland uppsala-orebro; do cp "$v/$r-2014.xml" in1/; done
cp "$v/norr-2014.xml" in1/NORR-2014.XML
sed -e 's|date="2015-03-15"|date="2015-03-02"|' -e 's|<granted>10000000.00</granted>|<granted>9000000.00</granted>|' \
  "$v/sydost-2014.xml" > in1/sydost-2014.xml
cp "$v/sydost-2014.xml" "in1/sydost-2014 (2).xml"
touch -d 2015-03-02T12:00:00Z in1/sydost-2014.xml
touch -d 2015-03-16T12:00:00Z "in1/sydost-2014 (2).xml"
sed 's|<rcc id="sydost">|<rcc id="sydöst">|' "$v/sydost-2014.xml" | sed 's|Birgitta Ljung|Birgitta  Ljung|' > in1/typo-sydost.xml
printf 'Hej, se bifogad fil!\n' > in1/mail.xml
sed 's|<granted>10000000.00</granted>|<granted>1000000.00</granted>|' "$v/syd-2014.xml" > in2/syd-2014-draft.xml
sed 's|</statement>|</statement>\n<!-- resubmitted -->|' "$v/uppsala-orebro-2014.xml" > in3/uppsala-orebro-2014.xml

norm() { sed -E 's/20[0-9]{2}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z/TIME                /g; s/TIME {16}/TIME/g'; }
compare() { # NAME: the output in $t/NAME, normalised, against officer/NAME.expected
  n=$1
  norm < "$t/$n" > "$t/$n.n"
  if [ -n "${OFFICER_BLESS:-}" ]; then cp "$t/$n.n" "$exp/$n.expected"; fi
  check "$n as expected" 'diff -u "$exp/$n.expected" "$t/$n.n" > "$t/$n.diff"'
  if [ -s "$t/$n.diff" ]; then head -20 "$t/$n.diff"; fi
}

"$gc" register --db reg.db $R --by anna in1/ > "$t/run1" 2>&1; st=$?
check "run 1 exits 1 (the invalid original)" '[ $st -eq 1 ]'
check "run 1: the upper-case .XML was taken" 'grep -q "^in1/NORR-2014.XML: valid" "$t/run1"'
check "run 1: the corrected copy is current although it sorts first" \
  '[ "$(q reg.db "select file_name from submission where rcc = '"'"'sydost'"'"' and current = 1")" = "sydost-2014 (2).xml" ]'
check "run 1: the original says a later correction is current" 'grep -q "^in1/sydost-2014.xml:.*not current: #[0-9]* is a later correction" "$t/run1"'
check "run 1: sydöst and the mail are unidentified" 'grep -c "registered as unidentified" "$t/run1" | grep -qx 2'
check "run 1: G8 is one info line naming Väst" 'grep -q "info\[G8\]: 2014: 5 of 6 received; missing: RCC West" "$t/run1" && ! grep -q "error\[G8\]" "$t/run1"'
check "stored paths have no //" '[ "$(q reg.db "select count(*) from submission where path like '"'"'%//%'"'"'")" = 0 ]'
check "file_mtime recorded" '[ "$(q reg.db "select file_mtime from submission where file_name = '"'"'sydost-2014.xml'"'"'")" = 2015-03-02T12:00:00Z ]'

"$gc" register --db reg.db $R --by erik in2/syd-2014-draft.xml > "$t/run2" 2>&1; st=$?
check "run 2 (the wrong upload) exits 1" '[ $st -eq 1 ]'
wrong=$(q reg.db "select id from submission where file_name = 'syd-2014-draft.xml'")
"$gc" withdraw --db reg.db "$wrong" --reason "fel fil: ett gammalt utkast" --by anna --lang sv > "$t/withdraw" 2>&1; st=$?
check "withdraw exits 0 and names the reinstated one" '[ $st -eq 0 ] && grep -q "^#[0-9]* är gällande igen" "$t/withdraw"'
"$gc" withdraw --db reg.db "$wrong" --reason again > "$t/w2" 2>&1; st=$?
check "withdrawing twice: exit 2" '[ $st -eq 2 ] && grep -q "already withdrawn" "$t/w2"'
"$gc" withdraw --db reg.db 999 --reason x > "$t/w3" 2>&1; st=$?
check "withdrawing an unknown id: exit 2" '[ $st -eq 2 ] && grep -q "no submission #999" "$t/w3"'
"$gc" withdraw --db reg.db abc --reason x > "$t/w4" 2>&1; st=$?
check "withdraw ID that is no number: exit 2" '[ $st -eq 2 ] && grep -q "not a submission ID" "$t/w4"'
"$gc" withdraw --db reg.db "$wrong" > "$t/w5" 2>&1; st=$?
check "withdraw without --reason: exit 2" '[ $st -eq 2 ]'
"$gc" withdraw --db nothere.db 1 --reason x > "$t/w6" 2>&1; st=$?
check "withdraw on no register: exit 2, nothing created" '[ $st -eq 2 ] && [ ! -e nothere.db ]'

"$gc" register --db reg.db $R --by anna in3/uppsala-orebro-2014.xml > "$t/run3" 2>&1; st=$?
check "run 3 (the resubmission) exits 0 and replaces" '[ $st -eq 0 ] && grep -q "replaces earlier submission #" "$t/run3"'
"$gc" register --db reg.db $R --by anna in1/uppsala-orebro-2014.xml > "$t/run4" 2>&1; st=$?
check "registering the replaced original: says to withdraw the newer one" \
  '[ $st -eq 0 ] && grep -q "already registered as #[0-9]* but not current.*grantcheck withdraw --db reg.db [0-9]* --reason" "$t/run4"'

"$gc" list --db reg.db $R --lang en > "$t/list" 2>&1; echo "[exit $?]" >> "$t/list"
compare list
"$gc" list --db reg.db $R --lang sv --missing > "$t/missing" 2>&1; echo "[exit $?]" >> "$t/missing"
compare missing
"$gc" list --db reg.db $R --lang en --history > "$t/history" 2>&1; echo "[exit $?]" >> "$t/history"
compare history
"$gc" list --db reg.db $R --lang en --events > "$t/events" 2>&1; echo "[exit $?]" >> "$t/events"
compare events
"$gc" list --db reg.db $R --format json --events > "$t/events.json" 2>&1
"$gc" list --db reg.db $R --format json --history > "$t/list.json" 2>&1
check "list --format json and --events --format json parse" \
  'python3 -c "import json,sys; a=json.load(open(sys.argv[1])); b=json.load(open(sys.argv[2])); assert [m[\"rcc\"] for m in a[\"missing\"]]==[\"vast\"] and a[\"missing\"][0][\"days_late\"]==10 and len(a[\"unidentified\"])==2 and any(\"withdrawn\" in s for s in a[\"submissions\"]) and b[\"events\"][0][\"what\"]==\"registered\"" "$t/list.json" "$t/events.json"'
# openpyxl comes from Debian's python3-openpyxl; a python3 earlier on PATH may lack it
py=$(openpyxl_py)
py=${py:-/usr/bin/python3}
"$gc" summary --db reg.db --rules "$root/rules" -o season.xlsx > "$t/summary" 2>&1; st=$?
[ $st -eq 0 ] || cat "$t/summary"
check "the summary counts only identified current statements" \
  '[ $st -eq 0 ] && $py -c "
import openpyxl,sys
wb=openpyxl.load_workbook(sys.argv[1])
txt=\" \".join(str(c.value) for ws in wb for row in ws.iter_rows() for c in row if c.value is not None)
assert \"sydöst\" not in txt and \"mail.xml\" not in txt, txt[:200]
" season.xlsx'
