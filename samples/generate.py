#!/usr/bin/env python3
"""Generate the grantcheck sample statements (format version 1).

Run from anywhere:   python3 samples/generate.py [--no-xmllint]

It deletes and rewrites, next to this script:

  valid/<rcc>-<year>.xml   18 valid statements (6 RCCs x 2013-2015) that must
                           give no error and no warning; carry-over chains are
                           consistent per RCC, so the set also works for the
                           cross-year rules (G5, M5) and the register (G8).
  invalid/*.xml            one file per rule, <RULE>-<what>.xml, each a minimal
                           change of a valid statement; invalid/README.md
                           lists what each breaks.
  encodings/*.xml          valid/sydost-2014.xml as UTF-8 with BOM, UTF-16LE
                           with BOM, ISO-8859-1 and windows-1252 (same content;
                           in ISO-8859-1 the en dash of a note is written as
                           the character reference &#8211;).

Everything is deterministic: the "random" choices come from SHA-256 of fixed
keys, so the output does not depend on the Python version. Amounts are
computed in integer öre, never in floating point.

After writing, the script re-reads every file and checks it with a small
independent Python model of the rules (rules-catalogue.md): valid files must
give no finding, each invalid file exactly the findings listed in
invalid/README.md. If xmllint is installed, valid and encodings files are
also checked against ../schema/statement-v1.xsd. Stdlib only.
"""

import copy
import datetime
import hashlib
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
import xml.parsers.expat
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))
SCHEMA = os.path.join(HERE, "..", "schema", "statement-v1.xsd")

NS = "urn:grantcheck:statement:1"
PROGRAMME = "rcc-2013-2015"
YEARS = (2013, 2014, 2015)
APPROPRIATION = {2013: 60_000_000_00, 2014: 60_000_000_00, 2015: 60_000_000_00}  # öre
N_RCC = 6
GRANT = APPROPRIATION[2013] // N_RCC  # 10 000 000,00 kr in öre
INT64_MAX = 2**63 - 1
KR = 100            # öre per krona
ROUND = 100 * KR    # expense lines are rounded to whole hundreds of kronor

CATEGORIES = ["personnel", "consultants", "travel", "meetings", "premises",
              "it", "materials", "overhead", "other"]
CRITERIA = ["4.1", "4.2", "4.3", "4.4", "5.1", "5.2", "5.3",
            "6.1", "6.2", "6.3", "shared"]

# id, display name (exactly as in the spec), recipient, first nine digits of
# the organisation number (check digit computed), contact, attesters.
RCCS = [
    dict(id="norr", name="RCC Norr",
         recipient="Region Västerbotten", orgnr9="232100022",
         contact=("Anna Lindqvist", "anna.lindqvist@rccnorr.example.se", None),
         attesters=[("Lars Öberg", "Verksamhetschef"),
                    ("Sofia Holmgren", "Ekonomichef")]),
    dict(id="uppsala-orebro", name="RCC Uppsala Örebro",
         recipient="Region Uppsala", orgnr9="232100002",
         contact=("Erik Sandberg", "erik.sandberg@rccuppsalaorebro.example.se",
                  "018-611 00 00"),
         attesters=[("Magnus Ekström", "Verksamhetschef"),
                    ("Helena Wallin", "Ekonomichef")]),
    dict(id="stockholm-gotland", name="RCC Stockholm Gotland",
         recipient="Region Stockholm", orgnr9="232100001",
         contact=("Maria Nyström",
                  "maria.nystrom@rccstockholmgotland.example.se", None),
         attesters=[("Cecilia Blom", "Verksamhetschef"),
                    ("Fredrik Sjöberg", "Ekonomichef")]),
    dict(id="vast", name="RCC Väst",
         recipient="Västra Götalandsregionen", orgnr9="232100013",
         contact=("Johan Berg", "johan.berg@rccvast.example.se",
                  "010-441 00 00"),
         attesters=[("Göran Lundgren", "Verksamhetschef"),
                    ("Ingrid Axelsson", "Ekonomichef")]),
    dict(id="syd", name="RCC Syd",
         recipient="Region Skåne", orgnr9="232100025",
         contact=("Lena Persson", "lena.persson@rccsyd.example.se", None),
         attesters=[("Eva Nilsson", "Verksamhetschef"),
                    ("Mats Håkansson", "Ekonomichef")]),
    dict(id="sydost", name="RCC Sydöst",
         recipient="Region Östergötland", orgnr9="232100004",
         contact=("Karin Ek", "karin.ek@rccsydost.example.se",
                  "010-103 00 00"),
         attesters=[("Per Holm", "Verksamhetschef"),
                    ("Birgitta Ljung", "Ekonomichef")]),
]
RCC_BY_ID = {r["id"]: r for r in RCCS}

# Part of a closing balance repaid in a year that is not the last one
# (everything else is carried forward), to vary the chains a little.
MID_REPAY = {("stockholm-gotland", 2014): 150_000_00, ("syd", 2013): 48_250_50}

PERSONNEL_CRITERIA = ["4.1", "4.2", "4.3", "4.4", "5.1", "5.2", "5.3",
                      "6.2", "6.3"]          # 6.1 always has a personnel line
OTHER_LINES = [("it", "5.2"), ("consultants", "4.1"), ("meetings", "4.4"),
               ("travel", "6.3"), ("materials", "4.1"), ("consultants", "5.3"),
               ("meetings", "5.1"), ("it", "6.1"), ("other", "4.4"),
               ("consultants", "6.2"), ("travel", "4.2"), ("materials", "5.1"),
               ("meetings", "4.3"), ("it", "4.2"), ("consultants", "4.3"),
               ("travel", "5.1"), ("other", "6.2"), ("meetings", "6.3")]
SHARED_LINES = [("premises", "shared"), ("travel", "shared"),
                ("it", "shared"), ("meetings", "shared"),
                ("materials", "shared")]
NOTES = {
    ("it", "5.2"): "Regional andel av INCA-plattformen och kvalitetsregistren",
    ("consultants", "4.1"): "Utvärdering av screeningprogrammet för tjock- och ändtarmscancer",
    ("meetings", "4.4"): "Patient- och närståenderådets möten",
    ("travel", "6.3"): "Resor i arbetet med regional nivåstrukturering",
    ("consultants", "5.3"): "Stöd till regionalt kliniskt studiecentrum",
    ("materials", "4.1"): "Informationsmaterial om prevention och tidig upptäckt",
    ("premises", "shared"): "Hyra för RCC:s kansli",
    ("other", "4.4"): "Patientenkät om cancervården",
    ("consultants", "6.2"): "Extern granskning av den regionala utvecklingsplanen",
    ("meetings", "4.3"): "Regional nätverksträff om cancerrehabilitering",
}
# Forced into sydost-2014 so that windows-1252 (0x96) is exercised.
DASH_NOTE = (("meetings", "5.1"),
             "Utbildningsdagar för kontaktsjuksköterskor – tre tillfällen")


