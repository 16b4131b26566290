#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "core/diagnostic.h"
#include "support/files.h"

using namespace chuxin;

TEST_CASE("diagnostics print file:line:col, the source line, a caret and the hint") {
    const test::TempDir tmp("diag");
    const auto& dir = tmp.path;
    std::ofstream(dir / "a.md") << "---\ntitel: 学习\n---\n";
    Diagnostic d{Severity::Error, {"a.md", 2, 1}, "unknown field 'titel'", "did you mean 'title'?"};
    std::string text = format_diagnostic(d, SourceLines{dir.string()});
    CHECK(text == "a.md:2:1: error: unknown field 'titel'\n 2 | titel: 学习\n   | ^\n  hint: did you mean 'title'?\n");
}

TEST_CASE("all diagnostics are kept, sorted and counted") {
    Diagnostics ds;
    ds.error({"b.md", 3, 1}, "second");
    ds.warning({"a.md", 9, 2}, "first");
    ds.error({"b.md", 1, 1}, "third");
    auto all = ds.sorted();
    REQUIRE(all.size() == 3);
    CHECK(all[0].pos.file == "a.md");
    CHECK(all[1].message == "third");
    CHECK(ds.error_count() == 2);
    CHECK(ds.warning_count() == 1);
    CHECK(format_all(ds, {}).find("2 errors, 1 warning") != std::string::npos);
}

TEST_CASE("did-you-mean offers the nearest candidates") {
    CHECK(did_you_mean("titel", {"title", "tags", "date"}) == "did you mean 'title'?");
    CHECK(did_you_mean("zzzzzz", {"title", "tags"}).empty());
    auto near = nearest("cases/laozhishu2", {"cases/laozhishu", "cases/other", "minutes/x"});
    REQUIRE_FALSE(near.empty());
    CHECK(near[0] == "cases/laozhishu");
}

namespace {

size_t count_of(const std::string& text, const std::string& what) {
    size_t n = 0;
    for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
}

}  // namespace

TEST_CASE("an error flood: the first 20 in full, the rest summarized by kind with counts and files") {
    // Regression: a site migrated from Hugo printed 5,527 three-line blocks.
    Diagnostics ds;
    for (int i = 0; i < 5527; ++i)
        ds.error({"content/studylists/" + std::to_string(10000 + i) + ".md", 3, 7},
                 "'2021-04-" + std::to_string(40 + i % 50) + "' is not a date", "dates are written YYYY-MM-DD");
    ds.warning({"content/zz.md", 1, 1}, "unknown field 'titel'", "did you mean 'title'?");
    const std::string text = format_all(ds, SourceLines{});
    CHECK(count_of(text, ": error: ") == 20);
    CHECK(count_of(text, "  hint: ") == 20);
    CHECK(text.find("and 5,508 more:\n"
                    "  5,507 × error: '…' is not a date — in content/studylists/10020.md, "
                    "content/studylists/10021.md, content/studylists/10022.md and 5,504 more files\n"
                    "  1 × warning: unknown field '…' — in content/zz.md\n"
                    "(all of them: --errors all)\n"
                    "5,527 errors, 1 warning\n") != std::string::npos);

    const std::string all = format_all(ds, SourceLines{}, kShowAll);
    CHECK(count_of(all, ": error: ") == 5527);
    CHECK(count_of(all, ": warning: ") == 1);
    CHECK(all.find("more:") == std::string::npos);

    Diagnostics few;  // at or under the limit: nothing summarized
    for (int i = 0; i < 20; ++i) few.error({"a.md", i + 1, 1}, "x");
    CHECK(format_all(few, SourceLines{}).find("more:") == std::string::npos);
}

TEST_CASE("summary kinds drop quoted values; counts get thousands separators") {
    CHECK(message_kind("'2021-04-32' is not a date") == "'…' is not a date");
    CHECK(message_kind("unknown id 'cases/x' in 'fulfills'") == "unknown id '…' in '…'");
    CHECK(message_kind("no quotes here") == "no quotes here");
    CHECK(message_kind("it's") == "it'…");
    CHECK(with_thousands(0) == "0");
    CHECK(with_thousands(999) == "999");
    CHECK(with_thousands(1000) == "1,000");
    CHECK(with_thousands(5507) == "5,507");
    CHECK(with_thousands(1234567) == "1,234,567");
}
