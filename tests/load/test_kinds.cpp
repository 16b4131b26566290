// Per-kind validation (content-format §2, §3, §8), one file at a time.
#include <catch2/catch.hpp>

#include <fstream>
#include <iterator>

#include "load_test_util.h"

using namespace chuxin;
using namespace chuxin::load;
using chuxin::load::test::Loaded;
using Lines = std::vector<std::string>;

TEST_CASE("page: common fields, defaults, id, slug and url") {
    Loaded l;
    test::load_into(l, "cases/老支书.md",
                    "---\ntitle: 老支书的故事\ndate: 2026-03-03\ntags: [ 党史 , 先进, 党史]\norg: jiguan-1\n"
                    "weight: -2\nsummary: 摘要\nextra: {banner: red.jpg, meta: {a: 1}, list: [x, y]}\n---\n正文\n");
    CHECK(l.diags.sorted().empty());
    const model::Page& p = l.file.page;
    CHECK(p.kind == model::Kind::Case);
    CHECK(p.id == "cases/老支书");
    CHECK(p.slug == "老支书");
    CHECK(p.url == "/cases/老支书/");
    CHECK(p.section == "cases");
    CHECK(p.path == "content/cases/老支书.md");
    CHECK(p.date == Date{2026, 3, 3});
    CHECK(p.tags == Lines{"党史", "先进"});
    CHECK(p.org == "jiguan-1");
    CHECK(p.weight == -2);
    CHECK(p.summary == "摘要");
    CHECK(p.extra == std::map<std::string, std::string>{{"banner", "red.jpg"}, {"meta.a", "1"}, {"list.0", "x"},
                                                        {"list.1", "y"}});
    CHECK(p.body == "正文\n");
    CHECK(p.body_line == 10);
}

TEST_CASE("page: whole numbers take a sign") {
    Loaded l;
    test::load_into(l, "a.md", "---\ntitle: x\nweight: +3\n---\n");
    CHECK(l.diags.sorted().empty());
    CHECK(l.file.page.weight == 3);
}

TEST_CASE("page: slug replaces the last url segment; id is independent") {
    Loaded l;
    test::load_into(l, "cases/2026/a.md", "---\ntitle: x\nslug: 老支书\nid: laozhishu\n---\n");
    CHECK(l.diags.sorted().empty());
    CHECK(l.file.page.url == "/cases/2026/老支书/");
    CHECK(l.file.page.id == "laozhishu");
    CHECK(l.file.page.section == "cases/2026");
    CHECK(l.file.id_pos.line == 4);
}

TEST_CASE("page: a root page is a plain page") {
    Loaded l;
    test::load_into(l, "about.md", "---\ntitle: 关于\n---\n");
    CHECK(l.file.page.kind == model::Kind::Page);
    CHECK(l.file.page.url == "/about/");
    CHECK(l.file.page.section.empty());
}

TEST_CASE("page: bad slugs") {
    for (const char* slug : {"a/b", "..", ".", "\"a\\\\b\"", "\"a\\tb\"", "\"\"", "a?b"}) {
        Loaded l;
        test::load_into(l, "cases/a.md", std::string("---\ntitle: x\nslug: ") + slug + "\n---\n");
        INFO(slug);
        REQUIRE(l.diags.error_count() == 1);
        CHECK(l.diags.sorted()[0].message.rfind("slug '", 0) == 0);
        CHECK(l.diags.sorted()[0].pos.line == 3);
        CHECK(l.file.page.slug == "a");  // the file name stays the slug
    }
}

TEST_CASE("page: unknown fields get a did-you-mean; fields of another kind say so") {
    Loaded l;
    test::load_into(l, "cases/a.md", "---\ntitel: x\nmeeting: 主题党日\nfoo: 1\n---\n");
    // The typo is reported once, not again as a missing 'title'.
    CHECK(test::headlines(l.diags) == Lines{
                                          "content/cases/a.md:2:1: error: unknown field 'titel'",
                                          "content/cases/a.md:3:1: error: unknown field 'meeting'",
                                          "content/cases/a.md:4:1: error: unknown field 'foo'"});
    auto h = test::hints(l.diags);
    CHECK(h[0] == "did you mean 'title'?");
    CHECK(h[1].find("'meeting' is a field of minutes, but this file is a case (from its folder 'cases/')") == 0);
    CHECK(h[2] == "free-form data for templates goes under 'extra:'");
}

