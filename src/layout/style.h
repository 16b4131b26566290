#pragma once
// Page geometry and type sizes of the two book styles (design.md):
// `handbook` (A5 booklet) and `gbt9704` (GB/T 9704-2012 page, anchors.md §4.2).
#include "layout/document.h"
#include "layout/frame.h"
#include "layout/metrics.h"

namespace chuxin::layout {

struct TextStyle {
    FaceRole role = FaceRole::Song;
    Pt size{10.5};
    Pt leading{17};   // baseline-to-baseline pitch
    Pt tracking{0};   // added to every character advance (GB/T 9704: 28 per line)
    Color color{34, 34, 34};
};

enum class FolioKind { OutsideFoot, GbtDash };

struct BookStyle {
    Size page;
    Pt top, bottom, inside, outside;  // margins; inside = binding side
    TextStyle body;
    TextStyle heading[4];             // heading ranks 1..4
    Pt heading_space_before[4];
    TextStyle chapter_title;
    TextStyle part_title;
    TextStyle cover_title;
    TextStyle small;                  // tables, code, captions
    TextStyle footnote;
    TextStyle running_head;
    TextStyle folio;
    FolioKind folio_kind = FolioKind::OutsideFoot;
    bool running_heads = true;
    bool number_headings = false;     // 一、（一）1.（1） (GB/T 9704 §7.3.3)
    Pt bleed{0};                      // what reaches the trim edge runs on this far (cover band)
    Color accent{181, 18, 27};        // Party red: cover band only
    Color rule{120, 120, 120};
    Color tint{246, 242, 236};        // panels
    Color code_tint{242, 242, 242};
    Color header_tint{228, 228, 228}; // table header rows

    Pt text_width() const { return page.width - inside - outside; }
    Pt text_height() const { return page.height - top - bottom; }
};

Size paper_size(PaperSize paper);
BookStyle make_style(StyleKind kind, PaperSize paper);
const char* paper_name(PaperSize paper);

}  // namespace chuxin::layout
