#include "load/assemble.h"

#include <algorithm>
#include <map>

namespace chuxin::load {
namespace {

std::string at(const SourcePos& p) {
    return p.file + (p.line > 0 ? ":" + std::to_string(p.line) + ":" + std::to_string(p.col) : std::string());
}

std::string last_segment(const std::string& path) {
    size_t slash = path.rfind('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

// Ids are unique site-wide: the later file (in path order) is in error, and
// the message names the earlier one (both positions are shown).
void index_ids(model::Site& site, const std::vector<SourcePos>& id_pos, Diagnostics& diags) {
    for (size_t i = 0; i < site.pages.size(); ++i) {
        const std::string& id = site.pages[i].id;
        auto [it, fresh] = site.by_id.emplace(id, static_cast<int>(i));
        if (fresh) continue;
        const SourcePos& first = id_pos[static_cast<size_t>(it->second)];
        diags.error(id_pos[i], "duplicate id '" + id + "': " + at(first) + " has it too",
                    "ids are unique site-wide; set a different 'id:' in one of the two files");
    }
}

// Two pages (or a page and a section list) cannot share a web address.
void check_urls(const model::Site& site, Diagnostics& diags) {
    std::map<std::string, std::string> owner;  // url → what has it
    for (const auto& [path, section] : site.sections)
        owner.emplace(path.empty() ? "/" : "/" + path + "/", "the section list of content/" + path);
    for (const auto& page : site.pages) {
        auto [it, fresh] = owner.emplace(page.url, page.path);
        if (fresh) continue;
        diags.error(page.front_matter, "web address '" + page.url + "' is also used by " + it->second,
                    "give this page a different 'slug:' or file name");
    }
}

// Section list order (model.h): weight, date (newest first, undated last), title, id.
bool section_order(const model::Page& a, const model::Page& b) {
    if (a.weight != b.weight) return a.weight < b.weight;
    if (a.date.has_value() != b.date.has_value()) return a.date.has_value();
    if (a.date && *a.date != *b.date) return *a.date > *b.date;
    if (a.title != b.title) return a.title < b.title;
    return a.id < b.id;
}

void build_sections(model::Site& site, const std::vector<std::string>& folders) {
    auto ensure = [&](const std::string& path) -> model::Section& {
        model::Section& s = site.sections[path];
        s.path = path;
        return s;
    };
    ensure("");
    for (const auto& folder : folders) ensure(folder);
    for (size_t i = 0; i < site.pages.size(); ++i)
        ensure(site.pages[i].section).pages.push_back(static_cast<int>(i));
    for (auto& [path, section] : site.sections) {
        if (section.title.empty()) section.title = path.empty() ? site.config.title : last_segment(path);
        std::stable_sort(section.pages.begin(), section.pages.end(), [&](int a, int b) {
            return section_order(site.pages[static_cast<size_t>(a)], site.pages[static_cast<size_t>(b)]);
        });
    }
    for (auto& [path, section] : site.sections) {
        if (path.empty()) continue;
        size_t slash = path.rfind('/');
        std::string parent = slash == std::string::npos ? std::string() : path.substr(0, slash);
        site.sections[parent].children.push_back(path);  // map order: already sorted
    }
}

}  // namespace

void assemble_site(model::Site& site, std::vector<LoadedFile>& loaded, const std::vector<std::string>& folders,
                   Drafts drafts, Diagnostics& diags) {
    std::vector<SourcePos> id_pos;
    for (auto& file : loaded) {
        if (file.role == LoadedFile::Role::SectionIndex) {
            std::string path = file.section.path;
            site.sections[path] = std::move(file.section);
        } else if (file.role == LoadedFile::Role::Page) {
            if (file.page.draft && drafts == Drafts::Skip) continue;
            site.pages.push_back(std::move(file.page));
            id_pos.push_back(std::move(file.id_pos));
        }
    }
    index_ids(site, id_pos, diags);
    build_sections(site, folders);
    check_urls(site, diags);
}

}  // namespace chuxin::load
