#pragma once
// Maps cmark's node positions (1-based line, 1-based BYTE column, within the
// text cmark was given) to file positions in code points (content-format §8).
//
// cmark-gfm 0.29 gets inline columns wrong on a paragraph's continuation
// lines: it measures them from the paragraph's first-line indent, ignoring
// indentation stripped from (or container markers missing on) that line. So a
// link's reported column is checked against the source line and, when it
// does not hold a '[', moved to the nearest '[' that starts a span of the
// same length ending in ')', ']' or '>' (autolinks start at '<').
#include <string>
#include <string_view>
#include <vector>

#include "core/source_pos.h"

namespace chuxin::markdown {

class SourceLines {
public:
    SourceLines(std::string_view text, std::string file, int first_line);

    std::string_view line(int cmark_line) const;  // without its line break
    // A position from a cmark line and byte column (both 1-based).
    SourcePos pos(int cmark_line, int byte_col) const;
    // The '[' of a link that cmark reports at (line, byte_col) with its end
    // column on the same line (end_col = 0 when it ends on another line).
    SourcePos link_pos(int cmark_line, int byte_col, int end_col) const;

private:
    std::string_view text_;
    std::string file_;
    int first_line_;
    std::vector<size_t> starts_;  // byte offset of each line's start
};

}  // namespace chuxin::markdown
