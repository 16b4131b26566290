#pragma once
// Running the poppler and qpdf command-line tools from tests.
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "support/files.h"
#include "support/tools.h"

namespace chuxin::pdf_test {

using test::ToolResult;
using test::run_tool;

// This process's scratch folder (removed at exit): unique, so two checkouts
// testing at once never write over each other's files.
inline const std::filesystem::path& scratch_dir() {
    static const test::TempDir dir("pdf");
    return dir.path;
}

inline void write_file(const std::filesystem::path& path, const std::string& bytes) {
    std::ofstream(path, std::ios::binary) << bytes;
}

}  // namespace chuxin::pdf_test
