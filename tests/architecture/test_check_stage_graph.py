#!/usr/bin/env python3
"""The stage-graph check fails on a deliberate bad include, a cycle and an
undeclared folder, and passes on a clean tree (a small tree made here)."""
import os
import subprocess
import sys
import tempfile
import unittest

CHECK = os.path.join(os.path.dirname(os.path.abspath(__file__)), "check_stage_graph.py")

GRAPH = '''set(CHUXIN_STAGE_GRAPH
  "core:"
  "model:core"
  "layout:core"
  "pdf:core layout")
'''


def make_tree(root, graph=GRAPH, files=None):
    with open(os.path.join(root, "CMakeLists.txt"), "w", encoding="utf-8") as f:
        f.write(graph)
    files = files or {
        "src/core/a.h": '#pragma once\n#include <string>\n',
        "src/model/m.h": '#include "core/a.h"\n#include "model/other.h"\n',
        "src/layout/l.cpp": '#include "core/a.h"\n',
        "src/pdf/p.cpp": '#include "layout/l.h"\n#include "core/a.h"\n',
    }
    for rel, text in files.items():
        path = os.path.join(root, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)


def run(root):
    return subprocess.run([sys.executable, CHECK, root], capture_output=True, text=True)


class StageGraphCheck(unittest.TestCase):
    def test_clean_tree_passes(self):
        with tempfile.TemporaryDirectory() as root:
            make_tree(root)
            r = run(root)
            self.assertEqual(r.returncode, 0, r.stdout)

    def test_bad_include_fails_with_file_and_line(self):
        with tempfile.TemporaryDirectory() as root:
            make_tree(root)
            with open(os.path.join(root, "src/layout/l.cpp"), "a", encoding="utf-8") as f:
                f.write('\n#include "pdf/writer.h"\n')
            r = run(root)
            self.assertEqual(r.returncode, 1)
            self.assertIn("src/layout/l.cpp:3: includes pdf/…, but the stage 'layout' may see only: core", r.stdout)

    def test_cycle_fails(self):
        with tempfile.TemporaryDirectory() as root:
            make_tree(root, graph=GRAPH.replace('"layout:core"', '"layout:core pdf"'))
            r = run(root)
            self.assertEqual(r.returncode, 1)
            self.assertIn("cycle", r.stdout)

    def test_undeclared_folder_fails(self):
        with tempfile.TemporaryDirectory() as root:
            make_tree(root)
            os.makedirs(os.path.join(root, "src/search"))
            r = run(root)
            self.assertEqual(r.returncode, 1)
            self.assertIn("src/search/: a folder of src/ that is not a stage", r.stdout)


    def test_hand_link_fails(self):
        with tempfile.TemporaryDirectory() as root:
            make_tree(root)
            with open(os.path.join(root, "src/pdf/CMakeLists.txt"), "w", encoding="utf-8") as f:
                f.write("chuxin_link_stages(pdf)\ntarget_link_libraries(chuxin_pdf PUBLIC chuxin_model)\n")
            r = run(root)
            self.assertEqual(r.returncode, 1)
            self.assertIn("src/pdf/CMakeLists.txt:2: links chuxin_model by hand", r.stdout)


if __name__ == "__main__":
    unittest.main()
