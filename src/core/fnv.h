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

// One field of a record: its text, then a separator no text holds, so that
// ("ab", "c") and ("a", "bc") hash differently.
inline uint64_t fnv1a64_field(std::string_view text, uint64_t hash) {
    return fnv1a64(std::string_view("\x1f", 1), fnv1a64(text, hash));
}

}  // namespace chuxin
