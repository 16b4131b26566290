// A 公文 (style gbt9704) checked on the positioned boxes against the
// measurements of GB/T 9704-2012 (docs/handbook.md "A 公文"): the grid,
// the red line, title, 落款, 版记 and folios within 0.5 mm.
#include <catch2/catch.hpp>

#include <cmath>
#include <map>

#include "fake_metrics.h"
#include "core/memory_world.h"
#include "core/utf8.h"
#include "layout/gongwen.h"
#include "layout/gongwen_geometry.h"
#include "layout/gongwen_parts.h"

using namespace chuxin;
using namespace chuxin::layout;
using chuxin::layout::testing::FakeMetrics;

namespace {

const double kMm = 72.0 / 25.4;
const double kTol = 0.5 * kMm;  // 0.5 mm
const gongwen::Geometry G;

Block paragraph(const std::string& text) {
    Block b;
    b.inlines.push_back(gongwen::text_span(text));
    return b;
}

Block heading(int level, const std::string& text) {
    Block b = paragraph(text);
    b.kind = BlockKind::Heading;
    b.level = level;
    return b;
}

std::string repeat(const std::string& s, int n) {
    std::string out;
    for (int i = 0; i < n; ++i) out += s;
    return out;
}

// Every element of the standard, and enough text for four pages.
Gongwen fixture() {
    Gongwen d;
    d.issuer = "中共示例区委办公室";
    d.mark = "中共示例区委办公室文件";
    d.doc_number = "示办发〔2026〕12号";
    d.secret_level = "秘密★1年";
    d.copy_number = "000001";
    d.title = "中共示例区委办公室关于加强机关党支部标准化建设的意见";
    d.recipients = "各街道党工委，区委各部委办局党组（党委）";
    d.body.push_back(paragraph("为深入学习贯彻党的二十大精神，推动机关党支部建设全面进步、全面过硬，经区委同意，现提出如下意见。"));
    d.body.push_back(heading(1, "总体要求"));
    for (int i = 0; i < 6; ++i)
        d.body.push_back(paragraph(repeat("坚持以党的政治建设为统领，全面提升组织力，", 3) + "每月至少开展1次主题党日，全年不少于24学时。"));
    d.body.push_back(heading(2, "主要任务"));
    d.body.push_back(heading(3, "健全组织体系"));
    d.body.push_back(paragraph(repeat("按照应建尽建的原则，及时调整优化支部设置，", 4)));
    d.body.push_back(heading(4, "规范组织生活"));
    d.body.push_back(paragraph(repeat("严格落实“三会一课”制度，认真开展组织生活会和民主评议党员，", 4)));
    for (int i = 0; i < 30; ++i) d.body.push_back(paragraph(repeat("各级党组织要高度重视，切实抓好落实。", 4)));
    d.attachments.push_back({"机关党支部标准化建设评价指标", {paragraph(repeat("支部班子健全，", 10))}, {}});
    d.attachments.push_back({"2026年度工作安排表", {paragraph(repeat("按季度安排，", 10))}, {}});
    d.signed_date = "2026年3月12日";
    d.note = "此件发至基层党支部";
    d.cc = {"区委组织部", "区委宣传部", "区直机关工委"};
    d.printed_by = "中共示例区委办公室";
    d.printed_date = "2026年3月13日";
    return d;
}

struct Glyph {
    char32_t cp;
    double x, right, baseline, size;
    Color color;
};

// A text line of a page: its glyphs at one baseline and size.
struct TextLine {
    std::u32string text;
    std::vector<Glyph> glyphs;
    double left() const { return glyphs.front().x; }
    double right() const { return glyphs.back().right; }
    double baseline() const { return glyphs.front().baseline; }
    double size() const { return glyphs.front().size; }
};

std::vector<TextLine> lines_of(const Page& page, const FakeMetrics& fm) {
    std::map<std::pair<long, long>, TextLine> by;
    for (const Frame& f : page.frames) {
        const auto* r = std::get_if<GlyphRun>(&f.item);
        if (!r) continue;
        for (size_t i = 0; i < r->text.size(); ++i) {
            const double x = r->origin.x.v + r->x[i].v;
            const Glyph g{r->text[i], x, x + fm.advance(r->face, r->text[i]) * r->size.v, r->origin.y.v, r->size.v,
                          r->color};
            TextLine& l = by[{std::lround(g.baseline * 100), std::lround(r->size.v > 15 ? 16 : r->size.v)}];
            l.text.push_back(g.cp);
            l.glyphs.push_back(g);
        }
    }
    std::vector<TextLine> out;
    for (auto& [key, l] : by) {
        std::sort(l.glyphs.begin(), l.glyphs.end(), [](const Glyph& a, const Glyph& b) { return a.x < b.x; });
        l.text.clear();
        for (const Glyph& g : l.glyphs) l.text.push_back(g.cp);
        out.push_back(l);
    }
    return out;
}

const TextLine* find_line(const std::vector<TextLine>& lines, const std::u32string& part) {
    for (const TextLine& l : lines)
        if (l.text.find(part) != std::u32string::npos) return &l;
    return nullptr;
}

std::vector<const Line*> rules_of(const Page& page) {
    std::vector<const Line*> out;
    for (const Frame& f : page.frames)
        if (const auto* l = std::get_if<Line>(&f.item)) out.push_back(l);
    return out;
}

double left_of(int page_number) { return G.left(page_number).v; }
double top() { return G.top.v; }
double pitch() { return G.pitch().v; }
double cell() { return G.cell().v; }

const TextLine* find_exact(const std::vector<TextLine>& lines, const std::u32string& text) {
    for (const TextLine& l : lines)
        if (l.text == text) return &l;
    return nullptr;
}

// The grid row a line sits in (its em box centred in the row).
double row_of(const TextLine& l) {
    return (l.baseline() - 0.88 * l.size() - (pitch() - l.size()) / 2 - top()) / pitch();
}

// A body line (3号, black, not a heading of another face) on the grid.
bool is_body(const TextLine& l) { return std::abs(l.size() - 16) < 0.01 && l.glyphs.front().color == Color{0, 0, 0}; }

}  // namespace