TEST_CASE("page: Chinese field names and entry fields at the top get their own hints") {
    Loaded l;
    test::load_into(l, "checklists/a.md", "---\n标题: 清单\nstatus: done\nstauts: x\n---\n");
    CHECK(test::headlines(l.diags) == Lines{"content/checklists/a.md:2:1: error: unknown field '标题'",
                                            "content/checklists/a.md:3:1: error: unknown field 'status'",
                                            "content/checklists/a.md:4:1: error: unknown field 'stauts'"});
    auto h = test::hints(l.diags);
    CHECK(h[0] == "field names are written in English: use 'title' for 标题");
    CHECK(h[1] == "'status' belongs in each entry of 'items', indented under it");
    CHECK(h[2] == "did you mean 'status'? 'status' belongs in each entry of 'items', indented under it");
}

TEST_CASE("page: type overrides the folder") {
    Loaded l;
    test::load_into(l, "2026/a.md", "---\ntitle: x\ntype: minutes\nmeeting: 党课\ndate: 2026-01-01\n---\n");
    CHECK(l.diags.sorted().empty());
    CHECK(l.file.page.kind == model::Kind::Minutes);
    Loaded bad;
    test::load_into(bad, "a.md", "---\ntitle: x\ntype: minute\n---\n");
    CHECK(test::headlines(bad.diags) == Lines{"content/a.md:3:7: error: unknown type 'minute'"});
    CHECK(test::hints(bad.diags)[0].rfind("did you mean 'minutes'?", 0) == 0);
}

TEST_CASE("page: type errors for each value type") {
    Loaded l;
    test::load_into(l, "a.md",
                    "---\ntitle: [a, b]\ndraft: 也许\nweight: 1.5\ntags: {a: 1}\ndate: 2026-13-01\nextra: 3\n---\n");
    CHECK(test::headlines(l.diags) == Lines{
                                          "content/a.md:2:8: error: 'title' should be text, not a list",
                                          "content/a.md:3:8: error: 'draft' should be true or false, not '也许'",
                                          "content/a.md:4:9: error: 'weight' should be a whole number, not '1.5'",
                                          "content/a.md:5:7: error: 'tags' should be text, not a map of fields",
                                          "content/a.md:6:7: error: '2026-13-01' is not a date",
                                          "content/a.md:7:8: error: 'extra' should be a map of fields, not '3'"});
}

TEST_CASE("page: org must name an orgs id") {
    Loaded l;
    test::load_into(l, "a.md", "---\ntitle: x\norg: jiguan-2\n---\n");
    CHECK(test::headlines(l.diags) == Lines{"content/a.md:3:6: error: unknown org 'jiguan-2'"});
    CHECK(test::hints(l.diags)[0] == "did you mean 'jiguan-1'?");
    Loaded by_name;
    test::load_into(by_name, "a.md", "---\ntitle: x\norg: 区委机关第一党支部\n---\n");
    CHECK(test::hints(by_name.diags)[0] == "write the org's id: 'jiguan-1'");
}

TEST_CASE("page: a field given twice") {
    Loaded l;
    test::load_into(l, "a.md", "---\ntitle: x\ntitle: y\n---\n");
    CHECK(test::headlines(l.diags) == Lines{"content/a.md:3:1: error: field 'title' is given twice"});
    CHECK(l.file.page.title == "x");
}

TEST_CASE("page: a scalar front matter") {
    Loaded l;
    test::load_into(l, "a.md", "---\n只有一行字\n---\n");
    CHECK(test::headlines(l.diags) ==
          Lines{"content/a.md:2:1: error: front matter should be fields like 'title: …', not '只有一行字'"});
}

