#include "search/updater.h"

#include <algorithm>
#include <set>
#include <stdexcept>

#include "search/index_writer.h"

namespace chuxin::search {

IndexUpdater::IndexUpdater(std::vector<Entry> entries, IndexLimits limits)
    : entries_(std::move(entries)), limits_(limits), files_(build_index(entries_, limits_, &cache_)) {
    start_grams();
}

void IndexUpdater::start_grams() {
    std::vector<FoldedPage> pages;
    pages.reserve(entries_.size());
    for (const Entry& e : entries_) pages.push_back(fold_page(e));
    grams_ = LiveGrams(std::move(pages));
    gram_files_ = gram_file_count(grams_.total_estimate(), limits_);
}

std::vector<IndexChange> IndexUpdater::replace(size_t index, Entry e) {
    if (index >= entries_.size()) throw std::out_of_range("search: no entry to replace");
    entries_[index] = std::move(e);
    const std::set<uint64_t> changed = grams_.replace(static_cast<uint32_t>(index), fold_page(entries_[index]));
    return remake(&changed, index, index + 1);
}

std::vector<IndexChange> IndexUpdater::insert(size_t index, Entry e) {
    if (index > entries_.size()) throw std::out_of_range("search: no place to insert");
    entries_.insert(entries_.begin() + static_cast<std::ptrdiff_t>(index), std::move(e));
    grams_.insert(static_cast<uint32_t>(index), fold_page(entries_[index]));
    return remake(nullptr, index, entries_.size());
}

std::vector<IndexChange> IndexUpdater::erase(size_t index) {
    if (index >= entries_.size()) throw std::out_of_range("search: no entry to erase");
    entries_.erase(entries_.begin() + static_cast<std::ptrdiff_t>(index));
    grams_.erase(static_cast<uint32_t>(index));
    return remake(nullptr, index, entries_.size());
}

// The files the edit can change: the gram files of the changed grams (all
// when `changed` is null or their count moved), the page table, meta, and
// the text files of pages [from, to) — every one when the dictionary moved.
std::vector<IndexChange> IndexUpdater::remake(const std::set<uint64_t>* changed, size_t from, size_t to) {
    std::map<std::string, std::string> made;
    std::vector<std::string> gone;
    const uint32_t count = gram_file_count(grams_.total_estimate(), limits_);
    std::set<uint32_t> files;
    if (changed && count == gram_files_) {
        for (uint64_t key : *changed) files.insert(gram_hash(GramTable::gram_of(key)) % count);
    } else {
        for (uint32_t k = 0; k < count; ++k) files.insert(k);
    }
    for (uint32_t k = count; k < gram_files_; ++k) gone.push_back("search/g/" + std::to_string(k) + ".js");
    std::map<uint32_t, std::vector<const std::string*>> members;
    for (const auto& [key, gram] : grams_.records())
        if (files.count(gram.hash % count)) members[gram.hash % count].push_back(&gram.record);
    for (uint32_t k : files) made["search/g/" + std::to_string(k) + ".js"] = gram_file(k, members[k]);
    gram_files_ = count;

    const size_t per = std::max<size_t>(1, limits_.chunk_pages);
    const size_t chunks = std::max<size_t>(1, (entries_.size() + per - 1) / per);
    made["search/p.js"] = page_table_script(entries_);
    made["search/meta.js"] = meta_script(entries_.size(), count, per, chunks);
    const std::string dictionary = text_dictionary(entries_);
    const bool all_text = dictionary != cache_.dictionary;
    if (all_text) made["search/d.js"] = dictionary_script(dictionary);
    cache_.dictionary = dictionary;
    for (size_t c = chunks; c < cache_.files.size(); ++c) gone.push_back("search/t/" + std::to_string(c) + ".js");
    cache_.inputs.resize(chunks);
    cache_.files.resize(chunks);
    const size_t first = all_text ? 0 : std::min(from / per, chunks - 1);
    const size_t last = all_text ? chunks : std::min(chunks, (std::max(to, from + 1) + per - 1) / per);
    for (size_t c = first; c < last; ++c) {
        const auto begin = entries_.begin() + static_cast<std::ptrdiff_t>(std::min(entries_.size(), c * per));
        const auto end = entries_.begin() + static_cast<std::ptrdiff_t>(std::min(entries_.size(), (c + 1) * per));
        std::string input;
        const std::vector<Entry> pages(begin, end);
        if (!all_text && !cache_.files[c].empty()) {
            input = "[";
            for (const Entry& e : pages) {
                if (input.size() > 1) input += ',';
                input += page_record(e);
            }
            input += ']';
            if (input == cache_.inputs[c]) continue;
        }
        cache_.files[c] = text_file(c, pages, dictionary, &cache_.inputs[c]);
        made["search/t/" + std::to_string(c) + ".js"] = cache_.files[c];
    }
    return apply(std::move(made), gone);
}

std::vector<IndexChange> IndexUpdater::apply(std::map<std::string, std::string> made, const std::vector<std::string>& gone) {
    std::vector<IndexChange> changes;
    std::map<std::string, std::string> all;
    for (auto& f : files_) all[f.path] = std::move(f.bytes);
    for (const auto& path : gone)
        if (all.erase(path)) changes.push_back({path, "", true});
    for (auto& [path, bytes] : made) {
        auto it = all.find(path);
        if (it != all.end() && it->second == bytes) continue;
        changes.push_back({path, bytes, false});
        all[path] = std::move(bytes);
    }
    files_.clear();
    for (auto& [path, bytes] : all) files_.push_back({path, std::move(bytes)});
    std::sort(changes.begin(), changes.end(), [](const IndexChange& a, const IndexChange& b) { return a.path < b.path; });
    return changes;
}

}  // namespace chuxin::search
