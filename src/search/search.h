#pragma once
// The search stage (docs/search.md): a client-side index of every searchable
// page, built from the model and the parsed bodies, written as plain script
// files beside the portal. The results page and its script are the theme's
// (themes/default/templates/search.mustache, static/js/search.js).
#include "core/output.h"
#include "model/model.h"

#include "search/entries.h"

namespace chuxin::search {

// Writes search/… into `out`, unless the site turned search off
// (site.yaml `search: false`).
void write_search_index(const model::Site& site, const BodyTexts& texts, OutputSink& out);

}  // namespace chuxin::search
