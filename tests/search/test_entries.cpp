// What a page gives the index: read from the model and the parsed tree of a
// small site built in a temporary folder.
#include <catch2/catch.hpp>

#include "core/memory_output.h"
#include "search/entries.h"
#include "site/pipeline.h"
#include "support/files.h"

using chuxin::test::spit;
using chuxin::test::TempDir;

namespace {

struct Built {
    chuxin::site::PreparedSite prepared;
    std::vector<chuxin::search::Entry> entries;
    const chuxin::search::Entry* find(const std::string& title) const {
        for (const auto& e : entries)
            if (e.title == title) return &e;
        return nullptr;
    }
};

void write_site(const TempDir& dir, const std::string& site_extra = "") {
    spit(dir.path / "site.yaml", "title: 测试站\norgs:\n  - id: jiguan-1\n    name: 机关第一党支部\n" + site_extra);
    spit(dir.path / "content/about.md",
         "---\ntitle: 平台简介\ndate: 2026-01-05\ntags: [介绍]\n---\n第一段文字，\n换行接着写。\n\n## 栏目设置\n\n"
         "| 栏目 | 内容 |\n|---|---|\n| 学习计划 | 年度计划 |\n\n`code RRULE` and GB/T 9704.\n\n"
         "会议见[](ref:minutes/m1)，另见[书目](ref:studylists/q1)。\n");
    spit(dir.path / "content/draft.md", "---\ntitle: 草稿页\ndraft: true\n---\n草稿里的字\n");
    spit(dir.path / "content/hidden.md", "---\ntitle: 不收录\nsearch: false\n---\n不进索引的字\n");
    spit(dir.path / "content/minutes/m1.md",
         "---\ntitle: 三月主题党日\nmeeting: 主题党日\ndate: 2026-03-03\nlocation: 三楼会议室\norg: jiguan-1\n"
         "host: 李某\nrecorder: 王某\n---\n会议内容。\n");
    spit(dir.path / "content/checklists/c.md",
         "---\ntitle: 整改清单\norg: jiguan-1\nitems:\n  - id: c1\n    issue: 理论学习不够系统\n    owner: 张某\n"
         "    status: open\n---\n");
    spit(dir.path / "content/studylists/q1.md",
         "---\ntitle: 第一季度书目\nperiod: 2026-Q1\nitems:\n  - id: a\n    title: 《论党的建设》\n"
         "    source: 人民出版社\n---\n");
}

Built build(const TempDir& dir) {
    chuxin::Diagnostics diags;
    chuxin::site::BuildOptions opts;
    opts.site_root = dir.path.string();
    opts.jobs = 1;
    opts.as_of = chuxin::Date{2026, 7, 1};
    Built b;
    b.prepared = chuxin::site::prepare(opts, diags);
    REQUIRE_FALSE(diags.has_errors());
    b.entries = chuxin::search::collect_entries(b.prepared.site, b.prepared.search_texts);
    return b;
}

}  // namespace

TEST_CASE("drafts and search: false pages are left out; the others are in, in site order") {
    TempDir dir("search-entries");
    write_site(dir);
    const Built b = build(dir);
    CHECK(b.find("平台简介"));
    CHECK_FALSE(b.find("草稿页"));
    CHECK_FALSE(b.find("不收录"));
    CHECK(b.entries.size() == 4);
    for (size_t i = 1; i < b.entries.size(); ++i) CHECK(b.entries[i - 1].href < b.entries[i].href);
}

TEST_CASE("the body's text comes from the tree: blocks on lines, headings apart, Chinese line breaks joined") {
    TempDir dir("search-body");
    write_site(dir);
    const Built b = build(dir);
    const auto* about = b.find("平台简介");
    REQUIRE(about);
    CHECK(about->href == "about/index.html");
    CHECK(about->date == "2026-01-05");
    CHECK(about->tags == std::vector<std::string>{"介绍"});
    CHECK(about->headings == std::vector<std::string>{"栏目设置"});
    CHECK(about->body.find("第一段文字，换行接着写。") != std::string::npos);  // no space at the line break
    CHECK(about->body.find("栏目设置") == std::string::npos);               // the heading is its own field
    CHECK(about->body.find("栏目\t内容\n学习计划\t年度计划") != std::string::npos);
    CHECK(about->body.find("code RRULE and GB/T 9704.") != std::string::npos);
    CHECK(about->body.find('|') == std::string::npos);  // text, not Markdown
    // An empty-text ref reads as its target's title (known after the graph,
    // long after the tree was read); a ref with text is its text.
    CHECK(about->body.find("会议见三月主题党日，另见书目。") != std::string::npos);
    CHECK(about->body.find('\x1A') == std::string::npos);
    CHECK(about->summary.empty());  // the first paragraph is already in the body
}

TEST_CASE("structured fields: a meeting's type, place and host; an item's problem and owner; a book and its source") {
    TempDir dir("search-fields");
    write_site(dir);
    const Built b = build(dir);
    const auto* m = b.find("三月主题党日");
    REQUIRE(m);
    CHECK(m->kind == "minutes");
    CHECK(m->org == "jiguan-1");
    CHECK(m->fields.find("主题党日") != std::string::npos);
    CHECK(m->fields.find("三楼会议室") != std::string::npos);
    CHECK(m->fields.find("李某") != std::string::npos);
    const auto* c = b.find("整改清单");
    REQUIRE(c);
    CHECK(c->fields.find("理论学习不够系统") != std::string::npos);
    CHECK(c->fields.find("张某") != std::string::npos);
    const auto* s = b.find("第一季度书目");
    REQUIRE(s);
    CHECK(s->fields.find("《论党的建设》") != std::string::npos);
    CHECK(s->fields.find("人民出版社") != std::string::npos);
}

TEST_CASE("site.yaml search: false writes no index and no results page, and no search box") {
    for (bool on : {true, false}) {
        TempDir dir("search-off");
        write_site(dir, on ? "" : "search: false\n");
        chuxin::Diagnostics diags;
        chuxin::site::BuildOptions opts;
        opts.site_root = dir.path.string();
        opts.jobs = 1;
        opts.pdf = chuxin::site::PdfMode::Skip;
        opts.as_of = chuxin::Date{2026, 7, 1};
        auto prepared = chuxin::site::prepare(opts, diags);
        chuxin::MemoryOutput out;
        chuxin::site::render_site(prepared, opts, out, diags);
        REQUIRE_FALSE(diags.has_errors());
        INFO("search " << on);
        CHECK(out.has("search/meta.js") == on);
        CHECK(out.has("search/index.html") == on);
        CHECK((out.at("index.html").find("id=\"site-search\"") != std::string::npos) == on);
    }
}
