// Expansion tables (content-format §3, §5, §8). Expected dates were checked
// against a calendar and python-dateutil's rrule.
#include <catch2/catch.hpp>

#include "schedule/expand.h"
#include "site_builder.h"

using namespace chuxin;
using namespace chuxin::schedule;
using chuxin::testing::event;

namespace {

// "MM-DD" of every fixed occurrence of `repeat` in `year`.
std::vector<std::string> fixed_days(const std::string& repeat, int year = 2026) {
    Diagnostics diags;
    auto occs = expand(event("e", repeat), 0, year, diags);
    REQUIRE_FALSE(diags.has_errors());
    std::vector<std::string> out;
    for (const auto& o : occs) {
        REQUIRE_FALSE(o.window);
        CHECK(o.start == o.end);
        CHECK(o.required == 1);
        out.push_back(o.start.iso().substr(5));
    }
    return out;
}

std::vector<std::string> windows(const std::string& repeat, int year = 2026, int required = 1) {
    Diagnostics diags;
    auto occs = expand(event("e", repeat), 3, year, diags);
    REQUIRE_FALSE(diags.has_errors());
    std::vector<std::string> out;
    for (const auto& o : occs) {
        REQUIRE(o.window);
        CHECK(o.required == required);
        CHECK(o.event == 3);
        out.push_back(o.start.iso() + ".." + o.end.iso());
    }
    return out;
}

using V = std::vector<std::string>;

}  // namespace

TEST_CASE("every first Tuesday of 2026", "[expand]") {
    V first_tuesdays = {"01-06", "02-03", "03-03", "04-07", "05-05", "06-02",
                        "07-07", "08-04", "09-01", "10-06", "11-03", "12-01"};
    CHECK(fixed_days("每月第一个周二") == first_tuesdays);
    CHECK(fixed_days("每月第一个星期二") == first_tuesdays);
    CHECK(fixed_days("FREQ=MONTHLY;BYDAY=1TU") == first_tuesdays);
}

TEST_CASE("last Fridays, third Fridays, fifth Tuesdays", "[expand]") {
    CHECK(fixed_days("每月最后一个周五") ==
          V{"01-30", "02-27", "03-27", "04-24", "05-29", "06-26", "07-31", "08-28", "09-25", "10-30", "11-27", "12-25"});
    CHECK(fixed_days("每月第三个周五") ==
          V{"01-16", "02-20", "03-20", "04-17", "05-15", "06-19", "07-17", "08-21", "09-18", "10-16", "11-20", "12-18"});
    // A month without a fifth Tuesday simply has none (§8).
    CHECK(fixed_days("每月第五个周二") == V{"03-31", "06-30", "09-29", "12-29"});
}

TEST_CASE("weekly and monthly days", "[expand]") {
    auto thursdays = fixed_days("每周四");
    REQUIRE(thursdays.size() == 53);  // 2026 starts on a Thursday
    CHECK(thursdays.front() == "01-01");
    CHECK(thursdays[1] == "01-08");
    CHECK(thursdays.back() == "12-31");
    auto sundays = fixed_days("每周日");
    CHECK(sundays.size() == 52);
    CHECK(sundays.front() == "01-04");
    CHECK(fixed_days("每月31日") == V{"01-31", "03-31", "05-31", "07-31", "08-31", "10-31", "12-31"});
}

TEST_CASE("leap years: the 29th and the last day of February", "[expand]") {
    auto v2026 = fixed_days("每月29日", 2026);
    auto v2028 = fixed_days("每月29日", 2028);
    CHECK(v2026.size() == 11);
    CHECK(std::find(v2026.begin(), v2026.end(), "02-29") == v2026.end());
    CHECK(v2028.size() == 12);
    CHECK(v2028[1] == "02-29");
    CHECK(fixed_days("FREQ=MONTHLY;BYMONTHDAY=-1", 2028) ==
          V{"01-31", "02-29", "03-31", "04-30", "05-31", "06-30", "07-31", "08-31", "09-30", "10-31", "11-30", "12-31"});
    CHECK(fixed_days("FREQ=MONTHLY;BYMONTHDAY=-1", 2026)[1] == "02-28");
}

TEST_CASE("RRULE: COUNT, UNTIL, INTERVAL and combinations", "[expand]") {
    CHECK(fixed_days("FREQ=MONTHLY;BYDAY=1TU;COUNT=3") == V{"01-06", "02-03", "03-03"});
    CHECK(fixed_days("FREQ=MONTHLY;BYDAY=1TU;UNTIL=20260401") == V{"01-06", "02-03", "03-03"});
    CHECK(fixed_days("FREQ=MONTHLY;BYDAY=1TU;UNTIL=20260407T090000Z") == V{"01-06", "02-03", "03-03", "04-07"});
    CHECK(fixed_days("FREQ=MONTHLY;INTERVAL=2;BYDAY=1TU") == V{"01-06", "03-03", "05-05", "07-07", "09-01", "11-03"});
    CHECK(fixed_days("FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH;COUNT=6") ==
          V{"01-01", "01-12", "01-15", "01-26", "01-29", "02-09"});
    CHECK(fixed_days("FREQ=WEEKLY;BYDAY=SU;UNTIL=20260201") == V{"01-04", "01-11", "01-18", "01-25", "02-01"});
    CHECK(fixed_days("FREQ=YEARLY;BYDAY=20MO") == V{"05-18"});
    CHECK(fixed_days("FREQ=YEARLY;BYMONTH=2,8;BYDAY=-1SU") == V{"02-22", "08-30"});
    CHECK(fixed_days("FREQ=DAILY;INTERVAL=10;BYMONTH=2") == V{"02-10", "02-20"});
    CHECK(fixed_days("FREQ=MONTHLY;BYMONTHDAY=13;BYDAY=FR") == V{"02-13", "03-13", "11-13"});
    CHECK(fixed_days("FREQ=YEARLY") == V{"01-01"});
    CHECK(fixed_days("FREQ=MONTHLY;BYMONTH=3,6") == V{"03-01", "06-01"});
    CHECK(fixed_days("每年7月1日") == V{"07-01"});
    // COUNT beyond the year is cut at 31 December.
    CHECK(fixed_days("FREQ=MONTHLY;BYDAY=1TU;COUNT=40").size() == 12);
    CHECK(fixed_days("FREQ=DAILY").size() == 365);
    CHECK(fixed_days("FREQ=DAILY", 2028).size() == 366);
}

