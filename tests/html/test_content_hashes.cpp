// The output manifest's batched hashing (site/staged_output.h) must give
// each file exactly its content_hash: the manifest decides what an
// incremental build rewrites. (Here because tests/site belongs to the build
// stage's own tests; this file is compiled where chuxin_site exists.)
#include <catch2/catch.hpp>

#include <random>

#include "site/staged_output.h"

using chuxin::site::content_hash;
using chuxin::site::content_hashes;
using chuxin::site::kHashLanes;

TEST_CASE("content_hashes equals content_hash per string, for any lengths and counts (property)") {
    std::mt19937 rng(7);
    for (int round = 0; round < 2000; ++round) {
        const size_t count = rng() % (2 * kHashLanes + 2);  // 0 … more than two batches
        std::vector<std::string> texts(count);
        for (auto& t : texts) {
            const size_t len = (rng() % 5 == 0) ? 0 : rng() % 300;  // empty ones too, equal lengths often
            for (size_t i = 0; i < len; ++i) t += static_cast<char>(rng() % 256);
        }
        std::vector<std::string_view> views(texts.begin(), texts.end());
        std::vector<uint64_t> hashes(count, 0);
        content_hashes(views.data(), count, hashes.data());
        for (size_t i = 0; i < count; ++i) {
            INFO("round " << round << ", string " << i << " of " << count);
            REQUIRE(hashes[i] == content_hash(texts[i]));
        }
    }
    CHECK(content_hash("") == 0xcbf29ce484222325ull);  // FNV-1a 64 offset basis
    CHECK(content_hash("a") == 0xaf63dc4c8601ec8cull);  // published FNV-1a 64 test vector
}
