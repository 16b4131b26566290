#pragma once
// Resolves handbook `include` items into page indexes (content-format §3, §8
// "Handbooks"): exact ids, `*` inside one folder, `**` across folders.
#include <string_view>

#include "core/diagnostic.h"
#include "model/model.h"

namespace chuxin::load {

// `*` matches within one path segment, `**` across segments.
bool glob_match(std::string_view pattern, std::string_view text);

// Fills HandbookPart::pages of every handbook in `site` (pages and by_id
// already final). A glob matching nothing is a warning; an unknown exact id an
// error with the nearest ids.
void resolve_handbook_includes(model::Site& site, Diagnostics& diags);

}  // namespace chuxin::load
