#pragma once
// A paragraph's runs → one line of GFM Markdown: text escaped so that it
// reads back as the same characters, emphasis, links, footnote references
// and images.
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "import/docx.h"

namespace chuxin::import {

// Backslash-escapes the ASCII punctuation GFM gives a meaning inside a line
// (\ ` * _ [ ] < > | ~ &), so the text reads back unchanged.
std::string escape_inline(std::string_view text);
// Escapes what would start a block at the beginning of a line (# + - = >
// and "1." "1)"), and drops the spaces that would make it code.
std::string escape_line_start(std::string_view line);

struct InlineContext {
    // The Markdown for a footnote reference (its id in footnotes.xml).
    std::function<std::string(const std::string&)> footnote;
    // The Markdown for an image (its entry name in the zip).
    std::function<std::string(const std::string&)> image;
};

enum class Emphasis { Keep, Drop };  // Drop: in headings, where the style is the heading's

// `runs` rendered; manual line breaks become hard breaks (one, however many
// were typed), spaces at the start and end are dropped. `bold_until` makes
// the first bytes of the text bold (a run-on heading's lead-in).
std::string render_runs(const std::vector<Run>& runs, const InlineContext& ctx, Emphasis emphasis,
                        size_t bold_until = 0);

// Only http, https and mailto links are kept as links (others: text).
bool linkable(std::string_view url);

}  // namespace chuxin::import
