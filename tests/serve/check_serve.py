"""`chuxin serve` end to end, over HTTP (issue 11 §1–3, §8): a copy of the
default site served on a free port; pages, files and MIME types; the
reload script only in what is sent; GET/HEAD only; paths that would leave
the output folder; malformed requests; an edit, a bad edit and its fix, a
delete, editor saves and a many-file checkout (one rebuild each); after
every rebuild the output folder equals a fresh `chuxin build`; SIGTERM
stops cleanly with no staging folder left.

usage: check_serve.py CHUXIN REPO"""
import os
import shutil
import signal
import sys
import time
import urllib.parse

from serve_harness import Server, build, copy_site, temp_folder, tree

failures = []


def check(cond, what):
    print(("ok   " if cond else "FAIL ") + what)
    if not cond:
        failures.append(what)


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def same_as_build(chuxin, site, out, work, label):
    """The served output folder equals a `chuxin build` of the same files."""
    ref_site = os.path.join(work, "ref-site")
    ref_out = os.path.join(work, "ref-out")
    shutil.rmtree(ref_site, ignore_errors=True)
    shutil.rmtree(ref_out, ignore_errors=True)
    shutil.copytree(site, ref_site, ignore=shutil.ignore_patterns("public"))
    build(chuxin, ref_site, ref_out)
    a, b = tree(out), tree(ref_out)
    differ = sorted(p for p in set(a) | set(b) if a.get(p) != b.get(p))
    check(not differ, f"{label}: the output folder equals chuxin build's ({len(a)} files)"
          + (f"; differ: {differ[:5]}" if differ else ""))


def add_static_files(site):
    """A file of each type the server must label, one with a Chinese name."""
    static = os.path.join(site, "static")
    for rel, data in {"js/site.js": b"console.log(1);\n", "fonts/a.woff2": b"wOF2\0\0",
                      "img/a.jpg": b"\xff\xd8\xff\xe0", "img/a.svg": b"<svg xmlns='http://www.w3.org/2000/svg'/>",
                      "资料/学习资料.png": b"\x89PNG\r\n\x1a\n"}.items():
        os.makedirs(os.path.dirname(os.path.join(static, rel)), exist_ok=True)
        with open(os.path.join(static, rel), "wb") as f:
            f.write(data)


def check_files(s, out):
    status, headers, body = s.get("/")
    check(status == 200 and headers.get("content-type") == "text/html; charset=utf-8", "/ is the home page, as HTML")
    check(b"/__chuxin/events" in body, "the page sent carries the reload script")
    with open(os.path.join(out, "index.html"), "rb") as f:
        on_disk = f.read()
    check(b"__chuxin" not in on_disk, "the file on disk has no trace of serve")
    check(body.replace(body[body.rfind(b"<script>/* chuxin serve"):body.rfind(b"</body>")], b"") == on_disk,
          "the page sent is the file plus the script, nothing else")
    status, headers, body = s.get("/", "HEAD")
    check(status == 200 and body == b"" and int(headers.get("content-length", "0")) > 0, "HEAD answers without a body")
    for method in ("POST", "PUT", "DELETE", "OPTIONS", "PATCH"):
        status, headers, _ = s.raw(f"{method} / HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".encode())
        check(status == 405 and "GET" in headers.get("allow", ""), f"{method} answers 405")
    status, headers, _ = s.get("/cases")
    check(status == 301 and headers.get("location", "").endswith("/cases/"), "a folder without its slash is redirected")
    chinese = "/cases/" + urllib.parse.quote("老党员张某某") + "/"
    check(s.get(chinese)[0] == 200, "a page with a Chinese name answers (percent-encoded UTF-8)")
    raw_utf8 = "GET /cases/老党员张某某/ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".encode()
    check(s.raw(raw_utf8)[0] == 200, "the same page asked for in raw UTF-8")
    types = {"/css/": None, "/feed.xml": "application/xml", "/js/site.js": "text/javascript; charset=utf-8",
             "/fonts/a.woff2": "font/woff2", "/img/a.jpg": "image/jpeg", "/img/a.svg": "image/svg+xml",
             "/" + urllib.parse.quote("资料/学习资料.png"): "image/png", "/favicon.ico": "image/x-icon"}
    for target, want in types.items():
        if want is None:
            continue
        status, headers, _ = s.get(target)
        check(status == 200 and headers.get("content-type") == want, f"{target} is {want}")
    for ext, want in (("css", "text/css; charset=utf-8"), ("ics", "text/calendar; charset=utf-8"), ("pdf", "application/pdf")):
        found = next((os.path.relpath(os.path.join(d, n), out) for d, _, ns in os.walk(out) for n in ns
                      if n.endswith("." + ext)), None)
        check(found is not None, f"the site has a .{ext} file")
        if found:
            status, headers, _ = s.get("/" + urllib.parse.quote(found))
            check(status == 200 and headers.get("content-type") == want, f"/{found} is {want}")


