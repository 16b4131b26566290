#pragma once
// Month calendars for the HTML renderer (content-format §6 "Calendar pages
// per month"). Plain data; the renderer formats it.
#include <vector>

#include "core/date.h"
#include "model/model.h"

namespace chuxin::schedule {

// One occurrence of the site: Site::pages[page].as<Schedule>()->occurrences[occurrence].
struct OccurrenceRef {
    int page = -1;
    int occurrence = -1;
    bool operator==(const OccurrenceRef&) const = default;
};

struct CalendarDay {
    Date date;
    bool in_month = true;                    // false for the leading/trailing days of other months
    std::vector<OccurrenceRef> occurrences;  // fixed occurrences on this day
    std::vector<int> minutes;                // minutes pages dated this day (page index)
};

// The weeks (Monday first) covering year-month, 4–6 rows of 7 days. Days of
// neighbouring months are marked in_month = false and carry no entries.
// Occurrences: schedules by page index, then occurrence order; minutes by
// page index. Drafts are left out unless build.drafts is on. Call after compute().
std::vector<std::vector<CalendarDay>> month_grid(const model::Site& site, int year, int month);

// Window occurrences overlapping year-month (a quarter shows on each of its
// three month pages), by page index then occurrence order.
std::vector<OccurrenceRef> month_windows(const model::Site& site, int year, int month);

// The (year, month) pairs from the first to the last month touched by an
// occurrence (start or end), ascending, gaps filled: the month pages to build.
std::vector<std::pair<int, int>> calendar_months(const model::Site& site);

}  // namespace chuxin::schedule
