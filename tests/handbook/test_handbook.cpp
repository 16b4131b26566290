// The handbook stage with fake font metrics: model → book → frames.
#include <catch2/catch.hpp>

#include <set>

#include "../layout/fake_metrics.h"
#include "core/utf8.h"
#include "fixture_site.h"
#include "handbook/body.h"
#include "handbook/handbook.h"

using namespace chuxin;
using namespace chuxin::layout;

using handbook_test::collect_spans;

namespace {

const model::Page& hb_page(const model::Site& site) {
    return site.pages[static_cast<size_t>(handbook_test::handbook_index(site))];
}

std::string all_text(const LaidOutDocument& doc) {
    std::string s;
    for (const Page& p : doc.pages)
        for (const Frame& f : p.frames)
            if (const auto* r = std::get_if<GlyphRun>(&f.item)) s += utf8::encode(r->text);
    return s;
}

const Chapter* find_chapter(const Book& book, const std::string& title) {
    for (const Part& p : book.parts)
        for (const Chapter& c : p.chapters)
            if (c.title == title) return &c;
    return nullptr;
}

}  // namespace

TEST_CASE("parts and chapters follow the include list") {
    model::Site site = handbook_test::fixture_site();
    Diagnostics diags;
    const Book book = handbook::build_book(site, hb_page(site), handbook_test::Bodies(site).options, diags);
    REQUIRE(book.parts.size() == 3);
    CHECK(book.parts[0].title == "第一部分 学习计划");
    REQUIRE(book.parts[0].chapters.size() == 1);
    CHECK(book.parts[0].chapters[0].title == "2026年度理论学习计划");
    REQUIRE(book.parts[1].chapters.size() == 1);  // studylists/* matched one page
    REQUIRE(book.parts[2].chapters.size() == 3);
    CHECK(book.parts[2].chapters[0].dest == "p:cases/laozhishu");
    CHECK(book.publisher == "中共示例区委宣传部");
    CHECK(book.subtitle == "中共示例区委机关第一党支部");
    REQUIRE(!book.preface.empty());  // the handbook page's body
}

TEST_CASE("front matter options reach the book: chapter_start and bleed") {
    model::Site site = handbook_test::fixture_site();
    Diagnostics diags;
    const Book plain = handbook::build_book(site, hb_page(site), handbook_test::Bodies(site).options, diags);
    CHECK(plain.chapter_start == layout::ChapterStart::NewPage);
    CHECK(plain.bleed.v == 0);
    model::Page& hb = site.pages[static_cast<size_t>(handbook_test::handbook_index(site))];
    hb.as<model::Handbook>()->chapter_start = model::ChapterOpening::RightPage;
    hb.as<model::Handbook>()->bleed_mm = 3;
    const Book book = handbook::build_book(site, hb, handbook_test::Bodies(site).options, diags);
    CHECK(book.chapter_start == layout::ChapterStart::RightPage);
    CHECK(book.bleed.v == Approx(layout::Pt::mm(3).v));
}

TEST_CASE("a schedule's RRULE is printed as a reader says it") {
    model::Site site = handbook_test::fixture_site();
    model::Page& sc = site.pages[static_cast<size_t>(site.by_id.at("schedules/2026"))];
    std::get<model::Schedule>(sc.data).events[0].repeat = "FREQ=MONTHLY;BYMONTH=3,6,9,12;BYDAY=-1FR";
    Diagnostics diags;
    const Book book = handbook::build_book(site, hb_page(site), handbook_test::Bodies(site).options, diags);
    const Chapter* ch = find_chapter(book, "2026年度理论学习计划");
    REQUIRE(ch);
    std::vector<Span> spans;
    collect_spans(ch->blocks, spans);
    std::string text;
    for (const Span& sp : spans) text += sp.text + "|";
    INFO(text);
    CHECK(text.find("FREQ=") == std::string::npos);
    CHECK(text.find("每年3月、6月、9月、12月最后一个周五") != std::string::npos);
    CHECK(text.find("每月第一个周二") == std::string::npos);  // replaced above
}

TEST_CASE("a text ending with its signer and date sets them flush right") {
    model::Site site = handbook_test::fixture_site();
    model::Page& hb = site.pages[static_cast<size_t>(handbook_test::handbook_index(site))];
    hb.body = "前言正文，说明编印的目的。\n\n中共示例区委机关第一党支部委员会\n\n2026年1月\n";
    Diagnostics diags;
    Book book = handbook::build_book(site, hb, handbook_test::Bodies(site).options, diags);
    REQUIRE(book.preface.size() == 3);
    CHECK(book.preface[0].align == layout::Align::Justify);
    CHECK(book.preface[1].align == layout::Align::Right);
    CHECK(book.preface[2].align == layout::Align::Right);
    CHECK_FALSE(book.preface[2].indent);
    // A last paragraph that is not a date, or a sentence before the date, stays as it is.
    hb.body = "正文。\n\n以上意见请结合实际贯彻落实。\n\n二〇二六年一月十日\n";
    book = handbook::build_book(site, hb, handbook_test::Bodies(site).options, diags);
    REQUIRE(book.preface.size() == 3);
    CHECK(book.preface[1].align == layout::Align::Justify);
    CHECK(book.preface[2].align == layout::Align::Right);
    hb.body = "正文。\n\n2026年1月是开局之月。\n";
    book = handbook::build_book(site, hb, handbook_test::Bodies(site).options, diags);
    CHECK(book.preface.back().align == layout::Align::Justify);
}

