#include "import/styles.h"

#include <cstdlib>

namespace chuxin::import {

namespace {

int number(const std::string& s, int fallback) {
    char* end = nullptr;
    long v = std::strtol(s.c_str(), &end, 10);
    return !s.empty() && end && *end == '\0' ? static_cast<int>(v) : fallback;
}

}  // namespace

Styles::Styles(const xmlNode* root) {
    if (!root) return;
    if (xmlNode* defaults = child(root, kW, "docDefaults")) {
        xmlNode* rpr = child(child(defaults, kW, "rPrDefault"), kW, "rPr");
        default_size_ = number(child_val(rpr, "sz"), 0);
    }
    for (xmlNode* n = root->children; n; n = n->next) {
        if (!is(n, kW, "style")) continue;
        Raw r;
        const std::string id = attr(n, kW, "styleId");
        r.style.name = child_val(n, "name");
        r.based_on = child_val(n, "basedOn");
        if (attr(n, kW, "type") == "paragraph" && attr(n, kW, "default") == "1") default_paragraph_ = id;
        xmlNode* ppr = child(n, kW, "pPr");
        std::string outline = child_val(ppr, "outlineLvl", &r.has_outline);
        r.style.outline_level = number(outline, -1);
        if (xmlNode* numpr = child(ppr, kW, "numPr")) {
            r.has_num = true;
            r.style.num_id = child_val(numpr, "numId");
            r.style.ilvl = number(child_val(numpr, "ilvl"), 0);
        }
        std::string jc = child_val(ppr, "jc", &r.has_jc);
        r.style.centered = jc == "center";
        xmlNode* rpr = child(n, kW, "rPr");
        r.style.size_half_points = number(child_val(rpr, "sz", &r.has_size), 0);
        r.style.bold = toggle_on(rpr, "b");
        r.style.italic = toggle_on(rpr, "i") || toggle_on(rpr, "u");
        raw_[id] = std::move(r);
    }
}

ParagraphStyle Styles::resolve(const std::string& wanted) const {
    std::string id = wanted.empty() ? default_paragraph_ : wanted;
    if (!raw_.count(id)) id = default_paragraph_;
    ParagraphStyle out;
    bool named = false, outline = false, num = false, jc = false, size = false, bold = false, italic = false;
    // Follow w:basedOn; a cycle (a damaged file) stops after 32 steps.
    for (int depth = 0; depth < 32 && raw_.count(id); ++depth) {
        const Raw& r = raw_.at(id);
        if (!named) out.name = r.style.name, named = true;
        if (!outline && r.has_outline) out.outline_level = r.style.outline_level, outline = true;
        if (!num && r.has_num) out.num_id = r.style.num_id, out.ilvl = r.style.ilvl, num = true;
        if (!jc && r.has_jc) out.centered = r.style.centered, jc = true;
        if (!size && r.has_size) out.size_half_points = r.style.size_half_points, size = true;
        if (!bold && r.style.bold) out.bold = bold = true;
        if (!italic && r.style.italic) out.italic = italic = true;
        if (r.based_on.empty()) break;
        id = r.based_on;
    }
    return out;
}

}  // namespace chuxin::import
