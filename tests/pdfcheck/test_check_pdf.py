#!/usr/bin/python3
"""The checker's own tests: each rule fires on a known fault and stays quiet
without one, on hand-written pdftotext/pdffonts/qpdf output and on small PDFs
written by chuxin's PDF backend (pdfcheck_samples).
  test_check_pdf.py PATH/TO/pdfcheck_samples"""
import io
import os
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import check_pdf  # noqa: E402

SAMPLES_TOOL = None  # set from argv in __main__


def bbox_xhtml(pages):
    """pdftotext -bbox-layout output for `pages`: each a list of lines
    (x0, y0, x1, y1, [words]) in one flow; a word is text, or (x0, x1, text)."""
    out = ['<!DOCTYPE html><html xmlns="http://www.w3.org/1999/xhtml"><body><doc>']
    for lines in pages:
        out.append('<page width="420" height="595"><flow><block>')
        for x0, y0, x1, y1, words in lines:
            out.append(f'<line xMin="{x0}" yMin="{y0}" xMax="{x1}" yMax="{y1}">')
            for w in words:
                wx0, wx1, text = w if isinstance(w, tuple) else (x0, x1, w)
                out.append(f'<word xMin="{wx0}" yMin="{y0}" xMax="{wx1}" yMax="{y1}">{text}</word>')
            out.append('</line>')
        out.append('</block></flow></page>')
    out.append('</doc></body></html>')
    return "".join(out)


HAN = "学习贯彻党的理论创新成果坚持学思用贯通知信行统一推动工作"  # 28


def paragraph(top, right=362.0, left=42.0, lines=4, short=None):
    """A justified paragraph of 10.5 pt lines (height 11, pitch 17): first
    line indented 2 em, the last one short; `short` = {index: xMax}."""
    out = []
    for i in range(lines):
        y0 = top + 17 * i
        x0 = left + 21 if i == 0 else left
        x1 = right if i + 1 < lines else left + 120
        x1 = (short or {}).get(i, x1)
        out.append((x0, y0, x1, y0 + 11, [HAN]))
    return out


class Clreq(unittest.TestCase):
    def violations(self, lines):
        return check_pdf.clreq_violations(check_pdf.parse_bbox_layout(bbox_xhtml([lines])))

    def test_clean_text_has_none(self):
        self.assertEqual(self.violations(paragraph(60)), [])

    def test_line_starting_with_a_closing_mark(self):
        lines = paragraph(60)
        lines[1] = (42, 77, 362, 88, ["，" + HAN])
        found = self.violations(lines)
        self.assertEqual([v[1] for v in found], ["line starts with ，"])

    def test_line_ending_with_an_opening_mark(self):
        lines = paragraph(60)
        lines[0] = (63, 60, 362, 71, [HAN + "《"])
        self.assertEqual([v[1] for v in self.violations(lines)], ["line ends with 《"])

    def test_a_table_cell_starting_with_a_mark_beside_another(self):
        # One pdftotext line, two cells 2 em apart: the second starts with '。'.
        line = (42, 60, 362, 71, [(42, 150, "学习贯彻党的理论"), (172, 362, "。创新成果坚持学")])
        self.assertEqual([v[1] for v in self.violations([line])], ["line starts with 。"])

    def test_split_dash_and_ellipsis(self):
        for mark in "—…":
            lines = [(42, 60, 362, 71, [HAN + mark]), (42, 77, 200, 88, [mark + HAN])]
            self.assertEqual([v[1] for v in self.violations(lines)], ["split " + mark * 2], mark)

    def test_whole_dash_at_line_end_is_fine(self):
        lines = [(42, 60, 362, 71, [HAN + "——"]), (42, 77, 200, 88, ["——" + HAN])]
        self.assertEqual(self.violations(lines), [])


