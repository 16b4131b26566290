#pragma once
// Updating the index when one page's entry changes (incremental rebuilds):
// each call gives the index files whose bytes change, with their new bytes,
// and the files that are gone; after it, files() is byte for byte what
// build_index gives for entries() (tests/search: random edits compared with
// full builds). A replaced entry updates the grams it touches (live_grams.h)
// and remakes only the files they are in: a handful. Page ids are places in
// site order and the page sets are coded over them, so a page inserted or
// erased renumbers the pages after it and changes nearly every file
// (docs/search.md "Updating").
#include <map>
#include <set>
#include <string>
#include <vector>

#include "search/index.h"
#include "search/live_grams.h"

namespace chuxin::search {

struct IndexChange {
    std::string path;
    std::string bytes;     // the new bytes, unless removed
    bool removed = false;  // the file is no longer part of the index
};

class IndexUpdater {
public:
    explicit IndexUpdater(std::vector<Entry> entries, IndexLimits limits = {});

    const std::vector<Entry>& entries() const { return entries_; }
    const std::vector<IndexFile>& files() const { return files_; }

    // Entry `index` (in site order) becomes `e`; `e` is put before entry
    // `index` (index == entries().size(): at the end); entry `index` goes.
    std::vector<IndexChange> replace(size_t index, Entry e);
    std::vector<IndexChange> insert(size_t index, Entry e);
    std::vector<IndexChange> erase(size_t index);

private:
    std::vector<IndexChange> remake(const std::set<uint64_t>* changed, size_t from, size_t to);
    void start_grams();
    // Puts the files in, returns the changes (`gone`: paths no longer made).
    std::vector<IndexChange> apply(std::map<std::string, std::string> made, const std::vector<std::string>& gone);

    std::vector<Entry> entries_;
    IndexLimits limits_;
    TextCache cache_;
    std::vector<IndexFile> files_;
    LiveGrams grams_;
    uint32_t gram_files_ = 0;
};

}  // namespace chuxin::search
