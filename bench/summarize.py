#!/usr/bin/python3
"""Read bench rows (TSV from run.sh on stdin) and print a Markdown table and ratios.

Ratios are Hugo / chuxin for wall time, CPU time and peak RSS (> 1 means chuxin
is faster / smaller), computed from the medians of the runs in the input.
"""
import csv
import statistics
import sys


def mib(kb):
    return f"{kb / 1024:.1f} MiB" if kb < 1024 * 1024 else f"{kb / 1024 / 1024:.2f} GiB"


def main():
    rows = [r for r in csv.DictReader(sys.stdin, delimiter="\t")]
    groups = {}
    for r in rows:
        groups.setdefault((int(r["N"]), r["tool"]), []).append(r)
    print("| tool | version | N | runs | wall min (s) | wall median (s) | user+sys median (s) "
          "| peak RSS median | out files | out size | load1 | status |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    med = {}
    for (n, tool), rs in sorted(groups.items()):
        ok = [r for r in rs if r["status"] == "ok"]
        use = ok or rs
        walls = [float(r["wall_s"]) for r in use]
        cpus = [float(r["cpu_s"]) for r in use]
        rsss = [int(r["rss_kb"]) for r in use]
        last = use[-1]
        if ok:
            med[(n, tool)] = (statistics.median(walls), statistics.median(cpus), statistics.median(rsss))
        print(f"| {tool} | {last['version']} | {n} | {len(use)} | {min(walls):.2f} | {statistics.median(walls):.2f} "
              f"| {statistics.median(cpus):.2f} | {mib(statistics.median(rsss))} | {last['out_files']} "
              f"| {int(last['out_bytes']) / 1048576:.1f} MiB | {'/'.join(r['load1'] for r in use)} "
              f"| {'ok' if len(ok) == len(rs) else f'{len(rs) - len(ok)} FAILED'} |")
    ns = sorted({n for n, _ in med})
    lines = []
    for n in ns:
        if (n, "hugo") in med and (n, "chuxin") in med:
            h, c = med[(n, "hugo")], med[(n, "chuxin")]
            lines.append(f"| {n} | {h[0] / c[0]:.1f}x | {h[1] / c[1]:.1f}x | {h[2] / c[2]:.1f}x |")
    if lines:
        print("\nRatios Hugo / chuxin (medians; > 1 = chuxin faster or smaller):\n")
        print("| N | wall time | user+sys CPU | peak RSS |\n|---|---|---|---|")
        print("\n".join(lines))


if __name__ == "__main__":
    main()
