#pragma once
// `chuxin import`: a Word/WPS .docx → one content file (docs/import.md).
// read_docx (the package) → analyse (title, date, minutes header, kind) →
// convert (front matter + Markdown, images). Pure: bytes in, text out; the
// command line reads and writes the files.
#include <optional>
#include <string>

#include "core/diagnostic.h"
#include "import/convert.h"
#include "import/zip_archive.h"

namespace chuxin::import {

struct ImportedDocument {
    ImportKind kind = ImportKind::Page;
    bool kind_guessed = false;
    std::string guess_reason;
    std::string title;
    std::string slug;      // the file name without .md (from the document, or the --output name)
    ContentFile file;
};

struct ImportRequest {
    std::string display_path;        // the .docx as the user named it, for messages
    std::optional<ImportKind> kind;  // --kind; nullopt: guessed
    std::string name;                // the content file's stem (--output); "": a slug from the document
    ZipLimits limits;
};

std::optional<ImportedDocument> import_docx(std::string bytes, const ImportRequest& request, Diagnostics& diags);

// Validates a content file as `chuxin check` validates each file
// (load::load_content_file with the site's site.yaml): `rel` is its path
// under content/ ("minutes/2026-05-12-zhutidangri.md"); diagnostics name
// `shown_as` (the written file as the user sees it).
void validate_content(const std::string& site_root, const std::string& rel, const std::string& text,
                      const std::string& shown_as, Diagnostics& diags);

}  // namespace chuxin::import
