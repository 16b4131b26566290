#pragma once
// HTML escaping of text and attribute values: & < > " ' (so the result is
// safe inside double- or single-quoted attributes, and is what Mustache's
// {{ }} writes). One implementation for the whole project: it is on the
// portal's hottest path (every {{ }} of every page), so runs of 8 bytes
// without a special character are copied unexamined.
#include <string>
#include <string_view>

namespace chuxin {

void append_html_escaped(std::string& out, std::string_view s);

}  // namespace chuxin
