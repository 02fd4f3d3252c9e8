#!/usr/bin/env python3
"""bench/web_load.py path/to/grantcheck [path/to/webload] - loopback load
test of `grantcheck serve` (make bench): WEB_CLIENTS (50) concurrent
clients, each on its own keep-alive connection, pre-check a typical
statement (samples/valid/norr-2014.xml, with its CSRF token and session)
for WEB_SECONDS (10 s), then stop by themselves.

The clients are bench/webload.c (built by make bench as build/webload): one
thread on epoll, so the generator takes little of the 2 CPUs it shares with
the server; its own CPU time is printed. This script only starts the server,
logs in, writes the request, samples the server's memory and CPU time and
prints the table: requests/s, p50/p99 latency, failed requests, the
server's RSS after the first second, at half time and at the end and its
peak (VmHWM),
the server's CPU per request (CPU seconds / requests: robust against other
jobs on the machine) and the load average. Target: p99 <= 50 ms, 0 failed.
A benchmark, not a test: it fails only when it cannot measure."""
import os, subprocess, sys, tempfile, time
here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(here, "..", "tests", "e2e"))
os.chdir(os.path.join(here, ".."))
from webtest import Server, multipart

gc = os.path.abspath(sys.argv[1])
loader = os.path.abspath(sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(gc), "webload"))
clients = int(os.environ.get("WEB_CLIENTS", "50"))
seconds = float(os.environ.get("WEB_SECONDS", "10"))
tmp = tempfile.mkdtemp()
s = Server(gc, os.path.join(tmp, "r.db"))
tick = os.sysconf("SC_CLK_TCK")

def status(field):
    for line in open("/proc/%d/status" % s.proc.pid):
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    return -1

def cpu():
    f = open("/proc/%d/stat" % s.proc.pid).read().rsplit(")", 1)[1].split()
    return (int(f[11]) + int(f[12])) / tick  # utime + stime

try:
    cookie = s.login_local()
    csrf = s.csrf(cookie)
    body, ctype = multipart({"csrf": csrf}, {"statement": ("norr-2014.xml",
                                                           open("samples/valid/norr-2014.xml", "rb").read())})
    req = ("POST /check HTTP/1.1\r\nHost: %s\r\nCookie: %s\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n"
           % (s.hostport, cookie, ctype, len(body))).encode() + body
    reqfile = os.path.join(tmp, "request")
    open(reqfile, "wb").write(req)
    load_before = os.getloadavg()
    cpu0 = cpu()
    g = subprocess.Popen([loader, s.host, str(s.port), reqfile, str(clients), str(seconds), "Godk"],
                         stdout=subprocess.PIPE, text=True)
    time.sleep(min(1.0, seconds / 2))
    rss_early = status("VmRSS")
    time.sleep(max(0.0, seconds / 2 - 1.0))
    rss_half = status("VmRSS")
    out, _ = g.communicate(timeout=seconds + 120)
    cpu1 = cpu()
    rss_end, peak = status("VmRSS"), status("VmHWM")
    load_after = os.getloadavg()
    if g.returncode != 0:
        sys.exit("web_load: the load generator failed (exit %d)" % g.returncode)
finally:
    s.stop()
r = dict(line.split() for line in out.splitlines())
n, el = int(r["requests"]), float(r["seconds"])
print("| web load (%d clients, %.0f s, pre-check norr-2014.xml) | value |" % (clients, seconds))
print("|---|---|")
print("| requests answered | %d |" % n)
print("| requests/s | %.0f |" % (n / el))
print("| p50 / p90 latency | %s / %s ms |" % (r["p50_ms"], r["p90_ms"]))
print("| p99 latency | %s ms (target <= 50 ms); max %s ms |" % (r["p99_ms"], r["max_ms"]))
print("| failed requests | %s (reconnects %s) |" % (r["failed"], r["reconnects"]))
print("| server CPU per request | %.2f ms (%.2f CPU s / %d) |" % ((cpu1 - cpu0) * 1000 / max(n, 1), cpu1 - cpu0, n))
print("| load generator CPU | %s s (%.0f%% of one CPU) |" % (r["generator_cpu_s"],
                                                             100 * float(r["generator_cpu_s"]) / el))
print("| server RSS after 1 s / at half time / at the end / peak | %.1f / %.1f / %.1f / %.1f MiB |"
      % (rss_early, rss_half, rss_end, peak))
print("| load average before / after (%d CPUs) | %.2f / %.2f |" % (os.cpu_count(), load_before[0], load_after[0]))
