#include "schedule/expand.h"

#include <algorithm>

namespace chuxin::schedule {
namespace {

bool contains(const std::vector<int>& v, int x) { return std::find(v.begin(), v.end(), x) != v.end(); }

// BYMONTHDAY values resolved in one month (negative counts from the end).
std::vector<int> month_days(const std::vector<int>& by_month_day, int y, int m) {
    int dim = Date::days_in_month(y, m);
    std::vector<int> out;
    for (int d : by_month_day) {
        int day = d > 0 ? d : dim + 1 + d;
        if (day >= 1 && day <= dim) out.push_back(day);
    }
    return out;
}

// BYDAY expanded inside [first, last]: an ordinal picks the n-th (or n-th
// from the end) matching weekday of the scope, no ordinal picks them all.
std::vector<Date> weekdays_in(const std::vector<ByDay>& by_day, Date first, Date last) {
    std::vector<Date> out;
    for (const auto& bd : by_day) {
        Date first_match = first.plus_days((bd.weekday - first.weekday() + 7) % 7);
        Date last_match = last.plus_days(-((last.weekday() - bd.weekday + 7) % 7));
        if (bd.ordinal > 0) {
            Date d = first_match.plus_days(7L * (bd.ordinal - 1));
            if (d <= last) out.push_back(d);
        } else if (bd.ordinal < 0) {
            Date d = last_match.plus_days(-7L * (-bd.ordinal - 1));
            if (d >= first) out.push_back(d);
        } else {
            for (Date d = first_match; d <= last; d = d.plus_days(7)) out.push_back(d);
        }
    }
    return out;
}

std::vector<Date> intersect(std::vector<Date> a, std::vector<Date> b) {
    std::sort(a.begin(), a.end());
    std::sort(b.begin(), b.end());
    std::vector<Date> out;
    std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(out));
    return out;
}

std::vector<Date> by_month_day_dates(const RRule& r, int y, int m) {
    std::vector<Date> out;
    for (int d : month_days(r.by_month_day, y, m)) out.push_back(Date{y, m, d});
    return out;
}

Date month_end(int y, int m) { return Date{y, m, Date::days_in_month(y, m)}; }

// Candidates in one month: BYMONTHDAY and BYDAY expand, and limit each other
// when both are present; neither means dtstart's day of the month.
std::vector<Date> in_month(const RRule& r, int y, int m, Date dtstart) {
    if (r.by_month_day.empty() && r.by_day.empty()) {
        if (Date::valid(y, m, dtstart.day)) return {Date{y, m, dtstart.day}};
        return {};
    }
    if (r.by_day.empty()) return by_month_day_dates(r, y, m);
    auto days = weekdays_in(r.by_day, Date{y, m, 1}, month_end(y, m));
    if (r.by_month_day.empty()) return days;
    return intersect(days, by_month_day_dates(r, y, m));
}

std::vector<Date> yearly_period(const RRule& r, int y, Date dtstart) {
    std::vector<Date> out;
    if (!r.by_month.empty()) {
        for (int m = 1; m <= 12; ++m)
            if (contains(r.by_month, m))
                for (Date d : in_month(r, y, m, dtstart)) out.push_back(d);
        return out;
    }
    if (r.by_day.empty() && r.by_month_day.empty()) {
        if (Date::valid(y, dtstart.month, dtstart.day)) out.push_back(Date{y, dtstart.month, dtstart.day});
        return out;
    }
    std::vector<Date> month_days_all;
    for (int m = 1; m <= 12; ++m)
        for (Date d : by_month_day_dates(r, y, m)) month_days_all.push_back(d);
    if (r.by_day.empty()) return month_days_all;
    // Without BYMONTH a BYDAY ordinal counts within the year (RFC 5545 §3.3.10).
    auto days = weekdays_in(r.by_day, Date{y, 1, 1}, Date{y, 12, 31});
    if (r.by_month_day.empty()) return days;
    return intersect(days, month_days_all);
}

std::vector<Date> weekly_period(const RRule& r, Date week_start, Date dtstart) {
    std::vector<Date> out;
    for (int i = 0; i < 7; ++i) {
        Date d = week_start.plus_days(i);
        bool day_ok = r.by_day.empty() ? d.weekday() == dtstart.weekday()
                                       : std::any_of(r.by_day.begin(), r.by_day.end(),
                                                     [&](const ByDay& b) { return b.weekday == d.weekday(); });
        if (day_ok && (r.by_month.empty() || contains(r.by_month, d.month))) out.push_back(d);
    }
    return out;
}

bool daily_matches(const RRule& r, Date d) {
    if (!r.by_month.empty() && !contains(r.by_month, d.month)) return false;
    if (!r.by_month_day.empty() && !contains(month_days(r.by_month_day, d.year, d.month), d.day)) return false;
    if (!r.by_day.empty() &&
        std::none_of(r.by_day.begin(), r.by_day.end(), [&](const ByDay& b) { return b.weekday == d.weekday(); }))
        return false;
    return true;
}

// Appends a period's candidates in order; returns false once COUNT is reached.
bool take(std::vector<Date> candidates, const RRule& r, Date dtstart, Date cap, std::vector<Date>& out) {
    std::sort(candidates.begin(), candidates.end());
    candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
    for (Date d : candidates) {
        if (d < dtstart) continue;
        if (d > cap || (r.until && d > *r.until)) return false;
        out.push_back(d);
        if (r.count && static_cast<int>(out.size()) >= *r.count) return false;
    }
    return true;
}

}  // namespace