TEST_CASE("gongwen: A4, every full page holds 22 lines on the grid and every full line 28 cells") {
    FakeMetrics fm;
    Diagnostics diags;
    const LaidOutDocument doc = layout_gongwen(fixture(), fm, MemoryWorld(), diags);
    REQUIRE(doc.pages.size() >= 4);
    CHECK(std::abs(doc.pages[0].size.width.v - 210 * kMm) < 0.01);
    CHECK(std::abs(doc.pages[0].size.height.v - 297 * kMm) < 0.01);
    CHECK(std::abs(pitch() * 22 - 225 * kMm) < 1e-6);
    CHECK(std::abs(cell() * 28 - 156 * kMm) < 1e-6);
    int full_pages = 0, full_lines = 0;
    for (size_t p = 1; p + 1 < doc.pages.size(); ++p) {  // pages 2 … n−1: body text only
        const int number = static_cast<int>(p + 1);
        std::vector<TextLine> body;
        for (const TextLine& l : lines_of(doc.pages[p], fm))
            if (is_body(l) && l.baseline() < top() + 225 * kMm) body.push_back(l);
        if (body.size() < 22 || body.front().text.find(U"附件") == 0) continue;  // an 附件's first page
        ++full_pages;
        CHECK(body.size() == 22);
        for (size_t k = 0; k < body.size(); ++k) {
            // Row k's em box centred in the row: baseline = top + k·pitch + (pitch − 16)/2 + 0.88·16.
            const double expect = top() + pitch() * static_cast<double>(k) + (pitch() - 16) / 2 + 0.88 * 16;
            CHECK(std::abs(body[k].baseline() - expect) < 0.01);
            // Han glyphs are centred in half cells of the grid.
            for (const Glyph& g : body[k].glyphs) {
                if (g.cp < 0x2000) continue;
                const double in = (g.x - left_of(number) - (cell() - 16) / 2) / (cell() / 2);
                CHECK(std::abs(in - std::round(in)) < 1e-6);
            }
            const TextLine& l = body[k];
            const bool next_starts_paragraph =
                k + 1 < body.size() && body[k + 1].left() > left_of(number) + cell() * 1.5;
            const double right_edge = left_of(number) + 156 * kMm;
            // A hung closing mark sits past the edge; the cell before it ends there.
            double right = l.right();
            if (right > right_edge + cell() / 2) right = l.glyphs[l.glyphs.size() - 2].right;
            if (next_starts_paragraph || k + 1 == body.size()) continue;
            ++full_lines;
            INFO("page " << number << " line " << k << ": " << utf8::encode(l.text));
            CHECK(std::abs(right - right_edge) < kTol);
            const double start = (l.left() - left_of(number) - (cell() - 16) / 2) / cell();
            CHECK((std::abs(start) < 0.05 || std::abs(start - 2) < 0.05));  // 顶格, or a paragraph's 2-cell indent
        }
    }
    CHECK(full_pages >= 2);
    CHECK(full_lines >= 30);
}

