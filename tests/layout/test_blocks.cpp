// Block placement and pagination: widow/orphan control, table header
// repetition, lists with drawn task boxes.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdio>
#include <map>
#include <filesystem>

#include "core/utf8.h"
#include "layout/paginate.h"
#include "layout/style.h"
#include "layout_helpers.h"
#include "support/files.h"

using namespace chuxin;
using namespace chuxin::layout;
using namespace chuxin::layout::testing;

namespace {

Block paragraph(const std::string& text) {
    Block b;
    b.kind = BlockKind::Paragraph;
    b.inlines = text_spans(text);
    return b;
}

std::string repeat(const std::string& s, int n) {
    std::string out;
    for (int i = 0; i < n; ++i) out += s;
    return out;
}

struct Fixture {
    FakeMetrics fm;
    BookStyle st = make_style(StyleKind::Handbook, PaperSize::A5);
    Diagnostics diags;
    MemoryWorld world;
    ImageSizes images{world};
    FlowContext ctx{fm, st, {}, diags, images, {}, {0, 0, 0, 0}, 1, true};
    Column col{Pt(0), st.text_width(), st.body, true};

    std::vector<Slice> flow(const std::vector<Block>& blocks) {
        std::vector<Slice> out;
        flow_blocks(blocks, col, ctx, out);
        return out;
    }
    // Text of each page, one string per line (runs on the same baseline joined).
    std::vector<std::vector<std::string>> page_lines(const std::vector<PageBody>& pages) {
        std::vector<std::vector<std::string>> out;
        for (const PageBody& p : pages) {
            std::vector<std::pair<double, std::string>> lines;
            for (const Frame& f : p.frames)
                if (const auto* r = std::get_if<GlyphRun>(&f.item)) {
                    const double y = r->origin.y.v;
                    if (!lines.empty() && std::abs(lines.back().first - y) < 0.5)
                        lines.back().second += utf8::encode(r->text);
                    else
                        lines.push_back({y, utf8::encode(r->text)});
                }
            std::vector<std::string> texts;
            for (auto& l : lines) texts.push_back(l.second);
            out.push_back(texts);
        }
        return out;
    }
};

}  // namespace

TEST_CASE("no widow or orphan line at a page break") {
    Fixture fx;
    const int per_line = static_cast<int>(fx.st.text_width().v / fx.st.body.size.v);
    const int lines_per_page = static_cast<int>(fx.st.text_height().v / fx.st.body.leading.v);
    REQUIRE(lines_per_page > 10);
    for (int filler = 1; filler <= 4; ++filler) {
        // Filler paragraphs of one line, then a five-line paragraph that
        // meets the page break at every possible line.
        std::vector<Block> blocks;
        for (int i = 0; i < lines_per_page - filler; ++i) blocks.push_back(paragraph("短行"));
        blocks.push_back(paragraph(repeat("学", per_line * 5 - 6)));
        const std::vector<Slice> flow = fx.flow(blocks);
        const std::vector<PageBody> pages =
            paginate(flow, fx.st.text_height(), fx.st.text_height(), fx.st.text_width(), fx.st);
        REQUIRE(pages.size() == 2);
        const auto lines = fx.page_lines(pages);
        size_t on_first = 0;
        for (const std::string& l : lines[0]) on_first += l.find("学") != std::string::npos;
        const size_t on_second = lines[1].size();
        INFO("filler " << filler << ": " << on_first << " + " << on_second);
        CHECK(on_first + on_second == 5);
        CHECK(on_first != 1);   // orphan: first line alone at the foot
        CHECK(on_second != 1);  // widow: last line alone at the head
    }
}

TEST_CASE("a heading is never the last thing on a page") {
    Fixture fx;
    const int lines_per_page = static_cast<int>(fx.st.text_height().v / fx.st.body.leading.v);
    std::vector<Block> blocks;
    for (int i = 0; i < lines_per_page - 2; ++i) blocks.push_back(paragraph("短行"));
    Block h;
    h.kind = BlockKind::Heading;
    h.level = 1;
    h.inlines = text_spans("标题");
    blocks.push_back(h);
    blocks.push_back(paragraph(repeat("学", 200)));
    const auto lines = fx.page_lines(
        paginate(fx.flow(blocks), fx.st.text_height(), fx.st.text_height(), fx.st.text_width(), fx.st));
    REQUIRE(lines.size() >= 2);
    CHECK(lines[0].back() == "短行");
    CHECK(lines[1].front() == "标题");
}

