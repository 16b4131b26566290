#pragma once
// The one output mechanism for full and incremental builds.
//
// Promises (docs/architecture.md "The output mechanism", content-format §6):
//  * a killed build never leaves a half-written file: every file is written
//    completely under <out>/.chuxin-staging/ and only then renamed into place
//    (rename(2) is atomic);
//  * a failed build leaves the previous output whole: nothing is renamed
//    until the caller commits, and abandon() only removes the staging folder;
//  * an interrupted commit is finished by the next run (roll forward): the
//    staging folder holds a `.commit` journal once all files are staged;
//  * an incremental rebuild touches only what changed: the manifest
//    (site/manifest.h) keeps a hash per file chuxin wrote, and a file whose
//    new bytes hash the same is neither staged nor renamed;
//  * nothing outside the output folder is written or deleted — not through a
//    path read from the manifest or the journal (site/output_paths.h), not
//    through a symbolic link;
//  * nothing of the user's is lost: chuxin deletes or overwrites only files
//    its manifest lists and that still hold the bytes it wrote. A file the
//    user changed is kept (a warning); a file chuxin did not write where an
//    output must go stops the build (an error). Overwrite::Force lifts both.
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <vector>

#include "site/content_hash.h"
#include "site/manifest.h"
#include "site/output_paths.h"
#include "core/diagnostic.h"
#include "core/output.h"

namespace chuxin::site {

// What happens to a file in the way: one the user changed after chuxin wrote
// it, or one chuxin never wrote at a path it now writes (`chuxin build --force`).
enum class Overwrite { KeepUsersFiles, Force };

struct OutputOptions {
    Overwrite overwrite = Overwrite::KeepUsersFiles;
    // Names what wants an output path ("the page content/a.md"), for the
    // error about a file in the way. Empty: messages say "chuxin".
    std::function<std::string(const std::string& rel)> origin;
    // Called after each filesystem step of the commit, in order — and of the
    // finishing of an interrupted commit, which comes first. Tests kill the
    // process there to prove every step leaves a recoverable folder.
    std::function<void()> after_commit_step;
    // A partial build (an incremental rebuild renders only what changed):
    // a file of the previous build that this one did not write stays, with
    // its manifest entry, unless this predicate says it is gone. Empty: a
    // full build — what it did not write is stale and goes.
    std::function<bool(const std::string& rel)> gone;
};

struct CommitStats {
    bool committed = false;  // false: refused (errors reported), nothing changed
    size_t written = 0;      // files renamed into place (new or changed)
    size_t unchanged = 0;    // files whose bytes were already there
    size_t removed = 0;      // stale files of a previous build deleted
    size_t kept = 0;         // files the user changed, left as they are
};

class StagedOutput : public OutputSink {
public:
    // Prepares <out_dir>. Refuses (error, ok() false) a non-empty folder
    // chuxin never built into, and a damaged manifest or journal. Finishes or
    // discards leftovers of an interrupted earlier run.
    StagedOutput(std::string out_dir, Diagnostics& diags, OutputOptions options = {});
    ~StagedOutput() override;

    bool ok() const { return ok_; }
    void write(const std::string& rel_path, std::string_view bytes) override;
    void copy(const std::string& rel_path, const std::string& source_abs_path) override;

    // Once every output is staged: reports each file in the way (errors,
    // unless Force) and each file kept because the user changed it
    // (warnings), and which stale files go. commit() calls it when the
    // caller has not; call it first to see its errors before committing.
    void finish_staging();
    // Moves every staged file into place, deletes stale files, writes the
    // new manifest. Call only when the build had no errors; refuses (and
    // abandons) when finish_staging found files in the way.
    CommitStats commit();
    // Drops the staging folder; the previous output stays as it was.
    void abandon();

    // Outputs recorded so far in this build (sorted), for tests and `serve`.
    std::vector<std::string> paths() const;

    static constexpr const char* kManifest = output_names::kManifest;
    static constexpr const char* kStaging = output_names::kStaging;
    static constexpr const char* kJournal = output_names::kJournal;
    static constexpr const char* kLock = output_names::kLock;

private:
    // What is at an output path that the old manifest lists.
    enum class OnDisk { Missing, AsWritten, ChangedByUser };

    bool open_folder();
    bool read_old_manifest();
    void recover_interrupted();
    bool recovery_is_sound(const std::string& journal_text);
    OnDisk on_disk(const std::string& rel, const ManifestEntry& old) const;
    // What is at an output path that the old manifest does not list.
    enum class InTheWay { Nothing, File, Folder };  // Folder: or a file where a folder must be
    InTheWay in_the_way(const std::string& rel) const;
    void record(const std::string& rel, const ManifestEntry& entry, bool staged);
    void keep_users_change(const std::string& rel, const ManifestEntry& old);
    void stage(const std::string& rel, std::string_view bytes, uint64_t hash);
    bool write_staged(const std::string& rel, std::string_view bytes);
    // A new file's hash only goes into the manifest: it is hashed later, in
    // a batch of kHashLanes (content_hashes), by whichever writer fills it.
    void hash_later(const std::string& rel, std::string_view bytes);
    void hash_pending();  // the rest, before commit
    void decide_stale();
    void guard_paths();
    void report_in_the_way();
    void report_refused(std::vector<std::string>& paths, const std::string& what, const std::string& hint);
    void report_kept();
    size_t move_staged(const std::vector<std::string>& staged);
    void step();
    std::string out_file(const std::string& rel) const { return out_ + "/" + rel; }
    std::string start_afresh_hint() const;

    // Files staged whose hash is still to compute (a copy of their bytes).
    struct PendingHash {
        std::string rel;
        std::string bytes;
    };

    std::string out_;
    std::string staging_;
    Diagnostics& diags_;
    OutputOptions options_;
    bool ok_ = true;
    bool finished_ = false;
    bool staging_finished_ = false;
    bool refused_ = false;
    bool fresh_folder_ = false;  // held nothing of the user's when opened: nothing can be in the way  // finish_staging found a file in the way or a link out
    int lock_fd_ = -1;
    Manifest old_manifest_;
    uint64_t manifest_mtime_ns_ = 0;  // of the old manifest: files older are taken as written
    mutable std::mutex mutex_;
    Manifest new_manifest_;
    std::vector<std::string> staged_;
    std::vector<std::string> in_the_way_;  // files chuxin did not write, at paths it writes
    std::vector<std::string> blocked_;     // paths a folder (or a file as a folder) of the user's blocks
    std::vector<std::string> kept_;        // files the user changed, left as they are
    std::vector<std::string> stale_;       // files of the old build to delete (decided in finish_staging)
    std::set<std::string> made_dirs_;      // folders already created under staging
    std::vector<PendingHash> pending_;     // fewer than kHashLanes; under mutex_
};

}  // namespace chuxin::site
