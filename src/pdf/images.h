#pragma once
// Image files → libharu image objects, read through the World and loaded
// once per path per document.
#include <hpdf.h>

#include <map>
#include <string>
#include <string_view>

#include "core/world.h"

namespace chuxin::pdf {

class ImageCache {
public:
    ImageCache(HPDF_Doc pdf, const World& world) : pdf_(pdf), world_(world) {}
    // The image at site-relative `path` (PNG or JPEG, told apart by their signatures), or
    // nullptr with `problem` set. 16-bit PNGs are converted to 8 bits first:
    // libharu 2.3.0 embeds them but viewers show garbage (research §5);
    // `note` then says so (a warning, the image is still drawn).
    HPDF_Image get(const std::string& path, std::string& problem, std::string& note);

private:
    HPDF_Image load(const std::string& path, std::string& problem, std::string& note);
    HPDF_Doc pdf_;
    const World& world_;
    std::map<std::string, HPDF_Image> loaded_;
};

// `png` (any PNG) written back as an 8-bit-per-channel PNG. Empty and
// `error` set on failure.
std::string png_to_8bit(std::string_view png, std::string& error);

}  // namespace chuxin::pdf