TEST_CASE("long tables split between rows and repeat their header") {
    Fixture fx;
    Block t;
    t.kind = BlockKind::Table;
    t.header_rows = 1;
    t.rows.push_back(TableRow{{TableCell{text_spans("序号")}, TableCell{text_spans("书目")}}, ""});
    for (int i = 1; i <= 80; ++i)
        t.rows.push_back(TableRow{{TableCell{text_spans(std::to_string(i))},
                                   TableCell{text_spans("《中国共产党章程》第" + std::to_string(i) + "讲")}},
                                  ""});
    const auto pages = paginate(fx.flow({t}), fx.st.text_height(), fx.st.text_height(), fx.st.text_width(), fx.st);
    REQUIRE(pages.size() >= 3);
    const auto lines = fx.page_lines(pages);
    int rows = 0;
    for (const auto& page : lines) {
        REQUIRE(!page.empty());
        CHECK(page.front() == "序号书目");  // header first on every page
        rows += static_cast<int>(page.size()) - 1;
    }
    CHECK(rows == 80);  // every row once, none split or lost
}

TEST_CASE("table columns take their widths from their content and cells wrap") {
    Fixture fx;
    Block t;
    t.kind = BlockKind::Table;
    t.header_rows = 1;
    t.rows.push_back(TableRow{{TableCell{text_spans("号")}, TableCell{text_spans("内容")}}, ""});
    t.rows.push_back(TableRow{{TableCell{text_spans("1")}, TableCell{text_spans(repeat("学习", 60))}}, ""});
    const std::vector<Slice> flow = fx.flow({t});
    REQUIRE(flow.size() == 2);
    // The long cell wraps to several lines; the narrow column stays narrow.
    CHECK(flow[1].height.v > 3 * fx.st.small.leading.v);
    std::vector<double> xs;
    for (const Frame& f : flow[1].frames)
        if (const auto* l = std::get_if<Line>(&f.item); l && l->from.x == l->to.x) xs.push_back(l->from.x.v);
    REQUIRE(xs.size() == 3);
    CHECK(xs[1] - xs[0] < fx.st.text_width().v * 0.2);
    CHECK(xs[2] == Approx(fx.st.text_width().v));
}

TEST_CASE("task list items draw their boxes as shapes") {
    Fixture fx;
    Block list;
    list.kind = BlockKind::List;
    list.items.push_back(ListItem{TaskState::Open, {paragraph("未完成")}});
    list.items.push_back(ListItem{TaskState::Done, {paragraph("已完成")}});
    const std::vector<Slice> flow = fx.flow({list});
    REQUIRE(flow.size() == 2);
    auto count = [](const Slice& s, auto pred) {
        int n = 0;
        for (const Frame& f : s.frames) n += pred(f) ? 1 : 0;
        return n;
    };
    auto is_box = [](const Frame& f) { return std::holds_alternative<Box>(f.item); };
    auto is_line = [](const Frame& f) { return std::holds_alternative<Line>(f.item); };
    CHECK(count(flow[0], is_box) == 1);
    CHECK(count(flow[0], is_line) == 0);
    CHECK(count(flow[1], is_box) == 1);
    CHECK(count(flow[1], is_line) == 2);  // the tick
}

TEST_CASE("footnotes are set at the foot of the page that cites them") {
    Fixture fx;
    Block p = paragraph("正文");
    p.inlines.push_back(Span{SpanKind::FootnoteRef, "注释的内容。", kPlain, "", "", "1", {}});
    p.inlines.push_back(Span{SpanKind::Text, "继续。", kPlain, "", "", "", {}});
    const auto pages = paginate(fx.flow({p}), fx.st.text_height(), fx.st.text_height(), fx.st.text_width(), fx.st);
    REQUIRE(pages.size() == 1);
    bool found = false;
    for (const Frame& f : pages[0].frames)
        if (const auto* r = std::get_if<GlyphRun>(&f.item); r && utf8::encode(r->text).find("注释") != std::string::npos) {
            found = true;
            CHECK(r->origin.y.v > fx.st.text_height().v - 3 * fx.st.footnote.leading.v);
        }
    CHECK(found);
}