TEST_CASE("studylist: items, period and hours") {
    Loaded l;
    test::load_into(l, "studylists/2026-q1.md",
                    "---\ntitle: 清单\nperiod: 2026-Q1\naudience: 党员领导干部\nhours_required: 8\nitems:\n"
                    "  - id: dangzhang\n    title: 《中国共产党章程》\n    kind: 原著\n    required: true\n"
                    "    hours: 4\n    due: 2026-03-31\n    source: 人民出版社\n"
                    "  - {id: jianghua, title: 讲话, required: 选读, hours: 1.5, ref: \"ref:cases/a\"}\n---\n");
    CHECK(l.diags.sorted().empty());
    const auto* s = l.file.page.as<model::StudyList>();
    REQUIRE(s);
    CHECK(s->period->label == "2026-Q1");
    CHECK(s->period->from == Date{2026, 1, 1});
    CHECK(s->period->to == Date{2026, 3, 31});
    CHECK(s->hours_required == 8.0);
    REQUIRE(s->items.size() == 2);
    CHECK(s->items[0].pos.line == 7);
    CHECK(s->items[0].pos.col == 5);
    CHECK(s->items[1].required == false);
    CHECK(s->items[1].ref->text == "cases/a");
    CHECK(s->items[1].ref->pos.line == 14);
    CHECK(s->total_hours() == 5.5);
}

TEST_CASE("studylist: periods") {
    auto period = [](const std::string& text) {
        Loaded l;
        test::load_into(l, "studylists/a.md", "---\ntitle: x\nperiod: " + text + "\n---\n");
        const auto* s = l.file.page.as<model::StudyList>();
        return std::make_pair(s && s->period ? s->period->from.iso() + ".." + s->period->to.iso() : std::string(),
                              l.diags.error_count());
    };
    CHECK(period("2026") == std::make_pair(std::string("2026-01-01..2026-12-31"), size_t(0)));
    CHECK(period("2026-H2") == std::make_pair(std::string("2026-07-01..2026-12-31"), size_t(0)));
    CHECK(period("2024-02") == std::make_pair(std::string("2024-02-01..2024-02-29"), size_t(0)));
    CHECK(period("{from: 2026-03-01, to: 2026-05-31}") ==
          std::make_pair(std::string("2026-03-01..2026-05-31"), size_t(0)));
    CHECK(period("2026-Q5").second == 1);
    CHECK(period("2026-13").second == 1);
    CHECK(period("第一季度").second == 1);
    CHECK(period("{from: 2026-05-01, to: 2026-03-01}").second == 1);
    CHECK(period("{from: 2026-05-01}").second == 1);
}

TEST_CASE("studylist: required item fields, duplicate ids, unknown item keys") {
    Loaded l;
    test::load_into(l, "studylists/a.md",
                    "---\ntitle: x\nitems:\n  - id: a\n    title: 甲\n  - id: a\n    title: 乙\n"
                    "  - title: 丙\n  - id: b\n    titel: 丁\n---\n");
    CHECK(test::headlines(l.diags) == Lines{
                                          "content/studylists/a.md:6:9: error: duplicate item id 'a' in this file",
                                          "content/studylists/a.md:8:5: error: missing field 'id' (required in each study item)",
                                          "content/studylists/a.md:10:5: error: unknown field 'titel'"});
    CHECK(test::hints(l.diags)[0].rfind("the first is on line 4", 0) == 0);
}

TEST_CASE("case: category enum with Chinese labels and lessons") {
    Loaded l;
    test::load_into(l, "cases/a.md",
                    "---\ntitle: x\ncategory: 警示案例\nsubject: 某单位\nlessons:\n  - 启示一\n  - \" 启示二 \"\n---\n");
    CHECK(l.diags.sorted().empty());
    const auto* c = l.file.page.as<model::CaseInfo>();
    REQUIRE(c);
    CHECK(c->category == model::CaseCategory::Warning);
    CHECK(c->category_label == "警示案例");
    CHECK(c->lessons == Lines{"启示一", "启示二"});
    Loaded bad;
    test::load_into(bad, "cases/a.md", "---\ntitle: x\ncategory: 先进\n---\n");
    CHECK(test::headlines(bad.diags) == Lines{"content/cases/a.md:3:11: error: unknown category '先进'"});
    CHECK(test::hints(bad.diags)[0].find("accepted: 先进典型, 警示案例, 工作案例") != std::string::npos);
}

