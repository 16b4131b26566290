#!/usr/bin/env python3
"""Checks a 公文 PDF (style gbt9704) against GB/T 9704-2012 as the reader's
tools see it: text boxes from `pdftotext -bbox`, rules from the content
streams. Every position must be within 0.5 mm of the standard's.

  check_gongwen.py FILE.pdf [--date 2026年3月12日] [--issuer 中共示例区委办公室]
                   [--min-full-pages 2] [--min-full-lines 30]
  prints the measured offsets; exits 1 on a miss

Vertical positions: pdftotext's box of a word runs from the baseline minus
the font's declared Ascent to the baseline minus its Descent (FontDescriptor),
so the baseline and the em box (0.88 above, 0.12 below the baseline) are
recovered exactly from the box and the descriptors of the file itself.
"""
import argparse
import html
import re
import subprocess
import sys
import zlib

MM = 72 / 25.4
TOL = 0.5 * MM
TOP, BINDING, WIDTH, HEIGHT = 37 * MM, 28 * MM, 156 * MM, 225 * MM
PITCH, CELL = HEIGHT / 22, WIDTH / 28
RED = (0.902, 0.0, 0.071)

failures = []
measured = []


def check(ok, what, offset_pt=None):
    if offset_pt is not None:
        measured.append(f"{what}: {offset_pt / MM:+.3f} mm")
    if not ok:
        failures.append(what + (f" (off by {offset_pt / MM:+.3f} mm)" if offset_pt is not None else ""))


def near(value, expect, what, tol=TOL):
    check(abs(value - expect) <= tol, what, value - expect)


def left_of(page):  # odd pages bind on the left; even pages mirror
    return BINDING if page % 2 == 1 else 210 * MM - BINDING - WIDTH


def descriptors(data):
    out = set()
    for m in re.finditer(rb"/Type /FontDescriptor.*?>>", data, re.S):
        a = re.search(rb"/Ascent (-?\d+)", m.group(0))
        d = re.search(rb"/Descent (-?\d+)", m.group(0))
        if a and d:
            out.add((int(a.group(1)) / 1000, int(d.group(1)) / 1000))
    return out


def streams(data):
    for m in re.finditer(rb"stream\r?\n", data):
        end = data.find(b"endstream", m.end())
        try:
            yield zlib.decompress(data[m.end():end])
        except zlib.error:
            continue


def page_streams(data):
    """The content stream of each page, in the order the pages are written."""
    objects = {}
    for m in re.finditer(rb"(\d+) 0 obj(.*?)endobj", data, re.S):
        objects[int(m.group(1))] = m.group(2)
    out = []
    for num in sorted(objects):
        body = objects[num]
        if re.search(rb"/Type /Page\b(?!s)", body):
            c = re.search(rb"/Contents (\d+) 0 R", body)
            target = objects.get(int(c.group(1)), b"") if c else b""
            start = re.search(rb"stream\r?\n", target)
            out.append(zlib.decompress(target[start.end():target.rfind(b"endstream")]) if start else b"")
    return out


def rules(stream, page_height):
    """Stroked lines: (x0, y0, x1, y1, width, colour) in top-down coordinates."""
    out, width, colour, start = [], 1.0, (0, 0, 0), None
    for line in stream.split(b"\n"):
        p = line.split()
        if not p:
            continue
        op = p[-1]
        if op == b"w":
            width = float(p[0])
        elif op == b"RG":
            colour = tuple(round(float(x), 3) for x in p[:3])
        elif op == b"m":
            start = (float(p[0]), float(p[1]))
        elif op == b"l" and start:
            out.append((start[0], page_height - start[1], float(p[0]), page_height - float(p[1]), width, colour))
    return out


def sizes(data):
    out = set()
    for s in streams(data):
        for m in re.finditer(rb"/F\d+ ([\d.]+) Tf", s):
            out.add(float(m.group(1)))
    return out


class Word:
    def __init__(self, x0, y0, x1, y1, text, fonts, font_sizes):
        self.x0, self.y0, self.x1, self.y1, self.text = x0, y0, x1, y1, text
        h = y1 - y0
        best = None
        for a, d in fonts:
            for s in font_sizes:
                err = abs(h - (a - d) * s)
                if best is None or err < best[0]:
                    best = (err, a, s)
        _, a, self.size = best
        self.baseline = y0 + a * self.size