TEST_CASE("image sizes are read from PNG and JPEG headers, each file asked of the World once") {
    // Written by the test itself: a minimal PNG header and a JPEG SOF0.
    const unsigned char png[] = {0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R',
                                 0, 0, 2, 0x58, 0, 0, 1, 0x2C};
    const unsigned char jpg[] = {0xFF, 0xD8, 0xFF, 0xE0, 0, 4, 0, 0, 0xFF, 0xC0, 0, 11, 8, 0, 200, 1, 0x40, 3};
    MemoryWorld world;
    world.add_file("content/a/header.png", std::string(reinterpret_cast<const char*>(png), sizeof png));
    world.add_file("static/header.jpg", std::string(reinterpret_cast<const char*>(jpg), sizeof jpg));
    world.add_file("static/notes.txt", "not an image");
    ImageSizes sizes(world);
    CHECK_FALSE(sizes.find("content/a/missing.png").has_value());
    REQUIRE(sizes.find("content/a/header.png").has_value());
    CHECK(sizes.find("content/a/header.png")->width == 600);
    CHECK(sizes.find("content/a/header.png")->height == 300);
    CHECK(sizes.find("static/header.jpg")->width == 320);
    CHECK(sizes.find("static/header.jpg")->height == 200);
    CHECK(sizes.find("static/notes.txt")->width == 0);
    CHECK(world.requests() == std::vector<std::string>{"file content/a/missing.png (missing)", "file content/a/header.png",
                                                       "file static/header.jpg", "file static/notes.txt"});
}

TEST_CASE("a missing image is set as its text with a warning at its place; an unreadable one says so") {
    Fixture fx;
    fx.world.add_file("content/a/bad.png", "not an image");
    Block missing;
    missing.kind = BlockKind::Image;
    missing.path = "content/a/chart.png";
    missing.alt = "柱状图";
    missing.pos = SourcePos{"content/a/page.md", 12, 3};
    Block bad = missing;
    bad.path = "content/a/bad.png";
    bad.pos.line = 14;
    const auto slices = fx.flow({missing, bad});
    const auto sorted = fx.diags.sorted();
    REQUIRE(sorted.size() == 2);
    CHECK(sorted[0].pos.file == "content/a/page.md");
    CHECK(sorted[0].pos.line == 12);
    CHECK(sorted[0].pos.col == 3);
    CHECK(sorted[0].message == "image 'content/a/chart.png' not found; its text is set instead");
    CHECK_FALSE(sorted[0].hint.empty());
    CHECK(sorted[1].message.find("is not a readable PNG or JPEG") != std::string::npos);
    std::string text;
    for (const Slice& s : slices)
        for (const Frame& f : s.frames)
            if (const auto* r = std::get_if<GlyphRun>(&f.item)) text += utf8::encode(r->text);
    CHECK(text.find("柱状图") != std::string::npos);
}

TEST_CASE("a row taller than a page splits across pages") {
    Fixture fx;
    Block t;
    t.kind = BlockKind::Table;
    t.header_rows = 1;
    t.rows.push_back(TableRow{{TableCell{text_spans("号")}, TableCell{text_spans("内容")}}, ""});
    t.rows.push_back(TableRow{{TableCell{text_spans("1")}, TableCell{text_spans(repeat("学习党章。", 400))}}, ""});
    const auto pages = paginate(fx.flow({t}), fx.st.text_height(), fx.st.text_height(), fx.st.text_width(), fx.st);
    REQUIRE(pages.size() >= 3);
    for (const PageBody& p : pages) CHECK(p.used.v <= fx.st.text_height().v + 0.01);  // nothing runs off
    const auto lines = fx.page_lines(pages);
    size_t chars = 0;
    for (const auto& page : lines) {
        CHECK(page.front() == "号内容");  // the header repeats on every page
        for (size_t i = 1; i < page.size(); ++i) chars += utf8::length(page[i]);
    }
    CHECK(chars == 2000 + 1);  // every character once, plus the row number
}

