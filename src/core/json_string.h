#pragma once
// JSON string literals: the report's JSON and the search index's script
// files. Escapes '"', '\\', control characters (\n \r \t \b \f, else
// \u00XX) and U+2028/U+2029 (line terminators in older JavaScript).
#include <string>
#include <string_view>

namespace chuxin {

enum class JsonIn {
    Data,    // a .json file
    Script,  // a <script> file or element: '<' as \u003c too, so "</script>" never closes it
};

void append_json_string(std::string& out, std::string_view utf8, JsonIn in = JsonIn::Data);
std::string json_string(std::string_view utf8, JsonIn in = JsonIn::Data);

}  // namespace chuxin
