#!/usr/bin/python3
"""Generate a deterministic N-page Chinese bench corpus as a chuxin site.

    gen_corpus.py --pages N --seed S --out DIR [--hugo DIR] [--handbook K]

DIR becomes a complete chuxin site (site.yaml with 50 orgs, content/ with an
_index.md per section). With --hugo, the same pages are also written as a Hugo
site with minimal layouts (bench/hugo_site.py). With --handbook K, a handbook
page including K chapters (studylists and cases) is added to the chuxin site,
and DIR/handbook-weasy.md holds the same chapters for the WeasyPrint side
(bench/handbook.sh). Same arguments -> byte-identical files; no network.

Mix (spec §3, bench/README.md): ~30 % cases, 35 % minutes, 15 % studylists,
20 % notices (kind `page`); a few schedules and checklists are taken out of
the notices' share so that `fulfills`, `raised_in` and `closed_in` have real
targets. Every `ref:` target exists.
"""
import argparse
import datetime as dt
import os
import random
import re
import shutil
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import corpus_text as T  # noqa: E402

SECTION_TITLES = {
    "cases": "典型案例", "minutes": "会议记录", "studylists": "学习书目",
    "notices": "通知公告", "schedules": "学习计划", "checklists": "整改台账",
    "handbooks": "学习手册",
}
KIND_OF = {"cases": "case", "minutes": "minutes", "studylists": "studylist",
           "notices": "page", "schedules": "schedule", "checklists": "checklist",
           "handbooks": "handbook"}
YEARS = (2025, 2026)


def q(s):
    """A YAML double-quoted scalar (safe for any text)."""
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def qlist(items):
    return "[" + ", ".join(q(x) for x in items) + "]"


class Page:
    def __init__(self, section, stem, title, date):
        self.section = section
        self.kind = KIND_OF[section]
        self.stem = stem
        self.id = f"{section}/{stem}"
        self.title = title
        self.date = date
        self.tags = []
        self.org = None
        self.fm = []          # extra front-matter lines (chuxin), already YAML
        self.meta_md = ""     # the structured fields as Markdown (Hugo/WeasyPrint)
        self.body = ""        # Markdown with [text](ref:id#anchor) links
        self.anchors = {}     # item/event id -> its display title

    @property
    def url(self):
        return f"/{self.section}/{self.stem}/"


# ---------------------------------------------------------------- dates
def first_weekday(year, month, weekday):
    d = dt.date(year, month, 1)
    return d + dt.timedelta(days=(weekday - d.weekday()) % 7)


def last_weekday(year, month, weekday):
    nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
    d = nxt - dt.timedelta(days=1)
    return d - dt.timedelta(days=(d.weekday() - weekday) % 7)


def rand_date(rng, start, end):
    return start + dt.timedelta(days=rng.randint(0, (end - start).days))


