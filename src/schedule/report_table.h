#pragma once
// The compliance ledger as tables, before any file format: one sheet per
// ledger (occurrences, checklist items), typed cells. report.cpp writes them
// as JSON and CSV, report_xlsx.cpp as a workbook (docs/schedules.md §7).
#include <string>
#include <vector>

#include "core/date.h"
#include "model/model.h"

namespace chuxin::schedule {

enum class ReportWhat { Occurrences, Items };

// Ids: the JSON keys and machine words (done, overdue: true), for scripts.
// Titles: for people, in the site's language — page and event titles,
// status words as the pages show them, dates, then the ids in columns of
// their own at the end.
enum class ReportColumns { Titles, Ids };

struct ReportCell {
    enum class Kind { Empty, Text, Date, Number, Bool, List };
    Kind kind = Kind::Empty;
    std::string text;                // Text
    Date date;                       // Date
    long number = 0;                 // Number
    bool flag = false;               // Bool
    std::vector<std::string> items;  // List (ids; CSV joins them with ';')

    static ReportCell empty() { return {}; }
    static ReportCell str(std::string s);
    static ReportCell opt(std::string s);  // "" → empty
    static ReportCell day(Date d);
    static ReportCell day(const std::optional<Date>& d);
    static ReportCell num(long n);
    static ReportCell boolean(bool b);
    static ReportCell list(std::vector<std::string> ids);

    // The cell as CSV shows it: ISO dates, true/false, a list joined with ';'.
    std::string plain() const;
};

struct ReportRow {
    std::vector<ReportCell> cells;  // one per header
    bool overdue = false;           // an overdue occurrence or item: marked in a workbook
};

struct ReportSheet {
    std::string name;                  // the workbook sheet's name
    std::vector<std::string> headers;  // JSON keys (Ids) or column titles (Titles)
    std::vector<ReportRow> rows;
};

// Rows: occurrences by schedule id, event order in the file, start; items by
// checklist id, then file order; drafts only with build.drafts. Call after
// compute(). Titles are in site.config.lang.
ReportSheet report_sheet(const model::Site& site, ReportWhat what, ReportColumns columns);

}  // namespace chuxin::schedule
