#pragma once
// Assemble the book: cover, front matter (前言, 目录), part title pages,
// chapters, running heads, folios, bookmarks and links; page numbers of the
// TOC and of "（第N页）" references come from laying out again until they no
// longer change (style.md §6), at most kMaxPasses times.
#include "core/diagnostic.h"
#include "core/world.h"
#include "layout/document.h"
#include "layout/frame.h"
#include "layout/metrics.h"

namespace chuxin::layout {

constexpr int kMaxPasses = 5;

struct LayoutStats {
    int passes = 0;
    bool converged = true;
};

// Images are read through `world` (site-relative paths, once per file);
// nothing else of the outside is needed.
LaidOutDocument layout_book(const Book& book, const FontMetrics& fonts, const World& world,
                            Diagnostics& diags, LayoutStats* stats = nullptr);

}  // namespace chuxin::layout
