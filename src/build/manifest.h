#pragma once
// <output>/.chuxin-manifest: every file chuxin wrote into the output folder,
// with a hash of the bytes it wrote and the stamp (size, mtime, inode) the
// file had then. It is what tells chuxin's files from the user's: only a
// listed file is ever deleted, and only while it still holds chuxin's bytes.
//
// Format (version 2), sorted by path:
//   chuxin-manifest 2
//   <16 hex digits of the hash> <size> <mtime in ns> <inode> <path>
// Version 1 (no header; "<16 hex digits> <path>" per line) is still read,
// with unknown stamps, so an output folder of an older chuxin upgrades.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "core/diagnostic.h"

namespace chuxin::build {

// What stat(2) says of a file; when all three match, the bytes are taken to
// be the ones hashed (as git's index does), so a rebuild reads no file back.
struct FileStamp {
    uint64_t size = 0;
    uint64_t mtime_ns = 0;
    uint64_t inode = 0;  // 0: unknown (a version-1 manifest)

    bool known() const { return inode != 0; }
    bool operator==(const FileStamp&) const = default;
};

struct ManifestEntry {
    uint64_t hash = 0;
    FileStamp stamp;

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

}  // namespace chuxin::build
