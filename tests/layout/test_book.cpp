// Book assembly: TOC folios, page-reference iteration, running heads,
// bookmarks, and the golden frame dump.
#include <catch2/catch.hpp>

#include <algorithm>
#include <regex>
#include <set>

#include "core/utf8.h"
#include "layout/book.h"
#include "layout/dump.h"
#include "layout/style.h"
#include "layout_helpers.h"
#include "support/golden.h"

using namespace chuxin;
using namespace chuxin::layout;
using namespace chuxin::layout::testing;

namespace {

Block para(const std::string& text) {
    Block b;
    b.kind = BlockKind::Paragraph;
    b.inlines = text_spans(text);
    return b;
}

Block heading(const std::string& text, int level, const std::string& dest) {
    Block b;
    b.kind = BlockKind::Heading;
    b.level = level;
    b.inlines = text_spans(text);
    b.dest = dest;
    b.in_toc = true;
    return b;
}

std::string repeat(const std::string& s, int n) {
    std::string out;
    for (int i = 0; i < n; ++i) out += s;
    return out;
}

Chapter chapter(int i, int paragraphs) {
    Chapter ch;
    ch.title = "第" + std::to_string(i) + "章 学习";
    ch.dest = "ch" + std::to_string(i);
    ch.blocks.push_back(heading("一节", 1, ch.dest + "#a"));
    for (int k = 0; k < paragraphs; ++k) ch.blocks.push_back(para(repeat("学习党章，", 20)));
    return ch;
}

// Destination name → the page (index) that holds it.
std::map<std::string, size_t> dest_pages(const LaidOutDocument& doc) {
    std::map<std::string, size_t> out;
    for (size_t i = 0; i < doc.pages.size(); ++i)
        for (const Frame& f : doc.pages[i].frames)
            if (const auto* d = std::get_if<Destination>(&f.item)) out.emplace(d->name, i);
    return out;
}

std::string page_text(const Page& p) {
    std::string s;
    for (const Frame& f : p.frames)
        if (const auto* r = std::get_if<GlyphRun>(&f.item)) s += utf8::encode(r->text);
    return s;
}

// Runs of a page grouped by baseline, in frame order.
std::vector<std::string> page_lines(const Page& p) {
    std::vector<std::pair<double, std::string>> lines;
    for (const Frame& f : p.frames)
        if (const auto* r = std::get_if<GlyphRun>(&f.item)) {
            bool joined = false;
            for (auto& l : lines)
                if (std::abs(l.first - r->origin.y.v) < 0.5) l.second += "|" + utf8::encode(r->text), joined = true;
            if (!joined) lines.push_back({r->origin.y.v, utf8::encode(r->text)});
        }
    std::vector<std::string> out;
    for (auto& l : lines) out.push_back(l.second);
    return out;
}

std::string unbar(std::string s) {
    s.erase(std::remove(s.begin(), s.end(), '|'), s.end());
    return s;
}

// Text set above the type area: the running head.
std::string head_text(const Page& p, double top) {
    std::string s;
    for (const Frame& f : p.frames)
        if (const auto* r = std::get_if<GlyphRun>(&f.item); r && r->origin.y.v < top) s += utf8::encode(r->text);
    return s;
}

Book sample_book(int chapters) {
    Book b;
    b.title = "2026年度党员学习手册";
    b.subtitle = "示例支部";
    b.publisher = "中共示例区委宣传部";
    b.edition = "2026年1月";
    b.preface.push_back(para("这是前言。"));
    Part p1{"第一部分 学习计划", "part1", {}};
    Part p2{"第二部分 典型案例", "part2", {}};
    for (int i = 1; i <= chapters; ++i) (i <= chapters / 2 ? p1 : p2).chapters.push_back(chapter(i, i % 3 * 6 + 2));
    b.parts = {p1, p2};
    return b;
}

}  // namespace

