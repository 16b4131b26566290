#pragma once
// Shared by the Markdown stage tests: render a body as a page would be.
#include <string>

#include "core/diagnostic.h"
#include "markdown/markdown.h"
#include "model/model.h"

namespace chuxin::test {

inline model::Page page_with_body(std::string body, int body_line = 1) {
    model::Page page;
    page.path = "content/test.md";
    page.rel = "test.md";
    page.id = "test";
    page.title = "测试页";
    page.body_line = body_line;
    page.body = std::move(body);
    return page;
}

// A page after the markdown stage, with its tree and the tree's HTML (as
// the html stage renders it, placeholders not yet expanded).
struct RenderedPage : model::Page {
    markdown::Document doc;
    std::string body_html;
};

inline RenderedPage rendered_page(model::Page page, const markdown::MarkdownOptions& options, Diagnostics& diags) {
    RenderedPage out;
    out.doc = markdown::parse_body(page, options, diags);
    out.body_html = markdown::render_html(out.doc);
    static_cast<model::Page&>(out) = std::move(page);
    return out;
}

// parse_body + render_html: fills page's headings, refs and summary, returns its HTML.
inline std::string render_into(model::Page& page, const markdown::MarkdownOptions& options, Diagnostics& diags) {
    return markdown::render_html(markdown::parse_body(page, options, diags));
}

inline RenderedPage rendered(std::string body, markdown::MarkdownOptions options = {}, int body_line = 1) {
    Diagnostics diags;
    return rendered_page(page_with_body(std::move(body), body_line), options, diags);
}

inline std::string html_of(std::string body, bool raw_html = false) {
    markdown::MarkdownOptions options;
    options.raw_html = raw_html;
    return rendered(std::move(body), options).body_html;
}

inline bool contains(const std::string& haystack, const std::string& needle) {
    return haystack.find(needle) != std::string::npos;
}

}  // namespace chuxin::test
