#pragma once
// <output>/.chuxin-manifest: every file chuxin wrote into the output folder,
// with a hash and the size of the bytes it wrote. It is what tells chuxin's
// files from the user's: only a listed file is ever deleted or overwritten,
// and only while it still holds chuxin's bytes.
//
// Format (version 2), sorted by path, the same bytes for the same build:
//   chuxin-manifest 2
//   <16 hex digits of the hash> <size> <state> <path>
// where <state> is `wrote`, or `kept` for a file the user changed that
// chuxin left alone (it is checked, and warned about, on every build until
// resolved). Version 1 (no header; "<16 hex digits> <path>" per line) is
// still read, so an output folder of an older chuxin upgrades.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "core/diagnostic.h"

namespace chuxin::site {

struct ManifestEntry {
    static constexpr uint64_t kUnknownSize = UINT64_MAX;  // a version-1 entry

    uint64_t hash = 0;
    uint64_t size = kUnknownSize;
    bool kept = false;  // the user changed the file and chuxin left it; hash and size stay chuxin's

    bool operator==(const ManifestEntry&) const = default;
};

using Manifest = std::map<std::string, ManifestEntry>;

std::string format_manifest(const Manifest& manifest);

// Parses a manifest's text. A line that is not an entry, or whose path could
// leave the output folder (output_paths.h), is an error at `file`:line with
// `hint`; then the result is empty (nullopt) and nothing may be deleted.
std::optional<Manifest> parse_manifest(std::string_view text, const std::string& file, const std::string& hint,
                                       Diagnostics& diags);

// The hashes of a manifest file by path ({} when missing or damaged): for tests.
std::map<std::string, uint64_t> manifest_hashes(const std::string& file);

}  // namespace chuxin::site
