#pragma once
// Sites, runs of the binary and snapshots of output folders, for the
// end-to-end tests of the output folder's guarantees.
#include <sys/stat.h>
#include <sys/wait.h>

#include <filesystem>
#include <map>
#include <string>

#include "site/staged_output.h"
#include "support/default_site.h"
#include "support/files.h"
#include "support/tools.h"

namespace chuxin::test {

struct Run {
    int status = -1;  // as waitpid(2) gives it
    std::string output;
    int code() const { return WIFEXITED(status) ? WEXITSTATUS(status) : -1; }
    // SIGKILL, directly or through the shell that ran the binary.
    bool killed() const {
        return (WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL) || code() == 128 + SIGKILL;
    }
};

inline std::string quoted(const std::filesystem::path& p) { return "'" + p.string() + "'"; }

// `env` is prepended to the command line ("NAME=value ").
inline Run run_chuxin(const std::string& args, const std::string& env = {}) {
    const ToolResult t = run_tool(env + std::string(CHUXIN_BINARY) + " " + args);
    return Run{t.status, t.out};
}

// What an output folder holds, as the guarantees speak of it: every file's
// bytes (chuxin's lock aside), the manifest by its hashes (its stamps are
// mtimes and inodes, which differ between two builds of the same bytes).
struct Snapshot {
    std::map<std::string, std::string> files;
    std::map<std::string, uint64_t> manifest;
    bool operator==(const Snapshot&) const = default;
};

enum class Staging { Include, Skip };

inline Snapshot snapshot(const std::filesystem::path& out, Staging staging = Staging::Include) {
    namespace fs = std::filesystem;
    Snapshot s;
    if (!fs::exists(out)) return s;
    for (auto it = fs::recursive_directory_iterator(out); it != fs::recursive_directory_iterator(); ++it) {
        const auto& e = *it;
        const std::string rel = fs::relative(e.path(), out).generic_string();
        if (rel == site::StagedOutput::kLock || rel == site::StagedOutput::kManifest) continue;
        if (staging == Staging::Skip && rel == site::StagedOutput::kStaging) {
            it.disable_recursion_pending();
            continue;
        }
        if (e.is_symlink()) s.files[rel] = "-> " + fs::read_symlink(e.path()).string();
        else if (e.is_regular_file()) s.files[rel] = slurp(e.path());
        else if (e.is_directory()) s.files[rel + "/"] = "";
    }
    s.manifest = site::manifest_hashes((out / site::StagedOutput::kManifest).string());
    return s;
}

// Bytes are not enough for "left as it was": the inode and mtime of every
// file show it was not even rewritten with the same bytes.
inline std::map<std::string, std::string> stamps(const std::filesystem::path& out) {
    namespace fs = std::filesystem;
    std::map<std::string, std::string> s;
    for (const auto& e : fs::recursive_directory_iterator(out)) {
        struct stat st;
        if (::lstat(e.path().c_str(), &st) != 0) continue;
        s[fs::relative(e.path(), out).generic_string()] =
            std::to_string(st.st_ino) + "/" + std::to_string(st.st_mtim.tv_sec) + "." +
            std::to_string(st.st_mtim.tv_nsec) + "/" + std::to_string(st.st_size);
    }
    return s;
}

}  // namespace chuxin::test
