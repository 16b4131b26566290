// Parser for the `repeat` grammar (content-format §5, §8). Hand-written over
// code points: the phrases are short and the errors must quote them exactly.
#include "schedule/repeat.h"

#include <algorithm>

#include "core/utf8.h"

namespace chuxin::schedule {
namespace {

const char* const kWeekdayCodes[] = {"MO", "TU", "WE", "TH", "FR", "SA", "SU"};

bool is_space(char32_t c) { return c == U' ' || c == U'\t' || c == U'\u3000' || c == U'\r' || c == U'\n'; }

std::u32string trim(std::u32string s) {
    while (!s.empty() && is_space(s.back())) s.pop_back();
    size_t i = 0;
    while (i < s.size() && is_space(s[i])) ++i;
    s.erase(0, i);
    return s;
}

// What people type in WPS with a Chinese input method: full-width digits,
// letters and ASCII punctuation (１０, ＦＲＥＱ＝, ；) read as their ASCII forms;
// a final full stop means nothing.
std::u32string normalize(std::u32string s) {
    for (auto& c : s)
        if (c >= U'\uFF01' && c <= U'\uFF5E') c = c - U'\uFF01' + U'!';
    if (!s.empty() && (s.back() == U'。' || s.back() == U'.')) s.pop_back();
    return s;
}

int chinese_digit(char32_t c) {
    switch (c) {
        case U'零': case U'〇': return 0;
        case U'一': return 1;
        case U'二': case U'两': return 2;
        case U'三': return 3;
        case U'四': return 4;
        case U'五': return 5;
        case U'六': return 6;
        case U'七': return 7;
        case U'八': return 8;
        case U'九': return 9;
        default: return -1;
    }
}

// A cursor over the phrase; every `eat`/`read` either consumes or leaves the
// position unchanged, so alternatives can be tried in turn.
class Cursor {
public:
    explicit Cursor(const std::u32string& s) : s_(s) {}
    size_t pos() const { return i_; }
    void reset(size_t p) { i_ = p; }
    bool at_end() const { return i_ >= s_.size(); }

    bool eat(std::u32string_view word) {
        if (s_.compare(i_, word.size(), word) != 0) return false;
        i_ += word.size();
        return true;
    }
    template <class... W> bool eat_any(W... words) { return (eat(words) || ...); }

    // Arabic digits, or a Chinese numeral up to 九十九 (一 … 十, 十一, 二十一, 两).
    std::optional<int> number() {
        size_t start = i_;
        if (i_ < s_.size() && s_[i_] >= U'0' && s_[i_] <= U'9') {
            int v = 0;
            while (i_ < s_.size() && s_[i_] >= U'0' && s_[i_] <= U'9' && v < 100000) v = v * 10 + int(s_[i_++] - U'0');
            return v;
        }
        std::u32string run;
        while (i_ < s_.size() && (chinese_digit(s_[i_]) >= 0 || s_[i_] == U'十')) run += s_[i_++];
        if (auto v = chinese_value(run)) return v;
        i_ = start;
        return std::nullopt;
    }

    // 周X / 星期X / 礼拜X: ISO weekday; 日 and 天 are Sunday.
    std::optional<int> weekday() {
        size_t start = i_;
        if (!eat_any(U"周", U"星期", U"礼拜")) return std::nullopt;
        if (!at_end()) {
            char32_t c = s_[i_];
            int d = chinese_digit(c);
            if (d >= 1 && d <= 6 && c != U'两') { ++i_; return d; }
            if (c == U'日' || c == U'天' || c == U'七') { ++i_; return 7; }
        }
        i_ = start;
        return std::nullopt;
    }

private:
    static std::optional<int> chinese_value(const std::u32string& run) {
        if (run.empty()) return std::nullopt;
        auto ten = run.find(U'十');
        if (ten == std::u32string::npos) {
            if (run.size() != 1) return std::nullopt;
            return chinese_digit(run[0]);
        }
        if (run.find(U'十', ten + 1) != std::u32string::npos || ten > 1 || run.size() - ten > 2) return std::nullopt;
        int tens = ten == 0 ? 1 : chinese_digit(run[0]);
        int ones = ten + 1 < run.size() ? chinese_digit(run[ten + 1]) : 0;
        if (tens <= 0 || ones < 0 || (ten + 1 < run.size() && ones == 0)) return std::nullopt;
        return tens * 10 + ones;
    }

