#pragma once
// The traditional → simplified character table (generated at build time
// from OpenCC by make_fold_table.cpp), sorted by `from`.
#include <array>
#include <span>

namespace chuxin::search {

struct FoldPair {
    char32_t from;
    char32_t to;
};

std::span<const FoldPair> traditional_to_simplified();

}  // namespace chuxin::search
