// The words the body's HTML carries besides the author's (checkbox and
// footnote back-link names) follow the site's language (body_labels.h).
#include <catch2/catch.hpp>

#include "helpers.h"
#include "markdown/body_labels.h"

using namespace chuxin;
using test::contains;

namespace {

std::string html_in(const std::string& language, std::string body) {
    markdown::MarkdownOptions options;
    options.lang = lang_of(language);
    return test::rendered(std::move(body), options).body_html;
}

size_t count(const std::string& haystack, const std::string& needle) {
    size_t n = 0;
    for (size_t at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + 1)) ++n;
    return n;
}

}  // namespace

TEST_CASE("every task-list checkbox has a name in the site's language", "[render][labels]") {
    const std::string body =
        "- [x] 已办\n- [ ] 未办\n\n"          // tight
        "1. [x] 松散\n\n   第二段\n\n2. [ ] 二\n\n"  // loose: the box goes inside the <p>
        "- 外层\n  - [ ] 内层\n    - [x] 更深\n";      // nested
    const std::string zh = html_in("", body);
    CHECK(count(zh, "<input ") == 6);
    CHECK(count(zh, "aria-label=\"已完成\"") == 3);
    CHECK(count(zh, "aria-label=\"未完成\"") == 3);
    CHECK(contains(zh, "<li><input type=\"checkbox\" checked=\"\" disabled=\"\" aria-label=\"已完成\" /> 已办</li>"));
    CHECK(contains(zh, "<li>\n<p><input type=\"checkbox\" checked=\"\" disabled=\"\" aria-label=\"已完成\" /> 松散</p>"));

    const std::string en = html_in("en", body);
    CHECK(count(en, "aria-label=\"Done\"") == 3);
    CHECK(count(en, "aria-label=\"Not done\"") == 3);
}

TEST_CASE("text that only looks like a task is left alone", "[render][labels]") {
    const std::string html = html_in("", "[x] 不是列表\n\n- 普通 [ ] 项\n");
    CHECK_FALSE(contains(html, "<input"));
}

TEST_CASE("footnote back-links are named in the site's language", "[render][labels]") {
    const std::string body = "正文[^a]，又见[^b]。\n\n[^a]: 注一。\n\n[^b]: 注二\n\n    - 列表结尾\n";
    const std::string zh = html_in("zh-CN", body);
    CHECK(count(zh, "aria-label=\"返回正文\"") == 2);
    CHECK_FALSE(contains(zh, "Back to"));
    CHECK(contains(html_in("en", body), "aria-label=\"Back to content\""));
}

TEST_CASE("parse_site takes the language from site.yaml", "[render][labels]") {
    model::Site site;
    site.config.lang = Lang::En;
    site.pages.push_back(test::page_with_body("- [ ] task[^n]\n\n[^n]: note\n"));
    Diagnostics diags;
    markdown::Documents docs = markdown::parse_site(site, {}, diags);
    const std::string html = markdown::render_html(docs.pages.at(0));
    CHECK(contains(html, "aria-label=\"Not done\""));
    CHECK(contains(html, "aria-label=\"Back to content\""));
}

TEST_CASE("label_backrefs names every cmark back-link form", "[labels]") {
    const auto& zh = markdown::body_labels(Lang::Zh);
    // cmark-gfm 0.29 (Debian 12), a later cmark-gfm, and no label at all.
    CHECK(markdown::label_backrefs(
              "<p>a <a href=\"#fnref-1\" class=\"footnote-backref\" data-footnote-backref "
              "aria-label=\"Back to content\">↩</a></p>",
              zh) ==
          "<p>a <a href=\"#fnref-1\" class=\"footnote-backref\" data-footnote-backref "
          "aria-label=\"返回正文\">↩</a></p>");
    CHECK(markdown::label_backrefs("<a href=\"#fnref-2\" class=\"footnote-backref\" data-footnote-backref "
                                   "data-footnote-backref-idx=\"2\" aria-label=\"Back to reference 2\">↩</a>",
                                   zh) ==
          "<a href=\"#fnref-2\" class=\"footnote-backref\" data-footnote-backref "
          "data-footnote-backref-idx=\"2\" aria-label=\"返回正文\">↩</a>");
    CHECK(markdown::label_backrefs("x<a class=\"footnote-backref\" href=\"#fnref-3\">↩</a>y", zh) ==
          "x<a class=\"footnote-backref\" href=\"#fnref-3\" aria-label=\"返回正文\">↩</a>y");
    CHECK(markdown::label_backrefs("class=&quot;footnote-backref&quot; aria-label", zh) ==
          "class=&quot;footnote-backref&quot; aria-label");
}
