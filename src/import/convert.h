#pragma once
// A DocxDocument → a content file: what the document's parts mean (title,
// date, minutes header, headings from numbering and styles, tables,
// footnotes, images), written as front matter + GFM Markdown.
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "import/docx.h"
#include "import/minutes_header.h"

namespace chuxin::import {

// The kinds import writes (`--kind`): the content kinds, and `notice` (通知,
// 通报: a page in content/notices/).
enum class ImportKind { Page, Notice, Minutes, Case, StudyList, Checklist };
std::optional<ImportKind> import_kind_named(std::string_view name);
std::string_view name_of(ImportKind kind);
// The content kind's `type:` value ("page" for a notice) and folder under content/.
std::string_view type_of(ImportKind kind);
std::string_view folder_of(ImportKind kind);

// What the document's first paragraphs say about it.
struct Analysis {
    std::string title;             // "" = none found: the caller uses the file name
    std::optional<Date> date;      // the date line under the title, or the 落款 date
    MinutesHeader header;          // the minutes header block, if any
    std::vector<size_t> consumed;  // indexes of blocks taken into front matter (title, date line, header)
    std::vector<std::string> kept_header_lines;  // header lines mapped to no field: first lines of the body
    ImportKind guessed = ImportKind::Page;
    std::string guess_reason;      // why ("it has a minutes header: 时间, 地点, 主持人")
};

Analysis analyse(const DocxDocument& doc);

// A warning about the written file: the Markdown line it concerns.
struct ConvertNote {
    int line = 0;  // 1-based line of the written file (front matter included); 0 = the whole file
    std::string message;
    std::string hint;
};

struct ImageFile {
    std::string file_name;  // beside the content file: "<slug>-1.png"
    std::string bytes;
};

struct ContentFile {
    std::string text;  // front matter + body, LF line ends, UTF-8
    std::vector<ImageFile> images;
    std::vector<ConvertNote> notes;
};

// Writes the content file; images are named "<image_stem>-N.ext".
ContentFile convert(const DocxDocument& doc, const Analysis& analysis, ImportKind kind, const std::string& title,
                    const std::string& image_stem);

}  // namespace chuxin::import
