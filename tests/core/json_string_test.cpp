#include <catch2/catch.hpp>

#include <cstdio>
#include <iterator>
#include <random>

#include "core/json_string.h"

using namespace chuxin;

namespace {

// The rules of json_string.h, one byte at a time.
std::string reference(std::string_view s, JsonIn in) {
    std::string out = "\"";
    for (size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c == '"') out += "\\\"";
        else if (c == '\\') out += "\\\\";
        else if (c == '\n') out += "\\n";
        else if (c == '\r') out += "\\r";
        else if (c == '\t') out += "\\t";
        else if (c == '\b') out += "\\b";
        else if (c == '\f') out += "\\f";
        else if (c == '<' && in == JsonIn::Script) out += "\\u003c";
        else if (c < 0x20 || c == 0x7f) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04x", c);
            out += buf;
        } else if (c == 0xE2 && i + 2 < s.size() && s[i + 1] == '\x80' && (s[i + 2] == '\xA8' || s[i + 2] == '\xA9')) {
            out += s[i + 2] == '\xA8' ? "\\u2028" : "\\u2029";
            i += 2;
        } else {
            out += static_cast<char>(c);
        }
    }
    return out + "\"";
}

}  // namespace

// json_string skips runs of plain bytes a word at a time; every special
// byte at every offset of a word, among plain text, must still be escaped.
TEST_CASE("json_string escapes like the byte-by-byte rules") {
    const std::string pieces[] = {"a", "学", "“", "\xE2\x80\xA8", "\xE2\x80\xA9", "\xE2\x80", "\"", "\\", "\n", "\t",
                                  "\x01", "\x1f", "\x7f", "<", "/", " ", "\x80", "\xff", "x"};
    std::mt19937 rng(15);
    std::uniform_int_distribution<size_t> pick(0, std::size(pieces) - 1), length(0, 40);
    int mismatches = 0;
    for (int round = 0; round < 20000; ++round) {
        std::string s;
        for (size_t n = length(rng); n > 0; --n) s += pieces[pick(rng)];
        for (JsonIn in : {JsonIn::Data, JsonIn::Script}) mismatches += json_string(s, in) != reference(s, in);
    }
    CHECK(mismatches == 0);
    CHECK(json_string("abcdefgh<ijklmnop", JsonIn::Script) == "\"abcdefgh\\u003cijklmnop\"");
    CHECK(json_string("abcdefgh<ijklmnop") == "\"abcdefgh<ijklmnop\"");
}
