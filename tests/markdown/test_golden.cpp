// Golden: a body using every feature, rendered with raw_html off and on, its
// placeholders expanded. Rewritten (and failed) when CHUXIN_UPDATE_GOLDEN=1.
#include <catch2/catch.hpp>

#include <sstream>

#include "helpers.h"
#include "markdown/refs.h"
#include "support/files.h"
#include "support/golden.h"

using namespace chuxin;

namespace {

std::string dump(const model::Page& page, const std::string& html) {
    std::ostringstream out;
    std::string summary = page.summary;  // markers shown as ^Z (refs.h)
    for (size_t at = summary.find('\x1A'); at != std::string::npos; at = summary.find('\x1A', at))
        summary.replace(at, 1, "^Z");
    out << "summary: " << summary << "\n";
    for (const auto& h : page.headings)
        out << "heading h" << h.level << " #" << h.anchor << " @" << h.pos.line << ":" << h.pos.col << " " << h.text << "\n";
    for (const auto& r : page.body_refs) out << "ref " << r.text << " @" << r.pos.line << ":" << r.pos.col << "\n";
    out << "---\n" << html;
    return out.str();
}

void check_golden(const std::string& name, const std::string& actual) {
    CHECK(test::check_golden(std::string(CHUXIN_TEST_DATA) + "/markdown/golden/" + name, actual) == "");
}

}  // namespace

TEST_CASE("golden: feature tour", "[golden]") {
    std::string body = test::slurp(std::string(CHUXIN_TEST_DATA) + "/markdown/golden/tour.md");
    REQUIRE_FALSE(body.empty());
    model::Site site;
    model::Page target;
    target.id = "cases/laozhishu";
    target.title = "老支书的事迹";
    site.pages.push_back(target);
    site.by_id[target.id] = 0;
    auto href = [](const model::Page& t, const std::string& anchor) {
        return "../../" + t.id + "/" + (anchor.empty() ? "" : "#" + anchor);
    };
    for (bool raw : {false, true}) {
        markdown::MarkdownOptions options;
        options.raw_html = raw;
        auto page = test::page_with_body(body, 6);
        Diagnostics diags;
        const std::string body_html = test::render_into(page, options, diags);
        for (auto& ref : page.body_refs)
            if (ref.text == "cases/laozhishu") ref.page = 0;
        std::string html = markdown::expand_refs(body_html, page, site, href);
        check_golden(raw ? "tour.raw.html" : "tour.html", dump(page, html));
    }
}
