#pragma once
// Loading one hb-subset font into libharu from memory, with the fixes
// libharu 2.3.0 needs (research/libharu-cjk.md §2–3). Uses libharu
// internals from the installed headers (valid: Debian builds without
// HPDF_SHARED); pinned to libhpdf 2.3.0+dfsg.
#include <hpdf.h>

#include <string>
#include <vector>

namespace chuxin::pdf {

// Six capital letters derived from the face name and its code points: the
// subset tag of the BaseFont ("ABCDEF+UMingCN,Light", ISO 32000 §9.6.4).
// Same input → same tag, so output stays byte-identical.
std::string subset_tag(const std::string& face_name, const std::vector<char32_t>& cps);

// Registers `font_bytes` (a TrueType subset) with tag `tag`, marks all of
// its glyphs used (avoids libharu's composite-glyph bugs), and returns the
// font with the UTF-8 encoder (CID = Unicode code point) and a correct
// ToUnicode CMap covering `cps`. nullptr on failure (see the doc's errors).
// `name_suffix` is appended to the font's PostScript name: libharu finds
// font definitions by that (untagged) name and refuses a second one of the
// same name, so a variant of an embedded face needs its own.
HPDF_Font embed_subset_font(HPDF_Doc pdf, const std::string& font_bytes,
                            const std::string& tag, const std::vector<char32_t>& cps,
                            const std::string& name_suffix = "");

}  // namespace chuxin::pdf
