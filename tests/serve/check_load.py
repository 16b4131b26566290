"""`chuxin serve` under 1,000 concurrent connections (issue 11 §8): a
bounded local load test with Debian's wrk (.ci/packages-test) against the
default site, 5 s, while a probe asks for a page every half second. Passes
when every answer was 2xx, the probes were answered within 3 s, and the
server answers at once afterwards. Prints wrk's figures (bench/RESULTS.md).

usage: check_load.py CHUXIN REPO"""
import re
import shutil
import subprocess
import sys
import threading
import time
import os

from serve_harness import Server, copy_site, temp_folder


def main():
    chuxin, repo = sys.argv[1], sys.argv[2]
    wrk = shutil.which("wrk")
    if not wrk:
        print("check_load: wrk is not installed\n  hint: apt-get install wrk (.ci/packages-test)")
        return 1
    work = temp_folder("serve-load")
    failures = []
    try:
        site = os.path.join(work, "site")
        copy_site(repo, site)
        s = Server(chuxin, site, ["--no-pdf"])
        probes = []
        done = threading.Event()

        def probe():
            while not done.is_set():
                start = time.monotonic()
                try:
                    status = s.get("/cases/")[0]
                except OSError:
                    status = 0
                probes.append((status, time.monotonic() - start))
                time.sleep(0.5)

        t = threading.Thread(target=probe)
        t.start()
        run = subprocess.run([wrk, "-t2", "-c1000", "-d5s", "--timeout", "3s", "--latency",
                              f"http://127.0.0.1:{s.port}/"], capture_output=True, text=True, timeout=120)
        done.set()
        t.join()
        print(run.stdout)
        requests = int(re.search(r"(\d+) requests in", run.stdout).group(1))
        if requests < 1000:
            failures.append(f"only {requests} requests answered in 5 s")
        if "Non-2xx" in run.stdout:
            failures.append("answers other than 2xx under load")
        slow = [p for p in probes if p[0] != 200 or p[1] > 3]
        print(f"probes during the run: {len(probes)}, slowest {max(p[1] for p in probes):.3f} s")
        if slow:
            failures.append(f"probes not answered within 3 s: {slow}")
        start = time.monotonic()
        after = s.get("/")[0]
        if after != 200 or time.monotonic() - start > 1:
            failures.append("the server does not answer at once after the run")
        if s.stop() != 0:
            failures.append("serve did not stop cleanly")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    for f in failures:
        print("FAIL " + f)
    print(f"{len(failures)} failed" if failures else "all passed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
