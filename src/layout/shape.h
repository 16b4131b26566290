#pragma once
// Collect and shape: inline spans → atoms, one per code point, each with its
// face (FontMetrics::face_for), size and advance. No kerning or ligatures:
// Chinese text is set on the em grid, and the backend draws code points.
#include <functional>
#include <string>
#include <vector>

#include "layout/document.h"
#include "layout/style.h"

namespace chuxin::layout {

struct Atom {
    char32_t cp = 0;
    FaceId face = 0;
    Pt size;
    Color color;
    Pt advance;          // natural advance, tracking included
    Pt rise;             // baseline shift (negative = up): footnote marks
    int span = -1;       // index into the paragraph's Inlines
    unsigned flags = 0;  // InlineFlag
    bool hard_break = false;  // a LineBreak span: the line must end here
    bool glue_next = false;   // no break after this atom ("（第12页）" stays whole)
    // Blank space a punctuation mark may give up (clreq §3.1.6): right of a
    // closing mark, left of an opening one; from the glyph's ink when the
    // fonts know it, else the GB assumption of ½ em.
    Pt blank_l, blank_r;
};

// Folio lookup for page references: dest → "12"; "" when not yet known.
using FolioLookup = std::function<std::string(const std::string& dest)>;

struct ShapeContext {
    const FontMetrics& fonts;
    TextStyle base;
    FolioLookup folio;
};

// The face role a span's flags select within a base role (strong → 黑体,
// emphasis → 楷体, code → mono).
FaceRole role_for(FaceRole base, unsigned flags);

std::vector<Atom> shape(const Inlines& spans, const ShapeContext& ctx);

// "（第12页）" (content-format §4).
std::string page_ref_text(const std::string& folio);

// Natural width of a single-line string in a style (TOC numbers, folios).
Pt measure(const std::string& utf8, const TextStyle& style, const FontMetrics& fonts);

}  // namespace chuxin::layout
