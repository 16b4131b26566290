#include "load/fields.h"

#include <charconv>
#include <cstdio>

#include "core/utf8.h"

namespace chuxin::load {
namespace {

constexpr std::string_view kIdeographicSpace = "\xE3\x80\x80";  // U+3000

std::string quoted(std::string_view s) { return "'" + std::string(s) + "'"; }

// An example line for each field a user may be asked to add.
std::string example_for(std::string_view key) {
    static const std::map<std::string_view, std::string_view> examples = {
        {"title", "title: 标题"},        {"meeting", "meeting: 主题党日"},
        {"date", "date: 2026-03-03"},    {"year", "year: 2026"},
        {"id", "id: item-1"},           {"issue", "issue: 理论学习不够深入"},
        {"status", "status: open"},     {"include", "include: [\"cases/*\"]"},
        {"done_on", "done_on: 2026-06-20"}, {"name", "name: 赵某"},
        {"items", "items: [\"cases/*\"]"},
    };
    auto it = examples.find(key);
    return it == examples.end() ? std::string() : "add a line such as '" + std::string(it->second) + "'";
}

std::string join(const std::vector<std::string_view>& names) {
    std::string out;
    for (size_t i = 0; i < names.size(); ++i) out += (i ? ", " : "") + std::string(names[i]);
    return out;
}

std::optional<std::vector<int>> numbers_in(std::string_view s) {
    std::vector<int> out;
    size_t i = 0;
    while (i < s.size()) {
        if (s[i] >= '0' && s[i] <= '9') {
            int v = 0;
            size_t digits = 0;
            while (i < s.size() && s[i] >= '0' && s[i] <= '9' && digits < 5) v = v * 10 + (s[i++] - '0'), ++digits;
            out.push_back(v);
        } else {
            ++i;
        }
    }
    return out;
}

void flatten(const YamlNode& node, const std::string& prefix, std::map<std::string, std::string>& out,
             int depth) {
    // Aliases can make a small document describe a huge tree; stay bounded.
    if (depth > 8 || out.size() > 1000) return;
    if (node.is_scalar()) {
        out[prefix] = node.scalar();
    } else if (node.is_sequence()) {
        for (size_t i = 0; i < node.size(); ++i)
            flatten(node.items()[i], prefix + "." + std::to_string(i), out, depth + 1);
    } else if (node.is_map()) {
        for (const auto& [key, value] : node.pairs())
            if (key.is_scalar()) flatten(value, prefix + "." + key.scalar(), out, depth + 1);
    } else if (node.is_null()) {
        out[prefix] = "";
    }
}

}  // namespace

std::string trim(std::string_view s) {
    for (;;) {
        if (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\n' || s.front() == '\r'))
            s.remove_prefix(1);
        else if (s.substr(0, 3) == kIdeographicSpace)
            s.remove_prefix(3);
        else
            break;
    }
    for (;;) {
        if (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r'))
            s.remove_suffix(1);
        else if (s.size() >= 3 && s.substr(s.size() - 3) == kIdeographicSpace)
            s.remove_suffix(3);
        else
            break;
    }
    return std::string(s);
}

std::string english_field_name(std::string_view chinese) {
    // The words of the paper forms (会议记录, 整改台账 …) users are likely to type.
    static const std::map<std::string_view, std::string_view> names = {
        {"标题", "title"},      {"题目", "title"},       {"日期", "date"},      {"标签", "tags"},
        {"摘要", "summary"},    {"草稿", "draft"},       {"搜索", "search"},       {"排序", "weight"},    {"支部", "org"},
        {"党支部", "org"},      {"会议类型", "meeting"}, {"会议", "meeting"},   {"时间", "time"},
        {"地点", "location"},   {"主持人", "host"},      {"记录人", "recorder"}, {"应到", "expected"},
        {"实到", "present"},    {"缺席", "absent"},      {"年度", "year"},      {"活动", "events"},
        {"问题", "issue"},      {"整改措施", "measures"}, {"措施", "measures"}, {"责任人", "owner"},
        {"整改时限", "due"},    {"时限", "due"},         {"状态", "status"},    {"销号日期", "done_on"},
        {"类别", "category"},   {"对象", "subject"},     {"启示", "lessons"},   {"周期", "period"},
        {"学时", "hours"},      {"对象范围", "audience"}, {"篇目", "items"},    {"副标题", "subtitle"},
        {"版次", "edition"},    {"纸张", "paper"},       {"样式", "style"},     {"内容", "include"},
    };
    auto it = names.find(chinese);
    return it == names.end() ? std::string() : std::string(it->second);
}

std::string describe(const YamlNode& node) {
    if (!node.is_defined() || node.is_null()) return "empty";
    if (node.is_sequence()) return "a list";
    if (node.is_map()) return "a map of fields";
    return quoted(node.scalar());
}

std::string date_hint(std::string_view text) {
    const std::string generic = "dates are written YYYY-MM-DD, e.g. 2026-03-03";
    auto nums = numbers_in(text);
    if (!nums || nums->size() != 3) return generic;
    int y = (*nums)[0], m = (*nums)[1], d = (*nums)[2];
    if (y < 1000) return generic;
    if (Date::valid(y, m, d)) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
        return std::string("write it as ") + buf + " (" + generic + ")";
    }
    if (m < 1 || m > 12) return "months run from 01 to 12; " + generic;
    char buf[32];
    std::snprintf(buf, sizeof buf, "%04d-%02d", y, m);
    return std::string(buf) + " has " + std::to_string(Date::days_in_month(y, m)) + " days; " + generic;
}

Fields::Fields(const YamlNode& map, const YamlSource& src, Diagnostics& diags, SourcePos owner,
               std::string context)
    : src_(src), diags_(diags), owner_(std::move(owner)), context_(std::move(context)) {
    if (!map.is_map()) return;
    for (const auto& [key_node, value] : map.pairs()) {
        if (!key_node.is_scalar()) {
            diags_.error(src_.pos(key_node), "a field name must be plain text, not " + describe(key_node));
            continue;
        }
        std::string key = key_node.scalar();
        if (const Field* first = find(key)) {
            diags_.error(src_.pos(key_node), "field " + quoted(key) + " is given twice",
                         "the first is on line " + std::to_string(key_pos(*first).line) + "; keep one");
            continue;
        }
        fields_.push_back({std::move(key), key_node, value});
    }
}

void Fields::reject_unknown(const std::vector<std::string>& known,
                            const std::function<std::string(const std::string&)>& fallback_hint) {
    for (const auto& f : fields_) {
        bool ok = false;
        for (const auto& k : known) ok = ok || k == f.key;
        if (ok) continue;
        std::string hint;
        std::string english = english_field_name(f.key);
        if (!english.empty() && std::find(known.begin(), known.end(), english) != known.end()) {
            hint = "field names are written in English: use '" + english + "' for " + f.key;
            suggested_.push_back(english);
        } else {
            for (const auto& near : nearest(f.key, known)) suggested_.push_back(near);
            hint = did_you_mean(f.key, known);
        }
        if (hint.empty() && fallback_hint) hint = fallback_hint(f.key);
        diags_.error(key_pos(f), "unknown field " + quoted(f.key), hint);
    }
}

const Field* Fields::find(std::string_view key) const {
    for (const auto& f : fields_)
        if (f.key == key) return &f;
    return nullptr;
}

SourcePos Fields::value_pos(const Field& f) const {
    if (!f.value.is_defined() || f.value.is_null()) return key_pos(f);
    return src_.pos(f.value);
}

void Fields::report_missing(std::string_view key) const {
    if (std::find(suggested_.begin(), suggested_.end(), key) != suggested_.end()) return;
    diags_.error(owner_, "missing field " + quoted(key) + " (required " + context_ + ")", example_for(key));
}

const Field* Fields::get(std::string_view key, Need need) const {
    const Field* f = find(key);
    if (f && f->value.is_defined() && !f->value.is_null()) return f;
    if (need == Need::Required) {
        if (f)
            diags_.error(key_pos(*f), "field " + quoted(key) + " is empty (required " + context_ + ")",
                         example_for(key));
        else
            report_missing(key);
    }
    return nullptr;
}

std::optional<std::string> Fields::as_text(const YamlNode& node, SourcePos pos, const std::string& label) const {
    if (!node.is_scalar()) {
        diags_.error(std::move(pos), label + " should be text, not " + describe(node),
                     node.is_sequence() ? "write one value, or put a list item's text in quotes" : "");
        return std::nullopt;
    }
    return node.scalar();
}

std::optional<std::string> Fields::text(std::string_view key, Need need) const {
    const Field* f = get(key, need);
    if (!f) return std::nullopt;
    auto value = as_text(f->value, value_pos(*f), quoted(key));
    if (value && need == Need::Required && trim(*value).empty()) {
        diags_.error(value_pos(*f), "field " + quoted(key) + " is empty (required " + context_ + ")",
                     example_for(key));
        return std::nullopt;
    }
    return value;
}

std::optional<long> Fields::integer(std::string_view key, Need need, long min, long max) const {
    const Field* f = get(key, need);
    if (!f) return std::nullopt;
    auto text = as_text(f->value, value_pos(*f), quoted(key));
    if (!text) return std::nullopt;
    std::string t = trim(*text);
    if (t.size() > 1 && t[0] == '+') t.erase(0, 1);  // from_chars takes '-' only
    long value = 0;
    auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), value);
    if (t.empty() || ec != std::errc() || end != t.data() + t.size()) {
        diags_.error(value_pos(*f), quoted(key) + " should be a whole number, not " + quoted(*text),
                     "write digits, e.g. " + std::string(key) + ": " + std::to_string(std::max(min, 1L)));
        return std::nullopt;
    }
    if (value < min || value > max) {
        diags_.error(value_pos(*f), quoted(key) + " should be between " + std::to_string(min) + " and " +
                                        std::to_string(max) + ", not " + t);
        return std::nullopt;
    }
    return value;
}

