#!/usr/bin/env python3
"""The World check fails on a file read, a fontconfig call, a clock read and
an environment read in a handbook stage, and passes on the allowed files and
on comments (a small tree made here)."""
import os
import subprocess
import sys
import tempfile
import unittest

CHECK = os.path.join(os.path.dirname(os.path.abspath(__file__)), "check_world.py")

CLEAN = {
    "src/fonts/system_world.cpp": "#include <fstream>\nstd::ifstream in(path);\n",
    "src/fonts/fontconfig.cpp": "FcConfig* c = FcInitLoadConfigAndFonts();\n",
    "src/layout/image.cpp": "// was: std::ifstream in(path);\nauto bytes = world.read_file(path);\n",
    "src/html/page.cpp": "std::ifstream in(path);  // not a handbook stage\n",
}


def run(files):
    with tempfile.TemporaryDirectory() as root:
        for rel, text in files.items():
            path = os.path.join(root, rel)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
        return subprocess.run([sys.executable, CHECK, root], capture_output=True, text=True)


class WorldCheck(unittest.TestCase):
    def test_clean_tree_passes(self):
        r = run(CLEAN)
        self.assertEqual(r.returncode, 0, r.stdout)

    def test_each_way_out_fails(self):
        for rel, line, what in [
            ("src/layout/image.cpp", "std::ifstream in(path);", "reads or writes a file"),
            ("src/pdf/images.cpp", "HPDF_LoadPngImageFromFile(pdf, p);", "loads a file by name"),
            ("src/fonts/font_set.cpp", "FcPattern* p = FcPatternCreate();", "asks fontconfig"),
            ("src/fonts/font_set.cpp", "FontCatalog catalog;", "asks fontconfig"),
            ("src/handbook/handbook.cpp", "long long t = std::time(nullptr);", "reads the clock"),
            ("src/site/handbooks.cpp", 'const char* e = std::getenv("SOURCE_DATE_EPOCH");', "reads the environment"),
        ]:
            r = run(dict(CLEAN, **{rel: line + "\n"}))
            self.assertEqual(r.returncode, 1, rel)
            self.assertIn(f"{rel}:1: {what}", r.stdout)


if __name__ == "__main__":
    unittest.main()