TEST_CASE("minutes: fields, references and attendance") {
    Loaded l;
    test::load_into(l, "minutes/a.md",
                    "---\ntitle: 记录\nmeeting: 主题党日\ndate: 2026-03-03\ntime: \"14:30-16:30\"\nlocation: 三楼\n"
                    "org: jiguan-1\nhost: 李某\nrecorder: 王某\nexpected: 25\npresent: 23\nabsent:\n"
                    "  - {name: 赵某, reason: 出差}\n  - 钱某\nfulfills: schedules/2026#theme-day\n"
                    "studied: [studylists/2026-q1#dangzhang, studylists/2026-q1]\n---\n");
    CHECK(l.diags.sorted().empty());
    const auto* m = l.file.page.as<model::Minutes>();
    REQUIRE(m);
    CHECK(m->meeting == "主题党日");
    CHECK(m->date == Date{2026, 3, 3});
    CHECK(m->time == "14:30-16:30");
    CHECK(m->expected == 25);
    CHECK(m->present == 23);
    REQUIRE(m->absent.size() == 2);
    CHECK(m->absent[0].reason == "出差");
    CHECK(m->absent[1].name == "钱某");
    REQUIRE(m->fulfills.size() == 1);
    CHECK(m->fulfills[0].text == "schedules/2026#theme-day");
    CHECK(m->fulfills[0].pos.line == 15);
    CHECK(m->fulfills[0].pos.col == 11);
    REQUIRE(m->studied.size() == 2);
    CHECK(m->studied[1].pos.col == 41);
}

TEST_CASE("minutes: absent count not matching is a warning") {
    Loaded l;
    test::load_into(l, "minutes/a.md",
                    "---\ntitle: 记录\nmeeting: 党课\ndate: 2026-03-03\nexpected: 25\npresent: 23\n"
                    "absent: [赵某]\n---\n");
    CHECK(l.diags.error_count() == 0);
    CHECK(test::headlines(l.diags) ==
          Lines{"content/minutes/a.md:7:1: warning: 'absent' lists 1 person but expected − present is 2 (25 − 23)"});
    Loaded none;
    test::load_into(none, "minutes/a.md",
                    "---\ntitle: 记录\nmeeting: 党课\ndate: 2026-03-03\nexpected: 25\npresent: 25\n---\n");
    CHECK(none.diags.sorted().empty());
}

TEST_CASE("minutes: date and meeting are required; fulfills as a list") {
    Loaded l;
    test::load_into(l, "minutes/a.md", "---\ntitle: 记录\ndate:\nfulfills: [schedules/2026#a, schedules/2026#b]\n---\n");
    CHECK(test::headlines(l.diags) == Lines{
                                          "content/minutes/a.md:1:1: error: missing field 'meeting' (required for minutes)",
                                          "content/minutes/a.md:3:1: error: field 'date' is empty (required for minutes)"});
    CHECK(l.file.page.as<model::Minutes>()->fulfills.size() == 2);
}

TEST_CASE("schedule: events with repeat or dates") {
    Loaded l;
    test::load_into(l, "schedules/2026.md",
                    "---\ntitle: 计划\nyear: 2026\norg: jiguan-1\nevents:\n  - id: theme-day\n    title: 主题党日\n"
                    "    repeat: 每月第一个周二\n    meeting: 主题党日\n    owner: 各党支部\n    study: [studylists/2026-q1]\n"
                    "  - id: lecture\n    title: 书记讲党课\n    dates: [2026-07-01, 2026-12-01]\n---\n");
    CHECK(l.diags.sorted().empty());
    const auto* s = l.file.page.as<model::Schedule>();
    REQUIRE(s);
    CHECK(s->year == 2026);
    REQUIRE(s->events.size() == 2);
    CHECK(s->events[0].repeat == "每月第一个周二");
    CHECK(s->events[0].repeat_pos.line == 8);
    CHECK(s->events[0].repeat_pos.col == 13);
    CHECK(s->events[0].study[0].text == "studylists/2026-q1");
    CHECK(s->events[1].dates == std::vector<Date>{{2026, 7, 1}, {2026, 12, 1}});
}

