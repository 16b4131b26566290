"""Runs `chuxin serve` on a copy of a site for the serve tests: starts it on a
free port, reads its standard error line by line, and speaks HTTP to it,
also with raw bytes (requests no HTTP library would send)."""
import os
import queue
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
import time

AS_OF = "2026-07-01"
ENV = dict(os.environ, SOURCE_DATE_EPOCH="1782864000", LC_ALL="C.UTF-8")


def copy_site(repo, dest):
    """The repository's default site (site.yaml, content/, templates/, themes/) into dest."""
    os.makedirs(dest, exist_ok=True)
    shutil.copy(os.path.join(repo, "site.yaml"), dest)
    for folder in ("content", "templates", "themes", "static"):
        src = os.path.join(repo, folder)
        if os.path.isdir(src):
            shutil.copytree(src, os.path.join(dest, folder), dirs_exist_ok=True)


class Server:
    def __init__(self, chuxin, site, extra=()):
        self.site = site
        self.lines = queue.Queue()
        self.log = []
        self.proc = subprocess.Popen(
            [chuxin, "serve", "--source", site, "--port", "0", "--as-of", AS_OF, *extra],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=ENV)
        threading.Thread(target=self._read, daemon=True).start()
        line = self.wait_for(r"^serving http://127\.0\.0\.1:(\d+)/", 120)
        self.port = int(re.search(r":(\d+)/", line).group(1))

    def _read(self):
        for raw in self.proc.stderr:
            line = raw.decode("utf-8", "replace").rstrip("\n")
            self.log.append(line)
            self.lines.put(line)

    def wait_for(self, pattern, timeout=30):
        """The next stderr line matching pattern (earlier lines are skipped)."""
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                raise AssertionError(f"no line matching {pattern!r} within {timeout} s; stderr so far:\n"
                                     + "\n".join(self.log))
            try:
                line = self.lines.get(timeout=left)
            except queue.Empty:
                continue
            if re.search(pattern, line):
                return line

    def rebuild_lines_within(self, seconds):
        """Every rebuild line printed in the next `seconds`."""
        found = []
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            try:
                line = self.lines.get(timeout=max(0.01, deadline - time.monotonic()))
            except queue.Empty:
                continue
            if " changed: " in line:
                found.append(line)
        return found

    def raw(self, request: bytes, timeout=10):
        """Sends bytes, returns (status, headers, body) of the answer; status 0: the connection closed."""
        with socket.create_connection(("127.0.0.1", self.port), timeout=timeout) as s:
            s.sendall(request)
            data = b""
            while True:
                try:
                    chunk = s.recv(65536)
                except socket.timeout:
                    break
                if not chunk:
                    break
                data += chunk
                head, sep, body = data.partition(b"\r\n\r\n")
                if sep:
                    m = re.search(rb"(?im)^content-length:\s*(\d+)", head)
                    if m and len(body) >= int(m.group(1)):
                        break
                    if b"HEAD " == request[:5] and sep:
                        break
        head, _, body = data.partition(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        if not lines or not lines[0].startswith("HTTP/1.1 "):
            return 0, {}, b""
        status = int(lines[0].split()[1])
        headers = {}
        for line in lines[1:]:
            k, _, v = line.partition(":")
            headers[k.strip().lower()] = v.strip()
        return status, headers, body

    def get(self, target, method="GET"):
        return self.raw(f"{method} {target} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n".encode())

    def stop(self, sig=signal.SIGTERM):
        self.proc.send_signal(sig)
        return self.proc.wait(timeout=60)


def build(chuxin, site, out):
    r = subprocess.run([chuxin, "build", "--source", site, "--output", out, "--as-of", AS_OF],
                       env=ENV, capture_output=True, text=True)
    if r.returncode != 0:
        raise AssertionError(f"chuxin build failed:\n{r.stderr}")


def tree(root):
    """{relative path: bytes} of every file under root but the lock file."""
    files = {}
    for folder, _, names in os.walk(root):
        for name in names:
            path = os.path.join(folder, name)
            rel = os.path.relpath(path, root)
            if rel == ".chuxin-lock":
                continue
            with open(path, "rb") as f:
                files[rel] = f.read()
    return files


def temp_folder(name):
    return tempfile.mkdtemp(prefix=f"chuxin-{name}-")
