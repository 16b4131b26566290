#pragma once
// Reference placeholders in rendered HTML (content-format §4).
//
// The Markdown stage cannot write a `ref:` link's href: the target's URL and,
// for empty link text, its title are known only after the graph is resolved
// and depend on the output (a web page, a PDF). So each `ref:` link is
// rendered as
//     <a href="">\x1A R <index> \x1A   link text HTML   \x1A / \x1A</a>
// where <index> is the decimal index of the Ref in page.body_refs (or in a
// fragment's refs vector). The link node stays in the tree, so a ref is legal
// wherever a link is (a table cell accepts no other wrapper). U+001A never reaches the HTML from content. cmark
// itself neither escapes nor strips it (a raw 0x1A byte, or `&#26;`, comes
// out as is — checked in tests/markdown/test_safety.cpp), so the stage turns
// every C0 control but tab, LF and CR into a space, and rewrites numeric
// character references to them, before cmark sees the text (sanitize.h).
// Users cannot forge the markers.
#include <functional>
#include <string>
#include <vector>

#include "model/model.h"

namespace chuxin::markdown {

inline constexpr char kMarker = '\x1A';

std::string ref_open_marker(size_t index);  // "\x1AR12\x1A"
const std::string& ref_close_marker();      // "\x1A/\x1A"

// href_for(target, anchor) → the href to write (relative URL, "#id" in a PDF
// …); it is HTML-escaped here.
using HrefFor = std::function<std::string(const model::Page& target, const std::string& anchor)>;

// Replaces each placeholder: a resolved ref becomes <a href="…">text</a>,
// with the target's title (model::title_of) when the link text is empty; an
// unresolved one becomes <span class="broken-ref">text or ref text</span>.
std::string expand_refs(const std::string& body_html, const model::Page& page,
                        const model::Site& site, const HrefFor& href_for);
std::string expand_refs(const std::string& html, const std::vector<model::Ref>& refs,
                        const model::Site& site, const HrefFor& href_for);

}  // namespace chuxin::markdown
