#include <catch2/catch.hpp>

#include <filesystem>

#include "serve/request_path.h"
#include "support/files.h"

using chuxin::serve::request_rel_path;
using chuxin::serve::resolve_in_output;
using chuxin::serve::ResolvedFile;
namespace fs = std::filesystem;

TEST_CASE("a request target becomes a relative path, decoded once") {
    CHECK(request_rel_path("/") == "");
    CHECK(request_rel_path("/index.html") == "index.html");
    CHECK(request_rel_path("/cases/") == "cases/");
    CHECK(request_rel_path("/a.html?x=1#top") == "a.html");
    CHECK(request_rel_path("/%E5%AD%A6%E4%B9%A0/%E8%B5%84%E6%96%99.pdf") == "学习/资料.pdf");
    CHECK(request_rel_path("/学习/资料.pdf") == "学习/资料.pdf");
    // Decoded once: "%252e" is the name "%2e", not a dot.
    CHECK(request_rel_path("/%252e%252e/a") == "%2e%2e/a");
}

TEST_CASE("a target that could leave the output folder is refused") {
    for (const char* bad : {"/../site.yaml", "/a/../../site.yaml", "/%2e%2e/site.yaml", "/%2E%2E/site.yaml",
                            "/a/%2e%2e%2f%2e%2e%2fsite.yaml", "/..%2fsite.yaml", "/./a", "/a//b", "/a\\..\\b",
                            "/a%5c..%5cb", "/%5c", "/a%00b", "/a%0ab", "/a%7fb", "relative", "", "/a%", "/a%2", "/a%zz",
                            "/.."})
        CHECK_FALSE(request_rel_path(bad).has_value());
}

TEST_CASE("only regular files inside the output folder resolve, links out never") {
    chuxin::test::TempDir dir("serve-paths");
    const fs::path out = dir.path / "public";
    chuxin::test::spit(out / "index.html", "home");
    chuxin::test::spit(out / "cases" / "index.html", "cases");
    chuxin::test::spit(out / "学习" / "资料.pdf", "%PDF");
    chuxin::test::spit(out / ".chuxin-manifest", "x");
    chuxin::test::spit(dir.path / "secret.txt", "secret");
    fs::create_directories(dir.path / "outside");
    chuxin::test::spit(dir.path / "outside" / "index.html", "outside");
    fs::create_symlink(dir.path / "secret.txt", out / "leak.txt");
    fs::create_symlink(dir.path / "outside", out / "linked");
    fs::create_symlink(out / "index.html", out / "inside.html");  // a link within is fine

    auto resolved = [&](const std::string& rel) { return resolve_in_output(out.string(), rel); };
    CHECK(resolved("").what == ResolvedFile::What::File);
    CHECK(resolved("").abs_path == fs::canonical(out / "index.html").string());
    CHECK(resolved("cases/").what == ResolvedFile::What::File);
    CHECK(resolved("cases").what == ResolvedFile::What::NeedsSlash);
    CHECK(resolved("学习/资料.pdf").what == ResolvedFile::What::File);
    CHECK(resolved("inside.html").what == ResolvedFile::What::File);
    CHECK(resolved("leak.txt").what == ResolvedFile::What::NotFound);
    CHECK(resolved("linked/").what == ResolvedFile::What::NotFound);
    CHECK(resolved("linked/index.html").what == ResolvedFile::What::NotFound);
    CHECK(resolved(".chuxin-manifest").what == ResolvedFile::What::NotFound);
    CHECK(resolved("missing.html").what == ResolvedFile::What::NotFound);
    CHECK(resolve_in_output((dir.path / "nothing").string(), "").what == ResolvedFile::What::NotFound);
}
