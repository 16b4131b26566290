#pragma once
// The hash the manifest keeps of every output file's bytes.
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace chuxin::site {

// 64-bit FNV-1a: cheap, stable across runs and machines.
uint64_t content_hash(std::string_view bytes);
// content_hash of up to kHashLanes byte strings at once, into `hashes`.
// FNV-1a is one long dependency chain (multiply after multiply): a single
// string hashes at the multiplier's latency; several chains in lockstep
// share that wait, so a batch costs about what its longest string does.
constexpr size_t kHashLanes = 4;
void content_hashes(const std::string_view* bytes, size_t count, uint64_t* hashes);

}  // namespace chuxin::site
