#pragma once
// Helpers for the load tests: load one file from a string, read diagnostics
// back as their headline `file:line:col: error: message`.
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "load/content_file.h"

namespace chuxin::load::test {

inline std::vector<std::string> headlines(const Diagnostics& diags) {
    std::vector<std::string> out;
    for (const auto& d : diags.sorted()) {
        std::string text = format_diagnostic(d, SourceLines{});
        out.push_back(text.substr(0, text.find('\n')));
    }
    return out;
}

inline std::vector<std::string> hints(const Diagnostics& diags) {
    std::vector<std::string> out;
    for (const auto& d : diags.sorted()) out.push_back(d.hint);
    return out;
}

inline std::string joined(const std::vector<std::string>& lines) {
    std::string out;
    for (const auto& l : lines) out += l + "\n";
    return out;
}

inline model::SiteConfig config_with_org() {
    model::SiteConfig config;
    config.title = "测试站点";
    config.orgs.push_back({"jiguan-1", "区委机关第一党支部"});
    return config;
}

struct Loaded {
    LoadedFile file;
    Diagnostics diags;
};

inline void load_into(Loaded& out, const std::string& rel, const std::string& text) {
    out.file = load_content_file(rel, text, config_with_org(), out.diags);
}

}  // namespace chuxin::load::test
