#!/usr/bin/env python3
"""Writes tests/golden/inputs/: close variants of the valid samples that sit
on either side of a rule's boundary (the rule's triggering and
non-triggering neighbours). Each variant is a valid sample with exact text
replacements; a replacement that does not match exactly once is an error,
so a changed sample cannot silently produce a meaningless input.

Run from the repository root: python3 tests/golden/make_inputs.py
"""
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
VALID = os.path.join(ROOT, "samples", "valid")
OUT = os.path.join(ROOT, "tests", "golden", "inputs")


def variant(name, base, *repls, raw=None):
    with open(os.path.join(VALID, base), encoding="utf-8") as f:
        text = f.read()
    for old, new in repls:
        n = text.count(old)
        if n != 1:
            sys.exit(f"{name}: '{old}' occurs {n} times in {base}, expected once")
        text = text.replace(old, new)
    data = raw(text) if raw else text.encode("utf-8")
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(data)


NOTE500 = "x" * 500
NOTE501 = "x" * 501

variant("P1-at-10pc.xml", "sydost-2014.xml",
        ('criterion="shared">645800.00<', 'criterion="shared">989062.89<'),
        ('criterion="6.1">3299128.65<', 'criterion="6.1">2955865.76<'))
variant("P1-just-over-10pc.xml", "sydost-2014.xml",
        ('criterion="shared">645800.00<', 'criterion="shared">989062.90<'),
        ('criterion="6.1">3299128.65<', 'criterion="6.1">2955865.75<'))
variant("P5-on-due-date.xml", "sydost-2014.xml", ('date="2015-03-15"', 'date="2015-03-31"'))
variant("P5-day-after-due.xml", "sydost-2014.xml", ('date="2015-03-15"', 'date="2015-04-01"'))
variant("M2-on-period-end.xml", "sydost-2014.xml", ('date="2015-03-15"', 'date="2014-12-31"'))
variant("M2-day-after-period.xml", "sydost-2014.xml", ('date="2015-03-15"', 'date="2015-01-01"'))
variant("S8-note-500.xml", "sydost-2014.xml",
        ('criterion="4.4">', f'criterion="4.4" note="{NOTE500}">'))
variant("S8-note-501.xml", "sydost-2014.xml",
        ('criterion="4.4">', f'criterion="4.4" note="{NOTE501}">'))
variant("S8-control-char.xml", "sydost-2014.xml",
        ('criterion="4.4">', 'criterion="4.4" note="rad\u0085två">'))
variant("S8-tab-newline-ok.xml", "sydost-2014.xml",
        ('criterion="4.4">', 'criterion="4.4" note="rad&#9;ett&#10;två">'))
variant("S4-three-decimals.xml", "sydost-2014.xml", ('>733100.00<', '>733100.000<'))
variant("S4-currency.xml", "sydost-2014.xml", ('>733100.00<', '>733100 kr<'))
variant("S4-thirteen-digits.xml", "sydost-2014.xml", ('>733100.00<', '>1234567890123.00<'))
variant("S4-twelve-digits-ok.xml", "sydost-2013.xml",
        ('<granted>10000000.00</granted>', '<granted>999999999999.99</granted>'))
variant("S3-unknown-attribute.xml", "sydost-2014.xml", ('<rcc id="sydost"', '<rcc id="sydost" region="Östergötland"'))
variant("S3-attribute-typo.xml", "sydost-2014.xml", ('criterion="4.4">', 'critrion="4.4">'))
variant("S3-no-suggestion.xml", "sydost-2014.xml", ('<currency>SEK</currency>', '<currency>SEK</currency>\n  <comment>Se bilaga</comment>'))
variant("S3-foreign-namespace.xml", "sydost-2014.xml",
        ('<currency>SEK</currency>', '<currency>SEK</currency>\n  <x:sig xmlns:x="urn:example:signature">abc</x:sig>'))
variant("S1-attribute-missing.xml", "sydost-2014.xml", ('category="materials" ', ''))
variant("S1-no-expense.xml", "sydost-2014.xml",
        raw=lambda t: "".join(l for l in t.splitlines(True) if "<expense " not in l).encode("utf-8"))
