#include <catch2/catch.hpp>

#include "core/date.h"

using chuxin::Date;

TEST_CASE("dates parse strictly and reject days that do not exist") {
    CHECK(Date::parse("2026-03-03") == Date{2026, 3, 3});
    CHECK_FALSE(Date::parse("2026-02-30"));
    CHECK_FALSE(Date::parse("2026-2-3"));
    CHECK_FALSE(Date::parse("2026-13-01"));
    CHECK_FALSE(Date::parse("2026/03/03"));
    CHECK(Date::parse("2028-02-29"));
    CHECK_FALSE(Date::parse("2026-02-29"));
    CHECK_FALSE(Date::parse("2100-02-29"));
    CHECK(Date::parse("2000-02-29"));
}

TEST_CASE("day arithmetic round-trips and weekdays are ISO") {
    for (long d = -800000; d < 800000; d += 997) CHECK(Date::from_days(d).days() == d);
    CHECK(Date{1970, 1, 1}.days() == 0);
    CHECK(Date{2026, 1, 6}.weekday() == 2);   // a Tuesday
    CHECK(Date{2026, 11, 22}.weekday() == 7); // a Sunday
    CHECK(Date{2026, 12, 31}.plus_days(1) == Date{2027, 1, 1});
    CHECK(Date{2026, 3, 3}.iso() == "2026-03-03");
    CHECK(Date{2026, 3, 3}.compact() == "20260303");
    CHECK(Date{2026, 3, 3}.chinese() == "2026年3月3日");
}

TEST_CASE("timestamps as Hugo, Jekyll and YAML tools write them are dates with a time") {
    using chuxin::Timestamp;
    auto ts = Timestamp::parse("2021-04-22T10:15:00+08:00");
    REQUIRE(ts);
    CHECK(ts->date == Date{2021, 4, 22});
    CHECK(ts->clock() == "10:15");
    // The calendar date is the one written, whatever the offset.
    CHECK(Timestamp::parse("2021-04-22T23:30:00-05:00")->date == Date{2021, 4, 22});
    for (const char* ok : {"2021-04-22", "2021-04-22T10:15:00Z", "2021-04-22t10:15:00z", "2021-04-22 10:15:00",
                           "2021-04-22 10:15", "2021-04-22T10:15:00.123456+08:00", "2021-04-22 10:15:00 +8",
                           "2021-04-22 9:05:00 -05:00", "2021-04-22T10:15:00+0800", "2021-12-31T23:59:60Z"}) {
        INFO(ok);
        CHECK(Timestamp::parse(ok));
    }
    CHECK_FALSE(Timestamp::parse("2021-04-22")->has_time);
    CHECK(Timestamp::parse("2021-04-22")->clock().empty());
    CHECK(Timestamp::parse("2021-04-22 9:05:00 -05:00")->clock() == "09:05");
    // Impossible days and times are still refused.
    for (const char* bad : {"2021-02-30T10:15:00+08:00", "2021-04-22T24:00:00", "2021-04-22T10:60:00",
                            "2021-04-22T10:15:61", "2021-04-22T10:15:00+25:00", "2021-04-22T10:15:00+08:00x",
                            "2021-04-22T", "2021-04-22X10:15", "2021-04-2210:15", "2021-04-22T10:15:00.+08:00",
                            "2021-4-22T10:15:00", "2021-04-22T10", "2021-04-22 10:15:00 +123"}) {
        INFO(bad);
        CHECK_FALSE(Timestamp::parse(bad));
    }
}