def words(pdf, fonts, font_sizes):
    out = subprocess.run(["pdftotext", "-bbox", pdf, "-"], capture_output=True, text=True, check=True).stdout
    pages = []
    for page in out.split("<page ")[1:]:
        ws = []
        for m in re.finditer(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>', page):
            x0, y0, x1, y1 = (float(m.group(i)) for i in range(1, 5))
            ws.append(Word(x0, y0, x1, y1, html.unescape(m.group(5)), fonts, font_sizes))
        pages.append(ws)
    return pages


class TextLine:
    def __init__(self, ws):
        ws.sort(key=lambda w: w.x0)
        self.words = ws
        self.text = "".join(w.text for w in ws)
        self.x0, self.x1 = ws[0].x0, ws[-1].x1
        self.baseline = ws[0].baseline
        self.size = max(w.size for w in ws)


def lines_of(ws):
    """Words on one baseline (within 1 pt: rows are 29 pt apart) make a line."""
    groups = []
    for w in sorted(ws, key=lambda w: w.baseline):
        if groups and abs(groups[-1][0].baseline - w.baseline) < 1:
            groups[-1].append(w)
        else:
            groups.append([w])
    return [TextLine(g) for g in groups]


def row_of(line):
    """The grid row of a line whose em box is centred in its row."""
    return (line.baseline - 0.88 * line.size - (PITCH - line.size) / 2 - TOP) / PITCH


def find(lines, part):
    for l in lines:
        if part in l.text:
            return l
    return None


def check_head(lines, page_rules):
    mark = max(lines, key=lambda l: l.size)
    near(mark.baseline - 0.88 * mark.size, TOP + 35 * MM, "标志: top edge 35 mm below the type area")
    near(mark.x0 - BINDING, BINDING + WIDTH - mark.x1, "标志: centred")
    red = [r for r in page_rules if r[5] == RED]
    check(len(red) == 1, "one red line on page 1")
    if not red:
        return None
    x0, y, x1, _, _, _ = red[0]
    near(x0, BINDING, "red line: starts at the type area's left")
    near(x1 - x0, WIDTH, "red line: the type area's width")
    number = find(lines, "签发人") or find(lines, "〔")  # a 上行文: the first 签发人 row
    check(number is not None, "发文字号 printed")
    if number:
        last = find(lines, "〔")
        near(y - (last.baseline + 0.12 * 16), 4 * MM, "red line: 4 mm under the 发文字号")
        near(number.baseline - 0.88 * 16 - (mark.baseline + 0.12 * mark.size), 2 * PITCH + (PITCH - 16) / 2,
             "发文字号: two empty rows under the 标志")
    copy = find(lines, "000001")
    check(copy is not None and abs(copy.x0 - BINDING) <= TOL, "份号 顶格 on the first row")
    return y


def check_title(lines, red_y):
    title = [l for l in lines if abs(l.size - 22) < 0.3]
    check(len(title) >= 1, "title in 2号 (22 pt)")
    for l in title:
        near(l.x0 - BINDING, BINDING + WIDTH - l.x1, f"title line centred: {l.text}")
        near(row_of(l), round(row_of(l)), f"title line on a grid row: {l.text}", TOL / PITCH)
        check(len(l.text) >= 2, f"title line of two characters or more: {l.text}")
    if title and red_y is not None:
        first_row_top = TOP + round(row_of(title[0])) * PITCH
        check(2 * PITCH - 0.01 <= first_row_top - red_y < 3 * PITCH, "title: two empty rows under the red line")


def body_lines(lines):
    return [l for l in lines if abs(l.size - 16) < 0.3 and l.baseline < TOP + HEIGHT]


def check_grid(pages, min_pages, min_lines):
    full_pages = full_lines = 0
    for n, lines in enumerate(pages[1:-1], start=2):  # pages 2 … n−1
        body = body_lines(lines)
        if len(body) < 22 or body[0].text.startswith("附件"):
            continue
        full_pages += 1
        check(len(body) == 22, f"page {n}: 22 lines (has {len(body)})")
        left = left_of(n)
        for k, l in enumerate(body):
            near(row_of(l), k, f"page {n} line {k + 1}: on row {k + 1}", 0.01)
            start = (l.x0 - left - (CELL - 16) / 2) / CELL
            # A line may open with a digit run centred in its half cells (a run-in "1.").
            slack = CELL / 4 if l.text[0].isascii() else 0
            check(abs(start - round(start)) * CELL <= TOL + slack, f"page {n} line {k + 1}: starts on a cell: {l.text}")
            indented_next = k + 1 < len(body) and body[k + 1].x0 > left + 1.5 * CELL
            if indented_next or k + 1 == len(body):
                continue
            right = l.x1
            if right > left + WIDTH + CELL / 2 and l.text[-1] in "。，、；：？！）》」』”’":
                right -= CELL  # a closing mark hung past the full line
            full_lines += 1
            near(right, left + WIDTH + (16 - CELL) / 2, f"page {n} line {k + 1}: ends on the right edge")
    check(full_pages >= min_pages, f"at least {min_pages} full pages (found {full_pages})")
    check(full_lines >= min_lines, f"at least {min_lines} full lines (found {full_lines})")
    measured.append(f"full pages checked: {full_pages}, full lines: {full_lines}")


def check_signature(pages, date_text, issuer):
    for n, lines in enumerate(pages, start=1):
        date = find(lines, date_text)
        if not date or abs(date.size - 16) > 0.3:
            continue
        left = left_of(n)
        near(date.x1, left + WIDTH - 4 * CELL + (16 - CELL) / 2, "成文日期: ends four cells from the right")
        name = [l for l in lines if l.text == issuer and abs(l.size - 16) < 0.3]
        check(len(name) == 1, "署名 printed over the date")
        if name:
            near((name[0].x0 + name[0].x1) / 2, (date.x0 + date.x1) / 2, "署名: centred over the date", CELL / 2 + TOL)
            near(date.baseline - name[0].baseline, PITCH, "署名: the row above the date", 0.05)
        return
    check(False, "成文日期 printed")


def check_record(pages, all_rules):
    n = len(pages)
    check(n == 1 or n % 2 == 0, f"版记 on an even last page (pages: {n})")
    black = sorted((r for r in all_rules[-1] if r[5] == (0, 0, 0)), key=lambda r: r[1])
    check(len(black) >= 2, "版记 rules on the last page")
    if black:
        near(black[-1][1], TOP + HEIGHT, "版记: last rule on the type area's foot")
        near(black[0][4], 0.35 * MM, "版记: first rule 0.35 mm", 0.02 * MM)
    left = left_of(n)
    lines = lines_of(pages[-1])
    printed = find(lines, "印发")
    check(printed is not None, "印发机关 and 印发日期 printed")
    if printed:
        near(printed.x0, left + 14, "印发机关: one character in from the left")
        near(printed.x1, left + WIDTH - 14, "印发日期: one character in from the right")
    cc = find(lines, "抄送：")
    check(cc is not None and abs(cc.x0 - left - 14) <= TOL, "抄送: one character in")


def check_folios(pages):
    for n, ws in enumerate(pages, start=1):
        lines = lines_of(ws)
        folio = [l for l in lines if l.text == f"—{n}—"]
        if not folio:
            continue
        f = folio[0]
        dash = f.words[0]
        near(dash.baseline - 0.38 * 14, TOP + HEIGHT + 7 * MM, f"folio {n}: dashes 7 mm under the type area")
        if n % 2 == 1:
            near(f.x1, left_of(n) + WIDTH - 14, f"folio {n}: right, one character in")
        else:
            near(f.x0, left_of(n) + 14, f"folio {n}: left, one character in")
    check(any(l.text == "—1—" for l in lines_of(pages[0])), "folio on page 1")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("pdf")
    parser.add_argument("--date", default="2026年3月12日", help="the 成文日期 as printed")
    parser.add_argument("--issuer", default="中共示例区委办公室", help="the 署名")
    parser.add_argument("--min-full-pages", type=int, default=2)
    parser.add_argument("--min-full-lines", type=int, default=30)
    args = parser.parse_args()
    pdf, date_text, issuer = args.pdf, args.date, args.issuer
    data = open(pdf, "rb").read()
    info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
    check("595.276 x 841.89 pts" in info, "A4 pages")
    fonts = descriptors(data)
    pages = words(pdf, fonts, sizes(data))
    contents = page_streams(data)
    all_rules = [rules(s, 841.89) for s in contents]
    check(len(all_rules) == len(pages), "one content stream per page")
    lines1 = lines_of(pages[0])
    red_y = check_head(lines1, all_rules[0])
    check_title(lines1, red_y)
    check_grid([lines_of(p) for p in pages], args.min_full_pages, args.min_full_lines)
    check_signature([lines_of(p) for p in pages], date_text, issuer)
    check_record(pages, all_rules)
    check_folios(pages)
    for m in measured:
        print(m)
    for f in failures:
        print("FAIL:", f)
    print(f"{len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
