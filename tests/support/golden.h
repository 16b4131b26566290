#pragma once
// Golden files: `actual` compared with the file at `path`. With
// CHUXIN_UPDATE_GOLDEN=1 the file is rewritten and the check FAILS, so no
// run passes while regenerating: review the diff, rerun without the variable.
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace chuxin::test {

// Whether this run regenerates golden files (CHUXIN_UPDATE_GOLDEN=1).
inline bool updating_goldens() {
    const char* update = std::getenv("CHUXIN_UPDATE_GOLDEN");
    return update && std::string(update) == "1";
}

// Writes `actual` to `path`; returns the failure to report: it was rewritten
// (never "" — a regenerating run must not pass), or it could not be written.
inline std::string rewrite_golden(const std::filesystem::path& path, const std::string& actual) {
    std::filesystem::create_directories(path.parent_path());
    std::ofstream out(path, std::ios::binary);
    out << actual;
    if (!out.flush()) return "cannot write golden " + path.string();
    return "rewrote golden " + path.string() +
           " (CHUXIN_UPDATE_GOLDEN=1): review the diff, then rerun without the variable";
}

// "" when `actual` matches the golden, else a message naming the first
// differing line — or, when `update`, the message that it was rewritten.
inline std::string check_golden(const std::filesystem::path& path, const std::string& actual,
                                bool update = updating_goldens()) {
    if (update) return rewrite_golden(path, actual);
    std::ifstream in(path, std::ios::binary);
    if (!in) return "missing golden " + path.string() + " (run with CHUXIN_UPDATE_GOLDEN=1)";
    std::ostringstream buf;
    buf << in.rdbuf();
    const std::string expected = buf.str();
    if (expected == actual) return {};
    const std::string name = path.filename().string();
    std::istringstream a(actual), e(expected);
    std::string la, le;
    for (int line = 1;; ++line) {
        const bool ga = static_cast<bool>(std::getline(a, la));
        const bool ge = static_cast<bool>(std::getline(e, le));
        if (!ga && !ge) break;
        if (la != le || ga != ge)
            return name + ":" + std::to_string(line) + ": differs\n  expected: " + le + "\n  actual:   " + la;
    }
    return name + ": differs (line ends)";
}

}  // namespace chuxin::test
