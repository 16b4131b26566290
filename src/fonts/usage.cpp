#include "fonts/usage.h"

namespace chuxin::fonts {

void FaceUsage::add(layout::FaceId face, char32_t cp) {
    if (cp > 0x10FFFF) return;
    auto& flags = used_[face];
    if (flags.empty()) flags.resize(0x110000);
    flags[cp] = true;
}

void FaceUsage::add_document(const layout::LaidOutDocument& doc) {
    for (const auto& page : doc.pages)
        for (const auto& frame : page.frames)
            if (const auto* run = std::get_if<layout::GlyphRun>(&frame.item))
                for (char32_t cp : run->text)
                    if (cp >= 0x20 && cp <= 0xFFFF) add(run->face, cp);
}

void FaceUsage::add_runs(const layout::LaidOutDocument& doc, layout::GlyphWidths widths) {
    for (const auto& page : doc.pages)
        for (const auto& frame : page.frames)
            if (const auto* run = std::get_if<layout::GlyphRun>(&frame.item))
                if (run->widths == widths)
                    for (char32_t cp : run->text)
                        if (cp >= 0x20 && cp <= 0xFFFF) add(run->face, cp);
}

std::vector<layout::FaceId> FaceUsage::faces() const {
    std::vector<layout::FaceId> out;
    for (const auto& [face, cps] : used_) out.push_back(face);
    return out;
}

std::vector<char32_t> FaceUsage::code_points(layout::FaceId face) const {
    std::vector<char32_t> cps;
    auto it = used_.find(face);
    for (char32_t cp = 0; cp <= 0x10FFFF; ++cp)
        if (cp == U' ' || (it != used_.end() && it->second[cp])) cps.push_back(cp);
    return cps;
}

}  // namespace chuxin::fonts
