#include "site/handbooks.h"

#include "fonts/font_set.h"
#include "handbook/handbook.h"
#include "pdf/writer.h"

namespace chuxin::site {

void write_handbooks(const model::Site& site, const markdown::Documents& documents, long long source_date_epoch,
                     OutputSink& out, Diagnostics& diags) {
    std::vector<const model::Page*> books;
    for (const auto& page : site.pages)
        if (page.kind == model::Kind::Handbook) books.push_back(&page);
    if (books.empty()) return;
    // One font set for all handbooks: fontconfig and face loading happen once.
    auto fonts = fonts::FontSet::load(fonts::FontConfig{}, diags);
    if (!fonts) return;
    for (const auto* page : books) {
        handbook::HandbookOptions options;
        options.documents = &documents;
        options.source_date_epoch = source_date_epoch;
        layout::LaidOutDocument doc = handbook::build_handbook(site, *page, *fonts, options, diags);
        std::string pdf = pdf::write_pdf(doc, *fonts, diags);
        if (!pdf.empty()) out.write(handbook::handbook_pdf_path(*page), pdf);
    }
}

}  // namespace chuxin::site