def check_paths(s, site, out):
    secret = open(os.path.join(site, "site.yaml"), "rb").read()[:40]
    os.symlink(os.path.join(site, "site.yaml"), os.path.join(out, "leak.txt"))
    os.symlink(site, os.path.join(out, "leakdir"))
    for target in ("/../site.yaml", "/%2e%2e/site.yaml", "/%2E%2E/site.yaml", "/css/%2e%2e/%2e%2e/site.yaml",
                   "/..%2fsite.yaml", "/%2e%2e%2fsite.yaml", "/..\\site.yaml", "/%5c..%5csite.yaml", "/a%00.html",
                   "/leak.txt", "/leakdir/site.yaml", "/.chuxin-manifest", "/.chuxin-lock", "//etc/passwd",
                   "/%252e%252e/site.yaml"):
        status, _, body = s.get(target)
        check(status in (400, 404) and secret not in body, f"{target} answers {status}, nothing outside")
    os.remove(os.path.join(out, "leak.txt"))
    os.remove(os.path.join(out, "leakdir"))


def check_malformed(s):
    for junk in (b"GARBAGE\r\n\r\n", b"GET\r\n\r\n", b"GET / HTTP/9.9\r\n\r\n", b"\x00\x01\x02\xff\r\n\r\n",
                 b"GET /" + b"a" * 20000 + b" HTTP/1.1\r\nHost: x\r\n\r\n",
                 b"GET / HTTP/1.1\r\n" + b"X: " + b"b" * 100000 + b"\r\n\r\n",
                 b"GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999\r\n\r\nabc", b"GET / HTTP/1.1\r\nHo"):
        try:
            s.raw(junk, timeout=8)
        except OSError:
            pass
    check(s.get("/")[0] == 200, "after malformed requests the server still answers")


def check_rebuilds(chuxin, s, site, out, work):
    page = os.path.join(site, "content", "cases", "diyi-shuji-wang.md")
    url = "/cases/diyi-shuji-wang/"
    text = open(page, encoding="utf-8").read()
    # An edit: the body.
    write(page, text + "\n\n服务预览测试段落。\n")
    line = s.wait_for(r" changed: ")
    check("content/cases/diyi-shuji-wang.md" in line and "rewritten" in line, f"one line per rebuild: {line!r}")
    check("服务预览测试段落" in s.get(url)[2].decode(), "the edit is served")
    status, _, body = s.get("/__chuxin/events?since=1")
    check(status == 200 and b"event: reload" in body, "an open page's event stream says reload")
    same_as_build(chuxin, site, out, work, "after an edit")

    # A bad edit: the last good site stays, with the errors over it.
    good = tree(out)
    write(page, text.replace("date: 2026-03-05", "date: 2026-03-55"))
    line = s.wait_for(r" changed: ")
    check("error" in line and "last good site is kept" in line, f"a failed rebuild says so: {line!r}")
    body = s.get(url)[2].decode()
    check("服务预览测试段落" in body, "the last good page is still served")
    check('id="chuxin-overlay"' in body and "content/cases/diyi-shuji-wang.md:3:" in body,
          "the overlay names the file and line")
    check("2026-03-55" in body, "the overlay shows the source line")
    check(tree(out) == good, "the output folder is untouched by the failed rebuild")
    # The fix: overlay gone.
    write(page, text)
    line = s.wait_for(r" changed: ")
    check("rewritten" in line, f"the fix rebuilds: {line!r}")
    body = s.get(url)[2].decode()
    check('id="chuxin-overlay"' not in body and "服务预览测试段落" not in body, "the fix removes the overlay")
    # A template error is shown the same way.
    tpl = os.path.join(site, "themes", "default", "templates", "page.mustache")
    if os.path.exists(tpl):
        tpl_text = open(tpl, encoding="utf-8").read()
        write(tpl, tpl_text + "{{#unclosed}}\n")
        s.wait_for(r" changed: .*error")
        check('id="chuxin-overlay"' in s.get(url)[2].decode(), "a template error shows the overlay")
        write(tpl, tpl_text)
        s.wait_for(r" changed: .*rewritten")

    # A delete: its URL answers 404 at once.
    gone = os.path.join(site, "content", "cases", "qingnian-dangyuan-liu.md")
    check(s.get("/cases/qingnian-dangyuan-liu/")[0] == 200, "the page to delete is there")
    os.remove(gone)
    line = s.wait_for(r" changed: ")
    check("removed" in line, f"the delete removes files: {line!r}")
    check(s.get("/cases/qingnian-dangyuan-liu/")[0] == 404, "a deleted page answers 404 at once")
    same_as_build(chuxin, site, out, work, "after a delete")

    # Editors: rename-on-save, vim's swap file; a checkout of many files.
    tmp = page + ".tmp123"
    write(tmp, text + "\n改名保存。\n")
    os.rename(tmp, page)
    lines = s.rebuild_lines_within(1.5)
    check(len(lines) == 1 and "tmp" not in lines[0], f"a rename-on-save is one rebuild: {lines}")
    write(os.path.join(site, "content", "cases", ".diyi-shuji-wang.md.swp"), "swap")
    write(os.path.join(site, "content", "cases", "4913"), "")
    os.remove(os.path.join(site, "content", "cases", "4913"))
    check(s.rebuild_lines_within(1.0) == [], "vim's swap and probe files rebuild nothing")
    for i in range(40):
        write(os.path.join(site, "content", "notices", f"checkout-{i:02}.md"),
              f"---\ntitle: 检出测试 {i}\ndate: 2026-05-{i % 28 + 1:02}\n---\n\n正文 {i}\n")
    lines = s.rebuild_lines_within(2.5)
    check(len(lines) == 1 and "and 38 more" in lines[0], f"40 files written at once are one rebuild: {lines}")
    same_as_build(chuxin, site, out, work, "after a checkout")


