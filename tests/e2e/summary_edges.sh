#!/usr/bin/env bash
# The review's C6 and C7 (issue 13) read back with openpyxl: `summary --year
# Y` for a year without statements writes the workbook, warns on standard
# error and says so on the first sheet (and Lika fördelning says "Inga
# redovisningar", never a verdict); `-o NAME` without an extension writes
# NAME.xlsx; Kriterier at most a tenth wider than Översikt, so it prints at
# about the same scale (both are fitted to one page wide; the review found it
# at 70 %; the demo's is 288 against 273 characters, 95 %).
# Called from tests/e2e.sh as: bash tests/e2e/summary_edges.sh /abs/path/grantcheck
. "$(dirname "$0")/lib.sh" "$@"
need_openpyxl

db=$t/reg.db
"$gc" register --db "$db" --today 2026-11-22 --rules rules samples/valid/*-2013.xml samples/valid/*-2014.xml \
  > /dev/null 2>&1
"$gc" summary --db "$db" --rules rules --year 2015 -o "$t/y2015" > "$t/out" 2> "$t/err"; st=$?
check "summary --year 2015 (no statements) exits 0 and writes y2015.xlsx" '[ $st -eq 0 ] && [ -s "$t/y2015.xlsx" ]'
check "summary --year 2015 warns on standard error" 'grep -q "warning: the register holds no statement for 2015" "$t/err"'
"$gc" summary --db "$db" --rules rules -o "$t/all.xlsx" > /dev/null 2>&1
"$py" - "$t/y2015.xlsx" "$t/all.xlsx" > "$t/read.txt" 2>&1 <<'PY'
import sys, openpyxl
empty, full = (openpyxl.load_workbook(p) for p in sys.argv[1:3])
ov = empty["Översikt"]
print("first-sheet", empty.sheetnames[0], any(c.value == "Registret har inga redovisningar för 2015."
                                            for row in ov.iter_rows() for c in row))
shares = [r for r in empty["Lika fördelning"].iter_rows(values_only=True) if r[0] == 2015]
print("verdict", shares[0][-1] if shares else None)
def width(ws):
    from openpyxl.utils import get_column_letter
    return sum(ws.column_dimensions[get_column_letter(c)].width or 0 for c in range(1, ws.max_column + 1))
print("widths", round(width(full["Kriterier"])), round(width(full["Översikt"])))
PY
check "the first sheet says the register holds no statements for 2015" 'grep -q "^first-sheet Översikt True" "$t/read.txt"'
check "Lika fördelning 2015: Inga redovisningar, no verdict" 'grep -q "^verdict Inga redovisningar$" "$t/read.txt"'
check "Kriterier at most a tenth wider than Översikt (prints at about its scale)" \
  'read -r _ k o < <(grep "^widths" "$t/read.txt") && [ $((k * 10)) -le $((o * 11)) ]'
