#include "load/walk.h"

#include <algorithm>
#include <filesystem>

#include "core/utf8.h"

namespace chuxin::load {

namespace fs = std::filesystem;

bool is_ignored_name(const std::string& name) {
    return name.empty() || name[0] == '.' || name.rfind("~$", 0) == 0 || name.back() == '~';
}

bool is_markdown_name(const std::string& name) {
    return name.size() > 3 && utf8::ascii_lower(name.substr(name.size() - 3)) == ".md";
}

ContentListing list_folder(const std::string& dir, const std::string& what, Diagnostics& diags) {
    ContentListing out;
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) return out;
    fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
    if (ec) {
        diags.error({what, 0, 0}, "cannot read folder '" + what + "': " + ec.message());
        return out;
    }
    for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (ec) {
            diags.error({what, 0, 0}, "cannot read folder '" + what + "': " + ec.message());
            break;
        }
        const fs::directory_entry& entry = *it;
        std::string name = entry.path().filename().string();
        bool dir_entry = entry.is_directory(ec);
        if (is_ignored_name(name)) {
            if (dir_entry) it.disable_recursion_pending();
            continue;
        }
        std::string rel = entry.path().lexically_relative(dir).generic_string();
        if (dir_entry)
            out.folders.push_back(rel);
        else if (is_markdown_name(name))
            out.markdown.push_back(rel);
        else if (entry.is_regular_file(ec))
            out.assets.push_back(rel);
    }
    std::sort(out.markdown.begin(), out.markdown.end());
    std::sort(out.assets.begin(), out.assets.end());
    std::sort(out.folders.begin(), out.folders.end());
    return out;
}

}  // namespace chuxin::load