TEST_CASE("TOC page numbers are the pages where chapters start") {
    FakeMetrics fm;
    Diagnostics diags;
    const Book book = sample_book(8);
    const LaidOutDocument doc = layout_book(book, fm, testing::no_files(), diags);
    const auto dests = dest_pages(doc);
    const size_t toc = dests.at("toc");
    int checked = 0;
    for (const Part& part : book.parts)
        for (const Chapter& ch : part.chapters) {
            const Page& target = doc.pages[dests.at(ch.dest)];
            REQUIRE(target.number_style == PageNumberStyle::Decimal);
            bool found = false;
            for (size_t p = toc; p < doc.pages.size() && doc.pages[p].number_style != PageNumberStyle::Decimal; ++p)
                for (const std::string& line : page_lines(doc.pages[p]))
                    if (unbar(line).rfind(ch.title, 0) == 0) {
                        found = true;
                        const std::string folio = line.substr(line.rfind('|') + 1);
                        CHECK(line.find(".....") != std::string::npos);  // dot leaders
                        CHECK(folio == std::to_string(target.number));
                    }
            CHECK(found);
            ++checked;
        }
    CHECK(checked == 8);
    CHECK(diags.warning_count() == 0);
}

TEST_CASE("the body opens on a right-hand page numbered 1; front matter is roman") {
    FakeMetrics fm;
    Diagnostics diags;
    const LaidOutDocument doc = layout_book(sample_book(4), fm, testing::no_files(), diags);
    const auto dests = dest_pages(doc);
    CHECK(doc.pages[0].number_style == PageNumberStyle::None);  // cover
    CHECK(doc.pages[dests.at("toc")].number_style == PageNumberStyle::LowerRoman);
    const size_t part1 = dests.at("part1");
    CHECK(part1 % 2 == 0);  // index even = physical odd = right-hand page
    CHECK(doc.pages[part1].number == 1);
    CHECK(doc.pages[part1].number_style == PageNumberStyle::Decimal);
    CHECK(page_text(doc.pages[part1 + 1]).empty());  // blank verso of the part page
}

TEST_CASE("running heads: book title left, chapter title right, none on part pages") {
    FakeMetrics fm;
    Diagnostics diags;
    Book book = sample_book(2);
    book.parts[0].chapters[0] = chapter(1, 40);  // several pages
    const LaidOutDocument doc = layout_book(book, fm, testing::no_files(), diags);
    const auto dests = dest_pages(doc);
    const size_t start = dests.at("ch1");
    const double top = make_style(StyleKind::Handbook, PaperSize::A5).top.v;
    CHECK(head_text(doc.pages[start], top).empty());              // chapter opening page
    CHECK(head_text(doc.pages[start + 1], top) == book.title);    // a left page
    CHECK(head_text(doc.pages[start + 2], top) == "第1章 学习");  // a right page
    CHECK(head_text(doc.pages[dests.at("part1")], top).empty());
    CHECK(page_text(doc.pages[dests.at("part1") + 1]).empty());   // blank page: nothing at all
}

TEST_CASE("page references converge even when their digits change the layout") {
    FakeMetrics fm;
    const BookStyle st = make_style(StyleKind::Handbook, PaperSize::A5);
    int changed_layout = 0;
    for (int k = 40; k <= 70; ++k) {
        Book book = sample_book(12);
        Chapter& first = book.parts[0].chapters[0];
        first.blocks.clear();
        for (int i = 0; i < 22; ++i) first.blocks.push_back(para("短行"));
        // The space before the reference is a break opportunity: whether the
        // whole reference fits on the last line depends on its digits.
        Block ref = para(repeat("学", k) + " ");
        ref.inlines.push_back(Span{SpanKind::PageRef, "", kPlain, "ch12", "", "", {}});
        first.blocks.push_back(ref);
        Diagnostics diags;
        LayoutStats stats;
        const LaidOutDocument doc = layout_book(book, fm, testing::no_files(), diags, &stats);
        INFO("k = " << k);
        REQUIRE(stats.converged);
        CHECK(diags.warning_count() == 0);
        const auto dests = dest_pages(doc);
        const int target = doc.pages[dests.at("ch12")].number;
        REQUIRE(target >= 10);
        std::string text;
        for (const Page& p : doc.pages) text += page_text(p);
        std::smatch m;
        REQUIRE(std::regex_search(text, m, std::regex("（第([0-9]+)页）")));
        CHECK(m[1].str() == std::to_string(target));
        if (stats.passes >= 3) ++changed_layout;
    }
    // Some k make the two-digit number add a line that moves the chapters.
    CHECK(changed_layout > 0);
    (void)st;
}

