#include "import/numbering.h"

#include <cstdlib>

namespace chuxin::import {

namespace {

int to_int(const std::string& s, int fallback) {
    if (s.empty()) return fallback;
    char* end = nullptr;
    long v = std::strtol(s.c_str(), &end, 10);
    return end && *end == '\0' && v >= 0 && v < 100000 ? static_cast<int>(v) : fallback;
}

std::string roman(int n) {
    static const std::pair<int, const char*> table[] = {{1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"},
                                                        {100, "c"},  {90, "xc"},  {50, "l"},  {40, "xl"},
                                                        {10, "x"},   {9, "ix"},   {5, "v"},   {4, "iv"}, {1, "i"}};
    std::string out;
    for (const auto& [value, letters] : table)
        while (n >= value) {
            out += letters;
            n -= value;
        }
    return out;
}

std::string letters(int n) {
    // Word repeats the letter: 27 → "aa".
    if (n <= 0) return "0";
    char c = static_cast<char>('a' + (n - 1) % 26);
    return std::string(static_cast<size_t>((n - 1) / 26 + 1), c);
}

std::string upper(std::string s) {
    for (char& c : s)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    return s;
}

std::string full_width(const std::string& digits) {
    std::string out;
    for (char c : digits) {
        out += "\xEF\xBC";  // U+FF10 + d is EF BC 90+d
        out += static_cast<char>(0x90 + (c - '0'));
    }
    return out;
}

}  // namespace

std::string chinese_number(int n) {
    static const char* digit[] = {"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
    if (n < 0) return std::to_string(n);
    if (n < 10) return digit[n];
    if (n < 100) {
        std::string out = n >= 20 ? std::string(digit[n / 10]) : "";
        out += "十";
        if (n % 10) out += digit[n % 10];
        return out;
    }
    if (n < 1000) {
        std::string out = std::string(digit[n / 100]) + "百";
        int rest = n % 100;
        if (rest == 0) return out;
        if (rest < 10) return out + "零" + digit[rest];
        if (rest < 20) return out + "一" + chinese_number(rest);
        return out + chinese_number(rest);
    }
    return std::to_string(n);
}

std::string format_number(int n, const std::string& format) {
    if (format == "none") return "";
    if (format == "bullet") return "•";
    // chineseCounting(Thousand), taiwaneseCounting(Thousand) (LibreOffice's
    // export of 一, 二, 三), japaneseCounting: the same numerals for 1–999.
    if (format.find("Counting") != std::string::npos || format == "chineseLegalSimplified")
        return chinese_number(n);
    if (format == "decimalFullWidth" || format == "decimalFullWidth2") return full_width(std::to_string(n));
    if (format == "decimalZero") return (n < 10 ? "0" : "") + std::to_string(n);
    if (format == "lowerLetter") return letters(n);
    if (format == "upperLetter") return upper(letters(n));
    if (format == "lowerRoman") return roman(n);
    if (format == "upperRoman") return upper(roman(n));
    return std::to_string(n);  // decimal and the many formats we do not spell out
}

Numbering::Numbering(const xmlNode* root) {
    if (!root) return;
    for (xmlNode* n = root->children; n; n = n->next) {
        if (is(n, kW, "abstractNum")) {
            std::vector<NumberLevel> levels(9);
            for (xmlNode* lvl = n->children; lvl; lvl = lvl->next) {
                if (!is(lvl, kW, "lvl")) continue;
                int i = to_int(attr(lvl, kW, "ilvl"), -1);
                if (i < 0 || i > 8) continue;
                NumberLevel& l = levels[static_cast<size_t>(i)];
                l.start = to_int(child_val(lvl, "start"), 1);
                bool has_fmt = false;
                std::string fmt = child_val(lvl, "numFmt", &has_fmt);
                if (has_fmt) l.format = fmt;
                bool has_text = false;
                std::string text = child_val(lvl, "lvlText", &has_text);
                if (has_text) l.text = text;
            }
            abstracts_[attr(n, kW, "abstractNumId")] = std::move(levels);
        } else if (is(n, kW, "num")) {
            Instance inst;
            inst.abstract_id = child_val(n, "abstractNumId");
            for (xmlNode* o = n->children; o; o = o->next) {
                if (!is(o, kW, "lvlOverride")) continue;
                bool has = false;
                std::string v = child_val(o, "startOverride", &has);
                if (has) inst.start_overrides[to_int(attr(o, kW, "ilvl"), 0)] = to_int(v, 1);
            }
            instances_[attr(n, kW, "numId")] = std::move(inst);
        }
    }
}

std::string Numbering::next(const std::string& num_id, int ilvl) {
    auto inst = instances_.find(num_id);
    if (inst == instances_.end() || ilvl < 0 || ilvl > 8) return "";  // numId 0 means "no numbering"
    auto abs = abstracts_.find(inst->second.abstract_id);
    if (abs == abstracts_.end()) return "";
    const std::vector<NumberLevel>& levels = abs->second;
    std::vector<int>& count = counters_[inst->second.abstract_id];
    if (count.empty()) count.assign(9, 0);
    if (!instance_started_[num_id]) {
        instance_started_[num_id] = true;
        for (const auto& [level, start] : inst->second.start_overrides)
            if (level >= 0 && level < 9) count[static_cast<size_t>(level)] = start - 1;
    }
    const auto at = static_cast<size_t>(ilvl);
    count[at] = count[at] == 0 && levels[at].start != 1 ? levels[at].start : count[at] + 1;
    if (count[at] < levels[at].start) count[at] = levels[at].start;
    for (size_t deeper = at + 1; deeper < 9; ++deeper) count[deeper] = 0;
    if (levels[at].format == "bullet") return "•";
    std::string out;
    const std::string& text = levels[at].text;
    for (size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '%' && i + 1 < text.size() && text[i + 1] >= '1' && text[i + 1] <= '9') {
            size_t level = static_cast<size_t>(text[i + 1] - '1');
            int value = level <= at ? std::max(count[level], levels[level].start) : levels[level].start;
            out += format_number(value, levels[level].format);
            ++i;
        } else {
            out += text[i];
        }
    }
    return out;
}

}  // namespace chuxin::import
