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

inline model::Page rendered(std::string body, markdown::MarkdownOptions options = {}, int body_line = 1) {
    model::Page page = page_with_body(std::move(body), body_line);
    Diagnostics diags;
    markdown::render_body(page, options, diags);
    return page;
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