    const std::u32string& s_;
    size_t i_ = 0;
};

struct Failure {
    std::string reason;  // "" = not this form at all
};

using Attempt = std::variant<std::monostate, Rule, Failure>;

std::string quote(const std::u32string& s) { return "“" + utf8::encode(s) + "”"; }

RRule monthly() { return RRule{Freq::Monthly, 1, {}, {}, {}, {}, {}}; }

// 年 | 半年 | 季度 | 月 | 周 + [至少|不少于] N 次
Attempt window_phrase(Cursor& c) {
    size_t start = c.pos();
    WindowSpan span;
    if (c.eat_any(U"半年")) span = WindowSpan::HalfYear;
    else if (c.eat_any(U"年度", U"年")) span = WindowSpan::Year;
    else if (c.eat_any(U"季度", U"季")) span = WindowSpan::Quarter;
    else if (c.eat_any(U"月")) span = WindowSpan::Month;
    else if (c.eat_any(U"周", U"星期")) span = WindowSpan::Week;
    else return {};
    c.eat_any(U"至少", U"不少于", U"最少");
    auto n = c.number();
    if (n && c.eat(U"次") && c.at_end()) {
        if (*n < 1) return Failure{"次数至少为1"};
        if (*n > 366) return Failure{"次数过大（" + std::to_string(*n) + "）"};
        return Rule{WindowRule{span, *n}};
    }
    c.reset(start);
    return {};
}

// 月第N个周X | 月最后一个周X | 月倒数第N个周X | 月N日/号 | 月最后一天
Attempt monthly_phrase(Cursor& c) {
    size_t start = c.pos();
    if (!c.eat(U"月")) return {};
    std::optional<int> ordinal;
    if (c.eat(U"第")) {
        ordinal = c.number();
        if (!ordinal) return Failure{"“第”后应为序数，如“第一个”"};
        if (*ordinal < 1 || *ordinal > 5) return Failure{"每月没有第" + std::to_string(*ordinal) + "个星期几（只有第一至第五个）"};
    } else if (c.eat(U"最后")) {
        if (c.eat(U"一天") || c.eat(U"1天")) {
            if (!c.at_end()) return {};
            RRule r = monthly();
            r.by_month_day = {-1};
            return Rule{r};
        }
        ordinal = -1;
        if (!c.eat(U"一")) c.eat(U"1");
    } else if (c.eat(U"倒数第")) {
        auto n = c.number();
        if (!n || *n < 1 || *n > 5) return Failure{"“倒数第N个”中 N 应为一至五"};
        ordinal = -*n;
    }
    if (ordinal) {
        c.eat(U"个");
        auto wd = c.weekday();
        if (!wd) return Failure{"序数后应为星期几，如“周二”或“星期二”"};
        if (!c.at_end()) return {};
        RRule r = monthly();
        r.by_day = {ByDay{*wd, *ordinal}};
        return Rule{r};
    }
    if (auto day = c.number()) {
        if (c.eat_any(U"日", U"号") && c.at_end()) {
            if (*day < 1 || *day > 31) return Failure{"日期应为1至31日，而不是" + std::to_string(*day) + "日"};
            RRule r = monthly();
            r.by_month_day = {*day};
            return Rule{r};
        }
    }
    c.reset(start);
    return {};
}

// 周X / 星期X → weekly; 天 / 日 → daily; 年M月D日 → yearly
Attempt other_fixed_phrase(Cursor& c) {
    size_t start = c.pos();
    if (auto wd = c.weekday(); wd && c.at_end()) return Rule{RRule{Freq::Weekly, 1, {ByDay{*wd, 0}}, {}, {}, {}, {}}};
    c.reset(start);
    if (c.eat_any(U"天", U"日") && c.at_end()) return Rule{RRule{Freq::Daily, 1, {}, {}, {}, {}, {}}};
    c.reset(start);
    if (c.eat(U"年")) {
        auto m = c.number();
        if (m && c.eat(U"月")) {
            auto d = c.number();
            if (d && c.eat_any(U"日", U"号") && c.at_end()) {
                if (*m < 1 || *m > 12 || *d < 1 || *d > Date::days_in_month(2028, *m))
                    return Failure{"没有" + std::to_string(*m) + "月" + std::to_string(*d) + "日"};
                return Rule{RRule{Freq::Yearly, 1, {}, {*d}, {*m}, {}, {}}};
            }
        }
    }
    c.reset(start);
    return {};
}

// The phrase as the user wrote it (trimmed), quoted in every error so it can
// be found in the file.
ParseError error_for(const std::u32string& written, const std::string& reason) {
    std::string msg = "无法识别的重复规则 " + quote(written);
    if (!reason.empty()) msg += "：" + reason;
    return ParseError{msg, accepted_forms_hint()};
}

ParseResult parse_phrase(const std::u32string& phrase, const std::u32string& written) {
    Cursor c(phrase);
    if (!c.eat(U"每")) return error_for(written, "中文写法以“每”开头");
    for (auto form : {window_phrase, monthly_phrase, other_fixed_phrase}) {
        size_t start = c.pos();
        Attempt a = form(c);
        if (auto* rule = std::get_if<Rule>(&a)) return *rule;
        if (auto* f = std::get_if<Failure>(&a)) return error_for(written, f->reason);
        c.reset(start);
    }
    return error_for(written, "");
}

}  // namespace

ParseResult parse_rrule(const std::string& text, const std::string& written);  // rrule_parse.cpp

const std::string& accepted_forms_hint() {
    static const std::string hint =
        "可用写法：每月第一个周二、每月第N个周X、每月最后一个周五、每周四、每月15日（或15号）、"
        "每年N次、每半年N次、每季度N次、每月N次、每周N次（可加“至少”，如 每半年至少1次），"
        "数字可写作 1 或 一、两；或 RFC 5545 RRULE，如 FREQ=MONTHLY;BYDAY=1TU "
        "（支持 FREQ=YEARLY|MONTHLY|WEEKLY|DAILY、INTERVAL、BYDAY、BYMONTHDAY、BYMONTH、COUNT、UNTIL）";
    return hint;
}

const char* weekday_code(int iso_weekday) {
    return iso_weekday >= 1 && iso_weekday <= 7 ? kWeekdayCodes[iso_weekday - 1] : "MO";
}

ParseResult parse_repeat(std::string_view text) {
    std::u32string written = trim(utf8::decode(text));
    std::u32string phrase = normalize(written);
    if (phrase.empty()) return ParseError{"重复规则为空", accepted_forms_hint()};
    std::string ascii = utf8::ascii_lower(utf8::encode(phrase));
    // RRULE text: "RRULE:…", or NAME=VALUE parts in any order (INTERVAL=2;FREQ=…).
    bool ascii_start = ascii[0] >= 'a' && ascii[0] <= 'z';
    if (ascii.rfind("rrule:", 0) == 0 || (ascii_start && ascii.find('=') != std::string::npos))
        return parse_rrule(utf8::encode(phrase), utf8::encode(written));
    return parse_phrase(phrase, written);
}

std::string to_rrule_string(const RRule& r) {
    static const char* const freqs[] = {"YEARLY", "MONTHLY", "WEEKLY", "DAILY"};
    std::string s = "FREQ=";
    s += freqs[static_cast<int>(r.freq)];
    if (r.interval > 1) s += ";INTERVAL=" + std::to_string(r.interval);
    if (r.count) s += ";COUNT=" + std::to_string(*r.count);
    if (r.until) s += ";UNTIL=" + r.until->compact();
    auto list = [&](const char* name, const std::vector<int>& v) {
        if (v.empty()) return;
        s += std::string(";") + name + "=";
        for (size_t i = 0; i < v.size(); ++i) s += (i ? "," : "") + std::to_string(v[i]);
    };
    list("BYMONTH", r.by_month);
    list("BYMONTHDAY", r.by_month_day);
    if (!r.by_day.empty()) {
        s += ";BYDAY=";
        for (size_t i = 0; i < r.by_day.size(); ++i) {
            if (i) s += ",";
            if (r.by_day[i].ordinal) s += std::to_string(r.by_day[i].ordinal);
            s += weekday_code(r.by_day[i].weekday);
        }
    }
    return s;
}

}  // namespace chuxin::schedule
