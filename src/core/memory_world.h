#pragma once
// A World held in memory: files and fonts are handed in as bytes, the clock
// is set by hand, and every request is recorded, so a test can check that a
// whole handbook build asked for nothing else.
#include <map>
#include <mutex>

#include "core/world.h"

namespace chuxin {

class MemoryWorld : public World {
public:
    // A site file under its site-relative path (World::read_file).
    void add_file(const std::string& path, std::string bytes);
    // A face; its bytes are those of `face.file` (given once per file: the
    // faces of one TTC share them). Faces added first are preferred.
    void add_font(const FontFile& face, std::string bytes);
    void add_font(const FontFile& face);  // another face of a file already added
    void set_now(std::optional<long long> seconds) { now_ = seconds; }

    std::optional<Bytes> read_file(const std::string& path) const override;
    // The faces listing `family` among their names, in the order added, then
    // every other face (the stand-ins fontconfig would offer).
    std::vector<FontFile> font_matches(const std::string& family) const override;
    std::vector<FontFile> regular_fonts() const override;
    std::optional<Bytes> font_data(const FontFile& face) const override;
    std::optional<long long> now() const override { return now_; }

    // Every read_file and font_data request so far, in order, as
    // "file <path>" or "font <file>"; a request that found nothing ends in
    // " (missing)".
    std::vector<std::string> requests() const;

private:
    void record(std::string request) const;

    std::map<std::string, Bytes> files_;
    std::map<std::string, Bytes> font_files_;
    std::vector<FontFile> faces_;
    std::optional<long long> now_;
    mutable std::mutex mutex_;  // layout and PDF writing may run on several threads
    mutable std::vector<std::string> requests_;
};

}  // namespace chuxin
