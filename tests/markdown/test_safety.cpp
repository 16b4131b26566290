// Unsafe URLs (content-format §8) and the control-character rewrite that keeps
// reference placeholders unforgeable (markdown/refs.h, sanitize.h).
#include <catch2/catch.hpp>

#include <cmark-gfm.h>

#include <cstdlib>
#include <iterator>
#include <string>

#include "helpers.h"
#include "markdown/sanitize.h"
#include "core/url_safety.h"

using namespace chuxin;
using chuxin::is_unsafe_url;
using chuxin::UrlUse;
using test::contains;
using test::html_of;

TEST_CASE("is_unsafe_url reads the scheme as a browser does", "[safety]") {
    CHECK(is_unsafe_url("javascript:alert(1)", UrlUse::Link));
    CHECK(is_unsafe_url("JavaScript:alert(1)", UrlUse::Link));
    CHECK(is_unsafe_url("  \x01javascript:alert(1)", UrlUse::Link));
    CHECK(is_unsafe_url("java\tscript:alert(1)", UrlUse::Link));
    CHECK(is_unsafe_url("java\nscript:alert(1)", UrlUse::Link));
    CHECK(is_unsafe_url("vbscript:msgbox", UrlUse::Link));
    CHECK(is_unsafe_url("file:///etc/passwd", UrlUse::Image));
    CHECK(is_unsafe_url("data:text/html,<script>", UrlUse::Link));
    CHECK(is_unsafe_url("data:image/png;base64,AAAA", UrlUse::Link));
    CHECK_FALSE(is_unsafe_url("data:image/png;base64,AAAA", UrlUse::Image));
    CHECK(is_unsafe_url("data:text/html;base64,AAAA", UrlUse::Image));
    CHECK_FALSE(is_unsafe_url("https://www.12371.cn/", UrlUse::Link));
    CHECK_FALSE(is_unsafe_url("/cases/老支书/", UrlUse::Link));
    CHECK_FALSE(is_unsafe_url("javascript-guide.html", UrlUse::Link));
    CHECK_FALSE(is_unsafe_url("", UrlUse::Link));
}

TEST_CASE("unsafe link and image URLs are dropped unless raw_html", "[safety]") {
    std::string md =
        "[a](javascript:alert(1)) [b](<JAVASCRIPT:alert(1)>) [c](&#106;avascript:alert(1)) "
        "[d](vbscript:x) [e](file:///c:/x) ![f](data:text/html,x) ![g](data:image/gif;base64,R0) "
        "[h](https://ok.cn)\n\n[i]: javascript:alert(2)\n\n[i]\n";
    std::string off = html_of(md);
    CHECK_FALSE(contains(off, "javascript"));
    CHECK_FALSE(contains(off, "JAVASCRIPT"));
    CHECK_FALSE(contains(off, "vbscript"));
    CHECK_FALSE(contains(off, "file:"));
    CHECK_FALSE(contains(off, "data:text"));
    CHECK(contains(off, "<img src=\"data:image/gif;base64,R0\""));
    CHECK(contains(off, "<a href=\"https://ok.cn\">h</a>"));
    CHECK(contains(off, "<a href=\"\">a</a>"));

    std::string on = html_of(md, true);
    CHECK(contains(on, "href=\"javascript:alert(1)\""));
    CHECK(contains(on, "href=\"vbscript:x\""));
}

TEST_CASE("sanitize_controls keeps byte length and the common case untouched", "[safety]") {
    std::string storage;
    std::string_view clean = "普通文本\n第二行\t制表";
    CHECK(markdown::sanitize_controls(clean, storage).data() == clean.data());

    std::string dirty = std::string("a\x1A") + "b\x01\x7F" + "c\r\n";
    auto out = markdown::sanitize_controls(dirty, storage);
    CHECK(out == "a b  c\r\n");
    CHECK(out.size() == dirty.size());
    CHECK(out.find('\x1A') == std::string_view::npos);

    std::string refs = "&#26; &#x1A; &#X1a; &#0026; &#0; &#x7f; &#65; &#x4E2D; &#26";
    auto fixed = markdown::sanitize_controls(refs, storage);
    CHECK(fixed == "&#32; &#x20; &#X20; &#0032; &#9; &#x20; &#65; &#x4E2D; &#26");
}

