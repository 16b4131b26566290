#include "sample_document.h"

#include <cstdint>

namespace chuxin::pdf_test {

Page& SampleBuilder::page(PageNumberStyle style, int number) {
    Page p;
    p.size = kA5;
    p.number_style = style;
    p.number = number;
    doc.pages.push_back(std::move(p));
    return doc.pages.back();
}

double SampleBuilder::natural_width(const std::u32string& text, FaceRole role, double size) const {
    double w = 0;
    for (char32_t cp : text) w += fonts_.advance(fonts_.face_for(cp, role), cp) * size;
    return w;
}

double SampleBuilder::line(Page& page, const std::u32string& text, FaceRole role, double size,
                           double x, double y, double tracking, Color color, SourcePos pos) {
    double pen = 0;
    GlyphRun run;
    auto flush = [&] {
        if (!run.text.empty()) page.frames.push_back({run, pos});
        run.text.clear();
        run.x.clear();
    };
    for (char32_t cp : text) {
        FaceId face = fonts_.face_for(cp, role);
        if (run.text.empty() || face != run.face) {
            flush();
            run.face = face;
            run.size = Pt(size);
            run.color = color;
            run.origin = {Pt(x + pen), Pt(y)};
        }
        run.x.push_back(Pt(x + pen) - run.origin.x);
        run.text += cp;
        pen += fonts_.advance(face, cp) * size + tracking;
    }
    flush();
    return pen;
}

void SampleBuilder::justified(Page& page, const std::u32string& text, FaceRole role, double size,
                              double x, double y, double width) {
    double natural = natural_width(text, role, size);
    double tracking = text.size() > 1 ? (width - natural) / double(text.size() - 1) : 0;
    line(page, text, role, size, x, y, tracking);
}

namespace {

// Deterministic pseudo-random numbers (no std::random_device in tests).
struct Lcg {
    uint64_t state = 12345;
    uint32_t next() {
        state = state * 6364136223846793005ull + 1442695040888963407ull;
        return uint32_t(state >> 33);
    }
};

std::u32string han_pool(const fonts::FontSet& fonts, size_t count) {
    std::u32string pool;
    FaceId song = fonts.role_face(FaceRole::Song);
    for (char32_t cp = 0x4E00; cp < 0x9FA6 && pool.size() < count; cp += 3)
        if (fonts.has_real_glyph(song, cp)) pool += cp;
    return pool;
}

}  // namespace

LaidOutDocument synthetic_book(const fonts::FontSet& fonts, int pages) {
    SampleBuilder b(fonts);
    b.doc.info = {"合成手册", "chuxin", "", "chuxin bench"};
    const std::u32string pool = han_pool(fonts, 3800);
    const std::u32string punct = U"，。、；：“”《》";
    Lcg rng;
    const double left = Pt::mm(20).v, width = Pt::mm(113).v, size = 10.5, leading = 17;
    const int front = 4;
    for (int p = 0; p < pages; ++p) {
        bool roman = p < front;
        Page& page = b.page(roman ? PageNumberStyle::LowerRoman : PageNumberStyle::Decimal,
                            roman ? p + 1 : p - front + 1);
        double y = Pt::mm(20).v + 14;
        if (p % 10 == 0) {
            std::string name = "ch" + std::to_string(p / 10);
            page.frames.push_back({Destination{name, Pt(y - 14)}, {}});
            b.line(page, U"第" + std::u32string(1, pool[size_t(p) % pool.size()]) + U"章　合成章节",
                   FaceRole::Hei, 16, left, y);
            b.doc.bookmarks.push_back({"第" + std::to_string(p / 10 + 1) + "章", name, 0});
            y += 30;
        }
        while (y < kA5.height.v - Pt::mm(18).v) {
            std::u32string text;
            // A full 30-em line (113 mm at 10.5 pt holds 30.5 em): Han, a
            // punctuation mark now and then, sometimes a Latin word.
            const bool latin = rng.next() % 5 == 0;
            for (int c = 0; c < (latin ? 26 : 30); ++c) {
                uint32_t r = rng.next();
                if (r % 17 == 0) text += punct[r % punct.size()];
                else text += pool[r % pool.size()];
            }
            if (latin) text.insert(8, U"PDF 2.0");
            b.justified(page, text, FaceRole::Song, size, left, y, width);
            y += leading;
        }
        b.line(page, std::u32string(U"— ") + (roman ? U"i" : U"1") + U" —", FaceRole::Song, 9,
               left + width / 2 - 10, kA5.height.v - Pt::mm(10).v);
    }
    return b.doc;
}

}  // namespace chuxin::pdf_test
