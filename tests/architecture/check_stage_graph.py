#!/usr/bin/env python3
"""Checks every #include of src/ against the stage graph declared in the top
CMakeLists.txt (CHUXIN_STAGE_GRAPH): a file of src/<stage>/ may include its
own stage's headers and those of the stages the graph lets <stage> see, no
others; each stage's target is linked to its stages by chuxin_link_stages
(from the graph), never by hand. Also fails when the graph has a cycle, names a stage twice, or a
folder of src/ is not in it.

usage: check_stage_graph.py SOURCE_DIR     (exit 0: clean, 1: violations)"""
import os
import re
import sys

GRAPH_BLOCK = re.compile(r"set\(CHUXIN_STAGE_GRAPH\s+(.*?)\)", re.S)
ENTRY = re.compile(r'"([a-z_]+):([a-z_ ]*)"')
INCLUDE = re.compile(r'^[ \t]*#[ \t]*include\s+"([a-z_]+)/[^"]+"', re.M)


def read_graph(source_dir):
    with open(os.path.join(source_dir, "CMakeLists.txt"), encoding="utf-8") as f:
        block = GRAPH_BLOCK.search(f.read())
    if not block:
        raise SystemExit("CMakeLists.txt declares no CHUXIN_STAGE_GRAPH")
    graph, problems = {}, []
    for stage, deps in ENTRY.findall(block.group(1)):
        if stage in graph:
            problems.append(f"CMakeLists.txt: stage '{stage}' is declared twice in CHUXIN_STAGE_GRAPH")
        graph[stage] = set(deps.split())
    return graph, problems


def cycle_problems(graph):
    problems, state = [], {}

    def visit(stage, path):
        state[stage] = "open"
        for dep in sorted(graph.get(stage, ())):
            if dep not in graph:
                problems.append(f"CMakeLists.txt: stage '{stage}' sees '{dep}', which is not a stage")
            elif state.get(dep) == "open":
                problems.append("CMakeLists.txt: the stage graph has a cycle: " + " → ".join(path + [dep]))
            elif dep not in state:
                visit(dep, path + [dep])
        state[stage] = "done"

    for stage in sorted(graph):
        if stage not in state:
            visit(stage, [stage])
    return problems


def include_problems(source_dir, graph):
    problems = []
    src = os.path.join(source_dir, "src")
    for stage in sorted(os.listdir(src)):
        folder = os.path.join(src, stage)
        if not os.path.isdir(folder):
            continue
        if stage not in graph:
            problems.append(f"src/{stage}/: a folder of src/ that is not a stage of CHUXIN_STAGE_GRAPH")
            continue
        for root, _, files in os.walk(folder):
            for name in sorted(files):
                if not name.endswith((".h", ".cpp", ".hpp", ".cc")):
                    continue
                path = os.path.join(root, name)
                with open(path, encoding="utf-8") as f:
                    text = f.read()
                for m in INCLUDE.finditer(text):
                    seen = m.group(1)
                    if seen == stage or seen in graph[stage] or seen not in graph:
                        continue
                    line = text.count("\n", 0, m.start()) + 1
                    rel = os.path.relpath(path, source_dir)
                    allowed = ", ".join(sorted(graph[stage])) or "none"
                    problems.append(f"{rel}:{line}: includes {seen}/…, but the stage '{stage}' may see only: "
                                    f"{allowed} (CHUXIN_STAGE_GRAPH in CMakeLists.txt)")
    return problems


HAND_LINK = re.compile(r"target_link_libraries\(([^)]*)\)", re.S)


def link_problems(source_dir, graph):
    """Each stage's CMakeLists.txt links its stages through
    chuxin_link_stages (so the targets are the graph) and none by hand."""
    problems = []
    for stage in sorted(graph):
        path = os.path.join(source_dir, "src", stage, "CMakeLists.txt")
        if not os.path.exists(path):
            continue
        with open(path, encoding="utf-8") as f:
            text = f.read()
        if f"chuxin_link_stages({stage}" not in text:
            problems.append(f"src/{stage}/CMakeLists.txt: does not call chuxin_link_stages({stage})")
        for m in HAND_LINK.finditer(text):
            args = m.group(1).split()
            for other in args[1:]:
                dep = other[len("chuxin_"):] if other.startswith("chuxin_") else None
                if dep in graph and dep != stage:  # a stage's second target may link its first
                    line = text.count("\n", 0, m.start()) + 1
                    problems.append(f"src/{stage}/CMakeLists.txt:{line}: links {other} by hand; "
                                    "stages are linked by chuxin_link_stages from CHUXIN_STAGE_GRAPH")
    return problems


def main():
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    source_dir = sys.argv[1]
    graph, problems = read_graph(source_dir)
    problems += cycle_problems(graph)
    problems += include_problems(source_dir, graph)
    problems += link_problems(source_dir, graph)
    for p in problems:
        print(p)
    print(f"stage graph: {len(graph)} stages, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
