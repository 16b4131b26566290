#pragma once
// What each HTML element means to the handbook (raw_html.h): block or
// inline, the inline style it gives, or dropped with its contents. Names are
// lower case (libxml2's HTML parser and tag_name() fold them).
#include <algorithm>
#include <array>
#include <string_view>

#include "layout/document.h"

namespace chuxin::handbook::html_names {

template <size_t N>
bool among(const std::array<std::string_view, N>& sorted, std::string_view name) {
    return std::binary_search(sorted.begin(), sorted.end(), name);
}

// Never set, contents included: scripts and styles, embedded objects and
// media, form controls, and what belongs in <head>. The portal's tagfilter
// (GFM) disarms title/textarea/style/xmp/iframe/noembed/noframes/script/
// plaintext; the handbook leaves them out.
inline bool is_dropped(std::string_view name) {
    static constexpr std::array<std::string_view, 30> kDropped = {
        "applet", "audio",  "base",    "canvas",   "datalist", "embed",  "frame",   "frameset",
        "head",   "iframe", "input",   "link",     "map",      "math",   "meta",    "noembed",
        "noframes", "noscript", "object", "param", "plaintext", "script", "select", "source",
        "style",  "svg",    "template", "textarea", "title",   "video"};
    static_assert(kDropped.size() == 30);
    return among(kDropped, name) || name == "track";
}

// Elements a browser sets as blocks (a line of their own).
inline bool is_block(std::string_view name) {
    static constexpr std::array<std::string_view, 45> kBlocks = {
        "address", "article", "aside",   "blockquote", "body",   "caption", "center", "dd",
        "details", "dialog",  "dir",     "div",        "dl",     "dt",      "fieldset", "figcaption",
        "figure",  "footer",  "form",    "h1",         "h2",     "h3",      "h4",     "h5",
        "h6",      "header",  "hgroup",  "hr",         "html",   "legend",  "li",     "listing",
        "main",    "menu",    "nav",     "ol",         "p",      "pre",     "section", "summary",
        "table",   "tbody",   "td",      "tfoot",      "th"};
    return among(kBlocks, name) || name == "thead" || name == "tr" || name == "ul" || name == "xmp";
}

// Elements with no end tag.
inline bool is_void(std::string_view name) {
    static constexpr std::array<std::string_view, 14> kVoid = {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"};
    return among(kVoid, name);
}

// The style an inline element gives its text (spans of layout/document.h).
inline unsigned inline_flags(std::string_view name) {
    if (name == "b" || name == "strong") return layout::kStrong;
    if (name == "i" || name == "em" || name == "cite" || name == "dfn" || name == "var") return layout::kEmphasis;
    if (name == "s" || name == "del" || name == "strike") return layout::kStrike;
    if (name == "code" || name == "kbd" || name == "samp" || name == "tt") return layout::kCode;
    return layout::kPlain;
}

// 1..6 for h1..h6, else 0.
inline int heading_level(std::string_view name) {
    if (name.size() == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6') return name[1] - '0';
    return 0;
}

}  // namespace chuxin::handbook::html_names
