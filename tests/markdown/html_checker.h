#pragma once
// An independent reader of rendered HTML for the XSS property tests: it
// tokenizes start tags the way an HTML5 tokenizer does (names, attributes,
// quoted and unquoted values) and reports anything a script could hide in.
#include <string>
#include <vector>

namespace chuxin::test {

struct Tag {
    std::string name;  // lower-case
    std::vector<std::pair<std::string, std::string>> attributes;  // lower-case names, raw values
};

struct HtmlScan {
    std::vector<Tag> tags;
    bool markup_declaration = false;  // "<!" or "<?" (comments, CDATA, PIs)
};

HtmlScan scan_html(const std::string& html);

// Problems found with raw_html off: tags or attributes outside what cmark-gfm
// and chuxin emit, event-handler attributes, dangerous URLs. Empty = clean.
std::vector<std::string> unsafe_findings(const std::string& html);

// With raw_html on, only GFM's tag filter is promised: none of its tags open.
std::vector<std::string> tagfilter_findings(const std::string& html);

// libxml2's HTML parser as a second, browser-like reader: script-capable
// elements, on* attributes, javascript:/vbscript:/data: (non-image) URLs.
std::vector<std::string> libxml2_findings(const std::string& html);

}  // namespace chuxin::test
