#pragma once
// A change set whose files all hold the bytes they held at the last build
// (an editor's save without an edit, `touch`, a `git checkout` of the same
// commit) changes no output: every output is a function of those bytes and
// the build's options. SkipUnchanged answers it with the last outcome,
// without a build. It keeps the content hash of every file a build reads
// (site.yaml, content/, static/, templates/, themes/), taken before each
// build it lets through.
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>

#include "serve/rebuilder.h"

namespace chuxin::serve {

// The hash of each input file under `site_root`, by path relative to it.
class InputHashes {
public:
    // Hashes every input file now.
    static InputHashes of_site(const std::string& site_root);
    // The file's hash as it is on disk now; nullopt when it is missing (or not a file).
    static std::optional<uint64_t> hash_on_disk(const std::string& site_root, const std::string& rel);

    // Whether every path of `changes` is a file that holds what it held
    // when hashed (a path never hashed, or gone, is a change).
    bool unchanged(const std::string& site_root, const ChangeSet& changes) const;
    // Takes the paths of `changes` as they are on disk now.
    void update(const std::string& site_root, const ChangeSet& changes);
    size_t size() const { return hashes_.size(); }

private:
    std::map<std::string, uint64_t> hashes_;
};

// Wraps `inner`: a change set of unchanged files gets the last outcome back
// (with nothing written and its own time), others go to `inner`.
std::unique_ptr<Rebuilder> make_skip_unchanged(std::unique_ptr<Rebuilder> inner, std::string site_root);

}  // namespace chuxin::serve
