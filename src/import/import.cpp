#include "import/import.h"

#include "import/docx_reader.h"
#include "import/slug.h"
#include "load/content_file.h"
#include "load/site_config.h"

namespace chuxin::import {

namespace {

std::string stem_of(const std::string& path) {
    size_t slash = path.find_last_of("/\\");
    std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
    size_t dot = name.rfind('.');
    return dot == std::string::npos || dot == 0 ? name : name.substr(0, dot);
}

}  // namespace

std::optional<ImportedDocument> import_docx(std::string bytes, const ImportRequest& request, Diagnostics& diags) {
    auto doc = read_docx(std::move(bytes), request.display_path, diags, request.limits);
    if (!doc) return std::nullopt;
    Analysis analysis = analyse(*doc);
    ImportedDocument out;
    out.kind_guessed = !request.kind;
    out.kind = request.kind ? *request.kind : analysis.guessed;
    out.guess_reason = analysis.guess_reason;
    out.title = analysis.title.empty() ? stem_of(request.display_path) : analysis.title;
    if (analysis.title.empty())
        diags.warning({request.display_path, 0, 0}, "no title line found; the title is the file name '" + out.title + "'",
                      "the first paragraph, centred or in a larger size, is the title; edit 'title' in the written file");
    out.slug = !request.name.empty() ? request.name
                                     : slug_for(out.kind, analysis.date, analysis.header.meeting, out.title,
                                                stem_of(request.display_path));
    out.file = convert(*doc, analysis, out.kind, out.title, out.slug);
    return out;
}

void validate_content(const std::string& site_root, const std::string& rel, const std::string& text,
                      const std::string& shown_as, Diagnostics& diags) {
    model::SiteConfig config;
    Diagnostics site_diags;
    load::read_site_config(site_root, config, site_diags);  // its own problems are `chuxin check`'s business
    Diagnostics file_diags;
    load::load_content_file(rel, text, config, file_diags);
    for (Diagnostic d : file_diags.sorted()) {
        d.pos.file = shown_as;
        diags.add(std::move(d));
    }
}

}  // namespace chuxin::import
