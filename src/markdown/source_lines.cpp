#include "markdown/source_lines.h"

#include <cstdlib>


namespace chuxin::markdown {

SourceLines::SourceLines(std::string_view text, std::string file, int first_line)
    : text_(text), file_(std::move(file)), first_line_(first_line) {
    starts_.push_back(0);
    for (size_t i = text.find('\n'); i != std::string_view::npos; i = text.find('\n', i + 1))
        starts_.push_back(i + 1);
}

std::string_view SourceLines::line(int cmark_line) const {
    if (cmark_line < 1 || static_cast<size_t>(cmark_line) > starts_.size()) return {};
    size_t begin = starts_[static_cast<size_t>(cmark_line) - 1];
    size_t end = static_cast<size_t>(cmark_line) < starts_.size()
                     ? starts_[static_cast<size_t>(cmark_line)] - 1
                     : text_.size();
    std::string_view l = text_.substr(begin, end - begin);
    if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
    return l;
}

SourcePos SourceLines::pos(int cmark_line, int byte_col) const {
    SourcePos p;
    p.file = file_;
    p.line = first_line_ + cmark_line - 1;
    size_t byte = byte_col > 0 ? static_cast<size_t>(byte_col - 1) : 0;
    // Code points before `byte`: every byte but UTF-8 continuation bytes
    // starts one (the text is well-formed after sanitize_controls).
    std::string_view l = line(cmark_line);
    int col = 1;
    for (size_t i = 0; i < byte && i < l.size(); ++i) col += (static_cast<unsigned char>(l[i]) & 0xC0) != 0x80;
    p.col = col;
    return p;
}

SourcePos SourceLines::link_pos(int cmark_line, int byte_col, int end_col) const {
    std::string_view l = line(cmark_line);
    // A link starts at '[' (or '<' for an autolink such as <ref:cases/x>).
    auto is_bracket = [&](long b) {
        if (b < 0 || static_cast<size_t>(b) >= l.size()) return false;
        char c = l[static_cast<size_t>(b)];
        return c == '[' || c == '<';
    };
    long reported = byte_col - 1;
    long span = end_col > 0 ? end_col - byte_col + 1 : 0;  // bytes from '[' to ')' or ']'
    auto fits = [&](long b) {
        if (!is_bracket(b)) return false;
        if (span <= 0) return true;
        long last = b + span - 1;
        if (last >= static_cast<long>(l.size())) return false;
        char c = l[static_cast<size_t>(last)];
        return c == ')' || c == ']' || c == '>';
    };
    if (fits(reported)) return pos(cmark_line, byte_col);
    long best = -1;
    for (int pass = 0; pass < 2 && best < 0; ++pass) {  // pass 0: span fits; pass 1: any '['
        for (long b = 0; b < static_cast<long>(l.size()); ++b) {
            bool ok = pass == 0 ? fits(b) : is_bracket(b);
            if (ok && (best < 0 || std::labs(b - reported) < std::labs(best - reported))) best = b;
        }
    }
    return pos(cmark_line, best >= 0 ? static_cast<int>(best) + 1 : byte_col);
}

}  // namespace chuxin::markdown
