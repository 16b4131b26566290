#pragma once
// The 公文 grid (GB/T 9704 §5.2.3): every line of body text on 28 character
// cells, every row of the page one of 22. No punctuation is squeezed: a mark
// takes its whole cell. Digits take half a cell, Latin words their width
// in half cells; a line left half a cell short gives that half to its last
// odd run, so every full line still ends on the block's right edge. A closing
// mark that would open a line hangs past the end of a full one (Word's
// 允许标点溢出边界); an opening mark never ends a line.
#include <string>
#include <vector>

#include "layout/document.h"
#include "layout/gongwen_geometry.h"

namespace chuxin::layout::gongwen {

inline Span text_span(std::string text, unsigned flags = kPlain) {
    Span s;
    s.text = std::move(text);
    s.flags = flags;
    return s;
}

// One row of a page: frames relative to (type area's left, row's top).
struct Row {
    std::vector<Frame> frames;
    int span = 1;                 // rows taken
    // A piece of a table, image or quote set as a book sets it: its natural
    // height (0: `span` rows), and whether the text after it starts on the
    // next whole row (the piece is the block's last).
    Pt height{0};
    bool snap_after = false;
    bool blank = false;           // spacing: dropped at the top of a page
    bool keep_with_next = false;  // no page break after this row
    bool new_page = false;        // starts a page (each 附件)
    int halves = 0;               // half cells filled, indent not counted (56: a full unindented line)
    bool hung = false;            // a closing mark hangs past the right edge
    std::string role;             // what the row is, for tests: "body", "title", "落款" …
};

// Text in one face role (a run-in heading and its paragraph are two pieces).
struct Piece {
    Inlines spans;
    FaceRole role = FaceRole::Fangsong;
};

struct GridSpec {
    Pt size{16};
    Color color{0, 0, 0};
    int first_indent = 2;  // cells before the first line
    int indent = 0;        // cells before the other lines
    int right_indent = 0;  // cells kept free at the right
    std::string role = "body";
};

std::vector<Row> set_grid(const std::vector<Piece>& pieces, const GridSpec& spec, const Geometry& g,
                          const FontMetrics& fonts, SourcePos pos);

// One line, not broken: its frames starting `start_half` half cells in,
// and its width in half cells (for right-aligned and centred lines).
int grid_halves(const std::string& text, FaceRole role, Pt size, const Geometry& g, const FontMetrics& fonts);
Row grid_line(const std::string& text, FaceRole role, Pt size, Color color, int start_half, const Geometry& g,
              const FontMetrics& fonts, SourcePos pos, std::string what);

// A single line of natural width (title, 标志, 版记, folio): frames with the
// pen starting at x, baseline at `baseline`; returns the width.
Pt natural_line(const std::string& text, FaceRole role, Pt size, Color color, Pt x, Pt baseline,
                const FontMetrics& fonts, SourcePos pos, std::vector<Frame>& out);
Pt natural_width(const std::string& text, FaceRole role, Pt size, const FontMetrics& fonts);

// Baseline from a row's top: the em box centred in the row.
Pt row_baseline(const Geometry& g, Pt size);

}  // namespace chuxin::layout::gongwen
