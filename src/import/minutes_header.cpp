#include "import/minutes_header.h"

#include <algorithm>
#include <array>

#include "core/utf8.h"

namespace chuxin::import {

namespace {

bool space(char32_t c) { return c == U' ' || c == U'\t' || c == U'\u3000' || c == U'\u00A0' || c == U'\n'; }

std::u32string trim32(std::u32string s) {
    while (!s.empty() && space(s.back())) s.pop_back();
    size_t i = 0;
    while (i < s.size() && space(s[i])) ++i;
    return s.substr(i);
}

// Full-width digits, colon and letters → ASCII, so one parser reads both.
std::u32string half_width(std::u32string_view s) {
    std::u32string out(s);
    for (char32_t& c : out)
        if (c >= U'！' && c <= U'～') c = c - U'！' + U'!';
    return out;
}

int chinese_digit_value(char32_t c) {
    static const std::u32string digits = U"〇一二三四五六七八九";
    if (c == U'零' || c == U'○' || c == U'Ｏ' || c == U'O') return 0;
    size_t at = digits.find(c);
    return at == std::u32string::npos ? -1 : static_cast<int>(at);
}

// 十二 → 12, 二十一 → 21, 三十 → 30, 5 → 5; -1 when not a number.
int small_number(std::u32string_view s) {
    if (s.empty()) return -1;
    if (std::all_of(s.begin(), s.end(), [](char32_t c) { return c >= U'0' && c <= U'9'; })) {
        if (s.size() > 6) return -1;
        int v = 0;
        for (char32_t c : s) v = v * 10 + static_cast<int>(c - U'0');
        return v;
    }
    size_t ten = s.find(U'十');
    if (ten == std::u32string::npos) {
        if (s.size() != 1) return -1;
        return chinese_digit_value(s[0]);
    }
    int tens = ten == 0 ? 1 : (ten == 1 ? chinese_digit_value(s[0]) : -1);
    int ones = ten + 1 == s.size() ? 0 : (ten + 2 == s.size() ? chinese_digit_value(s[ten + 1]) : -1);
    if (tens < 0 || ones < 0) return -1;
    return tens * 10 + ones;
}

bool is_digit(char32_t c) { return c >= U'0' && c <= U'9'; }
bool is_chinese_numeral(char32_t c) { return chinese_digit_value(c) >= 0 || c == U'十'; }

struct FoundDate {
    Date date;
    size_t begin = 0, end = 0;  // code point offsets in the half-width text
};

std::optional<FoundDate> date_in(const std::u32string& s) {
    for (size_t i = 0; i < s.size(); ++i) {
        // 2026年5月12日 / 2026-05-12 / 2026.5.12 / 2026/5/12
        if (is_digit(s[i]) && (i == 0 || !is_digit(s[i - 1])) && i + 4 <= s.size() &&
            std::all_of(s.begin() + i, s.begin() + i + 4, is_digit) && (i + 4 == s.size() || !is_digit(s[i + 4]))) {
            size_t j = i + 4;
            auto skip = [&] { while (j < s.size() && s[j] == U' ') ++j; };
            skip();
            if (j >= s.size()) continue;
            char32_t sep = s[j];
            if (sep != U'年' && sep != U'-' && sep != U'.' && sep != U'/') continue;
            ++j;
            skip();
            size_t m0 = j;
            while (j < s.size() && is_digit(s[j])) ++j;
            int month = small_number(s.substr(m0, j - m0));
            skip();
            char32_t sep2 = j < s.size() ? s[j] : 0;
            if (!(sep == U'年' ? sep2 == U'月' : sep2 == sep)) continue;
            ++j;
            skip();
            size_t d0 = j;
            while (j < s.size() && is_digit(s[j])) ++j;
            int day = small_number(s.substr(d0, j - d0));
            if (sep == U'年') {
                skip();
                if (j < s.size() && (s[j] == U'日' || s[j] == U'号')) ++j;
                else continue;
            }
            int year = small_number(s.substr(i, 4));
            if (Date::valid(year, month, day)) return FoundDate{{year, month, day}, i, j};
        }
        // 二〇二六年五月十二日
        if (chinese_digit_value(s[i]) >= 0 && s[i] != U'十' && (i == 0 || !is_chinese_numeral(s[i - 1]))) {
            size_t j = i;
            int year = 0, n = 0;
            while (j < s.size() && chinese_digit_value(s[j]) >= 0) year = year * 10 + chinese_digit_value(s[j++]), ++n;
            if (n != 4 || j >= s.size() || s[j] != U'年') continue;
            size_t m0 = ++j;
            while (j < s.size() && is_chinese_numeral(s[j])) ++j;
            int month = small_number(s.substr(m0, j - m0));
            if (j >= s.size() || s[j] != U'月') continue;
            size_t d0 = ++j;
            while (j < s.size() && is_chinese_numeral(s[j])) ++j;
            int day = small_number(s.substr(d0, j - d0));
            if (j >= s.size() || (s[j] != U'日' && s[j] != U'号')) continue;
            ++j;
            if (Date::valid(year, month, day)) return FoundDate{{year, month, day}, i, j};
        }
    }
    return std::nullopt;
}

// "14:30", "14时30分", "14点" from position i; the hour and minute, and the end.
bool clock_at(const std::u32string& s, size_t& i, int& hour, int& minute) {
    size_t j = i;
    while (j < s.size() && is_digit(s[j]) && j - i < 2) ++j;
    if (j == i) return false;
    hour = small_number(s.substr(i, j - i));
    minute = 0;
    if (j < s.size() && (s[j] == U':' || s[j] == U'时' || s[j] == U'点')) {
        bool colon = s[j] == U':';
        ++j;
        size_t m0 = j;
        while (j < s.size() && is_digit(s[j]) && j - m0 < 2) ++j;
        if (j > m0) minute = small_number(s.substr(m0, j - m0));
        else if (colon) return false;
        if (j < s.size() && s[j] == U'分') ++j;
    } else {
        return false;
    }
    if (hour > 23 || minute > 59) return false;
    i = j;
    return true;
}

std::string two(int n) { return (n < 10 ? "0" : "") + std::to_string(n); }

struct LabelRule {
    std::u32string_view label;
    HeaderField field;
};

// Longest labels first where one begins another (应到人数 before 应到).
constexpr std::array<LabelRule, 40> kLabels = {{
    {U"会议时间", HeaderField::Time},     {U"活动时间", HeaderField::Time},    {U"会议日期", HeaderField::Time},
    {U"时间", HeaderField::Time},         {U"日期", HeaderField::Time},        {U"会议地点", HeaderField::Place},
    {U"活动地点", HeaderField::Place},    {U"地点", HeaderField::Place},       {U"主持人", HeaderField::Host},
    {U"主持", HeaderField::Host},         {U"记录人", HeaderField::Recorder},  {U"记录员", HeaderField::Recorder},
    {U"记录", HeaderField::Recorder},     {U"应到人数", HeaderField::Expected}, {U"应到会人数", HeaderField::Expected},
    {U"应出席人数", HeaderField::Expected}, {U"应出席", HeaderField::Expected}, {U"应到", HeaderField::Expected},
    {U"实到人数", HeaderField::Present},  {U"实到会人数", HeaderField::Present}, {U"出席人数", HeaderField::Present},
    {U"实到", HeaderField::Present},      {U"出席", HeaderField::Present},     {U"缺席人员", HeaderField::Absent},
    {U"缺席人员及原因", HeaderField::Absent}, {U"缺席", HeaderField::Absent},   {U"请假人员", HeaderField::Absent},
    {U"请假", HeaderField::Absent},       {U"会议类型", HeaderField::Meeting}, {U"会议类别", HeaderField::Meeting},
    {U"参加人员", HeaderField::Kept},     {U"参会人员", HeaderField::Kept},    {U"出席人员", HeaderField::Kept},
    {U"列席", HeaderField::Kept},         {U"列席人员", HeaderField::Kept},    {U"会议主题", HeaderField::Kept},
    {U"主题", HeaderField::Kept},         {U"议题", HeaderField::Kept},        {U"会议议题", HeaderField::Kept},
    {U"缺席人数", HeaderField::Kept},
}};

}  // namespace

std::optional<LabelValue> split_label(std::string_view line) {
    std::u32string s = utf8::decode(line);
    size_t colon = s.find_first_of(U"：:");
    if (colon == std::u32string::npos || colon == 0) return std::nullopt;
    std::u32string label = trim32(s.substr(0, colon));
    // 时 间 / 地　点: the spaces Word users type to line labels up.
    label.erase(std::remove_if(label.begin(), label.end(), space), label.end());
    if (label.empty() || label.size() > 8) return std::nullopt;
    return LabelValue{utf8::encode(label), utf8::encode(trim32(s.substr(colon + 1)))};
}

HeaderField header_field(std::string_view label) {
    std::u32string l = utf8::decode(label);
    for (const LabelRule& r : kLabels)
        if (l == r.label) return r.field;
    return HeaderField::None;
}

bool parse_meeting_time(std::string_view value, std::optional<Date>& date, std::string& time) {
    std::u32string s = half_width(utf8::decode(value));
    auto found = date_in(s);
    if (!found) return false;
    date = found->date;
    size_t i = found->end;
    bool afternoon = false;
    while (i < s.size() && !is_digit(s[i])) {
        if (s.compare(i, 2, U"下午") == 0 || s.compare(i, 2, U"晚上") == 0) afternoon = true;
        ++i;
    }
    int h1 = 0, m1 = 0;
    if (!clock_at(s, i, h1, m1)) return true;
    if (afternoon && h1 < 12) h1 += 12;
    time = two(h1) + ":" + two(m1);
    while (i < s.size() && (space(s[i]) || s[i] == U'—' || s[i] == U'–' || s[i] == U'-' || s[i] == U'~' ||
                            s[i] == U'至' || s[i] == U'到'))
        ++i;
    int h2 = 0, m2 = 0;
    if (clock_at(s, i, h2, m2)) {
        if (afternoon && h2 < 12) h2 += 12;
        time += "-" + two(h2) + ":" + two(m2);
    }
    return true;
}

std::optional<Date> find_date(std::string_view text) {
    auto found = date_in(half_width(utf8::decode(text)));
    if (!found) return std::nullopt;
    return found->date;
}

bool is_date_line(std::string_view text) {
    std::u32string s = trim32(half_width(utf8::decode(text)));
    auto found = date_in(s);
    if (!found) return false;
    std::u32string rest = s.substr(0, found->begin) + s.substr(found->end);
    rest.erase(std::remove_if(rest.begin(), rest.end(),
                              [](char32_t c) { return space(c) || c == U'(' || c == U')' || c == U'〔' || c == U'〕'; }),
               rest.end());
    return rest.empty();
}

std::optional<int> parse_count(std::string_view value) {
    std::u32string s = trim32(half_width(utf8::decode(value)));
    while (!s.empty() && (s.back() == U'人' || s.back() == U'名' || s.back() == U'位' || space(s.back()))) s.pop_back();
    int n = small_number(s);
    if (n < 0 || n > 100000) return std::nullopt;
    return n;
}

std::vector<Absentee> parse_absent(std::string_view value) {
    std::u32string s = trim32(utf8::decode(value));
    std::vector<Absentee> out;
    if (s.empty() || s == U"无" || s == U"无。" || s == U"0人" || s == U"/") return out;
    std::u32string item;
    int depth = 0;
    auto flush = [&] {
        std::u32string t = trim32(item);
        item.clear();
        while (!t.empty() && (t.back() == U'。' || t.back() == U'；')) t.pop_back();
        if (t.empty()) return;
        Absentee a;
        size_t open = t.find_first_of(U"（(");
        if (open != std::u32string::npos) {
            size_t close = t.find_first_of(U"）)", open);
            a.name = utf8::encode(trim32(t.substr(0, open)));
            a.reason = utf8::encode(trim32(t.substr(open + 1, (close == std::u32string::npos ? t.size() : close) - open - 1)));
        } else {
            a.name = utf8::encode(t);
        }
        out.push_back(std::move(a));
    };
    for (char32_t c : s) {
        if (c == U'（' || c == U'(') ++depth;
        if ((c == U'）' || c == U')') && depth > 0) --depth;
        if (depth == 0 && (c == U'、' || c == U'，' || c == U',' || c == U'；' || c == U';')) flush();
        else item += c;
    }
    flush();
    return out;
}

std::string meeting_in(std::string_view title) {
    static const std::array<std::pair<std::string_view, std::string_view>, 12> kTypes = {{
        {"支部党员大会", "支部党员大会"}, {"党员大会", "支部党员大会"},   {"支部委员会", "支部委员会"},
        {"支委会", "支部委员会"},         {"党小组会", "党小组会"},       {"主题党日", "主题党日"},
        {"民主生活会", "民主生活会"},     {"组织生活会", "组织生活会"},   {"中心组学习", "中心组学习"},
        {"理论学习中心组", "中心组学习"}, {"党课", "党课"},               {"党小组", "党小组会"},
    }};
    for (const auto& [word, type] : kTypes)
        if (title.find(word) != std::string_view::npos) return std::string(type);
    return "";
}

bool apply_header_line(const LabelValue& line, MinutesHeader& h) {
    switch (header_field(line.label)) {
        case HeaderField::Time: {
            std::optional<Date> date;
            std::string time;
            if (!parse_meeting_time(line.value, date, time)) return false;
            h.date = date;
            if (!time.empty()) h.time = time;
            break;
        }
        case HeaderField::Place: h.location = line.value; break;
        case HeaderField::Host: h.host = line.value; break;
        case HeaderField::Recorder: h.recorder = line.value; break;
        case HeaderField::Meeting: h.meeting = line.value; break;
        case HeaderField::Expected:
        case HeaderField::Present: {
            // 出席：张某、李某 names people: not the count, and the count set before stays.
            auto count = parse_count(line.value);
            if (!count) return false;
            (header_field(line.label) == HeaderField::Expected ? h.expected : h.present) = count;
            break;
        }
        case HeaderField::Absent: {
            // "缺席：2人" counts people without naming them: not the field.
            if (parse_count(line.value) && line.value != "0" && line.value != "0人") return false;
            h.absent = parse_absent(line.value);
            break;
        }
        case HeaderField::Kept:
        case HeaderField::None: return false;
    }
    if (line.value.empty()) return false;
    ++h.recognised;
    return true;
}

}  // namespace chuxin::import
