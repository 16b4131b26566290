#pragma once
// A civil (proleptic Gregorian) calendar date. No time zones: every date in
// the content format is a local calendar day.
#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace chuxin {

struct Date {
    int year = 1970;
    int month = 1;  // 1–12
    int day = 1;    // 1–31

    // Strict "YYYY-MM-DD"; nullopt if malformed or not a real day (2026-02-30).
    static std::optional<Date> parse(std::string_view s);
    static Date from_days(long days);  // days since 1970-01-01
    static bool valid(int y, int m, int d);
    static int days_in_month(int y, int m);
    static bool leap_year(int y);

    long days() const;          // days since 1970-01-01
    int weekday() const;        // ISO: Monday = 1 … Sunday = 7
    Date plus_days(long n) const { return from_days(days() + n); }
    std::string iso() const;    // "2026-03-03"
    std::string compact() const;  // "20260303" (iCalendar)
    std::string chinese() const;  // "2026年3月3日"

    auto operator<=>(const Date&) const = default;
};

// A date field as other tools write it: a date, or an RFC 3339 / YAML 1.1
// timestamp ("2021-04-22T10:15:00+08:00", "2021-04-22 10:15:00", "…Z",
// fractions of a second, "+8"). The calendar date is the one written, in the
// writer's own offset: a branch's 10:15 meeting on 22 April is on the 22nd
// wherever the file is built (content-format §2, docs/content-format.md).
struct Timestamp {
    Date date;
    bool has_time = false;
    int hour = 0;    // 0–23
    int minute = 0;  // 0–59

    // nullopt if malformed or not a real day or time (2026-02-30, 24:00).
    static std::optional<Timestamp> parse(std::string_view s);
    std::string clock() const;  // "10:15"; empty without a time
};

// Today's date in the local time zone; the one place the clock is read.
Date today();

}  // namespace chuxin
