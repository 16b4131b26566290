#pragma once
// The pieces of a 公文 page that are not body text (gongwen.cpp puts them
// together). Frames are in the type area's coordinates: x from its left
// edge, y from its top edge.
#include <string>
#include <vector>

#include "layout/gongwen.h"
#include "layout/gongwen_grid.h"

namespace chuxin::layout::gongwen {

// 版头 (§7.2): its frames and the first grid row free for the title
// (two empty rows under the red line, §7.3.1).
struct Head {
    std::vector<Frame> frames;
    int first_row = 0;
    Pt red_rule_y{0};
};
Head head_frames(const Gongwen& doc, const Geometry& g, const FontMetrics& fonts);

// The title (§7.3.1) broken by sense into centred lines of 2号: one row each.
std::vector<std::string> title_lines(const std::string& title, const Geometry& g, const FontMetrics& fonts);

// 版记 (§7.4): how many rows it takes at the foot of the last page, and its
// frames (0 rows: nothing to print).
struct Record {
    int rows = 0;
    std::vector<Frame> frames;  // y from the type area's top, ending at its bottom
};
Record record_frames(const Gongwen& doc, const Geometry& g, const FontMetrics& fonts);

// "— 1 —" (§7.5), 4号, one character in from the outside edge.
std::vector<Frame> folio_frames(int number, const Geometry& g, const FontMetrics& fonts);

}  // namespace chuxin::layout::gongwen