TEST_CASE("schedule: required fields, repeat xor dates, year") {
    Loaded l;
    test::load_into(l, "schedules/a.md",
                    "---\ntitle: 计划\nyear: 二〇二六\nevents:\n  - id: a\n    title: 甲\n"
                    "  - id: b\n    title: 乙\n    repeat: 每月1次\n    dates: [2026-01-01]\n"
                    "  - id: a\n    title: 丙\n    dates: 2026-02-30\n---\n");
    CHECK(test::headlines(l.diags) == Lines{
                                          "content/schedules/a.md:3:7: error: 'year' should be a whole number, not '二〇二六'",
                                          "content/schedules/a.md:5:5: error: event 'a' needs 'repeat' or 'dates'",
                                          "content/schedules/a.md:10:5: error: event 'b' has both 'repeat' and 'dates'",
                                          "content/schedules/a.md:11:9: error: duplicate event id 'a' in this file",
                                          "content/schedules/a.md:13:12: error: '2026-02-30' is not a date"});
}

TEST_CASE("schedule: a date outside the year is a warning") {
    Loaded l;
    test::load_into(l, "schedules/a.md",
                    "---\ntitle: 计划\nyear: 2026\nevents:\n  - {id: a, title: 甲, dates: [2025-12-31]}\n---\n");
    CHECK(l.diags.error_count() == 0);
    CHECK(l.diags.warning_count() == 1);
}

TEST_CASE("checklist: items, statuses and done_on") {
    Loaded l;
    test::load_into(l, "checklists/2026.md",
                    "---\ntitle: 清单\norg: jiguan-1\nitems:\n  - id: c1\n    issue: 理论学习不够系统深入\n"
                    "    measures: 制定计划\n    owner: 李某\n    due: 2026-06-30\n    status: 已销号\n"
                    "    done_on: 2026-06-20\n    raised_in: minutes/2026-01-15-shenghuohui\n"
                    "    closed_in: minutes/2026-06-20-huitoukan\n  - {id: c2, issue: 问题, status: 整改中}\n"
                    "  - {id: c3, issue: 问题, status: OPEN}\n---\n");
    CHECK(l.diags.sorted().empty());
    const auto* c = l.file.page.as<model::Checklist>();
    REQUIRE(c);
    REQUIRE(c->items.size() == 3);
    CHECK(c->items[0].status == model::ItemStatus::Done);
    CHECK(c->items[0].done_on == Date{2026, 6, 20});
    CHECK(c->items[0].raised_in->text == "minutes/2026-01-15-shenghuohui");
    CHECK(c->items[0].closed_in->pos.line == 13);
    CHECK(c->items[1].status == model::ItemStatus::Doing);
    CHECK(c->items[2].status == model::ItemStatus::Open);
}

TEST_CASE("checklist: done without done_on, bad status, missing fields") {
    Loaded l;
    test::load_into(l, "checklists/a.md",
                    "---\ntitle: 清单\nitems:\n  - id: c1\n    issue: 问题\n    status: done\n"
                    "  - id: c2\n    issue: 问题\n    status: 已完成\n  - id: c3\n---\n");
    CHECK(test::headlines(l.diags) == Lines{
                                          "content/checklists/a.md:6:13: error: item 'c1' is done but has no 'done_on'",
                                          "content/checklists/a.md:9:13: error: unknown status '已完成'",
                                          "content/checklists/a.md:10:5: error: missing field 'issue' (required in each checklist item)",
                                          "content/checklists/a.md:10:5: error: missing field 'status' (required in each checklist item)"});
    CHECK(test::hints(l.diags)[1].rfind("did you mean '已销号'?", 0) == 0);
}