std::vector<Date> rrule_dates(const RRule& r, Date dtstart, Date cap) {
    std::vector<Date> out;
    int step = std::max(1, r.interval);
    switch (r.freq) {
        case Freq::Yearly:
            for (int y = dtstart.year; y <= cap.year; y += step)
                if (!take(yearly_period(r, y, dtstart), r, dtstart, cap, out)) break;
            break;
        case Freq::Monthly: {
            int last = cap.year * 12 + cap.month - 1;
            for (int i = dtstart.year * 12 + dtstart.month - 1; i <= last; i += step) {
                int y = i / 12, m = i % 12 + 1;
                if (!r.by_month.empty() && !contains(r.by_month, m)) continue;
                if (!take(in_month(r, y, m, dtstart), r, dtstart, cap, out)) break;
            }
            break;
        }
        case Freq::Weekly:
            for (Date ws = dtstart.plus_days(1 - dtstart.weekday()); ws <= cap; ws = ws.plus_days(7L * step))
                if (!take(weekly_period(r, ws, dtstart), r, dtstart, cap, out)) break;
            break;
        case Freq::Daily:
            for (Date d = dtstart; d <= cap; d = d.plus_days(step))
                if (daily_matches(r, d) && !take({d}, r, dtstart, cap, out)) break;
            break;
    }
    return out;
}

std::vector<Span> window_spans(WindowSpan span, int year) {
    std::vector<Span> out;
    auto months = [&](int first, int last) { out.push_back({Date{year, first, 1}, month_end(year, last)}); };
    switch (span) {
        case WindowSpan::Year: months(1, 12); break;
        case WindowSpan::HalfYear: months(1, 6); months(7, 12); break;
        case WindowSpan::Quarter:
            for (int q = 0; q < 4; ++q) months(q * 3 + 1, q * 3 + 3);
            break;
        case WindowSpan::Month:
            for (int m = 1; m <= 12; ++m) months(m, m);
            break;
        case WindowSpan::Week: {
            Date jan1{year, 1, 1};
            for (Date mon = jan1.plus_days((8 - jan1.weekday()) % 7); mon.year == year; mon = mon.plus_days(7))
                out.push_back({mon, mon.plus_days(6)});
            break;
        }
    }
    return out;
}

std::vector<model::Occurrence> expand(const model::ScheduleEvent& event, int event_index, int year,
                                      Diagnostics& diags) {
    std::vector<model::Occurrence> out;
    auto fixed = [&](Date d) {
        model::Occurrence o;
        o.event = event_index;
        o.start = o.end = d;
        out.push_back(o);
    };
    if (!event.repeat.empty()) {
        ParseResult parsed = parse_repeat(event.repeat);
        if (auto* err = std::get_if<ParseError>(&parsed)) {
            diags.error(event.repeat_pos, err->message, err->hint);
        } else if (auto* rr = std::get_if<RRule>(&std::get<Rule>(parsed))) {
            auto dates = rrule_dates(*rr, Date{year, 1, 1}, Date{year, 12, 31});
            if (dates.empty())
                diags.warning(event.repeat_pos, "重复规则 “" + event.repeat + "” 在 " + std::to_string(year) + " 年没有任何日期",
                              "检查 UNTIL、COUNT、BYMONTH 与 BYMONTHDAY 是否相互排斥（如 2 月没有 30 日）");
            for (Date d : dates) fixed(d);
        } else {
            const auto& w = std::get<WindowRule>(std::get<Rule>(parsed));
            for (const Span& s : window_spans(w.span, year)) {
                model::Occurrence o;
                o.event = event_index;
                o.start = s.start;
                o.end = s.end;
                o.window = true;
                o.required = w.count;
                out.push_back(o);
            }
        }
    }
    for (Date d : event.dates) {
        // Kept (the user wrote it), but a date outside the plan's year is
        // almost always a typo for the year.
        if (d.year != year)
            diags.warning(event.pos, "活动 “" + event.id + "” 的日期 " + d.iso() + " 不在计划年度 " +
                                         std::to_string(year) + " 年内",
                          "核对 dates 中的年份，或把它移到 " + std::to_string(d.year) + " 年的计划中");
        fixed(d);
    }
    std::stable_sort(out.begin(), out.end(), [](const model::Occurrence& a, const model::Occurrence& b) {
        if (a.start != b.start) return a.start < b.start;
        return a.end < b.end;
    });
    // A date both repeated and listed is one occurrence.
    out.erase(std::unique(out.begin(), out.end(),
                          [](const model::Occurrence& a, const model::Occurrence& b) {
                              return !a.window && !b.window && a.start == b.start;
                          }),
              out.end());
    return out;
}

}  // namespace chuxin::schedule