TEST_CASE("gongwen: 版头 — 份号, 密级, red 标志 35 mm down, 发文字号 two rows under it, red line 4 mm under that") {
    FakeMetrics fm;
    Diagnostics diags;
    const LaidOutDocument doc = layout_gongwen(fixture(), fm, MemoryWorld(), diags);
    const std::vector<TextLine> lines = lines_of(doc.pages[0], fm);
    const TextLine* copy = find_line(lines, U"000001");
    const TextLine* secret = find_line(lines, U"秘密★1年");
    const TextLine* mark = find_line(lines, U"中共示例区委办公室文件");
    const TextLine* number = find_line(lines, U"示办发〔2026〕12号");
    REQUIRE(copy);
    REQUIRE(secret);
    REQUIRE(mark);
    REQUIRE(number);
    CHECK(std::abs(copy->left() - left_of(1)) < kTol);    // 顶格
    CHECK(std::abs(secret->left() - left_of(1) - (cell() - 16) / 2) < kTol);
    CHECK(copy->baseline() < secret->baseline());
    // 标志: red, centred, its em box's top edge 35 mm below the type area's top.
    CHECK(mark->glyphs.front().color == Color{230, 0, 18});
    CHECK(std::abs(mark->baseline() - 0.88 * mark->size() - (top() + 35 * kMm)) < kTol);
    CHECK(std::abs((mark->left() - left_of(1)) - (left_of(1) + 156 * kMm - mark->right())) < kTol);
    CHECK(mark->right() - mark->left() <= 156 * kMm + 0.01);
    // 发文字号 centred; its em box two rows below the 标志's.
    CHECK(std::abs((number->left() - left_of(1)) - (left_of(1) + 156 * kMm - number->right())) < kTol);
    const double mark_foot = mark->baseline() + 0.12 * mark->size();
    const double number_top = number->baseline() - 0.88 * 16;
    CHECK(std::abs(number_top - mark_foot - (2 * pitch() + (pitch() - 16) / 2)) < kTol);
    // The red line: the type area's width, 4 mm under the 发文字号.
    const Line* red = nullptr;
    for (const Line* l : rules_of(doc.pages[0]))
        if (l->color == Color{230, 0, 18}) red = l;
    REQUIRE(red);
    CHECK(std::abs(red->from.x.v - left_of(1)) < 0.01);
    CHECK(std::abs(red->to.x.v - red->from.x.v - 156 * kMm) < 0.01);
    CHECK(std::abs(red->from.y.v - (number->baseline() + 0.12 * 16) - 4 * kMm) < kTol);
    // Title: centred lines in 2号 on grid rows, the first two empty rows under the red line.
    const TextLine* t1 = find_exact(lines, U"中共示例区委办公室");
    const TextLine* t2 = find_line(lines, U"关于加强机关党支部标准化建设的意见");
    REQUIRE(t1);
    REQUIRE(t2);
    CHECK(t1->size() == Approx(22));
    CHECK(t1->text == U"中共示例区委办公室");  // broken before 关于, which stays with its 的
    CHECK(std::abs(t2->baseline() - t1->baseline() - pitch()) < 0.01);
    const double t1_row = row_of(*t1);
    CHECK(std::abs(t1_row - std::round(t1_row)) < 1e-6);
    const double row_top = top() + pitch() * std::round(t1_row);
    CHECK(row_top - red->from.y.v >= 2 * pitch() - 0.01);
    CHECK(row_top - red->from.y.v < 3 * pitch());
    CHECK(std::abs((t2->left() - left_of(1)) - (left_of(1) + 156 * kMm - t2->right())) < kTol);
    // 主送机关 one empty row under the title, 顶格, with its colon.
    const TextLine* to = find_line(lines, U"各街道党工委");
    REQUIRE(to);
    CHECK(std::abs(row_of(*to) - row_of(*t2) - 2) < 1e-6);
    CHECK(std::abs(to->left() - left_of(1) - (cell() - 16) / 2) < kTol);
    CHECK(to->text.back() == U'：');
}

