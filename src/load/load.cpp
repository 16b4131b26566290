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

// One file with its own problems, kept beside it.
void load_into(const std::string& content_dir, const std::string& rel, const model::SiteConfig& config,
               LoadedFile& file, std::vector<Diagnostic>& problems) {
    Diagnostics own;
    file = load_one(content_dir, rel, config, own);
    problems = own.sorted();
}

// Files are read and parsed on `threads` threads; each result lands in its
// own slot, so the outcome is the same as a sequential run (files in path
// order; Diagnostics sorts its output).
void load_all(const std::string& content_dir, SiteSources& sources, int threads) {
    const std::vector<std::string>& files = sources.content.markdown;
    sources.files.assign(files.size(), {});
    sources.file_problems.assign(files.size(), {});
    std::atomic<size_t> next{0};
    auto work = [&] {
        for (size_t i = next.fetch_add(1); i < files.size(); i = next.fetch_add(1))
            load_into(content_dir, files[i], sources.config, sources.files[i], sources.file_problems[i]);
    };
    // Thread start-up costs more than parsing a handful of files.
    size_t wanted = files.size() < 64 ? 1 : static_cast<size_t>(std::max(threads, 1));
    std::vector<std::thread> pool;
    for (size_t t = 1; t < wanted; ++t) pool.emplace_back(work);
    work();
    for (auto& t : pool) t.join();
}

std::string content_dir_of(const std::string& site_root) { return (fs::path(site_root) / "content").string(); }

}  // namespace

SiteSources read_sources(const std::string& site_root, const LoadOptions& options) {
    SiteSources sources;
    sources.root = site_root;
    Diagnostics site_problems;
    sources.config_read = read_site_config(site_root, sources.config, site_problems);
    if (sources.config_read) {
        sources.include_drafts = options.include_drafts || sources.config.drafts;
        const std::string content_dir = content_dir_of(site_root);
        std::error_code ec;
        if (!fs::is_directory(content_dir, ec))
            site_problems.warning({"content", 0, 0}, "the site has no content/ folder",
                                  "put Markdown files under content/; only the home page is built");
        sources.content = list_folder(content_dir, "content", site_problems);
        ContentListing statics = list_folder((fs::path(site_root) / "static").string(), "static", site_problems);
        sources.static_files = std::move(statics.assets);
        // static/ is copied as-is, Markdown included.
        sources.static_files.insert(sources.static_files.end(), statics.markdown.begin(), statics.markdown.end());
        std::sort(sources.static_files.begin(), sources.static_files.end());
        load_all(content_dir, sources, options.threads);
    }
    sources.site_problems = site_problems.sorted();
    return sources;
}

bool read_source(SiteSources& sources, const std::string& rel) {
    auto& names = sources.content.markdown;
    auto it = std::lower_bound(names.begin(), names.end(), rel);
    const size_t i = static_cast<size_t>(it - names.begin());
    std::error_code ec;
    if (!fs::is_regular_file(fs::path(content_dir_of(sources.root)) / rel, ec)) return false;
    if (it == names.end() || *it != rel) {
        names.insert(it, rel);
        sources.files.insert(sources.files.begin() + static_cast<long>(i), LoadedFile{});
        sources.file_problems.insert(sources.file_problems.begin() + static_cast<long>(i), std::vector<Diagnostic>{});
    }
    load_into(content_dir_of(sources.root), rel, sources.config, sources.files[i], sources.file_problems[i]);
    return true;
}

void forget_source(SiteSources& sources, const std::string& rel) {
    auto& names = sources.content.markdown;
    auto it = std::lower_bound(names.begin(), names.end(), rel);
    if (it == names.end() || *it != rel) return;
    const long i = it - names.begin();
    names.erase(it);
    sources.files.erase(sources.files.begin() + i);
    sources.file_problems.erase(sources.file_problems.begin() + i);
}

LoadedFile* find_source(SiteSources& sources, const std::string& rel) {
    auto& names = sources.content.markdown;
    auto it = std::lower_bound(names.begin(), names.end(), rel);
    if (it == names.end() || *it != rel) return nullptr;
    return &sources.files[static_cast<size_t>(it - names.begin())];
}

LoadedFile read_content_file(const std::string& site_root, const std::string& rel, const model::SiteConfig& config,
                             Diagnostics& diags) {
    return load_one(content_dir_of(site_root), rel, config, diags);
}

model::Site assemble_sources(SiteSources sources, Diagnostics& diags) {
    model::Site site;
    site.root = sources.root;
    for (Diagnostic& d : sources.site_problems) diags.add(std::move(d));
    site.config = std::move(sources.config);
    if (!sources.config_read) return site;
    for (auto& problems : sources.file_problems)
        for (Diagnostic& d : problems) diags.add(std::move(d));
    site.content_assets = std::move(sources.content.assets);
    site.static_files = std::move(sources.static_files);
    assemble_site(site, sources.files, sources.content.folders,
                  sources.include_drafts ? Drafts::Include : Drafts::Skip, diags);
    resolve_handbook_includes(site, diags);
    return site;
}

model::Site load_site(const std::string& site_root, const LoadOptions& options, Diagnostics& diags) {
    return assemble_sources(read_sources(site_root, options), diags);
}

}  // namespace chuxin::load
