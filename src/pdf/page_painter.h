#pragma once
// Turns one page's frames into libharu page operators. Frames use a
// top-left origin with y downwards; PDF uses bottom-left, y upwards.
#include <hpdf.h>

#include <map>
#include <unordered_map>
#include <optional>
#include <set>
#include <string>
#include <utility>

#include "core/diagnostic.h"
#include "fonts/font_set.h"
#include "layout/frame.h"
#include "pdf/hpdf_document.h"
#include "pdf/images.h"

namespace chuxin::pdf {

struct NamedPlace {
    HPDF_Page page = nullptr;
    double top = 0;  // PDF y (bottom-left origin)
};

// What painting needs from the document as a whole.
struct PaintContext {
    HpdfDocument& pdf;
    const fonts::FontSet& fonts;
    // Per face and declared widths (a TrimmedMarks variant is its own font).
    const std::map<std::pair<layout::FaceId, layout::GlyphWidths>, HPDF_Font>& embedded;
    const std::map<std::string, NamedPlace>& places;
    ImageCache& images;
    Diagnostics& diags;
    // libharu's width of (face, widths, cp) in 1/1000 em, shared by all
    // pages; key = face << 33 | widths << 32 | cp.
    std::unordered_map<uint64_t, double> widths;
};

// A destination at `place` that keeps the reader's zoom and horizontal
// scroll: [page /XYZ null top null] (ISO 32000 §12.3.2.2).
HPDF_Destination make_destination(HPDF_Doc pdf, const NamedPlace& place);

class PagePainter {
public:
    PagePainter(PaintContext& ctx, HPDF_Page page, double page_height)
        : ctx_(ctx), page_(page), height_(page_height) {}
    void paint(const layout::Frame& frame);
    void finish();  // closes an open text object

private:
    void text(const layout::GlyphRun& run, const SourcePos& pos);
    void line(const layout::Line& l);
    void box(const layout::Box& b);
    void image(const layout::Image& img, const SourcePos& pos);
    void link(const layout::LinkArea& area, const SourcePos& pos);
    void begin_text();
    // Fill only, or fill and stroke in the run's colour (synthetic bold).
    void text_mode(const layout::GlyphRun& run);
    void end_text();
    void fill_color(layout::Color c);
    void stroke_color(layout::Color c);
    // Width libharu (and so every viewer, via /W) gives cp, in 1/1000 em.
    double pdf_width(HPDF_Font font, layout::FaceId face, layout::GlyphWidths widths, char32_t cp);
    void show(HPDF_Font font, double size, double x, double y, double char_space,
              const std::u32string& text);
    void write_show_text(const std::u32string& text);
    void check(const SourcePos& pos, std::string_view what);

    PaintContext& ctx_;
    HPDF_Page page_;
    double height_;
    bool in_text_ = false;
    bool stroked_text_ = false;  // the text rendering mode is fill-then-stroke
    double line_x_ = 0, line_y_ = 0;  // text line matrix origin
    HPDF_Font font_ = nullptr;
    double size_ = 0;
    double char_space_ = 0;
    std::optional<layout::Color> fill_, stroke_;
    std::optional<double> line_width_;
};

}  // namespace chuxin::pdf
