"""Reads `chuxin report --format xlsx` back, independently of chuxin.

    report_xlsx_check.py xml CHUXIN SITE WORKDIR
        The workbook's own XML (a zip of OOXML parts): two runs are
        byte-identical, docProps' created time is the as-of date or
        SOURCE_DATE_EPOCH, each sheet has a frozen header row, column widths
        fit the text (East Asian wide characters count 2, by Python's
        unicodedata), dates are numbers with a yyyy-mm-dd format, overdue
        rows (and only they) are filled; `-o` is required.
    report_xlsx_check.py libreoffice CHUXIN SITE WORKDIR
        LibreOffice (a real spreadsheet client) converts every sheet to CSV;
        its cells equal chuxin's own CSV of the same ledger. Fails, not skips,
        without soffice (Debian: libreoffice-calc-nogui, .ci/packages-test).

Exit status 0 when everything holds; the failures are printed.
"""
import csv
import datetime
import os
import re
import shutil
import subprocess
import sys
import time
import unicodedata
import zipfile
import xml.etree.ElementTree as ET

AS_OF = "2026-07-15"
NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
OVERDUE_FILL = "FFF8D7DA"
failures = []


def check(ok, what):
    if not ok:
        failures.append(what)


def chuxin(binary, site, *args, env=None):
    cmd = [binary, "report", "--source", site, "--as-of", AS_OF, *args]
    return subprocess.run(cmd, capture_output=True, env=env, timeout=120)


def chuxin_csv(binary, site, what):
    r = chuxin(binary, site, "--format", "csv", "--what", what)
    if r.returncode != 0:
        sys.exit("chuxin report --format csv failed: " + r.stderr.decode())
    text = r.stdout.decode("utf-8")
    check(text.startswith("\ufeff"), f"{what}.csv starts with a BOM")
    return list(csv.reader(text.lstrip("\ufeff").splitlines(keepends=True)))


def write_xlsx(binary, site, path, env=None):
    r = chuxin(binary, site, "--format", "xlsx", "-o", path, env=env)
    if r.returncode != 0:
        sys.exit("chuxin report --format xlsx failed: " + r.stderr.decode())


def width(text):
    best = 0
    for line in text.split("\n"):
        best = max(best, sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in line))
    return best


def column_letter(i):
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s


def styles(book):
    """Per cell-style index: (number format code or None, fill rgb or None)."""
    root = ET.fromstring(book.read("xl/styles.xml"))
    formats = {n.get("numFmtId"): n.get("formatCode") for n in root.iterfind("m:numFmts/m:numFmt", NS)}
    fills = []
    for fill in root.iterfind("m:fills/m:fill", NS):
        fg = fill.find("m:patternFill/m:fgColor", NS)
        fills.append(fg.get("rgb") if fg is not None else None)
    out = []
    for xf in root.iterfind("m:cellXfs/m:xf", NS):
        out.append((formats.get(xf.get("numFmtId")), fills[int(xf.get("fillId", "0"))]))
    return out


def sheet_paths(book):
    root = ET.fromstring(book.read("xl/workbook.xml"))
    names = [s.get("name") for s in root.iterfind("m:sheets/m:sheet", NS)]
    return [(name, f"xl/worksheets/sheet{i + 1}.xml") for i, name in enumerate(names)]


def check_sheet(book, path, rows, style_of, overdue_rows, date_columns):
    root = ET.fromstring(book.read(path))
    pane = root.find("m:sheetViews/m:sheetView/m:pane", NS)
    check(pane is not None and pane.get("ySplit") == "1" and pane.get("topLeftCell") == "A2"
          and pane.get("state") == "frozen", f"{path}: the header row is frozen")
    header = rows[0]
    widths = {}
    for col in root.iterfind("m:cols/m:col", NS):
        for i in range(int(col.get("min")), int(col.get("max")) + 1):
            widths[i - 1] = float(col.get("width"))
    for i, name in enumerate(header):
        natural = max(width(r[i]) for r in rows)
        expected = min(max(natural + 2, 6), 60)
        # Excel stores characters plus 5 px of cell padding (+0.71 for the default font).
        got = widths.get(i, 0)
        check(0 < got - expected < 1, f"{path}: column {name} is {got} wide, want {expected} characters")
    cells = {c.get("r"): c for c in root.iter("{%s}c" % NS["m"])}
    for r, row in enumerate(rows[1:], start=2):
        for i, value in enumerate(row):
            c = cells.get(f"{column_letter(i)}{r}")
            fill = style_of[int(c.get("s", "0"))][1] if c is not None else None
            marked = fill == OVERDUE_FILL
            check(marked == (r in overdue_rows), f"{path}: row {r} col {header[i]} overdue fill {marked}")
            if i in date_columns and value:
                code = style_of[int(c.get("s", "0"))][0]
                serial = (datetime.date.fromisoformat(value) - datetime.date(1899, 12, 30)).days
                check(c.get("t") is None and code == "yyyy-mm-dd" and float(c.find("m:v", NS).text) == serial,
                      f"{path}: {column_letter(i)}{r} is the date {value} with format yyyy-mm-dd")