TEST_CASE("an image's Markdown title becomes its caption") {
    model::Site site = handbook_test::fixture_site();
    model::Page& hb = site.pages[static_cast<size_t>(handbook_test::handbook_index(site))];
    hb.body = "![柱状图](chart.png \"图1 上半年执行情况\")\n\n![无标题](b.png)\n";
    Diagnostics diags;
    const Book book = handbook::build_book(site, hb, handbook_test::Bodies(site).options, diags);
    REQUIRE(book.preface.size() == 2);
    CHECK(book.preface[0].kind == layout::BlockKind::Image);
    CHECK(book.preface[0].alt == "柱状图");
    CHECK(book.preface[0].title == "图1 上半年执行情况");
    CHECK(book.preface[1].title.empty());
}

TEST_CASE("references: inside the book a link and its page, outside the web address") {
    model::Site site = handbook_test::fixture_site();
    Diagnostics diags;
    const Book book = handbook::build_book(site, hb_page(site), handbook_test::Bodies(site).options, diags);
    const Chapter* ch = find_chapter(book, "扎根基层三十年的老支书");
    REQUIRE(ch);
    std::vector<Span> spans;
    collect_spans(ch->blocks, spans);
    bool inner = false, page_ref = false, empty_title = false, outside = false;
    for (size_t i = 0; i < spans.size(); ++i) {
        const Span& s = spans[i];
        if (s.text == "党章" && s.dest == "p:studylists/2026-q1#dangzhang") inner = true;
        if (s.kind == SpanKind::PageRef && s.dest == "p:checklists/2026#c1") page_ref = true;
        if (s.text == "理论学习不够系统深入" && s.dest == "p:checklists/2026#c1") empty_title = true;
        if (s.text == "平台说明") {
            outside = s.uri == "https://study.example.org/about/" && s.dest.empty();
            CHECK((i + 1 == spans.size() || spans[i + 1].kind != SpanKind::PageRef));
        }
    }
    CHECK(inner);
    CHECK(page_ref);
    CHECK(empty_title);  // empty link text: the checklist item's issue
    CHECK(outside);
}

TEST_CASE("characters beyond U+FFFF are reported with file and line, and set as 〓") {
    model::Site site = handbook_test::fixture_site();
    Diagnostics diags;
    const Book book = handbook::build_book(site, hb_page(site), handbook_test::Bodies(site).options, diags);
    bool warned = false;
    for (const Diagnostic& d : diags.sorted())
        if (d.message.find("U+FFFF") != std::string::npos) {
            warned = true;
            CHECK(d.pos.file == "content/cases/laozhishu.md");
            CHECK(d.pos.line == 12 + 6 - 1);  // body line 6; the body starts at file line 12
        }
    CHECK(warned);
    std::vector<Span> spans;
    collect_spans(find_chapter(book, "扎根基层三十年的老支书")->blocks, spans);
    bool geta = false;
    for (const Span& s : spans) geta |= s.text.find("生僻字〓不可缺") != std::string::npos;
    CHECK(geta);
}

TEST_CASE("Markdown blocks: lists, tasks, quote, table, footnote, rule") {
    model::Site site = handbook_test::fixture_site();
    Diagnostics diags;
    const Book book = handbook::build_book(site, hb_page(site), handbook_test::Bodies(site).options, diags);
    const Chapter* ch = find_chapter(book, "扎根基层三十年的老支书");
    int headings = 0, lists = 0, tasks = 0, quotes = 0, tables = 0, rules = 0, panels = 0, notes = 0;
    for (const Block& b : ch->blocks) {
        headings += b.kind == BlockKind::Heading;
        quotes += b.kind == BlockKind::Quote;
        rules += b.kind == BlockKind::Rule;
        panels += b.kind == BlockKind::Panel;
        if (b.kind == BlockKind::Table) {
            ++tables;
            CHECK(b.header_rows == 1);
            CHECK(b.rows[1].cells[2].align == Align::Right);
        }
        if (b.kind == BlockKind::List) {
            ++lists;
            for (const ListItem& i : b.items) tasks += i.task != TaskState::None;
            for (const ListItem& i : b.items)
                for (const Block& p : i.blocks)
                    for (const Span& s : p.inlines)
                        if (s.kind == SpanKind::FootnoteRef) {
                            ++notes;
                            CHECK(s.text == "每名党员联系5至10户群众。");
                        }
        }
        if (b.kind == BlockKind::Heading) CHECK(b.level == 1);  // ## is the chapter's first rank
    }
    CHECK(headings == 2);
    CHECK(lists == 2);
    CHECK(tasks == 2);
    CHECK(quotes == 1);
    CHECK(tables == 1);
    CHECK(rules == 1);
    CHECK(panels == 1);  // 启示
    CHECK(notes == 1);
    int images = 0;
    for (const Block& b : ch->blocks)
        if (b.kind == BlockKind::Image) {
            ++images;
            CHECK(b.path == "static/banner.png");  // site-relative: the World reads it
            CHECK(b.alt == "宣传栏");
        }
    CHECK(images == 1);
}

