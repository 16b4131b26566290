#pragma once
// Helpers shared by the layout tests: read lines back out of frames.
#include <string>
#include <vector>

#include "core/memory_world.h"
#include "fake_metrics.h"
#include "layout/chars.h"
#include "layout/paragraph.h"

namespace chuxin::layout::testing {

// A World with no files: books whose images are not the point.
inline const World& no_files() {
    static const MemoryWorld world;
    return world;
}

struct LineInfo {
    std::u32string text;
    double left = 0;   // pen of the first glyph
    double right = 0;  // right edge of the last glyph's ink box (end trim applied)
    std::vector<double> pens;  // absolute pen positions
};

inline LineInfo line_info(const LineBox& lb) {
    FakeMetrics fm;
    LineInfo li;
    bool first = true;
    for (const Frame& f : lb.frames) {
        const auto* r = std::get_if<GlyphRun>(&f.item);
        if (!r || r->size.v < 5) continue;  // skip footnote marks
        for (size_t i = 0; i < r->text.size(); ++i) {
            const double pen = r->origin.x.v + r->x[i].v;
            if (first) li.left = pen, first = false;
            li.text.push_back(r->text[i]);
            li.pens.push_back(pen);
            const char32_t cp = r->text[i];
            li.right = pen + fm.advance(r->face, cp) * r->size.v - (blank_right(cp) ? r->size.v * 0.5 : 0);
        }
    }
    return li;
}

inline Inlines text_spans(const std::string& s) {
    return Inlines{Span{SpanKind::Text, s, kPlain, "", "", "", {}}};
}

inline TextStyle body10() {
    TextStyle t;
    t.size = Pt(10);
    t.leading = Pt(16);
    return t;
}

}  // namespace chuxin::layout::testing
