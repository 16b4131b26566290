// The front matter splitter (content-format §2): BOM, CRLF, fences, body line.
#include <catch2/catch.hpp>

#include "load/front_matter.h"
#include "load_test_util.h"

using namespace chuxin;
using namespace chuxin::load;

TEST_CASE("front matter: yaml, body and body line are split at the fences") {
    Diagnostics diags;
    auto fm = split_front_matter("---\ntitle: 标题\ndate: 2026-03-03\n---\n正文第一行\n第二行\n", "content/a.md", diags);
    REQUIRE(fm);
    CHECK(fm->yaml == "title: 标题\ndate: 2026-03-03\n");
    CHECK(fm->yaml_line == 2);
    CHECK(fm->body == "正文第一行\n第二行\n");
    CHECK(fm->body_line == 5);
    CHECK_FALSE(diags.has_errors());
}

TEST_CASE("front matter: a UTF-8 BOM is tolerated and dropped") {
    Diagnostics diags;
    auto fm = split_front_matter("\xEF\xBB\xBF---\ntitle: x\n---\nbody", "content/a.md", diags);
    REQUIRE(fm);
    CHECK(fm->yaml == "title: x\n");
    CHECK(fm->body == "body");
    CHECK(fm->body_line == 4);
}

TEST_CASE("front matter: CRLF line ends are tolerated and normalized") {
    Diagnostics diags;
    auto fm = split_front_matter("---\r\ntitle: x\r\ntags: [a]\r\n---\r\n\r\nbody\r\nmore\r\n", "content/a.md", diags);
    REQUIRE(fm);
    CHECK(fm->yaml == "title: x\ntags: [a]\n");
    CHECK(fm->body == "\nbody\nmore\n");
    CHECK(fm->body_line == 5);
}

TEST_CASE("front matter: fences may carry trailing spaces") {
    Diagnostics diags;
    auto fm = split_front_matter("---  \ntitle: x\n--- \nbody", "content/a.md", diags);
    REQUIRE(fm);
    CHECK(fm->body == "body");
}

TEST_CASE("front matter: a file ending right after the closing fence has an empty body") {
    Diagnostics diags;
    auto fm = split_front_matter("---\ntitle: x\n---", "content/a.md", diags);
    REQUIRE(fm);
    CHECK(fm->body.empty());
    CHECK(fm->body_line == 4);
    auto empty = split_front_matter("---\n---\n", "content/a.md", diags);
    REQUIRE(empty);
    CHECK(empty->yaml.empty());
}

TEST_CASE("front matter: a '---' later in the body is body text") {
    Diagnostics diags;
    auto fm = split_front_matter("---\ntitle: x\n---\none\n---\ntwo\n", "content/a.md", diags);
    REQUIRE(fm);
    CHECK(fm->body == "one\n---\ntwo\n");
}

TEST_CASE("front matter: missing front matter is an error at line 1 showing what to add") {
    Diagnostics diags;
    CHECK_FALSE(split_front_matter("# 标题\n正文\n", "content/a.md", diags));
    auto lines = test::headlines(diags);
    REQUIRE(lines.size() == 1);
    CHECK(lines[0] == "content/a.md:1:1: error: missing front matter");
    CHECK(diags.sorted()[0].hint.find("title:") != std::string::npos);
}

TEST_CASE("front matter: an empty file has no front matter") {
    Diagnostics diags;
    CHECK_FALSE(split_front_matter("", "content/a.md", diags));
    CHECK(test::headlines(diags) == std::vector<std::string>{"content/a.md:1:1: error: missing front matter"});
}

TEST_CASE("front matter: blank lines above the fence are named") {
    Diagnostics diags;
    CHECK_FALSE(split_front_matter("\n\n---\ntitle: x\n---\n", "content/a.md", diags));
    REQUIRE(diags.error_count() == 1);
    CHECK(diags.sorted()[0].message == "front matter must start on the first line");
    CHECK(diags.sorted()[0].hint.find("2 blank line") != std::string::npos);
}

TEST_CASE("front matter: a missing closing fence is an error") {
    Diagnostics diags;
    CHECK_FALSE(split_front_matter("---\ntitle: x\n正文\n", "content/a.md", diags));
    CHECK(test::headlines(diags) ==
          std::vector<std::string>{"content/a.md:1:1: error: front matter is never closed: no '---' line after this one"});
}

TEST_CASE("front matter: '----' or '--- x' are not fences") {
    Diagnostics diags;
    CHECK_FALSE(split_front_matter("----\ntitle: x\n----\n", "content/a.md", diags));
    Diagnostics diags2;
    CHECK_FALSE(split_front_matter("---\ntitle: x\n--- x\n", "content/a.md", diags2));
    CHECK(diags2.error_count() == 1);
}
