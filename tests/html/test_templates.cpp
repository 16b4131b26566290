#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "core/memory_output.h"
#include "fixture.h"
#include "html/html.h"

using namespace chuxin;
namespace fs = std::filesystem;

namespace {

struct TempSite {
    fs::path root;
    TempSite() {
        root = fs::temp_directory_path() / ("chuxin-html-test-" + std::to_string(::getpid()));
        fs::remove_all(root);
        fs::create_directories(root);
    }
    ~TempSite() { fs::remove_all(root); }
    void write(const std::string& rel, const std::string& text) const {
        fs::create_directories((root / rel).parent_path());
        std::ofstream(root / rel, std::ios::binary) << text;
    }
};

}  // namespace

TEST_CASE("template lookup: site templates/ beats the theme, which beats the built-in one") {
    TempSite tmp;
    tmp.write("templates/page.mustache", "SITE PAGE {{title}}");
    tmp.write("themes/civic/templates/page.mustache", "THEME PAGE");
    tmp.write("themes/civic/templates/case.mustache", "THEME CASE {{subject}}");
    tmp.write("themes/civic/static/css/chuxin.css", "/* theme css */");
    Diagnostics diags;
    auto set = html::load_templates(tmp.root.string(), "civic", diags);
    REQUIRE_FALSE(diags.has_errors());
    CHECK(set.source("page")->origin == "templates/page.mustache");
    CHECK(set.source("case")->origin == "themes/civic/templates/case.mustache");
    CHECK(set.source("studylist")->origin == "builtin:default/templates/studylist.mustache");
    for (const auto& name : html::template_names()) CHECK(set.has(name));

    auto site = test::fixture_site();
    site.root = tmp.root.string();
    const markdown::Documents docs = test::fixture_documents(site);
    html::RenderOptions with_docs;
    with_docs.documents = &docs;
    html::Renderer renderer(site, std::move(set), diags, with_docs);
    MemoryOutput out;
    renderer.render_all(out);
    CHECK(out.at("about/index.html").find("SITE PAGE 关于本平台") != std::string::npos);
    CHECK(out.at("cases/laozhishu/index.html").find("THEME CASE 某村党支部书记") != std::string::npos);
    CHECK(out.at("studylists/2026-q1/index.html").find("studylist-table") != std::string::npos);
    CHECK(out.at("css/chuxin.css") == "/* theme css */");
    CHECK(out.at("css/print.css").find("@page") != std::string::npos);  // built-in still there
}

TEST_CASE("a template syntax error names the template file and line") {
    TempSite tmp;
    tmp.write("templates/minutes.mustache", "<h1>{{title}}</h1>\n<p>\n{{#absent}}{{name}}\n");
    Diagnostics diags;
    auto set = html::load_templates(tmp.root.string(), "default", diags);
    REQUIRE(diags.error_count() == 1);
    const auto d = diags.sorted().front();
    CHECK(d.pos.file == "templates/minutes.mustache");
    CHECK(d.pos.line >= 1);
    CHECK(d.message.find("absent") != std::string::npos);
    // The built-in template keeps the rest of the build going.
    CHECK(set.source("minutes")->origin == "builtin:default/templates/minutes.mustache");
}

TEST_CASE("an unknown theme is an error") {
    TempSite tmp;
    Diagnostics diags;
    auto set = html::load_templates(tmp.root.string(), "nope", diags);
    CHECK(diags.has_errors());
    CHECK(set.has("layout"));
}

TEST_CASE("user templates may use partials") {
    TempSite tmp;
    tmp.write("templates/byline.mustache", "[{{title}}]");
    tmp.write("templates/page.mustache", "P {{> byline}}");
    Diagnostics diags;
    auto site = test::fixture_site();
    site.root = tmp.root.string();
    const markdown::Documents docs = test::fixture_documents(site);
    html::RenderOptions with_docs;
    with_docs.documents = &docs;
    html::Renderer renderer(site, html::load_templates(site.root, "default", diags), diags, with_docs);
    MemoryOutput out;
    renderer.render_all(out);
    CHECK(out.at("about/index.html").find("P [关于本平台]") != std::string::npos);
}
