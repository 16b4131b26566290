#pragma once
// Set a paragraph: shape → break lines → justify → frames, one LineBox per
// line. Frames are relative to the line box's top-left corner.
#include <vector>

#include "layout/linebreak.h"

namespace chuxin::layout {

struct LineBox {
    Pt height;
    std::vector<Frame> frames;
    std::vector<const Span*> footnotes;  // notes whose marks sit on this line
    Pt width;                            // ink width (for tests and TOC leaders)
};

struct ParagraphSpec {
    TextStyle style;
    Pt width;               // measure
    Pt indent{0};           // first-line indent (2 em for body text)
    Align align = Align::Justify;
};

std::vector<LineBox> set_paragraph(const Inlines& spans, const ParagraphSpec& spec,
                                   const FontMetrics& fonts, const FolioLookup& folio);

// Baseline offset from the top of a line box of `leading` for text of `size`:
// the em box is centred in the line (ideographic em box: 0.88 above baseline).
Pt baseline_in_line(Pt leading, Pt size);

}  // namespace chuxin::layout
