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
