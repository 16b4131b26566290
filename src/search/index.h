#pragma once
// The search index: plain script files the results page loads with <script>
// (works from file://, under any sub-path, from any static server: no fetch,
// no WASM). docs/search.md describes the files and why they look so:
//   search/meta.js       counts: pages, text shards, gram files
//   search/fold.js       the traditional → simplified table for the query
//   search/g/<k>.js      gram → the text shards whose pages hold it
//   search/t/<s>.js      the pages' text, by field, in site order
// A gram is one folded character or two adjacent ones (no space in it). A
// page holding a query holds each of its grams, so the shards a query's
// grams have in common hold every page that can match: the script loads
// those and checks the folded text for the exact substring.
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "search/entries.h"

namespace chuxin::search {

struct IndexLimits {
    size_t text_shard_bytes = 96 * 1024;  // a text shard is closed once past this
    size_t gram_file_bytes = 48 * 1024;   // the gram files' count is chosen for this size
};

struct IndexFile {
    std::string path;   // "search/t/3.js"
    std::string bytes;
};

// Every file of the index, sorted by path; the same bytes for the same entries.
std::vector<IndexFile> build_index(const std::vector<Entry>& entries, const IndexLimits& limits = {});

// 32-bit FNV-1a over a gram's code points: which gram file holds it (the
// page script computes the same, search.js gramFile).
uint32_t gram_hash(std::u32string_view gram);

// "0-3,7,a": sorted shard numbers in base 36 with runs as ranges.
std::string encode_shards(const std::vector<uint32_t>& shards);
std::vector<uint32_t> decode_shards(std::string_view text);


}  // namespace chuxin::search
