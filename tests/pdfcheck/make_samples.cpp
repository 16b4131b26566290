// Writes small PDFs with known typesetting faults (and one without) for the
// checker's own tests (test_check_pdf.py): made with chuxin's PDF backend and
// real fonts, so pdftotext reads them as it reads a handbook.
//   pdfcheck_samples OUTDIR
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <string>

#include "fonts/font_set.h"
#include "fonts/system_world.h"
#include "pdf/sample_document.h"
#include "pdf/writer.h"

using namespace chuxin;
using namespace chuxin::pdf_test;

namespace {

constexpr double kLeft = 60, kWidth = 300, kSize = 10.5, kPitch = 17;

// 28 Han characters: a full line at 10.5 pt in 300 pt (28.6 em).
const std::u32string kFull = U"学习贯彻党的理论创新成果坚持学思用贯通知信行统一推动工作";

struct Sample {
    SampleBuilder b;
    Page* page;
    double y = 80;
    explicit Sample(const fonts::FontSet& fonts) : b(fonts) {
        b.doc.info = {"样张", "chuxin", "", "chuxin tests"};
        page = &b.page(PageNumberStyle::Decimal, 1);
        page->frames.push_back({Destination{"top", Pt(y - 14)}, {}});
        b.doc.bookmarks.push_back({"样张", "top", 0});
    }
    void justified(const std::u32string& text, double indent = 0) {
        b.justified(*page, text, FaceRole::Song, kSize, kLeft + indent, y, kWidth - indent);
        y += kPitch;
    }
    void ragged(const std::u32string& text, double indent = 0) {
        b.line(*page, text, FaceRole::Song, kSize, kLeft + indent, y);
        y += kPitch;
    }
    // A paragraph: first line indented 2 em, three justified lines, a short last one.
    void paragraph() {
        justified(kFull.substr(0, 26), 2 * kSize);
        justified(kFull);
        justified(kFull);
        ragged(kFull.substr(0, 10) + U"。");
    }
};

void write(const std::filesystem::path& path, const LaidOutDocument& doc, const fonts::FontSet& fonts) {
    Diagnostics diags;
    const fonts::SystemWorld world("", 1767225600);  // the samples' date
    std::ofstream(path, std::ios::binary) << pdf::write_pdf(doc, fonts, world, diags);
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: pdfcheck_samples OUTDIR\n");
        return 2;
    }
    const std::filesystem::path out = argv[1];
    std::filesystem::create_directories(out);
    Diagnostics diags;
    const fonts::SystemWorld world("", 1767225600);  // the samples' date
    auto fonts = fonts::FontSet::load(fonts::FontConfig{}, world, diags);
    if (!fonts) {
        std::fprintf(stderr, "pdfcheck_samples: no fonts\n");
        return 1;
    }
    const std::u32string body = kFull.substr(0, 27);
    const std::pair<const char*, std::function<void(Sample&)>> samples[] = {
        {"clean.pdf", [](Sample& s) { s.paragraph(); s.paragraph(); }},
        // The second line of the paragraph starts with '，'.
        {"line-start-comma.pdf", [&](Sample& s) {
             s.justified(kFull.substr(0, 26), 2 * kSize);
             s.justified(U"，" + body);
             s.ragged(kFull.substr(0, 10) + U"。");
         }},
        // The first line ends with an opening mark.
        {"line-end-bracket.pdf", [&](Sample& s) {
             s.justified(kFull.substr(0, 25) + U"（", 2 * kSize);
             s.ragged(kFull.substr(0, 10) + U"）。");
         }},
        // —— split: one dash ends the first line, the other starts the second.
        {"split-dash.pdf", [&](Sample& s) {
             s.justified(kFull.substr(0, 25) + U"—", 2 * kSize);
             s.ragged(U"—" + kFull.substr(0, 10) + U"。");
         }},
        // A middle line left short by one character: not justified.
        {"ragged-middle.pdf", [&](Sample& s) {
             s.justified(kFull.substr(0, 26), 2 * kSize);
             s.ragged(kFull.substr(0, 27));
             s.justified(kFull);
             s.ragged(kFull.substr(0, 10) + U"。");
         }},
    };
    for (const auto& [name, fill] : samples) {
        Sample s(*fonts);
        fill(s);
        write(out / name, s.b.doc, *fonts);
    }
    return 0;
}
