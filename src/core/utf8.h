#pragma once
// Small UTF-8 helpers. Invalid bytes decode as U+FFFD, one byte at a time.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace chuxin::utf8 {

// Decodes the code point starting at s[i] and advances i past it.
char32_t next(std::string_view s, size_t& i);
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

}  // namespace chuxin::utf8
