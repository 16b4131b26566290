// Regression: strikethrough and autolinks came out as plain text in one
// build of two, because cmark-gfm switches its inline extensions'
// special characters on and off in a process-wide table during every parse
// (markdown/cmark_owner.h, finish_parse). Rendering on several threads must
// give exactly what rendering on one thread gives.
#include <catch2/catch.hpp>

#include "markdown/markdown.h"

using namespace chuxin;

namespace {

model::Site site_of(int pages) {
    model::Site site;
    for (int i = 0; i < pages; ++i) {
        model::Page p;
        p.path = "content/p" + std::to_string(i) + ".md";
        p.rel = "p" + std::to_string(i) + ".md";
        p.id = "p" + std::to_string(i);
        p.title = "页" + std::to_string(i);
        // Long enough that parses overlap; every page uses both extensions.
        for (int k = 0; k < 20; ++k)
            p.body += "第" + std::to_string(k) + "段，~~删去的话~~，另见 www.example.org/" + std::to_string(k) +
                      " 和 https://example.org/a。\n\n";
        site.pages.push_back(std::move(p));
    }
    return site;
}

}  // namespace

TEST_CASE("rendering on many threads gives the single-thread result") {
    model::Site one = site_of(400), many = site_of(400);
    Diagnostics d1, d2;
    markdown::render_site(one, {}, d1, 1);
    for (int round = 0; round < 3; ++round) {
        markdown::render_site(many, {}, d2, 4);
        for (size_t i = 0; i < one.pages.size(); ++i) {
            INFO("page " << i << ", round " << round);
            REQUIRE(many.pages[i].body_html == one.pages[i].body_html);
        }
    }
    CHECK(one.pages[0].body_html.find("<del>删去的话</del>") != std::string::npos);
    CHECK(one.pages[0].body_html.find("href=\"http://www.example.org/0\"") != std::string::npos);
}
