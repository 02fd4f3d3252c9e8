#!/usr/bin/env python3
"""Writes the golden case command files tests/golden/cases/rcc-2013-2015/*.cmd.

Golden cases live in one folder per programme (rule set folder under rules/):
tests/golden/cases/PROGRAMME/. This script writes the rcc-2013-2015 ones; a
second programme's cases go in their own folder (tests/e2e.sh checks every
rule set against its own folder).

For every rule id: a triggering case (the invalid sample named after it,
text in English and JSON in Swedish) and a passing case on its close
variant (the valid sample it was derived from), plus the boundary variants
in tests/golden/inputs/. The expected outputs (*.out) are produced by
`GOLDEN_BLESS=1 tests/golden.sh build/grantcheck` and reviewed by hand.
"""
import os
import re

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
PROGRAMME = "rcc-2013-2015"
CASES = os.path.join(ROOT, "tests", "golden", "cases", PROGRAMME)
BASE = "check --rules rules --today 2026-11-22"

cases = {}


def case(name, *lines):
    cases[name] = list(lines)


# the invalid samples and the valid statement each was derived from
readme = open(os.path.join(ROOT, "samples", "invalid", "README.md"), encoding="utf-8").read()
for m in re.finditer(r"^\| `([A-Z]\d)-([^`]+)\.xml` \| ([^|]+) \|", readme, re.M):
    rule, rest, base = m.group(1), m.group(2), m.group(3).strip()
    f = f"samples/invalid/{rule}-{rest}.xml"
    if rule == "G5":
        continue
    case(f"{rule}-{rest}", f"{BASE} --lang en {f}", f"{BASE} --lang sv --format json {f}")
    if base.startswith("valid/"):
        case(f"{rule}-{rest}-pass", f"{BASE} --lang en samples/{base}")
    else:  # the empty file's neighbour: a statement with content
        case(f"{rule}-{rest}-pass", f"{BASE} --lang en samples/valid/norr-2013.xml")

# cross-statement rules
case("G5-carriedover-2014",
     f"{BASE} --lang en --previous samples/invalid/G5-previous-2013.xml samples/invalid/G5-carriedover-2014.xml",
     f"{BASE} --lang sv --format json --previous samples/invalid/G5-previous-2013.xml samples/invalid/G5-carriedover-2014.xml")
case("G5-carriedover-2014-pass",
     f"{BASE} --lang en --previous samples/valid/vast-2013.xml samples/valid/vast-2014.xml")
case("G5-not-evaluated", f"{BASE} --lang en --format json samples/valid/vast-2014.xml")
case("M5-orgnr-changed",
     f"{BASE} --lang en --previous tests/golden/inputs/M5-previous-2013-other-orgnr.xml samples/valid/sydost-2014.xml",
     f"{BASE} --lang sv --format json --previous tests/golden/inputs/M5-previous-2013-other-orgnr.xml samples/valid/sydost-2014.xml")
case("M5-orgnr-changed-pass",
     f"{BASE} --lang en --previous samples/valid/sydost-2013.xml samples/valid/sydost-2014.xml")

# register level: G8 over the current statements of each year
case("G8-uneven-2013",
     f"register --db $T/reg.db --rules rules --today 2026-11-22 --lang en samples/valid samples/invalid/G1-granted.xml",
     f"register --db $T/reg.db --rules rules --today 2026-11-22 --lang sv samples/invalid/G2-received.xml")
case("G8-uneven-2013-pass",
     f"register --db $T/reg.db --rules rules --today 2026-11-22 --lang en samples/valid")

# boundary and message variants
for f in sorted(os.listdir(os.path.join(ROOT, "tests", "golden", "inputs"))):
    if f.startswith("M5-"):
        continue
    case("v-" + f[:-4], f"{BASE} --lang en tests/golden/inputs/{f}")
# blank is missing (S1), a misplaced <expense> (S3, one finding), the G5 note on a wrong --previous
case("S1-blank-pass", f"{BASE} --lang en samples/valid/sydost-2014.xml")
case("S3-expense-outside-expenses-sv", f"{BASE} --lang sv tests/golden/inputs/S3-expense-outside-expenses.xml")
case("G5-previous-other-rcc",
     f"{BASE} --lang en --previous samples/valid/norr-2013.xml samples/valid/sydost-2014.xml",
     f"{BASE} --lang sv --previous samples/valid/norr-2013.xml samples/valid/sydost-2014.xml")
