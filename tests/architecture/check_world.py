#!/usr/bin/env python3
"""The handbook stages reach the outside only through the World
(src/core/world.h, docs/architecture.md "The World"): no file of src/layout,
src/handbook, src/pdf, src/fonts or src/site/handbooks.* reads files, asks
fontconfig, reads the clock or the environment, except the SystemWorld and the
fontconfig wrapper it uses. A line is checked without its // comment.

usage: check_world.py SOURCE_DIR     (exit 0: clean, 1: violations)"""
import os
import re
import sys

SCANNED = ["src/layout", "src/handbook", "src/pdf", "src/fonts", "src/site/handbooks.h", "src/site/handbooks.cpp"]
ALLOWED = {"src/fonts/system_world.h", "src/fonts/system_world.cpp", "src/fonts/fontconfig.h", "src/fonts/fontconfig.cpp"}
FORBIDDEN = [
    (re.compile(r"\b[io]?fstream\b|\bfopen\b|\bstd::filesystem\b|<filesystem>"), "reads or writes a file"),
    (re.compile(r"(_from_file|FromFile)\w*\s*\("), "loads a file by name"),
    (re.compile(r"\bFc[A-Z]\w*|<fontconfig/|\bFontCatalog\b"), "asks fontconfig"),
    (re.compile(r"\bstd::time\s*\(|\btime\s*\(\s*(nullptr|NULL|0)?\s*\)|_clock::now\b|\bgettimeofday\b|\bclock_gettime\b"),
     "reads the clock"),
    (re.compile(r"\b(secure_)?getenv\b"), "reads the environment"),
]


def files(source_dir):
    for entry in SCANNED:
        path = os.path.join(source_dir, entry)
        if os.path.isfile(path):
            yield entry
        for root, _, names in os.walk(path) if os.path.isdir(path) else []:
            for name in sorted(names):
                if name.endswith((".h", ".cpp")):
                    yield os.path.relpath(os.path.join(root, name), source_dir)


def violations(source_dir):
    out = []
    for rel in sorted(files(source_dir)):
        if rel in ALLOWED:
            continue
        with open(os.path.join(source_dir, rel), encoding="utf-8") as f:
            for number, line in enumerate(f, 1):
                code = line.split("//", 1)[0]
                for pattern, what in FORBIDDEN:
                    if pattern.search(code):
                        out.append(f"{rel}:{number}: {what} outside the World: {line.strip()}")
    return out


def main():
    problems = violations(sys.argv[1])
    for p in problems:
        print(p)
    if problems:
        print("hint: ask the World (src/core/world.h) instead; only fonts::SystemWorld touches the system")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