def check_quiet(chuxin, site, work):
    """-q prints errors only; the progress line never shows off a terminal
    without --progress (and a build under a second shows none at all)."""
    import subprocess
    from serve_harness import AS_OF, ENV
    out = os.path.join(work, "quiet-out")
    run = lambda *extra: subprocess.run([chuxin, "build", "--source", site, "--output", out, "--as-of", AS_OF,
                                         "--no-pdf", *extra], env=ENV, capture_output=True, text=True)
    r = run()
    check(r.returncode == 0 and "built " in r.stderr and "\r" not in r.stderr, "build off a terminal: no progress line")
    r = run("-q")
    check(r.returncode == 0 and r.stderr == "" and r.stdout == "", f"build -q prints nothing on success ({r.stderr!r})")
    r = run("--progress")
    check(r.returncode == 0 and "\r" not in r.stderr, "build --progress under a second draws nothing")
    page = os.path.join(site, "content", "cases", "diyi-shuji-wang.md")
    text = open(page, encoding="utf-8").read()
    write(page, text.replace("date: 2026-03-05", "date: 2026-03-55"))
    r = run("-q")
    write(page, text)
    check(r.returncode == 1 and "diyi-shuji-wang.md:3:" in r.stderr and "built" not in r.stderr
          and ": warning:" not in r.stderr, "build -q prints the errors, and only them")


def main():
    chuxin, repo = sys.argv[1], sys.argv[2]
    work = temp_folder("serve-http")
    try:
        site = os.path.join(work, "site")
        copy_site(repo, site)
        add_static_files(site)
        check_quiet(chuxin, site, work)
        s = Server(chuxin, site)
        out = os.path.join(site, "public")
        try:
            same_as_build(chuxin, site, out, work, "the first build")
            check_files(s, out)
            check_paths(s, site, out)
            check_malformed(s)
            check_rebuilds(chuxin, s, site, out, work)
        finally:
            code = s.stop()
        check(code == 0, f"SIGTERM stops serve with status 0 (got {code})")
        check(not os.path.exists(os.path.join(out, ".chuxin-staging")), "no staging folder is left")
        check(s.log[-1] == "stopped", "serve says it stopped")
        # Ctrl-C in the middle of a rebuild: that rebuild finishes first.
        # The folder is then whole: the build of the files before the edit
        # or after it (when the signal came before the rebuild began).
        s = Server(chuxin, site)
        page = os.path.join(site, "content", "cases", "diyi-shuji-wang.md")
        before = open(page, encoding="utf-8").read()
        write(page, before + "\n\n中断测试。\n")
        time.sleep(0.08)
        code = s.stop(signal.SIGINT)
        check(code == 0, f"Ctrl-C during a rebuild stops serve with status 0 (got {code})")
        check(not os.path.exists(os.path.join(out, ".chuxin-staging")), "no staging folder is left after Ctrl-C")
        served = tree(out)
        ref_out = os.path.join(work, "after-ctrl-c")
        build(chuxin, site, ref_out)
        if tree(ref_out) != served:
            write(page, before)
            shutil.rmtree(ref_out)
            build(chuxin, site, ref_out)
        check(tree(ref_out) == served, "after Ctrl-C the output folder is one whole build")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"{len(failures)} failed" if failures else "all passed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
