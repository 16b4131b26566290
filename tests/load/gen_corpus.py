#!/usr/bin/python3
"""Writes a synthetic site of N content files (all six kinds, Chinese text)
for timing the load stage: gen_corpus.py OUT_DIR [N]. Not used by tests."""
import os
import sys

out = sys.argv[1]
n = int(sys.argv[2]) if len(sys.argv) > 2 else 10000
os.makedirs(out, exist_ok=True)
with open(os.path.join(out, "site.yaml"), "w", encoding="utf-8") as f:
    f.write("title: 示例区委理论学习平台\norgs:\n  - id: jiguan-1\n    name: 区委机关第一党支部\n")
para = "坚持以习近平新时代中国特色社会主义思想为指导，深入学习贯彻党的二十大精神。" * 6 + "\n\n"
kinds = ["cases", "minutes", "studylists", "checklists", "pages", "schedules"]
for i in range(n):
    kind = kinds[i % len(kinds)]
    folder = os.path.join(out, "content", kind, f"{i // 500:03d}")
    os.makedirs(folder, exist_ok=True)
    fm = [f"title: 第{i}篇 学习材料", f"date: 2026-{i % 12 + 1:02d}-{i % 28 + 1:02d}",
          "tags: [党章, 党史]", "org: jiguan-1", f"weight: {i % 7}"]
    if kind == "cases":
        fm += ["category: 先进典型", "subject: 某党支部", "lessons:", "  - 扎根基层", "  - 以身作则"]
    elif kind == "minutes":
        fm += ["meeting: 主题党日", 'time: "14:30-16:30"', "location: 三楼会议室", "expected: 25",
               "present: 24", "absent:", "  - {name: 赵某, reason: 出差}", "fulfills: schedules/x#theme-day"]
    elif kind == "studylists":
        fm += ["period: 2026-Q1", "items:"] + [
            f"  - {{id: item{k}, title: 《材料{k}》, kind: 原著, hours: 2, due: 2026-03-31}}" for k in range(5)]
    elif kind == "checklists":
        fm += ["items:"] + [
            f"  - {{id: c{k}, issue: 问题{k}, owner: 李某, due: 2026-06-30, status: doing}}" for k in range(5)]
    elif kind == "schedules":
        fm += ["year: 2026", "events:", "  - {id: theme-day, title: 主题党日, repeat: 每月第一个周二}",
               "  - {id: lecture, title: 党课, dates: [2026-07-01]}"]
    with open(os.path.join(folder, f"{i:05d}.md"), "w", encoding="utf-8") as f:
        f.write("---\n" + "\n".join(fm) + "\n---\n" + para * 4)
print(f"wrote {n} files to {out}")
