#!/usr/bin/env python3
"""Timing helper of bench/run.sh (stdlib only).

  timing.py run RESULTS LABEL ROUND -- COMMAND...
      runs COMMAND once (output discarded), appends to RESULTS one line:
      LABEL ROUND wall_seconds peak_rss_kib exit_status cpu_seconds
      Wall time is measured around fork/exec/wait; CPU time (user + system)
      and the peak resident set size come from wait4.
      The peak RSS is the one /usr/bin/time (package time) reports for the
      command (%M): Linux keeps a process's peak RSS across exec, so the
      rusage of a command forked straight from this Python process would
      report Python's own 15 MB as the command's peak. Without /usr/bin/time
      the peak RSS is reported as 0 (n/a) rather than wrong.

  timing.py report RESULTS FACTS
      prints the table from the measurements and FACTS (key=value lines:
      file sizes, counts). Every figure is the median of the rounds; a ratio
      is computed round by round (same round, neighbouring runs) and the
      median of those ratios is shown, so one noisy moment does not decide it.
      The large statement's ratios are given in wall time and, in brackets,
      in CPU time, which other load on the machine disturbs far less.
"""

import os
import statistics
import subprocess
import sys
import time


def run(results, label, rnd, cmd):
    with open(os.devnull, "wb") as null:
        t0 = time.perf_counter()
        rssfile = results + ".rss"
        launcher = ["/usr/bin/time", "-f", "%M", "-o", rssfile, "--"] if os.path.exists("/usr/bin/time") else []
        p = subprocess.Popen(launcher + cmd, stdout=null, stderr=null)
        _, status, ru = os.wait4(p.pid, 0)
        wall = time.perf_counter() - t0
    p.returncode = os.waitstatus_to_exitcode(status)
    maxrss = 0
    if launcher:
        # the last line: time writes "Command exited with non-zero status N" first on failure
        with open(rssfile) as f:
            maxrss = int(f.read().split()[-1])
        os.unlink(rssfile)
    with open(results, "a") as f:
        f.write("%s\t%s\t%.6f\t%d\t%d\t%.6f\n" % (label, rnd, wall, maxrss, p.returncode,
                                                ru.ru_utime + ru.ru_stime))
    return p.returncode


def load(results):
    runs = {}
    for line in open(results):
        label, rnd, wall, rss, code, cpu = line.split("\t")
        runs.setdefault(label, {})[int(rnd)] = (float(wall), int(rss), int(code), float(cpu))
    return runs


def mb(nbytes):
    return "%.1f MB" % (nbytes / 1e6)


def secs(s):
    return "%.3f s" % s if s < 10 else "%.1f s" % s


