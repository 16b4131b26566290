#include "site/content_hash.h"

#include <algorithm>

namespace chuxin::site {

namespace {

constexpr uint64_t kFnvOffset = 0xcbf29ce484222325ull;
constexpr uint64_t kFnvPrime = 0x100000001b3ull;

// Advances `Lanes` FNV-1a chains over bytes [from, to) of each, in lockstep.
template <size_t Lanes>
void fnv_lockstep(const unsigned char* const* data, uint64_t* hashes, size_t from, size_t to) {
    uint64_t h[Lanes];
    for (size_t l = 0; l < Lanes; ++l) h[l] = hashes[l];
    for (size_t i = from; i < to; ++i)
        for (size_t l = 0; l < Lanes; ++l) h[l] = (h[l] ^ data[l][i]) * kFnvPrime;
    for (size_t l = 0; l < Lanes; ++l) hashes[l] = h[l];
}

}  // namespace

uint64_t content_hash(std::string_view bytes) {
    uint64_t h = kFnvOffset;
    for (unsigned char c : bytes) {
        h ^= c;
        h *= kFnvPrime;
    }
    return h;
}

void content_hashes(const std::string_view* bytes, size_t count, uint64_t* hashes) {
    if (count > kHashLanes) {  // more than one batch: batch by batch
        for (size_t i = 0; i < count; i += kHashLanes)
            content_hashes(bytes + i, std::min(kHashLanes, count - i), hashes + i);
        return;
    }
    // Shortest first: all lanes run to the shortest's end, then the others
    // go on together to the next shortest's end, and so on.
    size_t order[kHashLanes];
    for (size_t i = 0; i < count; ++i) order[i] = i;
    std::sort(order, order + count, [&](size_t a, size_t b) { return bytes[a].size() < bytes[b].size(); });
    const unsigned char* data[kHashLanes];
    uint64_t h[kHashLanes];
    for (size_t i = 0; i < count; ++i) {
        data[i] = reinterpret_cast<const unsigned char*>(bytes[order[i]].data());
        h[i] = kFnvOffset;
    }
    size_t done = 0;
    for (size_t first = 0; first < count; ++first) {
        const size_t end = bytes[order[first]].size();
        switch (count - first) {
            case 4: fnv_lockstep<4>(data + first, h + first, done, end); break;
            case 3: fnv_lockstep<3>(data + first, h + first, done, end); break;
            case 2: fnv_lockstep<2>(data + first, h + first, done, end); break;
            default: fnv_lockstep<1>(data + first, h + first, done, end); break;
        }
        done = end;
    }
    for (size_t i = 0; i < count; ++i) hashes[order[i]] = h[i];
}

}  // namespace chuxin::site
