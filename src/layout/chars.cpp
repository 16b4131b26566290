#include "layout/chars.h"

#include <array>
#include <cstdint>
#include <string_view>

namespace chuxin::layout {

namespace {

enum : uint8_t { kNoStart = 1, kNoEnd = 2, kBlankRight = 4, kBlankLeft = 8 };

// One byte of class bits per BMP code point, built once: the breaker asks
// about every character several times, so lookups must be O(1).
struct ClassTable {
    std::array<uint8_t, 0x10000> bits{};
    void mark(std::u32string_view set, uint8_t bit) {
        for (char32_t cp : set) bits[cp] |= bit;
    }
    ClassTable() {
        // clreq "basic" line-start prohibition plus the marks the spec lists.
        mark(U"，。、；：？！）》」』”’…—·～％〉】〕］｝〗．‼⁇・‧℃", kNoStart);
        mark(U",.;:!?)]}%", kNoStart);
        mark(U"（《「『“‘〈【〔［｛〖￥", kNoEnd);
        mark(U"([{", kNoEnd);
        mark(U"，。、；：？！）》」』”’〉】〕］｝〗．", kBlankRight);
        mark(U"（《「『“‘〈【〔［｛〖", kBlankLeft);
    }
};

uint8_t bits(char32_t cp) {
    static const ClassTable table;
    return cp < 0x10000 ? table.bits[cp] : 0;
}

}  // namespace

bool no_line_start(char32_t cp) { return bits(cp) & kNoStart; }
bool no_line_end(char32_t cp) { return bits(cp) & kNoEnd; }
bool blank_right(char32_t cp) { return bits(cp) & kBlankRight; }
bool blank_left(char32_t cp) { return bits(cp) & kBlankLeft; }

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
