#pragma once
// The grams of the index kept so that one page's edit updates them
// (updater.h): per gram the pages holding it with their flags, and its
// context kept as lengths against one reference occurrence — the context
// of a gram is the part of that occurrence's surroundings every occurrence
// shares, so each page keeps how much of it its own occurrences share, and
// the gram's context is the least of those. Only when the reference page
// itself changes are the lengths measured again on every page holding the
// gram. The records are the bytes build_index writes (index_writer.h).
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "search/grams.h"
#include "search/index.h"

namespace chuxin::search {

class LiveGrams {
public:
    LiveGrams() = default;
    // Every page of the site, in site order.
    explicit LiveGrams(std::vector<FoldedPage> pages);

    // Page `id` now reads `page`; the keys of the grams whose records changed.
    std::set<uint64_t> replace(uint32_t id, FoldedPage page);
    // A page put before page `id`, or page `id` taken out: the pages after it
    // are renumbered, so every record is made again.
    void insert(uint32_t id, FoldedPage page);
    void erase(uint32_t id);

    uint32_t pages() const { return static_cast<uint32_t>(folded_.size()); }
    size_t total_estimate() const { return total_estimate_; }
    // Every gram with its record and hash, sorted by key; a removed gram is absent.
    struct Gram {
        std::string record;
        uint32_t hash = 0;
    };
    const std::map<uint64_t, Gram>& records() const { return records_; }

private:
    struct PageOcc {
        uint32_t page;
        uint8_t flags;  // occurrences up to 3, | 4 in the title, | 8 in the title or a heading
        uint8_t left, right;  // of the reference context, how much all its occurrences share
        bool operator==(const PageOcc& o) const {
            return page == o.page && flags == o.flags && left == o.left && right == o.right;
        }
    };
    struct State {
        std::vector<PageOcc> pages;
        uint32_t ref_page = 0;
        std::u32string ref_left, ref_right;
    };
    // What one page holds: per gram its flags and where each occurrence is.
    struct PageGram {
        uint8_t flags = 0;
        uint32_t count = 0;
        std::vector<uint32_t> at;  // two-character grams only
    };
    using PageGrams = std::vector<std::pair<uint64_t, PageGram>>;  // sorted by key
    static PageGrams analyse(const FoldedPage& page);
    static PageGram occurrences(const FoldedPage& page, uint64_t key);
    static const PageGram* find(const PageGrams& grams, uint64_t key);
    void measure(uint64_t key, State& g, PageOcc& occ, const PageGram& held, const FoldedPage& page) const;
    void remeasure(uint64_t key, State& g);
    void refresh(uint64_t key);
    void refresh_all();
    void shift(uint32_t from, int by);
    void add_page(uint32_t id, const PageGrams& grams, std::set<uint64_t>& changed);

    std::vector<FoldedPage> folded_;
    std::unordered_map<uint64_t, State> grams_;
    std::map<uint64_t, Gram> records_;
    std::map<uint64_t, size_t> estimates_;
    size_t total_estimate_ = 0;
};

}  // namespace chuxin::search
