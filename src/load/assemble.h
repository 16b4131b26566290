#pragma once
// After every file is loaded: the site-wide checks and indexes — drafts
// dropped, ids unique (§2), URLs unique, sections with their ordered pages.
#include <vector>

#include "core/diagnostic.h"
#include "load/content_file.h"
#include "model/model.h"

namespace chuxin::load {

enum class Drafts { Skip, Include };

// `loaded` is in path order; `folders` lists every folder under content/.
void assemble_site(model::Site& site, std::vector<LoadedFile>& loaded, const std::vector<std::string>& folders,
                   Drafts drafts, Diagnostics& diags);

}  // namespace chuxin::load
