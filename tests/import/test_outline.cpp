#include <catch2/catch.hpp>

#include "import/outline.h"

using namespace chuxin::import;

TEST_CASE("公文 numbers give the heading level whatever the style") {
    CHECK(outline_number("一、学习内容").level == 1);
    CHECK(outline_number("十二、其他").level == 1);
    CHECK(outline_number("（一）领学情况").level == 2);
    CHECK(outline_number("(三)交流").level == 2);
    CHECK(outline_number("1.加强学习").level == 3);
    CHECK(outline_number("1．加强学习").level == 3);
    CHECK(outline_number("１．加强学习").level == 3);
    CHECK(outline_number("2、交流研讨").level == 3);
    CHECK(outline_number("（1）青年党员发言").level == 4);
    CHECK(outline_number("(2)老党员发言").level == 4);
    CHECK(outline_number("\u3000\u3000一、缩进的标题").level == 1);
}

TEST_CASE("what only looks like a number is text") {
    CHECK(outline_number("1.5倍的学习时长").level == 0);
    CHECK(outline_number("2026年5月12日").level == 0);
    CHECK(outline_number("一是立足固本强基").level == 0);
    CHECK(outline_number("（注：见附件）").level == 0);
    CHECK(outline_number("1.").level == 0);  // nothing after the number
    CHECK(outline_number("张某、李某").level == 0);
}

TEST_CASE("the number's length covers its punctuation and spaces") {
    auto n = outline_number("1. 加强理论学习");
    REQUIRE(n.level == 3);
    CHECK(std::string("1. 加强理论学习").substr(n.length) == "加强理论学习");
    auto m = outline_number("（一）领学");
    CHECK(std::string("（一）领学").substr(m.length) == "领学");
}

TEST_CASE("heading styles: Heading N, 标题 N") {
    CHECK(heading_level_of_style("Heading 1") == 1);
    CHECK(heading_level_of_style("heading 3") == 3);
    CHECK(heading_level_of_style("标题 2") == 2);
    CHECK(heading_level_of_style("标题2") == 2);
    CHECK(heading_level_of_style("Title") == 0);
    CHECK(heading_level_of_style("Normal") == 0);
    CHECK(heading_level_of_style("Heading 10") == 0);
}

TEST_CASE("a heading that runs on into its paragraph is split after its first sentence") {
    const std::string text = "1. 加强理论学习。全体党员要对照清单制定计划。";
    auto n = outline_number(text);
    size_t split = run_on_split(text, n.length);
    REQUIRE(split > 0);
    CHECK(text.substr(0, split) == "1. 加强理论学习。");
    // A heading alone on its line is not split.
    CHECK(run_on_split("1. 加强理论学习。", 3) == 0);
    // A 。 inside quotation marks ends nothing.
    const std::string quoted = "2. 牢记“学思用贯通。”的要求：坚持不懈";
    CHECK(quoted.substr(0, run_on_split(quoted, 3)) == "2. 牢记“学思用贯通。”的要求：");
}

TEST_CASE("heading_like: short, no sentence inside, no closing 。") {
    CHECK(heading_like("一、学习内容"));
    CHECK_FALSE(heading_like("一、学习内容。会议认为……"));
    CHECK_FALSE(heading_like("会议决定本月起各党小组每月组织1次学习交流。"));
    CHECK_FALSE(heading_like(std::string(41 * 3, 'a')));
    CHECK_FALSE(heading_like(""));
}