TEST_CASE("gongwen: 落款 and 成文日期 four cells from the right, 附注 under it, 附件 on pages of their own") {
    FakeMetrics fm;
    Diagnostics diags;
    const LaidOutDocument doc = layout_gongwen(fixture(), fm, MemoryWorld(), diags);
    for (size_t p = 0; p < doc.pages.size(); ++p) {
        const int number = static_cast<int>(p + 1);
        const std::vector<TextLine> lines = lines_of(doc.pages[p], fm);
        const TextLine* date = find_line(lines, U"2026年3月12日");
        if (!date) continue;
        const TextLine* name = find_exact(lines, U"中共示例区委办公室");
        const TextLine* note = find_line(lines, U"（此件发至基层党支部）");
        const TextLine* att = find_line(lines, U"附件：1.机关党支部标准化建设评价指标");
        const TextLine* att2 = find_line(lines, U"2.2026年度工作安排表");
        REQUIRE(name);
        REQUIRE(note);
        REQUIRE(att);
        REQUIRE(att2);
        const double right_edge = left_of(number) + 156 * kMm;
        // The date's last cell ends four cells before the right edge.
        CHECK(std::abs(date->right() - (right_edge - 4 * cell() - (16 - cell()) / 2)) < kTol);
        CHECK(std::abs((name->left() + name->right()) / 2 - (date->left() + date->right()) / 2) < cell() / 2 + kTol);
        CHECK(std::abs(date->baseline() - name->baseline() - pitch()) < 0.01);
        // The seal's room: two empty rows between the text above and the 署名.
        CHECK(std::abs(name->baseline() - att2->baseline() - 3 * pitch()) < 0.01);
        CHECK(std::abs(note->baseline() - date->baseline() - pitch()) < 0.01);
        CHECK(std::abs(note->left() - left_of(number) - 2 * cell() - (cell() - 16) / 2) < kTol);
        // 附件说明: two cells in, the second name under the first.
        CHECK(std::abs(att->left() - left_of(number) - 2 * cell() - (cell() - 16) / 2) < kTol);
        CHECK(std::abs(att2->left() - att->glyphs[3].x) < kTol);
    }
    int attachments = 0;
    for (size_t p = 0; p < doc.pages.size(); ++p) {
        const std::vector<TextLine> lines = lines_of(doc.pages[p], fm);
        for (const TextLine& l : lines)
            if (l.text == U"附件1" || l.text == U"附件2") {
                ++attachments;
                CHECK(std::abs(l.baseline() - top() - (pitch() - 16) / 2 - 0.88 * 16) < 0.01);  // first row
                CHECK(std::abs(l.left() - left_of(static_cast<int>(p + 1)) - (cell() - 16) / 2) < kTol);
            }
    }
    CHECK(attachments == 2);
}

TEST_CASE("gongwen: 版记 at the foot of the last page, an even one; folios outside, one character in") {
    FakeMetrics fm;
    Diagnostics diags;
    const LaidOutDocument doc = layout_gongwen(fixture(), fm, MemoryWorld(), diags);
    REQUIRE(doc.pages.size() % 2 == 0);
    const Page& last = doc.pages.back();
    const int n = static_cast<int>(doc.pages.size());
    const std::vector<TextLine> lines = lines_of(last, fm);
    const TextLine* cc = find_line(lines, U"抄送：区委组织部，区委宣传部，区直机关工委。");
    // 印发机关 and 印发日期 share one row: one line from the left, one from the right.
    const TextLine* by = find_line(lines, U"中共示例区委办公室");
    const TextLine* on = find_line(lines, U"2026年3月13日印发");
    CHECK(by == on);
    REQUIRE(cc);
    REQUIRE(by);
    REQUIRE(on);
    const double bottom = top() + 225 * kMm;
    std::vector<double> ys;
    for (const Line* l : rules_of(last)) ys.push_back(l->from.y.v);
    std::sort(ys.begin(), ys.end());
    REQUIRE(ys.size() == 3);
    CHECK(std::abs(ys[2] - bottom) < 0.01);  // the last rule on the type area's foot
    CHECK(ys[0] < cc->baseline());
    CHECK(ys[1] > cc->baseline());
    CHECK(ys[1] < on->baseline());
    CHECK(std::abs(cc->left() - left_of(n) - 14) < kTol);              // 左空一字 (4号)
    CHECK(std::abs(by->left() - left_of(n) - 14) < kTol);
    CHECK(std::abs(left_of(n) + 156 * kMm - 14 - on->right()) < kTol);  // 右空一字
    CHECK(cc->size() == Approx(14));
    for (size_t p = 0; p < doc.pages.size(); ++p) {
        const int number = static_cast<int>(p + 1);
        const std::u32string folio = U"— " + utf8::decode(std::to_string(number)) + U" —";
        const std::vector<TextLine> page_lines = lines_of(doc.pages[p], fm);
        const TextLine* f = find_line(page_lines, folio);
        if (doc.pages[p].number_style == PageNumberStyle::None) {
            CHECK(!f);
            continue;
        }
        REQUIRE(f);
        CHECK(f->size() == Approx(14));
        // The dashes' middle (the em box's) 7 mm below the type area.
        CHECK(std::abs(f->baseline() - 0.38 * 14 - bottom - 7 * kMm) < kTol);
        if (number % 2 == 1) CHECK(std::abs(left_of(number) + 156 * kMm - 14 - f->right()) < kTol);
        else CHECK(std::abs(f->left() - left_of(number) - 14) < kTol);
    }
    // Even pages are the backs of odd ones: their type area is mirrored.
    CHECK(std::abs(left_of(2) - 26 * kMm) < 0.01);
    CHECK(std::abs(left_of(1) - 28 * kMm) < 0.01);
}

