"""tests/e2e/webtest.py - what the web tests share (not a test itself):
start `grantcheck serve` on a free loopback port and wait for the URL line
it prints (no sleep-and-hope), raw HTTP requests over sockets, logging in
and posting forms with the session's CSRF token, and ok/FAIL reporting in
the format tests/e2e.sh counts."""
import http.client, os, re, select, signal, socket, subprocess, sys, time, urllib.parse

class Report:
    def __init__(self):
        self.bad = 0
    def check(self, what, cond, detail=""):
        if cond:
            print("ok " + what)
        else:
            self.bad += 1
            print("FAIL " + what + (": " + str(detail)[:300] if detail else ""))
        sys.stdout.flush()
        return cond

class Server:
    """A running `grantcheck serve`; base = http://127.0.0.1:PORT."""
    def __init__(self, gc, db, *extra, env=None, listen="127.0.0.1:0", timeout=30):
        e = dict(os.environ)
        e.update(env or {})
        self.proc = subprocess.Popen([gc, "serve", "--db", db, "--rules", "rules", "--listen", listen,
                                      "--today", "2016-01-15", "--lang", "en", *extra],
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=e)
        self.line = ""
        deadline = time.time() + timeout
        buf = b""
        while b"\n" not in buf:
            left = deadline - time.time()
            if left <= 0 or self.proc.poll() is not None:
                err = self.proc.stderr.read().decode(errors="replace") if self.proc.poll() is not None else ""
                self.stop()
                raise RuntimeError("serve printed no URL: " + err)
            r, _, _ = select.select([self.proc.stdout], [], [], left)
            if r:
                chunk = os.read(self.proc.stdout.fileno(), 4096)
                if not chunk:
                    continue
                buf += chunk
        self.line = buf.decode().strip()
        m = re.search(r"(http://[^/\s]+)(/\S*)?", self.line)
        self.base = m.group(1)
        self.hostport = self.base[len("http://"):]
        self.host, self.port = self.hostport.rsplit(":", 1)
        self.port = int(self.port)
        q = urllib.parse.urlparse(self.line.split()[-1]).query
        self.token = urllib.parse.parse_qs(q).get("token", [None])[0]

    def stop(self, sig=signal.SIGTERM, timeout=20):
        if self.proc.poll() is None:
            self.proc.send_signal(sig)
        try:
            return self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            return self.proc.wait()

    def conn(self, timeout=20):
        return http.client.HTTPConnection(self.host, self.port, timeout=timeout)

    def request(self, method, path, body=None, headers=None, cookie=None, timeout=20):
        c = self.conn(timeout)
        h = dict(headers or {})
        if cookie:
            h["Cookie"] = cookie
        c.request(method, path, body=body, headers=h)
        r = c.getresponse()
        data = r.read()
        c.close()
        return r, data

    def raw(self, data, timeout=10, shut=True):
        """Sends bytes as they are; returns what came back until close."""
        s = socket.create_connection((self.host, self.port), timeout=timeout)
        s.sendall(data)
        if shut:
            s.shutdown(socket.SHUT_WR)
        out = b""
        try:
            while True:
                k = s.recv(65536)
                if not k:
                    break
                out += k
        except socket.timeout:
            pass
        s.close()
        return out

    def login_local(self):
        """The one-person token of the printed URL -> session cookie."""
        r, _ = self.request("GET", "/?token=" + self.token)
        return cookie_of(r)

    def login(self, token):
        r, _ = self.request("POST", "/login", body=urllib.parse.urlencode({"token": token}),
                            headers={"Content-Type": "application/x-www-form-urlencoded"})
        return cookie_of(r) if r.status == 303 else None

    def csrf(self, cookie, path="/"):
        _, page = self.request("GET", path, cookie=cookie)
        m = re.search(rb'name="csrf" value="([0-9a-f]+)"', page)
        return m.group(1).decode() if m else ""

    def upload(self, path, cookie, fields, files):
        body, ctype = multipart(fields, files)
        return self.request("POST", path, body=body, headers={"Content-Type": ctype}, cookie=cookie)

def cookie_of(resp):
    for k, v in resp.getheaders():
        if k.lower() == "set-cookie" and v.startswith("gc_session="):
            return v.split(";", 1)[0]
    return None

def multipart(fields, files, boundary="gcBoundary7MA4YWxkTrZu0gW"):
    out = b""
    for k, v in fields.items():
        out += (f"--{boundary}\r\nContent-Disposition: form-data; name=\"{k}\"\r\n\r\n{v}\r\n").encode()
    for k, (name, data) in files.items():
        out += (f"--{boundary}\r\nContent-Disposition: form-data; name=\"{k}\"; filename=\"{name}\"\r\n"
                f"Content-Type: application/xml\r\n\r\n").encode() + data + b"\r\n"
    out += f"--{boundary}--\r\n".encode()
    return out, "multipart/form-data; boundary=" + boundary

def gc_user_add(gc, db, name, role):
    p = subprocess.run([gc, "user", "add", "--db", db, name, "--role", role, "--lang", "en"],
                       capture_output=True, text=True)
    return p.stdout.strip().splitlines()[-1] if p.returncode == 0 else None
