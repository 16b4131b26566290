#include "load/yaml_source.h"

#include <algorithm>
#include <map>

#include <yaml.h>

#include "core/utf8.h"

namespace chuxin::load {

// ---------------------------------------------------------------- YamlNode

namespace {
const std::string kEmpty;
const std::vector<YamlNode> kNoItems;
const std::vector<std::pair<YamlNode, YamlNode>> kNoPairs;
}  // namespace

bool YamlNode::is_null() const { return data_ && data_->type == Type::Null; }
bool YamlNode::is_scalar() const { return data_ && data_->type == Type::Scalar; }
bool YamlNode::is_sequence() const { return data_ && data_->type == Type::Sequence; }
bool YamlNode::is_map() const { return data_ && data_->type == Type::Map; }
const std::string& YamlNode::scalar() const { return is_scalar() ? data_->scalar : kEmpty; }
const std::vector<YamlNode>& YamlNode::items() const { return is_sequence() ? data_->items : kNoItems; }
const std::vector<std::pair<YamlNode, YamlNode>>& YamlNode::pairs() const {
    return is_map() ? data_->pairs : kNoPairs;
}
size_t YamlNode::size() const { return is_map() ? data_->pairs.size() : items().size(); }
int YamlNode::line() const { return data_ ? data_->line : 0; }
int YamlNode::column() const { return data_ ? data_->column : 1; }

// ---------------------------------------------------------------- YamlSource

YamlSource::YamlSource(std::string file, std::string text, int first_line)
    : file_(std::move(file)), text_(std::move(text)), first_line_(first_line) {
    starts_.push_back(0);
    for (size_t i = 0; i < text_.size(); ++i)
        if (text_[i] == '\n' && i + 1 < text_.size()) starts_.push_back(i + 1);
}

std::string_view YamlSource::line(int index) const {
    if (index < 0 || index >= line_count()) return {};
    size_t begin = starts_[static_cast<size_t>(index)];
    size_t end = text_.find('\n', begin);
    if (end == std::string::npos) end = text_.size();
    return std::string_view(text_).substr(begin, end - begin);
}

SourcePos YamlSource::pos_at(int index, int col) const {
    // A mark past the last line (end of input) points at the last line's end.
    if (index >= line_count() && line_count() > 0) {
        index = line_count() - 1;
        col = static_cast<int>(utf8::length(line(index))) + 1;
    }
    return {file_, first_line_ + std::max(index, 0), std::max(col, 1)};
}

SourcePos YamlSource::pos_at_byte(int index, size_t byte_col) const {
    return pos_at(index, utf8::column_of(line(index), byte_col));
}

SourcePos YamlSource::pos(const YamlNode& node) const {
    if (!node.is_defined()) return {file_, first_line_, 1};
    return pos_at(node.line(), node.column());
}

// ---------------------------------------------------------------- slips

namespace {

constexpr std::string_view kFullWidthColon = "\xEF\xBC\x9A";  // U+FF1A '：'

bool is_key_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
}

// Byte offset of a '：' that directly follows a field name at the start of
// the line (after indentation and an optional "- "), or npos.
size_t full_width_colon_after_key(std::string_view line) {
    size_t i = 0;
    while (i < line.size() && line[i] == ' ') ++i;
    if (line.substr(i, 2) == "- ") i += 2;
    while (i < line.size() && line[i] == ' ') ++i;
    size_t key_begin = i;
    while (i < line.size() && is_key_char(line[i])) ++i;
    if (i == key_begin) return std::string_view::npos;
    while (i < line.size() && line[i] == ' ') ++i;
    return line.substr(i, kFullWidthColon.size()) == kFullWidthColon ? i : std::string_view::npos;
}

bool has_slip(std::string_view text) {
    return text.find('\t') != std::string_view::npos || text.find(kFullWidthColon) != std::string_view::npos;
}

// Reports and repairs the input-method slips described in the header.
std::string repair_slips(const YamlSource& src, Diagnostics& diags) {
    std::string out;
    out.reserve(src.text().size() + 16);
    for (int i = 0; i < src.line_count(); ++i) {
        std::string line(src.line(i));
        size_t indent_end = 0;
        while (indent_end < line.size() && (line[indent_end] == ' ' || line[indent_end] == '\t')) ++indent_end;
        if (line.find('\t') < indent_end) {
            diags.error(src.pos_at_byte(i, line.find('\t')), "tab used for indentation",
                        "YAML indents with spaces only; replace the tab with spaces");
            std::string indent;
            for (size_t k = 0; k < indent_end; ++k) indent += line[k] == '\t' ? "  " : " ";
            line = indent + line.substr(indent_end);
        }
        size_t colon = full_width_colon_after_key(line);
        if (colon != std::string::npos) {
            diags.error(src.pos_at_byte(i, colon), "full-width colon '：' after a field name",
                        "write an ASCII colon and a space, e.g. 'title: 标题'");
            bool space_follows = colon + 3 < line.size() && line[colon + 3] == ' ';
            line.replace(colon, kFullWidthColon.size(), space_follows ? ":" : ": ");
        }
        out += line;
        out += '\n';
    }
    return out;
}

std::string syntax_hint(const std::string& problem) {
    auto has = [&](const char* s) { return problem.find(s) != std::string::npos; };
    if (has("mapping values") || has("expected ':'") || has("expected key"))
        return "check the indentation, and put values containing ': ' or ' #' in quotes, "
               "e.g. time: \"14:30-16:30\"";
    if (has("',' or ']'") || has("',' or '}'"))
        return "a list in brackets must be closed, with ', ' between entries, e.g. tags: [党章, 党史]";
    if (has("end of stream") || has("quoted"))
        return "a quoted value needs its closing quote";
    if (has("cannot start any token"))
        return "quote values that start with '@', '`', '%', '|' or '>' followed by text";
    if (has("block entry") || has("'-'"))
        return "list entries ('- ') must line up under each other, indented with spaces";
    return "check the indentation (spaces, not tabs) and quote values that start with "
           "'[', '{', '*', '&', '!', '|', '>', '%' or '@'";
}

// ---------------------------------------------------------------- tree

// The plain scalars YAML reads as null (YAML 1.2 core schema).
bool is_null_scalar(const yaml_event_t& ev) {
    if (ev.data.scalar.style != YAML_PLAIN_SCALAR_STYLE) return false;
    std::string_view v(reinterpret_cast<const char*>(ev.data.scalar.value), ev.data.scalar.length);
    return v.empty() || v == "~" || v == "null" || v == "Null" || v == "NULL";
}

class TreeBuilder {
public:
    TreeBuilder(std::deque<YamlNodeData>& nodes, const YamlSource& src, Diagnostics& diags)
        : nodes_(nodes), src_(src), diags_(diags) {}

