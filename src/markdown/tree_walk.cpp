#include "markdown/tree_walk.h"

#include <cstring>

#include "core/utf8.h"
#include "markdown/cmark_owner.h"
#include "markdown/escape.h"
#include "markdown/plain_text.h"
#include "markdown/refs.h"
#include "core/url_safety.h"

namespace chuxin::markdown {
namespace {

constexpr std::string_view kRefScheme = "ref:";

bool starts_with(const char* s, std::string_view prefix) {
    return s && std::strncmp(s, prefix.data(), prefix.size()) == 0;
}

int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

// A target pasted from a browser's address bar arrives percent-encoded
// (`ref:cases/%E8%80%81…`); ids are matched decoded. Kept as written when
// the decoded bytes are not UTF-8.
std::string ref_target(const char* url) {
    std::string_view raw(url + kRefScheme.size());
    while (!raw.empty() && (raw.front() == ' ' || raw.front() == '\t')) raw.remove_prefix(1);
    while (!raw.empty() && (raw.back() == ' ' || raw.back() == '\t')) raw.remove_suffix(1);
    if (raw.find('%') == std::string_view::npos) return std::string(raw);
    std::string decoded;
    for (size_t i = 0; i < raw.size(); ++i) {
        int hi = (raw[i] == '%' && i + 2 < raw.size()) ? hex_digit(raw[i + 1]) : -1;
        int lo = hi >= 0 ? hex_digit(raw[i + 2]) : -1;
        if (lo >= 0) {
            decoded += static_cast<char>(hi * 16 + lo);
            i += 2;
        } else {
            decoded += raw[i];
        }
    }
    return utf8::encode(utf8::decode(decoded)) == decoded ? decoded : std::string(raw);
}

cmark_node* new_node(cmark_node_type type, cmark_mem* mem) { return cmark_node_new_with_mem(type, mem); }

// Raw HTML with raw_html off is shown, not obeyed (content-format §1
// build.raw_html): the inline becomes a text node, which cmark escapes.
cmark_node* html_inline_to_text(cmark_node* node, cmark_mem* mem) {
    cmark_node* text = new_node(CMARK_NODE_TEXT, mem);
    cmark_node_set_literal(text, cmark_node_get_literal(node));
    cmark_node_insert_before(node, text);
    cmark_node_free(node);
    return text;
}

// A raw HTML block becomes a paragraph of its escaped text, lines kept.
cmark_node* html_block_to_text(cmark_node* node, cmark_mem* mem, std::string& as_written) {
    as_written = cmark_node_get_literal(node);
    std::string_view literal(as_written);
    while (!literal.empty() && (literal.back() == '\n' || literal.back() == '\r')) literal.remove_suffix(1);
    std::string html = "<p class=\"raw-html\">";
    for (size_t start = 0;;) {
        size_t end = literal.find('\n', start);
        std::string_view line = literal.substr(start, end == std::string_view::npos ? end : end - start);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        append_escaped(html, line);
        if (end == std::string_view::npos) break;
        html += "<br />\n";
        start = end + 1;
    }
    html += "</p>";
    cmark_node* block = new_node(CMARK_NODE_CUSTOM_BLOCK, mem);
    cmark_node_set_on_enter(block, html.c_str());
    cmark_node_set_on_exit(block, "");
    cmark_node_insert_before(node, block);
    cmark_node_free(node);
    return block;
}

// The link stays where it is, so its place in the tree stays legal: a GFM
// table cell accepts only a fixed list of inline kinds (a custom inline is not
// one of them, and cmark refuses to insert it there). Its URL is emptied and
// the placeholder pair of refs.h goes inside it, around its text:
//     <a href="">\x1AR3\x1Atext\x1A/\x1A</a>
// expand_refs replaces the whole of it. Empty link text (or an autolink's
// URL) is dropped: the target's title is put in later.
cmark_node* marker_inline(const std::string& text, cmark_mem* mem) {
    cmark_node* marker = new_node(CMARK_NODE_CUSTOM_INLINE, mem);
    cmark_node_set_on_enter(marker, text.c_str());
    cmark_node_set_on_exit(marker, "");
    return marker;
}

void ref_link_to_placeholder(cmark_node* link, size_t index, bool empty_text, cmark_mem* mem) {
    if (empty_text)
        while (cmark_node* child = cmark_node_first_child(link)) cmark_node_free(child);
    cmark_node_set_url(link, "");
    cmark_node_set_title(link, "");
    cmark_node_prepend_child(link, marker_inline(ref_open_marker(index), mem));
    cmark_node_append_child(link, marker_inline(ref_close_marker(), mem));
}

// A marker right after the heading's start tag; render.cpp turns
// "<h2>\x1AH3\x1A" into "<h2 id=\"anchor\">".
void mark_heading(cmark_node* heading, size_t index, cmark_mem* mem) {
    cmark_node_prepend_child(heading, marker_inline(std::string(1, kMarker) + "H" + std::to_string(index) + kMarker, mem));
}

// cmark makes a node's C string on first asking (cmark_chunk_to_cstr), from
// the tree's allocator. Asked here, once, on the thread that owns the arena:
// readers on other threads then only read (document.h: the tree is never
// changed after the markdown stage).
void materialize_strings(cmark_node* node) {
    switch (cmark_node_get_type(node)) {
        case CMARK_NODE_TEXT:
        case CMARK_NODE_CODE:
        case CMARK_NODE_HTML_INLINE:
        case CMARK_NODE_HTML_BLOCK:
        case CMARK_NODE_FOOTNOTE_REFERENCE:
        case CMARK_NODE_FOOTNOTE_DEFINITION: cmark_node_get_literal(node); break;
        case CMARK_NODE_CODE_BLOCK:
            cmark_node_get_literal(node);
            cmark_node_get_fence_info(node);
            break;
        case CMARK_NODE_LINK:
        case CMARK_NODE_IMAGE:
            cmark_node_get_url(node);
            cmark_node_get_title(node);
            break;
        default: break;
    }
}

}  // namespace

TreeWalk::TreeWalk(const SourceLines& lines, const MarkdownOptions& options, AnchorRegistry& anchors,
                   std::vector<model::Ref>& refs, Diagnostics& diags, SummaryWanted summary, cmark_mem* mem,
                   Annotations& notes)
    : lines_(lines), options_(options), anchors_(anchors), refs_(refs), diags_(diags), mem_(mem), notes_(notes),
      summary_wanted_(summary == SummaryWanted::Yes) {}

void TreeWalk::walk(cmark_node* document) {
    IterOwner iter(cmark_iter_new(document));
    cmark_event_type event;
    while ((event = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE) {
        cmark_node* node = cmark_iter_get_node(iter.get());
        if (event == CMARK_EVENT_ENTER)
            enter(node);
        else
            leave(node);
    }
}

void TreeWalk::enter(cmark_node* node) {
    materialize_strings(node);
    switch (cmark_node_get_type(node)) {
        case CMARK_NODE_HEADING:
            heading_ = node;
            heading_text_.clear();
            break;
        case CMARK_NODE_PARAGRAPH:
            if (summary_wanted_ && summary_paragraph_ == nullptr && footnote_depth_ == 0 &&
                (fallback_summary_.empty() ||
                 cmark_node_get_type(cmark_node_parent(node)) == CMARK_NODE_DOCUMENT)) {
                summary_paragraph_ = node;
                summary_text_.clear();
                summary_has_refs_ = false;
            }
            break;
        case CMARK_NODE_FOOTNOTE_DEFINITION: ++footnote_depth_; break;
        case CMARK_NODE_TEXT:
        case CMARK_NODE_CODE: add_plain(node); break;
        case CMARK_NODE_SOFTBREAK:
        case CMARK_NODE_LINEBREAK: add_plain("\n"); break;
        case CMARK_NODE_HTML_INLINE:
            if (!options_.raw_html) {
                html_inlines_.push_back(node);
                add_plain(node);
            }
            break;
        case CMARK_NODE_HTML_BLOCK:
            if (!options_.raw_html) html_blocks_.push_back(node);
            break;
        case CMARK_NODE_LINK: on_link(node); break;
        case CMARK_NODE_IMAGE:
            ++image_depth_;
            on_image(node);
            break;
        default: break;
    }
}

void TreeWalk::leave(cmark_node* node) {
    switch (cmark_node_get_type(node)) {
        case CMARK_NODE_HEADING: finish_heading(node); break;
        case CMARK_NODE_PARAGRAPH: finish_paragraph(node); break;
        case CMARK_NODE_FOOTNOTE_DEFINITION: --footnote_depth_; break;
        case CMARK_NODE_IMAGE: --image_depth_; break;
        case CMARK_NODE_LINK:
            if (node == hidden_link_) hidden_link_ = nullptr;
            break;
        default: break;
    }
}

void TreeWalk::add_plain(cmark_node* node) {
    if ((heading_ || summary_paragraph_) && image_depth_ == 0) add_plain(cmark_node_get_literal(node));
}

void TreeWalk::add_plain(const char* text) {
    if (image_depth_ > 0 || hidden_link_ || text == nullptr) return;  // alt text is not running text
    if (heading_) heading_text_ += text;
    if (summary_paragraph_) summary_text_ += text;
}

void TreeWalk::on_link(cmark_node* node) {
    const char* url = cmark_node_get_url(node);
    if (starts_with(url, kRefScheme)) {
        model::Ref ref;
        ref.text = ref_target(url);
        int line = cmark_node_get_start_line(node);
        int end_col = cmark_node_get_end_line(node) == line ? cmark_node_get_end_column(node) : 0;
        ref.pos = lines_.link_pos(line, cmark_node_get_start_column(node), end_col);
        // <ref:x> (an autolink) shows its URL as text: treat it as empty text.
        cmark_node* child = cmark_node_first_child(node);
        bool empty = child == nullptr ||
                     (cmark_node_next(child) == nullptr && cmark_node_get_type(child) == CMARK_NODE_TEXT &&
                      std::strcmp(cmark_node_get_literal(child), url) == 0);
        if (empty) {
            // The title is known only after the graph is resolved: the summary
            // keeps a marker that model::resolve_references replaces.
            if (summary_paragraph_ && image_depth_ == 0) {
                summary_text_ += ref_open_marker(refs_.size());
                summary_has_refs_ = true;
            }
            hidden_link_ = node;
        }
        ref_links_.push_back({node, refs_.size(), empty});
        refs_.push_back(std::move(ref));
    } else if (!options_.raw_html && is_unsafe_url(url ? url : "", UrlUse::Link)) {
        set_url(node, "");
    } else {
        rebase_relative(node);
    }
}

// "chart.png" in content/schedules/2026.md → "../../schedules/chart.png":
// the file is copied beside its source, the page is one folder deeper.
void TreeWalk::rebase_relative(cmark_node* node) {
    const char* url = cmark_node_get_url(node);
    if (options_.asset_base.empty() || !url || !is_relative_reference(url)) return;
    const std::string rebased = options_.asset_base + url;
    set_url(node, rebased.c_str());
}

void TreeWalk::set_url(cmark_node* node, const char* url) {
    const char* written = cmark_node_get_url(node);
    notes_.url_as_written.try_emplace(node, written ? written : "");
    cmark_node_set_url(node, url);
}

void TreeWalk::on_image(cmark_node* node) {
    const char* url = cmark_node_get_url(node);
    if (starts_with(url, kRefScheme)) {
        diags_.warning(lines_.pos(cmark_node_get_start_line(node), cmark_node_get_start_column(node)),
                       "an image cannot be a ref: link; it is shown without a source",
                       "for a cross-reference write [text](ref:…) without the '!'");
        set_url(node, "");
    } else if (!options_.raw_html && is_unsafe_url(url ? url : "", UrlUse::Image)) {
        set_url(node, "");
    } else {
        rebase_relative(node);
    }
}

void TreeWalk::finish_heading(cmark_node* node) {
    model::Heading heading;
    heading.level = cmark_node_get_heading_level(node);
    heading.text = normalize_space(heading_text_);
    heading.anchor = anchors_.unique(github_slug(heading.text));
    heading.pos = lines_.pos(cmark_node_get_start_line(node), cmark_node_get_start_column(node));
    headings_.push_back(std::move(heading));
    heading_nodes_.push_back(node);
    heading_ = nullptr;
}

void TreeWalk::finish_paragraph(cmark_node* node) {
    if (node != summary_paragraph_) return;
    summary_paragraph_ = nullptr;
    std::string text = normalize_space(summary_text_);
    if (text.empty()) return;  // an image-only paragraph: try the next one
    // With markers, the graph cuts the summary once titles are in (graph.h).
    std::string summary = summary_has_refs_ ? text : cut_summary(text);
    if (cmark_node_get_type(cmark_node_parent(node)) != CMARK_NODE_DOCUMENT) {
        if (fallback_summary_.empty()) fallback_summary_ = std::move(summary);
        return;
    }
    summary_ = std::move(summary);
    summary_wanted_ = false;
}

void TreeWalk::rewrite() {
    for (cmark_node* node : html_inlines_) {
        std::string written = cmark_node_get_literal(node);
        const std::pair<int, int> start{cmark_node_get_start_line(node), cmark_node_get_start_column(node)};
        cmark_node* text = html_inline_to_text(node, mem_);
        notes_.html_as_written[text] = std::move(written);
        notes_.replaced_start[text] = start;
    }
    for (cmark_node* node : html_blocks_) {
        std::string written;
        const std::pair<int, int> start{cmark_node_get_start_line(node), cmark_node_get_start_column(node)};
        cmark_node* block = html_block_to_text(node, mem_, written);
        notes_.html_as_written[block] = std::move(written);
        notes_.replaced_start[block] = start;
    }
    for (const RefLinkNode& link : ref_links_) {
        notes_.ref_links[link.node] = RefLink{link.index, link.empty_text};
        const char* url = cmark_node_get_url(link.node);
        notes_.url_as_written.try_emplace(link.node, url ? url : "");
        ref_link_to_placeholder(link.node, link.index, link.empty_text, mem_);
    }
    for (size_t i = 0; i < heading_nodes_.size(); ++i) {
        notes_.heading_index[heading_nodes_[i]] = i;
        mark_heading(heading_nodes_[i], i, mem_);
    }
    html_inlines_.clear();
    html_blocks_.clear();
    ref_links_.clear();
    heading_nodes_.clear();
}

}  // namespace chuxin::markdown
