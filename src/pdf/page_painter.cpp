#include "pdf/page_painter.h"

#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>

#include <cmath>
#include <cstdio>

#include "core/utf8.h"

namespace chuxin::pdf {
namespace {

// Positions go to the content stream at 1/100 pt, finer than any press.
// Relative moves (Td) are differences of rounded positions; libharu prints
// them from 32-bit floats, so a page of moves drifts far below 0.01 pt.
double round2(double v) { return std::round(v * 100.0) / 100.0; }

// A group of glyphs shares one Tc while each pen position stays within
// this of where the layout put it.
constexpr double kPositionTolerance = 0.005;  // pt

HPDF_REAL channel(uint8_t v) { return HPDF_REAL(v / 255.0); }

std::string describe(const std::u32string& cps) {
    std::string out;
    for (char32_t cp : cps) {
        if (!out.empty()) out += ", ";
        char buf[16];
        std::snprintf(buf, sizeof buf, "U+%04X", unsigned(cp));
        out += buf;
    }
    return out;
}

}  // namespace

HPDF_Destination make_destination(HPDF_Doc pdf, const NamedPlace& place) {
    HPDF_Destination dst = HPDF_Page_CreateDestination(place.page);
    if (!dst) return nullptr;
    // libharu's SetXYZ rejects zoom 0 ("keep"), so write the array directly.
    HPDF_Array_Clear(dst);
    HPDF_Array_Add(dst, place.page);
    HPDF_Array_AddName(dst, "XYZ");
    HPDF_Array_Add(dst, HPDF_Null_New(pdf->mmgr));
    HPDF_Array_AddReal(dst, HPDF_REAL(round2(place.top)));
    HPDF_Array_Add(dst, HPDF_Null_New(pdf->mmgr));
    return dst;
}

void PagePainter::check(const SourcePos& pos, std::string_view what) {
    std::string errors = ctx_.pdf.take_errors(what);
    if (!errors.empty()) ctx_.diags.error(pos, "PDF writer: " + errors);
}

void PagePainter::paint(const layout::Frame& frame) {
    std::visit(
        [&](const auto& item) {
            using T = std::decay_t<decltype(item)>;
            if constexpr (std::is_same_v<T, layout::GlyphRun>) {
                text(item, frame.source);
            } else if constexpr (std::is_same_v<T, layout::Destination>) {
                // Collected before painting (write_pdf); nothing to draw.
            } else if constexpr (std::is_same_v<T, layout::LinkArea>) {
                link(item, frame.source);  // an annotation: the content stream is untouched
            } else {
                end_text();  // graphics operators are not allowed inside BT…ET
                if constexpr (std::is_same_v<T, layout::Line>) line(item);
                if constexpr (std::is_same_v<T, layout::Box>) box(item);
                if constexpr (std::is_same_v<T, layout::Image>) image(item, frame.source);
            }
        },
        frame.item);
    check(frame.source, "drawing a frame");
}

void PagePainter::finish() {
    end_text();
    check({}, "finishing a page");
}

void PagePainter::begin_text() {
    if (in_text_) return;
    HPDF_Page_BeginText(page_);
    in_text_ = true;
    line_x_ = line_y_ = 0;  // BT resets the text matrices
}

void PagePainter::end_text() {
    if (!in_text_) return;
    HPDF_Page_EndText(page_);
    in_text_ = false;
}

void PagePainter::fill_color(layout::Color c) {
    if (fill_ == c) return;
    HPDF_Page_SetRGBFill(page_, channel(c.r), channel(c.g), channel(c.b));
    fill_ = c;
}

void PagePainter::stroke_color(layout::Color c) {
    if (stroke_ == c) return;
    HPDF_Page_SetRGBStroke(page_, channel(c.r), channel(c.g), channel(c.b));
    stroke_ = c;
}

double PagePainter::pdf_width(HPDF_Font font, layout::FaceId face, layout::GlyphWidths widths,
                              char32_t cp) {
    const uint64_t variant = widths == layout::GlyphWidths::TrimmedMarks ? 1 : 0;
    const uint64_t key = (uint64_t(uint32_t(face)) << 33) | (variant << 32) | cp;
    if (auto it = ctx_.widths.find(key); it != ctx_.widths.end()) return it->second;
    std::string bytes;
    utf8::append(bytes, cp);
    HPDF_TextWidth tw = HPDF_Font_TextWidth(font, reinterpret_cast<const HPDF_BYTE*>(bytes.data()),
                                            HPDF_UINT(bytes.size()));
    double w = tw.width;
    ctx_.widths.emplace(key, w);
    return w;
}

void PagePainter::show(HPDF_Font font, double size, double x, double y, double char_space,
                       const std::u32string& text) {
    begin_text();
    if (font != font_ || size != size_) {
        HPDF_Page_SetFontAndSize(page_, font, HPDF_REAL(size));
        font_ = font;
        size_ = size;
    }
    if (std::abs(char_space - char_space_) > 1e-6) {
        HPDF_Page_SetCharSpace(page_, HPDF_REAL(char_space));
        char_space_ = char_space;
    }
    double tx = round2(x), ty = round2(y);
    HPDF_Page_MoveTextPos(page_, HPDF_REAL(tx - line_x_), HPDF_REAL(ty - line_y_));
    line_x_ = tx;
    line_y_ = ty;
    write_show_text(text);
}

// "<4E2D56FD> Tj": with Identity-H and the UTF-8 encoder the two-byte code
// of a BMP character is its code point (research §3). Written straight
// into the content stream because HPDF_Page_ShowText re-measures every
// string through a linear cmap scan only to track a pen position we never
// use (each group is placed with Td).
void PagePainter::write_show_text(const std::u32string& text) {
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string op;
    op.reserve(text.size() * 4 + 8);
    op += '<';
    for (char32_t cp : text)
        for (int shift = 12; shift >= 0; shift -= 4) op += hex[(cp >> shift) & 0xF];
    op += "> Tj\012";
    auto* attr = static_cast<HPDF_PageAttr>(page_->attr);
    HPDF_Stream_Write(attr->stream, reinterpret_cast<const HPDF_BYTE*>(op.data()),
                      HPDF_UINT(op.size()));
}

void PagePainter::text(const layout::GlyphRun& run, const SourcePos& pos) {
    if (run.x.size() != run.text.size()) {
        ctx_.diags.error(pos, "PDF writer: glyph run has " + std::to_string(run.text.size()) +
                                  " characters but " + std::to_string(run.x.size()) +
                                  " positions; run skipped");
        return;
    }
    auto embedded = ctx_.embedded.find({run.face, run.widths});
    layout::GlyphWidths widths = run.widths;
    if (embedded == ctx_.embedded.end()) {
        // No variant (its embedding failed, reported then): natural widths.
        widths = layout::GlyphWidths::Natural;
        embedded = ctx_.embedded.find({run.face, widths});
    }
    if (embedded == ctx_.embedded.end()) return;  // reported when embedding failed
    HPDF_Font font = embedded->second;
    const fonts::Face& face = ctx_.fonts.face(run.face);

    // libharu's UTF-8 encoder turns code points above U+FFFF into spaces
    // (research §3): skip them loudly. So too glyphs the face lacks or has
    // only as an empty outline (Micro Hei's ℃): a blank is never printed.
    std::vector<size_t> keep;
    std::u32string astral, unmapped;
    for (size_t i = 0; i < run.text.size(); ++i) {
        char32_t cp = run.text[i];
        if (cp > 0xFFFF) astral += cp;
        else if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || !face.has_real_glyph(cp)) unmapped += cp;
        else keep.push_back(i);
    }
    if (!astral.empty())
        ctx_.diags.warning(pos, "characters above U+FFFF cannot be printed and were left out: " +
                                    describe(astral),
                           "use a BMP variant of the character or an image");
    if (!unmapped.empty())
        ctx_.diags.warning(pos, "font '" + ctx_.fonts.face_name(run.face) +
                                    "' has no glyph for " + describe(unmapped) + "; left out",
                           "install a font that has these characters");
    if (keep.empty()) return;

