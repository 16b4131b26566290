#pragma once
// The PDF backend: a laid-out document → PDF bytes through libharu 2.3.0.
// Thin on purpose: every typesetting decision was made by src/layout; this
// stage embeds fonts, flips coordinates and writes what it is given.
#include <string>

#include "core/diagnostic.h"
#include "fonts/font_set.h"
#include "layout/frame.h"

namespace chuxin::pdf {

// Same document and fonts → byte-identical PDF (no clock: dates come from
// doc.info.creation_time, omitted when 0; libharu writes no /ID). Problems
// (code points above U+FFFF, missing images, unknown link targets, libharu
// failures) go to `diags` at the frame's source position. Returns "" only
// when libharu cannot produce a document at all.
std::string write_pdf(const layout::LaidOutDocument& doc, const fonts::FontSet& fonts,
                      Diagnostics& diags);

}  // namespace chuxin::pdf
