#include "schedule/describe.h"

#include <cctype>

namespace chuxin::schedule {

namespace {

bool is_rrule_text(std::string_view text) {
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
    if (text.size() < 5) return false;
    std::string head(text.substr(0, 5));
    for (char& c : head) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return head == "FREQ=" || head == "RRULE";
}

const char* const kZhWeekday[] = {"", "周一", "周二", "周三", "周四", "周五", "周六", "周日"};
const char* const kEnWeekday[] = {"", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
const char* const kEnMonth[] = {"", "January", "February", "March", "April", "May", "June",
                                "July", "August", "September", "October", "November", "December"};

std::string zh_ordinal(int n) {
    if (n == -1) return "最后一个";
    if (n < -1) return "倒数第" + std::to_string(-n) + "个";
    static const char* const small[] = {"", "一", "二", "三", "四", "五"};
    return std::string("第") + (n <= 5 ? small[n] : std::to_string(n).c_str()) + "个";
}

std::string en_ordinal(int n) {
    if (n == -1) return "last ";
    if (n < -1) return std::to_string(-n) + (-n == 2 ? "nd" : -n == 3 ? "rd" : "th") + " to last ";
    static const char* const small[] = {"", "first ", "second ", "third ", "fourth ", "fifth "};
    return n <= 5 ? small[n] : std::to_string(n) + "th ";
}

std::string join(const std::vector<std::string>& parts, const std::string& sep, const std::string& last) {
    std::string out;
    for (size_t i = 0; i < parts.size(); ++i) {
        if (i) out += i + 1 == parts.size() ? last : sep;
        out += parts[i];
    }
    return out;
}

std::string zh_month_day(int d) {
    if (d == -1) return "最后一天";
    if (d < -1) return "倒数第" + std::to_string(-d) + "天";
    return std::to_string(d) + "日";
}

std::string en_month_day(int d) {
    if (d == -1) return "the last day";
    if (d < -1) return "day " + std::to_string(-d) + " from the end";
    return "day " + std::to_string(d);
}

std::string describe_zh(const RRule& r) {
    std::string n = r.interval > 1 ? std::to_string(r.interval) : "";
    std::vector<std::string> months, days, monthdays;
    for (int m : r.by_month) months.push_back(std::to_string(m) + "月");
    for (const auto& d : r.by_day) days.push_back((d.ordinal ? zh_ordinal(d.ordinal) : "") + kZhWeekday[d.weekday]);
    for (int d : r.by_month_day) monthdays.push_back(zh_month_day(d));
    std::string when = join(days.empty() ? monthdays : days, "、", "、");
    if (!days.empty() && !monthdays.empty()) when = join(monthdays, "、", "、") + "的" + when;
    std::string out;
    switch (r.freq) {
        case Freq::Yearly:
        case Freq::Monthly:
            if (!months.empty()) {
                out = (r.interval > 1 && r.freq == Freq::Yearly ? "每" + n + "年" : std::string("每年")) +
                      join(months, "、", "、") + when;
            } else if (r.freq == Freq::Yearly) {
                out = "每" + n + "年" + when;
            } else {
                out = (r.interval > 1 ? "每" + n + "个月" : std::string("每月")) + when;
            }
            break;
        case Freq::Weekly:
            out = (r.interval > 1 ? "每" + n + "周的" : std::string("每")) + (days.empty() ? "周" : join(days, "、", "、"));
            break;
        case Freq::Daily:
            out = r.interval > 1 ? "每" + n + "天" : "每天";
            break;
    }
    if (r.count) out += "，共" + std::to_string(*r.count) + "次";
    if (r.until) out += "，至" + r.until->chinese();
    return out;
}

std::string describe_en(const RRule& r) {
    std::vector<std::string> months, days, monthdays;
    for (int m : r.by_month) months.push_back(kEnMonth[m]);
    for (const auto& d : r.by_day) days.push_back((d.ordinal ? "the " + en_ordinal(d.ordinal) : "") + kEnWeekday[d.weekday]);
    for (int d : r.by_month_day) monthdays.push_back(en_month_day(d));
    std::string every = r.interval > 1 ? "every " + std::to_string(r.interval) + " " : "every ";
    std::string unit = r.freq == Freq::Yearly ? "year" : r.freq == Freq::Monthly ? "month"
                     : r.freq == Freq::Weekly ? "week" : "day";
    std::string out = every + unit + (r.interval > 1 ? "s" : "");
    if (!months.empty()) out += " in " + join(months, ", ", " and ");
    if (!days.empty()) out += " on " + join(days, ", ", " and ");
    else if (!monthdays.empty()) out += " on " + join(monthdays, ", ", " and ");
    if (r.count) out += ", " + std::to_string(*r.count) + " times";
    if (r.until) out += ", until " + r.until->iso();
    return out;
}

}  // namespace

std::string describe_rrule(const RRule& rule, Lang lang) {
    return lang == Lang::En ? describe_en(rule) : describe_zh(rule);
}

std::string describe_repeat(std::string_view repeat, Lang lang) {
    if (!is_rrule_text(repeat)) return std::string(repeat);
    ParseResult parsed = parse_repeat(repeat);
    const Rule* rule = std::get_if<Rule>(&parsed);
    const RRule* rrule = rule ? std::get_if<RRule>(rule) : nullptr;
    return rrule ? describe_rrule(*rrule, lang) : std::string(repeat);
}

}  // namespace chuxin::schedule
