#include "markdown/sanitize.h"

#include <bit>
#include <cstdint>
#include <cstring>

namespace chuxin::markdown {
namespace {

bool is_forbidden(unsigned cp) {
    return (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') || cp == 0x7F;
}

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// If a numeric character reference starts at text[i] ("&#…;") and decodes to
// a forbidden control, rewrites its digits in `out` (same length) so that it
// decodes to U+0020 (or U+0009 when there is room for one digit only).
void neutralize_reference(std::string_view text, size_t i, std::string& out) {
    size_t j = i + 2;
    bool hex = j < text.size() && (text[j] == 'x' || text[j] == 'X');
    if (hex) ++j;
    size_t digits_begin = j;
    unsigned long value = 0;
    while (j < text.size() && j - digits_begin < 8) {
        int d = hex ? hex_value(text[j]) : (text[j] >= '0' && text[j] <= '9' ? text[j] - '0' : -1);
        if (d < 0) break;
        value = value * (hex ? 16 : 10) + static_cast<unsigned long>(d);
        ++j;
    }
    size_t digits = j - digits_begin;
    if (digits == 0 || j >= text.size() || text[j] != ';') return;
    if (!is_forbidden(static_cast<unsigned>(value)) || value > 0x7F) return;
    if (out.empty()) out.assign(text);
    std::string replacement = digits == 1 ? "9" : (hex ? "20" : "32");
    replacement.insert(0, digits - replacement.size(), '0');
    out.replace(digits_begin, digits, replacement);
}

// Length of the well-formed UTF-8 sequence at text[i] (RFC 3629 §4: no
// overlongs, no surrogates, nothing past U+10FFFF), or 0.
size_t utf8_sequence(std::string_view text, size_t i) {
    auto at = [&](size_t k) { return k < text.size() ? static_cast<unsigned char>(text[k]) : 0u; };
    auto cont = [&](size_t k) { return (at(k) & 0xC0) == 0x80; };
    unsigned c = at(i), c1 = at(i + 1);
    if (c >= 0xC2 && c <= 0xDF) return cont(i + 1) ? 2 : 0;
    if (c >= 0xE0 && c <= 0xEF) {
        bool second = c == 0xE0 ? (c1 >= 0xA0 && c1 <= 0xBF) : c == 0xED ? (c1 >= 0x80 && c1 <= 0x9F) : cont(i + 1);
        return second && cont(i + 2) ? 3 : 0;
    }
    if (c >= 0xF0 && c <= 0xF4) {
        bool second = c == 0xF0 ? (c1 >= 0x90 && c1 <= 0xBF) : c == 0xF4 ? (c1 >= 0x80 && c1 <= 0x8F) : cont(i + 1);
        return second && cont(i + 2) && cont(i + 3) ? 4 : 0;
    }
    return 0;
}

}  // namespace

std::string_view sanitize_controls(std::string_view text, std::string& storage) {
    storage.clear();
    auto write = [&](size_t i, char c) {
        if (storage.empty()) storage.assign(text);
        storage[i] = c;
    };
    const auto* p = reinterpret_cast<const unsigned char*>(text.data());
    const size_t n = text.size();
    for (size_t i = 0; i < n;) {
        const unsigned char c = p[i];
        // The common bytes first: printable ASCII other than '&', and CJK
        // (lead E1–EC or EE–EF with two continuation bytes is always a
        // well-formed sequence; E0 and ED restrict the second byte).
        if (c >= 0x20 && c < 0x7F && c != '&') {
            ++i;
            continue;
        }
        if (c >= 0xE1 && c <= 0xEF && c != 0xED) {
            // Runs of CJK: one 4-byte load per character (its fourth byte is
            // the next one's lead), as load::invalid_utf8_at does.
            const size_t run_start = i;
            while (i + 4 <= n) {
                uint32_t w;
                std::memcpy(&w, p + i, 4);
                if constexpr (std::endian::native == std::endian::big) w = __builtin_bswap32(w);
                const uint32_t lead = w & 0xFF;
                if ((w & 0xC0C0F0) != 0x8080E0 || lead == 0xE0 || lead == 0xED) break;
                i += 3;
            }
            if (i != run_start) continue;
            if (i + 2 < n && (p[i + 1] & 0xC0) == 0x80 && (p[i + 2] & 0xC0) == 0x80) {
                i += 3;  // the last character, with no fourth byte to load
                continue;
            }
        }
        if (c >= 0x80) {
            size_t len = utf8_sequence(text, i);
            if (len == 0) write(i, '?');  // the loader rejects such files; fragments may not
            i += len ? len : 1;
            continue;
        }
        if (is_forbidden(c))
            write(i, ' ');
        else if (c == '&' && i + 1 < text.size() && text[i + 1] == '#')
            neutralize_reference(text, i, storage);
        ++i;
    }
    return storage.empty() ? text : std::string_view(storage);
}

}  // namespace chuxin::markdown
