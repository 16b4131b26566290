#include "fonts/subset.h"

#include <hb-subset.h>

#include <algorithm>
#include <array>
#include <memory>

#include "fonts/face.h"

namespace chuxin::fonts {
namespace {

struct SubsetInputFree {
    void operator()(hb_subset_input_t* in) const { hb_subset_input_destroy(in); }
};
using SubsetInput = std::unique_ptr<hb_subset_input_t, SubsetInputFree>;

constexpr std::array<const char*, 10> kKeptTables = {
    "cmap", "name", "OS/2", "post", "hmtx", "glyf", "loca", "head", "hhea", "maxp"};

bool kept(hb_tag_t tag) {
    return std::any_of(kKeptTables.begin(), kKeptTables.end(),
                       [&](const char* t) { return hb_tag_from_string(t, 4) == tag; });
}

}  // namespace

std::string subset_truetype(hb_face_t* face, const std::vector<char32_t>& cps,
                            std::string& error) {
    SubsetInput input(hb_subset_input_create_or_fail());
    if (!input) {
        error = "hb-subset: out of memory";
        return {};
    }
    hb_set_t* unicodes = hb_subset_input_unicode_set(input.get());
    for (char32_t cp : cps) hb_set_add(unicodes, cp);

    hb_set_t* drop = hb_subset_input_set(input.get(), HB_SUBSET_SETS_DROP_TABLE_TAG);
    hb_set_clear(drop);
    std::array<hb_tag_t, 64> tags{};
    unsigned offset = 0;
    for (;;) {
        unsigned count = tags.size();
        hb_face_get_table_tags(face, offset, &count, tags.data());
        if (count == 0) break;
        for (unsigned i = 0; i < count; ++i)
            if (!kept(tags[i])) hb_set_add(drop, tags[i]);
        offset += count;
    }
    // No hinting: fpgm/prep/cvt are dropped, so glyph programs must go too.
    hb_subset_input_set_flags(input.get(), HB_SUBSET_FLAGS_NO_HINTING);

    HbFace subset(hb_subset_or_fail(face, input.get()));
    if (!subset) {
        error = "hb-subset failed";
        return {};
    }
    HbBlob blob(hb_face_reference_blob(subset.get()));
    unsigned length = 0;
    const char* data = hb_blob_get_data(blob.get(), &length);
    if (!data || length == 0) {
        error = "hb-subset produced an empty font";
        return {};
    }
    return std::string(data, length);
}

}  // namespace chuxin::fonts
