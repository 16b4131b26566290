#pragma once
// Which code points each face draws in one document: the input for
// subsetting. Per document (not inside the shared FontSet), so parallel
// builds of several documents never mix their sets.
#include <map>
#include <vector>

#include "layout/frame.h"

namespace chuxin::fonts {

class FaceUsage {
public:
    void add(layout::FaceId face, char32_t cp);
    // Every GlyphRun's code points (BMP only: libharu cannot draw beyond).
    void add_document(const layout::LaidOutDocument& doc);
    // Only the code points of runs drawn with `widths` (a face variant with
    // other declared widths is a font of its own: layout/frame.h).
    void add_runs(const layout::LaidOutDocument& doc, layout::GlyphWidths widths);
    // Faces in ascending id order: deterministic font order in the PDF.
    std::vector<layout::FaceId> faces() const;
    // Sorted code points of `face`, always including U+0020.
    std::vector<char32_t> code_points(layout::FaceId face) const;

private:
    // One flag per code point (a book has ~10^5 glyphs and ~10^3 distinct
    // characters: a flag array beats a tree insert per glyph).
    std::map<layout::FaceId, std::vector<bool>> used_;
};

}  // namespace chuxin::fonts
