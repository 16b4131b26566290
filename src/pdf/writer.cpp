#include "pdf/writer.h"

#include <hpdf_catalog.h>
#include <hpdf_doc.h>

#include <algorithm>
#include <ctime>

#include "fonts/subset.h"
#include "fonts/usage.h"
#include "pdf/embed_font.h"
#include "pdf/hpdf_document.h"
#include "pdf/page_painter.h"

namespace chuxin::pdf {
namespace {

using layout::LaidOutDocument;
using layout::PageNumberStyle;

void report(HpdfDocument& pdf, Diagnostics& diags, const SourcePos& pos, std::string_view what) {
    std::string errors = pdf.take_errors(what);
    if (!errors.empty()) diags.error(pos, "PDF writer: " + errors);
}

HPDF_Date to_pdf_date(long long epoch) {
    std::time_t t = std::time_t(epoch);
    std::tm utc{};
    gmtime_r(&t, &utc);
    HPDF_Date d{};
    d.year = utc.tm_year + 1900;
    d.month = utc.tm_mon + 1;
    d.day = utc.tm_mday;
    d.hour = utc.tm_hour;
    d.minutes = utc.tm_min;
    d.seconds = utc.tm_sec;
    d.ind = 'Z';
    return d;
}

// The UTF-8 encoder must be current before SetInfoAttr, or the Chinese
// title is written as mojibake (research §5).
void set_info(HPDF_Doc pdf, const layout::DocumentInfo& info, std::optional<long long> created) {
    auto set = [&](HPDF_InfoType type, const std::string& value) {
        if (!value.empty()) HPDF_SetInfoAttr(pdf, type, value.c_str());
    };
    set(HPDF_INFO_TITLE, info.title);
    set(HPDF_INFO_AUTHOR, info.author);
    set(HPDF_INFO_SUBJECT, info.subject);
    set(HPDF_INFO_CREATOR, info.creator);
    HPDF_SetInfoAttr(pdf, HPDF_INFO_PRODUCER, "chuxin (libharu 2.3.0)");
    if (created && *created > 0) {  // SOURCE_DATE_EPOCH=0 has always meant "no date" too
        HPDF_Date date = to_pdf_date(*created);
        HPDF_SetInfoDateAttr(pdf, HPDF_INFO_CREATION_DATE, date);
        HPDF_SetInfoDateAttr(pdf, HPDF_INFO_MOD_DATE, date);
    }
}

std::map<std::string, NamedPlace> collect_places(const LaidOutDocument& doc,
                                                 const std::vector<HPDF_Page>& pages,
                                                 Diagnostics& diags) {
    std::map<std::string, NamedPlace> places;
    for (size_t i = 0; i < doc.pages.size(); ++i)
        for (const auto& frame : doc.pages[i].frames)
            if (const auto* d = std::get_if<layout::Destination>(&frame.item)) {
                NamedPlace place{pages[i], doc.pages[i].size.height.v - d->y.v};
                if (!places.emplace(d->name, place).second)
                    diags.warning(frame.source, "place '" + d->name +
                                                    "' is defined twice; links go to the first");
            }
    return places;
}

using EmbeddedFonts = std::map<std::pair<layout::FaceId, layout::GlyphWidths>, HPDF_Font>;

// The subset of `face` holding `cps`, for `widths`: TrimmedMarks declares
// each mark's trimmed advance (layout/frame.h), and gets its own subset tag
// so that libharu, which tells font definitions apart by name, keeps both.
HPDF_Font embed_face(HpdfDocument& pdf, const fonts::FontSet& fonts, layout::FaceId face,
                     layout::GlyphWidths widths, const std::vector<char32_t>& cps,
                     Diagnostics& diags) {
    const fonts::FaceInfo& info = fonts.info(face);
    std::string error;
    std::string bytes = fonts.subset(face, cps, error);
    std::string tag_input = info.postscript_name;
    std::string name_suffix;
    if (!bytes.empty() && widths == layout::GlyphWidths::TrimmedMarks) {
        std::vector<std::pair<char32_t, double>> advances;
        for (char32_t cp : cps)
            if (cp != U' ') advances.emplace_back(cp, fonts.trimmed_advance(face, cp));
        bytes = fonts::with_advances(bytes, advances, error);
        name_suffix = "-TrimmedMarks";
        tag_input += name_suffix;
    }
    if (bytes.empty()) {
        diags.error({}, "cannot subset font '" + info.family + "': " + error);
        return nullptr;
    }
    HPDF_Font font = embed_subset_font(pdf.get(), bytes, subset_tag(tag_input, cps), cps, name_suffix);
    report(pdf, diags, {}, "embedding font '" + info.family + "'");
    return font;
}

EmbeddedFonts embed_fonts(HpdfDocument& pdf, const LaidOutDocument& doc,
                          const fonts::FontSet& fonts, Diagnostics& diags) {
    // Every run's code points go into the natural subset (also the fallback
    // should a variant fail); trimmed marks also into their variant.
    fonts::FaceUsage natural, trimmed;
    natural.add_document(doc);
    trimmed.add_runs(doc, layout::GlyphWidths::TrimmedMarks);
    EmbeddedFonts embedded;
    for (auto [usage, widths] : {std::pair{&natural, layout::GlyphWidths::Natural},
                                 std::pair{&trimmed, layout::GlyphWidths::TrimmedMarks}})
        for (layout::FaceId face : usage->faces()) {
            if (face < 0 || size_t(face) >= fonts.face_count()) {
                if (widths == layout::GlyphWidths::Natural)
                    diags.error({}, "PDF writer: text uses unknown face #" + std::to_string(face));
                continue;
            }
            HPDF_Font font = embed_face(pdf, fonts, face, widths, usage->code_points(face), diags);
            if (font) embedded.emplace(std::pair{face, widths}, font);
        }
    return embedded;
}

// One label range wherever the style changes or the folio does not follow
// on (ISO 32000 §12.4.2): lower-roman front matter, decimal body.
// With a bleed the media is larger than the finished page: TrimBox says
// where the sheet is cut, BleedBox how far ink may run (ISO 32000 §14.11.2).
// libharu has no call for either, so they go into the page dictionary.
void declare_trim(HPDF_Doc pdf, HPDF_Page page, const layout::Page& laid) {
    const double b = laid.bleed.v, w = laid.size.width.v, h = laid.size.height.v;
    HPDF_Dict_Add(page, "TrimBox", HPDF_Box_Array_New(pdf->mmgr, HPDF_Box{HPDF_REAL(b), HPDF_REAL(b),
                                                                          HPDF_REAL(w - b), HPDF_REAL(h - b)}));
    HPDF_Dict_Add(page, "BleedBox",
                  HPDF_Box_Array_New(pdf->mmgr, HPDF_Box{0, 0, HPDF_REAL(w), HPDF_REAL(h)}));
}

void add_page_labels(HPDF_Doc pdf, const LaidOutDocument& doc) {
    PageNumberStyle prev_style{};
    int prev_number = 0;
    for (size_t i = 0; i < doc.pages.size(); ++i) {
        const auto& page = doc.pages[i];
        bool starts = i == 0 || page.number_style != prev_style ||
                      (page.number_style != PageNumberStyle::None && page.number != prev_number + 1);
        prev_style = page.number_style;
        prev_number = page.number;
        if (!starts) continue;
        if (page.number_style == PageNumberStyle::None) {
            // An empty label dictionary: no folio (cover, blank pages).
            HPDF_Catalog_AddPageLabel(pdf->catalog, HPDF_UINT(i), HPDF_Dict_New(pdf->mmgr));
            continue;
        }
        HPDF_PageNumStyle style = page.number_style == PageNumberStyle::LowerRoman
                                      ? HPDF_PAGE_NUM_STYLE_LOWER_ROMAN
                                      : HPDF_PAGE_NUM_STYLE_DECIMAL;
        HPDF_AddPageLabel(pdf, HPDF_UINT(i), style, HPDF_UINT(std::max(1, page.number)), nullptr);
    }
}

void add_outlines(HpdfDocument& pdf, const LaidOutDocument& doc,
                  const std::map<std::string, NamedPlace>& places, Diagnostics& diags) {
    HPDF_Encoder utf8 = HPDF_GetEncoder(pdf.get(), "UTF-8");
    std::vector<HPDF_Outline> open;  // open[level] = latest outline at that level
    for (const auto& mark : doc.bookmarks) {
        size_t level = size_t(std::clamp(mark.level, 0, int(open.size())));
        open.resize(level);
        HPDF_Outline parent = level == 0 ? nullptr : open.back();
        HPDF_Outline outline = HPDF_CreateOutline(pdf.get(), parent, mark.title.c_str(), utf8);
        report(pdf, diags, {}, "adding bookmark '" + mark.title + "'");
        if (!outline) continue;
        HPDF_Outline_SetOpened(outline, level == 0 ? HPDF_TRUE : HPDF_FALSE);
        open.push_back(outline);
        auto place = places.find(mark.dest);
        if (place == places.end()) {
            diags.warning({}, "bookmark '" + mark.title + "' points to unknown place '" +
                                  mark.dest + "'");
            continue;
        }
        HPDF_Outline_SetDestination(outline, make_destination(pdf.get(), place->second));
        report(pdf, diags, {}, "linking bookmark '" + mark.title + "'");
    }
    if (!doc.bookmarks.empty()) HPDF_SetPageMode(pdf.get(), HPDF_PAGE_MODE_USE_OUTLINE);
}

}  // namespace

std::string write_pdf(const LaidOutDocument& doc, const fonts::FontSet& fonts,
                      const World& world, Diagnostics& diags) {
    HpdfDocument pdf;
    if (!pdf) {
        diags.error({}, "PDF writer: libharu could not create a document");
        return {};
    }
    HPDF_Doc d = pdf.get();
    HPDF_SetCompressionMode(d, HPDF_COMP_ALL);
    HPDF_UseUTFEncodings(d);
    HPDF_SetCurrentEncoder(d, "UTF-8");
    set_info(d, doc.info, world.now());
    report(pdf, diags, {}, "setting up the document");

    std::vector<HPDF_Page> pages;
    for (const auto& page : doc.pages) {
        HPDF_Page p = HPDF_AddPage(d);
        HPDF_Page_SetWidth(p, HPDF_REAL(page.size.width.v));
        HPDF_Page_SetHeight(p, HPDF_REAL(page.size.height.v));
        if (page.bleed.v > 0) declare_trim(d, p, page);
        pages.push_back(p);
    }
    report(pdf, diags, {}, "adding pages");
    if (pages.size() != doc.pages.size()) return {};

    auto places = collect_places(doc, pages, diags);
    auto embedded = embed_fonts(pdf, doc, fonts, diags);
    ImageCache images(d, world);
    PaintContext ctx{pdf, fonts, embedded, places, images, diags, {}};
    for (size_t i = 0; i < doc.pages.size(); ++i) {
        PagePainter painter(ctx, pages[i], doc.pages[i].size.height.v);
        for (const auto& frame : doc.pages[i].frames) painter.paint(frame);
        painter.finish();
    }
    add_page_labels(d, doc);
    report(pdf, diags, {}, "adding page labels");
    add_outlines(pdf, doc, places, diags);

    std::string bytes = pdf.save();
    report(pdf, diags, {}, "saving the PDF");
    return bytes;
}

}  // namespace chuxin::pdf
