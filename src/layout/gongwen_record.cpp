// 版记 (GB/T 9704 §7.4) and folios (§7.5).
#include <algorithm>

#include "core/utf8.h"
#include "layout/chars.h"
#include "layout/gongwen_parts.h"

namespace chuxin::layout::gongwen {

namespace {

// Lines of 4号 text in `width`, continuation lines starting at `hang`
// (§7.4.2: 回行时与冒号后的首字对齐); no closing mark opens a line.
std::vector<std::pair<Pt, std::u32string>> wrap(const std::u32string& text, Pt width, Pt hang, Pt size,
                                                const FontMetrics& fonts) {
    std::vector<std::pair<Pt, std::u32string>> lines;
    std::u32string cur;
    Pt x{0}, start{0};
    for (size_t i = 0; i < text.size(); ++i) {
        const char32_t c = text[i];
        const Pt adv = size * fonts.advance(fonts.face_for(c, FaceRole::Fangsong), c);
        if (x + adv > width - start && !cur.empty() && !no_line_start(c)) {
            lines.push_back({start, cur});
            cur.clear();
            start = hang;
            x = Pt(0);
        }
        cur.push_back(c);
        x += adv;
    }
    if (!cur.empty()) lines.push_back({start, cur});
    return lines;
}

Line rule(Pt y, Pt width, Pt thickness) { return Line{{Pt(0), y}, {width, y}, thickness, Color{0, 0, 0}}; }

}  // namespace

Record record_frames(const Gongwen& doc, const Geometry& g, const FontMetrics& fonts) {
    Record rec;
    const bool printed = !doc.printed_by.empty() || !doc.printed_date.empty();
    if (doc.cc.empty() && !printed) return rec;
    const Pt size = g.small_size;
    const Pt one = size;  // 一字 of 4号
    const Pt baseline = row_baseline(g, size);
    std::vector<std::pair<Pt, std::u32string>> cc_lines;
    if (!doc.cc.empty()) {
        std::string text = "抄送：";
        for (size_t i = 0; i < doc.cc.size(); ++i) text += (i ? "，" : "") + doc.cc[i];
        text += "。";  // §7.4.2: the last name takes a 句号
        const Pt label = natural_width("抄送：", FaceRole::Fangsong, size, fonts);
        cc_lines = wrap(utf8::decode(text), g.width - one * 2.0, label, size, fonts);
    }
    rec.rows = static_cast<int>(cc_lines.size()) + (printed ? 1 : 0);
    const Pt top = g.height - g.pitch() * static_cast<double>(rec.rows);
    rec.frames.push_back(Frame{rule(top, g.width, g.record_thick), doc.pos});
    for (size_t i = 0; i < cc_lines.size(); ++i) {
        const Pt y = top + g.pitch() * static_cast<double>(i) + baseline;
        natural_line(utf8::encode(cc_lines[i].second), FaceRole::Fangsong, size, g.black, one + cc_lines[i].first, y,
                     fonts, doc.pos, rec.frames);
    }
    if (printed) {
        const Pt row_top = g.height - g.pitch();
        if (!cc_lines.empty()) rec.frames.push_back(Frame{rule(row_top, g.width, g.record_thin), doc.pos});
        // §7.4.3: 印发机关 one character in from the left, 印发日期 one in from the right.
        natural_line(doc.printed_by, FaceRole::Fangsong, size, g.black, one, row_top + baseline, fonts, doc.pos,
                     rec.frames);
        if (!doc.printed_date.empty()) {
            const std::string date = doc.printed_date + "印发";
            const Pt w = natural_width(date, FaceRole::Fangsong, size, fonts);
            natural_line(date, FaceRole::Fangsong, size, g.black, g.width - one - w, row_top + baseline, fonts, doc.pos,
                         rec.frames);
        }
    }
    rec.frames.push_back(Frame{rule(g.height, g.width, g.record_thick), doc.pos});
    return rec;
}

std::vector<Frame> folio_frames(int number, const Geometry& g, const FontMetrics& fonts) {
    std::vector<Frame> out;
    const Pt size = g.small_size;
    const std::string text = "— " + std::to_string(number) + " —";
    const Pt w = natural_width(text, FaceRole::Song, size, fonts);
    // The 一字线 sit on the em box's middle, 7 mm under the type area.
    const Pt baseline = g.height + g.folio_drop + size * (0.88 - 0.5);
    const bool odd = number % 2 == 1;
    const Pt x = odd ? g.width - size - w : size;  // 空一字 from the outside edge
    natural_line(text, FaceRole::Song, size, g.black, x, baseline, fonts, {}, out);
    return out;
}

}  // namespace chuxin::layout::gongwen
