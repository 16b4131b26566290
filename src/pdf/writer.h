#pragma once
// The PDF backend: a laid-out document → PDF bytes through libharu 2.3.0.
// Thin on purpose: every typesetting decision was made by src/layout; this
// stage embeds fonts, flips coordinates and writes what it is given.
#include <string>

#include "core/diagnostic.h"
#include "core/world.h"
#include "fonts/font_set.h"
#include "layout/frame.h"

namespace chuxin::pdf {

// Same document, fonts and world → byte-identical PDF. Images are read and
// the creation date taken (World::now(); none when nullopt) through `world`
// only; libharu writes no /ID. Problems
// (code points above U+FFFF, missing images, unknown link targets, libharu
// failures) go to `diags` at the frame's source position. Returns "" only
// when libharu cannot produce a document at all.
std::string write_pdf(const layout::LaidOutDocument& doc, const fonts::FontSet& fonts,
                      const World& world, Diagnostics& diags);

}  // namespace chuxin::pdf
