#pragma once
// One XML part of a .docx (word/document.xml, styles.xml …), parsed with
// libxml2 with no network and no entity substitution, and refused when it
// declares a DOCTYPE: Word and WPS never write one, and a DTD is how XML
// bombs and external entities get in. XmlPart owns the xmlDoc.
#include <string>

#include <libxml/tree.h>

namespace chuxin::import {

class XmlPart {
public:
    XmlPart() = default;
    // `name` is the part's name, for errors ("word/document.xml").
    XmlPart(const std::string& bytes, const std::string& name);
    ~XmlPart();
    XmlPart(XmlPart&& other) noexcept;
    XmlPart& operator=(XmlPart&& other) noexcept;
    XmlPart(const XmlPart&) = delete;
    XmlPart& operator=(const XmlPart&) = delete;

    xmlNode* root() const { return doc_ ? xmlDocGetRootElement(doc_) : nullptr; }
    bool ok() const { return doc_ != nullptr; }
    // "line 3, column 14: …" when parsing failed.
    const std::string& error() const { return error_; }
    int error_line() const { return error_line_; }
    int error_col() const { return error_col_; }

private:
    xmlDoc* doc_ = nullptr;
    std::string error_;
    int error_line_ = 0;
    int error_col_ = 0;
};

// WordprocessingML helpers: namespaces by URI, not by prefix.
inline constexpr const char* kW = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
inline constexpr const char* kR = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

// Is `n` an element `name` in namespace `ns`?
bool is(const xmlNode* n, const char* ns, const char* name);
// The first child element `name` in `ns`, or nullptr.
xmlNode* child(const xmlNode* n, const char* ns, const char* name);
// The attribute `name` in `ns` (nullptr: no namespace), or "".
std::string attr(const xmlNode* n, const char* ns, const char* name);
// w:val of child `name`, or "" (and `present` false when there is no child).
std::string child_val(const xmlNode* n, const char* name, bool* present = nullptr);
// A w:b / w:i style toggle: present and not val="0"/"false"/"none".
bool toggle_on(const xmlNode* n, const char* name);

}  // namespace chuxin::import
