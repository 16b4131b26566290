// Line breaking and justification against W3C clreq (anchors.md §4.1).
#include <catch2/catch.hpp>

#include "core/utf8.h"
#include "layout/linebreak.h"
#include "layout_helpers.h"

using namespace chuxin;
using namespace chuxin::layout;
using namespace chuxin::layout::testing;

namespace {

// A deterministic generator (no <random> distributions: their output is
// implementation-defined).
struct Lcg {
    unsigned long long s;
    unsigned next(unsigned n) {
        s = s * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<unsigned>((s >> 33) % n);
    }
};

std::string generated_text(unsigned seed, int tokens) {
    static const std::vector<std::string> han = {"学", "习", "党", "章", "理", "论", "组", "织", "建", "设",
                                                 "支", "部", "会", "议", "制", "度", "群", "众", "工", "作"};
    static const std::vector<std::string> marks = {"，", "。", "、", "；", "：", "？", "！", "——", "……",
                                                   "·", "～", "％", "）", "》", "」", "』", "”", "’"};
    static const std::vector<std::string> opens = {"（", "《", "「", "『", "“", "‘"};
    static const std::vector<std::string> latin = {"CPU", "2026", "v2.3", "PDF", " Word ", "GB/T 9704"};
    Lcg g{seed};
    std::string s;
    for (int i = 0; i < tokens; ++i) {
        const unsigned k = g.next(20);
        if (k < 12) s += han[g.next(static_cast<unsigned>(han.size()))];
        else if (k < 16) s += marks[g.next(static_cast<unsigned>(marks.size()))];
        else if (k < 18) s += opens[g.next(static_cast<unsigned>(opens.size()))] + han[g.next(20)];
        else s += latin[g.next(static_cast<unsigned>(latin.size()))];
    }
    return s;
}

std::vector<LineBox> set(const std::string& text, double width, Align align = Align::Justify,
                         double indent = 0) {
    FakeMetrics fm;
    return set_paragraph(text_spans(text), ParagraphSpec{body10(), Pt(width), Pt(indent), align}, fm, {});
}

}  // namespace

TEST_CASE("clreq prohibitions, unbreakable marks and justification over a large generated text") {
    for (unsigned seed = 1; seed <= 6; ++seed) {
        const double width = 200 + seed * 37.5;  // not a multiple of the em: justification must work
        const std::vector<LineBox> lines = set(generated_text(seed, 4000), width, Align::Justify, 20);
        REQUIRE(lines.size() > 50);
        for (size_t i = 0; i < lines.size(); ++i) {
            const LineInfo li = line_info(lines[i]);
            REQUIRE(!li.text.empty());
            INFO("seed " << seed << " line " << i << ": " << utf8::encode(li.text));
            if (i > 0) {
                CHECK_FALSE(no_line_start(li.text.front()));
                const LineInfo prev = line_info(lines[i - 1]);
                // —— and …… never split across lines.
                CHECK_FALSE((prev.text.back() == U'—' && li.text.front() == U'—'));
                CHECK_FALSE((prev.text.back() == U'…' && li.text.front() == U'…'));
            }
            if (i + 1 < lines.size()) {
                CHECK_FALSE(no_line_end(li.text.back()));
                CHECK(li.right == Approx(width).margin(0.01));  // flush right
            } else {
                CHECK(li.right < width + 0.01);  // the last line is not stretched
            }
            // 2-em indent on line 1; later lines start at the edge, an opening
            // mark's blank half hanging before it.
            const double hang = i > 0 && blank_left(li.text.front()) ? -5.0 : 0.0;
            CHECK(li.left == Approx(i == 0 ? 20.0 : hang).margin(0.01));
        }
    }
}

TEST_CASE("the last line of a paragraph is set at its natural width") {
    const std::vector<LineBox> lines = set("学习党章学习党章学习党章。学习党章", 100);
    REQUIRE(lines.size() == 2);
    const LineInfo last = line_info(lines[1]);
    // Natural: 10 pt per character, no extra space between them.
    REQUIRE(utf8::encode(last.text) == "党章。学习党章");
    for (size_t i = 0; i < last.pens.size(); ++i) CHECK(last.pens[i] == Approx(10.0 * i));
}

