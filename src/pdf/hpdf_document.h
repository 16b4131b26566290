#pragma once
// Move-only owner of one HPDF_Doc. libharu reports errors through a C
// callback; ours only records them (never throws through C frames). Errors
// are sticky in libharu 2.3.0 — every later call fails with 0x1025 until
// HPDF_ResetError — so callers check after each step (research §5).
#include <hpdf.h>

#include <string>
#include <string_view>
#include <vector>

namespace chuxin::pdf {

class HpdfDocument {
public:
    HpdfDocument();
    ~HpdfDocument();
    HpdfDocument(const HpdfDocument&) = delete;
    HpdfDocument& operator=(const HpdfDocument&) = delete;

    HPDF_Doc get() const { return doc_; }
    explicit operator bool() const { return doc_ != nullptr; }

    // If libharu reported errors since the last call: returns them as text
    // ("while <what>: libharu error 0x1025 (detail 0)") and resets the
    // sticky error state; else returns "".
    std::string take_errors(std::string_view what);
    // The whole document as PDF bytes (HPDF_SaveToStream, read back).
    std::string save();

private:
    struct Failure {
        HPDF_STATUS code, detail;
    };
    static void on_error(HPDF_STATUS code, HPDF_STATUS detail, void* self);

    HPDF_Doc doc_ = nullptr;
    std::vector<Failure> failures_;
};

}  // namespace chuxin::pdf
