#pragma once
// Internals shared by templates.cpp and the renderer: the parsed templates.
#include <map>
#include <memory>
#include <string>

#include <kainjow/mustache.hpp>

#include "html/html.h"
#include "html/view_data.h"

namespace chuxin::html {

using Mustache = kainjow::mustache::mustache;

struct TemplateSet::Impl {
    std::map<std::string, Source> sources;
    // Parsed once at load, shared by all render workers (read-only).
    std::map<std::string, std::shared_ptr<Mustache>> parsed;
};

std::unique_ptr<Mustache> parse_template(const TemplateSet::Source& source);

// The component tree of a parsed template, for render_tree.cpp.
const kainjow::mustache::component<std::string>& root_of(const Mustache& tpl);

}  // namespace chuxin::html
