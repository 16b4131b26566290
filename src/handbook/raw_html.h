#pragma once
// Raw HTML in a Markdown body, set in the handbook the way the portal shows
// it (content-format §1 `build.raw_html`, §8 "Unsafe URLs"):
// - raw_html off: the portal prints the HTML source as text (an HTML block is
//   a paragraph of its lines, each line a line of the paragraph; inline HTML
//   is literal text). The handbook sets the same text, not a code box.
// - raw_html on: the portal lets the browser render the HTML. The handbook
//   parses the fragment with libxml2's HTML parser and maps the elements onto
//   layout blocks and spans: a faithful approximation, not a browser.
// Inline HTML arrives in cmark as one node per tag (`<b>`, text, `</b>`), so
// the inline side is a stack of open tags carried across sibling nodes.
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/source_pos.h"
#include "layout/document.h"

namespace chuxin::handbook {

// A source line end between two characters is no space when either side is
// Chinese (CJK ideographs, full-width forms, “”—…): the rule for Markdown
// soft breaks, and for HTML whitespace runs holding a line end (CSS Text 3
// segment-break transformation, as browsers apply it to Chinese).
bool cjk_break_boundary(char32_t cp);

// What the HTML mapper borrows from the Markdown converter of the page, so
// HTML and Markdown follow one set of rules.
struct HtmlHooks {
    // Text to set, after the beyond-U+FFFF check (warns at `pos`, sets 〓).
    std::function<std::string(const std::string& text, const SourcePos& pos)> checked_text;
    // A link target → the URI of the PDF link action; "" = no link (unsafe
    // scheme, ref:, empty).
    std::function<std::string(const std::string& href)> link_uri;
    // An image source → a file path for layout (unreadable: layout sets the alt text).
    std::function<std::string(const std::string& src)> image_path;
    // <h1>…<h6> → the chapter's heading rank 1..4.
    std::function<int(int html_level)> heading_rank;
};

// raw_html on: an HTML block → blocks. `pos` is where the block starts in the
// content file; lines inside the fragment are counted from there.
std::vector<layout::Block> html_to_blocks(std::string_view html, const SourcePos& pos, const HtmlHooks& hooks);

// raw_html off: an HTML block → one paragraph of its literal text, one line
// per source line, spaces collapsed as the browser collapses the portal's
// escaped text. No block when the text is blank.
std::vector<layout::Block> html_block_as_text(std::string_view html, const SourcePos& pos,
                                              const HtmlHooks& hooks);

// raw_html off: one inline HTML node → its literal text, spaces collapsed.
std::string html_inline_as_text(std::string_view literal);

// raw_html on: the open inline tags of one paragraph (or heading, or cell).
class InlineHtmlState {
public:
    // Takes one cmark HTML_INLINE literal (a start tag, an end tag, a
    // comment…). <br> and <img> add spans to `out` (a line break; the alt text).
    void apply(std::string_view literal, const SourcePos& pos, const HtmlHooks& hooks, layout::Inlines& out);
    unsigned flags() const;           // kStrong | kEmphasis | … of the open tags
    const std::string& uri() const;   // innermost open <a href>, or ""
    bool hidden() const;              // inside <script>, <style>, …: text is dropped
    void clear() { open_.clear(); }

private:
    struct OpenTag {
        std::string name;
        unsigned flags = layout::kPlain;
        std::string uri;
        bool hidden = false;
        bool quote = false;  // <q>: a closing ” on the end tag
    };
    std::vector<OpenTag> open_;
};

}  // namespace chuxin::handbook
