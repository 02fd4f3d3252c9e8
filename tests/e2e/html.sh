#!/usr/bin/env bash
# The HTML report (check --format html [-o FILE]): a valid and an invalid
# sample in English and Swedish, -o written atomically and refused when it
# names an input, and hostile statements (<script> in values, in comments
# and in the file name, quotes, control characters, invalid UTF-8): no raw
# "<script" may reach the page and only the writer's own tags may appear.
# Prints "ok ..." / "FAIL ..." lines (tests/e2e.sh counts them).
. "$(dirname "$0")/lib.sh" "$@"
export SOURCE_DATE_EPOCH=1764633600 # 2025-12-02 00:00:00 UTC

# Only the writer's own tags and attributes; every text escaped.
tags_ok() {
  python3 - "$1" <<'PY'
import sys
from html.parser import HTMLParser
allowed = set("html head meta title style body header h1 h2 h3 p strong table tr th td a main section code ol li "
              "div span pre mark details summary footer".split())
attrs_ok = {"lang", "charset", "name", "content", "class", "id", "href", "open"}
class P(HTMLParser):
    bad = []
    def handle_starttag(self, tag, attrs):
        if tag not in allowed:
            self.bad.append(tag)
        for k, v in attrs:
            if k not in attrs_ok or (k == "href" and not (v or "").startswith("#")):
                self.bad.append(f"{tag}@{k}={v}")
text = open(sys.argv[1], encoding="utf-8").read()  # must be valid UTF-8
p = P(); p.feed(text)
if p.bad:
    print("unexpected:", p.bad[:5]); sys.exit(1)
PY
}

v=samples/valid/sydost-2014.xml
i=samples/invalid/A1-sum-mismatch.xml
"$gc" check --format html --lang en "$v" > "$t/valid.html"
expect "valid sample: exit 0" [ $? -eq 0 ]
expect "valid sample: lang=en" grep -q '<html lang="en">' "$t/valid.html"
expect "valid sample: verdict first" python3 -c '
import sys; t = open(sys.argv[1]).read()
assert t.index("<strong>Result</strong>: <strong>Valid</strong>") < t.index("<section")' "$t/valid.html"
expect "valid sample: SHA-256 of the file" grep -q "$(sha256sum "$v" | cut -c1-64)" "$t/valid.html"
expect "valid sample: rule set id and checksum" grep -Eq 'rcc-2013-2015, checksum <code>[0-9a-f]{64}</code>' "$t/valid.html"
expect "valid sample: version and time" grep -q 'grantcheck version 1.0.0 · Checked 2025-12-02 00:00:00 UTC' "$t/valid.html"
expect "valid sample: no external resources" bash -c "! grep -Eiq '<(link|img|script|iframe)|src=|url\\(|https?:' '$t/valid.html'"
expect "valid sample: tags" tags_ok "$t/valid.html"

"$gc" check --format html --lang sv "$i" > "$t/invalid.html"
expect "invalid sample: exit 1" [ $? -eq 1 ]
expect "invalid sample: lang=sv" grep -q '<html lang="sv">' "$t/invalid.html"
expect "invalid sample: Swedish verdict" grep -q '<strong>Underkänd</strong> (1 fel, 0 varningar)' "$t/invalid.html"
expect "invalid sample: rule id and title" grep -q '<code>A1</code> Summan av kostnadsraderna stämmer inte' "$t/invalid.html"
expect "invalid sample: how to fix" grep -q '<summary>Så rättar du</summary>' "$t/invalid.html"
expect "invalid sample: the place marked in the lines around it" \
  grep -q '<span class="hit"><span class="ln">    33</span>   <mark>&lt;</mark>totalExpenses&gt;9628000.00' "$t/invalid.html"
expect "invalid sample: two lines before and after" \
  bash -c "grep -c '<span class=\"ctx\">' '$t/invalid.html' | grep -qx 4"
expect "invalid sample: tags" tags_ok "$t/invalid.html"

