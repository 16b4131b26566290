#pragma once
// hb-subset for the PDF backend (research/libharu-cjk.md §2): compact glyph
// ids (libharu 2.3.0 drops composite components with gid > 32767) and only
// the tables libharu reads.
#include <hb.h>

#include <string>
#include <utility>
#include <vector>

namespace chuxin::fonts {

// A TrueType font holding `cps` (plus .notdef and composite components),
// with tables cmap name OS/2 post hmtx glyf loca head hhea maxp and no
// hinting. Returns the font bytes; empty and `error` set on failure.
std::string subset_truetype(hb_face_t* face, const std::vector<char32_t>& cps,
                            std::string& error);

// `font` (a TrueType file, e.g. from subset_truetype) with the advance
// width of each listed code point's glyph replaced by the given width in
// em. hmtx is rewritten with one full metric per glyph (hb-subset shares
// the last advance among trailing glyphs, which cannot differ otherwise)
// and hhea.numberOfHMetrics to match; outlines are untouched, so each glyph
// draws as before and only its declared width (PDF /W) changes. Used for
// line-end marks trimmed to their ink (layout/frame.h GlyphWidths).
std::string with_advances(const std::string& font,
                          const std::vector<std::pair<char32_t, double>>& advances,
                          std::string& error);

}  // namespace chuxin::fonts
