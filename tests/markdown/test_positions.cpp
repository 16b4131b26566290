// ref: links: what is recorded and where (content-format §4, §8 "Positions":
// a reference error points at the link's '[', columns in code points).
#include <catch2/catch.hpp>

#include "helpers.h"

using namespace chuxin;

namespace {

struct Expected {
    std::string text;
    int line;
    int col;
};

void check_refs(const std::string& body, const std::vector<Expected>& expected, int body_line = 1) {
    auto page = test::rendered(body, {}, body_line);
    REQUIRE(page.body_refs.size() == expected.size());
    for (size_t i = 0; i < expected.size(); ++i) {
        INFO("ref " << i << ": " << expected[i].text);
        CHECK(page.body_refs[i].text == expected[i].text);
        CHECK(page.body_refs[i].pos.line == expected[i].line);
        CHECK(page.body_refs[i].pos.col == expected[i].col);
        CHECK(page.body_refs[i].pos.file == "content/test.md");
        CHECK_FALSE(page.body_refs[i].resolved());
    }
}

}  // namespace

TEST_CASE("ref positions count code points, offset by the body line", "[refs][positions]") {
    check_refs("第一行\n详见[老支书的事迹](ref:cases/laozhishu)，以及 [](ref:checklists/2026#c1)。\n",
               {{"cases/laozhishu", 11, 3}, {"checklists/2026#c1", 11, 36}}, 10);
}

TEST_CASE("ref positions in CRLF bodies", "[refs][positions]") {
    check_refs("标题\r\n\r\n中文中文[a](ref:x)\r\n第二行 [b](ref:y)\r\n", {{"x", 3, 5}, {"y", 4, 5}});
}

TEST_CASE("ref positions inside containers", "[refs][positions]") {
    check_refs("> 引用 [a](ref:q)\n\n- 项目 [b](ref:l)\n  续行 [c](ref:m)\n\n| 表 | 格 |\n|---|---|\n| 中 [d](ref:t) | x |\n",
               {{"q", 1, 6}, {"l", 3, 6}, {"m", 4, 6}, {"t", 8, 5}});
}

TEST_CASE("ref positions on indented and lazy continuation lines", "[refs][positions]") {
    // cmark-gfm reports these columns relative to the paragraph's first line;
    // SourceLines corrects them against the source.
    check_refs("首行\n   缩进 [a](ref:a1) 和 [b](ref:b1)\n\n> 引用\n[懒](ref:lazy)\n",
               {{"a1", 2, 7}, {"b1", 2, 21}, {"lazy", 5, 1}});
}

TEST_CASE("ref positions of reference-style links, autolinks and footnotes", "[refs][positions]") {
    check_refs("见[章程][zc]和<ref:cases/b>。\n\n[zc]: ref:studylists/2026-q1#dangzhang\n\n注[^1]\n\n[^1]: 脚注 [f](ref:fn)\n",
               {{"studylists/2026-q1#dangzhang", 1, 2}, {"cases/b", 1, 11}, {"fn", 7, 10}});
}

TEST_CASE("ref targets are trimmed and percent-decoded", "[refs]") {
    check_refs("[a](ref:cases/%E8%80%81%E6%94%AF%E4%B9%A6) [b](<ref: cases/c >) [c](ref:bad%ZZ)\n",
               {{"cases/老支书", 1, 1}, {"cases/c", 1, 44}, {"bad%ZZ", 1, 65}});
}

TEST_CASE("ordinary links and images are not refs", "[refs]") {
    auto page = test::rendered("[a](https://x.cn) [b](/cases/) [c](#x) ![d](ref.png) [e](REF:x)\n");
    CHECK(page.body_refs.empty());
}

TEST_CASE("an image with a ref: source is a warning and loses its source", "[refs]") {
    auto page = test::page_with_body("图 ![x](ref:cases/a)\n", 3);
    Diagnostics diags;
    const std::string body_html = test::render_into(page, {}, diags);
    CHECK(page.body_refs.empty());
    auto all = diags.sorted();
    REQUIRE(all.size() == 1);
    CHECK(all[0].severity == Severity::Warning);
    CHECK(all[0].pos.line == 3);
    CHECK(all[0].pos.col == 3);
    CHECK(test::contains(body_html, "<img src=\"\""));
}

TEST_CASE("ref links become placeholders around their text", "[refs]") {
    auto page = test::rendered("[老支书](ref:cases/laozhishu) [](ref:b) <ref:c> [**粗**](ref:d)\n");
    REQUIRE(page.body_refs.size() == 4);
    const std::string& html = page.body_html;
    CHECK(test::contains(html, "\x1AR0\x1A老支书\x1A/\x1A"));
    CHECK(test::contains(html, "\x1AR1\x1A\x1A/\x1A"));
    CHECK(test::contains(html, "\x1AR2\x1A\x1A/\x1A"));  // an autolink shows the title
    CHECK(test::contains(html, "\x1AR3\x1A<strong>粗</strong>\x1A/\x1A"));
    CHECK_FALSE(test::contains(html, "ref:"));
}
