#pragma once
// An incremental build: the last good build kept in memory — the prepared
// site, its HTML renderer, what each body gave the other stages — so that an
// edit re-renders only the outputs that read what it changed (issue 11,
// docs/serve.md "Incremental rebuilds"). After every rebuild the output
// folder is byte-identical to a full `chuxin build` of the same files; the
// property test in tests/site checks that over random edit sequences.
//
// What a rebuild can skip, and why that is sound:
//  * a page file whose bytes did not change: nothing;
//  * a page file whose front matter is byte-identical (its YAML hashes the
//    same) and whose body gives the other stages the same facts — headings
//    and their anchors, the `ref:` links in order, the summary — changes
//    only what reads its body: its own page, the search index and the
//    handbooks that include it. Every other output reads a page through its
//    front matter and those facts (html/: only view_page renders a body).
//  * page files edited (front matter too), added or deleted, in folders
//    that were there: the site is assembled again from the kept sources
//    (only those files read again), bodies that did not change keep their
//    parse, the graph and the schedules run again, and the HTML renders
//    every list, feed and calendar plus the pages that read a changed page
//    — the pages it cites and that cite it, its neighbours in its section,
//    the schedules it fulfils, the handbooks that include it — and then,
//    for each page whose HTML came out different, the pages that read it,
//    until nothing more changes. When what every page's frame reads
//    changed (sections, tags, calendar months), every page is rendered.
//  * anything else (site.yaml, templates, themes, static files, _index.md,
//    a new folder, a page or section intro with warnings) is a full build,
//    kept for the next rebuild.
#include <memory>
#include <string>
#include <vector>

#include "site/pipeline.h"

namespace chuxin::site {

// How a rebuild went.
enum class RebuildScope {
    Full,       // everything was built again
    Pages,      // only the changed pages' own outputs (+ search, handbooks)
    Reassembled,  // the site assembled again; lists and the pages that read a change rendered
    Unchanged,  // the files hold what the last build read: nothing to do
};

class IncrementalBuild {
public:
    explicit IncrementalBuild(BuildOptions options);
    ~IncrementalBuild();
    IncrementalBuild(const IncrementalBuild&) = delete;
    IncrementalBuild& operator=(const IncrementalBuild&) = delete;

    // `changed`: files changed since the last call, relative to the site
    // folder ("content/a.md", "site.yaml"). The first call, and any call
    // after a failed build, builds everything. Problems go to `diags`: the
    // same ones a full build reports.
    BuildResult rebuild(const std::vector<std::string>& changed, Diagnostics& diags);

    // Frees the state the last rebuild replaced (at 10,000 pages, tens of
    // ms): call it once the rebuild's result is shown. The next rebuild
    // calls it too.
    void tidy();

    RebuildScope last_scope() const { return last_scope_; }
    const BuildOptions& options() const { return options_; }

private:
    struct Kept;
    struct PageEdit;

    BuildResult full(Diagnostics& diags);
    // The edits if every changed file is a body-only edit of a page (see
    // above); false when a full build is needed.
    bool body_edits(const std::vector<std::string>& changed, std::vector<PageEdit>& edits) const;
    BuildResult apply(std::vector<PageEdit>& edits, Diagnostics& diags);
    // Page files edited, added or deleted in known folders; false (nothing
    // done) when the change needs a full build.
    bool can_reassemble(const std::vector<std::string>& changed) const;
    BuildResult reassemble(const std::vector<std::string>& changed, Diagnostics& diags);
    // Notes what a successful build leaves for the next rebuild.
    void keep(std::unique_ptr<Kept> kept, const BuildResult& result, const Diagnostics& diags);

    BuildOptions options_;
    std::unique_ptr<Kept> kept_;  // null until a build succeeded
    std::unique_ptr<Kept> retired_;  // what the last rebuild replaced, until tidy()
    RebuildScope last_scope_ = RebuildScope::Full;
};

}  // namespace chuxin::site
