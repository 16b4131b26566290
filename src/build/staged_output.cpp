#include "build/staged_output.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <cerrno>

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/file.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace chuxin::build {

namespace {

constexpr uint64_t kFnvOffset = 0xcbf29ce484222325ull;
constexpr uint64_t kFnvPrime = 0x100000001b3ull;

// Advances `Lanes` FNV-1a chains over bytes [from, to) of each, in lockstep.
template <size_t Lanes>
void fnv_lockstep(const unsigned char* const* data, uint64_t* hashes, size_t from, size_t to) {
    uint64_t h[Lanes];
    for (size_t l = 0; l < Lanes; ++l) h[l] = hashes[l];
    for (size_t i = from; i < to; ++i)
        for (size_t l = 0; l < Lanes; ++l) h[l] = (h[l] ^ data[l][i]) * kFnvPrime;
    for (size_t l = 0; l < Lanes; ++l) hashes[l] = h[l];
}

}  // namespace

uint64_t content_hash(std::string_view bytes) {
    uint64_t h = kFnvOffset;
    for (unsigned char c : bytes) {
        h ^= c;
        h *= kFnvPrime;
    }
    return h;
}

void content_hashes(const std::string_view* bytes, size_t count, uint64_t* hashes) {
    if (count > kHashLanes) {  // more than one batch: batch by batch
        for (size_t i = 0; i < count; i += kHashLanes)
            content_hashes(bytes + i, std::min(kHashLanes, count - i), hashes + i);
        return;
    }
    // Shortest first: all lanes run to the shortest's end, then the others
    // go on together to the next shortest's end, and so on.
    size_t order[kHashLanes];
    for (size_t i = 0; i < count; ++i) order[i] = i;
    std::sort(order, order + count, [&](size_t a, size_t b) { return bytes[a].size() < bytes[b].size(); });
    const unsigned char* data[kHashLanes];
    uint64_t h[kHashLanes];
    for (size_t i = 0; i < count; ++i) {
        data[i] = reinterpret_cast<const unsigned char*>(bytes[order[i]].data());
        h[i] = kFnvOffset;
    }
    size_t done = 0;
    for (size_t first = 0; first < count; ++first) {
        const size_t end = bytes[order[first]].size();
        switch (count - first) {
            case 4: fnv_lockstep<4>(data + first, h + first, done, end); break;
            case 3: fnv_lockstep<3>(data + first, h + first, done, end); break;
            case 2: fnv_lockstep<2>(data + first, h + first, done, end); break;
            default: fnv_lockstep<1>(data + first, h + first, done, end); break;
        }
        done = end;
    }
    for (size_t i = 0; i < count; ++i) hashes[order[i]] = h[i];
}

std::map<std::string, uint64_t> read_manifest(const std::string& file) {
    std::map<std::string, uint64_t> out;
    std::ifstream in(file, std::ios::binary);
    std::string line;
    while (std::getline(in, line)) {
        if (line.size() < 18 || line[16] != ' ') continue;
        out[line.substr(17)] = std::stoull(line.substr(0, 16), nullptr, 16);
    }
    return out;
}

std::string format_manifest(const std::map<std::string, uint64_t>& manifest) {
    std::string out;
    char hex[20];
    for (const auto& [path, hash] : manifest) {
        std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash));
        out += hex;
        out += ' ';
        out += path;
        out += '\n';
    }
    return out;
}

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

std::string read_file(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream buf;
    buf << in.rdbuf();
    return buf.str();
}

// Moves `from` onto `to` atomically, creating parent folders.
bool move_into_place(const fs::path& from, const fs::path& to) {
    std::error_code ec;
    fs::create_directories(to.parent_path(), ec);
    // A folder where a file must go (or the reverse) was left by an older
    // layout of our own output; remove it only if it is empty.
    if (fs::is_directory(to, ec)) fs::remove(to, ec);
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

void remove_empty_parents(fs::path dir, const fs::path& stop) {
    std::error_code ec;
    while (!dir.empty() && dir != stop && fs::is_directory(dir, ec) && fs::is_empty(dir, ec)) {
        fs::remove(dir, ec);
        dir = dir.parent_path();
    }
}

}  // namespace

