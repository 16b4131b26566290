#pragma once
// A FontMetrics with fixed advances so layout tests never need font files:
// Han and full-width forms 1 em, everything below U+2000 ½ em. Faces are the
// role's index (Latin letters and digits go to the Latin face, 4, or Mono, 6).
#include "layout/metrics.h"

namespace chuxin::layout::testing {

class FakeMetrics : public FontMetrics {
public:
    FaceId face_for(char32_t cp, FaceRole role) const override {
        if (role == FaceRole::Mono) return 6;
        if (cp < 0x2000 && cp != 0xB7) return 4;
        return static_cast<FaceId>(role);
    }
    double advance(FaceId, char32_t cp) const override { return (cp < 0x2000 && cp != 0xB7) ? 0.5 : 1.0; }
    double ascent(FaceId) const override { return 0.88; }
    double descent(FaceId) const override { return 0.12; }
    bool covers(char32_t cp) const override { return cp <= 0xFFFF; }
    std::string face_name(FaceId face) const override { return "fake" + std::to_string(face); }
};

}  // namespace chuxin::layout::testing
