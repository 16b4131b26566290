#!/usr/bin/python3
"""chuxin's typesetting check of a Chinese PDF, read back with poppler-utils
and qpdf the way a print shop would (stdlib only; run with /usr/bin/python3).

  check_pdf.py FILE.pdf [--min-flush PCT] [--min-bookmarks N] [--verbose]

Judged (the rules are spelled out in tests/README.md):
  * W3C clreq prohibitions: no line (nor a table cell's line) starts with a
    closing or middle mark (，。、；：？！）》」』”’ …) or ends with an opening
    mark (（《「『“‘ …); ——/…… never split across two lines;
  * every font embedded and subset (pdffonts);
  * the share of the justified lines that end flush with their column's right
    edge (pdftotext -bbox-layout), when --min-flush is given;
  * the number of bookmarks (qpdf --json), when --min-bookmarks is given.

Exit status: 0 all checks pass; 1 a check failed; 2 usage error, or a tool
this check needs (pdftotext, pdffonts, pdfinfo, qpdf) is missing or failed —
never a silent pass.
"""
import argparse
import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

# clreq §3.1.7 (and GB/T 15834): marks that may not start a line, marks that
# may not end one. ——/…… are handled apart: they may start a line (a display
# title's subtitle does) but never be split.
NO_LINE_START = set("，。、；：？！）》」』”’〉】〕〗〙］｝％%·～")
NO_LINE_END = set("（《「『“‘〈【〔〖〘［｛")
UNSPLITTABLE = "—…"

# A gap wider than this (in ems, an em being the line's height) between two
# words of one pdftotext line separates two pieces a reader sees apart: table
# cells side by side. Justification never spreads characters that far (a line
# under two-thirds full is left ragged, docs/handbook.md).
PIECE_GAP_EM = 0.6
# The justified-line measure (see tests/README.md).
BODY_MIN_HAN = 6          # a line of running text, not a label or a number
NEAR_EDGE_EM = 2.0        # ends this close to the edge: meant to be justified
FLUSH_TOLERANCE_PT = 0.5  # about 0.18 mm: less than a reader can see
# A 公文 (no squeeze) hangs a closing mark past a full line (标点溢出边界):
# the line is flush when, without that one mark, it ends on the edge.
HANGING_MARKS = "。，、；：？！）》」』”’"
EDGE_CLUSTER_PT = 0.5
DISPLAY_EM_RATIO = 1.25   # taller than this × the body's line: a title
MAX_PITCH_EM = 2.0        # next line of the same paragraph: at most this far down
NEW_PARAGRAPH_INDENT_EM = 0.5
LIST_MARKER = re.compile(r"^([•◦▪‣·●○■□☐☑✓✔\-–]|\d+[.．、)）]|[（(]\d+[)）]|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[)）])")
LEADER = re.compile(r"(\.\s*){4,}|(·\s*){4,}|…{3,}")


class ToolError(Exception):
    """A tool the check needs is missing or failed: the check cannot judge."""


@dataclass
class Word:
    x0: float
    x1: float
    text: str


@dataclass
class Line:
    x0: float
    y0: float
    x1: float
    y1: float
    words: list = field(default_factory=list)

    @property
    def text(self):
        return "".join(w.text for w in self.words)

    @property
    def em(self):
        return self.y1 - self.y0


def run_tool(*argv):
    try:
        done = subprocess.run(argv, capture_output=True)
    except FileNotFoundError:
        raise ToolError(f"{argv[0]} not found (install poppler-utils and qpdf, see .ci/packages)")
    if done.returncode != 0:
        raise ToolError(f"{' '.join(argv)} failed ({done.returncode}): "
                        + done.stderr.decode("utf-8", "replace").strip())
    return done.stdout.decode("utf-8", "replace")


# --- reading pdftotext -bbox-layout ---------------------------------------

def parse_bbox_layout(xhtml):
    """Pages, each a list of flows, each a list of Lines in pdftotext's order."""
    xhtml = re.sub(r"<!DOCTYPE[^>]*>", "", xhtml)
    xhtml = re.sub(r'\sxmlns="[^"]*"', "", xhtml)
    pages = []
    for page in ET.fromstring(xhtml).iter("page"):
        flows = []
        for flow in page.iter("flow"):
            lines = []
            for node in flow.iter("line"):
                words = [Word(float(w.get("xMin")), float(w.get("xMax")), w.text or "")
                         for w in node.iter("word")]
                lines.append(Line(float(node.get("xMin")), float(node.get("yMin")),
                                  float(node.get("xMax")), float(node.get("yMax")), words))
            flows.append(lines)
        pages.append(flows)
    return pages


