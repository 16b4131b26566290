#pragma once
// The one walk over a parsed body (markdown.h): it collects what the model
// needs and notes the nodes to rewrite; rewrite() then changes the tree
// (never during iteration, which cmark's iterator does not allow).
#include <cmark-gfm.h>

#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "markdown/anchors.h"
#include "markdown/document.h"
#include "markdown/markdown.h"
#include "markdown/source_lines.h"
#include "model/model.h"

namespace chuxin::markdown {

enum class SummaryWanted { No, Yes };

class TreeWalk {
public:
    TreeWalk(const SourceLines& lines, const MarkdownOptions& options, AnchorRegistry& anchors,
             std::vector<model::Ref>& refs, Diagnostics& diags, SummaryWanted summary, cmark_mem* mem,
             Annotations& notes);

    void walk(cmark_node* document);
    // Raw HTML → text, ref: links → placeholders, headings → id markers; what
    // each rewrite changed goes into the Annotations, by node.
    void rewrite();

    const std::vector<model::Heading>& headings() const { return headings_; }
    // The first top-level paragraph's text, else the first paragraph's (in a
    // list, a quote …), never a footnote's.
    const std::string& summary() const { return summary_.empty() ? fallback_summary_ : summary_; }

private:
    struct RefLinkNode {
        cmark_node* node;
        size_t index;     // into refs_
        bool empty_text;  // [](ref:x) or <ref:x>: the target's title is shown
    };

    void enter(cmark_node* node);
    void leave(cmark_node* node);
    void on_link(cmark_node* node);
    void on_image(cmark_node* node);
    void rebase_relative(cmark_node* node);
    void set_url(cmark_node* node, const char* url);
    void add_plain(cmark_node* node);
    void add_plain(const char* text);
    void finish_heading(cmark_node* node);
    void finish_paragraph(cmark_node* node);

    const SourceLines& lines_;
    const MarkdownOptions& options_;
    AnchorRegistry& anchors_;
    std::vector<model::Ref>& refs_;
    Diagnostics& diags_;
    cmark_mem* mem_;  // the tree's allocator: new nodes must share it
    Annotations& notes_;

    std::vector<model::Heading> headings_;
    std::string summary_;
    std::string fallback_summary_;  // from a nested paragraph, until a top-level one turns up
    bool summary_wanted_;

    cmark_node* heading_ = nullptr;        // the heading being walked
    std::string heading_text_;
    cmark_node* summary_paragraph_ = nullptr;
    std::string summary_text_;
    bool summary_has_refs_ = false;        // empty-text refs left as markers
    int footnote_depth_ = 0;
    int image_depth_ = 0;
    cmark_node* hidden_link_ = nullptr;    // <ref:x>: its URL text is not running text

    std::vector<cmark_node*> heading_nodes_;  // parallel to headings_
    std::vector<RefLinkNode> ref_links_;
    std::vector<cmark_node*> html_inlines_;
    std::vector<cmark_node*> html_blocks_;
};

}  // namespace chuxin::markdown
