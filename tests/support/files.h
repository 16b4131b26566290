#pragma once
// File helpers shared by the tests that build whole sites or outputs.
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace chuxin::test {

// A fresh folder under the system temp dir, removed when the test ends.
// Unique per process and per instance (the counter), named for debugging.
struct TempDir {
    std::filesystem::path path;
    explicit TempDir(const std::string& name = "dir") {
        static int instances = 0;  // test-only: tells folders of one process apart
        path = std::filesystem::temp_directory_path() /
               ("chuxin-test-" + std::to_string(::getpid()) + "-" + std::to_string(++instances) + "-" + name);
        std::filesystem::remove_all(path);
        std::filesystem::create_directories(path);
    }
    ~TempDir() { std::filesystem::remove_all(path); }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
};

inline std::string slurp(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

inline void spit(const std::filesystem::path& p, const std::string& text) {
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
}

}  // namespace chuxin::test
