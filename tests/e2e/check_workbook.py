#!/usr/bin/env python3
"""Reads a `grantcheck summary` workbook back and checks it against the
register it was made from and the statement files themselves.

    check_workbook.py --xlsx OUT.xlsx --db REG.db --lang sv|en [--rules rules]
                      [--years 2013,2014] [--expect-missing] [--name LABEL]

Run from the repository root (the register records statement paths relative
to it). Prints one line "ok WHAT" per passed check and "FAIL WHAT" per
failure; exits 1 when anything failed.

Money is compared exactly, in Decimal: every amount of the statements
(parsed from the XML, not from the register) must equal the workbook's cell
to the öre, every =SUM formula's cached value must equal the sum of the cells
it names, and every total must equal the sum of the statements' figures.
Needs python3-openpyxl.
"""

import argparse
import csv
import datetime
import hashlib
import math
import os
import re
import sqlite3
import sys
import xml.etree.ElementTree as ET
import zipfile
from collections import Counter
from decimal import Decimal

import openpyxl
from openpyxl.utils import column_index_from_string, get_column_letter, range_boundaries

NS = "{urn:grantcheck:statement:1}"
AMOUNT = re.compile(r"-?[0-9]{1,12}(\.[0-9]{1,2})?")
MONEY_FORMATS = {"sv": '#,##0.00 "kr"', "en": '"SEK "#,##0.00'}
MONEY_FORMAT = MONEY_FORMATS["sv"]
CENT = Decimal("0.01")

SHEETS = {
    "sv": ["Översikt", "Diagram", "Kostnadsslag", "Kriterier", "Jämförelse", "Avvikelser", "Lika fördelning",
           "Om rapporten"],
    "en": ["Overview", "Charts", "Categories", "Criteria", "Comparison", "Findings", "Equal shares", "About"],
}
STATUS = {
    "sv": {"valid": "Godkänd", "warnings": "Godkänd med varningar", "invalid": "Underkänd", None: "Saknas"},
    "en": {"valid": "Approved", "warnings": "Approved with warnings", "invalid": "Rejected", None: "Missing"},
}
STATUS_FILL = {"valid": "C6EFCE", "warnings": "FFEB9C", "invalid": "FFC7CE", None: "D9D9D9"}
SEVERITY = {"sv": {"error": "Fel", "warning": "Varning", "info": "Info"},
            "en": {"error": "Error", "warning": "Warning", "info": "Info"}}
TOTAL = {"sv": "Summa", "en": "Total"}
REJECTED_APART = {"sv": "Underkänt, ej i summan", "en": "Rejected, not in the total"}
ALL_RCC = {"sv": "Alla RCC", "en": "All RCCs"}
COMPANY = {"sv": "Socialdepartementet", "en": "Ministry of Health and Social Affairs"}
FIGS = ["granted", "received", "carriedOver", "available", "totalExpenses", "closing", "carryForward", "repay"]
OV_MONEY_COL = {f: 3 + i for i, f in enumerate(FIGS)}  # 1-based columns C..J
OV_UTIL, OV_STATUS, OV_ERRORS, OV_WARNINGS, OV_ATTESTED, OV_RECEIVED = 11, 12, 13, 14, 15, 16


class Report:
    def __init__(self, name):
        self.name = name
        self.failed = 0

    def check(self, cond, what, detail=""):
        if cond:
            print(f"ok {self.name}: {what}")
        else:
            self.failed += 1
            print(f"FAIL {self.name}: {what}" + (f" ({detail})" if detail else ""))
        return cond


# ---------------------------------------------------------------- reference

