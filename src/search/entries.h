#pragma once
// What the index holds of a page: its visible text by field, read from the
// model and the page's parsed tree (never from its HTML), and its filters.
#include <functional>
#include <string>
#include <vector>

#include "model/model.h"

namespace chuxin::markdown {
class Document;
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

// The entries in site order, each made when asked for (the build's are made
// from the model and the body texts one at a time: holding them all cost
// 40 MB at 10,000 pages).
struct EntrySource {
    size_t count = 0;
    std::function<Entry(size_t)> at;
};

// Whether the page is searchable: built (not a draft) and not `search: false`.
bool is_searchable(const model::Site& site, const model::Page& page);

// The text of a body tree: text, code and code blocks; a line per block;
// a soft line break between two Chinese characters is no space (as the
// portal shows it); an empty-text `ref:` link is a marker of refs.h for its
// target's title, which the graph knows later.
std::string body_text_marked(const model::Page& page, const markdown::Document& doc);
// The marked text with the titles in (model::with_ref_titles).
std::string body_text(const model::Site& site, const model::Page& page, const std::string& marked);

// The search stage's reading of the trees, taken while the markdown stage
// has them (most trees are freed as soon as their HTML is rendered:
// markdown::TreesKept): pages[i] is site.pages[i]'s marked body text, ""
// for a page that is not searchable.
struct BodyTexts {
    std::vector<std::string> pages;
    // Called for each page on the markdown worker that parsed it; pages must
    // be sized first. Each call writes its own element only.
    void read(const model::Site& site, size_t page, const markdown::Document& doc);
};

// One entry per searchable page, in the site's page order.
std::vector<Entry> collect_entries(const model::Site& site, const BodyTexts& texts);
// The same, each made when asked for; site and texts must outlive it.
EntrySource entry_source(const model::Site& site, const BodyTexts& texts);

}  // namespace chuxin::search
