#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "model/kinds.h"
#include "site/embedded.h"
#include "site/scaffold.h"
#include "support/files.h"

namespace fs = std::filesystem;
using namespace chuxin;
using chuxin::test::slurp;

namespace {
fs::path fresh(const std::string& name) {
    fs::path p = fs::temp_directory_path() / ("chuxin-scaffold-" + std::to_string(::getpid()) + "-" + name);
    fs::remove_all(p);
    return p;
}
}  // namespace

TEST_CASE("every kind of the table has an archetype compiled in, and nothing else has one") {
    for (const auto& info : model::kKinds) {
        INFO(info.name << ": add templates/archetypes/" << info.name << ".md");
        CHECK(site::archetype_of(info.name) != nullptr);
    }
    for (const auto& f : site::archetype_files()) {
        std::string name = fs::path(f.path).stem().string();
        INFO(f.path << " is the archetype of no kind in model/kinds.h");
        CHECK(model::kind_named(name) != nullptr);
    }
}

TEST_CASE("new site writes the starter and refuses a non-empty folder") {
    fs::path dir = fresh("site");
    Diagnostics d;
    REQUIRE(site::new_site(dir.string(), d));
    CHECK(fs::exists(dir / "site.yaml"));
    CHECK(fs::exists(dir / "content/_index.md"));
    Diagnostics again;
    CHECK_FALSE(site::new_site(dir.string(), again));
    CHECK(again.has_errors());
    fs::remove_all(dir);
}

TEST_CASE("new KIND PATH fills title and date, never overwrites, suggests kinds") {
    fs::path dir = fresh("kind");
    fs::create_directories(dir / "content");
    Diagnostics d;
    std::string written = site::new_content(dir.string(), "case", "cases/老支书", Date{2026, 3, 3}, d);
    REQUIRE_FALSE(written.empty());
    std::string text = slurp(written);
    CHECK(text.find("老支书") != std::string::npos);
    CHECK(text.find("{{title}}") == std::string::npos);
    CHECK(text.find("{{date}}") == std::string::npos);
    Diagnostics twice;
    CHECK(site::new_content(dir.string(), "case", "cases/老支书", Date{2026, 3, 3}, twice).empty());
    CHECK(twice.has_errors());
    Diagnostics typo;
    CHECK(site::new_content(dir.string(), "minute", "minutes/x", Date{2026, 3, 3}, typo).empty());
    REQUIRE(typo.has_errors());
    CHECK(typo.sorted()[0].hint.find("minutes") != std::string::npos);
    fs::remove_all(dir);
}
