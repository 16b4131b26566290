#pragma once
// The markdown stage's result: one parsed tree per page body (and per
// section intro), parsed once per build, that every later stage reads — the
// HTML renderer (render_html), the handbook (handbook/body.cpp) and the
// coming search indexer. docs/architecture.md ("One document per page")
// says why this is cmark-gfm's own tree kept alive rather than a tree of ours.
//
// The tree is the portal's: raw HTML shown as text is already a text node
// (or a block of escaped HTML), `ref:` links carry the placeholders of
// refs.h, heading anchors are known. What the portal's rewrites changed, a
// reader that needs it (the PDF) finds beside the tree, by node: the URL as
// written, the HTML as written, the task-list state, the ref a link is, the
// heading a node is. After the markdown stage the tree is never changed:
// readers on several threads may walk it at once.
#include <cmark-gfm.h>

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <unordered_map>
#include <vector>

#include "model/model.h"

namespace chuxin::markdown {

class CmarkArena;
struct BodyLabels;

// A `ref:` link of the tree: `ref` indexes the refs the markdown stage
// filled (page.body_refs, or section.intro_refs), resolved by the graph.
struct RefLink {
    size_t ref = 0;
    bool empty_text = false;  // [](ref:x) or <ref:x>: the target's title is shown
};

// What the portal's rewrites of a tree changed, by node (document.h above).
struct Annotations {
    std::unordered_map<const cmark_node*, RefLink> ref_links;
    std::unordered_map<const cmark_node*, size_t> heading_index;  // into the headings
    std::unordered_map<const cmark_node*, std::string> html_as_written;
    std::unordered_map<const cmark_node*, std::string> url_as_written;
    std::unordered_map<const cmark_node*, bool> tasks;  // task-list item → checked
    // Nodes the walk put in place of others (cmark gives a new node no
    // position): the line and column of the node they replace.
    std::unordered_map<const cmark_node*, std::pair<int, int>> replaced_start;
};

class Document {
public:
    Document();
    ~Document();
    Document(Document&&) noexcept;
    Document& operator=(Document&&) noexcept;

    // The document node; null for an empty Document (never parsed) and after
    // release_tree(). Read only: the cmark API takes non-const pointers.
    cmark_node* root() const { return root_; }
    explicit operator bool() const { return root_ != nullptr; }
    // Frees the tree and its side tables; html(), headings() and summary()
    // stay. A tree costs about four times its page's Markdown in memory
    // (~20 KB a page), its HTML about one time: the markdown stage keeps
    // only the trees a later stage walks (parse_site's TreesKept).
    void release_tree();
    // A 64-bit FNV-1a hash of the Markdown text the tree was parsed from.
    uint64_t source_hash() const { return source_hash_; }

    // Side tables, by node (null / nullopt / "" when the node has none).
    const RefLink* ref_link(cmark_node* link) const;
    const model::Heading* heading(cmark_node* heading) const;
    // A raw HTML node that is shown as text (build.raw_html off): the HTML as written.
    const std::string* html_as_written(cmark_node* node) const;
    // A link or image: its URL as written (before the portal rebased or dropped it).
    const char* url_as_written(cmark_node* node) const;
    std::optional<bool> task_checked(cmark_node* item) const;
    // cmark's start line and column (1-based, within the Markdown), or for a
    // node the walk made, those of the node it replaced; 0 when unknown.
    int start_line(cmark_node* node) const;
    int start_column(cmark_node* node) const;

    // The body's HTML, rendered from the tree when it was parsed (render_html).
    const std::string& html() const { return html_; }
    const std::vector<model::Heading>& headings() const { return headings_; }
    // The first paragraph's text (refs.h markers for empty-text refs), "" when unwanted.
    const std::string& summary() const { return summary_; }

private:
    friend class DocumentBuilder;  // the markdown stage (render.cpp, tree_walk.cpp)

    std::unique_ptr<CmarkArena> arena_;  // every node of the tree lives in it
    cmark_node* root_ = nullptr;         // freed with the arena, never node by node
    uint64_t source_hash_ = 0;
    int cmark_flags_ = 0;
    const BodyLabels* labels_ = nullptr;
    std::vector<model::Heading> headings_;
    std::string summary_;
    std::string html_;
    Annotations notes_;
};

// Every document of one build, named by what it was computed from.
struct Documents {
    std::vector<Document> pages;              // pages[i] is site.pages[i]'s body
    std::map<std::string, Document> intros;   // by section path; only sections with an intro
    size_t cmark_parses = 0;                  // parses done to make them (one per body and intro)

    const Document* page(size_t index) const { return index < pages.size() ? &pages[index] : nullptr; }
    const Document* intro(const std::string& section) const;
};

// The body's HTML: cmark-gfm's rendering of the tree with heading ids, our
// checkbox and footnote labels, and the placeholders of refs.h for `ref:`
// links (expand_refs turns them into links). Rendered once, when the tree
// was built; "" for an empty Document.
inline const std::string& render_html(const Document& doc) { return doc.html(); }

uint64_t source_hash_of(std::string_view text);

}  // namespace chuxin::markdown
