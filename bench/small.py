#!/usr/bin/env python3
"""Issue 15, parts 1 and 3: many small statements, register and recheck.

  bench/small.py GRANTCHECK [--runs N] [--work DIR] [--base GRANTCHECK]

Measures, each as paired runs interleaved with its peer (the order inside a
pair alternates, so a load change hurts both sides alike), and prints one
markdown row per measurement with the median and the range of the per-pair
ratios, and the load average before and after:

  check-small   `grantcheck check --format json` of 2000 small statements in
                one call, against `xmllint --noout --schema` on the same files
                (target <= 1.0x, floor 1.5x)
  register      1000 small statements into a fresh register (statements/s,
                target >= 3000/s); its peer is `check` of the same files
  recheck       `recheck` of registers of 1000 and 10 000 current statements
                (bench-wide, gen.py wide); time (target <= 5 s at 10 000) and
                peak RSS (/usr/bin/time %M), bounded independent of the size

With --base OTHER_GRANTCHECK the same rows are measured for that binary as
well, interleaved with the first (before/after of a change).

The functions rows_check_small(), rows_register(), rows_recheck() return
the rows as dicts (stdlib only); bench/bench.py's rows for `make bench`
are in batch.py and officer.py, this script is the longer run by hand. Inputs are made
by gen.py in WORK (default build/bench-small), deterministically, and kept.
A benchmark never fails a build: exit 2 only when it cannot measure.
"""

import os
import shutil
import statistics
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench import run_once  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
TODAY = "2026-11-22"


def load():
    with open("/proc/loadavg") as f:
        return float(f.read().split()[0])


def timed(cmd):
    """Runs cmd (output discarded): (wall seconds, CPU seconds, peak RSS KiB, exit status)."""
    wall, cpu, status, rss = run_once(cmd, rss=True)
    return wall, cpu, rss, status


def gen(work):
    os.makedirs(work, exist_ok=True)
    g = [sys.executable, os.path.join(HERE, "gen.py")]
    valid = os.path.join(ROOT, "samples", "valid")
    src_rules = os.path.join(ROOT, "rules", "rcc-2013-2015")
    jobs = [("small", ["small", "2000", os.path.join(work, "small"), valid]),
            ("reg1k", ["small", "1000", os.path.join(work, "reg1k"), valid])]
    for k in (1000, 10000):
        jobs.append(("wide%d" % k, ["wide", str(k), os.path.join(work, "wide%d" % k),
                                    os.path.join(work, "rules-wide%d" % k), src_rules,
                                    os.path.join(valid, "norr-2013.xml")]))
    for name, args in jobs:
        if not os.path.isdir(os.path.join(work, name)):
            subprocess.run(g + args, check=True)


def stats(xs):
    return statistics.median(xs), min(xs), max(xs)


def fmt_range(xs, f="%.2f"):
    m, lo, hi = stats(xs)
    return (f + " (" + f + "–" + f + ")") % (m, lo, hi)


def rows_check_small(gcs, work, runs):
    """check of 2000 small statements vs xmllint --schema, paired per round."""
    files = sorted(os.path.join(work, "small", f) for f in os.listdir(os.path.join(work, "small")))
    lint = ["xmllint", "--noout", "--schema", os.path.join(ROOT, "schema", "statement-v1.xsd")] + files
    out = []
    for label, gc in gcs:
        check = [gc, "check", "--today", TODAY, "--rules", os.path.join(ROOT, "rules"), "--format", "json",
                 os.path.join(work, "small")]
        ratios, cpu_ratios, walls, loads = [], [], [], []
        for r in range(runs):
            loads.append(load())
            pair = [("lint", lint), ("gc", check)]
            if r % 2:
                pair.reverse()
            res = {k: timed(c) for k, c in pair}
            if res["gc"][3] not in (0, 1):
                raise SystemExit("bench: %s check failed (exit %d)" % (gc, res["gc"][3]))
            walls.append(res["gc"][0])
            ratios.append(res["gc"][0] / res["lint"][0])
            cpu_ratios.append(res["gc"][1] / res["lint"][1])
        loads.append(load())
        out.append({"row": "check-small", "binary": label, "seconds": stats(walls), "ratio": stats(ratios),
                    "cpu_ratio": stats(cpu_ratios), "load": (min(loads), max(loads)),
                    "text": "| `check --format json`, 2000 small statements (%s) | %s s | **%s× xmllint --schema** "
                            "(CPU %s×) | load %.1f–%.1f |" % (label, fmt_range(walls, "%.3f"), fmt_range(ratios),
                                                             fmt_range(cpu_ratios), min(loads), max(loads))})
    return out


