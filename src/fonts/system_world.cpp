#include "fonts/system_world.h"

#include <hb.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "fonts/fontconfig.h"

namespace chuxin::fonts {

SystemWorld::SystemWorld(std::string site_root, std::optional<long long> source_date_epoch)
    : root_(std::move(site_root)), now_(source_date_epoch) {}

SystemWorld::~SystemWorld() = default;

const FontCatalog& SystemWorld::catalog() const {
    std::call_once(catalog_loaded_, [this] { catalog_ = std::make_unique<FontCatalog>(); });
    return *catalog_;
}

std::optional<Bytes> SystemWorld::read_file(const std::string& path) const {
    const std::filesystem::path file = root_.empty() ? std::filesystem::path(path) : std::filesystem::path(root_) / path;
    std::error_code ec;
    if (!std::filesystem::is_regular_file(file, ec)) return std::nullopt;
    std::ifstream in(file, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return Bytes::copy_of(std::move(bytes).str());
}

std::vector<FontFile> SystemWorld::font_matches(const std::string& family) const {
    return catalog().matches(family);
}

std::vector<FontFile> SystemWorld::regular_fonts() const { return catalog().regular_faces(); }

// Mapped, not copied: the installed CJK fonts alone are tens of megabytes.
std::optional<Bytes> SystemWorld::font_data(const FontFile& face) const {
    std::shared_ptr<hb_blob_t> blob(hb_blob_create_from_file_or_fail(face.file.c_str()), hb_blob_destroy);
    if (!blob) return std::nullopt;
    unsigned length = 0;
    const char* data = hb_blob_get_data(blob.get(), &length);
    return Bytes(std::shared_ptr<const void>(blob, data), std::string_view(data, length));
}

}  // namespace chuxin::fonts
