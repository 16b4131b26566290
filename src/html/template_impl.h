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
    // Parsed once at load, shared by all render workers (read-only).
    std::map<std::string, std::shared_ptr<Mustache>> parsed;
};

std::unique_ptr<Mustache> parse_template(const TemplateSet::Source& source);

// Cheaper ways into kainjow's data (data_access.cpp). Its public API adds a
// field only through operator[], which first default-constructs the value as
// an empty object (an allocation the assignment frees at once), and holds a
// string only as a copy. A page's view has about a hundred fields, so:
// the field map of an object (`object` must be one), to emplace into …
kainjow::mustache::object& fields_of(Data& object);
const kainjow::mustache::object& fields_of(const Data& object);
// … and a string value that takes over `text`'s buffer.
Data string_data(std::string&& text);
// The component tree of a parsed template, for render_tree.cpp.
const kainjow::mustache::component<std::string>& root_of(const Mustache& tpl);

}  // namespace chuxin::html
