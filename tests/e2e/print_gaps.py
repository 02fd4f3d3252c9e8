#!/usr/bin/env python3
"""Checks a printed summary workbook (the PDF LibreOffice makes of it) for
cells that run into their neighbour: "0,00 krStämmer", "anslagetBedömning".

    print_gaps.py --pdf OUT.pdf --xlsx OUT.xlsx --name LABEL

The words and their boxes come from `pdftotext -bbox`; a page's sheet is the
name its footer starts with. On one printed line, two words closer than
GAP x the line's height are one text (a space between words is about 0.27
x the height); a cell's content must stand further than that from the next
cell's. Checked:

- an amount or a percentage (a word ending a number cell: "kr", "%",
  "p.e.", "pp", "◆", or "1,234.50" in the English notation) and whatever
  follows it on the line, on every sheet but those whose messages run as
  prose (Avvikelser / Findings, Om rapporten / About);
- the headings: a word only in column i's heading followed, that close, by
  a word only in column i+1's heading, on every sheet.

Prints "ok LABEL: ..." or "FAIL LABEL: ..." lines; exits 1 on a failure.
Needs poppler-utils (pdftotext) and python3-openpyxl.
"""

import argparse
import html
import re
import subprocess
import sys

import openpyxl

GAP = 0.45
PROSE = {"Avvikelser", "Findings", "Om rapporten", "About"}
UNIT = re.compile(r"^(kr|%|p\.e\.|pp|◆)$")  # the end of a number cell, after its number
NUMBER = re.compile(r"^[-+]?[0-9][0-9,.]*$")
AMOUNT_END = re.compile(r"^(kr|%|p\.e\.|pp|◆|-?[0-9][0-9,]*\.[0-9]{2})$")
WORD = re.compile(r'<word xMin="([-\d.]+)" yMin="([-\d.]+)" xMax="([-\d.]+)" yMax="([-\d.]+)">([^<]*)</word>')


def pages_of(pdf):
    out = subprocess.run(["pdftotext", "-bbox", pdf, "-"], capture_output=True, check=True).stdout.decode()
    for page in out.split("<page ")[1:]:
        words = [(float(a), float(b), float(c), float(d), html.unescape(t)) for a, b, c, d, t in WORD.findall(page)]
        lines = {}
        for w in words:
            key = next((k for k in lines if abs(k - w[1]) < 0.8), w[1])
            lines.setdefault(key, []).append(w)
        yield [sorted(ws) for _, ws in sorted(lines.items())]


def sheet_of(lines, names):
    """The sheet a page prints: its footer (the lowest line) starts with the name."""
    text = " ".join(w[4] for w in lines[-1]) if lines else ""
    return next((n for n in sorted(names, key=len, reverse=True) if text.startswith(n)), None)


def headings(wb):
    heads = {}
    for ws in wb.worksheets:
        pane = ws.freeze_panes
        row = int(re.sub(r"[A-Z]+", "", pane)) - 1 if pane else 1
        row = max(row, 1)
        heads[ws.title] = [str(ws.cell(row, c).value or "").split() for c in range(1, ws.max_column + 1)]
    return heads


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--pdf", required=True)
    ap.add_argument("--xlsx", required=True)
    ap.add_argument("--name", default="print")
    a = ap.parse_args()
    wb = openpyxl.load_workbook(a.xlsx)
    heads = headings(wb)
    touching_amounts, touching_heads, unknown, checked = [], [], 0, 0
    for n, lines in enumerate(pages_of(a.pdf), 1):
        sheet = sheet_of(lines, wb.sheetnames)
        if sheet is None:
            unknown += 1
            continue
        cols = heads[sheet]
        pairs = {(x, y) for words in cols for x, y in zip(words, words[1:])}  # within one heading
        for line in lines[1:-1]:  # not the page's header and footer
            for k, (w, nxt) in enumerate(zip(line, line[1:])):
                gap, h = nxt[0] - w[2], w[3] - w[1]
                close = gap < GAP * h
                same_cell = UNIT.match(nxt[4]) and (NUMBER.match(w[4]) or UNIT.match(w[4]))
                # a unit ends a number cell only after its number ("◆ = ..." in a note is text)
                of_number = not UNIT.match(w[4]) or (k > 0 and (NUMBER.match(line[k - 1][4]) or
                                                                UNIT.match(line[k - 1][4])))
                if sheet not in PROSE and AMOUNT_END.match(w[4]) and of_number and not same_cell:
                    checked += 1
                    if close:
                        touching_amounts.append(f"page {n} ({sheet}): {w[4]!r} {nxt[4]!r} {gap:.2f} pt")
                for i in range(len(cols) - 1 if (w[4], nxt[4]) not in pairs else 0):
                    left, right = set(cols[i]), set(cols[i + 1])
                    if close and w[4] in left - right and nxt[4] in right - left:
                        touching_heads.append(f"page {n} ({sheet}): {w[4]!r} {nxt[4]!r} {gap:.2f} pt")
    ok = True

    def report(cond, what, detail):
        nonlocal ok
        ok &= cond
        print(("ok " if cond else "FAIL ") + f"{a.name}: {what}" + ("" if cond else f" ({detail})"))

    report(unknown == 0, "every printed page names its sheet in the footer", f"{unknown} pages without")
    report(checked > 0 and not touching_amounts,
           f"no amount or percentage runs into the cell beside it ({checked} checked)",
           "; ".join(touching_amounts[:4]))
    report(not touching_heads, "no heading runs into the next column's heading", "; ".join(touching_heads[:4]))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