TEST_CASE("handbook: cover fields, parts and bare items") {
    Loaded l;
    test::load_into(l, "handbooks/2026.md",
                    "---\ntitle: 手册\nsubtitle: 支部\nedition: 2026年1月\npaper: 32开\ntoc_depth: 3\n"
                    "chapter_start: 右页\nbleed: 3\ninclude:\n"
                    "  - part: 第一部分 学习计划\n    items: [schedules/2026]\n  - \"cases/*\"\n  - minutes/**\n"
                    "  - part: 第二部分\n    items: studylists/*\n---\n前言\n");
    CHECK(l.diags.sorted().empty());
    const auto* h = l.file.page.as<model::Handbook>();
    REQUIRE(h);
    CHECK(h->paper == model::Paper::K32);
    CHECK(h->style == model::BookStyle::Handbook);
    CHECK(h->toc_depth == 3);
    CHECK(h->chapter_start == model::ChapterOpening::RightPage);
    CHECK(h->bleed_mm == 3);
    REQUIRE(h->include.size() == 3);
    CHECK(h->include[0].title == "第一部分 学习计划");
    CHECK(h->include[0].items == Lines{"schedules/2026"});
    CHECK(h->include[1].title.empty());
    CHECK(h->include[1].items == Lines{"cases/*", "minutes/**"});
    CHECK(h->include[1].item_pos[1].line == 13);
    CHECK(h->include[2].items == Lines{"studylists/*"});
    CHECK(l.file.page.body == "前言\n");
}

TEST_CASE("handbook: include required, enums checked, gbt9704 is A4") {
    Loaded l;
    test::load_into(l, "handbooks/a.md",
                    "---\ntitle: 手册\npaper: A3\nstyle: gbt\ntoc_depth: 9\nchapter_start: odd\nbleed: 20\n---\n");
    CHECK(test::headlines(l.diags) == Lines{
                                          "content/handbooks/a.md:1:1: error: missing field 'include' (required for a handbook)",
                                          "content/handbooks/a.md:3:8: error: unknown paper 'A3'",
                                          "content/handbooks/a.md:4:8: error: unknown style 'gbt'",
                                          "content/handbooks/a.md:5:12: error: 'toc_depth' should be between 0 and 6, not 9",
                                          "content/handbooks/a.md:6:16: error: unknown chapter_start 'odd'",
                                          "content/handbooks/a.md:7:8: error: 'bleed' should be between 0 and 10, not 20"});
    Loaded g;
    test::load_into(g, "handbooks/a.md", "---\ntitle: 手册\nstyle: GBT9704\npaper: A5\ninclude: cases/*\n---\n");
    CHECK(g.diags.error_count() == 0);
    CHECK(g.diags.warning_count() == 1);
    CHECK(g.file.page.as<model::Handbook>()->paper == model::Paper::A4);
    CHECK(g.file.page.as<model::Handbook>()->include[0].items == Lines{"cases/*"});
}

TEST_CASE("section index: _index.md gives a section title and intro, not a page") {
    Loaded l;
    test::load_into(l, "cases/_index.md", "---\ntitle: 典型案例\nweight: 3\n---\n本栏目收录……\n");
    CHECK(l.diags.sorted().empty());
    REQUIRE(l.file.role == LoadedFile::Role::SectionIndex);
    CHECK(l.file.section.path == "cases");
    CHECK(l.file.section.title == "典型案例");
    CHECK(l.file.section.weight == 3);
    CHECK(l.file.section.source == "content/cases/_index.md");
    CHECK(l.file.section.intro_markdown == "本栏目收录……\n");
    CHECK(l.file.section.intro_body_line == 5);
    Loaded bad;
    test::load_into(bad, "_index.md", "---\ntitle: 首页\ndate: 2026-01-01\n---\n");
    CHECK(test::headlines(bad.diags) == Lines{"content/_index.md:3:1: error: unknown field 'date'"});
    CHECK(bad.file.section.path.empty());
}

TEST_CASE("three distinct errors in one file yield three diagnostics") {
    Loaded l;
    test::load_into(l, "checklists/a.md",
                    "---\ntitle: 清单\nstauts: x\nitems:\n  - id: c1\n    issue: 问题\n    status: 办结\n"
                    "    due: 2026-02-30\n---\n");
    CHECK(l.diags.error_count() == 3);
    CHECK(test::headlines(l.diags) == Lines{
                                          "content/checklists/a.md:3:1: error: unknown field 'stauts'",
                                          "content/checklists/a.md:7:13: error: unknown status '办结'",
                                          "content/checklists/a.md:8:10: error: '2026-02-30' is not a date"});
}

