// The RRULE subset of the `repeat` grammar (content-format §5, §8; RFC 5545
// §3.3.10). Parts outside the subset are errors, not silently dropped: a rule
// that means something else in a calendar app than on the site would mislead.
#include <cctype>
#include <set>

#include "schedule/repeat.h"

namespace chuxin::schedule {
namespace {

std::string upper(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return s;
}

std::vector<std::string> split(const std::string& s, char sep) {
    std::vector<std::string> out;
    size_t start = 0;
    for (;;) {
        size_t end = s.find(sep, start);
        out.push_back(s.substr(start, end == std::string::npos ? std::string::npos : end - start));
        if (end == std::string::npos) return out;
        start = end + 1;
    }
}

// Signed decimal integer, whole string; nullopt otherwise.
std::optional<int> integer(const std::string& s) {
    size_t i = 0;
    bool neg = false;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) neg = s[i++] == '-';
    if (i == s.size() || s.size() - i > 6) return std::nullopt;
    int v = 0;
    for (; i < s.size(); ++i) {
        if (!std::isdigit(static_cast<unsigned char>(s[i]))) return std::nullopt;
        v = v * 10 + (s[i] - '0');
    }
    return neg ? -v : v;
}

std::optional<int> weekday_from_code(const std::string& code) {
    for (int d = 1; d <= 7; ++d)
        if (code == weekday_code(d)) return d;
    return std::nullopt;
}

// YYYYMMDD or YYYYMMDDTHHMMSS[Z]; the time is dropped (a calendar day).
std::optional<Date> until_date(const std::string& v) {
    bool date_only = v.size() == 8;
    bool date_time = (v.size() == 15 || v.size() == 16) && v[8] == 'T' && (v.size() == 15 || v[15] == 'Z');
    if (!date_only && !date_time) return std::nullopt;
    for (size_t i = 0; i < 8; ++i)
        if (!std::isdigit(static_cast<unsigned char>(v[i]))) return std::nullopt;
    for (size_t i = 9; date_time && i < 15; ++i)
        if (!std::isdigit(static_cast<unsigned char>(v[i]))) return std::nullopt;
    return Date::parse(v.substr(0, 4) + "-" + v.substr(4, 2) + "-" + v.substr(6, 2));
}

struct Parser {
    const std::string& original;
    RRule rule;
    std::set<std::string> seen;

    ParseError fail(const std::string& reason) const {
        return ParseError{"无法识别的重复规则 “" + original + "”：" + reason, accepted_forms_hint()};
    }

    std::optional<ParseError> part(const std::string& name, const std::string& value) {
        if (!seen.insert(name).second) return fail(name + " 出现了两次");
        if (value.empty()) return fail(name + " 没有值");
        if (name == "FREQ") {
            static const char* const freqs[] = {"YEARLY", "MONTHLY", "WEEKLY", "DAILY"};
            for (int i = 0; i < 4; ++i)
                if (value == freqs[i]) { rule.freq = static_cast<Freq>(i); return std::nullopt; }
            return fail("FREQ=" + value + " 不受支持（可用 YEARLY、MONTHLY、WEEKLY、DAILY）");
        }
        if (name == "INTERVAL") {
            auto n = integer(value);
            if (!n || *n < 1 || value[0] == '-' || value[0] == '+') return fail("INTERVAL 应为正整数");
            rule.interval = *n;
            return std::nullopt;
        }
        if (name == "COUNT") {
            auto n = integer(value);
            if (!n || *n < 1 || value[0] == '-' || value[0] == '+') return fail("COUNT 应为正整数");
            rule.count = *n;
            return std::nullopt;
        }
        if (name == "UNTIL") {
            rule.until = until_date(value);
            if (!rule.until) return fail("UNTIL 应为 YYYYMMDD 或 YYYYMMDDTHHMMSSZ");
            return std::nullopt;
        }
        if (name == "WKST") {
            // Weeks run Monday–Sunday everywhere in chuxin (content-format §3).
            if (value != "MO") return fail("只支持 WKST=MO（周一为一周之始）");
            return std::nullopt;
        }
        if (name == "BYMONTH") return int_list(name, value, 1, 12, rule.by_month);
        if (name == "BYMONTHDAY") return int_list(name, value, 1, 31, rule.by_month_day);
        if (name == "BYDAY") return by_day(value);
        return fail(name + " 不受支持（支持 FREQ、INTERVAL、BYDAY、BYMONTHDAY、BYMONTH、COUNT、UNTIL）");
    }

