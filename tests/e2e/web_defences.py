"""tests/e2e/web_defences.py GC TMPDIR - the defences of `grantcheck serve`,
each with a check: security headers, the Host check (DNS rebinding), CSRF,
413 before the body is read (a 2 GB Content-Length, --max-upload), malformed
HTTP, a truncated multipart body, 500 idle connections while the server
keeps answering, the one-person token, users and roles (a rcc:ID user and
another RCC's statement), a client file name never used as a path, a
non-loopback address without users refused, the clean stop on SIGTERM,
and SIGKILL inside the register transaction (fault hook web-register)
leaving the register intact. Loopback only; every loop is bounded."""
import os, socket, sqlite3, subprocess, sys, time
sys.path.insert(0, os.path.dirname(__file__))
from webtest import Report, Server, gc_user_add, multipart

gc, tmp = sys.argv[1], sys.argv[2]
rep = Report()
check = rep.check
valid = open("samples/valid/norr-2014.xml", "rb").read()
valid_syd = open("samples/valid/syd-2014.xml", "rb").read()
invalid = open("samples/invalid/A1-sum-mismatch.xml", "rb").read()
CSP = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'"

# --- a non-loopback address without users is refused
db0 = os.path.join(tmp, "empty.db")
p = subprocess.run([gc, "serve", "--db", db0, "--rules", "rules", "--listen", "0.0.0.0:0", "--lang", "en"],
                   capture_output=True, text=True, timeout=60)
check("non-loopback without users refused (exit 2, says why)",
      p.returncode == 2 and "loopback" in p.stderr and "user add" in p.stderr, p.stderr)
p = subprocess.run([gc, "serve", "--db", db0, "--listen", "localhost:80"], capture_output=True, text=True, timeout=60)
check("--listen must be a numeric address", p.returncode == 2 and "--listen" in p.stderr, p.stderr)

