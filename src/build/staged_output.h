#pragma once
// The one output mechanism for full and incremental builds.
//
// Promises (DEVELOPERS.md, content-format §6):
//  * a killed build never leaves a half-written file: every file is written
//    completely under <out>/.chuxin-staging/ and only then renamed into place
//    (rename(2) is atomic);
//  * a failed build leaves the previous output whole: nothing is renamed
//    until the caller commits, and abandon() only removes the staging folder;
//  * an interrupted commit is finished by the next run (roll forward): the
//    staging folder holds a `.commit` journal once all files are staged;
//  * an incremental rebuild touches only what changed: the manifest
//    (<out>/.chuxin-manifest) keeps a hash per file chuxin wrote, and a file
//    whose new bytes hash the same is neither staged nor renamed;
//  * nothing outside the output folder is written, and chuxin deletes only
//    files its own manifest lists — never a folder it did not create.
#include <cstdint>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "core/output.h"

namespace chuxin::build {

// 64-bit FNV-1a: cheap, stable across runs and machines.
uint64_t content_hash(std::string_view bytes);
// content_hash of up to kHashLanes byte strings at once, into `hashes`.
// FNV-1a is one long dependency chain (multiply after multiply): a single
// string hashes at the multiplier's latency; several chains in lockstep
// share that wait, so a batch costs about what its longest string does.
constexpr size_t kHashLanes = 4;
void content_hashes(const std::string_view* bytes, size_t count, uint64_t* hashes);

struct CommitStats {
    size_t written = 0;    // files renamed into place (new or changed)
    size_t unchanged = 0;  // files whose bytes were already there
    size_t removed = 0;    // stale files of a previous build deleted
};

class StagedOutput : public OutputSink {
public:
    // Prepares <out_dir>. Refuses (error, returns false from ok()) a non-empty
    // folder without a chuxin manifest. Finishes or discards leftovers of an
    // interrupted earlier run.
    StagedOutput(std::string out_dir, Diagnostics& diags);
    ~StagedOutput() override;

    bool ok() const { return ok_; }
    void write(const std::string& rel_path, std::string_view bytes) override;
    void copy(const std::string& rel_path, const std::string& source_abs_path) override;

    // Moves every staged file into place, deletes stale files, writes the
    // new manifest. Call only when the build had no errors.
    CommitStats commit();
    // Drops the staging folder; the previous output stays as it was.
    void abandon();

    // Outputs recorded so far in this build (sorted), for tests and `serve`.
    std::vector<std::string> paths() const;

    static constexpr const char* kManifest = ".chuxin-manifest";
    static constexpr const char* kStaging = ".chuxin-staging";
    static constexpr const char* kJournal = ".commit";
    static constexpr const char* kLock = ".chuxin-lock";

private:
    void recover_interrupted();
    bool safe_relative(const std::string& rel) const;
    void record(const std::string& rel, uint64_t hash, bool staged);
    size_t move_staged(const std::vector<std::string>& staged);
    bool write_staged(const std::string& rel, std::string_view bytes);
    // A new file's hash only goes into the manifest: it is hashed later, in
    // a batch of kHashLanes (content_hashes), by whichever writer fills it.
    void hash_later(const std::string& rel, std::string_view bytes);
    void hash_pending();  // the rest, before commit

    // Files staged whose hash is still to compute (a copy of their bytes).
    struct PendingHash {
        std::string rel;
        std::string bytes;
    };

    std::string out_;
    std::string staging_;
    Diagnostics& diags_;
    bool ok_ = true;
    bool finished_ = false;
    int lock_fd_ = -1;
    std::map<std::string, uint64_t> old_manifest_;
    mutable std::mutex mutex_;
    std::map<std::string, uint64_t> new_manifest_;
    std::vector<std::string> staged_;
    std::set<std::string> made_dirs_;  // folders already created under staging
    std::vector<PendingHash> pending_;  // fewer than kHashLanes; under mutex_
};

// The manifest format: one "<16 hex digits> <path>" per line, sorted.
std::map<std::string, uint64_t> read_manifest(const std::string& file);
std::string format_manifest(const std::map<std::string, uint64_t>& manifest);

}  // namespace chuxin::build
