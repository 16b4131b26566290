#pragma once
// (In core, not markdown: the handbook applies the same rules to the URLs of raw HTML it reads.)
// Unsafe URL schemes (content-format §8): `javascript:`, `vbscript:`,
// `file:`, and `data:` except images (`data:image/…` in an image) are dropped
// unless raw_html is on. cmark-gfm's safe mode does a similar check; ours is
// the one we document and test, and it reads the scheme the way a browser
// does (WHATWG URL: leading C0 controls and spaces stripped, tabs and line
// breaks removed, ASCII case-insensitive).
#include <string_view>

namespace chuxin {

enum class UrlUse { Link, Image };

bool is_unsafe_url(std::string_view url, UrlUse use);

// A relative-path reference (RFC 3986 §4.2): not empty, no scheme, not
// "/…", "//…", "#…" or "?…" — a file named relative to the current folder.
bool is_relative_reference(std::string_view url);

}  // namespace chuxin
