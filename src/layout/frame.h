#pragma once
// What the layout engine produces and the PDF backend consumes: pages of
// positioned items, each tied to its source. Nothing here knows libharu.
// Coordinates: points (1/72 in), origin at the page's top-left, y downwards
// (the backend flips to PDF's bottom-left origin).
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "core/source_pos.h"

namespace chuxin::layout {

struct Pt {
    double v = 0;
    constexpr Pt() = default;
    constexpr explicit Pt(double x) : v(x) {}
    static constexpr Pt mm(double x) { return Pt(x * 72.0 / 25.4); }
    constexpr Pt operator+(Pt o) const { return Pt(v + o.v); }
    constexpr Pt operator-(Pt o) const { return Pt(v - o.v); }
    constexpr Pt operator*(double k) const { return Pt(v * k); }
    constexpr Pt operator/(double k) const { return Pt(v / k); }
    constexpr Pt& operator+=(Pt o) { v += o.v; return *this; }
    constexpr Pt& operator-=(Pt o) { v -= o.v; return *this; }
    constexpr auto operator<=>(const Pt&) const = default;
};

struct Point { Pt x, y; };
struct Size { Pt width, height; };
struct Rect { Pt x, y, width, height; };
template <class T> struct Sides { T top, right, bottom, left; };

struct Color {
    uint8_t r = 0, g = 0, b = 0;
    auto operator<=>(const Color&) const = default;
};

// A face the document uses, by index into Document-level font table
// (FontTable in fonts/); the layout engine only needs metrics.
using FaceId = int;

// Which advance widths the backend declares for a run's glyphs. A full-width
// mark at a line's end is trimmed to its ink (clreq §3.1.6), but PDF text
// extraction (poppler, so pdftotext, search highlights) sizes each glyph's
// box from the font's declared width (/W), not from the pen movement: drawn
// from the normal font, the box of a trimmed 。 sticks out past the margin.
// TrimmedMarks runs are drawn from a variant of the face whose declared
// advance for these marks is the trimmed one (FontMetrics::trimmed_advance).
enum class GlyphWidths { Natural, TrimmedMarks };

// One run of glyphs in one face and size, placed glyph by glyph: `x` holds
// each code point's pen position relative to `origin.x` (justification puts
// extra space between characters, clreq §3.7 — not word spacing).
struct GlyphRun {
    Point origin;              // baseline start
    FaceId face = 0;
    Pt size;
    Color color;
    std::u32string text;       // code points, one glyph each
    std::vector<Pt> x;         // same length as text
    // TrimmedMarks only for a line-end mark whose blank side
    // the line gave up (one glyph, drawn at the same pen position).
    GlyphWidths widths = GlyphWidths::Natural;
    // Drawn filled and stroked in its own colour: the bold of a face that
    // has none (GB/T 9704 §7.3.3's 仿宋加粗; no bold 仿宋 is packaged).
    bool synthetic_bold = false;
};

struct Line {                  // a straight rule
    Point from, to;
    Pt thickness;
    Color color;
};

struct Box {                   // filled and/or stroked rectangle
    Rect rect;
    bool fill = true;
    Color fill_color;
    bool stroke = false;
    Color stroke_color;
    Pt stroke_width;
};

struct Image {
    Rect rect;
    std::string path;          // site-relative file (World::read_file): PNG or JPEG
};

struct LinkArea {              // clickable rectangle
    Rect rect;
    std::string dest;          // internal destination name, or "" for URI
    std::string uri;           // external link, or ""
};

struct Destination {           // a named place links and bookmarks jump to
    std::string name;
    Pt y;
};

using Item = std::variant<GlyphRun, Line, Box, Image, LinkArea, Destination>;

struct Frame {
    Item item;
    SourcePos source;          // where it came from (for tests and warnings)
};

enum class PageNumberStyle { None, LowerRoman, Decimal };

struct Page {
    Size size;                            // the media: the trimmed page plus the bleed on each side
    Pt bleed{0};                          // the trimmed page is `size` inset by this on every side
    std::vector<Frame> frames;
    int number = 0;                       // folio shown (1-based within its style)
    PageNumberStyle number_style = PageNumberStyle::Decimal;
};

struct Bookmark {
    std::string title;
    std::string dest;
    int level = 0;                        // 0 = part/top, 1 = chapter, …
};

struct DocumentInfo {
    std::string title, author, subject, creator;
    // No date: the PDF writer takes it from the World's clock.
};

// The whole laid-out book: what the pdf backend writes.
struct LaidOutDocument {
    DocumentInfo info;
    std::vector<Page> pages;
    std::vector<Bookmark> bookmarks;      // in document order
};

}  // namespace chuxin::layout