TEST_CASE("soft line breaks vanish between Chinese characters") {
    model::Site site = handbook_test::fixture_site();
    Diagnostics diags;
    const Book book = handbook::build_book(site, hb_page(site), handbook_test::Bodies(site).options, diags);
    std::vector<Span> spans;
    collect_spans(find_chapter(book, "扎根基层三十年的老支书")->blocks, spans);
    std::string text;
    for (const Span& s : spans) text += s.text;
    CHECK(text.find("建成了远近闻名") != std::string::npos);
}

TEST_CASE("the handbook lays out with typed kinds, TOC, and page references") {
    model::Site site = handbook_test::fixture_site();
    Diagnostics diags;
    testing::FakeMetrics fm;
    MemoryWorld world;
    handbook_test::add_fixture_files(world);
    handbook_test::Bodies bodies(site);
    const LaidOutDocument doc = handbook::build_handbook(site, hb_page(site), fm, world, bodies.options, diags);
    CHECK(doc.info.author == "中共示例区委宣传部");
    CHECK(doc.info.title == "2026年度党员学习手册");
    const std::string text = all_text(doc);
    for (const char* s : {"目录", "前言", "第一部分", "序号", "整改措施", "已销号", "整改中", "未整改", "逾期",
                          "合计7.5学时，要求不少于8学时，尚差0.5学时。", "主持人", "缺席及原因", "赵某（出差）",
                          "启示", "主题党日", "每月第一个周二"})
        CHECK(text.find(s) != std::string::npos);
    // The reference to c1 shows the page that holds the checklist row.
    std::map<std::string, int> folio;
    for (const Page& p : doc.pages)
        for (const Frame& f : p.frames)
            if (const auto* d = std::get_if<Destination>(&f.item)) folio.emplace(d->name, p.number);
    REQUIRE(folio.count("p:checklists/2026#c1"));
    CHECK(text.find("（第" + std::to_string(folio["p:checklists/2026#c1"]) + "页）") != std::string::npos);
    // Only the expected warning (the non-BMP character).
    CHECK(diags.warning_count() == 1);
    CHECK(diags.error_count() == 0);
}

TEST_CASE("handbook PDF paths") {
    model::Site site = handbook_test::fixture_site();
    CHECK(handbook::handbook_pdf_paths(site) == std::vector<std::string>{"handbooks/2026.pdf"});
}

TEST_CASE("a ref is found by its node and not by its place among the links") {
    model::Site site = handbook_test::fixture_site();
    const int index = site.by_id.at("about");
    model::Page& about = site.pages[static_cast<size_t>(index)];
    // Four form feeds: a parse of the raw text sees a paragraph with a link;
    // the markdown stage, which turns controls into spaces first, sees an
    // indented code block. Matching refs up by their order in a second parse
    // (as the handbook did) linked 一 to the page's only ref, 二's target.
    about.body = "\f\f\f\f[一](ref:minutes/2026-03-03)\n\n[二](ref:cases/laozhishu)\n";
    const handbook_test::Bodies bodies(site);
    REQUIRE(about.body_refs.size() == 1);
    Diagnostics diags;
    const std::set<int> in_book;
    const std::vector<Block> blocks = handbook::body_blocks(
        handbook::BodyContext{site, about, in_book, diags, bodies.docs.page(static_cast<size_t>(index))});
    REQUIRE(blocks.size() == 2);
    CHECK(blocks[0].kind == BlockKind::Code);  // as in the portal: the same tree
    CHECK(blocks[0].code.find("[一](ref:minutes/2026-03-03)") != std::string::npos);
    std::vector<Span> spans;
    handbook_test::collect_spans(blocks, spans);
    bool second_linked = false;
    for (const Span& s : spans) {
        INFO(s.text << " → " << s.uri);
        if (s.text.find("一") != std::string::npos) CHECK(s.uri.empty());  // code, as in the portal
        if (s.text == "二") second_linked = s.uri == "https://study.example.org/cases/laozhishu/";
    }
    CHECK(second_linked);
}