class Justified(unittest.TestCase):
    def measure(self, *pages):
        return check_pdf.justified_lines(check_pdf.parse_bbox_layout(bbox_xhtml(pages)))

    def test_flush_paragraphs_count_every_non_final_line(self):
        flush, judged, misses = self.measure(paragraph(60) + paragraph(140))
        self.assertEqual((flush, judged, misses), (6, 6, []))

    def test_a_short_middle_line_is_a_miss(self):
        flush, judged, misses = self.measure(paragraph(60, short={1: 352.0}) + paragraph(140))
        self.assertEqual((flush, judged), (5, 6))
        self.assertEqual(misses[0][:2], (1, 10.0))

    def test_an_overfull_line_is_a_miss(self):
        flush, judged, _ = self.measure(paragraph(60, short={2: 364.0}) + paragraph(140))
        self.assertEqual((flush, judged), (5, 6))

    def test_a_final_line_near_the_edge_is_not_judged(self):
        # The last line happens to end 1 em short; the next paragraph's
        # indented first line tells the reader it is a paragraph's end.
        flush, judged, _ = self.measure(paragraph(60, short={3: 351.5}) + paragraph(128))
        self.assertEqual((flush, judged), (6, 6))

    def test_a_new_list_item_ends_the_line_before(self):
        lines = [(48, 60, 351, 71, ["•" + HAN]), (48, 77, 362, 88, ["•" + HAN]),
                 (63, 94, 362, 105, [HAN]), (63, 111, 200, 122, [HAN])]
        # The first item's line (11 pt short) is its last; the second item's
        # two lines are judged.
        self.assertEqual(self.measure(lines), (2, 2, []))

    def test_a_paragraph_after_a_list_ends_the_last_item(self):
        # The item's last line ends 1 em short; the paragraph after it opens
        # where the item's text would go on, then runs left of the marker.
        lines = [(48, 60, 351, 71, ["•" + HAN]), (63, 77, 362, 88, [HAN]),
                 (42, 94, 362, 105, [HAN]), (42, 111, 200, 122, [HAN])]
        self.assertEqual(self.measure(lines), (2, 2, []))  # the paragraph's lines only

    def test_table_rows_and_titles_are_not_judged(self):
        cells = [(42, 200 + 17 * i, 150, 209 + 17 * i, ["学习贯彻党的理论"]) for i in range(3)]
        cells += [(160, 200 + 17 * i, 355, 209 + 17 * i, ["学习贯彻党的理论创新"]) for i in range(3)]
        title = [(60, 30, 340, 49, [HAN[:12]]), (70, 52, 360, 71, [HAN[:14]])]
        flush, judged, _ = self.measure(title + paragraph(80) + cells)
        self.assertEqual((flush, judged), (3, 3))

    def test_the_edge_is_where_the_lines_line_up_not_the_outermost(self):
        # One line sticks out 8 pt: it is the miss, the others stay flush.
        flush, judged, misses = self.measure(paragraph(60, short={1: 370.0}) + paragraph(140))
        self.assertEqual((flush, judged), (5, 6))
        self.assertAlmostEqual(misses[0][1], -8.0)


class Fonts(unittest.TestCase):
    HEADER = ("name                                 type              encoding         emb sub uni object ID\n"
              "------------------------------------ ----------------- ---------------- --- --- --- ---------\n")

    def test_embedded_subset_fonts_pass(self):
        out = self.HEADER + ("QXGJHW+WenQuanYiMicroHei-TrimmedMarks CID TrueType      Identity-H       yes yes yes    214  0\n"
                             "ABCDEF+ARPLUMingCN                   CID TrueType      Identity-H       yes yes yes     12  0\n")
        self.assertEqual(check_pdf.font_problems(out), (2, []))

    def test_a_font_not_embedded_or_not_subset_is_reported(self):
        rows = ["Helvetica                            Type 1            Custom           no  no  no       5  0",
                "ARPLUMingCN                          CID TrueType      Identity-H       yes no  yes     12  0",
                "ABCDEF+Song                          CID TrueType      Identity-H       yes no  yes     13  0"]
        fonts, bad = check_pdf.font_problems(self.HEADER + "\n".join(rows) + "\n")
        self.assertEqual((fonts, bad), (3, rows))


class Bookmarks(unittest.TestCase):
    def test_nested_outlines_are_counted(self):
        j = '{"outlines": [{"title": "a", "kids": [{"title": "b", "kids": []}, {"title": "c"}]}, {"title": "d"}]}'
        self.assertEqual(check_pdf.count_bookmarks(j), 4)


class MissingTools(unittest.TestCase):
    def test_a_missing_tool_fails_the_check(self):
        with tempfile.TemporaryDirectory() as empty:
            done = subprocess.run([sys.executable, check_pdf.__file__, "whatever.pdf"],
                                  env={"PATH": empty}, capture_output=True, text=True)
        self.assertEqual(done.returncode, 2)
        self.assertIn("pdfinfo not found", done.stderr)


class SamplePdfs(unittest.TestCase):
    """PDFs written by chuxin's backend, read back by the real tools."""

    @classmethod
    def setUpClass(cls):
        cls.dir = tempfile.TemporaryDirectory()
        subprocess.run([SAMPLES_TOOL, cls.dir.name], check=True)

    @classmethod
    def tearDownClass(cls):
        cls.dir.cleanup()

    def check(self, name, *args):
        report = io.StringIO()
        status = check_pdf.check(os.path.join(self.dir.name, name), *args, out=report)
        return status, report.getvalue()

    def test_clean_sample_passes(self):
        status, report = self.check("clean.pdf", 100, 1)
        self.assertEqual(status, 0, report)
        self.assertIn("justified lines flush right: 6/6", report)
        self.assertIn("bookmarks: 1", report)

    def test_each_fault_is_found(self):
        for name, finding in [("line-start-comma.pdf", "line starts with ，"),
                              ("line-end-bracket.pdf", "line ends with （"),
                              ("split-dash.pdf", "split ——")]:
            status, report = self.check(name)
            self.assertEqual(status, 1, report)
            self.assertIn(finding, report, name)

    def test_a_ragged_middle_line_lowers_the_share(self):
        status, report = self.check("ragged-middle.pdf", 100)
        self.assertEqual(status, 1, report)
        self.assertIn("justified lines flush right: 2/3", report)

    def test_a_floor_with_nothing_to_judge_fails(self):
        status, report = self.check("split-dash.pdf", 50)
        self.assertIn("no justified lines found to judge", report)

    def test_too_few_bookmarks_fail(self):
        status, report = self.check("clean.pdf", None, 2)
        self.assertEqual(status, 1, report)


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit("usage: test_check_pdf.py PATH/TO/pdfcheck_samples")
    SAMPLES_TOOL = sys.argv.pop(1)
    unittest.main()
