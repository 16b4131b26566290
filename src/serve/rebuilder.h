#pragma once
// The seam between `chuxin serve` and the build: the server hands a set of
// changed files to a Rebuilder and gets back what happened. The full
// rebuilder runs a whole `site::run_build` per change set; the incremental
// one (site/incremental.h) keeps the last build in memory and renders only
// what an edit changed — the same files either way.
#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "core/language.h"
#include "site/pipeline.h"

namespace chuxin::serve {

// Files that changed since the last rebuild, relative to the site folder
// ("content/a.md", "site.yaml"), sorted, each once. Empty: the first build.
struct ChangeSet {
    std::vector<std::string> paths;
};

struct RebuildOutcome {
    bool ok = false;              // false: errors; the last good output is untouched
    std::string output_dir;       // where the site is (also after a failure)
    Lang lang = Lang::Zh;         // the site's language, for the overlay
    site::CommitStats stats;      // files written, removed, unchanged
    size_t pages = 0;
    double ms = 0;                // wall time of the rebuild
    std::vector<Diagnostic> diagnostics;  // every error and warning, sorted
};

class Rebuilder {
public:
    virtual ~Rebuilder() = default;
    virtual RebuildOutcome rebuild(const ChangeSet& changes) = 0;
    // Work that can wait until the reload was sent: freeing what the last
    // rebuild replaced.
    virtual void tidy() {}
};

// A full build per change set, with the options `chuxin build` would use.
// options.progress is used for the first build only: later rebuilds print
// one line each instead of a progress line.
std::unique_ptr<Rebuilder> make_full_rebuilder(site::BuildOptions options);

// site::IncrementalBuild per change set (what `chuxin serve` uses).
std::unique_ptr<Rebuilder> make_incremental_rebuilder(site::BuildOptions options);

// What a build did, as the server shows it (`start`: when the rebuild began).
RebuildOutcome outcome_of(const site::BuildResult& result, const Diagnostics& diags, const std::string& site_root,
                          std::chrono::steady_clock::time_point start);

// The site's language as site.yaml says it, read on its own so that a build
// that failed anywhere (even in site.yaml's other fields) still has it.
Lang site_lang(const std::string& site_root);

}  // namespace chuxin::serve
