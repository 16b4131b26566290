#pragma once
// Running the poppler and qpdf command-line tools from tests.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

namespace chuxin::pdf_test {

struct ToolResult {
    int status = -1;
    std::string out;  // stdout and stderr together
};

inline ToolResult run_tool(const std::string& command) {
    ToolResult r;
    FILE* pipe = popen((command + " 2>&1").c_str(), "r");
    if (!pipe) return r;
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, pipe)) > 0) r.out.append(buf, n);
    r.status = pclose(pipe);
    return r;
}

inline std::filesystem::path scratch_dir() {
    auto dir = std::filesystem::temp_directory_path() / "chuxin-test-pdf";
    std::filesystem::create_directories(dir);
    return dir;
}

inline void write_file(const std::filesystem::path& path, const std::string& bytes) {
    std::ofstream(path, std::ios::binary) << bytes;
}

}  // namespace chuxin::pdf_test
