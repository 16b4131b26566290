#include "markdown/sanitize.h"

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

}  // namespace

std::string_view sanitize_controls(std::string_view text, std::string& storage) {
    storage.clear();
    for (size_t i = 0; i < text.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(text[i]);
        if (is_forbidden(c)) {
            if (storage.empty()) storage.assign(text);
            storage[i] = ' ';
        } else if (c == '&' && i + 1 < text.size() && text[i + 1] == '#') {
            neutralize_reference(text, i, storage);
        }
    }
    return storage.empty() ? text : std::string_view(storage);
}

}  // namespace chuxin::markdown
