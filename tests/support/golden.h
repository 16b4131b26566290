#pragma once
// Golden files: `actual` compared with the file at `path`, or written there
// when CHUXIN_UPDATE_GOLDEN=1 (then review the diff by eye).
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace chuxin::test {

// "" when `actual` matches the golden (or it was rewritten), else a message
// naming the first differing line.
inline std::string check_golden(const std::filesystem::path& path, const std::string& actual) {
    const char* update = std::getenv("CHUXIN_UPDATE_GOLDEN");
    if (update && std::string(update) == "1") {
        std::filesystem::create_directories(path.parent_path());
        std::ofstream(path, std::ios::binary) << actual;
        return {};
    }
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
