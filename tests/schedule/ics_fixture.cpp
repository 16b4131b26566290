// Writes .ics files and chuxin's own expansion of them (expected.json) into
// the directory given as argv[1], for ics_check.py to compare with an
// independent reader (python3-icalendar + dateutil.rrule).
#include <filesystem>
#include <fstream>
#include <iostream>

#include "schedule/ics.h"
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
