// invalid_utf8_at (the loader's UTF-8 check, with word-at-a-time fast paths)
// against a byte-by-byte reference of RFC 3629 §4 on random text.
#include <catch2/catch.hpp>

#include <random>
#include <string>

#include "load/front_matter.h"

namespace {

// Offset of the first byte that does not start a well-formed sequence, or npos.
size_t reference_invalid_at(std::string_view s) {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    for (size_t i = 0; i < s.size();) {
        const unsigned c = p[i];
        size_t len = 0;
        unsigned lo = 0x80, hi = 0xBF;
        if (c < 0x80) len = 1;
        else if (c >= 0xC2 && c <= 0xDF) len = 2;
        else if (c >= 0xE0 && c <= 0xEF) len = 3, lo = c == 0xE0 ? 0xA0 : 0x80, hi = c == 0xED ? 0x9F : 0xBF;
        else if (c >= 0xF0 && c <= 0xF4) len = 4, lo = c == 0xF0 ? 0x90 : 0x80, hi = c == 0xF4 ? 0x8F : 0xBF;
        if (len == 0 || i + len > s.size()) return i;
        for (size_t k = 1; k < len; ++k) {
            const unsigned b = p[i + k];
            if (k == 1 ? (b < lo || b > hi) : (b < 0x80 || b > 0xBF)) return i;
        }
        i += len;
    }
    return std::string_view::npos;
}

// Text mostly of CJK characters and ASCII, with edge cases and random bytes mixed in.
std::string random_text(std::mt19937& rng) {
    static const char* const pieces[] = {
        "中", "国", "，", "。", "“", "”", "a", "b ", "\n", "---\n", "title: ", "\xE0\xA0\x80", "\xED\x9F\xBF",
        "\xED\xA0\x80" /* surrogate */, "\xE0\x9F\xBF" /* overlong */, "\xC2\xA9", "\xF0\x9F\x98\x80", "\xF4\x8F\xBF\xBF",
        "\xF4\x90\x80\x80", "\xC0\xAF", "\xE4\xB8", "\xE4", "\x80", "\xFF", "\xEF\xBB\xBF", "12345678",
    };
    std::uniform_int_distribution<size_t> piece(0, std::size(pieces) - 1), count(0, 40), byte(0, 255), coin(0, 19);
    std::string s;
    for (size_t k = count(rng); k > 0; --k) {
        if (coin(rng) == 0) s += static_cast<char>(byte(rng));
        else if (coin(rng) < 12) s += "中文内容学习"; // a CJK run
        else s += pieces[piece(rng)];
    }
    return s;
}

}  // namespace

TEST_CASE("invalid_utf8_at agrees with a byte-by-byte check") {
    using chuxin::load::invalid_utf8_at;
    std::mt19937 rng(20261122);
    for (int round = 0; round < 20000; ++round) {
        const std::string s = random_text(rng);
        INFO("round " << round << ", " << s.size() << " bytes");
        REQUIRE(invalid_utf8_at(s) == reference_invalid_at(s));
        // Every prefix too: the fast paths stop near the end of the text.
        if (round % 50 == 0)
            for (size_t cut = 0; cut < s.size(); ++cut)
                REQUIRE(invalid_utf8_at(std::string_view(s).substr(0, cut)) ==
                        reference_invalid_at(std::string_view(s).substr(0, cut)));
    }
}

TEST_CASE("invalid_utf8_at points at the first bad byte after a CJK run") {
    using chuxin::load::invalid_utf8_at;
    CHECK(invalid_utf8_at("中文") == std::string_view::npos);
    CHECK(invalid_utf8_at("中文\xED\xA0\x80") == 6);  // a surrogate
    CHECK(invalid_utf8_at("中文\xE0\x80\x80x") == 6); // overlong
    CHECK(invalid_utf8_at("中文\xE4\xB8") == 6);       // cut short at the end
    CHECK(invalid_utf8_at("中\xE4\xB8") == 3);
    CHECK(invalid_utf8_at("中\xE4\xB8x中") == 3);
}
