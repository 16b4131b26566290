#pragma once
// A place in a user's file. Lines and columns are 1-based and columns count
// code points, not bytes (content-format §8 "Positions").
#include <string>

namespace chuxin {

struct SourcePos {
    std::string file;  // path as the user knows it, e.g. "content/cases/laozhishu.md"
    int line = 0;      // 0 = unknown / whole file
    int col = 0;

    bool known() const { return line > 0; }
};

}  // namespace chuxin
