#include "site/handbooks.h"

#include "fonts/font_set.h"
#include "fonts/system_world.h"
#include "handbook/handbook.h"
#include "pdf/writer.h"

namespace chuxin::site {

namespace {

// site.yaml `fonts:` over the theme's families (docs/handbook.md "Fonts").
fonts::FontConfig font_config(const model::SiteConfig& config) {
    fonts::FontConfig fc;
    const std::pair<const char*, std::string*> roles[] = {
        {"song", &fc.song}, {"hei", &fc.hei}, {"kai", &fc.kai}, {"fangsong", &fc.fangsong},
        {"latin", &fc.latin}, {"latin_sans", &fc.latin_sans}, {"mono", &fc.mono}};
    for (const auto& [role, family] : roles)
        if (auto it = config.fonts.find(role); it != config.fonts.end()) *family = it->second;
    if (!config.fonts.empty()) fc.where = config.fonts_pos;
    return fc;
}

}  // namespace

void write_handbooks(const model::Site& site, const markdown::Documents& documents, long long source_date_epoch,
                     OutputSink& out, Diagnostics& diags, const HandbookFilter& wanted) {
    // The handbooks' only door to the outside (core/world.h); fontconfig
    // loads only when a handbook asks for fonts.
    const fonts::SystemWorld world(site.root,
                                   source_date_epoch ? std::optional<long long>(source_date_epoch) : std::nullopt);
    write_handbooks(site, documents, world, out, diags, wanted);
}

void write_handbooks(const model::Site& site, const markdown::Documents& documents, const World& world,
                     OutputSink& out, Diagnostics& diags, const HandbookFilter& wanted) {
    std::vector<const model::Page*> books;
    for (const auto& page : site.pages)
        if (page.kind == model::Kind::Handbook && (!wanted || wanted(page))) books.push_back(&page);
    if (books.empty()) return;
    // One font set for all handbooks: font lookup and face loading happen once.
    auto fonts = fonts::FontSet::load(font_config(site.config), world, diags);
    if (!fonts) return;
    for (const auto* page : books) {
        handbook::HandbookOptions options;
        options.documents = &documents;
        layout::LaidOutDocument doc = handbook::build_handbook(site, *page, *fonts, world, options, diags);
        std::string pdf = pdf::write_pdf(doc, *fonts, world, diags);
        if (!pdf.empty()) out.write(handbook::handbook_pdf_path(*page), pdf);
    }
}

}  // namespace chuxin::site
