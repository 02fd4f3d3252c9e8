#!/usr/bin/env bash
# The picture check of the summary workbook (issue 13): writes the demo
# workbooks (an incomplete year and a rejected statement), converts both
# languages to PDF with LibreOffice (private profile), turns the pages into
# PNG images (kept in build/pictures/ for a person to look at) and checks
# what a machine can: LibreOffice opens them, a page count per sheet, every
# page one page wide (A4 landscape), no "###" (a too narrow column) in the text.
# Called from tests/e2e.sh as: bash tests/e2e/pictures.sh /abs/path/grantcheck
set -u
gc=${1:?usage: pictures.sh path/to/grantcheck}
cd "$(dirname "$0")/../.." || exit 2
check() { if eval "$2"; then echo "ok $1"; else echo "FAIL $1"; fi; }
if ! command -v soffice >/dev/null || ! command -v pdftoppm >/dev/null; then
  echo "ok pictures: skipped (make deps installs libreoffice-calc-nogui and poppler-utils)"
  exit 0
fi
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
out=$(dirname "$gc")/pictures
rm -rf "$out" && mkdir -p "$out"
db=$t/reg.db
"$gc" register --db "$db" --today 2026-11-22 $(ls samples/valid/*.xml | grep -v vast-2015) \
  samples/invalid/G2-received.xml > /dev/null
"$gc" summary --db "$db" -o "$t/sv.xlsx" > /dev/null 2>&1
"$gc" summary --db "$db" --lang en -o "$t/en" > /dev/null 2>&1
check "summary -o en writes en.xlsx" '[ -f "$t/en.xlsx" ]'
for l in sv en; do
  timeout 180 soffice --headless "-env:UserInstallation=file://$t/profile" --convert-to pdf --outdir "$t" \
    "$t/$l.xlsx" > "$t/$l.log" 2>&1
  check "LibreOffice converts the $l workbook" '[ -s "$t/$l.pdf" ]'
  [ -s "$t/$l.pdf" ] || continue
  pages=$(pdfinfo "$t/$l.pdf" | awk '/^Pages:/ {print $2}')
  check "$l: at least a page per sheet (8), at most 40 ($pages)" '[ "$pages" -ge 8 ] && [ "$pages" -le 40 ]'
  # A4 landscape everywhere: a sheet wider than a page would print in portrait pieces or more pages wide
  check "$l: every page A4 landscape" '! pdfinfo -f 1 -l "$pages" "$t/$l.pdf" | grep "^Page.*size:" | grep -qv "841.*x 59[0-9]"'
  pdftotext -layout "$t/$l.pdf" "$t/$l.txt"
  check "$l: no ### (too narrow column) in the printed text" '! grep -q "###" "$t/$l.txt"'
  pdftoppm -r 60 -png "$t/$l.pdf" "$out/$l"
  cp "$t/$l.pdf" "$out/"
done
