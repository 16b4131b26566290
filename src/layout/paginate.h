#pragma once
// Paginate: a flow of slices → pages of placed frames, honouring keeps
// (headings with their text, widow/orphan pairs, table headers), repeating
// table headers on continued pages, and setting footnotes at the page foot.
#include <vector>

#include "layout/flow.h"

namespace chuxin::layout {

struct PageBody {
    std::vector<Frame> frames;  // relative to the type area's top-left
    Pt used;                    // height taken by text (footnotes excluded)
};

// `first_height` is the room on the first page (a chapter title may take
// the top), `height` the room on the following ones.
std::vector<PageBody> paginate(const std::vector<Slice>& flow, Pt first_height, Pt height,
                               Pt width, const BookStyle& style);

}  // namespace chuxin::layout