# -o: written atomically (no temporary file left), nothing on stdout
out=$("$gc" check --format html --lang en -o "$t/report.html" "$v" "$i")
expect "-o: exit 1 for a run with an invalid file" [ $? -eq 1 ]
expect "-o: nothing on stdout" [ -z "$out" ]
expect "-o: the page is written" grep -q '1 of 2 files valid' "$t/report.html"
expect "-o: no temporary file left" bash -c "[ \$(ls '$t' | grep -c tmp) -eq 0 ]"
cp "$v" "$t/in.xml"
before=$(sha256sum "$t/in.xml")
err=$("$gc" check --format html -o "$t/in.xml" "$t/in.xml" 2>&1)
expect "-o an input: exit 2" [ $? -eq 2 ]
expect "-o an input: said" bash -c "grep -q 'which this command reads' <<< '$err'"
expect "-o an input: the input is unchanged" [ "$(sha256sum "$t/in.xml")" = "$before" ]
ln -s in.xml "$t/link.xml"
"$gc" check --format html -o "$t/link.xml" "$t/in.xml" > /dev/null 2>&1
expect "-o a link to an input: exit 2" [ $? -eq 2 ]
"$gc" register --db "$t/reg.db" "$v" > /dev/null
"$gc" register --format html --db "$t/reg.db" -o "$t/reg.db" "$i" > /dev/null 2>&1
expect "register -o the register: exit 2" [ $? -eq 2 ]
expect "register -o the register: the register is intact" \
  [ "$(q "$t/reg.db" "select count(*) from submission")" = 1 ]

# Hostile statements
h="$t/<script>alert(1)<!--\"'.xml"
sed -e 's|<recipient orgnr="232100-0040">Region Östergötland</recipient>|<recipient orgnr="232100-0040">\&lt;script\&gt;alert(1)\&lt;/script\&gt; "x" \&amp; '"'y'"'</recipient>|' \
    -e 's|<rcc id="sydost">RCC Sydöst</rcc>|<rcc id="sydost">\&lt;script src=x\&gt;"\&#39;</rcc> <!-- <script>alert(2)</script> -->|' \
    -e 's|<carriedOver>453000.00</carriedOver>|<carriedOver>45\&lt;script\&gt;0.00</carriedOver>|' \
    "$v" > "$h"
"$gc" check --format html --lang sv "$h" > "$t/h1.html" 2>&1
expect "hostile values: exit 1" [ $? -eq 1 ]
printf '<?xml version="1.0" encoding="UTF-8"?>\n<statement xmlns="urn:grantcheck:statement:1" version="1">\n<!-- <script>alert(3)</script> -->\n  <programme>rcc\001-2013</programme>\n</statement>\n' > "$t/ctl.xml"
"$gc" check --format html --lang en "$t/ctl.xml" > "$t/h2.html" 2>&1
expect "control character: exit 1" [ $? -eq 1 ]
expect "control character: shown escaped" grep -q '<span class="ctl">\\u0001</span>' "$t/h2.html"
printf '<?xml version="1.0" encoding="UTF-8"?>\n<statement xmlns="urn:grantcheck:statement:1" version="1">\n<!-- <script>alert(4)</script> -->\n  <programme>rcc\377\376-2013</programme>\n</statement>\n' > "$t/utf.xml"
"$gc" check --format html --lang sv "$t/utf.xml" > "$t/h3.html" 2>&1
expect "invalid UTF-8: exit 1" [ $? -eq 1 ]
expect "invalid UTF-8: replaced by U+FFFD" grep -q 'rcc<mark>�</mark>�-2013' "$t/h3.html"
for f in h1 h2 h3; do
  expect "hostile $f: no raw <script" bash -c "! grep -qi '<script' '$t/$f.html'"
  expect "hostile $f: tags" tags_ok "$t/$f.html"
done
expect "hostile value in a message escaped" grep -q 'Beloppet &quot;45&lt;script&gt;0.00&quot;' "$t/h1.html"
expect "hostile file name escaped" grep -q '&lt;script&gt;alert(1)&lt;!--&quot;&#39;.xml' "$t/h1.html"
expect "hostile comment shown escaped" grep -q '&lt;!-- &lt;script&gt;alert(3)' "$t/h2.html"
