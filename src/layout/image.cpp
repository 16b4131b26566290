// Pixel sizes from file headers, so layout can scale images without an image
// library: PNG IHDR (PNG spec §11.2.2) and JPEG SOFn markers (ITU T.81 §B.2.2).
#include <algorithm>

#include "layout/flow.h"

namespace chuxin::layout {

namespace {

unsigned be16(const unsigned char* p) { return (unsigned(p[0]) << 8) | p[1]; }
unsigned be32(const unsigned char* p) { return (be16(p) << 16) | be16(p + 2); }

const unsigned char* bytes_of(std::string_view d) { return reinterpret_cast<const unsigned char*>(d.data()); }

PixelSize png_size(std::string_view d) {
    static const unsigned char sig[8] = {0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    const unsigned char* b = bytes_of(d);
    if (d.size() < 24 || !std::equal(sig, sig + 8, b)) return {};
    if (d.substr(12, 4) != "IHDR") return {};
    return {static_cast<int>(be32(b + 16)), static_cast<int>(be32(b + 20))};
}

PixelSize jpeg_size(std::string_view d) {
    const unsigned char* b = bytes_of(d);
    size_t at = 0;
    auto have = [&](size_t n) { return at + n <= d.size(); };
    if (!have(2) || b[0] != 0xFF || b[1] != 0xD8) return {};
    at = 2;
    for (;;) {
        if (!have(2) || b[at] != 0xFF) return {};
        const unsigned char marker = b[at + 1];
        if (marker == 0xFF) { at += 1; continue; }  // fill byte
        at += 2;
        if (marker == 0xD8 || (marker >= 0xD0 && marker <= 0xD7) || marker == 0x01) continue;
        if (!have(2)) return {};
        const unsigned len = be16(b + at);
        if (len < 2) return {};
        const bool sof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 &&
                         marker != 0xCC;
        if (sof) {
            if (!have(7)) return {};
            return {static_cast<int>(be16(b + at + 5)), static_cast<int>(be16(b + at + 3))};
        }
        at += len;
    }
}

}  // namespace

PixelSize image_pixel_size(std::string_view bytes) {
    if (PixelSize p = png_size(bytes); p.width > 0) return p;
    return jpeg_size(bytes);
}

std::optional<PixelSize> ImageSizes::find(const std::string& path) {
    std::lock_guard lock(mutex_);
    auto it = sizes_.find(path);
    if (it == sizes_.end()) {
        std::optional<PixelSize> size;
        if (std::optional<Bytes> bytes = world_.read_file(path)) size = image_pixel_size(bytes->view());
        it = sizes_.emplace(path, size).first;
    }
    return it->second;
}

}  // namespace chuxin::layout
