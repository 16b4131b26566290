#include "core/date.h"

#include <cstdio>
#include <ctime>

namespace chuxin {

bool Date::leap_year(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int Date::days_in_month(int y, int m) {
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12) return 0;
    return m == 2 && leap_year(y) ? 29 : days[m - 1];
}

bool Date::valid(int y, int m, int d) {
    return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= days_in_month(y, m);
}

std::optional<Date> Date::parse(std::string_view s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
    auto digits = [&](size_t from, size_t n, int& out) {
        out = 0;
        for (size_t i = from; i < from + n; ++i) {
            if (s[i] < '0' || s[i] > '9') return false;
            out = out * 10 + (s[i] - '0');
        }
        return true;
    };
    Date d;
    if (!digits(0, 4, d.year) || !digits(5, 2, d.month) || !digits(8, 2, d.day)) return std::nullopt;
    if (!valid(d.year, d.month, d.day)) return std::nullopt;
    return d;
}

// Howard Hinnant's days-from-civil algorithm (public domain description).
long Date::days() const {
    int y = year - (month <= 2 ? 1 : 0);
    long era = (y >= 0 ? y : y - 399) / 400;
    unsigned yoe = static_cast<unsigned>(y - era * 400);
    unsigned mp = static_cast<unsigned>(month + (month > 2 ? -3 : 9));
    unsigned doy = (153 * mp + 2) / 5 + static_cast<unsigned>(day) - 1;
    unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<long>(doe) - 719468;
}

Date Date::from_days(long z) {
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    unsigned doe = static_cast<unsigned>(z - era * 146097);
    unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long y = static_cast<long>(yoe) + era * 400;
    unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    unsigned mp = (5 * doy + 2) / 153;
    unsigned d = doy - (153 * mp + 2) / 5 + 1;
    unsigned m = mp < 10 ? mp + 3 : mp - 9;
    return Date{static_cast<int>(y + (m <= 2 ? 1 : 0)), static_cast<int>(m), static_cast<int>(d)};
}

int Date::weekday() const {
    long d = days();  // 1970-01-01 was a Thursday (ISO 4)
    long w = (d % 7 + 7 + 3) % 7;  // Monday = 0
    return static_cast<int>(w) + 1;
}

std::string Date::iso() const {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
    return buf;
}

std::string Date::compact() const {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d%02d%02d", year, month, day);
    return buf;
}

std::string Date::chinese() const {
    return std::to_string(year) + "年" + std::to_string(month) + "月" + std::to_string(day) + "日";
}

namespace {

// Reads exactly `n` ASCII digits at s[at…]; advances `at`.
bool read_digits(std::string_view s, size_t& at, size_t n, int& out) {
    if (at + n > s.size()) return false;
    out = 0;
    for (size_t i = at; i < at + n; ++i) {
        if (s[i] < '0' || s[i] > '9') return false;
        out = out * 10 + (s[i] - '0');
    }
    at += n;
    return true;
}

// "Z", "+08:00", "+0800", "+08", "-5" (YAML 1.1 allows one digit), after
// optional spaces. The offset is checked, not applied: see Timestamp.
bool read_offset(std::string_view s, size_t at) {
    while (at < s.size() && s[at] == ' ') ++at;
    if (at == s.size()) return true;
    if ((s[at] == 'Z' || s[at] == 'z') && at + 1 == s.size()) return true;
    if (s[at] != '+' && s[at] != '-') return false;
    ++at;
    int hours = 0, minutes = 0;
    size_t digits = 0;
    while (at + digits < s.size() && s[at + digits] >= '0' && s[at + digits] <= '9') ++digits;
    if (digits == 1 || digits == 2) {
        if (!read_digits(s, at, digits, hours)) return false;
        if (at < s.size() && s[at] == ':') {
            ++at;
            if (!read_digits(s, at, 2, minutes)) return false;
        }
    } else if (digits == 4) {
        if (!read_digits(s, at, 2, hours) || !read_digits(s, at, 2, minutes)) return false;
    } else {
        return false;
    }
    return at == s.size() && hours <= 23 && minutes <= 59;
}

}  // namespace

std::optional<Timestamp> Timestamp::parse(std::string_view s) {
    if (s.size() < 10) return std::nullopt;
    auto date = Date::parse(s.substr(0, 10));
    if (!date) return std::nullopt;
    Timestamp ts;
    ts.date = *date;
    if (s.size() == 10) return ts;
    size_t at = 10;
    if (s[at] == 'T' || s[at] == 't') {
        ++at;
    } else {
        while (at < s.size() && (s[at] == ' ' || s[at] == '\t')) ++at;
        if (at == 10) return std::nullopt;
    }
    // YAML 1.1 allows a one-digit hour ("2021-04-22 9:05:00").
    int second = 0;
    const size_t hour_digits = at + 1 < s.size() && s[at + 1] == ':' ? 1 : 2;
    if (!read_digits(s, at, hour_digits, ts.hour) || at >= s.size() || s[at++] != ':' ||
        !read_digits(s, at, 2, ts.minute))
        return std::nullopt;
    if (at < s.size() && s[at] == ':') {
        ++at;
        if (!read_digits(s, at, 2, second)) return std::nullopt;
        if (at < s.size() && s[at] == '.') {
            size_t digits = 0;
            while (at + 1 + digits < s.size() && s[at + 1 + digits] >= '0' && s[at + 1 + digits] <= '9') ++digits;
            if (digits == 0) return std::nullopt;
            at += 1 + digits;
        }
    }
    // 60: a leap second, which RFC 3339 §5.6 allows.
    if (ts.hour > 23 || ts.minute > 59 || second > 60 || !read_offset(s, at)) return std::nullopt;
    ts.has_time = true;
    return ts;
}

std::string Timestamp::clock() const {
    if (!has_time) return "";
    char buf[8];
    std::snprintf(buf, sizeof buf, "%02d:%02d", hour, minute);
    return buf;
}

Date today() {
    std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    return Date{local.tm_year + 1900, local.tm_mon + 1, local.tm_mday};
}

}  // namespace chuxin