    const double size = run.size.v;
    const double y = height_ - run.origin.y.v;
    fill_color(run.color);
    text_mode(run);
    auto pen = [&](size_t k) { return run.origin.x.v + run.x[keep[k]].v; };
    auto advance = [&](size_t k) {
        return pdf_width(font, run.face, widths, run.text[keep[k]]) * size / 1000.0;
    };
    size_t k = 0;
    while (k < keep.size()) {
        size_t j = k + 1;
        double tc = char_space_;
        if (j < keep.size()) {
            tc = pen(j) - pen(k) - advance(k);
            if (tc < -30 || tc > 300) tc = char_space_;  // libharu's Tc range
            double expected = pen(k);
            while (j < keep.size()) {
                expected += advance(j - 1) + tc;
                if (std::abs(expected - pen(j)) > kPositionTolerance) break;
                ++j;
            }
        }
        std::u32string group;
        for (size_t g = k; g < j; ++g) group += run.text[keep[g]];
        show(font, size, pen(k), y, j - k > 1 ? tc : char_space_, group);
        k = j;
    }
}

// A stroke of 1/30 em round every glyph thickens it by about as much as a
// bold cut adds, and leaves advances, and so the grid, as they were.
void PagePainter::text_mode(const layout::GlyphRun& run) {
    if (run.synthetic_bold == stroked_text_ && !run.synthetic_bold) return;
    begin_text();
    if (run.synthetic_bold) {
        stroke_color(run.color);
        const double width = round2(run.size.v / 30.0);
        if (line_width_ != width) {
            HPDF_Page_SetLineWidth(page_, HPDF_REAL(width));
            line_width_ = width;
        }
    }
    if (run.synthetic_bold != stroked_text_) {
        HPDF_Page_SetTextRenderingMode(page_, run.synthetic_bold ? HPDF_FILL_THEN_STROKE : HPDF_FILL);
        stroked_text_ = run.synthetic_bold;
    }
}

