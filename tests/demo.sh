#!/usr/bin/env bash
# make demo: checks the samples, registers them in a fresh register under
# build/demo/ and writes the ministry's summary workbook there.
set -u
build=${1:-build}
gc=$build/grantcheck
cd "$(dirname "$0")/.." || exit 2
today=$(date +%F)
demo=$build/demo
rm -rf "$demo" && mkdir -p "$demo"
status=0

echo "== grantcheck $("$gc" --version | cut -d' ' -f2-)"
echo
echo "== 1. An RCC pre-checks its statement (with last year's beside it)"
"$gc" check --today "$today" --previous samples/valid/sydost-2013.xml samples/valid/sydost-2014.xml || status=1
echo
echo "== 2. The invalid examples, each named after the rule it breaks (exit status 1 is expected)"
"$gc" check --today "$today" samples/invalid
echo
echo "== 3. The same statement in four encodings"
"$gc" check --today "$today" --previous samples/valid/sydost-2013.xml samples/encodings || status=1
echo
echo "== 4. The finance officer registers 17 valid statements (RCC Väst's 2015 has not come in: an incomplete year)"
echo "      and three resubmissions: two with a warning, and RCC Stockholm Gotland's 2013 with a wrong sum (rejected)"
"$gc" register --db "$demo/register.db" --today "$today" $(ls samples/valid/*.xml | grep -v 'vast-2015') | tail -3 || status=1
# the rejected one must really be rejected (exit 1 from check), or the
# workbook would show no Underkänd statement
"$gc" check --today "$today" samples/invalid/A1-sum-mismatch.xml > /dev/null
if [ $? -ne 1 ]; then echo "demo: samples/invalid/A1-sum-mismatch.xml is no longer rejected (check exit 1)"; status=1; fi
"$gc" register --db "$demo/register.db" --today "$today" samples/invalid/G2-received.xml \
  samples/invalid/P3-negative-line-without-note.xml samples/invalid/A1-sum-mismatch.xml
[ $? -eq 1 ] || status=1
echo
echo "== The officer accepts RCC Väst's 2013 G2 warning with a justification (RCC Sydöst's P3 warning stays open)"
vast=$("$gc" list --db "$demo/register.db" --year 2013 --lang en | awk '$2 == "vast" { print $1 }')
"$gc" accept --db "$demo/register.db" "$vast" G2 --by handlaggare \
  --why "Regionen betalade ut 500 000 kr av bidraget i januari 2014; beslut och kontoutdrag finns i akten" || status=1
echo
"$gc" list --db "$demo/register.db" || status=1
echo
echo "== 5. The summary workbook for the ministry"
if "$gc" summary --db "$demo/register.db" -o "$demo/sammanstallning.xlsx" &&
   "$gc" summary --db "$demo/register.db" --lang en -o "$demo/summary-en.xlsx"; then
  echo "Written: $(cd "$demo" && pwd)/sammanstallning.xlsx (Swedish) and summary-en.xlsx (English)"
else
  status=1
fi
exit $status