TEST_CASE("Chinese cell text is justified; a status label beside its mark and Latin text stay ragged") {
    Fixture fx;
    Block t;
    t.kind = BlockKind::Table;
    t.header_rows = 1;
    t.rows.push_back(TableRow{{TableCell{text_spans("问题")}, TableCell{text_spans("编号")},
                               TableCell{text_spans("状态")}}, ""});
    // The issue cell wraps; "A-1 B-2 …" wraps too but is Latin; the status wraps before （.
    t.rows.push_back(TableRow{{TableCell{text_spans(repeat("理论学习不够系统深入，", 6))},
                               TableCell{text_spans("A-1 B-2 C-3 D-4 E-5 F-6 G-7 H-8 I-9")},
                               TableCell{text_spans("整改中（已逾期三十日以上）")}}, ""});
    t.row_marks = {Mark::None, Mark::Overdue};
    const std::vector<Slice> flow = fx.flow({t});
    REQUIRE(flow.size() == 2);
    // Column edges: the vertical rules of the row.
    std::vector<double> xs;
    for (const Frame& f : flow[1].frames)
        if (const auto* l = std::get_if<Line>(&f.item); l && l->from.x == l->to.x) xs.push_back(l->from.x.v);
    std::sort(xs.begin(), xs.end());
    REQUIRE(xs.size() == 4);
    std::map<double, std::vector<const GlyphRun*>> by_line;
    for (const Frame& f : flow[1].frames)
        if (const auto* r = std::get_if<GlyphRun>(&f.item)) by_line[r->origin.y.v].push_back(r);
    std::vector<double> issue_right;   // right ink edge of each line of the issue cell
    int label_lines = 0, latin_lines = 0;
    for (const auto& [y, runs] : by_line)
        for (const GlyphRun* r : runs) {
            const std::string text = utf8::encode(r->text);
            const double x0 = r->origin.x.v;
            if (x0 < xs[1]) {
                if (r->widths == GlyphWidths::TrimmedMarks) issue_right.back() = x0 + r->size.v * 0.5;
                else issue_right.push_back(x0 + r->x.back().v + r->size.v);
            } else if (x0 >= xs[2] && text.find("整改中") == 0) {
                ++label_lines;  // never spread: at most one em per character
                for (size_t i = 1; i < r->x.size(); ++i) CHECK(r->x[i].v - r->x[i - 1].v <= r->size.v + 1e-6);
            } else if (x0 >= xs[1] && x0 < xs[2] && text.find('-') != std::string::npos) {
                ++latin_lines;
                CHECK(x0 + r->x.back().v < xs[2] - r->size.v * 0.5);  // ragged: ends short of the cell's edge
            }
        }
    REQUIRE(issue_right.size() >= 3);
    for (size_t i = 0; i + 1 < issue_right.size(); ++i)
        CHECK(issue_right[i] == Approx(issue_right[0]).margin(0.01));  // flush, all but the last line
    CHECK(issue_right[0] > xs[1] - fx.st.small.size.v);                 // at the cell's inner edge
    CHECK(label_lines == 1);
    CHECK(latin_lines >= 1);
}

TEST_CASE("an image with a title prints it as a caption under it, kept together") {
    const unsigned char h[] = {0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R',
                               0, 0, 2, 0x58, 0, 0, 1, 0x2C};
    Fixture fx;
    fx.world.add_file("content/caption.png", std::string(reinterpret_cast<const char*>(h), sizeof h));
    Block img;
    img.kind = BlockKind::Image;
    img.path = "content/caption.png";
    img.title = "图1 上半年执行情况";
    const std::vector<Slice> flow = fx.flow({img});
    REQUIRE(flow.size() == 2);
    CHECK(flow[0].keep_with_next);
    const Image* picture = nullptr;
    for (const Frame& f : flow[0].frames)
        if (const auto* i = std::get_if<Image>(&f.item)) picture = i;
    REQUIRE(picture);
    std::vector<const GlyphRun*> runs;
    for (const Frame& f : flow[1].frames)
        if (const auto* r = std::get_if<GlyphRun>(&f.item)) runs.push_back(r);
    REQUIRE(!runs.empty());
    std::string text;
    for (const GlyphRun* r : runs) text += utf8::encode(r->text);
    CHECK(text == "图1 上半年执行情况");
    CHECK(runs[0]->size.v == fx.st.small.size.v);
    // Centred under the image.
    const GlyphRun* last = runs.back();
    const double left = runs[0]->origin.x.v;
    const double right = (last->origin.x + last->x.back()).v + last->size.v;
    CHECK((left + right) / 2 == Approx((picture->rect.x + picture->rect.width / 2.0).v).margin(0.5 * last->size.v));
    // Without a title: no caption, nothing kept.
    img.title.clear();
    const std::vector<Slice> bare = fx.flow({img});
    CHECK(bare.size() == 1);
}
