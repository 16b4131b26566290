#pragma once
// Sets of pages (ids 0 … pages-1, in site order) as short ASCII strings in
// the gram files (docs/search.md "Page sets"): whichever is shorter of
//   a bitmap: "#" then 6 pages per character, and
//   a list: the gaps between ids as variable-length numbers.
// The alphabet avoids '"', '\\' and '<', so a set needs no escaping in a
// script, and '#', which marks a bitmap. search.js decodeSet reads both.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace chuxin::search {

// `ids` ascending, each < pages.
std::string encode_set(const std::vector<uint32_t>& ids, uint32_t pages);
std::vector<uint32_t> decode_set(std::string_view text, uint32_t pages);

// A number as set lists write it (most significant digit first; digits 45…89
// say "more follows"): small numbers for the page table too.
void append_number(std::string& out, uint32_t n);
uint32_t read_number(std::string_view text, size_t& at);

}  // namespace chuxin::search
