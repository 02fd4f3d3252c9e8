"""bench/web.py - the web server under load, for bench/bench.py.

Runs bench/web_load.py (owned by the web issue; WEB_CLIENTS, WEB_SECONDS)
once and shows its requests/s, p50 and p99 latency, failed requests and
peak RSS as one row. web_load.py prints a markdown table of "| name |
value |" lines; this reads the values by name.
"""
import os
import sys

from bench import Figure


def parse(stdout):
    v = {}
    for line in stdout.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 2:
            v[cells[0]] = cells[1]
    p50 = v.get("p50 / p90 latency", "?").split(" / ")[0] + " ms"
    rss = "?"
    for name, value in v.items():
        if name.startswith("server RSS") and name.endswith("peak"):
            rss = "%s MiB (%s MiB after 1 s / at half time / at the end)" % (
                value.split(" / ")[-1].split()[0], " / ".join(x.split()[0] for x in value.split(" / ")[:-1]))
    return "**%s requests/s, p50 %s, p99 %s**, %s failed, server CPU %s a request, peak RSS %s" % (
        v.get("requests/s", "?"), p50, v.get("p99 latency", "?").split(" (")[0],
        v.get("failed requests", "?").split(" (")[0], v.get("server CPU per request", "?").split(" (")[0], rss)


def rows(ctx):
    clients = os.environ.get("WEB_CLIENTS", "50")
    seconds = os.environ.get("WEB_SECONDS", "10")
    return [Figure("web", "`grantcheck serve`, %s clients pre-checking for %s s (`bench/web_load.py`)"
                   % (clients, seconds), "`norr-2014.xml`, loopback",
                   [sys.executable, os.path.join(ctx.root, "bench", "web_load.py"), ctx.gc], parse,
                   "p99 ≤ 50 ms, 0 failed")]
