#!/usr/bin/python3
"""No character of the text is lost (issue 13 §4): every paragraph and table
cell that python-docx reads from DOCX must be in the imported MD, markup
aside — except the title, which is MD's `title`, and the header lines
(时间：…, 地点：…) and the date line under the title, which became fields.

usage: check_text.py DOCX MD    exit 0: all there; 1: what is missing is printed
"""
import re
import sys

from docx import Document
from docx.oxml.ns import qn

HEADER_LABELS = ("时间", "会议时间", "日期", "地点", "会议地点", "主持人", "主持", "记录人", "应到", "实到", "出席",
                 "缺席", "请假", "会议类型", "列席", "参加人员")


def squash(text):
    return re.sub(r"\s+", "", text.replace("\u3000", " "))


def markdown_text(md):
    front, body = "", md
    if md.startswith("---\n"):
        end = md.index("\n---\n", 4)
        front, body = md[4:end], md[end + 5:]
    body = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", body)           # images
    body = re.sub(r"\[\^\d+\]:?", "", body)                     # footnote marks
    body = re.sub(r"(?<!\\)\[([^\]]*)\]\([^)]*\)", r"\1", body)  # links
    body = re.sub(r"^#+ ", "", body, flags=re.M)                # headings
    body = re.sub(r"^\|(---\|)+$", "", body, flags=re.M)        # table rule
    body = body.replace("**", "").replace("|", "")
    body = re.sub(r"(?<!\\)\*", "", body)
    body = re.sub(r"\\(.)", r"\1", body)                        # escapes
    body = body.replace("\\\n", "")
    title = re.search(r'^title: "(.*)"$', front, flags=re.M)
    return squash(body), title.group(1) if title else ""


MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


def inside(t, element, tags):
    node = t.getparent()
    while node is not None and node is not element:
        if node.tag in tags:
            return True
        node = node.getparent()
    return False


def text_of(element):
    """Every w:t under the element (python-docx's .text leaves out
    hyperlinks), but not a text box's (its own paragraph) nor the VML
    fallback's copy of it."""
    skip = (MC_FALLBACK, qn("w:txbxContent"))
    return "".join(t.text or "" for t in element.iter(qn("w:t")) if not inside(t, element, skip))


def text_boxes(element):
    for box in element.iter(qn("w:txbxContent")):
        if not inside(box, element, (MC_FALLBACK,)):
            yield text_of(box)


def docx_texts(path):
    doc = Document(path)
    for p in doc.paragraphs:
        yield text_of(p._p)
        yield from text_boxes(p._p)
    for table in doc.tables:
        # A header table (时间 | … | 地点 | …) became fields: checked by the test.
        if squash(text_of(table.rows[0].cells[0]._tc)).startswith(HEADER_LABELS):
            continue
        for row in table.rows:
            for cell in row.cells:
                yield text_of(cell._tc)


def main():
    docx_path, md_path = sys.argv[1], sys.argv[2]
    with open(md_path, encoding="utf-8") as f:
        body, title = markdown_text(f.read())
    missing = []
    for text in docx_texts(docx_path):
        t = squash(text)
        if not t or t in body or t == squash(title):
            continue
        if t.startswith(HEADER_LABELS) or re.fullmatch(r"[（(]?\d{4}年\d{1,2}月\d{1,2}日[）)]?", t):
            continue
        missing.append(text)
    for m in missing:
        print("missing from %s: %r" % (md_path, m))
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
