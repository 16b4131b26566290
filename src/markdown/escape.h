#pragma once
// HTML escaping for text and attribute values we write ourselves (headings'
// ids, reference titles, raw HTML shown as text). Quotes are escaped too, so
// the same function is safe inside double- or single-quoted attributes.
#include <string>
#include <string_view>

#include "core/html_escape.h"

namespace chuxin::markdown {

inline void append_escaped(std::string& out, std::string_view s) { append_html_escaped(out, s); }

inline std::string escaped(std::string_view s) {
    std::string out;
    out.reserve(s.size() + 8);
    append_escaped(out, s);
    return out;
}

}  // namespace chuxin::markdown
