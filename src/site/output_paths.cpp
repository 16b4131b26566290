#include "site/output_paths.h"

#include <climits>
#include <cstdlib>

#include <sys/stat.h>

namespace chuxin::site {

bool is_safe_output_path(std::string_view rel) {
    if (rel.empty() || rel.front() == '/') return false;
    for (unsigned char c : rel)
        if (c < 0x20 || c == 0x7F || c == '\\') return false;
    const std::string_view first = rel.substr(0, rel.find('/'));
    if (first == output_names::kStaging || first == output_names::kManifest || first == output_names::kLock)
        return false;
    // Every part must be a name. A trailing '/' would name a folder, not a
    // file: it leaves an empty last part and is refused too.
    size_t start = 0;
    for (;;) {
        size_t end = rel.find('/', start);
        if (end == std::string_view::npos) end = rel.size();
        const std::string_view part = rel.substr(start, end - start);
        if (part.empty() || part == "." || part == "..") return false;
        if (end == rel.size()) return true;
        start = end + 1;
    }
}

namespace {

std::string real_path(const std::string& p) {
    char buf[PATH_MAX];
    return ::realpath(p.c_str(), buf) ? std::string(buf) : std::string();
}

}  // namespace

OutputFolderGuard::OutputFolderGuard(std::string out_dir) : out_(std::move(out_dir)), out_real_(real_path(out_)) {}

bool OutputFolderGuard::leads_inside(const std::string& abs) const {
    const std::string target = real_path(abs);  // "" for a dangling link or a loop
    if (target.empty() || out_real_.empty()) return false;
    return target == out_real_ || target.rfind(out_real_ + "/", 0) == 0;
}

std::string OutputFolderGuard::escaping_folder(const std::string& rel) {
    size_t slash = 0;
    while ((slash = rel.find('/', slash)) != std::string::npos) {
        const std::string dir = rel.substr(0, slash++);
        if (fine_.count(dir)) continue;
        if (missing_.count(dir)) return {};
        const std::string abs = out_ + "/" + dir;
        struct stat st;
        if (::lstat(abs.c_str(), &st) != 0) {  // missing: the commit creates it, a real folder
            missing_.insert(dir);
            return {};
        }
        if (S_ISLNK(st.st_mode) && !leads_inside(abs)) return dir;
        fine_.insert(dir);
    }
    return {};
}

}  // namespace chuxin::site
