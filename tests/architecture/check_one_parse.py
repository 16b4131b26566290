#!/usr/bin/python3
"""Every Markdown body is parsed once per build, by the markdown stage
(docs/architecture.md, "One document per page"): a cmark-gfm parse entry point
may appear only in src/markdown/render.cpp, and other stages include only the
markdown stage's public headers, never its internals (an owner of a parser,
the anchor rules …) to parse again.

    check_one_parse.py <repository root>
"""
import pathlib
import re
import sys

PARSE_CALLS = re.compile(r"\b(cmark_parser_new(_with_mem)?|cmark_parse_document|cmark_parse_file|cmark_markdown_to_html)\s*\(")
PARSER_HOME = "src/markdown/render.cpp"
PUBLIC_HEADERS = {"markdown/markdown.h", "markdown/document.h", "markdown/refs.h"}
INCLUDE = re.compile(r'^\s*#\s*include\s+"(markdown/[^"]+)"', re.M)


def without_comments(text):
    text = re.sub(r"/\*.*?\*/", " ", text, flags=re.S)
    return re.sub(r"//[^\n]*", " ", text)


def problems(root):
    found = []
    for path in sorted((root / "src").rglob("*")):
        if path.suffix not in (".cpp", ".h"):
            continue
        rel = path.relative_to(root).as_posix()
        text = path.read_text(encoding="utf-8")
        code = without_comments(text)
        for m in PARSE_CALLS.finditer(code):
            if rel != PARSER_HOME:
                line = code[: m.start()].count("\n") + 1
                found.append(f"{rel}:{line}: {m.group(1)}: Markdown is parsed only by the markdown stage "
                             f"({PARSER_HOME}); read its markdown::Document instead")
        if rel.startswith("src/markdown/"):
            continue
        for m in INCLUDE.finditer(code):
            if m.group(1) not in PUBLIC_HEADERS:
                line = code[: m.start()].count("\n") + 1
                found.append(f"{rel}:{line}: includes {m.group(1)}, an internal of the markdown stage; "
                             f"use {', '.join(sorted(PUBLIC_HEADERS))}")
    return found


def main():
    root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else ".")
    found = problems(root)
    for p in found:
        print(p)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
