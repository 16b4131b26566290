// Regression: strikethrough and autolinks came out as plain text in one
// build of two, because cmark-gfm switches its inline extensions'
// special characters on and off in a process-wide table during every parse
// (markdown/cmark_owner.h, finish_parse). Rendering on several threads must
// give exactly what rendering on one thread gives.
#include <catch2/catch.hpp>

#include <thread>

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

// Renders every document on `threads` threads at once, as the html stage does.
std::vector<std::string> render_all(const markdown::Documents& docs, int threads) {
    std::vector<std::string> html(docs.pages.size());
    std::vector<std::thread> workers;
    for (int t = 0; t < threads; ++t)
        workers.emplace_back([&, t] {
            for (size_t i = static_cast<size_t>(t); i < docs.pages.size(); i += static_cast<size_t>(threads))
                html[i] = markdown::render_html(docs.pages[i]);
        });
    for (auto& w : workers) w.join();
    return html;
}

TEST_CASE("parsing and rendering on many threads give the single-thread result") {
    model::Site one = site_of(400), many = site_of(400);
    Diagnostics d1, d2;
    const markdown::Documents docs_one = markdown::parse_site(one, {}, d1, 1);
    const std::vector<std::string> expected = render_all(docs_one, 1);
    for (int round = 0; round < 3; ++round) {
        const markdown::Documents docs_many = markdown::parse_site(many, {}, d2, 4);
        // The trees outlive their parse: rendered later, on other threads, twice.
        const std::vector<std::string> first = render_all(docs_many, 4), again = render_all(docs_many, 3);
        for (size_t i = 0; i < one.pages.size(); ++i) {
            INFO("page " << i << ", round " << round);
            REQUIRE(first[i] == expected[i]);
            REQUIRE(again[i] == expected[i]);
        }
    }
    CHECK(expected[0].find("<del>删去的话</del>") != std::string::npos);
    CHECK(expected[0].find("href=\"http://www.example.org/0\"") != std::string::npos);
}