    // False when the event cannot be used (reported).
    bool on_event(const yaml_event_t& ev) {
        switch (ev.type) {
            case YAML_DOCUMENT_START_EVENT:
                if (++documents_ > 1) {
                    diags_.error(src_.pos_at(static_cast<int>(ev.start_mark.line),
                                             static_cast<int>(ev.start_mark.column) + 1),
                                 "a second YAML document starts here", "keep all fields in one block");
                    return false;
                }
                return true;
            case YAML_SCALAR_EVENT: {
                YamlNodeData& d = make(ev, is_null_scalar(ev) ? YamlNode::Type::Null : YamlNode::Type::Scalar);
                if (d.type == YamlNode::Type::Scalar)
                    d.scalar.assign(reinterpret_cast<const char*>(ev.data.scalar.value), ev.data.scalar.length);
                remember(ev.data.scalar.anchor, d);
                attach(YamlNode(&d));
                return true;
            }
            case YAML_SEQUENCE_START_EVENT:
            case YAML_MAPPING_START_EVENT: {
                bool seq = ev.type == YAML_SEQUENCE_START_EVENT;
                YamlNodeData& d = make(ev, seq ? YamlNode::Type::Sequence : YamlNode::Type::Map);
                remember(seq ? ev.data.sequence_start.anchor : ev.data.mapping_start.anchor, d);
                attach(YamlNode(&d));
                open_.push_back({&d, YamlNode()});
                return true;
            }
            case YAML_SEQUENCE_END_EVENT:
            case YAML_MAPPING_END_EVENT:
                if (!open_.empty()) open_.pop_back();
                return true;
            case YAML_ALIAS_EVENT: {
                std::string name(reinterpret_cast<const char*>(ev.data.alias.anchor));
                auto it = anchors_.find(name);
                if (it == anchors_.end()) {
                    diags_.error(src_.pos_at(static_cast<int>(ev.start_mark.line),
                                             static_cast<int>(ev.start_mark.column) + 1),
                                 "unknown alias '*" + name + "'", "an alias repeats a value marked '&" + name + "'");
                    return false;
                }
                attach(YamlNode(it->second));  // shared, not copied: aliases cannot blow up the tree
                return true;
            }
            default:
                return true;
        }
    }

    std::optional<YamlNode> root() const { return root_; }

private:
    struct Open {
        YamlNodeData* node;
        YamlNode pending_key;  // maps: a key waiting for its value
    };

