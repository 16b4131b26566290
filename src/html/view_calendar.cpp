// Calendar pages: a month grid per month (events, occurrences and meetings
// on their days; windows listed for every month they span, content-format
// §8 "Calendars") and a year overview.
#include <map>

#include "html/view.h"

namespace chuxin::html {

namespace {

struct DayItems {
    ListView items;
};

bool overlaps_month(const model::Occurrence& occ, int year, int month) {
    const Date first{year, month, 1};
    const Date last{year, month, Date::days_in_month(year, month)};
    return occ.start <= last && occ.end >= first;
}

View occurrence_item(const Ctx& ctx, int s, const model::Schedule& sched, const model::Occurrence& occ) {
    View item;
    const auto& event = sched.events[occ.event];
    item.text("title", event.title)
        .text("context", ctx.site.pages[s].title)
        .text("href", ctx.href_page(s, occurrence_anchor(sched, occ)))
        .text("when", occurrence_when(ctx.ui, occ))
        .flag("is_meeting", false);
    put_status(item, occurrence_status(ctx.ui, occ.status));
    return item;
}

View meeting_item(const Ctx& ctx, int p) {
    const auto& page = ctx.site.pages[p];
    const auto* m = page.as<model::Minutes>();
    View item;
    item.text("title", page.title)
        .text("context", m ? m->meeting : std::string())
        .text("href", ctx.href_page(p))
        .text("when", ctx.date(m->date))
        .flag("is_meeting", true);
    put_status(item, {"meeting", ctx.ui("kind_minutes"), "▪"});
    return item;
}

std::string weekday_label(const Ui& ui, int iso) { return ui("wd" + std::to_string(iso)); }

}  // namespace

Data month_view(const Ctx& ctx, int year, int month) {
    View v;
    const std::string label = ctx.ui.month_label(year, month);
    const std::string title = ctx.ui("calendar") + " " + label;
    v.text("title", title).text("month_label", label);

    // What happens on each day of the month, and the windows that span it.
    std::map<int, DayItems> days;
    ListView windows;
    for (int s : ctx.index.schedules) {
        const auto& sched = *ctx.site.pages[s].as<model::Schedule>();
        for (const auto& occ : sched.occurrences) {
            if (static_cast<size_t>(occ.event) >= sched.events.size() || !overlaps_month(occ, year, month))
                continue;
            View item = occurrence_item(ctx, s, sched, occ);
            if (occ.window && occ.start != occ.end) windows.push(item);
            else days[occ.start.day].items.push(item);
        }
    }
    for (int p : ctx.index.minutes) {
        const auto* m = ctx.site.pages[p].as<model::Minutes>();
        if (m->date.year != year || m->date.month != month) continue;
        View item = meeting_item(ctx, p);
        days[m->date.day].items.push(item);
    }
    put_list(v, "windows", std::move(windows));

    ListView weekdays;
    for (int wd = 1; wd <= 7; ++wd) {
        View w;
        w.text("name", weekday_label(ctx.ui, wd)).flag("weekend", wd >= 6);
        weekdays.push(w);
    }
    put_list(v, "weekdays", std::move(weekdays));

    // Monday-first weeks; cells outside the month are blank.
    ListView weeks;
    const Date first{year, month, 1};
    const int lead = first.weekday() - 1;
    const int ndays = Date::days_in_month(year, month);
    for (int start = 1 - lead; start <= ndays; start += 7) {
        ListView cells;
        for (int d = start; d < start + 7; ++d) {
            View cell;
            const bool in_month = d >= 1 && d <= ndays;
            cell.flag("in_month", in_month);
            if (in_month) {
                const Date date{year, month, d};
                cell.text("day", std::to_string(d))
                    .text("date_label", ctx.date(date) + " " + (ctx.ui.lang() == Lang::Zh ? "周" : "") +
                                            weekday_label(ctx.ui, date.weekday()))
                    .flag("today", date == ctx.site.as_of)
                    .flag("weekend", date.weekday() >= 6);
                auto it = days.find(d);
                put_list(cell, "items", it != days.end() ? std::move(it->second.items) : ListView());
            } else {
                cell.flag("has_items", false).flag("today", false).flag("weekend", false);
            }
            cells.push(cell);
        }
        View week;
        put_list(week, "cells", std::move(cells));
        weeks.push(week);
    }
    put_list(v, "weeks", std::move(weeks));

    // Neighbouring months that have a page.
    auto here = ctx.index.months.find({year, month});
    auto link = [&](const char* key, auto it) {
        if (it == ctx.index.months.end()) {
            v.text((std::string(key) + "_href").c_str(), "").text((std::string(key) + "_label").c_str(), "");
            return;
        }
        v.text((std::string(key) + "_href").c_str(), ctx.href_url(month_url(it->first, it->second)))
            .text((std::string(key) + "_label").c_str(), ctx.ui.month_label(it->first, it->second));
    };
    link("prev", here == ctx.index.months.begin() ? ctx.index.months.end() : std::prev(here));
    link("next", here == ctx.index.months.end() ? here : std::next(here));
    v.text("year_href", ctx.href_url(year_url(year)))
        .text("year_label", std::to_string(year) + (ctx.ui.lang() == Lang::Zh ? "年" : ""));
    frame_fields(ctx, v, title, "calendar",
                 {{ctx.ui("home"), "/"}, {ctx.ui("calendar") + " " + std::to_string(year), year_url(year)},
                  {label, ""}});
    return v.take();
}

Data year_view(const Ctx& ctx, int year) {
    View v;
    const std::string year_label = std::to_string(year) + (ctx.ui.lang() == Lang::Zh ? "年" : "");
    const std::string title = ctx.ui("calendar") + " " + year_label;
    v.text("title", title).text("year", std::to_string(year));
    struct MonthCounts { int fixed = 0, done = 0, due = 0, overdue = 0, windows = 0, meetings = 0; };
    std::map<int, MonthCounts> counts;
    ListView windows;
    for (int s : ctx.index.schedules) {
        const auto& sched = *ctx.site.pages[s].as<model::Schedule>();
        for (const auto& occ : sched.occurrences) {
            if (static_cast<size_t>(occ.event) >= sched.events.size()) continue;
            if (occ.start.year > year || occ.end.year < year) continue;
            const bool window = occ.window && occ.start != occ.end;
            if (window) {
                View item = occurrence_item(ctx, s, sched, occ);
                windows.push(item);
                for (int m = 1; m <= 12; ++m)
                    if (overlaps_month(occ, year, m)) ++counts[m].windows;
                continue;
            }
            auto& c = counts[occ.start.month];
            ++c.fixed;
            switch (occ.status) {
                case model::OccurrenceStatus::Done: ++c.done; break;
                case model::OccurrenceStatus::Due: ++c.due; break;
                case model::OccurrenceStatus::Overdue: ++c.overdue; break;
            }
        }
    }
    for (int p : ctx.index.minutes) {
        const auto* m = ctx.site.pages[p].as<model::Minutes>();
        if (m->date.year == year) ++counts[m->date.month].meetings;
    }
    ListView months;
    for (const auto& [y, m] : ctx.index.months) {
        if (y != year) continue;
        const auto& c = counts[m];
        View row;
        row.text("label", ctx.ui.month_label(y, m))
            .text("href", ctx.href_url(month_url(y, m)))
            .text("fixed", std::to_string(c.fixed))
            .text("done", std::to_string(c.done))
            .text("due", std::to_string(c.due))
            .text("overdue", std::to_string(c.overdue))
            .flag("any_overdue", c.overdue > 0)
            .text("windows", std::to_string(c.windows))
            .text("meetings", std::to_string(c.meetings));
        months.push(row);
    }
    put_list(v, "months", std::move(months));
    put_list(v, "windows", std::move(windows));
    auto here = ctx.index.years.find(year);
    auto prev = here == ctx.index.years.begin() ? ctx.index.years.end() : std::prev(here);
    auto next = here == ctx.index.years.end() ? here : std::next(here);
    v.text("prev_href", prev != ctx.index.years.end() ? ctx.href_url(year_url(*prev)) : std::string())
        .text("prev_label", prev != ctx.index.years.end() ? std::to_string(*prev) : std::string())
        .text("next_href", next != ctx.index.years.end() ? ctx.href_url(year_url(*next)) : std::string())
        .text("next_label", next != ctx.index.years.end() ? std::to_string(*next) : std::string());
    frame_fields(ctx, v, title, "calendar", {{ctx.ui("home"), "/"}, {title, ""}});
    return v.take();
}

}  // namespace chuxin::html
