#include "serve/unchanged_inputs.h"

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "serve/watcher.h"
#include "site/content_hash.h"

namespace fs = std::filesystem;

namespace chuxin::serve {

namespace {

std::optional<std::string> read_whole(const fs::path& p) {
    std::error_code ec;
    if (!fs::is_regular_file(p, ec)) return std::nullopt;
    std::ifstream in(p, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream buf;
    buf << in.rdbuf();
    return buf.str();
}

}  // namespace

std::optional<uint64_t> InputHashes::hash_on_disk(const std::string& site_root, const std::string& rel) {
    auto bytes = read_whole(fs::path(site_root) / rel);
    if (!bytes) return std::nullopt;
    return site::content_hash(*bytes);
}

InputHashes InputHashes::of_site(const std::string& site_root) {
    InputHashes out;
    const fs::path root(site_root);
    if (auto h = hash_on_disk(site_root, "site.yaml")) out.hashes_["site.yaml"] = *h;
    for (const char* folder : kWatchedFolders) {
        std::error_code ec;
        fs::recursive_directory_iterator it(root / folder, fs::directory_options::skip_permission_denied, ec), end;
        for (; !ec && it != end; it.increment(ec)) {
            if (!it->is_regular_file(ec)) continue;
            const std::string rel = fs::relative(it->path(), root, ec).generic_string();
            if (auto h = hash_on_disk(site_root, rel)) out.hashes_[rel] = *h;
        }
    }
    return out;
}

bool InputHashes::unchanged(const std::string& site_root, const ChangeSet& changes) const {
    if (changes.paths.empty()) return false;  // the first build
    for (const std::string& rel : changes.paths) {
        // A path never hashed (a new file, or a folder: its files are not
        // named) is a change, and so is a file that is gone or differs.
        const auto known = hashes_.find(rel);
        const std::optional<uint64_t> now = hash_on_disk(site_root, rel);
        if (known == hashes_.end() || !now || *now != known->second) return false;
    }
    return true;
}

void InputHashes::update(const std::string& site_root, const ChangeSet& changes) {
    for (const std::string& rel : changes.paths) {
        if (auto h = hash_on_disk(site_root, rel)) {
            hashes_[rel] = *h;
            continue;
        }
        // Gone, or a folder: forget it and every file under it.
        hashes_.erase(rel);
        const std::string under = rel + "/";
        for (auto it = hashes_.lower_bound(under); it != hashes_.end() && it->first.compare(0, under.size(), under) == 0;)
            it = hashes_.erase(it);
    }
}

namespace {

class SkipUnchanged : public Rebuilder {
public:
    SkipUnchanged(std::unique_ptr<Rebuilder> inner, std::string site_root)
        : inner_(std::move(inner)), root_(std::move(site_root)) {}

    RebuildOutcome rebuild(const ChangeSet& changes) override {
        const auto start = std::chrono::steady_clock::now();
        if (last_ && hashes_.unchanged(root_, changes)) {
            RebuildOutcome same = *last_;
            same.stats = site::CommitStats{};
            same.stats.unchanged = last_->stats.written + last_->stats.unchanged;
            same.ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
            return same;
        }
        // Hashed before the build reads them: an edit made while it runs is
        // then a change against these hashes, and gets its own rebuild.
        if (changes.paths.empty()) hashes_ = InputHashes::of_site(root_);
        else hashes_.update(root_, changes);
        last_ = inner_->rebuild(changes);
        return *last_;
    }

    void tidy() override { inner_->tidy(); }

private:
    std::unique_ptr<Rebuilder> inner_;
    std::string root_;
    InputHashes hashes_;
    std::optional<RebuildOutcome> last_;
};

}  // namespace

std::unique_ptr<Rebuilder> make_skip_unchanged(std::unique_ptr<Rebuilder> inner, std::string site_root) {
    return std::make_unique<SkipUnchanged>(std::move(inner), std::move(site_root));
}

}  // namespace chuxin::serve
