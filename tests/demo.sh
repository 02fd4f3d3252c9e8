#!/usr/bin/env bash
# make demo: checks every sample statement and shows what grantcheck finds.
set -u
build=${1:-build}
gc=$build/grantcheck
cd "$(dirname "$0")/.." || exit 2
today=$(date +%F)
echo "== grantcheck $("$gc" --version | cut -d' ' -f2-)"
echo
echo "== The 18 valid statements (rcc-2013-2015), each checked with the year before (--previous)"
status=0
for f in samples/valid/*-2013.xml; do "$gc" check --today "$today" "$f" | tail -1 || status=1; done
for f in samples/valid/*-201[45].xml; do
  base=${f%.xml}; year=${base##*-}; prev=${base%-*}-$((year - 1)).xml
  "$gc" check --today "$today" --previous "$prev" "$f" | tail -1 || status=1
done
echo
echo "== The invalid examples, each named after the rule it breaks"
"$gc" check --today "$today" samples/invalid
echo "(exit status $? above: 1 means some file has errors, as expected here)"
echo
echo "== The same statement in four encodings"
"$gc" check --today "$today" --previous samples/valid/sydost-2013.xml samples/encodings
exit $status
