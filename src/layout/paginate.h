#pragma once
// Paginate: a flow of slices → pages of placed frames, honouring keeps
// (headings with their text, widow/orphan pairs, table headers), repeating
// table headers on continued pages, and setting footnotes at the page foot.
//
// Footnotes: a line is placed only with the first line of each note it cites
// (two lines for a note of four or more); lines of a note that do not fit
// continue at the foot of the next page(s), before that page's own notes,
// under a full-measure rule (a quarter-measure rule otherwise). When a note
// has to be split, the note area takes at most half the type area while body
// text waits, so body text keeps flowing beside a note longer than a page;
// a split leaves no lone last line when the page can spare one. Notes still
// carried at the end of the flow get pages of their own.
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
