#include "search/set_code.h"

#include <array>

namespace chuxin::search {

namespace {

// Printable ASCII but '"', '#', '\\' and '<': 90 digits.
constexpr std::string_view kAlphabet =
    "!$%&'()*+,-./0123456789:;=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_`abcdefghijklmnopqrstuvwxyz{|}~";
static_assert(kAlphabet.size() == 90);
constexpr uint32_t kBase = 45;  // digits 0…44 end a number, 45…89 continue it

const std::array<int8_t, 128>& digit_values() {
    static const std::array<int8_t, 128> values = [] {
        std::array<int8_t, 128> v{};
        v.fill(-1);
        for (size_t i = 0; i < kAlphabet.size(); ++i) v[static_cast<unsigned char>(kAlphabet[i])] = static_cast<int8_t>(i);
        return v;
    }();
    return values;
}

int digit(char c) {
    const auto u = static_cast<unsigned char>(c);
    return u < 128 ? digit_values()[u] : -1;
}

std::string bitmap(const std::vector<uint32_t>& ids, uint32_t pages) {
    std::vector<uint8_t> sextets((pages + 5) / 6, 0);
    for (uint32_t id : ids) sextets[id / 6] |= static_cast<uint8_t>(1u << (id % 6));
    std::string out = "#";
    for (uint8_t s : sextets) out += kAlphabet[s];
    return out;
}

}  // namespace

void append_number(std::string& out, uint32_t n) {
    char digits[16];
    int k = 0;
    digits[k++] = kAlphabet[n % kBase];
    for (n /= kBase; n; n /= kBase) digits[k++] = kAlphabet[kBase + n % kBase];
    while (k) out += digits[--k];
}

uint32_t read_number(std::string_view text, size_t& at) {
    uint32_t n = 0;
    while (at < text.size()) {
        const int d = digit(text[at++]);
        if (d < 0) break;
        if (d < static_cast<int>(kBase)) return n * kBase + static_cast<uint32_t>(d);
        n = n * kBase + static_cast<uint32_t>(d) - kBase;
    }
    return n;
}

std::string encode_set(const std::vector<uint32_t>& ids, uint32_t pages) {
    if (ids.size() > (pages + 5) / 6 + 1) return bitmap(ids, pages);  // a list takes a character a page at least
    std::string list;
    uint32_t next = 0;
    for (uint32_t id : ids) {
        append_number(list, id - next);
        next = id + 1;
    }
    if (list.size() <= (pages + 5) / 6 + 1) return list;
    return bitmap(ids, pages);
}

std::vector<uint32_t> decode_set(std::string_view text, uint32_t pages) {
    std::vector<uint32_t> out;
    if (!text.empty() && text[0] == '#') {
        for (size_t i = 1; i < text.size(); ++i) {
            const int bits = digit(text[i]);
            for (uint32_t b = 0; b < 6; ++b)
                if (bits >= 0 && (bits >> b & 1) && (i - 1) * 6 + b < pages) out.push_back(static_cast<uint32_t>((i - 1) * 6 + b));
        }
        return out;
    }
    uint32_t next = 0;
    for (size_t at = 0; at < text.size();) {
        next += read_number(text, at);
        out.push_back(next++);
    }
    return out;
}

}  // namespace chuxin::search
