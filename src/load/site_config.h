#pragma once
// site.yaml (content-format §1): only `title` is required; unknown keys are
// errors with a did-you-mean.
#include <string>

#include "core/diagnostic.h"
#include "model/model.h"

namespace chuxin::load {

// Reads <root>/site.yaml into `config`. False when the file is missing or
// unreadable (an error naming the folder has been reported); otherwise true,
// with every problem in the file reported and the valid fields filled.
bool read_site_config(const std::string& root, model::SiteConfig& config, Diagnostics& diags);

// Same, from text already read; `file` names it in positions ("site.yaml").
void parse_site_config(const std::string& text, const std::string& file, model::SiteConfig& config,
                       Diagnostics& diags);

}  // namespace chuxin::load