def pieces(line):
    """The line cut where its words stand further apart than PIECE_GAP_EM."""
    out, current = [], []
    for word in line.words:
        if current and word.x0 - current[-1].x1 > PIECE_GAP_EM * line.em:
            out.append(current)
            current = []
        current.append(word)
    if current:
        out.append(current)
    return ["".join(w.text for w in p).strip() for p in out]


def han_count(text):
    return sum(1 for ch in text if "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff")


# --- clreq ------------------------------------------------------------------

def clreq_violations(pages):
    """(page number, what, where) for every prohibition broken."""
    found = []
    for number, flows in enumerate(pages, 1):
        for lines in flows:
            for i, line in enumerate(lines):
                for piece in pieces(line):
                    if not piece:
                        continue
                    if piece[0] in NO_LINE_START:
                        found.append((number, "line starts with " + piece[0], piece[:24]))
                    if piece[-1] in NO_LINE_END:
                        found.append((number, "line ends with " + piece[-1], piece[-24:]))
                if i + 1 < len(lines):
                    found += split_marks(number, line.text.strip(), lines[i + 1].text.strip())
    return found


def split_marks(number, text, next_text):
    found = []
    for mark in UNSPLITTABLE:
        run = len(text) - len(text.rstrip(mark))
        if run % 2 == 1 and next_text.startswith(mark):
            found.append((number, "split " + mark * 2, text[-6:] + " | " + next_text[:6]))
    return found


# --- justified lines ----------------------------------------------------------

def column_edge(lines):
    """The right edge most body lines of the page end on (the rightmost such
    edge when several are as common): where a reader sees the margin. None
    when no two lines agree (nothing justified to judge)."""
    ends = sorted(l.x1 for l in lines)
    best, best_count = None, 1
    for end in ends:
        count = sum(1 for e in ends if abs(e - end) <= EDGE_CLUSTER_PT)
        if count > best_count or (count == best_count and best is not None):
            best, best_count = end, count
    return best


def body_em(pages):
    """The height of the document's running text: the commonest height of
    its lines of Chinese text."""
    heights = {}
    for flows in pages:
        for lines in flows:
            for l in lines:
                if han_count(l.text) >= BODY_MIN_HAN:
                    key = round(l.em, 1)
                    heights[key] = heights.get(key, 0) + 1
    return max(heights, key=lambda h: (heights[h], -h), default=None)


def side_by_side(line, lines):
    """Whether another line stands level with `line` beside it: a table row
    (or columns), whose cells a reader does not take for a paragraph."""
    for other in lines:
        if other is line:
            continue
        level = min(line.y1, other.y1) - max(line.y0, other.y0) > 0.5 * min(line.em, other.em)
        apart = other.x0 >= line.x1 or other.x1 <= line.x0
        if level and apart:
            return True
    return False


def is_running_text(line, lines, em):
    """A line of a paragraph in the page's one text column: enough Chinese,
    one piece, no leaders (contents), not display-sized (titles), nothing
    level with it (tables)."""
    text = line.text
    return (han_count(text) >= BODY_MIN_HAN and len(pieces(line)) == 1
            and not LEADER.search(text) and line.em <= DISPLAY_EM_RATIO * em
            and not side_by_side(line, lines))


def next_line_below(line, lines):
    """The nearest line under `line` that shares some of its width."""
    below = [l for l in lines if l.y0 >= line.y0 + 0.5 * line.em
             and l.x0 < line.x1 and l.x1 > line.x0]
    return min(below, key=lambda l: l.y0, default=None)


def follows_closely(line, nxt):
    return nxt is not None and nxt.y1 - line.y1 <= MAX_PITCH_EM * line.em


def continues_paragraph(line, nxt, lines):
    """Whether a reader takes `nxt` for the next line of `line`'s paragraph:
    close below, not indented further (a new paragraph's indent), not a new
    list item. After a list item's first line the item's text may go on
    indented to the text after the marker — unless the line after `nxt`
    runs left of the marker: then `nxt` opens a paragraph after the list."""
    if not follows_closely(line, nxt):
        return False
    if LIST_MARKER.match(nxt.text.strip()):
        return False
    if not LIST_MARKER.match(line.text.strip()):
        return nxt.x0 <= line.x0 + NEW_PARAGRAPH_INDENT_EM * line.em
    if nxt.x0 > line.x0 + 3 * line.em:
        return False
    after = next_line_below(nxt, lines)
    return not (follows_closely(nxt, after) and after.x0 < line.x0 - 0.25 * line.em)


