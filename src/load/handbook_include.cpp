#include "load/handbook_include.h"

#include <algorithm>
#include <set>
#include <vector>

#include "load/content_file.h"

namespace chuxin::load {
namespace {

bool is_glob(const std::string& item) { return item.find('*') != std::string::npos; }

// A page's path key: its path under content/ without the extension. Globs
// match these ("cases/*" = the files in content/cases/), whatever the ids.
std::string path_key(const model::Page& p) {
    std::string folder = parent_folder(p.rel);
    return folder.empty() ? file_stem(p.rel) : folder + "/" + file_stem(p.rel);
}

// Handbook order inside a glob: weight, then date (undated last), then id.
bool handbook_order(const model::Page& a, const model::Page& b) {
    if (a.weight != b.weight) return a.weight < b.weight;
    if (a.date.has_value() != b.date.has_value()) return a.date.has_value();
    if (a.date && *a.date != *b.date) return *a.date < *b.date;
    return a.id < b.id;
}

class Resolver {
public:
    Resolver(const model::Site& site, Diagnostics& diags) : site_(site), diags_(diags) {
        for (size_t i = 0; i < site.pages.size(); ++i) {
            keys_.push_back(path_key(site.pages[i]));
            ids_.push_back(site.pages[i].id);
        }
    }

    void resolve(model::Handbook& book) {
        included_.clear();
        for (auto& part : book.include) {
            for (size_t i = 0; i < part.items.size(); ++i) {
                SourcePos pos = i < part.item_pos.size() ? part.item_pos[i] : part.pos;
                if (is_glob(part.items[i]))
                    add_glob(part.items[i], pos, part.pages);
                else
                    add_exact(part.items[i], pos, part.pages);
            }
        }
    }

private:
    void add_glob(const std::string& pattern, const SourcePos& pos, std::vector<int>& out) {
        std::vector<int> matched;
        for (size_t i = 0; i < site_.pages.size(); ++i) {
            if (site_.pages[i].kind == model::Kind::Handbook) continue;  // books do not nest
            if (glob_match(pattern, keys_[i])) matched.push_back(static_cast<int>(i));
        }
        if (matched.empty()) {
            diags_.warning(pos, "'" + pattern + "' matches no page",
                           "'*' stays inside one folder and '**' crosses folders, e.g. cases/* or cases/**");
            return;
        }
        std::sort(matched.begin(), matched.end(), [&](int a, int b) {
            return handbook_order(site_.pages[static_cast<size_t>(a)], site_.pages[static_cast<size_t>(b)]);
        });
        // A page already included earlier (by id or another glob) stays where it was first placed.
        for (int m : matched)
            if (included_.insert(m).second) out.push_back(m);
    }

    void add_exact(const std::string& item, const SourcePos& pos, std::vector<int>& out) {
        int index = -1;
        if (auto it = site_.by_id.find(item); it != site_.by_id.end()) index = it->second;
        for (size_t i = 0; index < 0 && i < keys_.size(); ++i)
            if (keys_[i] == item) index = static_cast<int>(i);
        if (index < 0) {
            std::string hint = did_you_mean(item, ids_);
            diags_.error(pos, "handbook includes unknown page '" + item + "'",
                         hint.empty() ? "ids are paths under content/ without .md, e.g. cases/laozhishu" : hint);
            return;
        }
        if (site_.pages[static_cast<size_t>(index)].kind == model::Kind::Handbook) {
            diags_.error(pos, "a handbook cannot include a handbook ('" + item + "')");
            return;
        }
        if (!included_.insert(index).second) {
            diags_.warning(pos, "'" + item + "' is already included in this handbook", "remove one of them");
            return;
        }
        out.push_back(index);
    }

    const model::Site& site_;
    Diagnostics& diags_;
    std::vector<std::string> keys_;
    std::vector<std::string> ids_;
    std::set<int> included_;
};

}  // namespace

bool glob_match(std::string_view pattern, std::string_view text) {
    // match[i][j]: pattern[i..] matches text[j..]. Patterns and ids are short.
    const size_t n = pattern.size(), m = text.size();
    std::vector<std::vector<char>> match(n + 2, std::vector<char>(m + 1, 0));
    match[n][m] = 1;
    for (size_t i = n; i-- > 0;) {
        bool dstar = pattern[i] == '*' && i + 1 < n && pattern[i + 1] == '*';
        for (size_t j = m + 1; j-- > 0;) {
            if (dstar) {
                // '**' swallows anything, '/' included; "a/**/b" also matches "a/b".
                size_t after = i + 2;
                bool ok = match[after][j] != 0;
                if (!ok && after < n && pattern[after] == '/') ok = match[after + 1][j] != 0;
                if (!ok && j < m) ok = match[i][j + 1] != 0;
                match[i][j] = ok;
            } else if (pattern[i] == '*') {
                match[i][j] = match[i + 1][j] || (j < m && text[j] != '/' && match[i][j + 1]);
            } else {
                match[i][j] = j < m && text[j] == pattern[i] && match[i + 1][j + 1];
            }
        }
    }
    return match[0][0] != 0;
}

void resolve_handbook_includes(model::Site& site, Diagnostics& diags) {
    Resolver resolver(site, diags);
    for (auto& page : site.pages)
        if (auto* book = page.as<model::Handbook>()) resolver.resolve(*book);
}

}  // namespace chuxin::load
