#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>

#include <charconv>

#include "markdown/arena.h"
#include "markdown/body_labels.h"
#include "markdown/document.h"
#include "markdown/cmark_owner.h"
#include "markdown/escape.h"
#include "markdown/markdown.h"
#include "markdown/refs.h"
#include "markdown/sanitize.h"
#include "markdown/tree_walk.h"
#include "model/kinds.h"

namespace chuxin::markdown {
namespace {

// GitHub Flavored Markdown (content-format §2). Looked up once; the registry
// is read-only afterwards, so parsers on several threads may share them.
const std::vector<cmark_syntax_extension*>& gfm_extensions() {
    static const std::vector<cmark_syntax_extension*> extensions = [] {
        cmark_gfm_core_extensions_ensure_registered();
        std::vector<cmark_syntax_extension*> found;
        for (const char* name : {"table", "tasklist", "strikethrough", "autolink", "tagfilter"})
            if (cmark_syntax_extension* ext = cmark_find_syntax_extension(name)) found.push_back(ext);
        return found;
    }();
    return extensions;
}

int cmark_options(const MarkdownOptions& options) {
    // Without CMARK_OPT_UNSAFE cmark also drops raw HTML and unsafe URLs
    // itself: a second line of defence behind TreeWalk's rewrites. No
    // CMARK_OPT_VALIDATE_UTF8: sanitize_controls validates in its own pass
    // (cmark's check cost a quarter of the parse time).
    int flags = CMARK_OPT_FOOTNOTES;
    if (options.raw_html) flags |= CMARK_OPT_UNSAFE;
    return flags;
}

// "<h2>\x1AH3\x1A" → "<h2 id=\"anchor\">"; other markers are copied.
std::string insert_heading_ids(std::string_view html, const std::vector<model::Heading>& headings) {
    std::string out;
    out.reserve(html.size() + headings.size() * 24);
    size_t copied = 0;
    for (size_t m = html.find(kMarker); m != std::string_view::npos; m = html.find(kMarker, copied)) {
        size_t end = html.find(kMarker, m + 1);
        if (end == std::string_view::npos) break;
        if (html[m + 1] != 'H') {
            out.append(html.substr(copied, end + 1 - copied));
            copied = end + 1;
            continue;
        }
        out.append(html.substr(copied, m - copied));
        copied = end + 1;
        size_t index = 0;
        auto parsed = std::from_chars(html.data() + m + 2, html.data() + end, index);
        bool after_start_tag = out.size() >= 4 && out.back() == '>' && out[out.size() - 4] == '<' &&
                               out[out.size() - 3] == 'h';
        if (parsed.ec != std::errc() || index >= headings.size() || !after_start_tag) continue;
        out.pop_back();
        out += " id=\"";
        append_escaped(out, headings[index].anchor);
        out += "\">";
    }
    out.append(html.substr(copied));
    return out;
}

// The one list of extensions of every tree, in the order they are attached,
// for cmark's renderer (the parser that held its own list is gone by then).
cmark_llist* gfm_extension_list() {
    static cmark_llist* const list = [] {
        cmark_llist* out = nullptr;
        for (cmark_syntax_extension* ext : gfm_extensions())
            out = cmark_llist_append(cmark_get_default_mem_allocator(), out, ext);
        return out;  // read-only from here on; lives as long as the process
    }();
    return list;
}

// cmark's getters of a node's strings (literal, url, title, fence info)
// copy a string that is not yet NUL-terminated and store the copy in the
// node: a first read writes. Done here, inside the tree's arena scope, every
// later read is a read only: the search text taken right after the parse and
// the handbook's walk on its own thread allocate nothing (a copy made outside
// the scope would come from the heap and outlive the arena's release).
void terminate_strings(cmark_node* root) {
    IterOwner iter(cmark_iter_new(root));
    for (auto ev = cmark_iter_next(iter.get()); ev != CMARK_EVENT_DONE; ev = cmark_iter_next(iter.get())) {
        if (ev != CMARK_EVENT_ENTER) continue;
        cmark_node* n = cmark_iter_get_node(iter.get());
        switch (cmark_node_get_type(n)) {
            case CMARK_NODE_LINK:
            case CMARK_NODE_IMAGE:
                cmark_node_get_url(n);
                cmark_node_get_title(n);
                break;
            case CMARK_NODE_CODE_BLOCK:
                cmark_node_get_fence_info(n);
                cmark_node_get_literal(n);
                break;
            case CMARK_NODE_CUSTOM_BLOCK:
            case CMARK_NODE_CUSTOM_INLINE:
                cmark_node_get_on_enter(n);
                cmark_node_get_on_exit(n);
                break;
            default:
                cmark_node_get_literal(n);  // null for nodes without one
                break;
        }
    }
}

}  // namespace

// Builds a Document: the one place a tree is parsed.
class DocumentBuilder {
public:
    static Document build(std::string_view markdown, const std::string& file, int first_line,
                          const MarkdownOptions& options, AnchorRegistry& anchors, std::vector<model::Ref>& refs,
                          Diagnostics& diags, SummaryWanted summary) {
        std::string storage;
        std::string_view text = sanitize_controls(markdown, storage);
        Document doc;
        doc.source_hash_ = source_hash_of(markdown);
        doc.cmark_flags_ = cmark_options(options);
        doc.labels_ = &body_labels(options.lang.value_or(Lang::Zh));
        doc.arena_ = std::make_unique<CmarkArena>();
        ArenaScope scope(*doc.arena_);  // the tree's memory; readers later allocate from the heap
        {
            ParserOwner parser(cmark_parser_new_with_mem(doc.cmark_flags_, CmarkArena::mem()));
            for (cmark_syntax_extension* ext : gfm_extensions()) cmark_parser_attach_syntax_extension(parser.get(), ext);
            cmark_parser_feed(parser.get(), text.data(), text.size());
            doc.root_ = finish_parse(parser.get());
        }
        SourceLines lines(text, file, first_line);
        TreeWalk walk(lines, options, anchors, refs, diags, summary, CmarkArena::mem(), doc.notes_);
        walk.walk(doc.root_);
        walk.rewrite();
        label_task_items(doc.root_, *doc.labels_, CmarkArena::mem(), doc.notes_.tasks);
        terminate_strings(doc.root_);
        doc.headings_ = walk.headings();
        doc.summary_ = walk.summary();
        doc.html_ = tree_html(doc);
        return doc;
    }

private:
    static std::string tree_html(const Document& doc);
};

std::string DocumentBuilder::tree_html(const Document& doc) {
    if (!doc.root_) return {};
    cmark_mem* heap = cmark_get_default_mem_allocator();
    char* html = cmark_render_html_with_mem(doc.root_, doc.cmark_flags_, gfm_extension_list(), heap);
    std::string out = insert_heading_ids(html ? std::string_view(html) : std::string_view(), doc.headings_);
    heap->free(html);
    if (has_footnotes(doc.root_)) out = label_backrefs(out, *doc.labels_);
    return out;
}

namespace {

// Item and event ids are anchors too (content-format §4); a heading must not
// take one, or a page would hold two elements with the same id.
void reserve_item_ids(const model::Page& page, AnchorRegistry& anchors) {
    for (const model::Anchor& a : model::item_anchors(page)) anchors.reserve(std::string(a.id));
}

}  // namespace

std::string asset_base_of(const model::Page& page) {
    const size_t slash = page.rel.rfind('/');
    const std::string dir = slash == std::string::npos ? "" : page.rel.substr(0, slash + 1);
    if (page.url.empty() || page.url.back() != '/') return "";
    std::string up;
    for (size_t i = 1; i < page.url.size(); ++i)
        if (page.url[i] == '/') up += "../";
    return up + dir;
}

Document parse_body(model::Page& page, const MarkdownOptions& site_options, Diagnostics& diags) {
    MarkdownOptions options = site_options;
    options.asset_base = asset_base_of(page);
    AnchorRegistry anchors;
    reserve_item_ids(page, anchors);
    page.body_refs.clear();
    SummaryWanted summary = page.summary.empty() ? SummaryWanted::Yes : SummaryWanted::No;
    Document doc = DocumentBuilder::build(page.body, page.path, page.body_line, options, anchors, page.body_refs,
                                          diags, summary);
    page.headings = doc.headings();
    if (page.summary.empty()) page.summary = doc.summary();
    return doc;
}

Document parse_fragment(const std::string& markdown, const std::string& file, int first_line,
                        const MarkdownOptions& options, std::vector<model::Ref>& refs_out, Diagnostics& diags) {
    AnchorRegistry anchors;
    return DocumentBuilder::build(markdown, file, first_line, options, anchors, refs_out, diags, SummaryWanted::No);
}

}  // namespace chuxin::markdown
