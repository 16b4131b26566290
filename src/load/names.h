#pragma once
// Checks on names that end up in URLs and cross-references.
#include <string>
#include <string_view>

namespace chuxin::load {

// Why `s` cannot be one URL path segment (a slug, an org id), or "" if it can:
// not empty, not "." or "..", no '/', '\\', control characters, nor the
// characters that break a URL or a Windows file name (? # % : * " < > |).
std::string segment_problem(std::string_view s);

// Why `s` cannot be a page id, or "": ids are '/'-separated segments like a
// path under content/ (content-format §2), with no '#', spaces or "..".
std::string id_problem(std::string_view s);

// Why `s` cannot be an item or event id (the part after '#'), or "".
std::string anchor_problem(std::string_view s);

}  // namespace chuxin::load