TEST_CASE("gongwen: a 上行文 puts the 发文字号 left and 签发人 right on one row") {
    FakeMetrics fm;
    Diagnostics diags;
    Gongwen d = fixture();
    d.signers = {"张三", "李四", "王五"};
    const LaidOutDocument doc = layout_gongwen(d, fm, MemoryWorld(), diags);
    const std::vector<TextLine> lines = lines_of(doc.pages[0], fm);
    const TextLine* number = find_line(lines, U"示办发〔2026〕12号");
    const TextLine* last_signer = find_line(lines, U"王五");
    const TextLine* first = find_line(lines, U"签发人：");
    REQUIRE(number);
    REQUIRE(last_signer);
    REQUIRE(first);
    CHECK(std::abs(number->left() - left_of(1) - cell()) < kTol);  // 居左空一字
    CHECK(std::abs(number->baseline() - last_signer->baseline()) < 0.01);
    CHECK(std::abs(first->right() - (left_of(1) + 156 * kMm - cell())) < kTol);  // 居右空一字
    CHECK(first->baseline() < last_signer->baseline());
}

TEST_CASE("gongwen: headings are numbered by level, and a number the author wrote is kept") {
    FakeMetrics fm;
    Diagnostics diags;
    Gongwen d;
    d.title = "关于开展主题党日活动的通知";
    d.body = {heading(1, "总体要求"), paragraph("正文。"), heading(1, "三、自带编号"), heading(2, "组织领导"),
              heading(3, "健全组织"), paragraph("按照应建尽建的原则调整支部。"), heading(4, "配强班子"),
              paragraph("支部书记由党员负责人担任。")};
    const LaidOutDocument doc = layout_gongwen(d, fm, MemoryWorld(), diags);
    std::u32string all;
    for (const TextLine& l : lines_of(doc.pages[0], fm)) all += l.text + U"\n";
    INFO(utf8::encode(all));
    CHECK(all.find(U"一、总体要求\n") != std::u32string::npos);
    CHECK(all.find(U"三、自带编号\n") != std::u32string::npos);
    CHECK(all.find(U"二、三、") == std::u32string::npos);
    CHECK(all.find(U"（一）组织领导\n") != std::u32string::npos);
    // 1. and （1） run on into their paragraph, closed with 。
    CHECK(all.find(U"1.健全组织。按照应建尽建的原则调整支部。") != std::u32string::npos);
    CHECK(all.find(U"（1）配强班子。支部书记由党员负责人担任。") != std::u32string::npos);
    // Faces: 一、 黑体, （一） 楷体, 1. 仿宋加粗 (the 仿宋 drawn bold), （1） 仿宋 —
    // the fake's faces are the roles.
    std::map<char32_t, FaceId> face;
    std::map<char32_t, bool> bold;
    for (const Frame& f : doc.pages[0].frames)
        if (const auto* r = std::get_if<GlyphRun>(&f.item))
            for (char32_t c : r->text) {
                face.emplace(c, r->face);
                bold.emplace(c, r->synthetic_bold);
            }
    CHECK(face.at(U'总') == static_cast<FaceId>(FaceRole::Hei));
    CHECK(face.at(U'领') == static_cast<FaceId>(FaceRole::Kai));
    CHECK(face.at(U'健') == static_cast<FaceId>(FaceRole::Fangsong));
    CHECK(bold.at(U'健'));
    CHECK(face.at(U'配') == static_cast<FaceId>(FaceRole::Fangsong));
    CHECK_FALSE(bold.at(U'配'));
    CHECK_FALSE(bold.at(U'按'));  // the paragraph the bold heading runs into
}

