#pragma once
// YAML text with its place in a file. yaml-cpp reports 0-based lines and
// byte columns relative to the text it parsed; users need 1-based file lines
// and columns in code points (content-format §8 "Positions").
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <yaml-cpp/yaml.h>

#include "core/diagnostic.h"

namespace chuxin::load {

class YamlSource {
public:
    YamlSource(std::string file, std::string text, int first_line);

    const std::string& file() const { return file_; }
    const std::string& text() const { return text_; }
    // The 0-based line `index` of the text, without its '\n' ("" past the end).
    std::string_view line(int index) const;
    int line_count() const { return static_cast<int>(starts_.size()); }
    // File position of a yaml-cpp mark; line 1 of the text if the mark is null.
    SourcePos pos(const YAML::Mark& mark) const;
    SourcePos pos(const YAML::Node& node) const { return pos(node.Mark()); }
    // File position of byte `col` on 0-based text line `index`.
    SourcePos pos_at(int index, size_t byte_col) const;

private:
    std::string file_;
    std::string text_;
    int first_line_;
    std::vector<size_t> starts_;  // byte offset of each line
};

// Parses YAML text that starts on `first_line` of `file`. Syntax errors are
// reported at their file position with a hint; nullopt if it did not parse.
// Two slips common with Chinese input methods are caught first and reported
// precisely: a full-width colon after a field name (`title：…`) and tabs used
// for indentation; the text is repaired so that the rest is still checked.
struct ParsedYaml {
    YamlSource source;
    std::optional<YAML::Node> root;
};
ParsedYaml parse_yaml(std::string file, std::string text, int first_line, Diagnostics& diags);

}  // namespace chuxin::load