# ---------------------------------------------------------------- helpers

class Rng:
    """Deterministic choices from SHA-256 (stable across Python versions)."""

    def __init__(self, *key):
        self.key = "/".join(str(k) for k in key)
        self.n = 0

    def _next(self):
        self.n += 1
        digest = hashlib.sha256(f"{self.key}#{self.n}".encode()).digest()
        return int.from_bytes(digest[:8], "big")

    def randint(self, lo, hi):
        return lo + self._next() % (hi - lo + 1)

    def choice(self, seq):
        return seq[self.randint(0, len(seq) - 1)]

    def sample(self, seq, k):
        pool = list(seq)
        for i in range(len(pool) - 1, 0, -1):
            j = self.randint(0, i)
            pool[i], pool[j] = pool[j], pool[i]
        return pool[:k]


def luhn_digit(nine):
    """Check digit for a Swedish organisation number (Luhn, doubling every
    other digit starting with the first)."""
    total = 0
    for i, ch in enumerate(nine):
        d = int(ch) * (2 if i % 2 == 0 else 1)
        total += d // 10 + d % 10
    return str((10 - total % 10) % 10)


def luhn_ok(ten):
    return luhn_digit(ten[:9]) == ten[9]


def orgnr(nine):
    ten = nine + luhn_digit(nine)
    return ten[:6] + "-" + ten[6:]


def fmt(ore):
    """Amount in öre -> format-version-1 text (dot, two decimals)."""
    sign = "-" if ore < 0 else ""
    a = abs(ore)
    return f"{sign}{a // 100}.{a % 100:02d}"


def fmt_sv(ore):
    """Swedish style (the mistake S4 is about): 1 250 000,50"""
    s = f"{abs(ore) // 100:,}".replace(",", " ")
    return ("-" if ore < 0 else "") + s + f",{abs(ore) % 100:02d}"


def human(ore):
    return f"{fmt_sv(ore)} kr"


def pct(part, whole):
    return f"{100 * part / whole:.2f} %" if whole else "-"


