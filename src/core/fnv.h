#pragma once
// FNV-1a, 64 bits: a fast, stable hash for telling whether some text changed
// between two builds (not for security: nothing here is secret).
#include <cstdint>
#include <string_view>

namespace chuxin {

inline constexpr uint64_t kFnvOffset = 14695981039346656037ull;

inline uint64_t fnv1a64(std::string_view text, uint64_t hash = kFnvOffset) {
    for (unsigned char c : text) {
        hash ^= c;
        hash *= 1099511628211ull;
    }
    return hash;
}

}  // namespace chuxin
