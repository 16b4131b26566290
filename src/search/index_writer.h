#pragma once
// Writing the index as it is made: the entries are read once, in order; each
// text file is compressed (on a second thread) and written as soon as its
// pages are in; the gram files are written once every page is counted. So the
// build holds neither all entries nor all files (docs/search.md "Cost").
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "search/compress.h"
#include "search/grams.h"
#include "search/index.h"

namespace chuxin::search {

// Called from two threads at once (the sink is thread-safe).
using IndexWrite = std::function<void(const std::string& path, std::string_view bytes)>;

void write_index(const EntrySource& entries, const IndexLimits& limits, const IndexWrite& write, TextCache* cache = nullptr);

// The pieces of the files, for the updater to make the same bytes.
std::string gram_record(uint64_t key, const PageSets& sets, const std::u32string& left, const std::u32string& right,
                        uint32_t pages);
size_t record_estimate(size_t pages_code_bytes, size_t left, size_t right, uint32_t pages);
uint32_t gram_file_count(size_t total_estimate, const IndexLimits& limits);
std::string gram_file(uint32_t k, const std::vector<const std::string*>& records);
std::string meta_script(size_t pages, uint32_t gram_files, size_t chunk_pages, size_t chunks);
std::string dictionary_script(const std::string& dictionary);
std::string page_table_script(const std::vector<Entry>& entries);
// `input` (if given) gets the records' JSON the file was compressed from.
std::string text_file(size_t chunk, const std::vector<Entry>& pages, const std::string& dictionary, std::string* input);
std::string text_file(size_t chunk, const std::vector<Entry>& pages, DictionaryDeflater& deflater, std::string* input);

}  // namespace chuxin::search
