#!/usr/bin/env bash
# Accepted warnings on the summary's Avvikelser / Findings sheet (issue 13):
# a register with two warnings (RCC Väst's G2 and RCC Sydöst's P3, both 2013),
# the officer accepts the G2 one with `grantcheck accept`; the workbook, in
# Swedish and English, read back with openpyxl: the G2 row with its
# justification, day and officer is in the accepted section (below the open
# findings' filtered table) and not among the open ones; the P3 warning
# stays open; check_workbook.py then checks the whole sheet against the
# register (every finding once, in the right section).
# Called from tests/e2e.sh as: bash tests/e2e/summary_accepted.sh /abs/path/grantcheck
. "$(dirname "$0")/lib.sh" "$@"
R="--today 2026-11-22 --rules rules"
need_openpyxl

db=$t/reg.db
"$gc" register --db "$db" $R samples/valid/*-2013.xml > /dev/null 2>&1
"$gc" register --db "$db" $R samples/invalid/G2-received.xml samples/invalid/P3-negative-line-without-note.xml \
  > "$t/reg.out" 2>&1; st=$?
check "register two statements with a warning each (exit 0)" '[ $st -eq 0 ]'
g2=$(q "$db" "SELECT id FROM submission WHERE current = 1 AND file_name = 'G2-received.xml'")
why="Utbetalt i två delar; resterande 500 000 kr kom i januari 2014 (beslut i akten)"
"$gc" accept --db "$db" "$g2" G2 --by berg --why "$why" > "$t/acc.out" 2> "$t/err"; st=$?
check "accept the G2 warning of #$g2 (exit 0)" '[ $st -eq 0 ]'

for l in sv en; do
  "$gc" summary --db "$db" --rules rules --lang $l -o "$t/$l.xlsx" > /dev/null 2> "$t/err"; st=$?
  check "$l: summary exits 0" '[ $st -eq 0 ] && [ -s "$t/$l.xlsx" ]'
  "$py" - "$t/$l.xlsx" $l "$why" > "$t/$l.txt" 2>&1 <<'PY'
import sys, openpyxl
path, lang, why = sys.argv[1:4]
ws = openpyxl.load_workbook(path)[{"sv": "Avvikelser", "en": "Findings"}[lang]]
head = int(ws.freeze_panes[1:]) - 1          # the frozen header row (1-based)
filt_last = int(ws.auto_filter.ref.split(":")[1].lstrip("ABCDEFGHIJ"))
title = {"sv": "Godtagna varningar:", "en": "Accepted warnings:"}[lang]
rows = [[c.value for c in r] for r in ws.iter_rows(min_row=1, max_row=ws.max_row)]
at = next(i + 1 for i, r in enumerate(rows) if isinstance(r[0], str) and r[0].startswith(title))
open_rows = [r for r in rows[head:filt_last]]
acc_rows = [r for r in rows[at + 1:] if any(v is not None for v in r)]   # below the section's heading row
heads = rows[head - 1]
col = {h: i for i, h in enumerate(heads)}
sev, why_h, by_h = {"sv": ("Allvarlighetsgrad", "Motivering", "Godtagen (dag, av)"),
                    "en": ("Severity", "Justification", "Accepted (day, by)")}[lang]
print("section-after-table", at > filt_last)
print("g2-open", any(r[col["Regel" if lang == "sv" else "Rule"]] == "G2" for r in open_rows))
print("p3-open", any(r[col["Regel" if lang == "sv" else "Rule"]] == "P3" and
                     r[col[sev]] == {"sv": "Varning", "en": "Warning"}[lang] for r in open_rows))
g2 = [r for r in acc_rows if r[2] == "G2"]
print("g2-accepted", len(g2) == 1 and g2[0][col[why_h]] == why and g2[0][col[by_h]].endswith(", berg")
      and g2[0][col[sev]] == {"sv": "Varning, godtagen", "en": "Warning, accepted"}[lang])
print("p3-accepted", any(r[2] == "P3" for r in acc_rows))
print("why-once", sum(1 for r in rows for v in r if v == why))
PY
  check "$l: the accepted section lies below the open findings' filtered table" 'grep -q "^section-after-table True" "$t/$l.txt"'
  check "$l: the accepted G2 warning is not among the open findings" 'grep -q "^g2-open False" "$t/$l.txt"'
  check "$l: the G2 row in the accepted section, 'accepted' severity, its day, officer and justification" \
    'grep -q "^g2-accepted True" "$t/$l.txt"'
  check "$l: the unaccepted P3 warning stays open" 'grep -q "^p3-open True" "$t/$l.txt" && grep -q "^p3-accepted False" "$t/$l.txt"'
  check "$l: the justification appears once in the sheet" 'grep -q "^why-once 1$" "$t/$l.txt"'
  "$py" tests/e2e/check_workbook.py --rules rules --xlsx "$t/$l.xlsx" --db "$db" --lang $l --name "accepted-$l" \
    --years 2013
done
