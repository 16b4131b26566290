#include "fixture.h"

#include <algorithm>
#include <cstdio>

#include "markdown/markdown.h"

namespace chuxin::test {

namespace {

using namespace model;

Page make_page(const std::string& rel, Kind kind, const std::string& title) {
    Page p;
    p.rel = rel;
    p.path = "content/" + rel;
    p.id = rel.substr(0, rel.size() - 3);
    p.kind = kind;
    auto slash = rel.rfind('/');
    p.section = slash == std::string::npos ? "" : rel.substr(0, slash);
    p.slug = rel.substr(slash == std::string::npos ? 0 : slash + 1);
    p.slug = p.slug.substr(0, p.slug.size() - 3);
    p.url = "/" + p.id + "/";
    p.title = title;
    p.front_matter = SourcePos{p.path, 1, 1};
    return p;
}

Ref ref(const std::string& text, int page, const std::string& anchor = {}) {
    Ref r;
    r.text = text;
    r.page = page;
    r.anchor = anchor;
    return r;
}

Occurrence fixed(int event, Date d, OccurrenceStatus s, std::vector<int> by = {}) {
    Occurrence o;
    o.event = event;
    o.start = o.end = d;
    o.status = s;
    o.fulfilled_by = std::move(by);
    return o;
}

Occurrence window(int event, Date a, Date b, OccurrenceStatus s, std::vector<int> by = {}) {
    Occurrence o = fixed(event, a, s, std::move(by));
    o.end = b;
    o.window = true;
    return o;
}

void index_site(Site& site) {
    std::sort(site.pages.begin(), site.pages.end(), [](const Page& a, const Page& b) { return a.rel < b.rel; });
    site.by_id.clear();
    for (size_t i = 0; i < site.pages.size(); ++i) site.by_id[site.pages[i].id] = static_cast<int>(i);
}

}  // namespace

// Page indexes after sorting by rel (fixed by the names below):
//  0 about  1 cases/laozhishu  2 cases/警示案例  3 checklists/2026  4 handbooks/2026
//  5 minutes/2026-01-15-shenghuohui  6 minutes/2026-03-03-zhutidangri
//  7 minutes/2026-06-20-huitoukan  8 schedules/2026  9 studylists/2026-q1
model::Site fixture_site() {
    Site site;
    site.root = "/nonexistent-site";
    site.config.title = "示例区委理论学习平台";
    site.config.base_url = "https://study.example.org/";
    site.config.publisher = "中共示例区委宣传部";
    site.config.orgs = {{"jiguan-1", "区委机关第一党支部"}};
    site.as_of = Date{2026, 7, 1};

    Page about = make_page("about.md", Kind::Page, "关于本平台");
    about.summary = "本平台汇集理论学习计划、书目、案例与整改台账。";
    about.tags = {"学习", "党章"};
    about.body = "本平台汇集全区理论学习资料。详见[老支书的事迹](ref:cases/laozhishu)。\n";
    about.body_refs = {ref("cases/laozhishu", 1)};
    site.pages.push_back(about);

    Page lao = make_page("cases/laozhishu.md", Kind::Case, "扎根山村四十年的老支书");
    lao.date = Date{2026, 2, 10};
    lao.org = "jiguan-1";
    lao.tags = {"先进典型", "党章"};
    lao.summary = "一位村党支部书记带领群众修路办学的事迹。";
    lao.body = "老支书四十年如一日扎根山村。\n\n## 主要事迹\n\n带领群众修通山路。\n";
    lao.data = CaseInfo{CaseCategory::Advanced, "先进典型", "某村党支部书记", {"坚持群众路线", "以身作则、久久为功"}};
    site.pages.push_back(lao);

    Page warn = make_page("cases/警示案例.md", Kind::Case, "违规收受礼品礼金案");
    warn.date = Date{2026, 4, 2};
    warn.summary = "以案为鉴，筑牢拒腐防变思想防线。";
    warn.body = "案情简介。\n";
    warn.data = CaseInfo{CaseCategory::Warning, "警示案例", "某局原副局长", {"严守纪律规矩"}};
    site.pages.push_back(warn);

    Page cl = make_page("checklists/2026.md", Kind::Checklist, "2026年专题民主生活会检视问题整改清单");
    cl.org = "jiguan-1";
    cl.date = Date{2026, 1, 20};
    Checklist checklist;
    ChecklistItem c1;
    c1.id = "c1";
    c1.issue = "理论学习不够系统深入";
    c1.measures = "制定个人自学计划，每周自学不少于4小时";
    c1.owner = "李某";
    c1.due = Date{2026, 6, 30};
    c1.status = ItemStatus::Done;
    c1.done_on = Date{2026, 6, 20};
    c1.raised_in = ref("minutes/2026-01-15-shenghuohui", 5);
    c1.closed_in = ref("minutes/2026-06-20-huitoukan", 7);
    ChecklistItem c2;
    c2.id = "c2";
    c2.issue = "联系服务群众不够经常";
    c2.measures = "每季度走访联系户不少于1次";
    c2.owner = "王某";
    c2.due = Date{2026, 6, 15};
    c2.status = ItemStatus::Doing;
    c2.overdue = true;
    c2.raised_in = ref("minutes/2026-01-15-shenghuohui", 5);
    ChecklistItem c3;
    c3.id = "c3";
    c3.issue = "调查研究不够深入";
    c3.measures = "围绕中心工作开展专题调研";
    c3.owner = "李某";
    c3.due = Date{2026, 7, 20};
    c3.status = ItemStatus::Open;
    checklist.items = {c1, c2, c3};
    cl.data = checklist;
    site.pages.push_back(cl);

    Page hb = make_page("handbooks/2026.md", Kind::Handbook, "2026年度党员学习手册");
    hb.date = Date{2026, 1, 5};
    hb.body = "为深化理论武装，编印本手册。\n";
    Handbook book;
    book.subtitle = "中共示例区委机关第一党支部";
    book.edition = "2026年1月";
    HandbookPart part1, part2;
    part1.title = "第一部分 学习计划";
    part1.items = {"schedules/2026"};
    part2.title = "第二部分 典型案例";
    part2.items = {"cases/*"};
    book.include = {part1, part2};
    hb.data = book;
    site.pages.push_back(hb);

    Page m1 = make_page("minutes/2026-01-15-shenghuohui.md", Kind::Minutes, "2026年度专题民主生活会记录");
    m1.date = Date{2026, 1, 15};
    m1.org = "jiguan-1";
    m1.summary = "检视问题，明确整改措施。";
    m1.body = "会议查摆问题3项。\n";
    Minutes mm1;
    mm1.meeting = "民主生活会";
    mm1.date = *m1.date;
    mm1.time = "09:00-12:00";
    mm1.location = "二楼会议室";
    mm1.host = "张某";
    mm1.recorder = "王某";
    mm1.expected = 7;
    mm1.present = 7;
    m1.data = mm1;
    site.pages.push_back(m1);

    Page m2 = make_page("minutes/2026-03-03-zhutidangri.md", Kind::Minutes, "2026年3月主题党日活动记录");
    m2.date = Date{2026, 3, 3};
    m2.org = "jiguan-1";
    m2.tags = {"主题党日"};
    m2.summary = "集体学习党章第一章。";
    m2.body = "集体学习《中国共产党章程》总纲。\n";
    Minutes mm2;
    mm2.meeting = "主题党日";
    mm2.date = *m2.date;
    mm2.time = "14:30-16:30";
    mm2.location = "三楼会议室";
    mm2.host = "李某";
    mm2.recorder = "王某";
    mm2.expected = 25;
    mm2.present = 23;
    mm2.absent = {{"赵某", "出差"}};  // 25 − 23 = 2 ≠ 1: the page warns
    mm2.fulfills = {ref("schedules/2026#theme-day", 8, "theme-day")};
    mm2.studied = {ref("studylists/2026-q1#dangzhang", 9, "dangzhang")};
    m2.data = mm2;
    site.pages.push_back(m2);

    Page m3 = make_page("minutes/2026-06-20-huitoukan.md", Kind::Minutes, "整改落实情况“回头看”会议记录");
    m3.date = Date{2026, 6, 20};
    m3.org = "jiguan-1";
    m3.body = "逐项核查整改事项。\n";
    Minutes mm3;
    mm3.meeting = "支部委员会";
    mm3.date = *m3.date;
    mm3.location = "二楼会议室";
    mm3.host = "张某";
    mm3.recorder = "王某";
    mm3.expected = 5;
    mm3.present = 4;
    mm3.absent = {{"钱某", "病假"}};
    m3.data = mm3;
    site.pages.push_back(m3);

    Page sc = make_page("schedules/2026.md", Kind::Schedule, "2026年度理论学习计划");
    sc.org = "jiguan-1";
    sc.date = Date{2026, 1, 2};
    sc.body = "全年安排如下。\n";
    Schedule sched;
    sched.year = 2026;
    ScheduleEvent e1;
    e1.id = "theme-day";
    e1.title = "主题党日";
    e1.repeat = "每月第一个周二";
    e1.meeting = "主题党日";
    e1.owner = "各党支部";
    e1.study = {ref("studylists/2026-q1", 9)};
    ScheduleEvent e2;
    e2.id = "seminar";
    e2.title = "中心组集中学习研讨";
    e2.repeat = "每季度1次";
    sched.events = {e1, e2};
    sched.occurrences = {
        fixed(0, {2026, 1, 6}, OccurrenceStatus::Overdue),
        fixed(0, {2026, 2, 3}, OccurrenceStatus::Overdue),
        fixed(0, {2026, 3, 3}, OccurrenceStatus::Done, {6}),
        fixed(0, {2026, 7, 7}, OccurrenceStatus::Due),
        window(1, {2026, 1, 1}, {2026, 3, 31}, OccurrenceStatus::Overdue),
        window(1, {2026, 4, 1}, {2026, 6, 30}, OccurrenceStatus::Overdue),
        window(1, {2026, 7, 1}, {2026, 9, 30}, OccurrenceStatus::Due),
    };
    sc.data = sched;
    site.pages.push_back(sc);

    Page sl = make_page("studylists/2026-q1.md", Kind::StudyList, "2026年第一季度自学内容清单");
    sl.date = Date{2026, 1, 4};
    sl.org = "jiguan-1";
    StudyList list;
    list.period = Period{"2026-Q1", {2026, 1, 1}, {2026, 3, 31}};
    list.audience = "全体党员";
    list.hours_required = 8;
    StudyItem s1;
    s1.id = "dangzhang";
    s1.title = "《中国共产党章程》";
    s1.kind = "原著";
    s1.required = true;
    s1.hours = 4;
    s1.due = Date{2026, 3, 31};
    s1.source = "人民出版社";
    StudyItem s2;
    s2.id = "jianghua";
    s2.title = "关于加强理论学习的重要讲话";
    s2.kind = "讲话";
    s2.required = false;
    s2.hours = 1.5;
    s2.url = "https://www.example.org/jianghua";
    list.items = {s1, s2};
    sl.data = list;
    site.pages.push_back(sl);

    index_site(site);

    auto section = [&](const std::string& path, const std::string& title, std::vector<int> pages) {
        Section s;
        s.path = path;
        s.title = title;
        s.pages = std::move(pages);
        site.sections[path] = s;
    };
    section("", "", {0});
    site.sections[""].intro_markdown = "欢迎访问理论学习平台。\n";
    site.sections[""].source = "content/_index.md";
    section("cases", "典型案例", {2, 1});
    section("checklists", "整改台账", {3});
    section("handbooks", "手册下载", {4});
    section("minutes", "会议记录", {7, 6, 5});
    section("schedules", "学习计划", {8});
    section("studylists", "学习书目", {9});

    site.backlinks["cases/laozhishu"] = {{0, "body", ""}};
    site.backlinks["minutes/2026-01-15-shenghuohui"] = {{3, "raised_in", "c1"}, {3, "raised_in", "c2"}};
    site.backlinks["minutes/2026-06-20-huitoukan"] = {{3, "closed_in", "c1"}};
    site.backlinks["schedules/2026"] = {{6, "fulfills", ""}};
    site.backlinks["schedules/2026#theme-day"] = {{6, "fulfills", ""}};
    site.backlinks["studylists/2026-q1"] = {{6, "studied", ""}, {8, "study", "theme-day"}};
    site.backlinks["studylists/2026-q1#dangzhang"] = {{6, "studied", ""}};
    return site;
}

model::Site large_site(int n) {
    Site site;
    site.root = "/nonexistent-site";
    site.config.title = "性能测试站点";
    site.config.publisher = "测试";
    site.config.orgs = {{"o1", "第一支部"}, {"o2", "第二支部"}};
    site.as_of = Date{2026, 7, 1};
    const std::string body(1500, 'x');
    for (int i = 0; i < n; ++i) {
        const int k = i % 5;
        char name[64];
        std::snprintf(name, sizeof name, "%05d", i);
        Page p;
        if (k == 0) {
            p = make_page("cases/c" + std::string(name) + ".md", Kind::Case, "案例 " + std::string(name));
            p.data = CaseInfo{CaseCategory::Advanced, "先进典型", "某人", {"启示一", "启示二"}};
        } else if (k == 1) {
            p = make_page("minutes/m" + std::string(name) + ".md", Kind::Minutes, "会议记录 " + std::string(name));
            Minutes m;
            m.meeting = "主题党日";
            m.date = Date::from_days(Date{2025, 1, 1}.days() + i % 700);
            m.expected = 10;
            m.present = 9;
            m.absent = {{"某人", "出差"}};
            p.date = m.date;
            p.data = m;
        } else if (k == 2) {
            p = make_page("checklists/l" + std::string(name) + ".md", Kind::Checklist, "整改清单 " + std::string(name));
            Checklist c;
            for (int j = 0; j < 4; ++j) {
                ChecklistItem item;
                item.id = "c" + std::to_string(j);
                item.issue = "问题" + std::to_string(j);
                item.measures = "措施";
                item.owner = "某人";
                item.due = Date{2026, 6, 1 + j};
                item.status = static_cast<ItemStatus>(j % 3);
                item.overdue = j == 1;
                c.items.push_back(item);
            }
            p.data = c;
        } else if (k == 3) {
            p = make_page("studylists/s" + std::string(name) + ".md", Kind::StudyList, "学习书目 " + std::string(name));
            StudyList l;
            for (int j = 0; j < 5; ++j) {
                StudyItem item;
                item.id = "i" + std::to_string(j);
                item.title = "书目" + std::to_string(j);
                item.kind = "原著";
                item.hours = 2;
                l.items.push_back(item);
            }
            p.data = l;
        } else {
            p = make_page("pages/p" + std::string(name) + ".md", Kind::Page, "文章 " + std::string(name));
        }
        if (!p.date) p.date = Date::from_days(Date{2025, 1, 1}.days() + i % 500);
        p.org = i % 2 ? "o1" : "o2";
        p.tags = {"标签" + std::to_string(i % 50), "学习"};
        p.summary = "摘要文字，用于列表页显示。";
        p.body = "" + body + "\n";
        site.pages.push_back(std::move(p));
    }
    index_site(site);
    for (size_t i = 0; i < site.pages.size(); ++i) {
        auto& s = site.sections[site.pages[i].section];
        s.path = site.pages[i].section;
        s.pages.push_back(static_cast<int>(i));
    }
    site.sections[""].path = "";
    return site;
}

markdown::Documents fixture_documents(const model::Site& site) {
    model::Site copy = site;  // keeps the fixture's own refs (resolved by hand) and summaries
    Diagnostics diags;
    markdown::MarkdownOptions md;
    md.raw_html = site.config.raw_html;
    return markdown::parse_site(copy, md, diags);
}

}  // namespace chuxin::test
