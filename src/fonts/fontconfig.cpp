#include "fonts/fontconfig.h"

#include <algorithm>
#include <tuple>

namespace chuxin::fonts {
namespace {

std::string get_string(FcPattern* p, const char* object, int n = 0) {
    FcChar8* s = nullptr;
    if (FcPatternGetString(p, object, n, &s) != FcResultMatch || !s) return {};
    return reinterpret_cast<const char*>(s);
}

int get_int(FcPattern* p, const char* object, int fallback) {
    int v = fallback;
    FcPatternGetInteger(p, object, 0, &v);
    return v;
}

FontFile to_font_file(FcPattern* p) {
    FontFile f;
    for (int n = 0;; ++n) {
        std::string name = get_string(p, FC_FAMILY, n);
        if (name.empty()) break;
        f.families.push_back(std::move(name));
    }
    if (!f.families.empty()) f.family = f.families.front();
    f.file = get_string(p, FC_FILE);
    f.index = unsigned(get_int(p, FC_INDEX, 0));
    f.format = get_string(p, FC_FONTFORMAT);
    return f;
}

}  // namespace

FontCatalog::FontCatalog() : config_(FcInitLoadConfigAndFonts()) {}

std::vector<FontFile> FontCatalog::matches(const std::string& family) const {
    std::vector<FontFile> out;
    if (!config_) return out;
    FcPatternPtr pattern(FcPatternCreate());
    FcPatternAddString(pattern.get(), FC_FAMILY,
                       reinterpret_cast<const FcChar8*>(family.c_str()));
    FcPatternAddInteger(pattern.get(), FC_WEIGHT, FC_WEIGHT_REGULAR);
    FcPatternAddInteger(pattern.get(), FC_SLANT, FC_SLANT_ROMAN);
    FcConfigSubstitute(config_.get(), pattern.get(), FcMatchPattern);
    FcDefaultSubstitute(pattern.get());
    FcResult result = FcResultNoMatch;
    FcFontSetPtr set(FcFontSort(config_.get(), pattern.get(), FcFalse, nullptr, &result));
    if (!set) return out;
    for (int i = 0; i < set->nfont; ++i) {
        FontFile f = to_font_file(set->fonts[i]);
        if (!f.file.empty()) out.push_back(std::move(f));
    }
    return out;
}

std::vector<FontFile> FontCatalog::regular_faces() const {
    std::vector<FontFile> out;
    if (!config_) return out;
    FcPatternPtr pattern(FcPatternCreate());
    FcObjectSetPtr objects(FcObjectSetBuild(FC_FAMILY, FC_FILE, FC_INDEX, FC_FONTFORMAT,
                                            FC_WEIGHT, FC_SLANT, FC_WIDTH, nullptr));
    FcFontSetPtr set(FcFontList(config_.get(), pattern.get(), objects.get()));
    if (!set) return out;
    for (int i = 0; i < set->nfont; ++i) {
        FcPattern* p = set->fonts[i];
        int weight = get_int(p, FC_WEIGHT, FC_WEIGHT_REGULAR);
        bool regular = weight >= FC_WEIGHT_BOOK && weight <= FC_WEIGHT_MEDIUM;
        bool upright = get_int(p, FC_SLANT, FC_SLANT_ROMAN) == FC_SLANT_ROMAN;
        bool normal = get_int(p, FC_WIDTH, FC_WIDTH_NORMAL) == FC_WIDTH_NORMAL;
        if (!regular || !upright || !normal) continue;
        FontFile f = to_font_file(p);
        if (!f.file.empty()) out.push_back(std::move(f));
    }
    std::sort(out.begin(), out.end(), [](const FontFile& a, const FontFile& b) {
        return std::tie(a.family, a.file, a.index) < std::tie(b.family, b.file, b.index);
    });
    return out;
}

}  // namespace chuxin::fonts
