#!/usr/bin/env python3
"""bench/web_load.py path/to/grantcheck - loopback load test of `grantcheck
serve` (make bench): WEB_CLIENTS (50) concurrent clients, each on its own
keep-alive connection, pre-check a typical statement (samples/valid/
norr-2014.xml, with its CSRF token and session) for WEB_SECONDS (10 s),
then stop by themselves. Prints requests/s, p50/p99 latency, failed
requests, the server's peak RSS (VmHWM) and its RSS after the first second
and at the end (memory must not grow). Target: p99 <= 50 ms, 0 failed.
A benchmark, not a test: it fails only when it cannot measure."""
import http.client, os, sys, tempfile, threading, time
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "e2e"))
os.chdir(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from webtest import Server, multipart

gc = sys.argv[1]
clients = int(os.environ.get("WEB_CLIENTS", "50"))
seconds = float(os.environ.get("WEB_SECONDS", "10"))
tmp = tempfile.mkdtemp()
s = Server(gc, os.path.join(tmp, "r.db"))

def rss(field):
    for line in open("/proc/%d/status" % s.proc.pid):
        if line.startswith(field + ":"):
            return int(line.split()[1]) // 1024
    return -1

try:
    cookie = s.login_local()
    csrf = s.csrf(cookie)
    body, ctype = multipart({"csrf": csrf}, {"statement": ("norr-2014.xml",
                                                           open("samples/valid/norr-2014.xml", "rb").read())})
    headers = {"Content-Type": ctype, "Cookie": cookie}
    lat, fails, lock = [], [0], threading.Lock()
    start = time.time()
    stop_at = start + seconds

    def client():
        c = s.conn(30)
        mine, bad = [], 0
        while time.time() < stop_at:
            t0 = time.perf_counter()
            try:
                c.request("POST", "/check", body=body, headers=headers)
                r = c.getresponse()
                data = r.read()
                ok = r.status == 200 and b"Godk" in data
            except Exception:
                ok = False
                c.close()
                c = s.conn(30)
            mine.append(time.perf_counter() - t0)
            bad += not ok
        c.close()
        with lock:
            lat.extend(mine)
            fails[0] += bad

    ts = [threading.Thread(target=client) for _ in range(clients)]
    for t in ts:
        t.start()
    time.sleep(min(1.0, seconds / 2))
    rss_early = rss("VmRSS")
    for t in ts:
        t.join(seconds + 60)
    elapsed = time.time() - start
    rss_end, peak = rss("VmRSS"), rss("VmHWM")
finally:
    s.stop()
lat.sort()
n = len(lat)
p = lambda q: lat[min(n - 1, int(q * n))] * 1000 if n else float("nan")
print("| web load (%d clients, %.0f s, pre-check norr-2014.xml) | value |" % (clients, seconds))
print("|---|---|")
print("| requests | %d |" % n)
print("| requests/s | %.0f |" % (n / elapsed))
print("| p50 latency | %.1f ms |" % p(0.50))
print("| p99 latency | %.1f ms (target <= 50 ms) |" % p(0.99))
print("| failed requests | %d |" % fails[0])
print("| server peak RSS | %d MiB |" % peak)
print("| server RSS after 1 s / at the end | %d / %d MiB |" % (rss_early, rss_end))
