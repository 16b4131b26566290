#pragma once
// `chuxin report --format xlsx`: the compliance ledger as one Excel workbook
// (libxlsxwriter), a sheet per ledger — occurrences, then checklist items —
// with a frozen header row, an autofilter, column widths that fit Chinese
// text, real dates (yyyy-mm-dd) and overdue rows filled (docs/schedules.md §7).
#include <ctime>
#include <string>
#include <string_view>

#include "model/model.h"
#include "schedule/report_table.h"

namespace chuxin::schedule {

struct XlsxOptions {
    // docProps "created"/"modified". libxlsxwriter would write the clock;
    // a fixed value makes two runs byte-identical. 0 = the as-of date, 00:00 UTC.
    std::time_t created = 0;
};

// Writes the workbook to `path` through `path + ".part"` in the same folder
// (libxlsxwriter's temporary files go there too), renamed on success, so a
// failure leaves an existing `path` as it was. Returns "" on success, else
// what went wrong.
std::string write_report_xlsx(const model::Site& site, ReportColumns columns, const std::string& path,
                              const XlsxOptions& options);

// Width of a text in spreadsheet column units: East Asian wide and
// full-width characters count 2, others 1; the longest line of the text.
int display_width(std::string_view utf8);

}  // namespace chuxin::schedule
