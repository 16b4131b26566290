#pragma once
// The Markdown stage (content-format §2, §4, §8). Each body is parsed once per
// build by cmark-gfm with the GFM extensions (tables, task lists,
// strikethrough, autolinks, tag filter) and footnotes — the one list of
// options, in render.cpp — into a Document (document.h) that every later
// stage reads. One walk over the tree collects headings (with GitHub
// anchors), `ref:` links (with their file positions), the summary, and makes
// raw HTML and unsafe URLs harmless. The HTML is rendered from the tree by
// the html stage (render_html); `ref:` links stay placeholders in it until
// the renderer knows where targets live: see markdown/refs.h (expand_refs).
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "core/language.h"
#include "markdown/document.h"
#include "model/model.h"

namespace chuxin::markdown {

struct MarkdownOptions {
    // site.yaml build.raw_html. Off: raw HTML is shown as text and unsafe URLs
    // are dropped. On: raw HTML passes through, filtered by GFM's tagfilter
    // (<script>, <iframe>, <style> … are escaped), and URLs are kept.
    bool raw_html = false;
    // Per page: the path from the page's output folder to its source
    // folder ("../../schedules/" for content/schedules/2026.md at
    // /schedules/2026/). A relative image or link URL is written against the
    // source folder, where its file is copied (content-format §8), so it gets
    // this prefix. Empty: URLs stay as written (fragments, _index.md).
    std::string asset_base;
    // site.yaml `language`, for the words the body's HTML carries besides the
    // author's (checkbox and footnote back-link names, body_labels.h).
    // Unset: the site's (parse_site), else Chinese.
    std::optional<Lang> lang;
};

// asset_base for a page (from page.rel and page.url).
std::string asset_base_of(const model::Page& page);

// Parses page.body into its Document. Fills page.headings, page.body_refs
// (replaced, in source order), and page.summary if it is empty. Positions are in
// page.path, with page.body_line as the body's first line. A summary whose
// paragraph holds an empty-text ref ("详见[](ref:x)") keeps an open marker of
// refs.h for it, uncut; model::resolve_references puts the title in and cuts
// it to 120 characters.
Document parse_body(model::Page& page, const MarkdownOptions& options, Diagnostics& diags);

// Parses a piece of Markdown that is not a page body (a section's _index.md
// introduction …). `first_line` is the file line of the markdown's first
// line. Its `ref:` links are appended to refs_out; the placeholders in its
// HTML (render_html) index into refs_out, so pass the same vector to expand_refs.
Document parse_fragment(const std::string& markdown, const std::string& file, int first_line,
                            const MarkdownOptions& options, std::vector<model::Ref>& refs_out,
                            Diagnostics& diags);

// Which page trees outlive parse_site. Each page's HTML is rendered from its
// tree when it is parsed; the tree itself stays only for a stage that walks
// it later (the handbook). Others are freed as soon as they are parsed, so
// that a 10,000-page build never holds 10,000 trees.
struct TreesKept {
    bool all = true;          // every tree (tests, tools that read them all)
    std::vector<bool> pages;  // when !all: pages[i] keeps site.pages[i]'s tree
    bool keeps(size_t page) const { return all || (page < pages.size() && pages[page]); }
    // A later stage's reading of every tree while it is there (the search
    // index's text): called on the worker that parsed page `i`, before the
    // tree may go. Calls for different pages run at once.
    std::function<void(size_t page, const Document& doc)> read_tree;
};

// Parses every page body (parse_body) and every section's intro_markdown
// (filling intro_refs), on `threads` threads (1 = this thread only): exactly
// one cmark parse for each (Documents::cmark_parses counts them). The trees
// `kept` names stay; intros' trees always do (a few per site).
// Diagnostics are collected from all threads; results do not depend on the
// thread count.
Documents parse_site(model::Site& site, const MarkdownOptions& options, Diagnostics& diags, int threads = 1,
                     const TreesKept& kept = {});

}  // namespace chuxin::markdown
