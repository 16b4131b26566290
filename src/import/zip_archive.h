#pragma once
// A .docx is a zip archive (ECMA-376 Part 2, Open Packaging Conventions).
// ZipArchive owns one libzip archive opened from bytes in memory and hands
// out entries by name, refusing what a hostile file could use against us:
// entry names with `..` or an absolute path, entries larger than a limit,
// entries that inflate more than a ratio (zip bombs), and more than a total.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

struct zip;
struct zip_source;

namespace chuxin::import {

struct ZipLimits {
    size_t entry_bytes = 64u << 20;   // one inflated entry (a large photo is ~10 MB)
    size_t total_bytes = 256u << 20;  // everything read from one archive
    size_t ratio = 200;               // inflated / compressed, for entries over 1 MB
};

class ZipArchive {
public:
    // Not copyable or movable: libzip's source points into bytes_.
    // Opens `bytes` (which the archive keeps); on failure
    // `error()` says why and every read fails.
    explicit ZipArchive(std::string bytes, ZipLimits limits = {});
    ~ZipArchive();
    ZipArchive(const ZipArchive&) = delete;
    ZipArchive& operator=(const ZipArchive&) = delete;

    bool ok() const { return archive_ != nullptr; }
    const std::string& error() const { return error_; }
    // Every entry name, in archive order (only when each one is safe).
    const std::vector<std::string>& names() const { return names_; }
    bool has(const std::string& name) const;
    // The inflated bytes of `name`, or nullopt with `why` set (missing,
    // over a limit, damaged).
    std::optional<std::string> read(const std::string& name, std::string& why);

private:
    // Why an entry of these sizes may not be inflated, or "".
    std::string over_limits(const std::string& name, uint64_t size, uint64_t packed, uint64_t before) const;

    std::string bytes_;
    ZipLimits limits_;
    zip* archive_ = nullptr;
    std::string error_;
    std::vector<std::string> names_;
    size_t total_read_ = 0;
};

// An entry name a zip may hold without escaping the folder it is unpacked
// into: relative, no `..` part, no backslash, no control character.
bool safe_entry_name(const std::string& name);

}  // namespace chuxin::import
