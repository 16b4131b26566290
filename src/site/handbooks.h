#pragma once
// Writes every handbook of the site as /handbooks/<slug>.pdf (content-format §6).
#include "core/diagnostic.h"
#include "core/output.h"
#include "markdown/document.h"
#include "model/model.h"

namespace chuxin::site {

void write_handbooks(const model::Site& site, const markdown::Documents& documents, long long source_date_epoch,
                     OutputSink& out, Diagnostics& diags);

}  // namespace chuxin::site