def read_tsv(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            rows.append(line.rstrip("\n").split("\t"))
    return rows[1:] if rows and rows[0][0] in ("list", "year") else rows


def load_rules(rules_dir, ruleset):
    d = os.path.join(rules_dir, ruleset)
    codes = {}
    for lst, code, sv, en in read_tsv(os.path.join(d, "codes.tsv")):
        codes.setdefault(lst, []).append((code, {"sv": sv, "en": en}))
    years = {int(y): ore(a) for y, a, _ in read_tsv(os.path.join(d, "years.tsv"))}
    params = dict(r[:2] for r in read_tsv(os.path.join(d, "programme.tsv")))
    return codes, years, int(params["rcc_count"])


def ore(text):
    """Decimal kronor from the format's notation, None when not an amount."""
    if text is None:
        return None
    text = text.strip()
    return Decimal(text) if AMOUNT.fullmatch(text) else None


def parse_statement(path):
    root = ET.parse(path).getroot()

    def amount(xpath):
        el = root.find(xpath)
        return ore(el.text) if el is not None and el.text is not None else None

    st = {f: amount(f"{NS}funds/{NS}{f}") for f in ("granted", "received", "carriedOver")}
    st["totalExpenses"] = amount(f"{NS}totalExpenses")
    for f in ("closing", "carryForward", "repay"):
        st[f] = amount(f"{NS}balance/{NS}{f}")
    st["available"] = (st["carriedOver"] + st["received"]
                       if st["carriedOver"] is not None and st["received"] is not None else None)
    st["lines"] = [(e.get("category"), e.get("criterion"), ore(e.text))
                   for e in root.iter(f"{NS}expense")]
    return st


def load_register(db):
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    con.row_factory = sqlite3.Row
    subs = [dict(r) for r in con.execute(
        "SELECT * FROM submission WHERE current = 1 AND rcc IS NOT NULL AND year IS NOT NULL")]
    for s in subs:
        s["findings"] = [dict(r) for r in con.execute(
            "SELECT * FROM finding WHERE submission = ? ORDER BY seq", (s["id"],))]
        for f in s["findings"]:  # the newest acceptance of the finding's fingerprint
            a = con.execute("SELECT why, by, at FROM acceptance WHERE fingerprint = ? ORDER BY id DESC LIMIT 1",
                            (f["fingerprint"],)).fetchone() if f.get("fingerprint") else None
            f["acceptance"] = dict(a) if a else None
        s["xml"] = parse_statement(s["path"])
    con.close()
    return subs


# ---------------------------------------------------------------- workbook

def money(v):
    """A cell's number as Decimal kronor (None stays None)."""
    if v is None:
        return None
    if isinstance(v, bool) or not isinstance(v, (int, float)):
        return "not a number: %r" % (v,)
    return Decimal(repr(float(v))).quantize(CENT)


def header_row(ws):
    """The row of the frozen header (the pane starts below it)."""
    pane = ws.freeze_panes
    if not pane:
        return None
    row = int(re.sub(r"[A-Z]+", "", pane))
    return row - 1


def data_rows(ws, head):
    for r in range(head + 1, ws.max_row + 1):
        vals = [ws.cell(r, c).value for c in range(1, ws.max_column + 1)]
        if any(v is not None for v in vals):
            yield r, vals


def check_layout(rep, wbf, name, head_expected=None):
    ws = wbf[name]
    head = header_row(ws)
    rep.check(head is not None and (head_expected is None or head == head_expected),
              f"{name}: header row frozen", f"freeze_panes={ws.freeze_panes}")
    if head is None:
        return None
    ncols = ws.max_column
    heads = [ws.cell(head, c) for c in range(1, ncols + 1)]
    rep.check(all(c.font is not None and c.font.b for c in heads if c.value is not None),
              f"{name}: header row bold")
    ref = ws.auto_filter.ref
    rep.check(bool(ref) and range_boundaries(ref)[1] == head and range_boundaries(ref)[3] >= head,
              f"{name}: autofilter on the table", f"ref={ref}")
    ps = ws.page_setup
    rep.check(ps.orientation == "landscape", f"{name}: landscape")
    fit = ws.sheet_properties.pageSetUpPr
    rep.check(fit is not None and fit.fitToPage and str(ps.fitToHeight) == "0"
              and str(ps.fitToWidth or 1) == "1", f"{name}: fit to one page wide",
              f"fitToWidth={ps.fitToWidth} fitToHeight={ps.fitToHeight}")
    rep.check(ws.print_title_rows in (f"${head}:${head}", f"{head}:{head}"),
              f"{name}: print titles repeat the header row", f"{ws.print_title_rows}")
    # a heading over centred values (years, counts, statuses, dates) is centred too
    # (a "Saknas" cell is centred in any column: it says nothing of the column)
    missing = {STATUS[lang][None] for lang in STATUS}
    sample = [[ws.cell(r, c) for r in range(head + 1, min(ws.max_row, head + 8) + 1)] for c in range(1, ncols + 1)]
    sample = [[x for x in col if x.value is not None and x.value not in missing] for col in sample]
    centred = {c + 1 for c, col in enumerate(sample) if col and all(x.alignment.horizontal == "center" for x in col)}
    off = [f"{heads[c - 1].coordinate} {heads[c - 1].value!r}: {heads[c - 1].alignment.horizontal}"
           for c in sorted(centred) if heads[c - 1].value is not None and heads[c - 1].alignment.horizontal != "center"]
    rep.check(not off, f"{name}: headings over centred columns are centred", "; ".join(off[:3]))
    widths_ok = all((ws.column_dimensions[get_column_letter(c)].width or 0) >= 4 for c in range(1, ncols + 1))
    rep.check(widths_ok, f"{name}: every column has its width set")
    return head


def shown_width(cell):
    """Characters a value takes when shown (Swedish number notation)."""
    v = cell.value
    if v is None:
        return 0
    if isinstance(v, str):
        return max(len(line) for line in v.split("\n"))
    if isinstance(v, (datetime.datetime, datetime.date)):
        return 16 if "h" in (cell.number_format or "") else 10
    if isinstance(v, (int, float)) and "%" in (cell.number_format or ""):
        return len(f"{v * 100:.1f}%")
    if isinstance(v, (int, float)) and "kr" in (cell.number_format or ""):
        kr = f"{abs(v):,.2f}"
        return len(kr) + 3 + (v < 0)
    return len(str(v))


def check_widths(rep, wbv, name, head, skip_cols=(), rows=None):
    ws = wbv[name]
    narrow = []
    for r in (rows if rows is not None else range(head + 1, ws.max_row + 1)):
        for c in range(1, ws.max_column + 1):
            cell = ws.cell(r, c)
            if c in skip_cols or cell.value is None or (cell.alignment and cell.alignment.wrap_text):
                continue
            w = ws.column_dimensions[get_column_letter(c)].width or 0
            if shown_width(cell) > w:
                narrow.append(f"{cell.coordinate}={cell.value!r} width {w}")
    rep.check(not narrow, f"{name}: columns wide enough for their content", "; ".join(narrow[:3]))


# ---------------------------------------------------------------- formulas

CELL = re.compile(r"^\$?([A-Z]+)\$?([0-9]+)$")


def cell_value(wsv, ref):
    m = CELL.match(ref)
    return wsv[f"{m.group(1)}{m.group(2)}"].value


def check_formulas(rep, wbf, wbv):
    n, bad, total_cells = 0, [], 0
    for wsf in wbf.worksheets:
        wsv = wbv[wsf.title]
        for row in wsf.iter_rows():
            for cf in row:
                f = cf.value
                if not (isinstance(f, str) and f.startswith("=")):
                    continue
                n += 1
                cached = wsv[cf.coordinate].value
                where = f"{wsf.title}!{cf.coordinate} {f}"
                if not isinstance(cached, (int, float)) or not math.isfinite(cached):
                    bad.append(f"{where}: no cached number ({cached!r})")
                    continue
                m = re.fullmatch(r"=SUM\(([A-Z]+[0-9]+)(?::([A-Z]+[0-9]+))?\)", f)
                if m:
                    c1, r1, c2, r2 = range_boundaries(m.group(1) + ":" + (m.group(2) or m.group(1)))
                    vals = [wsv.cell(r, c).value for r in range(r1, r2 + 1) for c in range(c1, c2 + 1)]
                    total_cells += len(vals)
                    s = sum((money(v) for v in vals if isinstance(v, (int, float))), Decimal(0))
                    if money(cached) != s:
                        bad.append(f"{where}: cached {cached} but the cells sum to {s}")
                    continue
                m = re.fullmatch(r"=SUBTOTAL\(109((?:,[A-Z]+[0-9]+(?::[A-Z]+[0-9]+)?)+)\)", f)
                if m:
                    s = Decimal(0)
                    for part in m.group(1)[1:].split(","):
                        c1, r1, c2, r2 = range_boundaries(part if ":" in part else part + ":" + part)
                        vals = [wsv.cell(r, c).value for r in range(r1, r2 + 1) for c in range(c1, c2 + 1)]
                        total_cells += len(vals)
                        s += sum((money(v) for v in vals if isinstance(v, (int, float))), Decimal(0))
                    if money(cached) != s:
                        bad.append(f"{where}: cached {cached} but the cells subtotal to {s}")
                    continue
                m = re.fullmatch(r"=([A-Z]+[0-9]+)-([A-Z]+[0-9]+)\*([0-9]+)", f)
                if m:
                    ok = money(cached) == money(cell_value(wsv, m.group(1))) - \
                        money(cell_value(wsv, m.group(2))) * int(m.group(3))
                    if not ok:
                        bad.append(f"{where}: cached {cached}")
                    continue
                m = re.fullmatch(r"=([A-Z]+[0-9]+)([-/])([A-Z]+[0-9]+)", f)
                if not m:
                    bad.append(f"{where}: unexpected formula")
                    continue
                a, b = cell_value(wsv, m.group(1)), cell_value(wsv, m.group(3))
                if m.group(2) == "-":
                    ok = money(cached) == money(a) - money(b)
                else:
                    ok = b not in (0, None) and abs(cached - a / b) < 1e-12
                if not ok:
                    bad.append(f"{where}: cached {cached} but {a} {m.group(2)} {b}")
    rep.check(n > 0 and not bad, f"all {n} formulas carry cached values equal to their cells "
              f"({total_cells} summed cells)", "; ".join(bad[:4]))


# ---------------------------------------------------------------- sheets

def check_overview(rep, wbf, wbv, lang, subs, years, rcc_codes, expect_missing):
    name = SHEETS[lang][0]
    head = check_layout(rep, wbf, name, 1)
    if head is None:
        return
    check_widths(rep, wbv, name, head)
    ws, wsf = wbv[name], wbf[name]
    label = {code: lab[lang] for code, lab in rcc_codes}
    by_key = {(s["rcc"], s["year"]): s for s in subs}
    rows = list(data_rows(ws, head))
    seen = Counter((v[0], v[1]) for _, v in rows if v[0] not in (TOTAL[lang], REJECTED_APART[lang]))
    expected = {(label.get(rcc, rcc), y) for y in years for rcc in
                [c for c, _ in rcc_codes] + [s["rcc"] for s in subs if s["year"] == y]}
    rep.check(set(seen) == expected and all(n == 1 for n in seen.values()),
              f"{name}: one row per RCC and year ({len(expected)} rows)",
              f"missing {sorted(expected - set(seen))[:3]}, extra {sorted(set(seen) - expected)[:3]}")
    wrong, missing_rows, blocks = [], 0, {}
    for r, v in rows:
        if v[0] in (TOTAL[lang], REJECTED_APART[lang]):
            continue
        code = next((c for c, lab in label.items() if lab == v[0]), v[0])
        s = by_key.get((code, v[1]))
        blocks.setdefault(v[1], []).append((r, s))
        status_cell = ws.cell(r, OV_STATUS)
        fill = (status_cell.fill.fgColor.rgb or "") if status_cell.fill else ""
        key = s["status"] if s else None
        if v[OV_STATUS - 1] != STATUS[lang][key] or not str(fill).endswith(STATUS_FILL[key]):
            wrong.append(f"row {r}: status {v[OV_STATUS - 1]!r} fill {fill}")
        if s is None:
            missing_rows += 1
            if any(v[c - 1] is not None for c in OV_MONEY_COL.values()):
                wrong.append(f"row {r}: a missing statement with figures")
            continue
        for fig, c in OV_MONEY_COL.items():
            want = s["xml"][fig]
            cell = ws.cell(r, c)
            if money(cell.value) != want or (want is not None and cell.number_format != MONEY_FORMATS[lang]):
                wrong.append(f"{cell.coordinate} {fig}: {cell.value!r} ({cell.number_format}) != {want}")
        avail, exp = s["xml"]["available"], s["xml"]["totalExpenses"]
        util = ws.cell(r, OV_UTIL)
        if avail and exp is not None and avail > 0:
            if not isinstance(util.value, float) or abs(util.value - float(exp / avail)) > 1e-12 \
                    or "%" not in util.number_format:
                wrong.append(f"{util.coordinate} utilisation {util.value!r} != {exp / avail}")
        elif util.value is not None:
            wrong.append(f"{util.coordinate} utilisation {util.value!r} without available funds")
        if (v[OV_ERRORS - 1], v[OV_WARNINGS - 1]) != (s["errors"], s["warnings"]):
            wrong.append(f"row {r}: errors/warnings {v[OV_ERRORS - 1]}/{v[OV_WARNINGS - 1]}")
        att = v[OV_ATTESTED - 1]
        if s["attested"] and (not isinstance(att, datetime.datetime) or att.date().isoformat() != s["attested"]):
            wrong.append(f"row {r}: attested {att!r} != {s['attested']}")
        rec = v[OV_RECEIVED - 1]
        if not isinstance(rec, datetime.datetime) or rec.strftime("%Y-%m-%dT%H:%M:%SZ") != s["received_at"]:
            wrong.append(f"row {r}: received {rec!r} != {s['received_at']}")
    rep.check(not wrong, f"{name}: figures equal the statements to the öre, status texts and colours",
              "; ".join(wrong[:4]))
    if expect_missing:
        rep.check(missing_rows > 0, f"{name}: {missing_rows} rows with status {STATUS[lang][None]} "
                  f"for RCCs without a statement")
    check_overview_totals(rep, ws, wsf, lang, rows, blocks, years)


def check_overview_totals(rep, ws, wsf, lang, rows, blocks, years):
    name = ws.title
    totals = {v[1]: r for r, v in rows if v[0] == TOTAL[lang]}
    rep.check(sorted(totals) == sorted(years), f"{name}: a total row per year", f"{sorted(totals)}")
    wrong = []
    for year, tr in totals.items():
        block = blocks.get(year, [])
        counted = [r for r, s in block if s and s["status"] != "invalid"]
        for fig, c in OV_MONEY_COL.items():
            col = get_column_letter(c)
            f = wsf.cell(tr, c).value
            # rejected statements are apart: never in the year's total
            want = sum((s["xml"][fig] for _, s in block if s and s["status"] != "invalid"
                        and s["xml"][fig] is not None), Decimal(0))
            refs = set()
            for part in re.findall(r"[A-Z]+[0-9]+(?::[A-Z]+[0-9]+)?", (f or "")[len("=SUBTOTAL(109"):]):
                c1, r1, c2, r2 = range_boundaries(part + ("" if ":" in part else ":" + part))
                refs |= set(range(r1, r2 + 1))
            if (counted and not (f or "").startswith("=SUBTOTAL(109,")) or refs != set(counted) \
                    or (money(ws.cell(tr, c).value) or Decimal(0)) != want:
                wrong.append(f"{col}{tr}: {f} = {ws.cell(tr, c).value} != {want}")
    rep.check(not wrong, f"{name}: total rows are SUBTOTAL(109) over the counted rows (rejected apart), equal "
              f"to the statements' sums",
              "; ".join(wrong[:4]))


def breakdown_expected(s, by_criterion, code):
    lines = s["xml"]["lines"]
    return sum((a for cat, crit, a in lines if (crit if by_criterion else cat) == code and a is not None),
               Decimal(0))


def check_breakdown(rep, wbf, wbv, lang, subs, rcc_codes, codes, by_criterion):
    name = SHEETS[lang][3 if by_criterion else 2]
    head = check_layout(rep, wbf, name, 1)
    if head is None:
        return
    check_widths(rep, wbv, name, head)
    ws = wbv[name]
    heads = [ws.cell(head, c).value for c in range(1, ws.max_column + 1)]

    def title(code, lab):
        return f"{code} {lab[lang]}" if by_criterion and code[0].isdigit() else lab[lang]

    want_heads = [title(c, lab) for c, lab in codes]
    rep.check(heads[2:2 + len(want_heads)] == want_heads and heads[-2] == TOTAL[lang],
              f"{name}: the rule set's {'criteria' if by_criterion else 'categories'} across, "
              f"labels in {lang}", f"{heads}")
    col_of = {c: 3 + i for i, (c, _) in enumerate(codes)}
    label = {code: lab[lang] for code, lab in rcc_codes}
    by_key = {(label.get(s["rcc"], s["rcc"]), s["year"]): s for s in subs}
    wrong, checked = [], 0
    for r, v in data_rows(ws, head):
        s = by_key.get((v[0], v[1]))
        if v[0] == TOTAL[lang] or s is None:
            continue
        v = v[:-1]  # the status column (Saknas, Underkänd)
        checked += 1
        for code, c in col_of.items():
            want = breakdown_expected(s, by_criterion, code)
            if (money(v[c - 1]) or Decimal(0)) != want:
                wrong.append(f"{ws.cell(r, c).coordinate} {code}: {v[c - 1]} != {want}")
        lines_sum = sum((a for _, _, a in s["xml"]["lines"] if a is not None), Decimal(0))
        if money(v[-1]) != lines_sum:
            wrong.append(f"row {r} total {v[-1]} != {lines_sum}")
        if s["status"] == "valid" and money(v[-1]) != s["xml"]["totalExpenses"]:
            wrong.append(f"row {r} total {v[-1]} != totalExpenses {s['xml']['totalExpenses']}")
    rep.check(checked > 0 and not wrong, f"{name}: {checked} RCC rows equal the statements' expense lines "
              f"to the öre", "; ".join(wrong[:4]))


def g8_fails(subs, year, appropriation):
    granted = [s["xml"]["granted"] for s in subs if s["year"] == year and s["xml"]["granted"] is not None]
    return len(set(granted)) > 1 or sum(granted, Decimal(0)) != appropriation


ACCEPTED_SEV = {"sv": "Varning, godtagen", "en": "Warning, accepted"}
NO_OPEN = {"sv": "Inga öppna avvikelser", "en": "No open findings"}
NO_ACCEPTED = {"sv": "Inga godtagna varningar", "en": "No accepted warnings"}
SECTION_ACCEPTED = {"sv": "Godtagna varningar:", "en": "Accepted warnings:"}


def findings_sections(ws, head):
    """The Findings sheet's two sections: (open rows, accepted rows,
    accepted title row, accepted heading row), rows as (row, values)."""
    opened, accepted, title, heading = [], [], None, None
    for r, v in data_rows(ws, head):
        if isinstance(v[0], str) and v[0].startswith(tuple(SECTION_ACCEPTED.values())) and title is None:
            title = r
        elif title is not None and heading is None:
            heading = r
        elif title is None:
            opened.append((r, v))
        else:
            accepted.append((r, v))
    return opened, accepted, title, heading


def wrapped_lines(text, width, units_per_char):
    """Lines text takes in a column of width characters when each character
    is units_per_char wide (greedy, by words)."""
    lines, used = 1, 0.0
    for part in str(text).split("\n"):
        for w in part.split():
            n = len(w) * units_per_char
            if used and used + units_per_char + n > width - 1:
                lines, used = lines + 1, n
            else:
                used += (units_per_char if used else 0) + n
        lines, used = lines + 1, 0.0
    return lines - 1


def check_row_heights(rep, ws, name, rows):
    """Each row as high as its wrapped cells need, no more: between the
    lines at 0.75 of a "0" per character (narrow Calibri prose) and at one
    "0" per character (the widest) - a one-line message gets a one-line row
    (the review's C6: every row was 30 pt)."""
    wrong = []
    for r in rows:
        cells = [c for c in ws[r] if c.value is not None and c.alignment.wrap_text]
        if not cells:
            continue
        width = {c.column: ws.column_dimensions[get_column_letter(c.column)].width for c in cells}
        low = max(wrapped_lines(c.value, width[c.column], 0.75) for c in cells)
        high = max(wrapped_lines(c.value, width[c.column], 1.0) for c in cells)
        lines = (ws.row_dimensions[r].height or 15) / 15
        if not low <= lines <= high:
            wrong.append(f"row {r}: {lines:g} lines, between {low} and {high} expected")
    rep.check(not wrong, f"{name}: row heights fit the wrapped text ({len(rows)} rows)", "; ".join(wrong[:3]))


def check_findings(rep, wbf, wbv, lang, subs, years, rcc_codes, appropriation):
    """Open findings in the filtered table under the header, accepted
    warnings (with day, who and the justification from the register's
    acceptance table) in their own section below it, each finding once."""
    name = SHEETS[lang][5]
    head = check_layout(rep, wbf, name, 2)
    if head is None:
        return
    ws = wbv[name]
    opened, accepted, title, heading = findings_sections(ws, head)
    rep.check(title is not None and heading is not None and
              [ws.cell(heading, c).value for c in range(1, ws.max_column + 1)] ==
              [ws.cell(head, c).value for c in range(1, ws.max_column + 1)],
              f"{name}: the accepted warnings' section below the open ones, with the headings repeated")
    ref = ws.auto_filter.ref
    last_open = opened[-1][0] if opened else head
    rep.check(bool(ref) and range_boundaries(ref)[3] == last_open,
              f"{name}: the autofilter covers the open findings only", f"ref={ref}, last open row {last_open}")
    skip = {r for r in (title, heading) if r is not None}
    narrow_rows = [r for r in range(head + 1, ws.max_row + 1) if r not in skip]
    check_widths(rep, wbv, name, head, rows=narrow_rows)
    label = {code: lab[lang] for code, lab in rcc_codes}
    got_open, got_acc = Counter(), Counter()
    g8_years = set()
    for _, v in opened:
        if v[0] == ALL_RCC[lang]:
            g8_years.add(v[1])
            continue
        if v[0] == NO_OPEN[lang]:
            continue
        got_open[(v[0], v[1], v[2], v[4], v[5], v[6], v[7])] += 1
    for _, v in accepted:
        if v[0] == NO_ACCEPTED[lang]:
            continue
        got_acc[(v[0], v[1], v[2], v[4], v[5], v[6], v[7], v[8], v[9])] += 1
    want_open, want_acc = Counter(), Counter()
    msg = "message_sv" if lang == "sv" else "message_en"
    for s in subs:
        for f in s["findings"]:
            key = (label.get(s["rcc"], s["rcc"]), s["year"], f["rule"])
            a = f.get("acceptance") if f["severity"] == "warning" else None
            if a:
                want_acc[key + (ACCEPTED_SEV[lang], f[msg], f["line"] or None, s["file_name"],
                                f"{a['at'][:10]}, {a['by']}", a["why"])] += 1
            else:
                want_open[key + (SEVERITY[lang][f["severity"]], f[msg], f["line"] or None, s["file_name"])] += 1
    rep.check(got_open == want_open, f"{name}: every open finding of the current statements "
              f"({sum(want_open.values())}) with RCC, year, rule, severity, message in {lang}, line, file",
              f"missing {list((want_open - got_open).keys())[:2]} extra {list((got_open - want_open).keys())[:2]}")
    rep.check(got_acc == want_acc, f"{name}: every accepted warning ({sum(want_acc.values())}) in its own "
              f"section with day, who and the justification",
              f"missing {list((want_acc - got_acc).keys())[:2]} extra {list((got_acc - want_acc).keys())[:2]}")
    first = ws.cell(1, 1).value or ""
    n_g8 = sum(1 for _, v in opened if v[0] == ALL_RCC[lang])
    counts = re.findall(r": ([0-9]+)", first)
    rep.check(counts == [str(sum(want_open.values()) + n_g8), str(sum(want_acc.values()))],
              f"{name}: the title line counts the open findings and the accepted warnings", repr(first))
    check_row_heights(rep, wbf[name], name, [r for r, _ in opened + accepted])
    want_g8 = {y for y in years if y in appropriation and g8_fails(subs, y, appropriation[y])}
    rep.check(g8_years == want_g8, f"{name}: G8 rows for the years whose grants are not "
              f"equal shares {sorted(want_g8)}", f"got {sorted(g8_years)}")


def check_shares(rep, wbf, wbv, lang, subs, years, rcc_codes, appropriation, rcc_count):
    name = SHEETS[lang][6]
    head = check_layout(rep, wbf, name, 1)
    if head is None:
        return
    ws = wbv[name]
    label = {code: lab[lang] for code, lab in rcc_codes}
    heads = [ws.cell(head, c).value for c in range(1, ws.max_column + 1)]
    rows = {v[0]: v for _, v in data_rows(ws, head)}
    rep.check(sorted(rows) == sorted(years), f"{name}: a row per year", f"{sorted(rows)}")
    wrong = []
    for y in years:
        v = rows.get(y)
        if v is None:
            continue
        approp = appropriation.get(y)
        if money(v[1]) != approp or (approp is not None and v[2] != rcc_count):
            wrong.append(f"{y}: appropriation {v[1]} count {v[2]}")
        if approp is not None:
            share = (approp * 100 // rcc_count) / 100
            if money(v[3]) != share:
                wrong.append(f"{y}: equal share {v[3]} != {share}")
        for code, lab in label.items():
            s = next((s for s in subs if s["rcc"] == code and s["year"] == y), None)
            want = s["xml"]["granted"] if s else None
            got_v = v[heads.index(lab)] if lab in heads else None
            if not s and got_v == STATUS[lang][None]:
                continue  # a missing RCC's cell says Saknas
            if lab in heads and money(got_v) != want:
                wrong.append(f"{y} {code}: granted {v[heads.index(lab)]} != {want}")
        verdict = v[-1] or ""
        if approp is None:
            ok = verdict.startswith("Ej bedömd" if lang == "sv" else "Not evaluated")
        elif not any(s["year"] == y for s in subs):
            ok = verdict == ("Inga redovisningar" if lang == "sv" else "No statements")
        elif len([s for s in subs if s["year"] == y]) < rcc_count and all(
                s["xml"]["granted"] == (approp * 100 // rcc_count) / 100 for s in subs if s["year"] == y):
            # an incomplete year whose statements grant the equal share: never "Avviker"
            gone = [lab for code, lab in label.items() if not any(s["rcc"] == code and s["year"] == y for s in subs)]
            ok = verdict == ("Ofullständig – " if lang == "sv" else "Incomplete – ") + ", ".join(gone) + \
                (" saknas" if lang == "sv" else " missing")
        elif g8_fails(subs, y, approp):
            ok = verdict.startswith("Avviker\nG8" if lang == "sv" else "Differs\nG8") or \
                verdict.startswith("Ofullständig" if lang == "sv" else "Incomplete")
        else:
            ok = verdict == ("Stämmer" if lang == "sv" else "Agrees")
        if not ok:
            wrong.append(f"{y}: verdict {verdict!r}")
    rep.check(not wrong, f"{name}: appropriation, number of RCCs, equal share, each RCC's granted and the "
              f"G8 verdict per year", "; ".join(wrong[:4]))


def check_about(rep, wbf, wbv, lang, subs):
    name = SHEETS[lang][7]
    head = check_layout(rep, wbf, name)
    if head is None:
        return
    ws = wbv[name]
    texts = {str(c.value) for row in ws.iter_rows() for c in row if c.value is not None}
    alltext = "\n".join(texts)
    rep.check("grantcheck 1.0.0" in texts, f"{name}: the grantcheck version")
    sets = {(s["ruleset"], s["ruleset_checksum"]) for s in subs}
    rep.check(all(rs in alltext and cs in alltext for rs, cs in sets), f"{name}: rule set id and checksum")
    stmts = {}
    for _, v in data_rows(ws, head):
        stmts[v[2]] = v
    wrong = []
    for s in subs:
        v = stmts.get(s["file_name"])
        sha = hashlib.sha256(open(s["path"], "rb").read()).hexdigest()
        if v is None or v[3] != sha or sha != s["sha256"] or \
                not isinstance(v[4], datetime.datetime) or v[4].strftime("%Y-%m-%dT%H:%M:%SZ") != s["received_at"]:
            wrong.append(f"{s['file_name']}: {v}")
    rep.check(not wrong and len(stmts) == len(subs),
              f"{name}: every current statement's file name, SHA-256 (of the file) and received time "
              f"({len(subs)})", "; ".join(wrong[:3]))


# ---------------------------------------------------------------- counts and the comparison

COUNT_WORDS = {"sv": ("av", "varav", "underkänd"), "en": ("of", "of which", "rejected")}
KIND = {"sv": ("Kostnadsslag", "Kriterium"), "en": ("Category", "Criterion")}
NOT_COMPARED = {"sv": "ingår inte i jämförelsen", "en": "not in the comparison"}
MARK = "◆"


def count_text(lang, received, expected, rejected):
    of, of_which, rej = COUNT_WORDS[lang]
    t = f"{received} {of} {expected}"
    return t + (f", {of_which} {rejected} {rej}" if rejected else "")


def check_counts(rep, wbv, lang, subs, years, rcc_count, expect_count):
    """The Summa rows say what they count ("6 av 6", "5 av 6, varav 1
    underkänd") on Översikt, Kostnadsslag and Kriterier; on Översikt the
    rejected statements' sum stands apart on the line below, never in the
    total."""
    want = {}
    for y in years:
        ys = [s for s in subs if s["year"] == y]
        want[y] = count_text(lang, len(ys), rcc_count, sum(s["status"] == "invalid" for s in ys))
    for y, text in expect_count.items():
        rep.check(want.get(y) == text, f"the register gives {y} the count {text!r}", f"{want.get(y)!r}")
    for i, col in ((0, OV_STATUS), (2, None), (3, None)):
        ws = wbv[SHEETS[lang][i]]
        got = {}
        for r in range(2, ws.max_row + 1):
            if ws.cell(r, 1).value == TOTAL[lang]:
                c = col or ws.max_column
                got[ws.cell(r, 2).value] = ws.cell(r, c).value
        rep.check(got == want, f"{ws.title}: the Summa rows say what they count {sorted(want.items())}",
                  f"got {sorted(got.items())}")
    ws = wbv[SHEETS[lang][0]]
    wrong, seen = [], set()
    for r in range(2, ws.max_row + 1):
        if ws.cell(r, 1).value != TOTAL[lang]:
            continue
        y = ws.cell(r, 2).value
        rej = [s for s in subs if s["year"] == y and s["status"] == "invalid"]
        below = ws.cell(r + 1, 1).value
        if not rej:
            if below == REJECTED_APART[lang]:
                wrong.append(f"{y}: a rejected line without a rejected statement")
            continue
        if below != REJECTED_APART[lang] or ws.cell(r + 1, 2).value != y:
            wrong.append(f"{y}: no line {REJECTED_APART[lang]!r} below the total (row {r + 1}: {below!r})")
            continue
        seen.add(y)
        for fig, c in OV_MONEY_COL.items():
            apart = sum((s["xml"][fig] for s in rej if s["xml"][fig] is not None), Decimal(0))
            counted = sum((s["xml"][fig] for s in subs if s["year"] == y and s["status"] != "invalid"
                           and s["xml"][fig] is not None), Decimal(0))
            if (money(ws.cell(r + 1, c).value) or Decimal(0)) != apart:
                wrong.append(f"{y} {fig}: rejected line {ws.cell(r + 1, c).value} != {apart}")
            if (money(ws.cell(r, c).value) or Decimal(0)) != counted:
                wrong.append(f"{y} {fig}: total {ws.cell(r, c).value} != {counted} (without the rejected)")
    rej_years = sorted({s["year"] for s in subs if s["status"] == "invalid"})
    rep.check(not wrong and sorted(seen) == rej_years,
              f"{ws.title}: the rejected statements' sum on its own line below the total {rej_years}, "
              f"the total without it", "; ".join(wrong[:4]))


def median(values):
    v = sorted(values)
    n = len(v)
    return v[n // 2] if n % 2 else (v[n // 2 - 1] + v[n // 2]) / 2


def check_comparison(rep, wbv, lang, subs, years, rcc_codes, codes, threshold):
    """Recomputes the Jämförelse sheet from the XML statements alone: each
    compared RCC's share (Decimal, in percentage points) of its expense lines
    per category and per criterion, the median of the other compared RCCs of
    the year, the difference, and the mark beyond the threshold."""
    name = SHEETS[lang][4]
    ws = wbv[name]
    head = header_row(ws)
    rep.check(head == 3, f"{name}: the note above, header frozen at row 3", f"{ws.freeze_panes}")
    if head is not None:  # a criterion's title whole, not cut off by the share beside it
        check_widths(rep, wbv, name, head)
    note = str(ws.cell(1, 1).value or "")
    rep.check(MARK in note and f" {threshold} " in note, f"{name}: the note row explains {MARK} and the "
              f"threshold of {threshold} pp from the rule set", note[:80])
    if head is None:
        return
    label = {code: lab[lang] for code, lab in rcc_codes}
    kinds = []
    for k, lst in enumerate((codes["category"], codes["criterion"])):
        for code, lab in lst:
            text = f"{code} {lab[lang]}" if k and code[0].isdigit() and code != lab[lang] else lab[lang]
            kinds.append((k, code, text))
    # codes the rule set does not list get a row of their own, named by the code
    for k in (0, 1):
        listed = {code for kk, code, _ in kinds if kk == k}
        extra = sorted({(crit if k else cat) for s in subs for cat, crit, _ in s["xml"]["lines"]} - listed - {None})
        kinds += [(k, code, code) for code in extra]
    # the reference, from the statements' expense lines
    ref, not_compared = {}, set()
    for y in years:
        ys = [s for s in subs if s["year"] == y]
        have = {s["rcc"] for s in ys}
        not_compared |= {(y, label[c]) for c, _ in rcc_codes if c not in have}
        comp = []
        for s in ys:
            total = sum((a for _, _, a in s["xml"]["lines"] if a is not None), Decimal(0))
            if s["status"] == "invalid" or total <= 0:
                not_compared.add((y, label.get(s["rcc"], s["rcc"])))
                continue
            comp.append((s, total))
        shares = {}
        for s, total in comp:
            for k, code, text in kinds:
                part = sum((a for cat, crit, a in s["xml"]["lines"]
                            if (crit if k else cat) == code and a is not None), Decimal(0))
                shares[(s["rcc"], k, code)] = part * 100 / total
        for s, _ in comp:
            for k, code, text in kinds:
                others = [shares[(o["rcc"], k, code)] for o, _ in comp if o is not s]
                ref[(y, label.get(s["rcc"], s["rcc"]), KIND[lang][k], text)] = \
                    (shares[(s["rcc"], k, code)], median(others) if others else None)
    got, nc_got, wrong, marked, want_marked = {}, set(), [], 0, 0
    tol = Decimal("0.05")  # agreement to 0.1 percentage point
    for r in range(head + 1, ws.max_row + 1):
        v = [ws.cell(r, c).value for c in range(1, 8)]
        if v[0] is None:
            continue
        if v[3] == NOT_COMPARED[lang]:
            nc_got.add((v[0], v[1]))
            continue
        key = (v[0], v[1], v[2], v[3])
        got[key] = r
        if key not in ref:
            continue
        share, med = ref[key]
        cell_share = Decimal(repr(float(v[4]))) * 100 if isinstance(v[4], (int, float)) else None
        if cell_share is None or abs(cell_share - share) > tol:
            wrong.append(f"row {r} {key[1]} {key[3]}: share {v[4]} != {share:.3f} pp")
        if med is None:
            if v[5] is not None or v[6] is not None:
                wrong.append(f"row {r}: a median without another RCC")
            continue
        cell_med = Decimal(repr(float(v[5]))) * 100 if isinstance(v[5], (int, float)) else None
        if cell_med is None or abs(cell_med - med) > tol:
            wrong.append(f"row {r} {key[1]} {key[3]}: median {v[5]} != {med:.3f} pp")
        diff = share - med
        cell_diff = Decimal(repr(float(v[6]))) if isinstance(v[6], (int, float)) else None
        if cell_diff is None or abs(cell_diff - diff) > tol:
            wrong.append(f"row {r} {key[1]} {key[3]}: difference {v[6]} != {diff:.3f} pp")
        fmt = ws.cell(r, 7).number_format or ""
        beyond = abs(diff) > threshold
        if abs(abs(diff) - threshold) > tol and beyond != (MARK in fmt):
            wrong.append(f"row {r} {key[1]} {key[3]}: difference {diff:.3f} pp marked={MARK in fmt}")
        want_marked += beyond
        marked += MARK in fmt
    missing = sorted(set(ref) - set(got))
    rep.check(not missing and not wrong and set(got) <= set(ref),
              f"{name}: {len(ref)} shares, medians of the other RCCs and differences recomputed from the XML "
              f"to 0.1 pp", f"missing {missing[:2]} extra {sorted(set(got) - set(ref))[:2]} " + "; ".join(wrong[:4]))
    rep.check(marked == want_marked, f"{name}: {want_marked} differences beyond {threshold} pp marked {MARK}, "
              f"no other", f"marked {marked}")
    rep.check(nc_got == not_compared, f"{name}: missing and rejected statements named as not compared "
              f"{sorted(not_compared)}", f"got {sorted(nc_got)}")


WORDS = {  # the review's C5: the words the ministry reads in the headings
    "sv": {"Översikt": ["RCC", "År", "Beviljat", "Erhållet", "Överfört från föregående år", "Disponibla medel",
                        "Totala kostnader", "Utgående saldo", "Förs över till nästa år", "Att återbetala",
                        "Nyttjandegrad", "Status", "Fel", "Varningar", "Attesterad", "Inkommen (UTC)"],
           "Avvikelser": ["RCC", "År", "Regel", "Regelns titel", "Allvarlighetsgrad", "Meddelande", "Rad", "Fil",
                          "Godtagen (dag, av)", "Motivering"],
           "Om rapporten": ["RCC", "År", "Fil", "SHA-256", "Inkommen (UTC)", "Regeluppsättning"]},
    "en": {"Overview": ["RCC", "Year", "Granted", "Received", "Carried over from the year before",
                        "Available funds", "Total expenses", "Closing balance", "Carried forward to the next year",
                        "To repay", "Utilisation", "Status", "Errors", "Warnings", "Attested", "Received (UTC)"],
           "Findings": ["RCC", "Year", "Rule", "Rule title", "Severity", "Message", "Line", "File",
                        "Accepted (day, by)", "Justification"],
           "About": ["RCC", "Year", "File", "SHA-256", "Received (UTC)", "Rule set"]},
}


def check_wording(rep, wbf, lang):
    """The review's C5 and C6 in the cells: the headings' words (Allvarlighetsgrad,
    Disponibla medel, one name for the received time, the rule's title beside
    its id), percentages as the CLI writes them ("96,60 %"), money in kr or
    SEK by language, right-aligned headings indented so they do not run into
    their neighbours, and every finding's rule title filled in."""
    for name, want in WORDS[lang].items():
        ws = wbf[name]
        head = header_row(ws)
        got = [ws.cell(head, c).value for c in range(1, ws.max_column + 1)] if head else []
        rep.check(got == want, f"{name}: the headings' words", f"{got}")
    bad_pct, bad_money, bad_head = [], [], []
    for ws in wbf.worksheets:
        head = header_row(ws)
        for row in ws.iter_rows():
            for c in row:
                fmt = c.number_format or ""
                if isinstance(c.value, (int, float)) and "%" in fmt and "pp" not in fmt and "p.e." not in fmt \
                        and fmt not in ("0.00 %", '0.0 %"  "'):
                    bad_pct.append(f"{ws.title}!{c.coordinate} {fmt}")
                if ("kr" in fmt or "SEK" in fmt) and fmt != MONEY_FORMATS[lang]:
                    bad_money.append(f"{ws.title}!{c.coordinate} {fmt}")
                if head and c.row == head and c.value is not None and c.alignment.horizontal == "right" \
                        and not c.alignment.indent:
                    bad_head.append(f"{ws.title}!{c.coordinate} {c.value!r}")
    rep.check(not bad_pct, "percentages as the command line writes them (0.00 %)", "; ".join(bad_pct[:3]))
    rep.check(not bad_money, f"money in {MONEY_FORMATS[lang]} everywhere", "; ".join(bad_money[:3]))
    rep.check(not bad_head, "right-aligned headings indented (padded from their neighbours)", "; ".join(bad_head[:3]))
    ws = wbf[SHEETS[lang][5]]
    untitled = [r for r in range(3, ws.max_row + 1)
                if re.fullmatch(r"[A-Z][0-9]+", str(ws.cell(r, 3).value or "")) and not ws.cell(r, 4).value]
    rep.check(not untitled, f"{ws.title}: every finding's rule title beside its id", f"rows {untitled[:5]}")


def check_package(rep, path, lang, wbv, years):
    z = zipfile.ZipFile(path)
    names = z.namelist()
    core = z.read("docProps/core.xml").decode()
    app = z.read("docProps/app.xml").decode()
    rep.check(re.search(r"<dc:title>[^<]+</dc:title>", core) and re.search(r"<dc:subject>[^<]+</dc:subject>", core)
              and "<dcterms:created" in core and f"<Company>{COMPANY[lang]}</Company>" in app,
              "document properties: title, subject, company, created")
    sheets = [n for n in names if n.startswith("xl/worksheets/sheet")]
    commas = [n for n in sheets if re.search(rb"<v>-?[0-9]+,[0-9]+</v>", z.read(n))]
    nan = [n for n in sheets + ["xl/sharedStrings.xml"] if n in names
           and re.search(rb"<v>(-?nan|-?inf)", z.read(n), re.I)]
    rep.check(not commas and not nan, "numbers in C notation, no NaN or Inf", f"{commas} {nan}")
    charts = sorted(n for n in names if n.startswith("xl/charts/chart"))
    ok = len(charts) == 3
    if ok:
        c = z.read(charts[0]).decode()
        # utilisation: one column series per year, patterned (black and white), axis crossing at 100 %
        ok = ('<c:barDir val="col"/>' in c and c.count("<c:ser>") == len(years) and "pattFill" in c
              and '<c:crossesAt val="1"/>' in c)
        for ch in charts[1:]:
            t = z.read(ch).decode()
            ok = ok and "<c:lineChart>" in t and "<c:marker>" in t
    rep.check(ok, "charts: utilisation per RCC and year (patterns, axis at 100 %), two line charts with markers")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--xlsx", required=True)
    ap.add_argument("--db", required=True)
    ap.add_argument("--lang", choices=["sv", "en"], required=True)
    ap.add_argument("--rules", default="rules")
    ap.add_argument("--years")
    ap.add_argument("--expect-missing", action="store_true")
    ap.add_argument("--name", default=None)
    ap.add_argument("--expect-count", action="append", default=[], metavar="YEAR=TEXT",
                    help="the Summa rows of YEAR must say TEXT (\"5 av 6, varav 1 underkänd\")")
    a = ap.parse_args()
    rep = Report(a.name or os.path.basename(a.xlsx))
    try:
        wbf = openpyxl.load_workbook(a.xlsx)
        wbv = openpyxl.load_workbook(a.xlsx, data_only=True)
    except Exception as e:  # noqa: BLE001 - any failure to load is the finding
        rep.check(False, "the workbook loads", str(e))
        return 1
    subs = load_register(a.db)
    years = sorted({s["year"] for s in subs}) if not a.years else [int(y) for y in a.years.split(",")]
    subs = [s for s in subs if s["year"] in years]
    rulesets = {s["ruleset"] for s in subs} or {"rcc-2013-2015"}
    codes, appropriation, rcc_count = load_rules(a.rules, sorted(rulesets)[0])
    rep.check(wbf.sheetnames == SHEETS[a.lang], f"sheet names in {a.lang}", f"{wbf.sheetnames}")
    if wbf.sheetnames != SHEETS[a.lang]:
        return 1
    check_overview(rep, wbf, wbv, a.lang, subs, years, codes["rcc"], a.expect_missing)
    check_breakdown(rep, wbf, wbv, a.lang, subs, codes["rcc"], codes["category"], False)
    check_breakdown(rep, wbf, wbv, a.lang, subs, codes["rcc"], codes["criterion"], True)
    check_findings(rep, wbf, wbv, a.lang, subs, years, codes["rcc"], appropriation)
    check_shares(rep, wbf, wbv, a.lang, subs, years, codes["rcc"], appropriation, rcc_count)
    check_about(rep, wbf, wbv, a.lang, subs)
    params = dict(r[:2] for r in read_tsv(os.path.join(a.rules, sorted(rulesets)[0], "programme.tsv")))
    expect_count = {int(y): t for y, t in (e.split("=", 1) for e in a.expect_count)}
    check_counts(rep, wbv, a.lang, subs, years, rcc_count, expect_count)
    check_comparison(rep, wbv, a.lang, subs, years, codes["rcc"], codes, int(params["comparison_threshold_pp"]))
    check_formulas(rep, wbf, wbv)
    check_wording(rep, wbf, a.lang)
    check_package(rep, a.xlsx, a.lang, wbv, years)
    return 1 if rep.failed else 0


if __name__ == "__main__":
    sys.exit(main())