case("G5-previous-other-year",
     f"{BASE} --lang en --previous samples/valid/sydost-2014.xml samples/valid/sydost-2014.xml",
     f"{BASE} --lang sv --previous samples/valid/sydost-2014.xml samples/valid/sydost-2014.xml")
case("G5-previous-right-pass",
     f"{BASE} --lang sv --previous samples/valid/norr-2013.xml --previous samples/valid/sydost-2013.xml samples/valid/sydost-2014.xml")
case("M2-future-today", f"{BASE} --lang en --today 2015-03-01 samples/valid/sydost-2014.xml")

# the command line itself
case("all-valid-samples", f"{BASE} --lang sv samples/valid")
case("encodings", f"{BASE} --lang en samples/encodings")
case("strict", f"{BASE} --lang en --strict samples/invalid/G2-received.xml",
     f"{BASE} --lang en samples/invalid/G2-received.xml")
# a path that does not exist is a usage problem (exit 2), never a statement,
# and never recorded: the register is not even created
case("missing-path", f"{BASE} --lang en no/such/file.xml", f"{BASE} --lang sv samples/valid no/such/file.xml",
     "register --db $T/reg.db --rules rules --lang en samples/valid/norr-2013.xml no/such/file.xml",
     "list --db $T/reg.db --rules rules --lang en")
case("usage-errors", "check", "check --format xml x.xml", "check --lang de x.xml", "check --today 2014-02-30 x.xml",
     "frobnicate", "check --rules no/such/dir samples/valid/norr-2013.xml",
     "check --rules rules --today 2026-11-22 rules", "check --help", "help list", "--help")
case("rules-list", "rules --rules rules --lang en", "rules --rules rules --lang sv --programme rcc-2013-2015")
case("explain", "explain --rules rules A1", "explain --rules rules X2", "explain --rules rules Q9",
     "explain --rules rules S1", "explain --rules rules G5")
# options before or after the operands (GNU), --opt=value, and -- ending them
case("options-anywhere",
     "check samples/valid/norr-2013.xml --rules rules --today 2026-11-22 --lang sv",
     "check samples/invalid/A1-sum-mismatch.xml --lang=en --rules=rules --today=2026-11-22 --format=json",
     "register samples/valid/norr-2013.xml --db $T/reg.db --rules rules --today 2026-11-22 --lang en",
     "list --db $T/reg.db --rules rules --year 1999 --lang en",
     "explain A1 --rules rules --lang en",
     "check --rules rules --today 2026-11-22 --lang en -- samples/valid/norr-2013.xml",
     "check --rules rules --today 2026-11-22 --lang en -- --strict",
     "check --rules rules --today 2026-11-22 --lang en samples/valid/norr-2013.xml -- -h")
case("help-everywhere", "check -h", "register --help", "list -h", "summary -h", "rules -h", "explain -h",
     "help -h", "help register", "-h", "check samples/valid/norr-2013.xml --bogus -h",
     "check --lang sv -h", "help --lang sv summary", "--help --lang sv")
case("unknown-option", "check --fromat json x.xml", "check x.xml --db x.db", "list --bogus", "list --history=yes",
     "summary --yaer 2014 -o x.xlsx", "summary --db x.db", "check -x x.xml", "check x.xml --rules",
     "check --lang sv --frmat json x.xml", "list --year 14", "rules extra", "explain", "explain A1 A2",
     "help check list")
case("unknown-command", "chek samples/valid", "registr x.xml", "sumary", "frobnicate", "help chek", "--lang")
case("explain-any-case", "explain --rules rules a1", "explain --rules rules x2 --lang sv",
     "explain --rules rules --programme rcc-2013-2015 g8", "explain --rules rules --programme no-such a1",
     "explain --rules rules q9 --lang sv")
case("xml-errors-sv", *(f"{BASE} --lang sv tests/golden/inputs/{f}.xml" for f in
     ("X2-ampersand", "X2-curly-quotes", "X2-truncated", "X2-utf8-labelled-latin1", "X2-cp1252-undeclared")),
     f"{BASE} --lang sv samples/invalid/X2-missing-end-tag.xml")
case("several-files-json", f"{BASE} --lang en --format json samples/invalid/A3-balance-split.xml samples/valid/norr-2013.xml")

os.makedirs(CASES, exist_ok=True)
for name, lines in cases.items():
    with open(os.path.join(CASES, name + ".cmd"), "w", encoding="utf-8") as fh:
        fh.write("\n".join(lines) + "\n")
print(len(cases), "cases")
