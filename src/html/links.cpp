#include "html/links.h"

#include <vector>

namespace chuxin::html {

std::string output_path_of(const std::string& url) {
    std::string path = url;
    while (!path.empty() && path.front() == '/') path.erase(0, 1);
    if (path.empty() || path.back() == '/') path += "index.html";
    return path;
}


std::string safe_segment(std::string_view s) {
    std::string out;
    for (unsigned char c : s) {
        if (c < 0x20 || c == 0x7F || c == '/' || c == '\\' || c == '?' || c == '#' || c == '%')
            out += '-';
        else
            out += static_cast<char>(c);
    }
    while (!out.empty() && out.front() == '.') out.front() = '-';
    if (out.empty()) out = "-";
    return out;
}

std::string Links::to_root(const std::string& from) {
    std::string out;
    for (char c : from)
        if (c == '/') out += "../";
    return out;
}

std::string Links::encode_url(const std::string& url) {
    std::string path = url;
    while (!path.empty() && path.front() == '/') path.erase(0, 1);
    return percent_encode(path, "/");
}

std::string Links::href_encoded(const std::string& from, const std::string& encoded,
                                const std::string& anchor) const {
    // Always through the root ("../../x/"): one rule, and the encoded target
    // can be cached per page and reused by every list that links to it.
    std::string out = to_root(from);
    out += encoded;
    const bool folder = encoded.empty() || encoded.back() == '/';
    if (folder) {
        if (style_ == LinkStyle::IndexFile) out += "index.html";
        else if (out.empty()) out = "./";
    }
    if (!anchor.empty()) out += "#" + percent_encode(anchor, "");
    return out;
}

std::string Links::href(const std::string& from, const std::string& to,
                        const std::string& anchor) const {
    return href_encoded(from, encode_url(to), anchor);
}

std::string absolute_url(const std::string& base_url, const std::string& url) {
    std::string base = base_url.empty() ? "/" : base_url;
    if (base.back() != '/') base += '/';
    std::string path = url;
    while (!path.empty() && path.front() == '/') path.erase(0, 1);
    return base + percent_encode(path, "/");
}

}  // namespace chuxin::html