TEST_CASE("rrule_dates from another DTSTART (used by the .ics writer)", "[expand]") {
    RRule r{Freq::Monthly, 1, {ByDay{2, 1}}, {}, {}, {}, {}};
    auto dates = rrule_dates(r, Date{2026, 3, 3}, Date{2026, 6, 30});
    CHECK(chuxin::testing::isos(dates) == V{"2026-03-03", "2026-04-07", "2026-05-05", "2026-06-02"});
}

TEST_CASE("windows: year, halves, quarters, months, weeks", "[expand]") {
    CHECK(windows("每年1次") == V{"2026-01-01..2026-12-31"});
    CHECK(windows("每半年至少1次") == V{"2026-01-01..2026-06-30", "2026-07-01..2026-12-31"});
    CHECK(windows("每季度1次") == V{"2026-01-01..2026-03-31", "2026-04-01..2026-06-30", "2026-07-01..2026-09-30",
                                  "2026-10-01..2026-12-31"});
    CHECK(windows("每季度两次", 2026, 2).size() == 4);
    auto months = windows("每月2次", 2028, 2);
    REQUIRE(months.size() == 12);
    CHECK(months[1] == "2028-02-01..2028-02-29");
    auto weeks = windows("每周1次");
    REQUIRE(weeks.size() == 52);  // Mondays of 2026: 5 Jan … 28 Dec
    CHECK(weeks.front() == "2026-01-05..2026-01-11");
    CHECK(weeks.back() == "2026-12-28..2027-01-03");
    // 2024 starts on a Monday: its first week starts on 1 January.
    CHECK(windows("每周1次", 2024).front() == "2024-01-01..2024-01-07");
}

TEST_CASE("explicit dates are fixed and merge with a repeat", "[expand]") {
    Diagnostics diags;
    auto occs = expand(event("lecture", "", {chuxin::testing::d("2026-07-01"), chuxin::testing::d("2026-03-05")}),
                       2, 2026, diags);
    REQUIRE(occs.size() == 2);
    CHECK(occs[0].start.iso() == "2026-03-05");
    CHECK(occs[1].start.iso() == "2026-07-01");
    CHECK_FALSE(occs[0].window);
    CHECK(occs[0].event == 2);
    // A listed date that the phrase also yields is one occurrence.
    auto merged = expand(event("td", "每月第一个周二", {chuxin::testing::d("2026-01-06"), chuxin::testing::d("2026-01-20")}),
                         0, 2026, diags);
    CHECK(merged.size() == 13);
    CHECK(merged[0].start.iso() == "2026-01-06");
    CHECK(merged[1].start.iso() == "2026-01-20");
    CHECK_FALSE(diags.has_errors());
}

TEST_CASE("a listed date outside the plan's year is kept with a warning", "[expand]") {
    Diagnostics diags;
    auto e = event("lecture", "", {chuxin::testing::d("2025-07-01")});
    e.pos = {"content/schedules/2026.md", 12, 5};
    auto occs = expand(e, 0, 2026, diags);
    REQUIRE(occs.size() == 1);
    CHECK(occs[0].start.iso() == "2025-07-01");
    REQUIRE(diags.warning_count() == 1);
    CHECK(diags.sorted()[0].pos.line == 12);
    CHECK(diags.sorted()[0].message.find("2025-07-01") != std::string::npos);
    CHECK_FALSE(diags.has_errors());
}

TEST_CASE("a rule without any date in the year is a warning", "[expand]") {
    Diagnostics diags;
    auto e = event("never", "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30");
    e.repeat_pos = {"content/schedules/2026.md", 7, 13};
    CHECK(expand(e, 0, 2026, diags).empty());
    REQUIRE(diags.warning_count() == 1);
    CHECK(diags.sorted()[0].pos.line == 7);
    CHECK_FALSE(diags.has_errors());
}

TEST_CASE("an unreadable repeat is an error at repeat_pos", "[expand]") {
    Diagnostics diags;
    auto e = event("bad", "每月第六个周二");
    e.repeat_pos = {"content/schedules/2026.md", 9, 13};
    auto occs = expand(e, 0, 2026, diags);
    CHECK(occs.empty());
    REQUIRE(diags.error_count() == 1);
    auto d = diags.sorted().front();
    CHECK(d.pos.file == "content/schedules/2026.md");
    CHECK(d.pos.line == 9);
    CHECK(d.pos.col == 13);
    CHECK(d.message.find("“每月第六个周二”") != std::string::npos);
    CHECK_FALSE(d.hint.empty());
}
