"""bench/officer.py - the register and the summary, for bench/bench.py.

Registers of BENCH_REGISTER (1000) statements: one of the real programme
(6 RCCs x 3 years, so 18 current statements and the rest history), one of
the synthetic programme bench-wide (gen.py wide: 20 RCCs, every statement
current). `grantcheck register` into a fresh register (statements/s; no
peer), then `grantcheck summary -o` and `grantcheck recheck` on the register it left
(bench/small.py measures recheck at 1 000 and 10 000 statements, for memory).
"""
import glob
import os

from bench import Pair


def rows(ctx):
    n = int(os.environ.get("BENCH_REGISTER", "1000"))
    samples = os.path.join(ctx.root, "samples", "valid")
    deps = sorted(glob.glob(os.path.join(samples, "*.xml")) + glob.glob(os.path.join(ctx.rules, "rcc-2013-2015", "*")))
    real = ctx.generate("register", ["small", str(n), "{out}", samples], deps=deps)
    wide = ctx.generate("wide", ["wide", str(n), "{out}/statements", "{out}/rules",
                                 os.path.join(ctx.rules, "rcc-2013-2015"), os.path.join(samples, "norr-2013.xml")],
                        deps=deps)
    out = []
    for suffix, rules, inputs, what in (
            ("", ctx.rules, real, "%d statements (18 current)" % n),
            ("-wide", os.path.join(wide, "rules"), os.path.join(wide, "statements"),
             "%d statements, all current (20 RCCs × %d years)" % (n, n // 20))):
        db = os.path.join(ctx.work, "register%s.db" % suffix)
        fresh = "rm -f '%s' '%s-wal' '%s-shm' && exec \"$@\"" % (db, db, db)
        register = ["sh", "-c", fresh, "sh", ctx.gc, "register", "--db", db, "--today", ctx.today,
                    "--rules", rules, inputs]
        out.append(Pair("register" + suffix, "`grantcheck register` into a fresh register", what, register,
                        figure=lambda wall, n=n: "statements/s" if wall is None else n / wall))
        out.append(Pair("summary" + suffix, "`grantcheck summary -o`", "register of " + what,
                        [ctx.gc, "summary", "--db", db, "--rules", rules, "-o",
                         os.path.join(ctx.work, "summary%s.xlsx" % suffix)], target="≤ 1 s"))
        if not suffix:
            continue  # recheck reruns the current statements: only the wide register has 1000
        # recheck reruns every current statement (exit 1 when one now fails)
        out.append(Pair("recheck" + suffix, "`grantcheck recheck`", "register of " + what,
                        [ctx.gc, "recheck", "--db", db, "--today", ctx.today, "--rules", rules], ok=(0, 1),
                        rss=True, target="10 000 in ≤ 5 s: ≥ 2 000 statements/s, memory flat",
                        figure=lambda wall, n=n: "statements/s" if wall is None else n / wall))
    return out
