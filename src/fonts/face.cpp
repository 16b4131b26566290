#include "fonts/face.h"

#include <hb-ot.h>

#include <cmath>

namespace chuxin::fonts {

bool is_white_space(char32_t cp) {
    // Unicode White_Space (PropList.txt), minus the controls layout never sends.
    switch (cp) {
    case 0x20: case 0xA0: case 0x1680: case 0x202F: case 0x205F: case 0x3000:
        return true;
    default:
        return cp >= 0x2000 && cp <= 0x200A;
    }
}

namespace {

// HarfBuzz reads the bytes in place; the blob holds a copy of their owner.
HbBlob blob_of(const Bytes& bytes) {
    auto* owner = new std::shared_ptr<const void>(bytes.owner());
    return HbBlob(hb_blob_create(bytes.data(), unsigned(bytes.size()), HB_MEMORY_MODE_READONLY, owner,
                                 [](void* p) { delete static_cast<std::shared_ptr<const void>*>(p); }));
}

}  // namespace

std::unique_ptr<Face> Face::open(const Bytes& bytes, const std::string& file, unsigned index,
                                 std::string& error) {
    HbBlob blob = blob_of(bytes);
    if (index >= hb_face_count(blob.get())) {
        error = "font file " + file + " has no face #" + std::to_string(index);
        return nullptr;
    }
    auto face = std::unique_ptr<Face>(new Face());
    face->face_.reset(hb_face_create(blob.get(), index));
    face->blob_ = std::move(blob);
    face->upem_ = hb_face_get_upem(face->face_.get());
    face->font_.reset(hb_font_create(face->face_.get()));
    // Scale = upem: positions come back in font units, no rounding.
    hb_font_set_scale(face->font_.get(), int(face->upem_), int(face->upem_));
    hb_position_t asc = 0, desc = 0;
    hb_ot_metrics_get_position_with_fallback(
        face->font_.get(), HB_OT_METRICS_TAG_HORIZONTAL_ASCENDER, &asc);
    hb_ot_metrics_get_position_with_fallback(
        face->font_.get(), HB_OT_METRICS_TAG_HORIZONTAL_DESCENDER, &desc);
    face->ascent_ = double(asc) / face->upem_;
    face->descent_ = std::abs(double(desc)) / face->upem_;
    return face;
}

bool Face::is_truetype() const {
    auto has_table = [&](const char* tag) {
        HbBlob t(hb_face_reference_table(face_.get(), hb_tag_from_string(tag, 4)));
        return hb_blob_get_length(t.get()) > 0;
    };
    return has_table("glyf") && has_table("loca");
}

Face::GlyphFacts Face::compute(char32_t cp) const {
    GlyphFacts f;
    hb_codepoint_t gid = 0;
    if (!hb_font_get_nominal_glyph(font_.get(), cp, &gid) || gid == 0) return f;
    f.mapped = true;
    f.advance = float(double(hb_font_get_glyph_h_advance(font_.get(), gid)) / upem_);
    hb_glyph_extents_t ext{};
    bool has_extents = hb_font_get_glyph_extents(font_.get(), gid, &ext);
    f.inked = is_white_space(cp) || (has_extents && ext.width != 0 && ext.height != 0);
    if (has_extents && ext.width != 0) {
        // x_bearing is the ink's left edge from the pen; width is positive
        // in HarfBuzz's y-up convention for left-to-right glyphs.
        f.ink_left = float(double(ext.x_bearing) / upem_);
        f.ink_right = float(double(ext.x_bearing + ext.width) / upem_);
        f.has_ink_extent = true;
    }
    return f;
}

Face::GlyphFacts Face::facts(char32_t cp) const {
    {
        std::lock_guard lock(cache_mutex_);
        auto it = cache_.find(cp);
        if (it != cache_.end()) return it->second;
    }
    GlyphFacts f = compute(cp);  // pure; computing twice in a race is harmless
    std::lock_guard lock(cache_mutex_);
    cache_.emplace(cp, f);
    return f;
}

bool Face::maps(char32_t cp) const { return facts(cp).mapped; }
bool Face::has_real_glyph(char32_t cp) const { return facts(cp).inked; }
double Face::advance(char32_t cp) const { return facts(cp).advance; }

std::optional<std::pair<double, double>> Face::ink_extent(char32_t cp) const {
    GlyphFacts f = facts(cp);
    if (!f.has_ink_extent) return std::nullopt;
    return std::pair<double, double>{f.ink_left, f.ink_right};
}

std::string Face::postscript_name() const {
    unsigned len = 128;
    char buf[128];
    hb_ot_name_get_utf8(face_.get(), HB_OT_NAME_ID_POSTSCRIPT_NAME,
                        HB_LANGUAGE_INVALID, &len, buf);
    return std::string(buf, len);
}

}  // namespace chuxin::fonts
