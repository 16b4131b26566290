#pragma once
// Image files → libharu image objects, loaded once per path per document.
#include <hpdf.h>

#include <map>
#include <string>

namespace chuxin::pdf {

class ImageCache {
public:
    explicit ImageCache(HPDF_Doc pdf) : pdf_(pdf) {}
    // The image at `path` (PNG or JPEG, told apart by their signatures), or
    // nullptr with `problem` set. 16-bit PNGs are converted to 8 bits first:
    // libharu 2.3.0 embeds them but viewers show garbage (research §5);
    // `note` then says so (a warning, the image is still drawn).
    HPDF_Image get(const std::string& path, std::string& problem, std::string& note);

private:
    HPDF_Image load(const std::string& path, std::string& problem, std::string& note);
    HPDF_Doc pdf_;
    std::map<std::string, HPDF_Image> loaded_;
};

// Reads `path` (any PNG) and writes it back as an 8-bit-per-channel PNG in
// memory. Empty and `error` set on failure.
std::string png_to_8bit(const std::string& path, std::string& error);

}  // namespace chuxin::pdf
