#include "search/compress.h"

#include <zlib.h>

#include <stdexcept>

namespace chuxin::search {

struct DictionaryDeflater::Stream {
    z_stream z{};
};

DictionaryDeflater::DictionaryDeflater(std::string dictionary)
    : stream_(std::make_unique<Stream>()), dictionary_(std::move(dictionary)),
      dictionary_sum_(adler32(1, reinterpret_cast<const Bytef*>(dictionary_.data()), static_cast<uInt>(dictionary_.size()))) {
    if (deflateInit2(&stream_->z, 6, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        throw std::runtime_error("search: zlib deflateInit2 failed");
}

DictionaryDeflater::~DictionaryDeflater() { deflateEnd(&stream_->z); }

std::string DictionaryDeflater::deflate(std::string_view text) {
    z_stream& z = stream_->z;
    deflateReset(&z);
    if (!dictionary_.empty())
        deflateSetDictionary(&z, reinterpret_cast<const Bytef*>(dictionary_.data()), static_cast<uInt>(dictionary_.size()));
    std::string out(deflateBound(&z, static_cast<uLong>(text.size())) + 16, '\0');
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(text.data()));
    z.avail_in = static_cast<uInt>(text.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = static_cast<uInt>(out.size());
    if (::deflate(&z, Z_FINISH) != Z_STREAM_END) throw std::runtime_error("search: zlib deflate did not finish");
    out.resize(z.total_out);
    const uLong text_sum = adler32(1, reinterpret_cast<const Bytef*>(text.data()), static_cast<uInt>(text.size()));
    const uLong sum = adler32_combine(dictionary_sum_, text_sum, static_cast<z_off_t>(text.size()));
    for (int shift = 24; shift >= 0; shift -= 8) out += static_cast<char>(sum >> shift & 0xFF);
    return out;
}

std::string deflate_with_dictionary(std::string_view text, std::string_view dictionary) {
    DictionaryDeflater d{std::string(dictionary)};
    return d.deflate(text);
}

std::string base64(std::string_view bytes) {
    static constexpr char kDigits[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    out.reserve((bytes.size() + 2) / 3 * 4);
    for (size_t i = 0; i < bytes.size(); i += 3) {
        uint32_t n = static_cast<uint8_t>(bytes[i]) << 16;
        if (i + 1 < bytes.size()) n |= static_cast<uint8_t>(bytes[i + 1]) << 8;
        if (i + 2 < bytes.size()) n |= static_cast<uint8_t>(bytes[i + 2]);
        out += kDigits[n >> 18 & 63];
        out += kDigits[n >> 12 & 63];
        out += i + 1 < bytes.size() ? kDigits[n >> 6 & 63] : '=';
        out += i + 2 < bytes.size() ? kDigits[n & 63] : '=';
    }
    return out;
}

}  // namespace chuxin::search