    // Values in ±[lo, hi]; negative only where RFC 5545 allows (BYMONTHDAY).
    std::optional<ParseError> int_list(const std::string& name, const std::string& value, int lo, int hi,
                                       std::vector<int>& out) {
        bool negatives = name == "BYMONTHDAY";
        for (const auto& item : split(value, ',')) {
            auto n = integer(item);
            bool ok = n && ((*n >= lo && *n <= hi) || (negatives && *n <= -lo && *n >= -hi));
            if (!ok) return fail(name + " 的值 “" + item + "” 超出范围");
            out.push_back(*n);
        }
        return std::nullopt;
    }

    std::optional<ParseError> by_day(const std::string& value) {
        for (const auto& item : split(value, ',')) {
            if (item.size() < 2) return fail("BYDAY 的值 “" + item + "” 无法识别");
            auto wd = weekday_from_code(item.substr(item.size() - 2));
            std::string ord = item.substr(0, item.size() - 2);
            std::optional<int> n = ord.empty() ? std::optional<int>(0) : integer(ord);
            if (!wd || !n || (!ord.empty() && (*n == 0 || *n > 53 || *n < -53)))
                return fail("BYDAY 的值 “" + item + "” 无法识别（如 TU、1TU、-1FR）");
            rule.by_day.push_back(ByDay{*wd, *n});
        }
        return std::nullopt;
    }

    // Combinations RFC 5545 forbids or leaves meaningless.
    std::optional<ParseError> check() const {
        if (!seen.count("FREQ")) return fail("缺少 FREQ");
        if (rule.count && rule.until) return fail("COUNT 与 UNTIL 不能同时使用（RFC 5545 §3.3.10）");
        bool ordinals = false;
        for (const auto& d : rule.by_day) ordinals |= d.ordinal != 0;
        if (ordinals && (rule.freq == Freq::Weekly || rule.freq == Freq::Daily))
            return fail("WEEKLY/DAILY 的 BYDAY 不能带序数");
        if (rule.freq == Freq::Weekly && !rule.by_month_day.empty()) return fail("WEEKLY 不能与 BYMONTHDAY 同用");
        for (const auto& d : rule.by_day)
            if (rule.freq == Freq::Monthly && (d.ordinal > 5 || d.ordinal < -5))
                return fail("每月至多有5个同一星期几");
        return std::nullopt;
    }
};

}  // namespace

// `text` is normalized (full-width forms → ASCII); `written` is quoted in errors.
ParseResult parse_rrule(const std::string& text, const std::string& written) {
    std::string body = upper(text);
    if (body.rfind("RRULE:", 0) == 0) body = body.substr(6);
    while (!body.empty() && body.back() == ';') body.pop_back();
    Parser p{written, {}, {}};
    for (const auto& piece : split(body, ';')) {
        auto eq = piece.find('=');
        if (eq == std::string::npos) return p.fail("“" + piece + "” 不是 NAME=VALUE");
        std::string name = piece.substr(0, eq);
        while (!name.empty() && name.front() == ' ') name.erase(0, 1);
        if (auto e = p.part(name, piece.substr(eq + 1))) return *e;
    }
    if (auto e = p.check()) return *e;
    return Rule{p.rule};
}

}  // namespace chuxin::schedule
