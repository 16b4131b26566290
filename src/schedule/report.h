#pragma once
// `chuxin report`: the compliance ledger (content-format §7, §8 "Report").
// Every schedule occurrence and checklist item with its status, as JSON or
// CSV (the workbook: report_xlsx.h). Call after compute(). Drafts are left
// out unless build.drafts is on.
#include <string>
#include <string_view>

#include "core/json_string.h"
#include "model/model.h"
#include "schedule/report_table.h"

namespace chuxin::schedule {

// One object: {"as_of", "occurrences": [...], "items": [...]}; one row per
// line; absent values null. Always the machine form (ReportColumns::Ids):
// occurrences by schedule id, event order in the file, start; items by
// checklist id, then file order. Ends with a newline.
std::string report_json(const model::Site& site);

// UTF-8 with a BOM (Excel, WPS), RFC 4180: CRLF, fields quoted when they hold
// '"', ',', CR or LF. A header row (the JSON keys for Ids, column titles in
// the site's language for Titles); absent values empty; lists joined with
// ';'; booleans true/false.
std::string report_csv(const model::Site& site, ReportWhat what, ReportColumns columns);

// JSON string literals: core/json_string.h.
using ::chuxin::json_string;

}  // namespace chuxin::schedule
