#include "site/staged_output.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>

#include <cerrno>

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/file.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace chuxin::site {

namespace {

// Writes a whole file; false on any failure.
bool write_file(const fs::path& p, std::string_view bytes) {
    std::error_code ec;
    fs::create_directories(p.parent_path(), ec);
    std::ofstream out(p, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.close();
    return static_cast<bool>(out);
}

std::optional<std::string> read_file(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream buf;
    buf << in.rdbuf();
    return buf.str();
}

uint64_t mtime_ns(const struct stat& st) {
    return static_cast<uint64_t>(st.st_mtim.tv_sec) * 1000000000ull + static_cast<uint64_t>(st.st_mtim.tv_nsec);
}

bool lstat_of(const std::string& path, struct stat& st) { return ::lstat(path.c_str(), &st) == 0; }

// Moves `from` onto `to` atomically, creating parent folders.
bool move_into_place(const fs::path& from, const fs::path& to) {
    std::error_code ec;
    fs::create_directories(to.parent_path(), ec);
    // A folder where a file must go (or the reverse) was left by an older
    // layout of our own output; remove it only if it is empty.
    if (fs::is_directory(fs::symlink_status(to, ec))) fs::remove(to, ec);
    fs::rename(from, to, ec);
    return !ec;
}

// True when the folder holds nothing but chuxin's own bookkeeping (a lock or
// staging left by a killed first build).
bool holds_nothing_of_users(const fs::path& dir) {
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(dir, ec)) {
        std::string name = e.path().filename().string();
        if (name != StagedOutput::kLock && name != StagedOutput::kStaging) return false;
    }
    return true;
}

// Deletes the empty folders from `dir` up to (not including) `stop`;
// `step` after each.
template <class Step>
void remove_empty_parents(fs::path dir, const fs::path& stop, Step step) {
    std::error_code ec;
    while (!dir.empty() && dir != stop && fs::is_directory(fs::symlink_status(dir, ec)) && fs::is_empty(dir, ec)) {
        fs::remove(dir, ec);
        step();
        dir = dir.parent_path();
    }
}

// Errors and warnings about many files name the first few, then count the rest.
constexpr size_t kNamedAtMost = 20;

}  // namespace

StagedOutput::StagedOutput(std::string out_dir, Diagnostics& diags, OutputOptions options)
    : out_(std::move(out_dir)), staging_(out_ + "/" + kStaging), diags_(diags), options_(std::move(options)) {
    if (!open_folder()) {
        ok_ = false;
        return;
    }
    recover_interrupted();
    if (!ok_) return;
    if (!read_old_manifest()) {
        ok_ = false;
        return;
    }
    std::error_code ec;
    fs::create_directories(staging_, ec);
}

StagedOutput::~StagedOutput() {
    if (!finished_ && ok_) abandon();
    if (lock_fd_ >= 0) ::close(lock_fd_);  // releases the flock
}

std::string StagedOutput::start_afresh_hint() const {
    return "chuxin changed nothing in the output folder. To start afresh, delete " + out_file(kManifest) +
           " and build again with --force: chuxin then rewrites every file it makes and deletes none";
}

bool StagedOutput::open_folder() {
    std::error_code ec;
    struct stat st;
    if (fs::exists(out_, ec)) {
        if (!fs::is_directory(out_, ec)) {
            diags_.error({out_, 0, 0}, "the output path exists and is not a folder",
                         "choose another `build.output` in site.yaml or remove that file");
            return false;
        }
        // A lock without a manifest: chuxin built here and the manifest was
        // deleted (to start afresh). Every file is then the user's.
        fresh_folder_ = !lstat_of(out_file(kManifest), st) && holds_nothing_of_users(out_);
        const bool chuxins = fresh_folder_ || lstat_of(out_file(kManifest), st) || lstat_of(out_file(kLock), st);
        if (!chuxins) {
            diags_.error({out_, 0, 0},
                         "the output folder is not empty and was not made by chuxin; refusing to write into it",
                         "chuxin never overwrites a folder it did not create: empty it, or set another `build.output`");
            return false;
        }
        // The staging folder is read (journal) and emptied: only ever a real
        // folder, never through a link to somewhere else.
        if (lstat_of(staging_, st) && !S_ISDIR(st.st_mode)) {
            diags_.error({staging_, 0, 0}, "this is not the staging folder chuxin makes (it is a link or a file)",
                         "chuxin reads, writes and deletes nothing through it; remove it and build again");
            return false;
        }
    } else {
        fresh_folder_ = true;
    }
    fs::create_directories(out_, ec);
    if (ec) {
        diags_.error({out_, 0, 0}, "cannot create the output folder: " + ec.message());
        return false;
    }
    // Two builds writing one folder would interleave their files: the second
    // waits for nothing and stops with a clear message instead.
    lock_fd_ = ::open(out_file(kLock).c_str(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0644);
    if (lock_fd_ < 0 || ::flock(lock_fd_, LOCK_EX | LOCK_NB) != 0) {
        diags_.error({out_, 0, 0}, "another chuxin build is writing this output folder right now",
                     "wait for it to finish, or build into another folder with --output");
        return false;
    }
    return true;
}

bool StagedOutput::read_old_manifest() {
    const std::string file = out_file(kManifest);
    struct stat st;
    if (!lstat_of(file, st)) return true;  // a first build, or starting afresh
    manifest_mtime_ns_ = mtime_ns(st);
    auto text = read_file(file);
    auto parsed = text ? parse_manifest(*text, file, start_afresh_hint(), diags_) : std::nullopt;
    if (!text) diags_.error({file, 0, 0}, "cannot read the manifest", start_afresh_hint());
    if (!parsed) return false;
    old_manifest_ = std::move(*parsed);
    return true;
}

// Every line of the journal, and the manifest that goes with it, is checked
// before the first move: a damaged journal moves and deletes nothing.
bool StagedOutput::recovery_is_sound(const std::string& journal_text) {
    const std::string journal = staging_ + "/" + kJournal;
    const std::string hint = "chuxin moved and deleted nothing. Delete " + staging_ +
                             " and build again (with --force if it then names files in the way)";
    OutputFolderGuard in_output(out_), in_staging(staging_);
    bool sound = true;
    std::istringstream lines(journal_text);
    std::string line;
    for (int n = 1; std::getline(lines, line); ++n) {
        const std::string rel = line.size() > 2 ? line.substr(2) : std::string();
        const char* problem = nullptr;
        if (line.size() < 3 || (line[0] != '+' && line[0] != '-') || line[1] != ' ')
            problem = "damaged journal of an interrupted build: not '+ <path>' or '- <path>'";
        else if (!is_safe_output_path(rel))
            problem = "damaged journal of an interrupted build: this path is not a plain path inside the output folder";
        else if (!in_output.escaping_folder(rel).empty() || !in_staging.escaping_folder(rel).empty())
            problem = "damaged journal of an interrupted build: this path goes through a link out of the output folder";
        if (problem) {
            diags_.error({journal, n, 1}, problem, hint);
            sound = false;
        }
    }
    const std::string next = staging_ + "/manifest.next";
    if (auto text = read_file(next); text && !parse_manifest(*text, next, hint, diags_)) sound = false;
    return sound;
}

void StagedOutput::recover_interrupted() {
    std::error_code ec;
    struct stat st;
    if (!lstat_of(staging_, st)) return;  // nothing left over
    const fs::path journal = fs::path(staging_) / kJournal;
    if (auto text = read_file(journal)) {
        // The earlier run staged everything and began to commit: finish it,
        // so the site is again the complete output of one build.
        if (!recovery_is_sound(*text)) {
            ok_ = false;
            return;
        }
        std::istringstream lines(*text);
        std::string line;
        while (std::getline(lines, line)) {
            const std::string rel = line.substr(2);
            const fs::path target = fs::path(out_file(rel));
            if (line[0] == '+') {
                const fs::path staged = fs::path(staging_) / rel;
                if (lstat_of(staged.string(), st)) {
                    move_into_place(staged, target);
                    step();
                }
            } else {
                if (fs::remove(target, ec)) step();
                // Even when the file is gone already: a killed run may have
                // deleted it and not yet its emptied folders.
                remove_empty_parents(target.parent_path(), out_, [this] { step(); });
            }
        }
        const fs::path next = fs::path(staging_) / "manifest.next";
        if (lstat_of(next.string(), st)) {
            fs::rename(next, out_file(kManifest), ec);
            step();
        }
        fs::remove(journal, ec);  // before the rest: a half-removed staging folder is only discarded
        step();
    }
    fs::remove_all(staging_, ec);
}

// Whether a listed file still holds chuxin's bytes. Reading it back is the
// proof; it is skipped (as git's index does) when the file has the size
// chuxin wrote and is older than the manifest, which the commit writes after
// every file it stages: a later change would have made the file newer. A
// file as new as the manifest, or kept before, is always read.
StagedOutput::OnDisk StagedOutput::on_disk(const std::string& rel, const ManifestEntry& old) const {
    struct stat st;
    if (!lstat_of(out_file(rel), st)) return errno == ENOENT || errno == ENOTDIR ? OnDisk::Missing : OnDisk::ChangedByUser;
    if (!S_ISREG(st.st_mode)) return OnDisk::ChangedByUser;  // a link or a folder now: not what chuxin wrote
    const bool sized = old.size != ManifestEntry::kUnknownSize;
    if (sized && static_cast<uint64_t>(st.st_size) != old.size) return OnDisk::ChangedByUser;
    if (sized && !old.kept && mtime_ns(st) < manifest_mtime_ns_) return OnDisk::AsWritten;
    auto bytes = read_file(out_file(rel));
    return bytes && content_hash(*bytes) == old.hash ? OnDisk::AsWritten : OnDisk::ChangedByUser;
}

// What a path the old build did not write holds: one lstat(2). An empty
// folder there is a leftover of an older layout and holds nothing; a folder
// with files, or a file where one of the path's folders must be, is the
// user's and never replaced (--force replaces files, not folders).
StagedOutput::InTheWay StagedOutput::in_the_way(const std::string& rel) const {
    struct stat st;
    if (!lstat_of(out_file(rel), st)) return errno == ENOTDIR ? InTheWay::Folder : InTheWay::Nothing;
    if (!S_ISDIR(st.st_mode)) return InTheWay::File;
    std::error_code ec;
    return fs::is_empty(out_file(rel), ec) ? InTheWay::Nothing : InTheWay::Folder;
}

void StagedOutput::record(const std::string& rel, const ManifestEntry& entry, bool staged) {
    std::lock_guard lock(mutex_);
    new_manifest_[rel] = entry;
    if (staged) staged_.push_back(rel);
}

// The manifest keeps chuxin's own entry for a file the user changed: the
// next build finds it changed again and warns again, until the user deletes
// it, restores it, or builds with --force.
void StagedOutput::keep_users_change(const std::string& rel, const ManifestEntry& old) {
    std::lock_guard lock(mutex_);
    new_manifest_[rel] = old;
    new_manifest_[rel].kept = true;
    kept_.push_back(rel);
}

void StagedOutput::write(const std::string& rel, std::string_view bytes) {
    if (!is_safe_output_path(rel)) {
        diags_.error({}, "internal: refusing to write outside the output folder: '" + rel + "'");
        return;
    }
    const bool force = options_.overwrite == Overwrite::Force;
    auto old = old_manifest_.find(rel);  // read-only after construction: no lock
    if (old == old_manifest_.end()) {
        const InTheWay way = fresh_folder_ ? InTheWay::Nothing : in_the_way(rel);
        if (way == InTheWay::Folder || (way == InTheWay::File && !force)) {
            std::lock_guard lock(mutex_);
            (way == InTheWay::Folder ? blocked_ : in_the_way_).push_back(rel);
            return;
        }
        // New to the output: staged whatever its bytes, so its hash can wait.
        if (!write_staged(rel, bytes)) {
            diags_.error({out_file(rel), 0, 0}, "cannot write this output file");
            return;
        }
        hash_later(rel, bytes);
        return;
    }
    const OnDisk state = on_disk(rel, old->second);
    if (state == OnDisk::ChangedByUser && !force) {
        keep_users_change(rel, old->second);
        return;
    }
    const uint64_t hash = content_hash(bytes);
    if (state == OnDisk::AsWritten && old->second.hash == hash) {
        record(rel, {hash, bytes.size()}, false);
        return;
    }
    stage(rel, bytes, hash);
}

void StagedOutput::stage(const std::string& rel, std::string_view bytes, uint64_t hash) {
    if (!write_staged(rel, bytes)) {
        diags_.error({out_file(rel), 0, 0}, "cannot write this output file");
        return;
    }
    record(rel, {hash, bytes.size()}, true);
}

void StagedOutput::hash_later(const std::string& rel, std::string_view bytes) {
    std::vector<PendingHash> batch;
    {
        std::lock_guard lock(mutex_);
        new_manifest_[rel] = {0, bytes.size()};  // its place; the hash follows below or in hash_pending()
        staged_.push_back(rel);
        if (pending_.size() + 1 < kHashLanes) {
            pending_.push_back({rel, std::string(bytes)});
            return;
        }
        batch.swap(pending_);
    }
    // A full batch: the pending files and this one, hashed outside the lock.
    std::string_view views[kHashLanes];
    uint64_t hashes[kHashLanes];
    for (size_t i = 0; i < batch.size(); ++i) views[i] = batch[i].bytes;
    views[batch.size()] = bytes;
    content_hashes(views, batch.size() + 1, hashes);
    std::lock_guard lock(mutex_);
    for (size_t i = 0; i < batch.size(); ++i) new_manifest_[batch[i].rel].hash = hashes[i];
    new_manifest_[rel].hash = hashes[batch.size()];
}

void StagedOutput::hash_pending() {
    std::lock_guard lock(mutex_);
    std::vector<std::string_view> views;
    for (const auto& p : pending_) views.push_back(p.bytes);
    std::vector<uint64_t> hashes(views.size());
    content_hashes(views.data(), views.size(), hashes.data());
    for (size_t i = 0; i < pending_.size(); ++i) new_manifest_[pending_[i].rel].hash = hashes[i];
    pending_.clear();
}

// Writes one file under the staging folder with plain POSIX calls. Folders
// are created once per build (remembered), not stat'ed again for every file:
// at 10,000 pages that is most of the build's kernel time.
bool StagedOutput::write_staged(const std::string& rel, std::string_view bytes) {
    size_t slash = rel.rfind('/');
    if (slash != std::string::npos) {
        std::string dir = rel.substr(0, slash);
        bool known;
        {
            std::lock_guard lock(mutex_);
            known = made_dirs_.count(dir) > 0;
        }
        if (!known) {
            // Mostly the parent exists (files come in path order): one mkdir(2)
            // instead of create_directories' stat of every ancestor first.
            // Mode 0777 less the umask, as create_directories makes them.
            const std::string full = staging_ + "/" + dir;
            if (::mkdir(full.c_str(), 0777) != 0 && errno != EEXIST) {
                std::error_code ec;
                fs::create_directories(full, ec);
                if (ec) return false;
            }
            std::lock_guard lock(mutex_);
            made_dirs_.insert(dir);
        }
    }
    std::string path = staging_ + "/" + rel;
    int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) return false;
    const char* data = bytes.data();
    size_t left = bytes.size();
    while (left > 0) {
        ssize_t n = ::write(fd, data, left);
        if (n < 0) {
            ::close(fd);
            return false;
        }
        data += n;
        left -= static_cast<size_t>(n);
    }
    return ::close(fd) == 0;
}

void StagedOutput::copy(const std::string& rel, const std::string& source) {
    auto bytes = read_file(source);
    if (!bytes) {
        diags_.error({source, 0, 0}, "cannot read this file to copy it into the output");
        return;
    }
    write(rel, *bytes);
}

void StagedOutput::finish_staging() {
    if (!ok_ || staging_finished_) return;
    staging_finished_ = true;
    hash_pending();
    decide_stale();
    guard_paths();
    report_in_the_way();
    report_kept();
}

// A file of the old build that this one does not make goes — unless the
// user changed it since.
void StagedOutput::decide_stale() {
    const bool force = options_.overwrite == Overwrite::Force;
    for (const auto& [rel, old] : old_manifest_) {
        if (new_manifest_.count(rel)) continue;
        if (options_.gone && !options_.gone(rel)) {
            new_manifest_[rel] = old;  // still an output, not made again this time
            continue;
        }
        switch (on_disk(rel, old)) {
            case OnDisk::Missing: break;  // already gone: nothing to delete
            case OnDisk::AsWritten: stale_.push_back(rel); break;
            case OnDisk::ChangedByUser:
                if (force) stale_.push_back(rel);
                else keep_users_change(rel, old);
                break;
        }
    }
}

// Nothing is renamed or deleted through a folder that is a link out of the
// output; checked for every path before the journal is written.
void StagedOutput::guard_paths() {
    OutputFolderGuard guard(out_);
    std::set<std::string> reported;
    auto check = [&](const std::string& rel) {
        const std::string dir = guard.escaping_folder(rel);
        if (dir.empty() || !reported.insert(dir).second) return;
        diags_.error({out_file(dir), 0, 0}, "this folder is a link that leads outside the output folder",
                     "chuxin writes and deletes nothing through it: replace the link with a real folder, "
                     "or remove it, and build again");
        refused_ = true;
    };
    for (const auto& rel : staged_) check(rel);
    for (const auto& rel : stale_) check(rel);
}

void StagedOutput::report_in_the_way() {
    report_refused(in_the_way_, "a file chuxin did not write",
                   "move it out of the output folder, or build with --force to let chuxin overwrite it; "
                   "the previous output was left as it was");
    report_refused(blocked_, "a folder of yours (or a file where a folder must be)",
                   "move it out of the output folder and build again (--force replaces files, never "
                   "folders); the previous output was left as it was");
}

void StagedOutput::report_refused(std::vector<std::string>& paths, const std::string& what,
                                  const std::string& hint) {
    if (paths.empty()) return;
    refused_ = true;
    std::sort(paths.begin(), paths.end());
    for (size_t i = 0; i < paths.size() && i < kNamedAtMost; ++i) {
        const std::string& rel = paths[i];
        const std::string wants = options_.origin ? options_.origin(rel) : std::string("this output");
        diags_.error({out_file(rel), 0, 0}, what + " is where " + wants + " must go; refusing to overwrite it",
                     hint);
    }
    if (paths.size() > kNamedAtMost)
        diags_.error({out_, 0, 0},
                     "and " + std::to_string(paths.size() - kNamedAtMost) + " more paths where " + what +
                         " is in the way",
                     hint);
}

void StagedOutput::report_kept() {
    if (kept_.empty()) return;
    std::sort(kept_.begin(), kept_.end());
    const std::string hint =
        "chuxin warns on every build until this is resolved: build with --force to let chuxin replace "
        "(or, if it no longer makes the file, delete) it, or delete or restore the file yourself";
    for (size_t i = 0; i < kept_.size() && i < kNamedAtMost; ++i)
        diags_.warning({out_file(kept_[i]), 0, 0},
                       "changed since chuxin wrote it; kept as it is (neither overwritten nor deleted)", hint);
    if (kept_.size() > kNamedAtMost)
        diags_.warning({out_, 0, 0},
                       "and " + std::to_string(kept_.size() - kNamedAtMost) +
                           " more files changed since chuxin wrote them were kept",
                       hint);
}

void StagedOutput::step() {
    if (options_.after_commit_step) options_.after_commit_step();
}

CommitStats StagedOutput::commit() {
    CommitStats stats;
    if (!ok_ || finished_) return stats;
    finish_staging();
    if (refused_) {
        abandon();
        return stats;
    }
    std::vector<std::string> staged = staged_;
    std::sort(staged.begin(), staged.end());
    stats.kept = kept_.size();
    stats.unchanged = new_manifest_.size() - staged.size() - kept_.size();
    // Journal first: once it exists, a killed commit is rolled forward.
    std::string journal;
    for (const auto& p : staged) journal += "+ " + p + "\n";
    for (const auto& p : stale_) journal += "- " + p + "\n";
    const fs::path next = fs::path(staging_) / "manifest.next", jpath = fs::path(staging_) / kJournal;
    const fs::path tmp = fs::path(staging_) / "commit.tmp";
    std::error_code ec;
    bool prepared = write_file(next, format_manifest(new_manifest_));
    if (prepared) {
        step();
        prepared = write_file(tmp, journal);
    }
    if (prepared) {
        step();
        fs::rename(tmp, jpath, ec);
        prepared = !ec;
    }
    if (!prepared) {
        diags_.error({jpath.string(), 0, 0}, "cannot write the commit journal; nothing was changed",
                     "is the disk full or the output folder read-only?");
        abandon();
        return stats;
    }
    step();

    stats.written = move_staged(staged);
    for (const auto& p : stale_) {
        const fs::path target = out_file(p);
        if (fs::remove(target, ec)) ++stats.removed;
        step();
        remove_empty_parents(target.parent_path(), out_, [this] { step(); });
    }
    fs::rename(next, out_file(kManifest), ec);
    step();
    fs::remove(jpath, ec);  // before the rest: a half-removed staging folder is only discarded
    step();
    fs::remove_all(staging_, ec);
    step();
    finished_ = true;
    stats.committed = true;
    return stats;
}

// Moves staged files into place. Where a whole staged folder is new to the
// output (a first build, a new section), the folder moves with one rename
// instead of one per file: a first build of 10,000 pages costs a handful of
// renames. A killed move is finished from the journal like any other.
size_t StagedOutput::move_staged(const std::vector<std::string>& staged) {
    size_t moved = 0;
    std::string moved_dir;  // the last folder moved whole, with a trailing '/'
    std::error_code ec;
    for (const auto& p : staged) {
        if (!moved_dir.empty() && p.compare(0, moved_dir.size(), moved_dir) == 0) {
            ++moved;
            continue;
        }
        // The highest ancestor folder of p that the output lacks.
        std::string prefix;
        size_t slash = 0;
        while ((slash = p.find('/', slash)) != std::string::npos) {
            std::string dir = p.substr(0, slash);
            if (!fs::exists(fs::symlink_status(out_file(dir), ec))) {
                prefix = dir;
                break;
            }
            ++slash;
        }
        if (!prefix.empty() && move_into_place(fs::path(staging_) / prefix, out_file(prefix))) {
            step();
            moved_dir = prefix + "/";
            ++moved;
            continue;
        }
        if (move_into_place(fs::path(staging_) / p, out_file(p))) ++moved;
        step();
    }
    return moved;
}

void StagedOutput::abandon() {
    std::error_code ec;
    fs::remove_all(staging_, ec);
    finished_ = true;
    // An output folder this run created and left empty is ours to remove.
    if (old_manifest_.empty() && fs::is_directory(out_, ec) && holds_nothing_of_users(out_)) {
        fs::remove(out_file(kLock), ec);
        fs::remove(out_, ec);
    }
}

std::vector<std::string> StagedOutput::paths() const {
    std::lock_guard lock(mutex_);
    std::vector<std::string> out;
    for (const auto& [p, e] : new_manifest_) out.push_back(p);
    return out;
}

}  // namespace chuxin::site
