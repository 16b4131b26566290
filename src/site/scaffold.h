#pragma once
// `chuxin new site DIR` and `chuxin new KIND PATH` (content-format §7).
#include <string>
#include <string_view>

#include "core/date.h"
#include "core/diagnostic.h"
#include "core/embedded.h"

namespace chuxin::site {

// Writes the embedded starter site into `dir`, which must not exist or be
// empty. Returns false (with an error) otherwise.
bool new_site(const std::string& dir, Diagnostics& diags);

// The embedded archetype `<kind>.md` (templates/archetypes/), or nullptr.
const EmbeddedFile* archetype_of(std::string_view kind);

// Writes `<site_root>/content/<path>` from the archetype of `kind` (a name
// of model::kKinds). `path` is relative to content/ (".md" added if missing); the
// title comes from the file name, the date is `today`. Never overwrites.
// Returns the written file's path, or "" with an error.
std::string new_content(const std::string& site_root, const std::string& kind,
                        const std::string& path, Date today, Diagnostics& diags);

}  // namespace chuxin::site
