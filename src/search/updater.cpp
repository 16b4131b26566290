#include "search/updater.h"

#include <stdexcept>

namespace chuxin::search {

IndexUpdater::IndexUpdater(std::vector<Entry> entries, IndexLimits limits)
    : entries_(std::move(entries)), limits_(limits), files_(build_index(entries_, limits_, &cache_)) {}

std::vector<IndexChange> IndexUpdater::replace(size_t index, Entry e) {
    if (index >= entries_.size()) throw std::out_of_range("search: no entry to replace");
    entries_[index] = std::move(e);
    return rebuild();
}

std::vector<IndexChange> IndexUpdater::insert(size_t index, Entry e) {
    if (index > entries_.size()) throw std::out_of_range("search: no place to insert");
    entries_.insert(entries_.begin() + static_cast<std::ptrdiff_t>(index), std::move(e));
    return rebuild();
}

std::vector<IndexChange> IndexUpdater::erase(size_t index) {
    if (index >= entries_.size()) throw std::out_of_range("search: no entry to erase");
    entries_.erase(entries_.begin() + static_cast<std::ptrdiff_t>(index));
    return rebuild();
}

// Both lists are sorted by path: one merge finds what changed.
std::vector<IndexChange> IndexUpdater::rebuild() {
    std::vector<IndexFile> next = build_index(entries_, limits_, &cache_);
    std::vector<IndexChange> changes;
    size_t i = 0, j = 0;
    while (i < files_.size() || j < next.size()) {
        if (j == next.size() || (i < files_.size() && files_[i].path < next[j].path)) {
            changes.push_back({files_[i++].path, "", true});
        } else if (i == files_.size() || next[j].path < files_[i].path) {
            changes.push_back({next[j].path, next[j].bytes, false});
            ++j;
        } else {
            if (files_[i].bytes != next[j].bytes) changes.push_back({next[j].path, next[j].bytes, false});
            ++i;
            ++j;
        }
    }
    files_ = std::move(next);
    return changes;
}

}  // namespace chuxin::search
