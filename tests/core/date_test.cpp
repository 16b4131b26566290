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