def rows_register(gcs, work, runs):
    """register 1000 small statements into a fresh register; peer: check of the same files."""
    inputs = os.path.join(work, "reg1k")
    n = len(os.listdir(inputs))
    out = []
    for label, gc in gcs:
        db = os.path.join(work, "reg-%s.db" % label)
        rules = os.path.join(ROOT, "rules")
        reg = [gc, "register", "--db", db, "--today", TODAY, "--rules", rules, inputs]
        check = [gc, "check", "--today", TODAY, "--rules", rules, inputs]
        rates, ratios, loads = [], [], []
        for r in range(runs):
            loads.append(load())
            for suffix in ("", "-wal", "-shm"):
                if os.path.exists(db + suffix):
                    os.unlink(db + suffix)
            pair = [("reg", reg), ("check", check)]
            if r % 2:
                pair.reverse()
            res = {k: timed(c) for k, c in pair}
            if res["reg"][3] not in (0, 1):
                raise SystemExit("bench: %s register failed (exit %d)" % (gc, res["reg"][3]))
            rates.append(n / res["reg"][0])
            ratios.append(res["reg"][0] / res["check"][0])
        loads.append(load())
        out.append({"row": "register", "binary": label, "per_second": stats(rates), "ratio": stats(ratios),
                    "load": (min(loads), max(loads)),
                    "text": "| `register`, %d small statements, fresh register (%s) | **%s statements/s** | "
                            "%s× `check` of the same files | load %.1f–%.1f |"
                            % (n, label, fmt_range(rates, "%.0f"), fmt_range(ratios), min(loads), max(loads))})
    return out


def rows_recheck(gcs, work, runs):
    """recheck of registers of 1000 and 10 000 current statements: time and peak RSS."""
    out = []
    for k in (1000, 10000):
        rules = os.path.join(work, "rules-wide%d" % k)
        inputs = os.path.join(work, "wide%d" % k)
        for label, gc in gcs:
            db = os.path.join(work, "wide%d-%s.db" % (k, label))
            if not os.path.exists(db):  # set up once, with the binary measured
                w, _, _, st = timed([gc, "register", "--db", db, "--today", TODAY, "--rules", rules, inputs])
                if st not in (0, 1):
                    raise SystemExit("bench: registering %s failed (exit %d)" % (inputs, st))
        walls, rss = {l: [] for l, _ in gcs}, {l: [] for l, _ in gcs}
        loads = []
        for r in range(runs):
            loads.append(load())
            order = gcs if r % 2 == 0 else list(reversed(gcs))
            for label, gc in order:
                db = os.path.join(work, "wide%d-%s.db" % (k, label))
                w, c, m, st = timed([gc, "recheck", "--db", db, "--today", TODAY, "--rules", rules])
                if st not in (0, 1):
                    raise SystemExit("bench: recheck failed (exit %d)" % st)
                walls[label].append(w)
                rss[label].append(m)
        loads.append(load())
        for label, _ in gcs:
            out.append({"row": "recheck", "binary": label, "statements": k, "seconds": stats(walls[label]),
                        "rss_kib": stats(rss[label]), "load": (min(loads), max(loads)),
                        "text": "| `recheck`, register of %d current statements (%s) | **%s s** | peak RSS %s MiB "
                                "| load %.1f–%.1f |" % (k, label, fmt_range(walls[label], "%.2f"),
                                                       fmt_range([x / 1024 for x in rss[label]], "%.1f"),
                                                       min(loads), max(loads))})
    return out


def main(argv):
    import argparse
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("grantcheck")
    ap.add_argument("--runs", type=int, default=int(os.environ.get("BENCH_RUNS", "7")))
    ap.add_argument("--work", default=None)
    ap.add_argument("--base", default=None, help="a second grantcheck to measure alongside (before/after)")
    ap.add_argument("--only", default="check-small,register,recheck")
    a = ap.parse_args(argv)
    gc = os.path.abspath(a.grantcheck)
    work = a.work or os.path.join(os.path.dirname(gc), "bench-small")
    if not shutil.which("xmllint"):
        raise SystemExit("bench: xmllint not found (make deps)")
    gen(work)
    gcs = [("this", gc)] + ([("base", os.path.abspath(a.base))] if a.base else [])
    os.environ.update(LC_ALL="C", LANG="C", NO_COLOR="1")
    for k in ("GRANTCHECK_RULES", "GRANTCHECK_DB", "GRANTCHECK_FAULT", "GRANTCHECK_REGISTER_BATCH"):
        os.environ.pop(k, None)
    print("| Measurement (%d paired runs: median (min–max)) | Time or rate | Figure | Machine |" % a.runs)
    print("|---|---|---|---|")
    fns = {"check-small": rows_check_small, "register": rows_register, "recheck": rows_recheck}
    for name in a.only.split(","):
        for row in fns[name](gcs, work, a.runs):
            print(row["text"], flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
