#include "import/xml_part.h"

#include <libxml/parser.h>

#include <cstring>

namespace chuxin::import {

XmlPart::XmlPart(const std::string& bytes, const std::string& name) {
    xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
    if (!ctxt) {
        error_ = "out of memory";
        return;
    }
    // No XML_PARSE_NOENT (entities are not substituted), no DTD loading, no
    // network; errors are read from the context, not printed.
    const int options = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING;
    doc_ = xmlCtxtReadMemory(ctxt, bytes.data(), static_cast<int>(bytes.size()), name.c_str(), "UTF-8", options);
    if (!doc_) {
        const xmlError* e = xmlCtxtGetLastError(ctxt);
        error_ = std::string("broken XML: ") + (e && e->message ? e->message : "not well-formed");
        while (!error_.empty() && (error_.back() == '\n' || error_.back() == ' ')) error_.pop_back();
        error_line_ = e ? e->line : 0;
        error_col_ = e ? e->int2 : 0;
    } else if (doc_->intSubset || doc_->extSubset) {
        xmlFreeDoc(doc_);
        doc_ = nullptr;
        error_ = "it declares a DOCTYPE, which Word and WPS never write (refused: a DTD can hide entity bombs)";
    }
    xmlFreeParserCtxt(ctxt);
}

XmlPart::~XmlPart() {
    if (doc_) xmlFreeDoc(doc_);
}

XmlPart::XmlPart(XmlPart&& other) noexcept
    : doc_(other.doc_), error_(std::move(other.error_)), error_line_(other.error_line_), error_col_(other.error_col_) {
    other.doc_ = nullptr;
}

XmlPart& XmlPart::operator=(XmlPart&& other) noexcept {
    if (this != &other) {
        if (doc_) xmlFreeDoc(doc_);
        doc_ = other.doc_;
        other.doc_ = nullptr;
        error_ = std::move(other.error_);
        error_line_ = other.error_line_;
        error_col_ = other.error_col_;
    }
    return *this;
}

bool is(const xmlNode* n, const char* ns, const char* name) {
    if (!n || n->type != XML_ELEMENT_NODE) return false;
    if (std::strcmp(reinterpret_cast<const char*>(n->name), name) != 0) return false;
    if (!ns) return true;
    return n->ns && n->ns->href && std::strcmp(reinterpret_cast<const char*>(n->ns->href), ns) == 0;
}

xmlNode* child(const xmlNode* n, const char* ns, const char* name) {
    if (!n) return nullptr;
    for (xmlNode* c = n->children; c; c = c->next)
        if (is(c, ns, name)) return c;
    return nullptr;
}

std::string attr(const xmlNode* n, const char* ns, const char* name) {
    if (!n) return {};
    xmlChar* v = ns ? xmlGetNsProp(n, reinterpret_cast<const xmlChar*>(name), reinterpret_cast<const xmlChar*>(ns))
                    : xmlGetNoNsProp(n, reinterpret_cast<const xmlChar*>(name));
    if (!v) return {};
    std::string out = reinterpret_cast<const char*>(v);
    xmlFree(v);
    return out;
}

std::string child_val(const xmlNode* n, const char* name, bool* present) {
    xmlNode* c = child(n, kW, name);
    if (present) *present = c != nullptr;
    return attr(c, kW, "val");
}

bool toggle_on(const xmlNode* n, const char* name) {
    bool present = false;
    std::string v = child_val(n, name, &present);
    return present && v != "0" && v != "false" && v != "none";
}

}  // namespace chuxin::import
