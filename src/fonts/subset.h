#pragma once
// hb-subset for the PDF backend (research/libharu-cjk.md §2): compact glyph
// ids (libharu 2.3.0 drops composite components with gid > 32767) and only
// the tables libharu reads.
#include <hb.h>

#include <string>
#include <vector>

namespace chuxin::fonts {

// A TrueType font holding `cps` (plus .notdef and composite components),
// with tables cmap name OS/2 post hmtx glyf loca head hhea maxp and no
// hinting. Returns the font bytes; empty and `error` set on failure.
std::string subset_truetype(hb_face_t* face, const std::vector<char32_t>& cps,
                            std::string& error);

}  // namespace chuxin::fonts
