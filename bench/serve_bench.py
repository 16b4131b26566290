"""Edit latencies of `chuxin serve` and `hugo server` on the bench corpus
(issue 11 §10), in one run, on one machine.

For each tool and kind of edit, EDITS edits of different files, one after
the other: the clock starts just before the file is written and stops when
an HTTP GET of the page returns the new text (polled every 5 ms). For
chuxin also when the reload event reaches an open event stream (what an
open page waits for). The no-op (a file touched, bytes unchanged) is timed
to the tool's own "rebuilt" line. Then serve's peak memory (VmHWM).

usage: serve_bench.py CORPUS_DIR  (holds chuxin/ and hugo/, from gen_corpus.py --hugo)
env:   CHUXIN (binary), EDITS (default 20), TOOLS (default "chuxin hugo")
Prints one TSV row per tool × kind: tool, kind, n, median ms, min, max."""
import http.client
import os
import queue
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time

EDITS = int(os.environ.get("EDITS", "20"))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(port, path):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        c.request("GET", path, headers={"Connection": "close"})
        r = c.getresponse()
        return r.status, r.read().decode("utf-8", "replace")
    except OSError:
        return 0, ""
    finally:
        c.close()


class Tool:
    """A running server: its port, its output lines, an event log."""

    def __init__(self, name, argv, ready, cwd=None):
        self.name = name
        self.lines = queue.Queue()
        self.proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, cwd=cwd,
                                     env=dict(os.environ, LC_ALL="C.UTF-8"))
        threading.Thread(target=self._read, daemon=True).start()
        self.started = time.monotonic()
        self.first_build_line = self.wait_line(ready, 600)
        self.ready_s = time.monotonic() - self.started

    def _read(self):
        for raw in self.proc.stdout:
            self.lines.put((time.monotonic(), raw.decode("utf-8", "replace").rstrip()))

    def wait_line(self, pattern, timeout):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                at, line = self.lines.get(timeout=max(0.01, deadline - time.monotonic()))
            except queue.Empty:
                break
            if re.search(pattern, line):
                return at, line
        return None

    def drain(self):
        while not self.lines.empty():
            self.lines.get_nowait()

    def stop(self):
        peak = ""
        try:
            with open(f"/proc/{self.proc.pid}/status") as f:
                peak = next((l.split(":")[1].strip() for l in f if l.startswith("VmHWM")), "")
        except OSError:
            pass
        self.proc.terminate()
        self.proc.wait(timeout=60)
        return peak


class ReloadEvents:
    """An open page's event stream on chuxin serve: the time of each reload."""

    def __init__(self, port):
        self.times = queue.Queue()
        self.port = port
        threading.Thread(target=self._listen, daemon=True).start()

    def _listen(self):
        since = 0
        while True:
            try:
                s = socket.create_connection(("127.0.0.1", self.port))
                s.sendall(f"GET /__chuxin/events?since={since} HTTP/1.1\r\nHost: x\r\n\r\n".encode())
                data = b""
                while True:
                    chunk = s.recv(4096)
                    if not chunk:
                        break
                    data += chunk
                    m = re.search(rb"id: (\d+)\n", data)
                    if m:
                        self.times.put(time.monotonic())
                        since = int(m.group(1))
                        break
                s.close()
            except OSError:
                time.sleep(0.05)

    def drain(self):
        while not self.times.empty():
            self.times.get_nowait()


