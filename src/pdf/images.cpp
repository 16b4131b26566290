#include "pdf/images.h"

#include <png.h>

#include <algorithm>

namespace chuxin::pdf {
namespace {

enum class ImageKind { Png, Jpeg, Unknown };

struct Header {
    ImageKind kind = ImageKind::Unknown;
    int png_bit_depth = 0;
    bool readable = false;
};

// PNG: 8-byte signature, then the IHDR chunk (length, "IHDR", width,
// height, bit depth at byte 24). JPEG: SOI marker FF D8.
Header sniff(std::string_view bytes) {
    Header h;
    if (bytes.size() < 4) return h;
    h.readable = true;
    const auto* b = reinterpret_cast<const unsigned char*>(bytes.data());
    static constexpr unsigned char png_sig[8] = {0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
    if (bytes.size() >= 26 && std::equal(png_sig, png_sig + 8, b)) {
        h.kind = ImageKind::Png;
        h.png_bit_depth = b[24];
    } else if (b[0] == 0xFF && b[1] == 0xD8) {
        h.kind = ImageKind::Jpeg;
    }
    return h;
}

const HPDF_BYTE* hpdf_bytes(std::string_view bytes) { return reinterpret_cast<const HPDF_BYTE*>(bytes.data()); }

struct PngImage {
    png_image image{};
    ~PngImage() { png_image_free(&image); }
};

}  // namespace

std::string png_to_8bit(std::string_view png, std::string& error) {
    PngImage in;
    in.image.version = PNG_IMAGE_VERSION;
    if (!png_image_begin_read_from_memory(&in.image, png.data(), png.size())) {
        error = in.image.message;
        return {};
    }
    // Keep colour and alpha as they are; only the sample depth changes.
    in.image.format &= ~png_uint_32(PNG_FORMAT_FLAG_LINEAR | PNG_FORMAT_FLAG_COLORMAP);
    std::string pixels(PNG_IMAGE_SIZE(in.image), '\0');
    if (!png_image_finish_read(&in.image, nullptr, pixels.data(), 0, nullptr)) {
        error = in.image.message;
        return {};
    }
    PngImage out;
    out.image = in.image;
    out.image.opaque = nullptr;
    png_alloc_size_t size = 0;
    if (!png_image_write_get_memory_size(out.image, size, 0, pixels.data(), 0, nullptr)) {
        error = out.image.message;
        return {};
    }
    std::string bytes(size, '\0');
    if (!png_image_write_to_memory(&out.image, bytes.data(), &size, 0, pixels.data(), 0,
                                   nullptr)) {
        error = out.image.message;
        return {};
    }
    bytes.resize(size);
    return bytes;
}

HPDF_Image ImageCache::get(const std::string& path, std::string& problem, std::string& note) {
    if (auto it = loaded_.find(path); it != loaded_.end()) return it->second;
    HPDF_Image image = load(path, problem, note);
    if (image) loaded_.emplace(path, image);
    return image;
}

HPDF_Image ImageCache::load(const std::string& path, std::string& problem, std::string& note) {
    const std::optional<Bytes> file = world_.read_file(path);
    const std::string_view bytes = file ? file->view() : std::string_view();
    Header h = sniff(bytes);
    if (!h.readable) {
        problem = "cannot read image '" + path + "'";
        return nullptr;
    }
    if (h.kind == ImageKind::Jpeg) return HPDF_LoadJpegImageFromMem(pdf_, hpdf_bytes(bytes), HPDF_UINT(bytes.size()));
    if (h.kind != ImageKind::Png) {
        problem = "image '" + path + "' is neither PNG nor JPEG";
        return nullptr;
    }
    if (h.png_bit_depth != 16) return HPDF_LoadPngImageFromMem(pdf_, hpdf_bytes(bytes), HPDF_UINT(bytes.size()));
    std::string error;
    std::string png = png_to_8bit(bytes, error);
    if (png.empty()) {
        problem = "cannot convert 16-bit PNG '" + path + "': " + error;
        return nullptr;
    }
    note = "image '" + path + "' has 16 bits per sample; converted to 8 for the PDF";
    return HPDF_LoadPngImageFromMem(pdf_, hpdf_bytes(png), HPDF_UINT(png.size()));
}

}  // namespace chuxin::pdf
