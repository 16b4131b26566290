#pragma once
// word/styles.xml: what a paragraph style implies, with w:basedOn followed
// (ECMA-376 Part 1 §17.7): its name, outline level, list and alignment.
#include <map>
#include <string>

#include "import/xml_part.h"

namespace chuxin::import {

struct ParagraphStyle {
    std::string name;          // w:name ("heading 1", "标题 1", "Title")
    int outline_level = -1;    // w:outlineLvl, -1 = none
    std::string num_id;        // w:numPr of the style ("" = none)
    int ilvl = 0;
    bool centered = false;
    int size_half_points = 0;  // w:rPr/w:sz
    bool bold = false;         // the style's runs are bold (character styles "Strong")
    bool italic = false;
};

class Styles {
public:
    Styles() = default;
    explicit Styles(const xmlNode* styles_root);
    // The style with w:styleId `id`, its bases merged in; an unknown id is
    // the default paragraph style.
    ParagraphStyle resolve(const std::string& id) const;
    int default_size_half_points() const { return default_size_; }

private:
    struct Raw {
        ParagraphStyle style;
        std::string based_on;
        bool has_outline = false, has_num = false, has_jc = false, has_size = false;
    };
    std::map<std::string, Raw> raw_;
    std::string default_paragraph_;
    int default_size_ = 0;
};

}  // namespace chuxin::import
