// 版头 of GB/T 9704-2012 §7.2.
#include "layout/gongwen_parts.h"

#include <algorithm>
#include <cmath>

#include "core/utf8.h"
#include "layout/flow.h"

namespace chuxin::layout::gongwen {

namespace {

Line rule(Pt y, Pt width, Pt thickness, Color color) { return Line{{Pt(0), y}, {width, y}, thickness, color}; }

// §7.2.5: "签发人：" in 仿宋, the names in 楷体, two names a line, lines
// aligned on the first name; the block ends one character from the right.
// Returns the rows' tops (relative to `top`) it used.
int signer_rows(const Gongwen& doc, const Geometry& g, const FontMetrics& fonts, Pt top,
                std::vector<Frame>& out) {
    const std::string label = "签发人：";
    const Pt size = g.body_size;
    std::vector<std::string> lines;
    for (size_t i = 0; i < doc.signers.size(); i += 2)
        lines.push_back(doc.signers[i] + (i + 1 < doc.signers.size() ? "　" + doc.signers[i + 1] : ""));
    Pt widest{0};
    for (const std::string& l : lines) widest = std::max(widest, natural_width(l, FaceRole::Kai, size, fonts));
    const Pt names_x = g.width - g.cell() - widest;  // 居右空一字
    const Pt label_x = names_x - natural_width(label, FaceRole::Fangsong, size, fonts);
    for (size_t r = 0; r < lines.size(); ++r) {
        const Pt baseline = top + g.pitch() * static_cast<double>(r) + row_baseline(g, size);
        if (r == 0) natural_line(label, FaceRole::Fangsong, size, g.black, label_x, baseline, fonts, doc.pos, out);
        natural_line(lines[r], FaceRole::Kai, size, g.black, names_x, baseline, fonts, doc.pos, out);
    }
    return static_cast<int>(lines.size());
}

}  // namespace

Head head_frames(const Gongwen& doc, const Geometry& g, const FontMetrics& fonts) {
    Head head;
    const Pt size = g.body_size;
    // §7.2.1 份号 and §7.2.2 密级: 顶格 on the first rows, left.
    int row = 0;
    if (!doc.copy_number.empty()) {
        Row r = grid_line(doc.copy_number, g.body, size, g.black, 0, g, fonts, doc.pos, "份号");
        translate(r.frames, Pt(0), g.pitch() * row++);
        for (Frame& f : r.frames) head.frames.push_back(std::move(f));
    }
    if (!doc.secret_level.empty()) {
        Row r = grid_line(doc.secret_level, FaceRole::Hei, size, g.black, 0, g, fonts, doc.pos, "密级");
        translate(r.frames, Pt(0), g.pitch() * row++);
        for (Frame& f : r.frames) head.frames.push_back(std::move(f));
    }
    // §7.2.4 发文机关标志: red, centred, top edge 35 mm below the type area's top.
    Pt below = g.pitch() * row;
    if (!doc.mark.empty()) {
        const Pt natural = natural_width(doc.mark, g.title, Pt(1), fonts);
        const Pt mark_size = std::min(g.mark_max, Pt(g.width.v / std::max(natural.v, 1.0)));
        const Pt w = natural_width(doc.mark, g.title, mark_size, fonts);
        natural_line(doc.mark, g.title, mark_size, g.red, (g.width - w) / 2.0, g.mark_top + mark_size * 0.88,
                     fonts, doc.pos, head.frames);
        below = g.mark_top + mark_size;
    }
    // §7.2.5 发文字号: two empty rows under the 标志, centred; for a 上行文
    // left with one character in, on the row of the last 签发人.
    const Pt first = below + g.pitch() * 2.0;
    Pt last_row_top = first;
    if (!doc.signers.empty()) {
        const int rows = signer_rows(doc, g, fonts, first, head.frames);
        last_row_top = first + g.pitch() * static_cast<double>(rows - 1);
    }
    if (!doc.doc_number.empty()) {
        const Pt w = natural_width(doc.doc_number, g.body, size, fonts);
        const Pt x = doc.signers.empty() ? (g.width - w) / 2.0 : g.cell();
        natural_line(doc.doc_number, g.body, size, g.black, x, last_row_top + row_baseline(g, size), fonts, doc.pos,
                     head.frames);
    }
    const bool has_number_row = !doc.doc_number.empty() || !doc.signers.empty();
    if (doc.mark.empty() && !has_number_row) {  // no 版头: the title opens the page
        head.first_row = row;
        return head;
    }
    // §7.2.6: the red line 4 mm under the 发文字号 (its em box's foot).
    const Pt text_foot = last_row_top + row_baseline(g, size) + size * 0.12;
    head.red_rule_y = (has_number_row ? text_foot : below) + g.red_rule_gap;
    head.frames.push_back(Frame{rule(head.red_rule_y, g.width, g.red_rule, g.red), doc.pos});
    // §7.3.1: the title two empty rows under the line.
    head.first_row = static_cast<int>(std::floor(head.red_rule_y.v / g.pitch().v)) + 3;
    return head;
}

}  // namespace chuxin::layout::gongwen
