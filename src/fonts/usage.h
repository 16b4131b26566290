#pragma once
// Which code points each face draws in one document: the input for
// subsetting. Per document (not inside the shared FontSet), so parallel
// builds of several documents never mix their sets.
#include <map>
#include <set>
#include <vector>

#include "layout/frame.h"

namespace chuxin::fonts {

class FaceUsage {
public:
    void add(layout::FaceId face, char32_t cp) { used_[face].insert(cp); }
    // Every GlyphRun's code points (BMP only: libharu cannot draw beyond).
    void add_document(const layout::LaidOutDocument& doc);
    // Faces in ascending id order: deterministic font order in the PDF.
    std::vector<layout::FaceId> faces() const;
    // Sorted code points of `face`, always including U+0020.
    std::vector<char32_t> code_points(layout::FaceId face) const;

private:
    std::map<layout::FaceId, std::set<char32_t>> used_;
};

}  // namespace chuxin::fonts
