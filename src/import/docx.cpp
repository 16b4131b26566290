#include "import/docx.h"

namespace chuxin::import {

std::string Paragraph::text() const {
    std::string out = number;
    for (const Run& r : runs) out += r.text;
    return out;
}

std::string Cell::text() const {
    std::string out;
    for (const Paragraph& p : paragraphs) {
        std::string t = p.text();
        if (t.empty()) continue;
        if (!out.empty()) out += ' ';
        out += t;
    }
    return out;
}

}  // namespace chuxin::import
