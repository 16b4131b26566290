#include "handbook/raw_html_xml.h"

#include <libxml/parser.h>

#include <climits>

#include "core/utf8.h"

namespace chuxin::handbook::html_xml {

namespace {

// No error output, no network (an <img> never fetches), UTF-8 in.
constexpr int kParseOptions = HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET;

}  // namespace

DocOwner parse_html(std::string_view html) {
    // libxml2 is initialised by whoever starts the threads that use it
    // (site::render_site), before they start: a first use on two threads
    // at once is what is not safe.
    if (html.empty() || html.size() > INT_MAX) return nullptr;
    return DocOwner(htmlReadMemory(html.data(), static_cast<int>(html.size()), nullptr, "UTF-8", kParseOptions));
}

std::string name_of(const xmlNode* n) { return utf8::ascii_lower(reinterpret_cast<const char*>(n->name)); }

std::string attribute(const xmlNode* n, const char* name) {
    XmlCharOwner value(xmlGetProp(n, reinterpret_cast<const xmlChar*>(name)));
    return value ? std::string(reinterpret_cast<const char*>(value.get())) : std::string();
}

std::string content_of(const xmlNode* n) { return n->content ? reinterpret_cast<const char*>(n->content) : ""; }

bool is_text(const xmlNode* n) { return n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE; }

const xmlNode* find_element(const xmlNode* n, const std::string& name) {
    for (; n; n = n->next) {
        if (n->type == XML_ELEMENT_NODE && name_of(n) == name) return n;
        if (const xmlNode* found = find_element(n->children, name)) return found;
    }
    return nullptr;
}

bool is_space(char32_t cp) { return cp == U' ' || cp == U'\t' || cp == U'\n' || cp == U'\r' || cp == U'\f'; }

}  // namespace chuxin::handbook::html_xml
