#pragma once
// One font face (a file's bytes plus its TTC index) opened through HarfBuzz,
// with the per-code-point facts layout asks for many times, cached.
#include <hb.h>

#include <memory>
#include <mutex>
#include <optional>
#include <utility>
#include <string>
#include <unordered_map>

#include "core/world.h"

namespace chuxin::fonts {

// Move-only owners for the HarfBuzz objects a Face holds.
struct HbBlobFree { void operator()(hb_blob_t* b) const { hb_blob_destroy(b); } };
struct HbFaceFree { void operator()(hb_face_t* f) const { hb_face_destroy(f); } };
struct HbFontFree { void operator()(hb_font_t* f) const { hb_font_destroy(f); } };
using HbBlob = std::unique_ptr<hb_blob_t, HbBlobFree>;
using HbFace = std::unique_ptr<hb_face_t, HbFaceFree>;
using HbFont = std::unique_ptr<hb_font_t, HbFontFree>;

class Face {
public:
    // Opens face `index` of `bytes` (a TTC may hold several), keeping the
    // bytes alive while the face lives. Returns nullptr and sets `error`
    // (naming `file`) when the bytes hold no such face.
    static std::unique_ptr<Face> open(const Bytes& bytes, const std::string& file,
                                      unsigned index, std::string& error);

    // libharu 2.3.0 reads only TrueType outlines (glyf + loca); CFF faces
    // such as Noto CJK fail to load (research/libharu-cjk.md §1).
    bool is_truetype() const;
    // The cmap maps cp AND the glyph has ink. Micro Hei maps ǎǐǒǔǘǚǜ and ℃
    // to empty outlines, so "mapped" alone would print blanks. White space
    // is real when mapped (it has no ink by nature).
    bool has_real_glyph(char32_t cp) const;
    bool maps(char32_t cp) const;
    // Advance in em (1.0 = font size); 0 for unmapped code points.
    double advance(char32_t cp) const;
    // Horizontal ink (left, right) in em from the pen; nullopt without ink.
    // Layout trims exactly the blank side of punctuation (clreq §3.1.6):
    // AR PL fonts centre 。 where GB fonts put it left.
    std::optional<std::pair<double, double>> ink_extent(char32_t cp) const;
    double ascent() const { return ascent_; }    // em, positive
    double descent() const { return descent_; }  // em, positive
    unsigned units_per_em() const { return upem_; }
    std::string postscript_name() const;
    hb_face_t* hb() const { return face_.get(); }

private:
    struct GlyphFacts {
        bool mapped = false;
        bool inked = false;
        float advance = 0;  // em
        bool has_ink_extent = false;
        float ink_left = 0, ink_right = 0;  // em from the pen
    };
    GlyphFacts facts(char32_t cp) const;
    GlyphFacts compute(char32_t cp) const;

    HbBlob blob_;
    HbFace face_;
    HbFont font_;
    unsigned upem_ = 1000;
    double ascent_ = 0.8, descent_ = 0.2;
    mutable std::mutex cache_mutex_;
    mutable std::unordered_map<char32_t, GlyphFacts> cache_;
};

bool is_white_space(char32_t cp);

}  // namespace chuxin::fonts