TEST_CASE("quarter-em between Han and Latin letters or digits, none at line edges") {
    const LineInfo li = line_info(set("学习CPU和2026年", 400, Align::Left).at(0));
    REQUIRE(utf8::encode(li.text) == "学习CPU和2026年");
    CHECK(li.pens[2] == Approx(20 + 2.5));          // 习|C: ¼ em of 10 pt
    CHECK(li.pens[5] == Approx(22.5 + 15 + 2.5));   // U|和
    CHECK(li.pens[6] == Approx(40 + 10 + 2.5));     // 和|2
    CHECK(li.pens[10] == Approx(52.5 + 20 + 2.5));  // 6|年
    // A line that starts with Latin text has no gap before it.
    CHECK(line_info(set("CPU学习", 400, Align::Left).at(0)).pens[0] == Approx(0));
}

TEST_CASE("adjacent full-width marks squeeze (2 em → 1.6 em)") {
    const LineInfo li = line_info(set("他说：「好。」我们", 400, Align::Left).at(0));
    REQUIRE(utf8::encode(li.text) == "他说：「好。」我们");
    CHECK(li.pens[3] - li.pens[2] == Approx(6));   // ：「 → 1.6 em together
    CHECK(li.pens[4] - li.pens[3] == Approx(10));
    CHECK(li.pens[6] - li.pens[5] == Approx(6));   // 。」 → the full stop gives up most of its blank half
    CHECK(li.pens[7] - li.pens[6] == Approx(10));
}

TEST_CASE("a full-width mark at the end of a line is trimmed to half width") {
    // Ten characters then 。 at exactly 10.5 em: fits only because the full
    // stop's blank half is trimmed at the line's end.
    const std::vector<LineBox> lines = set("学习党章学习党章学习。学习", 105);
    REQUIRE(lines.size() == 2);
    const LineInfo first = line_info(lines[0]);
    CHECK(utf8::encode(first.text) == "学习党章学习党章学习。");
    CHECK(first.right == Approx(105).margin(0.01));
}

TEST_CASE("an opening mark at the start of a later line gives up its blank half") {
    // 学习党章学习党章学 (9 em) then “学习”: the second line starts with the
    // opening quote, whose blank left half hangs before the line's edge, so
    // its ink sits on the text block's edge like the characters above it.
    const std::vector<LineBox> lines = set("学习党章学习党章学“学习党章学习党章”学习", 90);
    REQUIRE(lines.size() >= 2);
    const LineInfo second = line_info(lines[1]);
    REQUIRE(second.text.front() == U'“');
    CHECK(second.left == Approx(-5));
    CHECK(second.pens[1] == Approx(5).margin(0.01));  // the next character follows the ink, not the blank
    // With both trims "“学习党章学习党章”" is 9 em: it fits the 90 pt line
    // whole, flush at both edges, without being stretched.
    CHECK(utf8::encode(second.text) == "“学习党章学习党章”");
    CHECK(second.right == Approx(90).margin(0.01));
}

TEST_CASE("a paragraph's first line keeps its opening mark whole") {
    const std::vector<LineBox> lines = set("“学习党章”学习党章学习党章学习党章学习党章", 100);
    REQUIRE(lines.size() >= 2);
    CHECK(line_info(lines[0]).left == Approx(0));
}

TEST_CASE("squeeze in before pushing out (先挤进，后推出)") {
    // Eleven characters and a full stop need 115 pt (the stop trimmed); the
    // line has 107: compressing ， and 、 by 0.4 em each takes 学。 in rather
    // than pushing them to the next line.
    const std::vector<LineBox> lines = set("学习，党章、学习党章学。学习", 107);
    REQUIRE(lines.size() == 2);
    const LineInfo first = line_info(lines[0]);
    CHECK(utf8::encode(first.text) == "学习，党章、学习党章学。");
    CHECK(first.right == Approx(107).margin(0.01));
}

