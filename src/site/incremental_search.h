#pragma once
// The search index of an incremental build: a search::IndexUpdater made on
// its own thread after each full build (a few seconds at 10,000 pages, so
// the server is ready before it is), then told which pages' entries
// changed. Until it is there a rebuild writes the whole index (0.6 s at
// 10,000 pages, less than waiting for it) and notes the pages, for the
// updater's first update.
#include <future>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "core/output.h"
#include "model/model.h"
#include "search/entries.h"

namespace chuxin::search {
class IndexUpdater;
}

namespace chuxin::site {

class IncrementalSearch {
public:
    IncrementalSearch();
    ~IncrementalSearch();  // waits for the updater's thread
    IncrementalSearch(IncrementalSearch&&) noexcept;
    IncrementalSearch& operator=(IncrementalSearch&&) noexcept;

    // After a full build: starts making the updater from that build's entries.
    void start(const model::Site& site, const search::BodyTexts& texts);

    // The index for `site` now, written into `out`: the pages at `paths`
    // (site paths "content/a.md") may have changed, been added or removed
    // since the last call. Files of the index that are no longer part of it
    // go into `gone`. False when the whole index was written (every file of
    // it not written now is gone).
    bool write(const model::Site& site, const search::BodyTexts& texts, const std::set<std::string>& paths,
               OutputSink& out, std::set<std::string>& gone);

private:
    std::shared_ptr<search::IndexUpdater> ready();  // null: write the whole index

    std::future<std::shared_ptr<search::IndexUpdater>> making_;
    std::shared_ptr<search::IndexUpdater> updater_;
    std::vector<std::string> indexed_;  // the updater's entries' pages, in its order
    std::set<std::string> pending_;     // pages that may have changed since the updater's entries
    bool written_whole_ = false;        // the output holds a whole index written since the updater's
};

}  // namespace chuxin::site