TEST_CASE("control characters and their entities never reach the HTML", "[safety]") {
    std::string md = "a\x1A" "R0\x1A" "b &#26;R0&#26; [t](ref:x \"&#x1A;\") ![&#26;](i.png) ```&#26;```\n\n```&#26;\ncode\n```\n";
    auto page = test::rendered(md);
    CHECK(page.body_html.find('\x1A') != std::string::npos);  // the real placeholder for ref:x
    size_t markers = 0;
    for (char c : page.body_html) markers += c == '\x1A';
    CHECK(markers == 4);  // "\x1AR0\x1A" + "\x1A/\x1A" only
    CHECK(page.body_refs.size() == 1);
}

TEST_CASE("bytes that are not UTF-8 become '?', length kept", "[safety]") {
    std::string storage;
    std::string bad = std::string("a\xFF") + "中\xE4\xB8" + "b\xED\xA0\x80" + "c\xF0\x9F\x98\x80\xC0\xAF";
    auto out = markdown::sanitize_controls(bad, storage);
    CHECK(out == std::string("a?中??b???c\xF0\x9F\x98\x80??"));
    CHECK(out.size() == bad.size());
    auto page = test::rendered("x\xFF [a](ref:y)\n");
    REQUIRE(page.body_refs.size() == 1);
    CHECK(page.body_refs[0].pos.col == 4);
}

// sanitize_controls steps over runs of CJK a word at a time; on every mix
// of well-formed and broken sequences (E0/ED/EF leads, cut short, at the
// end) and controls it must do what the byte-by-byte rules say.
TEST_CASE("sanitize_controls agrees with the byte-by-byte rules (property)", "[safety]") {
    auto well_formed = [](std::string_view t, size_t i) -> size_t {  // RFC 3629 §4
        auto b = [&](size_t k) { return k < t.size() ? static_cast<unsigned char>(t[k]) : 0u; };
        auto cont = [&](size_t k) { return (b(k) & 0xC0) == 0x80; };
        const unsigned c = b(i), c1 = b(i + 1);
        if (c >= 0xC2 && c <= 0xDF) return cont(i + 1) ? 2 : 0;
        if (c >= 0xE0 && c <= 0xEF) {
            const bool ok = c == 0xE0 ? c1 >= 0xA0 && c1 <= 0xBF : c == 0xED ? c1 >= 0x80 && c1 <= 0x9F : cont(i + 1);
            return ok && cont(i + 2) ? 3 : 0;
        }
        if (c >= 0xF0 && c <= 0xF4) {
            const bool ok = c == 0xF0 ? c1 >= 0x90 && c1 <= 0xBF : c == 0xF4 ? c1 >= 0x80 && c1 <= 0x8F : cont(i + 1);
            return ok && cont(i + 2) && cont(i + 3) ? 4 : 0;
        }
        return 0;
    };
    auto reference = [&](std::string_view t) {
        std::string out(t);
        for (size_t i = 0; i < t.size();) {
            const auto c = static_cast<unsigned char>(t[i]);
            if (c >= 0x80) {
                const size_t len = well_formed(t, i);
                if (len == 0) out[i] = '?';
                i += len ? len : 1;
                continue;
            }
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F) out[i] = ' ';
            ++i;
        }
        return out;
    };
    const std::string pieces[] = {"中", "文", "ー", "\xEF\xBC\x9A", "\xE0\xA4\x85", "\xE0\x80\x80", "\xED\x9F\xBF",
                                  "\xED\xA0\x80", "\xE4\xB8", "\xE4", "\xB8", "\xF0\x9F\x98\x80", "\xC3\xA9", "a",
                                  " ", "\n", "\x01", "\x1A", "\x7F", "\xFF"};
    std::srand(20261204);
    std::string storage;
    int mismatches = 0;
    for (int round = 0; round < 20000; ++round) {
        std::string t;
        for (int k = std::rand() % 24; k > 0; --k) t += pieces[static_cast<size_t>(std::rand()) % std::size(pieces)];
        mismatches += std::string(markdown::sanitize_controls(t, storage)) != reference(t);
    }
    CHECK(mismatches == 0);
}

TEST_CASE("why sanitizing is needed: bare cmark passes 0x1A through", "[safety]") {
    // The premise of refs.h: without sanitize_controls, content could forge a
    // placeholder. Rendering through the stage removes every forged one.
    std::string bare_input = "a &#26; b\x1A";
    char* bare = cmark_markdown_to_html(bare_input.data(), bare_input.size(), CMARK_OPT_DEFAULT);
    CHECK(std::string(bare).find('\x1A') != std::string::npos);
    std::free(bare);
    auto page = test::rendered("a\x1A" "R0\x1A" "b &#26;/&#26;\n");
    CHECK(page.body_html.find('\x1A') == std::string::npos);
    CHECK(page.body_html == "<p>a R0 b  / </p>\n");
}