def report(results, facts_path):
    runs = load(results)
    facts = dict(l.rstrip("\n").split("=", 1) for l in open(facts_path) if "=" in l)
    ok_exit = {"xmlwf": {0}, "xmllint": {0}, "check-large": {0}, "check-small": {0},
               "register": {0}, "summary": {0}}

    def good(label):
        r = runs.get(label)
        return bool(r) and all(v[2] in ok_exit.get(label, {0}) for v in r.values())

    def med(label, i=0):
        return statistics.median(v[i] for v in runs[label].values())

    def ratio(a, b, i=0):
        ra, rb = runs[a], runs[b]
        return statistics.median(ra[k][i] / rb[k][i] for k in ra if k in rb and rb[k][i] > 0)

    def ratios(a, b, what):
        return "%.2f× %s (CPU %.2f×)" % (ratio(a, b), what, ratio(a, b, 3))

    def fail(label):
        r = runs.get(label)
        if not r:
            return "n/a (not run)"
        codes = sorted({v[2] for v in r.values()})
        return "failed (exit %s)" % ", ".join(map(str, codes))

    size = int(facts["large_bytes"])
    nlines = int(facts["large_lines"])
    nsmall = int(facts["small_files"])
    nreg = int(facts["register_files"])
    rounds = max((len(v) for v in runs.values()), default=0)
    rows = []
    large = "%s expense lines, %s" % (format(nlines, ",").replace(",", " "), mb(size))

    if good("xmlwf"):
        rows.append(("`xmlwf -r` (expat, raw parse floor)", large, secs(med("xmlwf")),
                     "1.00× (the floor; CPU %s)" % secs(med("xmlwf", 3)), ""))
    else:
        rows.append(("`xmlwf -r` (expat, raw parse floor)", large, fail("xmlwf"), "", ""))
    if good("xmllint"):
        fig = ratios("xmllint", "xmlwf", "xmlwf") if good("xmlwf") else ""
        rows.append(("`xmllint --stream --schema` (structure only)", large, secs(med("xmllint")), fig, ""))
    else:
        rows.append(("`xmllint --stream --schema` (structure only)", large, fail("xmllint"), "", ""))
    if good("check-large"):
        figs = []
        if good("xmlwf"):
            figs.append("**%s**" % ratios("check-large", "xmlwf", "xmlwf"))
        if good("xmllint"):
            figs.append(ratios("check-large", "xmllint", "xmllint"))
        rows.append(("`grantcheck check`", large, secs(med("check-large")), ", ".join(figs),
                     "≤ 2× xmlwf (stretch 1.5×)"))
        rss = med("check-large", 1) * 1024
        if rss:
            rows.append(("peak memory of `grantcheck check` (max RSS)", large, mb(rss),
                         "**%.2f× the file size**" % (rss / size), "≤ 1× the file size"))
        else:
            rows.append(("peak memory of `grantcheck check` (max RSS)", large, "n/a (needs /usr/bin/time)",
                         "", "≤ 1× the file size"))
    else:
        rows.append(("`grantcheck check`", large, fail("check-large"), "", "≤ 2× xmlwf"))
    small = "%d files, %s" % (nsmall, mb(int(facts["small_bytes"])))
    if good("check-small"):
        t = med("check-small")
        per = statistics.median(nsmall / v[0] for v in runs["check-small"].values())
        rows.append(("`grantcheck check DIR`, small statements in one call", small, secs(t),
                     "**%.0f statements/s**" % per, "≥ 2000 statements/s"))
    else:
        rows.append(("`grantcheck check DIR`, small statements in one call", small, fail("check-small"), "",
                     "≥ 2000 statements/s"))
    # two registers of nreg statements: the real programme's 6 RCCs x 3 years
    # (18 current statements, the rest history), and the synthetic programme
    # bench-wide of 20 RCCs x nreg/20 years, where every statement is current
    for suffix, what in (("", "%d statements (18 current)" % nreg),
                         ("-wide", "%d statements, all current (20 RCCs × %d years)" % (nreg, nreg // 20))):
        if good("register" + suffix):
            t = med("register" + suffix)
            rows.append(("`grantcheck register` (setup of the next row, run once)", what, secs(t),
                         "%.0f statements/s" % (nreg / t), ""))
        else:
            rows.append(("`grantcheck register` (setup of the next row, run once)", what,
                         fail("register" + suffix), "", ""))
        label = "summary" + suffix
        if good(label):
            rows.append(("`grantcheck summary -o`", "register of " + what, secs(med(label)),
                         "**%s**" % secs(med(label)), "≤ 1 s"))
        elif facts.get("summary") == "unavailable":
            rows.append(("`grantcheck summary -o`", "register of " + what, "n/a (summary not available)", "",
                         "≤ 1 s"))
        else:
            rows.append(("`grantcheck summary -o`", "register of " + what, fail(label), "", "≤ 1 s"))

    print("| Measurement | Input | Time (median of %d) | Figure | Target |" % rounds)
    print("|---|---|--:|---|---|")
    for r in rows:
        print("| %s |" % " | ".join(r))
    print()
    print("Machine: %s; %s CPUs; %s. Ratios are medians of per-round ratios; "
          "benchmarks never fail a build." % (facts.get("cpu", "?"), facts.get("nproc", "?"), facts.get("os", "?")))


def main():
    a = sys.argv[1:]
    if len(a) >= 5 and a[0] == "run" and a[4] == "--":
        run(a[1], a[2], a[3], a[5:])
    elif len(a) == 3 and a[0] == "report":
        report(a[1], a[2])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
