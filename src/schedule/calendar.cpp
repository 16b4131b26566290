#include "schedule/calendar.h"

#include <set>

namespace chuxin::schedule {
namespace {

bool included(const model::Site& site, const model::Page& p) { return !p.draft || site.config.drafts; }

Date month_last(int year, int month) { return Date{year, month, Date::days_in_month(year, month)}; }

}  // namespace

std::vector<std::vector<CalendarDay>> month_grid(const model::Site& site, int year, int month) {
    Date first{year, month, 1};
    Date last = month_last(year, month);
    Date grid_start = first.plus_days(1 - first.weekday());
    Date grid_end = last.plus_days(7 - last.weekday());
    long n = grid_end.days() - grid_start.days() + 1;
    std::vector<CalendarDay> days(static_cast<size_t>(n));
    for (long i = 0; i < n; ++i) {
        days[static_cast<size_t>(i)].date = grid_start.plus_days(i);
        days[static_cast<size_t>(i)].in_month = days[static_cast<size_t>(i)].date.month == month;
    }
    auto slot = [&](Date d) -> CalendarDay* {
        if (d < first || d > last) return nullptr;
        return &days[static_cast<size_t>(d.days() - grid_start.days())];
    };
    for (size_t p = 0; p < site.pages.size(); ++p) {
        const auto& page = site.pages[p];
        if (!included(site, page)) continue;
        if (const auto* sched = page.as<model::Schedule>()) {
            for (size_t o = 0; o < sched->occurrences.size(); ++o) {
                const auto& occ = sched->occurrences[o];
                if (occ.window) continue;
                if (auto* day = slot(occ.start)) day->occurrences.push_back({static_cast<int>(p), static_cast<int>(o)});
            }
        }
        if (const auto* m = page.as<model::Minutes>())
            if (auto* day = slot(m->date)) day->minutes.push_back(static_cast<int>(p));
    }
    std::vector<std::vector<CalendarDay>> weeks;
    for (size_t i = 0; i < days.size(); i += 7)
        weeks.emplace_back(days.begin() + static_cast<long>(i), days.begin() + static_cast<long>(i + 7));
    return weeks;
}

std::vector<OccurrenceRef> month_windows(const model::Site& site, int year, int month) {
    Date first{year, month, 1};
    Date last = month_last(year, month);
    std::vector<OccurrenceRef> out;
    for (size_t p = 0; p < site.pages.size(); ++p) {
        const auto* sched = site.pages[p].as<model::Schedule>();
        if (!sched || !included(site, site.pages[p])) continue;
        for (size_t o = 0; o < sched->occurrences.size(); ++o) {
            const auto& occ = sched->occurrences[o];
            if (occ.window && occ.start <= last && occ.end >= first)
                out.push_back({static_cast<int>(p), static_cast<int>(o)});
        }
    }
    return out;
}

std::vector<std::pair<int, int>> calendar_months(const model::Site& site) {
    std::set<int> months;  // year * 12 + month - 1
    for (const auto& page : site.pages) {
        const auto* sched = page.as<model::Schedule>();
        if (!sched || !included(site, page)) continue;
        for (const auto& occ : sched->occurrences) {
            months.insert(occ.start.year * 12 + occ.start.month - 1);
            months.insert(occ.end.year * 12 + occ.end.month - 1);
        }
    }
    std::vector<std::pair<int, int>> out;
    if (months.empty()) return out;
    for (int i = *months.begin(); i <= *months.rbegin(); ++i) out.push_back({i / 12, i % 12 + 1});
    return out;
}

}  // namespace chuxin::schedule
