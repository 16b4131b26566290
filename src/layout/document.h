#pragma once
// The neutral document the layout engine typesets (style.md §2: one
// format-neutral model as the hub). The handbook stage builds it from the
// site model and Markdown; layout never sees Markdown or model::Site.
// Text is UTF-8; every node keeps its source position for warnings.
#include <string>
#include <vector>

#include "core/chapter_start.h"
#include "core/source_pos.h"
#include "layout/frame.h"
#include "layout/metrics.h"

namespace chuxin::layout {

// Inline style flags (bit set): strong → 黑体, emphasis → 楷体, code → mono.
enum InlineFlag : unsigned {
    kPlain = 0,
    kStrong = 1u << 0,
    kEmphasis = 1u << 1,
    kCode = 1u << 2,
    kStrike = 1u << 3,
};

enum class SpanKind {
    Text,         // `text`
    LineBreak,    // hard break inside a paragraph
    PageRef,      // "（第N页）" for `dest`, N found by iterating (spec §4)
    FootnoteRef,  // superscript `label`; `text` is the note, set at the page foot
};

struct Span {
    SpanKind kind = SpanKind::Text;
    std::string text;
    unsigned flags = kPlain;
    std::string dest;   // internal link target (Destination name), or ""
    std::string uri;    // external link, or ""
    std::string label;  // footnote mark
    SourcePos pos;
    // FootnoteRef: the note as spans (links and refs inside it stay links);
    // when empty, the plain `text` is set.
    std::vector<Span> note = {};
};
using Inlines = std::vector<Span>;

enum class Align { Justify, Left, Center, Right };

enum class TaskState { None, Open, Done };

struct Block;

struct ListItem {
    TaskState task = TaskState::None;
    std::vector<Block> blocks;
};

struct TableCell {
    Inlines text;
    Align align = Align::Left;
};

struct TableRow {
    std::vector<TableCell> cells;
    std::string dest;  // a Destination at the row (item ids), or ""
};

// A small drawn status mark (checklist ledger, schedule): words carry the
// meaning, the mark only helps the eye (design.md: never colour alone).
enum class Mark { None, Done, Doing, Open, Overdue };

enum class BlockKind {
    Paragraph,  // inlines
    Heading,    // inlines, level 1..4 (rank inside the chapter)
    List,       // items, ordered/start
    Quote,      // children, set in 楷体
    Code,       // code
    Table,      // rows, header_rows
    Image,      // path, alt
    Rule,
    Panel,      // tinted box: title + children (minutes header, lessons)
};

struct Block {
    BlockKind kind = BlockKind::Paragraph;
    SourcePos pos;
    std::string dest;     // Destination placed at the block's top, or ""
    // Paragraph / Heading
    Inlines inlines;
    int level = 1;
    Align align = Align::Justify;
    bool indent = true;   // 2-em first-line indent (clreq §paragraph rules)
    bool in_toc = false;  // heading listed in the TOC / bookmarks
    // List
    bool ordered = false;
    int start = 1;
    std::vector<ListItem> items;
    // Quote / Panel (and Image: `title` is its caption, set under it)
    std::vector<Block> children;
    std::string title;
    FaceRole role = FaceRole::Song;  // panel body face
    // Code
    std::string code;
    // Table
    std::vector<TableRow> rows;
    int header_rows = 0;
    std::vector<Mark> row_marks;  // optional per row: mark drawn in the last cell
    // Image
    std::string path;  // site-relative (World::read_file), "" when not a file of the site
    std::string alt;
};

struct Chapter {
    std::string title;
    std::string dest;          // Destination name of the chapter start
    std::vector<Block> blocks;
    SourcePos pos;
};

struct Part {
    std::string title;         // "" = chapters without a part title page
    std::string dest;
    std::vector<Chapter> chapters;
};

enum class PaperSize { A4, A5, B5, K16, K32 };
enum class StyleKind { Handbook, Gbt9704 };
using ChapterStart = chuxin::ChapterStart;  // core/chapter_start.h

struct Book {
    std::string title;
    std::string subtitle;
    std::string publisher;
    std::string edition;
    std::string subject;
    PaperSize paper = PaperSize::A5;
    StyleKind style = StyleKind::Handbook;
    ChapterStart chapter_start = ChapterStart::NewPage;
    int toc_depth = 2;             // heading levels shown in the TOC
    Pt bleed{0};                   // print bleed around every page (0: none)
    std::vector<Block> preface;    // 前言 (the handbook page's body)
    std::vector<Part> parts;
    SourcePos pos;
};

}  // namespace chuxin::layout
