#include "core/html_escape.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>

namespace chuxin {

namespace {

// Words of 8 bytes without a character to escape are copied unexamined.
// Both tests below are the classic exact bit tricks ("has a byte less than",
// "has a zero byte"): they may only say yes too often about *which* byte,
// never miss one, so no special character is ever skipped.
constexpr uint64_t kOnes = 0x0101010101010101ull;
constexpr uint64_t kHighs = 0x8080808080808080ull;

// Every character {{ }} escapes is below 0x40; Chinese text (bytes >= 0x80)
// and letters are not: one cheap test clears most words.
bool has_byte_below_0x40(uint64_t word) { return ((word - kOnes * 0x40) & ~word & kHighs) != 0; }

bool has_byte(uint64_t word, unsigned char c) {
    const uint64_t x = word ^ (kOnes * c);
    return ((x - kOnes) & ~x & kHighs) != 0;
}

// Digits, '.', '/', ' ' … are below 0x40 too (dates, hrefs): test exactly.
bool has_special(uint64_t word) {
    return has_byte_below_0x40(word) && (has_byte(word, '&') || has_byte(word, '<') || has_byte(word, '>') ||
                                         has_byte(word, '"') || has_byte(word, '\''));
}

}  // namespace

void append_html_escaped(std::string& out, std::string_view s) {
    static const auto special = [] {
        std::array<bool, 256> t{};
        for (unsigned char c : std::string_view("&<>\"'")) t[c] = true;
        return t;
    }();
    const char* p = s.data();
    const size_t n = s.size();
    size_t plain = 0;  // start of the run not yet copied
    size_t i = 0;
    while (i < n) {
        if (i + 8 <= n) {
            uint64_t word;
            std::memcpy(&word, p + i, 8);
            if (!has_special(word)) {
                i += 8;
                continue;
            }
        }
        for (const size_t end = std::min(n, i + 8); i < end; ++i) {
            if (!special[static_cast<unsigned char>(p[i])]) continue;
            out.append(p + plain, i - plain);
            switch (p[i]) {
                case '&': out += "&amp;"; break;
                case '<': out += "&lt;"; break;
                case '>': out += "&gt;"; break;
                case '"': out += "&quot;"; break;
                default: out += "&#39;"; break;
            }
            plain = i + 1;
        }
    }
    out.append(p + plain, n - plain);
}

}  // namespace chuxin
