#pragma once
// Reads a .docx (bytes) into a DocxDocument: the package through
// ZipArchive, its XML parts through XmlPart, styles and numbering resolved.
// Every problem is an error at the .docx file (and the part's line:col when
// the XML is broken); nothing is half-read: on error, nullopt.
#include <optional>
#include <string>

#include "core/diagnostic.h"
#include "import/docx.h"
#include "import/zip_archive.h"

namespace chuxin::import {

// `file` is the path the user gave, for messages.
std::optional<DocxDocument> read_docx(std::string bytes, const std::string& file, Diagnostics& diags,
                                      ZipLimits limits = {});

// What a file that is not a .docx most likely is, from its first bytes:
// "doc" (the old binary Word format, an OLE2 compound file), "odt", "pdf",
// "zip" (some other zip), "" (unknown).
std::string sniff_format(const std::string& bytes);

}  // namespace chuxin::import
