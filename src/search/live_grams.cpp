#include "search/live_grams.h"

#include <algorithm>

#include "search/index_writer.h"

namespace chuxin::search {

namespace {

bool is_space(char32_t cp) { return cp == U' '; }

// Up to kContext characters before and after the bigram at `at`, within its run.
std::u32string left_of(const std::u32string& t, size_t at) {
    size_t from = at;
    while (from > 0 && at - from < kContext && !is_space(t[from - 1])) --from;
    return t.substr(from, at - from);
}
std::u32string right_of(const std::u32string& t, size_t at) {
    size_t to = at + 2;
    while (to < t.size() && to - at - 2 < kContext && !is_space(t[to])) ++to;
    return t.substr(at + 2, to - at - 2);
}
size_t number_bytes(uint32_t v) {
    size_t n = 1;
    for (; v >= 0x80; v >>= 7) ++n;
    return n;
}

}  // namespace

// Sorting the page's gram occurrences: a page's 3,000 or so take well
// under a millisecond.
LiveGrams::PageGrams LiveGrams::analyse(const FoldedPage& page) {
    const std::u32string& t = page.text;
    std::vector<std::pair<uint64_t, uint32_t>> seen;  // key, position
    seen.reserve(t.size() * 2);
    for (size_t i = 0; i < t.size(); ++i) {
        if (is_space(t[i])) continue;
        seen.emplace_back(static_cast<uint64_t>(t[i]) << 32, static_cast<uint32_t>(i));
        if (i + 1 < t.size() && !is_space(t[i + 1])) seen.emplace_back(static_cast<uint64_t>(t[i]) << 32 | t[i + 1], static_cast<uint32_t>(i));
    }
    std::sort(seen.begin(), seen.end());
    PageGrams out;
    for (size_t i = 0; i < seen.size();) {
        size_t j = i;
        PageGram g;
        for (; j < seen.size() && seen[j].first == seen[i].first; ++j) {
            const uint32_t at = seen[j].second;
            ++g.count;
            g.flags |= static_cast<uint8_t>((at < page.title_end ? 4 : 0) | (at < page.headings_end ? 8 : 0));
            if (seen[i].first & 0xFFFFFFFFu) g.at.push_back(at);
        }
        g.flags = static_cast<uint8_t>(g.flags | std::min<uint32_t>(g.count, 3));
        out.emplace_back(seen[i].first, std::move(g));
        i = j;
    }
    return out;
}

// One gram's occurrences on a page.
LiveGrams::PageGram LiveGrams::occurrences(const FoldedPage& page, uint64_t key) {
    const auto a = static_cast<char32_t>(key >> 32), b = static_cast<char32_t>(key & 0xFFFFFFFFu);
    PageGram g;
    const std::u32string& t = page.text;
    for (size_t i = 0; i + 1 < t.size(); ++i)
        if (t[i] == a && t[i + 1] == b) g.at.push_back(static_cast<uint32_t>(i));
    return g;
}

const LiveGrams::PageGram* LiveGrams::find(const PageGrams& grams, uint64_t key) {
    auto it = std::lower_bound(grams.begin(), grams.end(), key, [](const auto& g, uint64_t k) { return g.first < k; });
    return it != grams.end() && it->first == key ? &it->second : nullptr;
}

// How much of the reference context the page's occurrences all share
// (compared in place: no string per occurrence).
void LiveGrams::measure(uint64_t key, State& g, PageOcc& occ, const PageGram& held, const FoldedPage& page) const {
    occ.left = occ.right = 0;
    if ((key & 0xFFFFFFFFu) == 0) return;
    const std::u32string& t = page.text;
    size_t left = g.ref_left.size(), right = g.ref_right.size();
    for (uint32_t at : held.at) {
        if (!left && !right) break;
        size_t k = 0;
        while (k < left && k < at && t[at - 1 - k] != U' ' && t[at - 1 - k] == g.ref_left[g.ref_left.size() - 1 - k]) ++k;
        left = k;
        k = 0;
        while (k < right && at + 2 + k < t.size() && t[at + 2 + k] == g.ref_right[k]) ++k;
        right = k;
    }
    occ.left = static_cast<uint8_t>(left);
    occ.right = static_cast<uint8_t>(right);
}

// A new reference: the first occurrence on the first page holding the gram.
void LiveGrams::remeasure(uint64_t key, State& g) {
    g.ref_page = g.pages.front().page;
    if ((key & 0xFFFFFFFFu) == 0) return;
    const FoldedPage& first = folded_[g.ref_page];
    const PageGram held = occurrences(first, key);
    g.ref_left = left_of(first.text, held.at.front());
    g.ref_right = right_of(first.text, held.at.front());
    for (PageOcc& occ : g.pages) {
        const FoldedPage& page = folded_[occ.page];
        measure(key, g, occ, occ.page == g.ref_page ? held : occurrences(page, key), page);
    }
}

void LiveGrams::refresh(uint64_t key) {
    auto it = grams_.find(key);
    if (estimates_.count(key)) total_estimate_ -= estimates_[key];
    if (it == grams_.end() || it->second.pages.empty()) {
        if (it != grams_.end()) grams_.erase(it);
        records_.erase(key);
        estimates_.erase(key);
        return;
    }
    const State& g = it->second;
    PageSets sets;
    size_t code = 0;
    uint32_t next = 0;
    size_t left = g.ref_left.size(), right = g.ref_right.size();
    for (const PageOcc& occ : g.pages) {
        sets.all.push_back(occ.page);
        if ((occ.flags & 3) >= 2) sets.twice.push_back(occ.page);
        if ((occ.flags & 3) >= 3) sets.thrice.push_back(occ.page);
        if (occ.flags & 4) sets.title.push_back(occ.page);
        if (occ.flags & 8) sets.heads.push_back(occ.page);
        code += number_bytes((occ.page - next) << 4 | occ.flags);
        next = occ.page + 1;
        left = std::min<size_t>(left, occ.left);
        right = std::min<size_t>(right, occ.right);
    }
    const std::u32string l = g.ref_left.substr(g.ref_left.size() - left), r = g.ref_right.substr(0, right);
    Gram& out = records_[key];
    out.record = gram_record(key, sets, l, r, pages());
    out.hash = gram_hash(GramTable::gram_of(key));
    const size_t estimate = record_estimate(code, l.size(), r.size(), pages());
    estimates_[key] = estimate;
    total_estimate_ += estimate;
}

LiveGrams::LiveGrams(std::vector<FoldedPage> pages) : folded_(std::move(pages)) {
    for (uint32_t id = 0; id < folded_.size(); ++id) {
        for (const auto& [key, held] : analyse(folded_[id])) {
            State& g = grams_[key];
            if (g.pages.empty()) {
                g.ref_page = id;
                if (!held.at.empty()) {
                    g.ref_left = left_of(folded_[id].text, held.at.front());
                    g.ref_right = right_of(folded_[id].text, held.at.front());
                }
            }
            PageOcc occ{id, held.flags, 0, 0};
            measure(key, g, occ, held, folded_[id]);
            g.pages.push_back(occ);
        }
    }
    for (const auto& [key, g] : grams_) refresh(key);
}

// The grams of page `id` (in folded_ already) into their page lists.
void LiveGrams::add_page(uint32_t id, const PageGrams& after, std::set<uint64_t>& changed) {
    auto place = [](std::vector<PageOcc>& v, uint32_t page) {
        return std::lower_bound(v.begin(), v.end(), page, [](const PageOcc& o, uint32_t p) { return o.page < p; });
    };
    for (const auto& [key, held] : after) {
        State& g = grams_[key];
        auto at = place(g.pages, id);
        const bool had = at != g.pages.end() && at->page == id;
        const PageOcc old = had ? *at : PageOcc{id, 0, 0, 0};
        if (!had) at = g.pages.insert(at, PageOcc{id, held.flags, 0, 0});
        at->flags = held.flags;
        if (g.pages.size() == 1 || g.ref_page == id) {
            // The reference is on this page: the same surroundings keep it.
            const bool same = !held.at.empty() && g.pages.size() > 1 &&
                              left_of(folded_[id].text, held.at.front()) == g.ref_left &&
                              right_of(folded_[id].text, held.at.front()) == g.ref_right;
            if (!same) {
                remeasure(key, g);
                changed.insert(key);
                continue;
            }
        }
        measure(key, g, *at, held, folded_[id]);
        if (!had || !(old == *at)) changed.insert(key);
    }
}

void LiveGrams::refresh_all() {
    std::vector<uint64_t> keys;
    for (const auto& [key, g] : grams_) keys.push_back(key);
    for (uint64_t key : keys) refresh(key);
}

// Page numbers from `from` on move by `by`.
void LiveGrams::shift(uint32_t from, int by) {
    for (auto& [key, g] : grams_) {
        for (PageOcc& occ : g.pages)
            if (occ.page >= from) occ.page = static_cast<uint32_t>(static_cast<int64_t>(occ.page) + by);
        if (g.ref_page >= from) g.ref_page = static_cast<uint32_t>(static_cast<int64_t>(g.ref_page) + by);
    }
}

void LiveGrams::insert(uint32_t id, FoldedPage page) {
    shift(id, +1);
    folded_.insert(folded_.begin() + id, std::move(page));
    std::set<uint64_t> changed;
    add_page(id, analyse(folded_[id]), changed);
    refresh_all();
}

void LiveGrams::erase(uint32_t id) {
    std::vector<uint64_t> moved;
    for (const auto& [key, held] : analyse(folded_[id])) {
        State& g = grams_[key];
        g.pages.erase(std::lower_bound(g.pages.begin(), g.pages.end(), id,
                                       [](const PageOcc& o, uint32_t p) { return o.page < p; }));
        if (!g.pages.empty() && g.ref_page == id) moved.push_back(key);
    }
    folded_.erase(folded_.begin() + id);
    shift(id + 1, -1);
    for (uint64_t key : moved) remeasure(key, grams_[key]);
    refresh_all();
}

std::set<uint64_t> LiveGrams::replace(uint32_t id, FoldedPage page) {
    const auto before = analyse(folded_[id]);
    folded_[id] = std::move(page);
    const auto after = analyse(folded_[id]);
    std::set<uint64_t> changed;
    auto place = [](std::vector<PageOcc>& v, uint32_t page) {
        return std::lower_bound(v.begin(), v.end(), page, [](const PageOcc& o, uint32_t p) { return o.page < p; });
    };
    for (const auto& [key, held] : before) {
        if (find(after, key)) continue;
        State& g = grams_[key];
        g.pages.erase(place(g.pages, id));
        if (!g.pages.empty() && g.ref_page == id) remeasure(key, g);
        changed.insert(key);
    }
    add_page(id, after, changed);
    for (uint64_t key : changed) refresh(key);
    return changed;
}

}  // namespace chuxin::search