def xml_mode(binary, site, work):
    a, b, c = (os.path.join(work, n) for n in ("a.xlsx", "b.xlsx", "c.xlsx"))
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    write_xlsx(binary, site, a, env)
    time.sleep(1.1)  # the clock's seconds change: the file must not
    write_xlsx(binary, site, b, env)
    check(open(a, "rb").read() == open(b, "rb").read(), "two runs give byte-identical workbooks")
    write_xlsx(binary, site, c, dict(env, SOURCE_DATE_EPOCH="1767225600"))
    for path, stamp in ((a, AS_OF + "T00:00:00Z"), (c, "2026-01-01T00:00:00Z")):
        core = zipfile.ZipFile(path).read("docProps/core.xml").decode()
        found = re.search(r"<dcterms:created[^>]*>([^<]*)<", core)
        check(found and found.group(1) == stamp, f"{path}: created {found and found.group(1)}, want {stamp}")

    r = chuxin(binary, site, "--format", "xlsx")
    check(r.returncode == 2 and b"-o" in r.stderr and r.stdout == b"", "xlsx without -o is a usage error")

    book = zipfile.ZipFile(a)
    style_of = styles(book)
    sheets = sheet_paths(book)
    check([n for n, _ in sheets] == ["落实情况", "整改台账"], f"sheet names {[n for n, _ in sheets]}")
    occ = chuxin_csv(binary, site, "occurrences")
    items = chuxin_csv(binary, site, "items")
    occ_overdue = {r for r, row in enumerate(occ[1:], start=2) if row[occ[0].index("状态")] == "逾期"}
    item_overdue = {r for r, row in enumerate(items[1:], start=2) if row[items[0].index("逾期")] == "逾期"}
    check(occ_overdue and item_overdue, f"the site has overdue rows as of {AS_OF} (else nothing is tested)")
    check_sheet(book, sheets[0][1], occ, style_of, occ_overdue,
                {occ[0].index("开始"), occ[0].index("截止")})
    check_sheet(book, sheets[1][1], items, style_of, item_overdue,
                {items[0].index("整改时限"), items[0].index("销号日期")})


def libreoffice_mode(binary, site, work):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        sys.exit("soffice not found: install libreoffice-calc-nogui (.ci/packages-test) to run this test")
    book = os.path.join(work, "ledger.xlsx")
    write_xlsx(binary, site, book)
    out = os.path.join(work, "lo-csv")
    shutil.rmtree(out, ignore_errors=True)
    # A private profile: parallel runs would otherwise share (and lock) ~/.config.
    profile = "file://" + os.path.join(os.path.abspath(work), f"lo-profile-{os.getpid()}")
    # 44 ',', 34 '"', 76 UTF-8, from line 1; -1: every sheet to its own file.
    filt = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"
    r = subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", filt,
                        "--outdir", out, book], capture_output=True, timeout=300)
    shutil.rmtree(profile[len("file://"):], ignore_errors=True)
    if r.returncode != 0:
        sys.exit("soffice failed: " + r.stderr.decode(errors="replace"))
    for sheet, what in (("落实情况", "occurrences"), ("整改台账", "items")):
        path = os.path.join(out, f"ledger-{sheet}.csv")
        if not os.path.exists(path):
            failures.append(f"LibreOffice wrote no {path}: {r.stdout.decode(errors='replace')}")
            continue
        with open(path, encoding="utf-8", newline="") as f:
            seen = list(csv.reader(f))
        expected = chuxin_csv(binary, site, what)
        check(len(seen) == len(expected), f"{sheet}: {len(seen)} rows in LibreOffice, {len(expected)} in the CSV")
        for n, (a, b) in enumerate(zip(seen, expected), start=1):
            check(a == b, f"{sheet} row {n}: LibreOffice {a} != CSV {b}")


def main():
    mode, binary, site, work = sys.argv[1:5]
    os.makedirs(work, exist_ok=True)
    {"xml": xml_mode, "libreoffice": libreoffice_mode}[mode](binary, site, work)
    for f in failures:
        print("FAIL:", f)
    print(f"{mode}: {'ok' if not failures else str(len(failures)) + ' failures'}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
