#pragma once
// What import reads out of a .docx, before any meaning is given to it: the
// body as paragraphs and tables of formatted runs, Word's automatic numbers
// already rendered as the reader saw them, footnotes and images.
#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace chuxin::import {

struct Run {
    std::string text;       // UTF-8; "\n" is a manual line break (w:br)
    bool bold = false;
    bool italic = false;    // italic, and underline (Markdown has one emphasis)
    std::string link;       // a hyperlink's target URL ("" = none)
    std::string footnote;   // a footnote reference's id ("" = none): the run has no text
    std::string image;      // an image's entry name in the zip ("word/media/image1.png")
};

struct Paragraph {
    std::vector<Run> runs;
    std::string style_name;  // "Heading 2", "标题 2", "Title" … ("" = Normal)
    int outline_level = -1;  // w:outlineLvl (0-based), own or from the style; -1 = body text
    std::string number;      // Word's automatic number as rendered ("一、", "（一）", "1."); "" = none
    bool bullet = false;     // a bulleted list item
    bool centered = false;
    int size_half_points = 0;  // the largest run's font size (w:sz), 0 = unknown
    int index = 0;             // 1-based paragraph number in the document, for messages

    std::string text() const;  // the runs' text, number first
};

struct Cell {
    std::vector<Paragraph> paragraphs;
    int span = 1;               // w:gridSpan
    bool continues_above = false;  // w:vMerge without restart: merged with the cell above
    std::string text() const;   // paragraphs joined with a space
};

struct Table {
    std::vector<std::vector<Cell>> rows;
    int index = 0;  // 1-based table number, for messages
};

using Block = std::variant<Paragraph, Table>;

struct Image {
    std::string name;   // entry name in the zip
    std::string bytes;
};

struct DocxDocument {
    std::vector<Block> blocks;
    std::map<std::string, std::vector<Paragraph>> footnotes;  // by w:id; endnotes by "e" + w:id
    std::vector<Image> images;  // each image the body links, once, in order
    int body_size_half_points = 0;  // the document's default font size
};

}  // namespace chuxin::import
