#pragma once
// The load stage: reads a site folder into the typed model.
//   site.yaml        → Site::config           (content-format §1)
//   content/**.md    → Site::pages, by path   (§2, §3; front matter validated per kind)
//   content/**/_index.md → Site::sections     (§8 "Sections")
//   other content/ files → Site::content_assets; static/ → Site::static_files
// Every problem goes into Diagnostics (all of them, not only the first); the
// returned Site holds whatever could be loaded. References stay unresolved
// (model::resolve_references does that later); handbook `include` globs are
// resolved here into HandbookPart::pages.
#include <string>

#include "core/diagnostic.h"
#include "model/model.h"

namespace chuxin::load {

struct LoadOptions {
    bool include_drafts = false;  // from the CLI; site.yaml `build.drafts: true` also enables
    int threads = 1;              // files are read and parsed on this many threads (≥ 1; --jobs)
};

model::Site load_site(const std::string& site_root, const LoadOptions& options, Diagnostics& diags);

}  // namespace chuxin::load
