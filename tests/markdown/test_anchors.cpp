// Heading anchors: GitHub's rule (content-format §8) and their use in HTML.
#include <catch2/catch.hpp>

#include "helpers.h"
#include "markdown/anchors.h"

using namespace chuxin;
using markdown::github_slug;

TEST_CASE("github_slug lower-cases and turns spaces into hyphens", "[anchors]") {
    CHECK(github_slug("Hello World") == "hello-world");
    CHECK(github_slug("CSS  Grid") == "css--grid");  // GitHub keeps each space
    CHECK(github_slug("snake_case and-kebab") == "snake_case-and-kebab");
    CHECK(github_slug("Version 2.0 (beta)") == "version-20-beta");
}

TEST_CASE("github_slug keeps Chinese and drops Chinese punctuation", "[anchors]") {
    CHECK(github_slug("一、总体要求") == "一总体要求");
    CHECK(github_slug("学习《中国共产党章程》的体会") == "学习中国共产党章程的体会");
    CHECK(github_slug("问题：理论学习不够系统？") == "问题理论学习不够系统");
    CHECK(github_slug("“三会一课”制度") == "三会一课制度");
    CHECK(github_slug("第1部分 学习计划") == "第1部分-学习计划");
    CHECK(github_slug("（一）加强学习") == "一加强学习");
    CHECK(github_slug("〇 与 々") == "〇-与-々");
}

TEST_CASE("github_slug handles full-width letters, symbols and emoji", "[anchors]") {
    CHECK(github_slug("ＡＢＣ１２３") == "ａｂｃ１２３");  // full-width letters are letters
    CHECK(github_slug("目标→成效 ★") == "目标成效-");
    CHECK(github_slug("①学习") == "学习");           // ① is not \p{Word} for GitHub
    CHECK(github_slug("Café Ünïcode") == "café-ünïcode");
    CHECK(github_slug("!!!") == "");
}

TEST_CASE("AnchorRegistry numbers repeats like GitHub", "[anchors]") {
    markdown::AnchorRegistry anchors;
    CHECK(anchors.unique("a") == "a");
    CHECK(anchors.unique("a") == "a-1");
    CHECK(anchors.unique("a") == "a-2");
    CHECK(anchors.unique("a-1") == "a-1-1");  // never hands out a taken id
    CHECK(anchors.unique("") == "section");
    CHECK(anchors.unique("") == "section-1");
}

TEST_CASE("headings get ids, texts, levels and file lines", "[anchors]") {
    auto page = test::rendered("# 一、总体要求\n\n段落\n\n## 学习安排\n\n## 学习安排\n\n小结 **重点**\n---\n", {}, 7);
    REQUIRE(page.headings.size() == 4);
    CHECK(page.headings[0].level == 1);
    CHECK(page.headings[0].text == "一、总体要求");
    CHECK(page.headings[0].anchor == "一总体要求");
    CHECK(page.headings[0].pos.line == 7);
    CHECK(page.headings[0].pos.col == 1);
    CHECK(page.headings[0].pos.file == "content/test.md");
    CHECK(page.headings[1].anchor == "学习安排");
    CHECK(page.headings[1].pos.line == 11);
    CHECK(page.headings[2].anchor == "学习安排-1");
    CHECK(page.headings[3].text == "小结 重点");  // setext heading, inline markup dropped
    CHECK(page.headings[3].level == 2);
    CHECK(page.headings[3].pos.line == 15);
    CHECK(test::contains(page.body_html, "<h1 id=\"一总体要求\">一、总体要求</h1>"));
    CHECK(test::contains(page.body_html, "<h2 id=\"学习安排\">学习安排</h2>"));
    CHECK(test::contains(page.body_html, "<h2 id=\"学习安排-1\">学习安排</h2>"));
    CHECK(test::contains(page.body_html, "<h2 id=\"小结-重点\">小结 <strong>重点</strong></h2>"));
}

TEST_CASE("heading ids are escaped and headings with markup or links keep their text", "[anchors]") {
    auto page = test::rendered("## Tom & \"Jerry\" `<code>` [见](ref:cases/x)\n");
    REQUIRE(page.headings.size() == 1);
    CHECK(page.headings[0].text == "Tom & \"Jerry\" <code> 见");
    CHECK(page.headings[0].anchor == "tom--jerry-code-见");
    CHECK(test::contains(page.body_html, "<h2 id=\"tom--jerry-code-见\">Tom &amp; &quot;Jerry&quot; <code>&lt;code&gt;</code> "));
}

TEST_CASE("heading anchors never take an item or event id of the page", "[anchors]") {
    auto page = test::page_with_body("## C1\n\n## 其他\n");
    model::Checklist checklist;
    checklist.items.push_back({});
    checklist.items.back().id = "c1";
    page.data = checklist;
    Diagnostics diags;
    const std::string body_html = test::render_into(page, {}, diags);
    REQUIRE(page.headings.size() == 2);
    CHECK(page.headings[0].anchor == "c1-1");
    CHECK(page.headings[1].anchor == "其他");
}

TEST_CASE("CRLF bodies give the same headings and lines", "[anchors]") {
    auto lf = test::rendered("前言\n\n## 第一节\n\n正文\n\n## 第二节\n", {}, 4);
    auto crlf = test::rendered("前言\r\n\r\n## 第一节\r\n\r\n正文\r\n\r\n## 第二节\r\n", {}, 4);
    REQUIRE(crlf.headings.size() == 2);
    for (size_t i = 0; i < 2; ++i) {
        CHECK(crlf.headings[i].anchor == lf.headings[i].anchor);
        CHECK(crlf.headings[i].text == lf.headings[i].text);
        CHECK(crlf.headings[i].pos.line == lf.headings[i].pos.line);
    }
    CHECK(crlf.headings[1].pos.line == 10);
}
