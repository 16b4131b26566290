#pragma once
// The handbook stage (content-format §3 `handbook`, §4): a handbook page and
// the pages it includes → a layout::Book → laid-out pages. Every included
// page's Markdown body is parsed again here (cmark-gfm with the GFM
// extensions and footnotes) into the layout's neutral block tree; the typed
// kinds get their own layouts (study list table, checklist ledger, schedule,
// minutes header, case lessons). No libharu here: pdf::write_pdf writes it.
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "core/world.h"
#include "layout/document.h"
#include "layout/frame.h"
#include "layout/gongwen.h"
#include "layout/metrics.h"
#include "model/model.h"

namespace chuxin::markdown {
struct Documents;
}

namespace chuxin::handbook {

using ChapterStart = chuxin::ChapterStart;  // core/chapter_start.h

// The creation date is not an option: pdf::write_pdf takes it from the World.
struct HandbookOptions {
    ChapterStart chapter_start = ChapterStart::NewPage;
    // The markdown stage's trees of the site's pages (markdown::parse_site):
    // the bodies are read from them. None: chapters have no body.
    const markdown::Documents* documents = nullptr;
};

// The neutral book for one handbook page (exposed for tests and tools).
layout::Book build_book(const model::Site& site, const model::Page& handbook_page,
                        const HandbookOptions& options, Diagnostics& diags);

// A `style: gbt9704` handbook as a 公文 (GB/T 9704-2012): the page's own
// body is the 正文, its included pages the 附件 (exposed for tests).
layout::Gongwen build_gongwen(const model::Site& site, const model::Page& handbook_page,
                              const HandbookOptions& options, Diagnostics& diags);

// build_book + layout::layout_book (build_gongwen + layout::layout_gongwen
// for style gbt9704). Image files (site-relative paths, as
// book blocks name them) are read through `world`, nothing else.
layout::LaidOutDocument build_handbook(const model::Site& site, const model::Page& handbook_page,
                                       const layout::FontMetrics& fonts, const World& world,
                                       const HandbookOptions& options, Diagnostics& diags);

// "handbooks/<slug>.pdf", relative to the output folder (content-format §3).
std::string handbook_pdf_path(const model::Page& handbook_page);
// The PDF paths of every handbook page of the site (drafts excluded unless
// the site builds drafts), in page order.
std::vector<std::string> handbook_pdf_paths(const model::Site& site);

}  // namespace chuxin::handbook
