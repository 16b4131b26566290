#pragma once
// YAML for front matter and site.yaml: a small positioned tree built from
// libyaml's event parser. Why not yaml-cpp: on front matter of the bench
// corpus (400 bytes on average) yaml-cpp 0.7 costs ~190 µs per file against
// ~22 µs for libyaml, i.e. 1.6 s of CPU for 10,000 pages — more than the
// whole build's 1.4 s budget (brief, "Performance targets").
//
// Positions: libyaml counts columns in characters, which is what users see
// (content-format §8); lines are turned into file lines here.
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/diagnostic.h"

namespace chuxin::load {

struct YamlNodeData;

// A handle on a node of a parsed document (cheap to copy; valid while the
// ParsedYaml that made it lives). A default handle is "undefined".
class YamlNode {
public:
    enum class Type { Null, Scalar, Sequence, Map };

    YamlNode() = default;
    explicit YamlNode(const YamlNodeData* data) : data_(data) {}

    bool is_defined() const { return data_ != nullptr; }
    bool is_null() const;  // `~`, `null`, or nothing after the colon
    bool is_scalar() const;
    bool is_sequence() const;
    bool is_map() const;
    const std::string& scalar() const;  // "" unless a scalar
    const std::vector<YamlNode>& items() const;                          // a sequence's entries
    const std::vector<std::pair<YamlNode, YamlNode>>& pairs() const;   // a map's keys and values, in order
    size_t size() const;
    std::vector<YamlNode>::const_iterator begin() const { return items().begin(); }
    std::vector<YamlNode>::const_iterator end() const { return items().end(); }
    int line() const;    // 0-based line in the YAML text
    int column() const;  // 1-based column in code points

private:
    const YamlNodeData* data_ = nullptr;
};

struct YamlNodeData {
    YamlNode::Type type = YamlNode::Type::Null;
    std::string scalar;
    int line = 0;
    int column = 1;
    std::vector<YamlNode> items;
    std::vector<std::pair<YamlNode, YamlNode>> pairs;
};

// YAML text with its place in a file.
class YamlSource {
public:
    YamlSource(std::string file, std::string text, int first_line);

    const std::string& file() const { return file_; }
    const std::string& text() const { return text_; }
    // The 0-based line `index` of the text, without its '\n' ("" past the end).
    std::string_view line(int index) const;
    int line_count() const { return static_cast<int>(starts_.size()); }
    SourcePos pos(const YamlNode& node) const;
    // File position of 0-based text line `index`, 1-based code-point column `col`.
    SourcePos pos_at(int index, int col) const;
    // File position of byte `byte_col` on 0-based text line `index`.
    SourcePos pos_at_byte(int index, size_t byte_col) const;

private:
    std::string file_;
    std::string text_;
    int first_line_;
    std::vector<size_t> starts_;  // byte offset of each line
};

// Parses YAML text that starts on `first_line` of `file`. Syntax errors are
// reported at their file position with a hint; `root` is nullopt then.
// Two slips common with Chinese input methods are caught first and reported
// precisely: a full-width colon after a field name (`title：…`) and tabs used
// for indentation; the text is repaired so that the rest is still checked.
struct ParsedYaml {
    YamlSource source;
    std::unique_ptr<std::deque<YamlNodeData>> nodes;  // owns what `root` points into
    std::optional<YamlNode> root;
};
ParsedYaml parse_yaml(std::string file, std::string text, int first_line, Diagnostics& diags);

}  // namespace chuxin::load
