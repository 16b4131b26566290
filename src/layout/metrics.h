#pragma once
// What layout needs to know about fonts, and nothing more. fonts::FontSet
// implements it from real files (fontconfig + HarfBuzz); tests use a fake
// with fixed advances, so layout tests never touch font files.
#include <algorithm>
#include <optional>
#include <string>
#include <utility>

#include "layout/frame.h"

namespace chuxin::layout {

// The typographic roles a theme assigns a family to (design.md):
// body 宋体, headings 黑体, quotations/lessons 楷体, Latin/digits, code.
enum class FaceRole { Song, Hei, Kai, Fangsong, Latin, LatinSans, Mono };

class FontMetrics {
public:
    virtual ~FontMetrics() = default;
    // The face that draws `cp` for `role`: the role's face if it has a real
    // (non-empty) glyph, else the next face of the fallback chain. Latin
    // letters and digits in a CJK role go to the role's Latin companion.
    virtual FaceId face_for(char32_t cp, FaceRole role) const = 0;
    // Advance width of cp in `face`, in em (1.0 = the font size).
    virtual double advance(FaceId face, char32_t cp) const = 0;
    // Ascent and descent (positive, in em) for line placement.
    virtual double ascent(FaceId face) const = 0;
    virtual double descent(FaceId face) const = 0;
    // Whether any face can draw cp (false: warn, never draw an empty glyph).
    virtual bool covers(char32_t cp) const = 0;
    virtual std::string face_name(FaceId face) const = 0;
    // For layout: the horizontal ink extent (left, right) of cp's glyph
    // in `face`, in em from the pen position; nullopt when unknown. Layout
    // uses it to trim exactly the blank part of a punctuation mark (clreq
    // §3.1.6): fonts differ (AR PL puts 。 in the centre, GB fonts to the
    // left). Unknown: layout assumes GB positions (½ em blank).
    virtual std::optional<std::pair<double, double>> ink_extent(FaceId face, char32_t cp) const {
        (void)face;
        (void)cp;
        return std::nullopt;
    }
    // For layout: the blank right side (em) a closing mark gives up at
    // a line's end or next to another mark: from the ink when known (at most
    // ½ em), else the GB position of ½ em (clreq §3.1.6).
    double blank_right_of(FaceId face, char32_t cp) const {
        const auto ink = ink_extent(face, cp);
        if (!ink) return 0.5;
        return std::clamp(advance(face, cp) - ink->second, 0.0, 0.5);
    }
    // For layout: the advance (em) of a closing mark trimmed at a line's
    // end: what the PDF backend declares for GlyphWidths::TrimmedMarks.
    double trimmed_advance(FaceId face, char32_t cp) const {
        return advance(face, cp) - blank_right_of(face, cp);
    }
};

}  // namespace chuxin::layout
