#pragma once
// Break lines and justify them, after W3C clreq (anchors.md §4.1):
//  - break opportunities from libunibreak (lang "zh"), tailored: no break
//    before · ～ and the line-start-prohibited marks, none after opening
//    marks, never inside —— or ……;
//  - punctuation width adjustment: two adjacent full-width marks lose ½ em,
//    a full-width mark at a line's end is trimmed to half width, and so is
//    an opening mark at the start of any line but a paragraph's first;
//  - ¼ em between Han and Latin letters/digits (not at line edges);
//  - "先挤进，后推出": a line first squeezes its punctuation to take one more
//    piece, and only then pushes it to the next line;
//  - justification puts the remaining space between characters (pen
//    positions), never into word spacing; the last line is not justified.
#include <vector>

#include "layout/shape.h"

namespace chuxin::layout {

// allow[i]: a line may end after atom i (the last entry is always true).
std::vector<char> break_opportunities(const std::vector<Atom>& atoms);

struct LineSpec {
    size_t begin = 0;  // first atom
    size_t end = 0;    // one past the last atom drawn (trailing spaces dropped)
    size_t next = 0;   // first atom of the following line
    bool last = false; // paragraph's last line, or ends at a hard break: not justified
    bool trim_start = false; // not the paragraph's first line: an opening mark there loses its blank half
};

// Greedy first fit with squeezing. `first` is the measure of line 1 (the
// indent already taken off), `rest` of the others.
std::vector<LineSpec> break_lines(const std::vector<Atom>& atoms, Pt first, Pt rest);

// Pen positions (relative to the line's start) of atoms [begin, end), and
// the line's resulting width (right edge of the last ink box, trims applied).
struct PlacedLine {
    std::vector<Pt> pen;
    Pt width;
    // The blank the last atom gave up at the line's end (0 if none);
    // the backend then declares that mark's trimmed width (GlyphWidths).
    Pt end_trim;
};
PlacedLine place_line(const std::vector<Atom>& atoms, const LineSpec& line, Pt measure,
                      Align align);

}  // namespace chuxin::layout
