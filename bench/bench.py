#!/usr/bin/env python3
"""bench/bench.py - the benchmark driver of `make bench` (stdlib only).

Every row of the performance table is measured here, the same way: a row
runs grantcheck and, where it has one, its peer on the same bytes, as pairs
of runs interleaved (grantcheck, peer, peer, grantcheck, ...: the order
alternates so neither side always runs first), BENCH_PAIRS times (default
7). Each pair gives a ratio in wall time and in CPU time (user + system of
every thread, from wait4); the table shows the median ratio and its range
over the pairs. Machine load moves both runs of a pair alike, so a ratio
is steadier than either time; CPU time is steadier still.

    bench/bench.py run GRANTCHECK [--pairs N] [--only ID,...] [--out FILE]
        measures every row (or those named) and writes FILE (default
        build/bench/results.json next to GRANTCHECK's folder): the raw runs,
        the machine, `uptime` before and after. Prints the table.
    bench/bench.py table RESULTS            prints the table of RESULTS
    bench/bench.py readme RESULTS README    writes the table into README
        between the lines <!-- bench:begin --> and <!-- bench:end -->
    bench/bench.py check RESULTS README     exits 1 unless README's table is
        exactly what `readme` writes from RESULTS (tests/e2e/bench_table.sh
        runs it on the committed bench/results.json: the README's figures
        come from this tool, not from an editor)

Rows come from modules in this folder, listed in MODULES below. A module
defines rows(ctx) returning a list of Pair and Figure objects (and may
generate inputs first, with ctx.generate). To add rows: write bench/NAME.py
with rows(ctx), add "NAME" to MODULES. A benchmark never fails because of a
time: the driver fails only when it cannot measure (a missing tool, a
command that exits with an unexpected status).
"""

import importlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
MODULES = ["large", "batch", "officer", "web"]
BEGIN, END = "<!-- bench:begin -->", "<!-- bench:end -->"


class Pair:
    """grantcheck against a peer on the same input, as interleaved pairs.

    ours, peer: argument lists; peer None for a row without one (then only
    its own median and range are shown). figure(wall_seconds) may turn a
    time into the row's figure (statements/s). busy: run the pairs while a
    busy loop keeps one more CPU occupied. ok: accepted exit statuses."""

    def __init__(self, id, what, input, ours, peer=None, peer_name="", target="", busy=False,
                 figure=None, ok=(0,), env=None, rss=False):
        self.id, self.what, self.input, self.ours, self.peer = id, what, input, ours, peer
        self.peer_name, self.target, self.busy, self.figure = peer_name, target, busy, figure
        self.ok, self.env, self.rss = ok, env, rss


class Figure:
    """A row measured by a script of its own (the web load): cmd prints
    lines; parse(stdout) returns the figure's text. Run once."""

    def __init__(self, id, what, input, cmd, parse, target=""):
        self.id, self.what, self.input, self.cmd, self.parse, self.target = id, what, input, cmd, parse, target


class Context:
    def __init__(self, gc, work, pairs):
        self.gc, self.work, self.pairs, self.root = gc, work, pairs, ROOT
        self.today = "2026-11-22"  # fixed: the same findings on every day
        self.rules = os.path.join(ROOT, "rules")
        self.check = [gc, "check", "--today", self.today, "--rules", self.rules]

    def generate(self, name, args, deps=()):
        """Runs bench/gen.py ARGS unless work/NAME exists from the same
        generator, arguments and dependency files; returns work/NAME."""
        out = os.path.join(self.work, name)
        h = subprocess.run(["cksum"], input=b"".join(open(p, "rb").read() for p in
                                                     [os.path.join(HERE, "gen.py")] + list(deps)) +
                           repr(args).encode(), capture_output=True).stdout.decode().split()[0]
        stamp = out + ".stamp"
        if os.path.exists(out) and os.path.exists(stamp) and open(stamp).read() == h:
            return out
        print("bench: generating %s ..." % name, file=sys.stderr)
        if os.path.isdir(out):
            shutil.rmtree(out)
        elif os.path.exists(out):
            os.unlink(out)
        subprocess.run([sys.executable, os.path.join(HERE, "gen.py")] + [a.replace("{out}", out) for a in args],
                       check=True)
        with open(stamp, "w") as f:
            f.write(h)
        return out

    def have(self, tool):
        return shutil.which(tool) is not None