void PagePainter::line(const layout::Line& l) {
    if (line_width_ != l.thickness.v) {
        HPDF_Page_SetLineWidth(page_, HPDF_REAL(l.thickness.v));
        line_width_ = l.thickness.v;
    }
    stroke_color(l.color);
    HPDF_Page_MoveTo(page_, HPDF_REAL(round2(l.from.x.v)), HPDF_REAL(round2(height_ - l.from.y.v)));
    HPDF_Page_LineTo(page_, HPDF_REAL(round2(l.to.x.v)), HPDF_REAL(round2(height_ - l.to.y.v)));
    HPDF_Page_Stroke(page_);
}

void PagePainter::box(const layout::Box& b) {
    if (!b.fill && !b.stroke) return;
    if (b.fill) fill_color(b.fill_color);
    if (b.stroke) {
        stroke_color(b.stroke_color);
        if (line_width_ != b.stroke_width.v) {
            HPDF_Page_SetLineWidth(page_, HPDF_REAL(b.stroke_width.v));
            line_width_ = b.stroke_width.v;
        }
    }
    const layout::Rect& r = b.rect;
    HPDF_Page_Rectangle(page_, HPDF_REAL(round2(r.x.v)),
                        HPDF_REAL(round2(height_ - r.y.v - r.height.v)),
                        HPDF_REAL(round2(r.width.v)), HPDF_REAL(round2(r.height.v)));
    if (b.fill && b.stroke) HPDF_Page_FillStroke(page_);
    else if (b.fill) HPDF_Page_Fill(page_);
    else HPDF_Page_Stroke(page_);
}

void PagePainter::image(const layout::Image& img, const SourcePos& pos) {
    std::string problem, note;
    HPDF_Image image = ctx_.images.get(img.path, problem, note);
    check(pos, "loading image '" + img.path + "'");
    if (!note.empty()) ctx_.diags.warning(pos, note);
    if (!image) {
        if (!problem.empty()) ctx_.diags.error(pos, problem);
        return;
    }
    const layout::Rect& r = img.rect;
    HPDF_Page_DrawImage(page_, image, HPDF_REAL(round2(r.x.v)),
                        HPDF_REAL(round2(height_ - r.y.v - r.height.v)),
                        HPDF_REAL(round2(r.width.v)), HPDF_REAL(round2(r.height.v)));
}

void PagePainter::link(const layout::LinkArea& area, const SourcePos& pos) {
    const layout::Rect& r = area.rect;
    HPDF_Rect rect{HPDF_REAL(round2(r.x.v)), HPDF_REAL(round2(height_ - r.y.v - r.height.v)),
                   HPDF_REAL(round2(r.x.v + r.width.v)), HPDF_REAL(round2(height_ - r.y.v))};
    HPDF_Annotation annot = nullptr;
    if (!area.dest.empty()) {
        auto place = ctx_.places.find(area.dest);
        if (place == ctx_.places.end()) {
            ctx_.diags.warning(pos, "link to unknown place '" + area.dest + "' left out");
            return;
        }
        annot = HPDF_Page_CreateLinkAnnot(page_, rect, make_destination(ctx_.pdf.get(), place->second));
    } else if (!area.uri.empty()) {
        annot = HPDF_Page_CreateURILinkAnnot(page_, rect, area.uri.c_str());
    }
    if (annot) HPDF_LinkAnnot_SetBorderStyle(annot, 0, 0, 0);
}

}  // namespace chuxin::pdf
