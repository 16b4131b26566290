#include "core/url_safety.h"

#include <string>

namespace chuxin {
namespace {

// The first characters of `url` as a browser's URL parser sees them: leading
// C0 controls and spaces skipped, ASCII tab/LF/CR removed anywhere, letters
// lower-cased. 16 characters are enough to decide the scheme.
std::string scheme_view(std::string_view url) {
    size_t i = 0;
    while (i < url.size() && static_cast<unsigned char>(url[i]) <= 0x20) ++i;
    std::string out;
    for (; i < url.size() && out.size() < 16; ++i) {
        char c = url[i];
        if (c == '\t' || c == '\n' || c == '\r') continue;
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        out += c;
    }
    return out;
}

bool starts_with(const std::string& s, std::string_view prefix) {
    return s.compare(0, prefix.size(), prefix) == 0;
}

}  // namespace

bool is_unsafe_url(std::string_view url, UrlUse use) {
    std::string head = scheme_view(url);
    if (starts_with(head, "javascript:") || starts_with(head, "vbscript:") ||
        starts_with(head, "file:"))
        return true;
    if (starts_with(head, "data:"))
        return !(use == UrlUse::Image && starts_with(head, "data:image/"));
    return false;
}

bool is_relative_reference(std::string_view url) {
    if (url.empty() || url.front() == '/' || url.front() == '#' || url.front() == '?' || url.front() == '\\')
        return false;
    // A scheme is ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) before ':'.
    const auto alpha = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
    if (!alpha(url.front())) return true;
    for (char c : url) {
        if (c == ':') return false;
        if (!(alpha(c) || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.')) return true;
    }
    return true;
}

}  // namespace chuxin
