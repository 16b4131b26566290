#include "fonts/font_set.h"

#include <algorithm>

#include "fonts/subset.h"

namespace chuxin::fonts {
namespace {

constexpr FaceRole kAllRoles[kRoleCount] = {
    FaceRole::Song, FaceRole::Hei, FaceRole::Kai, FaceRole::Fangsong,
    FaceRole::Latin, FaceRole::LatinSans, FaceRole::Mono};

bool is_cjk_role(FaceRole role) {
    return role == FaceRole::Song || role == FaceRole::Hei || role == FaceRole::Kai ||
           role == FaceRole::Fangsong;
}

// Song, Kai and Fangsong are serif faces: their Latin is DejaVu Serif; Hei
// is a sans face: DejaVu Sans (design.md; UMing's own Latin is monospaced).
FaceRole latin_companion(FaceRole role) {
    return role == FaceRole::Hei ? FaceRole::LatinSans : FaceRole::Latin;
}

// Han in a Latin role (a Chinese word inside code or a Latin run).
FaceRole cjk_companion(FaceRole role) {
    return role == FaceRole::Latin ? FaceRole::Song : FaceRole::Hei;
}

// True when `wanted` is one of the face's family names (ASCII letters
// compared without case, as fontconfig compares them).
bool has_family(const FontFile& f, const std::string& wanted) {
    auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; };
    auto same = [&](const std::string& name) {
        return name.size() == wanted.size() &&
               std::equal(name.begin(), name.end(), wanted.begin(),
                          [&](char a, char b) { return lower(a) == lower(b); });
    };
    return std::any_of(f.families.begin(), f.families.end(), same);
}

// Face `c` read through the world; nullptr when it cannot be read or opened.
std::unique_ptr<Face> open_face(const World& world, const FontFile& c) {
    std::optional<Bytes> bytes = world.font_data(c);
    if (!bytes) return nullptr;
    std::string error;
    return Face::open(*bytes, c.file, c.index, error);
}

}  // namespace

bool goes_to_latin_companion(char32_t cp) {
    if (cp >= 0x20 && cp <= 0x7E) return true;
    if (cp >= 0xC0 && cp <= 0x24F) return cp != 0xD7 && cp != 0xF7;  // × ÷ stay CJK
    return (cp >= 0x300 && cp <= 0x36F) || (cp >= 0x1E00 && cp <= 0x1EFF);
}

const std::string& FontConfig::family(FaceRole role) const {
    switch (role) {
    case FaceRole::Song: return song;
    case FaceRole::Hei: return hei;
    case FaceRole::Kai: return kai;
    case FaceRole::Fangsong: return fangsong;
    case FaceRole::Latin: return latin;
    case FaceRole::LatinSans: return latin_sans;
    case FaceRole::Mono: return mono;
    }
    return song;
}

FaceId FontSet::find_face(const std::string& file, unsigned index) const {
    for (size_t i = 0; i < faces_.size(); ++i)
        if (faces_[i].info.file == file && faces_[i].info.index == index) return FaceId(i);
    return -1;
}

FaceId FontSet::add_face(const FontFile& file, std::unique_ptr<Face> face) {
    Entry e;
    e.info.family = file.family;
    e.info.file = file.file;
    e.info.index = file.index;
    e.info.postscript_name = face->postscript_name();
    e.face = std::move(face);
    faces_.push_back(std::move(e));
    return FaceId(faces_.size() - 1);
}

FaceId FontSet::resolve_role(const World& world, const std::string& family,
                             const SourcePos& where, Diagnostics& diags) {
    std::vector<FontFile> candidates = world.font_matches(family);
    if (!candidates.empty() && !has_family(candidates.front(), family))
        diags.warning(where, "font family '" + family + "' is not installed; using '" +
                                 candidates.front().family + "'",
                      "install the font or name an installed family (fc-list : family)");
    for (const FontFile& c : candidates) {
        if (FaceId known = find_face(c.file, c.index); known >= 0) return known;
        auto face = open_face(world, c);
        if (!face) continue;
        if (!face->is_truetype()) {
            diags.warning(where, "font '" + c.family + "' (" + c.file +
                                     ") has CFF outlines, which the PDF writer "
                                     "cannot embed; trying the next match",
                          "choose a TrueType (glyf) font");
            continue;
        }
        return add_face(c, std::move(face));
    }
    diags.error(where, "no TrueType font found for family '" + family + "'",
                "install fonts-arphic-uming, fonts-wqy-microhei and fonts-dejavu-core");
    return -1;
}

