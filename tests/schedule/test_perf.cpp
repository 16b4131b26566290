// Scale check (brief: a 10,000-page site builds in ≤ 1.4 s). Hidden tag:
// run with `test_schedule "[.perf]"`; it prints timings rather than asserting
// them, since the machine is shared.
#include <catch2/catch.hpp>

#include <ctime>
#include <iostream>

#include "schedule/ics.h"
#include "schedule/report.h"
#include "schedule/status.h"
#include "site_builder.h"

using namespace chuxin;
using namespace chuxin::testing;

TEST_CASE("10,000 pages: expansion, matching, report, calendars", "[.perf]") {
    SiteBuilder b;
    const char* repeats[] = {"每月第一个周二", "每周四", "每季度1次", "每半年至少1次", "每月15日", "每周2次"};
    std::vector<int> schedules;
    for (int s = 0; s < 100; ++s) {
        std::vector<model::ScheduleEvent> events;
        for (int e = 0; e < 12; ++e) events.push_back(event("e" + std::to_string(e), repeats[e % 6]));
        schedules.push_back(b.schedule("schedules/s" + std::to_string(s), 2026, events));
    }
    for (int m = 0; m < 9900; ++m) {
        Date day = Date{2026, 1, 1}.plus_days(m % 365);
        b.minutes("minutes/m" + std::to_string(m), day.iso().c_str(), schedules[static_cast<size_t>(m % 100)],
                  "e" + std::to_string(m % 12));
    }
    // CPU time, not wall time: the build machine is shared.
    auto now = [] { return std::clock(); };
    auto t0 = now();
    Diagnostics diags;
    schedule::compute(b.site, d("2026-07-01"), diags);
    auto t1 = now();
    std::string json = schedule::report_json(b.site);
    auto t2 = now();
    size_t bytes = 0;
    for (int s : schedules) bytes += schedule::ics(b.site, b.site.pages[static_cast<size_t>(s)]).size();
    auto t3 = now();
    auto ms = [](std::clock_t a, std::clock_t b2) { return 1000.0 * static_cast<double>(b2 - a) / CLOCKS_PER_SEC; };
    size_t occs = 0;
    for (int s : schedules) occs += b.site.pages[static_cast<size_t>(s)].as<model::Schedule>()->occurrences.size();
    std::cout << "pages " << b.site.pages.size() << ", occurrences " << occs << ", warnings " << diags.warning_count()
              << "\nCPU: compute " << ms(t0, t1) << " ms, report_json " << ms(t1, t2) << " ms (" << json.size()
              << " B), 100 calendars " << ms(t2, t3) << " ms (" << bytes << " B)\n";
    CHECK(occs > 0);
}
