#!/usr/bin/python3
"""Check a generated bench site against the content format, independently of chuxin.

    check_corpus.py SITE

Checks (shared/spec/content-format.md §2–§4, §8): every .md has YAML front
matter with a title; only the spec's keys are used for each kind; required
item/event fields are present and ids unique in their file; `absent` length
equals expected − present; `done` items have `done_on`; every `ref:` link and
every front-matter reference names an existing page and, after `#`, an
existing item/event id (heading anchors are not
checked: the bench corpus links none). Exit 1 and one line per problem when anything fails.
"""
import os
import re
import sys

import yaml

COMMON = {"title", "id", "type", "date", "draft", "tags", "org", "summary", "weight", "slug", "extra"}
KIND_KEYS = {
    "studylist": {"period", "audience", "hours_required", "items"},
    "case": {"category", "subject", "lessons"},
    "minutes": {"meeting", "time", "location", "host", "recorder", "expected", "present", "absent",
                "fulfills", "studied"},
    "schedule": {"year", "events"},
    "checklist": {"items"},
    "handbook": {"subtitle", "edition", "paper", "style", "include"},
    "page": set(),
}
KIND_OF = {"studylists": "studylist", "cases": "case", "minutes": "minutes", "schedules": "schedule",
           "checklists": "checklist", "handbooks": "handbook"}
REF_RE = re.compile(r"\]\(ref:([^)\s]+)\)")


def load(root):
    pages, problems = {}, []
    content = os.path.join(root, "content")
    for d, _, files in os.walk(content):
        for f in sorted(files):
            if not f.endswith(".md"):
                continue
            path = os.path.join(d, f)
            text = open(path, encoding="utf-8").read()
            if not text.startswith("---\n") or "\n---\n" not in text[3:]:
                problems.append(f"{path}: no front matter")
                continue
            fm_text, body = text[4:].split("\n---\n", 1)
            fm = yaml.safe_load(fm_text) or {}
            if not isinstance(fm.get("title"), str):
                problems.append(f"{path}: title missing")
            if f == "_index.md":
                continue
            rel = os.path.relpath(path, content)[:-3]
            kind = fm.get("type") or KIND_OF.get(rel.split("/")[0], "page")
            pages[fm.get("id", rel)] = (path, kind, fm, body)
    return pages, problems


def refs_of(kind, fm, body):
    out = [m.group(1) for m in REF_RE.finditer(body)]
    for key in ("fulfills", "studied"):
        v = fm.get(key)
        out += v if isinstance(v, list) else [v] if v else []
    for ev in fm.get("events", []) or []:
        out += ev.get("study", []) or []
    for it in fm.get("items", []) or []:
        out += [it[k] for k in ("raised_in", "closed_in", "ref") if k in it]
    return out


def check(pages):
    problems = []
    anchors = {}
    for pid, (path, kind, fm, _) in pages.items():
        extra = set(fm) - COMMON - KIND_KEYS[kind]
        if extra:
            problems.append(f"{path}: keys not in the spec for {kind}: {sorted(extra)}")
        ids = [x.get("id") for x in (fm.get("items") or fm.get("events") or []) if isinstance(x, dict)]
        if kind in ("studylist", "checklist", "schedule"):
            if None in ids or len(set(ids)) != len(ids):
                problems.append(f"{path}: item/event ids missing or repeated")
        anchors[pid] = set(i for i in ids if i)
        if kind == "minutes":
            if "date" not in fm or "meeting" not in fm:
                problems.append(f"{path}: minutes need date and meeting")
            if "absent" in fm and len(fm["absent"]) != fm["expected"] - fm["present"]:
                problems.append(f"{path}: absent length != expected - present")
        if kind == "checklist":
            for it in fm["items"]:
                if str(it.get("status")) in ("done", "已销号") and "done_on" not in it:
                    problems.append(f"{path}: done item {it['id']} without done_on")
        if kind == "schedule":
            for ev in fm["events"]:
                if ("repeat" in ev) == ("dates" in ev):
                    problems.append(f"{path}: event {ev['id']} needs one of repeat/dates")
    n_refs = 0
    for pid, (path, kind, fm, body) in pages.items():
        for r in refs_of(kind, fm, body):
            n_refs += 1
            target, _, anchor = r.partition("#")
            if target not in pages or (anchor and anchor not in anchors[target]):
                problems.append(f"{path}: unknown reference {r}")
    return problems, n_refs


def main():
    pages, problems = load(sys.argv[1])
    more, n_refs = check(pages)
    problems += more
    for p in problems:
        print(p)
    print(f"check_corpus: {len(pages)} pages, {n_refs} references, {len(problems)} problems", file=sys.stderr)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
