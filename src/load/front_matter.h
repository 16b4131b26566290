#pragma once
// Splits a content file into its YAML front matter and its Markdown body
// (content-format §2: a first line `---`, YAML, a line `---`; UTF-8 with an
// optional BOM; LF or CRLF line ends).
#include <optional>
#include <string>
#include <string_view>

#include "core/diagnostic.h"

namespace chuxin::load {

struct FrontMatter {
    std::string yaml;    // the lines between the two `---` lines, LF line ends
    int yaml_line = 2;   // file line of the YAML's first line
    std::string body;    // everything after the closing `---` line, LF line ends
    int body_line = 1;   // file line of the body's first line
};

// BOM dropped, CRLF turned into LF (line numbers are unchanged by either).
std::string normalize_text(std::string raw);

// Byte offset of the first byte that is not valid UTF-8 (overlong forms and
// surrogates included), or npos. GBK files from older editors end up here.
size_t invalid_utf8_at(std::string_view text);

// Reports a file that is not UTF-8 at the first bad byte; true if it was.
bool report_if_not_utf8(std::string_view normalized, const std::string& file, Diagnostics& diags);

// nullopt (with an error at line 1 of `file`) when the front matter is
// missing or never closed.
std::optional<FrontMatter> split_front_matter(std::string raw, const std::string& file, Diagnostics& diags);

}  // namespace chuxin::load
