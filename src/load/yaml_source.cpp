#include "load/yaml_source.h"

#include <algorithm>

#include "core/utf8.h"

namespace chuxin::load {

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

SourcePos YamlSource::pos_at(int index, size_t byte_col) const {
    // A mark just past the last line (end of input) points at the last line's end.
    if (index >= line_count() && line_count() > 0) {
        index = line_count() - 1;
        byte_col = line(index).size();
    }
    std::string_view text = line(index);
    return {file_, first_line_ + std::max(index, 0), utf8::column_of(text, byte_col)};
}

SourcePos YamlSource::pos(const YAML::Mark& mark) const {
    if (mark.is_null() || mark.line < 0) return {file_, first_line_, 1};
    return pos_at(mark.line, static_cast<size_t>(std::max(mark.column, 0)));
}

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

// Reports and repairs the input-method slips described in the header.
std::string repair_slips(const YamlSource& src, Diagnostics& diags) {
    std::string out;
    out.reserve(src.text().size());
    for (int i = 0; i < src.line_count(); ++i) {
        std::string line(src.line(i));
        size_t tabs = 0;
        while (tabs < line.size() && (line[tabs] == ' ' || line[tabs] == '\t')) ++tabs;
        if (line.find('\t') < tabs) {
            diags.error(src.pos_at(i, line.find('\t')), "tab used for indentation",
                        "YAML indents with spaces only; replace the tab with spaces");
            std::string indent;
            for (size_t k = 0; k < tabs; ++k) indent += line[k] == '\t' ? "  " : " ";
            line = indent + line.substr(tabs);
        }
        size_t colon = full_width_colon_after_key(line);
        if (colon != std::string::npos) {
            diags.error(src.pos_at(i, colon), "full-width colon '：' after a field name",
                        "write an ASCII colon and a space, e.g. 'title: 标题'");
            bool space_follows = colon + 3 < line.size() && line[colon + 3] == ' ';
            line.replace(colon, kFullWidthColon.size(), space_follows ? ":" : ": ");
        }
        out += line;
        out += '\n';
    }
    return out;
}

std::string syntax_hint(const std::string& msg) {
    if (msg.find("map value") != std::string::npos || msg.find("key") != std::string::npos)
        return "check the indentation, and put values containing ': ' or '#' in quotes, "
               "e.g. time: \"14:30-16:30\"";
    if (msg.find("flow") != std::string::npos)
        return "a list in brackets must be closed on the same line, e.g. tags: [党章, 党史]";
    if (msg.find("block entry") != std::string::npos)
        return "list entries ('- ') must line up under each other, indented with spaces";
    if (msg.find("quote") != std::string::npos)
        return "a quoted value needs its closing quote on the same line";
    return "check the indentation (spaces, not tabs) and quote values that start with "
           "'[', '{', '*', '&', '!', '|', '>', '%' or '@'";
}

}  // namespace

ParsedYaml parse_yaml(std::string file, std::string text, int first_line, Diagnostics& diags) {
    YamlSource original(file, std::move(text), first_line);
    ParsedYaml out{YamlSource(file, repair_slips(original, diags), first_line), std::nullopt};
    try {
        out.root = YAML::Load(out.source.text());
    } catch (const YAML::ParserException& e) {
        diags.error(out.source.pos(e.mark), "YAML syntax error: " + e.msg, syntax_hint(e.msg));
    } catch (const YAML::Exception& e) {
        diags.error(out.source.pos(e.mark), "YAML error: " + e.msg, syntax_hint(e.msg));
    }
    return out;
}

}  // namespace chuxin::load
