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
