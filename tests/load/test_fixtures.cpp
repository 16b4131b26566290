// Whole-site fixtures: tests/sites/load-basic/ (valid) and one invalid site
// per error class under tests/sites/invalid/<class>/, each with the expected
// diagnostic headlines in expected.txt (style.md habit 13).
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "load/load.h"
#include "load_test_util.h"
#include "support/files.h"
#include "support/golden.h"

using namespace chuxin;
using namespace chuxin::load;
using Lines = std::vector<std::string>;
namespace fs = std::filesystem;

namespace {

const std::string kSites = std::string(CHUXIN_TEST_DATA) + "/sites";

Lines read_lines(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    Lines out;
    for (std::string line; std::getline(in, line);) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (!line.empty()) out.push_back(line);
    }
    return out;
}


std::vector<fs::path> invalid_sites() {
    std::vector<fs::path> out;
    for (const auto& entry : fs::directory_iterator(kSites + "/invalid"))
        if (entry.is_directory() && fs::exists(entry.path() / "expected.txt")) out.push_back(entry.path());
    std::sort(out.begin(), out.end());
    return out;
}

const model::Page& page(const model::Site& site, const std::string& id) {
    const model::Page* p = site.find(id);
    INFO(id);
    REQUIRE(p);
    return *p;
}

}  // namespace

TEST_CASE("invalid sites: each error class reports exactly its expected diagnostics") {
    auto sites = invalid_sites();
    REQUIRE(sites.size() >= 12);
    for (const auto& dir : sites) {
        for (int threads : {1, 2}) {
            Diagnostics diags;
            LoadOptions options;
            options.threads = threads;
            load_site(dir.string(), options, diags);
            INFO("fixture " << dir.filename().string() << " (threads " << threads << ")");
            INFO("got:\n" << load::test::joined(load::test::headlines(diags)));
            CHECK(diags.has_errors() == !dir.filename().string().ends_with("-warning"));
            // CHUXIN_UPDATE_GOLDEN=1 rewrites expected.txt and fails (tests/README.md).
            if (chuxin::test::updating_goldens() && threads == 1)
                FAIL_CHECK(chuxin::test::rewrite_golden(dir / "expected.txt", load::test::joined(load::test::headlines(diags))));
            CHECK(load::test::headlines(diags) == read_lines(dir / "expected.txt"));
        }
    }
}

TEST_CASE("load-basic: a whole valid site loads without diagnostics") {
    Diagnostics diags;
    model::Site site = load_site(kSites + "/load-basic", {}, diags);
    INFO(load::test::joined(load::test::headlines(diags)));
    REQUIRE(diags.sorted().empty());

    CHECK(site.config.title == "示例区委理论学习平台");
    CHECK(site.config.orgs.size() == 2);
    Lines ids;
    for (const auto& p : site.pages) ids.push_back(p.id);
    // Path order; the draft is skipped; _index.md files are not pages.
    CHECK(ids == Lines{"about", "cases/laozhishu", "cases/老支书", "checklists/2026", "handbooks/2026",
                       "minutes/2026-01-15-shenghuohui", "minutes/2026-03-03-zhutidangri",
                       "minutes/2026-06-20-huitoukan", "schedules/2026", "studylists/2026-q1"});
    CHECK(page(site, "cases/老支书").url == "/cases/老支书/");
    CHECK(page(site, "cases/laozhishu").url == "/cases/lao-zhi-shu/");
    CHECK(page(site, "schedules/2026").as<model::Schedule>()->events.size() == 3);
    CHECK(page(site, "checklists/2026").as<model::Checklist>()->items.size() == 2);

    const auto* book = page(site, "handbooks/2026").as<model::Handbook>();
    REQUIRE(book);
    REQUIRE(book->include.size() == 3);
    auto ids_of = [&](const std::vector<int>& pages) {
        Lines out;
        for (int i : pages) out.push_back(site.pages[static_cast<size_t>(i)].id);
        return out;
    };
    CHECK(ids_of(book->include[0].pages) == Lines{"schedules/2026"});
    CHECK(ids_of(book->include[1].pages) == Lines{"studylists/2026-q1"});
    CHECK(ids_of(book->include[2].pages) == Lines{"cases/老支书", "cases/laozhishu"});  // by weight

    REQUIRE(site.sections.count("cases"));
    const model::Section& cases = site.sections.at("cases");
    CHECK(cases.title == "典型案例");
    CHECK(cases.source == "content/cases/_index.md");
    CHECK(cases.intro_markdown.find("先进典型") != std::string::npos);
    CHECK(cases.pages.size() == 2);
    CHECK(site.sections.at("").title == "首页");
    CHECK(site.sections.at("").children == Lines{"cases", "checklists", "handbooks", "minutes", "schedules",
                                                 "studylists"});
    CHECK(site.sections.at("minutes").title == "minutes");  // no _index.md: the folder name
    // Newest first inside a section.
    CHECK(ids_of(site.sections.at("minutes").pages) ==
          Lines{"minutes/2026-06-20-huitoukan", "minutes/2026-03-03-zhutidangri", "minutes/2026-01-15-shenghuohui"});

    CHECK(site.content_assets == Lines{"cases/laozhishu.jpg"});
    CHECK(site.static_files == Lines{"css/extra.css", "logo.png"});
}

TEST_CASE("load-basic: drafts are loaded when asked") {
    Diagnostics diags;
    LoadOptions options;
    options.include_drafts = true;
    model::Site site = load_site(kSites + "/load-basic", options, diags);
    CHECK(diags.sorted().empty());
    REQUIRE(site.find("minutes/draft"));
    CHECK(site.find("minutes/draft")->draft);
}

TEST_CASE("threads: one thread and two threads give the same site and diagnostics") {
    // Enough files for the loader to use its threads, some with errors.
    const chuxin::test::TempDir tmp("load-threads");
    const fs::path& root = tmp.path;
    fs::create_directories(root / "content" / "cases");
    std::ofstream(root / "site.yaml") << "title: 测试\n";
    for (int i = 0; i < 300; ++i) {
        std::ostringstream text;
        text << "---\ntitle: 第" << i << "篇\n";
        if (i % 37 == 0) text << "titel: x\n";
        if (i % 41 == 0) text << "date: 2026-02-30\n";
        text << "weight: " << i % 5 << "\n---\n正文 " << i << "\n";
        std::ofstream(root / "content" / "cases" / ("p" + std::to_string(i) + ".md")) << text.str();
    }
    Diagnostics d1, d2;
    LoadOptions one;
    one.threads = 1;
    LoadOptions two;
    two.threads = 2;
    model::Site a = load_site(root.string(), one, d1);
    model::Site b = load_site(root.string(), two, d2);
    CHECK(a.pages.size() == 300);
    CHECK(d1.error_count() == 9 + 8);
    CHECK(load::test::headlines(d1) == load::test::headlines(d2));
    REQUIRE(a.pages.size() == b.pages.size());
    for (size_t i = 0; i < a.pages.size(); ++i) {
        CHECK(a.pages[i].id == b.pages[i].id);
        CHECK(a.pages[i].body == b.pages[i].body);
    }
    CHECK(a.by_id == b.by_id);
    CHECK(a.sections.at("cases").pages == b.sections.at("cases").pages);
}
