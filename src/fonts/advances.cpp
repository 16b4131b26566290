// with_advances (subset.h): rewrite hmtx/hhea of a TrueType font so some
// glyphs declare other advance widths (OpenType spec, tables hhea, hmtx).
#include <hb.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>

#include "fonts/face.h"
#include "fonts/subset.h"

namespace chuxin::fonts {
namespace {

// Big-endian fields (all sfnt tables are big-endian).
unsigned read_u16(const std::string& b, size_t at) {
    return (unsigned(uint8_t(b[at])) << 8) | unsigned(uint8_t(b[at + 1]));
}
void write_u16(std::string& b, size_t at, unsigned v) {
    b[at] = char((v >> 8) & 0xFF);
    b[at + 1] = char(v & 0xFF);
}

std::string table(hb_face_t* face, const char* tag) {
    HbBlob blob(hb_face_reference_table(face, hb_tag_from_string(tag, 4)));
    unsigned length = 0;
    const char* data = hb_blob_get_data(blob.get(), &length);
    return data ? std::string(data, length) : std::string();
}

// hmtx with one longHorMetric (advance, lsb) per glyph: a glyph at or past
// numberOfHMetrics shares the last advance, so it could not be changed alone.
std::string expanded_hmtx(const std::string& hmtx, unsigned metrics, unsigned glyphs) {
    std::string out(size_t(glyphs) * 4, '\0');
    for (unsigned g = 0; g < glyphs; ++g) {
        const unsigned m = std::min(g, metrics - 1);
        write_u16(out, 4 * g, read_u16(hmtx, 4 * m));
        const size_t lsb = g < metrics ? 4 * g + 2 : 4 * size_t(metrics) + 2 * (g - metrics);
        write_u16(out, 4 * g + 2, read_u16(hmtx, lsb));
    }
    return out;
}

}  // namespace

std::string with_advances(const std::string& font,
                          const std::vector<std::pair<char32_t, double>>& advances,
                          std::string& error) {
    HbBlob blob(hb_blob_create(font.data(), unsigned(font.size()), HB_MEMORY_MODE_READONLY,
                               nullptr, nullptr));
    HbFace face(hb_face_create(blob.get(), 0));
    HbFont hbfont(hb_font_create(face.get()));
    const std::string head = table(face.get(), "head");
    std::string hhea = table(face.get(), "hhea");
    const std::string maxp = table(face.get(), "maxp");
    const std::string hmtx = table(face.get(), "hmtx");
    if (head.size() < 54 || hhea.size() < 36 || maxp.size() < 6) {
        error = "font lacks head/hhea/maxp";
        return {};
    }
    const unsigned upem = read_u16(head, 18);
    const unsigned metrics = read_u16(hhea, 34);
    const unsigned glyphs = read_u16(maxp, 4);
    if (metrics == 0 || metrics > glyphs ||
        hmtx.size() < 4 * size_t(metrics) + 2 * size_t(glyphs - metrics)) {
        error = "malformed hmtx";
        return {};
    }
    std::string new_hmtx = expanded_hmtx(hmtx, metrics, glyphs);
    for (const auto& [cp, em] : advances) {
        hb_codepoint_t gid = 0;
        if (!hb_font_get_nominal_glyph(hbfont.get(), cp, &gid) || gid >= glyphs) continue;
        const long units = std::lround(em * upem);
        write_u16(new_hmtx, 4 * size_t(gid), unsigned(std::clamp(units, 0L, 0xFFFFL)));
    }
    write_u16(hhea, 34, glyphs);

    // Reassemble: every table as it was, hhea and hmtx replaced. The builder
    // writes the table directory (sorted by tag) and checksums.
    HbFace builder(hb_face_builder_create());
    std::array<hb_tag_t, 64> tags{};
    unsigned offset = 0;
    for (;;) {
        unsigned count = tags.size();
        hb_face_get_table_tags(face.get(), offset, &count, tags.data());
        if (count == 0) break;
        for (unsigned i = 0; i < count; ++i) {
            HbBlob data;
            if (tags[i] == hb_tag_from_string("hhea", 4))
                data.reset(hb_blob_create(hhea.data(), unsigned(hhea.size()),
                                          HB_MEMORY_MODE_DUPLICATE, nullptr, nullptr));
            else if (tags[i] == hb_tag_from_string("hmtx", 4))
                data.reset(hb_blob_create(new_hmtx.data(), unsigned(new_hmtx.size()),
                                          HB_MEMORY_MODE_DUPLICATE, nullptr, nullptr));
            else
                data.reset(hb_face_reference_table(face.get(), tags[i]));
            if (!hb_face_builder_add_table(builder.get(), tags[i], data.get())) {
                error = "cannot rebuild the font";
                return {};
            }
        }
        offset += count;
    }
    HbBlob out(hb_face_reference_blob(builder.get()));
    unsigned length = 0;
    const char* data = hb_blob_get_data(out.get(), &length);
    if (!data || length == 0) {
        error = "rebuilding the font produced nothing";
        return {};
    }
    return std::string(data, length);
}

}  // namespace chuxin::fonts