TEST_CASE("bookmarks mirror the TOC") {
    FakeMetrics fm;
    Diagnostics diags;
    const LaidOutDocument doc = layout_book(sample_book(4), fm, testing::no_files(), diags);
    std::vector<std::string> marks;
    for (const Bookmark& b : doc.bookmarks) marks.push_back(std::to_string(b.level) + " " + b.title);
    REQUIRE(marks.size() >= 8);
    CHECK(marks[0] == "0 前言");
    CHECK(marks[1] == "0 目录");
    CHECK(marks[2] == "0 第一部分 学习计划");
    CHECK(marks[3] == "1 第1章 学习");
    CHECK(marks[4] == "2 一节");
    const auto dests = dest_pages(doc);
    for (const Bookmark& b : doc.bookmarks) CHECK(dests.count(b.dest) == 1);
}

// style gbt9704 no longer prints a book: tests/layout/test_gongwen.cpp checks the 公文.

TEST_CASE("golden frame dump of a small book") {
    FakeMetrics fm;
    Diagnostics diags;
    Book book = sample_book(2);
    Chapter& ch = book.parts[0].chapters[0];
    Block list;
    list.kind = BlockKind::List;
    list.items.push_back(ListItem{TaskState::Done, {para("已学习党章。")}});
    list.items.push_back(ListItem{TaskState::Open, {para("学习《条例》。")}});
    ch.blocks.push_back(list);
    Block quote;
    quote.kind = BlockKind::Quote;
    quote.children.push_back(para("不忘初心，牢记使命。"));
    ch.blocks.push_back(quote);
    Block table;
    table.kind = BlockKind::Table;
    table.header_rows = 1;
    table.rows.push_back(TableRow{{TableCell{text_spans("问题")}, TableCell{text_spans("状态")}}, ""});
    table.rows.push_back(TableRow{{TableCell{text_spans("学习不够深入")}, TableCell{text_spans("已销号")}}, "c1"});
    table.row_marks = {Mark::None, Mark::Done};
    ch.blocks.push_back(table);
    Block code;
    code.kind = BlockKind::Code;
    code.code = "chuxin build\n  --as-of 2026-07-01\n";
    ch.blocks.push_back(code);
    Block panel;
    panel.kind = BlockKind::Panel;
    panel.title = "启示";
    panel.role = FaceRole::Kai;
    panel.children.push_back(para("理论学习要常抓不懈。"));
    ch.blocks.push_back(panel);
    const std::string dump = dump_frames(layout_book(book, fm, testing::no_files(), diags));
    CHECK(test::check_golden(std::string(CHUXIN_TEST_DATA) + "/layout/golden/small_book.txt", dump) == "");
}

TEST_CASE("chapters may open on right-hand pages") {
    FakeMetrics fm;
    Diagnostics diags;
    Book book = sample_book(6);
    book.chapter_start = ChapterStart::RightPage;
    const LaidOutDocument doc = layout_book(book, fm, testing::no_files(), diags);
    const auto dests = dest_pages(doc);
    for (const Part& p : book.parts)
        for (const Chapter& ch : p.chapters) {
            INFO(ch.dest);
            CHECK(dests.at(ch.dest) % 2 == 0);  // index even = physical odd = right-hand
            CHECK(doc.pages[dests.at(ch.dest)].number % 2 == 1);
        }
}

TEST_CASE("paper sizes") {
    struct Want { PaperSize paper; double w, h; };
    for (const Want& want : {Want{PaperSize::A4, 210, 297}, Want{PaperSize::A5, 148, 210},
                             Want{PaperSize::B5, 176, 250}, Want{PaperSize::K16, 184, 260},
                             Want{PaperSize::K32, 130, 184}}) {
        FakeMetrics fm;
        Diagnostics diags;
        Book book = sample_book(2);
        book.paper = want.paper;
        const LaidOutDocument doc = layout_book(book, fm, testing::no_files(), diags);
        INFO(paper_name(want.paper));
        CHECK(doc.pages[0].size.width.v == Approx(want.w * 72 / 25.4));
        CHECK(doc.pages[0].size.height.v == Approx(want.h * 72 / 25.4));
        const BookStyle st = make_style(StyleKind::Handbook, want.paper);
        CHECK(st.text_width().v > 0);
        CHECK(st.inside.v > st.outside.v);  // the binding side is wider
    }
}