variant("S5-year-letters.xml", "sydost-2014.xml", ('<year>2014</year>', '<year>20l4</year>'))
variant("S5-date-format.xml", "sydost-2014.xml", ('date="2015-03-15"', 'date="12/03/2015"'))
variant("S6-rcc-id.xml", "sydost-2014.xml", ('<rcc id="sydost"', '<rcc id="sydöst"'))
variant("S6-currency-code.xml", "sydost-2014.xml", ('<currency>SEK</currency>', '<currency>SKR</currency>'))
variant("S7-format.xml", "sydost-2014.xml", ('orgnr="232100-0040"', 'orgnr="2321000040"'))
variant("X2-encoding-koi8.xml", "sydost-2014.xml", ('encoding="UTF-8"', 'encoding="KOI8-R"'))
variant("X2-lying-encoding.xml", "sydost-2014.xml", raw=lambda t: t.encode("iso-8859-1", errors="replace"))
# XML and encoding mistakes explained (issue 11 items 3-4) and what is lenient (issue 10 class 11)
variant("X2-ampersand.xml", "sydost-2014.xml", ('Region Östergötland<', 'Region Östergötland & Jönköping<'))
variant("X2-curly-quotes.xml", "sydost-2014.xml", ('name="Karin Ek"', 'name=\u201cKarin Ek\u201d'))
variant("X2-truncated.xml", "sydost-2014.xml", raw=lambda t: t[:t.index("    <expense category=\"consultants\"")].encode("utf-8"))
variant("X2-utf8-labelled-latin1.xml", "sydost-2014.xml", ('encoding="UTF-8"', 'encoding="ISO-8859-1"'))
variant("X2-cp1252-undeclared.xml", "sydost-2014.xml", raw=lambda t: t.encode("windows-1252"))
variant("enc-latin1-label-1252.xml", "sydost-2014.xml", ('encoding="UTF-8"', 'encoding="latin1"'),
        raw=lambda t: t.encode("windows-1252"))
variant("enc-iso-8859-1-holds-1252.xml", "sydost-2014.xml", ('encoding="UTF-8"', 'encoding="ISO-8859-1"'),
        raw=lambda t: t.encode("windows-1252"))
variant("enc-us-ascii-label.xml", "sydost-2014.xml", ('encoding="UTF-8"', 'encoding="US-ASCII"'),
        raw=lambda t: t.encode("windows-1252"))
variant("enc-utf8-label.xml", "sydost-2014.xml", ('encoding="UTF-8"', 'encoding="utf8"'))
variant("S4-whitespace-5k-pass.xml", "sydost-2014.xml",
        ('<granted>10000000.00</granted>', '<granted>' + ' \n' * 3000 + '10000000.00' + '\n ' * 3000 + '</granted>'),
        ('<year>2014</year>', '<year>2014' + ' ' * 5000 + '</year>'),
        ('criterion="4.4">1649400.00</expense>', 'criterion="4.4">1649400.00' + '\t' * 5000 + '</expense>'))
variant("X3-version-2.xml", "sydost-2014.xml", ('version="1">', 'version="2">'))
variant("X3-no-version.xml", "sydost-2014.xml", (' version="1">', '>'))
variant("X3-wrong-root.xml", "sydost-2014.xml", ('<statement ', '<report '), ('</statement>', '</report>'))
variant("M5-previous-2013-other-orgnr.xml", "sydost-2013.xml", ('orgnr="232100-0040"', 'orgnr="212000-0142"'))
variant("M2-future.xml", "sydost-2014.xml", ('date="2015-03-15"', 'date="2031-03-12"'))
variant("G1-uneven.xml", "sydost-2013.xml", ('<granted>10000000.00</granted>', '<granted>10000000.01</granted>'),
        ('<received>10000000.00</received>', '<received>10000000.01</received>'),
        ('<closing>453000.00</closing>', '<closing>453000.01</closing>'),
        ('<carryForward>453000.00</carryForward>', '<carryForward>453000.01</carryForward>'))
variant("A1-cents.xml", "sydost-2014.xml",
        ('criterion="6.3">826500.00<', 'criterion="6.3">0.10<'),
        ('criterion="shared">1084000.00<', 'criterion="shared">0.20<'),
        ('criterion="6.2">964100.00<', 'criterion="6.2">2874599.70<'))
