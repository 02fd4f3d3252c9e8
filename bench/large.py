"""bench/large.py - rows of the large statement (issue 15, part 2), for bench/bench.py.

One valid statement of BENCH_LINES (300 000) expense lines, ~19.8 MB
(gen.py large), checked by `grantcheck check` against `xmlwf -r` on the
same file (expat's parse alone, with no handlers: the floor). Two rows:

  large       the pairs as the machine is (targets: CPU of all threads
              <= 2x xmlwf's; the peak RSS <= the file's size);
  large-busy  the same pairs while a busy loop holds one more CPU
              (bench.py start_busy): the three-thread pipeline gains less
              when no core is idle (target: median wall <= 1.5x xmlwf).
"""
import os

from bench import Pair


def rows(ctx):
    n = int(os.environ.get("BENCH_LINES", "300000"))
    large = ctx.generate("large.xml", ["large", str(n), "{out}"])
    size = os.path.getsize(large)
    what = "%s expense lines, %.1f MB" % (format(n, ",").replace(",", " "), size / 1e6)
    if not ctx.have("xmlwf"):
        raise SystemExit("bench: xmlwf not found (package expat; make deps installs it)")
    ours = ctx.check + [large]
    peer = ["xmlwf", "-r", large]
    return [
        Pair("large", "`grantcheck check`, one large statement", what, ours, peer, "`xmlwf -r`",
             "CPU ≤ 2×; peak RSS ≤ the file's size", rss=True),
        Pair("large-busy", "the same, one more CPU kept busy", what, ours, peer, "`xmlwf -r`",
             "wall ≤ 1.5×", busy=True),
    ]
