#include <catch2/catch.hpp>

#include <libxml/parser.h>
#include <libxml/tree.h>

#include <map>
#include <memory>

#include "core/memory_output.h"
#include "fixture.h"
#include "html/feeds.h"
#include "html/html.h"

using namespace chuxin;

namespace {

struct DocFree {
    void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};
using Doc = std::unique_ptr<xmlDoc, DocFree>;

Doc parse(const std::string& xml) {
    return Doc(xmlReadMemory(xml.data(), static_cast<int>(xml.size()), "x.xml", nullptr,
                             XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING));
}

int count_children(xmlNode* parent, const char* name) {
    int n = 0;
    for (xmlNode* c = parent->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE && xmlStrEqual(c->name, BAD_CAST name)) ++n;
    return n;
}

std::map<std::string, std::string> render(const model::Site& site) {
    Diagnostics diags;
    const markdown::Documents docs = test::fixture_documents(site);
    html::RenderOptions with_docs;
    with_docs.documents = &docs;
    html::Renderer renderer(site, html::load_templates(site.root, "default", diags), diags, with_docs);
    MemoryOutput out;
    renderer.render_all(out);
    return out.files();
}

}  // namespace

TEST_CASE("sitemap.xml and feed.xml are well-formed, absolute and deterministic") {
    auto site = test::fixture_site();
    site.pages[0].title = "A & B <C>";
    const auto out = render(site);
    const auto again = render(site);
    CHECK(out.at("sitemap.xml") == again.at("sitemap.xml"));
    CHECK(out.at("feed.xml") == again.at("feed.xml"));

    Doc sitemap = parse(out.at("sitemap.xml"));
    REQUIRE(sitemap);
    xmlNode* urlset = xmlDocGetRootElement(sitemap.get());
    CHECK(xmlStrEqual(urlset->name, BAD_CAST "urlset"));
    int html_pages = 0;
    for (const auto& [path, bytes] : out)
        if (path.size() > 5 && path.compare(path.size() - 5, 5, ".html") == 0) ++html_pages;
    CHECK(count_children(urlset, "url") == html_pages);
    CHECK(out.at("sitemap.xml").find("<loc>https://study.example.org/cases/%E8%AD%A6") != std::string::npos);

    Doc feed = parse(out.at("feed.xml"));
    REQUIRE(feed);
    xmlNode* root = xmlDocGetRootElement(feed.get());
    CHECK(xmlStrEqual(root->name, BAD_CAST "feed"));
    int dated = 0;
    for (const auto& p : site.pages) dated += p.date ? 1 : 0;
    CHECK(count_children(root, "entry") == dated);
    // `updated` is the newest page date, not the clock.
    CHECK(out.at("feed.xml").find("<updated>2026-06-20T00:00:00Z</updated>") != std::string::npos);
}

// sitemap_xml writes the bytes itself; libxml2's writer is the reference,
// on base URLs and paths with every character it escapes or drops.
TEST_CASE("sitemap_xml writes what libxml2's writer writes") {
    const std::vector<std::string> bases = {"https://study.example.org", "https://a.example/b&c<d>\"e'\r\n\t\x01x/",
                                            "http://例子.中国/党建", ""};
    const std::vector<std::string> urls = {"/", "/cases/%E8%AD%A6/", "/a&b/<c>/\"d\"/", "/x\ry\x1f/", "/页/"};
    for (const auto& base : bases) {
        std::vector<html::SitemapEntry> entries;
        for (size_t i = 0; i < urls.size(); ++i) {
            html::SitemapEntry e{urls[i], std::nullopt};
            if (i % 2 == 0) e.lastmod = Date{2026, 3, static_cast<int>(i + 1)};
            entries.push_back(e);
            INFO("base " << base << ", " << entries.size() << " entries");
            CHECK(html::sitemap_xml(base, entries) == html::sitemap_xml_libxml2(base, entries));
        }
    }
    CHECK(html::sitemap_xml("https://x.org", {}) == html::sitemap_xml_libxml2("https://x.org", {}));
}