    YamlNodeData& make(const yaml_event_t& ev, YamlNode::Type type) {
        YamlNodeData& d = nodes_.emplace_back();
        d.type = type;
        d.line = static_cast<int>(ev.start_mark.line);
        d.column = static_cast<int>(ev.start_mark.column) + 1;
        return d;
    }

    void remember(const yaml_char_t* anchor, YamlNodeData& d) {
        if (anchor) anchors_[reinterpret_cast<const char*>(anchor)] = &d;
    }

    void attach(YamlNode node) {
        if (open_.empty()) {
            root_ = node;
            return;
        }
        Open& top = open_.back();
        if (top.node->type == YamlNode::Type::Sequence) {
            top.node->items.push_back(node);
        } else if (!top.pending_key.is_defined()) {
            top.pending_key = node;
        } else {
            top.node->pairs.emplace_back(top.pending_key, node);
            top.pending_key = YamlNode();
        }
    }

    std::deque<YamlNodeData>& nodes_;
    const YamlSource& src_;
    Diagnostics& diags_;
    std::vector<Open> open_;
    std::map<std::string, const YamlNodeData*> anchors_;
    std::optional<YamlNode> root_;
    int documents_ = 0;
};

// One libyaml parser, owned (style.md habit 9).
class LibYamlParser {
public:
    LibYamlParser(const std::string& text) {
        yaml_parser_initialize(&parser_);
        yaml_parser_set_input_string(&parser_, reinterpret_cast<const unsigned char*>(text.data()), text.size());
        yaml_parser_set_encoding(&parser_, YAML_UTF8_ENCODING);
    }
    ~LibYamlParser() { yaml_parser_delete(&parser_); }
    LibYamlParser(const LibYamlParser&) = delete;
    LibYamlParser& operator=(const LibYamlParser&) = delete;
    yaml_parser_t* get() { return &parser_; }

private:
    yaml_parser_t parser_{};
};

// libyaml's problems in words a publicity-department user can act on.
std::string plain_problem(const std::string& problem, const char* context) {
    std::string_view ctx = context ? context : "";
    static const std::pair<const char*, const char*> words[] = {
        {"mapping values are not allowed", "unexpected ':' inside a value"},
        {"could not find expected ':'", "a line without 'field: value' (no ':' found)"},
        {"did not find expected key", "this line does not line up with the fields above it"},
        {"did not find expected ',' or ']'", "a list in [ ] is not closed"},
        {"did not find expected ',' or '}'", "a map in { } is not closed"},
        {"found character that cannot start any token", "a value cannot start with this character"},
        {"did not find expected '-' indicator", "list entries do not line up"},
        {"block sequence entries are not allowed", "a list entry ('- ') where a value was expected"},
    };
    for (const auto& [libyaml, plain] : words)
        if (problem.find(libyaml) != std::string::npos) return plain;
    if (problem.find("end of stream") != std::string::npos && ctx.find("quoted") != std::string_view::npos)
        return "a quoted value is not closed";
    return problem;
}

void report_syntax_error(const yaml_parser_t& p, const YamlSource& src, Diagnostics& diags) {
    std::string problem = p.problem ? p.problem : "malformed YAML";
    yaml_mark_t mark = p.problem_mark;
    // "could not find expected ':'" is found on the line after the culprit;
    // the context mark ("while scanning a simple key") is the culprit.
    if (p.context && std::string_view(p.context).find("simple key") != std::string_view::npos) mark = p.context_mark;
    SourcePos pos = src.pos_at(static_cast<int>(mark.line), static_cast<int>(mark.column) + 1);
    diags.error(pos, "YAML syntax error: " + plain_problem(problem, p.context), syntax_hint(problem));
}

}  // namespace

ParsedYaml parse_yaml(std::string file, std::string text, int first_line, Diagnostics& diags) {
    ParsedYaml out{YamlSource(file, std::move(text), first_line), std::make_unique<std::deque<YamlNodeData>>(),
                   std::nullopt};
    if (has_slip(out.source.text())) out.source = YamlSource(file, repair_slips(out.source, diags), first_line);
    LibYamlParser parser(out.source.text());
    TreeBuilder tree(*out.nodes, out.source, diags);
    for (;;) {
        yaml_event_t ev;
        if (!yaml_parser_parse(parser.get(), &ev)) {
            report_syntax_error(*parser.get(), out.source, diags);
            return out;
        }
        bool ok = tree.on_event(ev);
        bool end = ev.type == YAML_STREAM_END_EVENT;
        yaml_event_delete(&ev);
        if (!ok) return out;
        if (end) break;
    }
    out.root = tree.root();
    if (!out.root) out.root = YamlNode(&out.nodes->emplace_back());  // an empty text: null, no fields
    return out;
}

}  // namespace chuxin::load
