#pragma once
// Renders a template that kainjow parsed, walking its component tree
// ourselves. kainjow's own render() goes through a std::function per
// component, escapes into a fresh string per variable and copies every line
// twice (line buffer, then stream); at 10,000 pages that was most of the
// time spent in Mustache. Parsing, and so what a template means and which
// syntax errors it reports, stays kainjow's (templates.cpp).
//
// The walk keeps kainjow's rendering rules exactly (tests/html goldens and a
// byte-for-byte comparison of whole sites check it):
//  * {{x}} writes a string value HTML-escaped, {{{x}}} / {{&x}} as is; other
//    values (lists, objects, booleans) write nothing;
//  * {{#x}} renders its body once per item of a non-empty list, else once
//    with x pushed when x is present and neither false nor an empty list;
//    {{^x}} renders when x is absent, false or an empty list;
//  * a line that held a section tag and is left with only spaces and tabs is
//    dropped together with its line end ("standalone" lines);
//  * {{> name}} renders template `name` in place, sharing the current line.
#include <functional>
#include <string>
#include <vector>

#include "html/context.h"
#include "html/template_impl.h"

namespace chuxin::html {

// A parsed template made ready to render, once per build: kainjow's tree
// with comments and delimiter changes dropped, neighbouring text pieces
// joined (kainjow keeps every blank as its own piece) and dotted names
// marked. Immutable: shared by all render threads.
class CompiledTemplate {
public:
    explicit CompiledTemplate(const Mustache& parsed);
    ~CompiledTemplate();
    CompiledTemplate(const CompiledTemplate&) = delete;
    CompiledTemplate& operator=(const CompiledTemplate&) = delete;

    struct Node;

private:
    friend class TreeRenderer;
    std::vector<Node> nodes_;
};

// The template a partial name stands for (nullptr: renders nothing).
using PartialFinder = std::function<const CompiledTemplate*(const std::string& name)>;

// Renders `tpl` with `ctx` onto the end of `out`. Returns false (and leaves
// what was rendered so far) if partials nest deeper than a sane limit: a
// template that includes itself.
bool render_tree(const CompiledTemplate& tpl, ViewContext& ctx, const PartialFinder& partials, std::string& out);

}  // namespace chuxin::html
