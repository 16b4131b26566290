#pragma once
// libxml2 for the raw HTML mapper (raw_html.h): move-only owners and the few
// node helpers both the block and the inline side use. Internal to the
// handbook stage.
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <memory>
#include <string>
#include <string_view>

namespace chuxin::handbook::html_xml {

// Move-only owners of the libxml2 objects (style.md: one RAII owner each).
struct DocFree {
    void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};
using DocOwner = std::unique_ptr<xmlDoc, DocFree>;
struct XmlCharFree {
    void operator()(xmlChar* s) const { xmlFree(s); }
};
using XmlCharOwner = std::unique_ptr<xmlChar, XmlCharFree>;

// An HTML fragment (UTF-8) → a document with html/body added by the parser;
// null when empty. No error output, no network access.
DocOwner parse_html(std::string_view html);

std::string name_of(const xmlNode* n);                       // lower case
std::string attribute(const xmlNode* n, const char* name);   // entities decoded; "" if absent
std::string content_of(const xmlNode* n);                    // a text node's text
bool is_text(const xmlNode* n);                              // text or CDATA
// The first element called `name`, depth first from `n` and its siblings.
const xmlNode* find_element(const xmlNode* n, const std::string& name);
// HTML white space (collapsible): space, tab, line feed, carriage return, form feed.
bool is_space(char32_t cp);

}  // namespace chuxin::handbook::html_xml