# ---------------------------------------------------------------- generator
class Corpus:
    def __init__(self, n, seed):
        self.rng = random.Random(seed)
        self.n = n
        self.orgs = [(f"{uid}-{i + 1}", f"{uname}{ordn}党支部")
                     for uid, uname in T.UNITS for i, ordn in enumerate(T.ORDINALS)]
        self.pages = []
        self.by_id = {}

    def add(self, page):
        assert page.id not in self.by_id, page.id
        self.pages.append(page)
        self.by_id[page.id] = page
        return page

    def counts(self):
        n = self.n
        n_sched = 2 + n // 1000
        n_check = max(2, n // 200)
        n_cases = round(n * 0.30)
        n_min = round(n * 0.35)
        n_study = round(n * 0.15)
        n_notice = n - n_cases - n_min - n_study - n_sched - n_check
        assert n_notice >= 0, "N too small"
        return n_cases, n_min, n_study, n_notice, n_sched, n_check

    def common(self, page):
        rng = self.rng
        page.tags = rng.sample(T.TAGS, rng.randint(1, 4))
        if page.kind != "page" or rng.random() < 0.5:
            page.org = rng.choice(self.orgs)[0]

    def stem(self, prefix, zh_prefix, i):
        # about 2 % of file names are Chinese (spec §2: names may be Chinese)
        if zh_prefix and self.rng.random() < 0.02:
            return f"{zh_prefix}-{i:05d}"
        return f"{prefix}-{i:05d}"

    # -- studylists
    def make_studylists(self, count):
        rng = self.rng
        self.studylists = []
        for i in range(count):
            year = rng.choice(YEARS)
            qn = rng.randint(1, 4)
            p = self.add(Page("studylists", f"{year}-q{qn}-{i + 1:05d}",
                              f"{year}年第{qn}季度自学内容清单（{rng.choice(self.orgs)[1]}）",
                              first_weekday(year, 3 * qn - 2, 0)))
            self.common(p)
            due = last_weekday(year, 3 * qn, 4)
            lines = [f"period: {year}-Q{qn}", f"audience: {q(rng.choice(T.AUDIENCES))}"]
            items = rng.sample(T.STUDY_ITEMS, rng.randint(4, 8))
            hours_total = 0
            lines.append("items:")
            rows = []
            for k, (ititle, ikind) in enumerate(items):
                iid = f"item-{k + 1}"
                hours = rng.randint(1, 4)
                hours_total += hours
                req = rng.random() < 0.6
                lines += [f"  - id: {iid}", f"    title: {q(ititle)}", f"    kind: {ikind}",
                          f"    required: {'true' if req else 'false'}", f"    hours: {hours}",
                          f"    due: {due.isoformat()}"]
                if rng.random() < 0.3:
                    lines.append(f"    source: {q('人民出版社')}")
                p.anchors[iid] = ititle
                rows.append(f"| {k + 1} | {ititle} | {ikind} | {'必读' if req else '选读'} | {hours} | {due} |")
            lines.insert(2, f"hours_required: {max(4, hours_total - rng.randint(0, 3))}")
            p.fm = lines
            p.meta_md = (f"学习时段：{year}-Q{qn}　学时合计：{hours_total}\n\n"
                         "| 序号 | 篇目 | 类别 | 要求 | 学时 | 完成时限 |\n|---|---|---|---|---|---|\n"
                         + "\n".join(rows) + "\n")
            self.studylists.append(p)

    # -- schedules: each event knows how to draw a date near one occurrence
    def make_schedules(self, count):
        rng = self.rng
        self.schedules = []
        for i in range(count):
            year = YEARS[i % 2]
            org = self.orgs[i % len(self.orgs)]
            slug = f"{year}-{org[0]}"
            if f"schedules/{slug}" in self.by_id:  # more schedules than org × year (N ≥ 50,000)
                slug += f"-{i}"
            p = self.add(Page("schedules", slug, f"{year}年度理论学习计划（{org[1]}）",
                              dt.date(year, 1, 5)))
            p.tags = ["理论学习", "三会一课"]
            p.org = org[0]
            study = [s.id for s in self.studylists if s.id.startswith(f"studylists/{year}-q1")][:2]
            events = [
                ("theme-day", "主题党日", "repeat: 每月第一个周二", "主题党日"),
                ("seminar", "中心组集中学习研讨", "repeat: 每季度1次", "中心组学习"),
                ("report", "形势政策教育报告会", "repeat: 每半年至少1次", "党课"),
                ("visit", "廉政教育基地现场参观", "repeat: 每年1次", "主题党日"),
                ("lecture", "书记讲党课", f"dates: [{year}-07-01]", "党课"),
                ("group", "党小组会", "repeat: FREQ=MONTHLY;BYMONTHDAY=15", "党小组会"),
                ("committee", "支部委员会", "repeat: 每月最后一个周五", "支部委员会"),
            ]
            lines = [f"year: {year}", "events:"]
            rows = []
            for eid, etitle, rule, meeting in events:
                lines += [f"  - id: {eid}", f"    title: {etitle}", f"    {rule}",
                          f"    meeting: {meeting}", f"    owner: {q('各党小组')}"]
                if eid == "theme-day" and study:
                    lines.append(f"    study: [{', '.join(study)}]")
                p.anchors[eid] = etitle
                rows.append(f"| {etitle} | {rule.split(': ', 1)[1]} | {meeting} |")
            p.fm = lines
            p.meta_md = ("| 活动 | 安排 | 会议类型 |\n|---|---|---|\n" + "\n".join(rows) + "\n")
            p.events = {e[0]: e[3] for e in events}
            p.year = year
            self.schedules.append(p)

    def occurrence_date(self, sched, eid):
        rng, y = self.rng, sched.year
        m = rng.randint(1, 12)
        if eid == "theme-day":
            return first_weekday(y, m, 1)
        if eid == "committee":
            return last_weekday(y, m, 4)
        if eid == "group":
            return dt.date(y, m, 15)
        if eid == "lecture":
            return dt.date(y, 7, 1) + dt.timedelta(days=rng.randint(-3, 3))
        if eid == "seminar":
            qs = 3 * ((m - 1) // 3) + 1
            return rand_date(rng, dt.date(y, qs, 1), dt.date(y, qs + 2, 28))
        return rand_date(rng, dt.date(y, 1, 1), dt.date(y, 12, 28))

    # -- minutes
    def make_minutes(self, count):
        rng = self.rng
        self.minutes = []
        self.raising, self.closing = [], []
        plain_kinds = ["支部党员大会", "支部委员会", "党小组会", "党课", "主题党日", "中心组学习"]
        for i in range(count):
            fulfills = None
            role = i % 10  # every 10th raises problems, every 10th reviews them
            if role == 0:
                meeting = rng.choice(["民主生活会", "组织生活会"])
                date = rand_date(rng, dt.date(2025, 1, 10), dt.date(2025, 12, 20))
            elif role == 1:
                meeting = "整改回头看专题会"
                date = rand_date(rng, dt.date(2026, 1, 5), dt.date(2026, 11, 30))
            elif rng.random() < 0.6:
                sched = rng.choice(self.schedules)
                eid = rng.choice(sorted(sched.events))
                meeting = sched.events[eid]
                date = self.occurrence_date(sched, eid)
                fulfills = f"{sched.id}#{eid}"
            else:
                meeting = rng.choice(plain_kinds)
                date = rand_date(rng, dt.date(2025, 1, 2), dt.date(2026, 12, 28))
            pin = {"民主生活会": "shenghuohui", "组织生活会": "zuzhishenghuo",
                   "整改回头看专题会": "huitoukan"}.get(meeting, "huiyi")
            p = self.add(Page("minutes", f"{date.isoformat()}-{pin}-{i + 1:05d}",
                              f"{date.year}年{date.month}月{meeting}记录", date))
            self.common(p)
            expected = rng.randint(8, 40)
            present = expected - rng.choice([0, 0, 1, 1, 2, 3])
            host, recorder = T.person(rng), T.person(rng)
            loc = rng.choice(T.LOCATIONS)
            lines = [f"meeting: {meeting}", f'time: "{rng.choice(["09:00-11:00", "14:30-16:30", "15:00-17:00"])}"',
                     f"location: {loc}", f"host: {host}", f"recorder: {recorder}",
                     f"expected: {expected}", f"present: {present}"]
            absent = []
            if present < expected:
                lines.append("absent:")
                for _ in range(expected - present):
                    who, why = T.person(rng), rng.choice(["出差", "病假", "外出学习", "公务"])
                    lines.append(f"  - {{name: {who}, reason: {why}}}")
                    absent.append(f"{who}（{why}）")
            links = []
            if fulfills:
                lines.append(f"fulfills: {fulfills}")
                links.append(f"落实计划：[](ref:{fulfills})")
            if self.studylists and rng.random() < 0.4:
                studied = []
                for s in rng.sample(self.studylists, rng.randint(1, 2)):
                    studied.append(f"{s.id}#{rng.choice(sorted(s.anchors))}")
                lines.append(f"studied: [{', '.join(studied)}]")
                links.append("学习内容：" + "、".join(f"[](ref:{x})" for x in studied))
            p.fm = lines
            p.meta_md = ("| 会议类型 | 地点 | 主持人 | 记录人 | 应到 | 实到 |\n|---|---|---|---|---|---|\n"
                         f"| {meeting} | {loc} | {host} | {recorder} | {expected} | {present} |\n\n"
                         + (f"缺席：{'、'.join(absent)}\n\n" if absent else "")
                         + "".join(x + "\n\n" for x in links))
            self.minutes.append(p)
            (self.raising if role == 0 else self.closing if role == 1 else []).append(p)

    # -- checklists
    def make_checklists(self, count):
        rng = self.rng
        for i in range(count):
            org = self.orgs[(i * 7) % len(self.orgs)]
            p = self.add(Page("checklists", f"2025-{org[0]}-zhenggai-{i + 1:03d}",
                              f"专题民主生活会检视问题整改清单（{org[1]}）", dt.date(2025, 12, 30)))
            p.tags = ["整改落实", "民主生活会"]
            p.org = org[0]
            lines, rows = ["items:"], []
            for k in range(rng.randint(6, 10)):
                iid = f"c{k + 1}"
                issue = rng.choice(T.ISSUES)
                raised = rng.choice(self.raising)
                due = rand_date(rng, dt.date(2026, 1, 31), dt.date(2026, 12, 31))
                status = rng.choice(["done", "done", "doing", "open", "已销号", "整改中"])
                owner = T.person(rng)
                lines += [f"  - id: {iid}", f"    issue: {issue}", f"    measures: {q(rng.choice(T.MEASURES))}",
                          f"    owner: {owner}", f"    due: {due.isoformat()}", f"    status: {status}",
                          f"    raised_in: {raised.id}"]
                cell_closed = ""
                if status in ("done", "已销号"):
                    closer = rng.choice(self.closing)
                    lines += [f"    done_on: {closer.date.isoformat()}", f"    closed_in: {closer.id}"]
                    cell_closed = f"[](ref:{closer.id})"
                p.anchors[iid] = issue
                rows.append(f"| {iid} | {issue} | {owner} | {due} | {status} | [](ref:{raised.id}) | {cell_closed} |")
            p.fm = lines
            p.meta_md = ("| 编号 | 问题 | 责任人 | 整改时限 | 状态 | 提出 | 销号 |\n|---|---|---|---|---|---|---|\n"
                         + "\n".join(rows) + "\n")

    # -- cases and notices
    def make_cases(self, count):
        rng = self.rng
        for i in range(count):
            cat = rng.choice(sorted(T.CASE_TITLES))
            subj = rng.choice(T.CASE_SUBJECTS)
            date = rand_date(rng, dt.date(2024, 1, 1), dt.date(2026, 10, 31))
            p = self.add(Page("cases", self.stem("anli", "案例", i + 1),
                              rng.choice(T.CASE_TITLES[cat]).format(s=subj), date))
            self.common(p)
            lessons = rng.sample(T.LESSONS, rng.randint(2, 3))
            p.fm = [f"category: {cat}", f"subject: {subj}", "lessons:"] + [f"  - {q(x)}" for x in lessons]
            p.meta_md = f"类别：{cat}　对象：{subj}\n\n> **启示**：{'；'.join(lessons)}。\n"

    def make_notices(self, count):
        rng = self.rng
        for i in range(count):
            date = rand_date(rng, dt.date(2025, 1, 1), dt.date(2026, 12, 20))
            tag = rng.choice(T.TAGS)
            p = self.add(Page("notices", self.stem("tongzhi", "通知", i + 1),
                              rng.choice(T.NOTICE_TITLES).format(t=tag), date))
            self.common(p)
            if tag not in p.tags:
                p.tags[0] = tag
            if rng.random() < 0.2:
                p.fm = [f"weight: {rng.randint(1, 9)}"]

    # -- bodies (after every page exists, so that any ref target is real)
    def ref_targets(self):
        targets = []
        for p in self.pages:
            targets.append(p.id)
            targets += [f"{p.id}#{a}" for a in sorted(p.anchors)]
        return targets

    def make_bodies(self):
        rng = self.rng
        targets = self.ref_targets()
        for p in self.pages:
            p.body = self.body(p, rng, targets)

    def body(self, p, rng, targets):
        parts = [T.paragraph(rng, 2, 4)]
        heads = T.HEADINGS[p.kind]
        heads = heads[: rng.randint(2, len(heads))]
        want_table = rng.random() < 0.53
        want_tasks = rng.random() < 0.25
        want_ref = rng.random() < 0.37
        where = rng.randrange(len(heads))
        for h_i, h in enumerate(heads):
            parts.append(f"## {h}")
            for _ in range(rng.randint(1, 2)):
                parts.append(T.paragraph(rng))
            if h_i == where:
                if want_table:
                    parts.append(self.table(rng))
                if want_tasks:
                    parts.append("\n".join(
                        f"- [{'x' if rng.random() < 0.5 else ' '}] {T.sentence(rng).rstrip('。')}"
                        for _ in range(rng.randint(3, 5))))
                if want_ref:
                    links = []
                    for t in rng.sample(targets, rng.randint(1, 3)):
                        if t == p.id:
                            continue
                        text = "" if rng.random() < 0.6 else "相关材料"
                        links.append(f"[{text}](ref:{t})")
                    if links:
                        parts.append("详见" + "、".join(links) + "。" + T.sentence(rng))
            if rng.random() < 0.3:
                parts.append("\n".join(f"{k + 1}. {T.sentence(rng)}" for k in range(rng.randint(2, 4))))
        if rng.random() < 0.1:
            parts.append(f"**特别提示**：{T.sentence(rng)}~~原定安排取消~~[^1]\n\n[^1]: {T.sentence(rng)}")
        return "\n\n".join(parts) + "\n"

    def table(self, rng):
        head = rng.choice(T.TABLE_HEADS)
        lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
        for r in range(rng.randint(3, 6)):
            cells = [str(r + 1), rng.choice(T.OBJECTS), T.person(rng), f"{rng.randint(1, 12)}月底前"]
            lines.append("| " + " | ".join(cells[: len(head)]) + " |")
        return "\n".join(lines)

    def generate(self):
        n_cases, n_min, n_study, n_notice, n_sched, n_check = self.counts()
        self.make_studylists(n_study)
        self.make_schedules(n_sched)
        self.make_minutes(n_min)
        self.make_checklists(n_check)
        self.make_cases(n_cases)
        self.make_notices(n_notice)
        self.make_bodies()


# ---------------------------------------------------------------- writers
def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def chuxin_front_matter(p):
    lines = ["---", f"title: {q(p.title)}", f"date: {p.date.isoformat()}"]
    if p.tags:
        lines.append(f"tags: {qlist(p.tags)}")
    if p.org:
        lines.append(f"org: {p.org}")
    return "\n".join(lines + p.fm + ["---", ""])


def write_chuxin(corpus, out):
    lines = ["title: 初心学习平台（基准测试站点）", "base_url: https://study.example.org/",
             "language: zh-CN", "publisher: 中共示例区委宣传部", "orgs:"]
    for oid, name in corpus.orgs:
        lines += [f"  - id: {oid}", f"    name: {name}"]
    lines += ["build:", "  output: public", "  drafts: false", "  raw_html: false", ""]
    write(os.path.join(out, "site.yaml"), "\n".join(lines))
    write(os.path.join(out, "content", "_index.md"),
          f"---\ntitle: {q('初心学习平台')}\n---\n\n{T.paragraph(random.Random(1))}\n")
    for sec in sorted({p.section for p in corpus.pages}):
        write(os.path.join(out, "content", sec, "_index.md"),
              f"---\ntitle: {SECTION_TITLES[sec]}\n---\n\n本栏目收录{SECTION_TITLES[sec]}。\n")
    for p in corpus.pages:
        write(os.path.join(out, "content", p.section, p.stem + ".md"), chuxin_front_matter(p) + "\n" + p.body)


REF_RE = re.compile(r"\[([^\]]*)\]\(ref:([^)#\s]+)(?:#([^)\s]+))?\)")


def resolve_refs(corpus, text, link_for):
    """Replace [text](ref:id#anchor) using link_for(target_page, anchor, text)."""
    def sub(m):
        target = corpus.by_id[m.group(2)]
        anchor = m.group(3)
        title = m.group(1) or (target.anchors[anchor] if anchor else target.title)
        return link_for(target, anchor, title)
    return REF_RE.sub(sub, text)


def add_handbook(corpus, chapters, out):
    """A handbook page in the chuxin site, and the same chapters for WeasyPrint."""
    n_study = max(1, chapters * 3 // 10)
    parts = [("第一部分 学习书目", corpus.studylists[:n_study]),
             ("第二部分 典型案例", [p for p in corpus.pages if p.kind == "case"][: chapters - n_study])]
    preface = T.paragraph(random.Random(7), 4, 6)
    lines = ["---", "title: 2026年度党员学习手册（基准测试）", "subtitle: 中共示例区委宣传部",
             "edition: 2026年1月", "paper: A5", "include:"]
    for ptitle, pages in parts:
        lines += [f"  - part: {ptitle}", "    items:"] + [f"      - {p.id}" for p in pages]
    write(os.path.join(out, "content", "handbooks", "bench-handbook.md"),
          "\n".join(lines + ["---", "", preface, ""]))
    if not os.path.exists(os.path.join(out, "content", "handbooks", "_index.md")):
        write(os.path.join(out, "content", "handbooks", "_index.md"),
              f"---\ntitle: {SECTION_TITLES['handbooks']}\n---\n\n本栏目收录学习手册。\n")

    chapter_no = {}
    for _, pages in parts:
        for p in pages:
            chapter_no[p.id] = len(chapter_no) + 1

    def link(target, anchor, title):
        if target.id in chapter_no:
            return f'<a class="xref" href="#ch{chapter_no[target.id]}">{title}</a>'
        return f"[{title}](https://study.example.org{target.url}{'#' + anchor if anchor else ''})"

    md = ['<section class="cover">', "",
          "<h1 class=\"book-title\">2026年度党员学习手册（基准测试）</h1>",
          '<p class="subtitle">中共示例区委宣传部</p><p class="edition">2026年1月</p>', "", "</section>", "",
          '<nav class="toc">', "", "<h1>目录</h1>", "<ul>"]
    for ptitle, pages in parts:
        md.append(f'<li class="toc-part">{ptitle}</li>')
        md += [f'<li><a href="#ch{chapter_no[p.id]}">{p.title}</a></li>' for p in pages]
    md += ["</ul>", "", "</nav>", "", '<section class="preface">', "", "# 前言", "", preface, "", "</section>", ""]
    for ptitle, pages in parts:
        md += ['<section class="part">', "", f'<h1 class="part-title">{ptitle}</h1>', "", "</section>", ""]
        for p in pages:
            md += [f'<section class="chapter" id="ch{chapter_no[p.id]}">', "",
                   f'<h1 class="chapter-title">{p.title}</h1>', "",
                   resolve_refs(corpus, p.meta_md, link), "",
                   resolve_refs(corpus, p.body, link), "", "</section>", ""]
    write(os.path.join(out, "handbook-weasy.md"), "\n".join(md))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pages", "-n", type=int, required=True)
    ap.add_argument("--seed", type=int, default=20240701)
    ap.add_argument("--out", required=True, help="chuxin site folder (replaced)")
    ap.add_argument("--hugo", help="also write the same content as a Hugo site here (replaced)")
    ap.add_argument("--handbook", type=int, default=0, metavar="K",
                    help="add a handbook page with K chapters (+ handbook-weasy.md)")
    args = ap.parse_args()

    corpus = Corpus(args.pages, args.seed)
    corpus.generate()
    for d in (args.out, args.hugo):
        if d and os.path.exists(d):
            shutil.rmtree(d)
    write_chuxin(corpus, args.out)
    if args.handbook:
        add_handbook(corpus, args.handbook, args.out)
    if args.hugo:
        import hugo_site
        hugo_site.write_hugo(corpus, args.hugo, resolve_refs, SECTION_TITLES, write)
    kinds = {}
    for p in corpus.pages:
        kinds[p.kind] = kinds.get(p.kind, 0) + 1
    print(f"gen_corpus: {len(corpus.pages)} pages {dict(sorted(kinds.items()))} -> {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
