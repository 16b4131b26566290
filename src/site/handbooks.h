#pragma once
// Writes every handbook of the site as /handbooks/<slug>.pdf (content-format §6).
#include <functional>

#include "core/diagnostic.h"
#include "core/output.h"
#include "core/world.h"
#include "markdown/document.h"
#include "model/model.h"

namespace chuxin::site {

// Which handbook pages to write; empty: all (an incremental rebuild names
// the ones that read a changed page).
using HandbookFilter = std::function<bool(const model::Page& handbook)>;

// Fonts, images and the clock come from a fonts::SystemWorld made here: the
// site folder, fontconfig and `source_date_epoch` (0: the PDFs carry no date).
// Each handbook reads its pages' bodies from `documents` (parsed once).
void write_handbooks(const model::Site& site, const markdown::Documents& documents, long long source_date_epoch,
                     OutputSink& out, Diagnostics& diags, const HandbookFilter& wanted = {});

// The same with every file, font and the date from `world` (a MemoryWorld in
// tests; a server's world of edited files).
void write_handbooks(const model::Site& site, const markdown::Documents& documents, const World& world,
                     OutputSink& out, Diagnostics& diags, const HandbookFilter& wanted = {});

}  // namespace chuxin::site
