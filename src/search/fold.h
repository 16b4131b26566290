#pragma once
// Folding: what the index and the query are both reduced to before a
// substring is looked for (docs/search.md "Folding"). One code point folds
// to one code point of the same UTF-16 length, so a match found in folded
// text is at the same place in the original (the page script marks it there).
//   full-width ASCII forms U+FF01–FF5E → ASCII; U+3000 and every other space → ' '
//   Latin A–Z → a–z
//   traditional → simplified, by the OpenCC character table (fold_table.h)
// themes/default/static/js/search.js folds the query with the same rules; its
// table is search/fold.js, written from the same data (write_fold_table).
#include <string>
#include <string_view>

namespace chuxin::search {

char32_t fold(char32_t cp);
// Folded code points of UTF-8 text.
std::u32string fold_text(std::string_view utf8);
// A space-like code point: never part of a gram or a query word.
bool is_space(char32_t cp);

// search/fold.js: the traditional → simplified pairs as one string of
// "from to from to …" characters, for the page script.
std::string fold_table_script();

}  // namespace chuxin::search