def split(amount, weights, unit=ROUND):
    """Split amount (öre) by weights into multiples of unit; the first part
    takes the remainder, so the parts add up exactly."""
    tw = sum(weights)
    parts = [amount * w // tw // unit * unit for w in weights]
    parts[0] += amount - sum(parts)
    return parts


# ---------------------------------------------------------------- model

def build_valid(rcc, year, carried):
    rng = Rng("grantcheck-samples-v1", rcc["id"], year)
    available = carried + GRANT
    # unused share: 2.00 % .. 8.00 % of available funds
    closing = available * rng.randint(200, 800) // 10000 // KR * KR
    if rng.randint(0, 2) == 0:
        closing += rng.choice([50, 25, 75, 10, 90])
    total = available - closing

    n = rng.randint(8, 16)
    n_sh = 2 if n >= 11 else 1
    n_ns = n - 1 - n_sh
    n_p = rng.randint(3, min(6, n_ns - 2))
    n_o = n_ns - n_p

    ov_bp = rng.randint(550, 850)                       # overhead 5.5-8.5 %
    overhead = total * ov_bp // 10000 // ROUND * ROUND
    sh_bp = rng.randint(max(ov_bp + 250, 900), 1800)    # shared 9-18 %
    shared_other = total * sh_bp // 10000 // ROUND * ROUND - overhead
    rest = total - overhead - shared_other
    personnel = rest * rng.randint(6800, 8000) // 10000
    others = rest - personnel

    p_lines = [("personnel", "6.1")] + [("personnel", c) for c in
                                        rng.sample(PERSONNEL_CRITERIA, n_p - 1)]
    # other lines: prefer criteria not yet covered, to spread the spending
    pool = rng.sample(OTHER_LINES, len(OTHER_LINES))
    covered = {c for _, c in p_lines}
    o_lines = []
    for cat, crit in pool:
        if len(o_lines) < n_o and crit not in covered:
            o_lines.append((cat, crit))
            covered.add(crit)
    for line in pool:
        if len(o_lines) < n_o and line not in o_lines:
            o_lines.append(line)
    force_note = None
    if (rcc["id"], year) == ("sydost", 2014):
        force_note = DASH_NOTE
        if DASH_NOTE[0] not in o_lines:
            o_lines[-1] = DASH_NOTE[0]
    s_lines = rng.sample(SHARED_LINES, n_sh)

    p_amounts = split(personnel, [rng.randint(16, 26)] +
                      [rng.randint(4, 14) for _ in range(n_p - 1)])
    o_amounts = split(others, [rng.randint(2, 10) for _ in range(n_o)])
    s_amounts = split(shared_other, [rng.randint(3, 8) for _ in range(n_sh)])
    # the first "others" line took a remainder; make it a round figure too and
    # let the 6.1 personnel line absorb everything (possibly öre)
    adj = o_amounts[0] % ROUND
    o_amounts[0] -= adj
    p_amounts[0] += adj
    adj = s_amounts[0] % ROUND
    s_amounts[0] -= adj
    p_amounts[0] += adj
    if rng.randint(0, 1):                               # some öre in a line
        i = rng.randint(0, n_o - 1)
        cents = rng.choice([50, 25, 75, 90])
        o_amounts[i] += cents
        p_amounts[0] -= cents

    expenses = []
    for (cat, crit), amt in zip(p_lines + o_lines + s_lines +
                                [("overhead", "shared")],
                                p_amounts + o_amounts + s_amounts + [overhead]):
        expenses.append(dict(category=cat, criterion=crit, amount=amt,
                             note=None))
    noted = [e for e in expenses if (e["category"], e["criterion"]) in NOTES]
    if force_note:
        for e in expenses:
            if (e["category"], e["criterion"]) == force_note[0]:
                e["note"] = force_note[1]
    elif noted and rng.randint(0, 2) != 0:
        e = rng.choice(noted)
        e["note"] = NOTES[(e["category"], e["criterion"])]
    expenses.sort(key=lambda e: (CRITERIA.index(e["criterion"]),
                                 CATEGORIES.index(e["category"])))

    if year == YEARS[-1]:
        carry_forward, repay = 0, closing
    else:
        repay = MID_REPAY.get((rcc["id"], year), 0)
        carry_forward = closing - repay

    start = datetime.date(year + 1, 1, 15)
    due = datetime.date(year + 1, 3, 31)
    att_date = start + datetime.timedelta(
        days=rng.randint(0, (due - start).days))
    att_name, att_role = rcc["attesters"][YEARS.index(year) % 2]
    cname, cemail, cphone = rcc["contact"]

    return dict(
        encoding="UTF-8", ns=NS, version="1", doctype=None,
        programme=PROGRAMME, year=str(year),
        period_from=f"{year}-01-01", period_to=f"{year}-12-31",
        rcc_id=rcc["id"], rcc_name=rcc["name"],
        recipient=rcc["recipient"], orgnr=orgnr(rcc["orgnr9"]),
        contact=dict(name=cname, email=cemail, phone=cphone),
        currency="SEK",
        granted=GRANT, received=GRANT, carried=carried,
        expenses=expenses, total=total,
        closing=closing, carry_forward=carry_forward, repay=repay,
        att_name=att_name, att_role=att_role, att_date=att_date.isoformat(),
    )


def attr(v):
    return '"' + escape(v, {'"': "&quot;"}) + '"'


def amt(v):
    return fmt(v) if isinstance(v, int) else v


def render(m):
    """Model -> document text (str). Two-space indent as in the spec."""
    L = [f'<?xml version="1.0" encoding="{m["encoding"]}"?>']
    if m["doctype"]:
        L.append(m["doctype"])
    L.append(f'<statement xmlns={attr(m["ns"])} version={attr(m["version"])}>')
    L.append(f'  <programme>{escape(m["programme"])}</programme>')
    L.append(f'  <year>{m["year"]}</year>')
    L.append(f'  <period from={attr(m["period_from"])} to={attr(m["period_to"])}/>')
    L.append(f'  <rcc id={attr(m["rcc_id"])}>{escape(m["rcc_name"])}</rcc>')
    L.append(f'  <recipient orgnr={attr(m["orgnr"])}>{m["recipient_raw"] if m.get("recipient_raw") else escape(m["recipient"])}</recipient>')
    c = m["contact"]
    if c:
        phone = f' phone={attr(c["phone"])}' if c["phone"] else ""
        L.append(f'  <contact name={attr(c["name"])} email={attr(c["email"])}{phone}/>')
    L.append(f'  <currency>{escape(m["currency"])}</currency>')
    L.append('  <funds>')
    L.append(f'    <granted>{amt(m["granted"])}</granted>')
    L.append(f'    <received>{amt(m["received"])}</received>')
    L.append(f'    <carriedOver>{amt(m["carried"])}</carriedOver>')
    L.append('  </funds>')
    L.append('  <expenses>')
    for e in m["expenses"]:
        note = f' note={attr(e["note"])}' if e["note"] else ""
        L.append(f'    <expense category={attr(e["category"])} '
                 f'criterion={attr(e["criterion"])}{note}>{amt(e["amount"])}</expense>')
    L.append('  </expenses>')
    L.append(f'  <totalExpenses>{amt(m["total"])}</totalExpenses>')
    L.append('  <balance>')
    L.append(f'    <closing>{amt(m["closing"])}</closing>')
    L.append(f'    <carryForward>{amt(m["carry_forward"])}</carryForward>')
    L.append(f'    <repay>{amt(m["repay"])}</repay>')
    L.append('  </balance>')
    L.append(f'  <attestation name={attr(m["att_name"])} role={attr(m["att_role"])} '
             f'date={attr(m["att_date"])}/>')
    L.append('</statement>')
    return "\n".join(L) + "\n"


# ---------------------------------------------------------------- checker
# An independent model of the rules, used only to check the samples.

CHILDREN = {
    "statement": {"programme": 1, "year": 1, "period": 1, "rcc": 1,
                  "recipient": 1, "contact": 0, "currency": 1, "funds": 1,
                  "expenses": 1, "totalExpenses": 1, "balance": 1,
                  "attestation": 1},              # value: minimum (max is 1)
    "funds": {"granted": 1, "received": 1, "carriedOver": 1},
    "expenses": {"expense": 1},                   # max unbounded
    "balance": {"closing": 1, "carryForward": 1, "repay": 1},
}
ATTRS = {  # element: (required, optional)
    "statement": ({"version"}, set()),
    "period": ({"from", "to"}, set()),
    "rcc": ({"id"}, set()),
    "recipient": ({"orgnr"}, set()),
    "contact": ({"name", "email"}, {"phone"}),
    "expense": ({"category", "criterion"}, {"note"}),
    "attestation": ({"name", "role", "date"}, set()),
}
for _leaf in ("programme", "year", "currency", "totalExpenses", "granted",
              "received", "carriedOver", "closing", "carryForward", "repay"):
    ATTRS.setdefault(_leaf, (set(), set()))
AMOUNT_RE = re.compile(r"-?[0-9]{1,12}(\.[0-9]{1,2})?")
CTRL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
EMAIL_RE = re.compile(r"[^@\s]+@[^@\s]+\.[A-Za-z]{2,}")
ISO4217 = {"SEK", "EUR", "USD", "NOK", "DKK", "GBP", "ISK", "CHF"}


def parse_amount(s):
    s = (s or "").strip()
    if not AMOUNT_RE.fullmatch(s):
        return None
    neg = s.startswith("-")
    s = s.lstrip("-")
    whole, _, frac = s.partition(".")
    v = int(whole) * 100 + int((frac + "00")[:2])
    return -v if neg else v


def parse_date(s):
    if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", s or ""):
        return None
    try:
        return datetime.date.fromisoformat(s)
    except ValueError:
        return None


def findings(data, previous=None, today=None):
    """Rule ids (errors and warnings) for one document; infos in a second
    list. previous: bytes of the same RCC's statement for the year before."""
    today = today or datetime.date.today()
    F, info = [], []
    if not data:
        return ["X1"], info
    doctype = []
    p = xml.parsers.expat.ParserCreate()
    p.StartDoctypeDeclHandler = lambda *a: doctype.append(1)
    try:
        p.Parse(data, True)
    except xml.parsers.expat.ExpatError:
        return ["X2"], info
    if doctype:
        return ["X2"], info
    root = ET.fromstring(data)
    q = lambda n: f"{{{NS}}}{n}"
    if root.tag != q("statement") or root.get("version") != "1":
        return ["X3"], info

    # structure
    def walk(el, name):
        req, opt = ATTRS.get(name, (set(), set()))
        for a in el.attrib:
            if a not in req | opt:
                F.append("S3")
        for a in req:
            if a not in el.attrib:
                F.append("S1")
        if name not in CHILDREN:
            if len(el):
                F.append("S3")
            return
        seen = {}
        for ch in el:
            local = ch.tag.split("}")[-1]
            if not ch.tag.startswith("{" + NS + "}") or local not in CHILDREN[name]:
                F.append("S3")
                continue
            seen[local] = seen.get(local, 0) + 1
            if seen[local] == 2 and name != "expenses":
                F.append("S2")
            walk(ch, local)
        for local, minimum in CHILDREN[name].items():
            if minimum and local not in seen:
                F.append("S1")
    walk(root, "statement")

    def el(*path):
        e = root
        for n in path:
            e = e.find(q(n)) if e is not None else None
        return e

    def text(*path):
        e = el(*path)
        return e.text.strip() if e is not None and e.text else (None if e is None else "")

    # free text: control characters and length
    for e in root.iter():
        for k, v in list(e.attrib.items()) + [("#text", e.text or "")]:
            if CTRL_RE.search(v):
                F.append("S8")
            limit = 500 if k == "note" else 200
            if k != "#text" or len(e) == 0:
                if len(v.strip()) > limit:
                    F.append("S8")

    programme = text("programme")
    if programme is not None and programme != PROGRAMME:
        F.append("X4")
        return F, info

    def amount(*path):
        t = text(*path)
        if t is None:
            return None
        v = parse_amount(t)
        if v is None:
            F.append("S4")
        return v

    granted = amount("funds", "granted")
    received = amount("funds", "received")
    carried = amount("funds", "carriedOver")
    total = amount("totalExpenses")
    closing = amount("balance", "closing")
    cf = amount("balance", "carryForward")
    repay = amount("balance", "repay")
    lines = []
    for e in (el("expenses").findall(q("expense")) if el("expenses") is not None else []):
        v = parse_amount(e.text)
        if v is None:
            F.append("S4")
        lines.append((e.get("category"), e.get("criterion"), v, e.get("note")))

    year_t = text("year")
    year = int(year_t) if year_t and re.fullmatch(r"[0-9]{4}", year_t) else None
    per = el("period")
    pfrom = parse_date(per.get("from")) if per is not None else None
    pto = parse_date(per.get("to")) if per is not None else None
    if per is not None and (pfrom is None or pto is None):
        F.append("S5")
    att = el("attestation")
    adate = None
    if att is not None and att.get("date") is not None:
        adate = parse_date(att.get("date"))
        if adate is None:
            F.append("S5")

    rcc = el("rcc")
    if rcc is not None and rcc.get("id") not in RCC_BY_ID:
        F.append("S6")
    for cat, crit, _, _ in lines:
        if cat not in CATEGORIES or crit not in CRITERIA:
            F.append("S6")
    cur = text("currency")
    if cur is not None and cur not in ISO4217:
        F.append("S6")
    rec = el("recipient")
    org = rec.get("orgnr") if rec is not None else None
    org_ok = bool(org and re.fullmatch(r"[0-9]{6}-[0-9]{4}", org)
                  and luhn_ok(org.replace("-", "")))
    if org is not None and not org_ok:
        F.append("S7")

    # A
    line_sum = None
    if lines and all(v is not None for _, _, v, _ in lines):
        line_sum = sum(v for _, _, v, _ in lines)
        if not -INT64_MAX - 1 <= line_sum <= INT64_MAX:
            F.append("A6")
            line_sum = None
        elif total is not None and line_sum != total:
            F.append("A1")
    if None not in (carried, received, total, closing) and \
            closing != carried + received - total:
        F.append("A2")
    if None not in (cf, repay, closing) and cf + repay != closing:
        F.append("A3")
    if None not in (carried, received, total) and total > carried + received:
        F.append("A4")
    for v in (granted, received, carried, total, closing, cf, repay):
        if v is not None and v < 0:
            F.append("A5")

    # G
    if year is not None and year not in YEARS:
        F.append("G3")
    if year in APPROPRIATION and granted is not None and \
            granted != APPROPRIATION[year] // N_RCC:
        F.append("G1")
    if None not in (granted, received) and granted != received:
        F.append("G2")
    if year is not None and per is not None and pfrom and pto and \
            (pfrom != datetime.date(year, 1, 1) or pto != datetime.date(year, 12, 31)):
        F.append("G4")
    if year is not None and year != YEARS[0]:
        if previous is None:
            info.append("G5")
        else:
            pr = ET.fromstring(previous)
            pcf = parse_amount(pr.find(f"{q('balance')}/{q('carryForward')}").text)
            if carried is not None and carried != pcf:
                F.append("G5")
    if year == YEARS[0] and carried is not None and carried != 0:
        F.append("G6")
    if year == YEARS[-1] and cf is not None and cf != 0:
        F.append("G7")

    # P
    if total and total > 0 and line_sum is not None:
        overhead = sum(v for c, _, v, _ in lines if c == "overhead")
        shared = sum(v for _, k, v, _ in lines if k == "shared")
        if overhead * 10 > total:
            F.append("P1")
        if shared * 4 > total:
            F.append("P4")
    if None not in (carried, received, closing) and \
            closing * 4 > carried + received:
        F.append("P2")
    for _, _, v, note in lines:
        if v is not None and v < 0 and not (note or "").strip():
            F.append("P3")
    if adate and year:
        if adate > datetime.date(year + 1, 3, 31):
            F.append("P5")

    # M
    if org_ok and not org.startswith("2"):
        F.append("M1")
    if adate and pto and (adate <= pto or adate > today):
        F.append("M2")
    con = el("contact")
    if con is not None and con.get("email") is not None and \
            not EMAIL_RE.fullmatch(con.get("email")):
        F.append("M3")
    if cur is not None and cur != "SEK":
        F.append("M4")
    if rcc is not None and rcc.get("id") in RCC_BY_ID and \
            (rcc.text or "").strip() != RCC_BY_ID[rcc.get("id")]["name"]:
        F.append("M6")
    return F, info


# ---------------------------------------------------------------- invalid

def key(rcc, year):
    return f"{rcc}-{year}"


def find(m, category=None, criterion=None, largest=True):
    c = [e for e in m["expenses"]
         if (category is None or e["category"] == category)
         and (criterion is None or e["criterion"] == criterion)]
    return sorted(c, key=lambda e: -e["amount"])[0 if largest else -1]


def take_from_personnel(m, delta):
    """Reduce the largest personnel lines (allocated to a criterion) by delta
    in total, keeping each at least 100 000 kr. Returns a description."""
    done = []
    for e in sorted((e for e in m["expenses"] if e["category"] == "personnel"
                     and e["criterion"] != "shared"), key=lambda e: -e["amount"]):
        if delta == 0:
            break
        d = min(delta, e["amount"] - 100_000 * KR)
        e["amount"] -= d
        delta -= d
        done.append(f'personnel/{e["criterion"]} -{fmt(d)}')
    assert delta == 0
    return ", ".join(done)


def once(text, old, new):
    assert text.count(old) == 1, (old, text.count(old))
    return text.replace(old, new)


def shares(m):
    t = m["total"]
    ov = sum(e["amount"] for e in m["expenses"] if e["category"] == "overhead")
    sh = sum(e["amount"] for e in m["expenses"] if e["criterion"] == "shared")
    return ov / t, sh / t


def invalid_cases(valid):
    """(file, base key, mutate(model) -> (model or text or bytes, change),
    expected findings, consequences). mutate gets a deep copy."""
    cases = []

    def add(name, base, fn, expected, consequence=""):
        cases.append((name, base, fn, expected, consequence))

    add("X1-empty.xml", key("norr", 2013),
        lambda m: (b"", "empty file (0 bytes)"), ["X1"])
    add("X2-missing-end-tag.xml", key("norr", 2013),
        lambda m: (once(render(m), "</totalExpenses>", ""),
                   "end tag `</totalExpenses>` removed"), ["X2"],
        "The parser reports the mismatch where it notices it (at `</statement>`).")

    def doctype(m):
        m["doctype"] = ('<!DOCTYPE statement [\n'
                        f'  <!ENTITY region "{m["recipient"]}">\n]>')
        m["recipient_raw"] = "&region;"
        return m, ("internal DTD subset declaring an entity `region`, used as "
                   "the recipient text")
    add("X2-doctype.xml", key("uppsala-orebro", 2013), doctype, ["X2"],
        "Well-formed XML that would be a valid statement if the entity were "
        "expanded; it must be rejected because it declares entities.")

    def ns(m):
        m["ns"] = "urn:grantcheck:statement"
        return m, "namespace `urn:grantcheck:statement` (version part missing)"
    add("X3-wrong-namespace.xml", key("stockholm-gotland", 2013), ns, ["X3"],
        "Nothing else can be evaluated.")

    def prog(m):
        m["programme"] = "rcc-2016-2018"
        return m, "programme `rcc-2016-2018` (no such rule set installed)"
    add("X4-unknown-programme.xml", key("vast", 2013), prog, ["X4"],
        "Rules that need the rule set (codes, amounts, years) cannot be evaluated.")

    add("S1-missing-received.xml", key("syd", 2013),
        lambda m: (once(render(m), f'    <received>{fmt(m["received"])}</received>\n', ""),
                   "`<received>` removed from `<funds>`"), ["S1"],
        "A2, A4, G2 and P2 need `received`: they must be skipped, not computed with 0.")
    add("S2-two-currency.xml", key("sydost", 2013),
        lambda m: (once(render(m), "  <currency>SEK</currency>\n",
                        "  <currency>SEK</currency>\n  <currency>SEK</currency>\n"),
                   "`<currency>SEK</currency>` twice"), ["S2"])
    add("S3-carriedover.xml", key("norr", 2013),
        lambda m: (once(once(render(m), "<carriedOver>", "<carriedover>"),
                        "</carriedOver>", "</carriedover>"),
                   "`<carriedover>` instead of `<carriedOver>`"), ["S1", "S3"],
        "Unavoidable: S1 for the then missing `carriedOver` (unless the "
        "validator folds it into the S3 suggestion). A2, A4, G6, P2 need "
        "`carriedOver` and must be skipped.")

    def s4(m):
        e = find(m, "personnel", "6.1")
        e["amount"] = fmt_sv(e["amount"])
        return m, (f'expense personnel/6.1 written `{e["amount"]}` '
                   "(Swedish style); totalExpenses unchanged")
    add("S4-swedish-amount.xml", key("uppsala-orebro", 2014), s4, ["S4"],
        "A1 is not evaluated while a line is malformed (P1/P4 likewise).")

    def s5(m):
        m["att_date"] = "2015-02-30"
        return m, "attestation date `2015-02-30`"
    add("S5-impossible-date.xml", key("stockholm-gotland", 2014), s5, ["S5"],
        "M2 and P5 cannot be evaluated.")

    def s6(m):
        e = find(m, "personnel", "6.1")
        e["criterion"] = "4.9"
        return m, "criterion `4.9` on the personnel/6.1 line"
    add("S6-criterion-4.9.xml", key("vast", 2013), s6, ["S6"])

    def s7(m):
        old = m["orgnr"]
        m["orgnr"] = old[:-1] + str((int(old[-1]) + 1) % 10)
        return m, f'orgnr `{m["orgnr"]}` (correct: `{old}`)'
    add("S7-orgnr-check-digit.xml", key("syd", 2013), s7, ["S7"],
        "M1 is either skipped or passes (first digit 2). (M5 is a register "
        "rule, not evaluated by `check`.)")

    def s8(m):
        e = find(m, "consultants") if any(x["category"] == "consultants"
                                          for x in m["expenses"]) else m["expenses"][0]
        base = ("Avser konsultstöd i arbetet med standardiserade vårdförlopp, "
                "regionala vårdprogram och uppföljning av ledtider. ")
        note = ""
        while len(note) <= 500:
            note += base
        e["note"] = note.strip()
        return m, (f'note of {len(e["note"])} characters on the '
                   f'{e["category"]}/{e["criterion"]} line')
    add("S8-note-too-long.xml", key("sydost", 2013), s8, ["S8"])

    def a1(m):
        e = find(m, "personnel", "6.1")
        e["amount"] += 100 * KR
        return m, "personnel/6.1 line +100.00; totalExpenses unchanged"
    add("A1-sum-mismatch.xml", key("stockholm-gotland", 2013), a1, ["A1"])

    def a2(m):
        m["closing"] += 1 * KR
        m["carry_forward"] += 1 * KR
        return m, ("closing +1.00 (and carryForward +1.00 so that "
                   "carryForward + repay = closing)")
    add("A2-closing-off.xml", key("vast", 2013), a2, ["A2"])

    def a3(m):
        m["repay"] = 1000 * KR
        return m, "repay 1000.00 instead of 0.00 (carryForward = closing unchanged)"
    add("A3-balance-split.xml", key("norr", 2013), a3, ["A3"])

    def a4(m):
        over = 50_000 * KR
        d = m["closing"] + over
        e = find(m, "personnel", "6.1")
        e["amount"] += d
        m["total"] += d
        m["closing"] = -over
        m["carry_forward"] = -over
        m["repay"] = 0
        return m, (f"personnel/6.1 and totalExpenses +{fmt(d)}: expenses exceed "
                   "carriedOver + received by 50000.00; closing and carryForward "
                   "-50000.00 (A1, A2, A3 hold)")
    add("A4-overspent.xml", key("uppsala-orebro", 2013), a4, ["A4", "A5", "A5"],
        "Unavoidable: A5 for the negative closing and A5 for the negative "
        "carryForward (closing must be negative for A2 to hold, and "
        "carryForward + repay = closing needs a negative part).")

    def a5(m):
        m["repay"] = -10_000 * KR
        m["carry_forward"] = m["closing"] + 10_000 * KR
        return m, "repay -10000.00, carryForward = closing + 10000.00 (A3 holds)"
    add("A5-negative-repay.xml", key("syd", 2013), a5, ["A5"])

    def a6(m):
        big = 99_999_999_999_999   # 999999999999.99 kr in öre
        base_sum = sum(e["amount"] for e in m["expenses"])
        n = (INT64_MAX - base_sum) // big + 1
        n = -(-n // 100) * 100     # round up to a hundred lines
        line = '<expense category="it" criterion="5.2">999999999999.99</expense>\n'
        text = once(render(m), "  </expenses>\n", line * n + "  </expenses>\n")
        return text, (f"{n} extra lines `{fmt(big)}` (it/5.2, not indented): "
                      f"the line sum ({n * big + base_sum} öre) exceeds "
                      f"2^63-1 = {INT64_MAX} öre; totalExpenses unchanged")
    add("A6-overflow.xml", key("stockholm-gotland", 2013), a6, ["A6"],
        "A1 cannot be evaluated (the sum is not known); P1/P4 should be skipped "
        "or use the stated total. A6 may be reported once per overflowing sum "
        "(e.g. per category or criterion) if the validator keeps such sums. "
        "The file is about 6 MB.")

    def g1(m):
        m["granted"] = m["received"] = 9_000_000 * KR
        d = 1_000_000 * KR
        ch = take_from_personnel(m, d)
        m["total"] -= d
        return m, (f"granted and received 9000000.00; {ch} and totalExpenses "
                   "-1000000.00 so that A1-A4 hold")
    add("G1-granted.xml", key("sydost", 2013), g1, ["G1"],
        "G2 does not fire because received = granted.")

    def g2(m):
        m["received"] = 9_500_000 * KR
        d = 500_000 * KR
        ch = take_from_personnel(m, d)
        m["total"] -= d
        return m, f"received 9500000.00; {ch} and totalExpenses -500000.00"
    add("G2-received.xml", key("vast", 2013), g2, ["G2"])

    def g3(m):
        m["year"] = "2016"
        m["period_from"], m["period_to"] = "2016-01-01", "2016-12-31"
        d = datetime.date.fromisoformat(m["att_date"])
        m["att_date"] = d.replace(year=d.year + 1).isoformat()
        return m, (f'year 2016, period 2016-01-01..2016-12-31, attestation date '
                   f'{m["att_date"]} (moved one year so that M2/P5 hold)')
    add("G3-year-2016.xml", key("norr", 2015), g3, ["G3"],
        "G1 cannot be evaluated (the rule set has no appropriation for 2016); "
        "G5 info (no 2015 statement given).")

    def g4(m):
        m["period_from"] = "2014-02-01"
        return m, "period from 2014-02-01"
    add("G4-period-from.xml", key("syd", 2014), g4, ["G4"])

    add("G5-previous-2013.xml", key("vast", 2013),
        lambda m: (m, "unchanged copy of valid/vast-2013.xml: the `--previous` "
                   "file for G5-carriedover-2014.xml"), [],
        "Valid on its own (no finding).")

    def g5(m):
        d = 25_000 * KR
        m["carried"] += d
        m["closing"] += d
        m["carry_forward"] += d
        return m, (f"carriedOver {fmt(m['carried'])} instead of "
                   f"{fmt(m['carried'] - d)} (= carryForward of vast-2013); "
                   "closing and carryForward +25000.00")
    add("G5-carriedover-2014.xml", key("vast", 2014), g5, ["G5"],
        "G5 only with `--previous G5-previous-2013.xml` (or "
        "`--previous ../valid/vast-2013.xml`, or with that statement in the "
        "register). Alone: no error, only the G5 info (not evaluated).")

    def g6(m):
        d = 150_000 * KR
        m["carried"] += d
        m["closing"] += d
        m["carry_forward"] += d
        return m, "carriedOver 150000.00; closing and carryForward +150000.00"
    add("G6-carriedover-2013.xml", key("stockholm-gotland", 2013), g6, ["G6"])

    def g7(m):
        d = 100_000 * KR
        m["carry_forward"] = d
        m["repay"] -= d
        return m, "carryForward 100000.00, repay = closing - 100000.00"
    add("G7-carryforward-2015.xml", key("uppsala-orebro", 2015), g7, ["G7"])

    def p1(m):
        e = find(m, "overhead")
        target = m["total"] * 15 // 100 // KR * KR
        d = target - e["amount"]
        ch = take_from_personnel(m, d)
        e["amount"] = target
        return m, (f"overhead line {fmt(target)} = 15 % of totalExpenses "
                   f"(+{fmt(d)}); {ch}")
    add("P1-overhead-15pc.xml", None, p1, ["P1"],
        "The overhead line is `shared`, so the shared share rises too but "
        "stays below 25 % (base chosen for that).")

    def p2(m):
        avail = m["carried"] + m["received"]
        new_closing = avail * 40 // 100
        d = new_closing - m["closing"]
        # overhead shrinks with the total (else P1 would fire), the rest of
        # the reduction is taken from personnel
        ov = find(m, "overhead")
        new_ov = ov["amount"] * (m["total"] - d) // m["total"] // KR * KR
        d_ov = ov["amount"] - new_ov
        ov["amount"] = new_ov
        ch = f"overhead -{fmt(d_ov)}, " + take_from_personnel(m, d - d_ov)
        m["total"] -= d
        m["closing"] = new_closing
        m["carry_forward"] = new_closing - m["repay"]
        return m, (f"{ch}; totalExpenses -{fmt(d)}; closing and carryForward "
                   f"{fmt(new_closing)} = 40 % of available funds")
    add("P2-low-utilisation.xml", None, p2, ["P2"],
        "The overhead line is reduced in proportion, so that the overhead and "
        "shared shares of the smaller total stay below 10 % and 25 % (base "
        "chosen for that).")

    def p3(m):
        d = 12_500 * KR
        e = find(m, "personnel", "6.1")
        e["amount"] += d
        m["expenses"].append(dict(category="travel", criterion="4.2",
                                  amount=-d, note=None))
        return m, ("extra line travel/4.2 `-12500.00` without note; "
                   "personnel/6.1 +12500.00 so that totals are unchanged")
    add("P3-negative-line-without-note.xml", key("sydost", 2013), p3, ["P3"])

    def p4(m):
        target = m["total"] * 35 // 100 // KR * KR
        d = target - sum(e["amount"] for e in m["expenses"]
                         if e["criterion"] == "shared")
        e = [x for x in m["expenses"] if x["criterion"] == "shared"
             and x["category"] != "overhead"][0]
        ch = take_from_personnel(m, d)
        e["amount"] += d
        return m, (f'{e["category"]}/shared +{fmt(d)}, {ch}: shared = '
                   f"{fmt(target)} = 35 % of totalExpenses (unchanged)")
    add("P4-shared-35pc.xml", key("norr", 2013), p4, ["P4"])

    def p5(m):
        m["att_date"] = "2015-04-20"
        return m, "attestation date 2015-04-20 (due 2015-03-31)"
    add("P5-late-attestation.xml", key("norr", 2014), p5, ["P5"])

    def m1(m):
        old = m["orgnr"]
        m["orgnr"] = orgnr("556677889")
        return m, f'orgnr `{m["orgnr"]}` (valid check digit, first digit 5) instead of `{old}`'
    add("M1-orgnr-not-public.xml", key("uppsala-orebro", 2013), m1, ["M1"],
        "(M5 is a register rule, not evaluated by `check`.)")

    def m2(m):
        m["att_date"] = "2014-11-30"
        return m, "attestation date 2014-11-30 (period ends 2014-12-31)"
    add("M2-attested-before-period-end.xml", key("vast", 2014), m2, ["M2"])

    def m3(m):
        m["contact"]["email"] = "karin.ek.example.se"
        return m, "contact email `karin.ek.example.se`"
    add("M3-email.xml", key("sydost", 2014), m3, ["M3"])

    def m4(m):
        m["currency"] = "EUR"
        return m, "currency EUR"
    add("M4-currency-eur.xml", key("norr", 2013), m4, ["M4"],
        "EUR is a valid ISO 4217 code, so no S6.")

    def m6(m):
        m["rcc_name"] = "RCC Syd"
        return m, 'rcc id="sydost" with display name `RCC Syd`'
    add("M6-display-name.xml", key("sydost", 2013), m6, ["M6"])

    # automatic base choice for the ratio-sensitive cases: the first 2013 (or
    # else 2014) statement that keeps the other ratios well inside their thresholds
    resolved = []
    for name, base, fn, expected, cons in cases:
        if base is None:
            for k in [key(r["id"], y) for y in YEARS[:2] for r in RCCS]:
                try:
                    m, _ = fn(copy.deepcopy(valid[k]))
                except AssertionError:
                    continue
                ov, sh = shares(m)
                ok = (sh < 0.24) if name.startswith("P1") else \
                     (ov < 0.095 and sh < 0.24)
                if ok:
                    base = k
                    break
            assert base, name
        resolved.append((name, base, fn, expected, cons))
    return resolved


# ---------------------------------------------------------------- main

def write(path, data):
    with open(path, "wb") as f:
        f.write(data)


def check_valid_model(m, prev):
    """The arithmetic and plausibility targets of a valid sample."""
    k = f'{m["rcc_id"]}-{m["year"]}'
    y = int(m["year"])
    ex = m["expenses"]
    total = m["total"]
    avail = m["carried"] + m["received"]
    assert m["granted"] == m["received"] == GRANT, k
    assert 8 <= len(ex) <= 16, k
    assert all(isinstance(e["amount"], int) and e["amount"] > 0 for e in ex), k
    assert sum(e["amount"] for e in ex) == total, k
    assert m["closing"] == avail - total, k
    assert m["carry_forward"] + m["repay"] == m["closing"], k
    assert min(m["closing"], m["carry_forward"], m["repay"]) >= 0, k
    assert 0.02 <= m["closing"] / avail <= 0.08, k
    ov, sh = shares(m)
    assert 0.05 <= ov <= 0.09 and 0.08 <= sh <= 0.20, (k, ov, sh)
    pers = sum(e["amount"] for e in ex if e["category"] == "personnel")
    assert pers / total > 0.5, k
    assert len({e["criterion"] for e in ex}) >= 6, k
    assert m["carried"] == (0 if y == YEARS[0] else prev["carry_forward"]), k
    if y == YEARS[-1]:
        assert m["carry_forward"] == 0 and m["repay"] == m["closing"], k
    d = datetime.date.fromisoformat(m["att_date"])
    assert datetime.date(y + 1, 1, 15) <= d <= datetime.date(y + 1, 3, 31), k
    o = m["orgnr"].replace("-", "")
    assert o[0] == "2" and luhn_ok(o), k


def main():
    use_xmllint = "--no-xmllint" not in sys.argv[1:]
    dirs = {d: os.path.join(HERE, d) for d in ("valid", "invalid", "encodings")}
    for d in dirs.values():
        if os.path.isdir(d):
            shutil.rmtree(d)
        os.makedirs(d)

    # valid statements and their carry-over chains
    valid, chains = {}, []
    for r in RCCS:
        carried, prev = 0, None
        for y in YEARS:
            m = build_valid(r, y, carried)
            check_valid_model(m, prev)
            valid[key(r["id"], y)] = m
            chains.append((r["id"], y, m))
            carried, prev = m["carry_forward"], m
    closings = [m["closing"] for m in valid.values()]
    assert len(set(closings)) == len(closings)
    for y in YEARS:   # G8: the year's statements add up to the appropriation
        assert sum(valid[key(r["id"], y)]["granted"] for r in RCCS) == APPROPRIATION[y]
    vtext = {}
    for k, m in valid.items():
        vtext[k] = render(m).encode("utf-8")
        write(os.path.join(dirs["valid"], k + ".xml"), vtext[k])

    # encodings: valid/sydost-2014.xml in four encodings
    base = valid[key("sydost", 2014)]
    enc_files = {
        "sydost-2014-utf8-bom.xml": ("UTF-8", lambda t: b"\xef\xbb\xbf" + t.encode("utf-8")),
        "sydost-2014-utf16le-bom.xml": ("UTF-16", lambda t: b"\xff\xfe" + t.encode("utf-16-le")),
        "sydost-2014-iso-8859-1.xml": ("ISO-8859-1", lambda t: t.encode("iso-8859-1", "xmlcharrefreplace")),
        "sydost-2014-windows-1252.xml": ("windows-1252", lambda t: t.encode("cp1252")),
    }
    for name, (decl, enc) in enc_files.items():
        m = copy.deepcopy(base)
        m["encoding"] = decl
        write(os.path.join(dirs["encodings"], name), enc(render(m)))
    w1252 = open(os.path.join(dirs["encodings"], "sydost-2014-windows-1252.xml"), "rb").read()
    assert b"\x96" in w1252  # the en dash, in the 0x80-0x9F range

    # invalid statements
    rows = []
    for name, bk, fn, expected, cons in invalid_cases(valid):
        out, change = fn(copy.deepcopy(valid[bk]))
        if isinstance(out, dict):
            out = render(out)
        if isinstance(out, str):
            out = out.encode("utf-8")
        write(os.path.join(dirs["invalid"], name), out)
        rows.append((name, bk, change, expected, cons))

    # ---- checks with the independent rule model
    today = datetime.date.today()
    problems = []
    for k, data in vtext.items():
        r, y = k.rsplit("-", 1)
        prev = vtext.get(key(r, int(y) - 1))
        f, info = findings(data, prev, today)
        if f:
            problems.append(f"valid/{k}.xml: {f}")
    for name in enc_files:
        data = open(os.path.join(dirs["encodings"], name), "rb").read()
        f, _ = findings(data, vtext[key("sydost", 2013)], today)
        if f:
            problems.append(f"encodings/{name}: {f}")
        if ET.fromstring(data).find(f"{{{NS}}}expenses") is None:
            problems.append(f"encodings/{name}: not parsed")
        if render_back(data) != render_back(vtext[key("sydost", 2014)]):
            problems.append(f"encodings/{name}: content differs from valid/sydost-2014.xml")
    for name, bk, change, expected, cons in rows:
        data = open(os.path.join(dirs["invalid"], name), "rb").read()
        prev = None
        if name == "G5-carriedover-2014.xml":   # judged with its --previous
            prev = open(os.path.join(dirs["invalid"], "G5-previous-2013.xml"), "rb").read()
        f, _ = findings(data, prev, today)
        if sorted(f) != sorted(expected):
            problems.append(f"invalid/{name}: got {sorted(f)}, expected {sorted(expected)}")
    g5p = open(os.path.join(dirs["invalid"], "G5-previous-2013.xml"), "rb").read()
    g5 = open(os.path.join(dirs["invalid"], "G5-carriedover-2014.xml"), "rb").read()
    if findings(g5, g5p, today)[0] != ["G5"]:
        problems.append("invalid/G5 pair: G5 not found with --previous")
    if findings(g5, None, today) != ([], ["G5"]):
        problems.append("invalid/G5-carriedover-2014.xml alone: expected only the G5 info")

    # ---- schema check of the valid files (xmllint, if installed)
    if use_xmllint and shutil.which("xmllint"):
        files = [os.path.join(dirs["valid"], f) for f in sorted(os.listdir(dirs["valid"]))] + \
                [os.path.join(dirs["encodings"], f) for f in sorted(os.listdir(dirs["encodings"]))]
        res = subprocess.run(["xmllint", "--noout", "--schema", SCHEMA] + files,
                             capture_output=True, text=True)
        if res.returncode != 0:
            problems.append("xmllint:\n" + res.stderr)
    elif use_xmllint:
        print("note: xmllint not found, schema check skipped", file=sys.stderr)

    write(os.path.join(dirs["invalid"], "README.md"), readme(rows).encode("utf-8"))

    if problems:
        print("\n".join(problems), file=sys.stderr)
        return 1
    print(f"wrote {len(valid)} valid, {len(enc_files)} encoding and "
          f"{len(rows)} invalid samples; all checks passed")
    print("carry-over chains (carriedOver / closing / carryForward / repay):")
    for rid, y, m in chains:
        print(f"  {rid:18} {y}  {fmt(m['carried']):>11} {fmt(m['closing']):>11} "
              f"{fmt(m['carry_forward']):>11} {fmt(m['repay']):>11}   "
              f"unused {pct(m['closing'], m['carried'] + m['received'])}, "
              f"overhead {pct(*[sum(e['amount'] for e in m['expenses'] if e['category'] == 'overhead'), m['total']])}, "
              f"shared {pct(*[sum(e['amount'] for e in m['expenses'] if e['criterion'] == 'shared'), m['total']])}, "
              f"{len(m['expenses'])} lines")
    return 0


def render_back(data):
    """Canonical view of a document's content, to compare encodings."""
    root = ET.fromstring(data)
    return [(e.tag, sorted(e.attrib.items()), (e.text or "").strip()) for e in root.iter()]


def readme(rows):
    L = ["# Invalid sample statements",
         "",
         "Generated by `../generate.py` (do not edit by hand: run "
         "`python3 samples/generate.py`). Each file is a valid statement from "
         "`../valid/` with a minimal change that breaks one rule; the rule id is "
         "the start of the file name. \"Expected\" lists the error and warning "
         "findings grantcheck should report (ids from the rule catalogue); "
         "unavoidable extra findings are explained under \"Notes\".",
         "",
         "General notes:",
         "",
         "- Statements for 2014 and 2015 also get the **info** finding G5 "
         "(previous statement not available) unless the same RCC's statement "
         "for the year before is given with `--previous FILE` (the valid ones "
         "are in `../valid/<rcc>-<year-1>.xml`). Info findings do not make a "
         "file invalid and are not listed below.",
         "- `G5-previous-2013.xml` is a **valid** statement (an unchanged copy "
         "of `../valid/vast-2013.xml`); it is the `--previous` file for "
         "`G5-carriedover-2014.xml`, which has no error on its own:\n"
         "  `grantcheck check --previous samples/invalid/G5-previous-2013.xml "
         "samples/invalid/G5-carriedover-2014.xml` → G5.",
         "- All attestation dates are in 2014–2017, so M2 (\"in the future\") "
         "does not fire with any `--today` after 2017-03-31.",
         "- `A6-overflow.xml` is about 6 MB (the expense lines needed to "
         "overflow a signed 64-bit sum of öre).",
         "",
         "| file | based on | change | expected | notes |",
         "|---|---|---|---|---|"]
    for name, bk, change, expected, cons in rows:
        exp = ", ".join(expected) if expected else "none (valid)"
        based = "-" if name.startswith("X1") else f"valid/{bk}.xml"
        r, y = bk.rsplit("-", 1)
        if int(y) > YEARS[0] and not name.startswith(("G3", "G5", "X")):
            cons = (cons + " " if cons else "") + \
                f"G5 info unless `--previous ../valid/{key(r, int(y) - 1)}.xml`."
        L.append(f"| `{name}` | {based} | {change} | {exp} | {cons} |")
    return "\n".join(L) + "\n"


if __name__ == "__main__":
    sys.exit(main())
