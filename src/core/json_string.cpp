#include "core/json_string.h"

#include <cstdint>
#include <cstdio>
#include <cstring>

namespace chuxin {

namespace {

bool plain(unsigned char c, JsonIn in) {
    return c >= 0x20 && c != '"' && c != '\\' && c != 0x7f && c != 0xE2 && !(in == JsonIn::Script && c == '<');
}

// Word tests (eight bytes at a time): whether some byte of `w` equals `b`,
// or is below `n` (n ≤ 0x80). Exact as yes/no answers, which is all that
// is asked: a word with any hit is then looked at byte by byte.
constexpr uint64_t kOnes = 0x0101010101010101ULL;
constexpr uint64_t kHighs = 0x8080808080808080ULL;
uint64_t has_byte(uint64_t w, unsigned char b) {
    const uint64_t x = w ^ (kOnes * b);
    return (x - kOnes) & ~x & kHighs;
}
uint64_t has_below(uint64_t w, unsigned char n) { return (w - kOnes * n) & ~w & kHighs; }

// Bytes from s[i] on that need no escaping, in whole words first.
size_t plain_run_end(std::string_view s, size_t i, JsonIn in) {
    while (i + 8 <= s.size()) {
        uint64_t w;
        std::memcpy(&w, s.data() + i, 8);
        uint64_t hit = has_below(w, 0x20) | has_byte(w, '"') | has_byte(w, '\\') | has_byte(w, 0x7f) |
                       has_byte(w, 0xE2);
        if (in == JsonIn::Script) hit |= has_byte(w, '<');
        if (hit) break;
        i += 8;
    }
    while (i < s.size() && plain(static_cast<unsigned char>(s[i]), in)) ++i;
    return i;
}

}  // namespace

void append_json_string(std::string& out, std::string_view s, JsonIn in) {
    out += '"';
    for (size_t i = 0; i < s.size(); ++i) {
        // Copy runs that need no escaping in one go.
        const size_t run = plain_run_end(s, i, in);
        if (run > i) {
            out.append(s.substr(i, run - i));
            i = run - 1;
            continue;
        }
        const unsigned char c = static_cast<unsigned char>(s[i]);
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            case '\b': out += "\\b"; break;
            case '\f': out += "\\f"; break;
            case '<': out += "\\u003c"; break;  // JsonIn::Script only (plain() lets it through otherwise)
            default:
                if (c < 0x20 || c == 0x7f) {
                    char buf[8];
                    std::snprintf(buf, sizeof buf, "\\u%04x", c);
                    out += buf;
                } else if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
                           (static_cast<unsigned char>(s[i + 2]) == 0xA8 || static_cast<unsigned char>(s[i + 2]) == 0xA9)) {
                    out += static_cast<unsigned char>(s[i + 2]) == 0xA8 ? "\\u2028" : "\\u2029";
                    i += 2;
                } else {
                    out += static_cast<char>(c);
                }
        }
    }
    out += '"';
}

std::string json_string(std::string_view s, JsonIn in) {
    std::string out;
    out.reserve(s.size() + 2);
    append_json_string(out, s, in);
    return out;
}

}  // namespace chuxin
