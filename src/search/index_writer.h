#pragma once
// Writing the index as it is made: the entries are read once, in order; each
// text file is compressed (on a second thread) and written as soon as its
// pages are in; the gram files are written once every page is counted. So the
// build holds neither all entries nor all files (docs/search.md "Cost").
#include <functional>
#include <string>
#include <string_view>

#include "search/index.h"

namespace chuxin::search {

// Called from two threads at once (the sink is thread-safe).
using IndexWrite = std::function<void(const std::string& path, std::string_view bytes)>;

void write_index(const EntrySource& entries, const IndexLimits& limits, const IndexWrite& write, TextCache* cache = nullptr);

}  // namespace chuxin::search