TEST_CASE("break opportunities are tailored for Chinese") {
    FakeMetrics fm;
    ShapeContext ctx{fm, body10(), {}};
    auto allowed_before = [&](const std::string& s, size_t i) {
        const std::vector<Atom> atoms = shape(text_spans(s), ctx);
        return break_opportunities(atoms)[i - 1] != 0;
    };
    CHECK_FALSE(allowed_before("马克思·恩格斯", 3));  // no break before ·
    CHECK_FALSE(allowed_before("一～三", 1));          // no break before ～
    CHECK_FALSE(allowed_before("他说——好", 3));       // not inside ——
    CHECK_FALSE(allowed_before("等等……好", 3));       // not inside ……
    CHECK_FALSE(allowed_before("见《党章》", 2));      // not after 《
    CHECK(allowed_before("学习党章", 2));
}

TEST_CASE("justification goes between characters, not into word spaces only") {
    const std::vector<LineBox> lines = set("学习党章学习党章学习党章学习党章", 95);
    REQUIRE(lines.size() == 2);
    const LineInfo li = line_info(lines[0]);
    REQUIRE(li.text.size() == 9);
    // 9 characters (90 pt) spread over 95 pt: 8 gaps of 0.625 pt each.
    for (size_t i = 1; i < li.pens.size(); ++i) CHECK(li.pens[i] - li.pens[i - 1] == Approx(10.625));
}

TEST_CASE("a page reference is never split across lines") {
    FakeMetrics fm;
    Inlines spans = text_spans("学习学习学习学习");
    spans.push_back(Span{SpanKind::PageRef, "", kPlain, "x", "", "", {}});
    const FolioLookup folio = [](const std::string&) { return std::string("12"); };
    const std::vector<LineBox> lines =
        set_paragraph(spans, ParagraphSpec{body10(), Pt(100), Pt(0), Align::Justify}, fm, folio);
    REQUIRE(lines.size() == 2);
    CHECK(utf8::encode(line_info(lines[1]).text) == "（第12页）");
}

TEST_CASE("a paragraph's last line never holds a single character") {
    const std::vector<LineBox> lines = set("学学学学学学学学学学学", 100);
    REQUIRE(lines.size() == 2);
    CHECK(line_info(lines[0]).text.size() == 9);
    CHECK(line_info(lines[0]).right == Approx(100).margin(0.01));  // still justified
    CHECK(line_info(lines[1]).text.size() == 2);
    // One character and its full stop count as a single character too.
    const std::vector<LineBox> stop = set("学学学学学学学学学学。", 100);
    REQUIRE(stop.size() == 2);
    CHECK(utf8::encode(line_info(stop[1]).text) == "学学。");
}

TEST_CASE("trims follow the glyph's ink when the fonts know it") {
    // An AR PL style font: 。 sits in the middle of its em box.
    struct CentredStop : FakeMetrics {
        std::optional<std::pair<double, double>> ink_extent(FaceId, char32_t cp) const override {
            if (cp == U'。') return std::pair<double, double>{0.377, 0.622};
            return std::nullopt;
        }
    } fm;
    const LineInfo li = line_info(
        set_paragraph(text_spans("好。」我们"), ParagraphSpec{body10(), Pt(400), Pt(0), Align::Left}, fm, {}).at(0));
    CHECK(li.pens[2] - li.pens[1] == Approx(10 - 3.78));  // only the blank right of the ink goes
    // At a line's end the trim is that blank too: the ink ends at the margin.
    const std::vector<LineBox> lines = set_paragraph(text_spans("学习党章学习党章学习。学习"),
                                                     ParagraphSpec{body10(), Pt(106.22), Pt(0), Align::Justify}, fm, {});
    REQUIRE(lines.size() == 2);
    const LineInfo first = line_info(lines[0]);
    CHECK(utf8::encode(first.text) == "学习党章学习党章学习。");
    CHECK(first.pens.back() + 6.22 == Approx(106.22).margin(0.01));
}