std::unique_ptr<FontSet> FontSet::load(const FontConfig& config, const World& world,
                                       Diagnostics& diags) {
    const std::vector<FontFile> installed = world.regular_fonts();
    if (installed.empty()) {
        diags.error(config.where, "no fonts are installed, or the fontconfig configuration cannot be loaded",
                    "install fonts-arphic-uming, fonts-wqy-microhei and fonts-dejavu-core (fc-list lists them)");
        return nullptr;
    }
    std::unique_ptr<FontSet> set(new FontSet());
    bool complete = true;
    for (FaceRole role : kAllRoles) {
        FaceId id = set->resolve_role(world, config.family(role), config.where, diags);
        set->roles_[size_t(role)] = id;
        complete = complete && id >= 0;
    }
    if (!complete) return nullptr;
    // Fallback families are optional: quietly skip those not installed.
    for (const std::string& family : config.fallback) {
        for (const FontFile& c : world.font_matches(family)) {
            if (!has_family(c, family)) break;
            FaceId id = set->find_face(c.file, c.index);
            if (id < 0) {
                auto face = open_face(world, c);
                if (!face || !face->is_truetype()) continue;
                id = set->add_face(c, std::move(face));
            }
            set->fallback_.push_back(id);
            break;
        }
    }
    for (const FontFile& c : installed) {
        if (set->find_face(c.file, c.index) >= 0) continue;
        auto face = open_face(world, c);
        if (!face || !face->is_truetype()) continue;
        set->installed_.push_back(set->add_face(c, std::move(face)));
    }
    return set;
}

std::vector<FaceId> FontSet::chain(char32_t cp, FaceRole role) const {
    std::vector<FaceId> order;
    if (is_cjk_role(role) && goes_to_latin_companion(cp))
        order.push_back(role_face(latin_companion(role)));
    order.push_back(role_face(role));
    if (!is_cjk_role(role)) order.push_back(role_face(cjk_companion(role)));
    order.insert(order.end(), fallback_.begin(), fallback_.end());
    for (FaceRole r : kAllRoles) order.push_back(role_face(r));
    order.insert(order.end(), installed_.begin(), installed_.end());
    return order;
}

FaceId FontSet::choose(char32_t cp, FaceRole role) const {
    for (FaceId id : chain(cp, role))
        if (has_real_glyph(id, cp)) return id;
    return role_face(role);  // nobody draws it: covers() is false, caller warns
}

FaceId FontSet::face_for(char32_t cp, FaceRole role) const {
    const uint64_t key = (uint64_t(cp) << 3) | uint64_t(role);
    {
        std::lock_guard lock(cache_mutex_);
        if (auto it = choice_cache_.find(key); it != choice_cache_.end()) return it->second;
    }
    FaceId id = choose(cp, role);
    std::lock_guard lock(cache_mutex_);
    choice_cache_.emplace(key, id);
    return id;
}

bool FontSet::has_real_glyph(FaceId face, char32_t cp) const {
    return faces_.at(size_t(face)).face->has_real_glyph(cp);
}

double FontSet::advance(FaceId face, char32_t cp) const {
    return faces_.at(size_t(face)).face->advance(cp);
}

std::optional<std::pair<double, double>> FontSet::ink_extent(FaceId face, char32_t cp) const {
    return faces_.at(size_t(face)).face->ink_extent(cp);
}

double FontSet::ascent(FaceId face) const { return faces_.at(size_t(face)).face->ascent(); }
double FontSet::descent(FaceId face) const { return faces_.at(size_t(face)).face->descent(); }

bool FontSet::covers(char32_t cp) const {
    return has_real_glyph(face_for(cp, FaceRole::Song), cp);
}

std::string FontSet::face_name(FaceId face) const {
    return faces_.at(size_t(face)).info.family;
}

std::string FontSet::subset(FaceId face, const std::vector<char32_t>& cps,
                            std::string& error) const {
    return subset_truetype(faces_.at(size_t(face)).face->hb(), cps, error);
}

}  // namespace chuxin::fonts