// The chapter title's lines of the page holding `dest`.
std::vector<std::string> chapter_title_lines(const LaidOutDocument& doc, const std::string& dest) {
    const BookStyle st = make_style(StyleKind::Handbook, PaperSize::A5);
    std::vector<std::string> lines;
    double last_y = -1;
    for (const Frame& f : doc.pages[dest_pages(doc).at(dest)].frames)
        if (const auto* r = std::get_if<GlyphRun>(&f.item); r && r->size.v == st.chapter_title.size.v) {
            if (r->origin.y.v != last_y) lines.push_back(""), last_y = r->origin.y.v;
            lines.back() += utf8::encode(r->text);
        }
    return lines;
}

TEST_CASE("a long title without punctuation breaks before a number rather than inside a word") {
    FakeMetrics fm;
    Diagnostics diags;
    Book book = sample_book(2);
    Chapter& ch = book.parts[0].chapters[0];
    ch.title = "明德社区党支部2025年度组织生活会检视问题整改清单";
    const std::vector<std::string> lines = chapter_title_lines(layout_book(book, fm, testing::no_files(), diags), ch.dest);
    REQUIRE(lines.size() == 2);
    CHECK(lines[0] == "明德社区党支部");
    CHECK(lines[1] == "2025年度组织生活会检视问题整改清单");
}

TEST_CASE("a long title keeps a quoted term whole and its subtitle on a line of its own") {
    FakeMetrics fm;
    Diagnostics diags;
    Book book = sample_book(2);
    Chapter& ch = book.parts[0].chapters[0];
    // The subtitle is too long for one line; balanced halves would cut “三会一课”.
    ch.title = "“纸上开会”的代价——某街道党工委“三会一课”台账造假问题通报";
    const std::vector<std::string> lines = chapter_title_lines(layout_book(book, fm, testing::no_files(), diags), ch.dest);
    REQUIRE(lines.size() == 3);
    CHECK(lines[0] == "“纸上开会”的代价");
    CHECK(lines[1] == "——某街道党工委“三会一课”");
    CHECK(lines[2] == "台账造假问题通报");
}

TEST_CASE("a number break is not taken when it would cost a line") {
    FakeMetrics fm;
    Diagnostics diags;
    Book book = sample_book(2);
    Chapter& ch = book.parts[0].chapters[0];
    // Breaking before 2025 would leave a second part too long for one line.
    ch.title = "党支部2025年度组织生活会检视问题整改清单及整改落实情况";
    const std::vector<std::string> lines = chapter_title_lines(layout_book(book, fm, testing::no_files(), diags), ch.dest);
    CHECK(lines.size() == 2);
    CHECK(lines[0] != "党支部");
}

TEST_CASE("a long display title breaks before its —— subtitle, each line centred") {
    FakeMetrics fm;
    Diagnostics diags;
    Book book = sample_book(2);
    Chapter& ch = book.parts[0].chapters[0];
    // Too long for one line; balanced halves would cut "土地上" apart.
    ch.title = "把论文写在青禾村的土地上——驻村第一书记王某的三年工作纪实";
    const LaidOutDocument doc = layout_book(book, fm, testing::no_files(), diags);
    const BookStyle st = make_style(StyleKind::Handbook, PaperSize::A5);
    const Page& page = doc.pages[dest_pages(doc).at(ch.dest)];
    std::vector<std::pair<double, const GlyphRun*>> title;  // the chapter title's runs, by baseline
    for (const Frame& f : page.frames)
        if (const auto* r = std::get_if<GlyphRun>(&f.item); r && r->size.v == st.chapter_title.size.v)
            title.push_back({r->origin.y.v, r});
    std::vector<std::string> lines;
    std::vector<double> centres;
    double last_y = -1;
    for (const auto& [y, r] : title) {
        const double right = r->origin.x.v + r->x.back().v + r->size.v;
        if (y != last_y) lines.push_back(""), centres.push_back(r->origin.x.v), last_y = y;
        lines.back() += utf8::encode(r->text);
        centres.back() = (centres.back() + right) / 2;  // first run's left edge with the line's right edge
    }
    REQUIRE(lines.size() == 2);
    CHECK(lines[0] == "把论文写在青禾村的土地上");
    CHECK(lines[1] == "——驻村第一书记王某的三年工作纪实");
    const double mid = (st.page.width.v) / 2;  // odd page: inside margin on the left
    for (double c : centres) CHECK(c == Approx(mid + (st.inside.v - st.outside.v) / 2).margin(0.6));
}

