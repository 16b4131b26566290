#include "serve/request_path.h"

#include <sys/stat.h>

#include <climits>
#include <cstdlib>
#include <memory>


namespace chuxin::serve {

namespace {

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// One round of %XX decoding; a stray or malformed '%' fails ("%zz", "%4").
std::optional<std::string> percent_decoded(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] != '%') {
            out += s[i];
            continue;
        }
        if (i + 2 >= s.size()) return std::nullopt;
        const int hi = hex_value(s[i + 1]), lo = hex_value(s[i + 2]);
        if (hi < 0 || lo < 0) return std::nullopt;
        out += static_cast<char>(hi * 16 + lo);
        i += 2;
    }
    return out;
}

bool part_is_safe(std::string_view part) { return !part.empty() && part != "." && part != ".."; }

// The real path, symbolic links followed; "" when it does not exist.
std::string real_path(const std::string& path) {
    std::unique_ptr<char, decltype(&std::free)> real(::realpath(path.c_str(), nullptr), &std::free);
    return real ? std::string(real.get()) : std::string();
}

bool is_inside(const std::string& path, const std::string& root) {
    return path == root || (path.size() > root.size() && path.compare(0, root.size(), root) == 0 &&
                            path[root.size()] == '/');
}

}  // namespace

std::optional<std::string> request_rel_path(std::string_view target) {
    target = target.substr(0, target.find_first_of("?#"));
    if (target.empty() || target.front() != '/') return std::nullopt;
    auto decoded = percent_decoded(target.substr(1));
    if (!decoded) return std::nullopt;
    for (unsigned char c : *decoded)
        if (c < 0x20 || c == 0x7f || c == '\\') return std::nullopt;
    // Every part but a last empty one ("a/" is the folder a) must be a name.
    std::string_view rest = *decoded;
    while (!rest.empty()) {
        const size_t slash = rest.find('/');
        const std::string_view part = rest.substr(0, slash);
        if (!part_is_safe(part)) return std::nullopt;
        if (slash == std::string_view::npos) break;
        rest.remove_prefix(slash + 1);
    }
    return decoded;
}

ResolvedFile resolve_in_output(const std::string& output_root, const std::string& rel) {
    ResolvedFile file;
    const std::string root = real_path(output_root);
    if (root.empty()) return file;
    // chuxin's bookkeeping (.chuxin-manifest, .chuxin-staging/ …) is not the site.
    if (rel.rfind(".chuxin-", 0) == 0) return file;
    std::string path = rel.empty() ? root : root + "/" + rel;
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return file;
    if (S_ISDIR(st.st_mode)) {
        if (!rel.empty() && rel.back() != '/') {
            file.what = ResolvedFile::What::NeedsSlash;
            return file;
        }
        if (path.back() != '/') path += '/';
        path += "index.html";
        if (::stat(path.c_str(), &st) != 0) return file;
    }
    if (!S_ISREG(st.st_mode)) return file;
    const std::string real = real_path(path);
    if (real.empty() || !is_inside(real, root)) return file;
    file.what = ResolvedFile::What::File;
    file.abs_path = real;
    return file;
}

}  // namespace chuxin::serve
