#include "site/scaffold.h"

#include <filesystem>
#include <fstream>

#include "model/kinds.h"
#include "site/embedded.h"

namespace fs = std::filesystem;

namespace chuxin::site {

namespace {

bool write_new_file(const fs::path& p, std::string_view bytes, Diagnostics& diags) {
    std::error_code ec;
    fs::create_directories(p.parent_path(), ec);
    std::ofstream out(p, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) {
        diags.error({p.string(), 0, 0}, "cannot write this file");
        return false;
    }
    return true;
}

void replace_all(std::string& s, const std::string& from, const std::string& to) {
    for (size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
        s.replace(at, from.size(), to);
}

}  // namespace

const EmbeddedFile* archetype_of(std::string_view kind) {
    for (const auto& f : archetype_files())
        if (std::string_view(f.path) == std::string(kind) + ".md") return &f;
    return nullptr;
}

bool new_site(const std::string& dir, Diagnostics& diags) {
    std::error_code ec;
    if (fs::exists(dir, ec) && !(fs::is_directory(dir, ec) && fs::is_empty(dir, ec))) {
        diags.error({dir, 0, 0}, "this folder already exists and is not empty",
                    "choose a new folder name: `chuxin new site mysite`");
        return false;
    }
    for (const auto& f : starter_files())
        if (!write_new_file(fs::path(dir) / f.path, f.bytes, diags)) return false;
    fs::create_directories(fs::path(dir) / "static", ec);
    return true;
}

std::string new_content(const std::string& site_root, const std::string& kind, const std::string& path,
                        Date today, Diagnostics& diags) {
    const EmbeddedFile* archetype = model::kind_named(kind) ? archetype_of(kind) : nullptr;
    if (!archetype) {
        std::vector<std::string> kinds;
        for (const auto& info : model::kKinds) kinds.emplace_back(info.name);
        std::string hint = did_you_mean(kind, kinds);
        if (hint.empty()) hint = "kinds: " + model::kind_names_joined();
        diags.error({}, "unknown content kind '" + kind + "'", hint);
        return {};
    }
    std::string rel = path;
    if (rel.rfind("content/", 0) == 0) rel.erase(0, 8);
    if (rel.empty() || rel.front() == '/' || rel.find("..") != std::string::npos) {
        diags.error({}, "'" + path + "' is not a path inside content/",
                    "write it relative to content/, e.g. `chuxin new case cases/laozhishu`");
        return {};
    }
    if (fs::path(rel).extension() != ".md") rel += ".md";
    fs::path target = fs::path(site_root) / "content" / rel;
    std::error_code ec;
    if (fs::exists(target, ec)) {
        diags.error({target.string(), 0, 0}, "this file already exists; chuxin new never overwrites",
                    "pick another name, or edit the file");
        return {};
    }
    std::string text(archetype->bytes);
    replace_all(text, "{{title}}", fs::path(rel).stem().string());
    replace_all(text, "{{date}}", today.iso());
    replace_all(text, "{{year}}", std::to_string(today.year));
    if (!write_new_file(target, text, diags)) return {};
    return target.string();
}

}  // namespace chuxin::site
