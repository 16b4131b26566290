#pragma once
// Internals shared by templates.cpp and the renderer: the parsed templates.
#include <map>
#include <memory>
#include <string>

#include <kainjow/mustache.hpp>

#include "html/html.h"

namespace chuxin::html {

using Mustache = kainjow::mustache::mustache;
using Data = kainjow::mustache::data;

struct TemplateSet::Impl {
    std::map<std::string, Source> sources;
    // Parsed once at load; the first render worker uses these, others parse
    // their own copy (render() mutates error state, so it is not shared).
    std::map<std::string, std::shared_ptr<Mustache>> parsed;
};

std::unique_ptr<Mustache> parse_template(const TemplateSet::Source& source);

}  // namespace chuxin::html
