#!/usr/bin/env bash
# The picture check of the summary workbook (issue 13): runs the demo
# (tests/demo.sh: an incomplete year, 2015 without RCC Väst, and a rejected
# statement, RCC Stockholm Gotland 2013), reads both demo workbooks back with
# openpyxl (check_workbook.py, with the Summa rows' counts spelled out), then
# converts both languages to PDF with LibreOffice (private profile), turns
# the pages into PNG images (kept in build/pictures/ for a person to look at)
# and checks what a machine can: LibreOffice opens them, a page count per
# sheet, every page A4 landscape, the Diagram sheet on one page, no "###" (a
# too narrow column) in the text, and nothing that runs into its neighbour on
# paper: the G8 verdict apart from the difference beside it ("0,00 krStämmer"
# in the text), and on every sheet no amount or percentage touching the next
# cell and no heading touching the next column's (print_gaps.py, from the
# word boxes of pdftotext -bbox). Without LibreOffice the PDF part is skipped.
# Called from tests/e2e.sh as: bash tests/e2e/pictures.sh /abs/path/grantcheck
. "$(dirname "$0")/lib.sh" "$@"
build=$(dirname "$gc")
bash tests/demo.sh "$build" > "$build/demo.log" 2>&1; st=$?
check "make demo's script runs (exit 0, log in $build/demo.log)" '[ $st -eq 0 ]'
demo=$build/demo
py=$(openpyxl_py)
if [ -n "$py" ]; then
  # the demo shows both states: 2013 with a rejected statement, 2015 incomplete
  "$py" tests/e2e/check_workbook.py --rules rules --xlsx "$demo/sammanstallning.xlsx" --db "$demo/register.db" \
    --lang sv --name demo-sv --expect-count "2013=6 av 6, varav 1 underkänd" --expect-count "2014=6 av 6" \
    --expect-count "2015=5 av 6" --expect-missing
  "$py" tests/e2e/check_workbook.py --rules rules --xlsx "$demo/summary-en.xlsx" --db "$demo/register.db" \
    --lang en --name demo-en --expect-count "2013=6 of 6, of which 1 rejected" --expect-count "2015=5 of 6" \
    --expect-missing
else
  ok "demo workbooks: openpyxl read-back skipped (apt-get install python3-openpyxl)"
fi
if ! command -v soffice >/dev/null || ! command -v pdftoppm >/dev/null; then
  ok "pictures: skipped (make deps installs libreoffice-calc-nogui and poppler-utils)"
  exit 0
fi
out=$build/pictures
rm -rf "$out" && mkdir -p "$out"
cp "$demo/sammanstallning.xlsx" "$t/sv.xlsx"
cp "$demo/summary-en.xlsx" "$t/en.xlsx"
"$gc" summary --db "$demo/register.db" --lang en -o "$t/en-o" > /dev/null 2>&1
check "summary -o en-o writes en-o.xlsx" '[ -f "$t/en-o.xlsx" ]'
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
  dia=$(grep -c "^Diagram *Sida\|^Charts *Page" "$t/$l.txt")
  check "$l: the Diagram sheet prints on one page ($dia)" '[ "$dia" -eq 1 ]'
  check "$l: no ### (too narrow column) in the printed text" '! grep -q "###" "$t/$l.txt"'
  verdicts="Stämmer|Avviker|Ofullständig|Inga redovisningar|Agrees|Differs|Incomplete|No statements"
  check "$l: the G8 verdicts stand apart from the difference beside them in the printed text" \
    '[ "$(grep -cE "([0-9]|kr)  +($verdicts)" "$t/$l.txt")" -eq 3 ] && ! grep -qE "(kr|[0-9])($verdicts)" "$t/$l.txt"'
  if [ -n "$py" ]; then
    "$py" tests/e2e/print_gaps.py --pdf "$t/$l.pdf" --xlsx "$t/$l.xlsx" --name "printed-$l"
  fi
  pdftoppm -r 60 -png "$t/$l.pdf" "$out/$l"
  cp "$t/$l.pdf" "$out/"
done
