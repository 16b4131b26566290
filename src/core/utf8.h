#pragma once
// Small UTF-8 helpers. Invalid bytes decode as U+FFFD, one byte at a time.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace chuxin::utf8 {

// Decodes the code point starting at s[i] and advances i past it (inline
// at the end of this file: ASCII and most CJK; the rest goes to next_checked).
inline char32_t next(std::string_view s, size_t& i);
char32_t next_checked(std::string_view s, size_t& i);
std::u32string decode(std::string_view s);
void append(std::string& out, char32_t cp);
std::string encode(std::u32string_view s);
// Number of code points in s (used for columns).
size_t length(std::string_view s);
// Column (1-based, in code points) of byte offset `byte` within `line`.
int column_of(std::string_view line, size_t byte);
bool is_han(char32_t cp);  // CJK ideographs (URO, Ext-A, compatibility, Ext-B+)
bool is_cjk_punct(char32_t cp);  // U+3000–303F, FF00–FFEF full-width forms, “”‘’…—
// Lower-case ASCII letters only; other code points unchanged.
std::string ascii_lower(std::string_view s);
// First `n` code points of s.
std::string prefix(std::string_view s, size_t n);

// Inline because the search index decodes every body character by
// character: ASCII, and three-byte sequences with lead E1–EC or EE–EF (no
// overlong form, no surrogate possible: most of CJK), need no range checks.
inline char32_t next(std::string_view s, size_t& i) {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const unsigned char c = p[i];
    if (c < 0x80) {
        ++i;
        return c;
    }
    if (c >= 0xE1 && c <= 0xEF && c != 0xED && i + 2 < s.size() && (p[i + 1] & 0xC0) == 0x80 &&
        (p[i + 2] & 0xC0) == 0x80) {
        const char32_t cp = (static_cast<char32_t>(c & 0x0F) << 12) | (static_cast<char32_t>(p[i + 1] & 0x3F) << 6) |
                            (p[i + 2] & 0x3F);
        i += 3;
        return cp;
    }
    return next_checked(s, i);
}

}  // namespace chuxin::utf8
