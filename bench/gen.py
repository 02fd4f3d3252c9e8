#!/usr/bin/env python3
"""Benchmark inputs for grantcheck, generated deterministically (stdlib only).

  gen.py large N OUT.xml          one valid statement with N expense lines
  gen.py small K OUTDIR SAMPLES   K valid statements: copies of SAMPLES/*.xml
                                  (samples/valid), each made distinct

The large statement is RCC Norr's 2013 statement with its expense lines
replaced by N generated ones. Amounts are integer öre from a fixed linear
congruential generator, so the bytes are the same on every machine and
Python version; totals are summed in integers, so the file is valid (no
error, no warning): expenses about 9.2 million kr of the 10 million received,
overhead ~5 %, criterion "shared" ~12.5 %, a few negative lines with a note.

A small copy differs from its sample by an XML comment naming the copy and a
numbered contact name, so every file has its own SHA-256 (the register keeps
one submission per file) while the figures and findings stay the sample's.
"""

import os
import sys

CATEGORIES = ["personnel", "consultants", "travel", "meetings", "premises",
              "it", "materials", "other"]
CRITERIA = ["4.1", "4.2", "4.3", "4.4", "5.1", "5.2", "5.3", "6.1", "6.2", "6.3"]

GRANT = 10_000_000_00          # öre
TARGET = 9_200_000_00          # öre of expenses in all


def lcg(seed):
    x = seed
    while True:
        x = (x * 6364136223846793005 + 1442695040888963407) % (1 << 64)
        yield x >> 33


def ore(v):
    sign = "-" if v < 0 else ""
    v = abs(v)
    return "%s%d.%02d" % (sign, v // 100, v % 100)


def large(n, out):
    rnd = lcg(20130101)
    base = TARGET // n
    lines = []
    total = 0
    for i in range(n):
        r = next(rnd)
        amount = base // 2 + r % (base + 1)      # 0.5 .. 1.5 x base
        note = None
        if i % 20 == 19:
            cat = "overhead"
        else:
            cat = CATEGORIES[r % len(CATEGORIES)]
        crit = "shared" if i % 8 == 7 else CRITERIA[(r >> 8) % len(CRITERIA)]
        if i % 50 == 49:
            note = "Fakturan avser flera kriterier, fördelad enligt tidsredovisning"
        if i % 1000 == 999:
            amount = -(amount // 4)
            note = "Kreditering av felaktigt bokförd kostnad"
        total += amount
        attrs = 'category="%s" criterion="%s"' % (cat, crit)
        if note:
            attrs += ' note="%s"' % note
        lines.append('    <expense %s>%s</expense>\n' % (attrs, ore(amount)))
    closing = GRANT - total
    head = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<statement xmlns="urn:grantcheck:statement:1" version="1">\n'
        '  <programme>rcc-2013-2015</programme>\n'
        '  <year>2013</year>\n'
        '  <period from="2013-01-01" to="2013-12-31"/>\n'
        '  <rcc id="norr">RCC Norr</rcc>\n'
        '  <recipient orgnr="232100-0222">Region Västerbotten</recipient>\n'
        '  <contact name="Anna Lindqvist" email="anna.lindqvist@rccnorr.example.se"/>\n'
        '  <currency>SEK</currency>\n'
        '  <funds>\n'
        '    <granted>%s</granted>\n'
        '    <received>%s</received>\n'
        '    <carriedOver>0.00</carriedOver>\n'
        '  </funds>\n'
        '  <expenses>\n') % (ore(GRANT), ore(GRANT))
    tail = (
        '  </expenses>\n'
        '  <totalExpenses>%s</totalExpenses>\n'
        '  <balance>\n'
        '    <closing>%s</closing>\n'
        '    <carryForward>%s</carryForward>\n'
        '    <repay>0.00</repay>\n'
        '  </balance>\n'
        '  <attestation name="Lars Öberg" role="Verksamhetschef" date="2014-02-24"/>\n'
        '</statement>\n') % (ore(total), ore(closing), ore(closing))
    tmp = out + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="\n") as f:
        f.write(head)
        f.writelines(lines)
        f.write(tail)
    os.replace(tmp, out)


def small(k, outdir, samples):
    names = sorted(x for x in os.listdir(samples) if x.endswith(".xml"))
    if not names:
        sys.exit("gen.py: no *.xml in %s" % samples)
    texts = [(n, open(os.path.join(samples, n), encoding="utf-8").read()) for n in names]
    os.makedirs(outdir, exist_ok=True)
    for i in range(k):
        name, text = texts[i % len(texts)]
        copy = i // len(texts) + 1
        decl_end = text.index("?>") + 2
        text = text[:decl_end] + "\n<!-- benchmark copy %d -->" % copy + text[decl_end:]
        text = text.replace('<contact name="', '<contact name="Kopia %d ' % copy, 1)
        with open(os.path.join(outdir, "%05d-%s" % (i, name)), "w", encoding="utf-8", newline="\n") as f:
            f.write(text)


def main():
    a = sys.argv[1:]
    if len(a) == 3 and a[0] == "large":
        large(int(a[1]), a[2])
    elif len(a) == 4 and a[0] == "small":
        small(int(a[1]), a[2], a[3])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
