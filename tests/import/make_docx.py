#!/usr/bin/python3
"""Writes the .docx fixtures of tests/import into OUT_DIR, the way Word and
WPS users write them, with python-docx (Debian python3-docx):

  minutes_lines.docx   a meeting record: a centred title, the header block as
                       lines (full- and half-width colons, two fields on one
                       line), plain-paragraph numbering 一、（一）1．（1）, a
                       run-on level-3 heading, bold/italic/underline, a
                       hyperlink, an image, a table with merged cells
  minutes_table.docx   WPS habits: styles named 标题 1 / 标题 2, the header
                       block in a table, 缺席 with reasons
  notice_styles.docx   a notice with Heading 1/2 styles, a 落款 date
  checklist_table.docx a 整改清单 as a table (问题 | 措施 | 责任人 | 时限 | 完成情况)
  studylist_table.docx a 自学内容清单 as a table (篇目 | 类别 | 必读/选读 | 学时)
  hostile/*            files that must be refused (zip-slip, a zip bomb,
                       broken XML, a DOCTYPE, not a zip, an old .doc)

usage: make_docx.py OUT_DIR
"""
import io
import os
import struct
import sys
import zipfile
import zlib

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt


def tiny_png():
    """A 2×2 red PNG, made by hand (no imaging library needed)."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    raw = b"".join(b"\x00" + b"\xff\x00\x00" * 2 for _ in range(2))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 2, 2, 8, 2, 0, 0, 0)) +
            chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def title(doc, text):
    p = doc.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    r = p.add_run(text)
    r.font.size = Pt(22)
    r.bold = True
    return p


def hyperlink(paragraph, url, text):
    rid = paragraph.part.relate_to(url, "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink",
                                   is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rid)
    run = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = text
    run.append(t)
    link.append(run)
    paragraph._p.append(link)


def minutes_lines(path):
    doc = Document()
    title(doc, "区委机关第一党支部2026年5月主题党日活动记录")
    doc.add_paragraph("时间：2026年5月12日（星期二）14:30—16:30")
    doc.add_paragraph("地点:区委机关三楼会议室")
    doc.add_paragraph("主持人：陈某\u3000\u3000记录人：王某")
    doc.add_paragraph("应到人数：18人")
    doc.add_paragraph("实到人数：16人")
    doc.add_paragraph("缺席人员：张某（出差）、李某（病假）")
    doc.add_paragraph("列席人员：机关党委组织委员刘某")
    doc.add_paragraph("")
    doc.add_paragraph("一、学习内容")
    p = doc.add_paragraph("集中学习")
    r = p.add_run("《中国共产党章程》")
    r.bold = True
    p.add_run("总纲，由党员李某领学。大家结合")
    r = p.add_run("办文办会")
    r.italic = True
    p.add_run("工作谈体会，")
    r = p.add_run("做到学思用贯通")
    r.underline = True
    p.add_run("。学习材料见")
    hyperlink(p, "https://www.12371.cn/", "共产党员网")
    p.add_run("。")
    doc.add_paragraph("（一）领学情况")
    doc.add_paragraph("\u3000\u3000李某领学党章总纲，重点讲解了党员的八项义务。")
    doc.add_paragraph("1．加强理论学习。全体党员要对照自学内容清单制定个人计划，每周自学不少于4小时。")
    doc.add_paragraph("2. 交流研讨")
    doc.add_paragraph("（1）青年党员刘某某发言")
    doc.add_paragraph("(2)老党员赵某发言")
    doc.add_paragraph("二、会议决定")
    doc.add_paragraph("会议决定本月起各党小组每月组织1次学习交流，增长1.5倍的学习时长。")
    table = doc.add_table(rows=3, cols=3)
    cells = [["事项", "责任人", "时限"], ["补学党章", "张某", "5月31日"], ["提交笔记", "", "6月5日"]]
    for r_i, row in enumerate(cells):
        for c_i, text in enumerate(row):
            table.cell(r_i, c_i).text = text
    # 张某 answers for both rows: the cells are merged down, as Word users do.
    merged = table.cell(1, 1).merge(table.cell(2, 1))
    merged.text = "张某"
    doc.add_paragraph("活动照片：")
    doc.add_picture(io.BytesIO(tiny_png()))
    doc.add_paragraph("记录人：王某（签字）")
    doc.save(path)


def minutes_table(path):
    doc = Document()
    # WPS names its heading styles 标题 1, 标题 2.
    for level in (1, 2):
        style = doc.styles.add_style("标题 %d" % level, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = doc.styles["Normal"]
        ppr = style.element.get_or_add_pPr()
        outline = OxmlElement("w:outlineLvl")
        outline.set(qn("w:val"), str(level - 1))
        ppr.append(outline)
    title(doc, "明德社区党支部委员会会议记录")
    table = doc.add_table(rows=4, cols=4)
    rows = [["会议时间", "2026年6月2日 9:00-11:00", "会议地点", "社区党群服务中心"],
            ["主持人", "周某", "记录人", "吴某"],
            ["应到人数", "5人", "实到人数", "4人"],
            ["缺席人员", "郑某(病假)", "会议类型", "支部委员会"]]
    for r_i, row in enumerate(rows):
        for c_i, text in enumerate(row):
            table.cell(r_i, c_i).text = text
    doc.add_paragraph("研究第二季度党课安排", style="标题 1")
    doc.add_paragraph("会议研究了第二季度党课安排，确定由支部书记周某讲授专题党课。")
    doc.add_paragraph("议定事项", style="标题 2")
    doc.add_paragraph("党课于6月下旬在社区党群服务中心举行，全体党员参加。")
    doc.save(path)


def notice_styles(path):
    doc = Document()
    title(doc, "关于开展2026年度“七一”主题党日活动的通知")
    doc.add_paragraph("各党支部：")
    doc.add_paragraph("为庆祝中国共产党成立105周年，经研究，决定在全区机关开展主题党日活动。现将有关事项通知如下。")
    doc.add_heading("活动安排", level=1)
    doc.add_paragraph("各党支部于6月下旬组织党员重温入党誓词，开展一次专题学习。")
    doc.add_heading("有关要求", level=2)
    p = doc.add_paragraph("活动结束后，请将")
    r = p.add_run("活动记录")
    r.bold = True
    p.add_run("报区委机关党委。")
    p = doc.add_paragraph("中共示例区委机关工作委员会")
    p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    p = doc.add_paragraph("2026年6月10日")
    p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    doc.save(path)


def table_doc(path, heading, rows, closing=None):
    doc = Document()
    title(doc, heading)
    table = doc.add_table(rows=len(rows), cols=len(rows[0]))
    for r_i, row in enumerate(rows):
        for c_i, text in enumerate(row):
            table.cell(r_i, c_i).text = text
    if closing:
        doc.add_paragraph(closing)
    doc.save(path)


def checklist_table(path):
    table_doc(path, "2026年专题组织生活会检视问题整改清单", [
        ["序号", "存在问题", "整改措施", "责任人", "整改时限", "完成情况", "完成时间"],
        ["1", "理论学习不够系统深入", "制定个人自学计划，每周自学不少于4小时", "李某", "2026年6月底", "已销号", "2026年6月20日"],
        ["2", "联系服务群众不够经常", "每月走访网格不少于2次", "王某", "长期坚持", "整改中", ""],
        ["3", "“三会一课”记录不规范", "统一会议记录模板", "陈某", "2026年5月31日", "未整改", ""],
    ], "中共明德社区支部委员会")


def studylist_table(path):
    table_doc(path, "2026年第三季度自学内容清单", [
        ["序号", "学习篇目", "类别", "必读/选读", "学时"],
        ["1", "《中国共产党章程》", "原著", "必读", "4"],
        ["2", "《习近平谈治国理政》第四卷", "原著", "选读", "6学时"],
    ])


def hostile(folder):
    os.makedirs(folder, exist_ok=True)
    good = io.BytesIO()
    Document().save(good)
    with zipfile.ZipFile(good) as z:
        parts = {n: z.read(n) for n in z.namelist()}

    def write(name, entries, method=zipfile.ZIP_DEFLATED):
        with zipfile.ZipFile(os.path.join(folder, name), "w", method) as z:
            for n, data in entries.items():
                z.writestr(n, data)

    write("traversal.docx", dict(parts, **{"../../evil.txt": b"owned"}))
    write("bomb.docx", dict(parts, **{"word/media/image1.png": b"\0" * (300 << 20)}))
    write("broken.docx", dict(parts, **{"word/document.xml": b"<w:document xmlns:w='x'><w:body><w:p></w:body>"}))
    doctype = (b'<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa">'
               b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>' + parts["word/document.xml"].split(b"?>", 1)[1])
    write("doctype.docx", dict(parts, **{"word/document.xml": doctype}))
    write("spreadsheet.docx", {"[Content_Types].xml": parts["[Content_Types].xml"], "xl/workbook.xml": b"<workbook/>"})
    with open(os.path.join(folder, "text.docx"), "w") as f:
        f.write("这不是Word文档，是改了扩展名的文本文件。\n")
    with open(os.path.join(folder, "old.doc"), "wb") as f:
        f.write(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" + b"\0" * 504)


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    minutes_lines(os.path.join(out, "minutes_lines.docx"))
    minutes_table(os.path.join(out, "minutes_table.docx"))
    notice_styles(os.path.join(out, "notice_styles.docx"))
    checklist_table(os.path.join(out, "checklist_table.docx"))
    studylist_table(os.path.join(out, "studylist_table.docx"))
    hostile(os.path.join(out, "hostile"))


if __name__ == "__main__":
    main()
