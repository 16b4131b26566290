#include "load/front_matter.h"

#include <bit>
#include <cstdint>
#include <cstdio>
#include <cstring>

#include "core/utf8.h"

namespace chuxin::load {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";
constexpr const char* kExample = "start the file with front matter, e.g.\n"
                                 "        ---\n"
                                 "        title: 文章标题\n"
                                 "        ---";

// A fence line is `---`, optionally followed by spaces (editors add them).
bool is_fence(std::string_view line) {
    if (line.substr(0, 3) != "---") return false;
    for (char c : line.substr(3))
        if (c != ' ' && c != '\t') return false;
    return true;
}

bool is_blank(std::string_view line) {
    for (char c : line)
        if (c != ' ' && c != '\t') return false;
    return true;
}

// The line starting at `begin`, without its '\n'; `next` is set past it.
std::string_view line_at(std::string_view text, size_t begin, size_t& next) {
    size_t end = text.find('\n', begin);
    if (end == std::string_view::npos) {
        next = text.size() + 1;
        return text.substr(begin);
    }
    next = end + 1;
    return text.substr(begin, end - begin);
}

}  // namespace

std::string normalize_text(std::string text) {
    if (std::string_view(text).substr(0, kBom.size()) == kBom) text.erase(0, kBom.size());
    // Most files have no CR at all: leave them untouched.
    size_t cr = text.find('\r');
    if (cr == std::string::npos) return text;
    size_t out = cr;
    for (size_t i = cr; i < text.size(); ++i) {
        if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') continue;
        text[out++] = text[i];
    }
    text.resize(out);
    return text;
}

namespace {

// A little-endian load's value on any host (bytes in string order, first lowest).
uint32_t le32(uint32_t w) {
    if constexpr (std::endian::native == std::endian::big) return __builtin_bswap32(w);
    return w;
}

}  // namespace

size_t invalid_utf8_at(std::string_view text) {
    const auto* p = reinterpret_cast<const unsigned char*>(text.data());
    const size_t n = text.size();
    size_t i = 0;
    while (i < n) {
        unsigned char c = p[i];
        if (c < 0x80) {
            // ASCII runs (YAML keys, Markdown syntax) eight bytes at a time.
            ++i;
            while (i + 8 <= n) {
                uint64_t word;
                std::memcpy(&word, p + i, 8);
                if (word & 0x8080808080808080ULL) break;
                i += 8;
            }
            continue;
        }
        // Fast path for the common case, runs of CJK characters (3 bytes, lead
        // E1–EC or EE–EF: with two continuation bytes always well-formed; E0
        // and ED restrict the second byte and take the full check below).
        // One 4-byte load per character, the fourth byte is the next one's lead.
        if ((c & 0xF0) == 0xE0) {
            while (i + 4 <= n) {
                uint32_t w;
                std::memcpy(&w, p + i, 4);
                w = le32(w);
                const uint32_t lead = w & 0xFF;
                if ((w & 0xC0C0F0) != 0x8080E0 || lead == 0xE0 || lead == 0xED) break;
                i += 3;
            }
            c = p[i];
            if (c < 0x80) continue;
        }
        size_t len = c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
        if (len == 0 || i + len > n) return i;
        unsigned char c1 = p[i + 1];
        // Second-byte ranges that exclude overlong forms, surrogates and > U+10FFFF.
        unsigned char lo = c == 0xE0 ? 0xA0 : c == 0xF0 ? 0x90 : 0x80;
        unsigned char hi = c == 0xED ? 0x9F : c == 0xF4 ? 0x8F : 0xBF;
        if (c1 < lo || c1 > hi) return i;
        for (size_t k = 2; k < len; ++k)
            if (p[i + k] < 0x80 || p[i + k] > 0xBF) return i;
        i += len;
    }
    return std::string_view::npos;
}

bool report_if_not_utf8(std::string_view text, const std::string& file, Diagnostics& diags) {
    const std::string hint = "save the file as UTF-8 (in WPS or Notepad: 另存为 → 编码 UTF-8)";
    if (text.substr(0, 2) == "\xFF\xFE" || text.substr(0, 2) == "\xFE\xFF") {
        diags.error({file, 1, 1}, "the file is UTF-16, not UTF-8", hint);
        return true;
    }
    size_t bad = invalid_utf8_at(text);
    if (bad == std::string_view::npos) return false;
    size_t line_begin = text.rfind('\n', bad == 0 ? 0 : bad - 1);
    line_begin = line_begin == std::string_view::npos || bad == 0 ? 0 : line_begin + 1;
    int line = 1;
    for (size_t i = 0; i < line_begin; ++i) line += text[i] == '\n';
    char byte[8];
    std::snprintf(byte, sizeof byte, "0x%02X", static_cast<unsigned char>(text[bad]));
    diags.error({file, line, utf8::column_of(text.substr(line_begin), bad - line_begin)},
                std::string("the file is not UTF-8 (byte ") + byte + ")", hint);
    return true;
}

std::optional<FrontMatter> split_front_matter(std::string raw, const std::string& file, Diagnostics& diags) {
    std::string text = normalize_text(std::move(raw));
    std::string_view view = text;
    size_t next = 0;
    std::string_view first = line_at(view, 0, next);
    if (!is_fence(first)) {
        // A blank line before the fence is the likeliest slip; say so.
        size_t pos = 0;
        int line = 1;
        while (pos <= view.size()) {
            size_t after = 0;
            std::string_view l = line_at(view, pos, after);
            if (!is_blank(l)) {
                if (is_fence(l)) {
                    diags.error({file, 1, 1}, "front matter must start on the first line",
                                "remove the " + std::to_string(line - 1) + " blank line(s) above the '---' on line " +
                                    std::to_string(line));
                    return std::nullopt;
                }
                break;
            }
            pos = after;
            ++line;
        }
        diags.error({file, 1, 1}, "missing front matter", kExample);
        return std::nullopt;
    }
    size_t yaml_begin = next;
    size_t pos = next;
    int line = 2;
    while (pos <= view.size()) {
        size_t after = 0;
        std::string_view l = line_at(view, pos, after);
        if (is_fence(l)) {
            FrontMatter fm;
            fm.yaml = std::string(view.substr(yaml_begin, pos - yaml_begin));
            fm.yaml_line = 2;
            // The body is the file's tail: keep the buffer rather than copy it.
            text.erase(0, std::min(after, text.size()));
            fm.body = std::move(text);
            fm.body_line = line + 1;
            return fm;
        }
        pos = after;
        ++line;
    }
    diags.error({file, 1, 1}, "front matter is never closed: no '---' line after this one",
                "add a line '---' after the last front matter field, before the text");
    return std::nullopt;
}

}  // namespace chuxin::load
