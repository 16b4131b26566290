#include "pdf/hpdf_document.h"

#include <cstdio>
#include <vector>

namespace chuxin::pdf {

HpdfDocument::HpdfDocument() : doc_(HPDF_New(&HpdfDocument::on_error, this)) {}

HpdfDocument::~HpdfDocument() {
    if (doc_) HPDF_Free(doc_);
}

// Runs inside libharu (C frames): must not throw.
void HpdfDocument::on_error(HPDF_STATUS code, HPDF_STATUS detail, void* self) {
    try {
        static_cast<HpdfDocument*>(self)->failures_.push_back({code, detail});
    } catch (...) {
        // Out of memory while recording: the sticky libharu error remains
        // and take_errors() still reports that something failed.
    }
}

std::string HpdfDocument::take_errors(std::string_view what) {
    if (failures_.empty() && (!doc_ || HPDF_GetError(doc_) == HPDF_OK)) return {};
    std::string text = "while " + std::string(what) + ":";
    for (const Failure& f : failures_) {
        char buf[64];
        std::snprintf(buf, sizeof buf, " libharu error 0x%04lX (detail %lu)",
                      static_cast<unsigned long>(f.code), static_cast<unsigned long>(f.detail));
        text += buf;
    }
    failures_.clear();
    if (doc_) HPDF_ResetError(doc_);
    return text;
}

std::string HpdfDocument::save() {
    std::string out;
    if (HPDF_SaveToStream(doc_) != HPDF_OK) return out;
    out.reserve(HPDF_GetStreamSize(doc_));
    char buf[65536];
    for (;;) {
        HPDF_UINT32 len = sizeof buf;
        HPDF_STATUS status = HPDF_ReadFromStream(doc_, reinterpret_cast<HPDF_BYTE*>(buf), &len);
        out.append(buf, len);
        if (status != HPDF_OK) break;  // HPDF_STREAM_EOF ends the copy
    }
    // Reaching the end is how the copy stops, not a failure.
    std::erase_if(failures_, [](const Failure& f) { return f.code == HPDF_STREAM_EOF; });
    if (HPDF_GetError(doc_) == HPDF_STREAM_EOF) HPDF_ResetError(doc_);
    return out;
}

}  // namespace chuxin::pdf
