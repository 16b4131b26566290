#include "load/load.h"

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <filesystem>
#include <thread>

#include "load/assemble.h"
#include "load/content_file.h"
#include "load/handbook_include.h"
#include "load/site_config.h"
#include "load/walk.h"

namespace chuxin::load {
namespace {

namespace fs = std::filesystem;

// Content files are small; a huge one is a mistake (or an attack), not a page.
constexpr long kMaxFileBytes = 16L << 20;

enum class ReadResult { Ok, Unreadable, TooLarge };

ReadResult read_file(const std::string& path, std::string& out) {
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) return ReadResult::Unreadable;
    // Read straight into a buffer of the file's size; grow only if it grew meanwhile.
    std::error_code ec;
    auto size = std::filesystem::file_size(path, ec);
    if (!ec && size > static_cast<uintmax_t>(kMaxFileBytes)) {
        std::fclose(f);
        return ReadResult::TooLarge;
    }
    out.resize(ec ? 0 : static_cast<size_t>(size));
    size_t got = out.empty() ? 0 : std::fread(out.data(), 1, out.size(), f);
    out.resize(got);
    char buf[4096];
    ReadResult result = ReadResult::Ok;
    for (size_t n = 0; (n = std::fread(buf, 1, sizeof buf, f)) > 0;) {
        out.append(buf, n);
        if (static_cast<long>(out.size()) > kMaxFileBytes) {
            result = ReadResult::TooLarge;
            break;
        }
    }
    if (std::ferror(f)) result = ReadResult::Unreadable;
    std::fclose(f);
    return result;
}

LoadedFile load_one(const std::string& content_dir, const std::string& rel, const model::SiteConfig& config,
                    Diagnostics& diags) {
    std::string raw;
    switch (read_file(content_dir + "/" + rel, raw)) {
        case ReadResult::Ok: return load_content_file(rel, std::move(raw), config, diags);
        case ReadResult::Unreadable: diags.error({"content/" + rel, 0, 0}, "cannot read this file"); break;
        case ReadResult::TooLarge:
            diags.error({"content/" + rel, 0, 0}, "file is larger than 16 MB", "split it into several pages");
            break;
    }
    return {};
}

// Files are read and parsed on `threads` threads; each result lands in its
// own slot, so the outcome is the same as a sequential run (files in path
// order; Diagnostics sorts its output).
std::vector<LoadedFile> load_all(const std::string& content_dir, const std::vector<std::string>& files,
                                 const model::SiteConfig& config, int threads, Diagnostics& diags) {
    std::vector<LoadedFile> results(files.size());
    std::atomic<size_t> next{0};
    auto work = [&] {
        for (size_t i = next.fetch_add(1); i < files.size(); i = next.fetch_add(1))
            results[i] = load_one(content_dir, files[i], config, diags);
    };
    // Thread start-up costs more than parsing a handful of files.
    size_t wanted = files.size() < 64 ? 1 : static_cast<size_t>(std::max(threads, 1));
    std::vector<std::thread> pool;
    for (size_t t = 1; t < wanted; ++t) pool.emplace_back(work);
    work();
    for (auto& t : pool) t.join();
    return results;
}

}  // namespace

model::Site load_site(const std::string& site_root, const LoadOptions& options, Diagnostics& diags) {
    model::Site site;
    site.root = site_root;
    if (!read_site_config(site_root, site.config, diags)) return site;

    const std::string content_dir = (fs::path(site_root) / "content").string();
    std::error_code ec;
    if (!fs::is_directory(content_dir, ec))
        diags.warning({"content", 0, 0}, "the site has no content/ folder",
                      "put Markdown files under content/; only the home page is built");
    ContentListing content = list_folder(content_dir, "content", diags);
    site.content_assets = std::move(content.assets);
    ContentListing statics = list_folder((fs::path(site_root) / "static").string(), "static", diags);
    site.static_files = std::move(statics.assets);
    // static/ is copied as-is, Markdown included.
    site.static_files.insert(site.static_files.end(), statics.markdown.begin(), statics.markdown.end());
    std::sort(site.static_files.begin(), site.static_files.end());

    std::vector<LoadedFile> loaded = load_all(content_dir, content.markdown, site.config, options.threads, diags);
    Drafts drafts = options.include_drafts || site.config.drafts ? Drafts::Include : Drafts::Skip;
    assemble_site(site, loaded, content.folders, drafts, diags);
    resolve_handbook_includes(site, diags);
    return site;
}

}  // namespace chuxin::load
