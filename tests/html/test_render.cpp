#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>

#include "core/memory_output.h"
#include "fixture.h"
#include "golden.h"
#include "html/html.h"

using namespace chuxin;

namespace {

// The written files (MemoryOutput itself is not movable).
struct Files {
    std::map<std::string, std::string> map;
    bool has(const std::string& p) const { return map.count(p) > 0; }
    const std::string& at(const std::string& p) const { return map.at(p); }
    const std::map<std::string, std::string>& files() const { return map; }
};

Files render_fixture(const model::Site& site, int threads = 2) {
    Diagnostics diags;
    auto templates = html::load_templates(site.root, site.config.theme, diags);
    html::RenderOptions options;
    options.threads = threads;
    const markdown::Documents docs = test::fixture_documents(site);
    options.documents = &docs;
    html::Renderer renderer(site, std::move(templates), diags, options);
    MemoryOutput out;
    renderer.render_all(out);
    INFO(diags.error_count());
    REQUIRE_FALSE(diags.has_errors());
    return Files{out.files()};
}

bool contains(const std::string& hay, const std::string& needle) { return hay.find(needle) != std::string::npos; }

}  // namespace

TEST_CASE("every kind and every generated page matches its golden file") {
    const auto site = test::fixture_site();
    const auto out = render_fixture(site);
    const std::pair<const char*, const char*> goldens[] = {
        {"about/index.html", "page.html"},
        {"studylists/2026-q1/index.html", "studylist.html"},
        {"cases/laozhishu/index.html", "case.html"},
        {"minutes/2026-03-03-zhutidangri/index.html", "minutes.html"},
        {"minutes/2026-01-15-shenghuohui/index.html", "minutes-raised.html"},
        {"schedules/2026/index.html", "schedule.html"},
        {"checklists/2026/index.html", "checklist.html"},
        {"handbooks/2026/index.html", "handbook.html"},
        {"index.html", "home.html"},
        {"cases/index.html", "section.html"},
        {"tags/index.html", "tags.html"},
        {"tags/党章/index.html", "tag.html"},
        {"orgs/jiguan-1/index.html", "org.html"},
        {"calendar/2026-03/index.html", "month.html"},
        {"calendar/2026/index.html", "year.html"},
        {"checklists/overview/index.html", "overview.html"},
        {"sitemap.xml", "sitemap.xml"},
        {"feed.xml", "feed.xml"},
    };
    // For looking at the pages in a browser: CHUXIN_HTML_DUMP=/tmp/site.
    if (const char* dump = std::getenv("CHUXIN_HTML_DUMP")) {
        for (const auto& [path, bytes] : out.files()) {
            const auto file = std::filesystem::path(dump) / path;
            std::filesystem::create_directories(file.parent_path());
            std::ofstream(file, std::ios::binary) << bytes;
        }
    }
    for (const auto& [path, golden] : goldens) {
        INFO(path);
        REQUIRE(out.has(path));
        CHECK(test::check_golden(golden, out.at(path)) == "");
    }
}

TEST_CASE("output is identical for one and two threads, and render_one matches") {
    const auto site = test::fixture_site();
    const auto one = render_fixture(site, 1);
    const auto two = render_fixture(site, 2);
    CHECK(one.files() == two.files());

    Diagnostics diags;
    const markdown::Documents docs = test::fixture_documents(site);
    html::RenderOptions with_docs;
    with_docs.documents = &docs;
    html::Renderer renderer(site, html::load_templates(site.root, "default", diags), diags, with_docs);
    const auto paths = renderer.output_paths();
    CHECK(std::is_sorted(paths.begin(), paths.end()));
    std::vector<std::string> written;
    for (const auto& [p, bytes] : one.files()) written.push_back(p);
    CHECK(paths == written);
    MemoryOutput single;
    CHECK(renderer.render_one("minutes/2026-03-03-zhutidangri/index.html", single));
    CHECK(single.at("minutes/2026-03-03-zhutidangri/index.html") ==
          one.at("minutes/2026-03-03-zhutidangri/index.html"));
    CHECK_FALSE(renderer.render_one("no/such/index.html", single));
}

TEST_CASE("pages show their structured fields and cross-references") {
    const auto out = render_fixture(test::fixture_site());
    const auto& minutes = out.at("minutes/2026-03-03-zhutidangri/index.html");
    CHECK(contains(minutes, "has-warning"));  // 25 − 23 ≠ 1 absentee
    CHECK(contains(minutes, "../../schedules/2026/index.html#occ-theme-day-2026-03-03"));
    CHECK(contains(minutes, "../../studylists/2026-q1/index.html#dangzhang"));
    const auto& raised = out.at("minutes/2026-01-15-shenghuohui/index.html");
    CHECK(contains(raised, "../../checklists/2026/index.html#c2"));
    const auto& schedule = out.at("schedules/2026/index.html");
    CHECK(contains(schedule, "status-overdue"));
    CHECK(contains(schedule, "../../minutes/2026-03-03-zhutidangri/index.html"));
    CHECK(contains(schedule, "calendar.ics"));
    const auto& list = out.at("studylists/2026-q1/index.html");
    CHECK(contains(list, ">5.5<"));         // total hours
    CHECK(contains(list, "status-overdue")); // below the 8 required
    const auto& home = out.at("index.html");
    CHECK(contains(home, "联系服务群众不够经常"));  // overdue item
    CHECK(contains(home, "调查研究不够深入"));      // due within 30 days
    CHECK(home.find("联系服务群众不够经常") < home.find("最新会议记录"));
    // Chinese path segments are percent-encoded in links.
    CHECK(contains(out.at("cases/index.html"), "%E8%AD%A6%E7%A4%BA%E6%A1%88%E4%BE%8B/index.html"));
    CHECK(out.has("cases/警示案例/index.html"));
    CHECK(out.has("css/chuxin.css"));
    CHECK(out.has("css/print.css"));
}

TEST_CASE("English UI strings") {
    auto site = test::fixture_site();
    site.config.lang = Lang::En;
    const auto out = render_fixture(site);
    const auto& checklist = out.at("checklists/2026/index.html");
    CHECK(contains(checklist, "<html lang=\"en\">"));
    CHECK(contains(checklist, "In progress"));
    CHECK_FALSE(contains(checklist, "整改中"));
}

TEST_CASE("long lists are split into pages of 50") {
    const auto site = test::large_site(600);  // 120 pages in each section
    const auto out = render_fixture(site);
    REQUIRE(out.has("cases/index.html"));
    REQUIRE(out.has("cases/page/2/index.html"));
    REQUIRE(out.has("cases/page/3/index.html"));
    CHECK_FALSE(out.has("cases/page/4/index.html"));
    CHECK_FALSE(out.has("cases/page/1/index.html"));
    const auto& second = out.at("cases/page/2/index.html");
    CHECK(contains(second, "href=\"../../../cases/index.html\" rel=\"prev\""));
    CHECK(contains(second, "href=\"../../../cases/page/3/index.html\" rel=\"next\""));
    CHECK(contains(second, "第 2 / 3 页"));
    size_t entries = 0;
    for (size_t at = second.find("class=\"entry "); at != std::string::npos;
         at = second.find("class=\"entry ", at + 1))
        ++entries;
    CHECK(entries == 50);
    CHECK(out.has("tags/学习/page/12/index.html"));  // 600 pages carry 学习
}
