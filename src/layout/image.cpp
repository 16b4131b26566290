// Pixel sizes from file headers, so layout can scale images without an image
// library: PNG IHDR (PNG spec §11.2.2) and JPEG SOFn markers (ITU T.81 §B.2.2).
#include <fstream>
#include <vector>

#include "layout/flow.h"

namespace chuxin::layout {

namespace {

unsigned be16(const unsigned char* p) { return (unsigned(p[0]) << 8) | p[1]; }
unsigned be32(const unsigned char* p) { return (be16(p) << 16) | be16(p + 2); }

PixelSize png_size(const std::vector<unsigned char>& d) {
    static const unsigned char sig[8] = {0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    if (d.size() < 24 || !std::equal(sig, sig + 8, d.begin())) return {};
    if (std::string(d.begin() + 12, d.begin() + 16) != "IHDR") return {};
    return {static_cast<int>(be32(&d[16])), static_cast<int>(be32(&d[20]))};
}

PixelSize jpeg_size(std::ifstream& in) {
    unsigned char m[2];
    if (!in.read(reinterpret_cast<char*>(m), 2) || m[0] != 0xFF || m[1] != 0xD8) return {};
    for (;;) {
        unsigned char h[4];
        if (!in.read(reinterpret_cast<char*>(h), 2)) return {};
        if (h[0] != 0xFF) return {};
        const unsigned char marker = h[1];
        if (marker == 0xFF) { in.seekg(-1, std::ios::cur); continue; }  // fill byte
        if (marker == 0xD8 || (marker >= 0xD0 && marker <= 0xD7) || marker == 0x01) continue;
        if (!in.read(reinterpret_cast<char*>(h), 2)) return {};
        const unsigned len = be16(h);
        if (len < 2) return {};
        const bool sof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 &&
                         marker != 0xCC;
        if (sof) {
            unsigned char f[5];
            if (!in.read(reinterpret_cast<char*>(f), 5)) return {};
            return {static_cast<int>(be16(f + 3)), static_cast<int>(be16(f + 1))};
        }
        in.seekg(len - 2, std::ios::cur);
    }
}

}  // namespace

PixelSize image_pixel_size(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return {};
    std::vector<unsigned char> head(24);
    in.read(reinterpret_cast<char*>(head.data()), 24);
    head.resize(static_cast<size_t>(in.gcount()));
    if (PixelSize p = png_size(head); p.width > 0) return p;
    in.clear();
    in.seekg(0);
    return jpeg_size(in);
}

}  // namespace chuxin::layout
