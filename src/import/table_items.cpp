#include "import/table_items.h"

#include <algorithm>
#include <map>

#include "core/utf8.h"
#include "import/front_matter_writer.h"
#include "import/minutes_header.h"

namespace chuxin::import {

namespace {

std::string squashed(const std::string& text) {
    std::u32string s = utf8::decode(text);
    s.erase(std::remove_if(s.begin(), s.end(),
                           [](char32_t c) { return c == U' ' || c == U'\t' || c == U'\u3000' || c == U'\n'; }),
            s.end());
    return utf8::encode(s);
}

std::string trimmed(const std::string& text) {
    size_t b = text.find_first_not_of(" \t\n");
    if (b == std::string::npos) return "";
    size_t e = text.find_last_not_of(" \t\n");
    return text.substr(b, e - b + 1);
}

bool contains(const std::string& s, std::initializer_list<std::string_view> words) {
    return std::any_of(words.begin(), words.end(), [&](std::string_view w) { return s.find(w) != std::string::npos; });
}

// The field a header cell names, "" for 序号 (numbering, dropped), "?" for none.
std::string checklist_field(const std::string& h) {
    if (contains(h, {"序号", "编号"})) return "";
    if (contains(h, {"措施"})) return "measures";
    if (contains(h, {"责任人", "责任领导", "责任单位"})) return "owner";
    if (contains(h, {"完成时间", "销号时间", "完成日期", "销号日期"})) return "done_on";
    if (contains(h, {"时限", "期限"})) return "due";
    if (contains(h, {"状态", "进展", "整改情况", "完成情况"})) return "status";
    if (contains(h, {"问题"})) return "issue";
    return "?";
}

std::string studylist_field(const std::string& h) {
    if (contains(h, {"序号", "编号"})) return "";
    if (contains(h, {"必读", "选读", "要求"})) return "required";
    if (contains(h, {"学时", "课时"})) return "hours";
    if (contains(h, {"时限", "完成时间", "截止"})) return "due";
    if (contains(h, {"出处", "来源", "出版"})) return "source";
    if (contains(h, {"类别", "类型", "形式"})) return "kind";
    if (contains(h, {"篇目", "书目", "学习内容", "题目", "名称", "标题", "文件"})) return "title";
    return "?";
}

// 2026年6月30日 → 2026-06-30; 2026年6月底, 2026年6月 → the month's last day.
std::optional<Date> due_date(const std::string& text) {
    if (auto d = find_date(text)) return d;
    std::u32string s = utf8::decode(text);
    for (size_t i = 0; i + 6 <= s.size(); ++i) {
        auto digit = [&](size_t k) { return k < s.size() && s[k] >= U'0' && s[k] <= U'9'; };
        if (!(digit(i) && digit(i + 1) && digit(i + 2) && digit(i + 3)) || s[i + 4] != U'年') continue;
        size_t j = i + 5;
        int month = 0;
        while (digit(j) && month < 100) month = month * 10 + static_cast<int>(s[j++] - U'0');
        if (j < s.size() && s[j] == U'月' && month >= 1 && month <= 12) {
            int year = std::stoi(utf8::encode(s.substr(i, 4)));
            return Date{year, month, Date::days_in_month(year, month)};
        }
    }
    return std::nullopt;
}

}  // namespace

std::string status_code(const std::string& text) {
    if (contains(text, {"已销号", "已完成", "已整改", "完成整改", "已解决"})) return "done";
    if (contains(text, {"整改中", "推进中", "进行中", "持续", "正在"})) return "doing";
    return "open";
}

std::optional<TableItems> items_from_tables(const DocxDocument& doc, ImportKind kind, const std::set<size_t>& skip) {
    if (kind != ImportKind::Checklist && kind != ImportKind::StudyList) return std::nullopt;
    const bool checklist = kind == ImportKind::Checklist;
    const std::string main = checklist ? "issue" : "title";
    for (size_t b = 0; b < doc.blocks.size(); ++b) {
        const auto* t = std::get_if<Table>(&doc.blocks[b]);
        if (!t || skip.count(b) || t->rows.size() < 2) continue;
        std::vector<std::string> fields;
        for (const Cell& c : t->rows[0]) {
            std::string f = checklist ? checklist_field(squashed(c.text())) : studylist_field(squashed(c.text()));
            for (int s = 0; s < c.span; ++s) fields.push_back(f);
        }
        if (std::find(fields.begin(), fields.end(), main) == fields.end()) continue;
        TableItems out;
        out.block = b;
        out.keep_table = std::find(fields.begin(), fields.end(), "?") != fields.end();
        out.yaml = "items:\n";
        for (size_t r = 1; r < t->rows.size(); ++r) {
            std::map<std::string, std::string> values;
            size_t col = 0;
            for (const Cell& c : t->rows[r])
                for (int s = 0; s < c.span; ++s, ++col)
                    if (col < fields.size() && !fields[col].empty() && fields[col] != "?" && !values.count(fields[col]))
                        values[fields[col]] = trimmed(c.text());
            if (values[main].empty()) continue;
            ++out.count;
            std::string item = "  - id: " + std::string(checklist ? "c" : "s") + std::to_string(out.count) + "\n";
            auto line = [&](const std::string& key, const std::string& value) { item += "    " + key + ": " + value + "\n"; };
            line(main, yaml_quoted(values[main]));
            std::string leftover;  // a 时限 that is no date (长期坚持) is kept in words
            for (const char* key : {"kind", "measures", "owner", "source"})
                if (!values[key].empty()) line(key, yaml_quoted(values[key]));
            if (!values["due"].empty()) {
                if (auto d = due_date(values["due"])) line("due", d->iso());
                else leftover = values["due"];
            }
            if (checklist) {
                line("status", status_code(values["status"]));
                if (auto d = due_date(values["done_on"])) line("done_on", d->iso());
                if (!leftover.empty()) item.insert(item.find("\n") + 1, "    # 整改时限: " + leftover + "\n");
            } else {
                if (!values["required"].empty())
                    line("required", contains(values["required"], {"选读", "否"}) ? "false" : "true");
                const std::string& hours = values["hours"];
                size_t digits = 0;
                while (digits < hours.size() && digits < 4 && hours[digits] >= '0' && hours[digits] <= '9') ++digits;
                if (digits) line("hours", hours.substr(0, digits));
                const std::string unit = hours.substr(digits);
                if (!unit.empty() && unit != "学时" && unit != "小时" && unit != "课时")
                    item.insert(item.find("\n") + 1, "    # 学时: " + hours + "\n");
                if (!leftover.empty()) item.insert(item.find("\n") + 1, "    # 完成时限: " + leftover + "\n");
            }
            out.yaml += item;
        }
        if (out.count == 0) continue;
        return out;
    }
    return std::nullopt;
}

}  // namespace chuxin::import
