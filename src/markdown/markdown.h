#pragma once
// The Markdown stage (content-format §2, §4, §8). Each body is parsed once by
// cmark-gfm with the GFM extensions (tables, task lists, strikethrough,
// autolinks, tag filter) and footnotes; one walk over the tree then collects
// headings (with GitHub anchors), `ref:` links (with their file positions),
// the summary, and makes raw HTML and unsafe URLs harmless; one render gives
// the HTML. `ref:` links stay placeholders in that HTML until the renderer
// knows where targets live: see markdown/refs.h (expand_refs).
#include <string>
#include <vector>

#include "core/diagnostic.h"
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
    // Empty: the site's (render_site), else zh-CN.
    std::string language;
};

// asset_base for a page (from page.rel and page.url).
std::string asset_base_of(const model::Page& page);

// Renders page.body. Fills page.headings, page.body_refs (replaced, in source
// order), page.body_html, and page.summary if it is empty. Positions are in
// page.path, with page.body_line as the body's first line. A summary whose
// paragraph holds an empty-text ref ("详见[](ref:x)") keeps an open marker of
// refs.h for it, uncut; model::resolve_references puts the title in and cuts
// it to 120 characters.
void render_body(model::Page& page, const MarkdownOptions& options, Diagnostics& diags);

// Renders a piece of Markdown that is not a page body (a section's _index.md
// introduction …). `first_line` is the file line of the markdown's first
// line. Its `ref:` links are appended to refs_out; the placeholders in the
// returned HTML index into refs_out, so pass the same vector to expand_refs.
std::string render_fragment(const std::string& markdown, const std::string& file, int first_line,
                            const MarkdownOptions& options, std::vector<model::Ref>& refs_out,
                            Diagnostics& diags);

// Renders every page body (render_body) and every section's intro_markdown
// into intro_html / intro_refs, on `threads` threads (1 = this thread only).
// Diagnostics are collected from all threads; results do not depend on the
// thread count.
void render_site(model::Site& site, const MarkdownOptions& options, Diagnostics& diags, int threads = 1);

}  // namespace chuxin::markdown
