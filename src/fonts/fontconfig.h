#pragma once
// Family name → font file + TTC index, through fontconfig: the system's
// font list behind fonts::SystemWorld, and the only fontconfig user. Each
// fontconfig object lives in a small move-only owner.
#include <fontconfig/fontconfig.h>

#include <memory>
#include <string>
#include <vector>

#include "core/world.h"

namespace chuxin::fonts {

struct FcConfigFree { void operator()(FcConfig* c) const { FcConfigDestroy(c); } };
struct FcPatternFree { void operator()(FcPattern* p) const { FcPatternDestroy(p); } };
struct FcFontSetFree { void operator()(FcFontSet* s) const { FcFontSetDestroy(s); } };
struct FcObjectSetFree { void operator()(FcObjectSet* s) const { FcObjectSetDestroy(s); } };
using FcConfigPtr = std::unique_ptr<FcConfig, FcConfigFree>;
using FcPatternPtr = std::unique_ptr<FcPattern, FcPatternFree>;
using FcFontSetPtr = std::unique_ptr<FcFontSet, FcFontSetFree>;
using FcObjectSetPtr = std::unique_ptr<FcObjectSet, FcObjectSetFree>;

class FontCatalog {
public:
    // Loads the system configuration and font list (the fc-cache data).
    FontCatalog();
    bool ok() const { return config_ != nullptr; }
    // Fontconfig's ordered matches for `family` (best first; substitutes
    // follow when the family is missing).
    std::vector<FontFile> matches(const std::string& family) const;
    // Every installed upright, regular-weight, normal-width face, sorted by
    // family, file and index (the end of every fallback chain).
    std::vector<FontFile> regular_faces() const;

private:
    FcConfigPtr config_;
};

}  // namespace chuxin::fonts
