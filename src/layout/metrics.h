#pragma once
// What layout needs to know about fonts, and nothing more. fonts::FontSet
// implements it from real files (fontconfig + HarfBuzz); tests use a fake
// with fixed advances, so layout tests never touch font files.
#include <string>

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
};

}  // namespace chuxin::layout