TEST_CASE("invalid UTF-8 is reported, not parsed") {
    Loaded l;
    test::load_into(l, "a.md", "---\ntitle: \xB1\xEA\xCC\xE2\n---\n");  // "标题" in GBK
    REQUIRE(l.diags.error_count() == 1);
    CHECK(test::headlines(l.diags)[0] == "content/a.md:2:8: error: the file is not UTF-8 (byte 0xB1)");
}

namespace {

// The first ```yaml block under `heading` in a docs/ file, as written there.
std::string documented_yaml(const std::string& doc, const std::string& heading) {
    std::ifstream in(std::string(CHUXIN_SOURCE_DIR) + "/docs/" + doc);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const size_t at = text.find(heading);
    REQUIRE(at != std::string::npos);
    const size_t open = text.find("```yaml\n", at);
    REQUIRE(open != std::string::npos);
    const size_t start = open + 8;
    const size_t close = text.find("```", start);
    REQUIRE(close != std::string::npos);
    return text.substr(start, close - start);
}

}  // namespace

TEST_CASE("handbook: the front matter example of docs/handbook.md loads as documented") {
    // Regression: an include entry without `part` was refused ("missing
    // field 'part'") though the docs show `- items: ["cases/*"]`.
    const std::string yaml = documented_yaml("handbook.md", "## Front matter fields");
    REQUIRE(yaml.find("- items: [\"cases/*\"]") != std::string::npos);
    Loaded l;
    test::load_into(l, "handbooks/2026.md", "---\n" + yaml + "---\n前言\n");
    CHECK(test::headlines(l.diags) == Lines{});
    const auto* h = l.file.page.as<model::Handbook>();
    REQUIRE(h);
    REQUIRE(h->include.size() == 2);
    CHECK(h->include[0].title == "第一部分 学习计划");
    CHECK(h->include[1].title.empty());  // no part page
    CHECK(h->include[1].items == Lines{"cases/*"});
}

TEST_CASE("dates: full timestamps (Hugo, Jekyll) are accepted wherever a date is; a minutes' time is kept") {
    // Regression: a site migrated from Hugo gave one "is not a date" error per page.
    Loaded l;
    test::load_into(l, "minutes/a.md",
                    "---\ntitle: 记录\nmeeting: 主题党日\ndate: 2026-03-03T14:30:00+08:00\n---\n");
    CHECK(test::headlines(l.diags) == Lines{});
    const auto* m = l.file.page.as<model::Minutes>();
    REQUIRE(m);
    CHECK(m->date == Date{2026, 3, 3});
    CHECK(m->time == "14:30");
    CHECK(l.file.page.date == Date{2026, 3, 3});

    Loaded given;  // an explicit time: wins over the timestamp's
    test::load_into(given, "minutes/a.md",
                    "---\ntitle: 记录\nmeeting: 党课\ndate: 2026-03-03 14:30:00\ntime: \"14:30-16:30\"\n---\n");
    CHECK(given.file.page.as<model::Minutes>()->time == "14:30-16:30");

    Loaded items;
    test::load_into(items, "checklists/a.md",
                    "---\ntitle: 清单\nitems:\n  - id: c1\n    issue: 问题\n    status: 已销号\n"
                    "    due: 2026-06-30T00:00:00Z\n    done_on: 2026-06-20 09:00:00 +8\n---\n");
    CHECK(test::headlines(items.diags) == Lines{});
    const auto* c = items.file.page.as<model::Checklist>();
    REQUIRE(c);
    CHECK(c->items[0].due == Date{2026, 6, 30});
    CHECK(c->items[0].done_on == Date{2026, 6, 20});

    Loaded bad;  // an impossible day stays an error, with its position
    test::load_into(bad, "cases/a.md", "---\ntitle: x\ndate: 2026-02-30T10:00:00+08:00\n---\n");
    CHECK(test::headlines(bad.diags) ==
          Lines{"content/cases/a.md:3:7: error: '2026-02-30T10:00:00+08:00' is not a date"});
}