def run_once(cmd, env=None, rss=False):
    """One run: (wall s, cpu s, exit status, peak RSS KiB or 0)."""
    launcher, rssfile = [], None
    if rss and os.path.exists("/usr/bin/time"):
        # the peak RSS of the command itself: Linux keeps a process's peak
        # across exec, so wait4 on a child of this Python would report ours
        rssfile = os.path.join(os.environ.get("TMPDIR", "/tmp"), "bench-rss.%d" % os.getpid())
        launcher = ["/usr/bin/time", "-f", "%M", "-o", rssfile, "--"]
    full_env = dict(os.environ, **(env or {}))
    with open(os.devnull, "wb") as null:
        t0 = time.perf_counter()
        p = subprocess.Popen(launcher + cmd, stdout=null, stderr=null, env=full_env)
        _, status, ru = os.wait4(p.pid, 0)
        wall = time.perf_counter() - t0
    peak = 0
    if rssfile:
        with open(rssfile) as f:
            peak = int(f.read().split()[-1])
        os.unlink(rssfile)
    return wall, ru.ru_utime + ru.ru_stime, os.waitstatus_to_exitcode(status), peak


def start_busy():
    """A busy loop on one more CPU (pinned to the last one when taskset is
    there), so the pipeline finds no idle core."""
    loop = [sys.executable, "-c", "while True: pass"]
    ncpu = os.cpu_count() or 1
    if shutil.which("taskset"):
        loop = ["taskset", "-c", str(ncpu - 1)] + loop
    return subprocess.Popen(loop, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def measure_pair(row, pairs):
    """The pairs of row, in the order ours, peer, peer, ours, ours, ...;
    every run carries its place in that order (seq). The peak RSS comes
    from one more run of ours under /usr/bin/time, outside the pairs (the
    wrapper's own CPU time stays out of the ratios)."""
    runs = {"ours": [], "peer": []}
    busy = start_busy() if row.busy else None
    seq = 0
    try:
        for i in range(pairs):
            order = ["ours", "peer"] if i % 2 == 0 else ["peer", "ours"]
            for side in order:
                cmd = row.ours if side == "ours" else row.peer
                if cmd is None:
                    continue
                wall, cpu, code, _ = run_once(cmd, row.env if side == "ours" else None)
                if code not in row.ok:
                    raise SystemExit("bench: %s: %s exited with %d: %s" % (row.id, side, code, " ".join(cmd)))
                runs[side].append({"seq": seq, "wall": wall, "cpu": cpu})
                seq += 1
        if row.rss:
            runs["rss_kib"] = run_once(row.ours, row.env, rss=True)[3]
    finally:
        if busy:
            busy.kill()
            busy.wait()
    return runs


def uptime():
    try:
        return subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()
    except OSError:
        return "?"


def machine():
    cpu = "?"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    osname = "?"
    try:
        for line in open("/etc/os-release"):
            if line.startswith("PRETTY_NAME="):
                osname = line.split("=", 1)[1].strip().strip('"')
    except OSError:
        pass
    return {"cpu": cpu, "nproc": os.cpu_count(), "os": osname}


def cmd_run(args):
    gc = os.path.abspath(args[0])
    pairs = int(os.environ.get("BENCH_PAIRS", "7"))
    only, out = None, None
    rest = args[1:]
    while rest:
        if rest[0] == "--pairs":
            pairs = int(rest[1])
        elif rest[0] == "--only":
            only = set(rest[1].split(","))
        elif rest[0] == "--out":
            out = rest[1]
        else:
            raise SystemExit(__doc__)
        rest = rest[2:]
    if pairs < 1:
        raise SystemExit("bench: --pairs must be at least 1")
    if not os.access(gc, os.X_OK):
        raise SystemExit("bench: %s is not an executable; run make first" % gc)
    work = os.environ.get("BENCH_DIR") or os.path.join(os.path.dirname(gc), "bench")
    os.makedirs(work, exist_ok=True)
    out = out or os.path.join(work, "results.json")
    for k in ("GRANTCHECK_RULES", "GRANTCHECK_DB", "GRANTCHECK_THREADS", "GRANTCHECK_FAULT"):
        os.environ.pop(k, None)
    os.environ.update(LC_ALL="C", LANG="C", NO_COLOR="1")
    ctx = Context(gc, work, pairs)
    sys.path.insert(0, HERE)
    result = {"pairs": pairs, "machine": machine(), "uptime_before": uptime(),
              "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), "rows": []}
    for name in MODULES:
        for row in importlib.import_module(name).rows(ctx):
            if only and row.id not in only:
                continue
            print("bench: %s ..." % row.id, file=sys.stderr)
            r = {"id": row.id, "what": row.what, "input": row.input, "target": row.target}
            if isinstance(row, Figure):
                p = subprocess.run(row.cmd, capture_output=True, text=True)
                if p.returncode != 0:
                    raise SystemExit("bench: %s: %s failed:\n%s" % (row.id, " ".join(row.cmd), p.stderr[-2000:]))
                r.update(kind="figure", figure=row.parse(p.stdout))
            else:
                r.update(kind="pair", peer_name=row.peer_name, busy=row.busy, runs=measure_pair(row, pairs))
                if row.figure:
                    r["figures"] = [row.figure(x["wall"]) for x in r["runs"]["ours"]]
                    r["figure_unit"] = row.figure(None)
            result["rows"].append(r)
    result["uptime_after"] = uptime()
    with open(out + ".tmp", "w") as f:
        json.dump(result, f, indent=1)
        f.write("\n")
    os.replace(out + ".tmp", out)
    print(render(result))
    print("bench: raw runs in %s" % out, file=sys.stderr)


# ---- the table ---------------------------------------------------------------

def secs(s):
    return "%.3f s" % s if s < 10 else "%.1f s" % s


def spread(values, fmt):
    """median [min–max] of values"""
    return "%s [%s–%s]" % (fmt % statistics.median(values), fmt % min(values), fmt % max(values))


def ratios(row, key):
    ours, peer = row["runs"]["ours"], row["runs"]["peer"]
    return [a[key] / b[key] for a, b in zip(ours, peer) if b[key] > 0]


def render_row(row):
    what = row["what"]
    if row["kind"] == "figure":
        return [what, row["input"], "", row["figure"], row["target"]]
    ours = row["runs"]["ours"]
    t = secs(statistics.median(x["wall"] for x in ours))
    if row.get("figures"):
        return [what, row["input"], t, "**%s %s**" % (spread(row["figures"], "%.0f"), row["figure_unit"]),
                row["target"]]
    if not row["runs"]["peer"]:
        return [what, row["input"], t, "CPU %s" % secs(statistics.median(x["cpu"] for x in ours)), row["target"]]
    fig = "**wall %s, CPU %s** × %s" % (spread(ratios(row, "wall"), "%.2f"), spread(ratios(row, "cpu"), "%.2f"),
                                        row["peer_name"])
    if row["runs"].get("rss_kib"):
        fig += "; peak RSS %.1f MB" % (row["runs"]["rss_kib"] * 1024 / 1e6)
    return [what, row["input"], t, fig, row["target"]]


def render(result):
    lines = ["| Measurement | Input | grantcheck, median wall | Ratio to the peer, median [range] of %d pairs "
             "| Target |" % result["pairs"], "|---|---|--:|---|---|"]
    for row in result["rows"]:
        lines.append("| %s |" % " | ".join(render_row(row)))
    m = result["machine"]
    lines.append("")
    lines.append("Measured %s on %s, %s CPUs, %s. Load (`uptime`) before: %s; after: %s." % (
        result["date"], m["cpu"], m["nproc"], m["os"], load_of(result["uptime_before"]),
        load_of(result["uptime_after"])))
    return "\n".join(lines)


def load_of(up):
    return up.split("load average:")[-1].strip() if "load average:" in up else up


def readme_text(result, readme):
    text = open(readme).read()
    if text.count(BEGIN) != 1 or text.count(END) != 1 or text.index(BEGIN) > text.index(END):
        raise SystemExit("bench: %s needs one %s ... %s block" % (readme, BEGIN, END))
    head, rest = text.split(BEGIN)
    _, tail = rest.split(END)
    return head + BEGIN + "\n" + render(result) + "\n" + END + tail


def main():
    sys.modules.setdefault("bench", sys.modules[__name__])  # the row modules import Pair from here
    a = sys.argv[1:]
    if len(a) >= 2 and a[0] == "run":
        cmd_run(a[1:])
    elif len(a) == 2 and a[0] == "table":
        print(render(json.load(open(a[1]))))
    elif len(a) == 3 and a[0] == "readme":
        new = readme_text(json.load(open(a[1])), a[2])
        with open(a[2] + ".tmp", "w") as f:
            f.write(new)
        os.replace(a[2] + ".tmp", a[2])
    elif len(a) == 3 and a[0] == "check":
        if readme_text(json.load(open(a[1])), a[2]) != open(a[2]).read():
            print("bench: the table in %s is not the one %s gives; run bench/bench.py readme %s %s"
                  % (a[2], a[1], a[1], a[2]), file=sys.stderr)
            sys.exit(1)
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