TEST_CASE("a short panel is never split across pages") {
    FakeMetrics fm;
    Diagnostics diags;
    const BookStyle st = make_style(StyleKind::Handbook, PaperSize::A5);
    int split = 0, whole = 0;
    // Push the panel down line by line so that some layouts put its start
    // near a page's foot.
    for (int lines = 18; lines <= 30; ++lines) {
        Book book = sample_book(2);
        Chapter& ch = book.parts[0].chapters[0];
        ch.blocks.clear();
        ch.blocks.push_back(para(repeat("学", 30 * lines)));
        Block panel;
        panel.kind = BlockKind::Panel;
        panel.title = "启示";
        for (int k = 0; k < 3; ++k) panel.children.push_back(para(repeat("理论学习要常抓不懈", 4)));
        ch.blocks.push_back(panel);
        const LaidOutDocument doc = layout_book(book, fm, testing::no_files(), diags);
        std::set<size_t> pages;
        for (size_t p = 0; p < doc.pages.size(); ++p)
            for (const Frame& f : doc.pages[p].frames)
                if (const auto* b = std::get_if<Box>(&f.item); b && b->fill && b->fill_color.r == st.tint.r)
                    pages.insert(p);
        (pages.size() == 1 ? whole : split) += 1;
    }
    CHECK(split == 0);
    CHECK(whole == 13);
}

TEST_CASE("a panel keeps the text measure; its tint stands out into the margins") {
    FakeMetrics fm;
    Diagnostics diags;
    Book book = sample_book(2);
    Chapter& ch = book.parts[0].chapters[0];
    Block panel;
    panel.kind = BlockKind::Panel;
    panel.title = "启示";
    panel.children.push_back(para(repeat("理论学习要常抓不懈", 12)));
    ch.blocks.insert(ch.blocks.begin(), panel);
    const LaidOutDocument doc = layout_book(book, fm, testing::no_files(), diags);
    const BookStyle st = make_style(StyleKind::Handbook, PaperSize::A5);
    const Page& page = doc.pages[dest_pages(doc).at(ch.dest)];
    double box_left = 1e9, box_right = 0, box_top = 1e9, box_bottom = 0;
    for (const Frame& f : page.frames)
        if (const auto* b = std::get_if<Box>(&f.item); b && b->fill && b->fill_color.r == st.tint.r) {
            box_left = std::min(box_left, b->rect.x.v);
            box_right = std::max(box_right, (b->rect.x + b->rect.width).v);
            box_top = std::min(box_top, b->rect.y.v);
            box_bottom = std::max(box_bottom, (b->rect.y + b->rect.height).v);
        }
    std::vector<std::pair<double, double>> lines;  // left and right edge of each text line in the panel
    for (const Frame& f : page.frames)
        if (const auto* r = std::get_if<GlyphRun>(&f.item);
            r && r->origin.y.v > box_top && r->origin.y.v < box_bottom && r->text.size() > 1)
            lines.push_back({r->origin.x.v, (r->origin.x + r->x.back() + r->size).v});
    REQUIRE(lines.size() >= 4);  // the title and at least three lines of text
    const double left = st.inside.v, right = st.page.width.v - st.outside.v;
    for (const auto& [l, r] : lines) CHECK(l == Approx(left).margin(0.01));  // aligned with the body text
    for (size_t i = 1; i + 1 < lines.size(); ++i)
        CHECK(lines[i].second == Approx(right).margin(0.01));  // justified to the text block's edge
    CHECK(box_left < left - 5);
    CHECK(box_right > right + 5);
}

// Digits of 0.6 em: folios of one, two and three digits then end the
// leaders at different places on the ½-em grid.
class WideDigitMetrics : public FakeMetrics {
public:
    double advance(FaceId face, char32_t cp) const override {
        return cp >= U'0' && cp <= U'9' ? 0.6 : FakeMetrics::advance(face, cp);
    }
};

