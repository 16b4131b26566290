#pragma once
// The `repeat` grammar of schedule events (content-format §5, §8): Chinese
// phrases as written in Party documents, or an RFC 5545 RRULE subset.
// Every fixed phrase is translated into the RRULE it means, so expansion and
// the .ics writer deal with one representation only; windows (每季度1次 …)
// have no RRULE equivalent and keep their own type.
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/date.h"

namespace chuxin::schedule {

enum class Freq { Yearly, Monthly, Weekly, Daily };

// One BYDAY entry: weekday (ISO, Monday = 1 … Sunday = 7) with an optional
// ordinal inside the month (MONTHLY, YEARLY+BYMONTH) or year (YEARLY):
// 1TU = {2, 1}, -1FR = {5, -1}, TU = {2, 0}.
struct ByDay {
    int weekday = 1;
    int ordinal = 0;
    bool operator==(const ByDay&) const = default;
};

// RFC 5545 §3.3.10 subset. DTSTART is 1 January of the schedule's year and
// the set is cut at 31 December (content-format §8).
struct RRule {
    Freq freq = Freq::Monthly;
    int interval = 1;
    std::vector<ByDay> by_day;
    std::vector<int> by_month_day;  // 1…31 or -31…-1 (from the month's end)
    std::vector<int> by_month;      // 1…12
    std::optional<int> count;
    std::optional<Date> until;      // inclusive, as a calendar day
    bool operator==(const RRule&) const = default;
};

// A span with a minimum count: "at least N times in each quarter".
enum class WindowSpan { Year, HalfYear, Quarter, Month, Week };

struct WindowRule {
    WindowSpan span = WindowSpan::Year;
    int count = 1;
    bool operator==(const WindowRule&) const = default;
};

using Rule = std::variant<RRule, WindowRule>;

struct ParseError {
    std::string message;  // quotes the phrase
    std::string hint;     // the accepted forms
};

using ParseResult = std::variant<Rule, ParseError>;

// Parses a `repeat` value (surrounding spaces ignored).
ParseResult parse_repeat(std::string_view text);

// "FREQ=MONTHLY;BYDAY=1TU" — canonical order FREQ, INTERVAL (if > 1), COUNT,
// UNTIL (YYYYMMDD), BYMONTH, BYMONTHDAY, BYDAY. Round-trips through parse_repeat.
std::string to_rrule_string(const RRule& rule);

// The list of accepted forms, used as the hint of every parse error.
const std::string& accepted_forms_hint();

// "MO" … "SU" for ISO weekday 1…7.
const char* weekday_code(int iso_weekday);

}  // namespace chuxin::schedule
