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
    // Every entry's path is `dir` + "/" + its names (the iterator appends
    // them): its relative path is that tail, no lexically_relative() needed.
    std::string prefix = fs::path(dir).native();
    if (!prefix.empty() && prefix.back() != '/') prefix += '/';
    for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (ec) {
            diags.error({what, 0, 0}, "cannot read folder '" + what + "': " + ec.message());
            break;
        }
        const fs::directory_entry& entry = *it;
        const std::string& full = entry.path().native();
        std::string name = full.substr(full.rfind('/') + 1);  // filename(): entries never end in '/'

        bool dir_entry = entry.is_directory(ec);
        if (is_ignored_name(name)) {
            if (dir_entry) it.disable_recursion_pending();
            continue;
        }
        std::string rel = full.size() > prefix.size() && full.compare(0, prefix.size(), prefix) == 0
                              ? full.substr(prefix.size())
                              : entry.path().lexically_relative(dir).generic_string();
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
