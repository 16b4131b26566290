#include "html_checker.h"

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <set>

namespace chuxin::test {
namespace {

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// Decodes the entities an attribute value may use to hide a scheme.
std::string decode_entities(const std::string& s) {
    std::string out;
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] != '&') {
            out += s[i];
            continue;
        }
        size_t semi = s.find(';', i);
        if (semi == std::string::npos) {
            out += s[i];
            continue;
        }
        std::string name = s.substr(i + 1, semi - i - 1);
        long cp = -1;
        if (name == "amp") cp = '&';
        else if (name == "quot") cp = '"';
        else if (name == "lt") cp = '<';
        else if (name == "gt") cp = '>';
        else if (name == "colon") cp = ':';
        else if (name == "Tab") cp = '\t';
        else if (name.size() > 1 && name[0] == '#')
            cp = (name[1] == 'x' || name[1] == 'X') ? std::strtol(name.c_str() + 2, nullptr, 16)
                                                    : std::strtol(name.c_str() + 1, nullptr, 10);
        if (cp < 0 || cp > 127) {
            out += s[i];
            continue;
        }
        out += static_cast<char>(cp);
        i = semi;
    }
    return out;
}

enum class Decoded { No, Yes };

bool dangerous_url(const std::string& raw, bool image, Decoded decoded = Decoded::No) {
    std::string v;
    for (char c : lower(decoded == Decoded::Yes ? raw : decode_entities(raw)))
        if (static_cast<unsigned char>(c) > 0x20) v += c;  // browsers ignore these in schemes
    auto starts = [&](const char* p) { return v.rfind(p, 0) == 0; };
    if (starts("javascript:") || starts("vbscript:") || starts("file:")) return true;
    return starts("data:") && !(image && starts("data:image/"));
}

const std::set<std::string> kAllowedTags = {
    "a", "p", "em", "strong", "del", "code", "pre", "h1", "h2", "h3", "h4", "h5", "h6",
    "ul", "ol", "li", "blockquote", "hr", "br", "img", "table", "thead", "tbody", "tr",
    "th", "td", "input", "sup", "section", "span"};
const std::set<std::string> kAllowedAttributes = {
    "href", "src", "alt", "title", "id", "class", "align", "start", "type", "checked", "disabled",
    "data-footnotes", "data-footnote-ref", "data-footnote-backref", "aria-label"};
const std::set<std::string> kFilteredTags = {"title", "textarea", "style", "xmp", "iframe",
                                             "noembed", "noframes", "script", "plaintext"};

size_t read_tag(const std::string& h, size_t i, Tag& tag) {
    size_t n = h.size();
    while (i < n && !is_space(h[i]) && h[i] != '/' && h[i] != '>') tag.name += h[i++];
    tag.name = lower(tag.name);
    while (i < n && h[i] != '>') {
        if (is_space(h[i]) || h[i] == '/') {
            ++i;
            continue;
        }
        std::string name(1, h[i++]);
        while (i < n && !is_space(h[i]) && h[i] != '/' && h[i] != '>' && h[i] != '=') name += h[i++];
        size_t j = i;
        while (j < n && is_space(h[j])) ++j;
        std::string value;
        if (j < n && h[j] == '=') {
            i = j + 1;
            while (i < n && is_space(h[i])) ++i;
            if (i < n && (h[i] == '"' || h[i] == '\'')) {
                char quote = h[i++];
                while (i < n && h[i] != quote) value += h[i++];
                if (i < n) ++i;
            } else {
                while (i < n && !is_space(h[i]) && h[i] != '>') value += h[i++];
            }
        }
        tag.attributes.emplace_back(lower(name), value);
    }
    return i;
}

}  // namespace

HtmlScan scan_html(const std::string& h) {
    HtmlScan scan;
    for (size_t i = 0; i < h.size(); ++i) {
        if (h[i] != '<' || i + 1 >= h.size()) continue;
        char next = h[i + 1];
        if (next == '!' || next == '?') {
            // HTML5: "<!--" runs to "-->"; any other "<!" or "<?" is a bogus
            // comment that ends at the first '>'. Nothing inside is a tag.
            scan.markup_declaration = true;
            bool comment = h.compare(i, 4, "<!--") == 0;
            size_t end = comment ? h.find("-->", i + 4) : h.find('>', i + 2);
            if (end == std::string::npos) break;
            i = end;
        } else if (std::isalpha(static_cast<unsigned char>(next))) {
            Tag tag;
            i = read_tag(h, i + 1, tag);
            scan.tags.push_back(std::move(tag));
        }
    }
    return scan;
}

std::vector<std::string> unsafe_findings(const std::string& html) {
    std::vector<std::string> found;
    HtmlScan scan = scan_html(html);
    if (scan.markup_declaration) found.push_back("markup declaration (<! or <?)");
    for (const Tag& tag : scan.tags) {
        if (!kAllowedTags.count(tag.name)) found.push_back("tag <" + tag.name + ">");
        for (const auto& [name, value] : tag.attributes) {
            if (!kAllowedAttributes.count(name)) found.push_back("attribute " + name + " on <" + tag.name + ">");
            if ((name == "href" || name == "src") && dangerous_url(value, tag.name == "img"))
                found.push_back("url " + value);
        }
    }
    return found;
}

std::vector<std::string> tagfilter_findings(const std::string& html) {
    std::vector<std::string> found;
    for (const Tag& tag : scan_html(html).tags)
        if (kFilteredTags.count(tag.name)) found.push_back("tag <" + tag.name + ">");
    return found;
}

std::vector<std::string> libxml2_findings(const std::string& html) {
    std::vector<std::string> found;
    std::unique_ptr<xmlDoc, decltype(&xmlFreeDoc)> owner(
        htmlReadMemory(html.data(), static_cast<int>(html.size()), nullptr, "UTF-8",
                       HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET),
        &xmlFreeDoc);
    xmlDocPtr doc = owner.get();
    if (!doc) return found;
    std::vector<xmlNodePtr> stack = {xmlDocGetRootElement(doc)};
    while (!stack.empty()) {
        xmlNodePtr node = stack.back();
        stack.pop_back();
        if (!node) continue;
        if (node->type == XML_ELEMENT_NODE) {
            std::string name = lower(reinterpret_cast<const char*>(node->name));
            if (kFilteredTags.count(name) || name == "object" || name == "embed" || name == "svg" ||
                name == "form" || name == "base" || name == "meta" || name == "link")
                found.push_back("element " + name);
            for (xmlAttrPtr attr = node->properties; attr; attr = attr->next) {
                std::string attr_name = lower(reinterpret_cast<const char*>(attr->name));
                xmlChar* value = xmlNodeListGetString(doc, attr->children, 1);
                std::string v = value ? reinterpret_cast<const char*>(value) : "";
                xmlFree(value);
                if (attr_name.rfind("on", 0) == 0) found.push_back("event attribute " + attr_name);
                if ((attr_name == "href" || attr_name == "src") && dangerous_url(v, name == "img", Decoded::Yes))
                    found.push_back("url " + v);
            }
        }
        for (xmlNodePtr child = node->children; child; child = child->next) stack.push_back(child);
    }
    return found;
}

}  // namespace chuxin::test
