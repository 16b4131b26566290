#include "layout/chars.h"

#include <string_view>

namespace chuxin::layout {

namespace {
bool in(std::u32string_view set, char32_t cp) { return set.find(cp) != std::u32string_view::npos; }
}  // namespace

bool no_line_start(char32_t cp) {
    // pause/stop, closing brackets/quotes, connectors, interpuncts, ％ (task list)
    return in(U"，。、；：？！）》」』”’…—·～％〉】〕］｝〗．‼⁇・‧℃", cp) ||
           in(U",.;:!?)]}%", cp);
}

bool no_line_end(char32_t cp) {
    return in(U"（《「『“‘〈【〔［｛〖￥", cp) || in(U"([{", cp);
}

bool blank_right(char32_t cp) {
    return in(U"，。、；：？！）》」』”’〉】〕］｝〗．", cp);
}

bool blank_left(char32_t cp) {
    return in(U"（《「『“‘〈【〔［｛〖", cp);
}

bool unbreakable_pair(char32_t a, char32_t b) {
    return a == b && (a == U'—' || a == U'…' || a == U'⋯' || a == U'⸺');
}

bool is_cjk_ideo(char32_t cp) {
    return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
           (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0x3040 && cp <= 0x30FF) ||
           (cp >= 0x20000 && cp <= 0x3FFFF);
}

bool is_western_alnum(char32_t cp) {
    return (cp >= U'0' && cp <= U'9') || (cp >= U'A' && cp <= U'Z') ||
           (cp >= U'a' && cp <= U'z') || (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7);
}

bool is_space(char32_t cp) { return cp == U' ' || cp == U'\t' || cp == 0xA0; }

}  // namespace chuxin::layout
