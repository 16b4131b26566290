#pragma once
// The World of a build on this machine: site files from disk under the site
// folder, fonts through fontconfig (fonts/fontconfig.h) read in place
// (mapped), and SOURCE_DATE_EPOCH as the clock. The only place of the
// handbook stages that touches the disk or fontconfig (tests/architecture/
// check_world.py).
#include <memory>
#include <mutex>

#include "core/world.h"

namespace chuxin::fonts {

class FontCatalog;  // fonts/fontconfig.h: kept out of this header

class SystemWorld : public World {
public:
    // `site_root`: the folder site paths are relative to ("" or "." = the
    // working folder; an absolute path given to read_file is taken as is).
    // `source_date_epoch`: SOURCE_DATE_EPOCH as the command line read it
    // (nullopt when unset): the clock. fontconfig loads on first use.
    SystemWorld(std::string site_root, std::optional<long long> source_date_epoch);
    ~SystemWorld() override;

    std::optional<Bytes> read_file(const std::string& path) const override;
    std::vector<FontFile> font_matches(const std::string& family) const override;
    std::vector<FontFile> regular_fonts() const override;
    std::optional<Bytes> font_data(const FontFile& face) const override;
    std::optional<long long> now() const override { return now_; }

private:
    const FontCatalog& catalog() const;

    std::string root_;
    std::optional<long long> now_;
    mutable std::once_flag catalog_loaded_;
    mutable std::unique_ptr<FontCatalog> catalog_;
};

}  // namespace chuxin::fonts
