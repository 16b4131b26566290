// Writes .ics files and chuxin's own expansion of them (expected.json) into
// the directory given as argv[1], for ics_check.py to compare with an
// independent reader (python3-icalendar + dateutil.rrule).
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>

#include "schedule/ics.h"
#include "schedule/repeat.h"
#include "schedule/report.h"
#include "schedule/status.h"
#include "site_builder.h"

using namespace chuxin;
using namespace chuxin::testing;

namespace {

model::ScheduleEvent ev(const std::string& id, const std::string& repeat, std::vector<Date> dates = {}) {
    auto e = event(id, repeat, std::move(dates));
    e.title = "活动 " + id + "：" + (repeat.empty() ? "指定日期" : repeat);
    return e;
}

// Pseudo-random RRULEs inside the subset (fixed seed: the files are the same
// on every run), so dateutil checks combinations nobody thought to write.
std::vector<model::ScheduleEvent> random_rules(int n) {
    std::mt19937 rng(20260101);
    auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
    std::vector<model::ScheduleEvent> out;
    while (static_cast<int>(out.size()) < n) {
        schedule::RRule r;
        r.freq = static_cast<schedule::Freq>(pick(0, 3));
        r.interval = pick(0, 2) ? 1 : pick(2, 5);
        bool ordinals = r.freq == schedule::Freq::Monthly || r.freq == schedule::Freq::Yearly;
        // A BYDAY list is all with ordinals or all without: dateutil
        // intersects a mixed list (-5WE,SU) where RFC 5545 §3.3.10 (and chuxin)
        // take the union, so a mixed list cannot be cross-checked with it.
        bool with_ordinals = ordinals && pick(0, 1);
        for (int i = pick(0, 2); i > 0; --i) {
            int ord = with_ordinals ? (pick(0, 1) ? pick(1, 5) : -pick(1, 5)) : 0;
            if (r.freq == schedule::Freq::Yearly && ord && r.by_month.empty() && pick(0, 1)) ord *= 7;  // up to ±35 in the year
            r.by_day.push_back({pick(1, 7), ord});
        }
        if (r.freq != schedule::Freq::Weekly && pick(0, 2) == 0)
            for (int i = pick(1, 2); i > 0; --i) r.by_month_day.push_back(pick(0, 1) ? pick(1, 31) : -pick(1, 31));
        if (pick(0, 2) == 0)
            for (int i = pick(1, 3); i > 0; --i) r.by_month.push_back(pick(1, 12));
        std::sort(r.by_month.begin(), r.by_month.end());
        r.by_month.erase(std::unique(r.by_month.begin(), r.by_month.end()), r.by_month.end());
        int end = pick(0, 3);
        if (end == 1) r.count = pick(1, 30);
        if (end == 2) r.until = Date{2026, pick(1, 12), pick(1, 28)};
        std::string text = schedule::to_rrule_string(r);
        auto parsed = schedule::parse_repeat(text);
        if (!std::holds_alternative<schedule::Rule>(parsed)) continue;  // e.g. 0 as an ordinal
        out.push_back(ev("random-" + std::to_string(out.size()), text));
    }
    return out;
}

void build(SiteBuilder& b) {
    b.schedule("schedules/2026", 2026,
               {ev("theme-day", "每月第一个周二"), ev("last-friday", "每月最后一个周五"), ev("thursdays", "每周四"),
                ev("day29", "每月29日"), ev("day31", "每月31日"), ev("fifth-tue", "每月第五个周二"),
                ev("seminar", "每季度1次"), ev("half", "每半年至少1次"), ev("yearly", "每年1次"),
                ev("monthly-win", "每月两次"), ev("weekly-win", "每周1次"),
                ev("lecture", "", {d("2026-07-01"), d("2026-03-05")}),
                ev("mixed", "每月第一个周二", {d("2026-01-20"), d("2026-02-03")}),
                ev("july-first", "每年7月1日"), ev("month-end", "每月最后一天")});
    b.schedule("schedules/rrule-2026", 2026,
               {ev("count", "FREQ=MONTHLY;BYDAY=1TU;COUNT=3"), ev("until", "FREQ=MONTHLY;BYDAY=1TU;UNTIL=20260401"),
                ev("until-z", "FREQ=MONTHLY;BYDAY=-1FR;UNTIL=20260925T120000Z"),
                ev("interval", "FREQ=MONTHLY;INTERVAL=2;BYDAY=1TU"),
                ev("weekly-2", "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH;COUNT=6"),
                ev("weekly-3-march", "FREQ=WEEKLY;INTERVAL=3;BYMONTH=3"), ev("weekly-plain", "FREQ=WEEKLY"),
                ev("daily-10", "FREQ=DAILY;INTERVAL=10;BYMONTH=2"), ev("daily-3-march", "FREQ=DAILY;INTERVAL=3;BYMONTH=3"),
                ev("yearly-20mo", "FREQ=YEARLY;BYDAY=20MO"), ev("yearly", "FREQ=YEARLY"),
                ev("yearly-months", "FREQ=YEARLY;BYMONTH=2,8;BYDAY=-1SU"), ev("monthly-plain", "FREQ=MONTHLY;BYMONTH=3,6"),
                ev("friday-13", "FREQ=MONTHLY;BYMONTHDAY=13;BYDAY=FR"), ev("last-day", "FREQ=MONTHLY;BYMONTHDAY=-1,15"),
                ev("yearly-md", "FREQ=YEARLY;BYMONTHDAY=31"), ev("interval-until", "FREQ=WEEKLY;INTERVAL=4;BYDAY=WE;UNTIL=20261031")});
    b.schedule("schedules/2028", 2028,
               {ev("day29", "每月29日"), ev("month-end", "FREQ=MONTHLY;BYMONTHDAY=-1"), ev("sundays", "每周日"),
                ev("weeks", "每周至少两次"), ev("leap-day", "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29")});
    b.schedule("schedules/random-2026", 2026, random_rules(300));
    int odd = b.schedule("schedules/标题转义", 2026, {ev("semi", "每季度一次")});
    auto& page = b.site.pages[static_cast<size_t>(odd)];
    page.title = "测试；日程, 反斜杠 \\ 与\n换行——一个很长很长的标题，用来检验按七十五个八位组折行而不拆开汉字的规则";
    auto& e = std::get<model::Schedule>(page.data).events[0];
    e.title = "分号; 逗号, 反斜杠\\ 换行\n结束";
    b.minutes("minutes/2026-01-06", "2026-01-06", 0, "theme-day");
    b.minutes("minutes/2026-02-11", "2026-02-11", 0, "seminar");
}

std::string json_dates(const std::vector<std::string>& v) {
    std::string s = "[";
    for (size_t i = 0; i < v.size(); ++i) s += (i ? ", " : "") + schedule::json_string(v[i]);
    return s + "]";
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: schedule_ics_fixture OUTDIR\n";
        return 2;
    }
    std::filesystem::path dir = argv[1];
    std::filesystem::create_directories(dir);
    SiteBuilder b;
    build(b);
    Diagnostics diags;
    schedule::compute(b.site, d("2026-07-01"), diags);
    if (diags.has_errors()) {
        std::cerr << "fixture has errors\n";
        return 1;
    }
    std::string json = "{\"files\": [\n";
    int n = 0;
    for (const auto& page : b.site.pages) {
        const auto* sched = page.as<model::Schedule>();
        if (!sched) continue;
        std::string file = "cal" + std::to_string(n) + ".ics";
        std::ofstream(dir / file, std::ios::binary) << schedule::ics(b.site, page);
        json += std::string(n++ ? ",\n" : "") + " {\"file\": \"" + file + "\", \"title\": " +
                schedule::json_string(page.title) + ", \"events\": {";
        for (size_t e = 0; e < sched->events.size(); ++e) {
            std::vector<std::string> fixed, windows;
            for (const auto& o : sched->occurrences) {
                if (o.event != static_cast<int>(e)) continue;
                if (o.window) windows.push_back("[\"" + o.start.iso() + "\", \"" + o.end.iso() + "\"]");
                else fixed.push_back(o.start.iso());
            }
            std::string w = "[";
            for (size_t i = 0; i < windows.size(); ++i) w += (i ? ", " : "") + windows[i];
            w += "]";
            json += std::string(e ? ",\n  " : "\n  ") + schedule::json_string(page.id + "/" + sched->events[e].id) +
                    ": {\"summary\": " + schedule::json_string(sched->events[e].title) +
                    ", \"fixed\": " + json_dates(fixed) + ", \"windows\": " + w + "}";
        }
        json += "}}";
    }
    json += "\n]}\n";
    std::ofstream(dir / "expected.json", std::ios::binary) << json;
    std::cout << "wrote " << n << " calendars to " << dir.string() << "\n";
    return 0;
}
