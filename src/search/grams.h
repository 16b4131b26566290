#pragma once
// Grams → the pages holding them (docs/search.md "Gram files"). A gram is one
// folded character or two adjacent ones, never with a space. For each gram:
// the pages holding it, those holding it at least twice and three times (the
// rank counts occurrences up to three), those with it in the title, and in
// the title or a heading. For a two-character gram also its context: the
// characters that stand before and after every one of its occurrences in the
// whole site (at most kContext each way); a longer query word that lies
// inside a gram's context is on exactly the pages that hold the gram.
#include <cstdint>
#include <string>
#include <vector>

namespace chuxin::search {

constexpr size_t kContext = 8;

// A page's folded text as the index and search.js see it: title, a space,
// the headings, a space, the rest (body, fields, summary, tags).
struct FoldedPage {
    std::u32string text;
    uint32_t title_end = 0;     // [0, title_end) is the title
    uint32_t headings_end = 0;  // [0, headings_end) is the title or a heading
};

struct PageSets {
    std::vector<uint32_t> all, twice, thrice, title, heads;
};

struct GramPages {
    uint64_t key = 0;  // first code point << 32 | second (0 for one character)
    // Per page holding it, in id order: (gap << 4 | flags) as a base-128
    // number, flags = occurrences up to 3 (2 bits), in the title, in the
    // title or a heading. About 2 bytes a page where four vectors took 9.
    std::string pages;
    uint32_t next = 0;     // the id after the last page added
    std::u32string left;   // before every occurrence, nearest last (text order)
    std::u32string right;  // after every occurrence, nearest first

    PageSets sets() const;
};

class GramTable {
public:
    GramTable();
    // Pages must be added in id order, 0, 1, 2, …
    void add_page(uint32_t id, const FoldedPage& page);
    // Every gram, sorted by key.
    std::vector<const GramPages*> sorted() const;

    static std::u32string gram_of(uint64_t key);

private:
    uint32_t id_of(uint64_t key);
    uint32_t id_of_char(char32_t cp);
    void note_context(uint32_t gram, const std::u32string& text, size_t at);
    void grow();

    std::vector<uint64_t> slots_;     // open addressing: key, or kEmpty
    std::vector<uint32_t> slot_ids_;
    std::vector<uint32_t> bmp_ids_;   // one-character grams of the BMP: id + 1, 0 for none yet
    std::vector<GramPages> grams_;
    std::vector<uint8_t> context_seen_;
    // Per page: occurrences and where, by gram id; the ids touched.
    std::vector<uint32_t> count_;
    std::vector<uint8_t> where_;
    std::vector<uint32_t> touched_;
};

}  // namespace chuxin::search
