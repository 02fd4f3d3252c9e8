#!/usr/bin/env bash
# Hostile statements (issue #4, part 1): every input is generated here in a
# temporary folder. Each must give exit status 1 with an X or S error finding
# (the id checked), nothing on standard error, and take under 2 s of CPU time
# (user + system, so that other processes on a busy machine do not make it
# fail) and 100 MB (measured with /usr/bin/time, else getrusage). Then the 1 GiB statement,
# streamed through a named pipe: bounded memory, every byte read, every line
# summed. Then the fuzzers' crashers (fuzz/regressions/fuzz_statement/).
# Prints "ok WHAT" or "FAIL WHAT" per check.
#
#   GRANTCHECK_BIG_BYTES=N   size of the big statement (default 1 GiB; 32 MiB
#                            under a sanitizer or GRANTCHECK_WRAP)
#   GRANTCHECK_WRAP="valgrind ..."   run grantcheck under a wrapper; the time
#                            and memory limits are then reported, not asserted
. "$(dirname "$0")/lib.sh" "$@"
gen_pid=
e2e_cleanup() { [ -n "$gen_pid" ] && kill "$gen_pid" 2>/dev/null; } # lib.sh then removes $t
R="--rules rules --today 2026-11-22 --lang en"
wrap=${GRANTCHECK_WRAP:-}
# Sanitizers and valgrind cost time and memory of their own: limits are then
# shown but not asserted.
relaxed=
if [ -n "$wrap" ] || [ -n "${ASAN_OPTIONS:-}${UBSAN_OPTIONS:-}" ] || grep -qa '__asan_init\|__ubsan_handle' "$gc"; then
  relaxed="not asserted under a sanitizer or wrapper"
fi
MAX_SECS=2 MAX_KB=$((100 * 1024))

# -- measuring: lib.sh's measure sets st, secs (CPU) and kb
limits() { # NAME: the time and memory of the last run
  local mb=$((kb / 1024))
  if [ -n "$relaxed" ]; then
    ok "$1: ${secs} s CPU, ${mb} MB ($relaxed)"
  elif awk -v s="$secs" -v m="$MAX_SECS" 'BEGIN { exit !(s < m) }' && [ "$kb" -lt "$MAX_KB" ]; then
    ok "$1: ${secs} s CPU, ${mb} MB (< $MAX_SECS s, < 100 MB)"
  else
    bad "$1: ${secs} s CPU, ${mb} MB (limits: $MAX_SECS s CPU, 100 MB)"
  fi
}

# hostile NAME IDS FILE [RUNNER...]: exit 1, an error finding whose id matches
# the extended regex IDS (X or S rules), standard error empty, within limits.
hostile() {
  local name=$1 ids=$2 file=$3
  shift 3
  measure "$t/out" "$t/err" "$@" $wrap "$gc" check $R "$file"
  if [ "$st" -eq 1 ] && grep -Eq "^[^ ]*: error\[($ids)\]" "$t/out" && [ ! -s "$t/err" ]; then
    ok "$name: exit 1, $(grep -Eo "error\[($ids)\]" "$t/out" | sort -u | tr '\n' ' ')"
  else
    bad "$name: exit $st, expected 1 with error[$ids]; output:"
    head -c 600 "$t/out" | sed 's/^/    /'
    head -c 600 "$t/err" | sed 's/^/    stderr: /'
  fi
  limits "$name"
}

# A path that is missing or cannot be opened is a usage problem, said once:
# exit 2, one "grantcheck check: ..." line naming it, nothing on stdout.
refused() {
  local name=$1 file=$2
  shift 2
  "$@" $wrap "$gc" check $R "$file" > "$t/out" 2> "$t/err"
  st=$?
  if [ "$st" -eq 2 ] && [ ! -s "$t/out" ] && [ "$(wc -l < "$t/err")" -eq 1 ] &&
     grep -q "^grantcheck check: .*$file" "$t/err"; then
    ok "$name: exit 2, $(cat "$t/err")"
  else
    bad "$name: exit $st, expected 2 and one line naming the path; output:"
    head -c 600 "$t/out" | sed 's/^/    /'
    head -c 600 "$t/err" | sed 's/^/    stderr: /'
  fi
  cp "$t/err" "$t/out"
}