std::optional<double> Fields::number(std::string_view key, Need need) const {
    const Field* f = get(key, need);
    if (!f) return std::nullopt;
    auto text = as_text(f->value, value_pos(*f), quoted(key));
    if (!text) return std::nullopt;
    std::string t = trim(*text);
    double value = 0;
    auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), value);
    if (t.empty() || ec != std::errc() || end != t.data() + t.size() || value < 0 || value > 1e6) {
        diags_.error(value_pos(*f), quoted(key) + " should be a number of 0 or more, not " + quoted(*text),
                     "write digits, e.g. " + std::string(key) + ": 2.5");
        return std::nullopt;
    }
    return value;
}

std::optional<bool> Fields::boolean(std::string_view key, Need need) const {
    const Field* f = get(key, need);
    if (!f) return std::nullopt;
    auto text = as_text(f->value, value_pos(*f), quoted(key));
    if (!text) return std::nullopt;
    std::string t = utf8::ascii_lower(trim(*text));
    if (t == "true" || t == "yes" || t == "on" || t == "是") return true;
    if (t == "false" || t == "no" || t == "off" || t == "否") return false;
    diags_.error(value_pos(*f), quoted(key) + " should be true or false, not " + quoted(*text),
                 "write " + std::string(key) + ": true or " + std::string(key) + ": false");
    return std::nullopt;
}

