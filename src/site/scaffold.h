#pragma once
// `chuxin new site DIR` and `chuxin new KIND PATH` (content-format §7).
#include <string>

#include "core/date.h"
#include "core/diagnostic.h"

namespace chuxin::site {

// Writes the embedded starter site into `dir`, which must not exist or be
// empty. Returns false (with an error) otherwise.
bool new_site(const std::string& dir, Diagnostics& diags);

// Writes `<site_root>/content/<path>` from the archetype of `kind`
// ("page", "studylist", "case", "minutes", "schedule", "checklist",
// "handbook"). `path` is relative to content/ (".md" added if missing); the
// title comes from the file name, the date is `today`. Never overwrites.
// Returns the written file's path, or "" with an error.
std::string new_content(const std::string& site_root, const std::string& kind,
                        const std::string& path, Date today, Diagnostics& diags);

}  // namespace chuxin::site
