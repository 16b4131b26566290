#pragma once
// The repository's default site, copied for tests that build it and edit
// it (needs CHUXIN_SOURCE_DIR, which chuxin_test defines).
#include <filesystem>

namespace chuxin::test {

// A copy of the repository's default site (with its handbook and its image).
inline void copy_default_site(const std::filesystem::path& to) {
    namespace fs = std::filesystem;
    fs::create_directories(to);
    fs::copy(fs::path(CHUXIN_SOURCE_DIR) / "site.yaml", to / "site.yaml");
    fs::copy(fs::path(CHUXIN_SOURCE_DIR) / "content", to / "content", fs::copy_options::recursive);
    if (fs::exists(fs::path(CHUXIN_SOURCE_DIR) / "static"))
        fs::copy(fs::path(CHUXIN_SOURCE_DIR) / "static", to / "static", fs::copy_options::recursive);
}

inline void replace_folder(const std::filesystem::path& from, const std::filesystem::path& to) {
    namespace fs = std::filesystem;
    fs::remove_all(to);
    fs::copy(from, to, fs::copy_options::recursive | fs::copy_options::copy_symlinks);
}

}  // namespace chuxin::test
