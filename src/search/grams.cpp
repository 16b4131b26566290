#include "search/grams.h"

#include <algorithm>


namespace chuxin::search {

namespace {

constexpr uint64_t kEmpty = ~0ull;
constexpr uint8_t kInTitle = 1, kInHeads = 2;

// Folded text has one space, U+0020, for every space-like character.
bool is_space(char32_t cp) { return cp == U' '; }

uint64_t key_of(char32_t a, char32_t b) { return (static_cast<uint64_t>(a) << 32) | b; }

size_t slot_of(uint64_t key, size_t mask) { return static_cast<size_t>((key * 0x9E3779B97F4A7C15ull) >> 24) & mask; }

}  // namespace

GramTable::GramTable() : slots_(1u << 14, kEmpty), slot_ids_(1u << 14, 0), bmp_ids_(0x10000, 0) {}

// A table lookup for the common case: every character of a page costs one.
uint32_t GramTable::id_of_char(char32_t cp) {
    if (cp >= 0x10000) return id_of(key_of(cp, 0));
    uint32_t& id = bmp_ids_[cp];
    if (!id) id = id_of(key_of(cp, 0)) + 1;
    return id - 1;
}

std::u32string GramTable::gram_of(uint64_t key) {
    std::u32string g(1, static_cast<char32_t>(key >> 32));
    if (char32_t second = static_cast<char32_t>(key & 0xFFFFFFFFu)) g += second;
    return g;
}

void GramTable::grow() {
    std::vector<uint64_t> old = std::move(slots_);
    std::vector<uint32_t> old_ids = std::move(slot_ids_);
    slots_.assign(old.size() * 2, kEmpty);
    slot_ids_.assign(old.size() * 2, 0);
    const size_t mask = slots_.size() - 1;
    for (size_t i = 0; i < old.size(); ++i) {
        if (old[i] == kEmpty) continue;
        size_t s = slot_of(old[i], mask);
        while (slots_[s] != kEmpty) s = (s + 1) & mask;
        slots_[s] = old[i];
        slot_ids_[s] = old_ids[i];
    }
}

uint32_t GramTable::id_of(uint64_t key) {
    size_t mask = slots_.size() - 1;
    size_t s = slot_of(key, mask);
    while (slots_[s] != kEmpty) {
        if (slots_[s] == key) return slot_ids_[s];
        s = (s + 1) & mask;
    }
    const auto id = static_cast<uint32_t>(grams_.size());
    grams_.emplace_back();
    grams_.back().key = key;
    context_seen_.push_back(0);
    count_.push_back(0);
    where_.push_back(0);
    slots_[s] = key;
    slot_ids_[s] = id;
    if ((grams_.size() + 1) * 2 > slots_.size()) grow();
    return id;
}

// The context shrinks to what this occurrence shares with all before it.
void GramTable::note_context(uint32_t gram, const std::u32string& text, size_t at) {
    GramPages& g = grams_[gram];
    if (!context_seen_[gram]) {
        context_seen_[gram] = 1;
        size_t from = at;
        while (from > 0 && at - from < kContext && !is_space(text[from - 1])) --from;
        g.left = text.substr(from, at - from);
        size_t to = at + 2;
        while (to < text.size() && to - at - 2 < kContext && !is_space(text[to])) ++to;
        g.right = text.substr(at + 2, to - at - 2);
        return;
    }
    if (!g.left.empty()) {
        size_t k = 0;  // characters shared, nearest first
        while (k < g.left.size() && k < at && text[at - 1 - k] == g.left[g.left.size() - 1 - k] && !is_space(text[at - 1 - k])) ++k;
        if (k < g.left.size()) g.left.erase(0, g.left.size() - k);
    }
    if (!g.right.empty()) {
        size_t k = 0;
        while (k < g.right.size() && at + 2 + k < text.size() && text[at + 2 + k] == g.right[k]) ++k;
        if (k < g.right.size()) g.right.resize(k);
    }
}

void GramTable::add_page(uint32_t id, const FoldedPage& page) {
    const std::u32string& t = page.text;
    auto touch = [this](uint32_t gram, uint8_t where) {
        if (count_[gram]++ == 0) touched_.push_back(gram);
        where_[gram] |= where;
    };
    for (size_t i = 0; i < t.size(); ++i) {
        if (is_space(t[i])) continue;
        const uint8_t where = static_cast<uint8_t>((i < page.title_end ? kInTitle : 0) | (i < page.headings_end ? kInHeads : 0));
        touch(id_of_char(t[i]), where);
        if (i + 1 < t.size() && !is_space(t[i + 1])) {
            const uint32_t gram = id_of(key_of(t[i], t[i + 1]));
            touch(gram, where);
            if (!context_seen_[gram] || !grams_[gram].left.empty() || !grams_[gram].right.empty()) note_context(gram, t, i);
        }
    }
    for (uint32_t gram : touched_) {
        GramPages& g = grams_[gram];
        uint32_t v = (id - g.next) << 4 | std::min<uint32_t>(count_[gram], 3) | static_cast<uint32_t>(where_[gram]) << 2;
        for (; v >= 0x80; v >>= 7) g.pages += static_cast<char>(0x80 | (v & 0x7F));
        g.pages += static_cast<char>(v);
        g.next = id + 1;
        count_[gram] = 0;
        where_[gram] = 0;
    }
    touched_.clear();
}

PageSets GramPages::sets() const {
    PageSets out;
    uint32_t next = 0;
    for (size_t i = 0; i < pages.size();) {
        uint32_t v = 0;
        for (int shift = 0; i < pages.size(); shift += 7) {
            const auto b = static_cast<uint8_t>(pages[i++]);
            v |= static_cast<uint32_t>(b & 0x7F) << shift;
            if (!(b & 0x80)) break;
        }
        const uint32_t id = next + (v >> 4);
        next = id + 1;
        out.all.push_back(id);
        if ((v & 3) >= 2) out.twice.push_back(id);
        if ((v & 3) >= 3) out.thrice.push_back(id);
        if (v & 4) out.title.push_back(id);
        if (v & 8) out.heads.push_back(id);
    }
    return out;
}

std::vector<const GramPages*> GramTable::sorted() const {
    std::vector<const GramPages*> out;
    out.reserve(grams_.size());
    for (const auto& g : grams_) out.push_back(&g);
    std::sort(out.begin(), out.end(), [](const GramPages* a, const GramPages* b) { return a->key < b->key; });
    return out;
}

}  // namespace chuxin::search