def han_pitch(lines):
    """The advance of one character in lines of Chinese only (a 公文's cell), or None."""
    pitches = sorted((l.x1 - l.x0) / len(l.text.strip()) for l in lines
                     if l.text.strip() and not any(c.isascii() for c in l.text.strip()))
    return pitches[len(pitches) // 2] if pitches else None


def justified_lines(pages):
    """(flush, judged, misses): misses are (page, distance to the edge, text)."""
    flush, judged, misses = 0, 0, []
    em = body_em(pages)
    for number, flows in enumerate(pages, 1):
        every = [l for lines in flows for l in lines]
        body = [l for l in every if is_running_text(l, every, em)]
        edge = column_edge(body)
        if edge is None:
            continue
        cell = han_pitch(body)
        for line in body:
            gap = edge - line.x1
            if abs(gap) > NEAR_EDGE_EM * line.em:
                continue
            if not continues_paragraph(line, next_line_below(line, every), every):
                continue
            judged += 1
            text = line.text.strip()
            hung = text and text[-1] in HANGING_MARKS and gap < 0
            if hung and cell:
                gap += cell  # the mark's full cell past the edge
            if abs(gap) <= FLUSH_TOLERANCE_PT:
                flush += 1
            else:
                misses.append((number, gap, line.text.strip()))
    return flush, judged, misses


# --- fonts and bookmarks --------------------------------------------------------

def font_problems(pdffonts_out):
    """(fonts listed, rows of those not embedded and subset). A row ends with
    the columns emb sub uni object-number generation; a long name may push
    them right, so they are read from the end."""
    fonts, bad = 0, []
    for row in pdffonts_out.splitlines()[2:]:
        cells = row.split()
        if not cells:
            continue
        fonts += 1
        emb, sub = (cells[-5], cells[-4]) if len(cells) >= 6 else ("?", "?")
        subset_name = re.match(r"^[A-Z]{6}\+", cells[0]) is not None
        if emb != "yes" or sub != "yes" or not subset_name:
            bad.append(row)
    return fonts, bad


def count_bookmarks(qpdf_json):
    def count(items):
        return sum(1 + count(item.get("kids", [])) for item in items)
    return count(json.loads(qpdf_json).get("outlines", []))


# --- the report -------------------------------------------------------------------

def check(pdf, min_flush=None, min_bookmarks=None, verbose=False, out=sys.stdout):
    """Prints the report; returns the exit status."""
    info = run_tool("pdfinfo", pdf)
    fonts, bad_fonts = font_problems(run_tool("pdffonts", pdf))
    pages = parse_bbox_layout(run_tool("pdftotext", "-bbox-layout", "-enc", "UTF-8", pdf, "-"))
    violations = clreq_violations(pages)
    flush, judged, misses = justified_lines(pages)
    bookmarks = count_bookmarks(run_tool("qpdf", "--json", "--json-key=outlines", pdf))
    share = 100.0 * flush / judged if judged else 100.0

    failed = []
    size = re.search(r"Page size:\s+(.*)", info)
    print(f"pages: {len(pages)}   size: {size.group(1).strip() if size else '?'}", file=out)
    print(f"fonts: {fonts}, not embedded+subset: {len(bad_fonts)}", file=out)
    for row in bad_fonts:
        print("  " + row, file=out)
    if bad_fonts or fonts == 0:
        failed.append("fonts")
    print(f"clreq violations: {len(violations)}", file=out)
    for number, what, where in violations[: None if verbose else 10]:
        print(f"  page {number}: {what}: {where}", file=out)
    if violations:
        failed.append("clreq")
    print(f"justified lines flush right: {flush}/{judged} ({share:.1f}%)", file=out)
    for number, gap, text in misses[: None if verbose else 10]:
        print(f"  page {number}: {gap:+.2f} pt from the edge: {text[-30:]}", file=out)
    if min_flush is not None and judged == 0:
        failed.append("no justified lines found to judge")
    elif min_flush is not None and share < min_flush:
        failed.append(f"flush share {share:.1f}% < {min_flush}%")
    print(f"bookmarks: {bookmarks}", file=out)
    if min_bookmarks is not None and bookmarks < min_bookmarks:
        failed.append(f"bookmarks {bookmarks} < {min_bookmarks}")
    if failed:
        print("FAILED: " + ", ".join(failed), file=out)
        return 1
    return 0


def main(argv=None):
    parser = argparse.ArgumentParser(description="typesetting check of a Chinese PDF")
    parser.add_argument("pdf")
    parser.add_argument("--min-flush", type=float, help="lowest share (%%) of justified lines flush right")
    parser.add_argument("--min-bookmarks", type=int, help="fewest bookmarks")
    parser.add_argument("--verbose", action="store_true", help="list every finding")
    args = parser.parse_args(argv)
    try:
        return check(args.pdf, args.min_flush, args.min_bookmarks, args.verbose)
    except ToolError as e:
        print(f"check_pdf.py: error: {e}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