StagedOutput::StagedOutput(std::string out_dir, Diagnostics& diags)
    : out_(std::move(out_dir)), staging_(out_ + "/" + kStaging), diags_(diags) {
    std::error_code ec;
    fs::path manifest = fs::path(out_) / kManifest;
    if (fs::exists(out_, ec)) {
        if (!fs::is_directory(out_, ec)) {
            diags_.error({out_, 0, 0}, "the output path exists and is not a folder",
                         "choose another `build.output` in site.yaml or remove that file");
            ok_ = false;
            return;
        }
        if (!fs::exists(manifest, ec) && !holds_nothing_of_users(out_)) {
            diags_.error({out_, 0, 0},
                         "the output folder is not empty and was not made by chuxin; refusing to write into it",
                         "chuxin never overwrites a folder it did not create: empty it, or set another `build.output`");
            ok_ = false;
            return;
        }
    }
    fs::create_directories(out_, ec);
    if (ec) {
        diags_.error({out_, 0, 0}, "cannot create the output folder: " + ec.message());
        ok_ = false;
        return;
    }
    // Two builds writing one folder would interleave their files: the second
    // waits for nothing and stops with a clear message instead.
    lock_fd_ = ::open((fs::path(out_) / kLock).c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (lock_fd_ < 0 || ::flock(lock_fd_, LOCK_EX | LOCK_NB) != 0) {
        diags_.error({out_, 0, 0}, "another chuxin build is writing this output folder right now",
                     "wait for it to finish, or build into another folder with --output");
        ok_ = false;
        return;
    }
    recover_interrupted();
    old_manifest_ = read_manifest(manifest.string());
    fs::create_directories(staging_, ec);
}

StagedOutput::~StagedOutput() {
    if (!finished_ && ok_) abandon();
    if (lock_fd_ >= 0) ::close(lock_fd_);  // releases the flock
}

void StagedOutput::recover_interrupted() {
    std::error_code ec;
    fs::path journal = fs::path(staging_) / kJournal;
    if (fs::exists(journal, ec)) {
        // The earlier run staged everything and began to commit: finish it,
        // so the site is again the complete output of one build.
        std::string text = read_file(journal);
        std::istringstream lines(text);
        std::string line;
        while (std::getline(lines, line)) {
            if (line.size() < 2) continue;
            fs::path target = fs::path(out_) / line.substr(2);
            if (line[0] == '+') {
                fs::path staged = fs::path(staging_) / line.substr(2);
                if (fs::exists(staged, ec)) move_into_place(staged, target);
            } else if (line[0] == '-') {
                fs::remove(target, ec);
                remove_empty_parents(target.parent_path(), out_);
            }
        }
        fs::path next = fs::path(staging_) / "manifest.next";
        if (fs::exists(next, ec)) fs::rename(next, fs::path(out_) / kManifest, ec);
    }
    fs::remove_all(staging_, ec);
}

bool StagedOutput::safe_relative(const std::string& rel) const {
    if (rel.empty() || rel.front() == '/' || rel.find('\\') != std::string::npos) return false;
    if (rel.rfind(kStaging, 0) == 0 || rel == kManifest || rel == kLock) return false;
    // Every '/'-separated part must be a name: not empty, ".", or "..".
    // (A scan, not a stream: this runs once per output file.)
    // Like std::getline over the parts, a trailing '/' ends the last part.
    size_t start = 0;
    while (start < rel.size()) {
        size_t end = rel.find('/', start);
        if (end == std::string::npos) end = rel.size();
        const std::string_view part(rel.data() + start, end - start);
        if (part.empty() || part == "." || part == "..") return false;
        start = end + 1;
    }
    return true;
}

void StagedOutput::record(const std::string& rel, uint64_t hash, bool staged) {
    std::lock_guard lock(mutex_);
    new_manifest_[rel] = hash;
    if (staged) staged_.push_back(rel);
}

void StagedOutput::write(const std::string& rel, std::string_view bytes) {
    if (!safe_relative(rel)) {
        diags_.error({}, "internal: refusing to write outside the output folder: '" + rel + "'");
        return;
    }
    auto old = old_manifest_.find(rel);  // read-only after construction: no lock
    if (old == old_manifest_.end()) {
        // New to the output: staged whatever its bytes, so its hash can wait.
        if (!write_staged(rel, bytes)) {
            diags_.error({out_ + "/" + rel, 0, 0}, "cannot write this output file");
            return;
        }
        hash_later(rel, bytes);
        return;
    }
    uint64_t hash = content_hash(bytes);
    std::error_code ec;
    if (old->second == hash && fs::exists(fs::path(out_) / rel, ec)) {
        record(rel, hash, false);
        return;
    }
    if (!write_staged(rel, bytes)) {
        diags_.error({out_ + "/" + rel, 0, 0}, "cannot write this output file");
        return;
    }
    record(rel, hash, true);
}

void StagedOutput::hash_later(const std::string& rel, std::string_view bytes) {
    std::vector<PendingHash> batch;
    {
        std::lock_guard lock(mutex_);
        new_manifest_[rel] = 0;  // its place; the hash follows below or in hash_pending()
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
    for (size_t i = 0; i < batch.size(); ++i) new_manifest_[batch[i].rel] = hashes[i];
    new_manifest_[rel] = hashes[batch.size()];
}

void StagedOutput::hash_pending() {
    std::lock_guard lock(mutex_);
    std::vector<std::string_view> views;
    for (const auto& p : pending_) views.push_back(p.bytes);
    std::vector<uint64_t> hashes(views.size());
    content_hashes(views.data(), views.size(), hashes.data());
    for (size_t i = 0; i < pending_.size(); ++i) new_manifest_[pending_[i].rel] = hashes[i];
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
    std::ifstream in(source, std::ios::binary);
    if (!in) {
        diags_.error({source, 0, 0}, "cannot read this file to copy it into the output");
        return;
    }
    write(rel, read_file(source));
}

CommitStats StagedOutput::commit() {
    CommitStats stats;
    if (!ok_ || finished_) return stats;
    hash_pending();
    std::vector<std::string> staged, stale;
    {
        std::lock_guard lock(mutex_);
        staged = staged_;
        for (const auto& [path, hash] : old_manifest_)
            if (!new_manifest_.count(path)) stale.push_back(path);
        stats.unchanged = new_manifest_.size() - staged_.size();
    }
    std::sort(staged.begin(), staged.end());
    // Journal first: once it exists, a killed commit is rolled forward.
    std::string journal;
    for (const auto& p : staged) journal += "+ " + p + "\n";
    for (const auto& p : stale) journal += "- " + p + "\n";
    write_file(fs::path(staging_) / "manifest.next", format_manifest(new_manifest_));
    fs::path jpath = fs::path(staging_) / kJournal;
    write_file(fs::path(staging_) / "commit.tmp", journal);
    std::error_code ec;
    fs::rename(fs::path(staging_) / "commit.tmp", jpath, ec);

    stats.written = move_staged(staged);
    for (const auto& p : stale) {
        fs::path target = fs::path(out_) / p;
        if (fs::remove(target, ec)) ++stats.removed;
        remove_empty_parents(target.parent_path(), out_);
    }
    fs::rename(fs::path(staging_) / "manifest.next", fs::path(out_) / kManifest, ec);
    fs::remove_all(staging_, ec);
    finished_ = true;
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
            if (!fs::exists(fs::path(out_) / dir, ec)) {
                prefix = dir;
                break;
            }
            ++slash;
        }
        if (!prefix.empty() && move_into_place(fs::path(staging_) / prefix, fs::path(out_) / prefix)) {
            moved_dir = prefix + "/";
            ++moved;
            continue;
        }
        if (move_into_place(fs::path(staging_) / p, fs::path(out_) / p)) ++moved;
    }
    return moved;
}

void StagedOutput::abandon() {
    std::error_code ec;
    fs::remove_all(staging_, ec);
    finished_ = true;
    // An output folder this run created and left empty is ours to remove.
    if (old_manifest_.empty() && fs::is_directory(out_, ec) && holds_nothing_of_users(out_)) {
        fs::remove(fs::path(out_) / kLock, ec);
        fs::remove(out_, ec);
    }
}

std::vector<std::string> StagedOutput::paths() const {
    std::lock_guard lock(mutex_);
    std::vector<std::string> out;
    for (const auto& [p, h] : new_manifest_) out.push_back(p);
    return out;
}

}  // namespace chuxin::build
