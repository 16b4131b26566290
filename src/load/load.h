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
#include <vector>

#include "core/diagnostic.h"
#include "load/content_file.h"
#include "load/walk.h"
#include "model/model.h"

namespace chuxin::load {

struct LoadOptions {
    bool include_drafts = false;  // from the CLI; site.yaml `build.drafts: true` also enables
    int threads = 1;              // files are read and parsed on this many threads (≥ 1; --jobs)
};

model::Site load_site(const std::string& site_root, const LoadOptions& options, Diagnostics& diags);

// load_site in two steps: what it reads from disk, file by file, and the
// site-wide checks over it (assemble.h). An incremental build keeps the
// first and reads again only the files that changed; every file's problems
// are kept beside it, so the second step reports what a full load would.
struct SiteSources {
    std::string root;
    model::SiteConfig config;
    bool config_read = false;  // false: site.yaml could not be used (reported); nothing else was read
    bool include_drafts = false;
    ContentListing content;              // under content/
    std::vector<std::string> static_files;  // under static/, sorted
    std::vector<LoadedFile> files;       // files[i] is content.markdown[i]'s
    std::vector<std::vector<Diagnostic>> file_problems;  // what reading files[i] reported
    std::vector<Diagnostic> site_problems;  // site.yaml's and the folders' walks
};

SiteSources read_sources(const std::string& site_root, const LoadOptions& options);
// Reads content/`rel` again into its place in `sources` (added, in path
// order, when new). False when it is not a file any more.
bool read_source(SiteSources& sources, const std::string& rel);
// Drops content/`rel` from `sources` (a file deleted).
void forget_source(SiteSources& sources, const std::string& rel);
// content/`rel` as read into `sources`, or null.
LoadedFile* find_source(SiteSources& sources, const std::string& rel);
// Reads and loads content/`rel` of the site at `site_root` on its own (the
// same limits and checks as load_site), without touching any sources.
LoadedFile read_content_file(const std::string& site_root, const std::string& rel, const model::SiteConfig& config,
                             Diagnostics& diags);
// The site from the sources (taken by value: pass a copy to keep them).
model::Site assemble_sources(SiteSources sources, Diagnostics& diags);

}  // namespace chuxin::load