TEST_CASE("a line less than two-thirds full is left ragged, not spread") {
    // The Latin word cannot break and does not fit after 学习党章: the first
    // line holds 4 em of a 10 em measure.
    const std::vector<LineBox> lines = set("学习党章 abcdefghijklmnop", 100);
    REQUIRE(lines.size() == 2);
    const LineInfo first = line_info(lines[0]);
    CHECK(utf8::encode(first.text) == "学习党章");
    CHECK(first.right == Approx(40));
    // Fuller, and the spread needs at most ¼ em a gap: justified as usual.
    const std::vector<LineBox> full = set("学习党章学习党章 abcdefghijklmnop", 95);
    REQUIRE(full.size() == 2);
    CHECK(line_info(full[0]).right == Approx(95).margin(0.01));
}

TEST_CASE("a justified line opens no gap between characters by more than a quarter em") {
    // 8 characters on 107 pt would need 27 pt over 7 gaps (3.9 pt): each
    // gap takes ¼ em (2.5 pt) and the line stays short of the measure.
    const std::vector<LineBox> lines = set("学习党章学习党章 abcdefghijklmnop", 107);
    REQUIRE(lines.size() == 2);
    const LineInfo first = line_info(lines[0]);
    for (size_t i = 1; i < first.pens.size(); ++i) CHECK(first.pens[i] - first.pens[i - 1] == Approx(12.5));
    CHECK(first.right == Approx(97.5));
    // And over a large generated text at several measures.
    for (unsigned seed = 1; seed <= 4; ++seed) {
        const std::vector<LineBox> many = set(generated_text(seed, 3000), 150 + seed * 41.3);
        for (size_t i = 0; i + 1 < many.size(); ++i) {
            const LineInfo li = line_info(many[i]);
            for (size_t k = 1; k < li.text.size(); ++k) {
                if (!is_cjk_ideo(li.text[k - 1]) || !is_cjk_ideo(li.text[k])) continue;
                INFO("seed " << seed << " line " << i << " gap " << k);
                CHECK(li.pens[k] - li.pens[k - 1] <= 10 + 2.5 + 1e-6);
            }
        }
    }
}

TEST_CASE("justification takes the space two marks gave up first, then Han–Latin gaps, then every gap") {
    // 学：「学学学学学学: 9 em less the 0.4 em the pair ：「 gave up = 86 pt.
    // On 88 pt the 2 pt go back to the pair; the characters keep their pitch.
    const std::vector<LineBox> marks = set("学：「学学学学学学学习党章学习党章", 88);
    REQUIRE(marks.size() >= 2);
    const LineInfo m = line_info(marks[0]);
    REQUIRE(utf8::encode(m.text) == "学：「学学学学学学");
    CHECK(m.pens[2] - m.pens[1] == Approx(8));  // 6 pt squeezed → 8 pt
    for (size_t i = 3; i < m.pens.size(); ++i) CHECK(m.pens[i] - m.pens[i - 1] == Approx(10));
    CHECK(m.right == Approx(88).margin(0.01));
    // 学学CPU学学学学: the two Han–Latin gaps (¼ em each) widen first.
    const std::vector<LineBox> latin = set("学学CPU学学学学学学学学学学", 81);
    REQUIRE(latin.size() >= 2);
    const LineInfo l = line_info(latin[0]);
    REQUIRE(utf8::encode(l.text) == "学学CPU学学学学");
    CHECK(l.pens[1] - l.pens[0] == Approx(10));  // 学|学 untouched
    CHECK(l.pens[2] - l.pens[1] == Approx(10 + 2.5 + 0.5));   // 学|C: 2.5 + half of the 1 pt
    CHECK(l.pens[5] - l.pens[4] == Approx(5 + 2.5 + 0.5));    // U|学 (Latin letters are 5 pt wide)
    CHECK(l.pens[6] - l.pens[5] == Approx(10));
}
