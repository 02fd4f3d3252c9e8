#!/usr/bin/env python3
"""Benchmark inputs for grantcheck, generated deterministically (stdlib only).

  gen.py large N OUT.xml          one valid statement with N expense lines
  gen.py small K OUTDIR SAMPLES   K valid statements: copies of SAMPLES/*.xml
                                  (samples/valid), each made distinct
  gen.py wide K OUTDIR RULESDIR SRCRULES SAMPLE
                                  a synthetic programme "bench-wide" of 20
                                  RCCs and K/20 years in RULESDIR/bench-wide/
                                  (the rule files of SRCRULES, new data) and
                                  its K statements, every one current

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


WIDE_RCCS = 20
WIDE_FIRST_YEAR = 1950  # past years: attestation dates must not be in the future (M2)


def wide(k, outdir, rulesdir, srcrules, sample):
    """A register whose summary has K current statements (the real programme
    has only 6 RCCs x 3 years = 18): 20 RCCs, K/20 years, each statement the
    sample's figures with carriedOver 0 and the unused money repaid, so every
    carry-over chain (G5, G6, G7) and the equal share (G1) hold."""
    years = k // WIDE_RCCS
    prog = os.path.join(rulesdir, "bench-wide")
    os.makedirs(prog, exist_ok=True)
    for name in sorted(os.listdir(srcrules)):
        if name.endswith(".sql"):
            with open(os.path.join(srcrules, name), encoding="utf-8") as f:
                text = f.read()
            with open(os.path.join(prog, name), "w", encoding="utf-8") as f:
                f.write(text)
    with open(os.path.join(prog, "programme.tsv"), "w", encoding="utf-8") as f:
        f.write("id\tbench-wide\ntitle.sv\tBenchmark: %d RCC, %d år\ntitle.en\tBenchmark: %d RCCs, %d years\n"
                "rcc_count\t%d\ncurrency\tSEK\noverhead_max_percent\t10\nshared_max_percent\t25\n"
                "unused_max_percent\t25\nrule_order\tX S A G P M\noverflow_rule\tA6\n" % (WIDE_RCCS, years, WIDE_RCCS, years, WIDE_RCCS))
    with open(os.path.join(prog, "years.tsv"), "w", encoding="utf-8") as f:
        f.write("year\tappropriation\tdue\n")
        for y in range(WIDE_FIRST_YEAR, WIDE_FIRST_YEAR + years):
            f.write("%d\t%s\t%d-03-31\n" % (y, ore(WIDE_RCCS * GRANT), y + 1))
    with open(os.path.join(srcrules, "codes.tsv"), encoding="utf-8") as f:
        codes = [line for line in f if not line.startswith("rcc\t")]
    codes += ["rcc\tr%02d\tRCC %d\tRCC %d\n" % (i, i, i) for i in range(1, WIDE_RCCS + 1)]
    with open(os.path.join(prog, "codes.tsv"), "w", encoding="utf-8") as f:
        f.writelines(codes)
    with open(sample, encoding="utf-8") as f:
        text = f.read()
    closing = text[text.index("<closing>") + 9:text.index("</closing>")]

    def once(t, old, new):
        assert t.count(old) == 1, old
        return t.replace(old, new)

    base = once(text, "<programme>rcc-2013-2015</programme>", "<programme>bench-wide</programme>")
    base = once(base, "<carryForward>%s</carryForward>" % closing, "<carryForward>0.00</carryForward>")
    base = once(base, "<repay>0.00</repay>", "<repay>%s</repay>" % closing)
    os.makedirs(outdir, exist_ok=True)
    for y in range(WIDE_FIRST_YEAR, WIDE_FIRST_YEAR + years):
        for i in range(1, WIDE_RCCS + 1):
            t = base.replace("2013-", "%d-" % y).replace("2014-02-24", "%d-02-24" % (y + 1))
            t = once(t, "<year>2013</year>", "<year>%d</year>" % y)
            t = once(t, '<rcc id="norr">RCC Norr</rcc>', '<rcc id="r%02d">RCC %d</rcc>' % (i, i))
            with open(os.path.join(outdir, "%d-r%02d.xml" % (y, i)), "w", encoding="utf-8", newline="\n") as f:
                f.write(t)


def main():
    a = sys.argv[1:]
    if len(a) == 3 and a[0] == "large":
        large(int(a[1]), a[2])
    elif len(a) == 4 and a[0] == "small":
        small(int(a[1]), a[2], a[3])
    elif len(a) == 6 and a[0] == "wide":
        wide(int(a[1]), a[2], a[3], a[4], a[5])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