TEST_CASE("gongwen: a bare document (no 版头, no 落款, no 版记) is one page that opens with its title") {
    FakeMetrics fm;
    Diagnostics diags;
    Gongwen d;
    d.title = "关于开展主题党日活动的通知";
    Block p = paragraph("正文。");
    Span note;
    note.kind = SpanKind::FootnoteRef;
    note.label = "1";
    note.text = "见附件";
    p.inlines.push_back(note);
    d.body = {p};
    const LaidOutDocument doc = layout_gongwen(d, fm, MemoryWorld(), diags);
    REQUIRE(doc.pages.size() == 1);
    CHECK(rules_of(doc.pages[0]).empty());
    const std::vector<TextLine> lines = lines_of(doc.pages[0], fm);
    REQUIRE(lines.size() >= 2);
    CHECK(lines[0].text == U"关于开展主题党日活动的通知");
    CHECK(std::abs(row_of(lines[0])) < 1e-6);
    CHECK(find_line(lines, U"正文。（见附件）"));  // a footnote is kept, in parentheses
    CHECK(diags.sorted().empty());
    Gongwen empty;
    CHECK(layout_gongwen(empty, fm, MemoryWorld(), diags).pages.size() == 1);
}

TEST_CASE("gongwen titles break by sense: 关于…的 kept whole, no one-character line") {
    FakeMetrics fm;
    using gongwen::title_lines;
    CHECK(title_lines("关于开展主题党日活动的通知", G, fm) == std::vector<std::string>{"关于开展主题党日活动的通知"});
    CHECK(title_lines("中共示例区委办公室关于加强机关党支部标准化建设的意见", G, fm) ==
          std::vector<std::string>{"中共示例区委办公室", "关于加强机关党支部标准化建设的意见"});
    // 21 characters: one too many for a line, and never a lone 知 below.
    const auto lines = title_lines("中共示例区委办公室关于开展学思践悟主题党日的通知", G, fm);
    REQUIRE(lines.size() == 2);
    CHECK(lines[0] == "中共示例区委办公室");
    for (const std::string& l : title_lines("关于进一步加强和改进新时代机关党支部标准化规范化建设工作的通知", G, fm))
        CHECK(utf8::decode(l).size() >= 2);
}

TEST_CASE("gongwen grid: digits in half cells, a line still ends on the grid") {
    FakeMetrics fm;
    gongwen::GridSpec spec;
    // 27 Han + one digit = 27.5 cells: the digit takes the spare half, the line ends at 28.
    std::string text = repeat("党", 26) + "1" + "次" + repeat("学", 10);
    const auto rows = gongwen::set_grid({gongwen::Piece{{gongwen::text_span(text)}, FaceRole::Fangsong}},
                                        gongwen::GridSpec{Pt(16), Color{}, 0, 0, 0, "body"}, G, fm, {});
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].halves == 56);
    (void)spec;
    // A closing mark that would open a line hangs at the end of the full one.
    const auto hung = gongwen::set_grid({gongwen::Piece{{gongwen::text_span(repeat("党", 28) + "。再")}, FaceRole::Fangsong}},
                                        gongwen::GridSpec{Pt(16), Color{}, 0, 0, 0, "body"}, G, fm, {});
    REQUIRE(hung.size() == 2);
    CHECK(hung[0].hung);
    CHECK(hung[0].halves == 56);
    // An opening mark never ends a line: it goes down with what it opens.
    const auto pushed = gongwen::set_grid({gongwen::Piece{{gongwen::text_span(repeat("党", 27) + "“再见”")}, FaceRole::Fangsong}},
                                          gongwen::GridSpec{Pt(16), Color{}, 0, 0, 0, "body"}, G, fm, {});
    REQUIRE(pushed.size() == 2);
    CHECK(pushed[0].halves == 54);
}
TEST_CASE("gongwen: dump of the lines (run by hand)", "[.debug]") {
    FakeMetrics fm;
    Diagnostics diags;
    Gongwen d = fixture();
    d.signers = {"张三", "李四", "王五"};
    const LaidOutDocument doc = layout_gongwen(d, fm, MemoryWorld(), diags);
    for (size_t p = 0; p < doc.pages.size(); ++p)
        for (const TextLine& l : lines_of(doc.pages[p], fm))
            WARN(p + 1 << " y=" << l.baseline() << " x=" << l.left() << ".." << l.right() << " s=" << l.size() << " " << utf8::encode(l.text));
}
