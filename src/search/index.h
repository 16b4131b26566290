#pragma once
// The search index: plain script files the results page loads with <script>
// (works from file://, under any sub-path, from any static server: no fetch,
// no WASM). docs/search.md describes the files and why they look so:
//   search/meta.js       counts: pages, gram files, text files
//   search/fold.js       the traditional → simplified table for the query
//   search/p.js          per page: kind, branch, date (filters, rank)
//   search/g/<k>.js      gram → the pages holding it (grams.h), as page sets
//   search/d.js          the dictionary the text files are compressed with
//   search/t/<c>.js      the text of pages c·chunk … c·chunk+chunk-1, deflated
// A query intersects page sets and loads the text only of the results it
// shows (and, for a long word no gram's context settles, of the candidates).
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "search/entries.h"
#include "search/grams.h"

namespace chuxin::search {

struct IndexLimits {
    size_t gram_file_bytes = 16 * 1024;  // the gram files' count is chosen for this size
    size_t chunk_pages = 4;              // pages per text file
    unsigned threads = 2;                // compressing the text files
};

struct IndexFile {
    std::string path;   // "search/t/3.js"
    std::string bytes;
};

// The text files of the last build and what they were made from, so that a
// rebuild compresses only the files whose pages changed (updater.h).
struct TextCache {
    std::string dictionary;
    std::vector<std::string> inputs;  // per text file: its pages' records
    std::vector<std::string> files;   // per text file: its bytes
};

// Every file of the index, sorted by path; the same bytes for the same
// entries, with or without a cache (index_writer.h writes them as made).
std::vector<IndexFile> build_index(const std::vector<Entry>& entries, const IndexLimits& limits = {},
                                   TextCache* cache = nullptr);

// 32-bit FNV-1a over a gram's code points: which gram file holds it (the
// page script computes the same, search.js gramHash).
uint32_t gram_hash(std::u32string_view gram);

// The page's text as the index folds it (grams.h FoldedPage).
FoldedPage fold_page(const Entry& e);

// A page's record in the text files: [href, title, kind, org, date, tags,
// headings, fields, summary, body] as JSON.
std::string page_record(const Entry& e);

// What build_index compresses the text files with, chosen from the entries.
std::string text_dictionary(const std::vector<Entry>& entries);
std::string text_dictionary(const EntrySource& entries);

}  // namespace chuxin::search