def pages(site, n):
    folder = os.path.join(site, "content", "notices")
    names = sorted(f for f in os.listdir(folder) if f.endswith(".md") and f != "_index.md" and f.isascii())
    step = max(1, len(names) // (3 * n))
    return [os.path.join(folder, f) for f in names[::step]]


def url_of(path):
    return "/notices/" + os.path.basename(path)[:-3] + "/"


def wait_for_text(port, url, marker, start, timeout=60):
    while time.monotonic() - start < timeout:
        status, body = get(port, url)
        if status == 200 and marker in body:
            return (time.monotonic() - start) * 1000
        time.sleep(0.005)
    return None


def edit_runs(tool, port, site, events, rebuilt_line):
    rows = {}
    files = pages(site, EDITS)
    body_files, title_files, touch_files = files[0::3][:EDITS], files[1::3][:EDITS], files[2::3][:EDITS]

    def settle():
        time.sleep(0.3)
        tool.drain()
        if events:
            events.drain()

    def timed(kind, path, url, marker, change):
        settle()
        start = time.monotonic()
        change()
        ms = wait_for_text(port, url, marker, start)
        rows.setdefault(kind, []).append(ms)
        if events:
            try:
                at = events.times.get(timeout=30)
                rows.setdefault(kind + " (reload sent)", []).append((at - start) * 1000)
            except queue.Empty:
                pass

    for i, path in enumerate(body_files):
        marker = f"BENCHBODY{i:03}"
        text = open(path, encoding="utf-8").read()
        timed("body edit", path, url_of(path), marker,
              lambda: open(path, "w", encoding="utf-8").write(text + f"\n\n{marker}\n"))
    for i, path in enumerate(title_files):
        marker = f"BENCHTITLE{i:03}"
        text = open(path, encoding="utf-8").read()
        new = re.sub(r'(?m)^title: "?', lambda m: m.group(0) + marker, text, count=1)
        timed("title edit", path, url_of(path), marker, lambda: open(path, "w", encoding="utf-8").write(new))
    for i in range(EDITS):
        marker = f"BENCHNEW{i:03}"
        path = os.path.join(site, "content", "notices", f"bench-new-{i:03}.md")
        text = f'---\ntitle: "新增通知 {marker}"\ndate: 2026-05-01\n---\n\n{marker} 正文。\n'
        timed("new file", path, url_of(path), marker, lambda: open(path, "w", encoding="utf-8").write(text))
    for path in touch_files:
        settle()
        start = time.monotonic()
        os.utime(path)
        got = tool.wait_line(rebuilt_line, 5)
        rows.setdefault("touch (no-op)", []).append((got[0] - start) * 1000 if got else None)
        if not got:
            break  # the tool does not rebuild on a touch: nothing more to time
    return rows


def run_chuxin(corpus, work):
    site = os.path.join(work, "chuxin")
    shutil.copytree(os.path.join(corpus, "chuxin"), site)
    port = free_port()
    chuxin = os.environ.get("CHUXIN", "build/src/cli/chuxin")
    tool = Tool("chuxin", [chuxin, "serve", "--source", site, "--port", str(port), "--as-of", "2026-07-01"],
                r"^serving http")
    events = ReloadEvents(port)
    rows = edit_runs(tool, port, site, events, r" changed: ")
    return tool, rows, tool.stop()


def run_hugo(corpus, work):
    site = os.path.join(work, "hugo")
    shutil.copytree(os.path.join(corpus, "hugo"), site)
    port = free_port()
    tool = Tool("hugo", ["hugo", "server", "-s", site, "--bind", "127.0.0.1", "-p", str(port),
                         "--cacheDir", os.path.join(work, "hugo-cache")], r"Web Server is available")
    rows = edit_runs(tool, port, site, None, r"^Total in \d+ ms")
    return tool, rows, tool.stop()


def main():
    corpus = sys.argv[1]
    n = sum(1 for _, _, fs in os.walk(os.path.join(corpus, "chuxin", "content")) for f in fs if f.endswith(".md"))
    for name in os.environ.get("TOOLS", "chuxin hugo").split():
        work = tempfile.mkdtemp(prefix=f"chuxin-serve-bench-{name}-")
        try:
            tool, rows, peak = (run_chuxin if name == "chuxin" else run_hugo)(corpus, work)
            print(f"{name}\tready\t1\t{tool.ready_s * 1000:.0f}\t\t\t{n} files; peak RSS {peak}", flush=True)
            for kind, values in rows.items():
                got = [v for v in values if v is not None]
                missed = len(values) - len(got)
                if not got:
                    print(f"{name}\t{kind}\t{len(values)}\t—\t\t\tnone seen within the timeout", flush=True)
                    continue
                print(f"{name}\t{kind}\t{len(values)}\t{statistics.median(got):.0f}\t{min(got):.0f}\t{max(got):.0f}\t"
                      + (f"{missed} not seen" if missed else ""), flush=True)
        finally:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
