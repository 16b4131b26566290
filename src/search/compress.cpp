#include "search/compress.h"

#include <zlib.h>

#include <stdexcept>

namespace chuxin::search {

namespace {

// The one owner of a zlib deflate stream.
class Deflater {
public:
    Deflater() {
        if (deflateInit2(&z_, 6, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) != Z_OK)
            throw std::runtime_error("search: zlib deflateInit2 failed");
    }
    ~Deflater() { deflateEnd(&z_); }
    Deflater(const Deflater&) = delete;
    Deflater& operator=(const Deflater&) = delete;

    std::string run(std::string_view text, std::string_view dictionary) {
        if (!dictionary.empty())
            deflateSetDictionary(&z_, reinterpret_cast<const Bytef*>(dictionary.data()), static_cast<uInt>(dictionary.size()));
        std::string out(deflateBound(&z_, static_cast<uLong>(text.size())) + 16, '\0');
        z_.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(text.data()));
        z_.avail_in = static_cast<uInt>(text.size());
        z_.next_out = reinterpret_cast<Bytef*>(out.data());
        z_.avail_out = static_cast<uInt>(out.size());
        if (deflate(&z_, Z_FINISH) != Z_STREAM_END) throw std::runtime_error("search: zlib deflate did not finish");
        out.resize(z_.total_out);
        return out;
    }

private:
    z_stream z_{};
};

}  // namespace

std::string deflate_with_dictionary(std::string_view text, std::string_view dictionary) {
    Deflater d;
    std::string out = d.run(text, dictionary);
    uLong sum = adler32(1, reinterpret_cast<const Bytef*>(dictionary.data()), static_cast<uInt>(dictionary.size()));
    sum = adler32(sum, reinterpret_cast<const Bytef*>(text.data()), static_cast<uInt>(text.size()));
    for (int shift = 24; shift >= 0; shift -= 8) out += static_cast<char>(sum >> shift & 0xFF);
    return out;
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
