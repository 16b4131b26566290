// Positions (content-format §8): 1-based file lines, columns in code points,
// with Chinese text before the error; YAML syntax errors at their place.
#include <catch2/catch.hpp>

#include "core/utf8.h"
#include "load_test_util.h"

using namespace chuxin;
using namespace chuxin::load;
using chuxin::load::test::Loaded;

namespace {

// 1-based code-point column of `needle` in `line`: computed independently of the loader.
int column_of_text(const std::string& line, const std::string& needle) {
    return static_cast<int>(utf8::length(line.substr(0, line.find(needle)))) + 1;
}

}  // namespace

TEST_CASE("positions: a bad value after Chinese text is reported in code points") {
    const std::string line = "  - {id: 中文, title: 《中国共产党章程》, due: 2026-02-30}";
    Loaded l;
    test::load_into(l, "studylists/a.md", "---\ntitle: 书目\nitems:\n" + line + "\n---\n");
    int col = column_of_text(line, "2026-02-30");
    CHECK(col == 37);  // and not the byte column (59)
    CHECK(test::headlines(l.diags) ==
          std::vector<std::string>{"content/studylists/a.md:4:37: error: '2026-02-30' is not a date"});
    CHECK(test::hints(l.diags)[0] == "2026-02 has 28 days; dates are written YYYY-MM-DD, e.g. 2026-03-03");
}

TEST_CASE("positions: block values and keys point at their first character") {
    Loaded l;
    test::load_into(l, "minutes/a.md",
                    "---\ntitle: 记录\nmeeting: 主题党日\n地点说明: 三楼\ndate: 2026年3月3日\n---\n");
    auto lines = test::headlines(l.diags);
    REQUIRE(lines.size() == 2);
    CHECK(lines[0] == "content/minutes/a.md:4:1: error: unknown field '地点说明'");
    CHECK(lines[1] == "content/minutes/a.md:5:7: error: '2026年3月3日' is not a date");
    CHECK(test::hints(l.diags)[1].rfind("write it as 2026-03-03", 0) == 0);
}

TEST_CASE("positions: a YAML syntax error after Chinese text") {
    Loaded l;
    test::load_into(l, "a.md", "---\ntitle: 标题: 子标题\n---\n");
    auto lines = test::headlines(l.diags);
    REQUIRE(lines.size() == 1);
    CHECK(lines[0] == "content/a.md:2:10: error: YAML syntax error: unexpected ':' inside a value");
    CHECK(l.file.role == LoadedFile::Role::None);
}

TEST_CASE("positions: BOM and CRLF change neither lines nor columns") {
    Loaded l;
    test::load_into(l, "cases/a.md", "\xEF\xBB\xBF---\r\ntitle: 案例\r\ncategory: 先进模范\r\n---\r\n正文\r\n");
    CHECK(test::headlines(l.diags) ==
          std::vector<std::string>{"content/cases/a.md:3:11: error: unknown category '先进模范'"});
}

TEST_CASE("positions: a full-width colon after a field name is caught where it is") {
    Loaded l;
    test::load_into(l, "minutes/a.md", "---\ntitle: 记录\nmeeting：主题党日\ndate: 2026-03-03\n---\n");
    auto lines = test::headlines(l.diags);
    REQUIRE(lines.size() == 1);
    CHECK(lines[0] == "content/minutes/a.md:3:8: error: full-width colon '：' after a field name");
    // The rest of the file is still read: the meeting is there.
    REQUIRE(l.file.role == LoadedFile::Role::Page);
    CHECK(l.file.page.as<model::Minutes>()->meeting == "主题党日");
}

TEST_CASE("positions: a tab in the indentation is reported and the file still read") {
    Loaded l;
    test::load_into(l, "a.md", "---\ntitle: 页面\ntags:\n\t- 党章\n---\n");
    CHECK(test::headlines(l.diags) ==
          std::vector<std::string>{"content/a.md:4:1: error: tab used for indentation"});
    REQUIRE(l.file.role == LoadedFile::Role::Page);
    CHECK(l.file.page.tags == std::vector<std::string>{"党章"});
}

TEST_CASE("positions: a missing field points at the front matter's first line") {
    Loaded l;
    test::load_into(l, "minutes/a.md", "---\ntitle: 记录\ndate: 2026-03-03\n---\n");
    CHECK(test::headlines(l.diags) == std::vector<std::string>{
                                          "content/minutes/a.md:1:1: error: missing field 'meeting' (required for minutes)"});
}

TEST_CASE("positions: an unclosed flow list is reported") {
    Loaded l;
    test::load_into(l, "a.md", "---\ntitle: 页面\ntags: [党章, 党史\nweight: 1\n---\n");
    REQUIRE(l.diags.error_count() == 1);
    auto d = l.diags.sorted()[0];
    CHECK(d.pos.file == "content/a.md");
    CHECK(d.pos.line >= 3);
    CHECK(d.message.rfind("YAML syntax error: ", 0) == 0);
}