TEST_CASE("TOC leaders are aligned dots that run up to the folio") {
    WideDigitMetrics fm;
    Diagnostics diags;
    const LaidOutDocument doc = layout_book(sample_book(16), fm, testing::no_files(), diags);
    const BookStyle st = make_style(StyleKind::Handbook, PaperSize::A5);
    const double em = st.body.size.v;
    int checked = 0;
    std::set<long> gaps;  // distinct gaps seen (in 1/100 em), so the grid really varies them
    for (const Page& toc : doc.pages) {
        // Leader runs and folio runs of each baseline.
        std::map<double, std::pair<const GlyphRun*, const GlyphRun*>> rows;
        for (const Frame& f : toc.frames)
            if (const auto* r = std::get_if<GlyphRun>(&f.item); r && r->size.v == em) {
                const std::string t = utf8::encode(r->text);
                if (t.find_first_not_of('.') == std::string::npos) rows[r->origin.y.v].first = r;
                else if (t.find_first_not_of("0123456789") == std::string::npos) rows[r->origin.y.v].second = r;
            }
        double grid_origin = -1;
        for (const auto& [y, row] : rows) {
            const auto [dots, folio] = row;
            if (!dots || !folio) continue;
            // Every dot of the page on one ½-em grid: the columns of dots line up.
            for (const Pt& x : dots->x) {
                const double at = dots->origin.x.v + x.v;
                if (grid_origin < 0) grid_origin = at;
                const double steps = (at - grid_origin) / (em * 0.5);
                CHECK(steps == Approx(std::round(steps)).margin(1e-6));
            }
            // The last dot's cell ends 0.2–0.7 em before the folio: close
            // enough that text extraction reads leaders and folio as one line.
            const double dots_end = (dots->origin.x + dots->x.back()).v + em * 0.5;
            const double gap = (folio->origin.x.v - dots_end) / em;
            CHECK(gap >= 0.2 - 1e-6);
            CHECK(gap < 0.7);
            gaps.insert(std::lround(gap * 100));
            ++checked;
        }
    }
    CHECK(checked >= 20);
    CHECK(gaps.size() >= 2);
}

TEST_CASE("a bleed grows the media, keeps the page inside it and runs the cover band into it") {
    FakeMetrics fm;
    Diagnostics diags;
    Book plain_book = sample_book(2);
    Book bled = sample_book(2);
    bled.bleed = Pt::mm(3);
    const LaidOutDocument a = layout_book(plain_book, fm, testing::no_files(), diags);
    const LaidOutDocument b = layout_book(bled, fm, testing::no_files(), diags);
    REQUIRE(a.pages.size() == b.pages.size());
    const double bleed = Pt::mm(3).v;
    for (size_t i = 0; i < a.pages.size(); ++i) {
        CHECK(b.pages[i].bleed.v == Approx(bleed));
        CHECK(b.pages[i].size.width.v == Approx(a.pages[i].size.width.v + 2 * bleed));
        CHECK(b.pages[i].size.height.v == Approx(a.pages[i].size.height.v + 2 * bleed));
        // Text sits where it sat on the trimmed page, moved by the bleed.
        std::vector<std::pair<double, double>> ra, rb;
        for (const Frame& f : a.pages[i].frames)
            if (const auto* r = std::get_if<GlyphRun>(&f.item)) ra.push_back({r->origin.x.v, r->origin.y.v});
        for (const Frame& f : b.pages[i].frames)
            if (const auto* r = std::get_if<GlyphRun>(&f.item)) rb.push_back({r->origin.x.v, r->origin.y.v});
        REQUIRE(ra.size() == rb.size());
        for (size_t k = 0; k < ra.size(); ++k) {
            CHECK(rb[k].first == Approx(ra[k].first + bleed));
            CHECK(rb[k].second == Approx(ra[k].second + bleed));
        }
    }
    // The cover band starts at the media's corner and spans its width.
    const BookStyle st = make_style(StyleKind::Handbook, PaperSize::A5);
    bool band = false;
    for (const Frame& f : b.pages[0].frames)
        if (const auto* box = std::get_if<Box>(&f.item); box && box->fill_color.r == st.accent.r) {
            band = true;
            CHECK(box->rect.x.v == Approx(0));
            CHECK(box->rect.y.v == Approx(0));
            CHECK(box->rect.width.v == Approx(b.pages[0].size.width.v));
        }
    CHECK(band);
    CHECK(a.pages[0].bleed.v == 0);
}
