// The shared test helpers: a regenerating golden run must fail, temp
// folders must not collide.
#include <catch2/catch.hpp>

#include <unistd.h>

#include "support/files.h"
#include "support/golden.h"

using namespace chuxin;

TEST_CASE("regenerating a golden rewrites it and fails the check") {
    const test::TempDir dir("golden");
    const auto path = dir.path / "sub" / "expected.txt";
    const std::string report = test::check_golden(path, "new\n", /*update=*/true);
    CHECK(report.find("rewrote golden") != std::string::npos);  // never "": the run must not pass
    CHECK(test::slurp(path) == "new\n");
    CHECK(test::check_golden(path, "new\n", false) == "");  // the next, normal run passes
}

TEST_CASE("a golden that differs names its first differing line; a missing one says how to make it") {
    const test::TempDir dir("golden");
    test::spit(dir.path / "g.txt", "a\nb\nc\n");
    CHECK(test::check_golden(dir.path / "g.txt", "a\nx\nc\n", false) ==
          "g.txt:2: differs\n  expected: b\n  actual:   x");
    CHECK(test::check_golden(dir.path / "none.txt", "a", false).find("missing golden") == 0);
}

TEST_CASE("temp folders are unique per process and per instance") {
    const test::TempDir a("same"), b("same");
    CHECK(a.path != b.path);
    CHECK(a.path.filename().string().find(std::to_string(::getpid())) != std::string::npos);
    std::filesystem::path gone;
    {
        const test::TempDir c("gone");
        gone = c.path;
        CHECK(std::filesystem::is_directory(gone));
    }
    CHECK_FALSE(std::filesystem::exists(gone));
}