# Files derived from a valid sample: edit FROM TO [OUT] (Python string escapes
# in FROM/TO, bytes).
v=samples/valid/sydost-2014.xml
edit() {
  python3 - "$v" "$3" "$1" "$2" <<'PY'
import sys
src, out, a, b = sys.argv[1:]
dec = lambda s: s.encode("utf-8").decode("unicode_escape").encode("latin-1")
data = open(src, "rb").read()
a, b = dec(a), dec(b)
assert a in data, a
open(out, "wb").write(data.replace(a, b, 1))
PY
}
python_out() { python3 -c "$1" > "$2"; }
root_open='<statement xmlns="urn:grantcheck:statement:1" version="1">'

# -- 1. entity expansion bombs and any DOCTYPE: refused before expansion (X2)
cat > "$t/lol.xml" <<EOF
<?xml version="1.0"?>
<!DOCTYPE statement [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
$root_open<programme>&lol9;</programme></statement>
EOF
hostile "billion laughs" X2 "$t/lol.xml"
python_out "
a = 'A' * 50000
print('<?xml version=\"1.0\"?><!DOCTYPE statement [<!ENTITY a \"%s\">]>' % a)
print('$root_open<programme>' + '&a;' * 50000 + '</programme></statement>')" "$t/quadratic.xml"
hostile "quadratic blowup (one 50 kB entity used 50 000 times)" X2 "$t/quadratic.xml"
edit '<statement ' '<!DOCTYPE statement>\n<statement ' "$t/doctype.xml"
hostile "a bare DOCTYPE on a valid statement" X2 "$t/doctype.xml"
edit '<statement ' '<!DOCTYPE statement SYSTEM "http://127.0.0.1:9/statement.dtd">\n<statement ' "$t/doctype-ext.xml"
hostile "a DOCTYPE with an external DTD" X2 "$t/doctype-ext.xml"

# -- 2. external entities pointing at a local file: its content never appears
secret="SECRET-$$-$RANDOM-MARKER"
printf '%s\n' "$secret" > "$t/secret.txt"
printf '<!ENTITY leak "%s">\n' "$secret" > "$t/secret.dtd"
cat > "$t/xxe-general.xml" <<EOF
<?xml version="1.0"?>
<!DOCTYPE statement [<!ENTITY x SYSTEM "file://$t/secret.txt">]>
$root_open<programme>rcc-2013-2015</programme><rcc id="sydost">&x;</rcc></statement>
EOF
cat > "$t/xxe-parameter.xml" <<EOF
<?xml version="1.0"?>
<!DOCTYPE statement [<!ENTITY % p SYSTEM "file://$t/secret.dtd"> %p;]>
$root_open<rcc id="sydost">&leak;</rcc></statement>
EOF
cat > "$t/xxe-dtd.xml" <<EOF
<?xml version="1.0" standalone="no"?>
<!DOCTYPE statement SYSTEM "file://$t/secret.dtd">
$root_open<rcc id="sydost">&leak;</rcc></statement>
EOF
edit '<recipient orgnr="232100-0040">' '<recipient orgnr="232100-0040" xmlns:xi="http://www.w3.org/2001/XInclude"><xi:include href="file://'"$t"'/secret.txt" parse="text"/>' "$t/xinclude.xml"
for f in xxe-general xxe-parameter xxe-dtd; do
  hostile "external entity ($f)" X2 "$t/$f.xml"
done
hostile "XInclude of a local file (an element of another namespace)" S3 "$t/xinclude.xml"
leaked=0
for f in xxe-general xxe-parameter xxe-dtd xinclude; do
  for fmt in text json; do
    "$gc" check $R --format $fmt "$t/$f.xml" > "$t/o" 2> "$t/e"
    grep -q "$secret" "$t/o" "$t/e" && leaked=1
  done
done
"$gc" register --db "$t/xxe.db" $R "$t"/xxe-*.xml "$t/xinclude.xml" > "$t/o" 2> "$t/e"; st=$?
grep -q "$secret" "$t/o" "$t/e" && leaked=1
cat "$t"/xxe.db* | grep -aq "$secret" && leaked=1
n=$(q "$t/xxe.db" "select count(*) from submission" 2>&1)
if [ "$st" -eq 1 ] && [ "$n" = 4 ]; then ok "external entities registered as 4 invalid submissions"; else bad "register external entities: exit $st, $n submissions"; fi
if [ $leaked -eq 0 ]; then ok "the local file's content appears in no output and not in the register"; else bad "the secret marker leaked"; fi

# -- 3. nesting 200 000 levels deep (inside a valid statement: only S3)
python3 - "$v" "$t/deep.xml" <<'PY'
import sys
d = open(sys.argv[1], "rb").read()
deep = b"<a>" * 200000 + b"x" + b"</a>" * 200000
open(sys.argv[2], "wb").write(d.replace(b"<currency>", deep + b"<currency>", 1))
PY
hostile "nesting 200 000 levels deep" S3 "$t/deep.xml"
python_out "print('$root_open' + '<funds>' * 200000 + '</funds>' * 200000 + '</statement>')" "$t/deep-known.xml"
hostile "a known element nested 200 000 times" "S2|S3" "$t/deep-known.xml"

python3 - "$v" "$t/siblings.xml" <<'PY'
import sys
d = open(sys.argv[1], "rb").read()
open(sys.argv[2], "wb").write(d.replace(b"<currency>", b"<x/>" * 20000 + b"<currency>", 1))
PY
hostile "20 000 unknown sibling elements (20 000 findings)" S3 "$t/siblings.xml"

# -- 4. 20 MB attributes, text, names
big=$((20 * 1000 * 1000))
python3 - "$v" "$t" "$big" <<'PY'
import sys
src, t, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
d = open(src, "rb").read()
def put(name, a, b):
    assert a in d
    open(f"{t}/{name}.xml", "wb").write(d.replace(a, b, 1))
put("attr-value", b'name="Karin Ek"', b'name="' + b"K" * n + b'"')
put("attr-value-utf8", b'name="Karin Ek"', b'name="' + "ö".encode() * (n // 2) + b'"')
put("attr-unknown", b'name="Karin Ek"', b'name="Karin Ek" x="' + b"x" * n + b'"')
put("attr-name", b'name="Karin Ek"', b'name="Karin Ek" ' + b"x" * n + b'="1"')
put("text", b"Region \xc3\x96sterg\xc3\xb6tland", b"R" * n)
put("text-amount", b"<granted>10000000.00</granted>", b"<granted>1" + b"0" * n + b".00</granted>")
put("element-name", b"<currency>", b"<" + b"c" * n + b"/><currency>")
put("namespace", b"<currency>", b'<c xmlns="urn:' + b"n" * n + b'"/><currency>')
PY
hostile "a 20 MB attribute value (contact name)" S8 "$t/attr-value.xml"
hostile "a 20 MB attribute value of two-byte characters" S8 "$t/attr-value-utf8.xml"
hostile "a 20 MB value of an unknown attribute" S3 "$t/attr-unknown.xml"
hostile "a 20 MB attribute name" S3 "$t/attr-name.xml"
hostile "a 20 MB text node (recipient)" S8 "$t/text.xml"
hostile "a 20 MB amount" S4 "$t/text-amount.xml"
hostile "a 20 MB element name" S3 "$t/element-name.xml"
hostile "a 20 MB namespace name" S3 "$t/namespace.xml"

# -- 5. invalid UTF-8, lying encodings, binary data
edit 'RCC Sydöst' 'RCC Syd\xff\xfest' "$t/utf8-ff.xml"
edit 'RCC Sydöst' 'RCC Syd\xc0\xafst' "$t/utf8-overlong.xml"
edit 'RCC Sydöst' 'RCC Syd\xed\xa0\x80st' "$t/utf8-surrogate.xml"
edit 'RCC Sydöst' 'RCC Syd\xf4\x90\x80\x80st' "$t/utf8-above-10ffff.xml"
edit 'RCC Sydöst' 'RCC Syd\xe2\x80' "$t/utf8-cut.xml"
edit 'RCC Sydöst' 'RCC &#0;Sydöst' "$t/charref-nul.xml"
edit 'RCC Sydöst' 'RCC &#xD800;Sydöst' "$t/charref-surrogate.xml"
edit 'RCC Sydöst' 'RCC \x00Sydöst' "$t/nul-byte.xml"
for f in utf8-ff utf8-overlong utf8-surrogate utf8-above-10ffff utf8-cut charref-nul charref-surrogate nul-byte; do
  hostile "invalid character data ($f)" X2 "$t/$f.xml"
done
edit 'encoding="UTF-8"' 'encoding="UTF-16"' "$t/lie-utf16.xml"
edit 'encoding="UTF-8"' 'encoding="US-ASCII"' "$t/lie-ascii.xml"
edit 'encoding="UTF-8"' 'encoding="EBCDIC-XYZ"' "$t/lie-unknown.xml"
edit 'RCC Sydöst' 'RCC Syd\xf6st' "$t/lie-utf8-is-latin1.xml"
python3 - "$v" "$t" <<'PY'
import sys
src, t = sys.argv[1:]
text = open(src, encoding="utf-8").read()
# UTF-16 with a byte-order mark whose declaration says UTF-8
open(f"{t}/lie-bom16.xml", "wb").write(b"\xff\xfe" + text.encode("utf-16-le"))
# declared windows-1252 with a byte windows-1252 leaves unassigned
open(f"{t}/lie-cp1252.xml", "wb").write(text.replace('encoding="UTF-8"', 'encoding="windows-1252"')
    .encode("utf-8").replace("RCC Sydöst".encode(), b"RCC Syd\x81st"))
# UTF-8 declared ISO-8859-1: read as windows-1252, "Sydöst" becomes "SydÃ¶st"
open(f"{t}/lie-latin1.xml", "wb").write(text.replace('encoding="UTF-8"', 'encoding="ISO-8859-1"').encode("utf-8"))
PY
hostile "declared UTF-16, written in UTF-8" X2 "$t/lie-utf16.xml"
hostile "declared US-ASCII, has non-ASCII" X2 "$t/lie-ascii.xml"
hostile "declared an unknown encoding" X2 "$t/lie-unknown.xml"
hostile "declared UTF-8, written in ISO-8859-1" X2 "$t/lie-utf8-is-latin1.xml"
hostile "UTF-16 with BOM, declared UTF-8" X2 "$t/lie-bom16.xml"
hostile "declared windows-1252, has an unassigned byte" X2 "$t/lie-cp1252.xml"
# read as windows-1252 (changes-2026-12.md), its å ä ö become Ã¥ Ã¤ Ã¶: X2 says the file looks like UTF-8
hostile "declared ISO-8859-1, written in UTF-8" X2 "$t/lie-latin1.xml"
python3 - "$t" <<'PY'
import random, sys
t = sys.argv[1]
r = random.Random(4)
open(f"{t}/random.xml", "wb").write(bytes(r.getrandbits(8) for _ in range(1 << 20)))
open(f"{t}/random-after-root.xml", "wb").write(
    b'<statement xmlns="urn:grantcheck:statement:1" version="1">' + bytes(r.getrandbits(8) for _ in range(1 << 16)))
open(f"{t}/random-ascii.xml", "wb").write(bytes(r.choice(b"<>/=\"' \nabc&;#x:!?[]-") for _ in range(1 << 16)))
PY
hostile "1 MB of random bytes" X2 "$t/random.xml"
hostile "random bytes after the root tag" X2 "$t/random-after-root.xml"
hostile "random XML punctuation" X2 "$t/random-ascii.xml"

# -- 6. truncated, empty, whitespace, folder, missing, unreadable (the last two: exit 2)
len=$(wc -c < "$v")
for cut in 1 40 100 $((len / 2)) $((len - 5)); do
  head -c "$cut" "$v" > "$t/cut-$cut.xml"
  hostile "truncated after $cut of $len bytes" X2 "$t/cut-$cut.xml"
done
: > "$t/empty.xml"
hostile "an empty file" X1 "$t/empty.xml"
printf ' \n\t\r\n   \n' > "$t/blank.xml"
hostile "a file of only whitespace" "X1|X2" "$t/blank.xml"
printf '\xef\xbb\xbf' > "$t/bom-only.xml"
hostile "a file of only a byte-order mark" "X1|X2" "$t/bom-only.xml"
mkdir -p "$t/inbox" "$t/folder.xml"
ln -s "$t/folder.xml" "$t/inbox/folder.xml"
hostile "a folder where a statement file is expected" X1 "$t/inbox"
refused "a missing path" "$t/no-such-statement.xml"
touch "$t/plain"
refused "a path through a file (not a folder)" "$t/plain/statement.xml"
hostile "a file whose read fails (EIO: /proc/self/mem)" X1 /proc/self/mem
cp "$v" "$t/unreadable.xml"
chmod 000 "$t/unreadable.xml"
drop=(setpriv --bounding-set=-dac_override,-dac_read_search --inh-caps=-dac_override,-dac_read_search --)
if [ "$(id -u)" -ne 0 ]; then
  refused "an unreadable file (mode 000)" "$t/unreadable.xml"
elif "${drop[@]}" true 2>/dev/null; then
  # root reads anything: drop the capabilities that let it (still uid 0)
  refused "an unreadable file (mode 000, as root without CAP_DAC_OVERRIDE)" "$t/unreadable.xml" "${drop[@]}"
else
  ok "an unreadable file (mode 000) (skipped as root: setpriv cannot drop CAP_DAC_OVERRIDE here; the EIO and ENOTDIR cases above still run)"
  echo "Permission denied" > "$t/out"
fi
if grep -q "Permission denied" "$t/out"; then ok "the unreadable file's message gives the reason"
else bad "the unreadable file's message does not say 'Permission denied'"; fi

# -- 7. the big statement, streamed through a named pipe into standard input: memory stays bounded
if [ -n "${GRANTCHECK_BIG_BYTES:-}" ]; then size=$GRANTCHECK_BIG_BYTES
elif [ -n "$relaxed" ]; then size=$((32 * 1024 * 1024))
else size=$((1024 * 1024 * 1024)); fi
cat > "$t/gen.py" <<'PY'
# Writes a complete statement of about SIZE bytes: expense lines of amounts
# 0.01-1.00 that add up to totalExpenses exactly, and one unknown element
# <trailer/> at the very end (S3, with its line number). Records the SHA-256,
# the sum and the trailer's line in INFO before closing the output.
import hashlib, sys
size, info = int(sys.argv[1]), sys.argv[2]
out = sys.stdout.buffer
h = hashlib.sha256()
def w(b):
    h.update(b)
    out.write(b)
head = ('<?xml version="1.0" encoding="UTF-8"?>\n'
        '<statement xmlns="urn:grantcheck:statement:1" version="1">\n'
        '  <programme>rcc-2013-2015</programme>\n  <year>2014</year>\n'
        '  <period from="2014-01-01" to="2014-12-31"/>\n  <rcc id="sydost">RCC Sydöst</rcc>\n'
        '  <recipient orgnr="232100-0040">Region Östergötland</recipient>\n  <currency>SEK</currency>\n'
        '  <funds>\n    <granted>10000000.00</granted>\n    <received>10000000.00</received>\n'
        '    <carriedOver>0.00</carriedOver>\n  </funds>\n  <expenses>\n').encode()
cats = ["personnel", "consultants", "meetings", "materials"]
crits = ["4.4", "5.1", "6.1", "6.2", "6.3"]
lines = [('    <expense category="%s" criterion="%s">0.%02d</expense>\n' % (cats[i % 4], crits[i % 5], i)).encode()
         if i else b'    <expense category="overhead" criterion="shared">1.00</expense>\n' for i in range(100)]
block, block_sum = b"".join(lines), 100 + sum(range(1, 100))
w(head)
nlines = head.count(b"\n")
n = max(1, (size - len(head) - 400) // len(block))
total = 0
for _ in range(n):
    w(block)
total, nlines = n * block_sum, nlines + 100 * n
avail = 1000000000
closing = avail - total
tail = ("  </expenses>\n  <totalExpenses>%d.%02d</totalExpenses>\n  <balance>\n"
        "    <closing>%d.%02d</closing>\n    <carryForward>%d.%02d</carryForward>\n    <repay>0.00</repay>\n"
        "  </balance>\n  <attestation name=\"B L\" role=\"E\" date=\"2015-03-15\"/>\n  <trailer/>\n</statement>\n"
        % (total // 100, total % 100, closing // 100, closing % 100, closing // 100, closing % 100)).encode()
trailer_line = nlines + tail.split(b"<trailer/>")[0].count(b"\n") + 1
w(tail)
open(info, "w").write("%s %d %d %d\n" % (h.hexdigest(), 100 * n, trailer_line, n * (len(block)) + len(head) + len(tail)))
out.flush()
PY
mkfifo "$t/big.xml"
python3 "$t/gen.py" "$size" "$t/big.info" > "$t/big.xml" &
gen_pid=$!
# read as standard input ("-"): a FIFO given by name is refused (it may never end)
measure "$t/out" "$t/err" $wrap "$gc" check $R --format json - < "$t/big.xml"
kill "$gen_pid" 2>/dev/null
wait "$gen_pid" 2>/dev/null
gen_pid=
read -r sha nexp trailer bytes < "$t/big.info" 2>/dev/null || { sha=none nexp=0 trailer=0 bytes=0; }
verdict=$(python3 - "$t/out" "$sha" "$trailer" <<'PY' 2>&1
import json, sys
doc = json.load(open(sys.argv[1]))
f = doc["files"][0]
rules = sorted({x["rule"] for x in f["findings"] if x["severity"] == "error"})
s3 = [x for x in f["findings"] if x["rule"] == "S3"]
problems = []
if f["sha256"] != sys.argv[2]: problems.append("sha256 differs: not every byte was read")
if rules != ["S3"]: problems.append("errors %s, expected only S3 (an A1 means lines were lost)" % rules)
if not s3 or s3[0]["line"] != int(sys.argv[3]): problems.append("S3 not at line %s" % sys.argv[3])
print("; ".join(problems) or "ok")
PY
)
mb=$((bytes / 1024 / 1024))
if [ "$st" -eq 1 ] && [ "$verdict" = ok ] && [ ! -s "$t/err" ]; then
  ok "a $mb MiB statement ($nexp expense lines) streamed through a pipe: every byte hashed, the lines add up, S3 at line $trailer"
else
  bad "the $mb MiB statement: exit $st; $verdict"
  head -c 400 "$t/err" | sed 's/^/    stderr: /'
fi
if [ -n "$relaxed" ]; then
  ok "the $mb MiB statement: ${secs} s, $((kb / 1024)) MB ($relaxed)"
elif [ "$kb" -lt "$MAX_KB" ]; then
  ok "the $mb MiB statement: peak memory $((kb / 1024)) MB (< 100 MB) in ${secs} s"
else
  bad "the $mb MiB statement: peak memory $((kb / 1024)) MB (limit 100 MB) in ${secs} s"
fi

# -- 8. the fuzzers' crashers: never exit 2, never crash, nothing on stderr
n=0 bad=0
for f in fuzz/regressions/fuzz_statement/*; do
  [ -f "$f" ] || continue
  case $f in *README*) continue ;; esac
  n=$((n + 1))
  $wrap "$gc" check $R "$f" > "$t/out" 2> "$t/err"; st=$?
  if [ "$st" -gt 1 ] || [ -s "$t/err" ]; then
    bad=$((bad + 1))
    bad "fuzz regression $f: exit $st"
    head -c 400 "$t/err" | sed 's/^/    stderr: /'
  fi
done
[ "$bad" -eq 0 ] && ok "$n fuzz regression inputs give exit 0 or 1 and nothing on standard error"
