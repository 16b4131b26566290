#include <catch2/catch.hpp>

#include "core/memory_output.h"
#include "fixture.h"
#include "html/html.h"

using namespace chuxin;

TEST_CASE("content never reaches a page unescaped") {
    auto site = test::fixture_site();
    auto& about = site.pages[0];
    about.title = "<script>alert('title')</script>";
    about.summary = "\"><script>alert(2)</script>";
    about.tags = {"x\" onerror=\"alert(1)", "<img src=x onerror=alert(3)>"};
    auto* checklist = site.pages[3].as<model::Checklist>();
    checklist->items[0].issue = "<b onmouseover=alert(4)>问题</b>";
    checklist->items[0].owner = "<script>x</script>";
    auto* minutes = site.pages[6].as<model::Minutes>();
    minutes->location = "<iframe src=javascript:alert(5)>";
    minutes->absent[0].reason = "</td><script>alert(6)</script>";
    site.config.orgs[0].name = "<svg onload=alert(7)>";
    site.config.title = "<title>站点";
    site.pages[9].as<model::StudyList>()->items[1].url = "javascript:alert(8)";

    Diagnostics diags;
    const markdown::Documents docs = test::fixture_documents(site);
    html::RenderOptions with_docs;
    with_docs.documents = &docs;
    html::Renderer renderer(site, html::load_templates(site.root, "default", diags), diags, with_docs);
    MemoryOutput out;
    renderer.render_all(out);
    REQUIRE_FALSE(diags.has_errors());
    int pages = 0;
    for (const auto& [path, bytes] : out.files()) {
        if (path.size() < 5 || path.compare(path.size() - 5, 5, ".html") != 0) continue;
        ++pages;
        INFO(path);
        // The theme's search scripts are <script src="…js/search….js">; content's never get through.
        CHECK(bytes.find("<script>") == std::string::npos);
        CHECK(bytes.find("alert(6)</script>") == std::string::npos);
        CHECK(bytes.find("onerror=\"") == std::string::npos);
        CHECK(bytes.find("<img src=x") == std::string::npos);
        CHECK(bytes.find("<b onmouseover") == std::string::npos);
        CHECK(bytes.find("<iframe") == std::string::npos);
        CHECK(bytes.find("<svg onload") == std::string::npos);
        CHECK(bytes.find("javascript:alert(8)") == std::string::npos);
        CHECK(bytes.find("<title><title>") == std::string::npos);
    }
    CHECK(pages > 10);
    const auto& page = out.at("about/index.html");
    CHECK(page.find("&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;") != std::string::npos);
    CHECK(page.find("x&quot; onerror=&quot;alert(1)") != std::string::npos);
    // The XML outputs escape too (libxml2's writer).
    CHECK(out.at("feed.xml").find("<script>") == std::string::npos);
}