std::optional<Date> Fields::as_date(const YamlNode& node, SourcePos pos, const std::string& label) const {
    auto text = as_text(node, pos, label);
    if (!text) return std::nullopt;
    // A full timestamp (Hugo, Jekyll, any YAML tool) is a date too.
    auto stamp = Timestamp::parse(trim(*text));
    if (!stamp) {
        diags_.error(std::move(pos), quoted(*text) + " is not a date", date_hint(*text));
        return std::nullopt;
    }
    return stamp->date;
}

std::string Fields::clock_of(std::string_view key) const {
    const Field* f = get(key, Need::Optional);
    if (!f || !f->value.is_scalar()) return "";
    auto stamp = Timestamp::parse(trim(f->value.scalar()));
    return stamp ? stamp->clock() : "";
}

std::optional<Date> Fields::date(std::string_view key, Need need) const {
    const Field* f = get(key, need);
    if (!f) return std::nullopt;
    return as_date(f->value, value_pos(*f), quoted(key));
}

std::vector<std::string> Fields::texts(std::string_view key) const {
    std::vector<std::string> out;
    const Field* f = get(key, Need::Optional);
    if (!f) return out;
    if (f->value.is_sequence()) {
        for (const auto& entry : f->value)
            if (auto t = as_text(entry, src_.pos(entry), "an entry of " + quoted(key))) out.push_back(*t);
    } else if (auto t = as_text(f->value, value_pos(*f), quoted(key))) {
        out.push_back(*t);
    }
    return out;
}

