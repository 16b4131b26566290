#pragma once
// Plain text gathered from Markdown inlines, for heading texts and summaries.
#include <string>
#include <string_view>

namespace chuxin::markdown {

// Collapses each run of whitespace to one space, or to nothing when it holds
// a line break and sits between two Chinese characters (a line break inside a
// Chinese paragraph is not a word space), and trims both ends.
std::string normalize_space(std::string_view text);

// At most `max_chars` code points: the text itself, or its start and "…"
// (the ellipsis counted in the limit). content-format §2/§8: summary ≤ 120.
std::string cut_summary(std::string_view text, size_t max_chars = 120);

}  // namespace chuxin::markdown
