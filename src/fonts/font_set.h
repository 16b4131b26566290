#pragma once
// The document's fonts: one face per typographic role (theme families,
// resolved by the World: fontconfig in a real build), HarfBuzz metrics, and the per-character
// fallback chain. Implements layout::FontMetrics; the PDF backend also asks
// it for files and subsets. Immutable after load() except for caches, so
// layout threads may share one FontSet.
#include <array>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/diagnostic.h"
#include "core/world.h"
#include "fonts/face.h"
#include "layout/metrics.h"

namespace chuxin::fonts {

using layout::FaceId;
using layout::FaceRole;

inline constexpr int kRoleCount = 7;

// Family names per role (from the theme; design.md "The handbook").
struct FontConfig {
    std::string song = "AR PL UMing CN";        // 宋体-like body face (Ming)
    std::string hei = "WenQuanYi Micro Hei";    // 黑体 headings
    std::string kai = "AR PL UKai CN";          // 楷体 lessons, sub-sections
    // No 仿宋 face is packaged in Debian; UKai (楷) is the closest in stroke
    // and contrast, so gbt9704 body text uses it (docs/fonts-and-pdf.md).
    std::string fangsong = "AR PL UKai CN";
    std::string latin = "DejaVu Serif";         // Latin companion of Song/Kai/Fangsong
    std::string latin_sans = "DejaVu Sans";     // Latin companion of Hei
    std::string mono = "DejaVu Sans Mono";
    // Tried after the role's own faces, before every other installed face.
    // Zen Hei has real glyphs where Micro Hei's are empty (℃).
    std::vector<std::string> fallback = {"WenQuanYi Zen Hei", "AR PL UMing CN", "DejaVu Sans"};
    // Where these names were configured (theme file), for warnings.
    SourcePos where;

    const std::string& family(FaceRole role) const;
};

struct FaceInfo {
    std::string family;           // the name the World reports, e.g. "AR PL UMing CN"
    std::string file;
    unsigned index = 0;           // TTC face index
    std::string postscript_name;  // e.g. "UMingCN,Light"
};

class FontSet : public layout::FontMetrics {
public:
    // Resolves every role. A missing family or a CFF-only match is a warning
    // and the next TrueType candidate is used; no TrueType face at all for a
    // role is an error (returns nullptr).
    // Faces are found and read through `world` only; the set keeps their
    // bytes and does not need the world afterwards.
    static std::unique_ptr<FontSet> load(const FontConfig& config, const World& world,
                                         Diagnostics& diags);

    FaceId face_for(char32_t cp, FaceRole role) const override;
    double advance(FaceId face, char32_t cp) const override;
    double ascent(FaceId face) const override;
    double descent(FaceId face) const override;
    bool covers(char32_t cp) const override;
    std::string face_name(FaceId face) const override;
    std::optional<std::pair<double, double>> ink_extent(FaceId face, char32_t cp) const override;

    FaceId role_face(FaceRole role) const { return roles_[size_t(role)]; }
    size_t face_count() const { return faces_.size(); }
    const FaceInfo& info(FaceId face) const { return faces_.at(size_t(face)).info; }
    // cp is mapped in `face` to a glyph with ink (or is mapped white space).
    bool has_real_glyph(FaceId face, char32_t cp) const;
    const Face& face(FaceId id) const { return *faces_.at(size_t(id)).face; }

    // A compact-gid TrueType subset of `face` holding `cps` (see subset.h);
    // empty and `error` set on failure.
    std::string subset(FaceId face, const std::vector<char32_t>& cps, std::string& error) const;

private:
    struct Entry {
        FaceInfo info;
        std::unique_ptr<Face> face;
    };
    FontSet() = default;
    FaceId add_face(const FontFile& file, std::unique_ptr<Face> face);
    FaceId find_face(const std::string& file, unsigned index) const;
    FaceId resolve_role(const World& world, const std::string& family,
                        const SourcePos& where, Diagnostics& diags);
    std::vector<FaceId> chain(char32_t cp, FaceRole role) const;
    FaceId choose(char32_t cp, FaceRole role) const;

    std::vector<Entry> faces_;
    std::array<FaceId, kRoleCount> roles_{};
    std::vector<FaceId> fallback_;   // configured fallback families
    std::vector<FaceId> installed_;  // every other installed regular TrueType face

    mutable std::mutex cache_mutex_;
    mutable std::unordered_map<uint64_t, FaceId> choice_cache_;
};

// Code points a CJK role hands to its Latin companion: ASCII (letters,
// digits, ASCII punctuation, space) and Latin letters with diacritics
// (pinyin ǎ ǘ …). Full-width forms and CJK punctuation stay in the CJK face.
bool goes_to_latin_companion(char32_t cp);

}  // namespace chuxin::fonts
