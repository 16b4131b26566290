#include "fonts/usage.h"

namespace chuxin::fonts {

void FaceUsage::add_document(const layout::LaidOutDocument& doc) {
    for (const auto& page : doc.pages)
        for (const auto& frame : page.frames)
            if (const auto* run = std::get_if<layout::GlyphRun>(&frame.item))
                for (char32_t cp : run->text)
                    if (cp >= 0x20 && cp <= 0xFFFF) add(run->face, cp);
}

std::vector<layout::FaceId> FaceUsage::faces() const {
    std::vector<layout::FaceId> out;
    for (const auto& [face, cps] : used_) out.push_back(face);
    return out;
}

std::vector<char32_t> FaceUsage::code_points(layout::FaceId face) const {
    std::set<char32_t> cps{U' '};
    if (auto it = used_.find(face); it != used_.end()) cps.insert(it->second.begin(), it->second.end());
    return {cps.begin(), cps.end()};
}

}  // namespace chuxin::fonts
