#pragma once
// Running the poppler and qpdf command-line tools from tests.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "support/tools.h"

namespace chuxin::pdf_test {

using test::ToolResult;
using test::run_tool;

inline std::filesystem::path scratch_dir() {
    auto dir = std::filesystem::temp_directory_path() / "chuxin-test-pdf";
    std::filesystem::create_directories(dir);
    return dir;
}

inline void write_file(const std::filesystem::path& path, const std::string& bytes) {
    std::ofstream(path, std::ios::binary) << bytes;
}

}  // namespace chuxin::pdf_test
