#!/usr/bin/env bash
# grantcheck template: for every RCC and year of the rule set, the template
# (Swedish and English) is well-formed; filled with the figures of the
# matching sample (samples/valid/RCC-YEAR.xml) by a small Python step it is
# valid; left as written, check exits 1 and names what to fill. carriedOver
# comes from --previous FILE and from the register (--db). Unknown RCC or
# year: exit 2 with the valid ones listed.
# Prints "ok ..." / "FAIL ..." lines (tests/e2e.sh counts them).
. "$(dirname "$0")/lib.sh" "$@"

# fill DIR: every DIR/NAME-LANG.xml template is filled with the figures of
# samples/valid/NAME.xml into DIR/NAME-LANG.filled.xml (one Python run)
fill() {
  python3 - "$1" <<'PY'
import glob, os, re, sys
for t in sorted(glob.glob(os.path.join(sys.argv[1], "*-??.xml"))):
    name = os.path.basename(t)[:-7]
    tmpl = open(t, encoding="utf-8").read()
    sample = open(f"samples/valid/{name}.xml", encoding="utf-8").read()
    def line(tag):
        return re.search(r"^\s*<%s\b.*$" % tag, sample, re.M).group(0).strip()
    for tag in ("recipient", "contact", "attestation"):
        tmpl = re.sub(r"<%s\b[^\n]*=\"\"[^\n]*" % tag, lambda m: line(tag), tmpl, count=1)
    for tag in ("received", "carriedOver", "totalExpenses", "closing", "carryForward", "repay", "granted"):
        value = re.search(r"<%s>([^<]*)</%s>" % (tag, tag), sample).group(1)
        tmpl = tmpl.replace("<%s></%s>" % (tag, tag), "<%s>%s</%s>" % (tag, value, tag))
    expenses = "\n    ".join(m.group(0) for m in re.finditer(r"<expense\b[^\n]*</expense>", sample))
    tmpl = tmpl.replace('<expense category="" criterion=""></expense>', expenses)
    open(t[:-4] + ".filled.xml", "w", encoding="utf-8").write(tmpl)
PY
}

# the figure of TAG in FILE
fig() { sed -n "s|.*<$1>\([^<]*\)</$1>.*|\1|p" "$2" | head -1; }

n_valid=0 n_named=0 n_total=0
for s in samples/valid/*.xml; do
  b=$(basename "$s" .xml); rcc=${b%-*}; year=${b##*-}
  for lang in sv en; do
    n_total=$((n_total + 1))
    tf="$t/$b-$lang.xml"
    "$gc" template --rcc "$rcc" --year "$year" --lang "$lang" -o "$tf" || { bad "$b $lang: template exit $?"; continue; }
    xmllint --noout "$tf" 2>/dev/null || bad "$b $lang: template not well-formed"
    out=$("$gc" check --lang "$lang" --today 2026-12-01 "$tf" 2>&1)
    rc=$?
    if [ $rc -eq 1 ] && grep -q '<received>' <<< "$out" && grep -q '<totalExpenses>' <<< "$out" &&
       grep -q 'date \(på\|on\) <attestation>' <<< "$out" && grep -q 'name \(på\|on\) <contact>' <<< "$out"; then n_named=$((n_named + 1)); else bad "$b $lang: unfilled gives exit $rc: $out"; fi
  done
done
fill "$t"
for f in "$t"/*.filled.xml; do
  out=$("$gc" check --lang en --today 2026-12-01 "$f" 2>&1)
  if [ $? -eq 0 ] && ! grep -q 'error\[' <<< "$out"; then n_valid=$((n_valid + 1)); else bad "$(basename "$f"): $out"; fi
done
expect "every RCC and year: unfilled template names what to fill ($n_named/$n_total)" [ "$n_named" -eq "$n_total" ]
expect "every RCC and year: filled template is valid ($n_valid/$n_total)" [ "$n_valid" -eq "$n_total" ]
expect "18 samples x 2 languages" [ "$n_total" -eq 36 ]

# carriedOver from last year's statement
"$gc" template --rcc sydost --year 2014 --previous samples/valid/sydost-2013.xml > "$t/prev.xml"
expect "--previous: carriedOver is last year's carryForward" \
  [ "$(fig carriedOver "$t/prev.xml")" = "$(fig carryForward samples/valid/sydost-2013.xml)" ]
expect "--previous: the source is named" grep -q 'sydost-2013.xml' "$t/prev.xml"
"$gc" register --db "$t/reg.db" --today 2026-12-01 samples/valid/norr-2014.xml > /dev/null
"$gc" template --rcc norr --year 2015 --db "$t/reg.db" --lang sv > "$t/db.xml"
expect "--db: carriedOver from the register's statement of the year before" \
  [ "$(fig carriedOver "$t/db.xml")" = "$(fig carryForward samples/valid/norr-2014.xml)" ]
expect "first programme year: carriedOver 0.00" [ "$(fig carriedOver "$t/sydost-2013-sv.xml")" = "0.00" ]
expect "last programme year: carryForward 0.00" [ "$(fig carryForward "$t/sydost-2015-en.xml")" = "0.00" ]
err=$("$gc" template --rcc sydost --year 2014 --previous samples/valid/norr-2013.xml 2>&1 >/dev/null)
expect "--previous of another RCC: exit 2" [ $? -eq 2 ]
expect "--previous of another RCC: said" grep -q "norr's statement for 2013" <<< "$err"
err=$("$gc" template --rcc syd --year 2014 --db "$t/reg.db" 2>&1 >/dev/null)
expect "--db without last year's statement: exit 2" [ $? -eq 2 ]

# Unknown RCC and year
err=$("$gc" template --rcc sydöst --year 2014 --lang en 2>&1 >/dev/null)
expect "unknown RCC: exit 2" [ $? -eq 2 ]
expect "unknown RCC: the valid ones listed" grep -q 'norr, uppsala-orebro, stockholm-gotland, vast, syd, sydost' <<< "$err"
err=$("$gc" template --rcc sydost --year 2016 --lang sv 2>&1 >/dev/null)
expect "unknown year: exit 2" [ $? -eq 2 ]
expect "unknown year: the valid ones listed" grep -q 'rcc-2013-2015: 2013 2014 2015' <<< "$err"
"$gc" template --year 2014 > /dev/null 2>&1
expect "no --rcc: exit 2" [ $? -eq 2 ]
