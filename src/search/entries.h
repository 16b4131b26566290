#pragma once
// What the index holds of a page: its visible text by field, read from the
// model and the page's parsed tree (never from its HTML), and its filters.
#include <string>
#include <vector>

#include "model/model.h"

namespace chuxin::markdown {
struct Documents;
}

namespace chuxin::search {

struct Entry {
    std::string href;      // from the site root, encoded: "cases/%E8%80%81/index.html"
    std::string title;
    std::string kind;      // model::kind_name: "minutes"
    std::string org;       // an org id or ""
    std::string date;      // "YYYY-MM-DD" or ""
    std::vector<std::string> tags;
    std::vector<std::string> headings;
    std::string fields;    // structured fields a reader searches for, one per line
    std::string summary;
    std::string body;      // the body's text, one block per line (headings are in `headings`)
};

// Whether the page is searchable: built (not a draft) and not `search: false`.
bool is_searchable(const model::Site& site, const model::Page& page);

// One entry per searchable page, in the site's page order.
std::vector<Entry> collect_entries(const model::Site& site, const markdown::Documents& documents);

// The text of a body tree: text, code and code blocks; a line per block;
// a soft line break between two Chinese characters is no space (as the
// portal shows it); an empty-text `ref:` link is its target's title.
std::string body_text(const model::Site& site, const model::Page& page, const markdown::Documents& documents,
                      size_t page_index);

}  // namespace chuxin::search
