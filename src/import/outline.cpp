#include "import/outline.h"

#include "core/utf8.h"

namespace chuxin::import {

namespace {

bool chinese_digit(char32_t c) {
    return c == U'一' || c == U'二' || c == U'三' || c == U'四' || c == U'五' || c == U'六' || c == U'七' ||
           c == U'八' || c == U'九' || c == U'十' || c == U'百' || c == U'〇' || c == U'零' || c == U'两';
}

bool arabic_digit(char32_t c) { return (c >= U'0' && c <= U'9') || (c >= U'０' && c <= U'９'); }

// Skips spaces (ASCII, ideographic, no-break) from i; returns the new offset.
size_t skip_spaces(std::string_view s, size_t i) {
    while (i < s.size()) {
        size_t j = i;
        char32_t c = utf8::next(s, j);
        if (c != U' ' && c != U'\t' && c != U'\u3000' && c != U'\u00A0') break;
        i = j;
    }
    return i;
}

// Reads a run of digits satisfying `pred` from i; returns how many.
size_t digits(std::string_view s, size_t& i, bool (*pred)(char32_t)) {
    size_t n = 0;
    while (i < s.size()) {
        size_t j = i;
        char32_t c = utf8::next(s, j);
        if (!pred(c)) break;
        i = j;
        ++n;
    }
    return n;
}

char32_t peek(std::string_view s, size_t i) {
    if (i >= s.size()) return 0;
    return utf8::next(s, i);
}

char32_t take(std::string_view s, size_t& i) {
    if (i >= s.size()) return 0;
    return utf8::next(s, i);
}

}  // namespace

OutlineNumber outline_number(std::string_view text) {
    size_t i = skip_spaces(text, 0);
    char32_t first = peek(text, i);
    if (first == U'（' || first == U'(') {
        take(text, i);
        size_t at = i;
        int level = 0;
        if (digits(text, i, chinese_digit) > 0) level = 2;
        else if (i = at, digits(text, i, arabic_digit) > 0 && i - at <= 6) level = 4;
        if (!level) return {};
        char32_t close = take(text, i);
        if (close != U'）' && close != U')') return {};
        return {level, skip_spaces(text, i)};
    }
    if (chinese_digit(first)) {
        digits(text, i, chinese_digit);
        if (take(text, i) != U'、') return {};
        return {1, skip_spaces(text, i)};
    }
    if (arabic_digit(first)) {
        size_t n = digits(text, i, arabic_digit);
        if (n > 3) return {};  // a year, not a number
        char32_t mark = take(text, i);
        if (mark != U'.' && mark != U'．' && mark != U'、') return {};
        // "1.5倍", "3.2万": a decimal, not a heading number.
        if (arabic_digit(peek(text, i))) return {};
        size_t after = skip_spaces(text, i);
        if (after >= text.size()) return {};
        return {3, after};
    }
    return {};
}

int heading_level_of_style(std::string_view name) {
    std::string lower = utf8::ascii_lower(name);
    for (std::string_view prefix : {std::string_view("heading"), std::string_view("标题")}) {
        if (lower.rfind(prefix, 0) != 0) continue;
        size_t i = prefix.size();
        while (i < lower.size() && lower[i] == ' ') ++i;
        if (i + 1 == lower.size() && lower[i] >= '1' && lower[i] <= '9') return lower[i] - '0';
    }
    return 0;
}

size_t run_on_split(std::string_view text, size_t after_number) {
    size_t i = after_number;
    int depth = 0;  // inside “…” or （…）: a 。 there ends nothing
    while (i < text.size()) {
        char32_t c = utf8::next(text, i);
        if (c == U'“' || c == U'（' || c == U'(' || c == U'《' || c == U'「') ++depth;
        else if ((c == U'”' || c == U'）' || c == U')' || c == U'》' || c == U'」') && depth > 0) --depth;
        else if (depth == 0 && (c == U'。' || c == U'！' || c == U'？' || c == U'：' || c == U'；')) {
            size_t rest = skip_spaces(text, i);
            return rest < text.size() ? i : 0;
        }
    }
    return 0;
}

bool heading_like(std::string_view text) {
    size_t n = utf8::length(text);
    if (n == 0 || n > 40) return false;
    size_t i = 0;
    char32_t last = 0;
    bool sentence_inside = false;
    while (i < text.size()) {
        char32_t c = utf8::next(text, i);
        if ((c == U'。' || c == U'！' || c == U'？' || c == U'；') && i < text.size()) sentence_inside = true;
        last = c;
    }
    return !sentence_inside && last != U'。' && last != U'；' && last != U'：' && last != U'，';
}

}  // namespace chuxin::import
