#pragma once
// A hand-made laid-out document for the PDF backend tests and the
// 300-page benchmark: a tiny greedy "layout" (one run per face change)
// standing in for src/layout, so these tests never depend on it.
#include <string>

#include "fonts/font_set.h"
#include "layout/frame.h"

namespace chuxin::pdf_test {

using namespace chuxin::layout;

inline constexpr Size kA5{Pt::mm(148), Pt::mm(210)};

class SampleBuilder {
public:
    explicit SampleBuilder(const fonts::FontSet& fonts) : fonts_(fonts) {}
    Page& page(PageNumberStyle style, int number);
    // Places `text` on one line from x at baseline y; `tracking` is extra
    // space after every character (justification). Returns the width.
    double line(Page& page, const std::u32string& text, FaceRole role, double size, double x,
                double y, double tracking = 0, Color color = {}, SourcePos pos = {});
    // Fills a line of `width` exactly (clreq-style inter-character justification).
    void justified(Page& page, const std::u32string& text, FaceRole role, double size, double x,
                   double y, double width);
    double natural_width(const std::u32string& text, FaceRole role, double size) const;
    LaidOutDocument doc;

private:
    const fonts::FontSet& fonts_;
};

// `pages` A5 pages of justified body text (Song 10.5/17 pt, some Latin),
// about 3,800 distinct Han characters, headings in Hei, one bookmark per
// 10 pages, roman front matter then decimal.
LaidOutDocument synthetic_book(const fonts::FontSet& fonts, int pages);

}  // namespace chuxin::pdf_test