db = os.path.join(tmp, "r.db")
s = Server(gc, db)
try:
    check("serve prints the URL with the one-person token", s.token and len(s.token) == 64, s.line)
    r, body = s.request("GET", "/login")
    h = {k.lower(): v for k, v in r.getheaders()}
    check("CSP without inline script", h.get("content-security-policy") == CSP, h)
    check("X-Content-Type-Options nosniff", h.get("x-content-type-options") == "nosniff")
    check("Referrer-Policy", h.get("referrer-policy") == "no-referrer")
    check("no inline style or script on the login page", b"<script" not in body and b"<style" not in body)
    r, _ = s.request("GET", "/grid")
    check("anonymous -> redirect to /login", r.status == 303 and r.getheader("Location") == "/login")
    r, _ = s.request("GET", "/?token=" + "0" * 64)
    check("a wrong token in the URL -> 401", r.status == 401)
    cookie = s.login_local()
    check("the URL token sets an HttpOnly SameSite=Strict session cookie", cookie is not None)
    r, _ = s.request("GET", "/?token=" + s.token)
    sc = r.getheader("Set-Cookie") or ""
    check("cookie flags", "HttpOnly" in sc and "SameSite=Strict" in sc and "Max-Age=" in sc, sc)
    # Host check (DNS rebinding)
    r, _ = s.request("GET", "/", headers={"Host": "evil.example:%d" % s.port}, cookie=cookie)
    check("a foreign Host header -> 421", r.status == 421, r.status)
    r, _ = s.request("GET", "/", headers={"Host": "localhost:%d" % s.port}, cookie=cookie)
    check("Host localhost:PORT accepted on loopback", r.status == 200, r.status)
    # CSRF
    csrf = s.csrf(cookie)
    check("the forms carry a CSRF token", len(csrf) == 64)
    r, _ = s.upload("/check", cookie, {}, {"statement": ("a.xml", valid)})
    check("post without CSRF token -> 403", r.status == 403, r.status)
    r, _ = s.upload("/check", cookie, {"csrf": "1" * 64}, {"statement": ("a.xml", valid)})
    check("post with a wrong CSRF token -> 403", r.status == 403, r.status)
    r, _ = s.upload("/register", None, {"csrf": csrf}, {"statement": ("a.xml", valid)})
    check("post without the session cookie -> 401", r.status == 401, r.status)
    r, page = s.upload("/check", cookie, {"csrf": csrf}, {"statement": ("../../etc/passwd", invalid)})
    check("pre-check with CSRF -> 200 and the findings", r.status == 200 and b"A1" in page, r.status)
    check("a client file name is only a cleaned label", b"../" not in page and b"etcpasswd" not in page
          and b"passwd" in page)
    check("nothing of a pre-check is stored",
          sqlite3.connect(db).execute("select count(*) from submission").fetchone()[0] == 0)
    # 413 before the body is read
    req = ("POST /check HTTP/1.1\r\nHost: %s\r\nContent-Type: multipart/form-data; boundary=x\r\n"
           "Content-Length: 2147483648\r\n\r\n" % s.hostport).encode()
    t0 = time.time()
    out = s.raw(req, shut=False, timeout=10)
    check("a 2 GB Content-Length -> 413 at once", out.startswith(b"HTTP/1.1 413") and time.time() - t0 < 5,
          out[:80])
    # malformed HTTP
    for what, data in [("garbage request line", b"\x00\x01GARBAGE\r\n\r\n"),
                       ("HTTP/9.9", b"GET / HTTP/9.9\r\nHost: x\r\n\r\n"),
                       ("header without colon", ("GET / HTTP/1.1\r\nHost: %s\r\nbroken header\r\n\r\n"
                                                 % s.hostport).encode()),
                       ("huge header", ("GET / HTTP/1.1\r\nHost: %s\r\nX: %s\r\n\r\n"
                                        % (s.hostport, "a" * 300000)).encode()),
                       ("bad Content-Length", ("POST /check HTTP/1.1\r\nHost: %s\r\nContent-Length: -5\r\n\r\n"
                                               % s.hostport).encode())]:
        out = s.raw(data, timeout=10)
        check("malformed HTTP (%s) -> 4xx/505 or closed" % what, out == b"" or out[9:10] == b"4" or out[9:12] == b"505",
              out[:60])
    # a truncated multipart body: the connection ends part-way
    body, ctype = multipart({"csrf": csrf}, {"statement": ("a.xml", valid)})
    req = ("POST /check HTTP/1.1\r\nHost: %s\r\nCookie: %s\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n"
           % (s.hostport, cookie, ctype, len(body))).encode() + body[: len(body) // 2]
    out = s.raw(req, timeout=10)
    check("a truncated multipart body gets no 200", not out.startswith(b"HTTP/1.1 200"), out[:60])
    # a multipart body complete by Content-Length but never closed
    cut = body[: body.rfind(b"--gcBoundary")]
    r, _ = s.request("POST", "/check", body=cut, headers={"Content-Type": ctype}, cookie=cookie)
    check("an unterminated multipart body -> 400", r.status == 400, r.status)
    r, _ = s.request("GET", "/style.css")
    check("the server still answers after the malformed requests", r.status == 200)
    # 500 idle connections
    idle = []
    try:
        for _ in range(500):
            idle.append(socket.create_connection((s.host, s.port), timeout=10))
        t0 = time.time()
        r, page = s.upload("/check", cookie, {"csrf": csrf}, {"statement": ("a.xml", valid)})
        check("with 500 idle connections open a pre-check is answered (%.2fs)" % (time.time() - t0),
              r.status == 200 and time.time() - t0 < 10, r.status)
    finally:
        for c in idle:
            c.close()
    check("SIGTERM stops the server cleanly (exit 0)", s.stop() == 0)
finally:
    s.stop()

# --- --max-upload: 413 from Content-Length, before the body
s = Server(gc, db, "--max-upload", "1K")
try:
    cookie = s.login_local()
    csrf = s.csrf(cookie)
    r, _ = s.upload("/check", cookie, {"csrf": csrf}, {"statement": ("a.xml", valid)})
    check("--max-upload 1K: a larger upload -> 413", r.status == 413, r.status)
finally:
    s.stop()

# --- users and roles
udb = os.path.join(tmp, "users.db")
tok_off = gc_user_add(gc, udb, "olle", "officer")
tok_syd = gc_user_add(gc, udb, "sara", "rcc:syd")
tok_view = gc_user_add(gc, udb, "vera", "viewer")
check("user add prints a 64-hex token", tok_off and len(tok_off) == 64 and tok_syd and tok_view)
raw = open(udb, "rb").read() + (open(udb + "-wal", "rb").read() if os.path.exists(udb + "-wal") else b"")
check("only the token's hash is stored", tok_off.encode() not in raw)
p = subprocess.run([gc, "user", "list", "--db", udb], capture_output=True, text=True)
check("user list shows name and role", "olle\tofficer" in p.stdout and "sara\trcc:syd" in p.stdout, p.stdout)
p = subprocess.run([gc, "user", "add", "--db", udb, "x", "--role", "admin"], capture_output=True, text=True)
check("user add refuses an unknown role", p.returncode == 2 and "--role" in p.stderr, p.stderr)
s = Server(gc, udb)
try:
    check("with users, no token in the printed URL", s.token is None, s.line)
    r, _ = s.request("GET", "/?token=x")
    check("with users the URL token does not log in", r.status == 303 and r.getheader("Location") == "/login")
    check("a wrong token does not log in", s.login("f" * 64) is None)
    csy = s.login(tok_syd)
    check("rcc:syd logs in with its token", csy is not None)
    csrf = s.csrf(csy, "/register")
    r, page = s.upload("/register", csy, {"csrf": csrf}, {"statement": ("n.xml", valid)})
    check("rcc:syd may not register norr's statement (403)", r.status == 403, r.status)
    r, page = s.upload("/register", csy, {"csrf": csrf}, {"statement": ("s.xml", valid_syd)})
    check("rcc:syd registers its own statement", r.status == 200 and "Registrerad".encode() in page, r.status)
    r, _ = s.request("GET", "/summary.xlsx", cookie=csy)
    check("rcc:syd may not download the summary (403)", r.status == 403, r.status)
    cv = s.login(tok_view)
    r, _ = s.upload("/check", cv, {"csrf": s.csrf(cv)}, {"statement": ("a.xml", valid)})
    check("viewer may not pre-check (403)", r.status == 403, r.status)
    r, page = s.request("GET", "/grid", cookie=cv)
    check("viewer reads the grid, without links", r.status == 200 and b"/submission?id=" not in page)
    r, data = s.request("GET", "/summary.xlsx?year=2014", cookie=cv)
    check("viewer downloads the workbook", r.status == 200 and data[:2] == b"PK", r.status)
    co = s.login(tok_off)
    r, page = s.upload("/register", co, {"csrf": s.csrf(co)}, {"statement": ("n.xml", valid)})
    check("officer registers any RCC's statement", r.status == 200, r.status)
    con = sqlite3.connect(udb)
    nid0 = con.execute("select id from submission where rcc='norr'").fetchone()[0]
    check("the registered result links to the submission's page", ('href="/submission?id=%d"' % nid0).encode() in page)
    check("an upload's bytes are stored in the register (the label is no path)",
          con.execute("select count(*) from content where submission=?", (nid0,)).fetchone()[0] == 1)
    check("the register's event names the web user",
          con.execute("select by from event where what='registered' and submission=?", (nid0,)).fetchall()
          == [("olle",)])
    p = subprocess.run([gc, "verify", "--db", udb], capture_output=True, text=True)
    check("verify finds the web-registered register whole", p.returncode == 0, p.stdout + p.stderr)
    r, page = s.request("GET", "/grid", cookie=csy)
    check("rcc:syd's grid shows only its own RCC, by name", "RCC Syd".encode() in page and b"RCC Norr" not in page)
    r, page = s.request("GET", "/grid", cookie=co)
    check("the grid names the RCCs (Swedish), not their ids",
          b">RCC Norr<" in page and "RCC Sydöst".encode() in page and b">norr<" not in page, page[:300])
    import re as _re
    row = _re.search(rb"<tr><th scope=\"row\">RCC V\xc3\xa4st</th>(.*?)</tr>", page)
    cells = _re.findall(rb"<span class=\"st ([a-z ]+)\">([^<]*)</span>", row.group(1)) if row else []
    check("a missing statement past its due date is late (--today 2016-01-15: 2013 and 2014, not 2015)",
          [c[1].decode() for c in cells] == ["Saknas (sen)", "Saknas (sen)", "Saknas"], cells)
    r, page = s.request("GET", "/grid?lang=en", cookie=co)
    check("the grid names the RCCs in English", b">RCC North<" in page and b">RCC South East<" in page)
    check("?lang=en is remembered on the grid too (gc_lang cookie)",
          any(k.lower() == "set-cookie" and v.startswith("gc_lang=en") for k, v in r.getheaders()), r.getheaders())
    nid = sqlite3.connect(udb).execute("select id from submission where rcc='norr'").fetchone()[0]
    r, _ = s.request("GET", "/submission?id=%d" % nid, cookie=csy)
    check("rcc:syd may not open norr's submission (403)", r.status == 403, r.status)
    r, page = s.request("GET", "/submission?id=%d" % nid, cookie=co)
    check("officer opens the submission page", r.status == 200 and b"Historik" in page)
    check("the submission page is titled with the RCC's name", b"<h1>RCC Norr 2014</h1>" in page)
    sw = ('href="/submission?id=%d&amp;lang=en"' % nid).encode()
    check("the language switch keeps the page and its ?id=", sw in page, page[page.find(b"English") - 80:][:120])
    r, page = s.request("GET", "/submission?id=%d&lang=en" % nid, cookie=co)
    check("... and opens the same submission in English", r.status == 200 and b"<h1>RCC North 2014</h1>" in page
          and b'lang="en"' in page and ('href="/submission?id=%d&amp;lang=sv"' % nid).encode() in page)
    r, page = s.request("GET", "/grid?x=%22%3E%3Cb%3Eboo&lang=en", cookie=co)
    check("other parameters are kept, encoded and escaped", b'href="/grid?x=%22%3E%3Cb%3Eboo&amp;lang=sv"' in page
          and b"<b>boo" not in page)
    r, page = s.request("GET", "/%22%3E%3Cb%3Eboo", cookie=co)
    check("an unknown path is not echoed into the page (404)", r.status == 404 and b"<b>boo" not in page
          and b'href="/?lang=' in page)
    r, page = s.upload("/check", co, {"csrf": s.csrf(co)}, {"statement": ("n.xml", valid)})
    check("the switch on a pre-check's result leads to the pre-check form (the upload is gone)",
          r.status == 200 and b'href="/?lang=en"' in page)
    check("without last year's statement the pre-check says how to get G5 checked here (not --previous)",
          "förra årets redovisning i formulärets andra fält".encode() in page)
    # accepted warnings: the officer accepts one on the page, with a justification
    p1 = open("samples/invalid/P1-overhead-15pc.xml", "rb").read()
    r, _ = s.upload("/register", co, {"csrf": s.csrf(co)}, {"statement": ("p1.xml", p1)})
    pid = sqlite3.connect(udb).execute("select id from submission where rcc='uppsala-orebro'").fetchone()[0]
    r, page = s.request("GET", "/submission?id=%d" % pid, cookie=co)
    check("an open warning is listed, with the officer's accept form", r.status == 200 and b"P1" in page and
          b'action="/accept"' in page and b"Godtagna varningar (0)" in page)
    def accept(cookie, fields):
        import urllib.parse
        return s.request("POST", "/accept", body=urllib.parse.urlencode(fields),
                         headers={"Content-Type": "application/x-www-form-urlencoded"}, cookie=cookie)
    ok_fields = {"csrf": s.csrf(co, "/submission?id=%d" % pid), "id": pid, "finding": 1,
                 "why": "Engångskostnad för <lokalflytt> & flytt"}
    r, _ = accept(co, dict(ok_fields, csrf="0" * 64))
    check("accept without the session's CSRF token: 403", r.status == 403, r.status)
    r, _ = accept(cv, dict(ok_fields, csrf=s.csrf(cv, "/grid")))
    check("a viewer may not accept (403)", r.status == 403, r.status)
    r, _ = accept(csy, dict(ok_fields, csrf=s.csrf(csy)))
    check("an RCC user may not accept (403)", r.status == 403, r.status)
    r, _ = accept(co, dict(ok_fields, why="   "))
    check("accept without a justification: 400", r.status == 400, r.status)
    r, _ = s.upload("/register", co, {"csrf": s.csrf(co)}, {"statement": ("a1.xml", invalid)})
    aid = sqlite3.connect(udb).execute("select id from submission where rcc='stockholm-gotland'").fetchone()[0]
    r, _ = accept(co, dict(ok_fields, id=aid))
    check("an error cannot be accepted (400)", r.status == 400, r.status)
    r, _ = accept(co, dict(ok_fields, id=99999))
    check("accept on a submission that does not exist: 404", r.status == 404, r.status)
    check("nothing was accepted by the refused posts",
          sqlite3.connect(udb).execute("select count(*) from acceptance").fetchone()[0] == 0)
    r, _ = accept(co, ok_fields)
    check("the officer accepts the warning: 303 back to the submission",
          r.status == 303 and r.getheader("Location") == "/submission?id=%d" % pid, (r.status, r.getheader("Location")))
    row = sqlite3.connect(udb).execute("select by, why from acceptance").fetchall()
    check("the acceptance is in the register, by the user, with the justification",
          row == [("olle", "Engångskostnad för <lokalflytt> & flytt")], row)
    r, page = s.request("GET", "/submission?id=%d" % pid, cookie=co)
    txt = page.decode()
    acc_part = txt.split("Godtagna varningar (1)", 1)[-1]
    check("the submission page shows it apart, with the justification escaped",
          "Godtagna varningar (1)" in txt and "Anmärkningar (0)" in txt and
          "Engångskostnad för &lt;lokalflytt&gt; &amp; flytt" in acc_part and "av olle" in acc_part
          and 'action="/accept"' not in txt, txt[txt.find("<h2"):][:600])
    r, page = s.request("GET", "/submission?id=%d&lang=en" % pid, cookie=co)
    check("... and in English", b"Accepted warnings (1)" in page and b"by olle" in page)
    # a corrected version: the submission page says what changed
    worse = valid_syd.replace(b"<totalExpenses>10232456.50</totalExpenses>", b"<totalExpenses>10232457.50</totalExpenses>")
    r, page = s.upload("/register", co, {"csrf": s.csrf(co)}, {"statement": ("s2.xml", worse)})
    sid = sqlite3.connect(udb).execute("select id from submission where rcc='syd' and current=1").fetchone()[0]
    r, page = s.request("GET", "/submission?id=%d" % sid, cookie=co)
    txt = page.decode()
    new_part = txt.split("Nya anmärkningar", 1)[-1].split("</ul>", 1)[0]
    check("the submission page says what changed since the version before",
          "Ändrat mot versionen före" in txt and "A1" in new_part, new_part[:200])
    lo = s.csrf(co)
    r, _ = s.request("POST", "/logout", body="csrf=" + lo, headers={"Content-Type": "application/x-www-form-urlencoded"},
                     cookie=co)
    r2, _ = s.request("GET", "/grid", cookie=co)
    check("logout ends the session", r.status == 303 and r2.status == 303, (r.status, r2.status))
finally:
    s.stop()
p = subprocess.run([gc, "user", "remove", "--db", udb, "vera"], capture_output=True, text=True)
check("user remove", p.returncode == 0 and "vera" not in
      subprocess.run([gc, "user", "list", "--db", udb], capture_output=True, text=True).stdout)

# --- SIGKILL inside the register transaction (fault hook web-register)
kdb = os.path.join(tmp, "kill.db")
s = Server(gc, kdb, env={"GRANTCHECK_FAULT": "web-register:1:9"})
try:
    cookie = s.login_local()
    csrf = s.csrf(cookie)
    try:
        r, _ = s.upload("/register", cookie, {"csrf": csrf}, {"statement": ("n.xml", valid)})
        got = r.status
    except Exception as e:  # the connection dies with the server
        got = type(e).__name__
    rc = s.proc.wait(20)
    check("the server died by SIGKILL mid-registration", rc == -9, (rc, got))
finally:
    s.stop()
c = sqlite3.connect(kdb)
check("the register is intact after the kill", c.execute("pragma integrity_check").fetchone()[0] == "ok")
check("the killed registration left nothing behind",
      c.execute("select count(*) from submission").fetchone()[0] == 0 and
      c.execute("select count(*) from finding").fetchone()[0] == 0)
c.close()
s = Server(gc, kdb)
try:
    cookie = s.login_local()
    r, _ = s.upload("/register", cookie, {"csrf": s.csrf(cookie)}, {"statement": ("n.xml", valid)})
    check("registering again after the kill works", r.status == 200 and
          sqlite3.connect(kdb).execute("select count(*) from submission").fetchone()[0] == 1, r.status)
finally:
    s.stop()
sys.exit(1 if rep.bad else 0)