std::optional<model::Ref> Fields::as_ref(const YamlNode& node, SourcePos pos, const std::string& label) const {
    auto text = as_text(node, pos, label);
    if (!text) return std::nullopt;
    std::string t = trim(*text);
    // `ref:` is the body-link prefix; accept it here too.
    if (t.rfind("ref:", 0) == 0) t = trim(t.substr(4));
    if (t.empty()) {
        diags_.error(std::move(pos), label + " is an empty reference", "write a page id, e.g. cases/laozhishu");
        return std::nullopt;
    }
    model::Ref ref;
    ref.text = std::move(t);
    ref.pos = std::move(pos);
    return ref;
}

std::optional<model::Ref> Fields::ref(std::string_view key) const {
    const Field* f = get(key, Need::Optional);
    if (!f) return std::nullopt;
    return as_ref(f->value, value_pos(*f), quoted(key));
}

std::vector<model::Ref> Fields::refs(std::string_view key) const {
    std::vector<model::Ref> out;
    const Field* f = get(key, Need::Optional);
    if (!f) return out;
    if (f->value.is_sequence()) {
        for (const auto& entry : f->value)
            if (auto r = as_ref(entry, src_.pos(entry), "an entry of " + quoted(key))) out.push_back(*r);
    } else if (auto r = as_ref(f->value, value_pos(*f), quoted(key))) {
        out.push_back(*r);
    }
    return out;
}

std::map<std::string, std::string> Fields::extra(std::string_view key) const {
    std::map<std::string, std::string> out;
    const Field* f = get(key, Need::Optional);
    if (!f) return out;
    if (!f->value.is_map()) {
        diags_.error(value_pos(*f), quoted(key) + " should be a map of fields, not " + describe(f->value),
                     "e.g.\n        extra:\n          banner: red.jpg");
        return out;
    }
    for (const auto& [key_node, value] : f->value.pairs())
        if (key_node.is_scalar()) flatten(value, key_node.scalar(), out, 0);
    return out;
}

std::vector<YamlNode> Fields::list(std::string_view key) const {
    std::vector<YamlNode> out;
    const Field* f = get(key, Need::Optional);
    if (!f) return out;
    if (f->value.is_sequence()) {
        for (const auto& entry : f->value) out.push_back(entry);
    } else if (f->value.is_map()) {
        out.push_back(f->value);
    } else {
        diags_.error(value_pos(*f), quoted(key) + " should be a list, not " + describe(f->value),
                     "write one entry per line, each starting with '- '");
    }
    return out;
}

int Fields::match_choice(const Field& f, const std::vector<std::string_view>& names) const {
    auto text = as_text(f.value, value_pos(f), quoted(f.key));
    if (!text) return -1;
    std::string t = trim(*text);
    for (size_t i = 0; i < names.size(); ++i)
        if (t == names[i]) return static_cast<int>(i);
    std::string lower = utf8::ascii_lower(t);
    for (size_t i = 0; i < names.size(); ++i)
        if (lower == utf8::ascii_lower(names[i])) return static_cast<int>(i);
    std::vector<std::string> candidates(names.begin(), names.end());
    std::string hint = did_you_mean(t, candidates);
    hint += std::string(hint.empty() ? "" : " ") + "accepted: " + join(names);
    diags_.error(value_pos(f), "unknown " + f.key + " " + quoted(*text), hint);
    return -1;
}

}  // namespace chuxin::load
