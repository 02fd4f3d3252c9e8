#!/usr/bin/env bash
# The summary workbook goes to the ministry: no path of the officer's
# machine in it (issue 13). Statements and register live under the test's
# temporary folder, registered by absolute path; the workbook (Swedish and
# English, and one whose findings are capped, whose closing line names the
# register) is read back with openpyxl: every cell of every sheet, cell
# notes, page headers and footers, the document properties, and then every
# part of the file as raw text must hold neither the temporary folder nor the
# repository's folder. About names the register by its file name and says
# what identifies its state.
# Called from tests/e2e.sh as: bash tests/e2e/summary_nopath.sh /abs/path/grantcheck
. "$(dirname "$0")/lib.sh" "$@"
need_openpyxl

home=$t/home/officer
mkdir -p "$home/incoming" "$home/Dokument"
cp samples/valid/*-2014.xml samples/invalid/P3-negative-line-without-note.xml "$home/incoming/"
db=$home/Dokument/register.db
"$gc" register --db "$db" --today 2026-11-22 --rules rules "$home/incoming" > /dev/null 2>&1
check "register by absolute path (the register records it)" \
  '[ "$(q "$db" "SELECT count(*) FROM submission WHERE path LIKE '"'$t/%'"'")" -gt 0 ]'
for l in sv en; do
  "$gc" summary --db "$db" --rules rules --lang $l -o "$t/$l.xlsx" > /dev/null 2> "$t/err"
  check "$l: summary writes the workbook" '[ -s "$t/$l.xlsx" ]'
done
# a sheet of 3 rows: the findings are capped and the closing line names the register
GRANTCHECK_TEST_SHEET_ROWS=6 "$gc" summary --db "$db" --rules rules -o "$t/cap.xlsx" > /dev/null 2> "$t/err"
check "capped: summary writes the workbook" '[ -s "$t/cap.xlsx" ]'

for w in sv en cap; do
  "$py" - "$t/$w.xlsx" "$t" "$(pwd)" > "$t/$w.txt" 2>&1 <<'PY'
import os, sys, zipfile, openpyxl
path, tmp, repo = sys.argv[1:4]
needles = {tmp, os.path.realpath(tmp), repo, os.path.realpath(repo)}
hits, cells = [], 0
wb = openpyxl.load_workbook(path)
for ws in wb.worksheets:
    texts = []
    for row in ws.iter_rows():
        for c in row:
            cells += 1
            texts.append((c.coordinate, c.value))
            if c.comment is not None:
                texts.append((c.coordinate + " note", c.comment.text))
    for hf in (ws.oddHeader, ws.oddFooter, ws.evenHeader, ws.evenFooter, ws.firstHeader, ws.firstFooter):
        for part in (hf.left, hf.center, hf.right):
            texts.append(("header/footer", part.text))
    hits += [f"{ws.title}!{where}: {v!r}" for where, v in texts if isinstance(v, str) and any(n in v for n in needles)]
p = wb.properties
for k in ("title", "subject", "creator", "description", "keywords", "lastModifiedBy", "category", "identifier"):
    v = getattr(p, k, None)
    if isinstance(v, str) and any(n in v for n in needles):
        hits.append(f"docProps {k}: {v!r}")
z = zipfile.ZipFile(path)
parts = z.namelist()
for n in parts:
    raw = z.read(n).decode("utf-8", "replace")
    hits += [f"part {n}" for x in needles if x in raw]
print("parts", len(parts), "docprops", sum(n.startswith("docProps/") for n in parts), "cells", cells)
about = wb[wb.sheetnames[-1]]
reg = [r[1].value for r in about.iter_rows() if r[0].value == "Register"]
print("register", reg[0] if reg else None)
last = " ".join(str(c.value) for c in wb[wb.sheetnames[5]][wb[wb.sheetnames[5]].max_row] if c.value is not None)
print("last", last[:200])
print("hits", len(hits))
for h in hits[:5]:
    print("  ", h)
PY
  check "$w: no local path in any cell, note, header, footer, document property or part of the file" \
    'grep -q "^hits 0$" "$t/$w.txt" && grep -q "^parts [0-9]* docprops [1-9]" "$t/$w.txt"'
done
check "sv: About names the register by file name, with its creation, last event and submissions" \
  'grep -q "^register register.db, skapat [0-9-]* [0-9:]* UTC; senaste händelse #[0-9]*, [0-9-]* [0-9:]* UTC; [0-9]* inlämningar$" "$t/sv.txt"'
check "en: About names the register by file name, with its creation, last event and submissions" \
  'grep -q "^register register.db, created [0-9-]* [0-9:]* UTC; last event #[0-9]*, [0-9-]* [0-9:]* UTC; [0-9]* submissions$" "$t/en.txt"'
check "capped: the closing line names the register as register.db" \
  'grep -q "^last .*avvikelser till.*grantcheck list --db register.db" "$t/cap.txt"'
