#pragma once
// Which paths the output mechanism may touch. Every path it renames onto or
// deletes comes either from a renderer or from a file in the output folder
// (the manifest, the commit journal) — and a file can be edited by anyone, so
// a path read from it is checked exactly like one a renderer gives.
#include <set>
#include <string>
#include <string_view>

namespace chuxin::site {

// chuxin's own bookkeeping in the output folder; no output may use these names.
namespace output_names {
inline constexpr const char* kManifest = ".chuxin-manifest";
inline constexpr const char* kStaging = ".chuxin-staging";
inline constexpr const char* kJournal = ".commit";
inline constexpr const char* kLock = ".chuxin-lock";
}  // namespace output_names

// True for a '/'-separated relative path of plain names: not absolute, no
// empty, "." or ".." part, no backslash, NUL or other control character, and
// not one of chuxin's bookkeeping files. Such a path cannot leave the output
// folder by its spelling; OutputFolderGuard covers symbolic links.
bool is_safe_output_path(std::string_view rel);

// Answers "does a folder on the way to this path lead outside the output?"
// A real folder is fine; a symbolic link is fine only when it resolves into
// the output folder. Folders found fine are remembered, so a commit of
// 10,000 files costs one lstat(2) per folder, not one per file and ancestor.
class OutputFolderGuard {
public:
    explicit OutputFolderGuard(std::string out_dir);

    // "" when every existing folder on the way to `rel` (not `rel` itself:
    // renaming onto or deleting a link replaces the link, not its target)
    // stays inside the output; otherwise the first folder that does not.
    std::string escaping_folder(const std::string& rel);

private:
    bool leads_inside(const std::string& abs) const;

    std::string out_;
    std::string out_real_;  // realpath of the output folder
    std::set<std::string> fine_;
    std::set<std::string> missing_;  // nothing under them exists either
};

}  // namespace chuxin::site
