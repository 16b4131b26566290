#include <catch2/catch.hpp>

#include "core/utf8.h"

using namespace chuxin;

TEST_CASE("UTF-8 decoding round-trips and counts code points") {
    std::string s = "党建 abc 𠀀 ——";
    CHECK(utf8::encode(utf8::decode(s)) == s);
    CHECK(utf8::length(s) == 11);
    CHECK(utf8::column_of("标题：x", std::string("标题：").size()) == 4);
    CHECK(utf8::prefix("学习强国", 2) == "学习");
}

TEST_CASE("invalid UTF-8 becomes U+FFFD without overrunning") {
    std::string bad = "a\xE5\xAD";  // truncated sequence at the end
    auto d = utf8::decode(bad);
    CHECK(d[0] == U'a');
    CHECK(d[1] == 0xFFFD);
    CHECK(utf8::decode("\xC0\xAF")[0] == 0xFFFD);  // overlong '/'
    CHECK(utf8::decode("\xED\xA0\x80")[0] == 0xFFFD);  // surrogate
}

// next() decodes ASCII and most three-byte sequences inline; it must agree
// with the fully checked decoder on every input, also at the end of a string.
TEST_CASE("utf8::next agrees with next_checked on every short input") {
    auto same = [](const std::string& s) {
        for (size_t i = 0, j = 0; i < s.size();) {
            const char32_t fast = utf8::next(s, i);
            const char32_t checked = utf8::next_checked(s, j);
            if (fast != checked || i != j) return false;
        }
        return true;
    };
    int mismatches = 0;
    for (int a = 0; a < 256; ++a)
        for (int b = 0; b < 256; ++b) {
            const std::string two{static_cast<char>(a), static_cast<char>(b)};
            mismatches += !same(two);
            if (a < 0xE0 || a > 0xEF) continue;
            for (int c = 0; c < 256; ++c) {
                const std::string three{static_cast<char>(a), static_cast<char>(b), static_cast<char>(c)};
                mismatches += !same(three) + !same(three + "x");
            }
        }
    CHECK(mismatches == 0);
}
